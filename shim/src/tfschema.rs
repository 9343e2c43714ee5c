//! A Terraform provider's schema as the shim uses it: one model for what protocols 5 and
//! 6 return from GetProviderSchema, the cty object type each block implies (values are
//! encoded against it), and the `terraform providers schema -json` form that
//! `cloudgen import-schema` writes.

use crate::cty::{CtyError, Type};
use crate::proto::{tfplugin5 as v5, tfplugin6 as v6};
use serde_json::{json, Map, Value as Json};
use std::collections::BTreeMap;

/// How a nested block or nested attribute repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    /// One object (may be null).
    Single,
    /// One object that is never null.
    Group,
    /// A list of objects.
    List,
    /// A set of objects.
    Set,
    /// A map of objects.
    Map,
}

impl Nesting {
    fn from_proto(n: i32) -> Result<Nesting, CtyError> {
        Ok(match n {
            1 => Nesting::Single,
            2 => Nesting::List,
            3 => Nesting::Set,
            4 => Nesting::Map,
            5 => Nesting::Group,
            other => return Err(CtyError(format!("invalid nesting mode {other}"))),
        })
    }

    fn name(self) -> &'static str {
        match self {
            Nesting::Single => "single",
            Nesting::Group => "group",
            Nesting::List => "list",
            Nesting::Set => "set",
            Nesting::Map => "map",
        }
    }

    /// Wraps an element object type as this nesting mode implies.
    fn wrap(self, obj: Type) -> Type {
        match self {
            Nesting::Single | Nesting::Group => obj,
            Nesting::List => Type::List(Box::new(obj)),
            Nesting::Set => Type::Set(Box::new(obj)),
            Nesting::Map => Type::Map(Box::new(obj)),
        }
    }
}

/// A schema: a versioned block.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// The schema version (state upgrades key on it).
    pub version: i64,
    /// The top-level block.
    pub block: Block,
}

/// A block: attributes and nested blocks.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// Attributes by name.
    pub attributes: BTreeMap<String, Attribute>,
    /// Nested blocks by name.
    pub block_types: BTreeMap<String, NestedBlock>,
    /// Documentation.
    pub description: String,
    /// True when the description is markdown.
    pub markdown: bool,
    /// Deprecated block.
    pub deprecated: bool,
}

/// An attribute: typed by a cty type, or (protocol 6) by a nested object.
#[derive(Clone, Debug)]
pub struct Attribute {
    /// The cty type (absent when `nested` is set).
    pub ty: Option<Type>,
    /// Protocol 6 nested attributes.
    pub nested: Option<NestedObject>,
    /// Documentation.
    pub description: String,
    /// True when the description is markdown.
    pub markdown: bool,
    /// Must be set in configuration.
    pub required: bool,
    /// May be set in configuration.
    pub optional: bool,
    /// Set by the provider.
    pub computed: bool,
    /// Secret.
    pub sensitive: bool,
    /// Deprecated.
    pub deprecated: bool,
    /// Configuration only, never stored in state.
    pub write_only: bool,
}

/// Protocol 6 nested attributes.
#[derive(Clone, Debug)]
pub struct NestedObject {
    /// The element's attributes.
    pub attributes: BTreeMap<String, Attribute>,
    /// How the element repeats.
    pub nesting: Nesting,
}

/// A nested block.
#[derive(Clone, Debug)]
pub struct NestedBlock {
    /// The element's block.
    pub block: Block,
    /// How the element repeats.
    pub nesting: Nesting,
    /// Minimum number of elements (0 = none).
    pub min_items: i64,
    /// Maximum number of elements (0 = unbounded).
    pub max_items: i64,
}

/// Everything GetProviderSchema returns that the shim uses.
#[derive(Clone, Debug, Default)]
pub struct ProviderSchema {
    /// The provider configuration.
    pub provider: Schema,
    /// Resources by type name.
    pub resources: BTreeMap<String, Schema>,
    /// Data sources by type name.
    pub data_sources: BTreeMap<String, Schema>,
}

impl Block {
    /// The cty object type of this block's values.
    pub fn implied_type(&self) -> Type {
        let mut attrs: BTreeMap<String, Type> = self
            .attributes
            .iter()
            .map(|(k, a)| (k.clone(), a.implied_type()))
            .collect();
        for (k, b) in &self.block_types {
            attrs.insert(k.clone(), b.nesting.wrap(b.block.implied_type()));
        }
        Type::Object(attrs)
    }

    fn to_json(&self) -> Json {
        let mut o = Map::new();
        if !self.attributes.is_empty() {
            o.insert(
                "attributes".into(),
                Json::Object(self.attributes.iter().map(|(k, a)| (k.clone(), a.to_json())).collect()),
            );
        }
        if !self.block_types.is_empty() {
            let bts = self
                .block_types
                .iter()
                .map(|(k, b)| {
                    let mut bo = Map::new();
                    bo.insert("nesting_mode".into(), b.nesting.name().into());
                    bo.insert("block".into(), b.block.to_json());
                    if b.min_items > 0 {
                        bo.insert("min_items".into(), b.min_items.into());
                    }
                    if b.max_items > 0 {
                        bo.insert("max_items".into(), b.max_items.into());
                    }
                    (k.clone(), Json::Object(bo))
                })
                .collect();
            o.insert("block_types".into(), Json::Object(bts));
        }
        describe(&mut o, &self.description, self.markdown);
        if self.deprecated {
            o.insert("deprecated".into(), true.into());
        }
        Json::Object(o)
    }
}

fn describe(o: &mut Map<String, Json>, description: &str, markdown: bool) {
    if !description.is_empty() {
        o.insert("description".into(), description.into());
    }
    o.insert("description_kind".into(), if markdown { "markdown" } else { "plain" }.into());
}

impl Attribute {
    /// The cty type of this attribute's values.
    pub fn implied_type(&self) -> Type {
        match (&self.nested, &self.ty) {
            (Some(n), _) => n.nesting.wrap(Type::Object(
                n.attributes.iter().map(|(k, a)| (k.clone(), a.implied_type())).collect(),
            )),
            (None, Some(t)) => t.clone(),
            (None, None) => Type::Dynamic,
        }
    }

    fn to_json(&self) -> Json {
        let mut o = Map::new();
        if let Some(t) = &self.ty {
            o.insert("type".into(), t.to_json());
        }
        if let Some(n) = &self.nested {
            o.insert(
                "nested_type".into(),
                json!({
                    "attributes": n.attributes.iter().map(|(k, a)| (k.clone(), a.to_json())).collect::<Map<_, _>>(),
                    "nesting_mode": n.nesting.name(),
                }),
            );
        }
        describe(&mut o, &self.description, self.markdown);
        for (flag, on) in [
            ("required", self.required),
            ("optional", self.optional),
            ("computed", self.computed),
            ("sensitive", self.sensitive),
            ("deprecated", self.deprecated),
            ("write_only", self.write_only),
        ] {
            if on {
                o.insert(flag.into(), true.into());
            }
        }
        Json::Object(o)
    }
}

impl Schema {
    fn to_json(&self) -> Json {
        json!({ "version": self.version, "block": self.block.to_json() })
    }
}

impl ProviderSchema {
    /// The schema in the `terraform providers schema -json` format, for the provider
    /// `address` (e.g. `registry.terraform.io/hashicorp/random`).
    pub fn to_terraform_json(&self, address: &str) -> Json {
        let map = |m: &BTreeMap<String, Schema>| -> Json {
            Json::Object(m.iter().map(|(k, s)| (k.clone(), s.to_json())).collect())
        };
        let mut p = Map::new();
        p.insert("provider".into(), self.provider.to_json());
        if !self.resources.is_empty() {
            p.insert("resource_schemas".into(), map(&self.resources));
        }
        if !self.data_sources.is_empty() {
            p.insert("data_source_schemas".into(), map(&self.data_sources));
        }
        json!({ "format_version": "1.0", "provider_schemas": { address: Json::Object(p) } })
    }
}

// ---- conversion from the two protocol versions --------------------------------------

fn ty(bytes: &[u8]) -> Result<Option<Type>, CtyError> {
    if bytes.is_empty() {
        Ok(None)
    } else {
        Type::from_json_bytes(bytes).map(Some)
    }
}

/// Converts a protocol 5 schema.
pub fn from_v5(s: &v5::Schema) -> Result<Schema, CtyError> {
    fn block(b: &v5::schema::Block) -> Result<Block, CtyError> {
        let mut out = Block {
            description: b.description.clone(),
            markdown: b.description_kind == 1,
            deprecated: b.deprecated,
            ..Block::default()
        };
        for a in &b.attributes {
            out.attributes.insert(
                a.name.clone(),
                Attribute {
                    ty: ty(&a.r#type)?,
                    nested: None,
                    description: a.description.clone(),
                    markdown: a.description_kind == 1,
                    required: a.required,
                    optional: a.optional,
                    computed: a.computed,
                    sensitive: a.sensitive,
                    deprecated: a.deprecated,
                    write_only: a.write_only,
                },
            );
        }
        for nb in &b.block_types {
            out.block_types.insert(
                nb.type_name.clone(),
                NestedBlock {
                    block: block(nb.block.as_ref().unwrap_or(&Default::default()))?,
                    nesting: Nesting::from_proto(nb.nesting)?,
                    min_items: nb.min_items,
                    max_items: nb.max_items,
                },
            );
        }
        Ok(out)
    }
    Ok(Schema { version: s.version, block: block(s.block.as_ref().unwrap_or(&Default::default()))? })
}

/// Converts a protocol 6 schema.
pub fn from_v6(s: &v6::Schema) -> Result<Schema, CtyError> {
    fn attr(a: &v6::schema::Attribute) -> Result<Attribute, CtyError> {
        let nested = match &a.nested_type {
            Some(o) => Some(NestedObject {
                attributes: o
                    .attributes
                    .iter()
                    .map(|x| Ok((x.name.clone(), attr(x)?)))
                    .collect::<Result<_, CtyError>>()?,
                nesting: Nesting::from_proto(o.nesting)?,
            }),
            None => None,
        };
        Ok(Attribute {
            ty: ty(&a.r#type)?,
            nested,
            description: a.description.clone(),
            markdown: a.description_kind == 1,
            required: a.required,
            optional: a.optional,
            computed: a.computed,
            sensitive: a.sensitive,
            deprecated: a.deprecated,
            write_only: a.write_only,
        })
    }
    fn block(b: &v6::schema::Block) -> Result<Block, CtyError> {
        let mut out = Block {
            description: b.description.clone(),
            markdown: b.description_kind == 1,
            deprecated: b.deprecated,
            ..Block::default()
        };
        for a in &b.attributes {
            out.attributes.insert(a.name.clone(), attr(a)?);
        }
        for nb in &b.block_types {
            out.block_types.insert(
                nb.type_name.clone(),
                NestedBlock {
                    block: block(nb.block.as_ref().unwrap_or(&Default::default()))?,
                    nesting: Nesting::from_proto(nb.nesting)?,
                    min_items: nb.min_items,
                    max_items: nb.max_items,
                },
            );
        }
        Ok(out)
    }
    Ok(Schema { version: s.version, block: block(s.block.as_ref().unwrap_or(&Default::default()))? })
}

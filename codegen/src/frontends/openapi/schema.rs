//! Schema mapping: OpenAPI schemas (as `openapiv3` reads them) → IR types.
//!
//! Rules, each pinned by a fixture in `tests/fixtures/openapi/`:
//! - A component schema that is an object (own or `allOf`-merged properties) becomes a
//!   named object type; one that is an enum becomes a named enum; anything else (a
//!   primitive, an array, a map, a union) is an alias and is used in place. Named types
//!   are created before their properties are mapped, so recursive schemas terminate.
//! - Inline objects and enums are named parent + property (`ServerNetworkDns`) here, so
//!   one inline schema reached along two paths is one type; identical shapes share it,
//!   different shapes with the same name get a numeric suffix.
//! - `allOf` is merged (properties and `required` of every member); a lone `allOf`
//!   member without own properties (the "reference with a description" idiom) is that
//!   member's type. `oneOf`/`anyOf` → a union, with the discriminator's mapping turned
//!   into type tokens.
//! - `additionalProperties` → map; an object with neither → `Any`.
//! - Formats: `int32`/`int64` → integer, `float`/`double` → number, `date`/`date-time`/
//!   `byte` → string, `binary` → `Asset`, `password` → secret string.
//! - Kubernetes: `x-kubernetes-int-or-string` / `format: int-or-string` → integer|string;
//!   `x-kubernetes-preserve-unknown-fields` without properties → `Any`.
//! - `nullable` → optional; `readOnly`/`writeOnly` are reported on [`Field`] so resource
//!   lowering can keep them out of inputs/outputs; `writeOnly` is also secret.

use super::naming;
use crate::diag::{Diagnostic, SourceRef};
use crate::ir::{DefaultValue, Discriminator, EnumType, EnumValue, Ident, ObjectType, Primitive, Property, RawMap, Token, TypeDef, TypeRef, Usage};
use openapiv3::{AdditionalProperties, OpenAPI, ReferenceOr, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where a generated name goes: the module and the PascalCase name suggestion.
#[derive(Debug, Clone)]
pub struct Hint {
    pub module: String,
    pub name: String,
}

impl Hint {
    pub fn new(module: impl Into<String>, name: impl Into<String>) -> Hint {
        Hint { module: module.into(), name: name.into() }
    }
    /// The hint for a property of this object.
    pub fn child(&self, prop: &str) -> Hint {
        Hint { module: self.module.clone(), name: format!("{}{}", self.name, naming::type_name(prop)) }
    }
}

/// A schema or a reference, as found in either place `openapiv3` keeps them (property
/// schemas are boxed, the rest are not).
#[derive(Clone, Copy)]
pub enum SRef<'a> {
    Plain(&'a ReferenceOr<Schema>),
    Boxed(&'a ReferenceOr<Box<Schema>>),
}

/// A mapped property with the flags that decide which side of a resource it is on.
#[derive(Debug, Clone)]
pub struct Field {
    pub prop: Property,
    pub read_only: bool,
    pub write_only: bool,
}

/// Maps schemas of one document; collects the named types it creates.
pub struct Mapper<'a> {
    pub api: &'a OpenAPI,
    pkg: String,
    file: SourceRef,
    /// Swagger 2.0 input: component pointers are written `/definitions/…`.
    swagger: bool,
    /// Module for named types without a module of their own.
    types_module: String,
    pub types: BTreeMap<Token, TypeDef>,
    named: HashMap<String, TypeRef>,
    token_owner: HashMap<Token, String>,
    in_progress: HashSet<String>,
    pub diags: Vec<Diagnostic>,
    depth: usize,
}

const MAX_DEPTH: usize = 64;

/// An object schema's own properties, in order.
type OwnProps<'a> = Vec<(&'a String, &'a ReferenceOr<Box<Schema>>)>;

impl<'a> Mapper<'a> {
    pub fn new(api: &'a OpenAPI, pkg: &str, file: SourceRef, swagger: bool, types_module: &str) -> Self {
        Mapper {
            api,
            pkg: pkg.to_string(),
            file,
            swagger,
            types_module: types_module.to_string(),
            types: BTreeMap::new(),
            named: HashMap::new(),
            token_owner: HashMap::new(),
            in_progress: HashSet::new(),
            diags: Vec::new(),
            depth: 0,
        }
    }

    /// The source of a component schema.
    pub fn component_src(&self, name: &str) -> SourceRef {
        if self.swagger {
            self.file.child("definitions").child(name)
        } else {
            self.file.child("components").child("schemas").child(name)
        }
    }

    /// The component name a local schema reference names.
    pub fn ref_name(r: &str) -> Option<String> {
        r.strip_prefix("#/components/schemas/").map(|n| n.replace("~1", "/").replace("~0", "~"))
    }

    /// Follows schema references (and alias chains of references) to a schema.
    pub fn deref(&self, s: &'a ReferenceOr<Schema>) -> Option<(&'a Schema, Option<String>)> {
        let mut cur = s;
        let mut name = None;
        for _ in 0..MAX_DEPTH {
            match cur {
                ReferenceOr::Item(schema) => return Some((schema, name)),
                ReferenceOr::Reference { reference } => {
                    let n = Self::ref_name(reference)?;
                    cur = self.api.components.as_ref()?.schemas.get(&n)?;
                    name = Some(n);
                }
            }
        }
        None
    }

    /// [`deref`](Self::deref) for either kind of schema reference.
    pub fn deref_s(&self, s: SRef<'a>) -> Option<(&'a Schema, Option<String>)> {
        match s {
            SRef::Plain(p) => self.deref(p),
            SRef::Boxed(b) => self.deref_boxed(b),
        }
    }

    /// [`ty`](Self::ty) for either kind of schema reference.
    pub fn ty_s(&mut self, s: SRef<'a>, hint: &Hint, src: &SourceRef) -> TypeRef {
        match s {
            SRef::Plain(p) => self.ty(p, hint, src),
            SRef::Boxed(b) => self.ty_boxed(b, hint, src),
        }
    }

    fn deref_boxed(&self, s: &'a ReferenceOr<Box<Schema>>) -> Option<(&'a Schema, Option<String>)> {
        match s {
            ReferenceOr::Item(b) => Some((&**b, None)),
            ReferenceOr::Reference { reference } => {
                let n = Self::ref_name(reference)?;
                let target = self.api.components.as_ref()?.schemas.get(&n)?;
                self.deref(target).map(|(s, inner)| (s, inner.or(Some(n))))
            }
        }
    }

    fn unresolved(&mut self, r: &str, src: &SourceRef) -> TypeRef {
        self.diags.push(
            Diagnostic::error(src.clone(), format!("cannot resolve schema reference `{r}`"))
                .with_hint("schema references must name an entry of `components.schemas` (or `definitions`)"),
        );
        TypeRef::Any
    }

    /// The type of a (possibly referenced) schema.
    pub fn ty(&mut self, s: &'a ReferenceOr<Schema>, hint: &Hint, src: &SourceRef) -> TypeRef {
        match s {
            ReferenceOr::Reference { reference } => self.ref_ty(reference, src),
            ReferenceOr::Item(schema) => self.schema_ty(schema, hint, src),
        }
    }

    fn ty_boxed(&mut self, s: &'a ReferenceOr<Box<Schema>>, hint: &Hint, src: &SourceRef) -> TypeRef {
        match s {
            ReferenceOr::Reference { reference } => self.ref_ty(reference, src),
            ReferenceOr::Item(schema) => self.schema_ty(schema, hint, src),
        }
    }

    fn ref_ty(&mut self, r: &str, src: &SourceRef) -> TypeRef {
        match Self::ref_name(r) {
            Some(name) if self.api.components.as_ref().is_some_and(|c| c.schemas.contains_key(&name)) => self.named_ty(&name),
            _ => self.unresolved(r, src),
        }
    }

    /// The token a component schema's type gets (unique per component name).
    fn token_for(&mut self, name: &str, schema: &Schema) -> Token {
        // Dotted names first: a shared type (`DeleteOptions`) lists many kinds.
        let (module, base) = match naming::dotted_type(name) {
            Some((m, n)) => (m, n),
            None => match gvk_of(&schema.schema_data.extensions) {
                Some(g) => (format!("{}/{}", naming::k8s_group(&g.group), g.version), naming::type_name(&g.kind)),
                None => {
                    let last = if name.contains('.') { name.rsplit('.').next().unwrap_or(name) } else { name };
                    (self.types_module.clone(), naming::type_name(last))
                }
            },
        };
        let mut n = 1;
        loop {
            let candidate = Token::new(self.pkg.clone(), module.clone(), if n == 1 { base.clone() } else { format!("{base}{n}") });
            match self.token_owner.get(&candidate) {
                Some(owner) if owner != name => n += 1,
                _ => {
                    self.token_owner.insert(candidate.clone(), name.to_string());
                    return candidate;
                }
            }
        }
    }

    /// The type of the component schema `name`, creating its named type on first use.
    pub fn named_ty(&mut self, name: &str) -> TypeRef {
        if let Some(t) = self.named.get(name) {
            return t.clone();
        }
        let src = self.component_src(name);
        let Some(entry) = self.api.components.as_ref().and_then(|c| c.schemas.get(name)) else {
            return self.unresolved(name, &src);
        };
        let Some((schema, _)) = self.deref(entry) else {
            let r = format!("#/components/schemas/{name}");
            return self.unresolved(&r, &src);
        };
        if self.in_progress.contains(name) {
            // An alias that refers to itself without an object in between.
            self.diags.push(Diagnostic::warning(src, format!("schema `{name}` is defined only in terms of itself; it is typed as any value")));
            return TypeRef::Any;
        }
        if self.is_object(schema) {
            let token = self.token_for(name, schema);
            let t = TypeRef::named(token.clone());
            self.named.insert(name.to_string(), t.clone());
            let hint = Hint::new(token.module.clone(), token.name.clone());
            let fields = self.fields(schema, &hint, &src);
            let obj = ObjectType {
                token: token.clone(),
                module: String::new(),
                docs: docs_of(schema),
                properties: std::sync::Arc::new(fields.into_iter().map(|f| f.prop).collect()),
                usage: Usage::default(),
                alias_of: None,
                language: RawMap::new(),
                extra: RawMap::new(),
                source: src,
            };
            self.types.insert(token, TypeDef::Object(obj));
            return t;
        }
        if let Some((primitive, values)) = enum_values(schema) {
            let token = self.token_for(name, schema);
            let t = TypeRef::named(token.clone());
            self.named.insert(name.to_string(), t.clone());
            self.types.insert(token.clone(), TypeDef::Enum(enum_type(token, primitive, values, docs_of(schema), src)));
            return t;
        }
        self.in_progress.insert(name.to_string());
        let hint = Hint::new(self.types_module.clone(), naming::type_name(name.rsplit('.').next().unwrap_or(name)));
        let t = self.schema_ty(schema, &hint, &src);
        self.in_progress.remove(name);
        self.named.insert(name.to_string(), t.clone());
        t
    }

    /// Whether a schema is an object with properties (own or merged from `allOf`).
    pub fn is_object(&self, s: &'a Schema) -> bool {
        self.has_props(s, 0)
    }

    fn has_props(&self, s: &'a Schema, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match &s.schema_kind {
            SchemaKind::Type(Type::Object(o)) => !o.properties.is_empty(),
            SchemaKind::Any(a) => !a.properties.is_empty() || a.all_of.iter().any(|m| self.deref(m).is_some_and(|(m, _)| self.has_props(m, depth + 1))),
            SchemaKind::AllOf { all_of } => all_of.len() > 1 && all_of.iter().any(|m| self.deref(m).is_some_and(|(m, _)| self.has_props(m, depth + 1))),
            _ => false,
        }
    }

    /// The fields of an object schema (own and `allOf`-merged properties).
    pub fn fields(&mut self, s: &'a Schema, hint: &Hint, src: &SourceRef) -> Vec<Field> {
        let mut props: Vec<(&'a str, &'a ReferenceOr<Box<Schema>>, SourceRef)> = Vec::new();
        let mut required: HashSet<&'a str> = HashSet::new();
        self.collect(s, src, &mut props, &mut required, 0);
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (name, ps, psrc) in props {
            if !seen.insert(name) {
                continue;
            }
            if !name.chars().any(char::is_alphanumeric) {
                self.diags.push(Diagnostic::warning(psrc, format!("property `{name}` has no letter or digit, so no SDK can name it; it is skipped")));
                continue;
            }
            out.push(self.field(name, ps, required.contains(name), hint, &psrc));
        }
        out
    }

    fn collect(
        &self,
        s: &'a Schema,
        src: &SourceRef,
        props: &mut Vec<(&'a str, &'a ReferenceOr<Box<Schema>>, SourceRef)>,
        required: &mut HashSet<&'a str>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let (own, req, all_of): (OwnProps<'a>, &'a [String], &'a [ReferenceOr<Schema>]) = match &s.schema_kind {
            SchemaKind::Type(Type::Object(o)) => (o.properties.iter().collect(), &o.required, &[]),
            SchemaKind::Any(a) => (a.properties.iter().collect(), &a.required, &a.all_of),
            SchemaKind::AllOf { all_of } => (Vec::new(), &[], all_of),
            _ => return,
        };
        for (i, m) in all_of.iter().enumerate() {
            let msrc = match m {
                ReferenceOr::Reference { reference } => match Self::ref_name(reference) {
                    Some(n) => self.component_src(&n),
                    None => src.child("allOf").child(&i.to_string()),
                },
                ReferenceOr::Item(_) => src.child("allOf").child(&i.to_string()),
            };
            if let Some((ms, _)) = self.deref(m) {
                self.collect(ms, &msrc, props, required, depth + 1);
            }
        }
        for (k, v) in own {
            props.push((k.as_str(), v, src.child("properties").child(k)));
        }
        required.extend(req.iter().map(String::as_str));
    }

    /// One property.
    fn field(&mut self, name: &'a str, ps: &'a ReferenceOr<Box<Schema>>, required: bool, hint: &Hint, src: &SourceRef) -> Field {
        let ty = self.ty_boxed(ps, &hint.child(name), src);
        let mut prop = Property::new(name, ty, src.clone());
        let (mut read_only, mut write_only, mut nullable) = (false, false, false);
        if let ReferenceOr::Item(s) = ps {
            let d = &s.schema_data;
            read_only = d.read_only;
            write_only = d.write_only;
            nullable = d.nullable;
            prop.docs = d.description.clone().filter(|s| !s.trim().is_empty()).or_else(|| d.title.clone().filter(|t| !t.trim().is_empty()));
            if d.deprecated {
                prop.deprecation = Some("Deprecated.".into());
            }
            if let Some(v) = &d.default {
                if !v.is_null() && !matches!(prop.ty, TypeRef::Named { .. } | TypeRef::Any) {
                    prop.default = Some(DefaultValue { value: Some(v.clone()), environment: Vec::new(), extra: RawMap::new() });
                }
            }
            if string_format(&s.schema_kind).as_deref() == Some("password") {
                prop.secret = true;
            }
        }
        prop.required = required && !nullable;
        prop.secret |= write_only;
        Field { prop, read_only, write_only }
    }

    /// The type of an inline schema.
    pub fn schema_ty(&mut self, s: &'a Schema, hint: &Hint, src: &SourceRef) -> TypeRef {
        if self.depth > MAX_DEPTH {
            self.diags.push(Diagnostic::warning(src.clone(), "schema nests too deeply; typed as any value"));
            return TypeRef::Any;
        }
        self.depth += 1;
        let t = self.schema_ty_inner(s, hint, src);
        self.depth -= 1;
        t
    }

    fn schema_ty_inner(&mut self, s: &'a Schema, hint: &Hint, src: &SourceRef) -> TypeRef {
        let ext = &s.schema_data.extensions;
        let int_or_string =
            ext.get("x-kubernetes-int-or-string").and_then(Value::as_bool) == Some(true) || string_format(&s.schema_kind).as_deref() == Some("int-or-string");
        if int_or_string {
            return TypeRef::Union { types: vec![TypeRef::integer(), TypeRef::string()], discriminator: None, primitive: None };
        }
        if self.is_object(s) {
            return self.object_ty(s, hint, src);
        }
        if let Some((primitive, values)) = enum_values(s) {
            return self.inline_enum(primitive, values, docs_of(s), hint, src);
        }
        match &s.schema_kind {
            SchemaKind::Type(Type::String(st)) => match &st.format {
                VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => TypeRef::Asset,
                _ => TypeRef::string(),
            },
            SchemaKind::Type(Type::Integer(_)) => TypeRef::integer(),
            SchemaKind::Type(Type::Number(_)) => TypeRef::number(),
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::boolean(),
            SchemaKind::Type(Type::Array(a)) => match &a.items {
                Some(items) => TypeRef::array(self.ty_boxed(items, hint, &src.child("items"))),
                None => TypeRef::array(TypeRef::Any),
            },
            SchemaKind::Type(Type::Object(o)) => self.map_ty(o.additional_properties.as_ref(), hint, src),
            SchemaKind::OneOf { one_of } => self.union(one_of, "oneOf", s, hint, src),
            SchemaKind::AnyOf { any_of } => self.union(any_of, "anyOf", s, hint, src),
            SchemaKind::AllOf { all_of } => match all_of.as_slice() {
                [one] => self.ty(one, hint, &src.child("allOf").child("0")),
                // Several members and none with properties (constraints on a primitive):
                // the first member that says what it is wins.
                many => match many.iter().find(|m| self.deref(m).is_some()) {
                    Some(m) => self.ty(m, hint, &src.child("allOf").child("0")),
                    None => TypeRef::Any,
                },
            },
            SchemaKind::Not { .. } => TypeRef::Any,
            SchemaKind::Any(a) => {
                if !a.one_of.is_empty() {
                    return self.union(&a.one_of, "oneOf", s, hint, src);
                }
                if !a.any_of.is_empty() {
                    return self.union(&a.any_of, "anyOf", s, hint, src);
                }
                if let [one] = a.all_of.as_slice() {
                    return self.ty(one, hint, &src.child("allOf").child("0"));
                }
                match a.typ.as_deref() {
                    Some("string") => {
                        if a.format.as_deref() == Some("binary") {
                            TypeRef::Asset
                        } else {
                            TypeRef::string()
                        }
                    }
                    Some("integer") => TypeRef::integer(),
                    Some("number") => TypeRef::number(),
                    Some("boolean") => TypeRef::boolean(),
                    Some("array") | None if a.items.is_some() => match &a.items {
                        Some(items) => TypeRef::array(self.ty_boxed(items, hint, &src.child("items"))),
                        None => TypeRef::array(TypeRef::Any),
                    },
                    Some("array") => TypeRef::array(TypeRef::Any),
                    _ => self.map_ty(a.additional_properties.as_ref(), hint, src),
                }
            }
        }
    }

    fn map_ty(&mut self, ap: Option<&'a AdditionalProperties>, hint: &Hint, src: &SourceRef) -> TypeRef {
        match ap {
            Some(AdditionalProperties::Schema(s)) => TypeRef::map(self.ty(s, hint, &src.child("additionalProperties"))),
            Some(AdditionalProperties::Any(true)) => TypeRef::map(TypeRef::Any),
            _ => TypeRef::Any,
        }
    }

    /// An inline object, named here (parent + property) rather than by the builder: the
    /// same inline schema reached from a named type and from a resource that reuses its
    /// fields must become one type, in the named type's module.
    fn object_ty(&mut self, s: &'a Schema, hint: &Hint, src: &SourceRef) -> TypeRef {
        let fields = self.fields(s, hint, src);
        let properties: Vec<Property> = fields.into_iter().map(|f| f.prop).collect();
        let mut n = 1;
        loop {
            let name = if n == 1 { hint.name.clone() } else { format!("{}{n}", hint.name) };
            let token = Token::new(self.pkg.clone(), hint.module.clone(), name);
            match self.types.get(&token) {
                None if !self.token_owner.contains_key(&token) => {
                    let obj = ObjectType {
                        token: token.clone(),
                        module: String::new(),
                        docs: docs_of(s),
                        properties: properties.into(),
                        usage: Usage::default(),
                        alias_of: None,
                        language: RawMap::new(),
                        extra: RawMap::new(),
                        source: src.clone(),
                    };
                    self.types.insert(token.clone(), TypeDef::Object(obj));
                    self.token_owner.insert(token.clone(), String::new());
                    return TypeRef::named(token);
                }
                Some(TypeDef::Object(o)) if *o.properties == properties => return TypeRef::named(token),
                _ => n += 1,
            }
        }
    }

    fn union(&mut self, members: &'a [ReferenceOr<Schema>], key: &str, s: &'a Schema, hint: &Hint, src: &SourceRef) -> TypeRef {
        let mut types: Vec<TypeRef> = Vec::new();
        for (i, m) in members.iter().enumerate() {
            let mhint = match m {
                ReferenceOr::Item(ms) => match ms.schema_data.title.as_deref().filter(|t| t.chars().any(char::is_alphanumeric)) {
                    Some(t) => Hint::new(hint.module.clone(), format!("{}{}", hint.name, naming::type_name(t))),
                    None => Hint::new(hint.module.clone(), format!("{}Variant{}", hint.name, i + 1)),
                },
                ReferenceOr::Reference { .. } => hint.clone(),
            };
            let t = self.ty(m, &mhint, &src.child(key).child(&i.to_string()));
            if !types.contains(&t) {
                types.push(t);
            }
        }
        if types.iter().any(|t| matches!(t, TypeRef::Any)) {
            return TypeRef::Any;
        }
        let discriminator = s.schema_data.discriminator.as_ref().map(|d| {
            let mut mapping = BTreeMap::new();
            for (value, target) in &d.mapping {
                let name = Self::ref_name(target).or_else(|| Some(target.clone()).filter(|t| !t.contains('/')));
                if let Some(name) = name {
                    if self.api.components.as_ref().is_some_and(|c| c.schemas.contains_key(&name)) {
                        if let TypeRef::Named { token } = self.named_ty(&name) {
                            mapping.insert(value.clone(), format!("#/types/{token}"));
                        }
                    }
                }
            }
            Discriminator { property_name: d.property_name.clone(), mapping }
        });
        match types.len() {
            0 => TypeRef::Any,
            1 if discriminator.is_none() => types.pop().unwrap_or(TypeRef::Any),
            _ => TypeRef::Union { types, discriminator, primitive: None },
        }
    }

    fn inline_enum(&mut self, primitive: Primitive, values: Vec<Value>, docs: Option<String>, hint: &Hint, src: &SourceRef) -> TypeRef {
        let mut n = 1;
        loop {
            let name = if n == 1 { hint.name.clone() } else { format!("{}{n}", hint.name) };
            let token = Token::new(self.pkg.clone(), hint.module.clone(), name);
            match self.types.get(&token) {
                None if !self.token_owner.contains_key(&token) => {
                    let e = enum_type(token.clone(), primitive, values, docs, src.clone());
                    self.types.insert(token.clone(), TypeDef::Enum(e));
                    self.token_owner.insert(token.clone(), String::new());
                    return TypeRef::named(token);
                }
                Some(TypeDef::Enum(e)) if e.primitive == primitive && e.values.iter().map(|v| &v.value).eq(values.iter()) => return TypeRef::named(token),
                _ => n += 1,
            }
        }
    }
}

/// `x-kubernetes-group-version-kind` (an object or a one-element list).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gvk {
    pub group: String,
    pub version: String,
    pub kind: String,
}

/// Reads `x-kubernetes-group-version-kind` from extensions (first entry of a list).
pub fn gvk_of<'v>(ext: impl IntoIterator<Item = (&'v String, &'v Value)>) -> Option<Gvk> {
    let v = ext.into_iter().find(|(k, _)| k.as_str() == "x-kubernetes-group-version-kind")?.1;
    let o = match v {
        Value::Array(a) => a.first()?,
        o => o,
    };
    Some(Gvk { group: o.get("group")?.as_str()?.to_string(), version: o.get("version")?.as_str()?.to_string(), kind: o.get("kind")?.as_str()?.to_string() })
}

fn docs_of(s: &Schema) -> Option<String> {
    s.schema_data.description.clone().filter(|d| !d.trim().is_empty())
}

fn string_format(k: &SchemaKind) -> Option<String> {
    match k {
        SchemaKind::Type(Type::String(s)) => match &s.format {
            VariantOrUnknownOrEmpty::Item(f) => Some(
                match f {
                    StringFormat::Date => "date",
                    StringFormat::DateTime => "date-time",
                    StringFormat::Password => "password",
                    StringFormat::Byte => "byte",
                    StringFormat::Binary => "binary",
                }
                .to_string(),
            ),
            VariantOrUnknownOrEmpty::Unknown(u) => Some(u.clone()),
            VariantOrUnknownOrEmpty::Empty => None,
        },
        SchemaKind::Any(a) => a.format.clone(),
        _ => None,
    }
}

/// The values of a string, integer or number enum (nulls dropped); `None` otherwise.
fn enum_values(s: &Schema) -> Option<(Primitive, Vec<Value>)> {
    let (primitive, values): (Primitive, Vec<Value>) = match &s.schema_kind {
        SchemaKind::Type(Type::String(t)) => (Primitive::String, t.enumeration.iter().flatten().map(|v| Value::String(v.clone())).collect()),
        SchemaKind::Type(Type::Integer(t)) => (Primitive::Integer, t.enumeration.iter().flatten().map(|v| Value::from(*v)).collect()),
        SchemaKind::Type(Type::Number(t)) => {
            (Primitive::Number, t.enumeration.iter().flatten().filter_map(|v| serde_json::Number::from_f64(*v).map(Value::Number)).collect())
        }
        SchemaKind::Any(a) if !a.enumeration.is_empty() && a.properties.is_empty() => {
            let vals: Vec<Value> = a.enumeration.iter().filter(|v| !v.is_null()).cloned().collect();
            if vals.iter().all(Value::is_string) {
                (Primitive::String, vals)
            } else if vals.iter().all(|v| v.is_i64() || v.is_u64()) {
                (Primitive::Integer, vals)
            } else if vals.iter().all(Value::is_number) {
                (Primitive::Number, vals)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let mut dedup = Vec::new();
    for v in values {
        if !dedup.contains(&v) {
            dedup.push(v);
        }
    }
    if dedup.is_empty() {
        None
    } else {
        Some((primitive, dedup))
    }
}

fn enum_type(token: Token, primitive: Primitive, values: Vec<Value>, docs: Option<String>, source: SourceRef) -> EnumType {
    let values = values
        .into_iter()
        .map(|v| {
            let text = match &v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            EnumValue { name: None, ident: Ident::new(text), value: v, docs: None, deprecation: None, extra: RawMap::new() }
        })
        .collect();
    EnumType { token, module: String::new(), docs, primitive, values, usage: Usage::default(), language: RawMap::new(), extra: RawMap::new(), source }
}

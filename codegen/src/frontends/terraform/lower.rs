//! Lowering one provider's schema into a [`PackageBuilder`]: the provider block becomes
//! configuration, resources become resources, data sources become `getX` functions, and
//! attributes and nested blocks become properties with bridge-compatible names and types.
//!
//! Mapping decisions (pinned by the fixtures in `tests/fixtures/terraform/`):
//! - cty `number` → `number` (the JSON schema cannot tell integers apart); `dynamic` →
//!   `Any`; list/set → array; map → map; object → an inline object type; a tuple → an
//!   array of its element type when every element has the same type, else an array of
//!   `Any` (a union would be wrong: tuple elements are positional, not alternatives).
//! - Nested blocks: single/group → object; list/set → array of object, flattened to one
//!   object when `max_items = 1` (or when the overrides pin it); map → map of object.
//!   Protocol-6 `nested_type` attributes follow the same rules.
//! - Required → required input; optional → optional input; computed only → output only;
//!   optional + computed → both. Outputs are required when always present (required or
//!   computed). Write-only attributes are inputs only, and secret, like sensitive ones.
//! - Every resource has an `id` output; a computed TF `id` is not an input (the engine
//!   owns a resource's id), and `stateInputs` are the outputs without `id`, all optional.
//! - A flattened list is recorded as `extra.terraform.maxItemsOne` on the property (the
//!   shim needs it to wrap the value back into a list); `minItems`/`maxItems` of kept
//!   lists are recorded there too.

use super::cty::CtyType;
use super::naming::{self, ModulePlanner};
use super::spec::{
    AttributeSpec, BlockSpec, BlockTypeSpec, NestingMode, ProviderSchemaSpec, SchemaSpec,
};
use crate::diag::{Diagnostic, SourceRef};
use crate::ir::{
    Function, FunctionResult, InlineObject, Lifecycle, ObjectShape, PackageBuilder, Property,
    Resource, Token, TypeRef,
};
use crate::overrides::{FieldOverride, ModuleStrategy, TerraformOverrides, TypeOverride};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Lowers one entry of `provider_schemas` into a builder.
pub fn lower_provider<'s>(
    file: &SourceRef,
    address: &str,
    spec: &'s ProviderSchemaSpec,
    pkg: &str,
    ov: Option<&TerraformOverrides>,
    ov_src: SourceRef,
) -> PackageBuilder {
    let src = file.child("provider_schemas").child(address);
    let mut b = PackageBuilder::new(pkg, src.clone());
    b.meta_mut().module_format = "(.*)(?:/[^/]*)".into();
    // What the Terraform bridge writes into the schemas it generates: bridged SDKs name
    // input types without an `Args` suffix (TypeScript) and function result types `…Result`
    // (Python). Matching it keeps programs written against official bridged SDKs compiling.
    for lang in ["nodejs", "python"] {
        b.meta_mut().language.insert(lang.to_string(), serde_json::json!({ "compatibility": "tfbridge20" }));
    }

    let names: Vec<&str> = spec
        .resource_schemas
        .keys()
        .chain(spec.data_source_schemas.keys())
        .map(String::as_str)
        .collect();
    let prefix = ov
        .and_then(|o| o.prefix.clone())
        .or_else(|| naming::infer_prefix(pkg, &names));
    let default_modules = crate::overrides::ModuleOverrides::default();
    let modules = ov.map(|o| &o.modules).unwrap_or(&default_modules);
    let planner = ModulePlanner::new(modules, prefix, &names);

    let mut cx = Lowering {
        pkg: pkg.to_string(),
        ov_src,
        used: BTreeSet::new(),
        diags: Vec::new(),
        planner,
        plurals: BTreeMap::new(),
        singulars: BTreeMap::new(),
    };
    cx.check_module_settings(ov);

    if let Some(p) = &spec.provider {
        let fields_src = cx.ov_src.child("config").child("fields");
        let scope = Scope {
            fields: ov.map(|o| &o.config.fields),
            fields_src,
            path: String::new(),
        };
        let psrc = src.child("provider").child("block");
        let members = block_members(&p.block, &psrc);
        for f in cx.lower_members(members, &scope, "Provider") {
            if f.input {
                let mut prop = f.prop;
                prop.required = f.in_required;
                b.add_config(prop);
            }
        }
    }

    let ordered = |m: &'s BTreeMap<String, SchemaSpec>| {
        let mut v: Vec<(&'s String, &'s SchemaSpec)> = m.iter().collect();
        v.sort_by(|a, b| naming::conventional_first(a.0).cmp(&naming::conventional_first(b.0)));
        v
    };
    let mut taken = BTreeMap::new();
    for (tf_type, s) in ordered(&spec.resource_schemas) {
        let r = cx.lower_resource(
            tf_type,
            s,
            &src.child("resource_schemas").child(tf_type),
            ov.and_then(|o| o.resources.get(tf_type)),
            &mut taken,
        );
        b.add_resource(r);
    }
    let mut taken = BTreeMap::new();
    for (tf_type, s) in ordered(&spec.data_source_schemas) {
        let f = cx.lower_function(
            tf_type,
            s,
            &src.child("data_source_schemas").child(tf_type),
            ov.and_then(|o| o.data_sources.get(tf_type)),
            &mut taken,
        );
        b.add_function(f);
    }

    // Sections the IR cannot represent yet: say so, one warning per member.
    let unsupported: [(&str, &BTreeMap<String, serde::de::IgnoredAny>, &str); 5] = [
        (
            "ephemeral_resource_schemas",
            &spec.ephemeral_resource_schemas,
            "ephemeral resource",
        ),
        ("functions", &spec.functions, "provider function"),
        (
            "resource_identity_schemas",
            &spec.resource_identity_schemas,
            "resource identity schema",
        ),
        (
            "list_resource_schemas",
            &spec.list_resource_schemas,
            "list resource",
        ),
        ("action_schemas", &spec.action_schemas, "action"),
    ];
    for (section, members, what) in unsupported {
        for name in members.keys() {
            cx.diags.push(
                Diagnostic::warning(
                    src.child(section).child(name),
                    format!("{what} `{name}` is not supported yet and is skipped"),
                )
                .with_hint("Pulumi SDKs have no equivalent yet; nothing is generated for it"),
            );
        }
    }

    if let Some(o) = ov {
        cx.report_unused(o, spec);
    }
    for d in cx.diags {
        b.diag(d);
    }
    b
}

/// Per-provider lowering state.
struct Lowering {
    pkg: String,
    /// `#/terraform/<pkg>` in the overrides file.
    ov_src: SourceRef,
    /// Pointers of override entries that matched something (the rest are reported).
    used: BTreeSet<String>,
    diags: Vec<Diagnostic>,
    planner: ModulePlanner,
    /// Inflection is regex work and the same few hundred names recur thousands of times
    /// in a large provider, so results are memoized per provider.
    plurals: BTreeMap<String, String>,
    singulars: BTreeMap<String, String>,
}

/// Where field overrides for the current container live.
struct Scope<'o> {
    fields: Option<&'o BTreeMap<String, FieldOverride>>,
    fields_src: SourceRef,
    /// Dotted TF path of the container inside its type (`""` at the top).
    path: String,
}

impl<'o> Scope<'o> {
    fn path_of(&self, tf: &str) -> String {
        if self.path.is_empty() {
            tf.to_string()
        } else {
            format!("{}.{tf}", self.path)
        }
    }
    fn child(&self, tf: &str) -> Scope<'o> {
        // Paths only matter when there are field overrides; most types have none, and a
        // large provider has hundreds of thousands of members.
        let path = if self.fields.is_some() {
            self.path_of(tf)
        } else {
            String::new()
        };
        Scope {
            fields: self.fields,
            fields_src: self.fields_src.clone(),
            path,
        }
    }
}

/// Something that becomes one property.
enum MemberKind<'s> {
    Attr(&'s AttributeSpec),
    Block(&'s BlockTypeSpec),
    /// An attribute of a cty object type: optional when listed in the object's optionals.
    CtyAttr(&'s CtyType, bool),
}

struct Member<'s> {
    tf: &'s str,
    kind: MemberKind<'s>,
    src: SourceRef,
}

/// One lowered property and its role at the top of a resource or function.
struct Field {
    tf: String,
    prop: Property,
    input: bool,
    output: bool,
    in_required: bool,
    out_required: bool,
    computed: bool,
}

fn block_members<'s>(block: &'s BlockSpec, src: &SourceRef) -> Vec<Member<'s>> {
    let mut out: Vec<Member<'s>> = block
        .attributes
        .iter()
        .map(|(k, a)| Member {
            tf: k.as_str(),
            kind: MemberKind::Attr(a),
            src: src.child("attributes").child(k),
        })
        .collect();
    out.extend(block.block_types.iter().map(|(k, bt)| Member {
        tf: k.as_str(),
        kind: MemberKind::Block(bt),
        src: src.child("block_types").child(k),
    }));
    out
}

fn docs(d: &Option<String>) -> Option<String> {
    d.as_ref().filter(|s| !s.trim().is_empty()).cloned()
}

/// Terraform's JSON only says *that* something is deprecated; reuse the description when
/// it explains why, else say it plainly.
fn deprecation(description: &Option<String>, what: &str) -> String {
    match description {
        Some(d) if d.to_ascii_lowercase().contains("deprecat") => d.trim().to_string(),
        _ => format!("This {what} is deprecated."),
    }
}

fn is_list_cty(t: &CtyType) -> bool {
    matches!(t, CtyType::List(_) | CtyType::Set(_))
}

impl Lowering {
    fn plural(&mut self, s: &str) -> String {
        if let Some(p) = self.plurals.get(s) {
            return p.clone();
        }
        let p = naming::pluralize(s);
        self.plurals.insert(s.to_string(), p.clone());
        p
    }

    fn singular(&mut self, s: &str) -> String {
        if let Some(p) = self.singulars.get(s) {
            return p.clone();
        }
        let p = naming::singularize(s);
        self.singulars.insert(s.to_string(), p.clone());
        p
    }

    fn check_module_settings(&mut self, ov: Option<&TerraformOverrides>) {
        let Some(m) = ov.map(|o| &o.modules) else {
            return;
        };
        let src = self.ov_src.child("modules");
        let mut stray = |set: bool, key: &str, applies: ModuleStrategy| {
            if set && m.strategy != applies {
                self.diags.push(Diagnostic::warning(
                    src.child(key),
                    format!("`{key}` has no effect with strategy `{:?}`", m.strategy)
                        .to_lowercase(),
                ));
            }
        };
        stray(m.module.is_some(), "module", ModuleStrategy::Single);
        stray(m.keep_prefix, "keep_prefix", ModuleStrategy::Single);
        stray(!m.known.is_empty(), "known", ModuleStrategy::Known);
        stray(!m.map.is_empty(), "map", ModuleStrategy::Known);
        stray(m.default.is_some(), "default", ModuleStrategy::Known);
        stray(m.min_size.is_some(), "min_size", ModuleStrategy::Infer);
    }

    fn field_override<'o>(&mut self, scope: &Scope<'o>, tf: &str) -> Option<&'o FieldOverride> {
        let path = scope.path_of(tf);
        let o = scope.fields?.get(&path)?;
        self.used.insert(scope.fields_src.child(&path).pointer.as_string());
        Some(o)
    }

    /// Works out the token of a resource (`function == false`) or data source.
    fn token(
        &mut self,
        tf_type: &str,
        ov: Option<&TypeOverride>,
        ov_src: &SourceRef,
        function: bool,
        src: &SourceRef,
    ) -> Token {
        if let Some(o) = ov {
            self.used.insert(ov_src.pointer.as_string());
            if let Some(t) = &o.token {
                match Token::parse(t) {
                    Some(tok) => {
                        if tok.package != self.pkg {
                            self.diags.push(Diagnostic::warning(
                                ov_src.child("token"),
                                format!(
                                    "token `{t}` is not in package `{}`; using package `{}`",
                                    self.pkg, self.pkg
                                ),
                            ));
                        }
                        return Token::new(self.pkg.clone(), tok.module, tok.name);
                    }
                    None => self.diags.push(
                        Diagnostic::error(ov_src.child("token"), format!("`{t}` is not a token"))
                            .with_hint(
                            "write a token as `package:module:Name`, e.g. `aws:s3/bucket:Bucket`",
                        ),
                    ),
                }
            }
        }
        let placement = self.planner.place(tf_type);
        if let Some(p) = self.planner.prefix() {
            if naming::strip_prefix(tf_type, Some(p)).is_none() {
                self.diags.push(
                    Diagnostic::warning(src.clone(), format!("`{tf_type}` does not start with the provider prefix `{p}_`; it is named from its whole type name"))
                        .with_hint("set `prefix`, or a `name`/`token` for this type, in the overrides file"),
                );
            }
        }
        let module = ov
            .and_then(|o| o.module.clone())
            .unwrap_or(placement.module);
        let given = ov.and_then(|o| o.name.clone());
        let (m, n) = match (function, given) {
            (false, Some(name)) => naming::resource_token_parts(&module, &name),
            (true, Some(name)) => (format!("{module}/{}", name), name),
            (false, None) => {
                naming::resource_token_parts(&module, &naming::upper_camel(&placement.rest))
            }
            (true, None) => {
                naming::function_token_parts(&module, &naming::upper_camel(&placement.rest))
            }
        };
        Token::new(self.pkg.clone(), m, n)
    }

    /// Makes a token unique among `taken` by suffixing 2, 3, … (and says so).
    fn unique(
        &mut self,
        token: Token,
        tf_type: &str,
        taken: &mut BTreeMap<Token, String>,
        src: &SourceRef,
    ) -> Token {
        let mut t = token.clone();
        let mut n = 2;
        while let Some(other) = taken.get(&t) {
            if n == 2 {
                self.diags.push(
                    Diagnostic::warning(src.clone(), format!("`{tf_type}` maps to token `{token}`, already taken by `{other}`; numbering it"))
                        .with_hint("give one of them a `name` or `token` in the overrides file"),
                );
            }
            let name = format!("{}{n}", token.name);
            let module = match token.module.rsplit_once('/') {
                Some((m, _)) => format!("{m}/{}", naming::lower_first(&name)),
                None => token.module.clone(),
            };
            t = Token::new(token.package.clone(), module, name);
            n += 1;
        }
        taken.insert(t.clone(), tf_type.to_string());
        t
    }

    fn lower_resource(
        &mut self,
        tf_type: &str,
        s: &SchemaSpec,
        src: &SourceRef,
        ov: Option<&TypeOverride>,
        taken: &mut BTreeMap<Token, String>,
    ) -> Resource {
        let ov_src = self.ov_src.child("resources").child(tf_type);
        let token = self.token(tf_type, ov, &ov_src, false, src);
        let token = self.unique(token, tf_type, taken, src);
        let scope = Scope {
            fields: ov.map(|o| &o.fields),
            fields_src: ov_src.child("fields"),
            path: String::new(),
        };
        let bsrc = src.child("block");
        let fields =
            self.lower_members(block_members(&s.block, &bsrc), &scope, &token.name.clone());

        let mut r = Resource::new(token, src.clone());
        r.docs = docs(&s.block.description);
        if s.block.deprecated {
            r.deprecation = Some(deprecation(&s.block.description, "resource"));
        }
        r.lifecycle = Some(Lifecycle::Terraform {
            type_name: tf_type.to_string(),
        });
        let mut has_id = false;
        for f in fields {
            let is_id = f.prop.name.wire == "id";
            if f.input && !(f.tf == "id" && f.computed) && !is_id {
                let mut p = f.prop.clone();
                p.required = f.in_required;
                r.inputs.push(p);
            }
            if f.output {
                has_id |= is_id;
                let mut p = f.prop;
                p.required = f.out_required || is_id;
                r.outputs.push(p);
            }
        }
        if !has_id {
            let mut id = Property::new(
                "id",
                TypeRef::string(),
                bsrc.child("attributes").child("id"),
            );
            id.required = true;
            id.docs = Some("The provider-assigned unique ID of this resource.".into());
            r.outputs.push(id);
        }
        let state: Vec<Property> = r
            .outputs
            .iter()
            .filter(|p| p.name.wire != "id")
            .map(|p| {
                let mut p = p.clone();
                p.required = false;
                p
            })
            .collect();
        r.state_inputs = Some(state);
        r
    }

    fn lower_function(
        &mut self,
        tf_type: &str,
        s: &SchemaSpec,
        src: &SourceRef,
        ov: Option<&TypeOverride>,
        taken: &mut BTreeMap<Token, String>,
    ) -> Function {
        let ov_src = self.ov_src.child("data_sources").child(tf_type);
        let token = self.token(tf_type, ov, &ov_src, true, src);
        let token = self.unique(token, tf_type, taken, src);
        let scope = Scope {
            fields: ov.map(|o| &o.fields),
            fields_src: ov_src.child("fields"),
            path: String::new(),
        };
        let bsrc = src.child("block");
        // Nested types of a data source are named after the function as the bridge does:
        // `getBucket` + `LifecycleRule` → `getBucketLifecycleRule`.
        let fields =
            self.lower_members(block_members(&s.block, &bsrc), &scope, &token.name.clone());

        let mut f = Function::new(token, src.clone());
        f.docs = docs(&s.block.description);
        if s.block.deprecated {
            f.deprecation = Some(deprecation(&s.block.description, "data source"));
        }
        f.lifecycle = Some(Lifecycle::Terraform {
            type_name: tf_type.to_string(),
        });
        let mut args = Vec::new();
        let mut results = Vec::new();
        let mut has_id = false;
        for fl in fields {
            if fl.input {
                let mut p = fl.prop.clone();
                p.required = fl.in_required;
                args.push(p);
            }
            if fl.output {
                has_id |= fl.prop.name.wire == "id";
                let mut p = fl.prop;
                p.required = fl.out_required;
                results.push(p);
            }
        }
        if !has_id {
            let mut id = Property::new(
                "id",
                TypeRef::string(),
                bsrc.child("attributes").child("id"),
            );
            id.required = true;
            id.docs = Some("The provider-assigned unique ID for this managed resource.".into());
            results.push(id);
        }
        if !args.is_empty() {
            f.inputs = Some(ObjectShape {
                docs: None,
                properties: args,
                extra: Default::default(),
            });
        }
        f.outputs = Some(FunctionResult::Object {
            shape: ObjectShape {
                docs: None,
                properties: results,
                extra: Default::default(),
            },
        });
        f
    }

    /// Lowers the members of one container (a block, a nested attribute type or a cty
    /// object) into fields. `parent_type` is the PascalCase name nested object types
    /// are prefixed with.
    fn lower_members(
        &mut self,
        mut members: Vec<Member<'_>>,
        scope: &Scope<'_>,
        parent_type: &str,
    ) -> Vec<Field> {
        members.sort_by(|a, b| {
            naming::conventional_first(a.tf).cmp(&naming::conventional_first(b.tf))
        });
        // Plural names must not collide with another member of the same container.
        let keys: BTreeSet<&str> = members.iter().map(|m| m.tf).collect();
        let mut wires: BTreeSet<String> = BTreeSet::new();
        let mut out = Vec::with_capacity(members.len());
        for m in &members {
            let ov = self.field_override(scope, m.tf);
            let (is_list, max_items) = match &m.kind {
                MemberKind::Attr(a) => match (&a.nested_type, &a.ty) {
                    (Some(nt), _) => (
                        matches!(nt.nesting_mode, NestingMode::List | NestingMode::Set),
                        nt.max_items,
                    ),
                    (None, Some(t)) => (is_list_cty(t), None),
                    (None, None) => (false, None),
                },
                MemberKind::Block(bt) => (
                    matches!(bt.nesting_mode, NestingMode::List | NestingMode::Set),
                    bt.max_items,
                ),
                MemberKind::CtyAttr(t, _) => (is_list_cty(t), None),
            };
            let pinned = ov.and_then(|o| o.max_items_one);
            if pinned == Some(true) && !is_list {
                self.diags.push(Diagnostic::warning(
                    scope
                        .fields_src
                        .child(&scope.path_of(m.tf))
                        .child("max_items_one"),
                    format!(
                        "`{}` is not a list or set; `max_items_one` has no effect",
                        scope.path_of(m.tf)
                    ),
                ));
            }
            let flatten = is_list && pinned.unwrap_or(max_items == Some(1));
            let plural = is_list && !flatten && max_items != Some(1);

            let base = match ov.and_then(|o| o.name.clone()) {
                Some(n) => n,
                None => {
                    let name = if plural {
                        let candidate = self.plural(m.tf);
                        if candidate != m.tf && keys.contains(candidate.as_str()) {
                            m.tf.to_string()
                        } else {
                            candidate
                        }
                    } else {
                        m.tf.to_string()
                    };
                    naming::tf_camel(&name)
                }
            };
            let mut wire = base.clone();
            let mut n = 2;
            while wires.contains(&wire) {
                wire = format!("{base}{n}");
                n += 1;
            }
            if wire != base {
                self.diags.push(
                    Diagnostic::warning(m.src.clone(), format!("`{}` maps to property `{base}`, which another member already uses; named `{wire}`", m.tf))
                        .with_hint("give it a `name` under `fields` in the overrides file"),
                );
            }
            wires.insert(wire.clone());

            let elem_name = if is_list && !flatten {
                self.singular(&wire)
            } else {
                wire.clone()
            };
            let hint = format!("{parent_type}{}", naming::upper_first(&elem_name));
            let child_scope = scope.child(m.tf);
            let mut extra = serde_json::Map::new();
            if flatten {
                extra.insert("maxItemsOne".into(), Value::Bool(true));
            }

            let field = match &m.kind {
                MemberKind::Attr(a) => {
                    let ty = match (&a.nested_type, &a.ty) {
                        (Some(nt), _) => {
                            let nsrc = m.src.child("nested_type");
                            let inner: Vec<Member<'_>> = nt
                                .attributes
                                .iter()
                                .map(|(k, a)| Member {
                                    tf: k.as_str(),
                                    kind: MemberKind::Attr(a),
                                    src: nsrc.child("attributes").child(k),
                                })
                                .collect();
                            let obj =
                                self.object(inner, &child_scope, &hint, docs(&a.description), nsrc);
                            if !flatten {
                                record_items(
                                    &mut extra,
                                    nt.min_items,
                                    nt.max_items,
                                    nt.nesting_mode,
                                );
                            }
                            wrap(obj, nt.nesting_mode, flatten)
                        }
                        (None, Some(t)) => {
                            self.cty_member(t, m.src.child("type"), flatten, &child_scope, &hint)
                        }
                        (None, None) => {
                            self.diags.push(
                                Diagnostic::warning(m.src.clone(), format!("attribute `{}` has neither `type` nor `nested_type`; typed as any", m.tf))
                                    .with_hint("every attribute in a Terraform schema should have a type"),
                            );
                            TypeRef::Any
                        }
                    };
                    let mut p = Property::new(wire, ty, m.src.clone());
                    p.secret = a.sensitive || a.write_only;
                    p.docs = docs(&a.description);
                    if a.deprecated {
                        p.deprecation = Some(deprecation(&a.description, "property"));
                    }
                    // An attribute with no flag at all is treated as optional.
                    let optional = a.optional || !(a.required || a.computed);
                    Field {
                        tf: m.tf.to_string(),
                        prop: p,
                        input: a.required || optional,
                        output: !a.write_only,
                        in_required: a.required,
                        out_required: a.required || a.computed,
                        computed: a.computed,
                    }
                }
                MemberKind::Block(bt) => {
                    let bsrc = m.src.child("block");
                    let obj = self.object(
                        block_members(&bt.block, &bsrc),
                        &child_scope,
                        &hint,
                        docs(&bt.block.description),
                        bsrc,
                    );
                    if !flatten {
                        record_items(&mut extra, bt.min_items, bt.max_items, bt.nesting_mode);
                    }
                    let ty = wrap(obj, bt.nesting_mode, flatten);
                    let mut p = Property::new(wire, ty, m.src.clone());
                    p.docs = docs(&bt.block.description);
                    if bt.block.deprecated {
                        p.deprecation = Some(deprecation(&bt.block.description, "property"));
                    }
                    let required = bt.min_items.unwrap_or(0) >= 1;
                    Field {
                        tf: m.tf.to_string(),
                        prop: p,
                        input: true,
                        output: true,
                        in_required: required,
                        out_required: required || bt.nesting_mode == NestingMode::Group,
                        computed: false,
                    }
                }
                MemberKind::CtyAttr(t, optional) => {
                    let ty = self.cty_member(t, m.src.clone(), flatten, &child_scope, &hint);
                    Field {
                        tf: m.tf.to_string(),
                        prop: Property::new(wire, ty, m.src.clone()),
                        input: true,
                        output: true,
                        in_required: !optional,
                        out_required: !optional,
                        computed: false,
                    }
                }
            };
            let mut field = field;
            if !extra.is_empty() {
                field
                    .prop
                    .extra
                    .insert("terraform".into(), Value::Object(extra));
            }
            out.push(field);
        }
        out
    }

    /// An inline object of `members`; its properties carry their input-side `required`.
    fn object(
        &mut self,
        members: Vec<Member<'_>>,
        scope: &Scope<'_>,
        hint: &str,
        docs: Option<String>,
        src: SourceRef,
    ) -> TypeRef {
        let properties = self
            .lower_members(members, scope, hint)
            .into_iter()
            .map(|f| {
                let mut p = f.prop;
                p.required = f.in_required;
                p
            })
            .collect();
        TypeRef::inline(InlineObject {
            name_hint: Some(hint.to_string()),
            docs,
            properties,
            source: src,
        })
    }

    /// The type of an attribute with a cty type at `src`; `flatten` unwraps a list/set.
    fn cty_member(
        &mut self,
        t: &CtyType,
        src: SourceRef,
        flatten: bool,
        scope: &Scope<'_>,
        hint: &str,
    ) -> TypeRef {
        match t {
            CtyType::List(e) | CtyType::Set(e) if flatten => {
                self.cty(e, src.child("1"), scope, hint)
            }
            _ => self.cty(t, src, scope, hint),
        }
    }

    /// Converts a cty type at `src` (a pointer to the type itself).
    fn cty(&mut self, t: &CtyType, src: SourceRef, scope: &Scope<'_>, hint: &str) -> TypeRef {
        match t {
            CtyType::String => TypeRef::string(),
            CtyType::Number => TypeRef::number(),
            CtyType::Bool => TypeRef::boolean(),
            CtyType::Dynamic => TypeRef::Any,
            CtyType::List(e) | CtyType::Set(e) => {
                TypeRef::array(self.cty(e, src.child("1"), scope, hint))
            }
            CtyType::Map(e) => TypeRef::map(self.cty(e, src.child("1"), scope, hint)),
            CtyType::Object(attrs, optional) => {
                let osrc = src.child("1");
                let members = attrs
                    .iter()
                    .map(|(k, t)| Member {
                        tf: k.as_str(),
                        kind: MemberKind::CtyAttr(t, optional.contains(k)),
                        src: osrc.child(k),
                    })
                    .collect();
                self.object(members, scope, hint, None, src)
            }
            CtyType::Tuple(elems) => {
                let first = elems.first();
                let same = first.is_some_and(|f| elems.iter().all(|e| e == f));
                match first {
                    Some(f) if same => {
                        TypeRef::array(self.cty(f, src.child("1").child("0"), scope, hint))
                    }
                    _ => TypeRef::array(TypeRef::Any),
                }
            }
        }
    }

    /// Warns about override entries that matched nothing in the schema.
    fn report_unused(&mut self, o: &TerraformOverrides, spec: &ProviderSchemaSpec) {
        let check = |section: &str,
                     map: &BTreeMap<String, TypeOverride>,
                     known: &BTreeMap<String, SchemaSpec>,
                     diags: &mut Vec<Diagnostic>| {
            for (t, to) in map {
                let tsrc = self.ov_src.child(section).child(t);
                if !known.contains_key(t) {
                    diags.push(
                        Diagnostic::warning(
                            tsrc,
                            format!(
                                "the schema has no {} `{t}`",
                                section.trim_end_matches('s').replace('_', " ")
                            ),
                        )
                        .with_hint("check the spelling of the TF type name"),
                    );
                    continue;
                }
                for path in to.fields.keys() {
                    let fsrc = tsrc.child("fields").child(path);
                    if !self.used.contains(&fsrc.pointer.as_string()) {
                        diags.push(
                            Diagnostic::warning(fsrc, format!("`{t}` has no field `{path}`"))
                                .with_hint(
                                "field paths are dotted TF names, e.g. `lifecycle_rule.expiration`",
                            ),
                        );
                    }
                }
            }
        };
        let mut diags = Vec::new();
        check(
            "resources",
            &o.resources,
            &spec.resource_schemas,
            &mut diags,
        );
        check(
            "data_sources",
            &o.data_sources,
            &spec.data_source_schemas,
            &mut diags,
        );
        for path in o.config.fields.keys() {
            let fsrc = self.ov_src.child("config").child("fields").child(path);
            if !self.used.contains(&fsrc.pointer.as_string()) {
                diags.push(Diagnostic::warning(
                    fsrc,
                    format!("the provider configuration has no field `{path}`"),
                ));
            }
        }
        self.diags.extend(diags);
    }
}

/// Wraps a nested object by its nesting mode.
fn wrap(obj: TypeRef, mode: NestingMode, flatten: bool) -> TypeRef {
    match mode {
        NestingMode::Single | NestingMode::Group => obj,
        NestingMode::List | NestingMode::Set if flatten => obj,
        NestingMode::List | NestingMode::Set => TypeRef::array(obj),
        NestingMode::Map => TypeRef::map(obj),
    }
}

fn record_items(
    extra: &mut serde_json::Map<String, Value>,
    min: Option<u64>,
    max: Option<u64>,
    mode: NestingMode,
) {
    if !matches!(
        mode,
        NestingMode::List | NestingMode::Set | NestingMode::Map
    ) {
        return;
    }
    if let Some(n) = min.filter(|n| *n > 0) {
        extra.insert("minItems".into(), json!(n));
    }
    if let Some(n) = max.filter(|n| *n > 0) {
        extra.insert("maxItems".into(), json!(n));
    }
}

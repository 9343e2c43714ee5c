//! Lowering of a parsed Pulumi package schema ([`spec`](super::spec)) into the IR through
//! [`PackageBuilder`].
//!
//! Owns the mapping rules: `properties`/`inputProperties`/`stateInputs` with their
//! `required` lists, `TypeSpec` → [`TypeRef`] (primitives, arrays, `additionalProperties`
//! maps, `$ref`s, `oneOf` unions), enums, functions with object or single-type results,
//! `#/provider` references, and the diagnostics for dangling and cross-package `$ref`s.
//!
//! Lossless by construction: after a node is lowered, its `extra` map receives the
//! residual between its source JSON and the writer's form of the node (see
//! [`crate::backends::pulumi_schema::form`]), so whatever the IR does not model — unknown
//! keys, `isOverlay`, a `type` next to a `$ref`, a `required` list's order — survives.

use super::spec::*;
use crate::pulumi_form as form;
use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::ir::*;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// State of one lowering run.
pub(super) struct Lowering<'a> {
    display: &'a str,
    /// The source document, for residuals.
    raw: &'a Value,
    pkg: String,
    type_keys: BTreeSet<String>,
    resource_keys: BTreeSet<String>,
    /// Cross-package `$ref` → every place it is used.
    externals: BTreeMap<String, Vec<SourceRef>>,
    diags: Diagnostics,
    /// Pointers where a residual replaced a written value (see `form::diff`).
    replaced: Vec<String>,
}

impl<'a> Lowering<'a> {
    pub fn new(display: &'a str, raw: &'a Value, spec: &PackageSpec) -> Self {
        Lowering {
            display,
            raw,
            pkg: spec.name.clone(),
            type_keys: spec
                .types
                .iter()
                .flat_map(|t| t.0.keys().cloned())
                .collect(),
            resource_keys: spec
                .resources
                .iter()
                .flat_map(|t| t.0.keys().cloned())
                .collect(),
            externals: BTreeMap::new(),
            diags: Diagnostics::new(),
            replaced: Vec::new(),
        }
    }

    fn root(&self) -> SourceRef {
        SourceRef::new(self.display, "")
    }

    fn residual(&mut self, src: &SourceRef, written: Map<String, Value>) -> RawMap {
        let pointer = src.pointer.as_string();
        let raw = self.raw.pointer(&pointer);
        form::residual(raw, written, &pointer, &mut self.replaced)
    }

    /// Lowers the whole package. Frontend diagnostics are handed to the builder, so that
    /// `finish` reports them together with its own.
    pub fn run(mut self, spec: &PackageSpec) -> (PackageBuilder, Vec<String>) {
        let root = self.root();
        let mut b = PackageBuilder::new(spec.name.clone(), root.clone());
        b.set_version(spec.version.clone());
        {
            let m = b.meta_mut();
            m.display_name = spec.display_name.clone();
            m.description = spec.description.clone();
            m.keywords = spec.keywords.clone().unwrap_or_default();
            m.homepage = spec.homepage.clone();
            m.license = spec.license.clone();
            m.repository = spec.repository.clone();
            m.publisher = spec.publisher.clone();
            m.plugin_download_url = spec.plugin_download_url.clone();
            if let Some(f) = spec.meta.as_ref().and_then(|m| m.module_format.clone()) {
                m.module_format = f;
            }
            // The file name only, as every frontend does: no host paths in generated files.
            m.generated_from = std::path::Path::new(self.display)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            m.language = spec.language.clone().unwrap_or_default();
        }

        if let Some(types) = &spec.types {
            for (key, t) in types.iter() {
                let src = root.child("types").child(key);
                if let Some(def) = self.lower_type_def(key, t, &src) {
                    b.add_type(def);
                }
            }
        }

        let mut config = Vec::new();
        if let Some(c) = &spec.config {
            let src = root.child("config");
            config = self.lower_props(
                c.variables.as_ref(),
                c.required.as_ref(),
                &src.child("variables"),
                &src.child("required"),
            );
            for p in &config {
                b.add_config(p.clone());
            }
        }

        if let Some(p) = &spec.provider {
            let token = Token::new("pulumi", "providers", self.pkg.clone());
            let mut r = self.lower_resource(token, p, &root.child("provider"));
            r.is_provider = true;
            b.set_provider(r);
        }

        if let Some(resources) = &spec.resources {
            for (key, r) in resources.iter() {
                let src = root.child("resources").child(key);
                if let Some(token) = self.token(key, &src, "resource") {
                    let r = self.lower_resource(token, r, &src);
                    b.add_resource(r);
                }
            }
        }

        if let Some(functions) = &spec.functions {
            for (key, f) in functions.iter() {
                let src = root.child("functions").child(key);
                if let Some(token) = self.token(key, &src, "function") {
                    let f = self.lower_function(token, f, &src);
                    b.add_function(f);
                }
            }
        }

        // The package's own residual: header keys the IR does not model (attribution,
        // allowedPackageNames, config `defaults`, …). Members carry their own residuals,
        // so they stand in for themselves here.
        let mut written =
            form::header_bare(&self.pkg, spec.version.as_deref(), &b.meta_mut().clone());
        if let Some(c) = form::config_form(&config, &self.pkg) {
            written.insert("config".into(), c);
        }
        for key in ["resources", "functions", "types", "provider"] {
            if let Some(v) = self
                .raw
                .get(key)
                .filter(|v| v.as_object().is_some_and(|o| !o.is_empty()))
            {
                written.insert(key.into(), v.clone());
            }
        }
        if self.raw.get("provider").is_none() && !config.is_empty() {
            // `finish` derives a provider from `config`, and the writer writes it.
            written.insert("provider".into(), Value::Bool(true));
        }
        let extra = self.residual(&root, written);
        b.meta_mut().extra = extra;

        for (r, uses) in std::mem::take(&mut self.externals) {
            let first = uses.iter().min().cloned().unwrap_or_else(|| root.clone());
            let more = uses.len() - 1;
            let also = if more > 0 {
                format!(
                    " (and {more} more place{})",
                    if more == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            self.diags.push(
                Diagnostic::error(first, format!("`$ref` to another package's schema cannot be resolved offline: `{r}`{also}"))
                    .with_hint(external_hint(&r)),
            );
        }
        for d in self.diags.0.drain(..) {
            b.diag(d);
        }
        (b, self.replaced)
    }

    fn token(&mut self, key: &str, src: &SourceRef, what: &str) -> Option<Token> {
        let t = Token::parse(key);
        if t.is_none() {
            self.diags.push(
                Diagnostic::error(src.clone(), format!("`{key}` is not a valid {what} token"))
                    .with_hint("tokens have the form `package:module:Name` (the module may be empty, `package::Name`)"),
            );
        }
        t
    }

    fn lower_type_def(
        &mut self,
        key: &str,
        spec: &ComplexTypeSpec,
        src: &SourceRef,
    ) -> Option<TypeDef> {
        let token = self.token(key, src, "type")?;
        if let Some(values) = &spec.enum_ {
            let primitive = match spec.type_.as_deref() {
                Some(t) => match parse_primitive(t) {
                    Some(p) => p,
                    None => {
                        self.diags.push(
                            Diagnostic::error(
                                src.child("type"),
                                format!("enum `{key}` has type `{t}`"),
                            )
                            .with_hint(
                                "an enum's `type` is one of string, integer, number, boolean",
                            ),
                        );
                        return None;
                    }
                },
                None => infer_primitive(values),
            };
            let mut out = Vec::new();
            for (i, v) in values.iter().enumerate() {
                let vsrc = src.child("enum").child(&i.to_string());
                let Some(value) = v.value.clone() else {
                    self.diags.push(
                        Diagnostic::error(vsrc, "enum value has no `value`")
                            .with_hint("every enum member needs a `value`"),
                    );
                    continue;
                };
                if !value_matches(&value, primitive) {
                    self.diags.push(
                        Diagnostic::error(
                            vsrc.child("value"),
                            format!(
                                "enum value {value} is not a {}",
                                form::primitive_name(primitive)
                            ),
                        )
                        .with_hint("make the value match the enum's `type`"),
                    );
                }
                let words_from = v.name.clone().unwrap_or_else(|| match &value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
                let mut ev = EnumValue {
                    name: v.name.clone(),
                    ident: Ident::new(words_from),
                    value,
                    docs: v.description.clone(),
                    deprecation: v.deprecation_message.clone(),
                    extra: RawMap::new(),
                };
                ev.extra = self.residual(&vsrc, form::enum_value_bare(&ev));
                out.push(ev);
            }
            let mut e = EnumType {
                token,
                module: String::new(),
                docs: spec.description.clone(),
                primitive,
                values: out,
                usage: Usage::default(),
                language: spec.language.clone().unwrap_or_default(),
                extra: RawMap::new(),
                source: src.clone(),
            };
            e.extra = self.residual(src, form::enum_type_bare(&e));
            return Some(TypeDef::Enum(e));
        }
        match spec.type_.as_deref() {
            Some("object") | None => {}
            Some(t) => {
                self.diags.push(
                    Diagnostic::error(src.child("type"), format!("type `{key}` has `type: {t}` but no `enum`"))
                        .with_hint("an entry of `types` is an object (`type: object` with `properties`) or an enum (`type` plus `enum`)"),
                );
                return None;
            }
        }
        let properties = self.lower_props(
            spec.properties.as_ref(),
            spec.required.as_ref(),
            &src.child("properties"),
            &src.child("required"),
        );
        let mut o = ObjectType {
            token,
            module: String::new(),
            docs: spec.description.clone(),
            properties: properties.into(),
            usage: Usage::default(),
            alias_of: None,
            language: spec.language.clone().unwrap_or_default(),
            extra: RawMap::new(),
            source: src.clone(),
        };
        o.extra = self.residual(src, form::object_type_bare(&o, &self.pkg));
        Some(TypeDef::Object(o))
    }

    /// Lowers a property map; `required` names set the flag (a name with no property is
    /// a warning, and the list survives the round trip through the residual).
    fn lower_props(
        &mut self,
        props: Option<&UniqueMap<PropertySpec>>,
        required: Option<&Vec<String>>,
        src: &SourceRef,
        req_src: &SourceRef,
    ) -> Vec<Property> {
        let required: BTreeSet<&str> = required
            .map(|r| r.iter().map(String::as_str).collect())
            .unwrap_or_default();
        let mut out = Vec::new();
        if let Some(props) = props {
            for (name, p) in props.iter() {
                out.push(self.lower_property(
                    name,
                    p,
                    &src.child(name),
                    required.contains(name.as_str()),
                ));
            }
        }
        for name in &required {
            if !props.is_some_and(|p| p.contains_key(name)) {
                self.diags.push(Diagnostic::warning(
                    req_src.clone(),
                    format!("`required` names `{name}`, which is not a property here"),
                ));
            }
        }
        out
    }

    fn lower_property(
        &mut self,
        name: &str,
        spec: &PropertySpec,
        src: &SourceRef,
        required: bool,
    ) -> Property {
        let ty = self.lower_type(&spec.type_spec(), src);
        let mut p = Property::new(name, ty, src.clone());
        p.required = required;
        p.secret = spec.secret.unwrap_or(false);
        p.replace_on_changes = spec.replace_on_changes.unwrap_or(false);
        p.will_replace_on_changes = spec.will_replace_on_changes.unwrap_or(false);
        p.plain = spec.plain.unwrap_or(false);
        p.deprecation = spec.deprecation_message.clone();
        p.const_value = spec.const_.clone();
        p.docs = spec.description.clone();
        p.language = spec.language.clone().unwrap_or_default();
        if spec.default.is_some() || spec.default_info.is_some() {
            let mut d = DefaultValue {
                value: spec.default.clone(),
                environment: Vec::new(),
                extra: RawMap::new(),
            };
            if let Some(info) = &spec.default_info {
                d.environment = info.environment.clone().unwrap_or_default();
                d.extra = info.extra.clone();
                if let Some(l) = &info.language {
                    d.extra.insert(
                        "language".into(),
                        Value::Object(l.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
                    );
                }
            }
            p.default = Some(d);
        }
        p.extra = self.residual(src, form::property_bare(&p, &self.pkg));
        p
    }

    fn lower_type(&mut self, spec: &TypeSpec, src: &SourceRef) -> TypeRef {
        if let Some(r) = &spec.ref_ {
            return self.lower_ref(r, &src.child("$ref"));
        }
        if let Some(members) = &spec.one_of {
            let types = members
                .iter()
                .enumerate()
                .map(|(i, m)| self.lower_type(m, &src.child("oneOf").child(&i.to_string())))
                .collect();
            let discriminator = spec.discriminator.as_ref().map(|d| Discriminator {
                property_name: d.property_name.clone(),
                mapping: d.mapping.clone().unwrap_or_default(),
            });
            let primitive = spec.type_.as_deref().and_then(parse_primitive);
            return TypeRef::Union {
                types,
                discriminator,
                primitive,
            };
        }
        match spec.type_.as_deref() {
            Some(t) if parse_primitive(t).is_some() => TypeRef::Primitive {
                primitive: parse_primitive(t).unwrap_or(Primitive::String),
            },
            Some("array") => {
                match &spec.items {
                    Some(items) => TypeRef::array(self.lower_type(items, &src.child("items"))),
                    None => {
                        self.diags.push(Diagnostic::error(src.child("type"), "`type: array` without `items`").with_hint("say what the array holds, e.g. `\"items\": {\"type\": \"string\"}`"));
                        TypeRef::Any
                    }
                }
            }
            // Pulumi's rule: an object without `additionalProperties` is a map of strings.
            Some("object") => match &spec.additional_properties {
                Some(v) => TypeRef::map(self.lower_type(v, &src.child("additionalProperties"))),
                None => TypeRef::map(TypeRef::string()),
            },
            Some(other) => {
                self.diags.push(
                    Diagnostic::error(src.child("type"), format!("unknown type `{other}`"))
                        .with_hint(
                            "use string, integer, number, boolean, array or object, or a `$ref`",
                        ),
                );
                TypeRef::Any
            }
            None => {
                self.diags.push(
                    Diagnostic::error(src.clone(), "no `type`, `$ref` or `oneOf`")
                        .with_hint("every property and type reference needs one of them"),
                );
                TypeRef::Any
            }
        }
    }

    fn lower_ref(&mut self, r: &str, src: &SourceRef) -> TypeRef {
        let local = |prefix: &str| r.strip_prefix(prefix).map(percent_decode);
        if let Some(tok) = local("#/types/") {
            if !self.type_keys.contains(&tok) {
                // A local-looking ref whose token belongs to another package is a
                // cross-package reference in disguise: say so, it is not a typo.
                let foreign = Token::parse(&tok).map(|t| t.package).filter(|p| *p != self.pkg);
                if let Some(other) = foreign {
                    self.diags.push(
                        Diagnostic::error(
                            src.clone(),
                            format!("`$ref` `{r}` refers to a type of another package (`{other}`), whose schema cannot be resolved offline"),
                        )
                        .with_hint(format!("define `{tok}` under `types` of this package, or generate `{other}` and reference it by its schema URL")),
                    );
                    return TypeRef::Any;
                }
                self.diags.push(
                    Diagnostic::error(
                        src.clone(),
                        format!("`$ref` `{r}` names no type of this schema"),
                    )
                    .with_hint(format!(
                        "define `{tok}` under `types`, or fix the reference"
                    )),
                );
                return TypeRef::Any;
            }
            return match Token::parse(&tok) {
                Some(token) => TypeRef::Named { token },
                // The type's own entry reports the bad token.
                None => TypeRef::Any,
            };
        }
        if let Some(tok) = local("#/resources/") {
            if tok == form::provider_token_string(&self.pkg) {
                // The provider spelled as a resource (parameterized packages do this).
                return TypeRef::Resource {
                    token: Token::new("pulumi", "providers", self.pkg.clone()),
                };
            }
            if !self.resource_keys.contains(&tok) {
                self.diags.push(
                    Diagnostic::error(
                        src.clone(),
                        format!("`$ref` `{r}` names no resource of this schema"),
                    )
                    .with_hint(format!(
                        "define `{tok}` under `resources`, or fix the reference"
                    )),
                );
                return TypeRef::Any;
            }
            return match Token::parse(&tok) {
                Some(token) => TypeRef::Resource { token },
                None => TypeRef::Any,
            };
        }
        match r {
            "#/provider" => {
                return TypeRef::Resource {
                    token: Token::new("pulumi", "providers", self.pkg.clone()),
                }
            }
            "pulumi.json#/Any" => return TypeRef::Any,
            "pulumi.json#/Json" => return TypeRef::Json,
            "pulumi.json#/Asset" => return TypeRef::Asset,
            "pulumi.json#/Archive" => return TypeRef::Archive,
            _ => {}
        }
        match r.split_once('#') {
            Some((doc, _)) if !doc.is_empty() && doc != "pulumi.json" => {
                self.externals
                    .entry(r.to_string())
                    .or_default()
                    .push(src.clone());
            }
            _ => {
                self.diags.push(
                    Diagnostic::error(src.clone(), format!("unsupported `$ref` `{r}`"))
                        .with_hint("use `#/types/<token>`, `#/resources/<token>`, `#/provider` or `pulumi.json#/Any|Json|Asset|Archive`"),
                );
            }
        }
        TypeRef::Any
    }

    fn lower_resource(&mut self, token: Token, spec: &ResourceSpec, src: &SourceRef) -> Resource {
        let mut r = Resource::new(token, src.clone());
        r.docs = spec.description.clone();
        r.outputs = self.lower_props(
            spec.properties.as_ref(),
            spec.required.as_ref(),
            &src.child("properties"),
            &src.child("required"),
        );
        r.inputs = self.lower_props(
            spec.input_properties.as_ref(),
            spec.required_inputs.as_ref(),
            &src.child("inputProperties"),
            &src.child("requiredInputs"),
        );
        if let Some(s) = &spec.state_inputs {
            let ssrc = src.child("stateInputs");
            r.state_inputs = Some(self.lower_props(
                s.properties.as_ref(),
                s.required.as_ref(),
                &ssrc.child("properties"),
                &ssrc.child("required"),
            ));
        }
        r.aliases = spec
            .aliases
            .iter()
            .flatten()
            .map(|a| Alias {
                name: a.name.clone(),
                project: a.project.clone(),
                ty: a.type_.clone(),
            })
            .collect();
        r.deprecation = spec.deprecation_message.clone();
        r.is_component = spec.is_component.unwrap_or(false);
        for (name, tok) in spec.methods.iter().flatten() {
            if let Some(t) = self.token(tok, &src.child("methods").child(name), "method function") {
                r.methods.insert(name.clone(), t);
            }
        }
        r.language = spec.language.clone().unwrap_or_default();
        r.extra = self.residual(src, form::resource_bare(&r, &self.pkg));
        r
    }

    fn lower_function(&mut self, token: Token, spec: &FunctionSpec, src: &SourceRef) -> Function {
        let mut f = Function::new(token, src.clone());
        f.docs = spec.description.clone();
        f.deprecation = spec.deprecation_message.clone();
        f.multi_argument_inputs = spec.multi_argument_inputs.clone().unwrap_or_default();
        f.language = spec.language.clone().unwrap_or_default();
        if let Some(i) = &spec.inputs {
            let isrc = src.child("inputs");
            let properties = self.lower_props(
                i.properties.as_ref(),
                i.required.as_ref(),
                &isrc.child("properties"),
                &isrc.child("required"),
            );
            let mut shape = ObjectShape {
                docs: i.description.clone(),
                properties,
                extra: RawMap::new(),
            };
            shape.extra = self.residual(&isrc, form::shape_bare(&shape, &self.pkg));
            f.inputs = Some(shape);
        }
        if let Some(o) = &spec.outputs {
            let osrc = src.child("outputs");
            let mut result = if o.is_type() {
                FunctionResult::Value {
                    ty: self.lower_type(&o.type_spec(), &osrc),
                    extra: RawMap::new(),
                }
            } else {
                let properties = self.lower_props(
                    o.properties.as_ref(),
                    o.required.as_ref(),
                    &osrc.child("properties"),
                    &osrc.child("required"),
                );
                FunctionResult::Object {
                    shape: ObjectShape {
                        docs: o.description.clone(),
                        properties,
                        extra: RawMap::new(),
                    },
                }
            };
            let extra = self.residual(&osrc, form::result_bare(&result, &self.pkg));
            match &mut result {
                FunctionResult::Value { extra: e, .. } => *e = extra,
                FunctionResult::Object { shape } => shape.extra = extra,
            }
            f.outputs = Some(result);
        }
        f.extra = self.residual(src, form::function_bare(&f, &self.pkg));
        f
    }
}

/// What to do about a cross-package `$ref`; names the package when the URL says it
/// (Pulumi's `/<package>/<version>/schema.json#…` form).
fn external_hint(r: &str) -> String {
    let doc = r.split('#').next().unwrap_or("");
    let parts: Vec<&str> = doc.trim_start_matches('/').split('/').collect();
    let which = match parts.as_slice() {
        [pkg, version, "schema.json"] => format!("it points into package `{pkg}` {version}; "),
        _ => String::new(),
    };
    format!("{which}cloudgen reads one package schema at a time and never fetches another: define the type in this schema, or drop the cross-package reference")
}

fn parse_primitive(t: &str) -> Option<Primitive> {
    match t {
        "string" => Some(Primitive::String),
        "integer" => Some(Primitive::Integer),
        "number" => Some(Primitive::Number),
        "boolean" => Some(Primitive::Boolean),
        _ => None,
    }
}

/// An enum without `type`: take it from the values (strings unless all are numbers or
/// booleans). The writer then writes `type`, and the residual drops it again.
fn infer_primitive(values: &[EnumValueSpec]) -> Primitive {
    let vals: Vec<&Value> = values.iter().filter_map(|v| v.value.as_ref()).collect();
    if !vals.is_empty() && vals.iter().all(|v| v.is_i64() || v.is_u64()) {
        Primitive::Integer
    } else if !vals.is_empty() && vals.iter().all(|v| v.is_number()) {
        Primitive::Number
    } else if !vals.is_empty() && vals.iter().all(|v| v.is_boolean()) {
        Primitive::Boolean
    } else {
        Primitive::String
    }
}

fn value_matches(v: &Value, p: Primitive) -> bool {
    match p {
        Primitive::String => v.is_string(),
        Primitive::Integer => v.is_i64() || v.is_u64(),
        Primitive::Number => v.is_number(),
        Primitive::Boolean => v.is_boolean(),
    }
}

/// Decodes `%XX` escapes in a `$ref` fragment (`aws:ec2%2FsecurityGroup:SecurityGroup`);
/// malformed escapes are kept as written.
pub(super) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(
            percent_decode("aws:ec2%2FsecurityGroup:SecurityGroup"),
            "aws:ec2/securityGroup:SecurityGroup"
        );
        assert_eq!(percent_decode("a%2fb"), "a/b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%2"), "%zz%2");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "%FF");
    }
}

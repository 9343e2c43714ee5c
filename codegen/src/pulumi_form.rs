//! The Pulumi package schema form of each IR node, and the residual algebra that makes
//! the Pulumi round trip lossless.
//!
//! Owns: one function per IR node kind that writes the node the way a Pulumi package
//! schema spells it (`"$ref": "#/types/<token>"`, `required` lists, `defaultInfo`, …),
//! plus [`diff`]/[`merge`] over raw JSON.
//!
//! Why the frontend uses this module too: the Pulumi frontend stores, in each IR node's
//! `extra` map, exactly the *residual* between the node's source JSON and what the
//! functions here write for the node (`extra = diff(source, bare_form(node))`). The writer
//! then emits `merge(bare_form(node), extra)`, which equals the source by construction.
//! Keeping one copy of the node forms is what guarantees that; the module is pure (no
//! I/O, no state) and only depends on `ir`.
//!
//! Residual format (what an `extra` map may hold):
//! - a key the form does not write (an unknown key, `type` next to `$ref`, `isOverlay`,
//!   `"secret": false`, an empty `properties: {}`) — inserted as is;
//! - a key whose written value differs (a `$ref` spelled `%2F`, a `required` list in
//!   another order) — an object value merges recursively, anything else replaces;
//! - [`ABSENT`]: the names of keys the form writes but the source did not have (a
//!   provider derived from `config`, an enum without `type`) — removed after merging.

use crate::ir::{
    DefaultValue, EnumType, EnumValue, Function, FunctionResult, ObjectShape, ObjectType, Package,
    PackageMeta, Primitive, Property, RawMap, Resource, TypeDef, TypeRef,
};
use serde_json::{Map, Value};

/// Reserved residual key listing keys to drop from the written form (see module docs).
/// No Pulumi schema uses it, so it cannot collide with a real key.
pub const ABSENT: &str = "x-cloudgen-absent";

/// The default `meta.moduleFormat`; the writer omits `meta` when the format is this one.
pub const DEFAULT_MODULE_FORMAT: &str = "(.*)";

/// The spelling of a primitive in a schema `type`.
pub fn primitive_name(p: Primitive) -> &'static str {
    match p {
        Primitive::Boolean => "boolean",
        Primitive::Integer => "integer",
        Primitive::Number => "number",
        Primitive::String => "string",
    }
}

/// The provider resource's token in package `pkg` (`#/provider` in a schema).
pub fn provider_token_string(pkg: &str) -> String {
    format!("pulumi:providers:{pkg}")
}

/// A type reference as a Pulumi `TypeSpec`.
pub fn type_form(ty: &TypeRef, pkg: &str) -> Map<String, Value> {
    let mut m = Map::new();
    match ty {
        TypeRef::Primitive { primitive } => {
            m.insert("type".into(), primitive_name(*primitive).into());
        }
        TypeRef::Array { items } => {
            m.insert("type".into(), "array".into());
            m.insert("items".into(), Value::Object(type_form(items, pkg)));
        }
        TypeRef::Map { values } => {
            m.insert("type".into(), "object".into());
            m.insert(
                "additionalProperties".into(),
                Value::Object(type_form(values, pkg)),
            );
        }
        TypeRef::Named { token } => {
            m.insert("$ref".into(), format!("#/types/{token}").into());
        }
        TypeRef::Resource { token } => {
            let r = if token.to_string() == provider_token_string(pkg) {
                "#/provider".to_string()
            } else {
                format!("#/resources/{token}")
            };
            m.insert("$ref".into(), r.into());
        }
        TypeRef::Union {
            types,
            discriminator,
            primitive,
        } => {
            if let Some(p) = primitive {
                m.insert("type".into(), primitive_name(*p).into());
            }
            m.insert(
                "oneOf".into(),
                Value::Array(
                    types
                        .iter()
                        .map(|t| Value::Object(type_form(t, pkg)))
                        .collect(),
                ),
            );
            if let Some(d) = discriminator {
                let mut dm = Map::new();
                dm.insert("propertyName".into(), d.property_name.clone().into());
                if !d.mapping.is_empty() {
                    dm.insert(
                        "mapping".into(),
                        Value::Object(
                            d.mapping
                                .iter()
                                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                                .collect(),
                        ),
                    );
                }
                m.insert("discriminator".into(), Value::Object(dm));
            }
        }
        TypeRef::Any => {
            m.insert("$ref".into(), "pulumi.json#/Any".into());
        }
        TypeRef::Json => {
            m.insert("$ref".into(), "pulumi.json#/Json".into());
        }
        TypeRef::Asset => {
            m.insert("$ref".into(), "pulumi.json#/Asset".into());
        }
        TypeRef::Archive => {
            m.insert("$ref".into(), "pulumi.json#/Archive".into());
        }
        // A finished IR has no inline objects (the builder names them); should one reach
        // the writer anyway, `Any` is the honest type and avoids inventing a name.
        TypeRef::Inline { .. } => {
            m.insert("$ref".into(), "pulumi.json#/Any".into());
        }
    }
    m
}

fn default_info_form(d: &DefaultValue) -> Option<Value> {
    if d.environment.is_empty() && d.extra.is_empty() {
        return None;
    }
    let mut m: Map<String, Value> = d
        .extra
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !d.environment.is_empty() {
        m.insert(
            "environment".into(),
            Value::Array(
                d.environment
                    .iter()
                    .map(|e| Value::String(e.clone()))
                    .collect(),
            ),
        );
    }
    Some(Value::Object(m))
}

/// A property as a `PropertySpec`, without its `extra` residual.
pub fn property_bare(p: &Property, pkg: &str) -> Map<String, Value> {
    let mut m = type_form(&p.ty, pkg);
    if p.plain {
        m.insert("plain".into(), true.into());
    }
    if let Some(d) = &p.docs {
        m.insert("description".into(), d.clone().into());
    }
    if let Some(d) = &p.default {
        if let Some(v) = &d.value {
            m.insert("default".into(), v.clone());
        }
        if let Some(info) = default_info_form(d) {
            m.insert("defaultInfo".into(), info);
        }
    }
    if let Some(d) = &p.deprecation {
        m.insert("deprecationMessage".into(), d.clone().into());
    }
    if p.secret {
        m.insert("secret".into(), true.into());
    }
    if p.replace_on_changes {
        m.insert("replaceOnChanges".into(), true.into());
    }
    if p.will_replace_on_changes {
        m.insert("willReplaceOnChanges".into(), true.into());
    }
    if let Some(c) = &p.const_value {
        m.insert("const".into(), c.clone());
    }
    insert_raw(&mut m, "language", &p.language);
    m
}

/// A property as a `PropertySpec`, residual applied.
pub fn property_form(p: &Property, pkg: &str) -> Value {
    let mut m = property_bare(p, pkg);
    merge(&mut m, &p.extra);
    Value::Object(m)
}

/// Writes `props` under `props_key` and the names of the required ones (sorted) under
/// `required_key`; empty collections are omitted.
pub fn properties_into(
    m: &mut Map<String, Value>,
    props: &[Property],
    pkg: &str,
    props_key: &str,
    required_key: &str,
) {
    if !props.is_empty() {
        let map: Map<String, Value> = props
            .iter()
            .map(|p| (p.name.wire.clone(), property_form(p, pkg)))
            .collect();
        m.insert(props_key.into(), Value::Object(map));
    }
    let mut required: Vec<&str> = props
        .iter()
        .filter(|p| p.required)
        .map(|p| p.name.wire.as_str())
        .collect();
    required.sort_unstable();
    required.dedup();
    if !required.is_empty() {
        m.insert(
            required_key.into(),
            Value::Array(
                required
                    .into_iter()
                    .map(|s| Value::String(s.into()))
                    .collect(),
            ),
        );
    }
}

fn insert_raw(m: &mut Map<String, Value>, key: &str, raw: &RawMap) {
    if !raw.is_empty() {
        m.insert(
            key.into(),
            Value::Object(raw.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
        );
    }
}

fn insert_opt(m: &mut Map<String, Value>, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        m.insert(key.into(), v.clone().into());
    }
}

/// An object type as an `ObjectTypeSpec` (with `type: object`), without its residual.
pub fn object_type_bare(o: &ObjectType, pkg: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), "object".into());
    insert_opt(&mut m, "description", &o.docs);
    properties_into(&mut m, &o.properties, pkg, "properties", "required");
    insert_raw(&mut m, "language", &o.language);
    m
}

/// An enum value as an `EnumValueSpec`, without its residual.
pub fn enum_value_bare(v: &EnumValue) -> Map<String, Value> {
    let mut m = Map::new();
    insert_opt(&mut m, "name", &v.name);
    m.insert("value".into(), v.value.clone());
    insert_opt(&mut m, "description", &v.docs);
    insert_opt(&mut m, "deprecationMessage", &v.deprecation);
    m
}

/// An enum type as a `ComplexTypeSpec` with `enum`, without its residual.
pub fn enum_type_bare(e: &EnumType) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), primitive_name(e.primitive).into());
    insert_opt(&mut m, "description", &e.docs);
    let values = e
        .values
        .iter()
        .map(|v| {
            let mut vm = enum_value_bare(v);
            merge(&mut vm, &v.extra);
            Value::Object(vm)
        })
        .collect();
    m.insert("enum".into(), Value::Array(values));
    insert_raw(&mut m, "language", &e.language);
    m
}

/// A named type, residual applied.
pub fn type_def_form(t: &TypeDef, pkg: &str) -> Value {
    let (mut m, extra) = match t {
        TypeDef::Object(o) => (object_type_bare(o, pkg), &o.extra),
        TypeDef::Enum(e) => (enum_type_bare(e), &e.extra),
    };
    merge(&mut m, extra);
    Value::Object(m)
}

/// A resource (or the provider) as a `ResourceSpec`, without its residual.
pub fn resource_bare(r: &Resource, pkg: &str) -> Map<String, Value> {
    let mut m = Map::new();
    insert_opt(&mut m, "description", &r.docs);
    properties_into(&mut m, &r.outputs, pkg, "properties", "required");
    properties_into(&mut m, &r.inputs, pkg, "inputProperties", "requiredInputs");
    if let Some(state) = &r.state_inputs {
        let mut sm = Map::new();
        properties_into(&mut sm, state, pkg, "properties", "required");
        m.insert("stateInputs".into(), Value::Object(sm));
    }
    if !r.aliases.is_empty() {
        let aliases = r
            .aliases
            .iter()
            .map(|a| {
                let mut am = Map::new();
                insert_opt(&mut am, "name", &a.name);
                insert_opt(&mut am, "project", &a.project);
                insert_opt(&mut am, "type", &a.ty);
                Value::Object(am)
            })
            .collect();
        m.insert("aliases".into(), Value::Array(aliases));
    }
    insert_opt(&mut m, "deprecationMessage", &r.deprecation);
    if r.is_component {
        m.insert("isComponent".into(), true.into());
    }
    if !r.methods.is_empty() {
        m.insert(
            "methods".into(),
            Value::Object(
                r.methods
                    .iter()
                    .map(|(k, t)| (k.clone(), Value::String(t.to_string())))
                    .collect(),
            ),
        );
    }
    insert_raw(&mut m, "language", &r.language);
    m
}

/// A resource, residual applied.
pub fn resource_form(r: &Resource, pkg: &str) -> Value {
    let mut m = resource_bare(r, pkg);
    merge(&mut m, &r.extra);
    Value::Object(m)
}

/// A function's argument or result object as an `ObjectTypeSpec`, without its residual.
pub fn shape_bare(s: &ObjectShape, pkg: &str) -> Map<String, Value> {
    let mut m = Map::new();
    insert_opt(&mut m, "description", &s.docs);
    properties_into(&mut m, &s.properties, pkg, "properties", "required");
    m
}

fn shape_form(s: &ObjectShape, pkg: &str) -> Value {
    let mut m = shape_bare(s, pkg);
    merge(&mut m, &s.extra);
    Value::Object(m)
}

/// A function result: an object spec, or a bare `TypeSpec`; without its residual.
pub fn result_bare(r: &FunctionResult, pkg: &str) -> Map<String, Value> {
    match r {
        FunctionResult::Object { shape } => shape_bare(shape, pkg),
        FunctionResult::Value { ty, .. } => type_form(ty, pkg),
    }
}

fn result_form(r: &FunctionResult, pkg: &str) -> Value {
    let mut m = result_bare(r, pkg);
    let extra = match r {
        FunctionResult::Object { shape } => &shape.extra,
        FunctionResult::Value { extra, .. } => extra,
    };
    merge(&mut m, extra);
    Value::Object(m)
}

/// A function as a `FunctionSpec`, without its residual.
pub fn function_bare(f: &Function, pkg: &str) -> Map<String, Value> {
    let mut m = Map::new();
    insert_opt(&mut m, "description", &f.docs);
    if let Some(i) = &f.inputs {
        m.insert("inputs".into(), shape_form(i, pkg));
    }
    if let Some(o) = &f.outputs {
        m.insert("outputs".into(), result_form(o, pkg));
    }
    insert_opt(&mut m, "deprecationMessage", &f.deprecation);
    if !f.multi_argument_inputs.is_empty() {
        m.insert(
            "multiArgumentInputs".into(),
            Value::Array(
                f.multi_argument_inputs
                    .iter()
                    .map(|s| Value::String(s.clone()))
                    .collect(),
            ),
        );
    }
    insert_raw(&mut m, "language", &f.language);
    m
}

/// A function, residual applied.
pub fn function_form(f: &Function, pkg: &str) -> Value {
    let mut m = function_bare(f, pkg);
    merge(&mut m, &f.extra);
    Value::Object(m)
}

/// The package header (everything but config, provider and members), without residual.
pub fn header_bare(name: &str, version: Option<&str>, meta: &PackageMeta) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), name.into());
    if let Some(v) = version {
        m.insert("version".into(), v.into());
    }
    insert_opt(&mut m, "displayName", &meta.display_name);
    insert_opt(&mut m, "description", &meta.description);
    if !meta.keywords.is_empty() {
        m.insert(
            "keywords".into(),
            Value::Array(
                meta.keywords
                    .iter()
                    .map(|k| Value::String(k.clone()))
                    .collect(),
            ),
        );
    }
    insert_opt(&mut m, "homepage", &meta.homepage);
    insert_opt(&mut m, "license", &meta.license);
    insert_opt(&mut m, "repository", &meta.repository);
    insert_opt(&mut m, "publisher", &meta.publisher);
    insert_opt(&mut m, "pluginDownloadURL", &meta.plugin_download_url);
    if meta.module_format != DEFAULT_MODULE_FORMAT {
        let mut mm = Map::new();
        mm.insert("moduleFormat".into(), meta.module_format.clone().into());
        m.insert("meta".into(), Value::Object(mm));
    }
    insert_raw(&mut m, "language", &meta.language);
    m
}

/// `config` as a `ConfigSpec`; `None` when there are no variables.
pub fn config_form(config: &[Property], pkg: &str) -> Option<Value> {
    let mut m = Map::new();
    properties_into(&mut m, config, pkg, "variables", "required");
    (!m.is_empty()).then_some(Value::Object(m))
}

/// The whole package as a Pulumi package schema (unsorted `Map`s; see `canonical`).
pub fn package_form(pkg: &Package) -> Value {
    let name = pkg.name.as_str();
    let mut m = header_bare(name, pkg.version.as_deref(), &pkg.meta);
    if let Some(c) = config_form(&pkg.config, name) {
        m.insert("config".into(), c);
    }
    let provider = resource_form(&pkg.provider, name);
    if provider.as_object().is_some_and(|p| !p.is_empty()) {
        m.insert("provider".into(), provider);
    }
    if !pkg.resources.is_empty() {
        m.insert(
            "resources".into(),
            Value::Object(
                pkg.resources
                    .iter()
                    .map(|r| (r.token.to_string(), resource_form(r, name)))
                    .collect(),
            ),
        );
    }
    if !pkg.functions.is_empty() {
        m.insert(
            "functions".into(),
            Value::Object(
                pkg.functions
                    .iter()
                    .map(|f| (f.token.to_string(), function_form(f, name)))
                    .collect(),
            ),
        );
    }
    if !pkg.types.is_empty() {
        m.insert(
            "types".into(),
            Value::Object(
                pkg.types
                    .iter()
                    .map(|(t, d)| (t.to_string(), type_def_form(d, name)))
                    .collect(),
            ),
        );
    }
    merge(&mut m, &pkg.meta.extra);
    Value::Object(m)
}

/// Applies a residual: object values merge recursively, other values replace, and the
/// keys listed under [`ABSENT`] are removed last.
pub fn merge<'a>(
    target: &mut Map<String, Value>,
    extra: impl IntoIterator<Item = (&'a String, &'a Value)>,
) {
    let mut absent: Vec<String> = Vec::new();
    for (k, v) in extra {
        if k == ABSENT {
            if let Value::Array(keys) = v {
                absent.extend(keys.iter().filter_map(|k| k.as_str().map(str::to_string)));
            }
            continue;
        }
        match (target.get_mut(k), v) {
            (Some(Value::Object(t)), Value::Object(e)) => merge(t, e.iter()),
            _ => {
                target.insert(k.clone(), v.clone());
            }
        }
    }
    for k in absent {
        target.remove(&k);
    }
}

/// What differs between `source` and `written`: the residual `r` such that
/// `merge(written, r) == source` (see the module docs). `None` when they are equal.
/// Every place where both sides have a key with different non-object values is reported
/// to `replaced` as a JSON pointer below `at`, so tests can tell an expected respelling
/// (a `$ref`, a `required` order) from a lowering bug.
pub fn diff(
    source: &Value,
    written: &Value,
    at: &str,
    replaced: &mut Vec<String>,
) -> Option<Value> {
    match (source, written) {
        (Value::Object(s), Value::Object(w)) => {
            let mut r = Map::new();
            for (k, sv) in s {
                match w.get(k) {
                    None => {
                        r.insert(k.clone(), sv.clone());
                    }
                    Some(wv) => {
                        let child = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                        if let Some(d) = diff(sv, wv, &child, replaced) {
                            r.insert(k.clone(), d);
                        }
                    }
                }
            }
            let absent: Vec<Value> = w
                .keys()
                .filter(|k| !s.contains_key(*k))
                .map(|k| Value::String(k.clone()))
                .collect();
            if !absent.is_empty() {
                r.insert(ABSENT.into(), Value::Array(absent));
            }
            (!r.is_empty()).then_some(Value::Object(r))
        }
        _ if source == written => None,
        // Arrays are replaced whole (positions do not merge), but equal-length arrays are
        // compared element by element for the report, so that a respelled `$ref` inside
        // `oneOf` is told apart from a wrongly lowered member.
        (Value::Array(s), Value::Array(w)) if s.len() == w.len() => {
            for (i, (sv, wv)) in s.iter().zip(w).enumerate() {
                diff(sv, wv, &format!("{at}/{i}"), replaced);
            }
            Some(source.clone())
        }
        _ => {
            replaced.push(at.to_string());
            Some(source.clone())
        }
    }
}

/// The residual of `source` against `written` as a raw map (for an IR node's `extra`).
/// A non-object source cannot be a node; it yields an empty residual.
pub fn residual(
    source: Option<&Value>,
    written: Map<String, Value>,
    at: &str,
    replaced: &mut Vec<String>,
) -> RawMap {
    let Some(source) = source else {
        return RawMap::new();
    };
    match diff(source, &Value::Object(written), at, replaced) {
        Some(Value::Object(r)) => r.into_iter().collect(),
        _ => RawMap::new(),
    }
}

/// Rebuilds every object with its keys in sorted order, so output is sorted whatever map
/// implementation `serde_json` was built with.
pub fn canonical(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(String, Value)> = m.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, canonical(v)))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.into_iter().map(canonical).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_then_merge_gives_back_the_source() {
        let cases = [
            (
                json!({"a": 1, "b": {"c": 2, "d": [1, 2]}}),
                json!({"a": 1, "b": {"c": 3, "e": 1}, "z": {}}),
            ),
            (json!({}), json!({"x": 1})),
            (json!({"x": {}}), json!({"x": {"y": 1}})),
            (json!({"x": {"y": 1}}), json!({"x": 5})),
            (json!({"x": 5}), json!({"x": {"y": 1}})),
        ];
        for (source, written) in cases {
            let mut replaced = vec![];
            let r = residual(
                Some(&source),
                written.as_object().unwrap().clone(),
                "",
                &mut replaced,
            );
            let mut w = written.as_object().unwrap().clone();
            merge(&mut w, &r);
            assert_eq!(Value::Object(w), source);
        }
    }

    #[test]
    fn replacements_are_reported_with_pointers() {
        let mut replaced = vec![];
        diff(
            &json!({"a/b": {"c": 1}}),
            &json!({"a/b": {"c": 2}}),
            "/x",
            &mut replaced,
        );
        assert_eq!(replaced, vec!["/x/a~1b/c"]);
    }
}

//! `mapping.json`, built as the shim crate's own [`Mapping`] type (the runtime reads the
//! very type this writes): Pulumi tokens and property names against Terraform type and
//! attribute names, read from the IR through [`crate::ir::terraform`].

use crate::diag::{Diagnostic, Diagnostics};
use crate::ir::{terraform, FunctionResult, Package, Property, Token, TypeDef, TypeRef};
use cloudgen_shim::mapping::{Entity, Field, Fields, Mapping};
use std::collections::BTreeSet;

/// The mapping of `pkg`; an error if `pkg` did not come from a Terraform provider schema.
pub fn mapping(pkg: &Package) -> Result<Mapping, Diagnostics> {
    let Some(address) = terraform::provider_address(pkg) else {
        return Err(Diagnostic::error(pkg.source.clone(), format!("package `{}` did not come from a Terraform provider schema; the shim bridges Terraform providers only", pkg.name))
            .with_hint("use `cloudgen import-schema --provider PATH` to get the schema of a provider binary")
            .into());
    };
    let provider = address.rsplit('/').next().unwrap_or(&address).to_string();
    // The object types being described, outermost first: a recursive type is described
    // down to its first repetition.
    let mut stack = BTreeSet::new();
    let mut resources = std::collections::BTreeMap::new();
    for r in &pkg.resources {
        let Some(tf) = terraform::resource_type(r) else { continue };
        let props: Vec<&Property> = r.inputs.iter().chain(&r.outputs).collect();
        resources.insert(r.token.to_string(), entity(tf, &props, pkg, &mut stack));
    }
    let mut functions = std::collections::BTreeMap::new();
    for f in &pkg.functions {
        let Some(tf) = terraform::data_source_type(f) else { continue };
        let mut props: Vec<&Property> = f.inputs.iter().flat_map(|s| &s.properties).collect();
        if let Some(FunctionResult::Object { shape }) = &f.outputs {
            props.extend(&shape.properties);
        }
        functions.insert(f.token.to_string(), entity(tf, &props, pkg, &mut stack));
    }
    let config = fields(&pkg.config.iter().collect::<Vec<_>>(), pkg, &mut BTreeSet::new());
    Ok(Mapping { version: 1, name: pkg.name.clone(), provider, config, resources, functions })
}

/// The bytes of `mapping.json`: keys sorted (written through `serde_json::Value`, so the
/// order does not depend on the struct's field order), two-space indent, final newline.
pub fn to_bytes(m: &Mapping) -> Vec<u8> {
    let value = serde_json::to_value(m).expect("a mapping serializes");
    let mut text = serde_json::to_string_pretty(&value).expect("a JSON value serializes");
    text.push('\n');
    text.into_bytes()
}

fn entity(tf: &str, props: &[&Property], pkg: &Package, stack: &mut BTreeSet<String>) -> Entity {
    Entity { tf_type: tf.to_string(), fields: fields(props, pkg, stack) }
}

/// Fields keyed by Terraform name. Inputs and outputs describe the same attributes; the
/// first occurrence wins. `stack` guards recursive object types.
fn fields(props: &[&Property], pkg: &Package, stack: &mut BTreeSet<String>) -> Fields {
    let mut out = Fields::new();
    for p in props {
        let Some(tf) = terraform::attribute_name(p) else { continue };
        if out.contains_key(&tf) {
            continue;
        }
        let mut field = Field { name: p.name.wire.clone(), max_items_one: terraform::max_items_one(p), secret: p.secret, fields: Fields::new() };
        if let Some(token) = object_token(&p.ty) {
            if let Some(TypeDef::Object(o)) = pkg.types.get(token) {
                if stack.insert(token.to_string()) {
                    field.fields = fields(&o.properties.iter().collect::<Vec<_>>(), pkg, stack);
                    stack.remove(&token.to_string());
                }
            }
        }
        out.insert(tf, field);
    }
    out
}

/// The object type a property holds, directly or as the element of arrays and maps.
fn object_token(t: &TypeRef) -> Option<&Token> {
    match t {
        TypeRef::Named { token } => Some(token),
        TypeRef::Array { items } => object_token(items),
        TypeRef::Map { values } => object_token(values),
        _ => None,
    }
}

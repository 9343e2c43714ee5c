//! The `config` module of a package with configuration: `vars.py` (one property per
//! variable on a module subclass) and its `__init__.py` / `__init__.pyi`.

use super::docs::{docs_of, docstring};
use super::layout;
use super::model::*;
use super::values::{base_type, config_fallback, py_str};
use super::Cx;
use crate::backends::Artifact;
use crate::ir::{Primitive, Property, TypeDef, TypeRef};
use std::collections::BTreeSet;

/// The configuration files (none when the package has no configuration).
pub fn config_files(cx: &Cx) -> Vec<Artifact> {
    if cx.pkg().config.is_empty() {
        return Vec::new();
    }
    let model = ConfigFile {
        head: FileHead::new(BTreeSet::new(), "config", false),
        pkg_lit: py_str(&cx.pkg().name),
        vars: cx.pkg().config.iter().zip(&cx.names.config).map(|(p, name)| var(cx, p, name)).collect(),
    };
    let file = |name: &str| layout::file(&cx.names.package, "config", name);
    vec![
        Artifact::template(file("vars.py"), "python/config_vars.py.tera", &model),
        Artifact::template(file("__init__.pyi"), "python/config_init.pyi.tera", &model),
        Artifact::template(file("__init__.py"), "python/config_init.py.tera", &model),
    ]
}

/// One variable. Config getters return what `pulumi.Config` returns: primitives as such,
/// anything else as its JSON string (as the official SDKs do).
fn var(cx: &Cx, p: &Property, name: &str) -> ConfigVar {
    let prim = base_type(&p.ty)
        .or_else(|| match &p.ty {
            TypeRef::Named { token } => match cx.pkg().types.get(token) {
                Some(TypeDef::Enum(e)) => Some(e.primitive),
                _ => None,
            },
            _ => None,
        })
        .unwrap_or(Primitive::String);
    let (getf, base) = match prim {
        Primitive::Boolean => ("get_bool", "bool"),
        Primitive::Integer => ("get_int", "int"),
        Primitive::Number => ("get_float", "float"),
        Primitive::String => ("get", "str"),
    };
    let mut fetch = format!("__config__.{getf}({})", py_str(&p.name.wire));
    let mut has_value = false;
    if let Some(d) = &p.default {
        let (fallback, literal) = config_fallback(d, prim);
        has_value = literal;
        if let Some(f) = fallback {
            fetch = format!("{fetch} or {f}");
        }
    }
    let ty = if has_value { format!("_builtins.{base}") } else { format!("Optional[_builtins.{base}]") };
    let d = docs_of(p);
    ConfigVar { name: name.to_string(), ty, fetch, docstring: docstring(&d, "        "), stub_docstring: docstring(&d, "") }
}

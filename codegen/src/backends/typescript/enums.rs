//! `types/enums/<module>/index.ts`: a module's enums (a `const` object and the union type
//! of its values each), re-exporting its sub-modules' enums.

use super::docs::jsdoc;
use super::layout::{dir_last, join, Module};
use super::model::{Enum, EnumMember, EnumsFile};
use super::module::submodule;
use super::values::ts_literal;
use super::{header, Cx};
use crate::backends::Artifact;
use crate::ir::{EnumType, Token, TypeDef};

const T_ENUMS: &str = "typescript/enums.ts.tera";

/// The enums file of `module`, when it or a sub-module has enums.
pub fn files(cx: &Cx, module: &Module) -> Vec<Artifact> {
    let key = &module.key;
    if !cx.names.enum_dirs.contains(key) {
        return Vec::new();
    }
    let submodules = module
        .children
        .iter()
        .filter(|c| cx.names.enum_dirs.contains(*c))
        .map(|c| {
            let child = &cx.names.modules[c];
            submodule(child, format!("./{}", dir_last(&child.dir)))
        })
        .collect();
    let tokens = cx.names.members.get(key).map(|m| m.enums.as_slice()).unwrap_or_default();
    let mut enums: Vec<Enum> = tokens.iter().filter_map(|t| match cx.pkg().types.get(t) {
        Some(TypeDef::Enum(e)) => Some(enum_model(cx, t, e)),
        _ => None,
    }).collect();
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    vec![Artifact::template(join(&join("types/enums", &module.dir), "index.ts"), T_ENUMS, &EnumsFile { header: header(), submodules, enums })]
}

fn enum_model(cx: &Cx, token: &Token, e: &EnumType) -> Enum {
    let keys = &cx.names.enum_members[token];
    let members = e.values.iter().zip(keys).map(|(v, key)| EnumMember { doc: jsdoc(v.docs.as_deref(), v.deprecation.as_deref()), key: key.clone(), value: ts_literal(&v.value) }).collect();
    Enum { doc: jsdoc(e.docs.as_deref(), None), name: cx.names.types.enums[token].name.clone(), members }
}

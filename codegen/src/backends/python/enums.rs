//! A module's `_enums.py`: one `Enum` class per enum type, members named by the naming
//! pass.

use super::docs::{clean, docstring};
use super::model::*;
use super::values::{lits, py_str, py_value};
use super::Cx;
use crate::ir::{EnumType, Primitive, Token, TypeDef};
use serde_json::Value;
use std::collections::BTreeSet;

/// The enum classes `_enums.py` of the enums `toks` exports, sorted.
pub fn exports(cx: &Cx, toks: &[Token]) -> Vec<String> {
    let mut all: Vec<String> = toks.iter().filter_map(|t| cx.names.enums.get(t)).map(|e| e.class.clone()).collect();
    all.sort();
    all
}

/// `_enums.py` of module `m`.
pub fn enums_file(cx: &Cx, toks: &[Token], m: &str) -> EnumsFile {
    let enums = toks
        .iter()
        .filter_map(|tok| match cx.pkg().types.get(tok) {
            Some(TypeDef::Enum(e)) => Some(enum_class(cx, tok, e)),
            _ => None,
        })
        .collect();
    EnumsFile { head: FileHead::new(BTreeSet::new(), m, false), all: lits(&exports(cx, toks)), enums }
}

fn enum_class(cx: &Cx, tok: &Token, e: &EnumType) -> EnumClass {
    let names = &cx.names.enums[tok];
    let members = e
        .values
        .iter()
        .zip(&names.members)
        .map(|(v, name)| {
            let value = match (&v.value, e.primitive) {
                (Value::Number(n), Primitive::Number) if n.is_i64() || n.is_u64() => format!("{}.0", py_value(&v.value)),
                _ => py_value(&v.value),
            };
            let mut d = v.docs.as_deref().map(clean).unwrap_or_default();
            if let Some(dep) = &v.deprecation {
                if !d.is_empty() {
                    d.push_str("\n\n");
                }
                d.push_str("Deprecated: ");
                d.push_str(dep);
            }
            EnumMember { name: name.clone(), value, docstring: docstring(&d, "    ") }
        })
        .collect();
    let bases = match e.primitive {
        Primitive::String => "_builtins.str, Enum",
        Primitive::Integer => "_builtins.int, Enum",
        Primitive::Number => "_builtins.float, Enum",
        Primitive::Boolean => "Enum",
    };
    EnumClass {
        name: names.class.clone(),
        token_lit: py_str(&tok.to_string()),
        bases: bases.into(),
        docstring: docstring(&e.docs.as_deref().map(clean).unwrap_or_default(), "    "),
        members,
    }
}

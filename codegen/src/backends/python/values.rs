//! Python literals and default-value expressions: string literals (through the shared
//! [`quoted`]), JSON values as Python expressions, and the expressions that read a
//! property's or a configuration variable's default (a literal, environment variables).

use crate::backends::sdk::literal::{quoted, EnvKind};
use crate::ir::{DefaultValue, Primitive, Property, TypeRef};
use serde_json::Value;

/// A double-quoted Python string literal for any text: control characters as `\xNN`, line
/// and paragraph separators (fine inside literals, but they confuse editors) as `\uNNNN`.
pub fn py_str(s: &str) -> String {
    quoted(s, |c| match c {
        c if (c as u32) < 0x20 || c == '\u{7f}' => Some(format!("\\x{:02x}", c as u32)),
        '\u{2028}' | '\u{2029}' | '\u{85}' => Some(format!("\\u{:04x}", c as u32)),
        _ => None,
    })
}

/// A multi-line Python string literal (`'''` … `'''`) of `s`, which may hold
/// newlines: the form for large embedded documents (JSON), which compile far faster as one
/// constant than as the equivalent Python literal. Every `'` is escaped, so nothing in `s`
/// can close it.
pub fn py_long_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push_str("'''");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push_str("'''");
    out
}

/// A Python expression for a JSON value (`None`, `True`, numbers, strings, lists, dicts).
pub fn py_value(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                let f = n.as_f64().unwrap_or(0.0);
                if f.is_finite() {
                    format!("{f:?}")
                } else {
                    "float('nan')".into()
                }
            }
        }
        Value::String(s) => py_str(s),
        Value::Array(items) => format!("[{}]", items.iter().map(py_value).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => format!("{{{}}}", m.iter().map(|(k, v)| format!("{}: {}", py_str(k), py_value(v))).collect::<Vec<_>>().join(", ")),
    }
}

/// Each name as a Python string literal (`__all__` entries).
pub fn lits(names: &[String]) -> Vec<String> {
    names.iter().map(|n| py_str(n)).collect()
}

/// A Python list of string literals.
pub fn list_lit(items: &[String]) -> String {
    format!("[{}]", lits(items).join(", "))
}

/// The primitive of a primitive type.
pub fn base_type(ty: &TypeRef) -> Option<Primitive> {
    match ty {
        TypeRef::Primitive { primitive } => Some(*primitive),
        _ => None,
    }
}

/// The `_utilities` reader of environment variables for a value of `kind`.
fn env_reader(kind: EnvKind) -> &'static str {
    match kind {
        EnvKind::Boolean => "get_env_bool",
        EnvKind::Integer => "get_env_int",
        EnvKind::Number => "get_env_float",
        EnvKind::String => "get_env",
    }
}

/// `_utilities.get_env…("A", "B")` for a default's environment variables, if it has any.
fn env_expr(d: &DefaultValue, kind: EnvKind) -> Option<String> {
    if d.environment.is_empty() {
        return None;
    }
    Some(format!("_utilities.{}({})", env_reader(kind), d.environment.iter().map(|e| py_str(e)).collect::<Vec<_>>().join(", ")))
}

/// Does JSON `v` fit a property of primitive `p` as it is?
fn fits(p: Primitive, v: &Value) -> bool {
    match (p, v) {
        (Primitive::String, Value::String(_)) | (Primitive::Boolean, Value::Bool(_)) | (Primitive::Number, Value::Number(_)) => true,
        (Primitive::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
        _ => false,
    }
}

/// Python expression for a property default (literal and/or environment variables).
/// Defaults that do not match a primitive property type are cast, so mypy accepts them.
pub fn default_expr(p: &Property) -> Option<String> {
    let d = p.default.as_ref()?;
    let prim = base_type(&p.ty);
    let literal = d.value.as_ref().map(py_value);
    let expr = match (env_expr(d, EnvKind::of(prim)), literal) {
        (None, None) => return None,
        (Some(e), None) => e,
        (None, Some(l)) => l,
        (Some(e), Some(l)) => format!("({e} or {l})"),
    };
    let matches = match (prim, d.value.as_ref()) {
        (Some(_), None) => true,
        (Some(p), Some(v)) => fits(p, v),
        (None, _) => false,
    };
    Some(if matches { expr } else { format!("cast(Any, {expr})") })
}

/// The configuration getter's fallback for default `d` of a variable read as `prim`: the
/// environment and/or the literal (a literal of another type is dropped), and whether a
/// literal makes the variable never `None`.
pub fn config_fallback(d: &DefaultValue, prim: Primitive) -> (Option<String>, bool) {
    let lit = d.value.as_ref().filter(|v| fits(prim, v)).map(py_value);
    let has_value = lit.is_some();
    let fallback = match (env_expr(d, EnvKind::of(Some(prim))), lit) {
        (Some(e), Some(l)) => Some(format!("({e} or {l})")),
        (Some(e), None) => Some(e),
        (None, Some(l)) => Some(l),
        (None, None) => None,
    };
    (fallback, has_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals() {
        assert_eq!(py_str("a\"b\\c\nd\u{1}é\u{2028}"), "\"a\\\"b\\\\c\\nd\\x01é\\u2028\"");
        assert_eq!(py_value(&serde_json::json!(true)), "True");
        assert_eq!(py_value(&serde_json::json!(1.5)), "1.5");
        assert_eq!(py_value(&serde_json::json!(3)), "3");
        assert_eq!(py_value(&serde_json::json!([null, "x"])), "[None, \"x\"]");
        // Long strings keep newlines and double quotes; no `'` or backslash can close them.
        assert_eq!(py_long_str(r#"{"a": "x'''\y"}"#), r#"'''{"a": "x\'\'\'\\y"}'''"#);
        assert_eq!(py_long_str("a\nb"), "'''a\nb'''");
    }
}

//! Literals and default-value expressions of the TypeScript target: JSON values as
//! TypeScript expressions (strings through [`string_literal`]), environment defaults
//! through the `utilities.getEnv*` readers, and pretty JSON for the manifests.

use super::naming::string_literal;
use crate::backends::sdk::literal::EnvKind;
use crate::ir::{DefaultValue, Primitive, TypeRef};
use serde_json::Value;

/// A JSON value as a TypeScript expression (strings through our escaping).
pub fn ts_literal(v: &Value) -> String {
    match v {
        Value::String(s) => string_literal(s),
        Value::Array(items) => format!("[{}]", items.iter().map(ts_literal).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => {
            let parts: Vec<String> = o.iter().map(|(k, v)| format!("{}: {}", string_literal(k), ts_literal(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        other => other.to_string(),
    }
}

fn primitive_of(ty: &TypeRef) -> Option<Primitive> {
    match ty {
        TypeRef::Primitive { primitive } => Some(*primitive),
        TypeRef::Union { primitive, .. } => *primitive,
        _ => None,
    }
}

/// The default of a property as an expression (`utilities.getEnv(…) || "x"`), if any.
pub fn default_expr(d: &DefaultValue, ty: &TypeRef) -> Option<String> {
    let val = d.value.as_ref().filter(|v| !v.is_null()).map(ts_literal);
    if d.environment.is_empty() {
        return val;
    }
    let primitive = primitive_of(ty);
    let getter = match EnvKind::of(primitive) {
        EnvKind::Boolean => "getEnvBoolean",
        EnvKind::Integer | EnvKind::Number => "getEnvNumber",
        EnvKind::String => "getEnv",
    };
    // Only a string-typed property takes `getEnv`'s `string | undefined` as it is.
    let cast = if primitive == Some(Primitive::String) { "" } else { "<any>" };
    let vars: Vec<String> = d.environment.iter().map(|e| string_literal(e)).collect();
    let env = format!("{cast}utilities.{getter}({})", vars.join(", "));
    Some(match val {
        Some(v) => format!("({env} || {v})"),
        None => env,
    })
}

/// An array literal of quoted strings, or `None` for no items.
pub fn list_literal(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| format!("[{}]", items.iter().map(|s| string_literal(s)).collect::<Vec<_>>().join(", ")))
}

/// `v` as JSON indented by four spaces (what npm writes).
pub fn pretty_json(v: &Value) -> String {
    use serde::Serialize;
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if v.serialize(&mut ser).is_err() {
        return "null".into();
    }
    String::from_utf8(buf).unwrap_or_else(|_| "null".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default(value: Option<Value>, environment: &[&str]) -> DefaultValue {
        DefaultValue { value, environment: environment.iter().map(|s| s.to_string()).collect(), extra: Default::default() }
    }

    #[test]
    fn defaults_render_as_expressions() {
        assert_eq!(default_expr(&default(Some(serde_json::json!("a\"b")), &[]), &TypeRef::string()).unwrap(), "\"a\\\"b\"");
        assert_eq!(default_expr(&default(Some(serde_json::json!(true)), &["X", "Y"]), &TypeRef::boolean()).unwrap(), "(<any>utilities.getEnvBoolean(\"X\", \"Y\") || true)");
        assert_eq!(default_expr(&default(None, &["X"]), &TypeRef::string()).unwrap(), "utilities.getEnv(\"X\")");
        assert_eq!(default_expr(&default(None, &["X"]), &TypeRef::Any).unwrap(), "<any>utilities.getEnv(\"X\")");
        assert_eq!(default_expr(&default(None, &[]), &TypeRef::string()), None);
    }

    #[test]
    fn literals() {
        assert_eq!(ts_literal(&serde_json::json!({"a": [1, "x"]})), "{\"a\": [1, \"x\"]}");
        assert_eq!(ts_literal(&serde_json::json!(1.5)), "1.5");
        assert_eq!(list_literal(&[]), None);
        assert_eq!(list_literal(&["a".into()]).as_deref(), Some("[\"a\"]"));
    }
}

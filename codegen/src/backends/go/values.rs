//! Go literals: string literals (through the shared [`quoted`]), struct tags, default
//! values of primitives, and the utilities-package parser an environment default needs.

use crate::backends::sdk::literal::{quoted, EnvKind};
use crate::ir::Primitive;
use serde_json::Value;

/// A Go interpreted string literal for `s` (`strconv.Quote` semantics for what we emit):
/// control characters and the BOM and line/paragraph separators as `\uXXXX` / `\UXXXXXXXX`.
pub fn go_str(s: &str) -> String {
    quoted(s, |c| {
        (c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}').then(|| {
            let n = c as u32;
            if n <= 0xffff {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            }
        })
    })
}

/// A struct tag `pulumi:"wire"` as a Go literal: a raw string when possible (what gofmt and
/// humans expect), else an interpreted one.
pub fn pulumi_tag(wire: &str) -> String {
    let tag = format!("pulumi:{}", go_str(wire));
    if tag.contains('`') || tag.chars().any(|c| c.is_control() || c == '\u{feff}') {
        go_str(&tag)
    } else {
        format!("`{tag}`")
    }
}

/// The Go literal of a default value for a primitive, if it fits the type.
pub fn literal(v: &Value, p: Primitive) -> Option<String> {
    match (p, v) {
        (Primitive::String, Value::String(s)) => Some(go_str(s)),
        (Primitive::Boolean, Value::Bool(b)) => Some(b.to_string()),
        (Primitive::Integer, Value::Number(n)) => n
            .as_i64()
            .map(|i| i.to_string())
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9e15).map(|f| (f as i64).to_string())),
        (Primitive::Number, Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()).map(|f| {
            let s = f.to_string();
            if s.contains('.') || s.contains('e') {
                s
            } else {
                format!("{s}.0")
            }
        }),
        _ => None,
    }
}

/// The utilities-package parser of an environment default (`""`: strings need none).
pub fn env_parser(p: Primitive) -> &'static str {
    match EnvKind::of(Some(p)) {
        EnvKind::Boolean => "ParseEnvBool",
        EnvKind::Integer => "ParseEnvInt",
        EnvKind::Number => "ParseEnvFloat",
        EnvKind::String => "",
    }
}

/// The parser argument of a `GetEnvOrDefault` call: `nil`, or `<util>ParseEnv…`.
pub fn env_parser_arg(p: Primitive, util: &str) -> String {
    match env_parser(p) {
        "" => "nil".to_string(),
        parser => format!("{util}{parser}"),
    }
}

/// The environment variable names of a default as Go literals, comma-separated.
pub fn env_names(environment: &[String]) -> String {
    environment.iter().map(|e| go_str(e)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_fit_types() {
        assert_eq!(literal(&serde_json::json!(3), Primitive::Integer).as_deref(), Some("3"));
        assert_eq!(literal(&serde_json::json!(3), Primitive::Number).as_deref(), Some("3.0"));
        assert_eq!(literal(&serde_json::json!("x"), Primitive::Integer), None);
        assert_eq!(literal(&serde_json::json!("a\"b"), Primitive::String).as_deref(), Some("\"a\\\"b\""));
    }

    #[test]
    fn strings_and_tags() {
        assert_eq!(go_str("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(go_str("\u{1}\u{2028}"), "\"\\u0001\\u2028\"");
        assert_eq!(pulumi_tag("minLower"), "`pulumi:\"minLower\"`");
        assert_eq!(pulumi_tag("a`b"), "\"pulumi:\\\"a`b\\\"\"");
    }
}

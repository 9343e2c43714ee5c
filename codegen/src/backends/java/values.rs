//! Literals and default-value expressions: Java string literals (the shared
//! [`quoted`] with Java's `\uXXXX` escapes), literals of a value for a Java type, enum
//! constant values, and the `Codegen.xProp(…)` chains that fill defaults, environment
//! defaults and constants.

use super::names::Names;
use super::types::{FileCtx, JType};
use crate::backends::sdk::literal::quoted;
use crate::ir::{Package, Primitive, Property, TypeDef};
use serde_json::Value;

pub const CODEGEN: &str = "com.pulumi.core.internal.Codegen";

/// A double-quoted Java string literal for any text: control characters and the line
/// separators javac would read as line ends are `\uXXXX` escapes.
pub fn java_str(s: &str) -> String {
    quoted(s, |c| (((c as u32) < 0x20 || c == '\u{7f}') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}')).then(|| format!("\\u{:04x}", c as u32)))
}

/// A `double` literal (`1.0`, `2.5e10`).
fn double(f: f64) -> String {
    let s = format!("{f:?}");
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// A Java literal of `v` for a value of Java type `t`, if `v` fits it.
pub fn literal(names: &Names, pkg: &Package, t: &JType, v: &Value, ctx: &mut FileCtx) -> Option<String> {
    match (t.fqn.as_str(), v) {
        ("java.lang.Boolean", Value::Bool(b)) => Some(b.to_string()),
        ("java.lang.Integer", Value::Number(n)) => n.as_i64().filter(|i| i32::try_from(*i).is_ok()).map(|i| i.to_string()),
        ("java.lang.Double", Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()).map(double),
        ("java.lang.String", Value::String(s)) => Some(java_str(s)),
        (fqn, v) => {
            // An enum constant with this value.
            let tok = names.enum_by_class.get(fqn)?;
            let e = names.enums.get(tok)?;
            let Some(TypeDef::Enum(def)) = pkg.types.get(tok) else { return None };
            let idx = def.values.iter().position(|ev| &ev.value == v)?;
            Some(format!("{}.{}", ctx.r(fqn), e.members.get(idx)?))
        }
    }
}

/// The literal of an enum constant's value.
pub fn enum_value(primitive: Primitive, v: &Value) -> String {
    match (primitive, v) {
        (Primitive::String, Value::String(s)) => java_str(s),
        (Primitive::String, other) => java_str(&other.to_string()),
        (Primitive::Integer, Value::Number(x)) => x.as_i64().and_then(|i| i32::try_from(i).ok()).map(|i| i.to_string()).unwrap_or_else(|| "0".into()),
        (Primitive::Number, Value::Number(x)) => double(x.as_f64().unwrap_or(0.0)),
        (Primitive::Number, _) => "0.0".into(),
        (Primitive::Integer, _) => "0".into(),
        (Primitive::Boolean, Value::Bool(b)) => b.to_string(),
        (Primitive::Boolean, _) => "false".into(),
    }
}

/// The `Codegen` property reader of a primitive Java type.
pub fn primitive_prop(t: &JType) -> Option<&'static str> {
    Some(match t.fqn.as_str() {
        "java.lang.Boolean" => "booleanProp",
        "java.lang.Integer" => "integerProp",
        "java.lang.String" => "stringProp",
        "java.lang.Double" => "doubleProp",
        _ => return None,
    })
}

/// `.env("A", "B")`.
fn env_call(env: &[String]) -> String {
    format!(".env({})", env.iter().map(|e| java_str(e)).collect::<Vec<_>>().join(", "))
}

/// A default's literal: `Literal` for `.def(…)`, `Json` for `.defJson(…)`.
enum DefaultValue {
    Literal(String),
    Json(String),
}

/// `Codegen.xProp(wire)` or `Codegen.objectProp(wire, shape)` for a value of type `t`.
fn prop_reader(ctx: &mut FileCtx, codegen: &str, wire: &str, t: &JType) -> String {
    let wire = java_str(wire);
    match primitive_prop(t) {
        Some(f) => format!("{codegen}.{f}({wire})"),
        None if t.params.is_empty() => format!("{codegen}.objectProp({wire}, {})", ctx.class_literal(t)),
        None => format!("{codegen}.objectProp({wire}, {})", ctx.type_shape(t)),
    }
}

/// The `Codegen.xProp(...)…` expression that fills a default, environment default or
/// constant of an input (`arg` is the field it reads), or `None` when the property has
/// none we can express.
pub fn default_expr(names: &Names, pkg: &Package, ctx: &mut FileCtx, p: &Property, bare: &JType, plain: bool, arg: &str) -> Option<String> {
    let (value, env): (Option<&Value>, &[String]) = match (&p.const_value, &p.default) {
        (Some(c), _) => (Some(c), &[]),
        (None, Some(d)) => (d.value.as_ref(), d.environment.as_slice()),
        (None, None) => return None,
    };
    let codegen = ctx.r(CODEGEN);
    let transform = if plain {
        ""
    } else if p.secret {
        ".secret()"
    } else {
        ".output()"
    };
    let (prop_expr, lit) = match bare.un_either() {
        Some((l, r)) => either_reader(names, pkg, ctx, &codegen, p, value, l, r)?,
        None => {
            let reader = prop_reader(ctx, &codegen, &p.name.wire, bare);
            let lit = match value {
                None => None,
                Some(v) => Some(default_of(names, pkg, ctx, bare, v)?),
            };
            (reader, lit)
        }
    };
    if lit.is_none() && env.is_empty() {
        return None;
    }
    let mut s = format!("{prop_expr}{transform}.arg({arg})");
    if !env.is_empty() {
        s.push_str(&env_call(env));
    }
    match lit {
        Some(DefaultValue::Literal(l)) => s.push_str(&format!(".def({l})")),
        Some(DefaultValue::Json(j)) => s.push_str(&format!(".defJson({j})")),
        None => {}
    }
    s.push_str(if p.required { ".require()" } else { ".getNullable()" });
    Some(s)
}

/// The default of a non-`Either` input: a literal, or JSON for an object-typed value (never
/// for an enum whose constants do not hold it: `None`).
fn default_of(names: &Names, pkg: &Package, ctx: &mut FileCtx, bare: &JType, v: &Value) -> Option<DefaultValue> {
    if let Some(l) = literal(names, pkg, bare, v, ctx) {
        return Some(DefaultValue::Literal(l));
    }
    if primitive_prop(bare).is_some() || names.enum_by_class.contains_key(&bare.fqn) {
        return None;
    }
    Some(DefaultValue::Json(java_str(&v.to_string())))
}

/// An `Either` input builds on the side its literal fits, as the official generator does.
#[allow(clippy::too_many_arguments)]
fn either_reader(names: &Names, pkg: &Package, ctx: &mut FileCtx, codegen: &str, p: &Property, value: Option<&Value>, l: &JType, r: &JType) -> Option<(String, Option<DefaultValue>)> {
    let mut side = |t: &JType, other: &JType, dir: &str| -> Option<(String, Option<DefaultValue>)> {
        let lit = value.and_then(|v| literal(names, pkg, t, v, ctx));
        if value.is_some() && lit.is_none() {
            return None;
        }
        if primitive_prop(t).is_none() && !t.params.is_empty() {
            return None;
        }
        let base = prop_reader(ctx, codegen, &p.name.wire, t);
        Some((format!("{base}.{dir}({})", ctx.class_literal(other)), lit.map(DefaultValue::Literal)))
    };
    side(l, r, "left").or_else(|| side(r, l, "right"))
}

/// The expression of a `Config` getter for config variable `p` of Java type `bare`.
pub fn config_expr(names: &Names, pkg: &Package, ctx: &mut FileCtx, p: &Property, bare: &JType) -> String {
    let codegen = ctx.r(CODEGEN);
    let mut expr = format!("{}.config(config)", prop_reader(ctx, &codegen, &p.name.wire, bare));
    if let Some(d) = &p.default {
        if !d.environment.is_empty() {
            expr.push_str(&env_call(&d.environment));
        }
        if let Some(v) = &d.value {
            if let Some(l) = literal(names, pkg, bare, v, ctx) {
                expr.push_str(&format!(".def({l})"));
            } else if primitive_prop(bare).is_none() && !names.enum_by_class.contains_key(&bare.fqn) {
                expr.push_str(&format!(".defJson({})", java_str(&v.to_string())));
            }
        }
    }
    if p.required {
        format!("{expr}.require()")
    } else {
        format!("{expr}.get()")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        assert_eq!(java_str("a\"b\\c\nd\u{1}é\u{2028}"), "\"a\\\"b\\\\c\\nd\\u0001é\\u2028\"");
        assert_eq!(double(1.0), "1.0");
        assert_eq!(enum_value(Primitive::Number, &serde_json::json!(2)), "2.0");
        assert_eq!(enum_value(Primitive::String, &serde_json::json!(2)), "\"2\"");
    }
}

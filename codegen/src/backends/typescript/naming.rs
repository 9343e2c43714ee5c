//! The TypeScript naming oracle: every identifier, property key, file stem and string
//! literal the TypeScript target writes is decided here, in this order:
//!
//! 1. overrides from `language.nodejs` (package name, module renames, compatibility mode),
//! 2. TypeScript/JavaScript keywords and names the generated code itself relies on,
//! 3. the shared collision allocator (`sdk::Ns`, used by `names.rs`) so two schema names
//!    never map to one TypeScript name.
//!
//! The casing rules mirror Pulumi's nodejs generator (`title`, its quirky `camel`), so the
//! public surface matches the official SDKs; anything the official generator would emit
//! as invalid TypeScript (digits first, symbols, keywords) is repaired deterministically.

use crate::ir::names::split_words;
use crate::backends::sdk::literal::quoted;

/// Reserved words of JavaScript/TypeScript (strict mode, ES2015+), plus the predefined type
/// names that cannot name an interface, class, enum or namespace.
const RESERVED: &[&str] = &[
    "any",
    "arguments",
    "as",
    "async",
    "await",
    "bigint",
    "boolean",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "constructor",
    "continue",
    "debugger",
    "declare",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "from",
    "function",
    "get",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "is",
    "keyof",
    "let",
    "module",
    "namespace",
    "never",
    "new",
    "null",
    "number",
    "object",
    "of",
    "package",
    "private",
    "protected",
    "public",
    "readonly",
    "require",
    "return",
    "set",
    "static",
    "string",
    "super",
    "switch",
    "symbol",
    "this",
    "throw",
    "true",
    "try",
    "type",
    "typeof",
    "undefined",
    "unique",
    "unknown",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// Words that are hard errors as binding names (a subset of [`RESERVED`]; the rest are
/// contextual and only avoided to keep generated code unsurprising).
pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name)
}

/// True for an ASCII identifier (`[A-Za-z_$][A-Za-z0-9_$]*`). Non-ASCII identifiers are
/// legal TypeScript, but we quote such names rather than reason about Unicode ID_Start.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// Upper-cases the first character (Pulumi's `title`).
pub fn title(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Pulumi's nodejs `camel`: lower-cases the leading run of non-lower-case characters, up to
/// the first lower-case one (`GetFoo` → `getFoo`, `URLMap` → `urlmap`). Kept bug-for-bug
/// because function and file names of the official SDKs come from it.
pub fn pulumi_camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_lowercase() {
            out.extend(&chars[i..]);
            break;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Makes `raw` a valid identifier without changing names that already are: invalid
/// characters split words (PascalCase when `pascal`, camelCase otherwise), a leading digit
/// gets `_`, and a reserved word gets a trailing `_`.
pub fn sanitize_ident(raw: &str, pascal: bool) -> String {
    let mut s = if is_identifier(raw) {
        raw.to_string()
    } else {
        let words = split_words(raw);
        let joined: String = if pascal {
            words.iter().map(|w| title(w)).collect()
        } else {
            crate::ir::names::camel(&words)
        };
        // Keep only ASCII identifier characters (words may carry non-ASCII letters).
        let ascii: String = joined
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        if ascii.is_empty() {
            "_".to_string()
        } else {
            ascii
        }
    };
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if is_reserved(&s) {
        s.push('_');
    }
    s
}

/// A class, interface, enum or type name from a token name: `title(name)` when that is a
/// valid identifier, otherwise a sanitized PascalCase spelling.
pub fn type_name(token_name: &str) -> String {
    sanitize_ident(&title(token_name), true)
}

/// A function name from a token name (`getFoo`), Pulumi-style.
pub fn function_name(token_name: &str) -> String {
    sanitize_ident(&pulumi_camel(&title(token_name)), false)
}

/// A double-quoted TypeScript string literal: escapes quotes, backslashes, control
/// characters and the line/paragraph separators. Safe in any expression position.
pub fn string_literal(s: &str) -> String {
    quoted(s, |c| match c {
        '\u{2028}' => Some("\\u2028".to_string()),
        '\u{2029}' => Some("\\u2029".to_string()),
        c if (c as u32) < 0x20 || c == '\u{7f}' => Some(format!("\\u{:04x}", c as u32)),
        _ => None,
    })
}

/// The key of a property in an interface or class body: the wire name when it is an
/// identifier (keywords are fine as property names), else a quoted string.
pub fn property_key(wire: &str) -> String {
    if is_identifier(wire) {
        wire.to_string()
    } else {
        string_literal(wire)
    }
}

/// Member access for a property: `.x` or `["x-y"]`.
pub fn member(wire: &str) -> String {
    if is_identifier(wire) {
        format!(".{wire}")
    } else {
        format!("[{}]", string_literal(wire))
    }
}

/// Optional-chained member access: `?.x` or `?.["x-y"]`.
pub fn optional_member(wire: &str) -> String {
    if is_identifier(wire) {
        format!("?.{wire}")
    } else {
        format!("?.[{}]", string_literal(wire))
    }
}

/// Instance members the Pulumi base classes already declare; an output property with one
/// of these names would clash with (or retype) the base member.
pub const BASE_CLASS_MEMBERS: &[&str] = &[
    "constructor",
    "urn",
    "id",
    "getProvider",
    "initialize",
    "getData",
    "registerOutputs",
];

/// Identifiers used by generated module code, which members must not shadow.
pub const MODULE_RESERVED: &[&str] = &["pulumi", "utilities", "exports", "require", "_module", "Error", "Promise", "JSON", "Object", "inputs", "outputs", "enums"];

/// File names every package root keeps for itself.
pub const ROOT_FILES: &[&str] = &["utilities", "provider", "config", "types", "package", "tsconfig", "node_modules", "bin", "pulumi-plugin"];

/// `raw` when it is an identifier, else its sanitized camelCase spelling.
pub fn identifier(raw: &str) -> String {
    if is_identifier(raw) {
        raw.to_string()
    } else {
        sanitize_ident(raw, false)
    }
}

/// A directory name from a module path segment: kept when it is a safe file name,
/// else spelled as an identifier.
pub fn dir_segment(raw: &str) -> String {
    let ok = !raw.is_empty() && !raw.starts_with('.') && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    if ok {
        raw.to_string()
    } else {
        sanitize_ident(raw, false)
    }
}

/// How a member of a `const` enum object is named: the explicit schema name or the value,
/// made an identifier (Pulumi's `makeSafeEnumName`): invalid characters become `_`, runs of
/// `_` collapse, the first letter is upper-cased, and names that do not start with a letter
/// are prefixed with the enum's name.
pub fn enum_member_name(
    explicit: Option<&str>,
    value: &serde_json::Value,
    enum_name: &str,
) -> String {
    let raw = match explicit {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        },
    };
    let raw = match raw.as_str() {
        "" => "Empty".to_string(),
        "*" => "Asterisk".to_string(),
        "0" => "Zero".to_string(),
        "1" => "One".to_string(),
        "-" => "Dash".to_string(),
        "+" => "Plus".to_string(),
        "." => "Dot".to_string(),
        "/" => "Slash".to_string(),
        _ => raw,
    };
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' || c == '$' {
            c
        } else {
            '_'
        };
        if c == '_' && s.ends_with('_') {
            continue;
        }
        s.push(c);
    }
    let s = title(&s);
    if s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '$') {
        s
    } else {
        format!(
            "{enum_name}{}{s}",
            if s.starts_with('_') { "" } else { "_" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulumi_camel_table() {
        for (input, want) in [
            ("GetFoo", "getFoo"),
            ("getFoo", "getFoo"),
            ("URLMap", "urlmap"),
            ("RandomPassword", "randomPassword"),
            ("X", "x"),
            ("", ""),
        ] {
            assert_eq!(pulumi_camel(input), want, "{input}");
        }
    }

    #[test]
    fn type_names_table() {
        for (input, want) in [
            ("RandomPassword", "RandomPassword"),
            ("bucket", "Bucket"),
            ("2fa", "_2fa"),
            ("my-thing", "MyThing"),
            ("a.b c", "ABC"),
            ("héllo", "Hllo"),
            ("$weird", "$weird"),
        ] {
            assert_eq!(type_name(input), want, "{input}");
        }
    }

    #[test]
    fn function_names_table() {
        for (input, want) in [
            ("getFoo", "getFoo"),
            ("GetBar", "getBar"),
            ("delete", "delete_"),
            ("list-keys", "listKeys"),
            ("9lives", "_9lives"),
        ] {
            assert_eq!(function_name(input), want, "{input}");
        }
    }

    #[test]
    fn identifiers_and_keys() {
        assert!(is_identifier("foo_Bar$1"));
        assert!(!is_identifier("1foo"));
        assert!(!is_identifier("foo-bar"));
        assert!(!is_identifier(""));
        assert_eq!(property_key("class"), "class");
        assert_eq!(property_key("foo-bar"), "\"foo-bar\"");
        assert_eq!(member("foo-bar"), "[\"foo-bar\"]");
        assert_eq!(optional_member("x"), "?.x");
        assert_eq!(optional_member("9"), "?.[\"9\"]");
        assert_eq!(sanitize_ident("class", false), "class_");
        assert_eq!(sanitize_ident("---", false), "_");
    }

    #[test]
    fn string_literals_escape_everything() {
        assert_eq!(string_literal("a\"b\\c\nd${e}"), "\"a\\\"b\\\\c\\nd${e}\"");
        assert_eq!(string_literal("\u{1}\u{2028}"), "\"\\u0001\\u2028\"");
        assert_eq!(string_literal("ünï"), "\"ünï\"");
    }

    #[test]
    fn directory_segments() {
        assert_eq!(dir_segment("ok-dir"), "ok-dir");
        assert_eq!(dir_segment("a b"), "aB");
        assert_eq!(identifier("a-b"), "aB");
    }

    #[test]
    fn enum_member_names_table() {
        use serde_json::json;
        for (explicit, value, want) in [
            (None, json!("Pulumi Planters Inc."), "Pulumi_Planters_Inc_"),
            (None, json!("Plants'R'Us"), "Plants_R_Us"),
            (None, json!("_NO_NAME"), "Color_NO_NAME"),
            (None, json!("red"), "Red"),
            (None, json!(6), "Color_6"),
            (None, json!(""), "Empty"),
            (None, json!("*"), "Asterisk"),
            (Some("FourInch"), json!(4), "FourInch"),
        ] {
            assert_eq!(enum_member_name(explicit, &value, "Color"), want, "{value}");
        }
    }
}

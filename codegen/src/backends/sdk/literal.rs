//! Literals every language spells alike up to its escapes: a double-quoted string literal
//! (the characters that must always be escaped are decided here once; each language
//! passes how it spells the rest), and which kind of environment variable reader a
//! default of a primitive type needs.

use crate::ir::Primitive;

/// A double-quoted string literal of `s`: `"` and `\` escaped, `\n`, `\r`, `\t` spelled
/// with their short escapes (every target language reads them alike), and every other
/// character either escaped by `other` (the language's rule for control and line
/// separator characters) or kept.
pub fn quoted(s: &str, other: impl Fn(char) -> Option<String>) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => match other(c) {
                Some(escaped) => out.push_str(&escaped),
                None => out.push(c),
            },
        }
    }
    out.push('"');
    out
}

/// How a default read from the environment is parsed, by the property's primitive type:
/// every SDK's utilities module has one reader per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvKind {
    String,
    Boolean,
    Integer,
    Number,
}

impl EnvKind {
    /// The reader for a property of primitive `p` (`None`: not a primitive, read as a string).
    pub fn of(p: Option<Primitive>) -> EnvKind {
        match p {
            Some(Primitive::Boolean) => EnvKind::Boolean,
            Some(Primitive::Integer) => EnvKind::Integer,
            Some(Primitive::Number) => EnvKind::Number,
            _ => EnvKind::String,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_every_language_must_and_leaves_the_rest_to_it() {
        let none = |_: char| None;
        assert_eq!(quoted("a\"b\\c\nd\te\r", none), r#""a\"b\\c\nd\te\r""#);
        let ctl = |c: char| ((c as u32) < 0x20).then(|| format!("\\x{:02x}", c as u32));
        assert_eq!(quoted("\u{1}*/", ctl), "\"\\x01*/\"");
    }
}

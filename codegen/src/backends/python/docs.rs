//! Python text escaping: docstring blocks that no description can close, and Python string
//! and value literals for defaults, constants, tokens and deprecation messages.

use crate::backends::common::filter_examples;
use serde_json::Value;

/// Cleans a description for Python readers: examples for other languages dropped, line
/// endings normalised.
pub fn clean(docs: &str) -> String {
    filter_examples(&docs.replace("\r\n", "\n").replace('\r', "\n"), "python")
}

/// Escapes one docstring line so that it cannot end the surrounding `"""` string or
/// smuggle an escape: backslashes are doubled, quotes next to another quote or at either end
/// of the line are escaped (so no run of three unescaped quotes can form), and control
/// characters (which Python source cannot hold raw) become `\xNN` escapes.
pub fn escape_docstring_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => {
                let prev_quote = i > 0 && chars[i - 1] == '"';
                let next_quote = chars.get(i + 1) == Some(&'"');
                if i == 0 || i + 1 == chars.len() || prev_quote || next_quote {
                    out.push_str("\\\"");
                } else {
                    out.push('"');
                }
            }
            '\t' => out.push('\t'),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A complete docstring (opening and closing `"""` on their own lines) indented by
/// `indent`, or an empty string when `text` is blank. No trailing newline: templates put
/// it on a line of its own.
pub fn docstring(text: &str, indent: &str) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}\"\"\"\n");
    for l in lines {
        let l = l.trim_end();
        if l.is_empty() {
            out.push('\n');
        } else {
            out.push_str(indent);
            out.push_str(&escape_docstring_line(l));
            out.push('\n');
        }
    }
    out.push_str(indent);
    out.push_str("\"\"\"");
    out
}

/// A double-quoted Python string literal for any text.
pub fn py_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            // Line and paragraph separators are fine inside literals but confuse editors.
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
                    let s = format!("{f:?}");
                    s
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docstrings_cannot_be_closed() {
        let hostile = "Ends with quotes\"\"\"\nand a backslash \\\n\"\"\"\"\"\"\nq\"\n\"\nnul\u{0}x";
        let d = docstring(hostile, "    ");
        let body = &d["    \"\"\"\n".len()..d.len() - "    \"\"\"".len()];
        assert!(!body.contains("\"\"\""), "{body}");
        assert!(!body.contains('\u{0}'));
        assert!(body.contains("backslash \\\\"));
        assert_eq!(docstring("  \n ", ""), "");
        assert_eq!(docstring("a \"quoted\" word", ""), "\"\"\"\na \"quoted\" word\n\"\"\"");
    }

    #[test]
    fn string_literals() {
        assert_eq!(py_str("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\x01é\"");
        assert_eq!(py_value(&serde_json::json!(true)), "True");
        assert_eq!(py_value(&serde_json::json!(1.5)), "1.5");
        assert_eq!(py_value(&serde_json::json!(3)), "3");
        assert_eq!(py_value(&serde_json::json!([null, "x"])), "[None, \"x\"]");
        // Long strings keep newlines and double quotes; no `'` or backslash can close them.
        assert_eq!(py_long_str(r#"{"a": "x'''\y"}"#), r#"'''{"a": "x\'\'\'\\y"}'''"#);
        assert_eq!(py_long_str("a\nb"), "'''a\nb'''");
    }
}

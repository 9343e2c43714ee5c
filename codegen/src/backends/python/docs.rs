//! Python doc comments: docstring blocks that no description can close, descriptions
//! cleaned for Python readers, and `:param` lines.

use crate::backends::common::filter_examples;
use crate::ir::Property;

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

/// A property's description, cleaned (empty when it has none).
pub fn docs_of(p: &Property) -> String {
    p.docs.as_deref().map(clean).unwrap_or_default()
}

/// `:param <type> <name>: <docs>` lines for a docstring (nothing when `docs` is empty).
pub fn param_doc(ty: &str, name: &str, docs: &str) -> String {
    let mut out = String::new();
    for (i, l) in docs.lines().enumerate() {
        if i == 0 {
            out.push_str(&format!(":param {ty} {name}: {l}\n"));
        } else {
            out.push_str(&format!("       {l}\n"));
        }
    }
    out
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
}

//! Java text escaping: Javadoc blocks that no description can close or corrupt, block
//! comments for `@Deprecated /* … */`, the doc blocks of properties, and XML text (the pom).
//!
//! Javadoc is HTML, and javac decodes `\uXXXX` escapes everywhere in the source, comments
//! included, before it even finds where a comment ends; so a description is escaped as HTML
//! (`<`, `>`, `&`), `*/` is broken up, `@` becomes `{@literal @}` (so no line can start a
//! block tag) and every backslash becomes `&#92;` (so no `\u002a/` can close the comment).

use crate::backends::common::filter_examples;
use crate::ir::Property;

/// Cleans a description for Java readers: examples for other languages dropped, line
/// endings normalised.
pub fn clean(docs: &str) -> String {
    let text = filter_examples(&docs.replace("\r\n", "\n").replace('\r', "\n"), "java");
    resolve_language_spans(&text)
}

/// Replaces Pulumi's per-language name markup (`<span pulumi-lang-nodejs="x"
/// pulumi-lang-java="y" …>z</span>`) with the Java spelling, as Pulumi's docs renderer does.
pub fn resolve_language_spans(text: &str) -> String {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r#"<span (?:pulumi-lang-[a-z]+="[^"]*"\s*)*?pulumi-lang-java="([^"]*)"[^>]*>[^<]*</span>"#).ok());
    match re {
        Some(re) => re.replace_all(text, "$1").into_owned(),
        None => text.to_string(),
    }
}

/// Escapes one line of Javadoc text.
pub fn escape_javadoc(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("{@literal @}"),
            '\\' => out.push_str("&#92;"),
            '*' if chars.get(i + 1) == Some(&'/') => out.push_str("&#42;"),
            '/' if i > 0 && chars[i - 1] == '*' => out.push_str("&#47;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a `/* … */` block comment on one line (deprecation messages).
pub fn escape_block_comment(text: &str) -> String {
    let one_line = resolve_language_spans(text).replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(one_line.len());
    let chars: Vec<char> = one_line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            // `\\` is not a unicode escape, but a lone `u` after an even run would be fine; the
            // doubling above already keeps every backslash run even.
            '*' if chars.get(i + 1) == Some(&'/') => out.push_str("* "),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A Javadoc block (`/** … */`) of `sections` (paragraph groups, already cleaned) indented by
/// `indent`, or an empty string when all sections are blank. No trailing newline.
pub fn javadoc(sections: &[String], indent: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for s in sections {
        let trimmed = s.trim_matches('\n');
        if trimmed.trim().is_empty() {
            continue;
        }
        for l in trimmed.split('\n') {
            lines.push(escape_javadoc(l.trim_end()));
        }
        lines.push(String::new());
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for l in lines {
        if l.is_empty() {
            out.push_str(indent);
            out.push_str(" * \n");
        } else {
            out.push_str(indent);
            out.push_str(" * ");
            out.push_str(&l);
            out.push('\n');
        }
    }
    out.push_str(indent);
    out.push_str(" */");
    out
}

/// Javadoc with raw (unescaped) tag lines appended after the escaped description, e.g.
/// `@deprecated` followed by its (escaped) message.
pub fn javadoc_with_deprecation(
    docs: &str,
    deprecation: Option<&str>,
    prefix: &str,
    indent: &str,
) -> String {
    let mut sections = Vec::new();
    if !docs.trim().is_empty() {
        sections.push(format!("{prefix}{docs}"));
    }
    let body = javadoc(&sections, indent);
    let Some(dep) = deprecation else { return body };
    let mut out = if body.is_empty() {
        format!("{indent}/**\n")
    } else {
        body.trim_end_matches("*/").trim_end().to_string() + "\n"
    };
    out.push_str(indent);
    out.push_str(" * @deprecated\n");
    for l in clean(dep).split('\n') {
        out.push_str(indent);
        out.push_str(" * ");
        out.push_str(&escape_javadoc(l.trim_end()));
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(" */");
    out
}

/// The escaped lines of a description (cleaned, blank lines at either end dropped).
pub fn doc_lines(text: &str) -> Vec<String> {
    let cleaned = clean(text);
    let mut lines: Vec<String> = cleaned
        .split('\n')
        .map(|l| escape_javadoc(l.trim_end()))
        .collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    lines
}

/// A Javadoc block from final (already escaped) lines, or `""` when there are none.
pub fn block(indent: &str, lines: &[String]) -> String {
    if lines.iter().all(|l| l.trim().is_empty()) {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for l in lines {
        out.push_str(indent);
        out.push_str(" * ");
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(" */");
    out.replace(" * \n", " *\n")
}

/// `@Deprecated /* message */`.
pub fn deprecated_annotation(msg: &str) -> String {
    format!("@Deprecated /* {} */", escape_block_comment(msg))
}

/// Lines of a property's doc: the description, its first line after `prefix`.
pub fn prop_doc_lines(p: &Property, prefix: &str) -> Vec<String> {
    let mut lines = doc_lines(p.docs.as_deref().unwrap_or(""));
    if let Some(first) = lines.first_mut() {
        *first = format!("{prefix}{first}");
    }
    lines
}

/// `lines`, then `@deprecated` and its message.
pub fn with_deprecation(mut lines: Vec<String>, deprecation: Option<&str>) -> Vec<String> {
    if let Some(dep) = deprecation {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push("@deprecated".into());
        let d = doc_lines(dep);
        if d.is_empty() {
            lines.push(escape_javadoc(dep));
        } else {
            lines.extend(d);
        }
    }
    lines
}

/// The Javadoc of a described item with its deprecation, indented by `indent`.
pub fn described(indent: &str, docs: Option<&str>, deprecation: Option<&str>) -> String {
    block(indent, &with_deprecation(doc_lines(docs.unwrap_or("")), deprecation))
}

/// The Javadoc of a property's field (description and deprecation).
pub fn field_doc(p: &Property) -> String {
    block("    ", &with_deprecation(prop_doc_lines(p, ""), p.deprecation.as_deref()))
}

/// The Javadoc of a property's getter.
pub fn getter_doc(p: &Property) -> String {
    block("    ", &prop_doc_lines(p, "@return "))
}

/// The Javadoc of a builder setter of a property.
pub fn setter_doc(p: &Property, field: &str) -> String {
    let mut lines = prop_doc_lines(p, &format!("@param {field} "));
    if lines.is_empty() {
        return String::new();
    }
    lines.push(String::new());
    lines.push("@return builder".into());
    block("        ", &lines)
}

/// Text for an XML element or attribute (the pom).
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javadoc_cannot_be_closed() {
        let hostile = "Ends */ here\n\\u002a/ unicode\n@return tag <b>&";
        let d = javadoc(&[hostile.to_string()], "    ");
        let body = &d["    /**".len()..d.len() - "*/".len()];
        assert!(!body.contains("*/"), "{d}");
        assert!(!body.contains('\\'), "{d}");
        assert!(body.contains("{@literal @}return"));
        assert!(body.contains("&lt;b&gt;&amp;"));
        assert_eq!(javadoc(&["  \n".into()], ""), "");
    }

    #[test]
    fn deprecations() {
        let d = javadoc_with_deprecation("Docs.", Some("Use */ other"), "", "");
        assert!(
            d.contains(" * @deprecated\n * Use &#42;&#47; other\n"),
            "{d}"
        );
        assert!(!escape_block_comment("a */ b\\u002a/").contains("*/"));
    }

    #[test]
    fn language_spans() {
        let t = r#"see <span pulumi-lang-nodejs="`a.B`" pulumi-lang-java="`B`" pulumi-lang-hcl="`b`">`a.B`</span> now"#;
        assert_eq!(clean(t), "see `B` now");
    }

    #[test]
    fn literals() {
        assert_eq!(xml_text("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
    }
}

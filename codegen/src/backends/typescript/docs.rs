//! JSDoc rendering for the TypeScript target: descriptions are filtered to TypeScript
//! examples, normalised to `\n` lines and escaped so that no description can close the
//! comment it is written into. Templates receive the finished lines.

use crate::backends::common::filter_examples;

/// Escapes text for the inside of a `/** … */` block: `*/` would end the comment early,
/// so it becomes `*&#47;` (what Pulumi's generator writes; renders as `*/` in doc viewers).
pub fn escape_comment(text: &str) -> String {
    text.replace("*/", "*&#47;")
}

/// Splits escaped text into comment lines: CRLF/CR become LF, trailing whitespace goes,
/// trailing blank lines go.
fn lines_of(text: &str) -> Vec<String> {
    let normalised = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace(['\u{2028}', '\u{2029}'], "\n");
    let mut lines: Vec<String> = normalised
        .split('\n')
        .map(|l| l.trim_end().to_string())
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines
}

/// The lines of a JSDoc block for `docs` (Markdown with Pulumi example markup) and an
/// optional deprecation message. Empty when there is nothing to say.
pub fn jsdoc(docs: Option<&str>, deprecation: Option<&str>) -> Vec<String> {
    let mut lines = match docs {
        Some(d) => lines_of(&escape_comment(&filter_examples(d, "typescript"))),
        None => Vec::new(),
    };
    if let Some(dep) = deprecation {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let dep_lines = lines_of(&escape_comment(dep));
        match dep_lines.split_first() {
            None => lines.push("@deprecated".to_string()),
            Some((first, rest)) => {
                lines.push(if first.is_empty() {
                    "@deprecated".to_string()
                } else {
                    format!("@deprecated {first}")
                });
                lines.extend(rest.iter().cloned());
            }
        }
    }
    lines
}

/// JSDoc lines for plain text that is not Markdown from a schema (fixed sentences the
/// generator writes itself, which may still embed schema names).
pub fn plain(text: &str) -> Vec<String> {
    lines_of(&escape_comment(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_terminators_are_escaped() {
        let lines = jsdoc(Some("Ends */ early /** and */"), None);
        assert_eq!(lines, vec!["Ends *&#47; early /** and *&#47;"]);
        assert!(lines.iter().all(|l| !l.contains("*/")));
    }

    #[test]
    fn deprecation_follows_docs() {
        assert_eq!(
            jsdoc(Some("Thing.\n\n"), Some("Use other.")),
            vec!["Thing.", "", "@deprecated Use other."]
        );
        assert_eq!(jsdoc(None, Some("")), vec!["@deprecated"]);
        assert_eq!(jsdoc(None, None), Vec::<String>::new());
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(jsdoc(Some("a\r\nb\rc  \n"), None), vec!["a", "b", "c"]);
    }

    #[test]
    fn other_language_examples_are_dropped() {
        let d = "Doc.\n\n{{% examples %}}\n```python\nx = 1\n```\n```typescript\nconst x = 1;\n```\n{{% /examples %}}";
        let lines = jsdoc(Some(d), None);
        assert!(lines.iter().any(|l| l == "const x = 1;"));
        assert!(!lines.iter().any(|l| l == "x = 1"));
    }
}

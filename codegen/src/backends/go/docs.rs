//! Go doc comments.
//!
//! gofmt (since Go 1.19) rewrites *doc comments* into the canonical go/doc/comment form, so a
//! Markdown description pasted line by line would make `gofmt -l` report our files. We emit
//! comments that are already a fixed point of that rewrite: paragraphs unindented (no
//! accidental code blocks or lists), fenced code as canonical tab-indented code blocks framed
//! by blank comment lines, single-line paragraphs that gofmt would turn into headings written
//! as `# Heading` already, link-definition-only paragraphs prefixed so they stay text, blank
//! runs collapsed, and no trailing blank lines. Nothing in a description can end a `//`
//! comment except a newline, which we control; characters Go source forbids are dropped.

use crate::backends::common::filter_examples;

/// Drops characters a Go source file may not contain (NUL, BOM, other controls except tab)
/// and normalises line endings.
fn sanitize(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| {
            *c == '\n'
                || *c == '\t'
                || !(c.is_control() || *c == '\u{feff}' || *c == '\u{2028}' || *c == '\u{2029}')
        })
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

enum Block {
    Para(Vec<String>),
    Code(Vec<String>),
}

fn is_link_def(l: &str) -> bool {
    l.starts_with('[') && l.contains("]:")
}

/// What gofmt would take for an old-style implicit heading: a lone line starting with an
/// upper-case letter, with no punctuation besides `(`, `)` and `,`, not ending in one of them.
fn looks_like_heading(l: &str) -> bool {
    let mut chars = l.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && l.chars().all(|c| {
            c.is_alphanumeric() || c == ' ' || c == '(' || c == ')' || c == ',' || c == '\''
        })
        && l.chars().last().is_some_and(|c| c.is_alphanumeric())
}

/// Comment lines (each without the `//` prefix; empty means a bare `//`) for `docs`, already
/// in gofmt's canonical doc-comment form.
pub fn comment_lines(docs: &str) -> Vec<String> {
    let text = sanitize(&filter_examples(&sanitize(docs), "go"));
    let mut out: Vec<String> = Vec::new();
    for b in blocks_of(&text) {
        match b {
            Block::Para(lines) => {
                let lines: Vec<String> = lines.into_iter().map(|l| if is_link_def(&l) { l } else { curly_quotes(&l) }).collect();
                if !out.is_empty() {
                    out.push(String::new());
                }
                if lines.iter().all(|l| is_link_def(l)) {
                    out.push("References:".into());
                    out.extend(lines);
                } else if lines.len() == 1 && looks_like_heading(&lines[0]) {
                    out.push(format!("# {}", lines[0]));
                } else {
                    out.extend(lines);
                }
            }
            Block::Code(mut lines) => {
                while lines.last().is_some_and(|l| l.trim().is_empty()) {
                    lines.pop();
                }
                while lines.first().is_some_and(|l| l.trim().is_empty()) {
                    lines.remove(0);
                }
                if lines.is_empty() {
                    continue;
                }
                // Strip the common leading whitespace, as gofmt does before re-indenting.
                let indent = lines
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.len() - l.trim_start().len())
                    .min()
                    .unwrap_or(0);
                if !out.is_empty() {
                    out.push(String::new());
                }
                for l in lines {
                    if l.trim().is_empty() {
                        out.push(String::new());
                    } else {
                        out.push(format!("\t{}", &l[indent.min(l.len())..]));
                    }
                }
            }
        }
    }
    out
}

/// gofmt's doc-comment text form of a paragraph line: it spells ``` `` ``` as `“` and `''`
/// as `”` (go/doc/comment), so writing them so keeps the file gofmt-clean.
fn curly_quotes(line: &str) -> String {
    if line.contains("``") || line.contains("''") {
        line.replace("``", "\u{201c}").replace("''", "\u{201d}")
    } else {
        line.to_string()
    }
}

/// Splits comment text into paragraphs and fenced code blocks.
fn blocks_of(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut code: Option<Vec<String>> = None;
    for raw in text.split('\n') {
        let trimmed_end = raw.trim_end();
        if let Some(c) = code.as_mut() {
            if trimmed_end.trim_start().starts_with("```") {
                blocks.push(Block::Code(std::mem::take(c)));
                code = None;
            } else {
                c.push(trimmed_end.to_string());
            }
            continue;
        }
        let line = trimmed_end.trim_start();
        if line.starts_with("```") {
            if !para.is_empty() {
                blocks.push(Block::Para(std::mem::take(&mut para)));
            }
            code = Some(Vec::new());
            continue;
        }
        if line.is_empty() {
            if !para.is_empty() {
                blocks.push(Block::Para(std::mem::take(&mut para)));
            }
            continue;
        }
        para.push(line.to_string());
    }
    if let Some(c) = code {
        blocks.push(Block::Code(c));
    }
    if !para.is_empty() {
        blocks.push(Block::Para(para));
    }
    blocks
}

/// A comment block (`// …` lines, each ending in `\n`) at `indent`, with an optional
/// `Deprecated:` paragraph. Empty when there is nothing to say.
pub fn comment(docs: Option<&str>, deprecation: Option<&str>, indent: &str) -> Vec<String> {
    let mut lines = docs.map(comment_lines).unwrap_or_default();
    if let Some(d) = deprecation {
        let mut dl = comment_lines(d);
        if dl.is_empty() {
            dl.push("This is deprecated.".into());
        }
        // A code block cannot follow `Deprecated:` on the same line; keep the first text line.
        if dl[0].starts_with('\t') {
            dl.insert(0, String::new());
            dl.insert(0, "This is deprecated.".into());
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("Deprecated: {}", dl[0]));
        lines.extend(dl.into_iter().skip(1));
    }
    lines
        .into_iter()
        .map(|l| {
            if l.is_empty() {
                format!("{indent}//")
            } else if l.starts_with('\t') {
                format!("{indent}//{l}")
            } else {
                format!("{indent}// {l}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_canonical() {
        let d = "Makes a thing.\n\n  - a list item\n  * another\n\nExample Usage\n\nSee below.\n```go\n  x := 1\n\n    y := 2\n```\n[1]: https://example.com\n";
        assert_eq!(
            comment(Some(d), Some("Use Y."), ""),
            vec![
                "// Makes a thing.",
                "//",
                "// - a list item",
                "// * another",
                "//",
                "// # Example Usage",
                "//",
                "// See below.",
                "//",
                "//\tx := 1",
                "//",
                "//\t  y := 2",
                "//",
                "// References:",
                "// [1]: https://example.com",
                "//",
                "// Deprecated: Use Y.",
            ]
        );
        assert!(comment(Some("\u{feff}a\rb\0"), None, "\t")
            .iter()
            .all(|l| !l.contains('\r') && !l.contains('\0') && !l.contains('\u{feff}')));
        assert!(comment(None, None, "").is_empty());
    }
}

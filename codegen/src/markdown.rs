//! Markdown that no content can break: inline code and fenced blocks whose fences are
//! longer than any run of backticks inside (CommonMark). Shared by the SDK READMEs and the
//! `cloudgen diff` report, which both put schema-supplied text into Markdown.

/// Inline code around `s`, whatever it contains.
pub fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A fenced block (info string `info`) that no line of `body` can close.
pub fn block(info: &str, body: &str) -> String {
    let longest = body
        .lines()
        .map(|l| l.trim_start().chars().take_while(|&c| c == '`').count())
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{info}\n{}\n{fence}\n", body.trim_end())
}

/// `s` on one line with the characters that would start Markdown or HTML constructs
/// escaped (for free text in list items and table cells).
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if "\\`*_[]<>|#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_closes_what_it_is_in() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        let b = block("sh", "echo\n```\nrm");
        assert!(b.starts_with("````sh\n") && b.ends_with("\n````\n"), "{b}");
        assert_eq!(text("a | <b>\n*c*"), r"a \| \<b\> \*c\*");
    }
}

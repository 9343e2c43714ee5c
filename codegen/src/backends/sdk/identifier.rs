//! Pulumi's `makeValidIdentifier`, decided once: every character a language does not allow
//! in an identifier becomes `_`, and a first character that cannot start one is prefixed
//! with `_`. Languages pass their own character classes (and their keyword handling).
//! Also the title-casing of dashed token names (`my-thing` → `MyThing`) that Go type names
//! and Python class names share.

/// `name` with every character `is_part` rejects replaced by `_`, prefixed with `_` when its
/// first character is allowed inside an identifier but not at its start (a digit).
pub fn valid(name: &str, is_start: impl Fn(char) -> bool, is_part: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    for (i, c) in name.chars().enumerate() {
        if !is_part(c) {
            out.push('_');
        } else {
            if i == 0 && !is_start(c) {
                out.push('_');
            }
            out.push(c);
        }
    }
    out
}

/// Pulumi's title-casing of a token name: the first letter upper-cased, and every `-`
/// dropped with the letter after it upper-cased (`my-thing` → `MyThing`).
pub fn title_dashes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut upper_next = true;
    for c in s.chars() {
        if c == '-' {
            upper_next = true;
        } else if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_and_prefixes() {
        let start = |c: char| c == '_' || c.is_alphabetic();
        let part = |c: char| c == '_' || c.is_alphanumeric();
        assert_eq!(super::valid("9lives-x", start, part), "_9lives_x");
        assert_eq!(super::valid("", start, part), "");
    }

    #[test]
    fn title_dashes() {
        assert_eq!(super::title_dashes("my-thing"), "MyThing");
        assert_eq!(super::title_dashes("-a--b"), "AB");
        assert_eq!(super::title_dashes("éa"), "Éa");
    }
}

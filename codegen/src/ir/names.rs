//! Identifier words: a wire name is split into words once, here, and every language only
//! chooses a casing of the same words. Acronyms and digits are decided here, pinned by
//! the tables at the bottom.

use serde::{Deserialize, Serialize};

/// A name as it appears on the wire (`wire`) and the words it is made of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Ident {
    pub wire: String,
    pub words: Vec<String>,
}

impl Ident {
    pub fn new(wire: impl Into<String>) -> Self {
        let wire = wire.into();
        let words = split_words(&wire);
        Ident { wire, words }
    }

    /// `fooBarBaz`
    pub fn camel(&self) -> String {
        camel(&self.words)
    }

    /// `FooBarBaz`
    pub fn pascal(&self) -> String {
        pascal(&self.words)
    }

    /// `foo_bar_baz`
    pub fn snake(&self) -> String {
        snake(&self.words)
    }
}

/// Splits a name into lower-case words.
///
/// Boundaries: any non-alphanumeric character; a lower-case letter or digit followed by an
/// upper-case letter (`fooBar`, `s3Bucket`); the last capital of an acronym run that is
/// followed by a lower-case letter (`HTTPServer` → `http`, `server`). Digits stay with the
/// word before them (`ipv6Address` → `ipv6`, `address`; `v1beta1` stays one word).
pub fn split_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    let mut cur = String::new();
    for i in 0..chars.len() {
        let c = chars[i];
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_uppercase() && !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                words.push(std::mem::take(&mut cur));
            }
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

fn upper_first(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `fooBarBaz` from words.
pub fn camel(words: &[String]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i == 0 {
            out.push_str(w);
        } else {
            out.push_str(&upper_first(w));
        }
    }
    out
}

/// `FooBarBaz` from words.
pub fn pascal(words: &[String]) -> String {
    words.iter().map(|w| upper_first(w)).collect()
}

/// `foo_bar_baz` from words.
pub fn snake(words: &[String]) -> String {
    words.join("_")
}

/// `FOO_BAR_BAZ` from words.
pub fn screaming(words: &[String]) -> String {
    words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_splitting_table() {
        let table: &[(&str, &[&str])] = &[
            ("foo", &["foo"]),
            ("fooBar", &["foo", "bar"]),
            ("FooBar", &["foo", "bar"]),
            ("foo_bar", &["foo", "bar"]),
            ("foo-bar.baz", &["foo", "bar", "baz"]),
            ("HTTPServer", &["http", "server"]),
            ("httpURL", &["http", "url"]),
            ("ipv6Address", &["ipv6", "address"]),
            ("s3Bucket", &["s3", "bucket"]),
            ("v1beta1", &["v1beta1"]),
            ("ID", &["id"]),
            ("resourceID", &["resource", "id"]),
            ("__x__", &["x"]),
            ("", &[]),
            ("--", &[]),
        ];
        for (input, want) in table {
            assert_eq!(split_words(input), want.to_vec(), "split_words({input:?})");
        }
    }

    #[test]
    fn casings() {
        let id = Ident::new("dns_record_ttl");
        assert_eq!(id.camel(), "dnsRecordTtl");
        assert_eq!(id.pascal(), "DnsRecordTtl");
        assert_eq!(id.snake(), "dns_record_ttl");
        assert_eq!(screaming(&id.words), "DNS_RECORD_TTL");
    }
}

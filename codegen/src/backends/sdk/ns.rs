//! `Ns`, the one collision allocator every language's naming pass uses: it hands out names
//! unique within a scope (a module's classes, a class's members, a directory's files).
//!
//! The rule is the same in every language, so a collision reads the same everywhere: the
//! base name if free, then `base_`, `base_2`, `base_3`, …. A name can be claimed together
//! with derived names (`Foo` with `FooArgs` and `FooState`), so a family of names never
//! splits across two bases; a scope of file names compares case-insensitively (macOS and
//! Windows file systems).

use std::collections::HashSet;

/// A naming scope. See the module docs for the suffix rule.
#[derive(Debug, Clone, Default)]
pub struct Ns {
    /// Only ever asked "is it taken?", never iterated, so a hash set: a provider-scale module
    /// scope holds 100k+ names sharing long prefixes, where ordered lookups were mostly
    /// `memcmp` (10 % of the Go naming pass on AWS).
    taken: HashSet<String>,
    case_insensitive: bool,
}

impl Ns {
    /// A case-sensitive scope (identifiers).
    pub fn new() -> Ns {
        Ns::default()
    }

    /// A case-insensitive scope (file and directory names).
    pub fn files() -> Ns {
        Ns { taken: HashSet::new(), case_insensitive: true }
    }

    /// A case-sensitive scope in which `reserved` are already taken (keywords, members
    /// every generated class inherits).
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Ns {
        let mut ns = Ns::new();
        for r in reserved {
            ns.reserve(r);
        }
        ns
    }

    fn key<'s>(&self, s: &'s str) -> std::borrow::Cow<'s, str> {
        if self.case_insensitive {
            s.to_lowercase().into()
        } else {
            s.into()
        }
    }

    /// Marks `name` as taken.
    pub fn reserve(&mut self, name: &str) {
        let k = self.key(name).into_owned();
        self.taken.insert(k);
    }

    /// Is `name` taken?
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(self.key(name).as_ref())
    }

    /// Claims `base`, or the first free suffixed variant of it.
    pub fn claim(&mut self, base: &str) -> String {
        self.claim_with(base, &[])
    }

    /// Claims the first candidate (`base`, `base_`, `base_2`, …) for which the candidate
    /// and the candidate followed by each of `derived` are all free, and takes them all.
    pub fn claim_with(&mut self, base: &str, derived: &[&str]) -> String {
        self.claim_family(base, |candidate| derived.iter().map(|suffix| format!("{candidate}{suffix}")).collect())
    }

    /// Claims the first candidate (`base`, `base_`, `base_2`, …) for which the candidate
    /// and every name of `family(candidate)` are free, and takes them all. For families
    /// that are not plain suffixes (Go's `NewFoo`, `LookupFoo`, `FooOutput`).
    pub fn claim_family(&mut self, base: &str, family: impl Fn(&str) -> Vec<String>) -> String {
        let mut n = 1usize;
        loop {
            let candidate = match n {
                1 => base.to_string(),
                2 => format!("{base}_"),
                k => format!("{base}_{}", k - 1),
            };
            let names: Vec<String> = std::iter::once(candidate.clone()).chain(family(&candidate)).collect();
            if names.iter().all(|name| !self.is_taken(name)) {
                for name in &names {
                    self.reserve(name);
                }
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_count_from_the_bare_underscore() {
        let mut ns = Ns::with_reserved(["id"]);
        assert_eq!(ns.claim("name"), "name");
        assert_eq!(ns.claim("name"), "name_");
        assert_eq!(ns.claim("name"), "name_2");
        assert_eq!(ns.claim("id"), "id_");
        assert!(ns.is_taken("name_2"));
        assert!(!ns.is_taken("Name"));
    }

    #[test]
    fn derived_names_move_together() {
        let mut ns = Ns::new();
        ns.reserve("FooArgs");
        // `Foo` is free but `FooArgs` is not: the family moves to `Foo_`.
        assert_eq!(ns.claim_with("Foo", &["Args"]), "Foo_");
        assert!(ns.is_taken("Foo_Args"));
        assert!(!ns.is_taken("Foo"));
    }

    #[test]
    fn families_need_not_be_suffixes() {
        let mut ns = Ns::new();
        ns.reserve("NewBucket");
        let family = |c: &str| vec![format!("New{c}"), format!("{c}Args")];
        assert_eq!(ns.claim_family("Bucket", family), "Bucket_");
        assert!(ns.is_taken("NewBucket_") && ns.is_taken("Bucket_Args"));
        assert!(!ns.is_taken("Bucket"));
    }

    #[test]
    fn file_scopes_ignore_case() {
        let mut ns = Ns::files();
        assert_eq!(ns.claim("Bucket"), "Bucket");
        assert_eq!(ns.claim("bucket"), "bucket_");
        assert!(ns.is_taken("BUCKET"));
    }
}

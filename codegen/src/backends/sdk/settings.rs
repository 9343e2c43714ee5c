//! Typed `language.<lang>` settings: every language reads its block of the schema through
//! [`read`] into its own serde struct (`<lang>/settings.rs`), so a key is spelled once and
//! a mistyped or unknown key is a warning with its JSON pointer instead of being ignored.
//!
//! Reading never fails: a value of the wrong type is reported and dropped (the setting
//! keeps its default), the rest of the block still applies.

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::ir::Package;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A language's settings type: which `language.<KEY>` block it reads, and the keys the
/// official generator of that language accepts that cloudgen knows and deliberately
/// leaves alone (accepted without a warning; see each language's settings docs).
pub trait LanguageSettings: DeserializeOwned + Default {
    /// The key of the block under `language` (`nodejs`, `python`, `go`, `java`).
    const KEY: &'static str;
}

/// Reads `language.<T::KEY>` of `pkg` into `T`, with a warning for every unknown key and
/// every value of the wrong type (pointing at it). A missing block is `T::default()`.
pub fn read<T: LanguageSettings>(pkg: &Package) -> (T, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(block) = pkg.meta.language.get(T::KEY) else {
        return (T::default(), diags);
    };
    let at = pkg.source.child("language").child(T::KEY);
    let mut block = block.clone();
    // Each round drops the one value serde could not read and tries again, so one bad
    // value costs only its own setting. Bounded by the number of values in the block.
    for _ in 0..=count_values(&block) {
        let mut unknown: Vec<String> = Vec::new();
        let mut note = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
        let result: Result<T, _> = serde_path_to_error::deserialize(serde_ignored::Deserializer::new(&block, &mut note));
        match result {
            Ok(t) => {
                for path in unknown {
                    let pointer = pointer_of(&path);
                    diags.push(
                        Diagnostic::warning(child_path(&at, &pointer), format!("unknown key `{}` in `language.{}`: cloudgen ignores it", path, T::KEY))
                            .with_hint("check its spelling against the Pulumi schema reference for this language"),
                    );
                }
                return (t, diags);
            }
            Err(e) => {
                let path = e.path().to_string();
                let pointer = pointer_of(&path);
                diags.push(
                    Diagnostic::warning(child_path(&at, &pointer), format!("`language.{}` {}: {}; the setting keeps its default", T::KEY, if path == "." { "block".to_string() } else { format!("key `{path}`") }, e.inner()))
                        .with_hint("fix the value's type, or remove the key"),
                );
                if pointer.is_empty() || !remove(&mut block, &pointer) {
                    return (T::default(), diags);
                }
            }
        }
    }
    (T::default(), diags)
}

/// serde's dotted path (`a.b[0]`, `.` for the root) as JSON pointer segments.
fn pointer_of(path: &str) -> Vec<String> {
    if path == "." || path == "?" {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            out.push(name.to_string());
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(idx.trim_end_matches(']').to_string());
        }
    }
    out
}

fn child_path(at: &SourceRef, segments: &[String]) -> SourceRef {
    segments.iter().fold(at.clone(), |s, seg| s.child(seg))
}

fn remove(v: &mut Value, segments: &[String]) -> bool {
    let Some((last, parents)) = segments.split_last() else { return false };
    let mut cur = v;
    for seg in parents {
        cur = match cur {
            Value::Object(m) => match m.get_mut(seg) {
                Some(next) => next,
                None => return false,
            },
            Value::Array(a) => match seg.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(next) => next,
                None => return false,
            },
            _ => return false,
        };
    }
    match cur {
        Value::Object(m) => m.remove(last).is_some(),
        Value::Array(a) => match last.parse::<usize>() {
            Ok(i) if i < a.len() => {
                a.remove(i);
                true
            }
            _ => false,
        },
        _ => false,
    }
}

fn count_values(v: &Value) -> usize {
    match v {
        Value::Object(m) => 1 + m.values().map(count_values).sum::<usize>(),
        Value::Array(a) => 1 + a.iter().map(count_values).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Default, Debug, PartialEq)]
    #[serde(rename_all = "camelCase", default)]
    struct Demo {
        package_name: Option<String>,
        module_to_package: BTreeMap<String, String>,
        flag: bool,
    }

    impl LanguageSettings for Demo {
        const KEY: &'static str = "demo";
    }

    fn pkg_with(block: Value) -> Package {
        let mut pkg = crate::ir::builder::PackageBuilder::new("p", SourceRef::new("s.json", "")).finish().expect("an empty package finishes").package;
        pkg.meta.language.insert("demo".into(), block);
        pkg
    }

    #[test]
    fn unknown_keys_warn_with_their_pointer() {
        let (d, diags) = read::<Demo>(&pkg_with(serde_json::json!({"packageName": "x", "modulToPackage": {}})));
        assert_eq!(d.package_name.as_deref(), Some("x"));
        let w: Vec<String> = diags.iter().map(|d| format!("{} {}", d.source, d.message)).collect();
        assert_eq!(w, ["s.json#/language/demo/modulToPackage unknown key `modulToPackage` in `language.demo`: cloudgen ignores it"]);
    }

    #[test]
    fn a_mistyped_value_costs_only_its_setting() {
        let (d, diags) = read::<Demo>(&pkg_with(serde_json::json!({"packageName": "x", "flag": "yes", "moduleToPackage": {"a": 1, "b": "c"}})));
        assert_eq!(d.package_name.as_deref(), Some("x"));
        assert!(!d.flag);
        assert_eq!(d.module_to_package.get("b").map(String::as_str), Some("c"));
        let pointers: Vec<String> = diags.iter().map(|d| d.source.to_string()).collect();
        assert_eq!(pointers, ["s.json#/language/demo/flag", "s.json#/language/demo/moduleToPackage/a"]);
    }
}

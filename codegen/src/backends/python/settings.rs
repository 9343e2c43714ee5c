//! `language.python`: the keys of Pulumi's Python `PackageInfo` (pkg/codegen/python/importer.go)
//! plus cloudgen's own `nameOverrides`, read once through [`sdk::settings::read`] so a
//! mistyped key is a warning with its JSON pointer.
//!
//! Acted on: `packageName`, `moduleNameOverrides`, `nameOverrides` (cloudgen), `inputTypes`
//! (`classes` drops the `XArgsDict` TypedDicts), `compatibility` (`tfbridge20` and
//! `kubernetes20` name function-reachable output types `XResult`), `requires`,
//! `pythonRequires`, `readme`.
//! Accepted, not used: `usesIOClasses` (deprecated upstream: every SDK uses I/O classes),
//! `liftSingleValueMethodReturns`, `respectSchemaVersion` (cloudgen always writes the
//! schema's version), `pyproject` (cloudgen always writes `pyproject.toml`).
//!
//! [`sdk::settings::read`]: crate::backends::sdk::settings::read

use crate::backends::sdk::settings::LanguageSettings;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The typed `language.python` block.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The import package name (`pulumi_<pkg>` when absent).
    pub package_name: Option<String>,
    /// Canonical IR module → Python module path (`a/b` or `a.b`).
    pub module_name_overrides: BTreeMap<String, String>,
    /// cloudgen's own: token or wire name → the Python name to use.
    pub name_overrides: BTreeMap<String, String>,
    /// `classes` (Args classes only) or `classes-and-dicts` (the default here).
    pub input_types: Option<String>,
    /// `tfbridge20` / `kubernetes20` compatibility mode.
    pub compatibility: Option<String>,
    /// Extra `pyproject.toml` dependencies (name → version specifier).
    pub requires: BTreeMap<String, String>,
    /// `requires-python` of `pyproject.toml` (`>=3.9` when absent).
    pub python_requires: Option<String>,
    /// Verbatim README text.
    pub readme: Option<String>,
    /// Accepted, not used (see the module docs); kept as JSON so they never warn.
    #[serde(rename = "usesIOClasses")]
    pub uses_io_classes: Option<Value>,
    pub lift_single_value_method_returns: Option<Value>,
    pub respect_schema_version: Option<Value>,
    pub pyproject: Option<Value>,
}

impl LanguageSettings for Settings {
    const KEY: &'static str = "python";
}

impl Settings {
    /// Are `XArgsDict` TypedDicts generated beside the Args classes?
    pub fn typed_dicts(&self) -> bool {
        self.input_types.as_deref() != Some("classes")
    }

    /// Does the official `tfbridge20`/`kubernetes20` naming apply?
    pub fn tfbridge(&self) -> bool {
        matches!(self.compatibility.as_deref(), Some("tfbridge20" | "kubernetes20"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::sdk::settings::read;
    use crate::diag::SourceRef;

    #[test]
    fn only_unknown_keys_warn() {
        let mut pkg = crate::ir::builder::PackageBuilder::new("p", SourceRef::new("s.json", "")).finish().expect("an empty package finishes").package;
        let block = serde_json::json!({
            "packageName": "my_p",
            "inputTypes": "classes",
            "compatibility": "tfbridge20",
            "usesIOClasses": true,
            "liftSingleValueMethodReturns": true,
            "respectSchemaVersion": true,
            "pyproject": {"enabled": true},
            "requires": {"boto3": ">=1.0"},
            "modulNameOverrides": {}
        });
        pkg.meta.language.insert("python".into(), block);
        let (s, diags) = read::<Settings>(&pkg);
        assert_eq!(s.package_name.as_deref(), Some("my_p"));
        assert!(!s.typed_dicts() && s.tfbridge());
        assert_eq!(s.requires.get("boto3").map(String::as_str), Some(">=1.0"));
        let pointers: Vec<String> = diags.iter().map(|d| d.source.to_string()).collect();
        assert_eq!(pointers, ["s.json#/language/python/modulNameOverrides"]);
    }
}

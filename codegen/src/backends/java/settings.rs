//! `language.java`: the keys of the official Java generator's `PackageInfo`
//! (pulumi-java `pkg/codegen/java/package_info.go`), read through [`sdk::settings::read`]
//! so that only a mistyped or unknown key warns.
//!
//! Acted on: `basePackage`, `packages`, `dependencies`, and cloudgen's own `groupId` (the
//! pom's `groupId`, default: the base package). Accepted, not used: `buildFiles`,
//! `gradleNexusPublishPluginVersion`, `gradleTest` (cloudgen always writes a Maven pom, never
//! Gradle files); they are read as raw JSON (serde's `IgnoredAny` would report their
//! contents as unknown keys).
//!
//! [`sdk::settings::read`]: crate::backends::sdk::settings::read

use crate::backends::sdk::settings::LanguageSettings;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The `language.java` block of a schema.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The Java package every generated package lives under (`com.pulumi`, trailing dots
    /// ignored).
    pub base_package: Option<String>,
    /// Schema package or module name → Java package (dotted).
    pub packages: BTreeMap<String, String>,
    /// Maven dependencies, `group:artifact` → version.
    pub dependencies: BTreeMap<String, String>,
    /// The pom's `groupId` (cloudgen's key; default: the base package).
    pub group_id: Option<String>,
    /// Accepted, not used: cloudgen writes a Maven pom.
    pub build_files: Option<serde_json::Value>,
    /// Accepted, not used (Gradle only).
    pub gradle_nexus_publish_plugin_version: Option<serde_json::Value>,
    /// Accepted, not used (Gradle only).
    pub gradle_test: Option<serde_json::Value>,
}

impl LanguageSettings for Settings {
    const KEY: &'static str = "java";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::sdk::settings::read;
    use crate::diag::SourceRef;

    fn pkg_with(block: serde_json::Value) -> crate::ir::Package {
        let mut pkg = crate::ir::builder::PackageBuilder::new("p", SourceRef::new("s.json", "")).finish().expect("an empty package finishes").package;
        pkg.meta.language.insert("java".into(), block);
        pkg
    }

    #[test]
    fn official_keys_are_accepted_and_typos_warn() {
        let block = serde_json::json!({"basePackage": "org.example", "packages": {"a": "b"}, "buildFiles": "gradle", "gradleTest": "JUnitPlatform", "gradleNexusPublishPluginVersion": "2.0.0", "dependencies": {"com.pulumi:aws": "6.0.0"}, "pacakges": {}});
        let (s, diags) = read::<Settings>(&pkg_with(block));
        assert_eq!(s.base_package.as_deref(), Some("org.example"));
        assert_eq!(s.packages.get("a").map(String::as_str), Some("b"));
        assert_eq!(s.dependencies.len(), 1);
        let w: Vec<String> = diags.iter().map(|d| d.source.to_string()).collect();
        assert_eq!(w, ["s.json#/language/java/pacakges"]);
    }
}

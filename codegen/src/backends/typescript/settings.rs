//! `language.nodejs`: the settings of the official Node.js generator (`NodePackageInfo` in
//! pulumi/pulumi `pkg/codegen/nodejs/importer.go`), read through
//! [`crate::backends::sdk::settings::read`]. Every key that generator accepts is accepted
//! here, so only typos warn; the ones cloudgen does not act on are listed at the end.

use crate::backends::sdk::settings::LanguageSettings;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The typed `language.nodejs` block.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The npm package name (`@pulumi/<pkg>` when unset or empty).
    pub package_name: Option<String>,
    /// `package.json`'s description (the schema's when unset or empty).
    pub package_description: Option<String>,
    /// The README's text, verbatim.
    pub readme: Option<String>,
    /// Extra `package.json` dependencies.
    pub dependencies: BTreeMap<String, String>,
    /// Extra `package.json` devDependencies.
    pub dev_dependencies: BTreeMap<String, String>,
    /// Canonical module → module path used in the SDK.
    pub module_to_package: BTreeMap<String, String>,
    /// `tfbridge20` / `kubernetes20`: input object types keep their plain names (no `Args`).
    pub compatibility: Option<String>,
    /// Output unions become their wire type.
    pub disable_union_output_types: bool,

    // Accepted, not used: cloudgen's output does not depend on them. (`Value`, not
    // `IgnoredAny`: the reader reports every `IgnoredAny` as an unknown key.)
    /// `package.json` peerDependencies (not written).
    pub peer_dependencies: Option<Value>,
    /// `package.json` resolutions (not written).
    pub resolutions: Option<Value>,
    /// The TypeScript version (cloudgen pins its own range).
    pub typescript_version: Option<Value>,
    /// Whether the package has enums (cloudgen knows from the IR).
    pub contains_enums: Option<Value>,
    /// Provider name → module name (one provider per package here).
    pub provider_name_to_module_name: Option<Value>,
    /// Hand-written files added to `tsconfig.json` (none are generated).
    pub extra_type_script_files: Option<Value>,
    /// Single-value method returns are always lifted.
    pub lift_single_value_method_returns: Option<Value>,
    /// The schema version is always respected.
    pub respect_schema_version: Option<Value>,
    /// `import type` references (experimental upstream; not generated).
    pub use_type_only_references: Option<Value>,
    /// Older generators' lazy-loading switches (cloudgen always lazy-loads).
    pub optimize_node_module_loading: Option<Value>,
    /// Legacy plugin overrides of older schemas.
    pub plugin_name: Option<Value>,
    pub plugin_version: Option<Value>,
}

impl LanguageSettings for Settings {
    const KEY: &'static str = "nodejs";
}

/// The properties an object type's or resource's own `language.nodejs` block declares
/// required in `key` (`requiredOutputs` or `requiredInputs`): the official Node.js generator
/// types them as present even when the schema's `required` does not list them (Kubernetes
/// and Docker declare hundreds), so strict programs read them without a check.
pub fn required_by_nodejs(language: &crate::ir::RawMap, key: &str) -> std::collections::BTreeSet<String> {
    language
        .get("nodejs")
        .and_then(|n| n.get(key))
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.is_empty())
}

impl Settings {
    /// The npm package name.
    pub fn npm_name(&self, pkg: &str) -> String {
        non_empty(&self.package_name).map_or_else(|| format!("@pulumi/{pkg}"), str::to_string)
    }

    /// `package.json`'s description, if set.
    pub fn description(&self) -> Option<&str> {
        non_empty(&self.package_description)
    }

    /// The suffix of input object type names (`Args`, or none in compatibility mode).
    pub fn args_suffix(&self) -> &'static str {
        match non_empty(&self.compatibility) {
            Some("tfbridge20") | Some("kubernetes20") => "",
            _ => "Args",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_keys_do_not_warn_and_typos_do() {
        let mut pkg = crate::ir::builder::PackageBuilder::new("p", crate::diag::SourceRef::new("s.json", "")).finish().expect("finishes").package;
        let block = serde_json::json!({"packageName": "", "typescriptVersion": "4", "compatibility": "tfbridge20", "modulToPackage": {}, "optimizeNodeModuleLoading": ["lazy-load-functions"], "extraTypeScriptFiles": ["x.ts"]});
        pkg.meta.language.insert("nodejs".into(), block);
        let (s, diags) = crate::backends::sdk::settings::read::<Settings>(&pkg);
        assert_eq!(s.npm_name("p"), "@pulumi/p");
        assert_eq!(s.args_suffix(), "");
        assert_eq!(diags.iter().count(), 1);
    }
}

//! `language.go`: the keys Pulumi's Go generator accepts (`GoPackageInfo` in
//! pulumi/pulumi `pkg/codegen/go/importer.go`). cloudgen acts on the layout keys
//! (`importBasePath`, `rootPackageName`, `moduleToPackage`, `packageImportAliases`); the
//! rest are accepted and not used; `maxPackageFunctions` is cloudgen's own (they tune what the official generator emits, which
//! cloudgen's Go output decides on its own), so only a misspelled key warns.

use crate::backends::sdk::settings::LanguageSettings;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The typed `language.go` block.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    /// Import path of the root package (`github.com/pulumi/pulumi-random/sdk/v4/go/random`).
    pub import_base_path: Option<String>,
    /// The root package's name, when it differs from the import path's last segment.
    pub root_package_name: Option<String>,
    /// Canonical module → package directory.
    pub module_to_package: BTreeMap<String, String>,
    /// Import path → import alias.
    pub package_import_aliases: BTreeMap<String, String>,
    /// cloudgen's own key: the estimated functions and methods one package's types and
    /// resources may declare before they move to internal packages (see `go::split`;
    /// default `split::DEFAULT_BUDGET`).
    pub max_package_functions: Option<usize>,
    // Accepted, not used.
    pub module_path: Option<Value>,
    pub import_path_pattern: Option<Value>,
    pub generate_resource_container_types: Option<Value>,
    #[serde(rename = "pulumiSDKVersion")]
    pub pulumi_sdk_version: Option<Value>,
    pub disable_function_output_versions: Option<Value>,
    pub lift_single_value_method_returns: Option<Value>,
    pub disable_input_type_registrations: Option<Value>,
    pub internal_module_name: Option<Value>,
    pub disable_object_defaults: Option<Value>,
    pub generate_extra_input_types: Option<Value>,
    pub omit_extra_input_types: Option<Value>,
    pub respect_schema_version: Option<Value>,
    pub internal_dependencies: Option<Value>,
    pub generics: Option<Value>,
}

impl LanguageSettings for Settings {
    const KEY: &'static str = "go";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::sdk::settings::read;
    use crate::diag::SourceRef;

    #[test]
    fn reads_layout_keys_accepts_the_rest_and_warns_on_typos() {
        let mut pkg = crate::ir::builder::PackageBuilder::new("p", SourceRef::new("s.json", "")).finish().expect("an empty package finishes").package;
        let block = serde_json::json!({
            "importBasePath": "example.com/x/go/x",
            "moduleToPackage": {"a/b": "ab"},
            "generateResourceContainerTypes": true,
            "pulumiSDKVersion": 3,
            "rootPackagName": "x",
        });
        pkg.meta.language.insert("go".into(), block);
        let (s, diags) = read::<Settings>(&pkg);
        assert_eq!(s.import_base_path.as_deref(), Some("example.com/x/go/x"));
        assert_eq!(s.module_to_package["a/b"], "ab");
        let w: Vec<String> = diags.iter().map(|d| d.source.to_string()).collect();
        assert_eq!(w, ["s.json#/language/go/rootPackagName"]);
    }
}

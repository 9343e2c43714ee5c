//! Where things live: the Java package of the package and of each canonical IR module
//! (`basePackage`, `packages` overrides), the `inputs`/`outputs`/`enums` subpackages, and
//! the path of a class's source file and of the resources Maven bundles.

use super::naming::package_parts;
use super::settings::Settings;

/// The base package when `language.java.basePackage` does not set one.
pub const DEFAULT_BASE_PACKAGE: &str = "com.pulumi";

/// The base package (`basePackage` without its trailing dot, each segment made valid).
pub fn base_package(settings: &Settings) -> String {
    let base = settings.base_package.as_deref().map(|s| s.trim_matches('.')).filter(|s| !s.is_empty()).unwrap_or(DEFAULT_BASE_PACKAGE);
    package_parts(base).join(".")
}

/// The root Java package of schema package `pkg` (`com.pulumi.random`).
pub fn root_package(settings: &Settings, pkg: &str) -> String {
    let name = settings.packages.get(pkg).map(String::as_str).unwrap_or(pkg);
    let mut parts = package_parts(&base_package(settings));
    parts.extend(package_parts(name));
    parts.join(".")
}

/// The Java package of a canonical IR module (`index` is the root).
pub fn module_package(settings: &Settings, pkg: &str, module: &str) -> String {
    let root = root_package(settings, pkg);
    if module.is_empty() || module == "index" {
        return root;
    }
    let m = settings.packages.get(module).map(String::as_str).unwrap_or(module);
    let parts = package_parts(m);
    if parts.is_empty() {
        return root;
    }
    format!("{root}.{}", parts.join("."))
}

/// The subpackage of a module's input classes.
pub fn inputs(module: &str) -> String {
    format!("{module}.inputs")
}

/// The subpackage of a module's output classes.
pub fn outputs(module: &str) -> String {
    format!("{module}.outputs")
}

/// The subpackage of a module's enums.
pub fn enums(module: &str) -> String {
    format!("{module}.enums")
}

/// `(package, simple name)` of a fully qualified class name.
pub fn split(fqn: &str) -> (String, String) {
    match fqn.rsplit_once('.') {
        Some((p, s)) => (p.to_string(), s.to_string()),
        None => (String::new(), fqn.to_string()),
    }
}

/// The simple name of a fully qualified class name.
pub fn simple(fqn: &str) -> String {
    split(fqn).1
}

/// The source file of class `fqn`.
pub fn path_of(fqn: &str) -> String {
    format!("src/main/java/{}.java", fqn.replace('.', "/"))
}

/// The directory (under `src/main/resources`) of the files the runtime reads back
/// (`version.txt`, `plugin.json`).
pub fn resource_dir(pkg: &str) -> String {
    format!("com/pulumi/{pkg}")
}

/// The path of a bundled resource file.
pub fn resource_path(pkg: &str, file: &str) -> String {
    format!("src/main/resources/{}/{file}", resource_dir(pkg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages() {
        let d = Settings::default();
        assert_eq!(root_package(&d, "random"), "com.pulumi.random");
        assert_eq!(module_package(&d, "random", "index"), "com.pulumi.random");
        assert_eq!(module_package(&d, "k", "apps/v1"), "com.pulumi.k.apps_v1");
        assert_eq!(module_package(&d, "azure-native", "default"), "com.pulumi.azurenative.default_");
        let o: Settings = serde_json::from_value(serde_json::json!({"basePackage": "org.example.", "packages": {"core/v1": "core.v1", "kubernetes": "kubernetes"}})).expect("settings");
        assert_eq!(module_package(&o, "kubernetes", "core/v1"), "org.example.kubernetes.core.v1");
        assert_eq!(path_of("a.b.C"), "src/main/java/a/b/C.java");
    }
}

//! Where things go: the Go module and its root package ([`ModuleLayout`], from
//! `language.go`), the package directory of each IR module, file paths, the package clause
//! and import block of each file, and the names of split files (`pulumiTypes1.go`).

use super::model::Head;
use super::naming::{dir_component, go_package, package_name};
use super::settings::Settings;
use super::values::go_str;
use crate::backends::common::GENERATED_HEADER;
use std::collections::BTreeMap;

/// The Pulumi Go SDK's package, as every generated file imports it.
pub const PULUMI: &str = "\"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"";

/// The layout of one generated Go module.
#[derive(Debug, Clone)]
pub struct Layout {
    pub go: ModuleLayout,
    /// The utilities package's directory (`internal`, or `pulumiutilities` when a module
    /// already is `internal`).
    pub util_dir: String,
    /// The configuration package's directory.
    pub config_dir: String,
}

impl Layout {
    /// The path of `file` in package directory `dir` (relative to the output root).
    pub fn path(&self, dir: &str, file: &str) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if !self.go.root_dir.is_empty() {
            parts.push(&self.go.root_dir);
        }
        if !dir.is_empty() {
            parts.push(dir);
        }
        parts.push(file);
        parts.join("/")
    }

    /// The import path of the package in `dir`.
    pub fn import_path(&self, dir: &str) -> String {
        if dir.is_empty() {
            self.go.import_base.clone()
        } else {
            format!("{}/{dir}", self.go.import_base)
        }
    }

    /// The package clause name of the package in `dir`.
    pub fn package_name(&self, dir: &str) -> String {
        if dir.is_empty() {
            self.go.root_package.clone()
        } else {
            package_name(dir.rsplit('/').next().unwrap_or(dir))
        }
    }

    /// How code in `dir` refers to the utilities package: `internal.`, or `""` inside it.
    pub fn util_prefix(&self, dir: &str) -> String {
        if dir == self.util_dir {
            String::new()
        } else {
            format!("{}.", package_name(&self.util_dir))
        }
    }

    /// The import line of the utilities package.
    pub fn util_import(&self) -> String {
        go_str(&self.import_path(&self.util_dir))
    }

    /// The `PULUMI` import, and the utilities package's when `dir` is not it.
    pub fn imports_with_util(&self, dir: &str) -> Vec<String> {
        let mut imports = vec![PULUMI.to_string()];
        if dir != self.util_dir {
            imports.push(self.util_import());
        }
        imports
    }

    /// Header, package clause and imports of a file in `dir`: standard-library `std`, then
    /// `imports` and `more`, sorted by path as gofmt sorts them (aliases ignored).
    pub fn head(&self, dir: &str, std: &[&str], mut imports: Vec<String>, more: Vec<String>) -> Head {
        imports.extend(more);
        imports.sort_by(|a, b| {
            let pa = a.rsplit(' ').next().unwrap_or(a);
            let pb = b.rsplit(' ').next().unwrap_or(b);
            pa.cmp(pb)
        });
        imports.dedup();
        let mut std_imports: Vec<String> = std.iter().map(|s| go_str(s)).collect();
        std_imports.sort();
        Head { generated: GENERATED_HEADER.to_string(), package: self.package_name(dir), std_imports, imports }
    }
}

/// The file name of chunk `n` of a split file: `stem.go`, `stem1.go`, `stem2.go`, ….
pub fn chunk_file(stem: &str, n: usize) -> String {
    if n == 0 {
        format!("{stem}.go")
    } else {
        format!("{stem}{n}.go")
    }
}

/// Where the generated Go module lives: the module path for `go.mod`, the directory of the
/// root package relative to the module root, and the root package's import path.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleLayout {
    pub module: String,
    /// e.g. `go/random` (may be empty: the root package sits at the module root).
    pub root_dir: String,
    pub import_base: String,
    pub root_package: String,
}

/// Works out the module layout from `language.go`: `importBasePath` split at its last
/// `/go/` segment (`…/sdk/v4/go/random` → module `…/sdk/v4`, packages under `go/random`);
/// without it, the official default `github.com/pulumi/pulumi-<pkg>/sdk[/vN]/go/<pkg>`.
pub fn module_layout(pkg: &str, version: Option<&str>, settings: &Settings) -> ModuleLayout {
    let base = settings
        .import_base_path
        .as_deref()
        .map(|s| s.trim_matches('/').to_string())
        .filter(|s| is_safe_import_path(s));
    let base = base.unwrap_or_else(|| {
        let major = version
            .and_then(|v| v.trim_start_matches('v').split('.').next())
            .and_then(|m| m.parse::<u64>().ok())
            .unwrap_or(0);
        let v = if major > 1 {
            format!("/v{major}")
        } else {
            String::new()
        };
        format!(
            "github.com/pulumi/pulumi-{}/sdk{v}/go/{}",
            dir_component(pkg),
            go_package(pkg)
        )
    });
    let (module, root_dir) = match base.rfind("/go/") {
        Some(i) if i > 0 => (base[..i].to_string(), base[i + 1..].to_string()),
        _ => (base.clone(), String::new()),
    };
    let last = base.rsplit('/').next().unwrap_or(pkg);
    let root_package = settings
        .root_package_name
        .as_deref()
        .map(package_name)
        .unwrap_or_else(|| package_name(&last.replace('-', "")));
    ModuleLayout {
        module,
        root_dir,
        import_base: base,
        root_package,
    }
}

/// Import paths we are willing to write into `go.mod` and import lines: no quotes, spaces,
/// backslashes or `..` segments.
pub fn is_safe_import_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '~'))
        && !s.split('/').any(|p| p.is_empty() || p == "." || p == "..")
}

/// The Go package directory (relative to the root package, `""` for the root) of a canonical
/// IR module: `moduleToPackage` override first, else the module lower-cased.
pub fn module_dir(canonical: &str, overrides: &BTreeMap<String, String>) -> String {
    if let Some(o) = overrides.get(canonical) {
        return o
            .split('/')
            .filter(|p| !p.is_empty())
            .map(dir_component)
            .collect::<Vec<_>>()
            .join("/");
    }
    if canonical == "index" || canonical.is_empty() {
        return String::new();
    }
    canonical
        .split('/')
        .filter(|p| !p.is_empty())
        .map(dir_component)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(path: &str) -> Settings {
        Settings { import_base_path: Some(path.to_string()), ..Settings::default() }
    }

    #[test]
    fn module_layouts() {
        let l = module_layout(
            "random",
            Some("4.21.1"),
            &base("github.com/pulumi/pulumi-random/sdk/v4/go/random"),
        );
        assert_eq!(l.module, "github.com/pulumi/pulumi-random/sdk/v4");
        assert_eq!(l.root_dir, "go/random");
        assert_eq!(l.root_package, "random");
        let d = module_layout("my-pkg", Some("3.0.0"), &Settings::default());
        assert_eq!(
            d.import_base,
            "github.com/pulumi/pulumi-my-pkg/sdk/v3/go/mypkg"
        );
        assert_eq!(d.module, "github.com/pulumi/pulumi-my-pkg/sdk/v3");
        let flat = module_layout(
            "x",
            None,
            &base("example.com/x"),
        );
        assert_eq!(
            (
                flat.module.as_str(),
                flat.root_dir.as_str(),
                flat.root_package.as_str()
            ),
            ("example.com/x", "", "x")
        );
        let bad = module_layout(
            "x",
            None,
            &base("a b\"/go/x"),
        );
        assert_eq!(bad.import_base, "github.com/pulumi/pulumi-x/sdk/go/x");
        let none = BTreeMap::new();
        assert_eq!(module_dir("index", &none), "");
        assert_eq!(module_dir("apps/v1", &none), "apps/v1");
        assert_eq!(module_dir("S3", &none), "s3");
    }

    #[test]
    fn chunks_count_from_one() {
        assert_eq!(chunk_file("pulumiTypes", 0), "pulumiTypes.go");
        assert_eq!(chunk_file("pulumiTypes", 2), "pulumiTypes2.go");
    }
}

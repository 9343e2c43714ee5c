//! The Go naming oracle: every Go identifier, package name, directory and import path the
//! backend emits comes from here.
//!
//! Order of decisions: overrides from the schema's `language.go` block first
//! (`importBasePath`, `rootPackageName`, `moduleToPackage`, `packageImportAliases`), then
//! Pulumi's Go rules (`Title` for exported names, `Get` → `Lookup` / `New` → `Create` for
//! functions that collide with resource helpers, `makeSafeEnumName` for enum constants), then
//! reserved members (`ID`, `URN`, `ElementType`, `ToXOutput`, …) and a per-scope collision
//! allocator. Exported Go names cannot be keywords, so keywords only matter for package names
//! and import aliases.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Go keywords (a package name or import alias may not be one).
pub const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Names a generated package file already uses at package level or inside function bodies
/// (imports, locals, predeclared identifiers): an import alias equal to one of them would be
/// shadowed, so it gets a `pkg` suffix.
pub const ALIAS_RESERVED: &[&str] = &[
    "pulumi",
    "context",
    "reflect",
    "errors",
    "fmt",
    "semver",
    "internal",
    "config",
    "resource",
    "args",
    "opts",
    "ctx",
    "err",
    "rv",
    "o",
    "i",
    "v",
    "vs",
    "k",
    "r",
    "s",
    "e",
    "d",
    "out",
    "string",
    "int",
    "bool",
    "float64",
    "any",
    "error",
    "nil",
    "true",
    "false",
    "len",
    "append",
    "new",
    "make",
    "module",
    "pkg",
    "init",
    "secrets",
    "aliases",
    "replaceOnChanges",
    "value",
    "interface",
];

/// Members promoted into every resource struct by the embedded `pulumi.*ResourceState`, or
/// defined on it by the generated code: a field with one of these names would shadow them and
/// the struct would stop being a `pulumi.Resource`.
pub const RESOURCE_MEMBERS: &[&str] = &[
    "ID",
    "URN",
    "ElementType",
    "PulumiResourceName",
    "PulumiResourceType",
    "GetProvider",
    "CustomResourceState",
    "ResourceState",
    "ProviderResourceState",
];

/// Methods every generated `XOutput` type has besides its accessors.
pub const OUTPUT_MEMBERS: &[&str] = &[
    "ApplyT",
    "ApplyTWithContext",
    "ElementType",
    "OutputState",
    "Elem",
    "Index",
    "MapIndex",
];

/// Is `c` allowed to start a Go identifier?
pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Is `c` allowed inside a Go identifier?
pub fn is_ident_part(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

/// Replaces characters that cannot appear in a Go identifier with `_` (Pulumi's
/// `makeValidIdentifier`, without the keyword prefix: exported names are never keywords).
pub fn make_valid_identifier(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    for (i, c) in name.chars().enumerate() {
        if !is_ident_part(c) {
            out.push('_');
        } else {
            if i == 0 && !is_ident_start(c) {
                out.push('_');
            }
            out.push(c);
        }
    }
    out
}

/// Pulumi's Go `Title`: a leading `$` is dropped, the first letter upper-cased, and every
/// `-` removed with the letter after it upper-cased.
pub fn title(s: &str) -> String {
    let s = s.strip_prefix('$').unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    let mut upper_next = true;
    for c in s.chars() {
        if c == '-' {
            upper_next = true;
            continue;
        }
        if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// An exported Go identifier from a schema name: `Title`, then illegal characters → `_`.
/// Names that would not start with an upper-case letter (digits, `_`, scripts without case)
/// get an `X` prefix, because only upper-case names are exported and the runtime can only
/// marshal exported fields. Never empty.
pub fn exported(name: &str) -> String {
    let t = make_valid_identifier(&title(name));
    match t.chars().next() {
        Some(c) if c.is_uppercase() => t,
        _ => format!("X{}", t.trim_start_matches('_')),
    }
}

/// An unexported identifier from an exported one (`RandomUuid` → `randomUuid`).
pub fn unexported(name: &str) -> String {
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => "x".to_string(),
    }
}

/// File name stem of a member (`RandomUuid` → `randomUuid`), as the official generator names
/// resource and function files.
pub fn file_stem(exported_name: &str) -> String {
    unexported(exported_name)
}

/// A Go package name from a directory component: lower-case letters, digits and `_` only,
/// not starting with a digit, not a keyword.
pub fn package_name(component: &str) -> String {
    let mut out: String = component
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_')
        .flat_map(char::to_lowercase)
        .collect();
    if out.is_empty() {
        out = "pkg".into();
    }
    if out.chars().next().is_some_and(|c| c.is_numeric()) {
        out = format!("p{out}");
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push_str("pkg");
    }
    out
}

/// Pulumi's `goPackage`: the root package name of a package (`azure-native` → `azurenative`).
pub fn go_package(pkg: &str) -> String {
    package_name(&pkg.replace('-', ""))
}

/// A directory component from a module name: lower-cased, characters unsafe in paths → `_`.
pub fn dir_component(m: &str) -> String {
    let s: String = m
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .flat_map(char::to_lowercase)
        .collect();
    if s.is_empty() || s == "." || s == ".." {
        "_".into()
    } else {
        s
    }
}

/// The constant name of an enum value (Pulumi Go's `makeSafeEnumName`): single-character
/// names expanded, `Title`, illegal characters → `_`, runs of `_` collapsed, the type name
/// prefixed (with `_` between when the value name itself contains `_`).
pub fn enum_const_name(value_name: &str, type_name: &str) -> String {
    let expanded = match value_name {
        "*" => "Asterisk",
        "0" => "Zero",
        "1" => "One",
        "2" => "Two",
        "3" => "Three",
        "4" => "Four",
        "5" => "Five",
        "6" => "Six",
        "7" => "Seven",
        "8" => "Eight",
        "9" => "Nine",
        other => other,
    };
    let valid = make_valid_identifier(&title(expanded));
    let mut safe = String::with_capacity(valid.len());
    for c in valid.chars() {
        if c == '_' && safe.ends_with('_') {
            continue;
        }
        safe.push(c);
    }
    if safe.contains('_') && !safe.starts_with('_') {
        safe.insert(0, '_');
    }
    format!("{type_name}{safe}")
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
pub fn module_layout(pkg: &str, version: Option<&str>, go: &Value) -> ModuleLayout {
    let base = go
        .get("importBasePath")
        .and_then(Value::as_str)
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
    let root_package = go
        .get("rootPackageName")
        .and_then(Value::as_str)
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

/// Allocates unique names inside one Go scope (a package namespace, a struct's fields and
/// methods). Taken names get `_`, then `_2`, `_3`, …; deterministic in claim order.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    used: BTreeSet<String>,
}

impl Scope {
    /// A scope in which `reserved` are already taken.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Scope {
            used: reserved.into_iter().map(str::to_string).collect(),
        }
    }

    /// Marks `name` as taken.
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_string());
    }

    /// Is `name` already taken?
    pub fn is_taken(&self, name: &str) -> bool {
        self.used.contains(name)
    }

    /// Claims `base`, or the first free suffixed variant of it.
    pub fn claim(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut n = 1;
        while self.used.contains(&candidate) {
            candidate = if n == 1 {
                format!("{base}_")
            } else {
                format!("{base}_{n}")
            };
            n += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_exported() {
        for (input, want) in [
            ("randomUuid", "RandomUuid"),
            ("RandomPassword", "RandomPassword"),
            ("getFoo", "GetFoo"),
            ("my-type", "MyType"),
            ("$ref", "Ref"),
            ("9lives", "X9lives"),
            ("_hidden", "Xhidden"),
            ("a.b", "A_b"),
            ("", "X"),
        ] {
            assert_eq!(exported(input), want, "exported({input:?})");
        }
    }

    #[test]
    fn enum_consts() {
        for (input, want) in [
            ("Standard", "StorageClassStandard"),
            ("STANDARD", "StorageClassSTANDARD"),
            ("INFREQUENT_ACCESS", "StorageClass_INFREQUENT_ACCESS"),
            ("*", "StorageClassAsterisk"),
            ("8.3", "StorageClass_8_3"),
            ("Microsoft.Batch", "StorageClass_Microsoft_Batch"),
            ("a--b", "StorageClassAB"),
        ] {
            assert_eq!(
                enum_const_name(input, "StorageClass"),
                want,
                "enum_const_name({input:?})"
            );
        }
    }

    #[test]
    fn packages_and_layout() {
        assert_eq!(package_name("v1beta1"), "v1beta1");
        assert_eq!(package_name("type"), "typepkg");
        assert_eq!(package_name("2fa"), "p2fa");
        assert_eq!(go_package("azure-native"), "azurenative");
        let l = module_layout(
            "random",
            Some("4.21.1"),
            &serde_json::json!({"importBasePath": "github.com/pulumi/pulumi-random/sdk/v4/go/random"}),
        );
        assert_eq!(l.module, "github.com/pulumi/pulumi-random/sdk/v4");
        assert_eq!(l.root_dir, "go/random");
        assert_eq!(l.root_package, "random");
        let d = module_layout("my-pkg", Some("3.0.0"), &Value::Null);
        assert_eq!(
            d.import_base,
            "github.com/pulumi/pulumi-my-pkg/sdk/v3/go/mypkg"
        );
        assert_eq!(d.module, "github.com/pulumi/pulumi-my-pkg/sdk/v3");
        let flat = module_layout(
            "x",
            None,
            &serde_json::json!({"importBasePath": "example.com/x"}),
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
            &serde_json::json!({"importBasePath": "a b\"/go/x"}),
        );
        assert_eq!(bad.import_base, "github.com/pulumi/pulumi-x/sdk/go/x");
        let none = BTreeMap::new();
        assert_eq!(module_dir("index", &none), "");
        assert_eq!(module_dir("apps/v1", &none), "apps/v1");
        assert_eq!(module_dir("S3", &none), "s3");
    }

    #[test]
    fn scopes_suffix_deterministically() {
        let mut s = Scope::with_reserved(["ID", "URN"]);
        assert_eq!(s.claim("ID"), "ID_");
        assert_eq!(s.claim("ID"), "ID_2");
        assert_eq!(s.claim("Name"), "Name");
        assert!(s.is_taken("URN"));
    }
}

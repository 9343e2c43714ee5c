//! The Go naming oracle: every Go identifier, package name, directory and import path the
//! backend emits comes from here.
//!
//! Order of decisions: overrides from the schema's `language.go` block first
//! (`importBasePath`, `rootPackageName`, `moduleToPackage`, `packageImportAliases`, applied
//! in [`super::layout`]), then
//! Pulumi's Go rules (`Title` for exported names, `Get` → `Lookup` / `New` → `Create` for
//! functions that collide with resource helpers, `makeSafeEnumName` for enum constants), then
//! reserved members (`ID`, `URN`, `ElementType`, `ToXOutput`, …) and a per-scope collision
//! allocator (the shared `Ns`, used by [`super::names`]). Exported Go names cannot be keywords, so keywords only matter for package names
//! and import aliases.

use crate::backends::sdk::enums::spelled_out;

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
    crate::backends::sdk::identifier::valid(name, is_ident_start, is_ident_part)
}

/// Pulumi's Go `Title`: a leading `$` is dropped, the first letter upper-cased, and every
/// `-` removed with the letter after it upper-cased.
pub fn title(s: &str) -> String {
    crate::backends::sdk::identifier::title_dashes(s.strip_prefix('$').unwrap_or(s))
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
    let expanded = spelled_out(value_name).unwrap_or(value_name);
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
    }
}

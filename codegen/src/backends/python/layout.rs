//! Paths of the Python layout: the `pulumi_<pkg>/` package with one subpackage per module
//! (`a/b`, `""` for the root), the dotted import path of each, and which members live in
//! which module.

use super::names::Module;
use super::naming;
use super::settings::Settings;
use crate::backends::sdk::Sdk;
use crate::ir::TypeDef;
use std::collections::BTreeMap;

/// The Python module path (`a/b`, `""` for the root) of a canonical IR module.
pub fn module_of(canonical: &str, settings: &Settings) -> String {
    naming::module_path(canonical, &settings.module_name_overrides)
}

/// The directory of module `m` (relative to the output root).
pub fn dir(package: &str, m: &str) -> String {
    if m.is_empty() {
        package.to_string()
    } else {
        format!("{package}/{m}")
    }
}

/// The path of file `name` in module `m`.
pub fn file(package: &str, m: &str, name: &str) -> String {
    format!("{}/{name}", dir(package, m))
}

/// The dotted import path of module `m`.
pub fn fqn(package: &str, m: &str) -> String {
    if m.is_empty() {
        package.to_string()
    } else {
        format!("{package}.{}", m.replace('/', "."))
    }
}

/// The relative import prefix of the package root from module `m` (`.`, `..`, …).
pub fn root_prefix(m: &str) -> String {
    let depth = if m.is_empty() { 0 } else { m.split('/').count() };
    ".".repeat(depth + 1)
}

/// The package's root directory (`packageName` dots become directories).
pub fn package_dir(package: &str) -> String {
    package.replace('.', "/")
}

/// The modules of the package: every module holding a resource, a module function, a used
/// object type or an enum, every ancestor of one, the root, and `config` when the package
/// has configuration. Each knows its members (package order) and its child names.
pub fn modules(sdk: &Sdk, settings: &Settings) -> BTreeMap<String, Module> {
    let pkg = sdk.pkg;
    let mut grouped = sdk.group_by(|canonical| module_of(canonical, settings));
    for members in grouped.values_mut() {
        members.objects.retain(|t| !matches!(pkg.types.get(t), Some(TypeDef::Object(o)) if !(o.usage.input || o.usage.output)));
    }
    grouped.retain(|_, m| !(m.resources.is_empty() && m.functions.is_empty() && m.objects.is_empty() && m.enums.is_empty()));
    let mut paths: Vec<String> = grouped.keys().cloned().collect();
    if !pkg.config.is_empty() {
        paths.push("config".into());
    }
    let mut out: BTreeMap<String, Module> = BTreeMap::new();
    out.entry(String::new()).or_insert_with(|| Module::new(""));
    for p in paths {
        let mut cur = String::new();
        for part in p.split('/').filter(|s| !s.is_empty()) {
            if !cur.is_empty() {
                cur.push('/');
            }
            cur.push_str(part);
            out.entry(cur.clone()).or_insert_with(|| Module::new(&cur));
        }
    }
    for (path, members) in grouped {
        out.entry(path.clone()).or_insert_with(|| Module::new(&path)).members = members;
    }
    let keys: Vec<String> = out.keys().cloned().collect();
    for m in out.values_mut() {
        m.children = children(&keys, &m.path);
    }
    out
}

/// The names of the direct children of module `m` among `keys`, sorted.
fn children(keys: &[String], m: &str) -> Vec<String> {
    keys.iter()
        .filter(|k| {
            !k.is_empty()
                && match k.rsplit_once('/') {
                    Some((parent, _)) => parent == m,
                    None => m.is_empty(),
                }
        })
        .map(|k| k.rsplit('/').next().unwrap_or(k).to_string())
        .collect()
}


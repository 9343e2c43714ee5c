//! Paths of the TypeScript SDK: one directory per module (a [`Module`] of the module tree,
//! every prefix of a module path is one), one file per resource and function, one input
//! and one output type file per module under `types/` (see [`TypeTree`]), the enums under
//! `types/enums/`, and the relative import paths between them. The names in a [`Module`]
//! (its directory, namespace, exported name) are decided by `names.rs`.

use super::model::{Imports, TypeImport};
use super::naming::string_literal;
use super::names::Names;
use super::settings::Settings;
use super::types::{ModKey, TypeKind, Uses};
use std::collections::{BTreeMap, BTreeSet};

/// A module of the SDK's layout: a directory (or only a namespace) of the module tree.
#[derive(Debug, Clone, Default)]
pub struct Module {
    /// Raw module path segments from the root (empty for the root).
    pub key: ModKey,
    /// Directory path from the root (`tree/v1`), empty for the root.
    pub dir: String,
    /// Namespace identifiers from the root (`["tree", "v1"]`).
    pub namespace: Vec<String>,
    /// Name the parent exports it under, and the local import binding.
    pub exported: String,
    pub local: String,
    /// Keys of direct children.
    pub children: BTreeSet<ModKey>,
}

/// The module tree: every prefix of every module's key is a node, the root included.
pub fn tree<'k>(keys: impl Iterator<Item = &'k ModKey>) -> BTreeMap<ModKey, Module> {
    let mut nodes: BTreeMap<ModKey, Module> = BTreeMap::new();
    nodes.insert(Vec::new(), Module::default());
    for key in keys {
        for i in 1..=key.len() {
            let k = key[..i].to_vec();
            nodes.entry(k.clone()).or_insert_with(|| Module { key: k.clone(), ..Module::default() });
            nodes.get_mut(&key[..i - 1]).expect("parent inserted first").children.insert(k);
        }
    }
    nodes
}

/// `keys` and all their ancestors.
pub fn with_ancestors<'k>(keys: impl Iterator<Item = &'k ModKey>) -> BTreeSet<ModKey> {
    let mut out = BTreeSet::new();
    for k in keys {
        for i in 0..=k.len() {
            out.insert(k[..i].to_vec());
        }
    }
    out
}

/// The module key of a canonical module: its path segments (after `moduleToPackage`).
pub fn segments(module: &str, settings: &Settings) -> ModKey {
    let m = settings.module_to_package.get(module).map(String::as_str).unwrap_or(module);
    if m == "index" || m.is_empty() {
        return Vec::new();
    }
    m.split('/').filter(|s| !s.is_empty() && *s != "." && *s != "..").map(str::to_string).collect()
}

/// The type files of one kind (input or output). Each module's own types live in a file of
/// their own, which files of other modules import directly; namespace files only re-export
/// (`types/input.ts` → `s3`, `tree` → `v1`, …) for the public `types.input.s3.X` surface,
/// and nothing generated imports them: tsc loads every file reachable from a program, so a
/// program that imports one module then loads that module's types and those it names.
///
/// Paths are from the package root, without `.ts`. The namespace of module `K` (directory
/// `D`) is `types/input/D` (`types/input` for the root). When it has sub-namespaces that
/// file re-exports them and `K`'s own types move to `types/input/D/index` ("index" is never
/// a module directory: every directory scope reserves it); otherwise it holds them itself.
#[derive(Debug, Default)]
pub struct TypeTree {
    /// Module key → the file holding its own types.
    pub contents: BTreeMap<ModKey, String>,
    /// Namespace files that re-export: module key → (own-types file if any, sub-namespaces).
    pub namespaces: BTreeMap<ModKey, (Option<String>, Vec<ModKey>)>,
    /// Module key → its namespace file.
    pub paths: BTreeMap<ModKey, String>,
}

impl TypeTree {
    pub fn new(base: &str, own: &BTreeSet<ModKey>, nodes: &BTreeMap<ModKey, Module>) -> Self {
        let live = with_ancestors(own.iter());
        let mut t = TypeTree::default();
        if own.is_empty() {
            return t;
        }
        for k in &live {
            let dir = nodes.get(k).map(|n| n.dir.as_str()).unwrap_or_default();
            let path = join(base, dir);
            let children: Vec<ModKey> = nodes.get(k).map(|n| n.children.iter().filter(|c| live.contains(*c)).cloned().collect()).unwrap_or_default();
            if children.is_empty() {
                t.contents.insert(k.clone(), path.clone());
            } else {
                let inner = own.contains(k).then(|| format!("{path}/index"));
                if let Some(i) = &inner {
                    t.contents.insert(k.clone(), i.clone());
                }
                t.namespaces.insert(k.clone(), (inner, children));
            }
            t.paths.insert(k.clone(), path);
        }
        t
    }
}

impl Names {
    /// The module key of canonical module `module`.
    pub fn key(&self, module: &str, settings: &Settings) -> ModKey {
        self.module_key.get(module).cloned().unwrap_or_else(|| segments(module, settings))
    }

    /// The directory of module `key` (empty for the root).
    pub fn dir(&self, key: &[String]) -> String {
        self.modules.get(key).map(|n| n.dir.clone()).unwrap_or_default()
    }

    /// The file (from the root, no `.ts`) holding module `key`'s types of `kind`.
    pub fn type_file(&self, kind: TypeKind, key: &ModKey) -> String {
        match kind {
            TypeKind::Input => self.input_tree.contents.get(key).cloned(),
            TypeKind::Output => self.output_tree.contents.get(key).cloned(),
            // `types/enums/<dir>/index.ts` also imports its sub-modules' enums (values the
            // module index re-exports); only nested modules pay for that.
            TypeKind::Enum => Some(join("types/enums", &self.dir(key))),
        }
        .unwrap_or_default()
    }

    /// The imports of a file in directory `dir` that names the types of `uses`.
    pub fn imports(&self, dir: &str, uses: &Uses, pulumi: bool, utilities: bool) -> Imports {
        let types = uses.iter().map(|(kind, key)| TypeImport { alias: self.types.alias(kind, key).to_string(), path: string_literal(&relative(dir, &self.type_file(kind, key))) }).collect();
        Imports { pulumi, types, utilities: utilities.then(|| string_literal(&format!("{}utilities", root_prefix(dir)))) }
    }
}

/// `./` for the root, `../` per directory level otherwise.
pub fn root_prefix(dir: &str) -> String {
    if dir.is_empty() {
        "./".into()
    } else {
        "../".repeat(dir.split('/').count())
    }
}

/// The number of directories between the root and `dir`.
pub fn depth(dir: &str) -> usize {
    if dir.is_empty() {
        0
    } else {
        dir.split('/').count()
    }
}

/// `dir/file`, either of them possibly empty.
pub fn join(dir: &str, file: &str) -> String {
    match (dir.is_empty(), file.is_empty()) {
        (true, _) => file.to_string(),
        (false, true) => dir.to_string(),
        (false, false) => format!("{dir}/{file}"),
    }
}

/// The import path from a file in directory `from_dir` to `to` (both from the package
/// root; `to` without `.ts`).
pub fn relative(from_dir: &str, to: &str) -> String {
    let f: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let rest = t[common..].join("/");
    match f.len() - common {
        0 => format!("./{rest}"),
        ups => format!("{}{rest}", "../".repeat(ups)),
    }
}

/// The directory of a path from the root (`""` for a file at the root).
pub fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// The last segment of a directory path.
pub fn dir_last(dir: &str) -> &str {
    dir.rsplit('/').next().unwrap_or(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_segments_respect_overrides() {
        let mut o = Settings::default();
        assert_eq!(segments("index", &o), Vec::<String>::new());
        assert_eq!(segments("tree/v1", &o), vec!["tree", "v1"]);
        o.module_to_package.insert("s3".into(), "storage/s3".into());
        assert_eq!(segments("s3", &o), vec!["storage", "s3"]);
    }

    #[test]
    fn relative_paths() {
        assert_eq!(relative("", "types/input"), "./types/input");
        assert_eq!(relative("s3", "types/input/s3"), "../types/input/s3");
        assert_eq!(relative("types/input", "types/input/s3"), "./s3");
    }
}

//! Package → artifacts for the TypeScript target. Decides the file layout (one file per
//! resource and function, a directory per module, one input and one output type file per
//! module under `types/` — see [`TypeTree`] — and `config/`), allocates every
//! name through the naming oracle, maps every type through `types.rs`, and fills the view
//! models of `model.rs`. Pure: no I/O, deterministic, total on any finished package.

use super::docs::{jsdoc, plain};
use super::model::*;
use super::naming::{self, member, optional_member, property_key, sanitize_ident, string_literal, Scope};
use super::types::{
    Aliases, EnumNames, Flavour, ModKey, ObjectNames, ResourceNames, TypeKind, TypeMapper,
    TypeNames, Uses,
};
use crate::backends::common::GENERATED_HEADER;
use crate::backends::readme;
use crate::backends::Artifact;
use crate::ir::{
    DefaultValue, EnumType, Function, FunctionResult, ObjectType, Package, Primitive, Property,
    Resource, Token, TypeDef, TypeRef,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const T_RESOURCE: &str = "typescript/resource.ts.tera";
const T_FUNCTION: &str = "typescript/function.ts.tera";
const T_TYPES: &str = "typescript/types.ts.tera";
const T_ENUMS: &str = "typescript/enums.ts.tera";
const T_INDEX: &str = "typescript/index.ts.tera";
const T_CONFIG: &str = "typescript/config.ts.tera";
const T_REEXPORT: &str = "typescript/reexport.ts.tera";
const T_TYPES_INDEX: &str = "typescript/typesindex.ts.tera";
const T_UTILITIES: &str = "typescript/utilities.ts.tera";
const T_PACKAGE_JSON: &str = "typescript/package.json.tera";
const T_TSCONFIG: &str = "typescript/tsconfig.json.tera";

/// The `@pulumi/pulumi` range generated code needs (`invokeOutput`, `InvokeOutputOptions`).
pub const PULUMI_DEPENDENCY: &str = "^3.142.0";

/// Settings read from the schema's `language.nodejs` block.
#[derive(Debug, Clone, Default)]
pub struct NodeOptions {
    pub package_name: Option<String>,
    pub package_description: Option<String>,
    /// `tfbridge20` / `kubernetes20`: input object types keep their plain names (no `Args`).
    pub compatibility: Option<String>,
    pub dependencies: BTreeMap<String, String>,
    pub dev_dependencies: BTreeMap<String, String>,
    pub disable_union_output_types: bool,
    /// Canonical module → module path used in the SDK.
    pub module_to_package: BTreeMap<String, String>,
}

impl NodeOptions {
    /// Reads `language.nodejs`; unknown or mistyped keys are ignored (the schema frontend
    /// reports schema problems, not the backend).
    pub fn from_package(pkg: &Package) -> NodeOptions {
        let Some(v) = pkg.meta.language.get("nodejs") else {
            return NodeOptions::default();
        };
        let s = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let m = |k: &str| -> BTreeMap<String, String> {
            v.get(k)
                .and_then(Value::as_object)
                .map(|o| {
                    o.iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                        .collect()
                })
                .unwrap_or_default()
        };
        NodeOptions {
            package_name: s("packageName"),
            package_description: s("packageDescription"),
            compatibility: s("compatibility"),
            dependencies: m("dependencies"),
            dev_dependencies: m("devDependencies"),
            disable_union_output_types: v
                .get("disableUnionOutputTypes")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            module_to_package: m("moduleToPackage"),
        }
    }

    fn args_suffix(&self) -> &'static str {
        match self.compatibility.as_deref() {
            Some("tfbridge20") | Some("kubernetes20") => "",
            _ => "Args",
        }
    }
}

fn header() -> String {
    format!("// {GENERATED_HEADER}")
}

/// A module directory (or namespace) node of the SDK's module tree.
#[derive(Debug, Clone, Default)]
struct ModNode {
    /// Directory path from the root (`tree/v1`), empty for the root.
    dir: String,
    /// Namespace identifiers from the root (`["tree", "v1"]`).
    namespace: Vec<String>,
    /// Name the parent exports it under, and the local import binding.
    exported: String,
    local: String,
    /// Raw segment paths of direct children.
    children: BTreeSet<Vec<String>>,
}

/// Names of a resource in its module.
#[derive(Debug, Clone)]
struct ResName {
    class: String,
    stem: String,
}

/// Names of a function in its module.
#[derive(Debug, Clone)]
struct FnName {
    name: String,
    title: String,
    stem: String,
}

/// Everything the plan decides before building files.
struct Layout {
    nodes: BTreeMap<Vec<String>, ModNode>,
    /// Canonical module → node key.
    module_key: BTreeMap<String, Vec<String>>,
    resources: BTreeMap<Token, ResName>,
    functions: BTreeMap<Token, FnName>,
    provider_stem: String,
    names: TypeNames,
    /// Node keys that get a directory with an `index.ts`.
    dirs: BTreeSet<Vec<String>>,
    /// Node keys that get `types/enums/<dir>/index.ts`.
    enum_dirs: BTreeSet<Vec<String>>,
    /// The input and output type files.
    input_tree: TypeTree,
    output_tree: TypeTree,
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
struct TypeTree {
    /// Module key → the file holding its own types.
    contents: BTreeMap<ModKey, String>,
    /// Namespace files that re-export: module key → (own-types file if any, sub-namespaces).
    namespaces: BTreeMap<ModKey, (Option<String>, Vec<ModKey>)>,
    /// Module key → its namespace file.
    paths: BTreeMap<ModKey, String>,
}

impl TypeTree {
    fn new(base: &str, own: &BTreeSet<ModKey>, nodes: &BTreeMap<Vec<String>, ModNode>) -> Self {
        let mut live: BTreeSet<ModKey> = BTreeSet::new();
        for k in own {
            for i in 0..=k.len() {
                live.insert(k[..i].to_vec());
            }
        }
        let mut t = TypeTree::default();
        if own.is_empty() {
            return t;
        }
        for k in &live {
            let dir = nodes.get(k).map(|n| n.dir.as_str()).unwrap_or_default();
            let path = join(base, dir);
            let children: Vec<ModKey> = nodes
                .get(k)
                .map(|n| {
                    n.children
                        .iter()
                        .filter(|c| live.contains(*c))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
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

fn segments(module: &str, opts: &NodeOptions) -> Vec<String> {
    let m = opts
        .module_to_package
        .get(module)
        .map(String::as_str)
        .unwrap_or(module);
    if m == "index" || m.is_empty() {
        return Vec::new();
    }
    m.split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .map(str::to_string)
        .collect()
}

fn dir_segment(raw: &str) -> String {
    let ok = !raw.is_empty()
        && !raw.starts_with('.')
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    if ok {
        raw.to_string()
    } else {
        naming::sanitize_ident(raw, false)
    }
}

/// Identifiers used by generated module code, which members must not shadow.
const MODULE_RESERVED: &[&str] = &[
    "pulumi",
    "utilities",
    "exports",
    "require",
    "_module",
    "Error",
    "Promise",
    "JSON",
    "Object",
    "inputs",
    "outputs",
    "enums",
];

fn layout(pkg: &Package, opts: &NodeOptions) -> Layout {
    let method_tokens: BTreeSet<&Token> = pkg
        .resources
        .iter()
        .chain(std::iter::once(&pkg.provider))
        .flat_map(|r| r.methods.values())
        .collect();
    let standalone: Vec<&Function> = pkg
        .functions
        .iter()
        .filter(|f| !method_tokens.contains(&f.token))
        .collect();
    let mut module_key = BTreeMap::new();
    let mut all_modules: BTreeSet<String> = pkg.modules.iter().cloned().collect();
    all_modules.insert("index".into());
    for m in &all_modules {
        module_key.insert(m.clone(), segments(m, opts));
    }
    let key_of = |m: &str| {
        module_key
            .get(m)
            .cloned()
            .unwrap_or_else(|| segments(m, opts))
    };

    // Member names per module scope (identifiers), claimed in canonical order.
    let mut scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    let new_scope = || {
        let mut s = Scope::new();
        for r in MODULE_RESERVED {
            s.reserve(r);
        }
        s
    };
    let root_scope = scopes.entry(Vec::new()).or_insert_with(new_scope);
    // The provider class is always `Provider`; claiming it first pushes a resource of the
    // same name to `Provider_`.
    root_scope.claim("Provider", &["Args"]);
    let mut resources = BTreeMap::new();
    for r in &pkg.resources {
        let scope = scopes.entry(key_of(&r.module)).or_insert_with(new_scope);
        let class = scope.claim(&naming::type_name(&r.token.name), &["Args", "State"]);
        resources.insert(
            r.token.clone(),
            ResName {
                class,
                stem: String::new(),
            },
        );
    }
    let mut functions = BTreeMap::new();
    for f in &standalone {
        let scope = scopes.entry(key_of(&f.module)).or_insert_with(new_scope);
        let base = naming::function_name(&f.token.name);
        let mut n = 1usize;
        let (name, title) = loop {
            let cand = match n {
                1 => base.clone(),
                2 => format!("{base}_"),
                k => format!("{base}_{}", k - 1),
            };
            let t = naming::title(&cand);
            let wanted = [
                cand.clone(),
                format!("{cand}Output"),
                format!("{t}Args"),
                format!("{t}Result"),
                format!("{t}OutputArgs"),
            ];
            if wanted.iter().all(|w| !scope.is_taken(w)) {
                for w in &wanted {
                    scope.reserve(w);
                }
                break (cand, t);
            }
            n += 1;
        };
        functions.insert(
            f.token.clone(),
            FnName {
                name,
                title,
                stem: String::new(),
            },
        );
    }

    // Module tree: every prefix of every module is a node.
    let mut nodes: BTreeMap<Vec<String>, ModNode> = BTreeMap::new();
    nodes.insert(Vec::new(), ModNode::default());
    for key in module_key.values() {
        for i in 1..=key.len() {
            let k = key[..i].to_vec();
            nodes.entry(k.clone()).or_default();
            nodes
                .get_mut(&key[..i - 1])
                .expect("parent inserted first")
                .children
                .insert(k);
        }
    }

    // Directories with code: modules with resources/functions/enums, and their ancestors.
    let mut has_enums: BTreeSet<Vec<String>> = BTreeSet::new();
    for t in pkg.types.values() {
        if let TypeDef::Enum(e) = t {
            has_enums.insert(key_of(&e.module));
        }
    }
    let mut dirs: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut enum_dirs: BTreeSet<Vec<String>> = BTreeSet::new();
    let members = pkg
        .resources
        .iter()
        .map(|r| key_of(&r.module))
        .chain(standalone.iter().map(|f| key_of(&f.module)))
        .chain(has_enums.iter().cloned());
    for k in members {
        for i in 0..=k.len() {
            dirs.insert(k[..i].to_vec());
        }
    }
    for k in &has_enums {
        for i in 0..=k.len() {
            enum_dirs.insert(k[..i].to_vec());
        }
    }
    dirs.insert(Vec::new());

    // Name children (directories, exported names, namespaces) parent by parent; keys are
    // visited in order, so a parent is always named before its children.
    let keys: Vec<Vec<String>> = nodes.keys().cloned().collect();
    let mut file_scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    let has_types = !pkg.types.is_empty();
    for key in &keys {
        let node = nodes[key].clone();
        let mut files = Scope::files();
        files.reserve("index");
        let exports = scopes.entry(key.clone()).or_insert_with(new_scope);
        if key.is_empty() {
            for r in [
                "utilities",
                "provider",
                "config",
                "types",
                "package",
                "tsconfig",
                "node_modules",
                "bin",
                "pulumi-plugin",
            ] {
                files.reserve(r);
            }
            if !pkg.config.is_empty() {
                exports.reserve("config");
            }
            if has_types {
                exports.reserve("types");
            }
        }
        for child in &node.children {
            let raw = child.last().cloned().unwrap_or_default();
            // A root module literally named `config` is the configuration module: its
            // types are `outputs.config.X` and its directory is `config/` in official SDKs.
            let is_config = key.is_empty() && raw == "config";
            let dir = if is_config {
                raw.clone()
            } else {
                files.claim(&dir_segment(&raw), &[])
            };
            let want = if naming::is_identifier(&raw) {
                raw.clone()
            } else {
                naming::sanitize_ident(&raw, false)
            };
            let exported = if is_config {
                raw.clone()
            } else {
                exports.claim(&want, &[])
            };
            let ns = if naming::is_reserved(&exported) {
                format!("{exported}_")
            } else {
                exported.clone()
            };
            let local = if MODULE_RESERVED.contains(&ns.as_str()) {
                format!("{ns}_")
            } else {
                ns.clone()
            };
            let c = nodes.get_mut(child).expect("child exists");
            c.dir = if node.dir.is_empty() {
                dir
            } else {
                format!("{}/{dir}", node.dir)
            };
            c.namespace = node
                .namespace
                .iter()
                .cloned()
                .chain(std::iter::once(ns))
                .collect();
            c.exported = exported;
            c.local = local;
        }
        file_scopes.insert(key.clone(), files);
    }

    // File stems, after directories so a file never shadows a directory import.
    let provider_stem = "provider".to_string();
    for r in &pkg.resources {
        let files = file_scopes
            .entry(key_of(&r.module))
            .or_insert_with(Scope::files);
        let rn = resources.get_mut(&r.token).expect("named above");
        rn.stem = files.claim(&naming::pulumi_camel(&rn.class), &[]);
    }
    for f in &standalone {
        let files = file_scopes
            .entry(key_of(&f.module))
            .or_insert_with(Scope::files);
        let fname = functions.get_mut(&f.token).expect("named above");
        fname.stem = files.claim(&fname.name, &[]);
    }

    // Type names, per namespace scope (input and output files separately).
    let suffix = opts.args_suffix();
    let mut in_scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    let mut out_scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    let mut enum_scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    let ns_scope = |key: &Vec<String>, nodes: &BTreeMap<Vec<String>, ModNode>| {
        let mut s = Scope::new();
        if let Some(n) = nodes.get(key) {
            for c in &n.children {
                if let Some(cn) = nodes.get(c) {
                    if let Some(last) = cn.namespace.last() {
                        s.reserve(last);
                    }
                }
            }
        }
        for r in ["pulumi", "inputs", "outputs", "enums"] {
            s.reserve(r);
        }
        s
    };
    let mut names = TypeNames {
        disable_union_outputs: opts.disable_union_output_types,
        ..Default::default()
    };
    for (token, t) in &pkg.types {
        let key = key_of(t.module());
        match t {
            TypeDef::Object(o) => {
                let base = naming::type_name(&token.name);
                let input = if o.usage.input {
                    in_scopes
                        .entry(key.clone())
                        .or_insert_with(|| ns_scope(&key, &nodes))
                        .claim(&format!("{base}{suffix}"), &[])
                } else {
                    String::new()
                };
                let output = if o.usage.output {
                    out_scopes
                        .entry(key.clone())
                        .or_insert_with(|| ns_scope(&key, &nodes))
                        .claim(&base, &[])
                } else {
                    String::new()
                };
                names.objects.insert(
                    token.clone(),
                    ObjectNames {
                        key: key.clone(),
                        input,
                        output,
                    },
                );
            }
            TypeDef::Enum(_) => {
                let scope = enum_scopes.entry(key.clone()).or_insert_with(|| {
                    let mut s = ns_scope(&key, &nodes);
                    s.reserve("_");
                    s
                });
                let name = scope.claim(&naming::type_name(&token.name), &[]);
                names.enums.insert(
                    token.clone(),
                    EnumNames {
                        key: key.clone(),
                        name,
                    },
                );
            }
        }
    }
    for r in &pkg.resources {
        let key = key_of(&r.module);
        let dir = nodes.get(&key).map(|n| n.dir.clone()).unwrap_or_default();
        let rn = &resources[&r.token];
        let path = if dir.is_empty() {
            rn.stem.clone()
        } else {
            format!("{dir}/{}", rn.stem)
        };
        names.resources.insert(
            r.token.clone(),
            ResourceNames {
                path,
                class: rn.class.clone(),
            },
        );
    }

    // Import aliases of each module's type files, unique across the package and apart from
    // every top-level name a generated file declares (a file may import any module's types).
    let mut in_keys = BTreeSet::new();
    let mut out_keys = BTreeSet::new();
    let mut global = new_scope();
    for r in ["__config", "Provider", "ProviderArgs"] {
        global.reserve(r);
    }
    for (token, on) in &names.objects {
        if let Some(TypeDef::Object(o)) = pkg.types.get(token) {
            if o.usage.input {
                in_keys.insert(on.key.clone());
                global.reserve(&on.input);
            }
            if o.usage.output {
                out_keys.insert(on.key.clone());
                global.reserve(&on.output);
            }
        }
    }
    for e in names.enums.values() {
        global.reserve(&e.name);
    }
    for rn in resources.values() {
        for suffix in ["", "Args", "State"] {
            global.reserve(&format!("{}{suffix}", rn.class));
        }
    }
    for f in functions.values() {
        for n in [
            f.name.clone(),
            format!("{}Output", f.name),
            format!("{}Args", f.title),
            format!("{}Result", f.title),
            format!("{}OutputArgs", f.title),
        ] {
            global.reserve(&n);
        }
    }
    for p in &pkg.config {
        global.reserve(&naming::sanitize_ident(&p.name.wire, false));
    }
    let alias_keys: BTreeSet<&ModKey> = in_keys.iter().chain(&out_keys).chain(&has_enums).collect();
    for key in alias_keys {
        let aliases = if key.is_empty() {
            Aliases {
                inputs: "inputs".into(),
                outputs: "outputs".into(),
                enums: "enums".into(),
            }
        } else {
            let ns = nodes
                .get(key)
                .map(|n| n.namespace.join("_"))
                .unwrap_or_default();
            let mut claim = |prefix: &str| global.claim(&format!("{prefix}_{ns}"), &[]);
            Aliases {
                inputs: claim("inputs"),
                outputs: claim("outputs"),
                enums: claim("enums"),
            }
        };
        names.aliases.insert(key.clone(), aliases);
    }
    let input_tree = TypeTree::new("types/input", &in_keys, &nodes);
    let output_tree = TypeTree::new("types/output", &out_keys, &nodes);

    Layout {
        nodes,
        module_key,
        resources,
        functions,
        provider_stem,
        names,
        dirs,
        enum_dirs,
        input_tree,
        output_tree,
    }
}

impl Layout {
    fn key(&self, module: &str, opts: &NodeOptions) -> Vec<String> {
        self.module_key
            .get(module)
            .cloned()
            .unwrap_or_else(|| segments(module, opts))
    }
    fn dir(&self, key: &[String]) -> String {
        self.nodes
            .get(key)
            .map(|n| n.dir.clone())
            .unwrap_or_default()
    }

    /// The file (from the root, no `.ts`) holding module `key`'s types of `kind`.
    fn type_file(&self, kind: TypeKind, key: &ModKey) -> String {
        match kind {
            TypeKind::Input => self.input_tree.contents.get(key).cloned(),
            TypeKind::Output => self.output_tree.contents.get(key).cloned(),
            // `types/enums/<dir>/index.ts` also imports its sub-modules' enums (values the
            // module index re-exports); only nested modules pay for that.
            TypeKind::Enum => Some(join("types/enums", &self.dir(key))),
        }
        .unwrap_or_default()
    }
}

/// `./` for the root, `../` per directory level otherwise.
fn root_prefix(dir: &str) -> String {
    if dir.is_empty() {
        "./".into()
    } else {
        "../".repeat(dir.split('/').count())
    }
}

fn depth(dir: &str) -> usize {
    if dir.is_empty() {
        0
    } else {
        dir.split('/').count()
    }
}

fn join(dir: &str, file: &str) -> String {
    match (dir.is_empty(), file.is_empty()) {
        (true, _) => file.to_string(),
        (false, true) => dir.to_string(),
        (false, false) => format!("{dir}/{file}"),
    }
}

/// The import path from a file in directory `from_dir` to `to` (both from the package
/// root; `to` without `.ts`).
fn relative(from_dir: &str, to: &str) -> String {
    let f: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let rest = t[common..].join("/");
    match f.len() - common {
        0 => format!("./{rest}"),
        ups => format!("{}{rest}", "../".repeat(ups)),
    }
}

/// Import lines for a file in directory `dir`, in a fixed order: pulumi, the type files it
/// names (inputs, outputs, enums; root module first), utilities.
fn imports(dir: &str, uses: &Uses, layout: &Layout, pulumi: bool, utilities: bool) -> Vec<String> {
    let mut v = Vec::new();
    if pulumi {
        v.push("import * as pulumi from \"@pulumi/pulumi\";".to_string());
    }
    for (kind, key) in uses.iter() {
        v.push(format!(
            "import * as {} from {};",
            layout.names.alias(kind, key),
            string_literal(&relative(dir, &layout.type_file(kind, key)))
        ));
    }
    if utilities {
        let root = root_prefix(dir);
        v.push(format!("import * as utilities from \"{root}utilities\";"));
    }
    v
}

/// A JSON value as a TypeScript expression (strings through our escaping).
fn ts_literal(v: &Value) -> String {
    match v {
        Value::String(s) => string_literal(s),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(ts_literal).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(o) => {
            let parts: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", string_literal(k), ts_literal(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        other => other.to_string(),
    }
}

fn primitive_of(ty: &TypeRef) -> Option<Primitive> {
    match ty {
        TypeRef::Primitive { primitive } => Some(*primitive),
        TypeRef::Union { primitive, .. } => *primitive,
        _ => None,
    }
}

/// The default of a property as an expression (`utilities.getEnv(…) || "x"`), if any.
fn default_expr(d: &DefaultValue, ty: &TypeRef) -> Option<String> {
    let val = d.value.as_ref().filter(|v| !v.is_null()).map(ts_literal);
    if d.environment.is_empty() {
        return val;
    }
    let (getter, cast) = match primitive_of(ty) {
        Some(Primitive::Boolean) => ("getEnvBoolean", "<any>"),
        Some(Primitive::Integer) | Some(Primitive::Number) => ("getEnvNumber", "<any>"),
        Some(Primitive::String) => ("getEnv", ""),
        None => ("getEnv", "<any>"),
    };
    let vars: Vec<String> = d.environment.iter().map(|e| string_literal(e)).collect();
    let env = format!("{cast}utilities.{getter}({})", vars.join(", "));
    Some(match val {
        Some(v) => format!("({env} || {v})"),
        None => env,
    })
}

fn field(
    m: &mut TypeMapper,
    p: &Property,
    flavour: Flavour,
    readonly: bool,
    force_optional: bool,
) -> Field {
    let optional = force_optional || !p.required;
    Field {
        doc: jsdoc(p.docs.as_deref(), p.deprecation.as_deref()),
        key: property_key(&p.name.wire),
        optional,
        readonly,
        ty: m.property(p, flavour, optional && flavour == Flavour::Input),
    }
}

/// Dedupes properties by wire name (first wins), so no interface repeats a key.
fn unique(props: &[Property]) -> Vec<&Property> {
    let mut seen = BTreeSet::new();
    props
        .iter()
        .filter(|p| seen.insert(p.name.wire.clone()))
        .collect()
}

fn list_literal(items: &[String]) -> Option<String> {
    if items.is_empty() {
        None
    } else {
        Some(format!(
            "[{}]",
            items
                .iter()
                .map(|s| string_literal(s))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

/// Methods of `r` (Pulumi `methods`), rendered as class members calling
/// `pulumi.runtime.call`, with their argument and result interfaces in a namespace merged
/// with the class. `__self__` is the instance itself.
fn methods(
    r: &Resource,
    class: &str,
    functions: &BTreeMap<Token, &Function>,
    taken: &[&str],
    m: &mut TypeMapper,
) -> (Vec<Method>, Vec<Interface>) {
    let mut scope = Scope::new();
    for t in taken.iter().chain(naming::BASE_CLASS_MEMBERS) {
        scope.reserve(t);
    }
    let mut types = Scope::new();
    let mut out = Vec::new();
    let mut ifaces = Vec::new();
    for (method_name, token) in &r.methods {
        let Some(f) = functions.get(token) else {
            continue;
        };
        let camel = naming::pulumi_camel(method_name);
        let want = if naming::is_identifier(&camel) {
            camel
        } else {
            naming::sanitize_ident(&camel, false)
        };
        let name = scope.claim(&want, &[]);
        let title = types.claim(&naming::title(&name), &["Args", "Result"]);
        let args: Vec<&Property> = f
            .inputs
            .as_ref()
            .map(|i| unique(&i.properties))
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.name.wire != "__self__")
            .collect();
        let all_optional = args.iter().all(|p| !p.required);
        let mut params = String::new();
        if !args.is_empty() {
            params = format!(
                "args{}: {class}.{title}Args",
                if all_optional { "?" } else { "" }
            );
            ifaces.push(Interface {
                alias_of: None,
                doc: f
                    .inputs
                    .as_ref()
                    .and_then(|i| i.docs.as_deref())
                    .map(|d| jsdoc(Some(d), None))
                    .unwrap_or_else(|| {
                        plain(&format!(
                            "The set of arguments for the {class}.{name} method."
                        ))
                    }),
                name: format!("{title}Args"),
                fields: args
                    .iter()
                    .map(|p| field(m, p, Flavour::Input, false, false))
                    .collect(),
            });
        }
        let self_arg = f
            .inputs
            .as_ref()
            .is_some_and(|i| i.properties.iter().any(|p| p.name.wire == "__self__"));
        let mut arguments: Vec<Assign> = Vec::new();
        if self_arg {
            arguments.push(Assign {
                key: string_literal("__self__"),
                value: "this".into(),
            });
        }
        arguments.extend(args.iter().map(|p| Assign {
            key: string_literal(&p.name.wire),
            value: format!("args{}", member(&p.name.wire)),
        }));
        arguments.sort_by(|a, b| a.key.cmp(&b.key));
        let (return_type, returns, call) = match &f.outputs {
            Some(FunctionResult::Object { shape }) => {
                ifaces.push(Interface {
                    alias_of: None,
                    doc: shape
                        .docs
                        .as_deref()
                        .map(|d| jsdoc(Some(d), None))
                        .unwrap_or_else(|| {
                            plain(&format!("The results of the {class}.{name} method."))
                        }),
                    name: format!("{title}Result"),
                    fields: unique(&shape.properties)
                        .into_iter()
                        .map(|p| field(m, p, Flavour::Output, true, false))
                        .collect(),
                });
                (
                    format!("pulumi.Output<{class}.{title}Result>"),
                    true,
                    "call",
                )
            }
            Some(FunctionResult::Value { ty, .. }) => (
                format!("pulumi.Output<{}>", m.type_expr(ty, Flavour::Output)),
                true,
                "callSingle",
            ),
            None => ("void".to_string(), false, "call"),
        };
        out.push(Method {
            doc: jsdoc(f.docs.as_deref(), f.deprecation.as_deref()),
            name: name.clone(),
            params,
            return_type,
            returns,
            default_args: !args.is_empty() && all_optional,
            call: call.into(),
            token: string_literal(&f.token.to_string()),
            arguments,
            deprecation_warning: f
                .deprecation
                .as_ref()
                .map(|d| string_literal(&format!("{class}.{name} is deprecated: {d}"))),
        });
    }
    (out, ifaces)
}

fn resource_file(
    r: &Resource,
    class: &str,
    dir: &str,
    layout: &Layout,
    functions: &BTreeMap<Token, &Function>,
) -> ResourceFile {
    let mut m = TypeMapper::for_resource(&layout.names, depth(dir), &r.token);
    let args_name = format!("{class}Args");
    let state_name = format!("{class}State");
    let inputs = unique(&r.inputs);
    // Outputs named like base-class members (`urn`, `id`, `getProvider`, …) would clobber
    // those members when the runtime resolves outputs onto the instance; the base member
    // already carries `urn`/`id`, so such outputs are left out of the class entirely.
    let outputs: Vec<&Property> = unique(&r.outputs)
        .into_iter()
        .filter(|p| !naming::BASE_CLASS_MEMBERS.contains(&p.name.wire.as_str()))
        .collect();
    let input_wires: BTreeSet<&str> = inputs.iter().map(|p| p.name.wire.as_str()).collect();

    // Provider outputs arrive JSON-encoded unless they are strings, so (as the official
    // generator does) only string-typed provider outputs become class properties.
    let properties = outputs
        .iter()
        .filter(|p| {
            !r.is_provider
                || matches!(
                    p.ty,
                    TypeRef::Primitive {
                        primitive: Primitive::String
                    }
                )
        })
        .map(|p| {
            let t = m.property(p, Flavour::Output, !p.required);
            ClassProperty {
                doc: jsdoc(p.docs.as_deref(), p.deprecation.as_deref()),
                key: property_key(&p.name.wire),
                ty: format!("pulumi.Output<{t}>"),
            }
        })
        .collect();

    let mut required_checks = Vec::new();
    let mut input_assigns = Vec::new();
    for p in &inputs {
        let wire = &p.name.wire;
        if p.required && p.const_value.is_none() {
            required_checks.push(RequiredCheck {
                access: format!("args{}", optional_member(wire)),
                message: string_literal(&format!("Missing required property '{wire}'")),
            });
        }
        let mut value = if p.secret {
            format!(
                "args{} ? pulumi.secret(args{}) : undefined",
                optional_member(wire),
                member(wire)
            )
        } else {
            format!("args{}", optional_member(wire))
        };
        if let Some(c) = &p.const_value {
            value = ts_literal(c);
        } else {
            if let Some(d) = p.default.as_ref().and_then(|d| default_expr(d, &p.ty)) {
                value = format!("({value}) ?? {d}");
            }
            let is_string = matches!(
                p.ty,
                TypeRef::Primitive {
                    primitive: Primitive::String
                }
            );
            if r.is_provider && !is_string {
                value = format!("pulumi.output({value}).apply(JSON.stringify)");
            }
        }
        input_assigns.push(Assign {
            key: string_literal(wire),
            value,
        });
    }
    let output_only_keys = outputs
        .iter()
        .filter(|p| !input_wires.contains(p.name.wire.as_str()))
        .map(|p| string_literal(&p.name.wire))
        .collect();
    let all_output_keys = outputs
        .iter()
        .map(|p| string_literal(&p.name.wire))
        .collect();

    let has_state = r.state_inputs.is_some() && !r.is_provider && !r.is_component;
    let state_props: Vec<&Property> = r.state_inputs.as_deref().map(unique).unwrap_or_default();
    let state_assigns = state_props
        .iter()
        .map(|p| Assign {
            key: string_literal(&p.name.wire),
            value: format!("state{}", optional_member(&p.name.wire)),
        })
        .collect();

    let secret_outputs: Vec<String> = outputs
        .iter()
        .filter(|p| p.secret)
        .map(|p| p.name.wire.clone())
        .collect();
    let mut replace: Vec<String> = inputs
        .iter()
        .chain(outputs.iter())
        .filter(|p| p.replace_on_changes)
        .map(|p| p.name.wire.clone())
        .collect();
    replace.sort();
    replace.dedup();
    let aliases = if r.aliases.is_empty() {
        None
    } else {
        let items: Vec<String> = r
            .aliases
            .iter()
            .map(|a| {
                let mut parts = Vec::new();
                if let Some(n) = &a.name {
                    parts.push(format!("name: {}", string_literal(n)));
                }
                if let Some(p) = &a.project {
                    parts.push(format!("project: {}", string_literal(p)));
                }
                if let Some(t) = &a.ty {
                    parts.push(format!("type: {}", string_literal(t)));
                }
                format!("{{ {} }}", parts.join(", "))
            })
            .collect();
        Some(format!("[{}]", items.join(", ")))
    };

    let args = Interface {
        alias_of: None,
        doc: plain(&format!(
            "The set of arguments for constructing a {class} resource."
        )),
        name: args_name.clone(),
        fields: inputs
            .iter()
            .map(|p| field(&mut m, p, Flavour::Input, false, false))
            .collect(),
    };
    let state = has_state.then(|| Interface {
        alias_of: None,
        doc: plain(&format!(
            "Input properties used for looking up and filtering {class} resources."
        )),
        name: state_name.clone(),
        fields: state_props
            .iter()
            .map(|p| field(&mut m, p, Flavour::Input, false, true))
            .collect(),
    });
    let (base_class, options_type) = if r.is_provider {
        ("ProviderResource", "ResourceOptions")
    } else if r.is_component {
        ("ComponentResource", "ComponentResourceOptions")
    } else {
        ("CustomResource", "CustomResourceOptions")
    };
    let pulumi_type = if r.is_provider {
        string_literal(&r.token.name)
    } else {
        string_literal(&r.token.to_string())
    };
    let prop_names: Vec<&str> = outputs.iter().map(|p| p.name.wire.as_str()).collect();
    let (methods, method_types) = methods(r, class, functions, &prop_names, &mut m);
    ResourceFile {
        header: header(),
        imports: imports(dir, &m.uses, layout, true, true),
        doc: jsdoc(r.docs.as_deref(), r.deprecation.as_deref()),
        class_name: class.to_string(),
        base_class: base_class.into(),
        options_type: options_type.into(),
        pulumi_type,
        is_provider: r.is_provider,
        is_component: r.is_component,
        has_get: !r.is_provider && !r.is_component,
        has_state,
        deprecation_warning: r
            .deprecation
            .as_ref()
            .map(|d| string_literal(&format!("{class} is deprecated: {d}"))),
        deprecation_doc: r
            .deprecation
            .as_deref()
            .map(|d| jsdoc(None, Some(d)))
            .unwrap_or_default(),
        properties,
        args_name,
        state_name,
        args_optional: !inputs.iter().any(|p| p.required && p.const_value.is_none()),
        required_checks,
        input_assigns,
        output_only_keys,
        all_output_keys,
        state_assigns,
        aliases,
        secret_outputs: list_literal(&secret_outputs),
        replace_on_changes: list_literal(&replace),
        state,
        args,
        methods,
        method_types,
    }
}

fn function_file(f: &Function, n: &FnName, dir: &str, layout: &Layout) -> FunctionFile {
    let mut m = TypeMapper::new(&layout.names, depth(dir));
    let t = &n.title;
    let args_props: Option<Vec<&Property>> = f.inputs.as_ref().map(|i| unique(&i.properties));
    let all_optional = args_props
        .as_ref()
        .map(|ps| ps.iter().all(|p| !p.required))
        .unwrap_or(true);
    let (params, output_params) = match &args_props {
        Some(_) => {
            let q = if all_optional { "?" } else { "" };
            (
                format!("args{q}: {t}Args, "),
                format!("args{q}: {t}OutputArgs, "),
            )
        }
        None => (String::new(), String::new()),
    };
    let arguments = args_props
        .as_ref()
        .map(|ps| {
            ps.iter()
                .map(|p| Assign {
                    key: string_literal(&p.name.wire),
                    value: format!("args{}", member(&p.name.wire)),
                })
                .collect()
        })
        .unwrap_or_default();
    let args_doc = f.inputs.as_ref().and_then(|i| i.docs.as_deref());
    let args = args_props.as_ref().map(|ps| Interface {
        alias_of: None,
        doc: jsdoc(args_doc, None),
        name: format!("{t}Args"),
        fields: ps
            .iter()
            .map(|p| field(&mut m, p, Flavour::Plain, false, false))
            .collect(),
    });
    let output_args = args_props.as_ref().map(|ps| Interface {
        alias_of: None,
        doc: jsdoc(args_doc, None),
        name: format!("{t}OutputArgs"),
        fields: ps
            .iter()
            .map(|p| field(&mut m, p, Flavour::Input, false, false))
            .collect(),
    });
    let (result_type, result, invoke, invoke_output) = match &f.outputs {
        Some(FunctionResult::Object { shape }) => {
            let props = unique(&shape.properties);
            let i = Interface {
                alias_of: None,
                doc: jsdoc(shape.docs.as_deref(), None),
                name: format!("{t}Result"),
                fields: props
                    .iter()
                    .map(|p| field(&mut m, p, Flavour::Output, true, false))
                    .collect(),
            };
            (format!("{t}Result"), Some(i), "invoke", "invokeOutput")
        }
        Some(FunctionResult::Value { ty, .. }) => (
            m.type_expr(ty, Flavour::Output),
            None,
            "invokeSingle",
            "invokeSingleOutput",
        ),
        None => ("void".to_string(), None, "invoke", "invokeOutput"),
    };
    FunctionFile {
        header: header(),
        imports: imports(dir, &m.uses, layout, true, true),
        doc: jsdoc(f.docs.as_deref(), f.deprecation.as_deref()),
        name: n.name.clone(),
        output_name: format!("{}Output", n.name),
        token: string_literal(&f.token.to_string()),
        deprecation_warning: f
            .deprecation
            .as_ref()
            .map(|d| string_literal(&format!("{} is deprecated: {d}", n.name))),
        params,
        output_params,
        default_args: args_props.is_some() && all_optional,
        invoke: invoke.into(),
        invoke_output: invoke_output.into(),
        result_type,
        arguments,
        args,
        result,
        output_args,
    }
}

fn object_interface(o: &ObjectType, name: &str, flavour: Flavour, m: &mut TypeMapper) -> Interface {
    // Output object types are not `readonly` in the official SDKs (only function results
    // are); programs that build such values in tests must keep compiling.
    Interface {
        doc: jsdoc(o.docs.as_deref(), None),
        name: name.to_string(),
        fields: unique(&o.properties)
            .into_iter()
            .map(|p| field(m, p, flavour, false, false))
            .collect(),
        alias_of: None,
    }
}

fn enum_model(e: &EnumType, name: &str) -> Enum {
    let mut scope = Scope::new();
    let members = e
        .values
        .iter()
        .map(|v| {
            let key = scope.claim(
                &naming::enum_member_name(v.name.as_deref(), &v.value, name),
                &[],
            );
            EnumMember {
                doc: jsdoc(v.docs.as_deref(), v.deprecation.as_deref()),
                key,
                value: ts_literal(&v.value),
            }
        })
        .collect();
    Enum {
        doc: jsdoc(e.docs.as_deref(), None),
        name: name.to_string(),
        members,
    }
}

fn submodule(node: &ModNode, path: String) -> Submodule {
    let export_spec = if node.local == node.exported {
        node.local.clone()
    } else {
        format!("{} as {}", node.local, node.exported)
    };
    Submodule {
        local: node.local.clone(),
        exported: node.exported.clone(),
        path: string_literal(&path),
        export_spec,
    }
}

fn pretty_json(v: &Value) -> String {
    use serde::Serialize;
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if v.serialize(&mut ser).is_err() {
        return "null".into();
    }
    String::from_utf8(buf).unwrap_or_else(|_| "null".into())
}

/// Plans every file of the TypeScript SDK for `pkg`.
pub fn plan(pkg: &Package) -> Vec<Artifact> {
    let opts = NodeOptions::from_package(pkg);
    let layout = layout(pkg, &opts);
    let mut out = Vec::new();
    // Functions that implement methods are generated on their classes, not standalone.
    let method_tokens: BTreeSet<&Token> = pkg
        .resources
        .iter()
        .chain(std::iter::once(&pkg.provider))
        .flat_map(|r| r.methods.values())
        .collect();
    let function_by_token: BTreeMap<Token, &Function> =
        pkg.functions.iter().map(|f| (f.token.clone(), f)).collect();

    // Resources and the provider.
    let mut by_module_res: BTreeMap<Vec<String>, Vec<&Resource>> = BTreeMap::new();
    for r in &pkg.resources {
        let key = layout.key(&r.module, &opts);
        let rn = &layout.resources[&r.token];
        let dir = layout.dir(&key);
        out.push(Artifact::template(
            join(&dir, &format!("{}.ts", rn.stem)),
            T_RESOURCE,
            &resource_file(r, &rn.class, &dir, &layout, &function_by_token),
        ));
        by_module_res.entry(key).or_default().push(r);
    }
    let provider_class = "Provider";
    out.push(Artifact::template(
        format!("{}.ts", layout.provider_stem),
        T_RESOURCE,
        &resource_file(
            &pkg.provider,
            provider_class,
            "",
            &layout,
            &function_by_token,
        ),
    ));

    let mut by_module_fn: BTreeMap<Vec<String>, Vec<&Function>> = BTreeMap::new();
    for f in pkg
        .functions
        .iter()
        .filter(|f| !method_tokens.contains(&f.token))
    {
        let key = layout.key(&f.module, &opts);
        let n = &layout.functions[&f.token];
        let dir = layout.dir(&key);
        out.push(Artifact::template(
            join(&dir, &format!("{}.ts", n.stem)),
            T_FUNCTION,
            &function_file(f, n, &dir, &layout),
        ));
        by_module_fn.entry(key).or_default().push(f);
    }

    // Types: one file per module and kind, plus the namespace files re-exporting them.
    let mut in_files: BTreeMap<ModKey, Vec<Interface>> = BTreeMap::new();
    let mut out_files: BTreeMap<ModKey, Vec<Interface>> = BTreeMap::new();
    let mut in_mappers: BTreeMap<ModKey, TypeMapper> = BTreeMap::new();
    let mut out_mappers: BTreeMap<ModKey, TypeMapper> = BTreeMap::new();
    let mapper = |kind: TypeKind, key: &ModKey| {
        let path = layout.type_file(kind, key);
        TypeMapper::for_type_file(&layout.names, depth(parent_dir(&path)), kind, key.clone())
    };
    let mut enums_by_key: BTreeMap<Vec<String>, Vec<Enum>> = BTreeMap::new();
    for (token, t) in &pkg.types {
        let key = layout.key(t.module(), &opts);
        match t {
            TypeDef::Object(o) => {
                let names = &layout.names.objects[token];
                // An alias lives in its canonical type's file (same module), so the bare
                // name resolves.
                let canonical = o.alias_of.as_ref().map(|c| &layout.names.objects[c]);
                let alias = |name: &str, target: Option<&str>| Interface {
                    doc: Doc::default(),
                    name: name.to_string(),
                    fields: Vec::new(),
                    alias_of: target.map(str::to_string),
                };
                if o.usage.input {
                    let i = match canonical {
                        Some(c) => alias(&names.input, Some(&c.input)),
                        None => {
                            let m = in_mappers
                                .entry(key.clone())
                                .or_insert_with(|| mapper(TypeKind::Input, &key));
                            object_interface(o, &names.input, Flavour::Input, m)
                        }
                    };
                    in_files.entry(key.clone()).or_default().push(i);
                }
                if o.usage.output {
                    let i = match canonical {
                        Some(c) => alias(&names.output, Some(&c.output)),
                        None => {
                            let m = out_mappers
                                .entry(key.clone())
                                .or_insert_with(|| mapper(TypeKind::Output, &key));
                            object_interface(o, &names.output, Flavour::Output, m)
                        }
                    };
                    out_files.entry(key).or_default().push(i);
                }
            }
            TypeDef::Enum(e) => {
                let names = &layout.names.enums[token];
                enums_by_key
                    .entry(key)
                    .or_default()
                    .push(enum_model(e, &names.name));
            }
        }
    }
    let has_input = !in_files.is_empty();
    let has_output = !out_files.is_empty();
    let has_enums = !enums_by_key.is_empty();
    for (kind, files, mut mappers, tree) in [
        (TypeKind::Input, in_files, in_mappers, &layout.input_tree),
        (
            TypeKind::Output,
            out_files,
            out_mappers,
            &layout.output_tree,
        ),
    ] {
        for (key, mut interfaces) in files {
            interfaces.sort_by(|a, b| a.name.cmp(&b.name));
            let path = layout.type_file(kind, &key);
            let uses = mappers.remove(&key).map(|m| m.uses).unwrap_or_default();
            out.push(Artifact::template(
                format!("{path}.ts"),
                T_TYPES,
                &TypesFile {
                    header: header(),
                    imports: imports(parent_dir(&path), &uses, &layout, true, false),
                    interfaces,
                },
            ));
        }
        for (key, (own, children)) in &tree.namespaces {
            let path = &tree.paths[key];
            let dir = parent_dir(path);
            let submodules = children
                .iter()
                .map(|c| {
                    let ns = layout.nodes[c]
                        .namespace
                        .last()
                        .cloned()
                        .unwrap_or_default();
                    Submodule {
                        local: ns.clone(),
                        exported: ns.clone(),
                        path: string_literal(&relative(dir, &tree.paths[c])),
                        export_spec: ns,
                    }
                })
                .collect();
            out.push(Artifact::template(
                format!("{path}.ts"),
                T_TYPES_INDEX,
                &ReexportFile {
                    header: header(),
                    submodules,
                    star_exports: own
                        .iter()
                        .map(|o| string_literal(&relative(dir, o)))
                        .collect(),
                },
            ));
        }
    }
    for key in &layout.enum_dirs {
        let dir = layout.dir(key);
        let node = &layout.nodes[key];
        let submodules = node
            .children
            .iter()
            .filter(|c| layout.enum_dirs.contains(*c))
            .map(|c| {
                submodule(
                    &layout.nodes[c],
                    format!("./{}", dir_last(&layout.nodes[c].dir)),
                )
            })
            .collect();
        let mut enums = enums_by_key.remove(key).unwrap_or_default();
        enums.sort_by(|a, b| a.name.cmp(&b.name));
        out.push(Artifact::template(
            join(&join("types/enums", &dir), "index.ts"),
            T_ENUMS,
            &EnumsFile {
                header: header(),
                submodules,
                enums,
            },
        ));
    }
    if has_input || has_output || has_enums {
        let mut submodules = Vec::new();
        let mk = |name: &str| Submodule {
            local: name.into(),
            exported: name.into(),
            path: string_literal(&format!("./{name}")),
            export_spec: name.into(),
        };
        if has_enums {
            submodules.push(mk("enums"));
        }
        if has_input {
            submodules.push(Submodule {
                path: string_literal("./input"),
                ..mk("input")
            });
        }
        if has_output {
            submodules.push(mk("output"));
        }
        out.push(Artifact::template(
            "types/index.ts",
            T_REEXPORT,
            &ReexportFile {
                header: header(),
                submodules,
                star_exports: vec![],
            },
        ));
    }

    // Config.
    if !pkg.config.is_empty() {
        let mut m = TypeMapper::new(&layout.names, 1);
        let mut scope = Scope::new();
        for r in [
            "__config",
            "pulumi",
            "utilities",
            "inputs",
            "outputs",
            "enums",
            "exports",
        ] {
            scope.reserve(r);
        }
        let vars = unique(&pkg.config)
            .into_iter()
            .map(|p| {
                let name = scope.claim(&naming::sanitize_ident(&p.name.wire, false), &[]);
                let base = m.type_expr(&p.ty, Flavour::Output);
                let key = string_literal(&p.name.wire);
                let mut getter = match &p.ty {
                    TypeRef::Primitive {
                        primitive: Primitive::String,
                    } => format!("__config.get({key})"),
                    TypeRef::Primitive {
                        primitive: Primitive::Boolean,
                    } => format!("__config.getBoolean({key})"),
                    TypeRef::Primitive {
                        primitive: Primitive::Integer | Primitive::Number,
                    } => format!("__config.getNumber({key})"),
                    _ => format!("__config.getObject<{base}>({key})"),
                };
                let literal_default = p
                    .default
                    .as_ref()
                    .and_then(|d| d.value.as_ref())
                    .is_some_and(|v| !v.is_null());
                if let Some(d) = p.default.as_ref().and_then(|d| default_expr(d, &p.ty)) {
                    getter = format!("{getter} ?? {d}");
                }
                let ty = if literal_default || base == "any" {
                    base
                } else {
                    format!("{base} | undefined")
                };
                ConfigVar {
                    doc: jsdoc(p.docs.as_deref(), p.deprecation.as_deref()),
                    name_literal: string_literal(&name),
                    name,
                    ty,
                    getter,
                }
            })
            .collect();
        let imports = imports("config", &m.uses, &layout, true, true);
        out.push(Artifact::template(
            "config/vars.ts",
            T_CONFIG,
            &ConfigFile {
                header: header(),
                imports,
                package: string_literal(&pkg.name),
                vars,
            },
        ));
        out.push(Artifact::template(
            "config/index.ts",
            T_REEXPORT,
            &ReexportFile {
                header: header(),
                submodules: vec![],
                star_exports: vec![string_literal("./vars")],
            },
        ));
    }

    // Module indexes.
    for key in &layout.dirs {
        let node = &layout.nodes[key];
        let dir = &node.dir;
        let root = root_prefix(dir);
        let mut resources = Vec::new();
        let mut constructs = Vec::new();
        let mut regs = BTreeSet::new();
        if key.is_empty() {
            let mut exports = vec!["ProviderArgs".to_string()];
            exports.dedup();
            resources.push(LazyResource {
                class_name: provider_class.into(),
                path: string_literal(&format!("./{}", layout.provider_stem)),
                type_exports: exports.join(", "),
                names_list: string_literal(provider_class),
            });
        }
        for r in by_module_res
            .get(key)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let rn = &layout.resources[&r.token];
            let mut te = vec![format!("{}Args", rn.class)];
            if r.state_inputs.is_some() && !r.is_component {
                te.push(format!("{}State", rn.class));
            }
            resources.push(LazyResource {
                class_name: rn.class.clone(),
                path: string_literal(&format!("./{}", rn.stem)),
                type_exports: te.join(", "),
                names_list: string_literal(&rn.class),
            });
            constructs.push(Construct {
                token: string_literal(&r.token.to_string()),
                class_name: rn.class.clone(),
            });
            regs.insert(string_literal(&r.token.module));
        }
        let mut functions = Vec::new();
        for f in by_module_fn.get(key).map(Vec::as_slice).unwrap_or_default() {
            let n = &layout.functions[&f.token];
            let mut te = Vec::new();
            if f.inputs.is_some() {
                te.push(format!("{}Args", n.title));
            }
            if matches!(f.outputs, Some(FunctionResult::Object { .. })) {
                te.push(format!("{}Result", n.title));
            }
            if f.inputs.is_some() {
                te.push(format!("{}OutputArgs", n.title));
            }
            functions.push(LazyFunction {
                name: n.name.clone(),
                output_name: format!("{}Output", n.name),
                path: string_literal(&format!("./{}", n.stem)),
                type_exports: te.join(", "),
                names_list: format!(
                    "{}, {}",
                    string_literal(&n.name),
                    string_literal(&format!("{}Output", n.name))
                ),
            });
        }
        let enums = layout.enum_dirs.contains(key).then(|| {
            let p = join(&format!("{root}types/enums"), dir);
            string_literal(&p)
        });
        let mut submodules: Vec<Submodule> = Vec::new();
        if key.is_empty() {
            if !pkg.config.is_empty() {
                submodules.push(Submodule {
                    local: "config".into(),
                    exported: "config".into(),
                    path: string_literal("./config"),
                    export_spec: "config".into(),
                });
            }
            if has_input || has_output || has_enums {
                submodules.push(Submodule {
                    local: "types".into(),
                    exported: "types".into(),
                    path: string_literal("./types"),
                    export_spec: "types".into(),
                });
            }
        }
        for c in &node.children {
            let already = submodules
                .iter()
                .any(|s| s.exported == layout.nodes[c].exported);
            if layout.dirs.contains(c) && !already {
                let cn = &layout.nodes[c];
                submodules.push(submodule(cn, format!("./{}", dir_last(&cn.dir))));
            }
        }
        submodules.sort_by(|a, b| a.exported.cmp(&b.exported));
        let provider_type = key
            .is_empty()
            .then(|| string_literal(&format!("pulumi:providers:{}", pkg.name)));
        let needs_pulumi = !constructs.is_empty() || provider_type.is_some();
        out.push(Artifact::template(
            join(dir, "index.ts"),
            T_INDEX,
            &ModuleIndex {
                header: header(),
                utilities: string_literal(&format!("{root}utilities")),
                resources,
                functions,
                enums,
                submodules,
                constructs,
                module_registrations: regs.into_iter().collect(),
                package: string_literal(&pkg.name),
                provider_type,
                needs_pulumi,
            },
        ));
    }

    // Utilities and manifests.
    let extra_defaults = pkg
        .meta
        .plugin_download_url
        .as_ref()
        .map(|u| format!(", pluginDownloadURL: {}", string_literal(u)))
        .unwrap_or_default();
    out.push(Artifact::template(
        "utilities.ts",
        T_UTILITIES,
        &UtilitiesFile {
            header: header(),
            extra_defaults,
        },
    ));
    out.push(Artifact::template(
        "package.json",
        T_PACKAGE_JSON,
        &package_json(pkg, &opts),
    ));
    out.push(Artifact::bytes("pulumi-plugin.json", plugin_json(pkg)));
    out.push(Artifact::bytes("README.md", readme::render(pkg, &readme_of(pkg, &opts, &layout))));

    let mut files: Vec<String> = out
        .iter()
        .map(|a| a.path.clone())
        .filter(|p| p.ends_with(".ts"))
        .collect();
    files.sort();
    out.push(Artifact::template(
        "tsconfig.json",
        T_TSCONFIG,
        &TsConfig {
            header: header(),
            files: files.iter().map(|f| string_literal(f)).collect(),
        },
    ));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// TypeScript's part of the README: `npm install`, and the first program spelled with the
/// layout's own class and namespace names.
fn readme_of(pkg: &Package, opts: &NodeOptions, layout: &Layout) -> readme::LanguageReadme {
    let npm = opts.package_name.clone().unwrap_or_else(|| format!("@pulumi/{}", pkg.name));
    let alias = sanitize_ident(&pkg.name, false);
    let program = readme::example(pkg).map(|ex| {
        let key = layout.key(&ex.resource.module, opts);
        let mut path = vec![alias.clone()];
        path.extend(layout.nodes.get(&key).map(|n| n.namespace.clone()).unwrap_or_default());
        path.push(layout.resources[&ex.resource.token].class.clone());
        let args: String = ex
            .inputs
            .iter()
            .map(|p| format!("    {}: {},\n", p.name.wire, string_literal(readme::PLACEHOLDER)))
            .collect();
        let args = if args.is_empty() { String::new() } else { format!(", {{\n{args}}}") };
        readme::Snippet {
            fence: "typescript",
            code: format!(
                "import * as {alias} from {};\n\nconst {var} = new {}({}{args});\n\nexport const id = {var}.id;\n",
                string_literal(&npm),
                path.join("."),
                string_literal(&ex.var),
                var = ex.var,
            ),
        }
    });
    readme::LanguageReadme {
        language: "TypeScript",
        package_ref: npm.clone(),
        install: vec![readme::Snippet { fence: "sh", code: format!("npm install {}", readme::shell_word(&npm)) }],
        program,
        verbatim: pkg.meta.language.get("nodejs").and_then(|v| v.get("readme")).and_then(Value::as_str).map(str::to_string),
    }
}

/// The directory of a path from the root (`""` for a file at the root).
fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

fn dir_last(dir: &str) -> &str {
    dir.rsplit('/').next().unwrap_or(dir)
}

fn version_of(pkg: &Package) -> String {
    pkg.version
        .clone()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "0.0.0".into())
}

fn package_json(pkg: &Package, opts: &NodeOptions) -> PackageJson {
    let mut entries = Vec::new();
    let mut push = |k: &str, v: Value| {
        entries.push(JsonEntry {
            key: string_literal(k),
            value: pretty_json(&v).replace('\n', "\n    "),
        })
    };
    push(
        "name",
        Value::String(
            opts.package_name
                .clone()
                .unwrap_or_else(|| format!("@pulumi/{}", pkg.name)),
        ),
    );
    push("version", Value::String(version_of(pkg)));
    if let Some(d) = opts
        .package_description
        .clone()
        .or_else(|| pkg.meta.description.clone())
    {
        push("description", Value::String(d));
    }
    if !pkg.meta.keywords.is_empty() {
        push(
            "keywords",
            Value::Array(
                pkg.meta
                    .keywords
                    .iter()
                    .cloned()
                    .map(Value::String)
                    .collect(),
            ),
        );
    }
    for (k, v) in [
        ("homepage", &pkg.meta.homepage),
        ("repository", &pkg.meta.repository),
        ("license", &pkg.meta.license),
    ] {
        if let Some(v) = v {
            push(k, Value::String(v.clone()));
        }
    }
    push("scripts", serde_json::json!({ "build": "tsc" }));
    let mut deps: serde_json::Map<String, Value> = opts
        .dependencies
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    // The generated code calls `invokeOutput`; an older floor from the schema would not compile.
    deps.insert(
        "@pulumi/pulumi".into(),
        Value::String(PULUMI_DEPENDENCY.into()),
    );
    push("dependencies", Value::Object(deps));
    let mut dev: serde_json::Map<String, Value> = serde_json::Map::new();
    dev.insert("@types/node".into(), Value::String("^18.0.0".into()));
    dev.insert("typescript".into(), Value::String("^5.0.0".into()));
    for (k, v) in &opts.dev_dependencies {
        dev.insert(k.clone(), Value::String(v.clone()));
    }
    push("devDependencies", Value::Object(dev));
    let mut pulumi = serde_json::Map::new();
    pulumi.insert("resource".into(), Value::Bool(true));
    pulumi.insert("name".into(), Value::String(pkg.name.clone()));
    if let Some(v) = &pkg.version {
        pulumi.insert("version".into(), Value::String(v.clone()));
    }
    if let Some(u) = &pkg.meta.plugin_download_url {
        pulumi.insert("server".into(), Value::String(u.clone()));
    }
    push("pulumi", Value::Object(pulumi));
    PackageJson { entries }
}

fn plugin_json(pkg: &Package) -> Vec<u8> {
    let mut o = serde_json::Map::new();
    o.insert("resource".into(), Value::Bool(true));
    o.insert("name".into(), Value::String(pkg.name.clone()));
    if let Some(v) = &pkg.version {
        o.insert("version".into(), Value::String(v.clone()));
    }
    if let Some(u) = &pkg.meta.plugin_download_url {
        o.insert("server".into(), Value::String(u.clone()));
    }
    let mut s = pretty_json(&Value::Object(o));
    s.push('\n');
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_render_as_expressions() {
        let d = DefaultValue {
            value: Some(serde_json::json!("a\"b")),
            environment: vec![],
            extra: Default::default(),
        };
        assert_eq!(default_expr(&d, &TypeRef::string()).unwrap(), "\"a\\\"b\"");
        let d = DefaultValue {
            value: Some(serde_json::json!(true)),
            environment: vec!["X".into(), "Y".into()],
            extra: Default::default(),
        };
        assert_eq!(
            default_expr(&d, &TypeRef::boolean()).unwrap(),
            "(<any>utilities.getEnvBoolean(\"X\", \"Y\") || true)"
        );
        let d = DefaultValue {
            value: None,
            environment: vec!["X".into()],
            extra: Default::default(),
        };
        assert_eq!(
            default_expr(&d, &TypeRef::string()).unwrap(),
            "utilities.getEnv(\"X\")"
        );
        let d = DefaultValue {
            value: None,
            environment: vec![],
            extra: Default::default(),
        };
        assert_eq!(default_expr(&d, &TypeRef::string()), None);
    }

    #[test]
    fn literals() {
        assert_eq!(
            ts_literal(&serde_json::json!({"a": [1, "x"]})),
            "{\"a\": [1, \"x\"]}"
        );
        assert_eq!(ts_literal(&serde_json::json!(1.5)), "1.5");
    }

    #[test]
    fn module_segments_respect_overrides() {
        let mut o = NodeOptions::default();
        assert_eq!(segments("index", &o), Vec::<String>::new());
        assert_eq!(segments("tree/v1", &o), vec!["tree", "v1"]);
        o.module_to_package.insert("s3".into(), "storage/s3".into());
        assert_eq!(segments("s3", &o), vec!["storage", "s3"]);
        assert_eq!(dir_segment("ok-dir"), "ok-dir");
        assert_eq!(dir_segment("a b"), "aB");
    }
}

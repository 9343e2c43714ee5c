//! Package → artifacts for the Python target: decides the layout (`pulumi_<pkg>/` with one
//! subpackage per module), allocates every name through [`super::naming`], renders types
//! through [`super::types`] and fills the view models of [`super::model`].

use super::docs::{clean, docstring, py_long_str, py_str, py_value};
use super::model::*;
use super::naming::{self, allocate_snake, class_name, member_snake_name, py_name, Scope};
use super::types::{EnumNames, FileKind, Flavor, NameTables, ObjectNames, ResourceNames, TypeCtx};
use crate::backends::readme;
use crate::backends::common::GENERATED_HEADER;
use crate::backends::Artifact;
use crate::ir::{FunctionResult, Package, Primitive, Property, Resource, Token, TypeDef, TypeRef};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Names every generated module namespace already uses (typing imports, helpers): a class
/// with one of these names would shadow them, so it gets a `_`.
const MODULE_RESERVED: &[&str] = &[
    "Any",
    "Awaitable",
    "Enum",
    "Literal",
    "Mapping",
    "NotRequired",
    "Optional",
    "Sequence",
    "TypeAlias",
    "TypedDict",
    "Union",
    "cast",
    "overload",
    "pulumi",
    "warnings",
    "sys",
    "typing",
    "types",
    "outputs",
    "_utilities",
    "_builtins",
    "_enums",
    "_inputs",
    "config",
];

/// Per-package settings read from `language.python`.
pub struct Settings {
    pub package: String,
    pub module_overrides: BTreeMap<String, String>,
    pub name_overrides: BTreeMap<String, String>,
    pub typed_dicts: bool,
    pub tfbridge: bool,
    pub python: Value,
}

impl Settings {
    pub fn from(pkg: &Package) -> Settings {
        let python = pkg
            .meta
            .language
            .get("python")
            .cloned()
            .unwrap_or(Value::Null);
        let map = |key: &str| -> BTreeMap<String, String> {
            python
                .get(key)
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                        .collect()
                })
                .unwrap_or_default()
        };
        let input_types = python
            .get("inputTypes")
            .and_then(Value::as_str)
            .unwrap_or("classes-and-dicts");
        Settings {
            package: naming::package_name(&pkg.name, &python),
            module_overrides: map("moduleNameOverrides"),
            name_overrides: map("nameOverrides"),
            typed_dicts: input_types != "classes",
            tfbridge: matches!(
                python.get("compatibility").and_then(Value::as_str),
                Some("tfbridge20") | Some("kubernetes20")
            ),
            python,
        }
    }
}

/// Everything about one Python module (a directory under the package).
#[derive(Default)]
struct Module {
    resources: Vec<usize>,
    /// Index `usize::MAX` is the provider.
    functions: Vec<usize>,
    objects: Vec<Token>,
    enums: Vec<Token>,
    files: Vec<String>,
}

const PROVIDER: usize = usize::MAX;

/// Plans every file of the package.
pub fn plan(pkg: &Package) -> Vec<Artifact> {
    let s = Settings::from(pkg);
    let mut p = Planner::new(pkg, s);
    p.run()
}

struct Planner<'a> {
    pkg: &'a Package,
    s: Settings,
    names: NameTables,
    modules: BTreeMap<String, Module>,
    /// Per-resource class/file names (index as in `pkg.resources`, `PROVIDER` for provider).
    res_names: BTreeMap<usize, ResourceNames>,
    fn_names: BTreeMap<usize, (String, String)>,
    /// Per object type: wire → attr.
    attrs: BTreeMap<Token, Vec<String>>,
    /// Per object type: attribute names of the output class.
    out_attrs: BTreeMap<Token, Vec<String>>,
    /// Per module: every class name its types and resources use, built on first use (a
    /// per-resource scan of all types was 23 % of generating AWS).
    taken: Option<BTreeMap<String, BTreeSet<String>>>,
    out: Vec<Artifact>,
}

/// Names a resource's `__init__` takes for itself (and the module imports it uses): an
/// input named like one gets a `_`.
const INIT_RESERVED: &[&str] = &[
    "resource_name",
    "opts",
    "__props__",
    "pulumi",
    "warnings",
    "typing",
    "_utilities",
    "_builtins",
    "__self__",
];

fn head(imports: BTreeSet<String>, module: &str, typed_dicts: bool) -> FileHead {
    let depth = if module.is_empty() {
        0
    } else {
        module.split('/').count()
    };
    FileHead {
        generated: GENERATED_HEADER.to_string(),
        imports: imports.into_iter().collect(),
        typed_dict_imports: typed_dicts,
        utilities_import: format!("from {} import _utilities", ".".repeat(depth + 1)),
    }
}

fn getter(wire: &str, attr: &str) -> String {
    if wire == attr {
        "@pulumi.getter".into()
    } else {
        format!("@pulumi.getter(name={})", py_str(wire))
    }
}

fn docs_of(p: &Property) -> String {
    p.docs.as_deref().map(clean).unwrap_or_default()
}

/// `:param <type> <name>: <docs>` lines for a docstring.
fn param_doc(ty: &str, name: &str, docs: &str) -> String {
    if docs.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for (i, l) in docs.lines().enumerate() {
        if i == 0 {
            out.push_str(&format!(":param {ty} {name}: {l}\n"));
        } else {
            out.push_str(&format!("       {l}\n"));
        }
    }
    out
}

/// What a name of a module's `__init__` is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Binding {
    /// A member exported by this file of the module.
    Member(String),
    /// The submodule of that name itself.
    Module,
}

/// The names a module's `__init__` binds, as its eager form did in order: each file (the
/// import binds the file's module, then `import *` its members, later ones winning), then
/// `_inputs`, `outputs` and the child packages. The lazy table must bind exactly these.
fn init_bindings<'n>(
    files: impl Iterator<Item = (&'n str, &'n [String])>,
    inputs: Option<&'n [String]>,
    has_outputs: bool,
    children: impl Iterator<Item = &'n str>,
) -> BTreeMap<String, Binding> {
    fn bind_file(out: &mut BTreeMap<String, Binding>, file: &str, names: &[String]) {
        out.insert(file.to_string(), Binding::Module);
        for n in names {
            out.insert(n.clone(), Binding::Member(file.to_string()));
        }
    }
    let mut out = BTreeMap::new();
    for (file, names) in files {
        bind_file(&mut out, file, names);
    }
    if let Some(names) = inputs {
        bind_file(&mut out, "_inputs", names);
    }
    if has_outputs {
        out.insert("outputs".into(), Binding::Module);
    }
    for c in children {
        out.insert(c.to_string(), Binding::Module);
    }
    out
}

/// Names as one space-separated Python string (a compact table: one constant to compile,
/// split at run time). Past a line's width, adjacent literals in parentheses, each line
/// indented by `indent` plus four spaces; every line but the last ends in the separator.
fn words_lit(names: &[&str], indent: &str) -> String {
    const WIDTH: usize = 80;
    let mut lines: Vec<String> = Vec::new();
    for n in names {
        match lines.last_mut() {
            Some(l) if l.len() + 1 + n.len() <= WIDTH => {
                l.push(' ');
                l.push_str(n);
            }
            last => {
                if let Some(l) = last {
                    l.push(' ');
                }
                lines.push(n.to_string());
            }
        }
    }
    match lines.as_slice() {
        [] => py_str(""),
        [one] => py_str(one),
        _ => {
            let mut out = String::from("(\n");
            for l in &lines {
                out.push_str(&format!("{indent}    {}\n", py_str(l)));
            }
            out.push_str(indent);
            out.push(')');
            out
        }
    }
}

/// Each name as a Python string literal (`__all__` entries).
fn lits(names: &[String]) -> Vec<String> {
    names.iter().map(|n| py_str(n)).collect()
}

fn list_lit(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| py_str(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Required properties first, then by wire name (the official order for types).
fn required_first(props: &[Property]) -> Vec<&Property> {
    let mut v: Vec<&Property> = props.iter().collect();
    v.sort_by(|a, b| {
        b.required
            .cmp(&a.required)
            .then_with(|| a.name.wire.cmp(&b.name.wire))
    });
    v
}

fn base_type(ty: &TypeRef) -> Option<Primitive> {
    match ty {
        TypeRef::Primitive { primitive } => Some(*primitive),
        _ => None,
    }
}

/// Python expression for a property default (literal and/or environment variables).
/// Defaults that do not match a primitive property type are cast, so mypy accepts them.
fn default_expr(p: &Property) -> Option<String> {
    let d = p.default.as_ref()?;
    let prim = base_type(&p.ty);
    let literal = d.value.as_ref().map(py_value);
    let env = if d.environment.is_empty() {
        None
    } else {
        let f = match prim {
            Some(Primitive::Boolean) => "_utilities.get_env_bool",
            Some(Primitive::Integer) => "_utilities.get_env_int",
            Some(Primitive::Number) => "_utilities.get_env_float",
            _ => "_utilities.get_env",
        };
        Some(format!(
            "{f}({})",
            d.environment
                .iter()
                .map(|e| py_str(e))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    let expr = match (env, literal) {
        (None, None) => return None,
        (Some(e), None) => e,
        (None, Some(l)) => l,
        (Some(e), Some(l)) => format!("({e} or {l})"),
    };
    let matches = match (prim, d.value.as_ref()) {
        (Some(Primitive::String), Some(Value::String(_)) | None) => true,
        (Some(Primitive::Boolean), Some(Value::Bool(_)) | None) => true,
        (Some(Primitive::Integer), Some(Value::Number(n))) => n.is_i64() || n.is_u64(),
        (Some(Primitive::Integer), None) => true,
        (Some(Primitive::Number), Some(Value::Number(_)) | None) => true,
        _ => false,
    };
    Some(if matches {
        expr
    } else {
        format!("cast(Any, {expr})")
    })
}

impl<'a> Planner<'a> {
    fn new(pkg: &'a Package, s: Settings) -> Self {
        let names = NameTables {
            typed_dicts: s.typed_dicts,
            ..Default::default()
        };
        Planner {
            pkg,
            s,
            names,
            modules: BTreeMap::new(),
            res_names: BTreeMap::new(),
            fn_names: BTreeMap::new(),
            attrs: BTreeMap::new(),
            out_attrs: BTreeMap::new(),
            taken: None,
            out: Vec::new(),
        }
    }

    fn module_of(&self, canonical: &str) -> String {
        naming::module_path(canonical, &self.s.module_overrides)
    }

    fn ensure_module(&mut self, m: &str) {
        let mut cur = String::new();
        self.modules.entry(String::new()).or_default();
        for part in m.split('/').filter(|p| !p.is_empty()) {
            if !cur.is_empty() {
                cur.push('/');
            }
            cur.push_str(part);
            self.modules.entry(cur.clone()).or_default();
        }
    }

    fn children(&self, m: &str) -> Vec<String> {
        self.modules
            .keys()
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

    fn fqn(&self, m: &str) -> String {
        if m.is_empty() {
            self.s.package.clone()
        } else {
            format!("{}.{}", self.s.package, m.replace('/', "."))
        }
    }

    fn override_name(&self, token: &Token) -> Option<String> {
        self.s
            .name_overrides
            .get(&token.to_string())
            .map(|n| naming::keyword_safe(naming::make_valid_identifier(n)))
    }

    /// Functions that are methods of a resource are not module-level functions.
    fn method_tokens(&self) -> BTreeSet<Token> {
        self.pkg
            .resources
            .iter()
            .chain(std::iter::once(&self.pkg.provider))
            .flat_map(|r| r.methods.values().cloned())
            .collect()
    }

    fn run(&mut self) -> Vec<Artifact> {
        let pkg = self.pkg;
        let methods = self.method_tokens();
        // Modules and their members.
        for (i, r) in pkg.resources.iter().enumerate() {
            let m = self.module_of(&r.module);
            self.ensure_module(&m);
            if let Some(x) = self.modules.get_mut(&m) {
                x.resources.push(i);
            }
        }
        self.modules
            .entry(String::new())
            .or_default()
            .resources
            .push(PROVIDER);
        for (i, f) in pkg.functions.iter().enumerate() {
            if methods.contains(&f.token) {
                continue;
            }
            let m = self.module_of(&f.module);
            self.ensure_module(&m);
            if let Some(x) = self.modules.get_mut(&m) {
                x.functions.push(i);
            }
        }
        let fn_types = self.function_types();
        for (tok, t) in &pkg.types {
            let m = self.module_of(t.module());
            match t {
                TypeDef::Object(o) if !(o.usage.input || o.usage.output) => continue,
                _ => {}
            }
            self.ensure_module(&m);
            let md = self.modules.get_mut(&m).expect("ensured");
            match t {
                TypeDef::Object(_) => md.objects.push(tok.clone()),
                TypeDef::Enum(_) => md.enums.push(tok.clone()),
            }
        }
        if !pkg.config.is_empty() {
            self.ensure_module("config");
        }

        // Names: per module, a namespace scope and a file scope.
        let module_keys: Vec<String> = self.modules.keys().cloned().collect();
        for m in &module_keys {
            let mut ns = Scope::with_reserved(MODULE_RESERVED.iter().copied());
            let mut files = Scope::with_reserved([
                "__init__",
                "_inputs",
                "outputs",
                "_enums",
                "_utilities",
                "vars",
            ]);
            for c in self.children(m) {
                ns.reserve(&c);
                files.reserve(&c);
            }
            if m.is_empty() && !pkg.config.is_empty() {
                files.reserve("config");
            }
            let md = &self.modules[m];
            let (enums, objects, resources, functions) = (
                md.enums.clone(),
                md.objects.clone(),
                md.resources.clone(),
                md.functions.clone(),
            );
            for tok in &enums {
                if let Some(TypeDef::Enum(e)) = pkg.types.get(tok) {
                    let class = ns.claim(
                        &self
                            .override_name(tok)
                            .unwrap_or_else(|| class_name(&tok.name)),
                    );
                    self.names.enums.insert(
                        tok.clone(),
                        EnumNames {
                            module: m.clone(),
                            class,
                            primitive: e.primitive,
                        },
                    );
                }
            }
            for tok in &objects {
                let base = self
                    .override_name(tok)
                    .unwrap_or_else(|| class_name(&tok.name));
                let output_base = if self.s.tfbridge && fn_types.contains(tok) {
                    format!("{base}Result")
                } else {
                    base.clone()
                };
                let input = ns.claim(&format!("{base}Args"));
                let dict = ns.claim(&format!("{base}ArgsDict"));
                let output = ns.claim(&output_base);
                self.names.objects.insert(
                    tok.clone(),
                    ObjectNames {
                        module: m.clone(),
                        input,
                        dict,
                        output,
                    },
                );
            }
            // Provider first: its file and class names are fixed.
            let mut ordered = resources.clone();
            ordered.sort_by_key(|i| if *i == PROVIDER { 0 } else { 1 });
            for i in ordered {
                let r = self.resource(i);
                let (class_base, file_base) = if r.is_provider {
                    ("Provider".to_string(), "provider".to_string())
                } else {
                    let c = self
                        .override_name(&r.token)
                        .unwrap_or_else(|| class_name(&r.token.name));
                    let f = py_name(&c);
                    (c, f)
                };
                let class = ns.claim(&class_base);
                // The args class name is the resource's (`XInitArgs` if a type took `XArgs`).
                let file = files.claim(&file_base);
                self.res_names.insert(
                    i,
                    ResourceNames {
                        module: m.clone(),
                        class: class.clone(),
                        file,
                    },
                );
                if !r.is_provider {
                    self.names.resources.insert(
                        r.token.clone(),
                        ResourceNames {
                            module: m.clone(),
                            class,
                            file: self.res_names[&i].file.clone(),
                        },
                    );
                }
            }
            for i in functions {
                let f = &pkg.functions[i];
                let snake = self
                    .override_name(&f.token)
                    .map(|n| py_name(&n))
                    .unwrap_or_else(|| member_snake_name(&f.token.name));
                let name = ns.claim(&snake);
                ns.reserve(&format!("{name}_output"));
                let file = files.claim(&name);
                self.fn_names.insert(i, (name, file));
            }
            let all_files: Vec<String> = self
                .res_names
                .iter()
                .filter(|(_, r)| &r.module == m)
                .map(|(_, r)| r.file.clone())
                .chain(
                    self.fn_names
                        .iter()
                        .filter(|(i, _)| self.module_of(&pkg.functions[**i].module) == *m)
                        .map(|(_, (_, f))| f.clone()),
                )
                .collect();
            self.modules.get_mut(m).expect("present").files = all_files;
        }
        // Attribute names per object type (shared by XArgs, XArgsDict and the output class).
        for (tok, t) in &pkg.types {
            if let TypeDef::Object(o) = t {
                let wires: Vec<&str> = o.properties.iter().map(|p| p.name.wire.as_str()).collect();
                // Input classes and TypedDicts share names; output classes subclass `dict`, so
                // they also keep clear of its methods.
                let base: &[&str] = &["pulumi", "_builtins", "_utilities"];
                self.attrs.insert(
                    tok.clone(),
                    allocate_snake(&wires, base, &self.s.name_overrides),
                );
                let mut reserved: Vec<&str> = naming::DICT_MEMBERS.to_vec();
                reserved.extend(base);
                self.out_attrs.insert(
                    tok.clone(),
                    allocate_snake(&wires, &reserved, &self.s.name_overrides),
                );
            }
        }

        for m in &module_keys {
            self.plan_module(m);
        }
        self.plan_package_files();
        std::mem::take(&mut self.out)
    }

    fn resource(&self, i: usize) -> &'a Resource {
        if i == PROVIDER {
            &self.pkg.provider
        } else {
            &self.pkg.resources[i]
        }
    }

    /// Object types reachable from function arguments or results (the official
    /// `tfbridge20` mode names their output flavour `XResult`).
    fn function_types(&self) -> BTreeSet<Token> {
        let mut set = BTreeSet::new();
        let mut stack: Vec<&TypeRef> = Vec::new();
        for f in &self.pkg.functions {
            if let Some(i) = &f.inputs {
                stack.extend(i.properties.iter().map(|p| &p.ty));
            }
            match &f.outputs {
                Some(FunctionResult::Object { shape }) => {
                    stack.extend(shape.properties.iter().map(|p| &p.ty))
                }
                Some(FunctionResult::Value { ty, .. }) => stack.push(ty),
                None => {}
            }
        }
        while let Some(t) = stack.pop() {
            match t {
                TypeRef::Array { items } => stack.push(items),
                TypeRef::Map { values } => stack.push(values),
                TypeRef::Union { types, .. } => stack.extend(types.iter()),
                TypeRef::Named { token } if set.insert(token.clone()) => {
                    if let Some(TypeDef::Object(o)) = self.pkg.types.get(token) {
                        stack.extend(o.properties.iter().map(|p| &p.ty));
                    }
                }
                _ => {}
            }
        }
        set
    }

    fn dir(&self, m: &str) -> String {
        if m.is_empty() {
            self.s.package.clone()
        } else {
            format!("{}/{}", self.s.package, m)
        }
    }

    fn push(&mut self, path: String, template: &'static str, model: &impl serde::Serialize) {
        self.out.push(Artifact::template(path, template, model));
    }

    fn plan_module(&mut self, m: &str) {
        let pkg = self.pkg;
        let md = &self.modules[m];
        let (resources, functions, objects, enums, files) = (
            md.resources.clone(),
            md.functions.clone(),
            md.objects.clone(),
            md.enums.clone(),
            md.files.clone(),
        );
        let dir = self.dir(m);
        // File → the names its `__all__` exports, for the `__init__`'s lazy table.
        let mut file_names: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for i in &resources {
            let model = self.resource_file(*i, m);
            let file = self.res_names[i].file.clone();
            file_names.insert(file.clone(), model.names.clone());
            self.push(
                format!("{dir}/{file}.py"),
                "python/resource.py.tera",
                &model,
            );
        }
        for i in &functions {
            let model = self.function_file(*i, m);
            let file = self.fn_names[i].1.clone();
            file_names.insert(file.clone(), model.names.clone());
            self.push(
                format!("{dir}/{file}.py"),
                "python/function.py.tera",
                &model,
            );
        }
        let inputs: Vec<Token> = objects
            .iter()
            .filter(|t| matches!(pkg.types.get(*t), Some(TypeDef::Object(o)) if o.usage.input))
            .cloned()
            .collect();
        let outputs: Vec<Token> = objects
            .iter()
            .filter(|t| matches!(pkg.types.get(*t), Some(TypeDef::Object(o)) if o.usage.output))
            .cloned()
            .collect();
        let mut input_names = Vec::new();
        if !inputs.is_empty() {
            let model = self.inputs_file(&inputs, m);
            input_names = model.names.clone();
            self.push(
                format!("{dir}/_inputs.py"),
                "python/_inputs.py.tera",
                &model,
            );
        }
        if !outputs.is_empty() {
            let model = self.outputs_file(&outputs, m);
            self.push(
                format!("{dir}/outputs.py"),
                "python/outputs.py.tera",
                &model,
            );
        }
        if !enums.is_empty() {
            let model = self.enums_file(&enums, m);
            file_names.insert("_enums".into(), model.names.clone());
            self.push(format!("{dir}/_enums.py"), "python/_enums.py.tera", &model);
        }
        if m == "config" && !pkg.config.is_empty() {
            let model = self.config_file();
            self.push(
                format!("{dir}/vars.py"),
                "python/config_vars.py.tera",
                &model,
            );
            self.push(
                format!("{dir}/__init__.pyi"),
                "python/config_init.pyi.tera",
                &model,
            );
            self.push(
                format!("{dir}/__init__.py"),
                "python/config_init.py.tera",
                &model,
            );
            return;
        }
        let mut exports = files;
        if !enums.is_empty() {
            exports.push("_enums".into());
        }
        exports.sort();
        let mut submodules: Vec<Submodule> = self
            .children(m)
            .into_iter()
            .map(|c| Submodule {
                fqn: format!("{}.{}", self.fqn(m), c),
                name: c,
            })
            .collect();
        submodules.sort_by(|a, b| a.name.cmp(&b.name));
        let register = if m.is_empty() {
            Some(self.registrations())
        } else {
            None
        };
        let docstring = if m.is_empty() {
            pkg.meta
                .description
                .as_deref()
                .map(|d| docstring(&clean(d), ""))
                .unwrap_or_default()
        } else {
            String::new()
        };
        let bindings = init_bindings(
            exports.iter().map(|f| (f.as_str(), &file_names[f][..])),
            (!inputs.is_empty()).then_some(&input_names[..]),
            !outputs.is_empty(),
            submodules.iter().map(|s| s.name.as_str()),
        );
        let mut by_file: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut lazy_modules = Vec::new();
        for (name, b) in &bindings {
            match b {
                Binding::Member(file) => by_file.entry(file).or_default().push(name),
                Binding::Module => lazy_modules.push(name.as_str()),
            }
        }
        let lazy_modules = words_lit(&lazy_modules, "        ");
        let lazy_members = by_file
            .into_iter()
            .map(|(file, names)| (py_str(file), words_lit(&names, "            ")))
            .collect();
        let model = InitFile {
            head: head(BTreeSet::new(), m, false),
            docstring,
            exports,
            has_inputs: !inputs.is_empty(),
            has_outputs: !outputs.is_empty(),
            submodules,
            lazy_members,
            lazy_modules,
            register,
        };
        self.push(
            format!("{dir}/__init__.py"),
            "python/__init__.py.tera",
            &model,
        );
    }

    /// The `_utilities.register(...)` arguments: every resource module and the provider.
    fn registrations(&self) -> (String, String) {
        let mut mods: BTreeMap<String, (String, BTreeMap<String, String>)> = BTreeMap::new();
        for (i, rn) in &self.res_names {
            if *i == PROVIDER {
                continue;
            }
            let r = self.resource(*i);
            let e = mods
                .entry(r.token.module.clone())
                .or_insert_with(|| (self.fqn(&rn.module), BTreeMap::new()));
            e.1.insert(r.token.to_string(), rn.class.clone());
        }
        // JSON in a string, parsed by `register`, as the official SDKs do: one constant
        // compiles in a blink, a Python literal of every resource of a large provider does not.
        let rm: Vec<Value> = mods
            .into_iter()
            .map(|(mod_, (fqn, classes))| {
                serde_json::json!({
                    "pkg": self.pkg.name,
                    "mod": mod_,
                    "fqn": fqn,
                    "classes": classes,
                })
            })
            .collect();
        let rp = vec![serde_json::json!({
            "pkg": self.pkg.name,
            "token": self.pkg.provider.token.to_string(),
            "fqn": self.s.package,
            "class": "Provider",
        })];
        let json = |v: &Vec<Value>| -> String {
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
            serde::Serialize::serialize(v, &mut ser).expect("JSON of strings");
            py_long_str(&format!("\n{}\n", String::from_utf8(buf).expect("UTF-8")))
        };
        (json(&rm), json(&rp))
    }

    /// Names of a resource's properties: one attribute name per wire name across inputs,
    /// outputs and state, plus parameter names for `__init__` and `get`.
    fn resource_attrs(&self, r: &Resource) -> BTreeMap<String, String> {
        let mut wires: BTreeSet<&str> = BTreeSet::new();
        wires.extend(r.inputs.iter().map(|p| p.name.wire.as_str()));
        wires.extend(r.outputs.iter().map(|p| p.name.wire.as_str()));
        if let Some(s) = &r.state_inputs {
            wires.extend(s.iter().map(|p| p.name.wire.as_str()));
        }
        let wires: Vec<&str> = wires.into_iter().collect();
        let mut reserved: Vec<&str> = naming::RESOURCE_MEMBERS.to_vec();
        reserved.extend(["pulumi", "_builtins", "_utilities"]);
        let names = allocate_snake(&wires, &reserved, &self.s.name_overrides);
        wires.iter().map(|w| w.to_string()).zip(names).collect()
    }

    /// Python's part of the README: `pip install`, and the first program spelled with the
    /// planned class, module and `__init__` parameter names.
    fn readme_of(&self) -> readme::LanguageReadme {
        let pkg = self.pkg;
        let alias = naming::keyword_safe(naming::make_valid_identifier(&pkg.name.replace('-', "_")));
        let program = readme::example(pkg).and_then(|ex| {
            let i = pkg.resources.iter().position(|r| std::ptr::eq(r, ex.resource))?;
            let class = &self.res_names.get(&i)?.class;
            let mut path = vec![alias.clone()];
            path.extend(self.module_of(&ex.resource.module).split('/').filter(|p| !p.is_empty()).map(str::to_string));
            path.push(class.clone());
            let attrs = self.resource_attrs(ex.resource);
            let in_attrs: Vec<String> = ex.resource.inputs.iter().map(|p| attrs[&p.name.wire].clone()).collect();
            let params: BTreeMap<&str, String> = ex
                .resource
                .inputs
                .iter()
                .map(|p| p.name.wire.as_str())
                .zip(Self::params(&in_attrs, INIT_RESERVED))
                .collect();
            let mut call = vec![py_str(&ex.var)];
            call.extend(ex.inputs.iter().map(|p| format!("{}={}", params[p.name.wire.as_str()], py_str(readme::PLACEHOLDER))));
            let var = ex.var_snake();
            Some(readme::Snippet {
                fence: "python",
                code: format!(
                    "import pulumi\nimport {} as {alias}\n\n{var} = {}({})\n\npulumi.export(\"id\", {var}.id)\n",
                    self.s.package,
                    path.join("."),
                    call.join(", "),
                ),
            })
        });
        readme::LanguageReadme {
            language: "Python",
            package_ref: self.s.package.clone(),
            install: vec![readme::Snippet { fence: "sh", code: format!("pip install {}", readme::shell_word(&self.s.package)) }],
            program,
            verbatim: self.s.python.get("readme").and_then(Value::as_str).map(str::to_string),
        }
    }

    fn params(attrs: &[String], reserved: &[&str]) -> Vec<String> {
        let mut scope = Scope::with_reserved(reserved.iter().copied());
        for a in attrs {
            if !reserved.contains(&a.as_str()) {
                scope.reserve(a);
            }
        }
        attrs
            .iter()
            .map(|a| {
                if reserved.contains(&a.as_str()) {
                    scope.claim(a)
                } else {
                    a.clone()
                }
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn input_class(
        &self,
        ctx: &mut TypeCtx,
        name: &str,
        docs: &str,
        props: &[&Property],
        attrs: &BTreeMap<String, String>,
        accept_mapping: bool,
        force_optional: bool,
    ) -> InputClass {
        let mut init_doc = String::new();
        if !docs.is_empty() {
            init_doc.push_str(docs);
            init_doc.push_str("\n\n");
        }
        let mut out = Vec::new();
        for p in props {
            let attr = attrs
                .get(&p.name.wire)
                .cloned()
                .unwrap_or_else(|| py_name(&p.name.wire));
            let required = p.required && !force_optional;
            let ty = ctx.property(&p.ty, Flavor::Input, required, p.plain, accept_mapping);
            let default = default_expr(p);
            let init_ty = if default.is_some() && required {
                ctx.property(&p.ty, Flavor::Input, false, p.plain, accept_mapping)
            } else {
                ty.clone()
            };
            let d = docs_of(p);
            init_doc.push_str(&param_doc(&ty, &attr, &d));
            let value = p
                .const_value
                .as_ref()
                .map(py_value)
                .unwrap_or_else(|| attr.clone());
            out.push(InputProp {
                attr_lit: py_str(&attr),
                getter: getter(&p.name.wire, &attr),
                init_ty,
                has_none_default: !required || default.is_some(),
                required,
                deprecation: p.deprecation.as_deref().map(py_str),
                deprecation_log: p
                    .deprecation
                    .as_deref()
                    .map(|d| py_str(&format!("{attr} is deprecated: {d}"))),
                default,
                value,
                docstring: docstring(&d, "        "),
                ty,
                attr,
            });
        }
        InputClass {
            name: name.to_string(),
            init_docstring: docstring(&init_doc, "        "),
            props: out,
        }
    }

    fn output_props(
        &self,
        ctx: &mut TypeCtx,
        props: &[&Property],
        attrs: &BTreeMap<String, String>,
        resource: bool,
    ) -> Vec<OutputProp> {
        props
            .iter()
            .map(|p| {
                let attr = attrs
                    .get(&p.name.wire)
                    .cloned()
                    .unwrap_or_else(|| py_name(&p.name.wire));
                let inner = ctx.property(&p.ty, Flavor::Output, p.required, true, false);
                let init_ty = ctx.property(&p.ty, Flavor::Output, false, true, false);
                let ty = if resource {
                    format!("pulumi.Output[{inner}]")
                } else {
                    inner
                };
                let (runtime_ty, runtime_name) = runtime_type(ctx, &p.ty);
                OutputProp {
                    attr_lit: py_str(&attr),
                    getter: getter(&p.name.wire, &attr),
                    ty,
                    init_ty,
                    required: p.required,
                    deprecation: p.deprecation.as_deref().map(py_str),
                    docstring: docstring(&docs_of(p), "        "),
                    runtime_ty,
                    runtime_name,
                    attr,
                }
            })
            .collect()
    }

    fn resource_file(&mut self, i: usize, m: &str) -> ResourceFile {
        let r = self.resource(i);
        let rn = self.res_names[&i].clone();
        let mut ctx = TypeCtx::new(&self.names, m, FileKind::Other);
        ctx.self_resource = Some(r.token.clone());
        let attrs = self.resource_attrs(r);
        let name = rn.class.clone();
        // `XArgs` unless a type of this module already took it (official `XInitArgs`).
        let (names, res_names) = (&self.names, &self.res_names);
        let taken = self
            .taken
            .get_or_insert_with(|| {
                let mut by_module: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
                for o in names.objects.values() {
                    by_module.entry(o.module.clone()).or_default().extend([o.input.clone(), o.dict.clone(), o.output.clone()]);
                }
                for x in res_names.values() {
                    by_module.entry(x.module.clone()).or_default().insert(x.class.clone());
                }
                by_module
            })
            .get(m);
        let is_taken = |n: &str| taken.is_some_and(|t| t.contains(n));
        let mut args_name = format!("{name}Args");
        if is_taken(&args_name) {
            args_name = format!("{name}InitArgs");
            while is_taken(&args_name) {
                args_name.push('_');
            }
        }
        let state_name = format!("_{name}State");
        let inputs: Vec<&Property> = r.inputs.iter().collect();
        let args = self.input_class(
            &mut ctx,
            &args_name,
            &format!("The set of arguments for constructing a {name} resource."),
            &inputs,
            &attrs,
            false,
            false,
        );
        let has_state = !r.is_provider
            && !r.is_component
            && r.state_inputs.as_ref().is_some_and(|s| !s.is_empty());
        let state_props: Vec<&Property> = r.state_inputs.iter().flatten().collect();
        let state = if has_state {
            Some(self.input_class(
                &mut ctx,
                &state_name,
                &format!("Input properties used for looking up and filtering {name} resources."),
                &state_props,
                &attrs,
                false,
                true,
            ))
        } else {
            None
        };
        // __init__ parameters.
        let in_attrs: Vec<String> = r
            .inputs
            .iter()
            .map(|p| attrs[&p.name.wire].clone())
            .collect();
        let init_names = Self::params(&in_attrs, INIT_RESERVED);
        let mut init_params = Vec::new();
        let mut kwargs_doc = String::new();
        let resource_docs = r.docs.as_deref().map(clean).unwrap_or_default();
        let head_doc = if resource_docs.is_empty() {
            format!("Create a {name} resource with the given unique name, props, and options.")
        } else {
            resource_docs.clone()
        };
        kwargs_doc.push_str(&head_doc);
        kwargs_doc.push_str("\n\n:param str resource_name: The name of the resource.\n:param pulumi.ResourceOptions opts: Options for the resource.\n");
        let mut args_doc = head_doc.clone();
        args_doc.push_str(&format!("\n\n:param str resource_name: The name of the resource.\n:param {args_name} args: The arguments to use to populate this resource's properties.\n:param pulumi.ResourceOptions opts: Options for the resource.\n"));
        let mut assigns = Vec::new();
        let string_like = |t: &TypeRef| -> bool {
            match t {
                TypeRef::Primitive {
                    primitive: Primitive::String,
                } => true,
                TypeRef::Named { token } => {
                    matches!(self.pkg.types.get(token), Some(TypeDef::Enum(e)) if e.primitive == Primitive::String)
                }
                _ => false,
            }
        };
        for (p, pname) in r.inputs.iter().zip(&init_names) {
            let ty = ctx.property(&p.ty, Flavor::Input, false, p.plain, true);
            kwargs_doc.push_str(&param_doc(&ty, pname, &docs_of(p)));
            init_params.push(Param {
                name: pname.clone(),
                ty,
            });
            let mut value = p
                .const_value
                .as_ref()
                .map(py_value)
                .unwrap_or_else(|| pname.clone());
            let mut secret_done = false;
            if r.is_provider && !string_like(&p.ty) {
                // Provider inputs travel as strings: everything else is sent as JSON.
                value = if p.secret {
                    secret_done = true;
                    format!("pulumi.Output.secret(cast(Any, {value})).apply(pulumi.runtime.to_json) if {value} is not None else None")
                } else {
                    format!("pulumi.Output.from_input(cast(Any, {value})).apply(pulumi.runtime.to_json) if {value} is not None else None")
                };
            }
            if p.secret && !secret_done {
                // The cast: mypy cannot narrow `Input[Optional[T]]` to `Input[T]` through `is None`.
                value = format!(
                    "None if {value} is None else pulumi.Output.secret(cast(Any, {value}))"
                );
            }
            let default = default_expr(p);
            // A literal default satisfies a required input: checking after it would be dead
            // code (mypy --warn-unreachable). An environment-only default may still be None.
            let literal_default = p.default.as_ref().is_some_and(|d| d.value.is_some());
            assigns.push(InitAssign {
                param: pname.clone(),
                attr_lit: py_str(&attrs[&p.name.wire]),
                default,
                required: p.required && !literal_default,
                missing_lit: py_str(&format!("Missing required property '{pname}'")),
                value,
            });
        }
        let input_wires: BTreeSet<&str> = r.inputs.iter().map(|p| p.name.wire.as_str()).collect();
        let output_nones: Vec<String> = r
            .outputs
            .iter()
            .filter(|p| !input_wires.contains(p.name.wire.as_str()))
            .map(|p| py_str(&attrs[&p.name.wire]))
            .collect();
        let secrets: Vec<String> = r
            .outputs
            .iter()
            .filter(|p| p.secret)
            .map(|p| p.name.wire.clone())
            .collect();
        let replace: Vec<String> = r
            .inputs
            .iter()
            .chain(r.outputs.iter())
            .filter(|p| p.replace_on_changes)
            .map(|p| p.name.wire.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let aliases: Vec<String> = r
            .aliases
            .iter()
            .map(|a| {
                let mut parts = Vec::new();
                if let Some(n) = &a.name {
                    parts.push(format!("name={}", py_str(n)));
                }
                if let Some(t) = &a.ty {
                    parts.push(format!("type_={}", py_str(t)));
                }
                if let Some(p) = &a.project {
                    parts.push(format!("project={}", py_str(p)));
                }
                format!("pulumi.Alias({})", parts.join(", "))
            })
            .collect();
        // get()
        let get = if r.is_provider || r.is_component {
            None
        } else {
            let state_attrs: Vec<String> = state_props
                .iter()
                .map(|p| attrs[&p.name.wire].clone())
                .collect();
            let get_names = Self::params(
                &state_attrs,
                &[
                    "resource_name",
                    "id",
                    "opts",
                    "__props__",
                    "pulumi",
                    "_utilities",
                    "_builtins",
                ],
            );
            let mut params = Vec::new();
            let mut doc = String::from("Get an existing ");
            doc.push_str(&format!("{name} resource's state with the given name, id, and optional extra\nproperties used to qualify the lookup.\n\n:param str resource_name: The unique name of the resulting resource.\n:param pulumi.Input[str] id: The unique provider ID of the resource to lookup.\n:param pulumi.ResourceOptions opts: Options for the resource.\n"));
            let mut assigns = Vec::new();
            let mut seen = BTreeSet::new();
            if has_state {
                for (p, pname) in state_props.iter().zip(&get_names) {
                    let ty = ctx.property(&p.ty, Flavor::Input, false, p.plain, true);
                    doc.push_str(&param_doc(&ty, pname, &docs_of(p)));
                    params.push(Param {
                        name: pname.clone(),
                        ty,
                    });
                    assigns.push((py_str(&attrs[&p.name.wire]), pname.clone()));
                    seen.insert(p.name.wire.clone());
                }
            }
            for p in &r.outputs {
                if !seen.contains(&p.name.wire) {
                    assigns.push((py_str(&attrs[&p.name.wire]), "None".to_string()));
                }
            }
            Some(GetMethod {
                params,
                docstring: docstring(&doc, "        "),
                props_class: if has_state {
                    state_name.clone()
                } else {
                    args_name.clone()
                },
                assigns,
            })
        };
        let outs: Vec<&Property> = r.outputs.iter().collect();
        let getters = self.output_props(&mut ctx, &outs, &attrs, true);
        let all_optional = r.inputs.iter().all(|p| !p.required);
        let register_token = if r.is_provider {
            self.pkg.name.clone()
        } else {
            r.token.to_string()
        };
        let deprecation = if r.is_provider {
            None
        } else {
            r.deprecation.as_deref().map(py_str)
        };
        let deprecation_log = r
            .deprecation
            .as_deref()
            .map(|d| py_str(&format!("{name} is deprecated: {d}")));
        let methods = self.methods(r, &name, &mut ctx);
        let imports = std::mem::take(&mut ctx.imports);
        ResourceFile {
            methods,
            head: head(imports, m, false),
            all: lits(&[args_name.clone(), name.clone()]),
            names: vec![args_name.clone(), name.clone()],
            args,
            state,
            base: if r.is_provider {
                "pulumi.ProviderResource"
            } else if r.is_component {
                "pulumi.ComponentResource"
            } else {
                "pulumi.CustomResource"
            }
            .into(),
            type_token_lit: py_str(&r.token.to_string()),
            register_token_lit: py_str(&register_token),
            is_component: r.is_component,
            deprecation,
            deprecation_log,
            init_params,
            args_param_ty: if all_optional {
                format!("Optional[{args_name}] = None")
            } else {
                args_name.clone()
            },
            kwargs_docstring: docstring(&kwargs_doc, "        "),
            args_docstring: docstring(&args_doc, "        "),
            assigns,
            output_nones,
            aliases: if aliases.is_empty() {
                None
            } else {
                Some(format!("[{}]", aliases.join(", ")))
            },
            secret_outputs: if secrets.is_empty() {
                None
            } else {
                Some(list_lit(&secrets))
            },
            replace_on_changes: if replace.is_empty() {
                None
            } else {
                Some(list_lit(&replace))
            },
            get,
            getters,
            name,
        }
    }

    /// The methods of resource `r` (class `class`): arguments other than `__self__` become
    /// keyword parameters; an object result becomes a nested `<Method>Result` class.
    fn methods(&self, r: &Resource, class: &str, ctx: &mut TypeCtx) -> Vec<PyMethod> {
        let mut out = Vec::new();
        let mut taken: Vec<String> = Vec::new();
        for (method, token) in &r.methods {
            let Some(f) = self.pkg.functions.iter().find(|f| &f.token == token) else {
                continue;
            };
            let mut name = naming::py_name(method);
            while taken.contains(&name) {
                name.push('_');
            }
            taken.push(name.clone());
            let args: Vec<&Property> = f
                .inputs
                .iter()
                .flat_map(|s| s.properties.iter())
                .filter(|p| p.name.wire != "__self__")
                .collect();
            let wires: Vec<&str> = args.iter().map(|p| p.name.wire.as_str()).collect();
            let arg_names = allocate_snake(&wires, &["pulumi", "_builtins", "_utilities", "__self__", "__args__"], &self.s.name_overrides);
            let fn_args = args
                .iter()
                .zip(&arg_names)
                .map(|(p, n)| FnArg {
                    name: n.clone(),
                    wire_lit: py_str(&p.name.wire),
                    plain_ty: ctx.property(&p.ty, Flavor::PlainInput, false, p.plain, true),
                    output_ty: String::new(),
                })
                .collect();
            let (result, ret) = match &f.outputs {
                Some(FunctionResult::Object { shape }) => {
                    let wires: Vec<&str> = shape.properties.iter().map(|p| p.name.wire.as_str()).collect();
                    let names = allocate_snake(&wires, &["pulumi", "_builtins", "_utilities"], &self.s.name_overrides);
                    let attrs: BTreeMap<String, String> = wires.iter().map(|w| w.to_string()).zip(names).collect();
                    let props: Vec<&Property> = shape.properties.iter().collect();
                    let class_name = format!("{}Result", naming::class_name(method));
                    let qualified = format!("{class}.{class_name}");
                    let ret = format!("pulumi.Output['{qualified}']");
                    (Some(MethodResult { class: class_name, qualified, props: self.output_props(ctx, &props, &attrs, false) }), ret)
                }
                Some(FunctionResult::Value { .. }) => (None, "pulumi.Output[Any]".to_string()),
                None => (None, "None".to_string()),
            };
            out.push(PyMethod {
                name,
                token_lit: py_str(&f.token.to_string()),
                docstring: f.docs.as_deref().map(|d| docstring(&clean(d), "        ")).unwrap_or_default(),
                args: fn_args,
                result,
                ret,
            });
        }
        out
    }

    fn function_file(&mut self, i: usize, m: &str) -> FunctionFile {
        let f = &self.pkg.functions[i];
        let (name, _) = self.fn_names[&i].clone();
        let mut ctx = TypeCtx::new(&self.names, m, FileKind::Other);
        let args: Vec<&Property> = f.inputs.iter().flat_map(|s| s.properties.iter()).collect();
        let wires: Vec<&str> = args.iter().map(|p| p.name.wire.as_str()).collect();
        let arg_names = allocate_snake(
            &wires,
            &[
                "opts",
                "pulumi",
                "warnings",
                "typing",
                "_utilities",
                "_builtins",
                "__args__",
                "__ret__",
                "__response__",
            ],
            &self.s.name_overrides,
        );
        let mut doc = f
            .docs
            .as_deref()
            .map(clean)
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| {
                "Use this data source to access information about an existing resource.".to_string()
            });
        if !args.is_empty() {
            doc.push_str("\n\n");
        }
        let mut fn_args = Vec::new();
        for (p, n) in args.iter().zip(&arg_names) {
            let plain_ty = ctx.property(&p.ty, Flavor::PlainInput, false, true, true);
            doc.push_str(&param_doc(&plain_ty, n, &docs_of(p)));
            fn_args.push(FnArg {
                name: n.clone(),
                wire_lit: py_str(&p.name.wire),
                output_ty: ctx.output_fn_arg(&p.ty),
                plain_ty,
            });
        }
        let base = self
            .override_name(&f.token)
            .unwrap_or_else(|| class_name(&f.token.name));
        let result_name = format!("{base}Result");
        let awaitable = format!("Awaitable{result_name}");
        let mut all = Vec::new();
        let (result_kind, result, plain_ret, output_ret, value_ty) = match &f.outputs {
            Some(FunctionResult::Object { shape }) => {
                let wires: Vec<&str> = shape
                    .properties
                    .iter()
                    .map(|p| p.name.wire.as_str())
                    .collect();
                let names = allocate_snake(
                    &wires,
                    &["pulumi", "_builtins", "_utilities"],
                    &self.s.name_overrides,
                );
                let attrs: BTreeMap<String, String> =
                    wires.iter().map(|w| w.to_string()).zip(names).collect();
                let props: Vec<&Property> = shape.properties.iter().collect();
                let mut props_m = self.output_props(&mut ctx, &props, &attrs, false);
                for p in &mut props_m {
                    // Function results take what the engine returned, so every field may be absent.
                    p.required = false;
                }
                let class_doc = shape.docs.as_deref().map(clean).unwrap_or_else(|| {
                    format!("A collection of values returned by {}.", f.token.name)
                });
                all.push(result_name.clone());
                all.push(awaitable.clone());
                let oc = OutputClass {
                    name: result_name.clone(),
                    docstring: docstring(&class_doc, "    "),
                    key_warnings: vec![],
                    key_warning_message: String::new(),
                    props: props_m,
                };
                (
                    "object",
                    Some(oc),
                    awaitable.clone(),
                    format!("pulumi.Output[{result_name}]"),
                    String::new(),
                )
            }
            Some(FunctionResult::Value { ty, .. }) => {
                let t = ctx.property(ty, Flavor::Output, true, true, false);
                ("value", None, t.clone(), format!("pulumi.Output[{t}]"), t)
            }
            None => (
                "none",
                None,
                "None".to_string(),
                String::new(),
                String::new(),
            ),
        };
        all.push(name.clone());
        if result_kind != "none" {
            all.push(format!("{name}_output"));
        }
        let output_ret_expr = if output_ret == "pulumi.Output[Any]" {
            "__ret__".to_string()
        } else {
            format!("cast({output_ret}, __ret__)")
        };
        let imports = std::mem::take(&mut ctx.imports);
        FunctionFile {
            output_ret_expr,
            head: head(imports, m, false),
            all: lits(&all),
            names: all,
            token_lit: py_str(&f.token.to_string()),
            output_name: format!("{name}_output"),
            deprecation: f.deprecation.as_deref().map(py_str),
            deprecation_log: f
                .deprecation
                .as_deref()
                .map(|d| py_str(&format!("{name} is deprecated: {d}"))),
            docstring: docstring(&doc, "    "),
            args: fn_args,
            result_kind: result_kind.into(),
            result,
            awaitable,
            plain_ret,
            output_ret,
            value_ty,
            name,
        }
    }

    fn object_attrs(&self, tok: &Token, output: bool) -> BTreeMap<String, String> {
        let Some(TypeDef::Object(o)) = self.pkg.types.get(tok) else {
            return BTreeMap::new();
        };
        let names = if output { &self.out_attrs } else { &self.attrs };
        o.properties
            .iter()
            .map(|p| p.name.wire.clone())
            .zip(names.get(tok).cloned().unwrap_or_default())
            .collect()
    }

    fn inputs_file(&mut self, toks: &[Token], m: &str) -> InputsFile {
        let mut ctx = TypeCtx::new(&self.names, m, FileKind::Inputs);
        let mut all = Vec::new();
        let mut pairs = Vec::new();
        let mut aliases = Vec::new();
        for tok in toks {
            let Some(TypeDef::Object(o)) = self.pkg.types.get(tok) else {
                continue;
            };
            let names = self.names.objects[tok].clone();
            if let Some(canonical) = &o.alias_of {
                let target = &self.names.objects[canonical];
                if self.s.typed_dicts {
                    all.push(names.dict.clone());
                    aliases.push(Alias { name: names.dict.clone(), target: target.dict.clone() });
                }
                all.push(names.input.clone());
                aliases.push(Alias { name: names.input.clone(), target: target.input.clone() });
                continue;
            }
            let attrs = self.object_attrs(tok, false);
            let props = required_first(&o.properties);
            let docs = o.docs.as_deref().map(clean).unwrap_or_default();
            let dict = if self.s.typed_dicts {
                all.push(names.dict.clone());
                let fields = props
                    .iter()
                    .map(|p| {
                        let attr = attrs[&p.name.wire].clone();
                        DictField {
                            ty: ctx.property(&p.ty, Flavor::Dict, p.required, p.plain, false),
                            docstring: docstring(&docs_of(p), "    "),
                            attr,
                        }
                    })
                    .collect();
                Some(DictClass {
                    name: names.dict.clone(),
                    docstring: docstring(&docs, "    "),
                    fields,
                })
            } else {
                None
            };
            all.push(names.input.clone());
            let class =
                self.input_class(&mut ctx, &names.input, &docs, &props, &attrs, false, false);
            pairs.push((dict, class));
        }
        all.sort();
        let imports = std::mem::take(&mut ctx.imports);
        InputsFile {
            head: head(imports, m, self.s.typed_dicts),
            all: lits(&all),
            names: all,
            pairs,
            aliases,
        }
    }

    fn outputs_file(&mut self, toks: &[Token], m: &str) -> OutputsFile {
        let mut ctx = TypeCtx::new(&self.names, m, FileKind::Outputs);
        let mut all = Vec::new();
        let mut classes = Vec::new();
        let mut aliases = Vec::new();
        for tok in toks {
            let Some(TypeDef::Object(o)) = self.pkg.types.get(tok) else {
                continue;
            };
            let names = self.names.objects[tok].clone();
            if let Some(canonical) = &o.alias_of {
                all.push(names.output.clone());
                aliases.push(Alias { name: names.output.clone(), target: self.names.objects[canonical].output.clone() });
                continue;
            }
            let attrs = self.object_attrs(tok, true);
            let props = required_first(&o.properties);
            all.push(names.output.clone());
            let key_warnings = props
                .iter()
                .filter(|p| attrs[&p.name.wire] != p.name.wire)
                .map(|p| (py_str(&p.name.wire), py_str(&attrs[&p.name.wire])))
                .collect();
            let docs = o.docs.as_deref().map(clean).unwrap_or_default();
            classes.push(OutputClass {
                docstring: docstring(&docs, "    "),
                key_warnings,
                key_warning_message: py_str(&format!("Key '{{key}}' not found in {}. Access the value via the '{{suggest}}' property getter instead.", names.output)),
                props: self.output_props(&mut ctx, &props, &attrs, false),
                name: names.output.clone(),
            });
        }
        all.sort();
        let imports = std::mem::take(&mut ctx.imports);
        OutputsFile {
            head: head(imports, m, false),
            all: lits(&all),
            classes,
            aliases,
        }
    }

    fn enums_file(&mut self, toks: &[Token], m: &str) -> EnumsFile {
        let mut all = Vec::new();
        let mut enums = Vec::new();
        for tok in toks {
            let Some(TypeDef::Enum(e)) = self.pkg.types.get(tok) else {
                continue;
            };
            let class = self.names.enums[tok].class.clone();
            all.push(class.clone());
            let mut scope = Scope::with_reserved(["mro"]);
            let members = e
                .values
                .iter()
                .map(|v| {
                    let raw = v.name.clone().unwrap_or_else(|| match &v.value {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    });
                    let name = scope.claim(&naming::enum_member_name(&raw, &class));
                    let value = match (&v.value, e.primitive) {
                        (Value::Number(n), Primitive::Number) if n.is_i64() || n.is_u64() => {
                            format!("{}.0", py_value(&v.value))
                        }
                        _ => py_value(&v.value),
                    };
                    let mut d = v.docs.as_deref().map(clean).unwrap_or_default();
                    if let Some(dep) = &v.deprecation {
                        if !d.is_empty() {
                            d.push_str("\n\n");
                        }
                        d.push_str("Deprecated: ");
                        d.push_str(dep);
                    }
                    EnumMember {
                        name,
                        value,
                        docstring: docstring(&d, "    "),
                    }
                })
                .collect();
            let bases = match e.primitive {
                Primitive::String => "_builtins.str, Enum",
                Primitive::Integer => "_builtins.int, Enum",
                Primitive::Number => "_builtins.float, Enum",
                Primitive::Boolean => "Enum",
            };
            enums.push(EnumClass {
                name: class,
                token_lit: py_str(&tok.to_string()),
                bases: bases.into(),
                docstring: docstring(&e.docs.as_deref().map(clean).unwrap_or_default(), "    "),
                members,
            });
        }
        all.sort();
        EnumsFile {
            head: head(BTreeSet::new(), m, false),
            all: lits(&all),
            names: all,
            enums,
        }
    }

    fn config_file(&mut self) -> ConfigFile {
        let wires: Vec<&str> = self
            .pkg
            .config
            .iter()
            .map(|p| p.name.wire.as_str())
            .collect();
        let names = allocate_snake(
            &wires,
            &["pulumi", "_builtins", "_utilities"],
            &self.s.name_overrides,
        );
        let vars = self
            .pkg
            .config
            .iter()
            .zip(names)
            .map(|(p, name)| {
                let prim = base_type(&p.ty).or_else(|| match &p.ty {
                    TypeRef::Named { token } => match self.pkg.types.get(token) {
                        Some(TypeDef::Enum(e)) => Some(e.primitive),
                        _ => None,
                    },
                    _ => None,
                });
                // Config getters return what `pulumi.Config` returns: primitives as such,
                // anything else as its JSON string (as the official SDKs do).
                let (getf, base) = match prim {
                    Some(Primitive::Boolean) => ("get_bool", "bool"),
                    Some(Primitive::Integer) => ("get_int", "int"),
                    Some(Primitive::Number) => ("get_float", "float"),
                    _ => ("get", "str"),
                };
                let base_ty = format!("_builtins.{base}");
                let mut fetch = format!("__config__.{getf}({})", py_str(&p.name.wire));
                let mut has_value = false;
                if let Some(d) = &p.default {
                    let prim_match = |v: &Value| match (base, v) {
                        ("bool", Value::Bool(_)) | ("str", Value::String(_)) => true,
                        ("int", Value::Number(n)) => n.is_i64() || n.is_u64(),
                        ("float", Value::Number(_)) => true,
                        _ => false,
                    };
                    let lit = d.value.as_ref().filter(|v| prim_match(v)).map(py_value);
                    has_value = lit.is_some();
                    let env = if d.environment.is_empty() {
                        None
                    } else {
                        let f = match base {
                            "bool" => "get_env_bool",
                            "int" => "get_env_int",
                            "float" => "get_env_float",
                            _ => "get_env",
                        };
                        Some(format!(
                            "_utilities.{f}({})",
                            d.environment
                                .iter()
                                .map(|e| py_str(e))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    };
                    match (env, lit) {
                        (Some(e), Some(l)) => fetch = format!("{fetch} or ({e} or {l})"),
                        (Some(e), None) => fetch = format!("{fetch} or {e}"),
                        (None, Some(l)) => fetch = format!("{fetch} or {l}"),
                        (None, None) => {}
                    }
                }
                let ty = if has_value {
                    base_ty
                } else {
                    format!("Optional[{base_ty}]")
                };
                let d = docs_of(p);
                ConfigVar {
                    name,
                    ty,
                    fetch,
                    docstring: docstring(&d, "        "),
                    stub_docstring: docstring(&d, ""),
                }
            })
            .collect();
        ConfigFile {
            head: head(BTreeSet::new(), "config", false),
            pkg_lit: py_str(&self.pkg.name),
            vars,
        }
    }

    fn plan_package_files(&mut self) {
        let pkg = self.pkg;
        let dir = self.s.package.replace('.', "/");
        let version = pkg.version.clone();
        let plugin_url = pkg.meta.plugin_download_url.clone();
        let util = UtilitiesFile {
            generated: GENERATED_HEADER.into(),
            version_lit: version
                .as_deref()
                .map(py_str)
                .unwrap_or_else(|| "None".into()),
            plugin_download_url_lit: plugin_url
                .as_deref()
                .map(py_str)
                .unwrap_or_else(|| "None".into()),
        };
        self.push(
            format!("{dir}/_utilities.py"),
            "python/_utilities.py.tera",
            &util,
        );
        self.out
            .push(Artifact::bytes(format!("{dir}/py.typed"), Vec::new()));
        let mut plugin = serde_json::Map::new();
        plugin.insert("resource".into(), Value::Bool(true));
        plugin.insert("name".into(), Value::String(pkg.name.clone()));
        if let Some(v) = &version {
            plugin.insert("version".into(), Value::String(v.clone()));
        }
        if let Some(u) = &plugin_url {
            plugin.insert("server".into(), Value::String(u.clone()));
        }
        let mut json = serde_json::to_string_pretty(&Value::Object(plugin)).unwrap_or_default();
        json.push('\n');
        self.out
            .push(Artifact::bytes(format!("{dir}/pulumi-plugin.json"), json));

        let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut requires: BTreeMap<String, String> = BTreeMap::new();
        requires.insert("pulumi".into(), ">=3.231.0,<4.0.0".into());
        requires.insert("semver".into(), ">=2.8.1".into());
        if self.s.typed_dicts {
            requires.insert(
                "typing-extensions".into(),
                ">=4.11,<5; python_version < \"3.11\"".into(),
            );
        }
        if let Some(r) = self.s.python.get("requires").and_then(Value::as_object) {
            for (k, v) in r {
                if let Some(v) = v.as_str() {
                    requires.insert(k.clone(), v.to_string());
                }
            }
        }
        let readme = readme::render(pkg, &self.readme_of());
        self.out.push(Artifact::bytes("README.md", readme));
        let mut urls = Vec::new();
        if let Some(h) = &pkg.meta.homepage {
            urls.push(("Homepage".to_string(), toml_str(h)));
        }
        if let Some(r) = &pkg.meta.repository {
            urls.push(("Repository".to_string(), toml_str(r)));
        }
        let model = Pyproject {
            generated: GENERATED_HEADER.into(),
            name: toml_str(&self.s.package),
            version: toml_str(
                &version
                    .as_deref()
                    .map(pypi_version)
                    .unwrap_or_else(|| "0.0.0".into()),
            ),
            description: pkg
                .meta
                .description
                .as_deref()
                .and_then(|d| d.lines().next())
                .map(toml_str),
            license: pkg.meta.license.as_deref().map(toml_str),
            keywords: format!(
                "[{}]",
                pkg.meta
                    .keywords
                    .iter()
                    .map(|k| toml_str(k))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            requires_python: toml_str(
                self.s
                    .python
                    .get("pythonRequires")
                    .and_then(Value::as_str)
                    .unwrap_or(">=3.9"),
            ),
            dependencies: requires
                .iter()
                .map(|(k, v)| toml_str(&format!("{k}{v}")))
                .collect(),
            urls,
            package_key: toml_str(&self.s.package),
        };
        self.push(
            "pyproject.toml".into(),
            "python/pyproject.toml.tera",
            &model,
        );
    }
}

/// The runtime class checked with `isinstance` in function results, and its display name.
fn runtime_type(ctx: &TypeCtx, ty: &TypeRef) -> (Option<String>, String) {
    match ty {
        TypeRef::Primitive { primitive } => {
            let n = match primitive {
                Primitive::Boolean => "bool",
                Primitive::Integer => "int",
                Primitive::Number => "float",
                Primitive::String => "str",
            };
            (Some(format!("_builtins.{n}")), n.to_string())
        }
        TypeRef::Array { .. } => (Some("_builtins.list".into()), "list".into()),
        TypeRef::Map { .. } => (Some("_builtins.dict".into()), "dict".into()),
        TypeRef::Named { token } => match ctx.names.enums.get(token) {
            Some(e) => {
                let n = match e.primitive {
                    Primitive::Boolean => "bool",
                    Primitive::Integer => "int",
                    Primitive::Number => "float",
                    Primitive::String => "str",
                };
                (Some(format!("_builtins.{n}")), n.to_string())
            }
            None => (Some("_builtins.dict".into()), "dict".into()),
        },
        _ => (None, String::new()),
    }
}

/// Semver → PEP 440 (Pulumi's `PypiVersion`): `1.2.3-alpha.4` → `1.2.3a4`, `-dev.N` →
/// `.devN`, `-post.N` → `.postN`; other pre-release and build parts become a local version.
pub fn pypi_version(v: &str) -> String {
    let (core, build) = match v.split_once('+') {
        Some((c, b)) => (c, Some(b)),
        None => (v, None),
    };
    let (nums, pre) = match core.split_once('-') {
        Some((n, p)) => (n, Some(p)),
        None => (core, None),
    };
    let mut pre_parts: Vec<String> = Vec::new();
    if let Some(p) = pre {
        // `alpha.18` is one segment for our purposes.
        let norm = regex::Regex::new(r"(alpha|beta|rc|dev|post)\.(\d+)")
            .map(|re| re.replace_all(p, "${1}${2}").to_string())
            .unwrap_or_else(|_| p.to_string());
        pre_parts = norm.split('.').map(str::to_string).collect();
    }
    let release_re = regex::Regex::new(r"^(a|b|rc)[0-9]+$").ok();
    let is = |re: &str, s: &str| {
        regex::Regex::new(re)
            .map(|r| r.is_match(s))
            .unwrap_or(false)
    };
    let mut idx = 0;
    let mut release = String::new();
    let mut dev = String::new();
    let mut post = String::new();
    if let Some(first) = pre_parts.first() {
        let guess = if let Some(r) = first.strip_prefix("alpha") {
            format!("a{r}")
        } else if let Some(r) = first.strip_prefix("beta") {
            format!("b{r}")
        } else {
            first.clone()
        };
        if release_re.as_ref().is_some_and(|re| re.is_match(&guess)) {
            release = guess;
            idx = 1;
        }
    }
    if let Some(p) = pre_parts.get(idx) {
        if is(r"^dev[0-9]+$", p) {
            dev = format!(".{p}");
            idx += 1;
        }
    }
    if let Some(p) = pre_parts.get(idx) {
        if is(r"^post[0-9]+$", p) {
            post = format!(".{p}");
            idx += 1;
        }
    }
    if !release.is_empty() {
        idx = idx.max(1);
    }
    let mut local: Vec<String> = pre_parts
        .iter()
        .skip(idx)
        .map(|s| s.replace('-', "."))
        .collect();
    if let Some(b) = build {
        local.extend(b.split('.').map(|s| s.replace('-', ".")));
    }
    let local = if local.is_empty() {
        String::new()
    } else {
        format!("+{}", local.join("."))
    };
    format!("{nums}{release}{dev}{post}{local}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pypi_versions() {
        for (i, o) in [
            ("1.2.3", "1.2.3"),
            ("1.2.3+dirty", "1.2.3+dirty"),
            ("1.2.3-alpha123+beta123", "1.2.3a123+beta123"),
            ("1.2.3-rc789", "1.2.3rc789"),
            ("1.2.3-dev321", "1.2.3.dev321"),
            ("1.2.3-post456", "1.2.3.post456"),
            ("1.2.3-posttt456", "1.2.3+posttt456"),
            ("0.0.1-alpha.18", "0.0.1a18"),
            ("0.0.1-beta.18", "0.0.1b18"),
            ("0.0.1-rc.18", "0.0.1rc18"),
            ("1.2.3-dev.20", "1.2.3.dev20"),
            ("1.2.3-post.1", "1.2.3.post1"),
        ] {
            assert_eq!(pypi_version(i), o, "{i}");
        }
    }

    #[test]
    fn words_literals_wrap_keeping_separators() {
        assert_eq!(words_lit(&[], "    "), "\"\"");
        assert_eq!(words_lit(&["Bucket", "BucketArgs"], "    "), "\"Bucket BucketArgs\"");
        let long: Vec<String> = (0..30).map(|i| format!("Name{i:02}")).collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        let lit = words_lit(&refs, "  ");
        assert!(lit.starts_with("(\n      \"Name00 Name01 ") && lit.ends_with("\"\n  )"), "{lit}");
        // Joined back (as Python concatenates adjacent literals) the words are intact.
        let joined: String = lit
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"').map(str::to_string))
            .collect();
        assert_eq!(joined.split(' ').collect::<Vec<_>>(), refs);
        assert!(lit.lines().all(|l| l.len() <= 80 + 8), "{lit}");
    }

    #[test]
    fn init_bindings_follow_the_eager_import_order() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (get_x, thing, inputs) = (s(&["get_x", "get_x_output"]), s(&["Thing", "ThingArgs"]), s(&["XArgs"]));
        let b = init_bindings(
            [("get_x", &get_x[..]), ("thing", &thing[..])].into_iter(),
            Some(&inputs[..]),
            true,
            ["sub"].into_iter(),
        );
        let member = |f: &str| Binding::Member(f.to_string());
        // A function named like its file shadows the file's module, as `import *` did.
        assert_eq!(b["get_x"], member("get_x"));
        assert_eq!(b["get_x_output"], member("get_x"));
        assert_eq!(b["thing"], Binding::Module);
        assert_eq!(b["ThingArgs"], member("thing"));
        assert_eq!(b["XArgs"], member("_inputs"));
        assert_eq!(b["_inputs"], Binding::Module);
        assert_eq!(b["outputs"], Binding::Module);
        assert_eq!(b["sub"], Binding::Module);
        assert_eq!(b.len(), 9);
    }
}

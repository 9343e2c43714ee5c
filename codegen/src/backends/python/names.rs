//! The Python naming pass: every name any file of the package uses, decided once into the
//! immutable [`Names`] table before a file is built (the builders only read it).
//!
//! Scopes (all [`Ns`]): per module one class namespace (keywords and typing names
//! reserved, children first) and one file scope; per class the attributes; per parameter
//! list the parameters; per enum its members. Two rules are older than `Ns` and kept as they
//! are, because the official SDKs spell them so: a resource's args class is `XArgs`, or
//! `XInitArgs` (then `XInitArgs_`, `XInitArgs__`, …) when a class of its module already took
//! `XArgs`; a method named like an earlier one of the same resource gets one more `_`.

use super::layout;
use super::naming::{self, allocate_snake, class_name, member_snake_name, py_name};
use super::settings::Settings;
use crate::diag::Diagnostics;
use crate::backends::sdk::{NameTable, MemberId, Members, Ns, Sdk};
use crate::ir::{FunctionResult, Primitive, Resource, Token, TypeDef, TypeRef};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One module of the layout (a directory under the package).
#[derive(Debug, Clone, Default)]
pub struct Module {
    /// `a/b`, `""` for the root.
    pub path: String,
    pub members: Members,
    /// Names of the child modules, sorted.
    pub children: Vec<String>,
    /// The file stems of the module's resources (the provider's in the root) and functions.
    pub files: Vec<String>,
}

impl Module {
    pub fn new(path: &str) -> Module {
        Module { path: path.to_string(), ..Module::default() }
    }
}

/// Python names of one object type.
#[derive(Debug, Clone, Default)]
pub struct ObjectNames {
    /// Python module path (`""` for the root, `a/b` otherwise).
    pub module: String,
    /// `XArgs` (input shape, in `_inputs.py`).
    pub input: String,
    /// `XArgsDict` (TypedDict, in `_inputs.py`).
    pub dict: String,
    /// `X` or `XResult` (output shape, in `outputs.py`).
    pub output: String,
    /// Attribute per property (property order) of `XArgs` and `XArgsDict`.
    pub attrs: Vec<String>,
    /// Attribute per property of the output class (which also keeps clear of `dict`).
    pub out_attrs: Vec<String>,
}

/// Python names of one enum type.
#[derive(Debug, Clone)]
pub struct EnumNames {
    pub module: String,
    pub class: String,
    pub primitive: Primitive,
    /// Member name per value (value order).
    pub members: Vec<String>,
}

/// Python names of one resource class (the provider included).
#[derive(Debug, Clone, Default)]
pub struct ResourceNames {
    pub module: String,
    pub class: String,
    /// File stem (`random_password`).
    pub file: String,
    /// `XArgs` or `XInitArgs`.
    pub args: String,
    /// Wire name → attribute, across inputs, outputs and state.
    pub attrs: BTreeMap<String, String>,
    /// `__init__` parameter per input (input order).
    pub init: Vec<String>,
    /// `get` parameter per state input (state order).
    pub get: Vec<String>,
    pub methods: Vec<MethodNames>,
}

/// Python names of one resource method.
#[derive(Debug, Clone)]
pub struct MethodNames {
    pub token: Token,
    pub name: String,
    /// Parameter per argument (`__self__` excluded).
    pub args: Vec<String>,
    /// `<Method>Result`, the nested result class of an object result.
    pub result: String,
    /// Wire name → attribute of the result class.
    pub result_attrs: BTreeMap<String, String>,
}

/// Python names of one module function.
#[derive(Debug, Clone, Default)]
pub struct FunctionNames {
    pub module: String,
    pub name: String,
    pub file: String,
    /// Parameter per argument (argument order).
    pub args: Vec<String>,
    /// `XResult`.
    pub result: String,
    /// Wire name → attribute of the result class.
    pub result_attrs: BTreeMap<String, String>,
}

/// Every name the Python SDK of one package uses.
#[derive(Debug, Default)]
pub struct Names {
    /// The import package (`pulumi_<pkg>`).
    pub package: String,
    /// Whether `XArgsDict` TypedDicts are generated (`language.python.inputTypes`).
    pub typed_dicts: bool,
    pub modules: BTreeMap<String, Module>,
    pub objects: BTreeMap<Token, ObjectNames>,
    pub enums: BTreeMap<Token, EnumNames>,
    pub resources: BTreeMap<MemberId, ResourceNames>,
    /// Resource token → member (never the provider: a reference to it is `Any`).
    pub by_token: BTreeMap<Token, MemberId>,
    pub functions: BTreeMap<usize, FunctionNames>,
    /// Variable per configuration property (package order).
    pub config: Vec<String>,
}

impl Names {
    /// The names of the resource class with `token`, if it is one.
    pub fn resource_by_token(&self, token: &Token) -> Option<&ResourceNames> {
        self.by_token.get(token).and_then(|id| self.resources.get(id))
    }

    /// The names a resource file exports (`__all__`, in order).
    pub fn resource_exports(&self, id: MemberId) -> Vec<String> {
        let r = &self.resources[&id];
        vec![r.args.clone(), r.class.clone()]
    }

    /// The names a function file exports (`__all__`, in order).
    pub fn function_exports(&self, sdk: &Sdk, i: usize) -> Vec<String> {
        let f = &self.functions[&i];
        let mut all = Vec::new();
        match &sdk.pkg.functions[i].outputs {
            Some(FunctionResult::Object { .. }) => all.extend([f.result.clone(), format!("Awaitable{}", f.result), f.name.clone()]),
            _ => all.push(f.name.clone()),
        }
        if sdk.pkg.functions[i].outputs.is_some() {
            all.push(format!("{}_output", f.name));
        }
        all
    }
}

impl NameTable<Settings> for Names {
    type Module = Module;

    /// The Python naming pass: the distribution and import package, snake_case files and
    /// attributes (overrides first), then classes, `XArgs`/`XInitArgs` and TypedDicts.
    fn build(sdk: &Sdk, settings: &Settings) -> Result<Names, Diagnostics> {
        let mut names = Names {
            package: naming::package_name(&sdk.pkg.name, settings.package_name.as_deref()),
            typed_dicts: settings.typed_dicts(),
            modules: layout::modules(sdk, settings),
            ..Names::default()
        };
        let fn_types = if settings.tfbridge() { function_types(sdk) } else { BTreeSet::new() };
        let paths: Vec<String> = names.modules.keys().cloned().collect();
        for m in &paths {
            name_module(sdk, settings, &fn_types, &mut names, m);
        }
        name_attrs(sdk, settings, &mut names);
        name_resources(sdk, settings, &mut names);
        names.config = allocate_snake(&wires(&sdk.pkg.config), naming::ATTR_RESERVED, &settings.name_overrides);
        Ok(names)
    }

    /// The Python subpackages, keyed by module.
    fn modules(&self) -> Vec<&Module> {
        self.modules.values().collect()
    }
}

/// A `nameOverrides` entry for `token`, made a valid identifier.
fn override_name(settings: &Settings, token: &Token) -> Option<String> {
    settings.name_overrides.get(&token.to_string()).map(|n| naming::keyword_safe(naming::make_valid_identifier(n)))
}

fn wires(props: &[crate::ir::Property]) -> Vec<&str> {
    props.iter().map(|p| p.name.wire.as_str()).collect()
}

/// The class namespace and the file scope of module `m`: enums, then objects, then the
/// provider and resources, then functions.
fn name_module(sdk: &Sdk, settings: &Settings, fn_types: &BTreeSet<Token>, names: &mut Names, m: &str) {
    let module = names.modules[m].clone();
    let mut ns = Ns::with_reserved(naming::MODULE_RESERVED.iter().copied());
    let mut files = Ns::with_reserved(naming::FILE_RESERVED.iter().copied());
    for c in &module.children {
        ns.reserve(c);
        files.reserve(c);
    }
    if m.is_empty() && !sdk.pkg.config.is_empty() {
        files.reserve("config");
    }
    for tok in &module.members.enums {
        if let Some(TypeDef::Enum(e)) = sdk.pkg.types.get(tok) {
            let class = ns.claim(&override_name(settings, tok).unwrap_or_else(|| class_name(&tok.name)));
            let members = enum_members(e, &class);
            names.enums.insert(tok.clone(), EnumNames { module: m.to_string(), class, primitive: e.primitive, members });
        }
    }
    for tok in &module.members.objects {
        let base = override_name(settings, tok).unwrap_or_else(|| class_name(&tok.name));
        let output_base = if fn_types.contains(tok) { format!("{base}Result") } else { base.clone() };
        let input = ns.claim(&format!("{base}Args"));
        let dict = ns.claim(&format!("{base}ArgsDict"));
        let output = ns.claim(&output_base);
        names.objects.insert(tok.clone(), ObjectNames { module: m.to_string(), input, dict, output, ..ObjectNames::default() });
    }
    // Provider first: its file and class names are fixed.
    let provider = m.is_empty().then_some(MemberId::Provider);
    for id in provider.into_iter().chain(module.members.resources.iter().copied()) {
        let r = sdk.resource(id);
        let (class_base, file_base) = if r.is_provider {
            ("Provider".to_string(), "provider".to_string())
        } else {
            let c = override_name(settings, &r.token).unwrap_or_else(|| class_name(&r.token.name));
            let f = py_name(&c);
            (c, f)
        };
        let class = ns.claim(&class_base);
        let file = files.claim(&file_base);
        if !r.is_provider {
            names.by_token.insert(r.token.clone(), id);
        }
        names.resources.insert(id, ResourceNames { module: m.to_string(), class, file, ..ResourceNames::default() });
    }
    for &i in &module.members.functions {
        let f = &sdk.pkg.functions[i];
        let snake = override_name(settings, &f.token).map(|n| py_name(&n)).unwrap_or_else(|| member_snake_name(&f.token.name));
        let name = ns.claim(&snake);
        ns.reserve(&format!("{name}_output"));
        let file = files.claim(&name);
        names.functions.insert(i, function_names(sdk, settings, i, m, name, file));
    }
    let mut stems: Vec<String> = names.resources.values().filter(|r| r.module == m).map(|r| r.file.clone()).collect();
    stems.extend(module.members.functions.iter().map(|i| names.functions[i].file.clone()));
    names.modules.get_mut(m).expect("a planned module").files = stems;
}

/// The names inside module function `i` (named `name`, in file `file`).
fn function_names(sdk: &Sdk, settings: &Settings, i: usize, m: &str, name: String, file: String) -> FunctionNames {
    let f = &sdk.pkg.functions[i];
    let args: Vec<&str> = f.inputs.iter().flat_map(|s| s.properties.iter()).map(|p| p.name.wire.as_str()).collect();
    let base = override_name(settings, &f.token).unwrap_or_else(|| class_name(&f.token.name));
    let result_attrs = match &f.outputs {
        Some(FunctionResult::Object { shape }) => attr_map(&wires(&shape.properties), naming::ATTR_RESERVED, settings),
        _ => BTreeMap::new(),
    };
    FunctionNames {
        module: m.to_string(),
        name,
        file,
        args: allocate_snake(&args, naming::FUNCTION_RESERVED, &settings.name_overrides),
        result: format!("{base}Result"),
        result_attrs,
    }
}

/// Wire name → attribute for `wires` in one scope.
fn attr_map(wires: &[&str], reserved: &[&str], settings: &Settings) -> BTreeMap<String, String> {
    let names = allocate_snake(wires, reserved, &settings.name_overrides);
    wires.iter().map(|w| w.to_string()).zip(names).collect()
}

/// The member names of enum `e` (class `class`): `mro` is taken by `Enum` itself.
fn enum_members(e: &crate::ir::EnumType, class: &str) -> Vec<String> {
    let mut scope = Ns::with_reserved(["mro"]);
    e.values
        .iter()
        .map(|v| {
            let raw = v.name.clone().unwrap_or_else(|| match &v.value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            scope.claim(&naming::enum_member_name(&raw, class))
        })
        .collect()
}

/// Attribute names per object type (shared by `XArgs` and `XArgsDict`; output classes keep
/// clear of what they define for themselves, and shadow `dict`'s other methods).
fn name_attrs(sdk: &Sdk, settings: &Settings, names: &mut Names) {
    let mut out_reserved: Vec<&str> = naming::OUTPUT_CLASS_MEMBERS.to_vec();
    out_reserved.extend(naming::ATTR_RESERVED);
    for (tok, t) in &sdk.pkg.types {
        if let (TypeDef::Object(o), Some(n)) = (t, names.objects.get_mut(tok)) {
            let w = wires(&o.properties);
            n.attrs = allocate_snake(&w, naming::ATTR_RESERVED, &settings.name_overrides);
            n.out_attrs = allocate_snake(&w, &out_reserved, &settings.name_overrides);
        }
    }
}

/// Every resource's args class, attributes, parameters and methods (each resource on its
/// own: in parallel).
fn name_resources(sdk: &Sdk, settings: &Settings, names: &mut Names) {
    let taken = classes_by_module(names);
    let no_classes = BTreeSet::new();
    let done: Vec<(MemberId, ResourceNames)> = names
        .resources
        .par_iter()
        .map(|(&id, rn)| {
            let r = sdk.resource(id);
            let mut rn = rn.clone();
            rn.args = args_class(&rn.class, taken.get(&rn.module).unwrap_or(&no_classes));
            rn.attrs = resource_attrs(r, settings);
            let in_attrs: Vec<String> = r.inputs.iter().map(|p| rn.attrs[&p.name.wire].clone()).collect();
            rn.init = params(&in_attrs, naming::INIT_RESERVED);
            let state_attrs: Vec<String> = r.state_inputs.iter().flatten().map(|p| rn.attrs[&p.name.wire].clone()).collect();
            rn.get = params(&state_attrs, naming::GET_RESERVED);
            rn.methods = methods(sdk, settings, r);
            (id, rn)
        })
        .collect();
    names.resources.extend(done);
}

/// Every class name of each module's objects and resources (what `XArgs` must avoid).
fn classes_by_module(names: &Names) -> BTreeMap<String, BTreeSet<String>> {
    let mut by_module: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for o in names.objects.values() {
        by_module.entry(o.module.clone()).or_default().extend([o.input.clone(), o.dict.clone(), o.output.clone()]);
    }
    for x in names.resources.values() {
        by_module.entry(x.module.clone()).or_default().insert(x.class.clone());
    }
    by_module
}

/// `XArgs` unless a class of the module already took it (official `XInitArgs`).
fn args_class(class: &str, taken: &BTreeSet<String>) -> String {
    let mut args = format!("{class}Args");
    if taken.contains(&args) {
        args = format!("{class}InitArgs");
        while taken.contains(&args) {
            args.push('_');
        }
    }
    args
}

/// One attribute name per wire name across inputs, outputs and state.
fn resource_attrs(r: &Resource, settings: &Settings) -> BTreeMap<String, String> {
    let mut w: BTreeSet<&str> = BTreeSet::new();
    w.extend(r.inputs.iter().map(|p| p.name.wire.as_str()));
    w.extend(r.outputs.iter().map(|p| p.name.wire.as_str()));
    if let Some(s) = &r.state_inputs {
        w.extend(s.iter().map(|p| p.name.wire.as_str()));
    }
    let w: Vec<&str> = w.into_iter().collect();
    let mut reserved: Vec<&str> = naming::RESOURCE_MEMBERS.to_vec();
    reserved.extend(naming::ATTR_RESERVED);
    attr_map(&w, &reserved, settings)
}

/// Parameter names for attributes `attrs` of a signature that takes `reserved` for itself:
/// an attribute keeps its name unless it is reserved, then it moves past every other one.
pub fn params(attrs: &[String], reserved: &[&str]) -> Vec<String> {
    let mut scope = Ns::with_reserved(reserved.iter().copied());
    for a in attrs {
        if !reserved.contains(&a.as_str()) {
            scope.reserve(a);
        }
    }
    attrs.iter().map(|a| if reserved.contains(&a.as_str()) { scope.claim(a) } else { a.clone() }).collect()
}

/// The methods of resource `r`: name, parameters and result class of each.
fn methods(sdk: &Sdk, settings: &Settings, r: &Resource) -> Vec<MethodNames> {
    let mut out: Vec<MethodNames> = Vec::new();
    for (key, token) in &r.methods {
        let Some(f) = sdk.pkg.functions.iter().find(|f| &f.token == token) else {
            continue;
        };
        let mut name = py_name(key);
        while out.iter().any(|m| m.name == name) {
            name.push('_');
        }
        let args: Vec<&str> = f.inputs.iter().flat_map(|s| s.properties.iter()).map(|p| p.name.wire.as_str()).filter(|w| *w != "__self__").collect();
        let result_attrs = match &f.outputs {
            Some(FunctionResult::Object { shape }) => attr_map(&wires(&shape.properties), naming::ATTR_RESERVED, settings),
            _ => BTreeMap::new(),
        };
        out.push(MethodNames {
            token: token.clone(),
            name,
            args: allocate_snake(&args, naming::METHOD_RESERVED, &settings.name_overrides),
            result: format!("{}Result", class_name(key)),
            result_attrs,
        });
    }
    out
}

/// Object types reachable from function arguments or results (the official `tfbridge20`
/// mode names their output shape `XResult`).
fn function_types(sdk: &Sdk) -> BTreeSet<Token> {
    let mut set = BTreeSet::new();
    let mut stack: Vec<&TypeRef> = Vec::new();
    for f in &sdk.pkg.functions {
        if let Some(i) = &f.inputs {
            stack.extend(i.properties.iter().map(|p| &p.ty));
        }
        match &f.outputs {
            Some(FunctionResult::Object { shape }) => stack.extend(shape.properties.iter().map(|p| &p.ty)),
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
                if let Some(TypeDef::Object(o)) = sdk.pkg.types.get(token) {
                    stack.extend(o.properties.iter().map(|p| &p.ty));
                }
            }
            _ => {}
        }
    }
    set
}

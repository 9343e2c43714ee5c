//! The naming pass of the TypeScript target: every name any generated file uses — module
//! directories and namespaces, classes and their file stems, functions, type interfaces,
//! import aliases, methods, enum members, config getters — decided once, in a fixed order,
//! into the immutable [`Names`] table. Collisions go through the shared [`Ns`] allocator;
//! nothing is claimed after [`names`] returns.

use super::layout::{self, join, segments, Module, TypeTree};
use super::naming::{self, identifier, MODULE_RESERVED, ROOT_FILES};
use super::settings::Settings;
use super::types::{unique, Aliases, EnumNames, ModKey, ObjectNames, ResourceNames, TypeNames};
use super::naming::property_key;
use super::Cx;
use crate::backends::sdk::surface::{member_key, Item, Surface, PROVIDER};
use crate::diag::Diagnostics;
use crate::backends::sdk::{NameTable, MemberId, Members, Ns, Sdk};
use crate::ir::{FunctionResult, Package, Property, Token, TypeDef};
use std::collections::{BTreeMap, BTreeSet};

/// Names of a resource class (the provider included) in its module.
#[derive(Debug, Clone)]
pub struct ResourceName {
    pub class: String,
    /// File stem in the module's directory.
    pub stem: String,
}

/// Names of a module function.
#[derive(Debug, Clone)]
pub struct FunctionName {
    /// `getFoo` (and `getFooOutput`).
    pub name: String,
    /// `GetFoo` of `GetFooArgs`, `GetFooResult`, `GetFooOutputArgs`.
    pub title: String,
    pub stem: String,
}

/// Names of a resource method: the class member and the prefix of its interfaces.
#[derive(Debug, Clone)]
pub struct MethodName {
    pub name: String,
    pub title: String,
}

/// Every name of the TypeScript SDK of one package.
pub struct Names {
    /// The module tree, by key.
    pub modules: BTreeMap<ModKey, Module>,
    /// Canonical module → module key.
    pub module_key: BTreeMap<String, ModKey>,
    /// The members of each module key.
    pub members: BTreeMap<ModKey, Members>,
    pub resources: BTreeMap<MemberId, ResourceName>,
    /// Module functions, by index in `pkg.functions`.
    pub functions: BTreeMap<usize, FunctionName>,
    /// Resource methods: (resource, schema method name) → names.
    pub methods: BTreeMap<(MemberId, String), MethodName>,
    /// Enum token → member names, in value order.
    pub enum_members: BTreeMap<Token, Vec<String>>,
    /// Config variable wire name → getter name.
    pub config: BTreeMap<String, String>,
    /// What type expressions mention.
    pub types: TypeNames,
    /// Module keys that get a directory with an `index.ts`.
    pub dirs: BTreeSet<ModKey>,
    /// Module keys that get `types/enums/<dir>/index.ts`.
    pub enum_dirs: BTreeSet<ModKey>,
    pub input_tree: TypeTree,
    pub output_tree: TypeTree,
}

fn module_scope() -> Ns {
    Ns::with_reserved(MODULE_RESERVED.iter().copied())
}

impl NameTable<Settings> for Names {
    type Module = Module;

    /// The TypeScript naming pass: directories and files first (a module's directory and its
    /// index share the namespace of its files), then classes, args interfaces and type names.
    fn build(sdk: &Sdk, settings: &Settings) -> Result<Names, Diagnostics> {
        let pkg = sdk.pkg;
        let mut all: BTreeSet<String> = pkg.modules.iter().cloned().collect();
        all.insert("index".into());
        let module_key: BTreeMap<String, ModKey> = all.iter().map(|m| (m.clone(), segments(m, settings))).collect();
        let key_of = |m: &str| module_key.get(m).cloned().unwrap_or_else(|| segments(m, settings));
        let members = sdk.group_by(key_of);
        let mut scopes: BTreeMap<ModKey, Ns> = BTreeMap::new();
        let (mut resources, mut functions) = member_names(sdk, &key_of, &mut scopes);
        let mut modules = layout::tree(module_key.values());
        let mut files = module_names(pkg, &mut modules, &mut scopes);
        file_stems(sdk, &key_of, &mut files, &mut resources, &mut functions);
        let mut types = type_names(pkg, settings, &key_of, &modules);
        for (id, r) in sdk.members().filter(|(_, r)| !r.is_provider) {
            let rn = &resources[&id];
            let path = join(&modules.get(&key_of(&r.module)).map(|n| n.dir.clone()).unwrap_or_default(), &rn.stem);
            types.resources.insert(r.token.clone(), ResourceNames { path, class: rn.class.clone() });
        }
        let enum_keys: BTreeSet<ModKey> = types.enums.values().map(|e| e.key.clone()).collect();
        let (in_keys, out_keys) = alias_names(pkg, &mut types, &resources, &functions, &enum_keys, &modules);
        let code = members.iter().filter(|(_, m)| !m.resources.is_empty() || !m.functions.is_empty()).map(|(k, _)| k);
        let mut dirs = layout::with_ancestors(code.chain(&enum_keys));
        dirs.insert(Vec::new());
        Ok(Names {
            input_tree: TypeTree::new("types/input", &in_keys, &modules),
            output_tree: TypeTree::new("types/output", &out_keys, &modules),
            methods: method_names(sdk),
            enum_members: enum_member_names(pkg, &types),
            config: config_names(pkg),
            enum_dirs: layout::with_ancestors(enum_keys.iter()),
            dirs,
            modules,
            module_key,
            members,
            resources,
            functions,
            types,
        })
    }

    /// The module directories, keyed by module path.
    fn modules(&self) -> Vec<&Module> {
        self.modules.values().collect()
    }
}

type MemberNames = (BTreeMap<MemberId, ResourceName>, BTreeMap<usize, FunctionName>);

/// Classes and functions per module scope, claimed in package order (stems come later).
fn member_names(sdk: &Sdk, key_of: &dyn Fn(&str) -> ModKey, scopes: &mut BTreeMap<ModKey, Ns>) -> MemberNames {
    // The provider class is always `Provider`; claiming it first pushes a resource of the
    // same name to `Provider_`.
    scopes.entry(Vec::new()).or_insert_with(module_scope).claim_with("Provider", &["Args"]);
    let mut resources = BTreeMap::new();
    resources.insert(MemberId::Provider, ResourceName { class: "Provider".into(), stem: "provider".into() });
    for (id, r) in sdk.members().filter(|(_, r)| !r.is_provider) {
        let scope = scopes.entry(key_of(&r.module)).or_insert_with(module_scope);
        let class = scope.claim_with(&naming::type_name(&r.token.name), &["Args", "State"]);
        resources.insert(id, ResourceName { class, stem: String::new() });
    }
    let mut functions = BTreeMap::new();
    for (i, f) in sdk.functions() {
        let scope = scopes.entry(key_of(&f.module)).or_insert_with(module_scope);
        let family = |c: &str| {
            let t = naming::title(c);
            vec![format!("{c}Output"), format!("{t}Args"), format!("{t}Result"), format!("{t}OutputArgs")]
        };
        let name = scope.claim_family(&naming::function_name(&f.token.name), family);
        functions.insert(i, FunctionName { title: naming::title(&name), name, stem: String::new() });
    }
    (resources, functions)
}

/// Names every module's children (directory, exported name, namespace) parent by parent:
/// keys are visited in order, so a parent is always named before its children. Returns
/// each directory's file scope, for the stems.
fn module_names(pkg: &Package, modules: &mut BTreeMap<ModKey, Module>, scopes: &mut BTreeMap<ModKey, Ns>) -> BTreeMap<ModKey, Ns> {
    let keys: Vec<ModKey> = modules.keys().cloned().collect();
    let mut file_scopes = BTreeMap::new();
    for key in &keys {
        let node = modules[key].clone();
        let mut files = Ns::files();
        files.reserve("index");
        let exports = scopes.entry(key.clone()).or_insert_with(module_scope);
        if key.is_empty() {
            ROOT_FILES.iter().for_each(|r| files.reserve(r));
            if !pkg.config.is_empty() {
                exports.reserve("config");
            }
            if !pkg.types.is_empty() {
                exports.reserve("types");
            }
        }
        for child in &node.children {
            let raw = child.last().cloned().unwrap_or_default();
            // A root module literally named `config` is the configuration module: its
            // types are `outputs.config.X` and its directory is `config/` in official SDKs.
            let is_config = key.is_empty() && raw == "config";
            let dir = if is_config { raw.clone() } else { files.claim(&naming::dir_segment(&raw)) };
            let exported = if is_config { raw.clone() } else { exports.claim(&identifier(&raw)) };
            let ns = if naming::is_reserved(&exported) { format!("{exported}_") } else { exported.clone() };
            let local = if MODULE_RESERVED.contains(&ns.as_str()) { format!("{ns}_") } else { ns.clone() };
            let c = modules.get_mut(child).expect("child exists");
            c.dir = join(&node.dir, &dir);
            c.namespace = node.namespace.iter().cloned().chain(std::iter::once(ns)).collect();
            c.exported = exported;
            c.local = local;
        }
        file_scopes.insert(key.clone(), files);
    }
    file_scopes
}

/// File stems, after directories so a file never shadows a directory import.
fn file_stems(sdk: &Sdk, key_of: &dyn Fn(&str) -> ModKey, files: &mut BTreeMap<ModKey, Ns>, resources: &mut BTreeMap<MemberId, ResourceName>, functions: &mut BTreeMap<usize, FunctionName>) {
    for (id, r) in sdk.members().filter(|(_, r)| !r.is_provider) {
        let rn = resources.get_mut(&id).expect("named above");
        rn.stem = files.entry(key_of(&r.module)).or_insert_with(Ns::files).claim(&naming::pulumi_camel(&rn.class));
    }
    for (i, f) in sdk.functions() {
        let fname = functions.get_mut(&i).expect("named above");
        fname.stem = files.entry(key_of(&f.module)).or_insert_with(Ns::files).claim(&fname.name);
    }
}

/// A type namespace scope: a module's sub-namespaces and the import names type files use.
fn namespace_scope(key: &ModKey, modules: &BTreeMap<ModKey, Module>) -> Ns {
    let mut s = Ns::with_reserved(["pulumi", "inputs", "outputs", "enums"]);
    for c in modules.get(key).map(|n| &n.children).into_iter().flatten() {
        if let Some(last) = modules.get(c).and_then(|cn| cn.namespace.last()) {
            s.reserve(last);
        }
    }
    s
}

/// Object and enum type names, per namespace scope (input, output and enum files apart).
fn type_names(pkg: &Package, settings: &Settings, key_of: &dyn Fn(&str) -> ModKey, modules: &BTreeMap<ModKey, Module>) -> TypeNames {
    let suffix = settings.args_suffix();
    let (mut ins, mut outs, mut enums): (BTreeMap<ModKey, Ns>, BTreeMap<ModKey, Ns>, BTreeMap<ModKey, Ns>) = Default::default();
    let mut names = TypeNames { disable_union_outputs: settings.disable_union_output_types, ..Default::default() };
    for (token, t) in &pkg.types {
        let key = key_of(t.module());
        match t {
            TypeDef::Object(o) => {
                let base = naming::type_name(&token.name);
                let claim = |scopes: &mut BTreeMap<ModKey, Ns>, name: &str| scopes.entry(key.clone()).or_insert_with(|| namespace_scope(&key, modules)).claim(name);
                let input = if o.usage.input { claim(&mut ins, &format!("{base}{suffix}")) } else { String::new() };
                let output = if o.usage.output { claim(&mut outs, &base) } else { String::new() };
                names.objects.insert(token.clone(), ObjectNames { key: key.clone(), input, output });
            }
            TypeDef::Enum(_) => {
                let ns = enums.entry(key.clone()).or_insert_with(|| {
                    let mut s = namespace_scope(&key, modules);
                    s.reserve("_");
                    s
                });
                let name = ns.claim(&naming::type_name(&token.name));
                names.enums.insert(token.clone(), EnumNames { key: key.clone(), name });
            }
        }
    }
    names
}

/// Import aliases of each module's type files, unique across the package and apart from
/// every top-level name a generated file declares (a file may import any module's types).
/// Returns the module keys with input and with output types.
fn alias_names(pkg: &Package, names: &mut TypeNames, resources: &BTreeMap<MemberId, ResourceName>, functions: &BTreeMap<usize, FunctionName>, enum_keys: &BTreeSet<ModKey>, modules: &BTreeMap<ModKey, Module>) -> (BTreeSet<ModKey>, BTreeSet<ModKey>) {
    let (mut in_keys, mut out_keys) = (BTreeSet::new(), BTreeSet::new());
    let mut global = module_scope();
    ["__config", "Provider", "ProviderArgs"].iter().for_each(|r| global.reserve(r));
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
    names.enums.values().for_each(|e| global.reserve(&e.name));
    for rn in resources.iter().filter(|(id, _)| **id != MemberId::Provider).map(|(_, rn)| rn) {
        ["", "Args", "State"].iter().for_each(|s| global.reserve(&format!("{}{s}", rn.class)));
    }
    for f in functions.values() {
        for n in [f.name.clone(), format!("{}Output", f.name), format!("{}Args", f.title), format!("{}Result", f.title), format!("{}OutputArgs", f.title)] {
            global.reserve(&n);
        }
    }
    pkg.config.iter().for_each(|p| global.reserve(&naming::sanitize_ident(&p.name.wire, false)));
    let alias_keys: BTreeSet<&ModKey> = in_keys.iter().chain(&out_keys).chain(enum_keys).collect();
    for key in alias_keys {
        let aliases = if key.is_empty() {
            Aliases { inputs: "inputs".into(), outputs: "outputs".into(), enums: "enums".into() }
        } else {
            let ns = modules.get(key).map(|n| n.namespace.join("_")).unwrap_or_default();
            let mut claim = |prefix: &str| global.claim(&format!("{prefix}_{ns}"));
            Aliases { inputs: claim("inputs"), outputs: claim("outputs"), enums: claim("enums") }
        };
        names.aliases.insert(key.clone(), aliases);
    }
    (in_keys, out_keys)
}

/// Method names per class: apart from the class's output properties and the members its
/// base class declares; their interface prefixes apart from each other.
fn method_names(sdk: &Sdk) -> BTreeMap<(MemberId, String), MethodName> {
    let mut out = BTreeMap::new();
    for (id, r) in sdk.members() {
        let outputs = unique(&r.outputs).into_iter().map(|p| p.name.wire.as_str()).filter(|w| !naming::BASE_CLASS_MEMBERS.contains(w));
        let mut members = Ns::with_reserved(outputs.chain(naming::BASE_CLASS_MEMBERS.iter().copied()));
        let mut types = Ns::new();
        for (method, token) in &r.methods {
            if !sdk.pkg.functions.iter().any(|f| &f.token == token) {
                continue;
            }
            let name = members.claim(&identifier(&naming::pulumi_camel(method)));
            let title = types.claim_with(&naming::title(&name), &["Args", "Result"]);
            out.insert((id, method.clone()), MethodName { name, title });
        }
    }
    out
}

/// Enum member names, unique within their enum.
fn enum_member_names(pkg: &Package, types: &TypeNames) -> BTreeMap<Token, Vec<String>> {
    let mut out = BTreeMap::new();
    for (token, t) in &pkg.types {
        if let (TypeDef::Enum(e), Some(en)) = (t, types.enums.get(token)) {
            let mut ns = Ns::new();
            out.insert(token.clone(), e.values.iter().map(|v| ns.claim(&naming::enum_member_name(v.name.as_deref(), &v.value, &en.name))).collect());
        }
    }
    out
}

/// Config getter names, apart from what `config/vars.ts` itself declares and imports.
fn config_names(pkg: &Package) -> BTreeMap<String, String> {
    let mut ns = Ns::with_reserved(["__config", "pulumi", "utilities", "inputs", "outputs", "enums", "exports"]);
    unique(&pkg.config).into_iter().map(|p| (p.name.wire.clone(), ns.claim(&naming::sanitize_ident(&p.name.wire, false)))).collect()
}

/// The names a program spells, read from the table: modules (their namespace path),
/// classes and their args, functions and their interfaces, types, enums, and the
/// properties and enum members inside them.
pub fn surface(cx: &Cx) -> Surface {
    let (pkg, names) = (cx.pkg(), cx.names);
    let mut s = Surface::default();
    for (module, key) in &names.module_key {
        s.member(Item::Module, module.clone(), names.modules.get(key).map(|m| m.namespace.join(".")).unwrap_or_default());
    }
    let properties = |s: &mut Surface, member: &str, props: &mut dyn Iterator<Item = &Property>| props.for_each(|p| s.inner(Item::Property, member, p.name.wire.clone(), property_key(&p.name.wire)));
    for (id, r) in cx.sdk.members() {
        let member = if r.is_provider { PROVIDER.to_string() } else { member_key(&r.token) };
        let class = &names.resources[&id].class;
        s.member(Item::Resource, member.clone(), class.clone());
        s.member(Item::ResourceArgs, member.clone(), format!("{class}Args"));
        properties(&mut s, &member, &mut unique(&r.inputs).into_iter().chain(unique(&r.outputs).into_iter().filter(|p| cx.sdk.exposes_output(r, p))));
    }
    for (i, f) in cx.sdk.functions() {
        let (n, member) = (&names.functions[&i], f.token.to_string());
        s.member(Item::Function, member.clone(), n.name.clone());
        if let Some(inputs) = &f.inputs {
            s.member(Item::FunctionArgs, member.clone(), format!("{}Args", n.title));
            properties(&mut s, &member, &mut unique(&inputs.properties).into_iter());
        }
        if let Some(FunctionResult::Object { shape }) = &f.outputs {
            s.member(Item::FunctionResult, member.clone(), format!("{}Result", n.title));
            properties(&mut s, &member, &mut unique(&shape.properties).into_iter());
        }
    }
    for (token, t) in &pkg.types {
        let member = token.to_string();
        match t {
            TypeDef::Object(o) => {
                let n = &names.types.objects[token];
                s.member(Item::Type, member.clone(), if o.usage.input { n.input.clone() } else { n.output.clone() });
                properties(&mut s, &member, &mut unique(&o.properties).into_iter());
            }
            TypeDef::Enum(e) => {
                s.member(Item::Enum, member.clone(), names.types.enums[token].name.clone());
                for (v, name) in e.values.iter().zip(&names.enum_members[token]) {
                    s.inner(Item::EnumMember, member.clone(), v.value.to_string(), name.clone());
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::backends::sdk;
    use crate::backends::sdk::surface::{Item, Key};
    use crate::diag::SourceRef;
    use crate::ir::builder::PackageBuilder;
    use crate::ir::{Resource, Token};

    #[test]
    fn a_colliding_name_shows_up_in_the_surface() {
        let mut b = PackageBuilder::new("p", SourceRef::new("s.json", ""));
        b.add_resource(Resource::new(Token::new("p", "index", "Bucket"), SourceRef::new("s.json", "/resources/a")));
        b.add_resource(Resource::new(Token::new("p", "index", "bucket"), SourceRef::new("s.json", "/resources/b")));
        let pkg = b.finish().expect("finishes").package;
        let s = sdk::surface(&super::super::TypeScript, &pkg).expect("names");
        let class = |t: &str| s.names[&Key { item: Item::Resource, member: format!("p:index:{t}"), path: String::new() }].clone();
        assert_eq!(class("Bucket"), "Bucket");
        assert_eq!(class("bucket"), "Bucket_");
        assert_eq!(s.names[&Key { item: Item::ResourceArgs, member: "p:index:bucket".into(), path: String::new() }], "Bucket_Args");
        assert_eq!(s.names[&Key { item: Item::Resource, member: "provider".into(), path: String::new() }], "Provider");
    }
}

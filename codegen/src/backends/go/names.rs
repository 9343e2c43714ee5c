//! The naming pass: every name any Go file uses, decided once into the immutable [`Names`]
//! table before a file is built — package directories and import aliases, type, function,
//! field and enum constant names (each package one [`Ns`] scope), config getters, which
//! types need `Ptr` forms and which container types each package defines.
//!
//! Claim order is the output's contract (a collision moves the later name): per package
//! directory, resources (the provider first), then functions, then enums and objects in token
//! order; then enum constants, package by package; then config getters.

use super::layout::{module_dir, module_layout, Layout};
use super::naming::{self, exported, unexported};
use super::settings::Settings;
use super::split::{self, Placement};
use super::types::{ptr_needs, ContainerNeeds, NameTables, NamedRef, TypeCtx};
use super::values::literal;
use crate::backends::sdk::surface::{member_key, Item, Surface, PROVIDER};
use crate::backends::sdk::{MemberId, Members, NameTable, Ns, Sdk};
use crate::diag::Diagnostics;
use crate::ir::{FunctionResult, Package, Property, Token, TypeDef};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One Go package of the layout: a directory under the root package and its members.
#[derive(Debug, Clone, Default)]
pub struct Module {
    /// Directory relative to the root package (`""`: the root package).
    pub dir: String,
    /// The members, in package order (the root package's resources start with the provider).
    pub members: Members,
}

/// Go names of one resource.
#[derive(Debug, Clone)]
pub struct ResourceNames {
    /// The package directory its file is built in: `home`, or an internal package of
    /// `home` when [`Placement`] moved it.
    pub dir: String,
    /// The public package directory users import it from.
    pub home: String,
    pub name: String,
    /// Wire name → field name (inputs, outputs and state share one struct scope).
    pub fields: BTreeMap<String, String>,
}

/// Go names of one function.
#[derive(Debug, Clone)]
pub struct FunctionNames {
    pub dir: String,
    pub name: String,
    pub args_fields: BTreeMap<String, String>,
    pub result_fields: BTreeMap<String, String>,
}

/// The name table of one package.
pub struct Names {
    pub layout: Layout,
    /// Package directory → module, in output order.
    pub modules: BTreeMap<String, Module>,
    /// Canonical IR module → package directory.
    pub dirs: BTreeMap<String, String>,
    /// Package directory → import alias.
    pub aliases: BTreeMap<String, String>,
    pub types: NameTables,
    pub resources: BTreeMap<MemberId, ResourceNames>,
    pub functions: BTreeMap<usize, FunctionNames>,
    /// Object token → wire → field name.
    pub object_fields: BTreeMap<Token, BTreeMap<String, String>>,
    /// Enum token → constant name of each value (`None`: the value does not fit the type).
    pub enum_consts: BTreeMap<Token, Vec<Option<String>>>,
    /// Config wire name → getter name.
    pub config_getters: BTreeMap<String, String>,
    /// Object and enum types with `Ptr` forms.
    pub ptr_needed: BTreeSet<Token>,
    /// Container types each package defines.
    pub containers: ContainerNeeds,
    /// Which packages' types and resources moved to internal packages (see [`split`]).
    pub placement: Placement,
}

/// Properties by wire name, deduplicated (the order of every struct).
pub fn sorted_props(props: &[Property]) -> Vec<&Property> {
    let mut v: Vec<&Property> = props.iter().collect();
    v.sort_by(|a, b| a.name.wire.cmp(&b.name.wire));
    v.dedup_by(|a, b| a.name.wire == b.name.wire);
    v
}

impl NameTable<Settings> for Names {
    type Module = Module;

    /// The Go naming pass: packages and import aliases first, then every exported type,
    /// resource, function and their families (`X`, `XArgs`, `XInput`, `XOutput`, …).
    fn build(sdk: &Sdk, settings: &Settings) -> Result<Names, Diagnostics> {
        let pkg = sdk.pkg;
        let overrides = &settings.module_to_package;
        let mut grouped = sdk.group_by(|m| module_dir(m, overrides));
        let mut root = grouped.remove("").unwrap_or_default();
        root.resources.insert(0, MemberId::Provider);
        grouped.insert(String::new(), root);
        let util_dir = if grouped.contains_key("internal") { "pulumiutilities" } else { "internal" };
        let layout = Layout { go: module_layout(&pkg.name, pkg.version.as_deref(), settings), util_dir: util_dir.into(), config_dir: "config".into() };
        if !pkg.config.is_empty() {
            grouped.entry(layout.config_dir.clone()).or_default();
        }
        grouped.entry(layout.util_dir.clone()).or_default();
        let modules: BTreeMap<String, Module> = grouped.into_iter().map(|(dir, members)| (dir.clone(), Module { dir, members })).collect();
        let modules_of = pkg.resources.iter().map(|r| r.module.as_str()).chain(sdk.functions().map(|(_, f)| f.module.as_str())).chain(pkg.types.values().map(|t| t.module()));
        let dirs = modules_of.map(|m| (m.to_string(), module_dir(m, overrides))).collect();
        let ptr_needed = ptr_needs(pkg);
        let placement = split::place(pkg, &modules, &ptr_needed, settings.max_package_functions.unwrap_or(split::DEFAULT_BUDGET));
        let aliases = import_aliases(&layout, modules.keys().chain(placement.members.keys()), settings);
        let mut names = Names {
            layout,
            modules,
            dirs,
            aliases,
            types: NameTables::default(),
            resources: BTreeMap::new(),
            functions: BTreeMap::new(),
            object_fields: BTreeMap::new(),
            enum_consts: BTreeMap::new(),
            config_getters: BTreeMap::new(),
            ptr_needed,
            containers: ContainerNeeds::new(),
            placement,
        };
        let mut scopes: BTreeMap<String, Ns> = BTreeMap::new();
        let dirs: Vec<String> = names.modules.keys().cloned().collect();
        for d in &dirs {
            scopes.insert(d.clone(), names.claim_module(sdk, d));
        }
        for d in &dirs {
            if let Some(scope) = scopes.get_mut(d) {
                names.claim_enum_consts(pkg, d, scope);
            }
        }
        if let Some(scope) = scopes.get_mut(&names.layout.config_dir) {
            for p in sorted_props(&pkg.config) {
                let getter = scope.claim(&format!("Get{}", exported(&p.name.wire)));
                names.config_getters.insert(p.name.wire.clone(), getter);
            }
        }
        names.move_split_types(sdk);
        names.containers = names.container_needs(sdk);
        Ok(names)
    }

    /// The Go packages, keyed by module.
    fn modules(&self) -> Vec<&Module> {
        self.modules.values().collect()
    }
}

impl Names {
    /// A type-spelling context for package `dir`.
    pub fn ctx(&self, dir: &str) -> TypeCtx<'_> {
        TypeCtx::new(dir, &self.layout.go.import_base, &self.aliases, &self.placement)
    }

    /// Applies the [`Placement`] once every name is claimed in its public package's scope:
    /// the internal packages become modules of the layout, the moved types leave their
    /// public package's members, and each moved type and resource records where it is
    /// defined.
    fn move_split_types(&mut self, sdk: &Sdk) {
        for (part, members) in &self.placement.members {
            let home = self.placement.home_of(part).to_string();
            if let Some(m) = self.modules.get_mut(&home) {
                m.members.objects.retain(|t| !self.placement.defs.contains_key(t));
                m.members.enums.retain(|t| !self.placement.defs.contains_key(t));
            }
            self.modules.insert(part.clone(), Module { dir: part.clone(), members: members.clone() });
        }
        for (tok, part) in &self.placement.defs {
            if let Some(r) = self.types.objects.get_mut(tok) {
                r.def = part.clone();
            } else if let Some((r, _)) = self.types.enums.get_mut(tok) {
                r.def = part.clone();
            }
        }
        // A moved resource's file is built in its internal package; its public package keeps
        // it in its members (registration in `init.go`) and re-exports it.
        for (id, part) in &self.placement.resources {
            if let Some(rn) = self.resources.get_mut(id) {
                rn.dir = part.clone();
                if let Some(r) = self.types.resources.get_mut(&sdk.resource(*id).token) {
                    r.def = part.clone();
                }
            }
        }
    }

    /// Claims the names of package `d`'s members; returns its scope.
    fn claim_module(&mut self, sdk: &Sdk, d: &str) -> Ns {
        let mut scope = Ns::with_reserved(["module", "pkg", "init"]);
        let members = self.modules[d].members.clone();
        for id in members.resources {
            self.claim_resource(sdk, id, d, &mut scope);
        }
        for i in members.functions {
            self.claim_function(sdk, i, d, &mut scope);
        }
        for tok in members.enums.iter().chain(&members.objects) {
            self.claim_type(sdk.pkg, tok, d, &mut scope);
        }
        scope
    }

    fn claim_resource(&mut self, sdk: &Sdk, id: MemberId, d: &str, scope: &mut Ns) {
        let r = sdk.resource(id);
        let base = if r.is_provider { "Provider".to_string() } else { exported(&r.token.name) };
        let custom = !r.is_provider && !r.is_component;
        let name = scope.claim_family(&base, |n| resource_family(n, custom));
        let mut reserved: Vec<String> = naming::RESOURCE_MEMBERS.iter().chain(naming::OUTPUT_MEMBERS).map(|s| s.to_string()).collect();
        reserved.push(format!("To{name}Output"));
        reserved.push(format!("To{name}OutputWithContext"));
        let state = r.state_inputs.as_deref().unwrap_or(&[]);
        let fields = allocate_fields(r.inputs.iter().chain(&r.outputs).chain(state), &reserved);
        self.resources.insert(id, ResourceNames { dir: d.to_string(), home: d.to_string(), name: name.clone(), fields });
        self.types.resources.insert(r.token.clone(), NamedRef::public(d, &name));
    }

    fn claim_function(&mut self, sdk: &Sdk, i: usize, d: &str, scope: &mut Ns) {
        let f = &sdk.pkg.functions[i];
        let mut base = exported(&f.token.name);
        if scope.is_taken(&base) {
            if let Some(rest) = base.strip_prefix("New") {
                base = format!("Create{rest}");
            } else if let Some(rest) = base.strip_prefix("Get") {
                base = format!("Lookup{rest}");
            }
        }
        let name = scope.claim_with(&base, &["Args", "Result", "Output", "OutputArgs", "ResultOutput"]);
        let args_fields = allocate_fields(f.inputs.iter().flat_map(|s| &s.properties), &["ElementType".to_string()]);
        let mut reserved: Vec<String> = naming::OUTPUT_MEMBERS.iter().map(|s| s.to_string()).collect();
        reserved.push(format!("To{name}ResultOutput"));
        reserved.push(format!("To{name}ResultOutputWithContext"));
        let result_fields = match &f.outputs {
            Some(FunctionResult::Object { shape }) => allocate_fields(&shape.properties, &reserved),
            _ => BTreeMap::new(),
        };
        self.functions.insert(i, FunctionNames { dir: d.to_string(), name, args_fields, result_fields });
    }

    fn claim_type(&mut self, pkg: &Package, tok: &Token, d: &str, scope: &mut Ns) {
        let mut base = exported(&tok.name);
        // An enum called `String` would define `ToStringOutput` twice.
        if matches!(pkg.types.get(tok), Some(TypeDef::Enum(_))) && ["String", "Int", "Float64", "Bool"].contains(&base.as_str()) {
            base.push_str("Enum");
        }
        // A type whose own names are taken takes `Type` first (before any `_` suffix).
        if std::iter::once(base.clone()).chain(type_family(&base).into_iter().take(8)).any(|n| scope.is_taken(&n)) {
            base.push_str("Type");
        }
        let name = scope.claim_family(&base, type_family);
        let r = NamedRef::public(d, &name);
        match pkg.types.get(tok) {
            Some(TypeDef::Enum(e)) => {
                self.types.enums.insert(tok.clone(), (r, e.primitive));
            }
            Some(TypeDef::Object(o)) => {
                let mut reserved: Vec<String> = naming::OUTPUT_MEMBERS.iter().map(|s| s.to_string()).collect();
                for suffix in ["Output", "OutputWithContext", "PtrOutput", "PtrOutputWithContext"] {
                    reserved.push(format!("To{name}{suffix}"));
                }
                self.object_fields.insert(tok.clone(), allocate_fields(o.properties.iter(), &reserved));
                self.types.objects.insert(tok.clone(), r);
            }
            None => {}
        }
    }

    /// Enum constants share their package's scope with its types.
    fn claim_enum_consts(&mut self, pkg: &Package, d: &str, scope: &mut Ns) {
        for tok in &self.modules[d].members.enums {
            let (Some(TypeDef::Enum(e)), Some((r, prim))) = (pkg.types.get(tok), self.types.enums.get(tok)) else {
                continue;
            };
            let consts = e
                .values
                .iter()
                .map(|v| {
                    literal(&v.value, *prim)?;
                    let value_name = v.name.clone().unwrap_or_else(|| match &v.value {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    });
                    Some(scope.claim(&naming::enum_const_name(&value_name, &r.name)))
                })
                .collect();
            self.enum_consts.insert(tok.clone(), consts);
        }
    }

    /// The container types every file's spellings need, per package: the Input and Output
    /// spellings of every property type (plain spellings never need one). Spelled here, once,
    /// exactly as the file builders spell them, so the container files can be built beside
    /// the rest.
    fn container_needs(&self, sdk: &Sdk) -> ContainerNeeds {
        let mut needs = ContainerNeeds::new();
        let mut spell = |dir: &str, props: &mut dyn Iterator<Item = &Property>| {
            let mut c = self.ctx(dir);
            for p in props {
                c.output(&self.types.resolve(&p.ty), false);
            }
            for (d, conts) in c.containers {
                needs.entry(d).or_default().extend(conts);
            }
        };
        for (id, rn) in &self.resources {
            let r = sdk.resource(*id);
            let outputs = r.outputs.iter().filter(|p| p.name.wire != "id" && p.name.wire != "urn");
            let state: &[Property] = if !r.is_provider && !r.is_component { r.state_inputs.as_deref().unwrap_or(&r.outputs) } else { &[] };
            spell(&rn.dir, &mut outputs.chain(r.inputs.iter().chain(state).filter(|p| !p.plain)));
        }
        for (i, fnames) in &self.functions {
            let f = &sdk.pkg.functions[*i];
            let args = f.inputs.iter().flat_map(|s| &s.properties).filter(|p| !p.plain);
            let results: &[Property] = match &f.outputs {
                Some(FunctionResult::Object { shape }) => &shape.properties,
                _ => &[],
            };
            spell(&fnames.dir, &mut args.chain(results));
        }
        for (tok, r) in &self.types.objects {
            if let Some(TypeDef::Object(o)) = sdk.pkg.types.get(tok) {
                if o.alias_of.is_none() {
                    spell(&r.def, &mut o.properties.iter());
                }
            }
        }
        needs
    }
}

impl Names {
    /// The names a program spells, read from this table.
    pub fn surface(&self, sdk: &Sdk) -> Surface {
        let pkg = sdk.pkg;
        let mut s = Surface::default();
        for (module, dir) in &self.dirs {
            s.member(Item::Module, module.clone(), self.layout.import_path(dir));
        }
        for (id, rn) in &self.resources {
            let r = sdk.resource(*id);
            let key = if r.is_provider { PROVIDER.to_string() } else { member_key(&r.token) };
            s.member(Item::Resource, key.clone(), rn.name.clone());
            s.member(Item::ResourceArgs, key.clone(), format!("{}Args", rn.name));
            for (wire, field) in &rn.fields {
                s.inner(Item::Property, key.clone(), wire.clone(), field.clone());
            }
        }
        for (i, fnames) in &self.functions {
            let key = member_key(&pkg.functions[*i].token);
            s.member(Item::Function, key.clone(), fnames.name.clone());
            s.member(Item::FunctionArgs, key.clone(), format!("{}Args", fnames.name));
            s.member(Item::FunctionResult, key.clone(), format!("{}Result", fnames.name));
            for (wire, field) in fnames.args_fields.iter().chain(&fnames.result_fields) {
                s.inner(Item::Property, key.clone(), wire.clone(), field.clone());
            }
        }
        for (tok, r) in &self.types.objects {
            s.member(Item::Type, member_key(tok), r.name.clone());
            for (wire, field) in self.object_fields.get(tok).into_iter().flatten() {
                s.inner(Item::Property, member_key(tok), wire.clone(), field.clone());
            }
        }
        for (tok, (r, _)) in &self.types.enums {
            s.member(Item::Enum, member_key(tok), r.name.clone());
            let Some(TypeDef::Enum(e)) = pkg.types.get(tok) else { continue };
            for (v, name) in e.values.iter().zip(self.enum_consts.get(tok).into_iter().flatten()) {
                if let Some(name) = name {
                    s.inner(Item::EnumMember, member_key(tok), v.value.to_string(), name.clone());
                }
            }
        }
        s
    }
}

/// The names a resource `n` brings besides its own (`NewFoo`, `FooArgs`, …; custom
/// resources also `GetFoo` and `FooState`): claimed together, so the family never splits.
/// A moved resource's re-export aliases the exported types among them.
pub fn resource_family(n: &str, custom: bool) -> Vec<String> {
    let lower = unexported(n);
    let mut family: Vec<String> = ["Args", "Input", "Output", "Array", "ArrayInput", "ArrayOutput", "Map", "MapInput", "MapOutput"].iter().map(|s| format!("{n}{s}")).collect();
    family.insert(1, format!("{lower}Args"));
    family.push(format!("New{n}"));
    if custom {
        family.extend([format!("{n}State"), format!("{lower}State"), format!("Get{n}")]);
    }
    family
}

/// The names an object or enum type `n` brings besides its own (the first eight are its
/// own types; the rest its containers').
fn type_family(n: &str) -> Vec<String> {
    ["Input", "Args", "Output", "Ptr", "PtrInput", "PtrOutput", "Array", "Map", "ArrayInput", "ArrayOutput", "MapInput", "MapOutput"].iter().map(|s| format!("{n}{s}")).collect()
}

/// Allocates field names for a set of properties in one struct scope (a `language.go.name`
/// override first, else the exported wire name).
fn allocate_fields<'p>(props: impl IntoIterator<Item = &'p Property>, reserved: &[String]) -> BTreeMap<String, String> {
    let mut scope = Ns::with_reserved(reserved.iter().map(String::as_str));
    let mut wires: Vec<(&str, Option<String>)> =
        props.into_iter().map(|p| (p.name.wire.as_str(), p.language.get("go").and_then(|g| g.get("name")).and_then(Value::as_str).map(exported))).collect();
    wires.sort();
    wires.dedup_by(|a, b| a.0 == b.0);
    wires.into_iter().map(|(w, o)| (w.to_string(), scope.claim(&o.unwrap_or_else(|| exported(w))))).collect()
}

/// The import alias of every package directory: `packageImportAliases` first, else the
/// directory without slashes; a keyword or a name generated code uses gets `pkg`. Aliases
/// collide as Pulumi's Go generator numbers them (`s3`, `s32`, …), which is not [`Ns`]'s
/// suffix rule, so only the taken set is an `Ns`.
fn import_aliases<'d>(layout: &Layout, dirs: impl Iterator<Item = &'d String>, settings: &Settings) -> BTreeMap<String, String> {
    let mut used = Ns::new();
    let mut out = BTreeMap::new();
    for d in dirs {
        let base = match settings.package_import_aliases.get(&layout.import_path(d)) {
            Some(a) => naming::package_name(a),
            None if d.is_empty() => layout.go.root_package.clone(),
            None => naming::package_name(&d.replace('/', "")),
        };
        let mut stem = base;
        if naming::ALIAS_RESERVED.contains(&stem.as_str()) || naming::KEYWORDS.contains(&stem.as_str()) {
            stem.push_str("pkg");
        }
        let mut alias = stem.clone();
        let mut n = 2;
        while used.is_taken(&alias) {
            alias = format!("{stem}{n}");
            n += 1;
        }
        used.reserve(&alias);
        out.insert(d.clone(), alias);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colliding_name_shows_in_the_surface() {
        let schema = serde_json::json!({
            "name": "x",
            "resources": {
                "x:index:Bucket": {"properties": {"elementType": {"type": "string"}}, "inputProperties": {"urn": {"type": "string"}}},
                "x:index:BucketArgs": {}
            }
        });
        let mut loaded = crate::frontends::load_bytes(schema.to_string().as_bytes(), "s.json", None, &Default::default()).expect("the schema loads");
        let pkg = loaded.remove(0).package;
        let sdk = Sdk::new(&pkg);
        let names = Names::build(&sdk, &Settings::default()).expect("names");
        let s = names.surface(&sdk);
        let name = |item, member: &str| s.names.get(&crate::backends::sdk::surface::Key { item, member: member.into(), path: String::new() }).cloned();
        assert_eq!(name(Item::Resource, "x:index:Bucket").as_deref(), Some("Bucket"));
        // `BucketArgs` is `Bucket`'s args type, so the resource of that name moves.
        assert_eq!(name(Item::Resource, "x:index:BucketArgs").as_deref(), Some("BucketArgs_"));
        assert_eq!(name(Item::Resource, PROVIDER).as_deref(), Some("Provider"));
        assert_eq!(name(Item::Module, "index").as_deref(), Some("github.com/pulumi/pulumi-x/sdk/go/x"));
        let field = s.names.get(&crate::backends::sdk::surface::Key { item: Item::Property, member: "x:index:Bucket".into(), path: "elementType".into() });
        // `ElementType` is a method every resource has, so the field moves.
        assert_eq!(field.map(String::as_str), Some("ElementType_"));
    }
}

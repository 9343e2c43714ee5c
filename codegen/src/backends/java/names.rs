//! The naming pass: every class, method, field and constant name any Java file uses,
//! decided once into one immutable [`Names`] (nothing is claimed after [`names`] returns).
//!
//! Which classes an object type gets is decided by a reachability walk ([`shapes`]),
//! as the official generator's class queue does. Class names are claimed per Java package in
//! a fixed order (root classes, resources with their `Args`, enums, object types per shape,
//! state classes, functions), so a collision always resolves the same way; field and
//! accessor names are claimed per class.

use super::layout::{self, module_package, split};
use super::naming::{self, class_name, function_name, member, resource_member, CLASS_RESERVED, FIELD_RESERVED, INPUT_RESERVED, OUTPUT_RESERVED};
use super::settings::Settings;
use super::types::Shape;
use super::Java;
use crate::backends::sdk::surface::{member_key, Item, Surface, PROVIDER};
use crate::diag::Diagnostics;
use crate::backends::sdk::{NameTable, Cx, MemberId, Members, Ns, Sdk};
use crate::ir::{FunctionResult, Primitive, Property, Resource, Token, TypeDef, TypeRef};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The names of one property in one class: its field and its getter/setter.
#[derive(Debug, Clone)]
pub struct Member {
    pub field: String,
    pub accessor: String,
}

/// The classes of one resource (the provider included) and its members' names.
#[derive(Debug, Clone)]
pub struct ResourceNames {
    pub class: String,
    pub args: String,
    pub state: Option<String>,
    /// One per input, in order (the `Args` class).
    pub inputs: Vec<Member>,
    /// One per state input (the `State` class).
    pub state_fields: Vec<Member>,
    /// One per exported output ([`exports`]).
    pub outputs: Vec<Member>,
}

/// The names of one module function.
#[derive(Debug, Clone)]
pub struct FunctionNames {
    /// The module's functions class.
    pub class: String,
    pub method: String,
    pub plain_method: String,
    pub args: Option<String>,
    pub plain_args: Option<String>,
    pub result: Option<String>,
    /// The arguments' members (`Args` and `PlainArgs` alike).
    pub inputs: Vec<Member>,
    /// The result's members.
    pub outputs: Vec<Member>,
}

/// The classes of one object type, per shape (only the shapes that are generated).
#[derive(Debug, Clone, Default)]
pub struct ObjectNames {
    /// `pkg.inputs.XArgs` (Output-accepting input class).
    pub args: Option<String>,
    /// `pkg.inputs.X` (plain input class).
    pub plain: Option<String>,
    /// `pkg.outputs.X` (`@CustomType` output class).
    pub output: Option<String>,
    /// `pkg.inputs.X` as an output-shaped class (config variables, as the official SDKs do).
    pub config: Option<String>,
    /// The canonical type when this alias's classes forward to its classes (they then have
    /// no members of their own).
    pub forward: Option<Token>,
    /// Members of the input-shaped classes (`args`, `plain`).
    pub inputs: Vec<Member>,
    /// Members of the output-shaped classes (`output`, `config`).
    pub outputs: Vec<Member>,
}

/// The class of one enum and its constants.
#[derive(Debug, Clone)]
pub struct EnumNames {
    pub class: String,
    pub primitive: Primitive,
    /// One constant per value, in order.
    pub members: Vec<String>,
}

/// One Java package of the layout and what the module hook writes there.
#[derive(Debug, Clone)]
pub struct Module {
    pub package: String,
    /// The functions class (also written, empty, when the module's functions are all methods).
    pub functions_class: Option<String>,
    /// Module functions of the class, by token.
    pub functions: Vec<usize>,
    pub objects: Vec<Token>,
    pub enums: Vec<Token>,
}

/// Every name the Java files use.
#[derive(Debug, Default)]
pub struct Names {
    /// The root Java package.
    pub root: String,
    /// `<root>.Utilities`.
    pub utilities: String,
    /// Java package → simple names of every class generated there (import decisions).
    pub classes: BTreeMap<String, Arc<BTreeSet<String>>>,
    pub resources: BTreeMap<MemberId, ResourceNames>,
    /// Resource token → class (resource references in types).
    pub resource_classes: BTreeMap<Token, String>,
    pub functions: BTreeMap<usize, FunctionNames>,
    pub objects: BTreeMap<Token, ObjectNames>,
    pub enums: BTreeMap<Token, EnumNames>,
    /// Enum class → its token (enum literals of a type).
    pub enum_by_class: BTreeMap<String, Token>,
    /// The `Config` getters, one per config variable.
    pub config: Vec<Member>,
    pub modules: Vec<Module>,
}

/// The outputs a resource class exports: `id` and `urn` are exported by the runtime's base
/// classes already (the Java runtime rejects a second `@Export` of either name).
// Not `Sdk::exposes_output`: Java SDKs have always exported every provider output, and
// dropping the non-string ones would remove getters programs may call.
pub fn exports(r: &Resource) -> Vec<&Property> {
    r.outputs.iter().filter(|p| p.name.wire != "urn" && (r.is_component || p.name.wire != "id")).collect()
}

/// Field and accessor names for the properties of one class.
fn members<'p>(props: impl IntoIterator<Item = &'p Property>, reserved: &[&str], accessor: fn(&str) -> String) -> Vec<Member> {
    let mut fields = Ns::with_reserved(reserved.iter().copied().chain(FIELD_RESERVED.iter().copied()));
    let mut methods = Ns::new();
    props
        .into_iter()
        .map(|p| {
            let field = fields.claim(&naming::property(p));
            let accessor = methods.claim(&accessor(&field));
            Member { field, accessor }
        })
        .collect()
}

impl NameTable<Settings> for Names {
    type Module = Module;

    /// The Java naming pass: the root package, then every class of every package (resources,
    /// enums, object types, states, functions), then fields and accessors.
    fn build(sdk: &Sdk, settings: &Settings) -> Result<Names, Diagnostics> {
        let shapes = shapes(sdk);
        let root = layout::root_package(settings, &sdk.pkg.name);
        let mut pass = Pass { sdk, settings, scopes: BTreeMap::new(), classes: BTreeMap::new(), fn_scopes: BTreeMap::new(), fn_classes: BTreeMap::new(), names: Names::default() };
        pass.reserve(&root, "Utilities");
        if !sdk.pkg.config.is_empty() {
            pass.reserve(&root, "Config");
        }
        pass.names.utilities = format!("{root}.Utilities");
        pass.names.root = root;
        pass.resources();
        pass.enums();
        pass.objects(&shapes);
        pass.states();
        pass.functions();
        Ok(pass.finish())
    }

    /// The Java packages, in output order.
    fn modules(&self) -> Vec<&Module> {
        self.modules.iter().collect()
    }
}

/// The state of the naming pass.
struct Pass<'a, 'p> {
    sdk: &'a Sdk<'p>,
    settings: &'a Settings,
    /// Java package → class-name scope.
    scopes: BTreeMap<String, Ns>,
    classes: BTreeMap<String, BTreeSet<String>>,
    /// Functions class → method-name scope.
    fn_scopes: BTreeMap<String, Ns>,
    /// Module Java package → functions class.
    fn_classes: BTreeMap<String, String>,
    names: Names,
}

impl Pass<'_, '_> {
    fn module(&self, module: &str) -> String {
        module_package(self.settings, &self.sdk.pkg.name, module)
    }

    fn scope(&mut self, package: &str) -> &mut Ns {
        self.scopes.entry(package.to_string()).or_insert_with(|| Ns::with_reserved(CLASS_RESERVED.iter().copied()))
    }

    /// Claims a class name in a Java package and returns its FQN.
    fn claim(&mut self, package: &str, base: &str) -> String {
        let name = self.scope(package).claim(base);
        self.classes.entry(package.to_string()).or_default().insert(name.clone());
        format!("{package}.{name}")
    }

    fn reserve(&mut self, package: &str, name: &str) {
        self.scope(package).reserve(name);
        self.classes.entry(package.to_string()).or_default().insert(name.to_string());
    }

    fn resources(&mut self) {
        let sdk = self.sdk;
        for (id, r) in sdk.members() {
            let (package, base) = match id {
                MemberId::Provider => (self.names.root.clone(), "Provider".to_string()),
                MemberId::Resource(_) => (self.module(&r.module), class_name(&r.token.name)),
            };
            let class = self.claim(&package, &base);
            let args = self.claim(&package, &format!("{}Args", split(&class).1));
            if id != MemberId::Provider {
                self.names.resource_classes.insert(r.token.clone(), class.clone());
            }
            let inputs = members(&r.inputs, INPUT_RESERVED, member);
            let outputs = members(exports(r), &[], resource_member);
            self.names.resources.insert(id, ResourceNames { class, args, state: None, inputs, state_fields: Vec::new(), outputs });
        }
    }

    fn enums(&mut self) {
        let pkg = self.sdk.pkg;
        for (tok, t) in &pkg.types {
            if let TypeDef::Enum(e) = t {
                let class = self.claim(&layout::enums(&self.module(&e.module)), &class_name(&tok.name));
                let mut scope = Ns::with_reserved(naming::ENUM_RESERVED.iter().copied());
                let members = e.values.iter().map(|v| scope.claim(&naming::enum_member(&naming::enum_value_name(v)))).collect();
                self.names.enum_by_class.insert(class.clone(), tok.clone());
                self.names.enums.insert(tok.clone(), EnumNames { class, primitive: e.primitive, members });
            }
        }
    }

    fn objects(&mut self, shapes: &BTreeMap<Token, BTreeSet<Shape>>) {
        let pkg = self.sdk.pkg;
        for (tok, set) in shapes {
            let Some(TypeDef::Object(o)) = pkg.types.get(tok) else { continue };
            let m = self.module(&o.module);
            let base = class_name(&tok.name);
            let (inputs, outputs) = (layout::inputs(&m), layout::outputs(&m));
            let mut n = ObjectNames::default();
            if set.contains(&Shape::Args) {
                n.args = Some(self.claim(&inputs, &format!("{base}Args")));
            }
            if set.contains(&Shape::Plain) {
                n.plain = Some(self.claim(&inputs, &base));
            }
            if set.contains(&Shape::Output) {
                n.output = Some(self.claim(&outputs, &base));
            }
            if set.contains(&Shape::Config) {
                n.config = Some(self.claim(&inputs, &base));
            }
            self.names.objects.insert(tok.clone(), n);
        }
        let forwards: Vec<(Token, Token)> = self.names.objects.keys().filter_map(|tok| Some((tok.clone(), self.forward(tok)?))).collect();
        for (tok, canonical) in forwards {
            if let Some(n) = self.names.objects.get_mut(&tok) {
                n.forward = Some(canonical);
            }
        }
        for (tok, n) in self.names.objects.iter_mut() {
            let Some(TypeDef::Object(o)) = pkg.types.get(tok) else { continue };
            if n.forward.is_some() {
                continue;
            }
            if n.args.is_some() || n.plain.is_some() {
                n.inputs = members(o.properties.iter(), INPUT_RESERVED, member);
            }
            if n.output.is_some() || n.config.is_some() {
                n.outputs = members(o.properties.iter(), OUTPUT_RESERVED, member);
            }
        }
    }

    /// The canonical type an alias's classes forward to: an alias (same shape as a canonical
    /// type, see `ObjectType::alias_of`) is never referenced, properties are declared with
    /// the canonical class, so its classes only keep the public name — when every shape the
    /// alias needs exists on the canonical type (on AWS, 54,674 of 59,456 object types).
    fn forward(&self, tok: &Token) -> Option<Token> {
        let Some(TypeDef::Object(o)) = self.sdk.pkg.types.get(tok) else { return None };
        let canonical = o.alias_of.as_ref()?;
        let (n, c) = (self.names.objects.get(tok)?, self.names.objects.get(canonical)?);
        let pairs = [(&n.args, &c.args), (&n.plain, &c.plain), (&n.output, &c.output), (&n.config, &c.config)];
        pairs.iter().all(|(own, canon)| own.is_none() || canon.is_some()).then(|| canonical.clone())
    }

    fn states(&mut self) {
        let sdk = self.sdk;
        for (id, r) in sdk.members() {
            let Some(props) = &r.state_inputs else { continue };
            if id == MemberId::Provider || r.is_component {
                continue;
            }
            let m = self.module(&r.module);
            let simple = split(&self.names.resources[&id].class).1;
            let state = self.claim(&layout::inputs(&m), &format!("{simple}State"));
            if let Some(rn) = self.names.resources.get_mut(&id) {
                rn.state = Some(state);
                rn.state_fields = members(props.iter(), INPUT_RESERVED, member);
            }
        }
    }

    /// The functions class of a module package, claimed on first use.
    fn functions_class(&mut self, package: &str, module: &str) -> String {
        if let Some(c) = self.fn_classes.get(package) {
            return c.clone();
        }
        let c = self.claim(package, &naming::functions_class(&self.sdk.pkg.name, module));
        self.fn_classes.insert(package.to_string(), c.clone());
        c
    }

    fn functions(&mut self) {
        let sdk = self.sdk;
        for (i, f) in sdk.pkg.functions.iter().enumerate() {
            let m = self.module(&f.module);
            // The official generator still writes the (then empty) functions class.
            let class = self.functions_class(&m, &f.module);
            if sdk.is_method(&f.token) {
                continue;
            }
            let scope = self.fn_scopes.entry(class.clone()).or_default();
            let method = scope.claim(&function_name(&f.token.name));
            let plain_method = scope.claim(&format!("{method}Plain"));
            let base = class_name(&f.token.name);
            let (inputs, outputs) = (layout::inputs(&m), layout::outputs(&m));
            let (args, plain_args) = match f.inputs {
                Some(_) => (Some(self.claim(&inputs, &format!("{base}Args"))), Some(self.claim(&inputs, &format!("{base}PlainArgs")))),
                None => (None, None),
            };
            let (result, result_props) = match &f.outputs {
                Some(FunctionResult::Object { shape }) => {
                    let taken = self.scopes.get(&outputs).is_some_and(|s| s.is_taken(&format!("{base}Result")));
                    let pick = if taken { format!("{base}InvokeResult") } else { format!("{base}Result") };
                    (Some(self.claim(&outputs, &pick)), members(shape.properties.iter(), OUTPUT_RESERVED, member))
                }
                _ => (None, Vec::new()),
            };
            let input_members = f.inputs.as_ref().map(|s| members(s.properties.iter(), INPUT_RESERVED, member)).unwrap_or_default();
            let names = FunctionNames { class, method, plain_method, args, plain_args, result, inputs: input_members, outputs: result_props };
            self.names.functions.insert(i, names);
        }
    }

    fn finish(mut self) -> Names {
        self.names.config = members(&self.sdk.pkg.config, naming::CONFIG_RESERVED, member);
        let mut groups = self.sdk.group_by(|m| module_package(self.settings, &self.sdk.pkg.name, m));
        for package in self.fn_classes.keys() {
            groups.entry(package.clone()).or_default();
        }
        let pkg = self.sdk.pkg;
        self.names.modules = groups
            .into_iter()
            .map(|(package, Members { mut functions, objects, enums, .. })| {
                functions.sort_by_key(|i| pkg.functions[*i].token.to_string());
                Module { functions_class: self.fn_classes.get(&package).cloned(), package, functions, objects, enums }
            })
            .collect();
        self.names.classes = self.classes.into_iter().map(|(k, v)| (k, Arc::new(v))).collect();
        self.names
    }
}

/// Which shapes of which object types are needed: `inputs.XArgs` where a type is reached as
/// an Output-accepting input, `inputs.X` where it is reached as a plain input (function
/// `PlainArgs`, `plain` properties), `outputs.X` where it is reached as an output, and an
/// output-shaped `inputs.X` where a config variable reaches it.
pub fn shapes(sdk: &Sdk) -> BTreeMap<Token, BTreeSet<Shape>> {
    let pkg = sdk.pkg;
    let mut walk = Walk { sdk, shapes: BTreeMap::new() };
    for (_, r) in sdk.members() {
        walk.inputs(&r.inputs);
        if let Some(s) = &r.state_inputs {
            walk.inputs(s);
        }
        for p in &r.outputs {
            walk.walk(&p.ty, Shape::Output);
        }
    }
    for (_, f) in sdk.functions() {
        if let Some(i) = &f.inputs {
            walk.inputs(&i.properties);
            for p in i.properties.iter() {
                walk.walk(&p.ty, Shape::Plain);
            }
        }
        if let Some(FunctionResult::Object { shape }) = &f.outputs {
            for p in shape.properties.iter() {
                walk.walk(&p.ty, Shape::Output);
            }
        }
    }
    for p in &pkg.config {
        walk.walk(&p.ty, Shape::Config);
    }
    // Types nothing reaches still get the classes their usage asks for.
    for (tok, t) in &pkg.types {
        if let TypeDef::Object(o) = t {
            if walk.shapes.contains_key(tok) {
                continue;
            }
            let named = TypeRef::Named { token: tok.clone() };
            if o.usage.input {
                walk.walk(&named, Shape::Args);
            }
            if o.usage.output {
                walk.walk(&named, Shape::Output);
            }
        }
    }
    walk.shapes
}

struct Walk<'a, 'p> {
    sdk: &'a Sdk<'p>,
    shapes: BTreeMap<Token, BTreeSet<Shape>>,
}

impl Walk<'_, '_> {
    fn inputs(&mut self, props: &[Property]) {
        for p in props {
            self.walk(&p.ty, if p.plain { Shape::Plain } else { Shape::Args });
        }
    }

    fn walk(&mut self, ty: &TypeRef, shape: Shape) {
        let mut stack = vec![(ty.clone(), shape)];
        while let Some((t, s)) = stack.pop() {
            match &t {
                TypeRef::Array { items } => stack.push(((**items).clone(), s)),
                TypeRef::Map { values } => stack.push(((**values).clone(), s)),
                TypeRef::Union { types, .. } => stack.extend(types.iter().map(|t| (t.clone(), s))),
                TypeRef::Named { token } => {
                    let Some(TypeDef::Object(o)) = self.sdk.pkg.types.get(token) else { continue };
                    if !self.shapes.entry(token.clone()).or_default().insert(s) {
                        continue;
                    }
                    for p in o.properties.iter() {
                        let child = match s {
                            Shape::Args if p.plain => Shape::Plain,
                            Shape::Args => Shape::Args,
                            Shape::Plain => Shape::Plain,
                            Shape::Output | Shape::Config => Shape::Output,
                        };
                        stack.push((p.ty.clone(), child));
                    }
                }
                _ => {}
            }
        }
    }
}

/// The names a program spells, read from the name table: classes by simple name (their
/// package is the module's), functions as `Class.method`, properties by accessor.
pub fn surface(cx: &Cx<Java>) -> Surface {
    let (sdk, names) = (cx.sdk, cx.names);
    let mut s = Surface::default();
    let modules: BTreeSet<&str> = sdk.members().map(|(_, r)| r.module.as_str()).chain(sdk.functions().map(|(_, f)| f.module.as_str())).chain(sdk.pkg.types.values().map(|t| t.module())).collect();
    for m in modules {
        s.member(Item::Module, m, module_package(cx.settings, &sdk.pkg.name, m));
    }
    for (id, r) in sdk.members() {
        let n = &names.resources[&id];
        let key = if id == MemberId::Provider { PROVIDER.to_string() } else { member_key(&r.token) };
        s.member(Item::Resource, key.clone(), split(&n.class).1);
        s.member(Item::ResourceArgs, key.clone(), split(&n.args).1);
        // Inputs first: an output of the same wire name (its getter) wins.
        for (p, m) in r.inputs.iter().zip(&n.inputs).chain(exports(r).into_iter().zip(&n.outputs)) {
            s.inner(Item::Property, key.clone(), p.name.wire.clone(), m.accessor.clone());
        }
    }
    for (i, f) in sdk.functions() {
        let Some(n) = names.functions.get(&i) else { continue };
        let key = member_key(&f.token);
        s.member(Item::Function, key.clone(), format!("{}.{}", split(&n.class).1, n.method));
        if let Some(a) = &n.args {
            s.member(Item::FunctionArgs, key.clone(), split(a).1);
        }
        if let Some(r) = &n.result {
            s.member(Item::FunctionResult, key.clone(), split(r).1);
        }
    }
    for (tok, n) in &names.objects {
        let Some(class) = n.args.as_ref().or(n.plain.as_ref()).or(n.output.as_ref()).or(n.config.as_ref()) else { continue };
        let key = member_key(tok);
        s.member(Item::Type, key.clone(), split(class).1);
        // An alias that forwards has the canonical type's members (same shape).
        let own = n.forward.as_ref().and_then(|c| names.objects.get(c)).unwrap_or(n);
        let members = if own.inputs.is_empty() { &own.outputs } else { &own.inputs };
        if let Some(TypeDef::Object(o)) = sdk.pkg.types.get(tok) {
            for (p, m) in o.properties.iter().zip(members) {
                s.inner(Item::Property, key.clone(), p.name.wire.clone(), m.accessor.clone());
            }
        }
    }
    for (tok, n) in &names.enums {
        let key = member_key(tok);
        s.member(Item::Enum, key.clone(), split(&n.class).1);
        if let Some(TypeDef::Enum(e)) = sdk.pkg.types.get(tok) {
            for (v, m) in e.values.iter().zip(&n.members) {
                s.inner(Item::EnumMember, key.clone(), v.value.to_string(), m.clone());
            }
        }
    }
    s
}

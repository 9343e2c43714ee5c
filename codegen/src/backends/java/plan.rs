//! Package → artifacts for the Java target: decides the layout (one Maven project, one Java
//! package per module with `inputs`/`outputs`/`enums` subpackages), allocates every name
//! through [`super::naming`], renders types through [`super::types`] and fills the view
//! models of [`super::model`].
//!
//! Which classes an object type gets is decided by a reachability walk, as the official
//! generator's class queue does: `inputs.XArgs` where it is reached as an Output-accepting
//! input, `inputs.X` where it is reached as a plain input (function `PlainArgs`, `plain`
//! properties), `outputs.X` where it is reached as an output, and an output-shaped
//! `inputs.X` where a config variable reaches it.

use super::docs::{block, doc_lines, escape_block_comment, escape_javadoc, java_str, xml_text};
use super::model::*;
use super::naming::{
    self, class_name, function_name, ident, member, resource_member, JavaInfo, Scope,
};
use super::types::{FileCtx, Flavor, JType, NameTables, ObjectNames, LIST, MAP, OUTPUT};
use crate::backends::readme;
use crate::backends::common::GENERATED_HEADER;
use crate::backends::Artifact;
use crate::ir::{FunctionResult, Package, Primitive, Property, Resource, Token, TypeDef, TypeRef};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The `com.pulumi:pulumi` release the generated projects compile against (Maven Central).
pub const PULUMI_JAVA_VERSION: &str = "1.36.1";

const NULLABLE: &str = "javax.annotation.Nullable";
const OBJECTS: &str = "java.util.Objects";
const CODEGEN: &str = "com.pulumi.core.internal.Codegen";
const MISSING: &str = "com.pulumi.exceptions.MissingRequiredPropertyException";

/// Field names that would obscure the package roots of fully qualified names in expressions.
const FIELD_RESERVED: &[&str] = &["com", "java", "javax"];

/// Index `usize::MAX` stands for the provider resource.
const PROVIDER: usize = usize::MAX;

/// Plans every file of the package.
pub fn plan(pkg: &Package) -> Vec<Artifact> {
    let java = pkg
        .meta
        .language
        .get("java")
        .cloned()
        .unwrap_or(Value::Null);
    let info = JavaInfo::from(&java);
    let mut p = Planner::new(pkg, info);
    p.run()
}

/// Names of one resource's classes.
#[derive(Debug, Clone)]
struct ResNames {
    class: String,
    args: String,
    state: Option<String>,
}

/// Names of one function's classes and methods.
#[derive(Debug, Clone)]
struct FnNames {
    module_pkg: String,
    class: String,
    method: String,
    plain_method: String,
    args: Option<String>,
    plain_args: Option<String>,
    result: Option<String>,
}

struct Planner<'a> {
    pkg: &'a Package,
    info: JavaInfo,
    root: String,
    names: NameTables,
    /// Java package → class-name scope.
    scopes: BTreeMap<String, Scope>,
    /// Java package → simple class names generated there.
    classes: BTreeMap<String, Arc<BTreeSet<String>>>,
    flavors: BTreeMap<Token, BTreeSet<Flavor>>,
    res: BTreeMap<usize, ResNames>,
    fns: BTreeMap<usize, FnNames>,
    /// Functions-class scope (method names) per class FQN.
    fn_scopes: BTreeMap<String, Scope>,
    /// Module Java package → functions class FQN.
    fn_classes: BTreeMap<String, String>,
    out: Vec<Artifact>,
}

fn split(fqn: &str) -> (String, String) {
    match fqn.rsplit_once('.') {
        Some((p, s)) => (p.to_string(), s.to_string()),
        None => (String::new(), fqn.to_string()),
    }
}

fn path_of(fqn: &str) -> String {
    format!("src/main/java/{}.java", fqn.replace('.', "/"))
}

/// The Java name a property asks for (`language.java.name`), else its wire name.
fn prop_base(p: &Property) -> String {
    p.language
        .get("java")
        .and_then(|j| j.get("name"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(ident)
        .unwrap_or_else(|| ident(&p.name.wire))
}

/// Field and accessor names for a list of properties in one class.
fn allocate_fields(
    props: &[&Property],
    reserved: &[&str],
    accessor: fn(&str) -> String,
) -> Vec<(String, String)> {
    let mut fields = Scope::with_reserved(
        reserved
            .iter()
            .copied()
            .chain(FIELD_RESERVED.iter().copied()),
    );
    let mut methods = Scope::new();
    props
        .iter()
        .map(|p| {
            let f = fields.claim(&prop_base(p));
            let m = methods.claim(&accessor(&f));
            (f, m)
        })
        .collect()
}

fn deprecated_annotation(msg: &str) -> String {
    format!("@Deprecated /* {} */", escape_block_comment(msg))
}

/// Lines of a property's field doc: the description, then `@deprecated` and its message.
fn prop_doc_lines(p: &Property, prefix: &str) -> Vec<String> {
    let mut lines = doc_lines(p.docs.as_deref().unwrap_or(""));
    if let Some(first) = lines.first_mut() {
        *first = format!("{prefix}{first}");
    }
    lines
}

fn with_deprecation(mut lines: Vec<String>, deprecation: Option<&str>) -> Vec<String> {
    if let Some(dep) = deprecation {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push("@deprecated".into());
        let d = doc_lines(dep);
        if d.is_empty() {
            lines.push(escape_javadoc(dep));
        } else {
            lines.extend(d);
        }
    }
    lines
}

fn setter_doc(p: &Property, field: &str, indent: &str) -> String {
    let lines = prop_doc_lines(p, &format!("@param {field} "));
    if lines.is_empty() {
        return String::new();
    }
    let mut all = lines;
    all.push(String::new());
    all.push("@return builder".into());
    block(indent, &all)
}

/// A Java literal of `v` for a value of Java type `t`, if `v` fits it.
fn literal(
    names: &NameTables,
    pkg: &Package,
    t: &JType,
    v: &Value,
    ctx: &mut FileCtx,
) -> Option<String> {
    match (t.fqn.as_str(), v) {
        ("java.lang.Boolean", Value::Bool(b)) => Some(b.to_string()),
        ("java.lang.Integer", Value::Number(n)) => n
            .as_i64()
            .filter(|i| i32::try_from(*i).is_ok())
            .map(|i| i.to_string()),
        ("java.lang.Double", Value::Number(n)) => {
            let f = n.as_f64()?;
            if !f.is_finite() {
                return None;
            }
            let s = format!("{f:?}");
            Some(if s.contains(['.', 'e', 'E']) {
                s
            } else {
                format!("{s}.0")
            })
        }
        ("java.lang.String", Value::String(s)) => Some(java_str(s)),
        (fqn, v) => {
            // An enum constant with this value.
            let (tok, _) = names.enums.iter().find(|(_, (f, _))| f == fqn)?;
            let Some(TypeDef::Enum(e)) = pkg.types.get(tok) else {
                return None;
            };
            let idx = e.values.iter().position(|ev| &ev.value == v)?;
            let members = enum_member_names(e);
            Some(format!("{}.{}", ctx.r(fqn), members.get(idx)?))
        }
    }
}

/// Constant names of an enum, allocated in order.
fn enum_member_names(e: &crate::ir::EnumType) -> Vec<String> {
    let mut scope = Scope::with_reserved(["value", "getValue", "toString"]);
    e.values
        .iter()
        .map(|v| {
            let raw = v.name.clone().unwrap_or_else(|| match &v.value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            scope.claim(&naming::enum_member(&raw))
        })
        .collect()
}

fn primitive_prop(t: &JType) -> Option<&'static str> {
    Some(match t.fqn.as_str() {
        "java.lang.Boolean" => "booleanProp",
        "java.lang.Integer" => "integerProp",
        "java.lang.String" => "stringProp",
        "java.lang.Double" => "doubleProp",
        _ => return None,
    })
}

impl<'a> Planner<'a> {
    fn new(pkg: &'a Package, info: JavaInfo) -> Self {
        let root = info.root_package(&pkg.name);
        Planner {
            pkg,
            info,
            root,
            names: NameTables::default(),
            scopes: BTreeMap::new(),
            classes: BTreeMap::new(),
            flavors: BTreeMap::new(),
            res: BTreeMap::new(),
            fns: BTreeMap::new(),
            fn_scopes: BTreeMap::new(),
            fn_classes: BTreeMap::new(),
            out: Vec::new(),
        }
    }

    fn module_pkg(&self, module: &str) -> String {
        self.info.module_package(&self.pkg.name, module)
    }

    /// Claims a class name in a Java package and returns its FQN.
    fn claim(&mut self, package: &str, base: &str) -> String {
        // `Builder` is the nested class of every generated input and output class; a
        // top-level class of that name could not declare it.
        let scope = self
            .scopes
            .entry(package.to_string())
            .or_insert_with(|| Scope::with_reserved(["Builder"]));
        let name = scope.claim(base);
        Arc::make_mut(self.classes.entry(package.to_string()).or_default()).insert(name.clone());
        format!("{package}.{name}")
    }

    fn reserve(&mut self, package: &str, name: &str) {
        self.scopes
            .entry(package.to_string())
            .or_insert_with(|| Scope::with_reserved(["Builder"]))
            .reserve(name);
        Arc::make_mut(self.classes.entry(package.to_string()).or_default()).insert(name.to_string());
    }

    fn resource(&self, i: usize) -> &'a Resource {
        if i == PROVIDER {
            &self.pkg.provider
        } else {
            &self.pkg.resources[i]
        }
    }

    fn method_tokens(&self) -> BTreeSet<Token> {
        self.pkg
            .resources
            .iter()
            .chain(std::iter::once(&self.pkg.provider))
            .flat_map(|r| r.methods.values().cloned())
            .collect()
    }

    fn ctx(&self, fqn: &str, nested: &[&str]) -> FileCtx {
        let (package, _) = split(fqn);
        let classes = self.classes.get(&package).cloned().unwrap_or_default();
        FileCtx::new(&package, classes, nested)
    }

    fn head(ctx: &FileCtx) -> FileHead {
        FileHead {
            generated: GENERATED_HEADER.to_string(),
            package: ctx.package.clone(),
            imports: ctx.import_lines(),
        }
    }

    // ---------------------------------------------------------------------------------
    // Reachability: which flavours of which object types are needed.
    // ---------------------------------------------------------------------------------

    fn walk(&mut self, ty: &TypeRef, flavor: Flavor) {
        let mut stack = vec![(ty.clone(), flavor)];
        while let Some((t, f)) = stack.pop() {
            match &t {
                TypeRef::Array { items } => stack.push(((**items).clone(), f)),
                TypeRef::Map { values } => stack.push(((**values).clone(), f)),
                TypeRef::Union { types, .. } => stack.extend(types.iter().map(|t| (t.clone(), f))),
                TypeRef::Named { token } => {
                    let Some(TypeDef::Object(o)) = self.pkg.types.get(token) else {
                        continue;
                    };
                    if !self.flavors.entry(token.clone()).or_default().insert(f) {
                        continue;
                    }
                    for p in o.properties.iter() {
                        let child = match f {
                            Flavor::Args if p.plain => Flavor::Plain,
                            Flavor::Args => Flavor::Args,
                            Flavor::Plain => Flavor::Plain,
                            Flavor::Output | Flavor::Config => Flavor::Output,
                        };
                        stack.push((p.ty.clone(), child));
                    }
                }
                _ => {}
            }
        }
    }

    fn walk_inputs(&mut self, props: &[Property]) {
        for p in props {
            self.walk(&p.ty, if p.plain { Flavor::Plain } else { Flavor::Args });
        }
    }

    fn compute_flavors(&mut self) {
        let pkg = self.pkg;
        let methods = self.method_tokens();
        for r in pkg.resources.iter().chain(std::iter::once(&pkg.provider)) {
            self.walk_inputs(&r.inputs);
            if let Some(s) = &r.state_inputs {
                self.walk_inputs(s);
            }
            for p in &r.outputs {
                self.walk(&p.ty, Flavor::Output);
            }
        }
        for f in &pkg.functions {
            if methods.contains(&f.token) {
                continue;
            }
            if let Some(i) = &f.inputs {
                self.walk_inputs(&i.properties);
                for p in &i.properties {
                    self.walk(&p.ty, Flavor::Plain);
                }
            }
            if let Some(FunctionResult::Object { shape }) = &f.outputs {
                for p in &shape.properties {
                    self.walk(&p.ty, Flavor::Output);
                }
            }
        }
        for p in &pkg.config {
            self.walk(&p.ty, Flavor::Config);
        }
        // Types nothing reaches still get the classes their usage asks for.
        for (tok, t) in &pkg.types {
            if let TypeDef::Object(o) = t {
                if self.flavors.contains_key(tok) {
                    continue;
                }
                let named = TypeRef::Named { token: tok.clone() };
                if o.usage.input {
                    self.walk(&named, Flavor::Args);
                }
                if o.usage.output {
                    self.walk(&named, Flavor::Output);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------
    // Names
    // ---------------------------------------------------------------------------------

    fn allocate(&mut self) {
        let pkg = self.pkg;
        let root = self.root.clone();
        self.reserve(&root, "Utilities");
        if !pkg.config.is_empty() {
            self.reserve(&root, "Config");
        }
        // Provider and resources (module packages).
        let mut order: Vec<usize> = vec![PROVIDER];
        order.extend(0..pkg.resources.len());
        for &i in &order {
            let r = self.resource(i);
            let m = if i == PROVIDER {
                root.clone()
            } else {
                self.module_pkg(&r.module)
            };
            let base = if i == PROVIDER {
                "Provider".to_string()
            } else {
                class_name(&r.token.name)
            };
            let class = self.claim(&m, &base);
            let (_, simple) = split(&class);
            let args = self.claim(&m, &format!("{simple}Args"));
            if i != PROVIDER {
                self.names.resources.insert(r.token.clone(), class.clone());
            }
            self.res.insert(
                i,
                ResNames {
                    class,
                    args,
                    state: None,
                },
            );
        }
        // Enums.
        for (tok, t) in &pkg.types {
            if let TypeDef::Enum(e) = t {
                let p = format!("{}.enums", self.module_pkg(&e.module));
                let fqn = self.claim(&p, &class_name(&tok.name));
                self.names.enums.insert(tok.clone(), (fqn, e.primitive));
            }
        }
        // Object types, per flavour.
        let flavors = self.flavors.clone();
        for (tok, set) in &flavors {
            let Some(TypeDef::Object(o)) = pkg.types.get(tok) else {
                continue;
            };
            let m = self.module_pkg(&o.module);
            let base = class_name(&tok.name);
            let mut n = ObjectNames::default();
            let inputs = format!("{m}.inputs");
            let outputs = format!("{m}.outputs");
            if set.contains(&Flavor::Args) {
                n.args = Some(self.claim(&inputs, &format!("{base}Args")));
            }
            if set.contains(&Flavor::Plain) {
                n.plain = Some(self.claim(&inputs, &base));
            }
            if set.contains(&Flavor::Output) {
                n.output = Some(self.claim(&outputs, &base));
            }
            if set.contains(&Flavor::Config) {
                n.config = Some(self.claim(&inputs, &base));
            }
            self.names.objects.insert(tok.clone(), n);
        }
        // State classes.
        for &i in &order {
            let r = self.resource(i);
            if i == PROVIDER || r.is_component || r.state_inputs.is_none() {
                continue;
            }
            let m = self.module_pkg(&r.module);
            let (_, simple) = split(&self.res[&i].class);
            let state = self.claim(&format!("{m}.inputs"), &format!("{simple}State"));
            if let Some(rn) = self.res.get_mut(&i) {
                rn.state = Some(state);
            }
        }
        // Functions.
        let methods = self.method_tokens();
        let mut fn_classes: BTreeMap<String, String> = BTreeMap::new();
        for (i, f) in pkg.functions.iter().enumerate() {
            let m = self.module_pkg(&f.module);
            if methods.contains(&f.token) {
                // The official generator still writes the (then empty) functions class.
                if !fn_classes.contains_key(&m) {
                    let c = self.claim(&m, &naming::functions_class(&pkg.name, &f.module));
                    fn_classes.insert(m.clone(), c.clone());
                }
                continue;
            }
            let class = match fn_classes.get(&m) {
                Some(c) => c.clone(),
                None => {
                    let c = self.claim(&m, &naming::functions_class(&pkg.name, &f.module));
                    fn_classes.insert(m.clone(), c.clone());
                    c
                }
            };
            let scope = self.fn_scopes.entry(class.clone()).or_default();
            let method = scope.claim(&function_name(&f.token.name));
            let plain_method = scope.claim(&format!("{method}Plain"));
            let base = class_name(&f.token.name);
            let inputs = format!("{m}.inputs");
            let outputs = format!("{m}.outputs");
            let (args, plain_args) = if f.inputs.is_some() {
                (
                    Some(self.claim(&inputs, &format!("{base}Args"))),
                    Some(self.claim(&inputs, &format!("{base}PlainArgs"))),
                )
            } else {
                (None, None)
            };
            let result = match &f.outputs {
                Some(FunctionResult::Object { .. }) => {
                    let taken =
                        |s: &Self, n: &str| s.scopes.get(&outputs).is_some_and(|sc| sc.is_taken(n));
                    let pick = if !taken(self, &format!("{base}Result")) {
                        format!("{base}Result")
                    } else {
                        format!("{base}InvokeResult")
                    };
                    Some(self.claim(&outputs, &pick))
                }
                _ => None,
            };
            self.fns.insert(
                i,
                FnNames {
                    module_pkg: m,
                    class,
                    method,
                    plain_method,
                    args,
                    plain_args,
                    result,
                },
            );
        }
        self.fn_classes = fn_classes;
    }

    fn run(&mut self) -> Vec<Artifact> {
        self.compute_flavors();
        self.allocate();
        let pkg = self.pkg;
        // Resources.
        let mut order: Vec<usize> = vec![PROVIDER];
        order.extend(0..pkg.resources.len());
        for i in order {
            self.resource_files(i);
        }
        // Object types.
        let objects: Vec<(Token, ObjectNames)> = self
            .names
            .objects
            .iter()
            .map(|(t, n)| (t.clone(), n.clone()))
            .collect();
        for (tok, n) in objects {
            let Some(TypeDef::Object(o)) = pkg.types.get(&tok) else {
                continue;
            };
            let props: Vec<&Property> = o.properties.iter().collect();
            let doc = o.docs.as_deref().unwrap_or("");
            // An alias (same shape as a canonical type, see `ObjectType::alias_of`) is never
            // referenced: properties are declared with the canonical class. Its classes only
            // keep the public name, so they forward to the canonical builder instead of
            // repeating it — on AWS that is 54,674 of 59,456 object types.
            let canonical = o.alias_of.as_ref().and_then(|c| self.names.objects.get(c)).cloned();
            let forward = |own: &Option<String>, canon: Option<&String>| -> Option<(String, String)> {
                Some((own.clone()?, canon?.clone()))
            };
            if let Some(c) = &canonical {
                let pairs = [
                    forward(&n.args, c.args.as_ref()),
                    forward(&n.plain, c.plain.as_ref()),
                    forward(&n.output, c.output.as_ref()),
                    forward(&n.config, c.config.as_ref()),
                ];
                let own = [&n.args, &n.plain, &n.output, &n.config];
                // Forward only when every flavour this alias needs exists on the canonical
                // type; otherwise (usage differs) it keeps full classes.
                if own.iter().zip(&pairs).all(|(o, p)| o.is_none() || p.is_some()) {
                    for (fqn, target) in pairs.into_iter().flatten() {
                        self.alias_class(&fqn, doc, &target);
                    }
                    continue;
                }
            }
            if let Some(f) = &n.args {
                self.input_class(
                    f,
                    doc,
                    "com.pulumi.resources.ResourceArgs",
                    &props,
                    Flavor::Args,
                    false,
                );
            }
            if let Some(f) = &n.plain {
                self.input_class(
                    f,
                    doc,
                    "com.pulumi.resources.InvokeArgs",
                    &props,
                    Flavor::Plain,
                    false,
                );
            }
            if let Some(f) = &n.output {
                self.output_class(f, doc, &props);
            }
            if let Some(f) = &n.config {
                self.output_class(f, doc, &props);
            }
        }
        // Enums.
        let enums: Vec<(Token, String)> = self
            .names
            .enums
            .iter()
            .map(|(t, (f, _))| (t.clone(), f.clone()))
            .collect();
        for (tok, fqn) in enums {
            if let Some(TypeDef::Enum(e)) = pkg.types.get(&tok) {
                self.enum_file(&fqn, e);
            }
        }
        self.functions_files();
        if !pkg.config.is_empty() {
            self.config_file();
        }
        self.package_files();
        std::mem::take(&mut self.out)
    }

    // ---------------------------------------------------------------------------------
    // Input classes
    // ---------------------------------------------------------------------------------

    /// A builder-based input class. `flavor` is `Args` (values are `Output<T>`, except
    /// `plain` properties) or `Plain` (every value plain).
    fn input_class(
        &mut self,
        fqn: &str,
        doc: &str,
        base: &str,
        props: &[&Property],
        flavor: Flavor,
        is_provider: bool,
    ) {
        let mut ctx = self.ctx(fqn, &["Builder"]);
        let (_, name) = split(fqn);
        let names = allocate_fields(props, &["Empty", "$"], member);
        let nullable = ctx.r(NULLABLE);
        let import = ctx.r("com.pulumi.core.annotations.Import");
        let optional = ctx.r("java.util.Optional");
        let mut fields = Vec::new();
        let mut setters = Vec::new();
        let mut build = Vec::new();
        for (p, (field, accessor)) in props.iter().zip(names) {
            let plain = flavor == Flavor::Plain || p.plain;
            let bare = self
                .names
                .jtype(&p.ty, if plain { Flavor::Plain } else { Flavor::Args });
            let full = if plain {
                bare.clone()
            } else {
                JType::output(bare.clone())
            };
            let full_code = ctx.code(&full);
            let field_ty = if p.required {
                full_code.clone()
            } else {
                format!("@{nullable} {full_code}")
            };
            let mut annotations = Vec::new();
            if let Some(d) = &p.deprecation {
                annotations.push(deprecated_annotation(d));
            }
            let mut args = format!("name={}", java_str(&p.name.wire));
            if p.required {
                args.push_str(", required=true");
            }
            if is_provider
                && !matches!(
                    p.ty,
                    TypeRef::Primitive {
                        primitive: Primitive::String
                    }
                )
            {
                args.push_str(", json=true");
            }
            annotations.push(format!("@{import}({args})"));
            let (getter_ty, getter_expr) = if p.required {
                (full_code.clone(), format!("this.{field}"))
            } else {
                (
                    format!("{optional}<{full_code}>"),
                    format!("{optional}.ofNullable(this.{field})"),
                )
            };
            fields.push(Field {
                doc: block(
                    "    ",
                    &with_deprecation(prop_doc_lines(p, ""), p.deprecation.as_deref()),
                ),
                annotations,
                ty: field_ty.clone(),
                name: field.clone(),
                getter_doc: block("    ", &prop_doc_lines(p, "@return ")),
                getter_ty,
                getter: accessor.clone(),
                getter_expr,
            });
            // Setters: the field's own type, then the conveniences the official SDKs have.
            let sdoc = setter_doc(p, &field, "        ");
            setters.push(Setter {
                doc: sdoc.clone(),
                annotations: vec![],
                name: accessor.clone(),
                param_ty: field_ty,
                param: field.clone(),
                body: vec![format!("$.{field} = {field};"), "return this;".into()],
            });
            if !plain {
                let output = ctx.r(OUTPUT);
                setters.push(Setter {
                    doc: sdoc.clone(),
                    annotations: vec![],
                    name: accessor.clone(),
                    param_ty: ctx.code(&bare),
                    param: field.clone(),
                    body: vec![format!("return {accessor}({output}.of({field}));")],
                });
            }
            if let Some(elem) = bare.un_list() {
                let list = ctx.r(LIST);
                setters.push(Setter {
                    doc: sdoc.clone(),
                    annotations: vec![],
                    name: accessor.clone(),
                    param_ty: format!("{}...", ctx.code(elem)),
                    param: field.clone(),
                    body: vec![format!("return {accessor}({list}.of({field}));")],
                });
            }
            if let Some((l, r)) = bare.un_either() {
                let clash = |t: &JType| t.fqn == l.fqn && t.fqn == r.fqn;
                if l.fqn != r.fqn
                    && !clash(&bare)
                    && ![OUTPUT, super::types::EITHER].contains(&l.fqn.as_str())
                    && ![OUTPUT, super::types::EITHER].contains(&r.fqn.as_str())
                {
                    let either = ctx.r(super::types::EITHER);
                    for (side, t) in [("ofLeft", l), ("ofRight", r)] {
                        setters.push(Setter {
                            doc: sdoc.clone(),
                            annotations: vec![],
                            name: accessor.clone(),
                            param_ty: ctx.code(t),
                            param: field.clone(),
                            body: vec![format!("return {accessor}({either}.{side}({field}));")],
                        });
                    }
                }
            }
            // build(): defaults and constants, else the required check.
            match self.default_expr(&mut ctx, p, &bare, plain, &format!("$.{field}")) {
                Some(expr) => build.push(format!("$.{field} = {expr};")),
                None if p.required => {
                    let missing = ctx.r(MISSING);
                    build.push(format!("if ($.{field} == null) {{"));
                    build.push(format!(
                        "    throw new {missing}({}, {});",
                        java_str(&name),
                        java_str(&field)
                    ));
                    build.push("}".into());
                }
                None => {}
            }
        }
        let model = InputClass {
            doc: block("", &doc_lines(doc)),
            name: name.clone(),
            base: ctx.r(base),
            objects: ctx.r(OBJECTS),
            fields,
            setters,
            build,
            head: FileHead::default(),
        };
        let model = InputClass {
            head: Self::head(&ctx),
            ..model
        };
        self.out.push(Artifact::template(
            path_of(fqn),
            "java/input.java.tera",
            &model,
        ));
    }

    /// The `Codegen.xProp(...)…` expression that fills a default, environment default or
    /// constant, or `None` when the property has none we can express.
    fn default_expr(
        &self,
        ctx: &mut FileCtx,
        p: &Property,
        bare: &JType,
        plain: bool,
        arg: &str,
    ) -> Option<String> {
        let (value, env): (Option<&Value>, &[String]) = match (&p.const_value, &p.default) {
            (Some(c), _) => (Some(c), &[]),
            (None, Some(d)) => (d.value.as_ref(), d.environment.as_slice()),
            (None, None) => return None,
        };
        let codegen = ctx.r(CODEGEN);
        let transform = if plain {
            String::new()
        } else if p.secret {
            ".secret()".into()
        } else {
            ".output()".into()
        };
        // Either: build on the side the literal fits, as the official generator does.
        let (prop_expr, lit) = if let Some((l, r)) = bare.un_either() {
            let try_side = |ctx: &mut FileCtx,
                            t: &JType,
                            other: &JType,
                            dir: &str|
             -> Option<(String, Option<String>)> {
                let lit = value.and_then(|v| literal(&self.names, self.pkg, t, v, ctx));
                if value.is_some() && lit.is_none() {
                    return None;
                }
                let base = match primitive_prop(t) {
                    Some(f) => format!("{codegen}.{f}({})", java_str(&p.name.wire)),
                    None if t.params.is_empty() => format!(
                        "{codegen}.objectProp({}, {})",
                        java_str(&p.name.wire),
                        ctx.class_literal(t)
                    ),
                    None => return None,
                };
                Some((format!("{base}.{dir}({})", ctx.class_literal(other)), lit))
            };
            try_side(ctx, l, r, "left").or_else(|| try_side(ctx, r, l, "right"))?
        } else {
            let wire = java_str(&p.name.wire);
            match primitive_prop(bare) {
                Some(f) => {
                    let lit = match value {
                        Some(v) => Some(literal(&self.names, self.pkg, bare, v, ctx)?),
                        None => None,
                    };
                    (format!("{codegen}.{f}({wire})"), lit)
                }
                None => {
                    let base = if bare.params.is_empty() {
                        format!("{codegen}.objectProp({wire}, {})", ctx.class_literal(bare))
                    } else {
                        format!("{codegen}.objectProp({wire}, {})", ctx.type_shape(bare))
                    };
                    let lit = match value {
                        None => None,
                        Some(v) => match literal(&self.names, self.pkg, bare, v, ctx) {
                            Some(l) => Some(l),
                            None if self.names.enums.values().any(|(f, _)| *f == bare.fqn) => {
                                return None
                            }
                            None => Some(format!("__json__{}", java_str(&v.to_string()))),
                        },
                    };
                    (base, lit)
                }
            }
        };
        if lit.is_none() && env.is_empty() {
            return None;
        }
        let mut s = format!("{prop_expr}{transform}.arg({arg})");
        if !env.is_empty() {
            s.push_str(&format!(
                ".env({})",
                env.iter()
                    .map(|e| java_str(e))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(l) = lit {
            match l.strip_prefix("__json__") {
                Some(j) => s.push_str(&format!(".defJson({j})")),
                None => s.push_str(&format!(".def({l})")),
            }
        }
        s.push_str(if p.required {
            ".require()"
        } else {
            ".getNullable()"
        });
        Some(s)
    }

    // ---------------------------------------------------------------------------------
    // Output classes
    // ---------------------------------------------------------------------------------

    fn output_class(&mut self, fqn: &str, doc: &str, props: &[&Property]) {
        let mut ctx = self.ctx(fqn, &["Builder"]);
        let (_, name) = split(fqn);
        let names = allocate_fields(props, &["_resultValue"], member);
        let nullable = ctx.r(NULLABLE);
        let custom = ctx.r("com.pulumi.core.annotations.CustomType");
        let optional = ctx.r("java.util.Optional");
        let mut fields = Vec::new();
        let mut setters = Vec::new();
        for (p, (field, accessor)) in props.iter().zip(names) {
            let bare = self.names.jtype(&p.ty, Flavor::Output);
            let code = ctx.code(&bare);
            let field_ty = if p.required {
                code.clone()
            } else {
                format!("@{nullable} {code}")
            };
            let (getter_ty, getter_expr) = if p.required {
                (code.clone(), format!("this.{field}"))
            } else if bare.fqn == LIST {
                (
                    code.clone(),
                    format!("this.{field} == null ? {}.of() : this.{field}", ctx.r(LIST)),
                )
            } else if bare.fqn == MAP {
                (
                    code.clone(),
                    format!("this.{field} == null ? {}.of() : this.{field}", ctx.r(MAP)),
                )
            } else {
                (
                    format!("{optional}<{code}>"),
                    format!("{optional}.ofNullable(this.{field})"),
                )
            };
            let mut annotations = Vec::new();
            if let Some(d) = &p.deprecation {
                annotations.push(deprecated_annotation(d));
            }
            fields.push(Field {
                doc: block(
                    "    ",
                    &with_deprecation(prop_doc_lines(p, ""), p.deprecation.as_deref()),
                ),
                annotations,
                ty: field_ty.clone(),
                name: field.clone(),
                getter_doc: block("    ", &prop_doc_lines(p, "@return ")),
                getter_ty,
                getter: accessor.clone(),
                getter_expr,
            });
            let setter_ann = if accessor == p.name.wire {
                format!("@{custom}.Setter")
            } else {
                format!("@{custom}.Setter({})", java_str(&p.name.wire))
            };
            let mut body = Vec::new();
            if p.required {
                let missing = ctx.r(MISSING);
                body.push(format!("if ({field} == null) {{"));
                body.push(format!(
                    "  throw new {missing}({}, {});",
                    java_str(&name),
                    java_str(&field)
                ));
                body.push("}".into());
            }
            body.push(format!("this.{field} = {field};"));
            body.push("return this;".into());
            setters.push(Setter {
                doc: String::new(),
                annotations: vec![setter_ann],
                name: accessor.clone(),
                param_ty: field_ty,
                param: field.clone(),
                body,
            });
            if let Some(elem) = bare.un_list() {
                let list = ctx.r(LIST);
                setters.push(Setter {
                    doc: String::new(),
                    annotations: vec![],
                    name: accessor.clone(),
                    param_ty: format!("{}...", ctx.code(elem)),
                    param: field.clone(),
                    body: vec![format!("return {accessor}({list}.of({field}));")],
                });
            }
        }
        let model = OutputClass {
            head: FileHead::default(),
            doc: block("", &doc_lines(doc)),
            name,
            custom_type: custom,
            objects: ctx.r(OBJECTS),
            fields,
            setters,
            result_var: "_resultValue".into(),
        };
        let model = OutputClass {
            head: Self::head(&ctx),
            ..model
        };
        self.out.push(Artifact::template(
            path_of(fqn),
            "java/output.java.tera",
            &model,
        ));
    }

    /// The class of an alias type: a private constructor and `builder()` overloads that
    /// return the canonical class's builder, so `XArgs.builder()…build()` still compiles.
    fn alias_class(&mut self, fqn: &str, doc: &str, target_fqn: &str) {
        let mut ctx = self.ctx(fqn, &[]);
        let (_, name) = split(fqn);
        let target = ctx.r(target_fqn);
        let mut lines = doc_lines(doc);
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!(
            "Same shape as {{@link {target}}}, which properties of this shape are declared with; this class keeps the name and its builder builds a {{@code {target}}}."
        ));
        let model = AliasClass { head: Self::head(&ctx), doc: block("", &lines), name, target };
        self.out.push(Artifact::template(path_of(fqn), "java/alias.java.tera", &model));
    }

    // ---------------------------------------------------------------------------------
    // Resources
    // ---------------------------------------------------------------------------------

    fn resource_files(&mut self, i: usize) {
        let r = self.resource(i);
        let rn = self.res[&i].clone();
        let is_provider = i == PROVIDER;
        // Args class.
        let inputs: Vec<&Property> = r.inputs.iter().collect();
        self.input_class(
            &rn.args,
            "",
            "com.pulumi.resources.ResourceArgs",
            &inputs,
            Flavor::Args,
            is_provider,
        );
        if let (Some(state), Some(props)) = (&rn.state, &r.state_inputs) {
            let props: Vec<&Property> = props.iter().collect();
            self.input_class(
                state,
                "",
                "com.pulumi.resources.ResourceArgs",
                &props,
                Flavor::Args,
                false,
            );
        }
        let mut ctx = self.ctx(&rn.class, &[]);
        let (_, name) = split(&rn.class);
        let output = ctx.r(OUTPUT);
        let codegen = ctx.r(CODEGEN);
        let export = ctx.r("com.pulumi.core.annotations.Export");
        // `id` and `urn` are exported by the runtime's base classes already (the Java runtime
        // rejects a second `@Export` of either name); `id()`/`urn()` serve them.
        let outputs: Vec<&Property> = r
            .outputs
            .iter()
            .filter(|p| p.name.wire != "urn" && (r.is_component || p.name.wire != "id"))
            .collect();
        let names = allocate_fields(&outputs, &[], resource_member);
        let mut exports = Vec::new();
        for (p, (field, accessor)) in outputs.iter().zip(names) {
            let bare = self.names.jtype(&p.ty, Flavor::Output);
            let code = ctx.code(&bare);
            let (refs, tree) = ctx.export_tree(&bare);
            let mut annotations = Vec::new();
            if let Some(d) = &p.deprecation {
                annotations.push(deprecated_annotation(d));
            }
            annotations.push(format!(
                "@{export}(name={}, refs={{{refs}}}, tree={})",
                java_str(&p.name.wire),
                java_str(&tree)
            ));
            let (ty, getter_ty, getter_expr) = if p.required {
                (
                    format!("{output}<{code}>"),
                    format!("{output}<{code}>"),
                    format!("this.{field}"),
                )
            } else {
                let optional = ctx.r("java.util.Optional");
                let nullable = ctx.r(NULLABLE);
                (
                    format!("{output}</* @{nullable} */ {code}>"),
                    format!("{output}<{optional}<{code}>>"),
                    format!("{codegen}.optional(this.{field})"),
                )
            };
            exports.push(Field {
                doc: block(
                    "    ",
                    &with_deprecation(prop_doc_lines(p, ""), p.deprecation.as_deref()),
                ),
                annotations,
                ty,
                name: field,
                getter_doc: block("    ", &prop_doc_lines(p, "@return ")),
                getter_ty,
                getter: accessor,
                getter_expr,
            });
        }
        let (base, options, tail) = if is_provider {
            (
                "com.pulumi.resources.ProviderResource",
                "com.pulumi.resources.CustomResourceOptions",
                ", false",
            )
        } else if r.is_component {
            (
                "com.pulumi.resources.ComponentResource",
                "com.pulumi.resources.ComponentResourceOptions",
                ", true",
            )
        } else {
            (
                "com.pulumi.resources.CustomResource",
                "com.pulumi.resources.CustomResourceOptions",
                ", false",
            )
        };
        let nullable = ctx.r(NULLABLE);
        let args = ctx.r(&rn.args);
        let (state_param, state_ref) = match &rn.state {
            Some(s) => (
                format!("@{nullable} {} state, ", ctx.r(s)),
                "state".to_string(),
            ),
            None => (String::new(), "null".to_string()),
        };
        // Constants the engine must always receive.
        let input_names = allocate_fields(&inputs, &["Empty", "$"], member);
        let mut consts = Vec::new();
        for (p, (_, accessor)) in inputs.iter().zip(&input_names) {
            if let Some(c) = &p.const_value {
                let bare = self
                    .names
                    .jtype(&p.ty, if p.plain { Flavor::Plain } else { Flavor::Args });
                if let Some(l) = literal(&self.names, self.pkg, &bare, c, &mut ctx) {
                    consts.push(format!(".{accessor}({l})"));
                }
            }
        }
        let alias = if r.aliases.is_empty() {
            String::new()
        } else {
            ctx.r("com.pulumi.core.Alias")
        };
        let aliases = r
            .aliases
            .iter()
            .map(|a| {
                let mut s = format!("{output}.of({alias}.builder()");
                if let Some(n) = &a.name {
                    s.push_str(&format!(".name({})", java_str(n)));
                }
                if let Some(p) = &a.project {
                    s.push_str(&format!(".project({})", java_str(p)));
                }
                if let Some(t) = &a.ty {
                    s.push_str(&format!(".type({})", java_str(t)));
                }
                s.push_str(".build())");
                s
            })
            .collect();
        let secrets: BTreeSet<&str> = r
            .outputs
            .iter()
            .chain(r.inputs.iter())
            .filter(|p| p.secret)
            .map(|p| p.name.wire.as_str())
            .collect();
        let mut doc_src = r.docs.clone().unwrap_or_default();
        if doc_src.is_empty() && is_provider {
            doc_src = String::new();
        }
        let doc = block(
            "",
            &with_deprecation(doc_lines(&doc_src), r.deprecation.as_deref()),
        );
        let model = ResourceFile {
            head: FileHead::default(),
            doc,
            deprecated: r.deprecation.as_deref().map(deprecated_annotation),
            resource_type: ctx.r("com.pulumi.core.annotations.ResourceType"),
            token_lit: java_str(&r.token.to_string()),
            name,
            base: base.to_string(),
            exports,
            args,
            args_nullable: if r.inputs.iter().all(|p| !p.required) {
                format!("@{nullable} ")
            } else {
                String::new()
            },
            nullable,
            options: options.to_string(),
            output,
            codegen,
            string: ctx.r("java.lang.String"),
            super_token_lit: java_str(&if is_provider {
                self.pkg.name.clone()
            } else {
                r.token.to_string()
            }),
            super_tail: tail.to_string(),
            is_custom: !is_provider && !r.is_component,
            state_param,
            state_ref,
            consts,
            utilities: ctx.r(&format!("{}.Utilities", self.root)),
            list: ctx.r(LIST),
            aliases,
            secrets: secrets.into_iter().map(java_str).collect(),
        };
        let model = ResourceFile {
            head: Self::head(&ctx),
            ..model
        };
        self.out.push(Artifact::template(
            path_of(&rn.class),
            "java/resource.java.tera",
            &model,
        ));
    }

    // ---------------------------------------------------------------------------------
    // Functions
    // ---------------------------------------------------------------------------------

    fn functions_files(&mut self) {
        let pkg = self.pkg;
        let mut by_class: BTreeMap<String, Vec<usize>> = self
            .fn_classes
            .values()
            .map(|c| (c.clone(), Vec::new()))
            .collect();
        for (i, n) in &self.fns {
            by_class.entry(n.class.clone()).or_default().push(*i);
        }
        for (class, mut idxs) in by_class {
            idxs.sort_by(|a, b| {
                pkg.functions[*a]
                    .token
                    .to_string()
                    .cmp(&pkg.functions[*b].token.to_string())
            });
            let mut ctx = self.ctx(&class, &[]);
            let mut functions = Vec::new();
            for i in idxs {
                let f = &pkg.functions[i];
                let n = self.fns[&i].clone();
                let _ = &n.module_pkg;
                // Argument and result classes.
                if let (Some(a), Some(pa), Some(shape)) = (&n.args, &n.plain_args, &f.inputs) {
                    let props: Vec<&Property> = shape.properties.iter().collect();
                    let doc = shape.docs.as_deref().unwrap_or("");
                    self.input_class(
                        a,
                        doc,
                        "com.pulumi.resources.InvokeArgs",
                        &props,
                        Flavor::Args,
                        false,
                    );
                    self.input_class(
                        pa,
                        doc,
                        "com.pulumi.resources.InvokeArgs",
                        &props,
                        Flavor::Plain,
                        false,
                    );
                }
                if let (Some(res), Some(FunctionResult::Object { shape })) = (&n.result, &f.outputs)
                {
                    let props: Vec<&Property> = shape.properties.iter().collect();
                    self.output_class(res, shape.docs.as_deref().unwrap_or(""), &props);
                }
                let invoke_args = "com.pulumi.resources.InvokeArgs".to_string();
                let args_ty = ctx.r(n.args.as_ref().unwrap_or(&invoke_args));
                let plain_args_ty = ctx.r(n.plain_args.as_ref().unwrap_or(&invoke_args));
                let ret = ctx.r(n.result.as_deref().unwrap_or("java.lang.Void"));
                let shape = format!("{}.of({ret}.class)", ctx.r("com.pulumi.core.TypeShape"));
                let all_optional = f
                    .inputs
                    .as_ref()
                    .is_none_or(|s| s.properties.iter().all(|p| !p.required));
                let doc = block(
                    "    ",
                    &with_deprecation(
                        doc_lines(f.docs.as_deref().unwrap_or("")),
                        f.deprecation.as_deref(),
                    ),
                );
                functions.push(FunctionMethod {
                    doc,
                    deprecated: f.deprecation.as_deref().map(deprecated_annotation),
                    name: n.method.clone(),
                    plain_name: n.plain_method.clone(),
                    ret,
                    args_ty,
                    plain_args_ty,
                    all_optional,
                    token_lit: java_str(&f.token.to_string()),
                    shape,
                });
            }
            let (_, name) = split(&class);
            let model = FunctionsFile {
                head: FileHead::default(),
                name,
                output: ctx.r(OUTPUT),
                future: ctx.r("java.util.concurrent.CompletableFuture"),
                invoke_options: ctx.r("com.pulumi.deployment.InvokeOptions"),
                invoke_output_options: ctx.r("com.pulumi.deployment.InvokeOutputOptions"),
                deployment: ctx.r("com.pulumi.deployment.Deployment"),
                utilities: ctx.r(&format!("{}.Utilities", self.root)),
                functions,
            };
            let model = FunctionsFile {
                head: Self::head(&ctx),
                ..model
            };
            self.out.push(Artifact::template(
                path_of(&class),
                "java/functions.java.tera",
                &model,
            ));
        }
    }

    // ---------------------------------------------------------------------------------
    // Enums, config, package files
    // ---------------------------------------------------------------------------------

    fn enum_file(&mut self, fqn: &str, e: &crate::ir::EnumType) {
        let mut ctx = self.ctx(fqn, &[]);
        let (_, name) = split(fqn);
        let value_ty = ctx.r(super::types::primitive(e.primitive).fqn.as_str());
        let member_names = enum_member_names(e);
        let members = e
            .values
            .iter()
            .zip(member_names)
            .map(|(v, n)| {
                let value = match (e.primitive, &v.value) {
                    (Primitive::String, Value::String(s)) => java_str(s),
                    (Primitive::String, other) => java_str(&other.to_string()),
                    (Primitive::Integer, Value::Number(x)) => x
                        .as_i64()
                        .and_then(|i| i32::try_from(i).ok())
                        .map(|i| i.to_string())
                        .unwrap_or_else(|| "0".into()),
                    (Primitive::Number, Value::Number(x)) => {
                        let f = x.as_f64().unwrap_or(0.0);
                        let s = format!("{f:?}");
                        if s.contains(['.', 'e', 'E']) {
                            s
                        } else {
                            format!("{s}.0")
                        }
                    }
                    (Primitive::Number, _) => "0.0".into(),
                    (Primitive::Integer, _) => "0".into(),
                    (Primitive::Boolean, Value::Bool(b)) => b.to_string(),
                    (Primitive::Boolean, _) => "false".into(),
                };
                EnumMember {
                    doc: block(
                        "    ",
                        &with_deprecation(
                            doc_lines(v.docs.as_deref().unwrap_or("")),
                            v.deprecation.as_deref(),
                        ),
                    ),
                    deprecated: v.deprecation.as_deref().map(deprecated_annotation),
                    name: n,
                    value,
                }
            })
            .collect();
        let model = EnumFile {
            head: FileHead::default(),
            doc: block("", &doc_lines(e.docs.as_deref().unwrap_or(""))),
            name,
            enum_type: ctx.r("com.pulumi.core.annotations.EnumType"),
            value_ty,
            objects: ctx.r(OBJECTS),
            string_joiner: ctx.r("java.util.StringJoiner"),
            is_string: e.primitive == Primitive::String,
            members,
        };
        let model = EnumFile {
            head: Self::head(&ctx),
            ..model
        };
        self.out.push(Artifact::template(
            path_of(fqn),
            "java/enum.java.tera",
            &model,
        ));
    }

    fn config_file(&mut self) {
        let fqn = format!("{}.Config", self.root);
        let mut ctx = self.ctx(&fqn, &[]);
        let props: Vec<&Property> = self.pkg.config.iter().collect();
        let names = allocate_fields(&props, &["config"], member);
        let codegen = ctx.r(CODEGEN);
        let optional = ctx.r("java.util.Optional");
        let mut vars = Vec::new();
        for (p, (_, accessor)) in props.iter().zip(names) {
            let bare = self.names.jtype(&p.ty, Flavor::Config);
            let wire = java_str(&p.name.wire);
            let base = match primitive_prop(&bare) {
                Some(f) => format!("{codegen}.{f}({wire})"),
                None if bare.params.is_empty() => {
                    format!("{codegen}.objectProp({wire}, {})", ctx.class_literal(&bare))
                }
                None => format!("{codegen}.objectProp({wire}, {})", ctx.type_shape(&bare)),
            };
            let mut expr = format!("{base}.config(config)");
            if let Some(d) = &p.default {
                if !d.environment.is_empty() {
                    expr.push_str(&format!(
                        ".env({})",
                        d.environment
                            .iter()
                            .map(|e| java_str(e))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                if let Some(v) = &d.value {
                    if let Some(l) = literal(&self.names, self.pkg, &bare, v, &mut ctx) {
                        expr.push_str(&format!(".def({l})"));
                    } else if primitive_prop(&bare).is_none()
                        && !self.names.enums.values().any(|(f, _)| *f == bare.fqn)
                    {
                        expr.push_str(&format!(".defJson({})", java_str(&v.to_string())));
                    }
                }
            }
            let code = ctx.code(&bare);
            let (ty, expr) = if p.required {
                (code, format!("{expr}.require()"))
            } else {
                (format!("{optional}<{code}>"), format!("{expr}.get()"))
            };
            vars.push(ConfigVar {
                doc: block(
                    "    ",
                    &with_deprecation(
                        doc_lines(p.docs.as_deref().unwrap_or("")),
                        p.deprecation.as_deref(),
                    ),
                ),
                ty,
                name: accessor,
                expr,
            });
        }
        let model = ConfigFile {
            head: Self::head(&ctx),
            pkg_lit: java_str(&self.pkg.name),
            vars,
        };
        self.out.push(Artifact::template(
            path_of(&fqn),
            "java/config.java.tera",
            &model,
        ));
    }

    fn package_files(&mut self) {
        let pkg = self.pkg;
        // Utilities: a fixed import set (none of these names is referenced unqualified
        // anywhere else in the file, so same-package classes cannot clash).
        let imports = [
            "com.pulumi.core.internal.Environment",
            "com.pulumi.deployment.InvokeOptions",
            "com.pulumi.deployment.InvokeOutputOptions",
            "java.io.BufferedReader",
            "java.io.InputStreamReader",
            "java.nio.charset.StandardCharsets",
            "java.util.Optional",
            "java.util.stream.Collectors",
            "javax.annotation.Nullable",
        ];
        let resource_dir = format!("com/pulumi/{}", pkg.name);
        let util = UtilitiesFile {
            head: FileHead {
                generated: GENERATED_HEADER.into(),
                package: self.root.clone(),
                imports: imports.iter().map(|i| format!("import {i};")).collect(),
            },
            version_resource_lit: java_str(&format!("{resource_dir}/version.txt")),
        };
        self.out.push(Artifact::template(
            path_of(&format!("{}.Utilities", self.root)),
            "java/utilities.java.tera",
            &util,
        ));

        let version = pkg.version.clone().unwrap_or_else(|| "0.0.0".into());
        self.out.push(Artifact::bytes(
            format!("src/main/resources/{resource_dir}/version.txt"),
            format!("{version}\n"),
        ));
        let mut plugin = serde_json::Map::new();
        plugin.insert("resource".into(), Value::Bool(true));
        plugin.insert("name".into(), Value::String(pkg.name.clone()));
        if let Some(v) = &pkg.version {
            plugin.insert("version".into(), Value::String(v.clone()));
        }
        if let Some(u) = &pkg.meta.plugin_download_url {
            plugin.insert("server".into(), Value::String(u.clone()));
        }
        let mut json = serde_json::to_string_pretty(&Value::Object(plugin)).unwrap_or_default();
        json.push('\n');
        self.out.push(Artifact::bytes(
            format!("src/main/resources/{resource_dir}/plugin.json"),
            json,
        ));


        // Dependencies: the runtime (pinned by us: the generated code needs its current API),
        // gson and jsr305 (referenced directly), then whatever `language.java` adds.
        let mut deps: BTreeMap<String, String> = BTreeMap::new();
        deps.insert("com.google.code.findbugs:jsr305".into(), "3.0.2".into());
        deps.insert("com.google.code.gson:gson".into(), "2.10".into());
        for (k, v) in &self.info.dependencies {
            deps.insert(k.clone(), v.clone());
        }
        deps.insert("com.pulumi:pulumi".into(), PULUMI_JAVA_VERSION.into());
        let dependencies = deps
            .iter()
            .filter_map(|(k, v)| {
                let (g, a) = k.split_once(':')?;
                Some(Dependency {
                    group: xml_text(g),
                    artifact: xml_text(a),
                    version: xml_text(v),
                })
            })
            .collect();
        let group = pkg
            .meta
            .language
            .get("java")
            .and_then(|j| j.get("groupId"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| self.info.base_package.clone());
        let pom = Pom {
            generated: GENERATED_HEADER.into(),
            group: xml_text(&group),
            artifact: xml_text(&pkg.name),
            version: xml_text(&version),
            name: xml_text(pkg.meta.display_name.as_deref().unwrap_or(&pkg.name)),
            description: pkg
                .meta
                .description
                .as_deref()
                .and_then(|d| d.lines().next())
                .filter(|d| !d.trim().is_empty())
                .map(xml_text),
            url: pkg
                .meta
                .homepage
                .as_deref()
                .or(pkg.meta.repository.as_deref())
                .map(xml_text),
            license: pkg.meta.license.as_deref().map(xml_text),
            dependencies,
        };
        self.out
            .push(Artifact::template("pom.xml", "java/pom.xml.tera", &pom));
        let readme = readme::render(pkg, &self.readme_of(&group, &version));
        self.out.push(Artifact::bytes("README.md", readme));
    }
}

impl Planner<'_> {
    /// Java's part of the README: the Maven and Gradle coordinates, and the first program
    /// spelled with the planned class and builder names.
    fn readme_of(&self, group: &str, version: &str) -> readme::LanguageReadme {
        let pkg = self.pkg;
        let program = readme::example(pkg).and_then(|ex| {
            let i = pkg.resources.iter().position(|r| std::ptr::eq(r, ex.resource))?;
            let names = self.res.get(&i)?;
            let (_, class) = split(&names.class);
            let var = &ex.var;
            let mut imports = vec!["com.pulumi.Pulumi".to_string(), names.class.clone()];
            let construct = if ex.inputs.is_empty() {
                format!("new {class}({})", java_str(var))
            } else {
                imports.push(names.args.clone());
                let (_, args) = split(&names.args);
                let inputs: Vec<&Property> = ex.resource.inputs.iter().collect();
                let setters: BTreeMap<&str, String> = inputs
                    .iter()
                    .map(|p| p.name.wire.as_str())
                    .zip(allocate_fields(&inputs, &["Empty", "$"], member).into_iter().map(|(_, accessor)| accessor))
                    .collect();
                let calls: String = ex
                    .inputs
                    .iter()
                    .map(|p| format!("                .{}({})\n", setters[p.name.wire.as_str()], java_str(readme::PLACEHOLDER)))
                    .collect();
                format!("new {class}({}, {args}.builder()\n{calls}                .build())", java_str(var))
            };
            imports.sort();
            let imports: String = imports.iter().map(|i| format!("import {i};\n")).collect();
            Some(readme::Snippet {
                fence: "java",
                code: format!(
                    "{imports}\npublic class App {{\n    public static void main(String[] args) {{\n        Pulumi.run(ctx -> {{\n            var {var} = {construct};\n            ctx.export(\"id\", {var}.id());\n        }});\n    }}\n}}\n"
                ),
            })
        });
        let coordinates = format!("{group}:{}:{version}", pkg.name);
        readme::LanguageReadme {
            language: "Java",
            package_ref: coordinates.clone(),
            install: vec![
                readme::Snippet {
                    fence: "xml",
                    code: format!(
                        "<dependency>\n    <groupId>{}</groupId>\n    <artifactId>{}</artifactId>\n    <version>{}</version>\n</dependency>",
                        xml_text(group),
                        xml_text(&pkg.name),
                        xml_text(version)
                    ),
                },
                readme::Snippet { fence: "groovy", code: format!("implementation {}", java_str(&coordinates)) },
            ],
            program,
            verbatim: None,
        }
    }
}

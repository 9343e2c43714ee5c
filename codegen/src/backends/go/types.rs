//! The one match from an IR [`TypeRef`] to Go: [`GoTy`] is the resolved shape, and
//! [`TypeCtx`] spells it as an Input, Output or plain type inside one Go package, recording the
//! imports and the container types (`XArray`, `XMap`, …) the spelling needs. Where a type of
//! a split package is defined and under which name each package reaches it is decided here,
//! in [`TypeCtx::qualify`], from the [`Placement`].

use super::split::Placement;
use crate::ir::{FunctionResult, Package, Primitive, Token, TypeDef, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Where a named Go type lives and what it is called.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NamedRef {
    /// The public package directory, relative to the root package (`""` for the root):
    /// where users find the type.
    pub dir: String,
    /// The package directory that defines it: `dir`, or one of `dir`'s internal packages
    /// when [`Placement`] split `dir`'s types (`dir` then re-exports it under the same name).
    pub def: String,
    pub name: String,
}

impl NamedRef {
    /// A type defined in its public package.
    pub fn public(dir: &str, name: &str) -> NamedRef {
        NamedRef { dir: dir.to_string(), def: dir.to_string(), name: name.to_string() }
    }
}

/// A resolved Go shape.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum GoTy {
    Prim(Primitive),
    Any,
    Asset,
    Archive,
    Object(NamedRef),
    /// An enum with its underlying primitive.
    Enum(NamedRef, Primitive),
    Resource(NamedRef),
    Array(Box<GoTy>),
    Map(Box<GoTy>),
}

/// Go names of the package's named types and resources, by token.
#[derive(Debug, Default)]
pub struct NameTables {
    pub objects: BTreeMap<Token, NamedRef>,
    pub enums: BTreeMap<Token, (NamedRef, Primitive)>,
    pub resources: BTreeMap<Token, NamedRef>,
}

impl NameTables {
    /// Resolves an IR type. Unknown references (which a finished IR does not contain) and
    /// shapes Go cannot name become `Any`, never a panic.
    pub fn resolve(&self, ty: &TypeRef) -> GoTy {
        match ty {
            TypeRef::Primitive { primitive } => GoTy::Prim(*primitive),
            TypeRef::Array { items } => GoTy::Array(Box::new(self.resolve(items))),
            TypeRef::Map { values } => GoTy::Map(Box::new(self.resolve(values))),
            TypeRef::Named { token } => {
                if let Some(o) = self.objects.get(token) {
                    GoTy::Object(o.clone())
                } else if let Some((e, p)) = self.enums.get(token) {
                    GoTy::Enum(e.clone(), *p)
                } else {
                    GoTy::Any
                }
            }
            TypeRef::Resource { token } => self
                .resources
                .get(token)
                .map(|r| GoTy::Resource(r.clone()))
                .unwrap_or(GoTy::Any),
            TypeRef::Union {
                primitive: Some(p), ..
            } => GoTy::Prim(*p),
            TypeRef::Union { .. } | TypeRef::Any | TypeRef::Json | TypeRef::Inline { .. } => {
                GoTy::Any
            }
            TypeRef::Asset => GoTy::Asset,
            TypeRef::Archive => GoTy::Archive,
        }
    }
}

/// `String`, `Int`, … : the SDK's name stem for a primitive.
pub fn prim_stem(p: Primitive) -> &'static str {
    match p {
        Primitive::String => "String",
        Primitive::Integer => "Int",
        Primitive::Number => "Float64",
        Primitive::Boolean => "Bool",
    }
}

/// The plain Go type of a primitive.
pub fn prim_plain(p: Primitive) -> &'static str {
    match p {
        Primitive::String => "string",
        Primitive::Integer => "int",
        Primitive::Number => "float64",
        Primitive::Boolean => "bool",
    }
}

/// Container suffix chains the SDK defines for every builtin element (`StringArrayMap` …).
const BUILTIN_CHAINS: &[&str] = &[
    "Array",
    "Map",
    "ArrayMap",
    "MapArray",
    "MapMap",
    "ArrayArray",
    "ArrayMapMap",
    "MapArrayMap",
    "MapMapArray",
    "ArrayMapArray",
    "ArrayArrayMap",
    "ArrayArrayArray",
    "MapMapMap",
];

impl GoTy {
    /// The innermost element and the container suffix chain (`[]map[string]T` → (T, "MapArray")).
    fn split_chain(&self) -> (&GoTy, String) {
        match self {
            GoTy::Array(e) => {
                let (inner, chain) = e.split_chain();
                (inner, chain + "Array")
            }
            GoTy::Map(e) => {
                let (inner, chain) = e.split_chain();
                (inner, chain + "Map")
            }
            other => (other, String::new()),
        }
    }

    /// Is this a container (array or map)?
    pub fn is_container(&self) -> bool {
        matches!(self, GoTy::Array(_) | GoTy::Map(_))
    }

    /// Does an optional value of this type get a pointer (`*string`, `XPtrOutput`)?
    pub fn has_ptr(&self) -> bool {
        matches!(self, GoTy::Prim(_) | GoTy::Object(_) | GoTy::Enum(..))
    }
}

/// Which container types each package must define: package dir → type name → element shape.
pub type ContainerNeeds = BTreeMap<String, BTreeMap<String, GoTy>>;

/// Spells types inside one Go package (`dir`), collecting imports and container needs.
pub struct TypeCtx<'a> {
    pub dir: String,
    /// The public package `dir` belongs to (`dir` itself unless it is an internal package).
    pub home: String,
    /// Which packages' types live in internal packages.
    pub placement: &'a Placement,
    /// Import path of the root package; other packages are `<base>/<dir>`.
    pub import_base: &'a str,
    /// Import alias per package dir.
    pub aliases: &'a BTreeMap<String, String>,
    pub imports: BTreeSet<(String, String)>,
    /// The containers the spellings so far need (read by the naming pass, which decides
    /// every container type before any file is built; file builders ignore it).
    pub containers: ContainerNeeds,
}

impl<'a> TypeCtx<'a> {
    /// A context for spelling types inside package `dir`.
    pub fn new(dir: &str, import_base: &'a str, aliases: &'a BTreeMap<String, String>, placement: &'a Placement) -> TypeCtx<'a> {
        let home = placement.home_of(dir).to_string();
        TypeCtx { dir: dir.to_string(), home, placement, import_base, aliases, imports: BTreeSet::new(), containers: ContainerNeeds::new() }
    }

    /// The name of `r`'s family member `name` as written in this package: bare when this
    /// package defines it or re-exports it (its public package), from the defining internal
    /// package when this is a sibling internal package (importing the public package would
    /// be a cycle), else from its public package.
    pub fn qualify(&mut self, r: &NamedRef, name: &str) -> String {
        if r.def == self.dir || r.dir == self.dir {
            return name.to_string();
        }
        let via = if r.dir == self.home { &r.def } else { &r.dir };
        let alias = self
            .aliases
            .get(via)
            .cloned()
            .unwrap_or_else(|| "unknown".into());
        let path = if via.is_empty() {
            self.import_base.to_string()
        } else {
            format!("{}/{}", self.import_base, via)
        };
        self.imports.insert((path, alias.clone()));
        format!("{alias}.{name}")
    }

    /// The qualified name of a container type `<elem><chain><suffix>` (suffix `Input`,
    /// `Output` or `""`), recording the container (and its inner containers) as needed.
    fn container(&mut self, ty: &GoTy, suffix: &str) -> String {
        let (inner, chain) = ty.split_chain();
        let builtin_elem = match inner {
            GoTy::Prim(p) => Some(prim_stem(*p)),
            GoTy::Any => Some(""),
            GoTy::Asset => Some("AssetOrArchive"),
            GoTy::Archive => Some("Archive"),
            _ => None,
        };
        if let Some(stem) = builtin_elem {
            if BUILTIN_CHAINS.contains(&chain.as_str()) {
                return format!("pulumi.{stem}{chain}{suffix}");
            }
            // Deeper nests than the SDK defines are generated in the using package; in a
            // split package, once, in its base internal package (so every package of the
            // split means the same type by the name).
            let name = format!("{}{chain}", if stem.is_empty() { "Any" } else { stem });
            let r = NamedRef { dir: self.home.clone(), def: self.placement.base_of(&self.home).to_string(), name };
            self.need_chain_from(&r.def.clone(), ty, &r.name, false);
            return self.qualify(&r, &format!("{}{suffix}", r.name));
        }
        let r = match inner {
            GoTy::Object(r) | GoTy::Enum(r, _) | GoTy::Resource(r) => r.clone(),
            _ => NamedRef::public(&self.dir, "Any"),
        };
        let name = format!("{}{chain}", r.name);
        // Containers of a named element are defined beside the element (resource
        // containers `XArray`, `XMap` in the resource's own file).
        let skip_first = matches!(inner, GoTy::Resource(_));
        self.need_chain_from(&r.def, ty, &name, skip_first);
        self.qualify(&r, &format!("{name}{suffix}"))
    }

    /// Records `ty` (named `name`) and every container nested in it as needed in `dir`.
    fn need_chain_from(&mut self, dir: &str, ty: &GoTy, name: &str, skip_single_resource: bool) {
        let mut cur = ty.clone();
        let mut cur_name = name.to_string();
        loop {
            let inner = match &cur {
                GoTy::Array(e) => Some((
                    (**e).clone(),
                    cur_name
                        .strip_suffix("Array")
                        .unwrap_or(&cur_name)
                        .to_string(),
                )),
                GoTy::Map(e) => Some((
                    (**e).clone(),
                    cur_name
                        .strip_suffix("Map")
                        .unwrap_or(&cur_name)
                        .to_string(),
                )),
                _ => None,
            };
            let Some((elem, elem_name)) = inner else {
                break;
            };
            let single_resource = matches!(elem, GoTy::Resource(_));
            let builtin = builtin_name(&cur).is_some();
            if !(skip_single_resource && single_resource) && !builtin {
                self.containers
                    .entry(dir.to_string())
                    .or_default()
                    .insert(cur_name.clone(), cur.clone());
            }
            cur = elem;
            cur_name = elem_name;
        }
    }

    /// The Input type of a value (`pulumi.StringPtrInput`, `XArrayInput`, …).
    pub fn input(&mut self, ty: &GoTy, optional: bool) -> String {
        let ptr = if optional && ty.has_ptr() { "Ptr" } else { "" };
        match ty {
            GoTy::Prim(p) => format!("pulumi.{}{ptr}Input", prim_stem(*p)),
            GoTy::Any => "pulumi.Input".into(),
            GoTy::Asset => "pulumi.AssetOrArchiveInput".into(),
            GoTy::Archive => "pulumi.ArchiveInput".into(),
            GoTy::Object(r) | GoTy::Enum(r, _) => self.qualify(r, &format!("{}{ptr}Input", r.name)),
            GoTy::Resource(r) => self.qualify(r, &format!("{}Input", r.name)),
            GoTy::Array(_) | GoTy::Map(_) => self.container(ty, "Input"),
        }
    }

    /// The Output type of a value (`pulumi.StringOutput`, `XPtrOutput`, …).
    pub fn output(&mut self, ty: &GoTy, optional: bool) -> String {
        let ptr = if optional && ty.has_ptr() { "Ptr" } else { "" };
        match ty {
            GoTy::Prim(p) => format!("pulumi.{}{ptr}Output", prim_stem(*p)),
            GoTy::Any => "pulumi.AnyOutput".into(),
            GoTy::Asset => "pulumi.AssetOrArchiveOutput".into(),
            GoTy::Archive => "pulumi.ArchiveOutput".into(),
            GoTy::Object(r) | GoTy::Enum(r, _) => {
                self.qualify(r, &format!("{}{ptr}Output", r.name))
            }
            GoTy::Resource(r) => self.qualify(r, &format!("{}Output", r.name)),
            GoTy::Array(_) | GoTy::Map(_) => self.container(ty, "Output"),
        }
    }

    /// The concrete input container type (`pulumi.StringArray`, `XArray`) of a container.
    pub fn container_value(&mut self, ty: &GoTy) -> String {
        self.container(ty, "")
    }

    /// The plain Go type (`*string`, `[]X`, `map[string]interface{}`) of a value.
    pub fn plain(&mut self, ty: &GoTy, optional: bool) -> String {
        let star = if optional && ty.has_ptr() { "*" } else { "" };
        match ty {
            GoTy::Prim(p) => format!("{star}{}", prim_plain(*p)),
            GoTy::Any => "interface{}".into(),
            GoTy::Asset => "pulumi.AssetOrArchive".into(),
            GoTy::Archive => "pulumi.Archive".into(),
            GoTy::Object(r) | GoTy::Enum(r, _) => format!("{star}{}", self.qualify(r, &r.name)),
            GoTy::Resource(r) => format!("*{}", self.qualify(r, &r.name)),
            GoTy::Array(e) => format!("[]{}", self.plain(e, false)),
            GoTy::Map(e) => format!("map[string]{}", self.plain(e, false)),
        }
    }

    /// The Go import lines (`alias "path"`), sorted by path.
    pub fn import_lines(&self) -> Vec<String> {
        self.imports
            .iter()
            .map(|(p, a)| format!("{a} {}", super::values::go_str(p)))
            .collect()
    }
}

/// Which object and enum types need `Ptr` variants: Pulumi's rule — optional uses, every
/// type used by a (non-provider) resource, and, transitively, the fields of a type that
/// has a pointer form (its `XPtrOutput` accessors return pointers).
pub fn ptr_needs(pkg: &Package) -> BTreeSet<Token> {
    let mut walk = PtrWalk { pkg, seen: BTreeSet::new(), need: BTreeSet::new() };
    for t in pkg.types.values() {
        if let TypeDef::Object(o) = t {
            for p in o.properties.iter() {
                walk.visit(&p.ty, p.required, false);
            }
        }
    }
    for r in pkg.resources.iter().chain(std::iter::once(&pkg.provider)) {
        let state = r.state_inputs.as_deref().unwrap_or(&[]);
        for p in r.inputs.iter().chain(&r.outputs).chain(state) {
            walk.visit(&p.ty, p.required, !r.is_provider);
        }
    }
    for f in &pkg.functions {
        for p in f.inputs.iter().flat_map(|s| &s.properties) {
            walk.visit(&p.ty, p.required, false);
        }
        match &f.outputs {
            Some(FunctionResult::Object { shape }) => {
                for p in &shape.properties {
                    walk.visit(&p.ty, p.required, false);
                }
            }
            Some(FunctionResult::Value { ty, .. }) => walk.visit(ty, true, false),
            None => {}
        }
    }
    for p in &pkg.config {
        walk.visit(&p.ty, p.required, false);
    }
    walk.need
}

struct PtrWalk<'p> {
    pkg: &'p Package,
    seen: BTreeSet<Token>,
    need: BTreeSet<Token>,
}

impl PtrWalk<'_> {
    fn visit(&mut self, ty: &TypeRef, required: bool, parent_optional: bool) {
        match ty {
            TypeRef::Named { token } => match self.pkg.types.get(token) {
                Some(TypeDef::Object(o)) => {
                    if (!required || parent_optional) && self.seen.insert(token.clone()) {
                        self.need.insert(token.clone());
                        for p in o.properties.iter() {
                            self.visit(&p.ty, p.required, true);
                        }
                    }
                }
                Some(TypeDef::Enum(_)) => {
                    if !required || parent_optional {
                        self.need.insert(token.clone());
                    }
                }
                None => {}
            },
            TypeRef::Array { items } => self.visit(items, true, false),
            TypeRef::Map { values } => self.visit(values, true, false),
            _ => {}
        }
    }
}

/// The SDK's own name for a builtin container, if it has one.
pub fn builtin_name(ty: &GoTy) -> Option<String> {
    let (inner, chain) = ty.split_chain();
    let stem = match inner {
        GoTy::Prim(p) => prim_stem(*p),
        GoTy::Any => "",
        GoTy::Asset => "AssetOrArchive",
        GoTy::Archive => "Archive",
        _ => return None,
    };
    BUILTIN_CHAINS
        .contains(&chain.as_str())
        .then(|| format!("{stem}{chain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_SPLIT: &Placement = &Placement::NONE;

    fn ctx(aliases: &BTreeMap<String, String>) -> TypeCtx<'_> {
        TypeCtx::new("", "example.com/x/go/x", aliases, NO_SPLIT)
    }

    #[test]
    fn spells_primitives_and_builtins() {
        let aliases = BTreeMap::new();
        let mut c = ctx(&aliases);
        let s = GoTy::Prim(Primitive::String);
        assert_eq!(c.input(&s, true), "pulumi.StringPtrInput");
        assert_eq!(c.output(&s, false), "pulumi.StringOutput");
        assert_eq!(c.plain(&s, true), "*string");
        let am = GoTy::Map(Box::new(GoTy::Array(Box::new(s.clone()))));
        assert_eq!(c.input(&am, true), "pulumi.StringArrayMapInput");
        assert_eq!(c.plain(&am, false), "map[string][]string");
        assert_eq!(
            c.output(&GoTy::Array(Box::new(GoTy::Any)), false),
            "pulumi.ArrayOutput"
        );
        let deep = GoTy::Array(Box::new(GoTy::Array(Box::new(GoTy::Map(Box::new(s))))));
        assert_eq!(c.output(&deep, false), "StringMapArrayArrayOutput");
        assert!(c.imports.is_empty());
        assert_eq!(
            c.containers[""].keys().collect::<Vec<_>>(),
            vec!["StringMapArrayArray"]
        );
    }

    #[test]
    fn spells_named_types_across_packages() {
        let mut aliases = BTreeMap::new();
        aliases.insert("apps/v1".to_string(), "appsv1".to_string());
        let mut c = ctx(&aliases);
        let d = GoTy::Object(NamedRef::public("apps/v1", "Deployment"));
        assert_eq!(c.input(&d, true), "appsv1.DeploymentPtrInput");
        let arr = GoTy::Map(Box::new(GoTy::Array(Box::new(d))));
        assert_eq!(c.output(&arr, false), "appsv1.DeploymentArrayMapOutput");
        assert_eq!(
            c.import_lines(),
            vec!["appsv1 \"example.com/x/go/x/apps/v1\""]
        );
        assert_eq!(
            c.containers["apps/v1"].keys().collect::<Vec<_>>(),
            vec!["DeploymentArray", "DeploymentArrayMap"]
        );
    }
}

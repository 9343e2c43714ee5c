//! The one mapping from IR [`TypeRef`]s to TypeScript type expressions, in three shapes:
//! `Input` (every level wrapped in `pulumi.Input<…>`, as resource args take it), `Plain`
//! (input shapes without wrapping: plain properties, function args) and `Output` (what
//! resources and functions hand back). It also records which modules' type files a file
//! needs to import: types live in one file per module and kind (`types/input/s3.ts`), each
//! imported under its own alias (`inputs_s3`), so a file loads only the modules it names —
//! tsc reads every file reachable from a program, and one file of every module's types
//! made a one-resource program pay for the whole provider.

use crate::ir::{Primitive, Property, Token, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Which shape of a type is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `pulumi.Input`-wrapped at every level (resource args/state, input object fields).
    Input,
    /// Input shape, unwrapped (plain properties, function args).
    Plain,
    /// Output shape (resource outputs, output object fields, function results, config).
    Output,
}

/// A module's node key (raw module path segments, empty for the root module).
pub type ModKey = Vec<String>;

/// Where an object type lives: the input/output type file of module `key`.
#[derive(Debug, Clone)]
pub struct ObjectNames {
    /// Module node key of its type files.
    pub key: ModKey,
    /// Interface name in its input type file (`FooArgs`, or `Foo` in tfbridge20 mode).
    pub input: String,
    /// Interface name in its output type file.
    pub output: String,
}

/// Where an enum lives: `types/enums/<module dir>/index.ts` of module `key`.
#[derive(Debug, Clone)]
pub struct EnumNames {
    pub key: ModKey,
    pub name: String,
}

/// The import aliases of one module's type files (`inputs_s3`, `outputs_s3`, `enums_s3`;
/// `inputs`, `outputs`, `enums` for the root module, which every scope reserves).
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    pub inputs: String,
    pub outputs: String,
    pub enums: String,
}

/// The three kinds of type file a module can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeKind {
    Input,
    Output,
    Enum,
}

/// Where a resource class lives.
#[derive(Debug, Clone)]
pub struct ResourceNames {
    /// Path of its file from the package root, without `.ts` (`s3/bucket`).
    pub path: String,
    pub class: String,
}

/// Every name a type expression can mention, decided once by the plan.
#[derive(Debug, Clone, Default)]
pub struct TypeNames {
    pub objects: BTreeMap<Token, ObjectNames>,
    pub enums: BTreeMap<Token, EnumNames>,
    pub resources: BTreeMap<Token, ResourceNames>,
    /// Import aliases per module key (every module that has type files).
    pub aliases: BTreeMap<ModKey, Aliases>,
    /// `language.nodejs.disableUnionOutputTypes`: output unions become their wire type.
    pub disable_union_outputs: bool,
}

impl TypeNames {
    /// The alias of module `key`'s type file of `kind`.
    pub fn alias(&self, kind: TypeKind, key: &ModKey) -> &str {
        let a = self.aliases.get(key);
        match (kind, a) {
            (TypeKind::Input, Some(a)) => &a.inputs,
            (TypeKind::Output, Some(a)) => &a.outputs,
            (TypeKind::Enum, Some(a)) => &a.enums,
            // The plan allocates an alias for every module with types; stay total anyway.
            (TypeKind::Input, None) => "inputs",
            (TypeKind::Output, None) => "outputs",
            (TypeKind::Enum, None) => "enums",
        }
    }
}

/// Which modules' type files a file refers to, per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uses {
    pub inputs: BTreeSet<ModKey>,
    pub outputs: BTreeSet<ModKey>,
    pub enums: BTreeSet<ModKey>,
}

impl Uses {
    /// Every (kind, module) pair, in import order: inputs, outputs, enums; modules sorted.
    pub fn iter(&self) -> impl Iterator<Item = (TypeKind, &ModKey)> {
        self.inputs
            .iter()
            .map(|k| (TypeKind::Input, k))
            .chain(self.outputs.iter().map(|k| (TypeKind::Output, k)))
            .chain(self.enums.iter().map(|k| (TypeKind::Enum, k)))
    }
}

/// Dedupes properties by wire name (first wins), so no interface repeats a key.
pub fn unique(props: &[Property]) -> Vec<&Property> {
    let mut seen = BTreeSet::new();
    props.iter().filter(|p| seen.insert(p.name.wire.clone())).collect()
}

/// Maps types for one file (its depth decides relative `import("…")` paths).
pub struct TypeMapper<'a> {
    names: &'a TypeNames,
    /// `./` or `../` repeated: from the file's directory to the package root.
    root: String,
    /// The resource whose own file is being written: it refers to itself by class name
    /// (an `import("./self")` type inside its own class is circular for tsc).
    current: Option<Token>,
    /// The type file being written (kind and module): its own types are named bare.
    home: Option<(TypeKind, ModKey)>,
    pub uses: Uses,
}

/// A rendered type and whether it is a top-level union (needs parentheses before `[]`).
struct Ty {
    text: String,
    union: bool,
}

impl Ty {
    fn simple(text: impl Into<String>) -> Ty {
        Ty {
            text: text.into(),
            union: false,
        }
    }
}

impl<'a> TypeMapper<'a> {
    /// `depth` is the number of directories between the package root and the file.
    pub fn new(names: &'a TypeNames, depth: usize) -> Self {
        let root = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        TypeMapper {
            names,
            root,
            current: None,
            home: None,
            uses: Uses::default(),
        }
    }

    /// A mapper for module `key`'s type file of `kind`, `depth` directories below the root.
    pub fn for_type_file(names: &'a TypeNames, depth: usize, kind: TypeKind, key: ModKey) -> Self {
        let mut m = TypeMapper::new(names, depth);
        m.home = Some((kind, key));
        m
    }

    /// `alias.name` for a type of module `key`, or the bare name inside that type file;
    /// records the import either way but the latter.
    fn refer(&mut self, kind: TypeKind, key: &ModKey, name: &str) -> String {
        if self
            .home
            .as_ref()
            .is_some_and(|(k, m)| *k == kind && m == key)
        {
            return name.to_string();
        }
        let set = match kind {
            TypeKind::Input => &mut self.uses.inputs,
            TypeKind::Output => &mut self.uses.outputs,
            TypeKind::Enum => &mut self.uses.enums,
        };
        if !set.contains(key) {
            set.insert(key.clone());
        }
        format!("{}.{name}", self.names.alias(kind, key))
    }

    /// A mapper for the file of resource `token`.
    pub fn for_resource(names: &'a TypeNames, depth: usize, token: &Token) -> Self {
        let mut m = TypeMapper::new(names, depth);
        m.current = Some(token.clone());
        m
    }

    /// The type of a property in `shape`, optional or not. Optional input properties read
    /// `pulumi.Input<T | undefined>` (as current official SDKs do), optional outputs
    /// `T | undefined` (callers put that inside `pulumi.Output<…>` or use `?:`).
    pub fn property(&mut self, p: &Property, shape: Shape, optional: bool) -> String {
        let shape = if p.plain && shape == Shape::Input {
            Shape::Plain
        } else {
            shape
        };
        if let (
            Some(serde_json::Value::String(s)),
            TypeRef::Primitive {
                primitive: Primitive::String,
            },
        ) = (&p.const_value, &p.ty)
        {
            let lit = super::naming::string_literal(s);
            return match shape {
                Shape::Input => format!("pulumi.Input<{lit}>"),
                _ => lit,
            };
        }
        match shape {
            Shape::Input => {
                let inner = self.inner(&p.ty, Shape::Input);
                if inner.text == "any" {
                    return "any".into();
                }
                if optional {
                    format!("pulumi.Input<{} | undefined>", inner.text)
                } else {
                    format!("pulumi.Input<{}>", inner.text)
                }
            }
            _ => {
                let t = self.inner(&p.ty, shape);
                if optional && t.text != "any" {
                    format!("{} | undefined", t.text)
                } else {
                    t.text
                }
            }
        }
    }

    /// A bare type expression (function results of a single value, config getters).
    pub fn type_expr(&mut self, ty: &TypeRef, shape: Shape) -> String {
        match shape {
            Shape::Input => self.wrap(ty).text,
            _ => self.inner(ty, shape).text,
        }
    }

    fn wrap(&mut self, ty: &TypeRef) -> Ty {
        let inner = self.inner(ty, Shape::Input);
        if inner.text == "any" {
            inner
        } else {
            Ty::simple(format!("pulumi.Input<{}>", inner.text))
        }
    }

    fn element(&mut self, ty: &TypeRef, shape: Shape) -> Ty {
        match shape {
            Shape::Input => self.wrap(ty),
            _ => self.inner(ty, shape),
        }
    }

    fn inner(&mut self, ty: &TypeRef, shape: Shape) -> Ty {
        match ty {
            TypeRef::Primitive { primitive } => Ty::simple(match primitive {
                Primitive::Boolean => "boolean",
                Primitive::Integer | Primitive::Number => "number",
                Primitive::String => "string",
            }),
            TypeRef::Array { items } => {
                let e = self.element(items, shape);
                if e.union {
                    Ty::simple(format!("({})[]", e.text))
                } else {
                    Ty::simple(format!("{}[]", e.text))
                }
            }
            TypeRef::Map { values } => {
                let v = self.element(values, shape);
                Ty::simple(format!("{{[key: string]: {}}}", v.text))
            }
            TypeRef::Named { token } => self.named(token, shape),
            TypeRef::Resource { token } => match self.names.resources.get(token) {
                // A resource's output typed as its own class makes `pulumi.Output<Self>`'s
                // lifted mapped type circular (tsc TS2502), so such outputs use the base type.
                Some(_) if self.current.as_ref() == Some(token) && shape == Shape::Output => {
                    Ty::simple("pulumi.Resource")
                }
                Some(r) if self.current.as_ref() == Some(token) => Ty::simple(r.class.clone()),
                Some(r) => Ty::simple(format!(
                    "import({}).{}",
                    super::naming::string_literal(&format!("{}{}", self.root, r.path)),
                    r.class
                )),
                None => Ty::simple("pulumi.CustomResource"),
            },
            TypeRef::Union { types, primitive, .. } => self.union(types, *primitive, shape),
            TypeRef::Any | TypeRef::Json => Ty::simple("any"),
            TypeRef::Asset => Ty {
                text: "pulumi.asset.Asset | pulumi.asset.Archive".into(),
                union: true,
            },
            TypeRef::Archive => Ty::simple("pulumi.asset.Archive"),
            // Never present in a finished package; `any` keeps the mapping total.
            TypeRef::Inline { .. } => Ty::simple("any"),
        }
    }

    fn named(&mut self, token: &Token, shape: Shape) -> Ty {
        if let Some(o) = self.names.objects.get(token) {
            let (kind, name) = if shape == Shape::Output {
                (TypeKind::Output, &o.output)
            } else {
                (TypeKind::Input, &o.input)
            };
            Ty::simple(self.refer(kind, &o.key, name))
        } else if let Some(e) = self.names.enums.get(token) {
            Ty::simple(self.refer(TypeKind::Enum, &e.key, &e.name))
        } else {
            // A finished IR resolves every reference; stay total anyway.
            Ty::simple("any")
        }
    }

    fn union(&mut self, types: &[TypeRef], primitive: Option<Primitive>, shape: Shape) -> Ty {
        if shape == Shape::Output && self.names.disable_union_outputs {
            return match primitive {
                Some(p) => self.inner(&TypeRef::Primitive { primitive: p }, shape),
                None => Ty::simple("any"),
            };
        }
        let mut parts: Vec<String> = Vec::new();
        for t in types {
            let m = self.inner(t, shape);
            if m.text == "any" {
                return Ty::simple("any");
            }
            if !parts.contains(&m.text) {
                parts.push(m.text);
            }
        }
        match parts.len() {
            0 => Ty::simple("any"),
            1 => Ty::simple(parts.remove(0)),
            _ => Ty {
                text: parts.join(" | "),
                union: true,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceRef;

    fn names() -> TypeNames {
        let mut n = TypeNames::default();
        n.objects.insert(
            Token::new("p", "s3", "Website"),
            ObjectNames {
                key: vec!["s3".into()],
                input: "WebsiteArgs".into(),
                output: "Website".into(),
            },
        );
        n.enums.insert(
            Token::new("p", "index", "Color"),
            EnumNames {
                key: vec![],
                name: "Color".into(),
            },
        );
        n.aliases.insert(
            vec![],
            Aliases {
                inputs: "inputs".into(),
                outputs: "outputs".into(),
                enums: "enums".into(),
            },
        );
        n.aliases.insert(
            vec!["s3".into()],
            Aliases {
                inputs: "inputs_s3".into(),
                outputs: "outputs_s3".into(),
                enums: "enums_s3".into(),
            },
        );
        n.resources.insert(
            Token::new("p", "index", "Bucket"),
            ResourceNames {
                path: "bucket".into(),
                class: "Bucket".into(),
            },
        );
        n
    }

    fn prop(ty: TypeRef) -> Property {
        Property::new("x", ty, SourceRef::default())
    }

    #[test]
    fn mapping_table() {
        let n = names();
        let website = TypeRef::named(Token::new("p", "s3", "Website"));
        let color = TypeRef::named(Token::new("p", "index", "Color"));
        let union = TypeRef::Union {
            types: vec![TypeRef::string(), TypeRef::array(TypeRef::integer())],
            discriminator: None,
            primitive: None,
        };
        let table: Vec<(TypeRef, Shape, bool, &str)> = vec![
            (TypeRef::string(), Shape::Input, false, "pulumi.Input<string>"),
            (TypeRef::string(), Shape::Input, true, "pulumi.Input<string | undefined>"),
            (TypeRef::array(TypeRef::string()), Shape::Input, false, "pulumi.Input<pulumi.Input<string>[]>"),
            (TypeRef::map(website.clone()), Shape::Input, false, "pulumi.Input<{[key: string]: pulumi.Input<inputs_s3.WebsiteArgs>}>"),
            (TypeRef::map(website.clone()), Shape::Output, true, "{[key: string]: outputs_s3.Website} | undefined"),
            (TypeRef::array(website.clone()), Shape::Plain, false, "inputs_s3.WebsiteArgs[]"),
            (color.clone(), Shape::Output, false, "enums.Color"),
            (TypeRef::array(union.clone()), Shape::Output, false, "(string | number[])[]"),
            (union, Shape::Input, false, "pulumi.Input<string | pulumi.Input<number>[]>"),
            (TypeRef::Any, Shape::Input, true, "any"),
            (TypeRef::array(TypeRef::Any), Shape::Input, false, "pulumi.Input<any[]>"),
            (TypeRef::Asset, Shape::Output, false, "pulumi.asset.Asset | pulumi.asset.Archive"),
            (TypeRef::array(TypeRef::Asset), Shape::Output, false, "(pulumi.asset.Asset | pulumi.asset.Archive)[]"),
            (TypeRef::Resource { token: Token::new("p", "index", "Bucket") }, Shape::Output, false, "import(\"../bucket\").Bucket"),
        ];
        for (ty, shape, optional, want) in table {
            let mut m = TypeMapper::new(&n, 1);
            assert_eq!(
                m.property(&prop(ty.clone()), shape, optional),
                want,
                "{ty:?}"
            );
        }
    }

    #[test]
    fn uses_are_recorded_and_plain_is_respected() {
        let n = names();
        let mut m = TypeMapper::new(&n, 0);
        let mut p = prop(TypeRef::array(TypeRef::named(Token::new(
            "p", "s3", "Website",
        ))));
        p.plain = true;
        assert_eq!(
            m.property(&p, Shape::Input, false),
            "inputs_s3.WebsiteArgs[]"
        );
        assert_eq!(
            m.uses,
            Uses {
                inputs: [vec!["s3".to_string()]].into(),
                outputs: Default::default(),
                enums: Default::default(),
            }
        );
        let mut c = prop(TypeRef::string());
        c.const_value = Some(serde_json::json!("fixed\"v"));
        assert_eq!(m.property(&c, Shape::Output, false), "\"fixed\\\"v\"");
    }

    #[test]
    fn a_type_file_names_its_own_module_bare_and_imports_only_others() {
        let n = names();
        let website = TypeRef::named(Token::new("p", "s3", "Website"));
        let color = TypeRef::named(Token::new("p", "index", "Color"));
        let mut m = TypeMapper::for_type_file(&n, 2, TypeKind::Output, vec!["s3".into()]);
        assert_eq!(m.type_expr(&website, Shape::Output), "Website");
        assert_eq!(m.type_expr(&color, Shape::Output), "enums.Color");
        // The input file of the same module is another file.
        assert_eq!(
            m.type_expr(&website, Shape::Plain),
            "inputs_s3.WebsiteArgs"
        );
        assert!(m.uses.outputs.is_empty());
        assert_eq!(m.uses.inputs, [vec!["s3".to_string()]].into());
        assert_eq!(m.uses.enums, [Vec::<String>::new()].into());
    }

    #[test]
    fn disabled_output_unions_collapse() {
        let mut n = names();
        n.disable_union_outputs = true;
        let mut m = TypeMapper::new(&n, 0);
        let u = TypeRef::Union {
            types: vec![TypeRef::string(), TypeRef::integer()],
            discriminator: None,
            primitive: Some(Primitive::String),
        };
        assert_eq!(m.type_expr(&u, Shape::Output), "string");
        assert_eq!(
            m.type_expr(&u, Shape::Input),
            "pulumi.Input<string | number>"
        );
    }

    #[test]
    fn self_references_avoid_circular_outputs() {
        let n = names();
        let me = Token::new("p", "index", "Bucket");
        let mut m = TypeMapper::for_resource(&n, 0, &me);
        let r = TypeRef::Resource { token: me };
        assert_eq!(m.type_expr(&r, Shape::Output), "pulumi.Resource");
        assert_eq!(m.type_expr(&r, Shape::Input), "pulumi.Input<Bucket>");
    }
}

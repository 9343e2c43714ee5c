//! The one mapping from IR [`TypeRef`] to a Java type ([`JType`], a generic type tree of
//! fully qualified names), and the per-file import table ([`FileCtx`]) that turns those names
//! into the shortest spelling that still means the same class.
//!
//! Shapes follow the official generator: resource and `XArgs` inputs wrap the whole value
//! in one `Output<T>` (never nested), lists are `List<T>`, maps `Map<String,T>`, objects are
//! `inputs.XArgs` (Output-accepting), `inputs.X` (plain) or `outputs.X`, two-member unions
//! are `Either<L,R>`, wider unions and `Any` are `Object`, `Json` is gson's `JsonElement`.

use super::model::FileHead;
use super::names::Names;
use crate::backends::common::GENERATED_HEADER;
use super::naming::JAVA_LANG;
use crate::ir::{Primitive, TypeRef};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub const OUTPUT: &str = "com.pulumi.core.Output";
pub const LIST: &str = "java.util.List";
pub const MAP: &str = "java.util.Map";
pub const OPTIONAL: &str = "java.util.Optional";
pub const EITHER: &str = "com.pulumi.core.Either";
pub const STRING: &str = "java.lang.String";
pub const OBJECT: &str = "java.lang.Object";

/// A Java type: a fully qualified class name and its type arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JType {
    pub fqn: String,
    pub params: Vec<JType>,
}

impl JType {
    pub fn new(fqn: &str) -> JType {
        JType {
            fqn: fqn.to_string(),
            params: Vec::new(),
        }
    }
    pub fn generic(fqn: &str, params: Vec<JType>) -> JType {
        JType {
            fqn: fqn.to_string(),
            params,
        }
    }
    pub fn output(inner: JType) -> JType {
        if inner.fqn == OUTPUT {
            return inner;
        }
        JType::generic(OUTPUT, vec![inner])
    }
    pub fn optional(inner: JType) -> JType {
        JType::generic(OPTIONAL, vec![inner])
    }
    /// `Some(T)` for `Output<T>`.
    pub fn un_output(&self) -> Option<&JType> {
        (self.fqn == OUTPUT).then(|| self.params.first()).flatten()
    }
    /// `Some(E)` for `List<E>`.
    pub fn un_list(&self) -> Option<&JType> {
        (self.fqn == LIST).then(|| self.params.first()).flatten()
    }
    /// `Some((L, R))` for `Either<L,R>`.
    pub fn un_either(&self) -> Option<(&JType, &JType)> {
        if self.fqn == EITHER && self.params.len() == 2 {
            Some((&self.params[0], &self.params[1]))
        } else {
            None
        }
    }
}

/// How an object reference is spelled (which class of an object type a value uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    /// Inside `Output<…>` input values: objects are `XArgs`.
    Args,
    /// Plain inputs: objects are plain `X` input classes.
    Plain,
    /// Output values: objects are `outputs.X`; relaxed enums are their primitive.
    Output,
    /// Config variables: objects are output-shaped `inputs.X`.
    Config,
}

pub fn primitive(p: Primitive) -> JType {
    JType::new(match p {
        Primitive::Boolean => "java.lang.Boolean",
        Primitive::Integer => "java.lang.Integer",
        Primitive::Number => "java.lang.Double",
        Primitive::String => STRING,
    })
}

/// The bare Java type of `ty` in `shape` (no `Output`, no optionality).
pub fn jtype(names: &Names, ty: &TypeRef, shape: Shape) -> JType {
    match ty {
        TypeRef::Primitive { primitive: p } => primitive(*p),
        TypeRef::Array { items } => JType::generic(LIST, vec![jtype(names, items, shape)]),
        TypeRef::Map { values } => {
            JType::generic(MAP, vec![JType::new(STRING), jtype(names, values, shape)])
        }
        TypeRef::Named { token } => {
            if let Some(e) = names.enums.get(token) {
                return JType::new(&e.class);
            }
            let Some(o) = names.objects.get(token) else {
                return JType::new(OBJECT);
            };
            let pick = match shape {
                Shape::Args => o.args.as_ref().or(o.plain.as_ref()),
                Shape::Plain => o.plain.as_ref().or(o.args.as_ref()),
                Shape::Output => o.output.as_ref(),
                Shape::Config => o.config.as_ref().or(o.output.as_ref()),
            };
            pick.map(|f| JType::new(f))
                .unwrap_or_else(|| JType::new(OBJECT))
        }
        TypeRef::Resource { token } => names
            .resource_classes
            .get(token)
            .map(|f| JType::new(f))
            .unwrap_or_else(|| JType::new(OBJECT)),
        TypeRef::Union {
            types,
            primitive: prim,
            ..
        } => {
            if matches!(shape, Shape::Output | Shape::Config) {
                for t in types {
                    if let TypeRef::Named { token } = t {
                        if let Some(e) = names.enums.get(token) {
                            return primitive(e.primitive);
                        }
                    }
                }
            }
            let mut seen: Vec<JType> = Vec::new();
            for t in types {
                let j = jtype(names, t, shape);
                if !seen.contains(&j) {
                    seen.push(j);
                }
            }
            match seen.len() {
                0 => prim.map(primitive).unwrap_or_else(|| JType::new(OBJECT)),
                1 => seen.remove(0),
                2 => JType::generic(EITHER, seen),
                _ => JType::new(OBJECT),
            }
        }
        TypeRef::Any | TypeRef::Inline { .. } => JType::new(OBJECT),
        TypeRef::Json => JType::new("com.google.gson.JsonElement"),
        TypeRef::Asset => JType::new("com.pulumi.asset.AssetOrArchive"),
        TypeRef::Archive => JType::new("com.pulumi.asset.Archive"),
    }
}

/// The import table of one `.java` file.
///
/// A simple name is used when it cannot mean anything else: it is not the name of a class
/// in the file's own package (imports shadow those, and those shadow `java.lang`), not a
/// nested or declared class of the file, and not already imported for another class.
/// Everything else is written fully qualified.
#[derive(Debug, Clone)]
pub struct FileCtx {
    pub package: String,
    /// Simple names of every class of this package: they must not be imported or used for
    /// anything outside it. Shared, not copied: a provider module can have 30k classes.
    pub package_classes: Arc<BTreeSet<String>>,
    /// Classes declared inside this file (e.g. `Builder`), local like the package's.
    pub nested: Vec<String>,
    /// simple → fqn
    pub imports: BTreeMap<String, String>,
}

fn split_fqn(fqn: &str) -> (&str, &str) {
    match fqn.rsplit_once('.') {
        Some((p, s)) => (p, s),
        None => ("", fqn),
    }
}

impl FileCtx {
    /// `package_classes` are the simple names of every class generated in `package`;
    /// `nested` are class names declared inside the file (e.g. `Builder`).
    pub fn new(package: &str, package_classes: Arc<BTreeSet<String>>, nested: &[&str]) -> FileCtx {
        FileCtx {
            package: package.to_string(),
            package_classes,
            nested: nested.iter().map(|s| s.to_string()).collect(),
            imports: BTreeMap::new(),
        }
    }

    fn is_local(&self, simple: &str) -> bool {
        self.package_classes.contains(simple) || self.nested.iter().any(|n| n == simple)
    }

    /// The spelling of class `fqn` in this file.
    pub fn r(&mut self, fqn: &str) -> String {
        let (pkg, simple) = split_fqn(fqn);
        if pkg == self.package {
            // Same package: the simple name works unless an import took it (we never import a
            // local name, and nested classes shadow it only for the declared nested names).
            if !self.imports.contains_key(simple) && !matches!(simple, "Builder") {
                return simple.to_string();
            }
            return fqn.to_string();
        }
        if pkg == "java.lang" {
            if !self.is_local(simple) && !self.imports.contains_key(simple) {
                return simple.to_string();
            }
            return fqn.to_string();
        }
        if self.is_local(simple) || JAVA_LANG.contains(&simple) {
            return fqn.to_string();
        }
        match self.imports.get(simple) {
            Some(existing) if existing == fqn => simple.to_string(),
            Some(_) => fqn.to_string(),
            None => {
                self.imports.insert(simple.to_string(), fqn.to_string());
                simple.to_string()
            }
        }
    }

    /// `T<A,B>` with type arguments; `commented` turns `@Nullable` on arguments into comments
    /// (annotations are not allowed there).
    pub fn code(&mut self, t: &JType) -> String {
        let head = self.r(&t.fqn);
        if t.params.is_empty() {
            return head;
        }
        let params: Vec<String> = t.params.iter().map(|p| self.code(p)).collect();
        format!("{head}<{}>", params.join(","))
    }

    /// The erased class literal (`List.class`).
    pub fn class_literal(&mut self, t: &JType) -> String {
        format!("{}.class", self.r(&t.fqn))
    }

    /// `@Export` `refs` and `tree` for a type: class literals in pre-order (deduplicated) and
    /// the index tree as JSON (`[0,1,1]` for `Map<String,String>`).
    pub fn export_tree(&mut self, t: &JType) -> (String, String) {
        fn walk(ctx: &mut FileCtx, t: &JType, refs: &mut Vec<String>) -> String {
            let lit = ctx.class_literal(t);
            let idx = match refs.iter().position(|r| *r == lit) {
                Some(i) => i,
                None => {
                    refs.push(lit);
                    refs.len() - 1
                }
            };
            if t.params.is_empty() {
                return idx.to_string();
            }
            let mut parts = vec![idx.to_string()];
            for p in &t.params {
                parts.push(walk(ctx, p, refs));
            }
            format!("[{}]", parts.join(","))
        }
        let mut refs = Vec::new();
        let tree = walk(self, t, &mut refs);
        let tree = if tree.starts_with('[') {
            tree
        } else {
            format!("[{tree}]")
        };
        (refs.join(","), tree)
    }

    /// A `TypeShape` expression for `t` (`TypeShape.<List<String>>builder(List.class).addParameter(String.class).build()`),
    /// or a class literal when it has no type arguments.
    pub fn type_shape(&mut self, t: &JType) -> String {
        if t.params.is_empty() {
            return format!(
                "{}.of({})",
                self.r("com.pulumi.core.TypeShape"),
                self.class_literal(t)
            );
        }
        self.type_shape_builder(t)
    }

    fn type_shape_builder(&mut self, t: &JType) -> String {
        let ts = self.r("com.pulumi.core.TypeShape");
        let code = self.code(t);
        let lit = self.class_literal(t);
        let mut s = format!("{ts}.<{code}>builder({lit})");
        for p in &t.params {
            let arg = if p.params.is_empty() {
                self.class_literal(p)
            } else {
                self.type_shape_builder(p)
            };
            s.push_str(&format!(".addParameter({arg})"));
        }
        s.push_str(".build()");
        s
    }

    /// The import table of the file of class `fqn`, which declares `nested` classes.
    pub fn of_class(names: &Names, fqn: &str, nested: &[&str]) -> FileCtx {
        let (package, _) = split_fqn(fqn);
        let classes = names.classes.get(package).cloned().unwrap_or_default();
        FileCtx::new(package, classes, nested)
    }

    /// The file's header, package and imports (call last: it reads the imports used).
    pub fn head(&self) -> FileHead {
        FileHead { generated: GENERATED_HEADER.to_string(), package: self.package.clone(), imports: self.import_lines() }
    }

    /// Sorted `import …;` lines.
    pub fn import_lines(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .imports
            .values()
            .map(|f| format!("import {f};"))
            .collect();
        v.sort();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_avoid_shadowing() {
        let locals: BTreeSet<String> = ["Output".to_string(), "String".to_string()]
            .into_iter()
            .collect();
        let mut f = FileCtx::new("com.pulumi.x", Arc::new(locals), &["Builder"]);
        assert_eq!(f.r(OUTPUT), "com.pulumi.core.Output");
        assert_eq!(f.r(STRING), "java.lang.String");
        assert_eq!(f.r("java.lang.Integer"), "Integer");
        assert_eq!(f.r("com.pulumi.x.Output"), "Output");
        assert_eq!(f.r(LIST), "List");
        assert_eq!(f.r("com.other.List"), "com.other.List");
        assert_eq!(f.r("com.other.Builder"), "com.other.Builder");
        assert_eq!(f.import_lines(), vec!["import java.util.List;"]);
    }

    #[test]
    fn export_trees() {
        let mut f = FileCtx::new("p", Arc::default(), &[]);
        let m = JType::generic(MAP, vec![JType::new(STRING), JType::new(STRING)]);
        assert_eq!(
            f.export_tree(&m),
            ("Map.class,String.class".into(), "[0,1,1]".into())
        );
        assert_eq!(
            f.export_tree(&JType::new(STRING)),
            ("String.class".into(), "[0]".into())
        );
        let l = JType::generic(LIST, vec![m]);
        assert_eq!(f.export_tree(&l).1, "[0,[1,2,2]]");
        assert_eq!(f.code(&l), "List<Map<String,String>>");
    }
}

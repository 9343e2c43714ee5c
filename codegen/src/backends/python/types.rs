//! The one mapping from IR [`TypeRef`] to a Python type expression, in the shapes the
//! official generator uses: input (`pulumi.Input[...]` at every level), plain input,
//! TypedDict field, and output. Named types are always quoted so that forward and cyclic
//! references work; the import lines a reference needs are collected as a side effect.

use super::layout;
use super::names::{Names, ObjectNames};
use crate::ir::{Primitive, Token, TypeRef};
use std::collections::BTreeSet;

/// Which generated file an expression is written into (decides self-references).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Inputs,
    Outputs,
    Other,
}

/// How a type is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `pulumi.Input[...]` around every level (resource inputs, Args classes).
    Input,
    /// Input types without `Input` wrappers (plain properties, plain function arguments).
    PlainInput,
    /// A TypedDict field: like `Input`, but objects are their `XArgsDict`.
    Dict,
    /// Output values.
    Output,
}

/// Renders type expressions for one file in one module and remembers the imports needed.
pub struct TypeCtx<'a> {
    pub names: &'a Names,
    pub module: String,
    pub file: FileKind,
    /// The resource class defined by the current file, referenced without an import.
    pub self_resource: Option<Token>,
    pub imports: BTreeSet<String>,
}

impl<'a> TypeCtx<'a> {
    pub fn new(names: &'a Names, module: &str, file: FileKind) -> Self {
        TypeCtx { names, module: module.to_string(), file, self_resource: None, imports: BTreeSet::new() }
    }

    /// The relative import prefix of the package root from the current module (`.`, `..`).
    pub fn root(&self) -> String {
        layout::root_prefix(&self.module)
    }

    /// A property type: `required`/`plain` decide `Optional` and the outer `Input`.
    /// `accept_mapping` lets object inputs also take their TypedDict (as the official
    /// generator does for constructor and function arguments).
    pub fn property(&mut self, ty: &TypeRef, flavor: Shape, required: bool, plain: bool, accept_mapping: bool) -> String {
        let flavor = if plain && flavor == Shape::Input { Shape::PlainInput } else { flavor };
        let inner = self.expr(ty, flavor, accept_mapping);
        match flavor {
            Shape::Input => {
                if inner == "Any" {
                    return if required { "Any".into() } else { "Optional[Any]".into() };
                }
                if required {
                    format!("pulumi.Input[{inner}]")
                } else {
                    format!("pulumi.Input[Optional[{inner}]]")
                }
            }
            Shape::Dict => {
                if inner == "Any" {
                    return if required { "Any".into() } else { "NotRequired[Any]".into() };
                }
                if required {
                    format!("pulumi.Input[{inner}]")
                } else {
                    format!("NotRequired[pulumi.Input[Optional[{inner}]]]")
                }
            }
            Shape::PlainInput | Shape::Output => {
                if required || inner == "Any" {
                    inner
                } else {
                    format!("Optional[{inner}]")
                }
            }
        }
    }

    /// An optional function argument of the `_output` form: `pulumi.Input[Optional[T]]`
    /// around a plain `T`.
    pub fn output_fn_arg(&mut self, ty: &TypeRef) -> String {
        let inner = self.expr(ty, Shape::PlainInput, true);
        if inner == "Any" {
            "Optional[Any]".into()
        } else {
            format!("pulumi.Input[Optional[{inner}]]")
        }
    }

    /// The bare type (no outer `Optional`/`Input`).
    pub fn expr(&mut self, ty: &TypeRef, flavor: Shape, accept_mapping: bool) -> String {
        let wrap = |s: String| -> String {
            if s == "Any" || !matches!(flavor, Shape::Input | Shape::Dict) {
                s
            } else {
                format!("pulumi.Input[{s}]")
            }
        };
        match ty {
            TypeRef::Primitive { primitive } => primitive_name(*primitive).into(),
            TypeRef::Array { items } => {
                let i = self.expr(items, flavor, accept_mapping);
                format!("Sequence[{}]", wrap(i))
            }
            TypeRef::Map { values } => {
                let v = self.expr(values, flavor, accept_mapping);
                format!("Mapping[str, {}]", wrap(v))
            }
            TypeRef::Named { token } => self.named(token, flavor, accept_mapping),
            TypeRef::Resource { token } => self.resource(token),
            TypeRef::Union { types, primitive, .. } => {
                if flavor == Shape::Output {
                    // Outputs of a relaxed enum are the enum's primitive; other unions are
                    // their wire primitive if known, else Any (as the official generator does).
                    for t in types {
                        if let TypeRef::Named { token } = t {
                            if let Some(e) = self.names.enums.get(token) {
                                return primitive_name(e.primitive).into();
                            }
                        }
                    }
                    return match primitive {
                        Some(p) => primitive_name(*p).into(),
                        None => "Any".into(),
                    };
                }
                let mut seen = Vec::new();
                for t in types {
                    let s = self.expr(t, flavor, accept_mapping);
                    if !seen.contains(&s) {
                        seen.push(s);
                    }
                }
                if seen.iter().any(|s| s == "Any") {
                    return "Any".into();
                }
                match seen.len() {
                    0 => "Any".into(),
                    1 => seen.remove(0),
                    _ => format!("Union[{}]", seen.join(", ")),
                }
            }
            TypeRef::Any | TypeRef::Json | TypeRef::Inline { .. } => "Any".into(),
            TypeRef::Asset => "Union[pulumi.Asset, pulumi.Archive]".into(),
            TypeRef::Archive => "pulumi.Archive".into(),
        }
    }

    fn named(&mut self, token: &Token, flavor: Shape, accept_mapping: bool) -> String {
        if let Some(e) = self.names.enums.get(token) {
            let e = e.clone();
            if e.module == self.module {
                self.imports.insert("from ._enums import *".into());
                return format!("'{}'", e.class);
            }
            let q = self.qualifier(&e.module, "_enums", "_root_enums");
            return format!("'{q}{}'", e.class);
        }
        let Some(o) = self.names.objects.get(token).cloned() else {
            return "Any".into();
        };
        match flavor {
            Shape::Output => {
                if o.module == self.module {
                    if self.file == FileKind::Outputs {
                        return format!("'{}'", o.output);
                    }
                    self.imports.insert("from . import outputs".into());
                    return format!("'outputs.{}'", o.output);
                }
                let q = self.qualifier(&o.module, "outputs", "_root_outputs");
                let q = if o.module.is_empty() { q } else { format!("{q}outputs.") };
                format!("'{q}{}'", o.output)
            }
            Shape::Dict => format!("'{}'", self.input_ref(&o, &o.dict)),
            Shape::Input | Shape::PlainInput => {
                let class = self.input_ref(&o, &o.input);
                if accept_mapping && self.names.typed_dicts {
                    let dict = self.input_ref(&o, &o.dict);
                    format!("Union['{class}', '{dict}']")
                } else {
                    format!("'{class}'")
                }
            }
        }
    }

    fn input_ref(&mut self, o: &ObjectNames, class: &str) -> String {
        if o.module == self.module {
            if self.file != FileKind::Inputs {
                self.imports.insert("from ._inputs import *".into());
            }
            return class.to_string();
        }
        let q = self.qualifier(&o.module, "_inputs", "_root_inputs");
        format!("{q}{class}")
    }

    /// The prefix that names `module` from the current one, adding its import. For the root
    /// module, `root_file`/`root_alias` name the root's file directly (`_root_outputs.`).
    fn qualifier(&mut self, module: &str, root_file: &str, root_alias: &str) -> String {
        let root = self.root();
        if module.is_empty() {
            self.imports.insert(format!("from {root} import {root_file} as {root_alias}"));
            return format!("{root_alias}.");
        }
        let mut parts = module.split('/');
        let first = parts.next().unwrap_or_default();
        self.imports.insert(format!("from {root} import {first} as _{first}"));
        let mut q = format!("_{first}.");
        for p in parts {
            q.push_str(p);
            q.push('.');
        }
        q
    }

    fn resource(&mut self, token: &Token) -> String {
        let names = self.names;
        let Some(r) = names.resource_by_token(token) else {
            return "Any".into();
        };
        if self.self_resource.as_ref() == Some(token) {
            return format!("'{}'", r.class);
        }
        if r.module == self.module || r.module.is_empty() {
            let prefix = if r.module == self.module { ".".to_string() } else { self.root() };
            self.imports.insert(format!("from {prefix}{} import {}", r.file, r.class));
            return format!("'{}'", r.class);
        }
        let q = self.qualifier(&r.module, "", "");
        format!("'{q}{}'", r.class)
    }
}

/// `_builtins.str` etc.: qualified so a property named `str` cannot shadow the type.
pub fn primitive_name(p: Primitive) -> &'static str {
    match p {
        Primitive::Boolean => "_builtins.bool",
        Primitive::Integer => "_builtins.int",
        Primitive::Number => "_builtins.float",
        Primitive::String => "_builtins.str",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::python::names::EnumNames;

    fn tables() -> Names {
        let mut t = Names { typed_dicts: true, ..Default::default() };
        t.objects.insert(
            Token::new("p", "index", "Obj"),
            ObjectNames { module: String::new(), input: "ObjArgs".into(), dict: "ObjArgsDict".into(), output: "Obj".into(), ..Default::default() },
        );
        t.objects.insert(
            Token::new("p", "sub", "Deep"),
            ObjectNames { module: "sub".into(), input: "DeepArgs".into(), dict: "DeepArgsDict".into(), output: "Deep".into(), ..Default::default() },
        );
        t.enums.insert(Token::new("p", "index", "Color"), EnumNames { module: String::new(), class: "Color".into(), primitive: Primitive::String, members: vec![] });
        t
    }

    #[test]
    fn flavours() {
        let t = tables();
        let mut c = TypeCtx::new(&t, "", FileKind::Other);
        let arr = TypeRef::array(TypeRef::string());
        assert_eq!(c.property(&arr, Shape::Input, false, false, true), "pulumi.Input[Optional[Sequence[pulumi.Input[_builtins.str]]]]");
        assert_eq!(c.property(&arr, Shape::Output, false, false, false), "Optional[Sequence[_builtins.str]]");
        assert_eq!(c.property(&arr, Shape::Input, true, true, false), "Sequence[_builtins.str]");
        assert_eq!(c.property(&TypeRef::Any, Shape::Input, false, false, true), "Optional[Any]");
        let obj = TypeRef::named(Token::new("p", "index", "Obj"));
        assert_eq!(c.property(&obj, Shape::Input, true, false, true), "pulumi.Input[Union['ObjArgs', 'ObjArgsDict']]");
        assert_eq!(c.property(&obj, Shape::Output, true, false, false), "'outputs.Obj'");
        assert_eq!(c.property(&obj, Shape::Dict, false, false, false), "NotRequired[pulumi.Input[Optional['ObjArgsDict']]]");
        assert!(c.imports.contains("from ._inputs import *"));
        let color = TypeRef::named(Token::new("p", "index", "Color"));
        let u = TypeRef::Union { types: vec![TypeRef::string(), color], discriminator: None, primitive: Some(Primitive::String) };
        assert_eq!(c.expr(&u, Shape::Input, true), "Union[_builtins.str, 'Color']");
        assert_eq!(c.expr(&u, Shape::Output, false), "_builtins.str");
    }

    #[test]
    fn cross_module_references() {
        let t = tables();
        let mut c = TypeCtx::new(&t, "sub/inner", FileKind::Other);
        assert_eq!(c.expr(&TypeRef::named(Token::new("p", "index", "Obj")), Shape::Output, false), "'_root_outputs.Obj'");
        assert_eq!(c.expr(&TypeRef::named(Token::new("p", "sub", "Deep")), Shape::Output, false), "'_sub.outputs.Deep'");
        assert_eq!(c.expr(&TypeRef::named(Token::new("p", "index", "Color")), Shape::Input, false), "'_root_enums.Color'");
        assert!(c.imports.contains("from ... import outputs as _root_outputs"));
        assert!(c.imports.contains("from ... import sub as _sub"));
    }
}

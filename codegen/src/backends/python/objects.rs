//! Object types: a module's `_inputs.py` (`XArgs` classes and `XArgsDict` TypedDicts) and
//! `outputs.py` (output classes), and the input classes and output properties that
//! resources and functions reuse.

use super::docs::{clean, docs_of, docstring, param_doc};
use super::model::*;
use super::naming::{self, py_name};
use super::names::ObjectNames;
use super::types::{FileKind, Shape, TypeCtx};
use super::values::{default_expr, lits, py_str, py_value};
use super::Cx;
use crate::ir::{Primitive, Property, Token, TypeDef, TypeRef};
use std::collections::BTreeMap;

/// The `@pulumi.getter` decorator of attribute `attr` of wire name `wire`.
pub fn getter(wire: &str, attr: &str) -> String {
    if wire == attr {
        "@pulumi.getter".into()
    } else {
        format!("@pulumi.getter(name={})", py_str(wire))
    }
}

/// Required properties first, then by wire name (the official order for types).
pub fn required_first(props: &[Property]) -> Vec<&Property> {
    let mut v: Vec<&Property> = props.iter().collect();
    v.sort_by(|a, b| b.required.cmp(&a.required).then_with(|| a.name.wire.cmp(&b.name.wire)));
    v
}

/// The attribute of `p` in `attrs` (its `PyName` if absent).
fn attr_of(attrs: &BTreeMap<String, String>, p: &Property) -> String {
    attrs.get(&p.name.wire).cloned().unwrap_or_else(|| py_name(&p.name.wire))
}

/// An input class (`XArgs`, a resource's args or state class) of `props`; with
/// `force_optional` every property is optional (state classes).
pub fn input_class(ctx: &mut TypeCtx, name: &str, docs: &str, props: &[&Property], attrs: &BTreeMap<String, String>, force_optional: bool) -> InputClass {
    let mut init_doc = String::new();
    if !docs.is_empty() {
        init_doc.push_str(docs);
        init_doc.push_str("\n\n");
    }
    let mut out = Vec::new();
    for p in props {
        let attr = attr_of(attrs, p);
        let required = p.required && !force_optional;
        let ty = ctx.property(&p.ty, Shape::Input, required, p.plain, false);
        let default = default_expr(p);
        let init_ty = if default.is_some() && required { ctx.property(&p.ty, Shape::Input, false, p.plain, false) } else { ty.clone() };
        let d = docs_of(p);
        init_doc.push_str(&param_doc(&ty, &attr, &d));
        out.push(InputProp {
            attr_lit: py_str(&attr),
            getter: getter(&p.name.wire, &attr),
            init_ty,
            has_none_default: !required || default.is_some(),
            required,
            deprecation: p.deprecation.as_deref().map(py_str),
            deprecation_log: p.deprecation.as_deref().map(|d| py_str(&format!("{attr} is deprecated: {d}"))),
            default,
            value: p.const_value.as_ref().map(py_value).unwrap_or_else(|| attr.clone()),
            docstring: docstring(&d, "        "),
            ty,
            attr,
        });
    }
    InputClass { name: name.to_string(), init_docstring: docstring(&init_doc, "        "), props: out }
}

/// The getters of output properties `props`; a resource's are `pulumi.Output[...]`.
pub fn output_props(ctx: &mut TypeCtx, props: &[&Property], attrs: &BTreeMap<String, String>, resource: bool) -> Vec<OutputProp> {
    props
        .iter()
        .map(|p| {
            let attr = attr_of(attrs, p);
            let inner = ctx.property(&p.ty, Shape::Output, p.required, true, false);
            let init_ty = ctx.property(&p.ty, Shape::Output, false, true, false);
            let ty = if resource { format!("pulumi.Output[{inner}]") } else { inner };
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
                shadows_dict: false,
            }
        })
        .collect()
}

/// The runtime class checked with `isinstance` in function results, and its display name.
fn runtime_type(ctx: &TypeCtx, ty: &TypeRef) -> (Option<String>, String) {
    let prim = |p: Primitive| {
        let n = match p {
            Primitive::Boolean => "bool",
            Primitive::Integer => "int",
            Primitive::Number => "float",
            Primitive::String => "str",
        };
        (Some(format!("_builtins.{n}")), n.to_string())
    };
    match ty {
        TypeRef::Primitive { primitive } => prim(*primitive),
        TypeRef::Array { .. } => (Some("_builtins.list".into()), "list".into()),
        TypeRef::Map { .. } => (Some("_builtins.dict".into()), "dict".into()),
        TypeRef::Named { token } => match ctx.names.enums.get(token) {
            Some(e) => prim(e.primitive),
            None => (Some("_builtins.dict".into()), "dict".into()),
        },
        _ => (None, String::new()),
    }
}

/// Wire name → attribute of an object type's properties (the output class's or not).
fn object_attrs(props: &[Property], names: &ObjectNames, output: bool) -> BTreeMap<String, String> {
    let attrs = if output { &names.out_attrs } else { &names.attrs };
    props.iter().map(|p| p.name.wire.clone()).zip(attrs.iter().cloned()).collect()
}

/// The input-shaped objects of `toks` (in order).
pub fn inputs_of<'t>(cx: &Cx, toks: &'t [Token]) -> Vec<&'t Token> {
    toks.iter().filter(|t| matches!(cx.pkg().types.get(*t), Some(TypeDef::Object(o)) if o.usage.input)).collect()
}

/// The output-shaped objects of `toks` (in order).
pub fn outputs_of<'t>(cx: &Cx, toks: &'t [Token]) -> Vec<&'t Token> {
    toks.iter().filter(|t| matches!(cx.pkg().types.get(*t), Some(TypeDef::Object(o)) if o.usage.output)).collect()
}

/// The names `_inputs.py` of the objects `toks` exports, sorted.
pub fn input_exports(cx: &Cx, toks: &[&Token]) -> Vec<String> {
    let mut all = Vec::new();
    for tok in toks {
        let names = &cx.names.objects[*tok];
        if cx.names.typed_dicts {
            all.push(names.dict.clone());
        }
        all.push(names.input.clone());
    }
    all.sort();
    all
}

/// `_inputs.py` of module `m`: per object its TypedDict and its Args class; aliases of an
/// equal object are assignments.
pub fn inputs_file(cx: &Cx, toks: &[&Token], m: &str) -> InputsFile {
    let mut ctx = TypeCtx::new(cx.names, m, FileKind::Inputs);
    let (mut pairs, mut aliases) = (Vec::new(), Vec::new());
    for tok in toks {
        let Some(TypeDef::Object(o)) = cx.pkg().types.get(*tok) else { continue };
        let names = &cx.names.objects[*tok];
        if let Some(canonical) = &o.alias_of {
            let target = &cx.names.objects[canonical];
            if cx.names.typed_dicts {
                aliases.push(Alias { name: names.dict.clone(), target: target.dict.clone() });
            }
            aliases.push(Alias { name: names.input.clone(), target: target.input.clone() });
            continue;
        }
        let attrs = object_attrs(&o.properties, names, false);
        let props = required_first(&o.properties);
        let docs = o.docs.as_deref().map(clean).unwrap_or_default();
        let dict = cx.names.typed_dicts.then(|| DictClass {
            name: names.dict.clone(),
            docstring: docstring(&docs, "    "),
            fields: props
                .iter()
                .map(|p| DictField {
                    ty: ctx.property(&p.ty, Shape::Dict, p.required, p.plain, false),
                    docstring: docstring(&docs_of(p), "    "),
                    attr: attrs[&p.name.wire].clone(),
                })
                .collect(),
        });
        pairs.push((dict, input_class(&mut ctx, &names.input, &docs, &props, &attrs, false)));
    }
    let all = input_exports(cx, toks);
    InputsFile { head: FileHead::new(std::mem::take(&mut ctx.imports), m, cx.names.typed_dicts), all: lits(&all), pairs, aliases }
}

/// `outputs.py` of module `m`: per object its output class (a `dict` subclass that warns
/// on wire-name keys); aliases of an equal object are assignments.
pub fn outputs_file(cx: &Cx, toks: &[&Token], m: &str) -> OutputsFile {
    let mut ctx = TypeCtx::new(cx.names, m, FileKind::Outputs);
    let (mut all, mut classes, mut aliases) = (Vec::new(), Vec::new(), Vec::new());
    for tok in toks {
        let Some(TypeDef::Object(o)) = cx.pkg().types.get(*tok) else { continue };
        let names = &cx.names.objects[*tok];
        all.push(names.output.clone());
        if let Some(canonical) = &o.alias_of {
            aliases.push(Alias { name: names.output.clone(), target: cx.names.objects[canonical].output.clone() });
            continue;
        }
        let attrs = object_attrs(&o.properties, names, true);
        let props = required_first(&o.properties);
        let key_warnings = props.iter().filter(|p| attrs[&p.name.wire] != p.name.wire).map(|p| (py_str(&p.name.wire), py_str(&attrs[&p.name.wire]))).collect();
        let docs = o.docs.as_deref().map(clean).unwrap_or_default();
        classes.push(OutputClass {
            docstring: docstring(&docs, "    "),
            key_warnings,
            key_warning_message: py_str(&format!("Key '{{key}}' not found in {}. Access the value via the '{{suggest}}' property getter instead.", names.output)),
            props: output_props(&mut ctx, &props, &attrs, false)
                .into_iter()
                .map(|p| OutputProp { shadows_dict: naming::DICT_MEMBERS.contains(&p.attr.as_str()), ..p })
                .collect(),
            name: names.output.clone(),
        });
    }
    all.sort();
    OutputsFile { head: FileHead::new(std::mem::take(&mut ctx.imports), m, false), all: lits(&all), classes, aliases }
}

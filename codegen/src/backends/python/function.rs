//! One module function's file: the result class, the plain (awaitable) function and its
//! `_output` form.

use super::docs::{clean, docs_of, docstring, param_doc};
use super::model::*;
use super::objects::output_props;
use super::types::{FileKind, Shape, TypeCtx};
use super::values::{lits, py_str};
use super::Cx;
use crate::ir::{Function, FunctionResult, Property};

/// What the function returns: its kind for the template, the result class, the plain and
/// `_output` return types and the type of a single value.
struct Returns {
    kind: &'static str,
    result: Option<OutputClass>,
    plain: String,
    output: String,
    value: String,
}

/// The view model of module function `i`'s file.
pub fn function_file(cx: &Cx, i: usize) -> FunctionFile {
    let f = &cx.pkg().functions[i];
    let fnames = &cx.names.functions[&i];
    let name = fnames.name.clone();
    let mut ctx = TypeCtx::new(cx.names, &fnames.module, FileKind::Other);
    let args: Vec<&Property> = f.inputs.iter().flat_map(|s| s.properties.iter()).collect();
    let mut doc = f
        .docs
        .as_deref()
        .map(clean)
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "Use this data source to access information about an existing resource.".to_string());
    if !args.is_empty() {
        doc.push_str("\n\n");
    }
    let mut fn_args = Vec::new();
    for (p, n) in args.iter().zip(&fnames.args) {
        let plain_ty = ctx.property(&p.ty, Shape::PlainInput, false, true, true);
        doc.push_str(&param_doc(&plain_ty, n, &docs_of(p)));
        fn_args.push(FnArg { name: n.clone(), wire_lit: py_str(&p.name.wire), output_ty: ctx.output_fn_arg(&p.ty), plain_ty });
    }
    let returns = returns(cx, f, i, &mut ctx);
    let output_ret_expr = if returns.output == "pulumi.Output[Any]" { "__ret__".to_string() } else { format!("cast({}, __ret__)", returns.output) };
    FunctionFile {
        output_ret_expr,
        head: FileHead::new(std::mem::take(&mut ctx.imports), &fnames.module, false),
        all: lits(&cx.names.function_exports(cx.sdk, i)),
        token_lit: py_str(&f.token.to_string()),
        output_name: format!("{name}_output"),
        deprecation: f.deprecation.as_deref().map(py_str),
        deprecation_log: f.deprecation.as_deref().map(|d| py_str(&format!("{name} is deprecated: {d}"))),
        docstring: docstring(&doc, "    "),
        args: fn_args,
        result_kind: returns.kind.into(),
        result: returns.result,
        awaitable: format!("Awaitable{}", fnames.result),
        plain_ret: returns.plain,
        output_ret: returns.output,
        value_ty: returns.value,
        name,
    }
}

fn returns(cx: &Cx, f: &Function, i: usize, ctx: &mut TypeCtx) -> Returns {
    let fnames = &cx.names.functions[&i];
    match &f.outputs {
        Some(FunctionResult::Object { shape }) => {
            let props: Vec<&Property> = shape.properties.iter().collect();
            let mut props_m = output_props(ctx, &props, &fnames.result_attrs, false);
            for p in &mut props_m {
                // Function results take what the engine returned, so every field may be absent.
                p.required = false;
            }
            let class_doc = shape.docs.as_deref().map(clean).unwrap_or_else(|| format!("A collection of values returned by {}.", f.token.name));
            let result = OutputClass {
                name: fnames.result.clone(),
                docstring: docstring(&class_doc, "    "),
                key_warnings: vec![],
                key_warning_message: String::new(),
                props: props_m,
            };
            Returns {
                kind: "object",
                result: Some(result),
                plain: format!("Awaitable{}", fnames.result),
                output: format!("pulumi.Output[{}]", fnames.result),
                value: String::new(),
            }
        }
        Some(FunctionResult::Value { ty, .. }) => {
            let t = ctx.property(ty, Shape::Output, true, true, false);
            Returns { kind: "value", result: None, plain: t.clone(), output: format!("pulumi.Output[{t}]"), value: t }
        }
        None => Returns { kind: "none", result: None, plain: "None".to_string(), output: String::new(), value: String::new() },
    }
}

//! The files of one module function: its `inputs.GetXArgs` and `inputs.GetXPlainArgs`
//! and its `outputs.GetXResult`; its methods live in the module's functions class
//! ([`super::module`]).

use super::docs::{deprecated_annotation, described};
use super::model::FunctionMethod;
use super::objects::{input_class, output_class, InputSpec, INVOKE_ARGS};
use super::types::{FileCtx, Shape};
use super::values::java_str;
use super::Java;
use crate::backends::sdk::Cx;
use crate::backends::Artifact;
use crate::ir::FunctionResult;

/// The argument and result classes of `pkg.functions[index]`.
pub fn files(cx: &Cx<Java>, index: usize) -> Vec<Artifact> {
    let f = &cx.pkg().functions[index];
    let Some(n) = cx.names.functions.get(&index) else { return Vec::new() };
    let mut out = Vec::new();
    if let (Some(a), Some(pa), Some(shape)) = (&n.args, &n.plain_args, &f.inputs) {
        let doc = shape.docs.as_deref().unwrap_or("");
        for (fqn, kind) in [(a, Shape::Args), (pa, Shape::Plain)] {
            out.push(input_class(cx, &InputSpec { fqn, doc, base: INVOKE_ARGS, props: &shape.properties, members: &n.inputs, shape: kind, provider: None }));
        }
    }
    if let (Some(res), Some(FunctionResult::Object { shape })) = (&n.result, &f.outputs) {
        out.push(output_class(cx, res, shape.docs.as_deref().unwrap_or(""), &shape.properties, &n.outputs));
    }
    out
}

/// The methods of `pkg.functions[index]` in its module's functions class (`ctx` is that
/// file's).
pub fn method(cx: &Cx<Java>, ctx: &mut FileCtx, index: usize) -> Option<FunctionMethod> {
    let f = &cx.pkg().functions[index];
    let n = cx.names.functions.get(&index)?;
    let args_ty = ctx.r(n.args.as_deref().unwrap_or(INVOKE_ARGS));
    let plain_args_ty = ctx.r(n.plain_args.as_deref().unwrap_or(INVOKE_ARGS));
    let ret = ctx.r(n.result.as_deref().unwrap_or("java.lang.Void"));
    let shape = format!("{}.of({ret}.class)", ctx.r("com.pulumi.core.TypeShape"));
    Some(FunctionMethod {
        doc: described("    ", f.docs.as_deref(), f.deprecation.as_deref()),
        deprecated: f.deprecation.as_deref().map(deprecated_annotation),
        name: n.method.clone(),
        plain_name: n.plain_method.clone(),
        ret,
        args_ty,
        plain_args_ty,
        all_optional: f.inputs.as_ref().is_none_or(|s| s.properties.iter().all(|p| !p.required)),
        token_lit: java_str(&f.token.to_string()),
        shape,
    })
}

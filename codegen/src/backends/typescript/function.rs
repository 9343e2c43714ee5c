//! `<module>/<function>.ts`: a module function (`getFoo`, calling `invoke`) and its
//! output form (`getFooOutput`, calling `invokeOutput`), with their interfaces.

use super::docs::jsdoc;
use super::layout::{depth, join};
use super::model::{Assign, FunctionFile, Interface};
use super::names::FunctionName;
use super::naming::{member, string_literal};
use super::objects::field;
use super::types::{unique, Shape, TypeMapper};
use super::{header, Cx};
use crate::backends::Artifact;
use crate::ir::{Function, FunctionResult, Property};

const T_FUNCTION: &str = "typescript/function.ts.tera";

/// The file of module function `pkg.functions[index]`.
pub fn files(cx: &Cx, index: usize) -> Vec<Artifact> {
    let f = &cx.pkg().functions[index];
    let n = &cx.names.functions[&index];
    let dir = cx.names.dir(&cx.names.key(&f.module, cx.settings));
    vec![Artifact::template(join(&dir, &format!("{}.ts", n.stem)), T_FUNCTION, &function_file(cx, f, n, &dir))]
}

fn interface(doc: Vec<String>, name: String, props: &[&Property], m: &mut TypeMapper, shape: Shape, readonly: bool) -> Interface {
    Interface { alias_of: None, doc, name, fields: props.iter().map(|p| field(m, p, shape, readonly, !p.required)).collect() }
}

fn function_file(cx: &Cx, f: &Function, n: &FunctionName, dir: &str) -> FunctionFile {
    let mut m = TypeMapper::new(&cx.names.types, depth(dir));
    let t = &n.title;
    let args_props: Option<Vec<&Property>> = f.inputs.as_ref().map(|i| unique(&i.properties));
    let all_optional = args_props.as_ref().map(|ps| ps.iter().all(|p| !p.required)).unwrap_or(true);
    let arguments = args_props.iter().flatten().map(|p| Assign { key: string_literal(&p.name.wire), value: format!("args{}", member(&p.name.wire)) }).collect();
    let args_doc = f.inputs.as_ref().and_then(|i| i.docs.as_deref());
    let args = args_props.as_ref().map(|ps| interface(jsdoc(args_doc, None), format!("{t}Args"), ps, &mut m, Shape::Plain, false));
    let output_args = args_props.as_ref().map(|ps| interface(jsdoc(args_doc, None), format!("{t}OutputArgs"), ps, &mut m, Shape::Input, false));
    let (result_type, result, invoke, invoke_output) = match &f.outputs {
        Some(FunctionResult::Object { shape }) => {
            let i = interface(jsdoc(shape.docs.as_deref(), None), format!("{t}Result"), &unique(&shape.properties), &mut m, Shape::Output, true);
            (format!("{t}Result"), Some(i), "invoke", "invokeOutput")
        }
        Some(FunctionResult::Value { ty, .. }) => (m.type_expr(ty, Shape::Output), None, "invokeSingle", "invokeSingleOutput"),
        None => ("void".to_string(), None, "invoke", "invokeOutput"),
    };
    FunctionFile {
        header: header(),
        imports: cx.names.imports(dir, &m.uses, true, true),
        doc: jsdoc(f.docs.as_deref(), f.deprecation.as_deref()),
        name: n.name.clone(),
        output_name: format!("{}Output", n.name),
        token: string_literal(&f.token.to_string()),
        deprecation_warning: f.deprecation.as_ref().map(|d| string_literal(&format!("{} is deprecated: {d}", n.name))),
        default_args: args_props.is_some() && all_optional,
        invoke: invoke.into(),
        invoke_output: invoke_output.into(),
        result_type,
        arguments,
        args,
        result,
        output_args,
    }
}

//! A module function's file: `Foo`/`FooOutput`, its args, output args and result structs,
//! and the result's Output type with accessors.

use super::docs::comment;
use super::model::{Accessor, FunctionFile};
use super::names::{sorted_props, FunctionNames, Names};
use super::naming;
use super::objects::{fits_one_line, input_rows, plain_rows};
use super::types::TypeCtx;
use super::values::go_str;
use crate::backends::sdk::Sdk;
use crate::backends::Artifact;
use crate::ir::{FunctionResult, Property};

/// The file of function `pkg.functions[i]`.
pub fn function_file(sdk: &Sdk, names: &Names, i: usize) -> Option<Artifact> {
    let f = &sdk.pkg.functions[i];
    let fnames = names.functions.get(&i)?;
    let (dir, name) = (&fnames.dir, &fnames.name);
    let mut c = names.ctx(dir);
    let args: Vec<&Property> = f.inputs.as_ref().map(|s| sorted_props(&s.properties)).unwrap_or_default();
    let args_fields = plain_rows(names, &mut c, &args, &fnames.args_fields, false, true);
    let output_args_fields = input_rows(names, &mut c, &args, &fnames.args_fields, false, true);
    let (mut result_fields, mut accessors, mut value_ty) = (Vec::new(), Vec::new(), String::new());
    let result_kind = match &f.outputs {
        Some(FunctionResult::Object { shape }) => {
            let props = sorted_props(&shape.properties);
            result_fields = plain_rows(names, &mut c, &props, &fnames.result_fields, false, true);
            accessors = props.iter().map(|p| result_accessor(names, &mut c, fnames, p)).collect();
            "object"
        }
        Some(FunctionResult::Value { ty, .. }) => {
            value_ty = c.plain(&names.types.resolve(ty), false);
            "value"
        }
        None => "none",
    };
    let std: &[&str] = if result_kind == "object" { &["context", "reflect"] } else { &[] };
    let model = FunctionFile {
        head: names.layout.head(dir, std, names.layout.imports_with_util(dir), c.import_lines()),
        docs: comment(f.docs.as_deref(), f.deprecation.as_deref(), ""),
        name: name.clone(),
        token_lit: go_str(&f.token.to_string()),
        util: names.layout.util_prefix(dir),
        has_args: f.inputs.is_some(),
        result_kind: result_kind.into(),
        args_fields,
        output_args_fields,
        result_fields,
        value_ty,
        accessors,
    };
    let path = names.layout.path(dir, &format!("{}.go", naming::file_stem(name)));
    Some(Artifact::template(path, "go/function.go.tera", &model))
}

fn result_accessor(names: &Names, c: &mut TypeCtx, fnames: &FunctionNames, p: &Property) -> Accessor {
    let ty = names.types.resolve(&p.ty);
    let field = fnames.result_fields.get(&p.name.wire).cloned().unwrap_or_default();
    let plain_ty = c.plain(&ty, !p.required);
    Accessor {
        docs: comment(p.docs.as_deref(), p.deprecation.as_deref(), ""),
        one_line: fits_one_line(&format!("{}Result", fnames.name), &plain_ty, &field),
        name: field,
        out_ty: c.output(&ty, !p.required),
        plain_ty,
        ..Default::default()
    }
}

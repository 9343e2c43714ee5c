//! The files of one Java package of the layout: its functions class (every module
//! function's methods), its object types' classes and its enums.

use super::function;
use super::layout::{path_of, simple};
use super::model::FunctionsFile;
use super::names::Module;
use super::types::{FileCtx, OUTPUT};
use super::{enums, objects, Java};
use crate::backends::sdk::Cx;
use crate::backends::Artifact;

/// The files of `module`.
pub fn files(cx: &Cx<Java>, module: &Module) -> Vec<Artifact> {
    let mut out: Vec<Artifact> = module.objects.iter().flat_map(|t| objects::files(cx, t)).collect();
    out.extend(module.enums.iter().filter_map(|t| enums::file(cx, t)));
    if let Some(class) = &module.functions_class {
        out.push(functions_class(cx, class, &module.functions));
    }
    out
}

/// `XFunctions.java`: the invoke methods of the module's functions, by token.
fn functions_class(cx: &Cx<Java>, class: &str, functions: &[usize]) -> Artifact {
    let mut ctx = FileCtx::of_class(cx.names, class, &[]);
    let functions = functions.iter().filter_map(|&i| function::method(cx, &mut ctx, i)).collect();
    let model = FunctionsFile {
        head: Default::default(),
        name: simple(class),
        output: ctx.r(OUTPUT),
        future: ctx.r("java.util.concurrent.CompletableFuture"),
        invoke_options: ctx.r("com.pulumi.deployment.InvokeOptions"),
        invoke_output_options: ctx.r("com.pulumi.deployment.InvokeOutputOptions"),
        deployment: ctx.r("com.pulumi.deployment.Deployment"),
        utilities: ctx.r(&cx.names.utilities),
        functions,
    };
    let model = FunctionsFile { head: ctx.head(), ..model };
    Artifact::template(path_of(class), "java/functions.java.tera", &model)
}

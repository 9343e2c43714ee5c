//! `Config.java`: one getter per configuration variable of the package.

use super::docs::described;
use super::layout::path_of;
use super::model::{ConfigFile, ConfigVar};
use super::types::{jtype, FileCtx, Shape};
use super::values::{config_expr, java_str, CODEGEN};
use super::Java;
use crate::backends::sdk::Cx;
use crate::backends::Artifact;

/// The `Config` class (none when the package has no configuration).
pub fn files(cx: &Cx<Java>) -> Vec<Artifact> {
    let pkg = cx.pkg();
    if pkg.config.is_empty() {
        return Vec::new();
    }
    let fqn = format!("{}.Config", cx.names.root);
    let mut ctx = FileCtx::of_class(cx.names, &fqn, &[]);
    ctx.r(CODEGEN);
    let optional = ctx.r("java.util.Optional");
    let mut vars = Vec::new();
    for (p, m) in pkg.config.iter().zip(&cx.names.config) {
        let bare = jtype(cx.names, &p.ty, Shape::Config);
        let expr = config_expr(cx.names, pkg, &mut ctx, p, &bare);
        let code = ctx.code(&bare);
        let ty = if p.required { code } else { format!("{optional}<{code}>") };
        vars.push(ConfigVar { doc: described("    ", p.docs.as_deref(), p.deprecation.as_deref()), ty, name: m.accessor.clone(), expr });
    }
    let model = ConfigFile { head: ctx.head(), pkg_lit: java_str(&pkg.name), vars };
    vec![Artifact::template(path_of(&fqn), "java/config.java.tera", &model)]
}

//! `config/config.go`: one getter per configuration variable (names from the naming pass),
//! with its default and environment fallbacks.

use super::docs::comment;
use super::model::{ConfigFile, ConfigVar};
use super::names::{sorted_props, Names};
use super::values::{env_names, env_parser_arg, go_str, literal};
use crate::backends::sdk::Sdk;
use crate::backends::Artifact;
use crate::ir::{Primitive, TypeRef};

/// The config file, when the package has configuration.
pub fn config_file(sdk: &Sdk, names: &Names) -> Option<Artifact> {
    let pkg = sdk.pkg;
    if pkg.config.is_empty() {
        return None;
    }
    let dir = &names.layout.config_dir;
    let util = names.layout.util_prefix(dir);
    let mut vars = Vec::new();
    for p in sorted_props(&pkg.config) {
        let name = names.config_getters.get(&p.name.wire)?.clone();
        let prim = match &p.ty {
            TypeRef::Primitive { primitive } => Some(*primitive),
            _ => None,
        };
        let (ty, func) = match prim {
            Some(Primitive::Boolean) => ("bool", "Bool"),
            Some(Primitive::Integer) => ("int", "Int"),
            Some(Primitive::Number) => ("float64", "Float64"),
            _ => ("string", ""),
        };
        let p_eff = prim.unwrap_or(Primitive::String);
        let default = p.default.as_ref().and_then(|d| d.value.as_ref()).and_then(|v| literal(v, p_eff));
        let env_args = p.default.as_ref().filter(|d| !d.environment.is_empty()).map(|d| format!("{}, {}", env_parser_arg(p_eff, &util), env_names(&d.environment)));
        vars.push(ConfigVar {
            docs: comment(p.docs.as_deref(), p.deprecation.as_deref(), ""),
            name,
            key_lit: go_str(&format!("{}:{}", pkg.name, p.name.wire)),
            ty: ty.into(),
            func: func.into(),
            default,
            env_args,
        });
    }
    let mut imports = vec![super::layout::PULUMI.to_string(), "\"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\"".to_string()];
    if vars.iter().any(|v| v.env_args.is_some()) && !util.is_empty() {
        imports.push(names.layout.util_import());
    }
    let model = ConfigFile { head: names.layout.head(dir, &[], imports, Vec::new()), util, vars };
    Some(Artifact::template(names.layout.path(dir, "config.go"), "go/config.go.tera", &model))
}

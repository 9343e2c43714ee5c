//! `config/vars.ts` and `config/index.ts`: one getter per configuration variable.

use super::docs::jsdoc;
use super::model::{ConfigFile, ConfigVar, ReexportFile};
use super::naming::string_literal;
use super::types::{unique, Shape, TypeMapper};
use super::values::default_expr;
use super::{header, Cx};
use crate::backends::Artifact;
use crate::ir::{Primitive, Property, TypeRef};

const T_CONFIG: &str = "typescript/config.ts.tera";
const T_REEXPORT: &str = "typescript/reexport.ts.tera";

/// The config files, when the package has configuration.
pub fn files(cx: &Cx) -> Vec<Artifact> {
    let pkg = cx.pkg();
    if pkg.config.is_empty() {
        return Vec::new();
    }
    let mut m = TypeMapper::new(&cx.names.types, 1);
    let vars = unique(&pkg.config).into_iter().map(|p| var(cx, p, &mut m)).collect();
    let imports = cx.names.imports("config", &m.uses, true, true);
    vec![
        Artifact::template("config/vars.ts", T_CONFIG, &ConfigFile { header: header(), imports, package: string_literal(&pkg.name), vars }),
        Artifact::template("config/index.ts", T_REEXPORT, &ReexportFile { header: header(), submodules: vec![], star_exports: vec![string_literal("./vars")] }),
    ]
}

fn var(cx: &Cx, p: &Property, m: &mut TypeMapper) -> ConfigVar {
    let name = cx.names.config[&p.name.wire].clone();
    let base = m.type_expr(&p.ty, Shape::Output);
    let reader = match &p.ty {
        TypeRef::Primitive { primitive: Primitive::String } => "get".to_string(),
        TypeRef::Primitive { primitive: Primitive::Boolean } => "getBoolean".to_string(),
        TypeRef::Primitive { primitive: Primitive::Integer | Primitive::Number } => "getNumber".to_string(),
        _ => format!("getObject<{base}>"),
    };
    let literal_default = p.default.as_ref().and_then(|d| d.value.as_ref()).is_some_and(|v| !v.is_null());
    let default = p.default.as_ref().and_then(|d| default_expr(d, &p.ty));
    let ty = if literal_default || base == "any" { base } else { format!("{base} | undefined") };
    ConfigVar { doc: jsdoc(p.docs.as_deref(), p.deprecation.as_deref()), name_literal: string_literal(&name), name, ty, reader, key: string_literal(&p.name.wire), default }
}

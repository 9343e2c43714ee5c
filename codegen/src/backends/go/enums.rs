//! Enum types (`pulumiEnums*.go`): the type, its constants (named by the naming pass) and
//! its Input, Output and Ptr types.

use super::docs::comment;
use super::layout::{chunk_file, PULUMI};
use super::model::{Enum, EnumConst, TypesFile};
use super::names::Names;
use super::naming::unexported;
use super::types::{prim_plain, prim_stem};
use super::values::literal;
use crate::backends::sdk::Sdk;
use crate::backends::Artifact;
use crate::ir::{Primitive, Token, TypeDef};

/// Enums (and containers) per file.
pub const SMALL_PER_FILE: usize = 200;

/// The `pulumiEnums*.go` files of package `dir`.
pub fn enums_files(sdk: &Sdk, names: &Names, dir: &str, enums: &[Token]) -> Vec<Artifact> {
    let mut out = Vec::new();
    for (n, chunk) in enums.chunks(SMALL_PER_FILE).enumerate() {
        let models: Vec<Enum> = chunk.iter().filter_map(|t| enum_model(sdk, names, t)).collect();
        if models.is_empty() {
            continue;
        }
        let file = TypesFile { head: names.layout.head(dir, &["context", "reflect"], vec![PULUMI.into()], Vec::new()), enums: models, ..Default::default() };
        out.push(Artifact::template(names.layout.path(dir, &chunk_file("pulumiEnums", n)), "go/types.go.tera", &file));
    }
    out
}

fn enum_model(sdk: &Sdk, names: &Names, tok: &Token) -> Option<Enum> {
    let Some(TypeDef::Enum(e)) = sdk.pkg.types.get(tok) else {
        return None;
    };
    let (r, prim) = names.types.enums.get(tok)?;
    let const_names = names.enum_consts.get(tok)?;
    let consts = e
        .values
        .iter()
        .zip(const_names)
        .filter_map(|(v, name)| {
            let lit = literal(&v.value, *prim)?;
            Some(EnumConst { docs: comment(v.docs.as_deref(), v.deprecation.as_deref(), ""), name: name.clone()?, value: format!("{}({lit})", r.name) })
        })
        .collect();
    let zero = match prim {
        Primitive::String => "\"\"",
        Primitive::Integer | Primitive::Number => "0",
        Primitive::Boolean => "false",
    };
    Some(Enum {
        name: r.name.clone(),
        ptr_type: format!("{}Ptr", unexported(&r.name)),
        docs: comment(e.docs.as_deref(), None, ""),
        underlying: prim_plain(*prim).into(),
        stem: prim_stem(*prim).into(),
        consts,
        zero: format!("{}({zero})", r.name),
        has_ptr: true,
    })
}

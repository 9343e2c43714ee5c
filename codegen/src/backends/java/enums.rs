//! `enums/X.java`: one Java enum per IR enum, its constants named by the naming pass.

use super::docs::{block, deprecated_annotation, described, doc_lines};
use super::layout::{path_of, simple};
use super::model::{EnumFile, EnumMember};
use super::objects::OBJECTS;
use super::types::{primitive, FileCtx};
use super::values::enum_value;
use super::Java;
use crate::backends::sdk::Cx;
use crate::backends::Artifact;
use crate::ir::{Primitive, Token, TypeDef};

/// The file of enum `tok`.
pub fn file(cx: &Cx<Java>, tok: &Token) -> Option<Artifact> {
    let (Some(TypeDef::Enum(e)), Some(n)) = (cx.pkg().types.get(tok), cx.names.enums.get(tok)) else { return None };
    let mut ctx = FileCtx::of_class(cx.names, &n.class, &[]);
    let value_ty = ctx.r(primitive(e.primitive).fqn.as_str());
    let members = e
        .values
        .iter()
        .zip(&n.members)
        .map(|(v, name)| EnumMember {
            doc: described("    ", v.docs.as_deref(), v.deprecation.as_deref()),
            deprecated: v.deprecation.as_deref().map(deprecated_annotation),
            name: name.clone(),
            value: enum_value(e.primitive, &v.value),
        })
        .collect();
    let model = EnumFile {
        head: Default::default(),
        doc: block("", &doc_lines(e.docs.as_deref().unwrap_or(""))),
        name: simple(&n.class),
        enum_type: ctx.r("com.pulumi.core.annotations.EnumType"),
        value_ty,
        objects: ctx.r(OBJECTS),
        string_joiner: ctx.r("java.util.StringJoiner"),
        is_string: e.primitive == Primitive::String,
        members,
    };
    let model = EnumFile { head: ctx.head(), ..model };
    Some(Artifact::template(path_of(&n.class), "java/enum.java.tera", &model))
}

//! Object types (`pulumiTypes*.go`), IR alias types (`pulumiAliases*.go`) and the struct
//! field rows every struct of every file is laid out with (aligned as gofmt aligns them).

use super::docs::comment;
use super::layout::{chunk_file, PULUMI};
use super::model::{Accessor, AliasesFile, Field, Object, ObjectAlias, TypesFile};
use super::names::{sorted_props, Names};
use super::naming::{exported, unexported};
use super::types::{GoTy, TypeCtx};
use super::values::pulumi_tag;
use crate::backends::sdk::Sdk;
use crate::backends::Artifact;
use crate::ir::{Property, Token, TypeDef};
use std::collections::BTreeMap;

/// Object types per `pulumiTypes*.go` file.
pub const TYPES_PER_FILE: usize = 100;
/// Alias groups per `pulumiAliases*.go` file.
const ALIASES_PER_FILE: usize = 500;

/// One struct row before alignment: comment lines, name, type, tag.
pub type Row = (Vec<String>, String, String, String);

/// Aligns rows the way gofmt does: consecutive rows without a comment between them form one
/// section; in a section the type column starts after the longest name, the tag column after
/// the longest type (widths in characters).
pub fn align(rows: Vec<Row>) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        // A section starts at `i` and runs while the following rows have no comment.
        let mut j = i + 1;
        while j < rows.len() && rows[j].0.is_empty() {
            j += 1;
        }
        let name_w = rows[i..j].iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
        let ty_w = rows[i..j].iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
        for r in &rows[i..j] {
            let mut line = format!("{}{} {}", r.1, " ".repeat(name_w - r.1.chars().count()), r.2);
            if !r.3.is_empty() {
                line.push_str(&" ".repeat(ty_w - r.2.chars().count()));
                line.push(' ');
                line.push_str(&r.3);
            }
            out.push(Field { docs: r.0.clone(), line });
        }
        i = j;
    }
    out
}

/// Whether gofmt keeps `func(v <recv>) <ret> { return v.<field> }` on one line: go/printer
/// does so when the literal's header plus its body fit in 100 bytes.
pub fn fits_one_line(recv: &str, ret: &str, field: &str) -> bool {
    format!("func(v {recv}) {ret}").len() + format!("return v.{field}").len() <= 100
}

fn field_name(fields: &BTreeMap<String, String>, p: &Property) -> String {
    fields.get(&p.name.wire).cloned().unwrap_or_else(|| exported(&p.name.wire))
}

/// Plain-struct field rows (tagged).
pub fn plain_rows(names: &Names, c: &mut TypeCtx, props: &[&Property], fields: &BTreeMap<String, String>, force_optional: bool, with_docs: bool) -> Vec<Field> {
    let rows = props
        .iter()
        .map(|p| {
            let docs = if with_docs { comment(p.docs.as_deref(), p.deprecation.as_deref(), "") } else { Vec::new() };
            let ty = c.plain(&names.types.resolve(&p.ty), force_optional || !p.required);
            (docs, field_name(fields, p), ty, pulumi_tag(&p.name.wire))
        })
        .collect();
    align(rows)
}

/// Input-struct field rows; `tagged` for object `Args` (resource `XArgs` has no tags).
pub fn input_rows(names: &Names, c: &mut TypeCtx, props: &[&Property], fields: &BTreeMap<String, String>, force_optional: bool, tagged: bool) -> Vec<Field> {
    let rows = props
        .iter()
        .map(|p| {
            let ty = names.types.resolve(&p.ty);
            let optional = force_optional || !p.required;
            let ty = if p.plain { c.plain(&ty, optional) } else { c.input(&ty, optional) };
            let tag = if tagged { pulumi_tag(&p.name.wire) } else { String::new() };
            (comment(p.docs.as_deref(), p.deprecation.as_deref(), ""), field_name(fields, p), ty, tag)
        })
        .collect();
    align(rows)
}

/// The `pulumiTypes*.go` files of package `dir` (alias types live in their own files).
pub fn types_files(sdk: &Sdk, names: &Names, dir: &str, objects: &[Token]) -> Vec<Artifact> {
    let objects: Vec<&Token> = objects.iter().filter(|t| !matches!(sdk.pkg.types.get(t), Some(TypeDef::Object(o)) if o.alias_of.is_some())).collect();
    let mut out = Vec::new();
    for (n, chunk) in objects.chunks(TYPES_PER_FILE).enumerate() {
        let mut c = names.ctx(dir);
        let models: Vec<Object> = chunk.iter().filter_map(|t| object_model(sdk, names, &mut c, t)).collect();
        if models.is_empty() {
            continue;
        }
        let file = TypesFile { head: names.layout.head(dir, &["context", "reflect"], vec![PULUMI.into()], c.import_lines()), objects: models, ..Default::default() };
        out.push(Artifact::template(names.layout.path(dir, &chunk_file("pulumiTypes", n)), "go/types.go.tera", &file));
    }
    out
}

fn object_model(sdk: &Sdk, names: &Names, c: &mut TypeCtx, tok: &Token) -> Option<Object> {
    let Some(TypeDef::Object(o)) = sdk.pkg.types.get(tok) else {
        return None;
    };
    let r = names.types.objects.get(tok)?;
    let fields = names.object_fields.get(tok).cloned().unwrap_or_default();
    let props = sorted_props(&o.properties);
    let plain_fields = plain_rows(names, c, &props, &fields, false, true);
    let args_fields = input_rows(names, c, &props, &fields, false, true);
    let has_ptr = names.ptr_needed.contains(tok);
    let accessors = props.iter().map(|p| object_accessor(names, c, p, &fields, &r.name, has_ptr)).collect();
    Some(Object {
        name: r.name.clone(),
        ptr_type: format!("{}PtrType", unexported(&r.name)),
        docs: comment(o.docs.as_deref(), None, ""),
        plain_fields,
        args_fields,
        has_ptr,
        accessors,
    })
}

fn object_accessor(names: &Names, c: &mut TypeCtx, p: &Property, fields: &BTreeMap<String, String>, recv: &str, has_ptr: bool) -> Accessor {
    let ty = names.types.resolve(&p.ty);
    let out_ty = c.output(&ty, !p.required);
    let plain_ty = c.plain(&ty, !p.required);
    let field = fields.get(&p.name.wire).cloned().unwrap_or_default();
    let (ptr_out_ty, ptr_plain_ty, ptr_value) = if !has_ptr {
        Default::default()
    } else if p.required && ty.has_ptr() {
        (c.output(&ty, true), c.plain(&ty, true), format!("&v.{field}"))
    } else {
        (out_ty.clone(), plain_ty.clone(), format!("v.{field}"))
    };
    Accessor {
        docs: comment(p.docs.as_deref(), p.deprecation.as_deref(), ""),
        one_line: fits_one_line(recv, &plain_ty, &field),
        name: field,
        out_ty,
        plain_ty,
        ptr_out_ty,
        ptr_plain_ty,
        ptr_value,
    }
}

/// `pulumiAliases*.go` for the alias object types of `dir`: an alias also names the
/// canonical type's containers.
pub fn aliases_files(sdk: &Sdk, names: &Names, dir: &str, objects: &[Token]) -> Vec<Artifact> {
    let none = BTreeMap::new();
    let mut aliases = Vec::new();
    for tok in objects {
        let Some(TypeDef::Object(o)) = sdk.pkg.types.get(tok) else {
            continue;
        };
        let Some(canonical) = &o.alias_of else {
            continue;
        };
        let (Some(name), Some(target)) = (names.types.objects.get(tok), names.types.objects.get(canonical)) else {
            continue;
        };
        // The canonical type's containers live beside it (in an internal package when its
        // package is split; re-exported under the same names).
        let conts: &BTreeMap<String, GoTy> = names.containers.get(&target.def).unwrap_or(&none);
        let containers = conts
            .keys()
            .filter_map(|c| {
                let rest = c.strip_prefix(target.name.as_str())?;
                let only_shapes = !rest.is_empty() && rest.replace("Array", "").replace("Map", "").is_empty();
                only_shapes.then(|| (format!("{}{rest}", name.name), c.clone()))
            })
            .collect();
        aliases.push(ObjectAlias { name: name.name.clone(), target: target.name.clone(), has_ptr: names.ptr_needed.contains(canonical), containers });
    }
    aliases
        .chunks(ALIASES_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| {
            let file = AliasesFile { head: names.layout.head(dir, &[], Vec::new(), Vec::new()), aliases: chunk.to_vec() };
            Artifact::template(names.layout.path(dir, &chunk_file("pulumiAliases", n)), "go/aliases.go.tera", &file)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_like_gofmt() {
        let row = |d: &[&str], n: &str, t: &str, g: &str| (d.iter().map(|s| s.to_string()).collect(), n.to_string(), t.to_string(), g.to_string());
        let f = align(vec![row(&[], "A", "string", "`pulumi:\"a\"`"), row(&[], "Longer", "*int", "`pulumi:\"l\"`"), row(&["// doc"], "B", "bool", "`pulumi:\"b\"`")]);
        assert_eq!(f[0].line, "A      string `pulumi:\"a\"`");
        assert_eq!(f[1].line, "Longer *int   `pulumi:\"l\"`");
        assert_eq!(f[2].line, "B bool `pulumi:\"b\"`");
    }
}

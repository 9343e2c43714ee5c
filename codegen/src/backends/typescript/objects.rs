//! The type files of a module: its input and output object interfaces
//! (`types/input/s3.ts`, `types/output/s3.ts`), the namespace files re-exporting them
//! (`types/input.ts`), and `types/index.ts`.

use super::docs::jsdoc;
use super::layout::{depth, parent_dir, relative, Module, TypeTree};
use super::model::{Doc, Field, Interface, ReexportFile, Submodule, TypesFile};
use super::settings::required_by_nodejs;
use super::naming::{property_key, string_literal};
use super::types::{unique, Shape, TypeKind, TypeMapper};
use super::{header, Cx};
use crate::backends::Artifact;
use crate::ir::{ObjectType, Property, Token, TypeDef};
use std::collections::BTreeSet;

const T_TYPES: &str = "typescript/types.ts.tera";
const T_TYPES_INDEX: &str = "typescript/typesindex.ts.tera";
const T_REEXPORT: &str = "typescript/reexport.ts.tera";

/// A field of an interface: property `p` in `shape`, `?` when `optional`.
pub fn field(m: &mut TypeMapper, p: &Property, shape: Shape, readonly: bool, optional: bool) -> Field {
    Field { doc: jsdoc(p.docs.as_deref(), p.deprecation.as_deref()), key: property_key(&p.name.wire), optional, readonly, ty: m.property(p, shape, optional && shape == Shape::Input) }
}

/// Is `p` optional: not required by the schema nor by the owner's `language.nodejs` list?
pub fn is_optional(p: &Property, required_also: &BTreeSet<String>) -> bool {
    !p.required && !required_also.contains(&p.name.wire)
}

fn object_interface(o: &ObjectType, name: &str, shape: Shape, m: &mut TypeMapper) -> Interface {
    let key = if shape == Shape::Input { "requiredInputs" } else { "requiredOutputs" };
    let required_also = required_by_nodejs(&o.language, key);
    // Output object types are not `readonly` in the official SDKs (only function results
    // are); programs that build such values in tests must keep compiling.
    let fields = unique(&o.properties).into_iter().map(|p| field(m, p, shape, false, is_optional(p, &required_also))).collect();
    Interface { doc: jsdoc(o.docs.as_deref(), None), name: name.to_string(), fields, alias_of: None }
}

/// Module `module`'s type files of `kind` (input or output): its own types, and its
/// namespace file when it has sub-namespaces.
pub fn files(cx: &Cx, module: &Module, kind: TypeKind) -> Vec<Artifact> {
    let mut out = Vec::new();
    let (shape, tree) = match kind {
        TypeKind::Input => (Shape::Input, &cx.names.input_tree),
        _ => (Shape::Output, &cx.names.output_tree),
    };
    let key = &module.key;
    let tokens = cx.names.members.get(key).map(|m| m.objects.as_slice()).unwrap_or_default();
    let path = cx.names.type_file(kind, key);
    let mut m = TypeMapper::for_type_file(&cx.names.types, depth(parent_dir(&path)), kind, key.clone());
    let mut interfaces = Vec::new();
    for token in tokens {
        let Some(TypeDef::Object(o)) = cx.pkg().types.get(token) else { continue };
        if !(if kind == TypeKind::Input { o.usage.input } else { o.usage.output }) {
            continue;
        }
        let name_of = |t: &Token| {
            let n = &cx.names.types.objects[t];
            if kind == TypeKind::Input { n.input.clone() } else { n.output.clone() }
        };
        // An alias lives in its canonical type's file (same module), so the bare name resolves.
        interfaces.push(match &o.alias_of {
            Some(c) => Interface { doc: Doc::default(), name: name_of(token), fields: Vec::new(), alias_of: Some(name_of(c)) },
            None => object_interface(o, &name_of(token), shape, &mut m),
        });
    }
    if !interfaces.is_empty() {
        interfaces.sort_by(|a, b| a.name.cmp(&b.name));
        let imports = cx.names.imports(parent_dir(&path), &m.uses, true, false);
        out.push(Artifact::template(format!("{path}.ts"), T_TYPES, &TypesFile { header: header(), imports, interfaces }));
    }
    out.extend(namespace_file(cx, tree, key));
    out
}

/// The namespace file of module `key` in `tree`, when it re-exports sub-namespaces.
fn namespace_file(cx: &Cx, tree: &TypeTree, key: &Vec<String>) -> Option<Artifact> {
    let (own, children) = tree.namespaces.get(key)?;
    let path = &tree.paths[key];
    let dir = parent_dir(path);
    let submodules = children
        .iter()
        .map(|c| {
            let ns = cx.names.modules[c].namespace.last().cloned().unwrap_or_default();
            Submodule { local: ns.clone(), exported: ns.clone(), path: string_literal(&relative(dir, &tree.paths[c])), export_spec: ns }
        })
        .collect();
    let star_exports = own.iter().map(|o| string_literal(&relative(dir, o))).collect();
    Some(Artifact::template(format!("{path}.ts"), T_TYPES_INDEX, &ReexportFile { header: header(), submodules, star_exports }))
}

/// Does the package have input types, output types, enums?
pub fn kinds(cx: &Cx) -> (bool, bool, bool) {
    (!cx.names.input_tree.contents.is_empty(), !cx.names.output_tree.contents.is_empty(), !cx.names.types.enums.is_empty())
}

/// `types/index.ts`, when the package has types.
pub fn types_index(cx: &Cx) -> Option<Artifact> {
    let (has_input, has_output, has_enums) = kinds(cx);
    if !(has_input || has_output || has_enums) {
        return None;
    }
    let mk = |name: &str| Submodule { local: name.into(), exported: name.into(), path: string_literal(&format!("./{name}")), export_spec: name.into() };
    let submodules = [(has_enums, "enums"), (has_input, "input"), (has_output, "output")].into_iter().filter(|(has, _)| *has).map(|(_, n)| mk(n)).collect();
    Some(Artifact::template("types/index.ts", T_REEXPORT, &ReexportFile { header: header(), submodules, star_exports: vec![] }))
}

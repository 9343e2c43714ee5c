//! A resource's file: the resource struct, `NewFoo`/`GetFoo`, its args and state structs,
//! its Input/Output types and accessors, and its `FooArray`/`FooMap` containers. The
//! statements of `NewFoo`'s body are laid out by `templates/go/resource.go.tera`; this
//! builder computes what they name (fields, literals, type expressions). A resource that
//! [`split`](super::split) moved to an internal package gets its file there and a second
//! file in its public package re-exporting every name (`templates/go/resource_reexport.go.tera`),
//! which carries its documentation.

use super::docs::comment;
use super::layout::PULUMI;
use super::model::{Accessor, Container, InputDefault, NewBody, RequiredArg, ResourceFile, ResourceReexportFile, SecretInput};
use super::names::{resource_family, sorted_props, Names, ResourceNames};
use super::naming::{self, unexported};
use super::objects::{align, fits_one_line, input_rows, plain_rows};
use super::types::{prim_plain, prim_stem, GoTy, TypeCtx};
use super::values::{env_names, env_parser_arg, go_str, literal, pulumi_tag};
use crate::backends::sdk::{MemberId, Sdk};
use crate::backends::Artifact;
use crate::ir::{Property, Resource};
use std::collections::BTreeSet;

/// The files of resource `id`: its own, and its re-export when it moved to an internal
/// package.
pub fn resource_files(sdk: &Sdk, names: &Names, id: MemberId) -> Vec<Artifact> {
    let Some(rn) = names.resources.get(&id) else { return Vec::new() };
    let mut out: Vec<Artifact> = resource_file(sdk, names, id, rn).into_iter().collect();
    if rn.dir != rn.home {
        out.push(reexport_file(sdk, names, id, rn));
    }
    out
}

/// `foo.go` in the public package of a moved resource: its documentation and every name of
/// its family as an alias (`NewFoo`, `GetFoo` as functions calling the internal ones).
fn reexport_file(sdk: &Sdk, names: &Names, id: MemberId, rn: &ResourceNames) -> Artifact {
    let r = sdk.resource(id);
    let via = names.aliases.get(&rn.dir).cloned().unwrap_or_default();
    let import = format!("{via} {}", go_str(&names.layout.import_path(&rn.dir)));
    let is_custom = !r.is_provider && !r.is_component;
    // The family's exported types (`FooArgs`, `FooState`, …); `NewFoo`/`GetFoo` are functions
    // the template writes, the lower-case names stay internal.
    let families = resource_family(&rn.name, is_custom).into_iter().filter(|f| f.starts_with(rn.name.as_str())).collect();
    let model = ResourceReexportFile {
        head: names.layout.head(&rn.home, &[], vec![PULUMI.into(), import], Vec::new()),
        docs: comment(r.docs.as_deref(), r.deprecation.as_deref(), ""),
        name: rn.name.clone(),
        via,
        is_custom,
        families,
    };
    let path = names.layout.path(&rn.home, &format!("{}.go", naming::file_stem(&rn.name)));
    Artifact::template(path, "go/resource_reexport.go.tera", &model)
}

/// The file defining resource `id`.
fn resource_file(sdk: &Sdk, names: &Names, id: MemberId, rn: &ResourceNames) -> Option<Artifact> {
    let r = sdk.resource(id);
    let (dir, name) = (&rn.dir, &rn.name);
    let mut c = names.ctx(dir);
    // The resource struct: outputs. `id` and `urn` are the engine's own (`ID()`, `URN()` of
    // the embedded state); the Go runtime never resolves a field tagged with them, so a
    // Terraform-style `id` output would hang every program that waits on it.
    let outputs: Vec<&Property> = sorted_props(&r.outputs).into_iter().filter(|p| p.name.wire != "id" && p.name.wire != "urn").collect();
    let (fields, accessors) = output_fields(names, &mut c, rn, &outputs);
    let inputs = sorted_props(&r.inputs);
    let args_plain = plain_rows(names, &mut c, &inputs, &rn.fields, false, false);
    let args_input = input_rows(names, &mut c, &inputs, &rn.fields, false, false);
    let is_custom = !r.is_provider && !r.is_component;
    let (mut state_plain, mut state_input) = (Vec::new(), Vec::new());
    if is_custom {
        let state_props = sorted_props(r.state_inputs.as_deref().unwrap_or(&r.outputs));
        state_plain = plain_rows(names, &mut c, &state_props, &rn.fields, true, false);
        state_input = input_rows(names, &mut c, &state_props, &rn.fields, true, false);
    }
    let util = names.layout.util_prefix(dir);
    let new_body = new_body(names, &mut c, r, rn, &inputs, &outputs, &util);
    let mut std = vec!["context", "reflect"];
    if !new_body.required.is_empty() {
        std.push("errors");
    }
    let embed = if r.is_provider {
        "pulumi.ProviderResourceState"
    } else if r.is_component {
        "pulumi.ResourceState"
    } else {
        "pulumi.CustomResourceState"
    };
    let token = if r.is_provider { format!("pulumi:providers:{}", sdk.pkg.name) } else { r.token.to_string() };
    // A moved resource is documented where users find it, in its public package.
    let docs = if rn.dir == rn.home {
        comment(r.docs.as_deref(), r.deprecation.as_deref(), "")
    } else {
        vec![format!("// {name} is documented in package {}, which re-exports it.", names.layout.package_name(&rn.home))]
    };
    let model = ResourceFile {
        head: names.layout.head(dir, &std, names.layout.imports_with_util(dir), c.import_lines()),
        docs,
        name: name.clone(),
        embed: embed.into(),
        fields,
        token_lit: go_str(&token),
        is_custom,
        is_component: r.is_component,
        args_required: !new_body.required.is_empty(),
        new_body,
        util,
        state_plain,
        state_input,
        args_plain,
        args_input,
        args_type: format!("{}Args", unexported(name)),
        state_type: format!("{}State", unexported(name)),
        accessors,
        containers: if r.is_provider { Vec::new() } else { containers(name) },
    };
    let path = names.layout.path(dir, &format!("{}.go", naming::file_stem(name)));
    Some(Artifact::template(path, "go/resource.go.tera", &model))
}

/// The resource struct's rows and its output accessors.
fn output_fields(names: &Names, c: &mut TypeCtx, rn: &ResourceNames, outputs: &[&Property]) -> (Vec<super::model::Field>, Vec<Accessor>) {
    let mut rows = Vec::new();
    let mut accessors = Vec::new();
    for p in outputs {
        let ty = names.types.resolve(&p.ty);
        let f = rn.fields.get(&p.name.wire).cloned().unwrap_or_default();
        let out_ty = c.output(&ty, !p.required);
        let docs = comment(p.docs.as_deref(), p.deprecation.as_deref(), "");
        accessors.push(Accessor {
            docs: docs.clone(),
            name: f.clone(),
            one_line: fits_one_line(&format!("*{}", rn.name), &out_ty, &f),
            out_ty: out_ty.clone(),
            ..Default::default()
        });
        rows.push((docs, f, out_ty, pulumi_tag(&p.name.wire)));
    }
    (align(rows), accessors)
}

/// What `NewFoo` does before registering: required checks, constants and defaults, secret
/// inputs, and the secret-output, alias and replace-on-change options.
fn new_body(names: &Names, c: &mut TypeCtx, r: &Resource, rn: &ResourceNames, inputs: &[&Property], outputs: &[&Property], util: &str) -> NewBody {
    // A plain required scalar or object is a Go value, never nil: nothing to check.
    let nilable = |p: &Property| !p.plain || !names.types.resolve(&p.ty).has_ptr();
    let required = inputs
        .iter()
        .filter(|p| p.required && p.const_value.is_none() && p.default.is_none() && nilable(p))
        .map(|p| {
            let field = rn.fields[&p.name.wire].clone();
            RequiredArg { message: go_str(&format!("invalid value for required argument '{field}'")), field }
        })
        .collect();
    let defaults = inputs.iter().filter_map(|p| input_default(names, c, p, &rn.fields[&p.name.wire], util)).collect();
    let secrets = inputs
        .iter()
        .filter(|p| p.secret && !p.plain)
        .map(|p| SecretInput { field: rn.fields[&p.name.wire].clone(), ty: c.input(&names.types.resolve(&p.ty), !p.required) })
        .collect();
    let replace: BTreeSet<String> = inputs.iter().chain(outputs).filter(|p| p.replace_on_changes).map(|p| go_str(&p.name.wire)).collect();
    NewBody {
        required,
        defaults,
        secrets,
        secret_outputs: outputs.iter().filter(|p| p.secret).map(|p| go_str(&p.name.wire)).collect(),
        alias_types: r.aliases.iter().filter_map(|a| a.ty.as_ref()).map(|t| go_str(t)).collect(),
        replace_on_changes: replace.into_iter().collect(),
    }
}

/// The constant or default of input `p` (field `f`), if it has one Go can spell.
fn input_default(names: &Names, c: &mut TypeCtx, p: &Property, f: &str, util: &str) -> Option<InputDefault> {
    let ty = names.types.resolve(&p.ty);
    let set = |kind: &str, value: String| InputDefault { kind: kind.into(), field: f.to_string(), value, ..Default::default() };
    let GoTy::Prim(prim) = ty.clone() else {
        // Enum and object defaults are rare; a constant enum default is spelled through the
        // enum's own type.
        let GoTy::Enum(er, ep) = &ty else { return None };
        let lit = literal(p.const_value.as_ref().or(p.default.as_ref().and_then(|d| d.value.as_ref()))?, *ep)?;
        return Some(set("if_nil", format!("{}({lit})", c.qualify(er, &er.name))));
    };
    if p.plain {
        return None;
    }
    let wrap = if p.required { format!("pulumi.{}", prim_stem(prim)) } else { format!("pulumi.{}Ptr", prim_stem(prim)) };
    if let Some(v) = &p.const_value {
        return literal(v, prim).map(|lit| set("set", format!("{wrap}({lit})")));
    }
    let d = p.default.as_ref()?;
    let lit = d.value.as_ref().and_then(|v| literal(v, prim));
    if d.environment.is_empty() {
        return lit.map(|lit| set("if_nil", format!("{wrap}({lit})")));
    }
    Some(InputDefault {
        kind: "env".into(),
        field: f.to_string(),
        value: lit.unwrap_or_else(|| "nil".into()),
        parser: env_parser_arg(prim, util),
        envs: env_names(&d.environment),
        wrap,
        plain: prim_plain(prim).into(),
    })
}

/// The resource's own containers (`FooArray`, `FooMap`).
fn containers(name: &str) -> Vec<Container> {
    [false, true]
        .into_iter()
        .map(|is_map| Container {
            name: format!("{name}{}", if is_map { "Map" } else { "Array" }),
            is_map,
            elem_input: format!("{name}Input"),
            elem_output: format!("{name}Output"),
            elem_plain: format!("*{name}"),
        })
        .collect()
}

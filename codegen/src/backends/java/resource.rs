//! The files of one resource (the provider included): the resource class with its
//! `@Export` outputs, constructors and `get`, its `XArgs` and its `inputs.XState`.

use super::docs::{deprecated_annotation, described, field_doc, getter_doc};
use super::layout::{path_of, simple};
use super::model::{Alias, Const, Field, ResourceFile};
use super::names::{exports, Member, ResourceNames};
use super::objects::{input_class, InputSpec, NULLABLE, RESOURCE_ARGS};
use super::types::{jtype, FileCtx, Shape, LIST, OUTPUT};
use super::values::{java_str, literal, CODEGEN};
use super::Java;
use crate::backends::sdk::{Cx, MemberId};
use crate::backends::Artifact;
use crate::ir::{Property, Resource};
use std::collections::BTreeSet;

/// The files of resource `id`.
pub fn files(cx: &Cx<Java>, id: MemberId) -> Vec<Artifact> {
    let r = cx.sdk.resource(id);
    let n = &cx.names.resources[&id];
    let provider = (id == MemberId::Provider).then_some(r);
    let args = InputSpec { fqn: &n.args, doc: "", base: RESOURCE_ARGS, props: &r.inputs, members: &n.inputs, shape: Shape::Args, provider };
    let mut out = vec![input_class(cx, &args)];
    if let (Some(state), Some(props)) = (&n.state, &r.state_inputs) {
        let spec = InputSpec { fqn: state, doc: "", base: RESOURCE_ARGS, props, members: &n.state_fields, shape: Shape::Args, provider: None };
        out.push(input_class(cx, &spec));
    }
    out.push(resource_class(cx, id, r, n));
    out
}

/// The `@Export` field and getter of one output.
fn export(cx: &Cx<Java>, ctx: &mut FileCtx, spell: &[String; 3], p: &Property, m: &Member) -> Field {
    let [output, codegen, export] = spell;
    let bare = jtype(cx.names, &p.ty, Shape::Output);
    let code = ctx.code(&bare);
    let (refs, tree) = ctx.export_tree(&bare);
    let mut annotations: Vec<String> = p.deprecation.as_deref().map(deprecated_annotation).into_iter().collect();
    annotations.push(format!("@{export}(name={}, refs={{{refs}}}, tree={})", java_str(&p.name.wire), java_str(&tree)));
    let field = &m.field;
    let (ty, getter_ty, getter_expr) = if p.required {
        (format!("{output}<{code}>"), format!("{output}<{code}>"), format!("this.{field}"))
    } else {
        let optional = ctx.r("java.util.Optional");
        let nullable = ctx.r(NULLABLE);
        (format!("{output}</* @{nullable} */ {code}>"), format!("{output}<{optional}<{code}>>"), format!("{codegen}.optional(this.{field})"))
    };
    Field { doc: field_doc(p), annotations, ty, name: field.clone(), getter_doc: getter_doc(p), getter_ty, getter: m.accessor.clone(), getter_expr }
}

/// The base class, options class and `super(…)` tail of a resource.
fn kind(id: MemberId, r: &Resource) -> (&'static str, &'static str, &'static str) {
    if id == MemberId::Provider {
        ("com.pulumi.resources.ProviderResource", "com.pulumi.resources.CustomResourceOptions", ", false")
    } else if r.is_component {
        ("com.pulumi.resources.ComponentResource", "com.pulumi.resources.ComponentResourceOptions", ", true")
    } else {
        ("com.pulumi.resources.CustomResource", "com.pulumi.resources.CustomResourceOptions", ", false")
    }
}

/// Constants the engine must always receive: `makeArgs` sets them.
fn consts(cx: &Cx<Java>, ctx: &mut FileCtx, r: &Resource, n: &ResourceNames) -> Vec<Const> {
    let mut out = Vec::new();
    for (p, m) in r.inputs.iter().zip(&n.inputs) {
        if let Some(c) = &p.const_value {
            let bare = jtype(cx.names, &p.ty, if p.plain { Shape::Plain } else { Shape::Args });
            if let Some(value) = literal(cx.names, cx.pkg(), &bare, c, ctx) {
                out.push(Const { setter: m.accessor.clone(), value });
            }
        }
    }
    out
}

fn resource_class(cx: &Cx<Java>, id: MemberId, r: &Resource, n: &ResourceNames) -> Artifact {
    let mut ctx = FileCtx::of_class(cx.names, &n.class, &[]);
    let spell = [ctx.r(OUTPUT), ctx.r(CODEGEN), ctx.r("com.pulumi.core.annotations.Export")];
    let exports: Vec<Field> = exports(r).into_iter().zip(&n.outputs).map(|(p, m)| export(cx, &mut ctx, &spell, p, m)).collect();
    let [output, codegen, _] = spell;
    let (base, options, tail) = kind(id, r);
    let nullable = ctx.r(NULLABLE);
    let args = ctx.r(&n.args);
    let (state_param, state_ref) = match &n.state {
        Some(s) => (format!("@{nullable} {} state, ", ctx.r(s)), "state".to_string()),
        None => (String::new(), "null".to_string()),
    };
    let consts = consts(cx, &mut ctx, r, n);
    let alias = if r.aliases.is_empty() { String::new() } else { ctx.r("com.pulumi.core.Alias") };
    let aliases = r.aliases.iter().map(|a| Alias { name: a.name.as_deref().map(java_str), project: a.project.as_deref().map(java_str), ty: a.ty.as_deref().map(java_str) }).collect();
    let secrets: BTreeSet<&str> = r.outputs.iter().chain(r.inputs.iter()).filter(|p| p.secret).map(|p| p.name.wire.as_str()).collect();
    let is_provider = id == MemberId::Provider;
    let model = ResourceFile {
        head: Default::default(),
        doc: described("", r.docs.as_deref(), r.deprecation.as_deref()),
        deprecated: r.deprecation.as_deref().map(deprecated_annotation),
        resource_type: ctx.r("com.pulumi.core.annotations.ResourceType"),
        token_lit: java_str(&r.token.to_string()),
        name: simple(&n.class),
        base: base.to_string(),
        exports,
        args,
        args_nullable: if r.inputs.iter().all(|p| !p.required) { format!("@{nullable} ") } else { String::new() },
        nullable,
        options: options.to_string(),
        output,
        codegen,
        string: ctx.r("java.lang.String"),
        super_token_lit: java_str(&if is_provider { cx.pkg().name.clone() } else { r.token.to_string() }),
        super_tail: tail.to_string(),
        is_custom: !is_provider && !r.is_component,
        state_param,
        state_ref,
        consts,
        utilities: ctx.r(&cx.names.utilities),
        list: ctx.r(LIST),
        alias,
        aliases,
        secrets: secrets.into_iter().map(java_str).collect(),
    };
    let model = ResourceFile { head: ctx.head(), ..model };
    Artifact::template(path_of(&n.class), "java/resource.java.tera", &model)
}

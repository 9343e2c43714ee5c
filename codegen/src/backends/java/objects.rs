//! The classes of properties: builder-based input classes (a resource's `XArgs` and
//! `XState`, an object type's `inputs.XArgs`/`inputs.X`, a function's `GetXArgs` and
//! `GetXPlainArgs`), `@CustomType` output classes (object types, function results, config
//! objects) and the classes that keep an alias type's name.

use super::docs::{block, deprecated_annotation, doc_lines, field_doc, getter_doc, setter_doc};
use super::layout::{path_of, simple};
use super::model::{AliasClass, BuildStep, Field, InputClass, Missing, OutputClass, Setter};
use super::names::{Member, ObjectNames};
use super::types::{jtype, FileCtx, JType, Shape, EITHER, LIST, MAP, OUTPUT};
use super::values::{default_expr, java_str};
use super::Java;
use crate::backends::sdk::Cx;
use crate::backends::Artifact;
use crate::ir::{Property, Resource, Token, TypeDef};

pub const NULLABLE: &str = "javax.annotation.Nullable";
pub const OBJECTS: &str = "java.util.Objects";
pub const MISSING: &str = "com.pulumi.exceptions.MissingRequiredPropertyException";
pub const RESOURCE_ARGS: &str = "com.pulumi.resources.ResourceArgs";
pub const INVOKE_ARGS: &str = "com.pulumi.resources.InvokeArgs";

/// One input class to build.
pub struct InputSpec<'a> {
    pub fqn: &'a str,
    pub doc: &'a str,
    /// The class it extends (`ResourceArgs`, `InvokeArgs`).
    pub base: &'static str,
    pub props: &'a [Property],
    pub members: &'a [Member],
    /// `Args` (values are `Output<T>`, except `plain` properties) or `Plain` (every value plain).
    pub shape: Shape,
    /// The provider, when this is its `ProviderArgs` (some inputs travel as JSON).
    pub provider: Option<&'a Resource>,
}

/// The classes of object type `tok` (none when nothing reaches it).
pub fn files(cx: &Cx<Java>, tok: &Token) -> Vec<Artifact> {
    let (Some(TypeDef::Object(o)), Some(n)) = (cx.pkg().types.get(tok), cx.names.objects.get(tok)) else {
        return Vec::new();
    };
    let doc = o.docs.as_deref().unwrap_or("");
    if let Some(c) = n.forward.as_ref().and_then(|c| cx.names.objects.get(c)) {
        return forwards(n, c).into_iter().map(|(own, target)| alias_class(cx, own, doc, target)).collect();
    }
    let mut out = Vec::new();
    for (fqn, shape, base) in [(&n.args, Shape::Args, RESOURCE_ARGS), (&n.plain, Shape::Plain, INVOKE_ARGS)] {
        if let Some(fqn) = fqn {
            out.push(input_class(cx, &InputSpec { fqn, doc, base, props: &o.properties, members: &n.inputs, shape, provider: None }));
        }
    }
    for f in [&n.output, &n.config].into_iter().flatten() {
        out.push(output_class(cx, f, doc, &o.properties, &n.outputs));
    }
    out
}

/// The (own class, canonical class) pairs of an alias that forwards.
fn forwards<'n>(own: &'n ObjectNames, canonical: &'n ObjectNames) -> Vec<(&'n str, &'n str)> {
    let pairs = [(&own.args, &canonical.args), (&own.plain, &canonical.plain), (&own.output, &canonical.output), (&own.config, &canonical.config)];
    pairs.into_iter().filter_map(|(o, c)| Some((o.as_deref()?, c.as_deref()?))).collect()
}

/// A builder-based input class.
pub fn input_class(cx: &Cx<Java>, spec: &InputSpec) -> Artifact {
    let mut ctx = FileCtx::of_class(cx.names, spec.fqn, &["Builder"]);
    let name = simple(spec.fqn);
    let mut fields = Vec::new();
    let mut setters = Vec::new();
    let mut build = Vec::new();
    let spell = Spell { nullable: ctx.r(NULLABLE), import: ctx.r("com.pulumi.core.annotations.Import"), optional: ctx.r("java.util.Optional") };
    for (p, m) in spec.props.iter().zip(spec.members) {
        let plain = spec.shape == Shape::Plain || p.plain;
        let bare = jtype(cx.names, &p.ty, if plain { Shape::Plain } else { Shape::Args });
        let json = spec.provider.is_some_and(|r| cx.sdk.sent_as_json(r, p));
        let field = input_field(&mut ctx, &spell, p, m, &bare, plain, json);
        setters.extend(input_setters(&mut ctx, p, m, &bare, plain, &field.ty));
        fields.push(field);
        // build(): defaults and constants, else the required check.
        let default = default_expr(cx.names, cx.pkg(), &mut ctx, p, &bare, plain, &format!("$.{}", m.field));
        let required = (default.is_none() && p.required).then(|| missing(&mut ctx, &name, &m.field));
        if default.is_some() || required.is_some() {
            build.push(BuildStep { field: m.field.clone(), default, required });
        }
    }
    let model = InputClass { doc: block("", &doc_lines(spec.doc)), name, base: ctx.r(spec.base), objects: ctx.r(OBJECTS), fields, setters, build, head: Default::default() };
    let model = InputClass { head: ctx.head(), ..model };
    Artifact::template(path_of(spec.fqn), "java/input.java.tera", &model)
}

/// `throw new MissingRequiredPropertyException("Class", "field")` parts.
fn missing(ctx: &mut FileCtx, class: &str, field: &str) -> Missing {
    Missing { exception: ctx.r(MISSING), class_lit: java_str(class), field_lit: java_str(field) }
}

/// The class names an input class's fields are spelled with, as written in its file.
struct Spell {
    nullable: String,
    import: String,
    optional: String,
}

/// The field (and getter) of one input property.
fn input_field(ctx: &mut FileCtx, spell: &Spell, p: &Property, m: &Member, bare: &JType, plain: bool, json: bool) -> Field {
    let Spell { nullable, import, optional } = spell;
    let full = if plain { bare.clone() } else { JType::output(bare.clone()) };
    let full_code = ctx.code(&full);
    let ty = if p.required { full_code.clone() } else { format!("@{nullable} {full_code}") };
    let mut annotations: Vec<String> = p.deprecation.as_deref().map(deprecated_annotation).into_iter().collect();
    let required = if p.required { ", required=true" } else { "" };
    let json = if json { ", json=true" } else { "" };
    annotations.push(format!("@{import}(name={}{required}{json})", java_str(&p.name.wire)));
    let (getter_ty, getter_expr) = if p.required {
        (full_code, format!("this.{}", m.field))
    } else {
        (format!("{optional}<{full_code}>"), format!("{optional}.ofNullable(this.{})", m.field))
    };
    Field { doc: field_doc(p), annotations, ty, name: m.field.clone(), getter_doc: getter_doc(p), getter_ty, getter: m.accessor.clone(), getter_expr }
}

/// A setter overload that forwards to the main one through `wrap`.
fn forwarding(doc: &str, m: &Member, param_ty: String, wrap: String) -> Setter {
    let call = super::naming::self_call(&m.accessor);
    Setter { doc: doc.to_string(), annotations: vec![], name: m.accessor.clone(), param_ty, param: m.field.clone(), wrap: Some(wrap), call, target: String::new(), required: None }
}

/// The setters of one input property: the field's own type, then the conveniences the
/// official SDKs have (a plain value, varargs of a list, either side of an `Either`).
fn input_setters(ctx: &mut FileCtx, p: &Property, m: &Member, bare: &JType, plain: bool, field_ty: &str) -> Vec<Setter> {
    let doc = setter_doc(p, &m.field);
    let main = Setter { doc: doc.clone(), annotations: vec![], name: m.accessor.clone(), param_ty: field_ty.to_string(), param: m.field.clone(), wrap: None, call: String::new(), target: "$".into(), required: None };
    let mut out = vec![main];
    if !plain {
        let output = ctx.r(OUTPUT);
        let param_ty = ctx.code(bare);
        out.push(forwarding(&doc, m, param_ty, format!("{output}.of")));
    }
    if let Some(elem) = bare.un_list() {
        let list = ctx.r(LIST);
        let param_ty = format!("{}...", ctx.code(elem));
        out.push(forwarding(&doc, m, param_ty, format!("{list}.of")));
    }
    if let Some((l, r)) = bare.un_either() {
        let clash = |t: &JType| t.fqn == l.fqn && t.fqn == r.fqn;
        let wrapped = |t: &JType| [OUTPUT, EITHER].contains(&t.fqn.as_str());
        if l.fqn != r.fqn && !clash(bare) && !wrapped(l) && !wrapped(r) {
            let either = ctx.r(EITHER);
            for (side, t) in [("ofLeft", l), ("ofRight", r)] {
                let param_ty = ctx.code(t);
                out.push(forwarding(&doc, m, param_ty, format!("{either}.{side}")));
            }
        }
    }
    out
}

/// An output class (`@CustomType`).
pub fn output_class(cx: &Cx<Java>, fqn: &str, doc: &str, props: &[Property], members: &[Member]) -> Artifact {
    let mut ctx = FileCtx::of_class(cx.names, fqn, &["Builder"]);
    let name = simple(fqn);
    let nullable = ctx.r(NULLABLE);
    let custom = ctx.r("com.pulumi.core.annotations.CustomType");
    let optional = ctx.r("java.util.Optional");
    let mut fields = Vec::new();
    let mut setters = Vec::new();
    for (p, m) in props.iter().zip(members) {
        let bare = jtype(cx.names, &p.ty, Shape::Output);
        let code = ctx.code(&bare);
        let ty = if p.required { code.clone() } else { format!("@{nullable} {code}") };
        let field = &m.field;
        let (getter_ty, getter_expr) = if p.required {
            (code.clone(), format!("this.{field}"))
        } else if bare.fqn == LIST || bare.fqn == MAP {
            (code.clone(), format!("this.{field} == null ? {}.of() : this.{field}", ctx.r(&bare.fqn)))
        } else {
            (format!("{optional}<{code}>"), format!("{optional}.ofNullable(this.{field})"))
        };
        let annotations = p.deprecation.as_deref().map(deprecated_annotation).into_iter().collect();
        fields.push(Field { doc: field_doc(p), annotations, ty: ty.clone(), name: field.clone(), getter_doc: getter_doc(p), getter_ty, getter: m.accessor.clone(), getter_expr });
        let setter_ann = if m.accessor == p.name.wire { format!("@{custom}.Setter") } else { format!("@{custom}.Setter({})", java_str(&p.name.wire)) };
        let required = p.required.then(|| missing(&mut ctx, &name, field));
        setters.push(Setter { doc: String::new(), annotations: vec![setter_ann], name: m.accessor.clone(), param_ty: ty, param: field.clone(), wrap: None, call: String::new(), target: "this".into(), required });
        if let Some(elem) = bare.un_list() {
            let list = ctx.r(LIST);
            let param_ty = format!("{}...", ctx.code(elem));
            setters.push(forwarding("", m, param_ty, format!("{list}.of")));
        }
    }
    let model = OutputClass { head: Default::default(), doc: block("", &doc_lines(doc)), name, custom_type: custom, objects: ctx.r(OBJECTS), fields, setters, result_var: "_resultValue".into() };
    let model = OutputClass { head: ctx.head(), ..model };
    Artifact::template(path_of(fqn), "java/output.java.tera", &model)
}

/// The class of an alias type: a private constructor and `builder()` overloads that
/// return the canonical class's builder, so `XArgs.builder()…build()` still compiles.
fn alias_class(cx: &Cx<Java>, fqn: &str, doc: &str, target_fqn: &str) -> Artifact {
    let mut ctx = FileCtx::of_class(cx.names, fqn, &[]);
    let target = ctx.r(target_fqn);
    let mut lines = doc_lines(doc);
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!("Same shape as {{@link {target}}}, which properties of this shape are declared with; this class keeps the name and its builder builds a {{@code {target}}}."));
    let model = AliasClass { head: ctx.head(), doc: block("", &lines), name: simple(fqn), target };
    Artifact::template(path_of(fqn), "java/alias.java.tera", &model)
}

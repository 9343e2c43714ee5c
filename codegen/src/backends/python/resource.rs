//! One resource's file (the provider's included): its args and state classes, the class
//! with its overloaded `__init__`, `_internal_init`, `get`, getters and methods.

use super::docs::{clean, docs_of, docstring, param_doc};
use super::model::*;
use super::names::{MethodNames, ResourceNames};
use super::objects::{input_class, output_props};
use super::types::{FileKind, Shape, TypeCtx};
use super::values::{default_expr, list_lit, lits, py_str, py_value};
use super::Cx;
use crate::backends::sdk::MemberId;
use crate::ir::{FunctionResult, Property, Resource};
use std::collections::BTreeSet;

/// The view model of resource `id`'s file.
pub fn resource_file(cx: &Cx, id: MemberId) -> ResourceFile {
    let r = cx.sdk.resource(id);
    let rn = &cx.names.resources[&id];
    let mut ctx = TypeCtx::new(cx.names, &rn.module, FileKind::Other);
    ctx.self_resource = Some(r.token.clone());
    let name = rn.class.clone();
    let inputs: Vec<&Property> = r.inputs.iter().collect();
    let args = input_class(&mut ctx, &rn.args, &format!("The set of arguments for constructing a {name} resource."), &inputs, &rn.attrs, false);
    let state = has_state(r).then(|| {
        let props: Vec<&Property> = r.state_inputs.iter().flatten().collect();
        let docs = format!("Input properties used for looking up and filtering {name} resources.");
        input_class(&mut ctx, &state_class(&name), &docs, &props, &rn.attrs, true)
    });
    let init = init(cx, r, rn, &mut ctx);
    let get = (!r.is_provider && !r.is_component).then(|| get_method(r, rn, &mut ctx));
    // Every output, the provider's too (not `Sdk::exposes_output`): the Python SDK has
    // always exposed a provider's object outputs, typed, and programs read them.
    let outs: Vec<&Property> = r.outputs.iter().collect();
    let getters = output_props(&mut ctx, &outs, &rn.attrs, true);
    let methods = rn.methods.iter().filter_map(|m| method(cx, &name, m, &mut ctx)).collect();
    let all_optional = r.inputs.iter().all(|p| !p.required);
    let options = options(r);
    ResourceFile {
        methods,
        head: FileHead::new(std::mem::take(&mut ctx.imports), &rn.module, false),
        all: lits(&cx.names.resource_exports(id)),
        args,
        state,
        base: if r.is_provider {
            "pulumi.ProviderResource"
        } else if r.is_component {
            "pulumi.ComponentResource"
        } else {
            "pulumi.CustomResource"
        }
        .into(),
        type_token_lit: py_str(&r.token.to_string()),
        register_token_lit: py_str(&if r.is_provider { cx.pkg().name.clone() } else { r.token.to_string() }),
        is_component: r.is_component,
        deprecation: if r.is_provider { None } else { r.deprecation.as_deref().map(py_str) },
        deprecation_log: r.deprecation.as_deref().map(|d| py_str(&format!("{name} is deprecated: {d}"))),
        init_params: init.params,
        args_param_ty: if all_optional { format!("Optional[{}] = None", rn.args) } else { rn.args.clone() },
        kwargs_docstring: docstring(&init.kwargs_doc, "        "),
        args_docstring: docstring(&init.args_doc, "        "),
        assigns: init.assigns,
        output_nones: output_nones(r, rn),
        aliases: options.0,
        secret_outputs: options.1,
        replace_on_changes: options.2,
        get,
        getters,
        name,
    }
}

/// Does the resource have a state class (`_XState`) for `get`?
fn has_state(r: &Resource) -> bool {
    !r.is_provider && !r.is_component && r.state_inputs.as_ref().is_some_and(|s| !s.is_empty())
}

fn state_class(class: &str) -> String {
    format!("_{class}State")
}

/// What `__init__` and `_internal_init` are made of.
struct Init {
    params: Vec<Param>,
    kwargs_doc: String,
    args_doc: String,
    assigns: Vec<InitAssign>,
}

fn init(cx: &Cx, r: &Resource, rn: &ResourceNames, ctx: &mut TypeCtx) -> Init {
    let name = &rn.class;
    let resource_docs = r.docs.as_deref().map(clean).unwrap_or_default();
    let head_doc = if resource_docs.is_empty() { format!("Create a {name} resource with the given unique name, props, and options.") } else { resource_docs };
    let mut kwargs_doc = format!("{head_doc}\n\n:param str resource_name: The name of the resource.\n:param pulumi.ResourceOptions opts: Options for the resource.\n");
    let args_doc = format!(
        "{head_doc}\n\n:param str resource_name: The name of the resource.\n:param {} args: The arguments to use to populate this resource's properties.\n:param pulumi.ResourceOptions opts: Options for the resource.\n",
        rn.args
    );
    let mut params = Vec::new();
    let mut assigns = Vec::new();
    for (p, pname) in r.inputs.iter().zip(&rn.init) {
        let ty = ctx.property(&p.ty, Shape::Input, false, p.plain, true);
        kwargs_doc.push_str(&param_doc(&ty, pname, &docs_of(p)));
        params.push(Param { name: pname.clone(), ty });
        // A literal default satisfies a required input: checking after it would be dead
        // code (mypy --warn-unreachable). An environment-only default may still be None.
        let literal_default = p.default.as_ref().is_some_and(|d| d.value.is_some());
        assigns.push(InitAssign {
            param: pname.clone(),
            attr_lit: py_str(&rn.attrs[&p.name.wire]),
            default: default_expr(p),
            required: p.required && !literal_default,
            missing_lit: py_str(&format!("Missing required property '{pname}'")),
            value: p.const_value.as_ref().map(py_value).unwrap_or_else(|| pname.clone()),
            // Provider inputs travel as strings: everything else is sent as JSON.
            json: cx.sdk.sent_as_json(r, p),
            secret: p.secret,
            // A literal default or a constant is never None: a None test would be
            // redundant (mypy strict rejects it).
            never_none: literal_default || p.const_value.is_some(),
        });
    }
    Init { params, kwargs_doc, args_doc, assigns }
}

/// The outputs that are not inputs: `_internal_init` sets them to `None`.
fn output_nones(r: &Resource, rn: &ResourceNames) -> Vec<String> {
    let input_wires: BTreeSet<&str> = r.inputs.iter().map(|p| p.name.wire.as_str()).collect();
    r.outputs.iter().filter(|p| !input_wires.contains(p.name.wire.as_str())).map(|p| py_str(&rn.attrs[&p.name.wire])).collect()
}

/// The `aliases`, `additional_secret_outputs` and `replace_on_changes` options, if any.
fn options(r: &Resource) -> (Option<Vec<Vec<String>>>, Option<String>, Option<String>) {
    let aliases: Vec<Vec<String>> = r
        .aliases
        .iter()
        .map(|a| {
            let mut parts = Vec::new();
            if let Some(n) = &a.name {
                parts.push(format!("name={}", py_str(n)));
            }
            if let Some(t) = &a.ty {
                parts.push(format!("type_={}", py_str(t)));
            }
            if let Some(p) = &a.project {
                parts.push(format!("project={}", py_str(p)));
            }
            parts
        })
        .collect();
    let secrets: Vec<String> = r.outputs.iter().filter(|p| p.secret).map(|p| p.name.wire.clone()).collect();
    let replace: BTreeSet<String> = r.inputs.iter().chain(r.outputs.iter()).filter(|p| p.replace_on_changes).map(|p| p.name.wire.clone()).collect();
    let replace: Vec<String> = replace.into_iter().collect();
    (
        (!aliases.is_empty()).then_some(aliases),
        (!secrets.is_empty()).then(|| list_lit(&secrets)),
        (!replace.is_empty()).then(|| list_lit(&replace)),
    )
}

/// The static `get` of a custom resource.
fn get_method(r: &Resource, rn: &ResourceNames, ctx: &mut TypeCtx) -> GetMethod {
    let name = &rn.class;
    let with_state = has_state(r);
    let mut doc = format!("Get an existing {name} resource's state with the given name, id, and optional extra\nproperties used to qualify the lookup.\n\n:param str resource_name: The unique name of the resulting resource.\n:param pulumi.Input[str] id: The unique provider ID of the resource to lookup.\n:param pulumi.ResourceOptions opts: Options for the resource.\n");
    let mut params = Vec::new();
    let mut assigns = Vec::new();
    let mut seen = BTreeSet::new();
    if with_state {
        for (p, pname) in r.state_inputs.iter().flatten().zip(&rn.get) {
            let ty = ctx.property(&p.ty, Shape::Input, false, p.plain, true);
            doc.push_str(&param_doc(&ty, pname, &docs_of(p)));
            params.push(Param { name: pname.clone(), ty });
            assigns.push((py_str(&rn.attrs[&p.name.wire]), pname.clone()));
            seen.insert(p.name.wire.as_str());
        }
    }
    for p in &r.outputs {
        if !seen.contains(p.name.wire.as_str()) {
            assigns.push((py_str(&rn.attrs[&p.name.wire]), "None".to_string()));
        }
    }
    GetMethod { params, docstring: docstring(&doc, "        "), props_class: if with_state { state_class(name) } else { rn.args.clone() }, assigns }
}

/// Method `m` of the resource class `class`: arguments other than `__self__` become keyword
/// parameters; an object result becomes a nested `<Method>Result` class.
fn method(cx: &Cx, class: &str, m: &MethodNames, ctx: &mut TypeCtx) -> Option<PyMethod> {
    let f = cx.pkg().functions.iter().find(|f| f.token == m.token)?;
    let args = f.inputs.iter().flat_map(|s| s.properties.iter()).filter(|p| p.name.wire != "__self__");
    let args = args
        .zip(&m.args)
        .map(|(p, n)| FnArg {
            name: n.clone(),
            wire_lit: py_str(&p.name.wire),
            plain_ty: ctx.property(&p.ty, Shape::PlainInput, false, p.plain, true),
            output_ty: String::new(),
        })
        .collect();
    let (result, ret) = match &f.outputs {
        Some(FunctionResult::Object { shape }) => {
            let props: Vec<&Property> = shape.properties.iter().collect();
            let qualified = format!("{class}.{}", m.result);
            let ret = format!("pulumi.Output['{qualified}']");
            (Some(MethodResult { class: m.result.clone(), qualified, props: output_props(ctx, &props, &m.result_attrs, false) }), ret)
        }
        Some(FunctionResult::Value { .. }) => (None, "pulumi.Output[Any]".to_string()),
        None => (None, "None".to_string()),
    };
    Some(PyMethod {
        name: m.name.clone(),
        token_lit: py_str(&f.token.to_string()),
        docstring: f.docs.as_deref().map(|d| docstring(&clean(d), "        ")).unwrap_or_default(),
        args,
        result,
        ret,
    })
}

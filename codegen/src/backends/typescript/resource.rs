//! `<module>/<resource>.ts` (and `provider.ts`): a resource class with its args and state
//! interfaces, its methods and their interfaces in a namespace merged with the class.

use super::docs::{jsdoc, plain};
use super::layout::{depth, join};
use super::model::{Assign, ClassProperty, InputAssign, Interface, Method, RequiredCheck, ResourceFile};
use super::naming::{self, member, optional_member, property_key, string_literal};
use super::objects::{field, is_optional};
use super::settings::required_by_nodejs;
use super::types::{unique, Shape, TypeMapper};
use super::values::{default_expr, list_literal, ts_literal};
use super::{header, Cx};
use crate::backends::sdk::MemberId;
use crate::backends::Artifact;
use crate::ir::{Function, FunctionResult, Property, Resource};
use std::collections::BTreeSet;

const T_RESOURCE: &str = "typescript/resource.ts.tera";

/// The file of resource `id`.
pub fn files(cx: &Cx, id: MemberId) -> Vec<Artifact> {
    let r = cx.sdk.resource(id);
    let rn = &cx.names.resources[&id];
    let dir = if r.is_provider { String::new() } else { cx.names.dir(&cx.names.key(&r.module, cx.settings)) };
    vec![Artifact::template(join(&dir, &format!("{}.ts", rn.stem)), T_RESOURCE, &resource_file(cx, id, &dir))]
}

/// Outputs named like base-class members (`urn`, `id`, `getProvider`, …) would clobber
/// those members when the runtime resolves outputs onto the instance; the base member
/// already carries `urn`/`id`, so such outputs are left out of the class entirely.
fn class_outputs(r: &Resource) -> Vec<&Property> {
    unique(&r.outputs).into_iter().filter(|p| !naming::BASE_CLASS_MEMBERS.contains(&p.name.wire.as_str())).collect()
}

fn resource_file(cx: &Cx, id: MemberId, dir: &str) -> ResourceFile {
    let r = cx.sdk.resource(id);
    let class = cx.names.resources[&id].class.as_str();
    let mut m = TypeMapper::for_resource(&cx.names.types, depth(dir), &r.token);
    let inputs = unique(&r.inputs);
    let outputs = class_outputs(r);
    let input_wires: BTreeSet<&str> = inputs.iter().map(|p| p.name.wire.as_str()).collect();
    let required_outputs = required_by_nodejs(&r.language, "requiredOutputs");
    let required_inputs = required_by_nodejs(&r.language, "requiredInputs");
    let properties = outputs.iter().filter(|p| cx.sdk.exposes_output(r, p)).map(|p| class_property(p, is_optional(p, &required_outputs), &mut m)).collect();
    let (required_checks, input_assigns) = input_statements(cx, r, &inputs);
    let has_state = r.state_inputs.is_some() && !r.is_provider && !r.is_component;
    let state_props: Vec<&Property> = r.state_inputs.as_deref().map(unique).unwrap_or_default();
    let state_assigns = state_props.iter().map(|p| Assign { key: string_literal(&p.name.wire), value: format!("state{}", optional_member(&p.name.wire)) }).collect();
    let secret_outputs: Vec<String> = outputs.iter().filter(|p| p.secret).map(|p| p.name.wire.clone()).collect();
    let mut replace: Vec<String> = inputs.iter().chain(outputs.iter()).filter(|p| p.replace_on_changes).map(|p| p.name.wire.clone()).collect();
    replace.sort();
    replace.dedup();
    let args = interface(plain(&format!("The set of arguments for constructing a {class} resource.")), format!("{class}Args"), inputs.iter().map(|p| field(&mut m, p, Shape::Input, false, is_optional(p, &required_inputs))).collect());
    let state = has_state.then(|| interface(plain(&format!("Input properties used for looking up and filtering {class} resources.")), format!("{class}State"), state_props.iter().map(|p| field(&mut m, p, Shape::Input, false, true)).collect()));
    let (base_class, options_type) = match (r.is_provider, r.is_component) {
        (true, _) => ("ProviderResource", "ResourceOptions"),
        (false, true) => ("ComponentResource", "ComponentResourceOptions"),
        _ => ("CustomResource", "CustomResourceOptions"),
    };
    let pulumi_type = string_literal(&if r.is_provider { r.token.name.clone() } else { r.token.to_string() });
    let (methods, method_types) = methods(cx, id, class, &mut m);
    ResourceFile {
        header: header(),
        imports: cx.names.imports(dir, &m.uses, true, true),
        doc: jsdoc(r.docs.as_deref(), r.deprecation.as_deref()),
        class_name: class.to_string(),
        base_class: base_class.into(),
        options_type: options_type.into(),
        pulumi_type,
        is_provider: r.is_provider,
        is_component: r.is_component,
        has_get: !r.is_provider && !r.is_component,
        has_state,
        deprecation_warning: r.deprecation.as_ref().map(|d| string_literal(&format!("{class} is deprecated: {d}"))),
        deprecation_doc: r.deprecation.as_deref().map(|d| jsdoc(None, Some(d))).unwrap_or_default(),
        properties,
        args_name: format!("{class}Args"),
        state_name: format!("{class}State"),
        args_optional: !inputs.iter().any(|p| p.required && p.const_value.is_none()),
        required_checks,
        input_assigns,
        output_only_keys: outputs.iter().filter(|p| !input_wires.contains(p.name.wire.as_str())).map(|p| string_literal(&p.name.wire)).collect(),
        all_output_keys: outputs.iter().map(|p| string_literal(&p.name.wire)).collect(),
        state_assigns,
        aliases: aliases(r),
        secret_outputs: list_literal(&secret_outputs),
        replace_on_changes: list_literal(&replace),
        state,
        args,
        methods,
        method_types,
    }
}

fn interface(doc: Vec<String>, name: String, fields: Vec<super::model::Field>) -> Interface {
    Interface { alias_of: None, doc, name, fields }
}

fn class_property(p: &Property, optional: bool, m: &mut TypeMapper) -> ClassProperty {
    let t = m.property(p, Shape::Output, optional);
    ClassProperty { doc: jsdoc(p.docs.as_deref(), p.deprecation.as_deref()), key: property_key(&p.name.wire), ty: format!("pulumi.Output<{t}>") }
}

/// The constructor's checks of required inputs and its `resourceInputs[…] = …` lines.
fn input_statements(cx: &Cx, r: &Resource, inputs: &[&Property]) -> (Vec<RequiredCheck>, Vec<InputAssign>) {
    let mut checks = Vec::new();
    let mut assigns = Vec::new();
    for p in inputs {
        let wire = &p.name.wire;
        if p.required && p.const_value.is_none() {
            checks.push(RequiredCheck { access: format!("args{}", optional_member(wire)), message: string_literal(&format!("Missing required property '{wire}'")) });
        }
        assigns.push(input_assign(cx, r, p));
    }
    (checks, assigns)
}

/// What the constructor sends for input `p`: its constant, or the argument (secret-wrapped,
/// defaulted, and JSON-encoded when the provider takes it as JSON).
fn input_assign(cx: &Cx, r: &Resource, p: &Property) -> InputAssign {
    let wire = &p.name.wire;
    InputAssign {
        key: string_literal(wire),
        constant: p.const_value.as_ref().map(ts_literal),
        member: member(wire),
        optional_member: optional_member(wire),
        secret: p.secret,
        default: p.default.as_ref().and_then(|d| default_expr(d, &p.ty)),
        json: cx.sdk.sent_as_json(r, p),
    }
}

/// The `aliases` array literal of the resource options, if any.
fn aliases(r: &Resource) -> Option<String> {
    if r.aliases.is_empty() {
        return None;
    }
    let items: Vec<String> = r
        .aliases
        .iter()
        .map(|a| {
            let parts: Vec<String> = [("name", &a.name), ("project", &a.project), ("type", &a.ty)].into_iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}: {}", string_literal(v)))).collect();
            format!("{{ {} }}", parts.join(", "))
        })
        .collect();
    Some(format!("[{}]", items.join(", ")))
}

/// Methods of resource `id` (Pulumi `methods`), rendered as class members calling
/// `pulumi.runtime.call`, with their argument and result interfaces in a namespace merged
/// with the class. `__self__` is the instance itself.
fn methods(cx: &Cx, id: MemberId, class: &str, m: &mut TypeMapper) -> (Vec<Method>, Vec<Interface>) {
    let mut out = Vec::new();
    let mut ifaces = Vec::new();
    for (method_name, token) in &cx.sdk.resource(id).methods {
        let (Some(f), Some(n)) = (cx.pkg().functions.iter().find(|f| &f.token == token), cx.names.methods.get(&(id, method_name.clone()))) else {
            continue;
        };
        out.push(method(f, class, &n.name, &n.title, m, &mut ifaces));
    }
    (out, ifaces)
}

fn method(f: &Function, class: &str, name: &str, title: &str, m: &mut TypeMapper, ifaces: &mut Vec<Interface>) -> Method {
    let args: Vec<&Property> = f.inputs.as_ref().map(|i| unique(&i.properties)).unwrap_or_default().into_iter().filter(|p| p.name.wire != "__self__").collect();
    let all_optional = args.iter().all(|p| !p.required);
    let args_type = (!args.is_empty()).then(|| format!("{class}.{title}Args"));
    if !args.is_empty() {
        let doc = f.inputs.as_ref().and_then(|i| i.docs.as_deref()).map(|d| jsdoc(Some(d), None)).unwrap_or_else(|| plain(&format!("The set of arguments for the {class}.{name} method.")));
        ifaces.push(interface(doc, format!("{title}Args"), args.iter().map(|p| field(m, p, Shape::Input, false, !p.required)).collect()));
    }
    let self_arg = f.inputs.as_ref().is_some_and(|i| i.properties.iter().any(|p| p.name.wire == "__self__"));
    let mut arguments: Vec<Assign> = Vec::new();
    if self_arg {
        arguments.push(Assign { key: string_literal("__self__"), value: "this".into() });
    }
    arguments.extend(args.iter().map(|p| Assign { key: string_literal(&p.name.wire), value: format!("args{}", member(&p.name.wire)) }));
    arguments.sort_by(|a, b| a.key.cmp(&b.key));
    let (return_type, returns, call) = match &f.outputs {
        Some(FunctionResult::Object { shape }) => {
            let doc = shape.docs.as_deref().map(|d| jsdoc(Some(d), None)).unwrap_or_else(|| plain(&format!("The results of the {class}.{name} method.")));
            ifaces.push(interface(doc, format!("{title}Result"), unique(&shape.properties).into_iter().map(|p| field(m, p, Shape::Output, true, !p.required)).collect()));
            (format!("pulumi.Output<{class}.{title}Result>"), true, "call")
        }
        Some(FunctionResult::Value { ty, .. }) => (format!("pulumi.Output<{}>", m.type_expr(ty, Shape::Output)), true, "callSingle"),
        None => ("void".to_string(), false, "call"),
    };
    Method {
        doc: jsdoc(f.docs.as_deref(), f.deprecation.as_deref()),
        name: name.to_string(),
        args_type,
        return_type,
        returns,
        default_args: !args.is_empty() && all_optional,
        call: call.into(),
        token: string_literal(&f.token.to_string()),
        arguments,
        deprecation_warning: f.deprecation.as_ref().map(|d| string_literal(&format!("{class}.{name} is deprecated: {d}"))),
    }
}

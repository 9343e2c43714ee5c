//! `index.ts` of the package root and of every module directory: lazily loaded classes
//! and functions, sub-module namespaces, enums, and the resource module registration.

use super::layout::{dir_last, join, root_prefix, Module};
use super::model::{Construct, LazyFunction, LazyResource, ModuleIndex, Submodule};
use super::naming::string_literal;
use super::objects::kinds;
use super::{header, Cx};
use crate::backends::sdk::{MemberId, Members};
use crate::backends::Artifact;
use crate::ir::FunctionResult;
use std::collections::BTreeSet;

const T_INDEX: &str = "typescript/index.ts.tera";

/// `import * as <local> from "<path>"`, re-exported under the module's exported name.
pub fn submodule(node: &Module, path: String) -> Submodule {
    let export_spec = if node.local == node.exported { node.local.clone() } else { format!("{} as {}", node.local, node.exported) };
    Submodule { local: node.local.clone(), exported: node.exported.clone(), path: string_literal(&path), export_spec }
}

/// The `index.ts` of `module`, when it is a directory.
pub fn files(cx: &Cx, module: &Module) -> Vec<Artifact> {
    let key = &module.key;
    if !cx.names.dirs.contains(key) {
        return Vec::new();
    }
    let dir = &module.dir;
    let root = root_prefix(dir);
    let empty = Members::default();
    let members = cx.names.members.get(key).unwrap_or(&empty);
    let (mut resources, constructs, regs) = resources(cx, members);
    if key.is_empty() {
        let provider = LazyResource { class_name: "Provider".into(), path: string_literal("./provider"), type_exports: "ProviderArgs".into(), names_list: string_literal("Provider") };
        resources.insert(0, provider);
    }
    let provider_type = key.is_empty().then(|| string_literal(&format!("pulumi:providers:{}", cx.pkg().name)));
    let index = ModuleIndex {
        header: header(),
        utilities: string_literal(&format!("{root}utilities")),
        resources,
        functions: functions(cx, members),
        enums: cx.names.enum_dirs.contains(key).then(|| string_literal(&join(&format!("{root}types/enums"), dir))),
        submodules: submodules(cx, module),
        needs_pulumi: !constructs.is_empty() || provider_type.is_some(),
        constructs,
        module_registrations: regs.into_iter().collect(),
        package: string_literal(&cx.pkg().name),
        provider_type,
    };
    vec![Artifact::template(join(dir, "index.ts"), T_INDEX, &index)]
}

fn resources(cx: &Cx, members: &Members) -> (Vec<LazyResource>, Vec<Construct>, BTreeSet<String>) {
    let (mut lazy, mut constructs, mut regs) = (Vec::new(), Vec::new(), BTreeSet::new());
    for &id in &members.resources {
        let r = cx.sdk.resource(id);
        let rn = &cx.names.resources[&id];
        let mut te = vec![format!("{}Args", rn.class)];
        if r.state_inputs.is_some() && !r.is_component {
            te.push(format!("{}State", rn.class));
        }
        lazy.push(LazyResource { class_name: rn.class.clone(), path: string_literal(&format!("./{}", rn.stem)), type_exports: te.join(", "), names_list: string_literal(&rn.class) });
        constructs.push(Construct { token: string_literal(&r.token.to_string()), class_name: rn.class.clone() });
        regs.insert(string_literal(&r.token.module));
    }
    debug_assert!(!members.resources.contains(&MemberId::Provider));
    (lazy, constructs, regs)
}

fn functions(cx: &Cx, members: &Members) -> Vec<LazyFunction> {
    let mut out = Vec::new();
    for i in &members.functions {
        let f = &cx.pkg().functions[*i];
        let n = &cx.names.functions[i];
        let mut te = Vec::new();
        if f.inputs.is_some() {
            te.push(format!("{}Args", n.title));
        }
        if matches!(f.outputs, Some(FunctionResult::Object { .. })) {
            te.push(format!("{}Result", n.title));
        }
        if f.inputs.is_some() {
            te.push(format!("{}OutputArgs", n.title));
        }
        let output_name = format!("{}Output", n.name);
        let names_list = format!("{}, {}", string_literal(&n.name), string_literal(&output_name));
        out.push(LazyFunction { name: n.name.clone(), output_name, path: string_literal(&format!("./{}", n.stem)), type_exports: te.join(", "), names_list });
    }
    out
}

/// The sub-modules `module` re-exports: `config` and `types` at the root, then the child
/// directories, by exported name.
fn submodules(cx: &Cx, module: &Module) -> Vec<Submodule> {
    let mut out: Vec<Submodule> = Vec::new();
    let mk = |name: &str| Submodule { local: name.into(), exported: name.into(), path: string_literal(&format!("./{name}")), export_spec: name.into() };
    if module.key.is_empty() {
        let (has_input, has_output, has_enums) = kinds(cx);
        if !cx.pkg().config.is_empty() {
            out.push(mk("config"));
        }
        if has_input || has_output || has_enums {
            out.push(mk("types"));
        }
    }
    for c in &module.children {
        let cn = &cx.names.modules[c];
        if cx.names.dirs.contains(c) && !out.iter().any(|s| s.exported == cn.exported) {
            out.push(submodule(cn, format!("./{}", dir_last(&cn.dir))));
        }
    }
    out.sort_by(|a, b| a.exported.cmp(&b.exported));
    out
}

//! The files of one Go package besides its resources and functions: enums, object types,
//! alias types, container types, `init.go` (resource-module and provider registration) and,
//! in a package whose types moved to internal packages, their re-exports.

use super::docs::comment;
use super::enums::{enums_files, SMALL_PER_FILE};
use super::layout::{chunk_file, PULUMI};
use super::model::{Container, InitFile, PtrFunc, Reexport, ReexportsFile, TypesFile};
use super::names::{Module, Names};
use super::objects::{aliases_files, types_files};
use super::types::{builtin_name, prim_plain, GoTy};
use super::values::go_str;
use crate::backends::sdk::{MemberId, Sdk};
use crate::backends::Artifact;
use crate::ir::TypeDef;
use std::collections::BTreeSet;

/// Re-exported types per `pulumiTypes*.go` file of a split package.
const REEXPORTS_PER_FILE: usize = 300;

/// Every file of module `m` that is not a resource's or a function's.
pub fn module_files(sdk: &Sdk, names: &Names, m: &Module) -> Vec<Artifact> {
    let mut out = enums_files(sdk, names, &m.dir, &m.members.enums);
    out.extend(types_files(sdk, names, &m.dir, &m.members.objects));
    if !m.members.resources.is_empty() {
        out.push(init_file(sdk, names, &m.dir, &m.members.resources));
    }
    out.extend(aliases_files(sdk, names, &m.dir, &m.members.objects));
    out.extend(containers_files(names, &m.dir));
    out.extend(reexports_files(sdk, names, &m.dir));
    out
}

/// `pulumiTypes*.go` of a split package: every name its internal packages define (enums
/// with their constants, objects, containers), as aliases, so programs never see the split.
fn reexports_files(sdk: &Sdk, names: &Names, dir: &str) -> Vec<Artifact> {
    let Some(split) = names.placement.splits.get(dir) else {
        return Vec::new();
    };
    // (internal package, re-export), in package order.
    let mut all: Vec<(&String, Reexport)> = Vec::new();
    for part in &split.parts {
        let Some(alias) = names.aliases.get(part) else { continue };
        let q = |n: &str| format!("{alias}.{n}");
        let family = |n: &str, suffixes: &[&str]| suffixes.iter().map(|s| (format!("{n}{s}"), q(&format!("{n}{s}")))).collect::<Vec<_>>();
        let members = names.placement.members.get(part).cloned().unwrap_or_default();
        for tok in &members.enums {
            let (Some(TypeDef::Enum(e)), Some((r, prim))) = (sdk.pkg.types.get(tok), names.types.enums.get(tok)) else { continue };
            let consts = names.enum_consts.get(tok).into_iter().flatten().flatten().map(|c| (c.clone(), q(c))).collect();
            let ptr_func = PtrFunc { name: format!("{}Ptr", r.name), param: prim_plain(*prim).into(), ret: format!("{}PtrInput", r.name), target: q(&format!("{}Ptr", r.name)) };
            let types = family(&r.name, &["", "Input", "Output", "PtrInput", "PtrOutput"]);
            all.push((part, Reexport { docs: comment(e.docs.as_deref(), None, ""), types, consts, ptr_func: Some(ptr_func) }));
        }
        for tok in &members.objects {
            let (Some(TypeDef::Object(o)), Some(r)) = (sdk.pkg.types.get(tok), names.types.objects.get(tok)) else { continue };
            let has_ptr = names.ptr_needed.contains(tok);
            let suffixes: &[&str] = if has_ptr { &["", "Args", "Input", "Output", "PtrInput", "PtrOutput"] } else { &["", "Args", "Input", "Output"] };
            let ptr_func = has_ptr.then(|| PtrFunc { name: format!("{}Ptr", r.name), param: format!("*{}Args", r.name), ret: format!("{}PtrInput", r.name), target: q(&format!("{}Ptr", r.name)) });
            all.push((part, Reexport { docs: comment(o.docs.as_deref(), None, ""), types: family(&r.name, suffixes), consts: Vec::new(), ptr_func }));
        }
        for (name, ty) in names.containers.get(part).into_iter().flatten() {
            if builtin_name(ty).is_none() && ty.is_container() {
                all.push((part, Reexport { types: family(name, &["", "Input", "Output"]), ..Default::default() }));
            }
        }
    }
    all.chunks(REEXPORTS_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| {
            let parts: BTreeSet<&String> = chunk.iter().map(|(p, _)| *p).collect();
            let imports = parts.iter().map(|p| format!("{} {}", names.aliases[*p], go_str(&names.layout.import_path(p)))).collect();
            let file = ReexportsFile { head: names.layout.head(dir, &[], imports, Vec::new()), reexports: chunk.iter().map(|(_, r)| r.clone()).collect() };
            Artifact::template(names.layout.path(dir, &chunk_file("pulumiTypes", n)), "go/reexports.go.tera", &file)
        })
        .collect()
}

/// `pulumiContainers*.go`: the container types package `dir` defines (the SDK's own
/// builtin containers excluded).
fn containers_files(names: &Names, dir: &str) -> Vec<Artifact> {
    let Some(conts) = names.containers.get(dir) else {
        return Vec::new();
    };
    let list: Vec<(&String, &GoTy)> = conts.iter().filter(|(_, t)| builtin_name(t).is_none()).collect();
    let mut out = Vec::new();
    for (n, chunk) in list.chunks(SMALL_PER_FILE).enumerate() {
        let mut c = names.ctx(dir);
        let mut models = Vec::new();
        for (name, ty) in chunk {
            let (elem, is_map) = match ty {
                GoTy::Array(e) => (&**e, false),
                GoTy::Map(e) => (&**e, true),
                _ => continue,
            };
            models.push(Container { name: (*name).clone(), is_map, elem_input: c.input(elem, false), elem_output: c.output(elem, false), elem_plain: c.plain(elem, false) });
        }
        if models.is_empty() {
            continue;
        }
        let file = TypesFile { head: names.layout.head(dir, &["context", "reflect"], vec![PULUMI.into()], c.import_lines()), containers: models, ..Default::default() };
        out.push(Artifact::template(names.layout.path(dir, &chunk_file("pulumiContainers", n)), "go/types.go.tera", &file));
    }
    out
}

fn init_file(sdk: &Sdk, names: &Names, dir: &str, resources: &[MemberId]) -> Artifact {
    let pkg = sdk.pkg;
    let util = names.layout.util_prefix(dir);
    let mut constructs = Vec::new();
    let mut modules = BTreeSet::new();
    let has_provider = resources.contains(&MemberId::Provider);
    for id in resources.iter().filter(|id| **id != MemberId::Provider) {
        let r = sdk.resource(*id);
        let Some(n) = names.resources.get(id) else { continue };
        constructs.push((go_str(&r.token.to_string()), n.name.clone()));
        modules.insert(go_str(&r.token.module));
    }
    constructs.sort();
    let mut imports = names.layout.imports_with_util(dir);
    imports.push("\"github.com/blang/semver\"".to_string());
    let model = InitFile {
        head: names.layout.head(dir, &["fmt"], imports, Vec::new()),
        util,
        constructs,
        modules: modules.into_iter().collect(),
        pkg_lit: go_str(&pkg.name),
        provider_token_lit: go_str(&format!("pulumi:providers:{}", pkg.name)),
        has_provider,
    };
    Artifact::template(names.layout.path(dir, "init.go"), "go/init.go.tera", &model)
}

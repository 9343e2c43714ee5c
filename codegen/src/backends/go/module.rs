//! The files of one Go package besides its resources and functions: enums, object types,
//! alias types, container types and `init.go` (resource-module and provider registration).

use super::enums::{enums_files, SMALL_PER_FILE};
use super::layout::{chunk_file, PULUMI};
use super::model::{Container, InitFile, TypesFile};
use super::names::{Module, Names};
use super::objects::{aliases_files, types_files};
use super::types::{builtin_name, GoTy};
use super::values::go_str;
use crate::backends::sdk::{MemberId, Sdk};
use crate::backends::Artifact;
use std::collections::BTreeSet;

/// Every file of module `m` that is not a resource's or a function's.
pub fn module_files(sdk: &Sdk, names: &Names, m: &Module) -> Vec<Artifact> {
    let mut out = enums_files(sdk, names, &m.dir, &m.members.enums);
    out.extend(types_files(sdk, names, &m.dir, &m.members.objects));
    if !m.members.resources.is_empty() {
        out.push(init_file(sdk, names, &m.dir, &m.members.resources));
    }
    out.extend(aliases_files(sdk, names, &m.dir, &m.members.objects));
    out.extend(containers_files(names, &m.dir));
    out
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

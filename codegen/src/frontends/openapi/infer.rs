//! Resource inference: which operations form a resource's lifecycle, and which stay
//! functions. Rules, tried in this order (each pinned by a fixture):
//!
//! 1. `override`: a resource the overrides file declares by naming its operations.
//! 2. `collection-post`: `POST /things` with `GET /things/{id}` and at least one of
//!    `PUT`/`PATCH` (update; `PUT` preferred) or `DELETE` on the item path. A create
//!    and a read alone are usually an action log (`/droplets/{id}/actions`), so they stay
//!    functions.
//! 3. `put-create-or-update`: `PUT` and `GET` on an item path with no collection `POST`
//!    (Azure style; the item name is a client-chosen input and the path is the id).
//! 4. `singleton`: `GET` and `PUT`/`PATCH` on a path that does not end in a parameter
//!    and has no `POST` (settings objects). Kubernetes subresources (`/status`,
//!    `/scale`) carry their parent's kind and are not separate resources.
//!
//! Every other operation is a function. Parent path parameters become inputs of the
//! resource. Names come from the Kubernetes kind, else from the collection segment,
//! singularized; names that collide are qualified with their parent segment.

use super::naming;
use super::schema::{gvk_of, Gvk};
use crate::diag::{Diagnostic, SourceRef};
use crate::overrides::{OpenapiModuleStrategy, OpenapiOverrides};
use openapiv3::{OpenAPI, Operation, Parameter, PathItem, ReferenceOr};
use std::collections::{BTreeMap, BTreeSet};

/// One operation of the spec.
pub struct Op<'a> {
    /// Upper-case method.
    pub method: &'static str,
    pub path: &'a str,
    pub op: &'a Operation,
    /// Parameters declared on the path item (apply to every operation on it).
    pub shared: &'a [ReferenceOr<Parameter>],
    /// `operationId`, else `METHOD /path`: how overrides and reports name it.
    pub key: String,
    pub src: SourceRef,
    pub gvk: Option<Gvk>,
    /// `x-kubernetes-action` (`get`, `list`, `post`, `watch`, …).
    pub k8s_action: Option<String>,
}

/// Which rule made a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Override,
    CollectionPost,
    PutCreateOrUpdate,
    Singleton,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Override => "override",
            Rule::CollectionPost => "collection-post",
            Rule::PutCreateOrUpdate => "put-create-or-update",
            Rule::Singleton => "singleton",
        }
    }
}

/// An inferred resource.
#[derive(Debug, Clone)]
pub struct Plan {
    pub name: String,
    pub module: String,
    pub rule: Rule,
    pub create: Option<usize>,
    pub read: Option<usize>,
    pub update: Option<usize>,
    pub delete: Option<usize>,
    /// The item path parameter that carries the server-assigned id (collection-post).
    pub id_param: Option<String>,
    pub gvk: Option<Gvk>,
    pub id_field: Option<String>,
    /// The override entry that shaped this resource, if any (its pointer).
    pub override_key: Option<String>,
    /// The collection segment(s) the name came from, used to qualify collisions.
    qualifiers: Vec<String>,
}

impl Plan {
    /// The operations of this resource, in lifecycle order.
    pub fn ops(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        [("create", self.create), ("read", self.read), ("update", self.update), ("delete", self.delete)].into_iter().filter_map(|(k, o)| o.map(|o| (k, o)))
    }
}

/// An operation left as a function.
#[derive(Debug, Clone)]
pub struct FnPlan {
    pub op: usize,
    pub name: String,
    pub module: String,
}

/// The whole inference for one document.
pub struct Inference<'a> {
    pub ops: Vec<Op<'a>>,
    pub resources: Vec<Plan>,
    pub functions: Vec<FnPlan>,
    pub ignored: Vec<usize>,
    pub diags: Vec<Diagnostic>,
    /// Override entries that matched something (pointers), for unused-entry warnings.
    pub used: BTreeSet<String>,
}

fn operations(item: &PathItem) -> [(&'static str, Option<&Operation>); 7] {
    [
        ("GET", item.get.as_ref()),
        ("PUT", item.put.as_ref()),
        ("POST", item.post.as_ref()),
        ("DELETE", item.delete.as_ref()),
        ("OPTIONS", item.options.as_ref()),
        ("HEAD", item.head.as_ref()),
        ("PATCH", item.patch.as_ref()),
    ]
}

/// `{id}` → `Some("id")`.
pub fn param_segment(seg: &str) -> Option<&str> {
    seg.strip_prefix('{').and_then(|s| s.strip_suffix('}'))
}

/// Runs inference over every operation of `api`.
pub fn infer<'a>(api: &'a OpenAPI, file: &SourceRef, ov: Option<&OpenapiOverrides>, ov_src: &SourceRef) -> Inference<'a> {
    let mut ops = Vec::new();
    let mut paths: Vec<(&'a String, &'a PathItem)> = api.paths.paths.iter().filter_map(|(p, i)| i.as_item().map(|i| (p, i))).collect();
    paths.sort_by(|a, b| a.0.cmp(b.0));
    for (path, item) in paths {
        for (method, op) in operations(item) {
            let Some(op) = op else { continue };
            let key = op.operation_id.clone().unwrap_or_else(|| format!("{method} {path}"));
            let src = file.child("paths").child(path).child(&method.to_ascii_lowercase());
            let k8s_action = op.extensions.get("x-kubernetes-action").and_then(|v| v.as_str()).map(str::to_string);
            ops.push(Op { method, path: path.as_str(), op, shared: &item.parameters, key, src, gvk: gvk_of(&op.extensions), k8s_action });
        }
    }
    let mut inf = Inference { ops, resources: Vec::new(), functions: Vec::new(), ignored: Vec::new(), diags: Vec::new(), used: BTreeSet::new() };
    let mut claimed: BTreeSet<usize> = BTreeSet::new();
    let by_key: BTreeMap<String, usize> = inf.ops.iter().enumerate().flat_map(|(i, o)| [(o.key.clone(), i), (format!("{} {}", o.method, o.path), i)]).collect();

    if let Some(ov) = ov {
        for (i, name) in ov.ignore.iter().enumerate() {
            match by_key.get(name) {
                Some(&o) => {
                    claimed.insert(o);
                    inf.ignored.push(o);
                    inf.used.insert(ov_src.child("ignore").child(&i.to_string()).pointer.as_string());
                }
                None => inf.diags.push(unknown_op(ov_src.child("ignore").child(&i.to_string()), name)),
            }
        }
        // Rule 1: resources declared in the overrides.
        for (name, r) in &ov.resources {
            if r.create.is_none() && r.read.is_none() && r.update.is_none() && r.delete.is_none() {
                continue;
            }
            let rsrc = ov_src.child("resources").child(name);
            let mut find = |field: &str, v: &Option<String>| -> Option<usize> {
                let v = v.as_ref()?;
                match by_key.get(v) {
                    Some(&o) if !claimed.contains(&o) => {
                        claimed.insert(o);
                        Some(o)
                    }
                    Some(_) => {
                        inf.diags.push(Diagnostic::warning(rsrc.child(field), format!("operation `{v}` is already used elsewhere")));
                        None
                    }
                    None => {
                        inf.diags.push(unknown_op(rsrc.child(field), v));
                        None
                    }
                }
            };
            let (create, read, update, delete) = (find("create", &r.create), find("read", &r.read), find("update", &r.update), find("delete", &r.delete));
            inf.used.insert(rsrc.pointer.as_string());
            let anchor = create.or(read).or(update).or(delete);
            let id_param = read.or(delete).and_then(|o| inf.ops[o].path.rsplit('/').next().and_then(param_segment).map(str::to_string));
            let gvk = anchor.and_then(|o| inf.ops[o].gvk.clone());
            inf.resources.push(Plan {
                name: r.name.clone().unwrap_or_else(|| name.clone()),
                module: String::new(),
                rule: Rule::Override,
                create,
                read,
                update,
                delete,
                id_param: if create.is_some_and(|c| inf.ops[c].method == "POST") { id_param } else { None },
                gvk,
                id_field: r.id_field.clone(),
                override_key: Some(name.clone()),
                qualifiers: Vec::new(),
            });
        }
    }

    // Index: path → method → op.
    let mut index: BTreeMap<&'a str, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for (i, o) in inf.ops.iter().enumerate() {
        if !claimed.contains(&i) {
            index.entry(o.path).or_default().insert(o.method, i);
        }
    }
    let get = |path: &str, m: &str| index.get(path).and_then(|ms| ms.get(m)).copied();

    let mut plans = Vec::new();
    // Rules 2 and 3: item paths.
    for (&path, methods) in &index {
        let Some((collection, last)) = path.rsplit_once('/') else { continue };
        let Some(id) = param_segment(last) else { continue };
        let Some(&read) = methods.get("GET") else { continue };
        let update = methods.get("PUT").or(methods.get("PATCH")).copied();
        let delete = methods.get("DELETE").copied();
        let post = get(if collection.is_empty() { "/" } else { collection }, "POST");
        // Kubernetes says what each operation does: only `post` + `get` of one kind is a
        // lifecycle (`connect` proxies and subresources are not).
        if inf.ops[read].k8s_action.is_some() {
            let action = |o: usize| inf.ops[o].k8s_action.as_deref();
            let same_kind = |o: usize| inf.ops[o].gvk == inf.ops[read].gvk;
            if let Some(create) = post.filter(|&c| action(c) == Some("post") && action(read) == Some("get") && same_kind(c)) {
                let update = methods.get("PUT").copied().filter(|&u| action(u) == Some("put") && same_kind(u));
                let delete = delete.filter(|&d| action(d) == Some("delete") && same_kind(d));
                plans.push(plan(&inf.ops, Rule::CollectionPost, collection, Some(create), read, update, delete, Some(id.to_string())));
            }
            continue;
        }
        if let Some(create) = post.filter(|_| update.is_some() || delete.is_some()) {
            plans.push(plan(&inf.ops, Rule::CollectionPost, collection, Some(create), read, update, delete, Some(id.to_string())));
        } else if let Some(&put) = methods.get("PUT") {
            plans.push(plan(&inf.ops, Rule::PutCreateOrUpdate, collection, Some(put), read, Some(put), delete, None));
        }
    }
    for p in &plans {
        claimed.extend(p.ops().map(|(_, o)| o));
    }
    // Rule 4: singletons (after the others, so their kinds are known).
    let kinds: BTreeSet<Gvk> = plans.iter().chain(inf.resources.iter()).filter_map(|p| p.gvk.clone()).collect();
    let mut singles = Vec::new();
    for (&path, methods) in &index {
        let last = path.rsplit('/').next().unwrap_or("");
        if param_segment(last).is_some() || methods.contains_key("POST") {
            continue;
        }
        let (Some(&read), Some(&write)) = (methods.get("GET"), methods.get("PUT").or(methods.get("PATCH"))) else { continue };
        if claimed.contains(&read) || claimed.contains(&write) {
            continue;
        }
        // Kubernetes has no singletons: GET+PUT without a name is a subresource.
        if inf.ops[read].k8s_action.is_some() || inf.ops[read].gvk.as_ref().is_some_and(|g| kinds.contains(g)) {
            continue;
        }
        let delete = methods.get("DELETE").copied().filter(|d| !claimed.contains(d));
        singles.push(plan(&inf.ops, Rule::Singleton, path, Some(write), read, Some(write), delete, None));
    }
    for p in &singles {
        claimed.extend(p.ops().map(|(_, o)| o));
    }
    plans.extend(singles);

    // Overrides on inferred resources: skip, rename, module, id field.
    if let Some(ov) = ov {
        let mut kept = Vec::new();
        for mut p in plans {
            if let Some(r) = ov.resources.get(&p.name).filter(|r| r.create.is_none() && r.read.is_none() && r.update.is_none() && r.delete.is_none()) {
                inf.used.insert(ov_src.child("resources").child(&p.name).pointer.as_string());
                if r.skip {
                    for (_, o) in p.ops() {
                        claimed.remove(&o);
                    }
                    continue;
                }
                p.override_key = Some(p.name.clone());
                if let Some(n) = &r.name {
                    p.name = n.clone();
                }
                p.id_field = r.id_field.clone().or(p.id_field);
            }
            kept.push(p);
        }
        plans = kept;
    }
    inf.resources.extend(plans);

    // Modules, then names made unique per module.
    let strategy = ov.map(|o| o.modules.strategy).unwrap_or_default();
    for i in 0..inf.resources.len() {
        let p = &inf.resources[i];
        let explicit = p.override_key.as_ref().and_then(|k| ov.and_then(|o| o.resources.get(k))).and_then(|r| r.module.clone());
        let anchor = p.create.or(p.read).unwrap_or(0);
        let module = explicit.unwrap_or_else(|| module_of(&inf.ops[anchor], strategy, ov));
        inf.resources[i].module = module;
    }
    dedupe_names(&mut inf.resources);

    // Functions: everything unclaimed.
    let mut taken: BTreeSet<(String, String)> = BTreeSet::new();
    for i in 0..inf.ops.len() {
        if claimed.contains(&i) {
            continue;
        }
        let o = &inf.ops[i];
        let fov = ov.and_then(|ov| ov.functions.get(&o.key).or_else(|| ov.functions.get(&format!("{} {}", o.method, o.path))));
        if fov.is_some() {
            inf.used.insert(ov_src.child("functions").child(&o.key).pointer.as_string());
        }
        let module = fov.and_then(|f| f.module.clone()).unwrap_or_else(|| module_of(o, strategy, ov));
        let base = fov.and_then(|f| f.name.clone()).unwrap_or_else(|| naming::function_name(o.op.operation_id.as_deref(), o.method, o.path));
        let mut name = base.clone();
        let mut n = 2;
        while !taken.insert((module.clone(), name.to_ascii_lowercase())) {
            name = format!("{base}{n}");
            n += 1;
        }
        inf.functions.push(FnPlan { op: i, name, module });
    }

    if let Some(ov) = ov {
        for name in ov.resources.keys() {
            let p = ov_src.child("resources").child(name);
            if !inf.used.contains(&p.pointer.as_string()) {
                inf.diags.push(
                    Diagnostic::warning(p, format!("no inferred resource is named `{name}`"))
                        .with_hint("run `cloudgen explain resources` to see the inferred names, or name its operations with create/read/update/delete"),
                );
            }
        }
        for key in ov.functions.keys() {
            let p = ov_src.child("functions").child(key);
            if !inf.used.contains(&p.pointer.as_string()) {
                inf.diags.push(
                    Diagnostic::warning(p, format!("no function comes from operation `{key}`"))
                        .with_hint("name it by operationId or `METHOD /path`; operations of resources are not functions"),
                );
            }
        }
    }
    inf
}

fn unknown_op(src: SourceRef, name: &str) -> Diagnostic {
    Diagnostic::warning(src, format!("no operation `{name}` in the spec"))
        .with_hint("name operations by operationId, or `METHOD /path` (e.g. `GET /zones/{zone_id}`)")
}

#[allow(clippy::too_many_arguments)]
fn plan(
    ops: &[Op],
    rule: Rule,
    collection: &str,
    create: Option<usize>,
    read: usize,
    update: Option<usize>,
    delete: Option<usize>,
    id_param: Option<String>,
) -> Plan {
    let gvk = create.and_then(|c| ops[c].gvk.clone()).or_else(|| ops[read].gvk.clone());
    let statics: Vec<String> = collection
        .split('/')
        .filter(|s| !s.is_empty() && param_segment(s).is_none() && !naming::is_version(s) && !matches!(*s, "api" | "apis" | "providers"))
        .map(str::to_string)
        .collect();
    let name = match &gvk {
        Some(g) => naming::type_name(&g.kind),
        None => naming::resource_name(statics.last().map(String::as_str).unwrap_or("resource")),
    };
    let mut qualifiers = statics;
    qualifiers.pop();
    Plan { name, module: String::new(), rule, create, read: Some(read), update, delete, id_param, gvk, id_field: None, override_key: None, qualifiers }
}

/// The module an operation belongs to under `strategy`.
pub fn module_of(o: &Op, strategy: OpenapiModuleStrategy, ov: Option<&OpenapiOverrides>) -> String {
    let default = ov.and_then(|o| o.modules.default.clone()).unwrap_or_else(|| "index".into());
    let map = |s: &str| -> String { ov.and_then(|o| o.modules.map.get(s).cloned()).unwrap_or_else(|| naming::module_name(s)) };
    if strategy == OpenapiModuleStrategy::Single {
        return default;
    }
    if let Some(g) = &o.gvk {
        return format!("{}/{}", naming::k8s_group(&g.group), g.version);
    }
    if strategy == OpenapiModuleStrategy::Tag {
        if let Some(t) = o.op.tags.first().filter(|t| t.chars().any(char::is_alphanumeric)) {
            return map(t);
        }
    }
    // Azure-style paths name the resource type after `providers/{namespace}`.
    let segs: Vec<&str> = o.path.split('/').collect();
    let start = segs.iter().position(|s| *s == "providers").map(|i| i + 2).unwrap_or(0);
    match segs.iter().skip(start).find(|s| !s.is_empty() && param_segment(s).is_none() && !naming::is_version(s) && !matches!(**s, "api" | "apis")) {
        Some(seg) if seg.chars().any(char::is_alphanumeric) => map(seg),
        _ => default,
    }
}

/// Qualifies colliding names (same module, same name) with their parent segments, then
/// numbers whatever still collides. Deterministic: plans are in path order.
fn dedupe_names(plans: &mut [Plan]) {
    for round in 0..3 {
        let mut count: BTreeMap<(String, String), usize> = BTreeMap::new();
        for p in plans.iter() {
            *count.entry((p.module.clone(), p.name.to_ascii_lowercase())).or_default() += 1;
        }
        let mut changed = false;
        for p in plans.iter_mut() {
            if count[&(p.module.clone(), p.name.to_ascii_lowercase())] > 1 && p.rule != Rule::Override && p.gvk.is_none() {
                if let Some(q) = p.qualifiers.pop() {
                    p.name = format!("{}{}", naming::resource_name(&q), p.name);
                    changed = true;
                }
            }
        }
        if !changed || round == 2 {
            break;
        }
    }
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for p in plans.iter_mut() {
        let n = seen.entry((p.module.clone(), p.name.to_ascii_lowercase())).or_default();
        *n += 1;
        if *n > 1 {
            p.name = format!("{}{}", p.name, n);
        }
    }
}

//! Provider-scale packages: when one Go package's types and resources would cost the compiler
//! more than a budget, they move to internal packages, and the public package re-exports
//! every name: a type alias per type (a constant per enum value), a one-line function for
//! `XPtr`, `NewX` and `GetX`. Go compiles one package at a time, so compiler memory follows
//! the largest package; aliases are free at the call site, so import paths, names and type
//! identity stay what they were.
//!
//! The cut ([`place`]): a package splits when the estimated weight of its types and resources
//! (functions and methods their files will declare, the unit compiler memory follows) passes
//! the budget. Its enums (and the deep builtin containers its packages spell) go to a base
//! package, `<dir>/internal/types0`, which imports nothing of the package. Its object types
//! are ordered along their references, strongly connected components (types that refer to
//! each other) kept whole and dependencies first, and packed in that order into
//! `<dir>/internal/types1`, `types2`, …: each internal package refers only to earlier ones,
//! so the import graph has no cycle by construction. Its resources (never the provider) are
//! packed in token order into `<dir>/internal/resources1`, `resources2`, …, which import
//! only the type packages; the public package keeps a file per resource re-exporting it, and
//! `init.go` (registration happens once, in the public package). IR alias types stay in the
//! public package (nothing references an alias; the IR points every use at the canonical
//! type).
//!
//! Not split: a package whose types refer to one of its own resources (the internal package
//! would import its public package), and a package that already has a module under
//! `<dir>/internal/`. A package whose resources refer to each other keeps its resources
//! and splits only when its types alone pass the budget.

use super::names::Module;
use crate::backends::sdk::{MemberId, Members};
use crate::ir::{Package, Resource, Token, TypeDef, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// Default budget per package, in estimated functions and methods of its types and
/// resources: about
/// 1.3 GB of `go build` memory (measured on AWS 5.100.0: a package of 24,000 estimated
/// functions peaked at 4.7 GB, with a floor of about 0.25 GB for any package importing the
/// Pulumi SDK). Set `language.go.maxPackageFunctions` to change it.
pub const DEFAULT_BUDGET: usize = 6000;

/// How one public package's types are spread over its internal packages.
#[derive(Debug, Clone, Default)]
pub struct Split {
    /// The internal package holding the enums and the deep builtin containers.
    pub base: String,
    /// Every internal package: the base, the other type packages in dependency order, then
    /// the resource packages.
    pub parts: Vec<String>,
}

/// Which packages' types live in internal packages, and where each moved type is defined.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Public package directory → its split.
    pub splits: BTreeMap<String, Split>,
    /// Internal package directory → the public package it serves.
    homes: BTreeMap<String, String>,
    /// Internal package directory → the enums and objects it defines, in token order.
    pub members: BTreeMap<String, Members>,
    /// Moved type → the internal package defining it.
    pub defs: BTreeMap<Token, String>,
    /// Moved resource → the internal package defining it.
    pub resources: BTreeMap<MemberId, String>,
}

impl Placement {
    /// No package split.
    pub const NONE: Placement =
        Placement { splits: BTreeMap::new(), homes: BTreeMap::new(), members: BTreeMap::new(), defs: BTreeMap::new(), resources: BTreeMap::new() };

    /// The public package `dir` serves: itself, unless it is an internal package of a split.
    pub fn home_of<'d>(&'d self, dir: &'d str) -> &'d str {
        self.homes.get(dir).map(String::as_str).unwrap_or(dir)
    }

    /// Where package `home`'s deep builtin containers are defined: its base internal package
    /// when it is split, else itself.
    pub fn base_of<'d>(&'d self, home: &'d str) -> &'d str {
        self.splits.get(home).map(|s| s.base.as_str()).unwrap_or(home)
    }
}

/// The estimated functions and methods of an object type with `props` properties (its
/// `Args`/`Output` methods and two per accessor; as many again with a `Ptr` form) plus its
/// `Array`/`Map` containers.
fn object_weight(props: usize, has_ptr: bool) -> usize {
    let base = 6 + 2 * props + 8;
    if has_ptr {
        base + 13 + 2 * props
    } else {
        base
    }
}

/// The estimated functions and methods of an enum type and its containers.
const ENUM_WEIGHT: usize = 36;

/// The estimated functions and methods of a resource's file: `NewX`/`GetX`, the
/// `ElementType`s, `ToXOutput`s and containers (about 30), an accessor per output (a method
/// and its closure), and its args and state structs (a field costs the compiler about half
/// a function).
fn resource_weight(r: &Resource) -> usize {
    let state = r.state_inputs.as_ref().map_or(r.outputs.len(), Vec::len);
    30 + 2 * r.outputs.len() + (2 * r.inputs.len() + state) / 2
}

/// Decides which packages split and how, before any name is claimed (names are claimed in
/// the public package's scope either way).
pub fn place(pkg: &Package, modules: &BTreeMap<String, Module>, ptr_needed: &BTreeSet<Token>, budget: usize) -> Placement {
    let mut placement = Placement::default();
    let budget = budget.max(1);
    for (dir, m) in modules {
        let canonical: Vec<&Token> = m.members.objects.iter().filter(|t| matches!(pkg.types.get(t), Some(TypeDef::Object(o)) if o.alias_of.is_none())).collect();
        let weight_of = |t: &Token| match pkg.types.get(t) {
            Some(TypeDef::Object(o)) => object_weight(o.properties.len(), ptr_needed.contains(t)),
            _ => ENUM_WEIGHT,
        };
        let types: usize = canonical.iter().map(|t| weight_of(t)).sum::<usize>() + ENUM_WEIGHT * m.members.enums.len();
        let movable: Vec<(MemberId, &Resource)> = m.members.resources.iter().filter_map(|id| match id {
            MemberId::Resource(i) => pkg.resources.get(*i).map(|r| (*id, r)),
            MemberId::Provider => None,
        }).collect();
        let resources: usize = movable.iter().map(|(_, r)| resource_weight(r)).sum();
        let move_resources = !movable.is_empty() && !refer_to_each_other(&movable);
        let over = if move_resources { types + resources } else { types };
        if over <= budget || !splittable(pkg, dir, &m.members, modules) {
            continue;
        }
        let prefix = if dir.is_empty() { "internal".to_string() } else { format!("{dir}/internal") };
        let order = dependency_order(pkg, &canonical);
        let base = format!("{prefix}/types0");
        let mut parts: Vec<(String, Members)> = vec![(base.clone(), Members { enums: m.members.enums.clone(), ..Default::default() })];
        let mut load = budget; // the first component opens part 1
        for component in order {
            let w: usize = component.iter().map(|t| weight_of(t)).sum();
            if load + w > budget && load > 0 {
                parts.push((format!("{prefix}/types{}", parts.len()), Members::default()));
                load = 0;
            }
            load += w;
            let last = &mut parts.last_mut().expect("a part is open").1;
            last.objects.extend(component.into_iter().cloned());
        }
        for (part, members) in &mut parts {
            members.objects.sort();
            for t in members.objects.iter().chain(&members.enums) {
                placement.defs.insert(t.clone(), part.clone());
            }
        }
        if move_resources {
            let mut sorted = movable;
            sorted.sort_by(|a, b| a.1.token.cmp(&b.1.token));
            let mut load = budget;
            let mut n = 0;
            for (id, r) in sorted {
                let w = resource_weight(r);
                if load + w > budget && load > 0 {
                    n += 1;
                    // A resource part's members stay empty: its resources are planned one by
                    // one, and registered by the public package's `init.go`.
                    parts.push((format!("{prefix}/resources{n}"), Members::default()));
                    load = 0;
                }
                load += w;
                placement.resources.insert(id, parts.last().expect("a part is open").0.clone());
            }
        }
        for (part, _) in &parts {
            placement.homes.insert(part.clone(), dir.clone());
        }
        placement.splits.insert(dir.clone(), Split { base, parts: parts.iter().map(|(p, _)| p.clone()).collect() });
        placement.members.extend(parts);
    }
    placement
}

/// A package can split unless its types refer to its own resources or a module already
/// lives under its `internal/`.
fn splittable(pkg: &Package, dir: &str, members: &Members, modules: &BTreeMap<String, Module>) -> bool {
    let prefix = if dir.is_empty() { "internal/".to_string() } else { format!("{dir}/internal/") };
    if modules.keys().any(|d| d.starts_with(&prefix)) {
        return false;
    }
    let own: BTreeSet<&Token> = members.resources.iter().filter_map(|id| match id {
        crate::backends::sdk::MemberId::Resource(i) => pkg.resources.get(*i).map(|r| &r.token),
        crate::backends::sdk::MemberId::Provider => None,
    }).collect();
    !members.objects.iter().any(|t| match pkg.types.get(t) {
        Some(TypeDef::Object(o)) => o.properties.iter().any(|p| refers_to_resource(&p.ty, &own)),
        _ => false,
    })
}

/// Does a resource refer to another of `resources` (the resource packages would import each
/// other in any order)?
fn refer_to_each_other(resources: &[(MemberId, &Resource)]) -> bool {
    let own: BTreeSet<&Token> = resources.iter().map(|(_, r)| &r.token).collect();
    resources.iter().any(|(_, r)| {
        let state = r.state_inputs.as_deref().unwrap_or(&[]);
        r.inputs.iter().chain(&r.outputs).chain(state).any(|p| refers_to_resource(&p.ty, &own))
    })
}

fn refers_to_resource(ty: &TypeRef, own: &BTreeSet<&Token>) -> bool {
    match ty {
        TypeRef::Resource { token } => own.contains(token),
        TypeRef::Array { items } => refers_to_resource(items, own),
        TypeRef::Map { values } => refers_to_resource(values, own),
        _ => false,
    }
}

/// The objects' strongly connected components (Tarjan), dependencies first: every
/// component refers only to itself and to components before it. Deterministic: nodes are
/// visited in token order, edges in property order.
fn dependency_order<'t>(pkg: &Package, objects: &[&'t Token]) -> Vec<Vec<&'t Token>> {
    let index: BTreeMap<&Token, usize> = objects.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let edges: Vec<Vec<usize>> = objects
        .iter()
        .map(|t| {
            let mut out = Vec::new();
            if let Some(TypeDef::Object(o)) = pkg.types.get(*t) {
                for p in o.properties.iter() {
                    named_in(&p.ty, &mut |n| {
                        if let Some(&j) = index.get(n) {
                            out.push(j);
                        }
                    });
                }
            }
            out
        })
        .collect();
    let mut t = Tarjan { edges: &edges, next: 0, index: vec![usize::MAX; objects.len()], low: vec![0; objects.len()], on_stack: vec![false; objects.len()], stack: Vec::new(), out: Vec::new() };
    for v in 0..objects.len() {
        if t.index[v] == usize::MAX {
            t.visit(v);
        }
    }
    t.out.into_iter().map(|c| c.into_iter().map(|i| objects[i]).collect()).collect()
}

/// Calls `f` with every named type `ty` mentions.
fn named_in(ty: &TypeRef, f: &mut impl FnMut(&Token)) {
    match ty {
        TypeRef::Named { token } => f(token),
        TypeRef::Array { items } => named_in(items, f),
        TypeRef::Map { values } => named_in(values, f),
        _ => {}
    }
}

/// Tarjan's algorithm: components come out in reverse topological order of the condensation,
/// that is, every component after the components it refers to.
struct Tarjan<'e> {
    edges: &'e [Vec<usize>],
    next: usize,
    index: Vec<usize>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    out: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    /// Visits everything reachable from `root`. Iterative, with the recursion's frames
    /// (node, next edge) on a heap stack: a schema's chain of nested types can be longer
    /// than any thread's stack.
    fn visit(&mut self, root: usize) {
        let mut frames: Vec<(usize, usize)> = Vec::new();
        self.open(root);
        frames.push((root, 0));
        while let Some(top) = frames.len().checked_sub(1) {
            let (v, next) = frames[top];
            if let Some(&w) = self.edges[v].get(next) {
                frames[top].1 += 1;
                if self.index[w] == usize::MAX {
                    self.open(w);
                    frames.push((w, 0));
                } else if self.on_stack[w] {
                    self.low[v] = self.low[v].min(self.index[w]);
                }
                continue;
            }
            frames.pop();
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                self.out.push(component);
            }
            if let Some(&(parent, _)) = frames.last() {
                self.low[parent] = self.low[parent].min(self.low[v]);
            }
        }
    }

    fn open(&mut self, v: usize) {
        self.index[v] = self.next;
        self.low[v] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::go::names::Names;
    use crate::backends::go::settings::Settings;
    use crate::backends::sdk::{NameTable, Sdk};

    /// The resources' placement in a two-resource package at budget 1.
    fn moved(b_props: serde_json::Value) -> Vec<String> {
        let schema = serde_json::json!({
            "name": "x",
            "types": {"x:index:T": {"type": "object", "properties": {"v": {"type": "string"}}}},
            "resources": {
                "x:index:A": {"properties": {"t": {"$ref": "#/types/x:index:T"}}},
                "x:index:B": {"properties": b_props}
            }
        });
        let pkg = crate::frontends::load_bytes(schema.to_string().as_bytes(), "s.json", None, &Default::default()).expect("the schema loads").remove(0).package;
        let sdk = Sdk::new(&pkg);
        let names = Names::build(&sdk, &Settings { max_package_functions: Some(1), ..Settings::default() }).expect("names");
        names.placement.resources.values().cloned().collect()
    }

    #[test]
    fn resources_move_unless_they_refer_to_each_other() {
        assert_eq!(moved(serde_json::json!({"n": {"type": "string"}})), vec!["internal/resources1", "internal/resources2"]);
        assert!(moved(serde_json::json!({"a": {"$ref": "#/resources/x:index:A"}})).is_empty());
    }

    #[test]
    fn components_come_dependencies_first_and_cycles_stay_whole() {
        // 0 → 1 → 2 → 1 (a cycle), 3 → 0, 4 alone.
        let edges = vec![vec![1], vec![2], vec![1], vec![0], vec![]];
        let mut t = Tarjan { edges: &edges, next: 0, index: vec![usize::MAX; 5], low: vec![0; 5], on_stack: vec![false; 5], stack: Vec::new(), out: Vec::new() };
        for v in 0..5 {
            if t.index[v] == usize::MAX {
                t.visit(v);
            }
        }
        assert_eq!(t.out, vec![vec![1, 2], vec![0], vec![3], vec![4]]);
    }

    #[test]
    fn a_chain_longer_than_any_stack_is_ordered() {
        // 0 → 1 → … → n-1, and n-1 → 0 closing one giant cycle in a second graph.
        let n = 300_000;
        let chain: Vec<Vec<usize>> = (0..n).map(|i| if i + 1 < n { vec![i + 1] } else { vec![] }).collect();
        let mut t = Tarjan { edges: &chain, next: 0, index: vec![usize::MAX; n], low: vec![0; n], on_stack: vec![false; n], stack: Vec::new(), out: Vec::new() };
        t.visit(0);
        assert_eq!(t.out.len(), n);
        assert_eq!(t.out[0], vec![n - 1], "the deepest dependency comes first");
        let mut ring = chain.clone();
        ring[n - 1].push(0);
        let mut t = Tarjan { edges: &ring, next: 0, index: vec![usize::MAX; n], low: vec![0; n], on_stack: vec![false; n], stack: Vec::new(), out: Vec::new() };
        t.visit(0);
        assert_eq!(t.out, vec![(0..n).collect::<Vec<_>>()]);
    }
}

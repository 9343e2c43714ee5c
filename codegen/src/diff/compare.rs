//! The walk that compares two IR packages and emits [`Change`]s by rule.
//!
//! Members are matched by token without its package segment (`module:Name`), so a renamed
//! package still lines up. A member that disappears under one token and appears under
//! another with the same Terraform type (or, failing that, the same name) is a move, not a
//! removal plus an addition. Named object types are compared by shape where their tokens
//! differ: Terraform-bridged packages share one type among identical nested blocks, and
//! which token is canonical can change between versions without any property changing.

use super::rules::{self, Rule};
use crate::pulumi_form::primitive_name as primitive;
use super::{Change, Subject};
use crate::ir::{
    EnumType, Function, FunctionResult, Lifecycle, ObjectType, Package, Primitive, Property, Resource,
    Token, TypeDef, TypeRef,
};
use std::collections::{BTreeMap, BTreeSet};

/// How deep two named object types are compared by shape before they count as different.
const SHAPE_DEPTH: usize = 6;

/// A token without its package: what matches members across versions.
fn key(t: &Token) -> String {
    format!("{}:{}", t.module, t.name)
}

struct Walk<'a> {
    old: &'a Package,
    new: &'a Package,
    out: Vec<Change>,
}

/// Every change from `old` to `new`, sorted by subject, then path, then rule.
pub fn compare(old: &Package, new: &Package) -> Vec<Change> {
    let mut w = Walk { old, new, out: Vec::new() };
    if old.name != new.name {
        w.push(&rules::PACKAGE_RENAMED, Subject::Package, &new.name, "", format!("{} → {}", old.name, new.name));
    }
    w.config();
    w.provider();
    w.resources();
    w.functions();
    w.types();
    w.out.sort_by(|a, b| {
        (a.kind, &a.subject, &a.path, a.rule.id).cmp(&(b.kind, &b.subject, &b.path, b.rule.id))
    });
    w.out.dedup_by(|a, b| a.kind == b.kind && a.subject == b.subject && a.path == b.path && a.rule.id == b.rule.id);
    w.out
}

/// Which rules a property list answers to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Input,
    Output,
    Config,
}

impl<'a> Walk<'a> {
    fn push(&mut self, rule: &'static Rule, kind: Subject, subject: &str, path: &str, detail: String) {
        self.out.push(Change { rule, kind, subject: subject.to_string(), path: path.to_string(), detail, language: None });
    }

    fn config(&mut self) {
        let (old, new) = (&self.old.config, &self.new.config);
        let name = self.new.name.clone();
        self.properties(Subject::Config, &name, "", old, new, Side::Config);
    }

    fn provider(&mut self) {
        let (old, new) = (&self.old.provider, &self.new.provider);
        let name = self.new.name.clone();
        self.deprecation(Subject::Provider, &name, "", &old.deprecation, &new.deprecation);
    }

    /// Pairs members of one kind across the versions, reports removals, moves and
    /// additions by `[removed, moved, added]`, and returns the pairs to compare in depth
    /// (moved members included).
    fn pair<'b, T: Member>(&mut self, kind: Subject, old: &'b [T], new: &'b [T], [removed, moved, added]: [&'static Rule; 3]) -> Vec<(&'b T, &'b T)> {
        let old: BTreeMap<String, &T> = old.iter().map(|m| (key(m.token()), m)).collect();
        let new: BTreeMap<String, &T> = new.iter().map(|m| (key(m.token()), m)).collect();
        let tf = |m: &T| match m.lifecycle() {
            Some(Lifecycle::Terraform { type_name }) => Some(type_name.clone()),
            _ => None,
        };
        let pairs = matched(&old, &new, tf, |m| plain_name(m.token()));
        for (o, _) in pairs.removed {
            self.push(removed, kind, &o.token().to_string(), "", String::new());
        }
        for (o, n) in &pairs.moved {
            self.push(moved, kind, &n.token().to_string(), "", format!("{} → {}", o.token(), n.token()));
        }
        for n in pairs.added {
            self.push(added, kind, &n.token().to_string(), "", String::new());
        }
        pairs.both.into_iter().chain(pairs.moved).collect()
    }

    fn resources(&mut self) {
        let rules = [&rules::RESOURCE_REMOVED, &rules::RESOURCE_MOVED, &rules::RESOURCE_ADDED];
        for (o, n) in self.pair(Subject::Resource, &self.old.resources, &self.new.resources, rules) {
            let s = n.token.to_string();
            self.properties(Subject::Resource, &s, "inputs.", &o.inputs, &n.inputs, Side::Input);
            // Outputs repeat the inputs: their secrecy and deprecation are reported once,
            // under `inputs.`; removal and optionality are the outputs' own.
            let inputs: BTreeSet<&str> = n.inputs.iter().map(|p| p.name.wire.as_str()).collect();
            self.properties_except(Subject::Resource, &s, "outputs.", &o.outputs, &n.outputs, Side::Output, &inputs);
            self.deprecation(Subject::Resource, &s, "", &o.deprecation, &n.deprecation);
        }
    }

    fn functions(&mut self) {
        let rules = [&rules::FUNCTION_REMOVED, &rules::FUNCTION_MOVED, &rules::FUNCTION_ADDED];
        for (o, n) in self.pair(Subject::Function, &self.old.functions, &self.new.functions, rules) {
            let s = n.token.to_string();
            let empty = Vec::new();
            let args = |f: &'a Function| f.inputs.as_ref().map_or(&empty, |i| &i.properties);
            let (oi, ni) = (args(o), args(n));
            if o.inputs.is_some() != n.inputs.is_some() {
                let what = if n.inputs.is_some() { "no arguments → arguments" } else { "arguments → no arguments" };
                self.push(&rules::FUNCTION_SIGNATURE_CHANGED, Subject::Function, &s, "args", what.to_string());
            }
            self.properties(Subject::Function, &s, "args.", oi, ni, Side::Input);
            match (&o.outputs, &n.outputs) {
                (Some(FunctionResult::Object { shape: a }), Some(FunctionResult::Object { shape: b })) => {
                    self.properties(Subject::Function, &s, "result.", &a.properties, &b.properties, Side::Output);
                }
                (a, b) => {
                    let ty = |r: &Option<FunctionResult>| match r {
                        Some(FunctionResult::Value { ty, .. }) => describe(ty),
                        Some(FunctionResult::Object { .. }) => "object".to_string(),
                        None => "nothing".to_string(),
                    };
                    let (a, b) = (ty(a), ty(b));
                    if a != b {
                        self.push(&rules::TYPE_CHANGED, Subject::Function, &s, "result", format!("{a} → {b}"));
                    }
                }
            }
            self.deprecation(Subject::Function, &s, "", &o.deprecation, &n.deprecation);
        }
    }

    fn types(&mut self) {
        let old: BTreeMap<String, &TypeDef> = self.old.types.values().map(|t| (key(t.token()), t)).collect();
        let new: BTreeMap<String, &TypeDef> = self.new.types.values().map(|t| (key(t.token()), t)).collect();
        // A type that comes or goes with its member is part of that member's addition or
        // removal; types reachable from members in both versions are reported.
        let kept = |p: &Package, q: &Package| {
            let members: BTreeSet<String> = q.resources.iter().map(|r| key(&r.token)).chain(q.functions.iter().map(|f| key(&f.token))).collect();
            reachable(p, |k| members.contains(k))
        };
        // A type nothing references is public on its own (every SDK still emits it), so its
        // removal or addition is reported for itself.
        let orphans = |p: &Package| {
            let used = reachable(p, |_| true);
            p.types.values().map(|t| key(t.token())).filter(|k| !used.contains(k)).collect::<BTreeSet<String>>()
        };
        let old_kept: BTreeSet<String> = kept(self.old, self.new).into_iter().chain(orphans(self.old)).collect();
        let new_kept: BTreeSet<String> = kept(self.new, self.old).into_iter().chain(orphans(self.new)).collect();
        for (k, o) in &old {
            let s = o.token().to_string();
            match new.get(k) {
                None if !old_kept.contains(k) => {}
                None => self.push(&rules::TYPE_REMOVED, Subject::Type, &s, "", String::new()),
                Some(TypeDef::Object(n)) => match o {
                    TypeDef::Object(o) => self.object(o, n),
                    TypeDef::Enum(_) => self.push(&rules::TYPE_KIND_CHANGED, Subject::Type, &s, "", "enum → object".into()),
                },
                Some(TypeDef::Enum(n)) => match o {
                    TypeDef::Enum(o) => self.enumeration(o, n),
                    TypeDef::Object(_) => self.push(&rules::TYPE_KIND_CHANGED, Subject::Type, &s, "", "object → enum".into()),
                },
            }
        }
        for (k, n) in &new {
            if !old.contains_key(k) && new_kept.contains(k) {
                self.push(&rules::TYPE_ADDED, Subject::Type, &n.token().to_string(), "", String::new());
            }
        }
    }

    fn object(&mut self, o: &ObjectType, n: &ObjectType) {
        // An alias shares its canonical type's properties: their changes are reported once,
        // on the canonical type.
        if n.alias_of.is_some() && o.alias_of.is_some() {
            return;
        }
        let s = n.token.to_string();
        // A type used in inputs answers to the input rules (a new required property breaks
        // programs); one used only in outputs, to the output rules.
        let side = if n.usage.input || !n.usage.output { Side::Input } else { Side::Output };
        self.properties(Subject::Type, &s, "", &o.properties, &n.properties, side);
        if side == Side::Input && n.usage.output {
            // Read back as an output too: a property that may now be absent breaks readers.
            for np in n.properties.iter().filter(|p| !p.required) {
                if o.properties.iter().any(|op| op.name.wire == np.name.wire && op.required) {
                    self.push(&rules::OUTPUT_BECAME_OPTIONAL, Subject::Type, &s, &np.name.wire, String::new());
                }
            }
        }
    }

    fn enumeration(&mut self, o: &EnumType, n: &EnumType) {
        let s = n.token.to_string();
        let values = |e: &EnumType| -> BTreeSet<String> { e.values.iter().map(|v| v.value.to_string()).collect() };
        let (ov, nv) = (values(o), values(n));
        for v in ov.difference(&nv) {
            self.push(&rules::ENUM_VALUE_REMOVED, Subject::Type, &s, &format!("values.{v}"), String::new());
        }
        for v in nv.difference(&ov) {
            self.push(&rules::ENUM_VALUE_ADDED, Subject::Type, &s, &format!("values.{v}"), String::new());
        }
        if o.primitive != n.primitive {
            self.push(&rules::TYPE_CHANGED, Subject::Type, &s, "", format!("{} enum → {} enum", primitive(o.primitive), primitive(n.primitive)));
        }
    }

    fn deprecation(&mut self, kind: Subject, s: &str, path: &str, o: &Option<String>, n: &Option<String>) {
        match (o, n) {
            (None, Some(msg)) => self.push(&rules::DEPRECATED, kind, s, path, first_line(msg)),
            (Some(_), None) => self.push(&rules::UNDEPRECATED, kind, s, path, String::new()),
            _ => {}
        }
    }

    /// One property list against another, by wire name, under the rules of `side`.
    fn properties(&mut self, kind: Subject, s: &str, prefix: &str, old: &[Property], new: &[Property], side: Side) {
        self.properties_except(kind, s, prefix, old, new, side, &BTreeSet::new());
    }

    /// [`Self::properties`], leaving secrecy and deprecation of the `shadowed` names to
    /// another list (a resource's outputs repeat its inputs).
    #[allow(clippy::too_many_arguments)]
    fn properties_except(
        &mut self,
        kind: Subject,
        s: &str,
        prefix: &str,
        old: &[Property],
        new: &[Property],
        side: Side,
        shadowed: &BTreeSet<&str>,
    ) {
        let o: BTreeMap<&str, &Property> = old.iter().map(|p| (p.name.wire.as_str(), p)).collect();
        let n: BTreeMap<&str, &Property> = new.iter().map(|p| (p.name.wire.as_str(), p)).collect();
        for (name, op) in &o {
            let path = format!("{prefix}{name}");
            let Some(np) = n.get(name) else {
                let rule = match side {
                    Side::Input => &rules::INPUT_REMOVED,
                    Side::Output => &rules::OUTPUT_REMOVED,
                    Side::Config => &rules::CONFIG_REMOVED,
                };
                self.push(rule, kind, s, &path, String::new());
                continue;
            };
            if let Some((rule, detail)) = type_change(self.old, &op.ty, self.new, &np.ty) {
                self.push(rule, kind, s, &path, detail);
            }
            match (side, op.required, np.required) {
                (Side::Input, false, true) => self.push(&rules::INPUT_BECAME_REQUIRED, kind, s, &path, String::new()),
                (Side::Input, true, false) => self.push(&rules::INPUT_BECAME_OPTIONAL, kind, s, &path, String::new()),
                (Side::Output, true, false) => self.push(&rules::OUTPUT_BECAME_OPTIONAL, kind, s, &path, String::new()),
                (Side::Output, false, true) => self.push(&rules::OUTPUT_BECAME_REQUIRED, kind, s, &path, String::new()),
                (Side::Config, false, true) => self.push(&rules::CONFIG_BECAME_REQUIRED, kind, s, &path, String::new()),
                _ => {}
            }
            if !shadowed.contains(name) {
                match (op.secret, np.secret) {
                    (false, true) => self.push(&rules::BECAME_SECRET, kind, s, &path, String::new()),
                    (true, false) => self.push(&rules::NO_LONGER_SECRET, kind, s, &path, String::new()),
                    _ => {}
                }
                self.deprecation(kind, s, &path, &op.deprecation, &np.deprecation);
            }
            if side == Side::Input {
                let replaces = |p: &Property| p.replace_on_changes || p.will_replace_on_changes;
                match (replaces(op), replaces(np)) {
                    (false, true) => self.push(&rules::BECAME_REPLACE_ON_CHANGE, kind, s, &path, String::new()),
                    (true, false) => self.push(&rules::NO_LONGER_REPLACE_ON_CHANGE, kind, s, &path, String::new()),
                    _ => {}
                }
            }
        }
        for (name, np) in &n {
            if o.contains_key(name) {
                continue;
            }
            let rule = match (side, np.required) {
                (Side::Input, true) => &rules::INPUT_ADDED_REQUIRED,
                (Side::Input, false) => &rules::INPUT_ADDED,
                (Side::Output, _) => &rules::OUTPUT_ADDED,
                (Side::Config, true) => &rules::CONFIG_ADDED_REQUIRED,
                (Side::Config, false) => &rules::CONFIG_ADDED,
            };
            self.push(rule, kind, s, &format!("{prefix}{name}"), describe(&np.ty));
        }
    }
}

/// Keys of the named types reachable from the config, the provider, and the resources and
/// functions whose key `member` accepts (aliases count with their canonical type).
fn reachable(pkg: &Package, member: impl Fn(&str) -> bool) -> BTreeSet<String> {
    let mut stack: Vec<&TypeRef> = pkg.config.iter().chain(&pkg.provider.inputs).map(|p| &p.ty).collect();
    for r in pkg.resources.iter().filter(|r| member(&key(&r.token))) {
        stack.extend(r.inputs.iter().chain(&r.outputs).chain(r.state_inputs.iter().flatten()).map(|p| &p.ty));
    }
    for f in pkg.functions.iter().filter(|f| member(&key(&f.token))) {
        stack.extend(f.inputs.iter().flat_map(|i| &i.properties).map(|p| &p.ty));
        match &f.outputs {
            Some(FunctionResult::Object { shape }) => stack.extend(shape.properties.iter().map(|p| &p.ty)),
            Some(FunctionResult::Value { ty, .. }) => stack.push(ty),
            None => {}
        }
    }
    let mut seen: BTreeSet<String> = BTreeSet::new();
    while let Some(t) = stack.pop() {
        match t {
            TypeRef::Array { items } => stack.push(items),
            TypeRef::Map { values } => stack.push(values),
            TypeRef::Union { types, .. } => stack.extend(types),
            TypeRef::Named { token } if seen.insert(key(token)) => {
                if let Some(TypeDef::Object(o)) = pkg.types.get(token) {
                    stack.extend(o.properties.iter().map(|p| &p.ty));
                }
            }
            _ => {}
        }
    }
    // An alias is public wherever its canonical type is.
    for t in pkg.types.values() {
        if let TypeDef::Object(ObjectType { alias_of: Some(canonical), token, .. }) = t {
            if seen.contains(&key(canonical)) {
                seen.insert(key(token));
            }
        }
    }
    seen
}

/// A member's name for pairing moves: lower case, without the package's own name as a
/// prefix (`random:index:RandomId` and `random:index/id:Id` are the same resource named by
/// two tools), nor a function's `get`.
fn plain_name(t: &Token) -> String {
    let name = t.name.to_ascii_lowercase();
    let name = name.strip_prefix("get").filter(|n| !n.is_empty()).unwrap_or(&name);
    let pkg = t.package.to_ascii_lowercase().replace(['-', '_'], "");
    name.strip_prefix(pkg.as_str()).filter(|n| !n.is_empty()).unwrap_or(name).to_string()
}

/// What pairing needs of a resource or a function.
trait Member {
    fn token(&self) -> &Token;
    fn lifecycle(&self) -> Option<&Lifecycle>;
}

impl Member for Resource {
    fn token(&self) -> &Token {
        &self.token
    }
    fn lifecycle(&self) -> Option<&Lifecycle> {
        self.lifecycle.as_ref()
    }
}

impl Member for Function {
    fn token(&self) -> &Token {
        &self.token
    }
    fn lifecycle(&self) -> Option<&Lifecycle> {
        self.lifecycle.as_ref()
    }
}

/// Members of two versions, paired.
struct Pairs<'a, T> {
    both: Vec<(&'a T, &'a T)>,
    moved: Vec<(&'a T, &'a T)>,
    removed: Vec<(&'a T, ())>,
    added: Vec<&'a T>,
}

/// Pairs members by key; of the rest, a removed and an added member with the same native
/// identity (`native`, e.g. the Terraform type), or else the same name, are one member moved.
fn matched<'a, T>(
    old: &BTreeMap<String, &'a T>,
    new: &BTreeMap<String, &'a T>,
    native: impl Fn(&T) -> Option<String>,
    name: impl Fn(&T) -> String,
) -> Pairs<'a, T> {
    let mut pairs = Pairs { both: Vec::new(), moved: Vec::new(), removed: Vec::new(), added: Vec::new() };
    let mut gone: Vec<&'a T> = Vec::new();
    for (k, o) in old {
        match new.get(k) {
            Some(n) => pairs.both.push((*o, *n)),
            None => gone.push(*o),
        }
    }
    let mut fresh: Vec<&'a T> = new.iter().filter(|(k, _)| !old.contains_key(*k)).map(|(_, n)| *n).collect();
    for o in gone {
        let by_native = native(o).and_then(|id| fresh.iter().position(|n| native(n).as_deref() == Some(id.as_str())));
        let by_name = || {
            let mut same = fresh.iter().enumerate().filter(|(_, n)| name(n) == name(o));
            match (same.next(), same.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None, // ambiguous or absent: not a move
            }
        };
        match by_native.or_else(by_name) {
            Some(i) => pairs.moved.push((o, fresh.remove(i))),
            None => pairs.removed.push((o, ())),
        }
    }
    pairs.added = fresh;
    pairs
}

/// The rule a type change falls under, with "old → new", or `None` when users see no change.
fn type_change(op: &Package, o: &TypeRef, np: &Package, n: &TypeRef) -> Option<(&'static Rule, String)> {
    if same_type(op, o, np, n, SHAPE_DEPTH) {
        return None;
    }
    let detail = format!("{} → {}", describe(o), describe(n));
    let prim = |t: &TypeRef| match t {
        TypeRef::Primitive { primitive } => Some(*primitive),
        _ => None,
    };
    let rule = match (prim(o), prim(n)) {
        (Some(Primitive::Number), Some(Primitive::Integer)) => &rules::NUMBER_BECAME_INTEGER,
        (Some(Primitive::Integer), Some(Primitive::Number)) => &rules::INTEGER_BECAME_NUMBER,
        _ => &rules::TYPE_CHANGED,
    };
    let flip = match (o, n) {
        (TypeRef::Array { items }, named @ TypeRef::Named { .. }) => same_type(op, items, np, named, SHAPE_DEPTH),
        (named @ TypeRef::Named { .. }, TypeRef::Array { items }) => same_type(op, named, np, items, SHAPE_DEPTH),
        _ => false,
    };
    let hint = if flip { " (max-items-one: a list became an object or back; code and state change shape)" } else { "" };
    Some((rule, format!("{detail}{hint}")))
}

/// Whether users see the same type: structurally, named objects by shape when their
/// tokens differ (to `depth` levels).
fn same_type(op: &Package, o: &TypeRef, np: &Package, n: &TypeRef, depth: usize) -> bool {
    match (o, n) {
        (TypeRef::Primitive { primitive: a }, TypeRef::Primitive { primitive: b }) => a == b,
        (TypeRef::Array { items: a }, TypeRef::Array { items: b }) | (TypeRef::Map { values: a }, TypeRef::Map { values: b }) => {
            same_type(op, a, np, b, depth)
        }
        (TypeRef::Named { token: a }, TypeRef::Named { token: b }) => {
            if key(a) == key(b) {
                return true; // the type itself is compared on its own
            }
            match (op.types.get(a), np.types.get(b)) {
                (Some(TypeDef::Object(x)), Some(TypeDef::Object(y))) => depth > 0 && same_shape(op, x, np, y, depth - 1),
                (Some(TypeDef::Enum(x)), Some(TypeDef::Enum(y))) => {
                    x.primitive == y.primitive && x.values.iter().map(|v| &v.value).eq(y.values.iter().map(|v| &v.value))
                }
                _ => false,
            }
        }
        (TypeRef::Resource { token: a }, TypeRef::Resource { token: b }) => key(a) == key(b),
        (TypeRef::Union { types: a, .. }, TypeRef::Union { types: b, .. }) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_type(op, x, np, y, depth))
        }
        (TypeRef::Any, TypeRef::Any) | (TypeRef::Json, TypeRef::Json) | (TypeRef::Asset, TypeRef::Asset) | (TypeRef::Archive, TypeRef::Archive) => true,
        _ => false,
    }
}

fn same_shape(op: &Package, o: &ObjectType, np: &Package, n: &ObjectType, depth: usize) -> bool {
    o.properties.len() == n.properties.len()
        && o.properties.iter().zip(n.properties.iter()).all(|(a, b)| {
            a.name.wire == b.name.wire && a.required == b.required && same_type(op, &a.ty, np, &b.ty, depth)
        })
}

/// A type as the report spells it (language-neutral, Pulumi-schema words).
pub fn describe(t: &TypeRef) -> String {
    match t {
        TypeRef::Primitive { primitive: p } => primitive(*p).to_string(),
        TypeRef::Array { items } => format!("list<{}>", describe(items)),
        TypeRef::Map { values } => format!("map<{}>", describe(values)),
        TypeRef::Named { token } | TypeRef::Resource { token } => token.name.clone(),
        TypeRef::Union { types, .. } => types.iter().map(describe).collect::<Vec<_>>().join(" | "),
        TypeRef::Any => "any".into(),
        TypeRef::Json => "json".into(),
        TypeRef::Asset => "asset".into(),
        TypeRef::Archive => "archive".into(),
        TypeRef::Inline { .. } => "object".into(),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}

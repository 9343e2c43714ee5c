//! `PackageBuilder`: the one way to produce an [`ir::Package`](super::Package).
//!
//! Frontends add members in any order, with unnamed ([`TypeRef::Inline`]) objects where
//! their format has them. `finish()` then runs the passes in a fixed order: canonical
//! modules, naming of inline objects, duplicate and reference checks, name safety, usage
//! analysis and canonical ordering. All problems come back together, sorted.

use super::*;
use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Collects a package's members, then validates and freezes them with [`finish`](Self::finish).
pub struct PackageBuilder {
    name: String,
    version: Option<String>,
    meta: PackageMeta,
    source: SourceRef,
    config: Vec<Property>,
    provider: Option<Resource>,
    resources: Vec<Resource>,
    functions: Vec<Function>,
    types: Vec<TypeDef>,
    diags: Diagnostics,
}

/// The result of a successful `finish`: the package and its warnings.
pub struct Finished {
    pub package: Package,
    pub warnings: Diagnostics,
}

impl PackageBuilder {
    pub fn new(name: impl Into<String>, source: SourceRef) -> Self {
        PackageBuilder {
            name: name.into(),
            version: None,
            meta: PackageMeta { module_format: "(.*)".into(), ..Default::default() },
            source,
            config: Vec::new(),
            provider: None,
            resources: Vec::new(),
            functions: Vec::new(),
            types: Vec::new(),
            diags: Diagnostics::new(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn set_version(&mut self, version: Option<String>) {
        self.version = version;
    }
    pub fn meta_mut(&mut self) -> &mut PackageMeta {
        &mut self.meta
    }
    pub fn add_config(&mut self, p: Property) {
        self.config.push(p);
    }
    /// Sets the provider resource. Without one, `finish` derives it from `config`.
    pub fn set_provider(&mut self, r: Resource) {
        self.provider = Some(r);
    }
    pub fn add_resource(&mut self, r: Resource) {
        self.resources.push(r);
    }
    pub fn add_function(&mut self, f: Function) {
        self.functions.push(f);
    }
    pub fn add_type(&mut self, t: TypeDef) {
        self.types.push(t);
    }
    /// Records a frontend diagnostic (reported with the builder's own).
    pub fn diag(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
    pub fn has_errors(&self) -> bool {
        self.diags.has_errors()
    }

    /// Validates and freezes the package. On any error-level diagnostic, returns all
    /// diagnostics (errors and warnings, sorted) and no package.
    pub fn finish(self) -> Result<Finished, Diagnostics> {
        let PackageBuilder { name, version, meta, source, config, provider, resources, functions, types, mut diags } = self;

        check_package_name(&name, &source, &mut diags);

        let module_re = match Regex::new(&format!("^(?:{})$", meta.module_format)) {
            Ok(re) => re,
            Err(e) => {
                diags.push(
                    Diagnostic::error(source.child("meta").child("moduleFormat"), format!("moduleFormat is not a valid regular expression: {e}"))
                        .with_hint("use a regex whose first capture group is the module, e.g. `(.*)(?:/[^/]*)`"),
                );
                return Err(diags.sorted());
            }
        };
        let modules = ModuleMapper { re: module_re, default_format: meta.module_format == DEFAULT_MODULE_FORMAT, cache: Default::default() };

        let provider = provider.unwrap_or_else(|| {
            let mut r = Resource::new(Token::new("pulumi", "providers", name.clone()), source.child("provider"));
            r.is_provider = true;
            r.inputs = config.clone();
            r
        });

        let mut b = Binder {
            pkg: name.clone(),
            modules,
            types: BTreeMap::new(),
            diags,
            type_sources: BTreeMap::new(),
            shapes: Default::default(),
            named_inline: Default::default(),
        };

        for mut t in types {
            let token = t.token().clone();
            b.check_token(&token, &t_source(&t));
            let module = b.modules.module_of(&token, &name);
            match &mut t {
                TypeDef::Object(o) => o.module = module,
                TypeDef::Enum(e) => e.module = module,
            }
            if b.types.contains_key(&token) {
                b.diags.push(Diagnostic::error(t_source(&t), format!("duplicate type token `{token}`")).with_hint("every type token must be unique in a package"));
                continue;
            }
            b.type_sources.insert(token.clone(), t_source(&t));
            b.types.insert(token, t);
        }

        // Name inline objects declared inside named types first (their parents are fixed).
        let type_tokens: Vec<Token> = b.types.keys().cloned().collect();
        for token in type_tokens {
            let mut t = b.types.remove(&token).expect("present");
            if let TypeDef::Object(o) = &mut t {
                let parent = Parent { name: o.token.name.clone(), token: o.token.clone(), scope: ShapeScope::Type, top: true };
                b.name_properties(Arc::make_mut(&mut o.properties).as_mut_slice(), &parent);
            }
            b.types.insert(token, t);
        }

        let mut resources = resources;
        let mut seen = BTreeMap::new();
        for r in &mut resources {
            b.check_token(&r.token, &r.source);
            if let Some(prev) = seen.insert(r.token.clone(), r.source.clone()) {
                b.diags.push(Diagnostic::error(r.source.clone(), format!("duplicate resource token `{}` (also at {prev})", r.token)));
            }
            r.module = b.modules.module_of(&r.token, &name);
            b.name_resource(r);
        }
        let mut provider = provider;
        provider.module = "index".into();
        provider.is_provider = true;
        b.name_resource(&mut provider);

        // Method functions (Pulumi `methods`) are named `Resource/method`: the `/` is part
        // of the name, and targets generate them as members of the resource, not as files.
        let method_tokens: BTreeSet<Token> = resources.iter().chain(std::iter::once(&provider)).flat_map(|r| r.methods.values().cloned()).collect();
        let mut functions = functions;
        let mut seen = BTreeMap::new();
        for f in &mut functions {
            if method_tokens.contains(&f.token) {
                let mut t = f.token.clone();
                t.name = t.name.replace('/', "_");
                b.check_token(&t, &f.source);
            } else {
                b.check_token(&f.token, &f.source);
            }
            if let Some(prev) = seen.insert(f.token.clone(), f.source.clone()) {
                b.diags.push(Diagnostic::error(f.source.clone(), format!("duplicate function token `{}` (also at {prev})", f.token)));
            }
            f.module = b.modules.module_of(&f.token, &name);
            let parent = Parent { name: upper_first(&f.token.name), token: f.token.clone(), scope: ShapeScope::Function, top: true };
            if let Some(i) = &mut f.inputs {
                b.name_properties(&mut i.properties, &parent);
            }
            match &mut f.outputs {
                Some(FunctionResult::Object { shape }) => b.name_properties(&mut shape.properties, &parent),
                Some(FunctionResult::Value { ty, .. }) => {
                    let src = f.source.child("outputs");
                    b.name_type(ty, &parent, "Result", &src)
                }
                None => {}
            }
        }
        let mut config = config;
        let cfg_parent = Parent { name: "Config".into(), token: Token::new(name.clone(), "config", "Config"), scope: ShapeScope::Config, top: true };
        b.name_properties(&mut config, &cfg_parent);

        // References.
        // `#/provider` references resolve to the provider resource.
        let resource_tokens: BTreeSet<Token> = resources.iter().chain(std::iter::once(&provider)).map(|r| r.token.clone()).collect();
        {
            let check = |props: &[Property], b: &mut Binder| {
                for p in props {
                    b.check_refs(&p.ty, &resource_tokens, &p.source);
                    check_property_name(p, &mut b.diags);
                }
            };
            for r in resources.iter().chain(std::iter::once(&provider)) {
                check(&r.inputs, &mut b);
                check(&r.outputs, &mut b);
                if let Some(s) = &r.state_inputs {
                    check(s, &mut b);
                }
            }
            for f in &functions {
                if let Some(i) = &f.inputs {
                    check(&i.properties, &mut b);
                }
                match &f.outputs {
                    Some(FunctionResult::Object { shape }) => check(&shape.properties, &mut b),
                    Some(FunctionResult::Value { ty, .. }) => b.check_refs(ty, &resource_tokens, &f.source),
                    None => {}
                }
            }
            check(&config, &mut b);
            let objs: Vec<Arc<Vec<Property>>> = b
                .types
                .values()
                .filter_map(|t| if let TypeDef::Object(o) = t { Some(o.properties.clone()) } else { None })
                .collect();
            for props in objs {
                check(&props, &mut b);
            }
        }
        for t in b.types.values() {
            if let TypeDef::Enum(e) = t {
                if e.values.is_empty() {
                    b.diags.push(Diagnostic::error(e.source.clone(), format!("enum `{}` has no values", e.token)));
                }
            }
        }

        let Binder { mut types, diags, .. } = b;
        if diags.has_errors() {
            return Err(diags.sorted());
        }

        // Usage analysis.
        let mut usage: BTreeMap<Token, Usage> = BTreeMap::new();
        {
            let mark = |props: &[Property], input: bool, usage: &mut BTreeMap<Token, Usage>| {
                for p in props {
                    mark_usage(&p.ty, input, &types, usage);
                }
            };
            for r in resources.iter().chain(std::iter::once(&provider)) {
                mark(&r.inputs, true, &mut usage);
                mark(&r.outputs, false, &mut usage);
                if let Some(s) = &r.state_inputs {
                    mark(s, true, &mut usage);
                }
            }
            for f in &functions {
                if let Some(i) = &f.inputs {
                    mark(&i.properties, true, &mut usage);
                }
                match &f.outputs {
                    Some(FunctionResult::Object { shape }) => mark(&shape.properties, false, &mut usage),
                    Some(FunctionResult::Value { ty, .. }) => mark_usage(ty, false, &types, &mut usage),
                    None => {}
                }
            }
            mark(&config, false, &mut usage);
        }
        for (token, t) in types.iter_mut() {
            // Nothing references an alias; it is used wherever its canonical type is.
            let used_as = match t {
                TypeDef::Object(ObjectType { alias_of: Some(canonical), .. }) => canonical,
                _ => token,
            };
            let u = usage.get(used_as).copied().unwrap_or_default();
            match t {
                TypeDef::Object(o) => o.usage = u,
                TypeDef::Enum(e) => e.usage = u,
            }
        }

        // Canonical order.
        resources.sort_by(|a, b| a.token.cmp(&b.token));
        functions.sort_by(|a, b| a.token.cmp(&b.token));
        for r in resources.iter_mut().chain(std::iter::once(&mut provider)) {
            sort_props(&mut r.inputs);
            sort_props(&mut r.outputs);
            if let Some(s) = &mut r.state_inputs {
                sort_props(s);
            }
        }
        for f in &mut functions {
            if let Some(i) = &mut f.inputs {
                sort_props(&mut i.properties);
            }
            if let Some(FunctionResult::Object { shape }) = &mut f.outputs {
                sort_props(&mut shape.properties);
            }
        }
        for t in types.values_mut() {
            if let TypeDef::Object(o) = t {
                if o.alias_of.is_none() {
                    sort_props(Arc::make_mut(&mut o.properties).as_mut_slice());
                }
            }
        }
        // Aliases share their canonical type's (now sorted) property list again: sorting
        // gave each canonical type a list of its own.
        let shared: Vec<(Token, Arc<Vec<Property>>)> = types
            .values()
            .filter_map(|t| match t {
                TypeDef::Object(ObjectType { token, alias_of: Some(c), .. }) => match types.get(c) {
                    Some(TypeDef::Object(canonical)) => Some((token.clone(), canonical.properties.clone())),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        for (token, props) in shared {
            if let Some(TypeDef::Object(o)) = types.get_mut(&token) {
                o.properties = props;
            }
        }
        sort_props(&mut config);

        let mut module_set: BTreeSet<String> = BTreeSet::new();
        module_set.extend(resources.iter().map(|r| r.module.clone()));
        module_set.extend(functions.iter().map(|f| f.module.clone()));
        module_set.extend(types.values().map(|t| t.module().to_string()));

        let package = Package {
            name,
            version,
            meta,
            config,
            provider,
            resources,
            functions,
            types,
            modules: module_set.into_iter().collect(),
            source,
        };
        Ok(Finished { package, warnings: diags.sorted() })
    }
}

/// What makes two named inline objects interchangeable: module, docs and properties,
/// ignoring where in the source they were found. Nested objects are already named (and
/// canonical) when their parent is keyed, so equal subtrees compare equal by token.
fn shape_key(o: &ObjectType, scope: ShapeScope) -> String {
    let props: Vec<Property> = o
        .properties
        .iter()
        .map(|p| Property { source: SourceRef::default(), ..p.clone() })
        .collect();
    let body = serde_json::to_string(&props).expect("properties serialize");
    format!("{scope:?}\u{0}{}\u{0}{}\u{0}{}", o.module, o.docs.as_deref().unwrap_or(""), body)
}

/// Equal but for where each property was found.
fn same_ignoring_source(a: &[Property], b: &[Property]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Property { source: y.source.clone(), ..x.clone() } == *y)
}

fn t_source(t: &TypeDef) -> SourceRef {
    match t {
        TypeDef::Object(o) => o.source.clone(),
        TypeDef::Enum(e) => e.source.clone(),
    }
}

fn sort_props(props: &mut [Property]) {
    props.sort_by(|a, b| a.name.wire.cmp(&b.name.wire));
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn mark_usage(ty: &TypeRef, input: bool, types: &BTreeMap<Token, TypeDef>, usage: &mut BTreeMap<Token, Usage>) {
    match ty {
        TypeRef::Array { items } => mark_usage(items, input, types, usage),
        TypeRef::Map { values } => mark_usage(values, input, types, usage),
        TypeRef::Union { types: members, .. } => {
            for m in members {
                mark_usage(m, input, types, usage);
            }
        }
        TypeRef::Named { token } => {
            let u = usage.entry(token.clone()).or_default();
            let already = if input { u.input } else { u.output };
            if already {
                return;
            }
            if input {
                u.input = true;
            } else {
                u.output = true;
            }
            if let Some(TypeDef::Object(o)) = types.get(token) {
                for p in o.properties.iter() {
                    mark_usage(&p.ty, input, types, usage);
                }
            }
        }
        _ => {}
    }
}

/// The `moduleFormat` of Terraform-bridged providers: the module is all but the last
/// `/`-segment.
const DEFAULT_MODULE_FORMAT: &str = "(.*)(?:/[^/]*)";

/// Maps a token's module segment to its canonical module with `meta.moduleFormat`.
struct ModuleMapper {
    re: Regex,
    /// `re` is [`DEFAULT_MODULE_FORMAT`], which string operations answer exactly (AWS names
    /// 54k nested types, each with a segment of its own: the regex was a quarter of `finish`).
    default_format: bool,
    /// Module segment → canonical module.
    cache: std::cell::RefCell<std::collections::HashMap<String, String>>,
}

impl ModuleMapper {
    fn module_of(&self, token: &Token, _pkg: &str) -> String {
        if let Some(m) = self.cache.borrow().get(&token.module) {
            return m.clone();
        }
        let m = self.compute(token);
        self.cache.borrow_mut().insert(token.module.clone(), m.clone());
        m
    }

    fn compute(&self, token: &Token) -> String {
        let m = if token.module.is_empty() {
            "index".to_string()
        } else {
            // `.` stops at a newline: such a segment takes the regex's way.
            let captured = if self.default_format && !token.module.contains('\n') {
                token.module.rsplit_once('/').map(|(m, _)| m)
            } else {
                self.re.captures(&token.module).and_then(|c| c.get(1)).map(|g| g.as_str())
            };
            match captured {
                Some(g) if !g.is_empty() => g.to_string(),
                _ => token.module.clone(),
            }
        };
        if m.is_empty() {
            "index".into()
        } else {
            m
        }
    }
}

struct Parent {
    /// PascalCase name that nested types are prefixed with.
    name: String,
    token: Token,
    /// What kind of member the inline object hangs under. Shapes are shared only within one
    /// kind: targets name function-reachable types differently (Python's `…Result`), so a
    /// resource type merged into a function type would change its public name.
    scope: ShapeScope,
    /// A member's own properties (not a nested object's): where frontends share one inline
    /// object between inputs, outputs and state (see [`TypeRef::Inline`]).
    top: bool,
}

#[derive(Clone, Copy, Debug)]
enum ShapeScope {
    Type,
    Resource,
    Function,
    Config,
}

struct Binder {
    pkg: String,
    modules: ModuleMapper,
    types: BTreeMap<Token, TypeDef>,
    type_sources: BTreeMap<Token, SourceRef>,
    /// Shape key (see [`shape_key`]) → the canonical type of that shape, for inline objects.
    shapes: std::collections::HashMap<String, Token>,
    /// Shared inline objects already named, by address and property, with the member they
    /// were named under (see [`TypeRef::Inline`]); each entry keeps its object alive.
    named_inline: std::collections::HashMap<(usize, String), (Arc<InlineObject>, Token, Token)>,
    diags: Diagnostics,
}

impl Binder {
    fn name_resource(&mut self, r: &mut Resource) {
        // The provider's token is `pulumi:providers:<pkg>`; its nested types belong in the
        // package's root module, as `Provider…` types, not in a `providers` module.
        let token = if r.is_provider { Token::new(self.pkg.clone(), "index", "Provider") } else { r.token.clone() };
        let parent = Parent { name: token.name.clone(), token, scope: ShapeScope::Resource, top: true };
        self.name_properties(&mut r.inputs, &parent);
        self.name_properties(&mut r.outputs, &parent);
        if let Some(s) = &mut r.state_inputs {
            self.name_properties(s, &parent);
        }
    }

    fn name_properties(&mut self, props: &mut [Property], parent: &Parent) {
        for p in props.iter_mut() {
            let wire = p.name.pascal();
            let src = p.source.clone();
            self.name_type(&mut p.ty, parent, &wire, &src);
        }
    }

    /// Replaces every `Inline` in `ty` with a `Named` reference to a new object type.
    fn name_type(&mut self, ty: &mut TypeRef, parent: &Parent, prop: &str, src: &SourceRef) {
        match ty {
            TypeRef::Array { items } => self.name_type(items, parent, prop, src),
            TypeRef::Map { values } => self.name_type(values, parent, prop, src),
            TypeRef::Union { types, .. } => {
                for t in types {
                    self.name_type(t, parent, prop, src);
                }
            }
            TypeRef::Inline { object } => {
                // The same shared object under the same member and property names the same
                // way: the input, output and state copies of a block are named once. (A
                // member's parent token is unique, so it and the property make the key.)
                let key = (Arc::as_ptr(object) as usize, prop.to_string());
                if parent.top {
                    if let Some((_, owner, token)) = self.named_inline.get(&key) {
                        if *owner == parent.token {
                            *ty = TypeRef::Named { token: token.clone() };
                            return;
                        }
                    }
                }
                // Kept only when other copies exist; an unshared object is moved, not cloned.
                let shared = (parent.top && Arc::strong_count(object) > 1).then(|| object.clone());
                let object = Arc::unwrap_or_clone(std::mem::replace(object, Arc::new(InlineObject::default())));
                let base = object.name_hint.clone().unwrap_or_else(|| format!("{}{}", parent.name, prop));
                let module_segment = if parent.token.module.contains('/') {
                    let canonical = self.modules.module_of(&parent.token, &self.pkg);
                    format!("{canonical}/{base}")
                } else {
                    parent.token.module.clone()
                };
                let mut obj = ObjectType {
                    token: Token::new(self.pkg.clone(), module_segment.clone(), base.clone()),
                    module: String::new(),
                    docs: object.docs,
                    properties: Arc::new(object.properties),
                    usage: Usage::default(),
                    alias_of: None,
                    language: RawMap::new(),
                    extra: RawMap::new(),
                    source: object.source,
                };
                let child_parent = Parent { name: base.clone(), token: obj.token.clone(), scope: parent.scope, top: false };
                self.name_properties(Arc::make_mut(&mut obj.properties).as_mut_slice(), &child_parent);
                // Pick a free token: reuse an identical shape, else suffix 2, 3, ….
                let mut n = 1;
                let token = loop {
                    let name = if n == 1 { base.clone() } else { format!("{base}{n}") };
                    let module_segment = if parent.token.module.contains('/') {
                        format!("{}/{name}", self.modules.module_of(&parent.token, &self.pkg))
                    } else {
                        module_segment.clone()
                    };
                    let candidate = Token::new(self.pkg.clone(), module_segment, name);
                    match self.types.get(&candidate) {
                        None => break candidate,
                        Some(TypeDef::Object(existing)) if existing.properties == obj.properties => break candidate,
                        // An alias holds its canonical type's list (other source pointers):
                        // the same block seen again has its location and shape.
                        Some(TypeDef::Object(existing))
                            if existing.alias_of.is_some() && existing.source == obj.source && same_ignoring_source(&existing.properties, &obj.properties) =>
                        {
                            break candidate
                        }
                        Some(_) => n += 1,
                    }
                };
                let target = match self.types.get(&token) {
                    Some(TypeDef::Object(existing)) => existing.alias_of.clone().unwrap_or_else(|| token.clone()),
                    Some(TypeDef::Enum(_)) => unreachable!("the loop above only stops at a free token or an equal object"),
                    None => {
                        obj.token = token.clone();
                        obj.module = self.modules.module_of(&token, &self.pkg);
                        // Providers reuse one schema function for many blocks (AWS: 49k nested
                        // blocks, 3.2k distinct shapes), so identical shapes in one module
                        // share one canonical type and the others become aliases of it.
                        let key = shape_key(&obj, parent.scope);
                        let canonical = self.shapes.entry(key).or_insert_with(|| token.clone()).clone();
                        if canonical != token {
                            // Share the canonical list now rather than after naming: AWS
                            // would otherwise hold 54k property lists it is about to drop.
                            if let Some(TypeDef::Object(c)) = self.types.get(&canonical) {
                                obj.properties = c.properties.clone();
                            }
                            obj.alias_of = Some(canonical.clone());
                        }
                        self.type_sources.insert(token.clone(), obj.source.clone());
                        self.types.insert(token.clone(), TypeDef::Object(obj));
                        canonical
                    }
                };
                let _ = src;
                if let Some(shared) = shared {
                    // Held here so its address is not reused by another object while naming.
                    self.named_inline.insert(key, (shared, parent.token.clone(), target.clone()));
                }
                *ty = TypeRef::Named { token: target };
            }
            _ => {}
        }
    }

    fn check_refs(&mut self, ty: &TypeRef, resources: &BTreeSet<Token>, src: &SourceRef) {
        match ty {
            TypeRef::Array { items } => self.check_refs(items, resources, src),
            TypeRef::Map { values } => self.check_refs(values, resources, src),
            TypeRef::Union { types, .. } => {
                for t in types {
                    self.check_refs(t, resources, src);
                }
            }
            TypeRef::Named { token } if !self.types.contains_key(token) => {
                self.diags.push(
                    Diagnostic::error(src.clone(), format!("reference to undefined type `{token}`"))
                        .with_hint("define the type under `types`, or fix the reference"),
                );
            }
            TypeRef::Resource { token } if !resources.contains(token) => {
                self.diags.push(Diagnostic::error(src.clone(), format!("reference to undefined resource `{token}`")));
            }
            TypeRef::Inline { .. } => {
                self.diags.push(Diagnostic::error(src.clone(), "internal: inline object left unnamed"));
            }
            _ => {}
        }
    }

    /// Tokens become file and directory names: reject what could escape the output dir.
    fn check_token(&mut self, token: &Token, src: &SourceRef) {
        let name_ok = token.name.chars().any(|c| c.is_alphanumeric()) && !token.name.contains(['/', '\\']) && !token.name.contains("..");
        if !name_ok {
            self.diags.push(
                Diagnostic::error(src.clone(), format!("`{token}`: the name `{}` must contain a letter or digit and no path separators or `..`", token.name))
                    .with_hint("rename it in the schema or with a rename in the overrides file"),
            );
        }
        let module_ok = token.module.split('/').all(|seg| seg != ".." && seg != "." && !seg.contains('\\'))
            && !token.module.starts_with('/')
            && !token.module.contains("//");
        if !module_ok {
            self.diags.push(
                Diagnostic::error(src.clone(), format!("`{token}`: the module `{}` contains a path separator or `..`", token.module))
                    .with_hint("modules are directory names in every SDK; use letters, digits, `-` and `_`"),
            );
        }
    }
}

fn check_package_name(name: &str, src: &SourceRef, diags: &mut Diagnostics) {
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !ok {
        diags.push(
            Diagnostic::error(src.child("name"), format!("package name `{name}` is not usable"))
                .with_hint("a package name starts with a letter and has only ASCII letters, digits, `-` and `_`"),
        );
    }
}

fn check_property_name(p: &Property, diags: &mut Diagnostics) {
    if !p.name.wire.chars().any(|c| c.is_alphanumeric()) {
        diags.push(
            Diagnostic::error(p.source.clone(), format!("property name `{}` has no letter or digit, so no SDK can name it", p.name.wire))
                .with_hint("rename the property in the schema or with a rename in the overrides file"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(p: &str) -> SourceRef {
        SourceRef::new("t.json", p)
    }

    fn inline(props: Vec<Property>) -> TypeRef {
        TypeRef::inline(InlineObject { name_hint: None, docs: None, properties: props, source: src("/inline") })
    }

    #[test]
    fn inline_objects_are_named_after_parent_and_property_and_usage_is_computed() {
        let mut b = PackageBuilder::new("aws", src(""));
        b.meta_mut().module_format = "(.*)(?:/[^/]*)".into();
        let mut r = Resource::new(Token::new("aws", "s3/bucket", "Bucket"), src("/r"));
        let nested = Property::new("days", TypeRef::integer(), src("/r/x/days"));
        let rule = Property::new("rule", inline(vec![nested]), src("/r/x/rule"));
        r.inputs.push(Property::new("lifecycleRules", TypeRef::array(inline(vec![rule.clone()])), src("/r/i")));
        r.outputs.push(Property::new("lifecycleRules", TypeRef::array(inline(vec![rule])), src("/r/o")));
        b.add_resource(r);
        let pkg = b.finish().map_err(|d| d.to_string()).unwrap().package;
        let names: Vec<String> = pkg.types.keys().map(|t| t.to_string()).collect();
        assert_eq!(names, vec!["aws:s3/BucketLifecycleRules:BucketLifecycleRules", "aws:s3/BucketLifecycleRulesRule:BucketLifecycleRulesRule"]);
        assert_eq!(pkg.resources[0].module, "s3");
        for t in pkg.types.values() {
            let TypeDef::Object(o) = t else { panic!() };
            assert_eq!(o.module, "s3");
            assert_eq!(o.usage, Usage { input: true, output: true }, "{}", o.token);
        }
        assert_eq!(pkg.modules, vec!["s3"]);
    }

    #[test]
    fn different_shapes_with_the_same_name_get_suffixes() {
        let mut b = PackageBuilder::new("p", src(""));
        let mut r = Resource::new(Token::new("p", "index", "R"), src("/r"));
        r.inputs.push(Property::new("cfg", inline(vec![Property::new("a", TypeRef::string(), src("/a"))]), src("/r/i")));
        r.outputs.push(Property::new("cfg", inline(vec![Property::new("b", TypeRef::string(), src("/b"))]), src("/r/o")));
        b.add_resource(r);
        let pkg = b.finish().map_err(|d| d.to_string()).unwrap().package;
        let names: Vec<String> = pkg.types.keys().map(|t| t.to_string()).collect();
        assert_eq!(names, vec!["p:index:RCfg", "p:index:RCfg2"]);
    }

    #[test]
    fn problems_are_reported_together_and_sorted() {
        let mut b = PackageBuilder::new("p", src(""));
        let mut r = Resource::new(Token::new("p", "index", "R"), src("/resources/R"));
        r.inputs.push(Property::new("x", TypeRef::named(Token::new("p", "index", "Missing")), src("/resources/R/x")));
        r.inputs.push(Property::new("%%", TypeRef::string(), src("/resources/R/%%")));
        b.add_resource(r.clone());
        b.add_resource(Resource::new(Token::new("p", "index", "R"), src("/resources/R2")));
        b.add_resource(Resource::new(Token::new("p", "../x", "Evil"), src("/resources/Evil")));
        let d = b.finish().err().expect("errors");
        let text = d.to_string();
        assert_eq!(d.errors(), 4, "{text}");
        assert!(text.contains("undefined type `p:index:Missing`"), "{text}");
        assert!(text.contains("duplicate resource token"), "{text}");
        assert!(text.contains("no letter or digit"), "{text}");
        assert!(text.contains("path separator"), "{text}");
        let mut sorted = d.0.clone();
        sorted.sort();
        assert_eq!(sorted, d.0);
    }

    #[test]
    fn provider_is_derived_from_config() {
        let mut b = PackageBuilder::new("p", src(""));
        b.add_config(Property::new("token", TypeRef::string(), src("/config/token")));
        let pkg = b.finish().map_err(|d| d.to_string()).unwrap().package;
        assert_eq!(pkg.provider.token.to_string(), "pulumi:providers:p");
        assert!(pkg.provider.is_provider);
        assert_eq!(pkg.provider.inputs.len(), 1);
    }
}

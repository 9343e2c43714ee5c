//! Package → artifacts for the Go target: decides the layout (one Go module; one Go package
//! per schema module under the root package directory), allocates every name through
//! [`super::naming`], spells types through [`super::types`] and fills [`super::model`].
//!
//! Types are not put in one giant `pulumiTypes.go`: object types go in chunks of
//! [`TYPES_PER_FILE`] (`pulumiTypes.go`, `pulumiTypes1.go`, …), enums in `pulumiEnums*.go`
//! and the array/map containers in `pulumiContainers*.go`, each file with its own `init()`,
//! all ordered by token so output is deterministic. IR alias types (shapes identical to
//! another type of the module) are Go type aliases in `pulumiAliases*.go`: their names stay
//! public at almost no compile cost.

use super::docs::{comment, go_str, pulumi_tag};
use super::model::*;
use super::naming::{self, exported, unexported, Scope};
use super::types::{
    builtin_name, prim_plain, prim_stem, ContainerNeeds, GoTy, NameTables, NamedRef, TypeCtx,
};
use crate::backends::readme;
use crate::backends::common::GENERATED_HEADER;
use crate::backends::Artifact;
use crate::ir::{FunctionResult, Package, Primitive, Property, Resource, Token, TypeDef, TypeRef};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The Pulumi Go SDK version generated modules require.
pub const PULUMI_SDK_VERSION: &str = "v3.253.0";
/// `github.com/blang/semver`, which the SDK itself uses for versions.
pub const SEMVER_VERSION: &str = "v3.5.1+incompatible";
/// The `go` directive of generated modules (what the pinned SDK requires).
pub const GO_VERSION: &str = "1.25.11";
/// Object types per `pulumiTypes*.go` file.
pub const TYPES_PER_FILE: usize = 100;
/// Alias groups per `pulumiAliases*.go` file.
const ALIASES_PER_FILE: usize = 500;
/// Enums and containers per file.
const SMALL_PER_FILE: usize = 200;

const PULUMI: &str = "\"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"";

/// A [`TypeCtx`] for package `dir`, borrowing only the planner fields it needs (so
/// `self.names` stays readable beside it).
macro_rules! ctx {
    ($s:ident, $dir:expr) => {
        TypeCtx {
            dir: ($dir).to_string(),
            import_base: &$s.s.layout.import_base,
            aliases: &$s.aliases,
            imports: BTreeSet::new(),
            containers: &mut $s.containers,
        }
    };
}

/// Per-package settings read from `language.go`.
struct Settings {
    layout: naming::ModuleLayout,
    module_overrides: BTreeMap<String, String>,
    import_aliases: BTreeMap<String, String>,
}

impl Settings {
    fn from(pkg: &Package) -> Settings {
        let go = pkg.meta.language.get("go").cloned().unwrap_or(Value::Null);
        let map = |key: &str| -> BTreeMap<String, String> {
            go.get(key)
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                        .collect()
                })
                .unwrap_or_default()
        };
        Settings {
            layout: naming::module_layout(&pkg.name, pkg.version.as_deref(), &go),
            module_overrides: map("moduleToPackage"),
            import_aliases: map("packageImportAliases"),
        }
    }
}

/// Go names of one resource.
#[derive(Clone)]
struct ResNames {
    dir: String,
    name: String,
    /// wire → field name.
    fields: BTreeMap<String, String>,
}

/// Go names of one function.
struct FnNames {
    dir: String,
    name: String,
    args_fields: BTreeMap<String, String>,
    result_fields: BTreeMap<String, String>,
}

#[derive(Default)]
struct Dir {
    resources: Vec<usize>,
    functions: Vec<usize>,
    objects: Vec<Token>,
    enums: Vec<Token>,
    scope: Scope,
}

const PROVIDER: usize = usize::MAX;

/// Plans every file of the package.
pub fn plan(pkg: &Package) -> Vec<Artifact> {
    Planner::new(pkg).run()
}

struct Planner<'a> {
    pkg: &'a Package,
    s: Settings,
    dirs: BTreeMap<String, Dir>,
    names: NameTables,
    res: BTreeMap<usize, ResNames>,
    fns: BTreeMap<usize, FnNames>,
    /// Object token → wire → field name.
    obj_fields: BTreeMap<Token, BTreeMap<String, String>>,
    ptr_needed: BTreeSet<Token>,
    aliases: BTreeMap<String, String>,
    containers: ContainerNeeds,
    util_dir: String,
    config_dir: String,
    out: Vec<Artifact>,
}

/// The file name of chunk `n` of a split file: `stem.go`, `stem1.go`, `stem2.go`, ….
fn chunk_file(stem: &str, n: usize) -> String {
    if n == 0 {
        format!("{stem}.go")
    } else {
        format!("{stem}{n}.go")
    }
}

fn res_of(pkg: &Package, i: usize) -> &Resource {
    if i == PROVIDER {
        &pkg.provider
    } else {
        &pkg.resources[i]
    }
}

/// Aligns `(name, type, tag)` rows the way gofmt does: consecutive rows without a comment
/// between them form one section; in a section the type column starts after the longest
/// name, the tag column after the longest type (widths in characters).
fn align(rows: Vec<(Vec<String>, String, String, String)>) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        // A section starts at `i` and runs while the following rows have no comment.
        let mut j = i + 1;
        while j < rows.len() && rows[j].0.is_empty() {
            j += 1;
        }
        let name_w = rows[i..j]
            .iter()
            .map(|r| r.1.chars().count())
            .max()
            .unwrap_or(0);
        let ty_w = rows[i..j]
            .iter()
            .map(|r| r.2.chars().count())
            .max()
            .unwrap_or(0);
        for r in &rows[i..j] {
            let mut line = format!(
                "{}{} {}",
                r.1,
                " ".repeat(name_w - r.1.chars().count()),
                r.2
            );
            if !r.3.is_empty() {
                line.push_str(&" ".repeat(ty_w - r.2.chars().count()));
                line.push(' ');
                line.push_str(&r.3);
            }
            out.push(Field {
                docs: r.0.clone(),
                line,
            });
        }
        i = j;
    }
    out
}

/// Whether gofmt keeps `func(v <recv>) <ret> { return v.<field> }` on one line: go/printer
/// does so when the literal's header plus its body fit in 100 bytes.
fn fits_one_line(recv: &str, ret: &str, field: &str) -> bool {
    format!("func(v {recv}) {ret}").len() + format!("return v.{field}").len() <= 100
}

fn sorted_props(props: &[Property]) -> Vec<&Property> {
    let mut v: Vec<&Property> = props.iter().collect();
    v.sort_by(|a, b| a.name.wire.cmp(&b.name.wire));
    v.dedup_by(|a, b| a.name.wire == b.name.wire);
    v
}

/// Allocates field names for a set of wire names in one struct scope.
fn allocate_fields<'p>(
    wires: impl IntoIterator<Item = &'p Property>,
    reserved: &[String],
) -> BTreeMap<String, String> {
    let mut scope = Scope::with_reserved(reserved.iter().map(String::as_str));
    let mut wires: Vec<(&str, Option<String>)> = wires
        .into_iter()
        .map(|p| {
            (
                p.name.wire.as_str(),
                p.language
                    .get("go")
                    .and_then(|g| g.get("name"))
                    .and_then(Value::as_str)
                    .map(exported),
            )
        })
        .collect();
    wires.sort();
    wires.dedup_by(|a, b| a.0 == b.0);
    let mut out = BTreeMap::new();
    for (w, o) in wires {
        let base = o.unwrap_or_else(|| exported(w));
        out.insert(w.to_string(), scope.claim(&base));
    }
    out
}

/// The Go literal of a default value for a primitive, if it fits the type.
fn literal(v: &Value, p: Primitive) -> Option<String> {
    match (p, v) {
        (Primitive::String, Value::String(s)) => Some(go_str(s)),
        (Primitive::Boolean, Value::Bool(b)) => Some(b.to_string()),
        (Primitive::Integer, Value::Number(n)) => n.as_i64().map(|i| i.to_string()).or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
                .map(|f| (f as i64).to_string())
        }),
        (Primitive::Number, Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()).map(|f| {
            let s = f.to_string();
            if s.contains('.') || s.contains('e') {
                s
            } else {
                format!("{s}.0")
            }
        }),
        _ => None,
    }
}

fn env_parser(p: Primitive) -> &'static str {
    match p {
        Primitive::Boolean => "ParseEnvBool",
        Primitive::Integer => "ParseEnvInt",
        Primitive::Number => "ParseEnvFloat",
        Primitive::String => "",
    }
}

impl<'a> Planner<'a> {
    fn new(pkg: &'a Package) -> Self {
        Planner {
            pkg,
            s: Settings::from(pkg),
            dirs: BTreeMap::new(),
            names: NameTables::default(),
            res: BTreeMap::new(),
            fns: BTreeMap::new(),
            obj_fields: BTreeMap::new(),
            ptr_needed: BTreeSet::new(),
            aliases: BTreeMap::new(),
            containers: ContainerNeeds::new(),
            util_dir: "internal".into(),
            config_dir: "config".into(),
            out: Vec::new(),
        }
    }

    fn dir_of(&self, module: &str) -> String {
        naming::module_dir(module, &self.s.module_overrides)
    }

    fn root_path(&self, dir: &str, file: &str) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if !self.s.layout.root_dir.is_empty() {
            parts.push(&self.s.layout.root_dir);
        }
        if !dir.is_empty() {
            parts.push(dir);
        }
        parts.push(file);
        parts.join("/")
    }

    fn package_name(&self, dir: &str) -> String {
        if dir.is_empty() {
            self.s.layout.root_package.clone()
        } else {
            naming::package_name(dir.rsplit('/').next().unwrap_or(dir))
        }
    }

    fn util_prefix(&self, dir: &str) -> String {
        if dir == self.util_dir {
            String::new()
        } else {
            format!("{}.", naming::package_name(&self.util_dir))
        }
    }

    fn util_import(&self) -> String {
        go_str(&format!("{}/{}", self.s.layout.import_base, self.util_dir))
    }

    fn method_tokens(&self) -> BTreeSet<Token> {
        self.pkg
            .resources
            .iter()
            .chain(std::iter::once(&self.pkg.provider))
            .flat_map(|r| r.methods.values().cloned())
            .collect()
    }

    fn run(mut self) -> Vec<Artifact> {
        let pkg = self.pkg;
        let methods = self.method_tokens();
        // Members per Go package.
        self.dirs
            .entry(String::new())
            .or_default()
            .resources
            .push(PROVIDER);
        for (i, r) in pkg.resources.iter().enumerate() {
            let d = self.dir_of(&r.module);
            self.dirs.entry(d).or_default().resources.push(i);
        }
        for (i, f) in pkg.functions.iter().enumerate() {
            if methods.contains(&f.token) {
                continue;
            }
            let d = self.dir_of(&f.module);
            self.dirs.entry(d).or_default().functions.push(i);
        }
        for (tok, t) in &pkg.types {
            let d = self.dir_of(t.module());
            let dir = self.dirs.entry(d).or_default();
            match t {
                TypeDef::Object(_) => dir.objects.push(tok.clone()),
                TypeDef::Enum(_) => dir.enums.push(tok.clone()),
            }
        }
        if self.dirs.contains_key("internal") {
            self.util_dir = "pulumiutilities".into();
        }
        if !pkg.config.is_empty() {
            self.dirs.entry(self.config_dir.clone()).or_default();
        }
        self.dirs.entry(self.util_dir.clone()).or_default();

        self.allocate_names();
        self.allocate_aliases();
        self.compute_ptr_needs();

        let dirs: Vec<String> = self.dirs.keys().cloned().collect();
        for d in &dirs {
            let (resources, functions, objects, enums) = {
                let x = &self.dirs[d];
                (
                    x.resources.clone(),
                    x.functions.clone(),
                    x.objects.clone(),
                    x.enums.clone(),
                )
            };
            for i in &resources {
                self.resource_file(*i);
            }
            for i in &functions {
                self.function_file(*i);
            }
            self.types_files(d, &objects, &enums);
            if !resources.is_empty() {
                self.init_file(d, &resources);
            }
        }
        // Containers last: every other file has recorded what it needs by now.
        let needs = std::mem::take(&mut self.containers);
        let none = BTreeMap::new();
        for d in &dirs {
            let objects = self.dirs[d].objects.clone();
            self.aliases_files(d, &objects, needs.get(d).unwrap_or(&none));
        }
        for (d, conts) in needs {
            self.containers_files(&d, conts);
        }
        self.config_file();
        self.utilities_file();
        self.root_files();
        self.out
    }

    fn allocate_names(&mut self) {
        let pkg = self.pkg;
        let dirs: Vec<String> = self.dirs.keys().cloned().collect();
        for d in &dirs {
            let mut scope = Scope::with_reserved(["module", "pkg", "init"]);
            let x = &self.dirs[d];
            let (resources, functions, objects, enums) = (
                x.resources.clone(),
                x.functions.clone(),
                x.objects.clone(),
                x.enums.clone(),
            );
            for i in resources {
                let r = res_of(pkg, i);
                let base = if r.is_provider {
                    "Provider".to_string()
                } else {
                    exported(&r.token.name)
                };
                let name = scope.claim(&base);
                let lower = unexported(&name);
                for n in [
                    format!("{name}Args"),
                    format!("{lower}Args"),
                    format!("{name}Input"),
                    format!("{name}Output"),
                    format!("{name}Array"),
                    format!("{name}ArrayInput"),
                    format!("{name}ArrayOutput"),
                    format!("{name}Map"),
                    format!("{name}MapInput"),
                    format!("{name}MapOutput"),
                    format!("New{name}"),
                ] {
                    scope.reserve(&n);
                }
                if !r.is_provider && !r.is_component {
                    for n in [
                        format!("{name}State"),
                        format!("{lower}State"),
                        format!("Get{name}"),
                    ] {
                        scope.reserve(&n);
                    }
                }
                let mut reserved: Vec<String> = naming::RESOURCE_MEMBERS
                    .iter()
                    .chain(naming::OUTPUT_MEMBERS)
                    .map(|s| s.to_string())
                    .collect();
                reserved.push(format!("To{name}Output"));
                reserved.push(format!("To{name}OutputWithContext"));
                let state = r.state_inputs.as_deref().unwrap_or(&[]);
                let fields =
                    allocate_fields(r.inputs.iter().chain(&r.outputs).chain(state), &reserved);
                self.res.insert(
                    i,
                    ResNames {
                        dir: d.clone(),
                        name: name.clone(),
                        fields,
                    },
                );
                self.names.resources.insert(
                    r.token.clone(),
                    NamedRef {
                        dir: d.clone(),
                        name,
                    },
                );
            }
            for i in functions {
                let f = &pkg.functions[i];
                let mut base = exported(&f.token.name);
                if scope.is_taken(&base) {
                    if let Some(rest) = base.strip_prefix("New") {
                        base = format!("Create{rest}");
                    } else if let Some(rest) = base.strip_prefix("Get") {
                        base = format!("Lookup{rest}");
                    }
                }
                let name = scope.claim(&base);
                for n in [
                    format!("{name}Args"),
                    format!("{name}Result"),
                    format!("{name}Output"),
                    format!("{name}OutputArgs"),
                    format!("{name}ResultOutput"),
                ] {
                    scope.reserve(&n);
                }
                let args_fields = allocate_fields(
                    f.inputs.iter().flat_map(|s| &s.properties),
                    &["ElementType".to_string()],
                );
                let mut reserved: Vec<String> = naming::OUTPUT_MEMBERS
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                reserved.push(format!("To{name}ResultOutput"));
                reserved.push(format!("To{name}ResultOutputWithContext"));
                let result_fields = match &f.outputs {
                    Some(FunctionResult::Object { shape }) => {
                        allocate_fields(&shape.properties, &reserved)
                    }
                    _ => BTreeMap::new(),
                };
                self.fns.insert(
                    i,
                    FnNames {
                        dir: d.clone(),
                        name,
                        args_fields,
                        result_fields,
                    },
                );
            }
            for tok in enums.iter().chain(&objects) {
                let mut base = exported(&tok.name);
                // An enum called `String` would define `ToStringOutput` twice.
                if matches!(pkg.types.get(tok), Some(TypeDef::Enum(_)))
                    && ["String", "Int", "Float64", "Bool"].contains(&base.as_str())
                {
                    base.push_str("Enum");
                }
                let derived = |b: &str| {
                    [
                        b.to_string(),
                        format!("{b}Input"),
                        format!("{b}Args"),
                        format!("{b}Output"),
                        format!("{b}Ptr"),
                        format!("{b}PtrInput"),
                        format!("{b}PtrOutput"),
                        format!("{b}Array"),
                        format!("{b}Map"),
                    ]
                };
                if derived(&base).iter().any(|n| scope.is_taken(n)) {
                    base.push_str("Type");
                }
                let name = scope.claim(&base);
                for n in derived(&name).iter().skip(1) {
                    scope.reserve(n);
                }
                for n in ["ArrayInput", "ArrayOutput", "MapInput", "MapOutput"] {
                    scope.reserve(&format!("{name}{n}"));
                }
                let r = NamedRef {
                    dir: d.clone(),
                    name: name.clone(),
                };
                match pkg.types.get(tok) {
                    Some(TypeDef::Enum(e)) => {
                        self.names.enums.insert(tok.clone(), (r, e.primitive));
                    }
                    Some(TypeDef::Object(o)) => {
                        let mut reserved: Vec<String> = naming::OUTPUT_MEMBERS
                            .iter()
                            .map(|s| s.to_string())
                            .collect();
                        for suffix in [
                            "Output",
                            "OutputWithContext",
                            "PtrOutput",
                            "PtrOutputWithContext",
                        ] {
                            reserved.push(format!("To{name}{suffix}"));
                        }
                        self.obj_fields
                            .insert(tok.clone(), allocate_fields(o.properties.iter(), &reserved));
                        self.names.objects.insert(tok.clone(), r);
                    }
                    None => {}
                }
            }
            if let Some(x) = self.dirs.get_mut(d) {
                x.scope = scope;
            }
        }
    }

    fn allocate_aliases(&mut self) {
        let mut used: BTreeSet<String> = BTreeSet::new();
        for d in self.dirs.keys() {
            let path = if d.is_empty() {
                self.s.layout.import_base.clone()
            } else {
                format!("{}/{}", self.s.layout.import_base, d)
            };
            let base = match self.s.import_aliases.get(&path) {
                Some(a) => naming::package_name(a),
                None if d.is_empty() => self.s.layout.root_package.clone(),
                None => naming::package_name(&d.replace('/', "")),
            };
            let mut alias = base.clone();
            if naming::ALIAS_RESERVED.contains(&alias.as_str())
                || naming::KEYWORDS.contains(&alias.as_str())
            {
                alias.push_str("pkg");
            }
            let mut n = 2;
            let stem = alias.clone();
            while used.contains(&alias) {
                alias = format!("{stem}{n}");
                n += 1;
            }
            used.insert(alias.clone());
            self.aliases.insert(d.clone(), alias);
        }
    }

    /// Which object and enum types need `Ptr` variants: Pulumi's rule — optional uses, every
    /// type used by a (non-provider) resource, and, transitively, the fields of a type that
    /// has a pointer form (its `XPtrOutput` accessors return pointers).
    fn compute_ptr_needs(&mut self) {
        let pkg = self.pkg;
        let mut seen: BTreeSet<Token> = BTreeSet::new();
        let mut need: BTreeSet<Token> = BTreeSet::new();
        fn visit(
            pkg: &Package,
            ty: &TypeRef,
            required: bool,
            parent_optional: bool,
            seen: &mut BTreeSet<Token>,
            need: &mut BTreeSet<Token>,
        ) {
            match ty {
                TypeRef::Named { token } => match pkg.types.get(token) {
                    Some(TypeDef::Object(o)) => {
                        if (!required || parent_optional) && seen.insert(token.clone()) {
                            need.insert(token.clone());
                            for p in o.properties.iter() {
                                visit(pkg, &p.ty, p.required, true, seen, need);
                            }
                        }
                    }
                    Some(TypeDef::Enum(_)) => {
                        if !required || parent_optional {
                            need.insert(token.clone());
                        }
                    }
                    None => {}
                },
                TypeRef::Array { items } => visit(pkg, items, true, false, seen, need),
                TypeRef::Map { values } => visit(pkg, values, true, false, seen, need),
                _ => {}
            }
        }
        for t in pkg.types.values() {
            if let TypeDef::Object(o) = t {
                for p in o.properties.iter() {
                    visit(pkg, &p.ty, p.required, false, &mut seen, &mut need);
                }
            }
        }
        for r in pkg.resources.iter().chain(std::iter::once(&pkg.provider)) {
            let state = r.state_inputs.as_deref().unwrap_or(&[]);
            for p in r.inputs.iter().chain(&r.outputs).chain(state) {
                visit(pkg, &p.ty, p.required, !r.is_provider, &mut seen, &mut need);
            }
        }
        for f in &pkg.functions {
            for p in f.inputs.iter().flat_map(|s| &s.properties) {
                visit(pkg, &p.ty, p.required, false, &mut seen, &mut need);
            }
            match &f.outputs {
                Some(FunctionResult::Object { shape }) => {
                    for p in &shape.properties {
                        visit(pkg, &p.ty, p.required, false, &mut seen, &mut need);
                    }
                }
                Some(FunctionResult::Value { ty, .. }) => {
                    visit(pkg, ty, true, false, &mut seen, &mut need)
                }
                None => {}
            }
        }
        for p in &pkg.config {
            visit(pkg, &p.ty, p.required, false, &mut seen, &mut need);
        }
        self.ptr_needed = need;
    }

    fn head(
        &self,
        dir: &str,
        std: &[&str],
        mut imports: Vec<String>,
        ctx_imports: Vec<String>,
    ) -> Head {
        imports.extend(ctx_imports);
        // Sort by import path (what gofmt does), ignoring aliases.
        imports.sort_by(|a, b| {
            let pa = a.rsplit(' ').next().unwrap_or(a);
            let pb = b.rsplit(' ').next().unwrap_or(b);
            pa.cmp(pb)
        });
        imports.dedup();
        let mut std_imports: Vec<String> = std.iter().map(|s| go_str(s)).collect();
        std_imports.sort();
        Head {
            generated: GENERATED_HEADER.to_string(),
            package: self.package_name(dir),
            std_imports,
            imports,
        }
    }

    /// Plain-struct field rows for properties (tagged).
    fn plain_rows(
        &mut self,
        dir: &str,
        props: &[&Property],
        fields: &BTreeMap<String, String>,
        force_optional: bool,
        with_docs: bool,
    ) -> (Vec<(Vec<String>, String, String, String)>, Vec<String>) {
        let mut c = ctx!(self, dir);
        let mut rows = Vec::new();
        for p in props {
            let ty = self.names.resolve(&p.ty);
            let name = fields
                .get(&p.name.wire)
                .cloned()
                .unwrap_or_else(|| exported(&p.name.wire));
            let docs = if with_docs {
                comment(p.docs.as_deref(), p.deprecation.as_deref(), "")
            } else {
                Vec::new()
            };
            rows.push((
                docs,
                name,
                c.plain(&ty, force_optional || !p.required),
                pulumi_tag(&p.name.wire),
            ));
        }
        let imports = c.import_lines();
        (rows, imports)
    }

    /// Input-struct field rows; `tagged` for object `Args` (resource `XArgs` has no tags).
    fn input_rows(
        &mut self,
        dir: &str,
        props: &[&Property],
        fields: &BTreeMap<String, String>,
        force_optional: bool,
        tagged: bool,
    ) -> (Vec<(Vec<String>, String, String, String)>, Vec<String>) {
        let mut c = ctx!(self, dir);
        let mut rows = Vec::new();
        for p in props {
            let ty = self.names.resolve(&p.ty);
            let name = fields
                .get(&p.name.wire)
                .cloned()
                .unwrap_or_else(|| exported(&p.name.wire));
            let docs = comment(p.docs.as_deref(), p.deprecation.as_deref(), "");
            let tag = if tagged {
                pulumi_tag(&p.name.wire)
            } else {
                String::new()
            };
            let ty_s = if p.plain {
                c.plain(&ty, force_optional || !p.required)
            } else {
                c.input(&ty, force_optional || !p.required)
            };
            rows.push((docs, name, ty_s, tag));
        }
        let imports = c.import_lines();
        (rows, imports)
    }

    fn resource_file(&mut self, i: usize) {
        let pkg = self.pkg;
        let r = res_of(pkg, i);
        let Some(names) = self.res.get(&i).cloned() else {
            return;
        };
        let dir = names.dir.clone();
        let name = names.name.clone();
        let lower = unexported(&name);
        let mut imports: Vec<String> = vec![PULUMI.to_string()];
        let mut ctx_imports: Vec<String> = Vec::new();
        let util = self.util_prefix(&dir);
        if !util.is_empty() {
            imports.push(self.util_import());
        }

        // The resource struct: outputs. `id` and `urn` are the engine's own (`ID()`, `URN()`
        // of the embedded state); the Go runtime never resolves a field tagged with them, so
        // a Terraform-style `id` output would hang every program that waits on it.
        let outputs: Vec<&Property> = sorted_props(&r.outputs)
            .into_iter()
            .filter(|p| p.name.wire != "id" && p.name.wire != "urn")
            .collect();
        let mut rows = Vec::new();
        let mut accessors = Vec::new();
        {
            let mut c = ctx!(self, &dir);
            for p in &outputs {
                let ty = self.names.resolve(&p.ty);
                let f = names.fields.get(&p.name.wire).cloned().unwrap_or_default();
                let out_ty = c.output(&ty, !p.required);
                let docs = comment(p.docs.as_deref(), p.deprecation.as_deref(), "");
                accessors.push(Accessor {
                    docs: docs.clone(),
                    name: f.clone(),
                    one_line: fits_one_line(&format!("*{name}"), &out_ty, &f),
                    out_ty: out_ty.clone(),
                    ..Default::default()
                });
                rows.push((docs, f, out_ty, pulumi_tag(&p.name.wire)));
            }
            ctx_imports.extend(c.import_lines());
        }
        let fields = align(rows);

        // Args.
        let inputs = sorted_props(&r.inputs);
        let (rows, imp) = self.plain_rows(&dir, &inputs, &names.fields, false, false);
        ctx_imports.extend(imp);
        let args_plain = align(rows);
        let (rows, imp) = self.input_rows(&dir, &inputs, &names.fields, false, false);
        ctx_imports.extend(imp);
        let args_input = align(rows);

        // State.
        let is_custom = !r.is_provider && !r.is_component;
        let (mut state_plain, mut state_input) = (Vec::new(), Vec::new());
        if is_custom {
            let state_props: Vec<&Property> = match &r.state_inputs {
                Some(s) => sorted_props(s),
                None => sorted_props(&r.outputs),
            };
            let (rows, imp) = self.plain_rows(&dir, &state_props, &names.fields, true, false);
            ctx_imports.extend(imp);
            state_plain = align(rows);
            let (rows, imp) = self.input_rows(&dir, &state_props, &names.fields, true, false);
            ctx_imports.extend(imp);
            state_input = align(rows);
        }

        // NewX prelude: required checks, constants, defaults, secrets, options.
        let mut prelude: Vec<String> = Vec::new();
        let mut std: Vec<&str> = vec!["context", "reflect"];
        // A plain required scalar or object is a Go value, never nil: nothing to check.
        let nilable = |p: &Property| !p.plain || !self.names.resolve(&p.ty).has_ptr();
        let required: Vec<&&Property> = inputs
            .iter()
            .filter(|p| p.required && p.const_value.is_none() && p.default.is_none() && nilable(p))
            .collect();
        let args_required = !required.is_empty();
        if args_required {
            std.push("errors");
        }
        for p in &required {
            let f = &names.fields[&p.name.wire];
            prelude.push(format!("\tif args.{f} == nil {{"));
            prelude.push(format!(
                "\t\treturn nil, errors.New({})",
                go_str(&format!("invalid value for required argument '{f}'"))
            ));
            prelude.push("\t}".into());
        }
        {
            let mut c = ctx!(self, &dir);
            for p in &inputs {
                let f = &names.fields[&p.name.wire];
                let ty = self.names.resolve(&p.ty);
                let GoTy::Prim(prim) = ty else {
                    // Enum and object defaults are rare; a constant enum default is spelled
                    // through the enum's own type.
                    if let (GoTy::Enum(er, ep), Some(v)) = (
                        &ty,
                        p.const_value
                            .as_ref()
                            .or(p.default.as_ref().and_then(|d| d.value.as_ref())),
                    ) {
                        if let Some(lit) = literal(v, *ep) {
                            let en = c.qualify(er, &er.name);
                            prelude.push(format!("\tif args.{f} == nil {{"));
                            prelude.push(format!("\t\targs.{f} = {en}({lit})"));
                            prelude.push("\t}".into());
                        }
                    }
                    continue;
                };
                if p.plain {
                    continue;
                }
                let wrap = if p.required {
                    format!("pulumi.{}", prim_stem(prim))
                } else {
                    format!("pulumi.{}Ptr", prim_stem(prim))
                };
                if let Some(v) = &p.const_value {
                    if let Some(lit) = literal(v, prim) {
                        prelude.push(format!("\targs.{f} = {wrap}({lit})"));
                    }
                    continue;
                }
                let Some(d) = &p.default else { continue };
                let lit = d.value.as_ref().and_then(|v| literal(v, prim));
                if !d.environment.is_empty() {
                    let parser = env_parser(prim);
                    let parser = if parser.is_empty() {
                        "nil".to_string()
                    } else {
                        format!("{util}{parser}")
                    };
                    let envs = d
                        .environment
                        .iter()
                        .map(|e| go_str(e))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let def = lit.clone().unwrap_or_else(|| "nil".into());
                    prelude.push(format!("\tif args.{f} == nil {{"));
                    prelude.push(format!(
                        "\t\tif d := {util}GetEnvOrDefault({def}, {parser}, {envs}); d != nil {{"
                    ));
                    prelude.push(format!("\t\t\targs.{f} = {wrap}(d.({}))", prim_plain(prim)));
                    prelude.push("\t\t}".into());
                    prelude.push("\t}".into());
                } else if let Some(lit) = lit {
                    prelude.push(format!("\tif args.{f} == nil {{"));
                    prelude.push(format!("\t\targs.{f} = {wrap}({lit})"));
                    prelude.push("\t}".into());
                }
            }
            ctx_imports.extend(c.import_lines());
        }
        if util.is_empty() && prelude.iter().any(|l| l.contains("GetEnvOrDefault")) {
            // Inside the utilities package itself nothing to import.
        }
        let secret_inputs: Vec<&&Property> =
            inputs.iter().filter(|p| p.secret && !p.plain).collect();
        if !secret_inputs.is_empty() {
            let mut c = ctx!(self, &dir);
            for p in &secret_inputs {
                let f = &names.fields[&p.name.wire];
                let ty = self.names.resolve(&p.ty);
                let in_ty = c.input(&ty, !p.required);
                prelude.push(format!("\tif args.{f} != nil {{"));
                prelude.push(format!(
                    "\t\targs.{f} = pulumi.ToSecret(args.{f}).({in_ty})"
                ));
                prelude.push("\t}".into());
            }
            ctx_imports.extend(c.import_lines());
        }
        let secret_outputs: Vec<String> = outputs
            .iter()
            .filter(|p| p.secret)
            .map(|p| go_str(&p.name.wire))
            .collect();
        if !secret_outputs.is_empty() {
            prelude.push(format!(
                "\tsecrets := pulumi.AdditionalSecretOutputs([]string{{\n\t\t{},\n\t}})",
                secret_outputs.join(",\n\t\t")
            ));
            prelude.push("\topts = append(opts, secrets)".into());
        }
        let alias_types: Vec<String> = r
            .aliases
            .iter()
            .filter_map(|a| a.ty.as_ref())
            .map(|t| format!("\t\t{{\n\t\t\tType: pulumi.String({}),\n\t\t}},", go_str(t)))
            .collect();
        if !alias_types.is_empty() {
            prelude.push(format!(
                "\taliases := pulumi.Aliases([]pulumi.Alias{{\n{}\n\t}})",
                alias_types.join("\n")
            ));
            prelude.push("\topts = append(opts, aliases)".into());
        }
        let replace: Vec<String> = inputs
            .iter()
            .chain(outputs.iter())
            .filter(|p| p.replace_on_changes)
            .map(|p| go_str(&p.name.wire))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !replace.is_empty() {
            prelude.push(format!(
                "\treplaceOnChanges := pulumi.ReplaceOnChanges([]string{{\n\t\t{},\n\t}})",
                replace.join(",\n\t\t")
            ));
            prelude.push("\topts = append(opts, replaceOnChanges)".into());
        }

        // Containers of the resource itself (`XArray`, `XMap`).
        let containers = if r.is_provider {
            Vec::new()
        } else {
            vec![
                Container {
                    name: format!("{name}Array"),
                    is_map: false,
                    elem_input: format!("{name}Input"),
                    elem_output: format!("{name}Output"),
                    elem_plain: format!("*{name}"),
                },
                Container {
                    name: format!("{name}Map"),
                    is_map: true,
                    elem_input: format!("{name}Input"),
                    elem_output: format!("{name}Output"),
                    elem_plain: format!("*{name}"),
                },
            ]
        };
        let token = if r.is_provider {
            format!("pulumi:providers:{}", pkg.name)
        } else {
            r.token.to_string()
        };
        let embed = if r.is_provider {
            "pulumi.ProviderResourceState"
        } else if r.is_component {
            "pulumi.ResourceState"
        } else {
            "pulumi.CustomResourceState"
        };
        let model = ResourceFile {
            head: self.head(&dir, &std, imports, ctx_imports),
            docs: comment(r.docs.as_deref(), r.deprecation.as_deref(), ""),
            name: name.clone(),
            embed: embed.into(),
            fields,
            token_lit: go_str(&token),
            is_custom,
            is_component: r.is_component,
            prelude,
            args_required,
            util,
            state_plain,
            state_input,
            args_plain,
            args_input,
            args_type: format!("{lower}Args"),
            state_type: format!("{lower}State"),
            accessors,
            containers,
        };
        let path = self.root_path(&dir, &format!("{}.go", naming::file_stem(&name)));
        self.out
            .push(Artifact::template(path, "go/resource.go.tera", &model));
    }

    fn function_file(&mut self, i: usize) {
        let f = &self.pkg.functions[i];
        let Some(names) = self.fns.get(&i) else {
            return;
        };
        let (dir, name, args_names, result_names) = (
            names.dir.clone(),
            names.name.clone(),
            names.args_fields.clone(),
            names.result_fields.clone(),
        );
        let util = self.util_prefix(&dir);
        let mut imports = vec![PULUMI.to_string()];
        if !util.is_empty() {
            imports.push(self.util_import());
        }
        let mut ctx_imports = Vec::new();
        let has_args = f.inputs.is_some();
        let args: Vec<&Property> = f
            .inputs
            .as_ref()
            .map(|s| sorted_props(&s.properties))
            .unwrap_or_default();
        let (rows, imp) = self.plain_rows(&dir, &args, &args_names, false, true);
        ctx_imports.extend(imp);
        let args_fields = align(rows);
        let (rows, imp) = self.input_rows(&dir, &args, &args_names, false, true);
        ctx_imports.extend(imp);
        let output_args_fields = align(rows);
        let mut result_fields = Vec::new();
        let mut accessors = Vec::new();
        let mut value_ty = String::new();
        let result_kind = match &f.outputs {
            Some(FunctionResult::Object { shape }) => {
                let props = sorted_props(&shape.properties);
                let (rows, imp) = self.plain_rows(&dir, &props, &result_names, false, true);
                ctx_imports.extend(imp);
                result_fields = align(rows);
                let mut c = ctx!(self, &dir);
                for p in &props {
                    let ty = self.names.resolve(&p.ty);
                    let field = result_names.get(&p.name.wire).cloned().unwrap_or_default();
                    let plain_ty = c.plain(&ty, !p.required);
                    accessors.push(Accessor {
                        docs: comment(p.docs.as_deref(), p.deprecation.as_deref(), ""),
                        one_line: fits_one_line(&format!("{name}Result"), &plain_ty, &field),
                        name: field,
                        out_ty: c.output(&ty, !p.required),
                        plain_ty,
                        ..Default::default()
                    });
                }
                ctx_imports.extend(c.import_lines());
                "object"
            }
            Some(FunctionResult::Value { ty, .. }) => {
                let mut c = ctx!(self, &dir);
                let t = self.names.resolve(ty);
                value_ty = c.plain(&t, false);
                ctx_imports.extend(c.import_lines());
                "value"
            }
            None => "none",
        };
        let std: &[&str] = if result_kind == "object" {
            &["context", "reflect"]
        } else {
            &[]
        };
        let model = FunctionFile {
            head: self.head(&dir, std, imports, ctx_imports),
            docs: comment(f.docs.as_deref(), f.deprecation.as_deref(), ""),
            name: name.clone(),
            token_lit: go_str(&f.token.to_string()),
            util,
            has_args,
            result_kind: result_kind.into(),
            args_fields,
            output_args_fields,
            result_fields,
            value_ty,
            accessors,
        };
        let path = self.root_path(&dir, &format!("{}.go", naming::file_stem(&name)));
        self.out
            .push(Artifact::template(path, "go/function.go.tera", &model));
    }

    fn object_model(
        &mut self,
        dir: &str,
        tok: &Token,
        imports: &mut Vec<String>,
    ) -> Option<Object> {
        let Some(TypeDef::Object(o)) = self.pkg.types.get(tok) else {
            return None;
        };
        let r = self.names.objects.get(tok)?.clone();
        let fields = self.obj_fields.get(tok).cloned().unwrap_or_default();
        let props = sorted_props(&o.properties);
        let (rows, imp) = self.plain_rows(dir, &props, &fields, false, true);
        imports.extend(imp);
        let plain_fields = align(rows);
        let (rows, imp) = self.input_rows(dir, &props, &fields, false, true);
        imports.extend(imp);
        let args_fields = align(rows);
        let has_ptr = self.ptr_needed.contains(tok);
        let mut accessors = Vec::new();
        let mut c = ctx!(self, dir);
        for p in &props {
            let ty = self.names.resolve(&p.ty);
            let out_ty = c.output(&ty, !p.required);
            let plain_ty = c.plain(&ty, !p.required);
            let (ptr_out_ty, ptr_plain_ty, ptr_value) = if has_ptr {
                let f = fields.get(&p.name.wire).cloned().unwrap_or_default();
                if p.required && ty.has_ptr() {
                    (c.output(&ty, true), c.plain(&ty, true), format!("&v.{f}"))
                } else {
                    (out_ty.clone(), plain_ty.clone(), format!("v.{f}"))
                }
            } else {
                Default::default()
            };
            let field = fields.get(&p.name.wire).cloned().unwrap_or_default();
            accessors.push(Accessor {
                docs: comment(p.docs.as_deref(), p.deprecation.as_deref(), ""),
                one_line: fits_one_line(&r.name, &plain_ty, &field),
                name: field,
                out_ty,
                plain_ty,
                ptr_out_ty,
                ptr_plain_ty,
                ptr_value,
            });
        }
        imports.extend(c.import_lines());
        Some(Object {
            name: r.name.clone(),
            ptr_type: format!("{}PtrType", unexported(&r.name)),
            docs: comment(o.docs.as_deref(), None, ""),
            plain_fields,
            args_fields,
            has_ptr,
            accessors,
        })
    }

    fn enum_model(&mut self, tok: &Token) -> Option<Enum> {
        let Some(TypeDef::Enum(e)) = self.pkg.types.get(tok) else {
            return None;
        };
        let (r, prim) = self.names.enums.get(tok)?.clone();
        let dir = r.dir.clone();
        let mut consts = Vec::new();
        let scope = &mut self.dirs.get_mut(&dir)?.scope;
        for v in &e.values {
            let Some(lit) = literal(&v.value, prim) else {
                continue;
            };
            let value_name = v.name.clone().unwrap_or_else(|| match &v.value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            let name = scope.claim(&naming::enum_const_name(&value_name, &r.name));
            consts.push(EnumConst {
                docs: comment(v.docs.as_deref(), v.deprecation.as_deref(), ""),
                name,
                value: format!("{}({lit})", r.name),
            });
        }
        let zero = match prim {
            Primitive::String => "\"\"",
            Primitive::Integer | Primitive::Number => "0",
            Primitive::Boolean => "false",
        };
        Some(Enum {
            name: r.name.clone(),
            ptr_type: format!("{}Ptr", unexported(&r.name)),
            docs: comment(e.docs.as_deref(), None, ""),
            underlying: prim_plain(prim).into(),
            stem: prim_stem(prim).into(),
            consts,
            zero: format!("{}({zero})", r.name),
            has_ptr: true,
        })
    }

    fn types_files(&mut self, dir: &str, objects: &[Token], enums: &[Token]) {
        for (n, chunk) in enums.chunks(SMALL_PER_FILE).enumerate() {
            let models: Vec<Enum> = chunk.iter().filter_map(|t| self.enum_model(t)).collect();
            if models.is_empty() {
                continue;
            }
            let file = TypesFile {
                head: self.head(
                    dir,
                    &["context", "reflect"],
                    vec![PULUMI.into()],
                    Vec::new(),
                ),
                enums: models,
                ..Default::default()
            };
            let name = chunk_file("pulumiEnums", n);
            self.out.push(Artifact::template(
                self.root_path(dir, &name),
                "go/types.go.tera",
                &file,
            ));
        }
        let objects: Vec<Token> = objects
            .iter()
            .filter(|t| !matches!(self.pkg.types.get(t), Some(TypeDef::Object(o)) if o.alias_of.is_some()))
            .cloned()
            .collect();
        for (n, chunk) in objects.chunks(TYPES_PER_FILE).enumerate() {
            let mut imports = Vec::new();
            let models: Vec<Object> = chunk
                .iter()
                .filter_map(|t| self.object_model(dir, t, &mut imports))
                .collect();
            if models.is_empty() {
                continue;
            }
            let file = TypesFile {
                head: self.head(dir, &["context", "reflect"], vec![PULUMI.into()], imports),
                objects: models,
                ..Default::default()
            };
            let name = chunk_file("pulumiTypes", n);
            self.out.push(Artifact::template(
                self.root_path(dir, &name),
                "go/types.go.tera",
                &file,
            ));
        }
    }

    /// `pulumiAliases*.go` for the alias object types of `dir`, once the containers of the
    /// canonical types are known (an alias also names the canonical type's containers).
    fn aliases_files(&mut self, dir: &str, objects: &[Token], conts: &BTreeMap<String, GoTy>) {
        let mut aliases = Vec::new();
        for tok in objects {
            let Some(TypeDef::Object(o)) = self.pkg.types.get(tok) else {
                continue;
            };
            let Some(canonical) = &o.alias_of else {
                continue;
            };
            let (Some(name), Some(target)) = (self.names.objects.get(tok), self.names.objects.get(canonical)) else {
                continue;
            };
            let containers = conts
                .keys()
                .filter_map(|c| {
                    let rest = c.strip_prefix(target.name.as_str())?;
                    let only_shapes = !rest.is_empty() && rest.replace("Array", "").replace("Map", "").is_empty();
                    only_shapes.then(|| (format!("{}{rest}", name.name), c.clone()))
                })
                .collect();
            aliases.push(ObjectAlias {
                name: name.name.clone(),
                target: target.name.clone(),
                has_ptr: self.ptr_needed.contains(canonical),
                containers,
            });
        }
        for (n, chunk) in aliases.chunks(ALIASES_PER_FILE).enumerate() {
            let file = AliasesFile {
                head: self.head(dir, &[], Vec::new(), Vec::new()),
                aliases: chunk.to_vec(),
            };
            let name = chunk_file("pulumiAliases", n);
            self.out.push(Artifact::template(self.root_path(dir, &name), "go/aliases.go.tera", &file));
        }
    }

    fn containers_files(&mut self, dir: &str, conts: BTreeMap<String, GoTy>) {
        let list: Vec<(String, GoTy)> = conts
            .into_iter()
            .filter(|(_, t)| builtin_name(t).is_none())
            .collect();
        for (n, chunk) in list.chunks(SMALL_PER_FILE).enumerate() {
            let mut c = ctx!(self, dir);
            let mut models = Vec::new();
            for (name, ty) in chunk {
                let (elem, is_map) = match ty {
                    GoTy::Array(e) => (&**e, false),
                    GoTy::Map(e) => (&**e, true),
                    _ => continue,
                };
                models.push(Container {
                    name: name.clone(),
                    is_map,
                    elem_input: c.input(elem, false),
                    elem_output: c.output(elem, false),
                    elem_plain: c.plain(elem, false),
                });
            }
            let imports = c.import_lines();
            // Containers of containers recorded while spelling these are already in the list
            // (the chain is recorded whole), so nothing new can appear here.
            if models.is_empty() {
                continue;
            }
            let file = TypesFile {
                head: self.head(dir, &["context", "reflect"], vec![PULUMI.into()], imports),
                containers: models,
                ..Default::default()
            };
            let name = chunk_file("pulumiContainers", n);
            self.out.push(Artifact::template(
                self.root_path(dir, &name),
                "go/types.go.tera",
                &file,
            ));
        }
    }

    fn init_file(&mut self, dir: &str, resources: &[usize]) {
        let pkg = self.pkg;
        let util = self.util_prefix(dir);
        let mut constructs = Vec::new();
        let mut modules = BTreeSet::new();
        let mut has_provider = false;
        for i in resources {
            if *i == PROVIDER {
                has_provider = true;
                continue;
            }
            let r = &pkg.resources[*i];
            let Some(n) = self.res.get(i) else { continue };
            constructs.push((go_str(&r.token.to_string()), n.name.clone()));
            modules.insert(go_str(&r.token.module));
        }
        constructs.sort();
        let mut imports = vec![
            PULUMI.to_string(),
            "\"github.com/blang/semver\"".to_string(),
        ];
        if !util.is_empty() {
            imports.push(self.util_import());
        }
        let model = InitFile {
            head: self.head(dir, &["fmt"], imports, Vec::new()),
            util,
            constructs,
            modules: modules.into_iter().collect(),
            pkg_lit: go_str(&pkg.name),
            provider_token_lit: go_str(&format!("pulumi:providers:{}", pkg.name)),
            has_provider,
        };
        self.out.push(Artifact::template(
            self.root_path(dir, "init.go"),
            "go/init.go.tera",
            &model,
        ));
    }

    fn config_file(&mut self) {
        let pkg = self.pkg;
        if pkg.config.is_empty() {
            return;
        }
        let dir = self.config_dir.clone();
        let util = self.util_prefix(&dir);
        let mut vars = Vec::new();
        let mut uses_util = false;
        for p in sorted_props(&pkg.config) {
            let Some(scope) = self.dirs.get_mut(&dir).map(|d| &mut d.scope) else {
                return;
            };
            let name = scope.claim(&format!("Get{}", exported(&p.name.wire)));
            let prim = match &p.ty {
                TypeRef::Primitive { primitive } => Some(*primitive),
                _ => None,
            };
            let (ty, func) = match prim {
                Some(Primitive::Boolean) => ("bool", "Bool"),
                Some(Primitive::Integer) => ("int", "Int"),
                Some(Primitive::Number) => ("float64", "Float64"),
                _ => ("string", ""),
            };
            let p_eff = prim.unwrap_or(Primitive::String);
            let default = p
                .default
                .as_ref()
                .and_then(|d| d.value.as_ref())
                .and_then(|v| literal(v, p_eff));
            let env_args = p
                .default
                .as_ref()
                .filter(|d| !d.environment.is_empty())
                .map(|d| {
                    let parser = env_parser(p_eff);
                    let parser = if parser.is_empty() {
                        "nil".to_string()
                    } else {
                        format!("{util}{parser}")
                    };
                    format!(
                        "{parser}, {}",
                        d.environment
                            .iter()
                            .map(|e| go_str(e))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            uses_util |= env_args.is_some();
            vars.push(ConfigVar {
                docs: comment(p.docs.as_deref(), p.deprecation.as_deref(), ""),
                name,
                key_lit: go_str(&format!("{}:{}", pkg.name, p.name.wire)),
                ty: ty.into(),
                func: func.into(),
                default,
                env_args,
            });
        }
        let mut imports = vec![
            PULUMI.to_string(),
            "\"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\"".to_string(),
        ];
        if uses_util && !util.is_empty() {
            imports.push(self.util_import());
        }
        let model = ConfigFile {
            head: self.head(&dir, &[], imports, Vec::new()),
            util,
            vars,
        };
        self.out.push(Artifact::template(
            self.root_path(&dir, "config.go"),
            "go/config.go.tera",
            &model,
        ));
    }

    fn utilities_file(&mut self) {
        let dir = self.util_dir.clone();
        let version = self.pkg.version.clone().unwrap_or_default();
        let module_major = self
            .s
            .layout
            .module
            .rsplit('/')
            .next()
            .and_then(|l| l.strip_prefix('v'))
            .and_then(|n| n.parse::<u64>().ok());
        let version_major = version
            .trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|n| n.parse::<u64>().ok());
        let major = version_major.or(module_major).unwrap_or(1);
        let url = self
            .pkg
            .meta
            .plugin_download_url
            .as_ref()
            .map(|u| go_str(u));
        let model = UtilitiesFile {
            head: self.head(
                &dir,
                if version.is_empty() {
                    &["os", "reflect", "strconv"]
                } else {
                    &["fmt", "os", "reflect", "strconv"]
                },
                vec![PULUMI.into(), "\"github.com/blang/semver\"".into()],
                Vec::new(),
            ),
            version_lit: go_str(&version),
            has_version: !version.is_empty(),
            plugin_download_url_lit: url,
            major,
        };
        self.out.push(Artifact::template(
            self.root_path(&dir, "pulumiUtilities.go"),
            "go/utilities.go.tera",
            &model,
        ));
    }

    fn root_files(&mut self) {
        let pkg = self.pkg;
        let root = self.s.layout.root_package.clone();
        let desc = pkg
            .meta
            .description
            .clone()
            .unwrap_or_else(|| format!("Package {root} exports types, functions, subpackages for provisioning {} resources.", pkg.name));
        let doc = DocFile {
            generated: GENERATED_HEADER.into(),
            docs: comment(Some(&desc), None, ""),
            package: root,
        };
        self.out.push(Artifact::template(
            self.root_path("", "doc.go"),
            "go/doc.go.tera",
            &doc,
        ));
        let mut plugin = serde_json::Map::new();
        plugin.insert("resource".into(), Value::Bool(true));
        plugin.insert("name".into(), Value::String(pkg.name.clone()));
        if let Some(v) = &pkg.version {
            plugin.insert("version".into(), Value::String(v.clone()));
        }
        if let Some(u) = &pkg.meta.plugin_download_url {
            plugin.insert("server".into(), Value::String(u.clone()));
        }
        let mut json = serde_json::to_string_pretty(&Value::Object(plugin)).unwrap_or_default();
        json.push('\n');
        self.out.push(Artifact::bytes(
            self.root_path("", "pulumi-plugin.json"),
            json,
        ));
        let gomod = GoMod {
            generated: GENERATED_HEADER.into(),
            module: self.s.layout.module.clone(),
            go_version: GO_VERSION.into(),
            requires: vec![
                ("github.com/blang/semver".into(), SEMVER_VERSION.into()),
                (
                    "github.com/pulumi/pulumi/sdk/v3".into(),
                    PULUMI_SDK_VERSION.into(),
                ),
            ],
        };
        self.out
            .push(Artifact::template("go.mod", "go/go.mod.tera", &gomod));
        self.out.push(Artifact::bytes("README.md", readme::render(pkg, &self.readme_of())));
    }

    /// Go's part of the README: `go get`, and the first program spelled with the planned
    /// package, constructor and field names (laid out as gofmt would).
    fn readme_of(&self) -> readme::LanguageReadme {
        let pkg = self.pkg;
        let base = &self.s.layout.import_base;
        let program = readme::example(pkg).and_then(|ex| {
            let i = pkg.resources.iter().position(|r| std::ptr::eq(r, ex.resource))?;
            let names = self.res.get(&i)?;
            let path = if names.dir.is_empty() { base.clone() } else { format!("{base}/{}", names.dir) };
            let package = self.package_name(&names.dir);
            if package == "pulumi" {
                return None; // would shadow the runtime's package in the program
            }
            let import = if path.rsplit('/').next() == Some(package.as_str()) {
                go_str(&path)
            } else {
                format!("{package} {}", go_str(&path))
            };
            let mut imports = [import, go_str("github.com/pulumi/pulumi/sdk/v3/go/pulumi")];
            imports.sort();
            let (var, name) = (&ex.var, &names.name);
            let args = if ex.inputs.is_empty() {
                "nil".to_string()
            } else {
                let fields: Vec<&String> = ex.inputs.iter().filter_map(|p| names.fields.get(&p.name.wire)).collect();
                let width = fields.iter().map(|f| f.len()).max().unwrap_or(0);
                let lines: String = fields
                    .iter()
                    .map(|f| format!("\t\t\t{f}:{:pad$}pulumi.String({}),\n", "", go_str(readme::PLACEHOLDER), pad = width - f.len() + 1))
                    .collect();
                format!("&{package}.{name}Args{{\n{lines}\t\t}}")
            };
            Some(readme::Snippet {
                fence: "go",
                code: format!(
                    "package main\n\nimport (\n\t{}\n\t{}\n)\n\nfunc main() {{\n\tpulumi.Run(func(ctx *pulumi.Context) error {{\n\t\t{var}, err := {package}.New{name}(ctx, {}, {args})\n\t\tif err != nil {{\n\t\t\treturn err\n\t\t}}\n\t\tctx.Export(\"id\", {var}.ID())\n\t\treturn nil\n\t}})\n}}\n",
                    imports[0],
                    imports[1],
                    go_str(var),
                ),
            })
        });
        readme::LanguageReadme {
            language: "Go",
            package_ref: base.clone(),
            install: vec![readme::Snippet { fence: "sh", code: format!("go get {}", readme::shell_word(base)) }],
            program,
            verbatim: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_like_gofmt() {
        let rows = vec![
            (
                vec![],
                "A".to_string(),
                "string".to_string(),
                "`pulumi:\"a\"`".to_string(),
            ),
            (
                vec![],
                "Longer".to_string(),
                "*int".to_string(),
                "`pulumi:\"l\"`".to_string(),
            ),
            (
                vec!["// doc".to_string()],
                "B".to_string(),
                "bool".to_string(),
                "`pulumi:\"b\"`".to_string(),
            ),
        ];
        let f = align(rows);
        assert_eq!(f[0].line, "A      string `pulumi:\"a\"`");
        assert_eq!(f[1].line, "Longer *int   `pulumi:\"l\"`");
        assert_eq!(f[2].line, "B bool `pulumi:\"b\"`");
    }

    #[test]
    fn literals_fit_types() {
        assert_eq!(
            literal(&serde_json::json!(3), Primitive::Integer).as_deref(),
            Some("3")
        );
        assert_eq!(
            literal(&serde_json::json!(3), Primitive::Number).as_deref(),
            Some("3.0")
        );
        assert_eq!(literal(&serde_json::json!("x"), Primitive::Integer), None);
        assert_eq!(
            literal(&serde_json::json!("a\"b"), Primitive::String).as_deref(),
            Some("\"a\\\"b\"")
        );
    }
}

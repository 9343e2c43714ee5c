//! One module's files: its `_inputs.py`, `outputs.py` and `_enums.py`, and its lazy
//! `__init__.py` (the root's also registers every resource module and the provider).

use super::docs::{clean, docstring};
use super::enums::{self, enums_file};
use super::layout;
use super::model::*;
use super::names::Module;
use super::objects::{input_exports, inputs_file, inputs_of, outputs_file, outputs_of};
use super::values::{py_long_str, py_str};
use super::Cx;
use crate::backends::sdk::MemberId;
use crate::backends::Artifact;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The files of module `module`.
pub fn module_files(cx: &Cx, module: &Module) -> Vec<Artifact> {
    let m = module.path.as_str();
    let file = |name: &str| layout::file(&cx.names.package, m, name);
    let mut out = Vec::new();
    let inputs = inputs_of(cx, &module.members.objects);
    let outputs = outputs_of(cx, &module.members.objects);
    if !inputs.is_empty() {
        out.push(Artifact::template(file("_inputs.py"), "python/_inputs.py.tera", &inputs_file(cx, &inputs, m)));
    }
    if !outputs.is_empty() {
        out.push(Artifact::template(file("outputs.py"), "python/outputs.py.tera", &outputs_file(cx, &outputs, m)));
    }
    if !module.members.enums.is_empty() {
        out.push(Artifact::template(file("_enums.py"), "python/_enums.py.tera", &enums_file(cx, &module.members.enums, m)));
    }
    if m == "config" && !cx.pkg().config.is_empty() {
        // The configuration's own `__init__` (see `config.rs`).
        return out;
    }
    let model = init_file(cx, module, (!inputs.is_empty()).then(|| input_exports(cx, &inputs)), !outputs.is_empty());
    out.push(Artifact::template(file("__init__.py"), "python/__init__.py.tera", &model));
    out
}

/// The names each file of `module` exports (file stem → `__all__`), for the lazy table.
fn file_exports(cx: &Cx, module: &Module) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let provider = module.path.is_empty().then_some(MemberId::Provider);
    for id in provider.into_iter().chain(module.members.resources.iter().copied()) {
        out.insert(cx.names.resources[&id].file.clone(), cx.names.resource_exports(id));
    }
    for &i in &module.members.functions {
        out.insert(cx.names.functions[&i].file.clone(), cx.names.function_exports(cx.sdk, i));
    }
    if !module.members.enums.is_empty() {
        out.insert("_enums".to_string(), enums::exports(cx, &module.members.enums));
    }
    out
}

/// The `__init__.py` of `module`; `inputs` are the names its `_inputs.py` exports.
fn init_file(cx: &Cx, module: &Module, inputs: Option<Vec<String>>, has_outputs: bool) -> InitFile {
    let m = module.path.as_str();
    let file_names = file_exports(cx, module);
    let mut exports = module.files.clone();
    if !module.members.enums.is_empty() {
        exports.push("_enums".into());
    }
    exports.sort();
    let fqn = layout::fqn(&cx.names.package, m);
    let submodules: Vec<Submodule> = module.children.iter().map(|c| Submodule { fqn: format!("{fqn}.{c}"), name: c.clone() }).collect();
    let docstring = match &cx.pkg().meta.description {
        Some(d) if m.is_empty() => docstring(&clean(d), ""),
        _ => String::new(),
    };
    let bindings = init_bindings(exports.iter().map(|f| (f.as_str(), &file_names[f][..])), inputs.as_deref(), has_outputs, submodules.iter().map(|s| s.name.as_str()));
    let mut by_file: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut lazy_modules = Vec::new();
    for (name, b) in &bindings {
        match b {
            Binding::Member(file) => by_file.entry(file).or_default().push(name),
            Binding::Module => lazy_modules.push(name.as_str()),
        }
    }
    InitFile {
        head: FileHead::new(BTreeSet::new(), m, false),
        docstring,
        exports,
        has_inputs: inputs.is_some(),
        has_outputs,
        submodules,
        lazy_members: by_file.into_iter().map(|(file, names)| (py_str(file), words_lit(&names, "            "))).collect(),
        lazy_modules: words_lit(&lazy_modules, "        "),
        register: m.is_empty().then(|| registrations(cx)),
    }
}

/// What a name of a module's `__init__` is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Binding {
    /// A member exported by this file of the module.
    Member(String),
    /// The submodule of that name itself.
    Module,
}

/// The names a module's `__init__` binds, as its eager form did in order: each file (the
/// import binds the file's module, then `import *` its members, later ones winning), then
/// `_inputs`, `outputs` and the child packages. The lazy table must bind exactly these.
fn init_bindings<'n>(
    files: impl Iterator<Item = (&'n str, &'n [String])>,
    inputs: Option<&'n [String]>,
    has_outputs: bool,
    children: impl Iterator<Item = &'n str>,
) -> BTreeMap<String, Binding> {
    fn bind_file(out: &mut BTreeMap<String, Binding>, file: &str, names: &[String]) {
        out.insert(file.to_string(), Binding::Module);
        for n in names {
            out.insert(n.clone(), Binding::Member(file.to_string()));
        }
    }
    let mut out = BTreeMap::new();
    for (file, names) in files {
        bind_file(&mut out, file, names);
    }
    if let Some(names) = inputs {
        bind_file(&mut out, "_inputs", names);
    }
    if has_outputs {
        out.insert("outputs".into(), Binding::Module);
    }
    for c in children {
        out.insert(c.to_string(), Binding::Module);
    }
    out
}

/// Names as one space-separated Python string (a compact table: one constant to compile,
/// split at run time). Past a line's width, adjacent literals in parentheses, each line
/// indented by `indent` plus four spaces; every line but the last ends in the separator.
fn words_lit(names: &[&str], indent: &str) -> String {
    const WIDTH: usize = 80;
    let mut lines: Vec<String> = Vec::new();
    for n in names {
        match lines.last_mut() {
            Some(l) if l.len() + 1 + n.len() <= WIDTH => {
                l.push(' ');
                l.push_str(n);
            }
            last => {
                if let Some(l) = last {
                    l.push(' ');
                }
                lines.push(n.to_string());
            }
        }
    }
    match lines.as_slice() {
        [] => py_str(""),
        [one] => py_str(one),
        _ => {
            let mut out = String::from("(\n");
            for l in &lines {
                out.push_str(&format!("{indent}    {}\n", py_str(l)));
            }
            out.push_str(indent);
            out.push(')');
            out
        }
    }
}

/// The `_utilities.register(...)` arguments: every resource module and the provider.
fn registrations(cx: &Cx) -> (String, String) {
    let mut mods: BTreeMap<String, (String, BTreeMap<String, String>)> = BTreeMap::new();
    for (id, r) in cx.sdk.members() {
        if r.is_provider {
            continue;
        }
        let rn = &cx.names.resources[&id];
        let e = mods.entry(r.token.module.clone()).or_insert_with(|| (layout::fqn(&cx.names.package, &rn.module), BTreeMap::new()));
        e.1.insert(r.token.to_string(), rn.class.clone());
    }
    // JSON in a string, parsed by `register`, as the official SDKs do: one constant
    // compiles in a blink, a Python literal of every resource of a large provider does not.
    let pkg = cx.pkg();
    let rm: Vec<Value> =
        mods.into_iter().map(|(mod_, (fqn, classes))| serde_json::json!({"pkg": pkg.name, "mod": mod_, "fqn": fqn, "classes": classes})).collect();
    let rp = vec![serde_json::json!({"pkg": pkg.name, "token": pkg.provider.token.to_string(), "fqn": cx.names.package, "class": "Provider"})];
    let json = |v: &Vec<Value>| -> String {
        let mut buf = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
        serde::Serialize::serialize(v, &mut ser).expect("JSON of strings");
        py_long_str(&format!("\n{}\n", String::from_utf8(buf).expect("UTF-8")))
    };
    (json(&rm), json(&rp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_literals_wrap_keeping_separators() {
        assert_eq!(words_lit(&[], "    "), "\"\"");
        assert_eq!(words_lit(&["Bucket", "BucketArgs"], "    "), "\"Bucket BucketArgs\"");
        let long: Vec<String> = (0..30).map(|i| format!("Name{i:02}")).collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        let lit = words_lit(&refs, "  ");
        assert!(lit.starts_with("(\n      \"Name00 Name01 ") && lit.ends_with("\"\n  )"), "{lit}");
        // Joined back (as Python concatenates adjacent literals) the words are intact.
        let joined: String = lit.lines().filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"').map(str::to_string)).collect();
        assert_eq!(joined.split(' ').collect::<Vec<_>>(), refs);
        assert!(lit.lines().all(|l| l.len() <= 80 + 8), "{lit}");
    }

    #[test]
    fn init_bindings_follow_the_eager_import_order() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (get_x, thing, inputs) = (s(&["get_x", "get_x_output"]), s(&["Thing", "ThingArgs"]), s(&["XArgs"]));
        let b = init_bindings([("get_x", &get_x[..]), ("thing", &thing[..])].into_iter(), Some(&inputs[..]), true, ["sub"].into_iter());
        let member = |f: &str| Binding::Member(f.to_string());
        // A function named like its file shadows the file's module, as `import *` did.
        assert_eq!(b["get_x"], member("get_x"));
        assert_eq!(b["get_x_output"], member("get_x"));
        assert_eq!(b["thing"], Binding::Module);
        assert_eq!(b["ThingArgs"], member("thing"));
        assert_eq!(b["XArgs"], member("_inputs"));
        assert_eq!(b["_inputs"], Binding::Module);
        assert_eq!(b["outputs"], Binding::Module);
        assert_eq!(b["sub"], Binding::Module);
        assert_eq!(b.len(), 9);
    }
}

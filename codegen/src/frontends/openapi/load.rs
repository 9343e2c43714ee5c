//! Loading an OpenAPI document into one self-contained JSON value: external `$ref`s are
//! resolved relative to the file that contains them (schemas are hoisted into the root's
//! schema section under a stable name so they stay named types and cycles stay broken;
//! everything else is inlined), and examples and code samples are dropped before anything
//! else looks at them (they are most of a large multi-file spec and nothing uses them).
//!
//! Version conversion happens on the bundled value afterwards (see [`super::convert`]).

use crate::diag::{Diagnostic, SourceRef};
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

/// Keys that hold examples or code samples: dropped while bundling.
const DROPPED: [&str; 4] = ["example", "examples", "x-codeSamples", "x-code-samples"];

/// Keys whose value is a map from names to objects (so a member named `example` stays).
const NAME_MAPS: [&str; 13] = [
    "paths",
    "parameters",
    "responses",
    "headers",
    "content",
    "schemas",
    "definitions",
    "securitySchemes",
    "requestBodies",
    "links",
    "callbacks",
    "variables",
    "encoding",
];

/// Schema keywords whose value is one schema (or, for `items`, possibly a list).
const SUBSCHEMA: [&str; 11] =
    ["items", "additionalProperties", "not", "additionalItems", "contains", "if", "then", "else", "propertyNames", "unevaluatedProperties", "unevaluatedItems"];

/// Schema keywords whose value is a list of schemas.
const SCHEMA_LISTS: [&str; 4] = ["allOf", "oneOf", "anyOf", "prefixItems"];

/// Schema keywords whose value maps names to schemas.
const SCHEMA_MAPS: [&str; 4] = ["properties", "patternProperties", "definitions", "$defs"];

/// Resolves every external reference of `root` in place. `base` is the root file's real
/// path (needed for relative references); `swagger` picks where hoisted schemas go.
pub fn bundle(root: &mut Value, display: &str, base: Option<&Path>, swagger: bool) -> Vec<Diagnostic> {
    let root_file = base.and_then(|p| std::fs::canonicalize(p).ok()).unwrap_or_else(|| PathBuf::from(display));
    let root_dir = root_file.parent().map(Path::to_path_buf);
    let display_dir = Path::new(display).parent().map(Path::to_path_buf).unwrap_or_default();
    let (section, prefix) = if swagger { (vec!["definitions"], "#/definitions/") } else { (vec!["components", "schemas"], "#/components/schemas/") };
    let mut b = Bundler {
        display: display.to_string(),
        can_resolve: base.is_some(),
        root_file: root_file.clone(),
        root_dir,
        display_dir,
        files: HashMap::new(),
        hoisted: HashMap::new(),
        taken: BTreeSet::new(),
        new_schemas: Vec::new(),
        prefix,
        diags: Vec::new(),
        stack: Vec::new(),
        path: Vec::new(),
    };
    let schemas_ptr = format!("/{}", section.join("/"));
    // Names already in the root's schema section are taken; a root entry that is only an
    // external reference lends its name to the schema it points at.
    if let Some(Value::Object(schemas)) = root.pointer(&schemas_ptr) {
        for (name, entry) in schemas {
            b.taken.insert(name.clone());
            if let Some(r) = ref_of(entry) {
                if let Some((file, frag)) = b.resolve(r, &root_file) {
                    if file != root_file {
                        b.hoisted.insert((file, frag), name.clone());
                    }
                }
            }
        }
    }
    let root_path = root_file.clone();
    if b.can_resolve {
        b.prefetch(root);
    }
    if let Value::Object(map) = root {
        for (k, v) in map.iter_mut() {
            b.path.push(k.clone());
            let is_schema_section = k == section[0];
            if is_schema_section && section.len() == 1 {
                b.walk_schema_map(v, &root_path, true);
            } else if is_schema_section {
                if let Value::Object(comp) = v {
                    for (ck, cv) in comp.iter_mut() {
                        b.path.push(ck.clone());
                        if ck == section[1] {
                            b.walk_schema_map(cv, &root_path, true);
                        } else if ck == "examples" {
                            // Example payloads may hold `$ref` keys that are data, not references.
                            *cv = Value::Object(Map::new());
                        } else {
                            b.walk_other(cv, &root_path, true);
                        }
                        b.path.pop();
                    }
                }
            } else if DROPPED.contains(&k.as_str()) {
                *v = Value::Null;
            } else {
                b.walk_other(v, &root_path, NAME_MAPS.contains(&k.as_str()));
            }
            b.path.pop();
        }
        map.retain(|k, v| !(DROPPED.contains(&k.as_str()) && v.is_null()));
    }
    // Hoisted schemas join the root's schema section.
    if !b.new_schemas.is_empty() {
        let mut cur = &mut *root;
        for seg in &section {
            if !cur.is_object() {
                break;
            }
            cur = cur.as_object_mut().expect("checked").entry(seg.to_string()).or_insert_with(|| Value::Object(Map::new()));
        }
        if let Value::Object(m) = cur {
            for (name, schema) in std::mem::take(&mut b.new_schemas) {
                m.insert(name, schema);
            }
        }
    }
    b.diags
}

fn ref_of(v: &Value) -> Option<&str> {
    v.as_object().and_then(|m| m.get("$ref")).and_then(Value::as_str)
}

struct Bundler {
    display: String,
    can_resolve: bool,
    root_file: PathBuf,
    root_dir: Option<PathBuf>,
    display_dir: PathBuf,
    /// Parsed external files (`None`: unreadable, already reported).
    files: HashMap<PathBuf, Option<Value>>,
    /// (file, pointer) of a hoisted schema → its name in the root.
    hoisted: HashMap<(PathBuf, String), String>,
    taken: BTreeSet<String>,
    new_schemas: Vec<(String, Value)>,
    prefix: &'static str,
    diags: Vec<Diagnostic>,
    /// Inlined references being expanded (cycle guard).
    stack: Vec<(PathBuf, String)>,
    /// JSON pointer segments of the node being walked, in the file being walked.
    path: Vec<String>,
}

impl Bundler {
    /// Where the node being walked is, for diagnostics.
    fn here(&self, file: &Path) -> SourceRef {
        let mut s = SourceRef::new(self.display_of(file), "");
        for seg in &self.path {
            s = s.child(seg);
        }
        s
    }

    /// How a file is named in diagnostics: relative to the root's displayed directory.
    fn display_of(&self, file: &Path) -> String {
        if file == self.root_file {
            return self.display.clone();
        }
        match self.root_dir.as_deref().and_then(|d| file.strip_prefix(d).ok()) {
            Some(rel) => self.display_dir.join(rel).to_string_lossy().replace('\\', "/"),
            None => file.to_string_lossy().replace('\\', "/"),
        }
    }

    /// Splits a reference into the absolute file it names and its (decoded) fragment.
    fn resolve(&self, r: &str, from: &Path) -> Option<(PathBuf, String)> {
        let (file_part, frag) = match r.split_once('#') {
            Some((f, p)) => (f, p),
            None => (r, ""),
        };
        let frag = percent_decode(frag);
        if file_part.is_empty() {
            return Some((from.to_path_buf(), frag));
        }
        if file_part.contains("://") || !self.can_resolve {
            return None;
        }
        let rel = percent_decode(file_part);
        let dir = from.parent().unwrap_or(Path::new(""));
        let joined = normalize(&dir.join(rel));
        Some((std::fs::canonicalize(&joined).unwrap_or(joined), frag))
    }

    fn unresolvable(&mut self, r: &str, file: &Path) {
        let why = if r.contains("://") {
            "remote references are not fetched"
        } else if !self.can_resolve {
            "the input's location is unknown, so relative file references cannot be followed"
        } else {
            "the reference is malformed"
        };
        let src = self.here(file).child("$ref");
        self.diags.push(
            Diagnostic::error(src, format!("cannot resolve `$ref: {r}`: {why}"))
                .with_hint("bundle the spec into one file, or reference files by a relative path"),
        );
    }

    /// Parses every file reachable by reference from `root`, a wave of files at a time in
    /// parallel (a multi-file spec has thousands). Files that fail are left for
    /// [`fetch`](Self::fetch), which reports them where they are referenced.
    fn prefetch(&mut self, root: &Value) {
        use rayon::prelude::*;
        let mut seen: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
        let mut refs = Vec::new();
        collect_refs(root, &mut refs);
        let mut frontier: Vec<PathBuf> = Vec::new();
        let root_file = self.root_file.clone();
        let push_refs = |refs: &[String], from: &Path, frontier: &mut Vec<PathBuf>, seen: &mut std::collections::HashSet<PathBuf>, b: &Self| {
            for r in refs {
                if let Some((f, _)) = b.resolve(r, from) {
                    if f != root_file && !b.files.contains_key(&f) && seen.insert(f.clone()) {
                        frontier.push(f);
                    }
                }
            }
        };
        push_refs(&refs, &root_file.clone(), &mut frontier, &mut seen, self);
        while !frontier.is_empty() {
            frontier.sort();
            let parsed: Vec<(PathBuf, Option<Value>, Vec<String>)> = frontier
                .par_iter()
                .map(|f| {
                    let v = std::fs::read(f).ok().and_then(|b| parse_file(&b, "").ok());
                    let mut refs = Vec::new();
                    if let Some(v) = &v {
                        collect_refs(v, &mut refs);
                    }
                    (f.clone(), v, refs)
                })
                .collect();
            let mut next = Vec::new();
            for (f, v, refs) in parsed {
                if let Some(v) = v {
                    push_refs(&refs, &f, &mut next, &mut seen, self);
                    self.files.insert(f, Some(v));
                }
            }
            frontier = next;
        }
    }

    /// Loads `file` (cached) and returns a copy of the value at `frag`, or reports why not.
    fn fetch(&mut self, file: &Path, frag: &str, r: &str, site: &Path) -> Option<Value> {
        if !self.files.contains_key(file) {
            let display = self.display_of(file);
            let loaded = match std::fs::read(file) {
                Ok(bytes) => match parse_file(&bytes, &display) {
                    Ok(v) => Some(v),
                    Err(d) => {
                        self.diags.extend(d);
                        None
                    }
                },
                Err(e) => {
                    let src = self.here(site).child("$ref");
                    self.diags.push(
                        Diagnostic::error(src, format!("cannot read `{display}` named by `$ref: {r}`: {e}"))
                            .with_hint("check the file exists next to the file that refers to it"),
                    );
                    None
                }
            };
            self.files.insert(file.to_path_buf(), loaded);
        }
        let doc = self.files.get(file)?.as_ref()?;
        let found = if frag.is_empty() { Some(doc) } else { doc.pointer(frag) };
        match found {
            Some(v) => Some(v.clone()),
            None => {
                let src = self.here(site).child("$ref");
                let target = SourceRef::new(self.display_of(file), frag);
                self.diags.push(
                    Diagnostic::error(src, format!("`$ref: {r}` points at nothing: no `{target}`"))
                        .with_hint("fix the JSON pointer after `#` or the file name before it"),
                );
                None
            }
        }
    }

    /// Walks a name → schema map.
    fn walk_schema_map(&mut self, v: &mut Value, file: &Path, root_section: bool) {
        let Value::Object(m) = v else { return };
        for (name, entry) in m.iter_mut() {
            self.path.push(name.clone());
            // A root entry that only references an external schema becomes that schema.
            let ext = if root_section { ref_of(entry).and_then(|r| self.resolve(r, file)).filter(|(f, _)| f != &self.root_file) } else { None };
            match ext {
                Some((tf, frag)) if self.hoisted.get(&(tf.clone(), frag.clone())) == Some(name) => {
                    let r = ref_of(entry).unwrap_or_default().to_string();
                    let mut content = self.fetch(&tf, &frag, &r, file).unwrap_or(Value::Object(Map::new()));
                    let saved = std::mem::replace(&mut self.path, frag_segments(&frag));
                    self.walk_schema(&mut content, &tf);
                    self.path = saved;
                    *entry = content;
                }
                _ => self.walk_schema(entry, file),
            }
            self.path.pop();
        }
    }

    /// Walks anything that is not a schema; `name_map`: `v`'s keys are names, not keywords.
    fn walk_other(&mut self, v: &mut Value, file: &Path, name_map: bool) {
        match v {
            Value::Object(m) => {
                if !name_map {
                    if let Some(r) = m.get("$ref").and_then(Value::as_str).map(str::to_string) {
                        self.inline_ref(v, &r, file);
                        return;
                    }
                    m.retain(|k, _| !DROPPED.contains(&k.as_str()));
                }
                for (k, child) in m.iter_mut() {
                    self.path.push(k.clone());
                    if !name_map && k == "schema" {
                        self.walk_schema(child, file);
                    } else {
                        self.walk_other(child, file, !name_map && NAME_MAPS.contains(&k.as_str()));
                    }
                    self.path.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter_mut().enumerate() {
                    self.path.push(i.to_string());
                    self.walk_other(child, file, false);
                    self.path.pop();
                }
            }
            _ => {}
        }
    }

    /// Replaces a non-schema reference to another file with a copy of its target.
    fn inline_ref(&mut self, v: &mut Value, r: &str, file: &Path) {
        let Some((tf, frag)) = self.resolve(r, file) else {
            self.unresolvable(r, file);
            return;
        };
        if tf == self.root_file {
            if file != self.root_file {
                v["$ref"] = Value::String(format!("#{}", encode_fragment(&frag)));
            }
            return;
        }
        let key = (tf.clone(), frag.clone());
        if self.stack.contains(&key) {
            let src = self.here(file).child("$ref");
            self.diags
                .push(Diagnostic::error(src, format!("`$ref: {r}` refers to itself through other files")).with_hint("break the cycle with a schema reference"));
            *v = Value::Object(Map::new());
            return;
        }
        let Some(mut content) = self.fetch(&tf, &frag, r, file) else {
            *v = Value::Object(Map::new());
            return;
        };
        self.stack.push(key);
        let saved = std::mem::replace(&mut self.path, frag_segments(&frag));
        self.walk_other(&mut content, &tf, false);
        self.path = saved;
        self.stack.pop();
        *v = content;
    }

    /// Walks a schema: references to other files are hoisted, sub-schemas walked.
    fn walk_schema(&mut self, v: &mut Value, file: &Path) {
        let Value::Object(m) = v else { return };
        if let Some(r) = m.get("$ref").and_then(Value::as_str).map(str::to_string) {
            if let Some(name) = self.schema_ref(&r, file) {
                m.insert("$ref".into(), Value::String(name));
            }
        }
        m.retain(|k, _| k != "example" && k != "examples");
        for (k, child) in m.iter_mut() {
            let k = k.as_str();
            self.path.push(k.to_string());
            if SCHEMA_MAPS.contains(&k) {
                if let Value::Object(props) = child {
                    for (pk, pv) in props.iter_mut() {
                        self.path.push(pk.clone());
                        self.walk_schema(pv, file);
                        self.path.pop();
                    }
                }
            } else if SUBSCHEMA.contains(&k) || SCHEMA_LISTS.contains(&k) {
                match child {
                    Value::Array(items) => {
                        for (i, item) in items.iter_mut().enumerate() {
                            self.path.push(i.to_string());
                            self.walk_schema(item, file);
                            self.path.pop();
                        }
                    }
                    other => self.walk_schema(other, file),
                }
            } else if k == "discriminator" {
                if let Some(Value::Object(mapping)) = child.get_mut("mapping") {
                    for (_, target) in mapping.iter_mut() {
                        if let Some(r) = target.as_str().map(str::to_string) {
                            // Bare names (`Cat`) are schema names, not references.
                            if r.contains('#') || r.contains('/') || r.contains('.') {
                                if let Some(name) = self.schema_ref(&r, file) {
                                    *target = Value::String(name);
                                }
                            }
                        }
                    }
                }
            }
            self.path.pop();
        }
    }

    /// The rewritten reference for a schema `$ref` (`None`: leave it as it is).
    fn schema_ref(&mut self, r: &str, file: &Path) -> Option<String> {
        let Some((tf, frag)) = self.resolve(r, file) else {
            self.unresolvable(r, file);
            return Some(format!("{}__unresolved", self.prefix));
        };
        if tf == self.root_file {
            return if file == self.root_file { None } else { Some(format!("#{}", encode_fragment(&frag))) };
        }
        let name = self.hoist(tf, frag, r, file);
        Some(format!("{}{}", self.prefix, encode_segment(&name)))
    }

    /// The root name of an external schema, hoisting it on first use.
    fn hoist(&mut self, tf: PathBuf, frag: String, r: &str, site: &Path) -> String {
        let key = (tf.clone(), frag.clone());
        if let Some(name) = self.hoisted.get(&key) {
            return name.clone();
        }
        let base = match frag.rsplit('/').next().filter(|s| !s.is_empty()) {
            Some(last) => last.to_string(),
            None => file_stem(&tf),
        };
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        self.hoisted.insert(key, name.clone());
        let mut content = self.fetch(&tf, &frag, r, site).unwrap_or(Value::Object(Map::new()));
        let saved = std::mem::replace(&mut self.path, frag_segments(&frag));
        self.walk_schema(&mut content, &tf);
        self.path = saved;
        self.new_schemas.push((name.clone(), content));
        name
    }
}

/// Parses one referenced file (JSON or YAML). YAML without merge keys goes straight into
/// JSON values (twice as fast as through the YAML value model, and most files of a large
/// multi-file spec are small YAML files); merge keys need the YAML model to be applied.
fn parse_file(bytes: &[u8], display: &str) -> Result<Value, Vec<Diagnostic>> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let json_like = matches!(first, Some(b'{') | Some(b'['));
    let has_merge = bytes.windows(2).any(|w| w == b"<<");
    if !json_like && !has_merge {
        if let Ok(v) = serde_yaml::from_slice::<Value>(bytes) {
            return Ok(v);
        }
    }
    match crate::frontends::to_json_bytes(bytes, display) {
        Ok((json, _)) => serde_json::from_slice::<Value>(&json).map_err(|e| vec![Diagnostic::error(SourceRef::new(display, ""), format!("not JSON: {e}"))]),
        // YAML numbers beyond 64 bits (`maximum: 18446744073709552000`) fail the YAML value
        // model; written as floats they do not.
        Err(d) => match widen_big_integers(bytes).and_then(|b| crate::frontends::to_json_bytes(&b, display).ok()) {
            Some((json, _)) => serde_json::from_slice::<Value>(&json).map_err(|_| d.0),
            None => Err(d.0),
        },
    }
}

/// Every `$ref` string in `v` outside examples and code samples.
fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "$ref" {
                    if let Some(r) = child.as_str() {
                        out.push(r.to_string());
                    }
                } else if !DROPPED.contains(&k.as_str()) {
                    collect_refs(child, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|c| collect_refs(c, out)),
        _ => {}
    }
}

/// YAML integers wider than 64 bits (a `maximum` of 2^64) do not fit the YAML value
/// model; written as floats they do, and JSON numbers lose nothing a schema needs.
/// `None` when there is nothing to widen.
fn widen_big_integers(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let re = regex::Regex::new(r"(?m)(:\s*-?)(\d{20,})(\s*(?:#.*)?)$").ok()?;
    if !re.is_match(text) {
        return None;
    }
    Some(re.replace_all(text, "${1}${2}.0${3}").into_owned().into_bytes())
}

/// `models/droplet.yml` → `droplet`.
fn file_stem(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "schema".into())
}

/// The unescaped segments of a JSON pointer.
fn frag_segments(frag: &str) -> Vec<String> {
    frag.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

fn encode_segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

fn encode_fragment(frag: &str) -> String {
    frag.to_string()
}

/// Decodes `%XX` escapes (file names with spaces are written `%20` in references).
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

/// Removes `.` and `..` components lexically (before the file system is asked).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b.yml"), "a b.yml");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn examples_are_dropped_but_names_stay() {
        let mut v = serde_json::json!({
            "paths": {"/x": {"get": {"parameters": [{"name": "example", "in": "query", "example": 1}], "responses": {}}}},
            "components": {"schemas": {"example": {"type": "object", "example": {}, "properties": {"example": {"type": "string"}}}}}
        });
        let d = bundle(&mut v, "s.json", None, false);
        assert!(d.is_empty());
        assert!(v.pointer("/paths/~1x/get/parameters/0/example").is_none());
        assert!(v.pointer("/components/schemas/example/properties/example").is_some());
        assert!(v.pointer("/components/schemas/example/example").is_none());
    }

    #[test]
    fn external_refs_without_a_path_are_reported() {
        let mut v = serde_json::json!({"components": {"schemas": {"a": {"$ref": "other.yaml#/X"}}}});
        let d = bundle(&mut v, "s.json", None, false);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].source.pointer, "/components/schemas/a/$ref");
    }
}

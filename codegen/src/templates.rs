//! The template set: `templates/<target>/*.tera`, embedded in the binary at build time and
//! overridable file by file with `--templates DIR`. Autoescaping is off: view models carry
//! final, already-escaped strings, and HTML escaping would corrupt code and XML alike.

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use include_dir::{include_dir, Dir};
use std::path::Path;
use tera::Tera;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../templates");

/// Loads every embedded template, then every `*.tera` under `override_dir` (same relative
/// names, e.g. `typescript/resource.ts.tera`) on top. Parsed once per run.
pub fn load(override_dir: Option<&Path>) -> Result<Tera, Diagnostics> {
    let mut sources: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    collect_embedded(&EMBEDDED, &mut sources);
    if let Some(dir) = override_dir {
        if !dir.is_dir() {
            return Err(Diagnostic::error(SourceRef::new(dir.display().to_string(), ""), "templates directory does not exist")
                .with_hint("pass a directory laid out like `templates/` (e.g. DIR/typescript/resource.ts.tera)")
                .into());
        }
        collect_dir(dir, dir, &mut sources).map_err(|e| Diagnostics::from(Diagnostic::error(SourceRef::new(dir.display().to_string(), ""), format!("cannot read templates: {e}"))))?;
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![]);
    tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))).map_err(|e| {
        Diagnostics::from(Diagnostic::error(SourceRef::new("templates", ""), format!("template does not parse: {}", error_chain(&e))))
    })?;
    Ok(tera)
}

fn collect_embedded(dir: &Dir<'_>, out: &mut std::collections::BTreeMap<String, String>) {
    for f in dir.files() {
        let p = f.path().to_string_lossy().replace('\\', "/");
        if p.ends_with(".tera") {
            if let Some(s) = f.contents_utf8() {
                out.insert(p, s.to_string());
            }
        }
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

fn collect_dir(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_dir(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "tera") {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}

/// Tera's errors nest their cause; show the whole chain on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

//! Manifests every Pulumi SDK ships whatever its language: `pulumi-plugin.json`, which
//! tells the engine which resource plugin (name, version, download server) the SDK needs.

use crate::ir::Package;
use serde_json::{Map, Value};

/// The bytes of `pulumi-plugin.json` for `pkg`, with `version` as the language spells it
/// (Python normalizes it for PyPI; the rest keep the schema's), indented by `indent`
/// spaces (the official Node.js SDKs use 4, the others 2). Ends in a newline.
pub fn plugin_json(pkg: &Package, version: Option<&str>, indent: usize) -> Vec<u8> {
    let mut o = Map::new();
    o.insert("resource".into(), Value::Bool(true));
    o.insert("name".into(), Value::String(pkg.name.clone()));
    if let Some(v) = version {
        o.insert("version".into(), Value::String(v.to_string()));
    }
    if let Some(u) = &pkg.meta.plugin_download_url {
        o.insert("server".into(), Value::String(u.clone()));
    }
    let spaces = vec![b' '; indent];
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, serde_json::ser::PrettyFormatter::with_indent(&spaces));
    serde::Serialize::serialize(&Value::Object(o), &mut ser).expect("a JSON map serializes");
    out.push(b'\n');
    out
}

//! Manifests every Pulumi SDK ships whatever its language: `pulumi-plugin.json`, which
//! tells the engine which resource plugin (name, version, download server) the SDK needs.

use crate::ir::Package;
use serde_json::{Map, Value};

/// The bytes of `pulumi-plugin.json` for `pkg`, with `version` as the language spells it
/// (Python normalizes it for PyPI; the rest keep the schema's). Ends in a newline.
pub fn plugin_json(pkg: &Package, version: Option<&str>) -> Vec<u8> {
    let mut o = Map::new();
    o.insert("resource".into(), Value::Bool(true));
    o.insert("name".into(), Value::String(pkg.name.clone()));
    if let Some(v) = version {
        o.insert("version".into(), Value::String(v.to_string()));
    }
    if let Some(u) = &pkg.meta.plugin_download_url {
        o.insert("server".into(), Value::String(u.clone()));
    }
    let mut s = serde_json::to_string_pretty(&Value::Object(o)).expect("a JSON map serializes");
    s.push('\n');
    s.into_bytes()
}

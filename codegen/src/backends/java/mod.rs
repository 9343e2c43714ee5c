//! Java target on `com.pulumi:pulumi` (Maven Central): plans one Maven project per package
//! whose public surface (Java packages, class, method, builder and getter names, token
//! strings) matches what Pulumi's own Java generator emits, so that programs written against
//! an official Java SDK compile unchanged against ours.
//!
//! The backend plugs into the shared walk ([`sdk::plan`]): [`settings`] (`language.java`),
//! [`naming`] (the naming oracle), [`names`] (the naming pass: every name, decided once),
//! [`layout`] (Java packages and paths), [`types`] (TypeRef → Java type, per-file imports),
//! [`values`] (literals, defaults), [`docs`] (Javadoc), [`model`] (view models), and one
//! builder per kind of file: [`resource`], [`function`], [`objects`], [`enums`], [`module`],
//! [`config`], [`package`]; layout of each file lives in `templates/java/*.tera`.
//!
//! Large resources stay within JVM limits by construction: every class is filled through a
//! builder (one small method per property), never through a constructor taking every
//! property, so no method approaches 255 parameters or 64 KB of bytecode.

pub mod config;
pub mod docs;
pub mod enums;
pub mod function;
pub mod layout;
pub mod model;
pub mod module;
pub mod names;
pub mod naming;
pub mod objects;
pub mod package;
pub mod resource;
pub mod settings;
pub mod types;
pub mod values;

use super::sdk::{surface::Surface, Cx, Language, MemberId};
use super::Artifact;
use names::{Module, Names};
use settings::Settings;

/// The Java SDK target.
pub struct Java;

impl Language for Java {
    const NAME: &'static str = "java";
    type Settings = Settings;
    type Names = Names;

    fn resource(&self, cx: &Cx<Self>, id: MemberId) -> Vec<Artifact> {
        resource::files(cx, id)
    }

    fn function(&self, cx: &Cx<Self>, index: usize) -> Vec<Artifact> {
        function::files(cx, index)
    }

    fn module(&self, cx: &Cx<Self>, module: &Module) -> Vec<Artifact> {
        module::files(cx, module)
    }

    fn config(&self, cx: &Cx<Self>) -> Vec<Artifact> {
        config::files(cx)
    }

    fn package(&self, cx: &Cx<Self>, _planned: &[String]) -> Vec<Artifact> {
        package::files(cx)
    }

    fn surface(&self, cx: &Cx<Self>) -> Surface {
        names::surface(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::Target;
    use crate::ir::Package;
    use crate::backends::ArtifactContent;
    use crate::backends::sdk::surface::{Item, Key, PROVIDER};
    use serde_json::json;

    fn load(schema: serde_json::Value) -> Package {
        let bytes = serde_json::to_vec(&schema).expect("json");
        crate::frontends::load_bytes(&bytes, "t.json", Some(crate::frontends::Format::Pulumi), &Default::default()).expect("schema loads").remove(0).package
    }

    fn schema() -> serde_json::Value {
        json!({
            "name": "p",
            "version": "1.0.0",
            "types": {"p:index:Mode": {"type": "string", "enum": [{"value": "fast"}, {"value": "slow"}]}},
            "provider": {"inputProperties": {
                "mode": {"$ref": "#/types/p:index:Mode"},
                "retries": {"type": "integer"},
                "region": {"type": "string"}
            }},
            "resources": {"p:index:Utilities": {
                "inputProperties": {"size": {"type": "integer"}},
                "properties": {"size": {"type": "integer"}}
            }}
        })
    }

    /// The `@Import` annotations of `ProviderArgs`, by field.
    fn provider_imports(pkg: &Package) -> Vec<String> {
        let files = Target::plan(&Java, pkg).expect("plans");
        let args = files.iter().find(|a| a.path.ends_with("/ProviderArgs.java")).expect("ProviderArgs");
        let ArtifactContent::Template { model, .. } = &args.content else { panic!("a template") };
        model["fields"].as_array().expect("fields").iter().map(|f| f["annotations"][0].as_str().unwrap_or_default().to_string()).collect()
    }

    #[test]
    fn provider_inputs_of_string_enums_are_not_sent_as_json() {
        let imports = provider_imports(&load(schema()));
        assert_eq!(imports, ["@Import(name=\"mode\")", "@Import(name=\"region\")", "@Import(name=\"retries\", json=true)"]);
    }

    #[test]
    fn a_colliding_name_shows_up_in_the_surface() {
        let s = Target::surface(&Java, &load(schema())).expect("some").expect("names");
        let get = |item, member: &str, path: &str| s.names.get(&Key { item, member: member.into(), path: path.into() }).cloned();
        // `Utilities` is the package's utilities class: the resource moves to `Utilities_`.
        assert_eq!(get(Item::Resource, "p:index:Utilities", "").as_deref(), Some("Utilities_"));
        assert_eq!(get(Item::ResourceArgs, "p:index:Utilities", "").as_deref(), Some("Utilities_Args"));
        assert_eq!(get(Item::Resource, PROVIDER, "").as_deref(), Some("Provider"));
        assert_eq!(get(Item::Module, "index", "").as_deref(), Some("com.pulumi.p"));
        assert_eq!(get(Item::EnumMember, "p:index:Mode", "\"fast\"").as_deref(), Some("Fast"));
        assert_eq!(get(Item::Property, "p:index:Utilities", "size").as_deref(), Some("size"));
    }
}

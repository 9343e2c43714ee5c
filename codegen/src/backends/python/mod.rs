//! Python target on `pulumi` (PyPI): plans a `pulumi_<pkg>` package whose public surface
//! (module layout, class, function, argument and property names, token strings) matches
//! what Pulumi's own Python generator emits, typed so that it is clean under `mypy --strict`.
//!
//! The backend plugs into the shared walk ([`sdk::plan`]): [`settings`] reads
//! `language.python`, [`names`] runs the naming pass once (spellings from [`naming`], paths
//! from [`layout`]), and one builder per kind of file fills the view models of [`model`]:
//! [`resource`], [`function`], [`objects`], [`enums`], [`module`], [`config`], [`package`];
//! type expressions come from [`types`], literals from [`values`], docstrings from [`docs`].
//! The code's shape lives in `templates/python/*.tera`.

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

use super::sdk::surface::{member_key, Item, Surface, PROVIDER};
use super::sdk::{self, Language, MemberId};
use super::Artifact;
use crate::ir::{FunctionResult, TypeDef};
use names::{Module, Names};
use settings::Settings;

/// The Python SDK target.
pub struct Python;

/// What a Python builder sees: the shared decisions, the settings and the names.
pub type Cx<'a> = sdk::Cx<'a, Python>;

impl Language for Python {
    const NAME: &'static str = "python";
    type Settings = Settings;
    type Names = Names;

    fn resource(&self, cx: &Cx, id: MemberId) -> Vec<Artifact> {
        let rn = &cx.names.resources[&id];
        let path = layout::file(&cx.names.package, &rn.module, &format!("{}.py", rn.file));
        vec![Artifact::template(path, "python/resource.py.tera", &resource::resource_file(cx, id))]
    }

    fn function(&self, cx: &Cx, index: usize) -> Vec<Artifact> {
        let f = &cx.names.functions[&index];
        let path = layout::file(&cx.names.package, &f.module, &format!("{}.py", f.file));
        vec![Artifact::template(path, "python/function.py.tera", &function::function_file(cx, index))]
    }

    fn module(&self, cx: &Cx, module: &Module) -> Vec<Artifact> {
        module::module_files(cx, module)
    }

    fn config(&self, cx: &Cx) -> Vec<Artifact> {
        config::config_files(cx)
    }

    fn package(&self, cx: &Cx, _planned: &[String]) -> Vec<Artifact> {
        package::package_files(cx)
    }

    fn surface(&self, cx: &Cx) -> Surface {
        surface(cx)
    }
}

/// The names a Python program spells, read from the name table.
fn surface(cx: &Cx) -> Surface {
    let (pkg, names) = (cx.pkg(), cx.names);
    let mut s = Surface::default();
    for (id, r) in cx.sdk.members() {
        let rn = &names.resources[&id];
        let key = if id == MemberId::Provider { PROVIDER.to_string() } else { member_key(&r.token) };
        s.member(Item::Resource, key.clone(), rn.class.clone());
        s.member(Item::ResourceArgs, key.clone(), rn.args.clone());
        for (wire, attr) in &rn.attrs {
            s.inner(Item::Property, key.clone(), wire.clone(), attr.clone());
        }
        if !r.is_provider {
            s.member(Item::Module, r.module.clone(), layout::fqn(&names.package, &rn.module));
        }
    }
    for (i, f) in cx.sdk.functions() {
        let fnames = &names.functions[&i];
        let key = member_key(&f.token);
        s.member(Item::Function, key.clone(), fnames.name.clone());
        if matches!(f.outputs, Some(FunctionResult::Object { .. })) {
            s.member(Item::FunctionResult, key.clone(), fnames.result.clone());
        }
        for (p, arg) in f.inputs.iter().flat_map(|i| i.properties.iter()).zip(&fnames.args) {
            s.inner(Item::Property, key.clone(), p.name.wire.clone(), arg.clone());
        }
        s.member(Item::Module, f.module.clone(), layout::fqn(&names.package, &fnames.module));
    }
    for (tok, t) in &pkg.types {
        let key = member_key(tok);
        match (t, names.objects.get(tok), names.enums.get(tok)) {
            (TypeDef::Object(o), Some(n), _) => {
                s.member(Item::Type, key.clone(), n.output.clone());
                for (p, attr) in o.properties.iter().zip(&n.attrs) {
                    s.inner(Item::Property, key.clone(), p.name.wire.clone(), attr.clone());
                }
                s.member(Item::Module, t.module().to_string(), layout::fqn(&names.package, &n.module));
            }
            (TypeDef::Enum(e), _, Some(n)) => {
                s.member(Item::Enum, key.clone(), n.class.clone());
                for (v, member) in e.values.iter().zip(&n.members) {
                    s.inner(Item::EnumMember, key.clone(), v.value.to_string(), member.clone());
                }
                s.member(Item::Module, t.module().to_string(), layout::fqn(&names.package, &n.module));
            }
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::Target;

    #[test]
    fn a_colliding_name_shows_up_in_the_surface() {
        // The object type `Bucket` takes the class name first: the resource becomes
        // `Bucket_`, its args `Bucket_Args`; the property `get` moves past the resource's own.
        let schema = serde_json::json!({
            "name": "p",
            "version": "1.0.0",
            "resources": {"p:index:Bucket": {
                "inputProperties": {"get": {"type": "string"}},
                "properties": {"get": {"type": "string"}, "spec": {"$ref": "#/types/p:index:Bucket"}}
            }},
            "types": {"p:index:Bucket": {"type": "object", "properties": {"size": {"type": "integer"}}}},
            "functions": {"p:index:getBucket": {"inputs": {"properties": {"name": {"type": "string"}}}, "outputs": {"properties": {"id": {"type": "string"}}}}},
            "provider": {}
        });
        let bytes = serde_json::to_vec(&schema).expect("JSON");
        let finished = crate::frontends::load_bytes(&bytes, "s.json", None, &Default::default()).expect("the schema loads");
        let pkg = &finished[0].package;
        let s = Target::surface(&Python, pkg).expect("a surface").expect("names");
        let get = |item: Item, member: &str, path: &str| {
            s.names.get(&sdk::surface::Key { item, member: member.into(), path: path.into() }).cloned()
        };
        assert_eq!(get(Item::Type, "p:index:Bucket", "").as_deref(), Some("Bucket"));
        assert_eq!(get(Item::Resource, "p:index:Bucket", "").as_deref(), Some("Bucket_"));
        assert_eq!(get(Item::ResourceArgs, "p:index:Bucket", "").as_deref(), Some("Bucket_Args"));
        assert_eq!(get(Item::Property, "p:index:Bucket", "get").as_deref(), Some("get_"));
        assert_eq!(get(Item::Resource, PROVIDER, "").as_deref(), Some("Provider"));
        assert_eq!(get(Item::Function, "p:index:getBucket", "").as_deref(), Some("get_bucket"));
        assert_eq!(get(Item::FunctionResult, "p:index:getBucket", "").as_deref(), Some("GetBucketResult"));
        assert_eq!(get(Item::Module, "index", "").as_deref(), Some("pulumi_p"));
    }
}

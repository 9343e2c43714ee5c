//! Go target on `github.com/pulumi/pulumi/sdk/v3`: plans one Go module per package whose
//! public surface (package paths, type, function, field and method names, struct tags, token
//! strings) matches what Pulumi's own Go generator emits, formatted exactly as gofmt would
//! format it (the generated files are never post-processed).
//!
//! Go plugs into the shared walk ([`sdk::plan`]): [`settings`] (`language.go`), [`names`]
//! (the naming pass, through the oracle [`naming`]), [`layout`] (module, packages, paths),
//! [`types`] (TypeRef → Go type), one builder per kind of file ([`resource`], [`function`],
//! [`objects`], [`enums`], [`module`], [`config`], [`package`]), [`values`] (literals),
//! [`docs`] (comments) and [`model`] (view models); layout of the code in
//! `templates/go/*.tera`. Go has no separate enums module: enums are files of their package.
//!
//! Types are not put in one giant `pulumiTypes.go`: object types go in chunks of
//! [`objects::TYPES_PER_FILE`] (`pulumiTypes.go`, `pulumiTypes1.go`, …), enums in
//! `pulumiEnums*.go` and the array/map containers in `pulumiContainers*.go`, each file with
//! its own `init()`, all ordered by token so output is deterministic. IR alias types (shapes
//! identical to another type of the module) are Go type aliases in `pulumiAliases*.go` (their
//! `XPtr` a variable holding the canonical constructor): their names stay public at almost no
//! compile cost. A package whose types and resources outgrow
//! `language.go.maxPackageFunctions` keeps its functions, aliases and registration and moves
//! its types and resources to internal packages ([`split`]), re-exported in its
//! `pulumiTypes*.go` and one file per resource, so no package needs more compiler memory
//! than a small runner has.

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
pub mod split;
pub mod types;
pub mod values;

use super::sdk::{self, Cx, Language, MemberId};
use super::Artifact;

/// The Go SDK target.
pub struct Go;

// Go keeps every provider output (not `Sdk::exposes_output`) and sends inputs as they are (not `sent_as_json`): its SDK's provider handling differs.
impl Language for Go {
    const NAME: &'static str = "go";
    type Settings = settings::Settings;
    type Names = names::Names;

    fn resource(&self, cx: &Cx<Self>, id: MemberId) -> Vec<Artifact> {
        resource::resource_files(cx.sdk, cx.names, id)
    }

    fn function(&self, cx: &Cx<Self>, index: usize) -> Vec<Artifact> {
        function::function_file(cx.sdk, cx.names, index).into_iter().collect()
    }

    fn module(&self, cx: &Cx<Self>, module: &names::Module) -> Vec<Artifact> {
        module::module_files(cx.sdk, cx.names, module)
    }

    fn config(&self, cx: &Cx<Self>) -> Vec<Artifact> {
        config::config_file(cx.sdk, cx.names).into_iter().collect()
    }

    fn package(&self, cx: &Cx<Self>, _planned: &[String]) -> Vec<Artifact> {
        package::package_files(cx.sdk, cx.names)
    }

    fn surface(&self, cx: &Cx<Self>) -> sdk::surface::Surface {
        cx.names.surface(cx.sdk)
    }
}

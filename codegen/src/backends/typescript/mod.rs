//! TypeScript target on `@pulumi/pulumi` (npm): plans the files of a Node.js SDK whose
//! public surface (class, function, interface, property and token names) matches what
//! Pulumi's own nodejs generator produces for the same schema.
//!
//! The backend plugs into the shared walk ([`sdk::plan`]): `settings.rs` reads
//! `language.nodejs`, `names.rs` decides every name once (spellings from `naming.rs`,
//! paths from `layout.rs`), then one builder per kind of file fills the view models of
//! `model.rs` — `resource.rs`, `function.rs`, `objects.rs`, `enums.rs`, `module.rs`,
//! `config.rs`, `package.rs` — with types from `types.rs`, literals from `values.rs` and
//! JSDoc from `docs.rs`; templates live in `templates/typescript/`.

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

use super::common::GENERATED_HEADER;
use super::sdk::{self, Language, MemberId};
use super::Artifact;
use layout::Module;
use names::Names;
use settings::Settings;
use types::TypeKind;

/// What the TypeScript builders see.
pub type Cx<'a> = sdk::Cx<'a, TypeScript>;

/// The first line of every generated `.ts` file.
fn header() -> String {
    format!("// {GENERATED_HEADER}")
}

/// The TypeScript target (`--lang typescript`).
pub struct TypeScript;

impl Language for TypeScript {
    const NAME: &'static str = "typescript";
    type Settings = Settings;
    type Names = Names;

    fn resource(&self, cx: &Cx, id: MemberId) -> Vec<Artifact> {
        resource::files(cx, id)
    }

    fn function(&self, cx: &Cx, index: usize) -> Vec<Artifact> {
        function::files(cx, index)
    }

    fn module(&self, cx: &Cx, module: &Module) -> Vec<Artifact> {
        let mut out = objects::files(cx, module, TypeKind::Input);
        out.extend(objects::files(cx, module, TypeKind::Output));
        out.extend(enums::files(cx, module));
        out.extend(module::files(cx, module));
        if module.key.is_empty() {
            out.extend(objects::types_index(cx));
        }
        out
    }

    fn config(&self, cx: &Cx) -> Vec<Artifact> {
        config::files(cx)
    }

    fn package(&self, cx: &Cx, planned: &[String]) -> Vec<Artifact> {
        package::files(cx, planned)
    }

    fn surface(&self, cx: &Cx) -> sdk::surface::Surface {
        names::surface(cx)
    }
}

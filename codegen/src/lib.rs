//! cloudgen: provider schemas in (Terraform, OpenAPI, Pulumi), one IR, idiomatic Pulumi
//! SDKs out. See `shared/design/ARCHITECTURE.md` for the shape of the pipeline.

pub mod backends;
pub mod diag;
pub mod fileset;
pub mod frontends;
pub mod ir;
pub mod markdown;
pub mod overrides;
pub mod pulumi_form;
pub mod templates;
pub mod cli;
pub mod diff;
pub mod driver;
pub mod output;

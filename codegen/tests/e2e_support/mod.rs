//! The end-to-end harness (codegen/tests/e2e.rs): bounded processes, tool discovery, Pulumi
//! workspaces on a local file backend, and projects built from tests/e2e/programs/.

#![allow(dead_code)]

pub mod cloudgen;
pub mod project;
pub mod pulumi;
pub mod run;
pub mod tools;

pub use crate::common::{repo_root, Scratch};

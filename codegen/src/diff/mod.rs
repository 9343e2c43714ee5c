//! `cloudgen diff`: what a new version of a provider schema changes for the users of its
//! SDKs, each change named by a rule ([`rules`]) with a severity, compared on the IR both
//! versions lower to (so Terraform, OpenAPI and Pulumi inputs compare alike, and across
//! formats).
//!
//! - [`compare`] walks the two packages and returns the changes;
//! - [`render`] lays a [`Report`] out as text (terminal), Markdown (a pull-request
//!   comment) or JSON (tools).

mod compare;
pub mod render;
pub mod rules;

pub use compare::describe;
use rules::{Rule, Severity};
use serde::Serialize;

/// What kind of member a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    Package,
    Config,
    Provider,
    Resource,
    Function,
    Type,
}

impl Subject {
    pub fn label(self) -> &'static str {
        match self {
            Subject::Package => "package",
            Subject::Config => "config",
            Subject::Provider => "provider",
            Subject::Resource => "resource",
            Subject::Function => "function",
            Subject::Type => "type",
        }
    }
}

/// One change, by rule.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    #[serde(serialize_with = "rule_id")]
    pub rule: &'static Rule,
    pub kind: Subject,
    /// The member's token (the new one for moves), `config`, or the package name.
    pub subject: String,
    /// Where in the member: `inputs.acl`, `outputs.arn`, `args.name`, `values."GP2"`, or
    /// empty for the member itself.
    pub path: String,
    /// Old → new, or a note; may be empty.
    pub detail: String,
}

fn rule_id<S: serde::Serializer>(rule: &&'static Rule, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(rule.id)
}

impl Change {
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }
}

/// The comparison of two versions of one package.
#[derive(Debug, Clone)]
pub struct Report {
    pub package: String,
    pub old_version: Option<String>,
    pub new_version: Option<String>,
    /// Sorted by kind, subject, path, rule.
    pub changes: Vec<Change>,
}

impl Report {
    /// How many changes have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.changes.iter().filter(|c| c.severity() == severity).count()
    }

    /// The most severe change, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(Change::severity).min()
    }
}

/// Compares two versions of a package.
pub fn compare(old: &crate::ir::Package, new: &crate::ir::Package) -> Report {
    Report {
        package: new.name.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        changes: compare::compare(old, new),
    }
}

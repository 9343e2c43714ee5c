//! `cloudgen diff`: what a new version of a provider schema changes for the users of its
//! SDKs, each change named by a rule ([`rules`]) with a severity, compared on the IR both
//! versions lower to (so Terraform, OpenAPI and Pulumi inputs compare alike, and across
//! formats).
//!
//! - [`compare`] walks the two packages and returns the changes;
//! - [`compare_with_languages`] adds, per SDK language, the names its programs spell that
//!   change though the IR member does not (`languages`);
//! - [`render`] lays a [`Report`] out as text (terminal), Markdown (a pull-request
//!   comment) or JSON (tools).

mod compare;
mod languages;
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
    /// A module of one language's layout.
    Module,
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
            Subject::Module => "module",
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
    /// The one language the change is about (`name-changed`); `None`: every language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
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

/// Compares two versions of a package, and the names each of `targets` gives them.
pub fn compare_with_languages(old: &crate::ir::Package, new: &crate::ir::Package, targets: &[Box<dyn crate::backends::Target>]) -> Result<Report, crate::diag::Diagnostics> {
    let mut report = compare(old, new);
    // A renamed package renames every module path and import (`package-renamed` says so
    // once); member names are compared when the package keeps its name.
    let targets = if old.name == new.name { targets } else { &[] };
    // Each language names both versions (its full naming pass, twice): in parallel.
    use rayon::prelude::*;
    let per_language: Vec<Vec<Change>> = targets.par_iter().map(|t| languages::name_changes(old, new, t.as_ref())).collect::<Result<_, _>>()?;
    report.changes.extend(per_language.into_iter().flatten());
    report.changes.sort_by(|a, b| (a.kind, &a.subject, &a.path, a.rule.id, a.language).cmp(&(b.kind, &b.subject, &b.path, b.rule.id, b.language)));
    Ok(report)
}

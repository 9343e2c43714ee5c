//! A [`Report`] laid out for people and tools: text for the terminal (grouped by member,
//! colour when asked), Markdown for a pull-request comment (summary table, breaking changes
//! first, the rest folded), JSON for tools. Every layout is deterministic.

use super::rules::{Severity, ALL as RULES};
use super::{Change, Report};
use crate::markdown::{code, text};
use serde_json::json;
use std::collections::BTreeMap;

/// The output formats of `cloudgen diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

const SEVERITIES: [Severity; 3] = [Severity::Breaking, Severity::Warning, Severity::Info];

/// The Markdown report lists at most this many changes per severity (a pull-request comment
/// holds 65,536 characters); the JSON report always has them all.
const MARKDOWN_LIMIT: usize = 200;

fn versions(r: &Report) -> String {
    let v = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".into());
    if r.old_version.is_none() && r.new_version.is_none() {
        String::new()
    } else {
        format!(" {} → {}", v(&r.old_version), v(&r.new_version))
    }
}

fn summary(r: &Report) -> String {
    SEVERITIES
        .iter()
        .map(|s| format!("{} {}", r.count(*s), s.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the text and Markdown layouts list a change one by one. New named types are
/// counted instead: a provider release adds thousands (every new nested block), each
/// already visible as the property that uses it; `--format json` lists them.
fn listed(c: &Change) -> bool {
    c.rule.id != super::rules::TYPE_ADDED.id
}

fn unlisted_note(r: &Report) -> Option<String> {
    let n = r.changes.iter().filter(|c| !listed(c)).count();
    (n > 0).then(|| format!("{n} new named type{} (used by the new properties above; `--format json` lists them)", if n == 1 { "" } else { "s" }))
}

/// Changes grouped by member, in report order.
fn by_member<'a>(changes: impl Iterator<Item = &'a Change>) -> BTreeMap<(super::Subject, &'a str), Vec<&'a Change>> {
    let mut groups: BTreeMap<(super::Subject, &str), Vec<&Change>> = BTreeMap::new();
    for c in changes {
        groups.entry((c.kind, c.subject.as_str())).or_default().push(c);
    }
    groups
}

/// Text for a terminal; `colour` adds ANSI colours to the severities.
pub fn text_report(r: &Report, colour: bool) -> String {
    let paint = |s: Severity| -> (&str, &str) {
        if !colour {
            return ("", "");
        }
        match s {
            Severity::Breaking => ("\x1b[1;31m", "\x1b[0m"),
            Severity::Warning => ("\x1b[33m", "\x1b[0m"),
            Severity::Info => ("\x1b[2m", "\x1b[0m"),
        }
    };
    let mut out = format!("{}{}: {}\n", r.package, versions(r), summary(r));
    let width = r.changes.iter().map(|c| c.rule.id.len()).max().unwrap_or(0);
    for ((kind, subject), changes) in by_member(r.changes.iter().filter(|c| listed(c))) {
        out.push_str(&format!("\n{} {subject}\n", kind.label()));
        for c in changes {
            let (on, off) = paint(c.severity());
            let mut line = format!("  {on}{:<8}{off}  {:<width$}", c.severity().label(), c.rule.id);
            if let Some(l) = c.language {
                line.push_str(&format!("  [{l}]"));
            }
            match (c.path.is_empty(), c.detail.is_empty()) {
                (false, false) => line.push_str(&format!("  {}: {}", c.path, c.detail)),
                (false, true) => line.push_str(&format!("  {}", c.path)),
                (true, false) => line.push_str(&format!("  {}", c.detail)),
                (true, true) => {}
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    if let Some(note) = unlisted_note(r) {
        out.push_str(&format!("\n{note}\n"));
    }
    out
}

/// Markdown for a pull-request comment.
pub fn markdown_report(r: &Report) -> String {
    let mut out = format!("### {}{}\n\n", code(&r.package), versions(r));
    if r.changes.is_empty() {
        out.push_str("No changes users of the SDKs can see.\n");
        return out;
    }
    out.push_str("| Severity | Changes |\n| --- | ---: |\n");
    for s in SEVERITIES {
        out.push_str(&format!("| {} | {} |\n", s.label(), r.count(s)));
    }
    for s in SEVERITIES {
        let changes: Vec<&Change> = r.changes.iter().filter(|c| c.severity() == s && listed(c)).collect();
        if changes.is_empty() {
            continue;
        }
        let title = format!("{} ({})", heading(s), changes.len());
        // Breaking changes are open; the rest are folded away.
        if s == Severity::Breaking {
            out.push_str(&format!("\n#### {title}\n\n"));
        } else {
            out.push_str(&format!("\n<details><summary>{title}</summary>\n\n"));
        }
        let shown = changes.len().min(MARKDOWN_LIMIT);
        for ((kind, subject), group) in by_member(changes.iter().take(shown).copied()) {
            out.push_str(&format!("- {} {}\n", kind.label(), code(subject)));
            for c in group {
                let mut line = format!("  - {}", code(c.rule.id));
                if let Some(l) = c.language {
                    line.push_str(&format!(" ({l})"));
                }
                if !c.path.is_empty() {
                    line.push_str(&format!(" {}", code(&c.path)));
                }
                if !c.detail.is_empty() {
                    line.push_str(&format!(": {}", text(&c.detail)));
                }
                out.push_str(&line);
                out.push('\n');
            }
        }
        if changes.len() > shown {
            out.push_str(&format!("- … and {} more (`--format json` lists every change)\n", changes.len() - shown));
        }
        if s != Severity::Breaking {
            out.push_str("\n</details>\n");
        }
    }
    if let Some(note) = unlisted_note(r) {
        out.push_str(&format!("\nAlso: {note}.\n"));
    }
    let used: Vec<_> = RULES.iter().filter(|rule| r.changes.iter().any(|c| c.rule.id == rule.id)).collect();
    out.push_str("\n<details><summary>What the rules mean</summary>\n\n");
    for rule in used {
        out.push_str(&format!("- {} ({}): {}\n", code(rule.id), rule.severity.label(), rule.meaning));
    }
    out.push_str("\n</details>\n");
    out
}

fn heading(s: Severity) -> &'static str {
    match s {
        Severity::Breaking => "Breaking changes",
        Severity::Warning => "Warnings",
        Severity::Info => "Other changes",
    }
}

/// JSON for tools: the summary and every change.
pub fn json_report(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&json_value(r)).expect("JSON values serialize");
    s.push('\n');
    s
}

/// Several reports (one per package of a multi-package input) as one JSON array.
pub fn json_reports(reports: &[Report]) -> String {
    let v: Vec<serde_json::Value> = reports.iter().map(json_value).collect();
    let mut s = serde_json::to_string_pretty(&v).expect("JSON values serialize");
    s.push('\n');
    s
}

fn json_value(r: &Report) -> serde_json::Value {
    json!({
        "package": r.package,
        "oldVersion": r.old_version,
        "newVersion": r.new_version,
        "summary": {
            "breaking": r.count(Severity::Breaking),
            "warning": r.count(Severity::Warning),
            "info": r.count(Severity::Info),
        },
        "changes": r.changes.iter().map(|c| {
            let mut v = json!({
                "rule": c.rule.id,
                "severity": c.severity(),
                "kind": c.kind,
                "subject": c.subject,
                "path": c.path,
                "detail": c.detail,
            });
            if let Some(l) = c.language {
                v["language"] = json!(l);
            }
            v
        }).collect::<Vec<_>>(),
    })
}

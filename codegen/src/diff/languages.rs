//! The per-language half of `cloudgen diff`: names a language's programs spell that change
//! though the IR member does not (a new resource claims `Bucket`, so the old `Bucket` of
//! another module becomes `Bucket_` in Go; a new keyword; an override). The IR comparison
//! cannot see these; each language's naming pass can, so both versions go through it and
//! their [`Surface`]s are compared key by key.
//!
//! Keys present on one side only are not reported here: the IR comparison already names
//! the added, removed or moved member.

use super::rules;
use super::{Change, Subject};
use crate::backends::sdk::surface::{Item, Key, Surface, PROVIDER};
use crate::backends::Target;
use crate::diag::Diagnostics;
use crate::ir::Package;
use std::collections::BTreeMap;

/// Every name `target` spells differently for the same IR item of `old` and `new`, or
/// nothing when the target has no program-facing names.
pub fn name_changes(old: &Package, new: &Package, target: &dyn Target) -> Result<Vec<Change>, Diagnostics> {
    let (before, after) = rayon::join(|| target.surface(old), || target.surface(new));
    let (Some(before), Some(after)) = (before, after) else {
        return Ok(Vec::new());
    };
    Ok(compare(&before?, &after?, &|key| subject_of(key, new), target.name()))
}

/// A member key without its package segment, so a renamed package still lines up (as the
/// IR comparison matches members).
fn unpackaged(key: &Key) -> Key {
    let member = match key.member.split_once(':') {
        Some((_, rest)) if key.item != Item::Module => rest.to_string(),
        _ => key.member.clone(),
    };
    Key { item: key.item, member, path: key.path.clone() }
}

fn compare(before: &Surface, after: &Surface, kind_of: &dyn Fn(&Key) -> Subject, language: &'static str) -> Vec<Change> {
    let old: BTreeMap<Key, &String> = before.names.iter().map(|(k, v)| (unpackaged(k), v)).collect();
    let mut out = Vec::new();
    for (key, name) in &after.names {
        let Some(was) = old.get(&unpackaged(key)) else { continue };
        if *was != name {
            out.push(Change {
                rule: &rules::NAME_CHANGED,
                kind: kind_of(key),
                subject: key.member.clone(),
                path: path_of(key),
                detail: format!("{} {was} → {name}", key.item.label()),
                language: Some(language),
            });
        }
    }
    out
}

/// The kind of member a key belongs to: by its item, and for properties (whose owner may
/// be a resource, a function or a type) by looking the owner up in the new package.
fn subject_of(key: &Key, new: &Package) -> Subject {
    match key.item {
        Item::Module => return Subject::Module,
        _ if key.member == PROVIDER => return Subject::Provider,
        Item::Resource | Item::ResourceArgs => return Subject::Resource,
        Item::Function | Item::FunctionArgs | Item::FunctionResult => return Subject::Function,
        Item::Type | Item::Enum | Item::EnumMember => return Subject::Type,
        Item::Property => {}
    }
    let is = |t: &crate::ir::Token| t.to_string() == key.member;
    if new.resources.iter().any(|r| is(&r.token)) {
        Subject::Resource
    } else if new.functions.iter().any(|f| is(&f.token)) {
        Subject::Function
    } else {
        Subject::Type
    }
}

/// Where in the member, in the IR comparison's vocabulary.
fn path_of(key: &Key) -> String {
    match key.item {
        Item::Property => key.path.clone(),
        Item::EnumMember => format!("values.{}", key.path),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_renames_of_items_on_both_sides_only() {
        let mut before = Surface::default();
        before.member(Item::Resource, "p:index:Bucket", "Bucket");
        before.inner(Item::Property, "p:index:Bucket", "acl", "Acl");
        before.member(Item::Resource, "p:index:Gone", "Gone");
        let mut after = Surface::default();
        after.member(Item::Resource, "q:index:Bucket", "Bucket_");
        after.inner(Item::Property, "q:index:Bucket", "acl", "Acl");
        after.member(Item::Resource, "q:index:New", "New");
        let changes = compare(&before, &after, &|_| Subject::Resource, "go");
        assert_eq!(changes.len(), 1);
        let c = &changes[0];
        assert_eq!((c.rule.id, c.subject.as_str(), c.detail.as_str(), c.language), ("name-changed", "q:index:Bucket", "resource Bucket → Bucket_", Some("go")));
    }
}

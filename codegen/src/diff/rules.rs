//! The catalog of changes `cloudgen diff` names: one entry per rule, with its severity and
//! what it means for users. Every rule the comparison emits is here (a unit test checks it),
//! and the README's `cloudgen diff` section is this table.

use serde::Serialize;

/// How much a change can hurt the users of the published SDKs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Programs written against the old SDK stop compiling, or deployed stacks break.
    Breaking,
    /// Programs still compile, but behave differently at run time (replacements, secrets,
    /// deprecation warnings).
    Warning,
    /// New surface or relaxed constraints: nothing existing changes.
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Breaking => "breaking",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One named rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What the change means for a user of the SDKs, in one sentence.
    pub meaning: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $sev:ident, $meaning:literal;)*) => {
        $(pub const $name: Rule = Rule { id: $id, severity: Severity::$sev, meaning: $meaning };)*
        /// Every rule, in the order the documentation lists them.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    RESOURCE_REMOVED = "resource-removed", Breaking, "The resource class is gone from every SDK; stacks that hold one can no longer manage it.";
    RESOURCE_MOVED = "resource-moved", Breaking, "The resource has a new token (module or name): imports change in every language and existing state needs an alias.";
    RESOURCE_ADDED = "resource-added", Info, "A new resource class.";
    FUNCTION_REMOVED = "function-removed", Breaking, "The function (data source) is gone from every SDK.";
    FUNCTION_MOVED = "function-moved", Breaking, "The function has a new token: its import path or name changes in every language.";
    FUNCTION_ADDED = "function-added", Info, "A new function.";
    FUNCTION_SIGNATURE_CHANGED = "function-signature-changed", Breaking, "The function gained or lost its arguments object: Go's `LookupX(ctx, args, opts)` gains or loses its `args` parameter (and Java its args overloads), even when every argument is optional.";
    TYPE_REMOVED = "type-removed", Breaking, "A named type is gone: code that names it (args classes, TypedDicts, Go structs, Java builders) stops compiling.";
    TYPE_ADDED = "type-added", Info, "A new named type.";
    TYPE_KIND_CHANGED = "type-kind-changed", Breaking, "A named type changed between object and enum.";
    INPUT_REMOVED = "input-removed", Breaking, "An input property is gone: programs that set it stop compiling.";
    INPUT_ADDED_REQUIRED = "input-added-required", Breaking, "A new required input: every existing program must now set it.";
    INPUT_ADDED = "input-added", Info, "A new optional input.";
    INPUT_BECAME_REQUIRED = "input-became-required", Breaking, "An optional input is now required: programs that omit it stop compiling (or fail at run time).";
    INPUT_BECAME_OPTIONAL = "input-became-optional", Info, "A required input is now optional.";
    OUTPUT_REMOVED = "output-removed", Breaking, "An output property is gone: programs that read it stop compiling.";
    OUTPUT_ADDED = "output-added", Info, "A new output property.";
    OUTPUT_BECAME_OPTIONAL = "output-became-optional", Breaking, "An output may now be absent: its type becomes optional (`T | undefined`, `Optional[T]`, a pointer in Go, `Optional<T>` in Java), which strict code must handle.";
    OUTPUT_BECAME_REQUIRED = "output-became-required", Breaking, "An output is now always present: its Go type loses its pointer (`StringPtrOutput` → `StringOutput`, `*T` → `T`) and its Java type its `Optional<T>`, so code written for the optional form stops compiling there (TypeScript and Python readers keep compiling).";
    TYPE_CHANGED = "type-changed", Breaking, "A property's type changed (a scalar for another, a list for an object when max-items-one flips, a map for a list, …): code and state written for the old type break.";
    NUMBER_BECAME_INTEGER = "number-became-integer", Breaking, "A number is now an integer: `float64` → `int` in Go, `Double` → `Integer` in Java.";
    INTEGER_BECAME_NUMBER = "integer-became-number", Breaking, "An integer is now a number: `int` → `float64` in Go, `Integer` → `Double` in Java.";
    ENUM_VALUE_REMOVED = "enum-value-removed", Breaking, "An enum value is gone: code naming its constant stops compiling, and stacks holding it no longer validate.";
    ENUM_VALUE_ADDED = "enum-value-added", Info, "A new enum value (exhaustive switches in Go and Java may want a new case).";
    BECAME_SECRET = "became-secret", Warning, "A property is now secret: its value is encrypted in state and masked in output; code that prints it sees `[secret]`.";
    NO_LONGER_SECRET = "no-longer-secret", Warning, "A property is no longer marked secret: new values are stored in plain text.";
    BECAME_REPLACE_ON_CHANGE = "became-replace-on-change", Warning, "Changing this property now replaces the resource instead of updating it in place.";
    NO_LONGER_REPLACE_ON_CHANGE = "no-longer-replace-on-change", Info, "Changing this property now updates in place.";
    DEPRECATED = "deprecated", Warning, "Newly deprecated: programs keep working and print a deprecation warning.";
    UNDEPRECATED = "undeprecated", Info, "No longer deprecated.";
    CONFIG_REMOVED = "config-removed", Breaking, "A provider configuration key is gone: stacks that set it fail to configure the provider.";
    CONFIG_ADDED_REQUIRED = "config-added-required", Breaking, "A new required provider configuration key: every stack must set it.";
    CONFIG_ADDED = "config-added", Info, "A new optional provider configuration key.";
    CONFIG_BECAME_REQUIRED = "config-became-required", Breaking, "A provider configuration key is now required.";
    NAME_CHANGED = "name-changed", Breaking, "One language spells the member differently though the schema did not rename it (a new member took its name, a new keyword, an override): programs in that language stop compiling.";
    PACKAGE_RENAMED = "package-renamed", Breaking, "The package name changed: every import, plugin and config key changes.";
}

/// The rule with id `id`.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn ids_are_unique_kebab_case() {
        let ids: BTreeSet<&str> = ALL.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), ALL.len());
        for id in ids {
            assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{id}");
            assert_eq!(by_id(id).map(|r| r.id), Some(id));
        }
    }
}

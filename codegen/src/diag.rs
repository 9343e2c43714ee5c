//! Diagnostics: what went wrong, where (file + JSON pointer), and what to do about it.
//!
//! Every stage collects diagnostics instead of stopping at the first problem; the driver
//! sorts them and reports them together. Errors stop generation before anything is
//! written; warnings never do.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// How bad a diagnostic is. Ordered so that errors sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a node came from: the input file (as named on the command line) and an RFC 6901
/// JSON pointer into it. Kept on every IR node so diagnostics and shims can point back.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceRef {
    pub file: Arc<str>,
    pub pointer: Pointer,
}

impl SourceRef {
    pub fn new(file: impl Into<Arc<str>>, pointer: impl Into<String>) -> Self {
        SourceRef { file: file.into(), pointer: Pointer::from(pointer.into()) }
    }

    /// The pointer of a child: `segment` is escaped per RFC 6901 (`~` → `~0`, `/` → `~1`).
    pub fn child(&self, segment: &str) -> SourceRef {
        SourceRef { file: self.file.clone(), pointer: self.pointer.child(segment) }
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}#{}", self.file, self.pointer)
        }
    }
}

/// An RFC 6901 JSON pointer kept as a chain of segments that share their parent: every
/// IR property carries one, and on AWS the nested blocks make them 300–600 bytes long, so
/// spelling each out cost ~240 MB. Compares, hashes, prints and serializes as its text.
#[derive(Clone, Default)]
pub struct Pointer(Option<Arc<PointerNode>>);

struct PointerNode {
    parent: Pointer,
    /// Already escaped, with its leading `/` (a pointer parsed from text is one node).
    text: Box<str>,
}

impl Pointer {
    /// The pointer with one more, escaped, segment.
    pub fn child(&self, segment: &str) -> Pointer {
        let mut text = String::with_capacity(segment.len() + 1);
        text.push('/');
        for c in segment.chars() {
            match c {
                '~' => text.push_str("~0"),
                '/' => text.push_str("~1"),
                c => text.push(c),
            }
        }
        Pointer(Some(Arc::new(PointerNode { parent: self.clone(), text: text.into() })))
    }

    pub fn is_empty(&self) -> bool {
        let mut p = self;
        while let Some(n) = &p.0 {
            if !n.text.is_empty() {
                return false;
            }
            p = &n.parent;
        }
        true
    }

    /// The pointer text, e.g. `/resource_schemas/aws_s3_bucket`.
    pub fn as_string(&self) -> String {
        let mut parts = Vec::new();
        let mut p = self;
        while let Some(n) = &p.0 {
            parts.push(&*n.text);
            p = &n.parent;
        }
        let mut out = String::with_capacity(parts.iter().map(|t| t.len()).sum());
        for t in parts.iter().rev() {
            out.push_str(t);
        }
        out
    }
}

impl From<String> for Pointer {
    fn from(text: String) -> Self {
        if text.is_empty() {
            return Pointer(None);
        }
        Pointer(Some(Arc::new(PointerNode { parent: Pointer(None), text: text.into() })))
    }
}

impl From<&str> for Pointer {
    fn from(text: &str) -> Self {
        Pointer::from(text.to_string())
    }
}

impl PartialEq for Pointer {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) => true,
            _ => self.as_string() == other.as_string(),
        }
    }
}

impl Eq for Pointer {}

impl PartialEq<str> for Pointer {
    fn eq(&self, other: &str) -> bool {
        self.as_string() == other
    }
}

impl PartialEq<&str> for Pointer {
    fn eq(&self, other: &&str) -> bool {
        self.as_string() == *other
    }
}

impl PartialEq<String> for Pointer {
    fn eq(&self, other: &String) -> bool {
        self.as_string() == *other
    }
}

impl PartialOrd for Pointer {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pointer {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_string().cmp(&other.as_string())
    }
}

impl std::hash::Hash for Pointer {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_string().hash(state);
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_string())
    }
}

impl fmt::Debug for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_string(), f)
    }
}

impl Serialize for Pointer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_string())
    }
}

/// One problem found in an input, with a hint on how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub source: SourceRef,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(source: SourceRef, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, source, message: message.into(), hint: None }
    }

    pub fn warning(source: SourceRef, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, source, message: message.into(), hint: None }
    }

    /// Adds what the user can do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.source, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// A collection of diagnostics, reported together in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn error(&mut self, source: SourceRef, message: impl Into<String>) {
        self.push(Diagnostic::error(source, message));
    }

    pub fn warning(&mut self, source: SourceRef, message: impl Into<String>) {
        self.push(Diagnostic::warning(source, message));
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorts (errors first, then by file, pointer, message) and removes exact duplicates.
    pub fn sorted(mut self) -> Self {
        self.0.sort();
        self.0.dedup();
        self
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_segments_are_escaped() {
        let s = SourceRef::new("a.json", "").child("resource_schemas").child("a/b~c");
        assert_eq!(s.pointer, "/resource_schemas/a~1b~0c");
        assert_eq!(s.to_string(), "a.json#/resource_schemas/a~1b~0c");
    }

    #[test]
    fn errors_sort_before_warnings() {
        let mut d = Diagnostics::new();
        d.warning(SourceRef::new("a", "/x"), "w");
        d.error(SourceRef::new("b", "/y"), "e");
        let d = d.sorted();
        assert_eq!(d.0[0].severity, Severity::Error);
    }
}

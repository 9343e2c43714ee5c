//! cty types as Terraform writes them in JSON: `"string"`, `"number"`, `"bool"`,
//! `"dynamic"`, `["list", T]`, `["set", T]`, `["map", T]`, `["object", {name: T}]` (with an
//! optional third element listing optional attributes) and `["tuple", [T, …]]`.
//!
//! Parsed by a hand-written visitor straight from the deserializer, so no intermediate
//! JSON value is built and a malformed type fails with a message at its pointer.

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A cty type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CtyType {
    String,
    Number,
    Bool,
    /// Any value (`"dynamic"`, cty's DynamicPseudoType).
    Dynamic,
    List(Box<CtyType>),
    Set(Box<CtyType>),
    Map(Box<CtyType>),
    /// Attributes, and the names of those that may be omitted.
    Object(BTreeMap<String, CtyType>, BTreeSet<String>),
    Tuple(Vec<CtyType>),
}

impl<'de> Deserialize<'de> for CtyType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CtyVisitor)
    }
}

struct CtyVisitor;

const EXPECTED: &str = "a cty type: \"string\", \"number\", \"bool\", \"dynamic\" or [kind, …] with kind list, set, map, object or tuple";

impl<'de> Visitor<'de> for CtyVisitor {
    type Value = CtyType;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<CtyType, E> {
        match v {
            "string" => Ok(CtyType::String),
            "number" => Ok(CtyType::Number),
            "bool" => Ok(CtyType::Bool),
            "dynamic" => Ok(CtyType::Dynamic),
            other => Err(E::custom(format!(
                "unknown cty primitive type `{other}`; expected string, number, bool or dynamic"
            ))),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CtyType, A::Error> {
        let kind: String = seq
            .next_element()?
            .ok_or_else(|| de::Error::custom("empty cty type array; expected [kind, …]"))?;
        let missing = |what: &str| de::Error::custom(format!("cty `{kind}` type needs {what}"));
        let ty = match kind.as_str() {
            "list" | "set" | "map" => {
                let elem: CtyType = seq
                    .next_element()?
                    .ok_or_else(|| missing("an element type"))?;
                let elem = Box::new(elem);
                match kind.as_str() {
                    "list" => CtyType::List(elem),
                    "set" => CtyType::Set(elem),
                    _ => CtyType::Map(elem),
                }
            }
            "object" => {
                let attrs: BTreeMap<String, CtyType> = seq
                    .next_element()?
                    .ok_or_else(|| missing("an attribute map"))?;
                let optional: Option<BTreeSet<String>> = seq.next_element()?;
                CtyType::Object(attrs, optional.unwrap_or_default())
            }
            "tuple" => {
                let elems: Vec<CtyType> = seq
                    .next_element()?
                    .ok_or_else(|| missing("a list of element types"))?;
                CtyType::Tuple(elems)
            }
            other => {
                return Err(de::Error::custom(format!(
                    "unknown cty type kind `{other}`; expected list, set, map, object or tuple"
                )))
            }
        };
        // Reject trailing elements rather than silently ignoring part of a type.
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(format!(
                "cty `{kind}` type has too many elements"
            )));
        }
        Ok(ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<CtyType, String> {
        serde_json::from_str(s).map_err(|e| e.to_string())
    }

    #[test]
    fn cty_parsing_table() {
        use CtyType::*;
        let obj = |pairs: &[(&str, CtyType)], opt: &[&str]| {
            Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
                opt.iter().map(|s| s.to_string()).collect(),
            )
        };
        let table: Vec<(&str, CtyType)> = vec![
            (r#""string""#, String),
            (r#""number""#, Number),
            (r#""bool""#, Bool),
            (r#""dynamic""#, Dynamic),
            (r#"["list","string"]"#, List(Box::new(String))),
            (r#"["set","number"]"#, Set(Box::new(Number))),
            (
                r#"["map",["list","bool"]]"#,
                Map(Box::new(List(Box::new(Bool)))),
            ),
            (
                r#"["object",{"a":"string","b":["set","number"]}]"#,
                obj(&[("a", String), ("b", Set(Box::new(Number)))], &[]),
            ),
            (
                r#"["object",{"a":"string"},["a"]]"#,
                obj(&[("a", String)], &["a"]),
            ),
            (r#"["object",{}]"#, obj(&[], &[])),
            (
                r#"["tuple",["string","number"]]"#,
                Tuple(vec![String, Number]),
            ),
            (
                r#"["list",["object",{"x":"dynamic"}]]"#,
                List(Box::new(obj(&[("x", Dynamic)], &[]))),
            ),
        ];
        for (input, want) in table {
            assert_eq!(parse(input).unwrap(), want, "{input}");
        }
    }

    #[test]
    fn cty_errors_table() {
        let table: &[(&str, &str)] = &[
            (r#""int""#, "unknown cty primitive type `int`"),
            (r#"[]"#, "empty cty type array"),
            (r#"["list"]"#, "needs an element type"),
            (r#"["frob","string"]"#, "unknown cty type kind `frob`"),
            (r#"["list","string","x"]"#, "too many elements"),
            (r#"["object",["a"]]"#, "invalid type"),
            (r#"42"#, "invalid type"),
            (r#"{"list":"string"}"#, "invalid type"),
        ];
        for (input, want) in table {
            let e = parse(input).unwrap_err();
            assert!(e.contains(want), "{input}: {e}");
        }
    }
}

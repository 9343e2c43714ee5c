//! Pulumi property values as they travel in `google.protobuf.Struct`: secrets are objects
//! tagged with Pulumi's signature key, unknowns (during preview) are a sentinel string.

use prost_types::{value::Kind, ListValue, Struct, Value as PbValue};
use std::collections::BTreeMap;

/// The key that marks a special object (secret, asset, resource reference...).
pub const SIG_KEY: &str = "4dabf18193072939515e22adb298388d";
/// The signature of a secret: `{SIG_KEY: SECRET_SIG, "value": v}`.
pub const SECRET_SIG: &str = "1b47061264138c4ac30d75fd1eb44270";
/// The string that stands for an unknown value.
pub const UNKNOWN: &str = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/// A Pulumi property value.
#[derive(Clone, Debug, PartialEq)]
pub enum PValue {
    /// Null / absent.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<PValue>),
    /// An object.
    Object(PMap),
    /// Not known yet (preview).
    Unknown,
    /// A secret.
    Secret(Box<PValue>),
}

/// An object's properties.
pub type PMap = BTreeMap<String, PValue>;

impl PValue {
    /// Reads a protobuf value.
    pub fn from_pb(v: &PbValue) -> PValue {
        match &v.kind {
            None | Some(Kind::NullValue(_)) => PValue::Null,
            Some(Kind::BoolValue(b)) => PValue::Bool(*b),
            Some(Kind::NumberValue(n)) => PValue::Number(*n),
            Some(Kind::StringValue(s)) if s == UNKNOWN => PValue::Unknown,
            Some(Kind::StringValue(s)) => PValue::String(s.clone()),
            Some(Kind::ListValue(l)) => PValue::Array(l.values.iter().map(PValue::from_pb).collect()),
            Some(Kind::StructValue(s)) => {
                let sig = s.fields.get(SIG_KEY).and_then(|v| match &v.kind {
                    Some(Kind::StringValue(s)) => Some(s.as_str()),
                    _ => None,
                });
                if sig == Some(SECRET_SIG) {
                    let inner = s.fields.get("value").map(PValue::from_pb).unwrap_or(PValue::Null);
                    return PValue::Secret(Box::new(inner));
                }
                PValue::Object(from_struct(s))
            }
        }
    }

    /// Writes a protobuf value; secrets stay marked only if the engine accepts them.
    pub fn to_pb(&self, secrets: bool) -> PbValue {
        let kind = match self {
            PValue::Null => Kind::NullValue(0),
            PValue::Bool(b) => Kind::BoolValue(*b),
            PValue::Number(n) => Kind::NumberValue(*n),
            PValue::String(s) => Kind::StringValue(s.clone()),
            PValue::Unknown => Kind::StringValue(UNKNOWN.into()),
            PValue::Array(a) => Kind::ListValue(ListValue { values: a.iter().map(|x| x.to_pb(secrets)).collect() }),
            PValue::Object(m) => Kind::StructValue(to_struct(m, secrets)),
            PValue::Secret(inner) if secrets => {
                let mut fields = BTreeMap::new();
                fields.insert(SIG_KEY.to_string(), PbValue { kind: Some(Kind::StringValue(SECRET_SIG.into())) });
                fields.insert("value".to_string(), inner.to_pb(secrets));
                Kind::StructValue(Struct { fields: fields.into_iter().collect() })
            }
            PValue::Secret(inner) => return inner.to_pb(secrets),
        };
        PbValue { kind: Some(kind) }
    }

    /// True when the value is or contains a secret.
    pub fn contains_secret(&self) -> bool {
        match self {
            PValue::Secret(_) => true,
            PValue::Array(a) => a.iter().any(PValue::contains_secret),
            PValue::Object(m) => m.values().any(PValue::contains_secret),
            _ => false,
        }
    }

    /// The value with secret markers removed (and whether there were any).
    pub fn unsecret(&self) -> &PValue {
        match self {
            PValue::Secret(inner) => inner.unsecret(),
            v => v,
        }
    }

    /// Wraps in a secret unless it already is one or is null.
    pub fn into_secret(self) -> PValue {
        match self {
            PValue::Secret(_) | PValue::Null => self,
            v => PValue::Secret(Box::new(v)),
        }
    }
}

/// A protobuf struct as properties.
pub fn from_struct(s: &Struct) -> PMap {
    s.fields.iter().map(|(k, v)| (k.clone(), PValue::from_pb(v))).collect()
}

/// Properties as a protobuf struct.
pub fn to_struct(m: &PMap, secrets: bool) -> Struct {
    Struct { fields: m.iter().map(|(k, v)| (k.clone(), v.to_pb(secrets))).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_unknowns_round_trip() {
        let mut m = PMap::new();
        m.insert("a".into(), PValue::Secret(Box::new(PValue::String("s".into()))));
        m.insert("b".into(), PValue::Unknown);
        m.insert("c".into(), PValue::Array(vec![PValue::Number(1.0), PValue::Null]));
        let s = to_struct(&m, true);
        assert_eq!(from_struct(&s), m);
        // Without secret support the marker is dropped, the value kept.
        let plain = from_struct(&to_struct(&m, false));
        assert_eq!(plain["a"], PValue::String("s".into()));
    }
}

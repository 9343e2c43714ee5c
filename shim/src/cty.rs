//! cty, Terraform's type system, as far as the plugin protocol needs it: types parsed from
//! their JSON form, a value model with unknowns, and the msgpack encoding of
//! `DynamicValue`s, which is type-directed (objects carry every attribute of their type,
//! `dynamic` values carry their concrete type beside them, unknowns are msgpack
//! extension values).

use rmpv::Value as Mp;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::fmt;

/// A cty type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// `"string"`.
    String,
    /// `"number"`.
    Number,
    /// `"bool"`.
    Bool,
    /// `"dynamic"`: any type, decided per value.
    Dynamic,
    /// `["list", T]`.
    List(Box<Type>),
    /// `["set", T]`.
    Set(Box<Type>),
    /// `["map", T]`.
    Map(Box<Type>),
    /// `["object", {name: T}]` (optional-attribute markers are accepted and ignored).
    Object(BTreeMap<String, Type>),
    /// `["tuple", [T...]]`.
    Tuple(Vec<Type>),
}

/// A cty value. Lists, sets and tuples are `List`; maps and objects are `Map`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Not known until apply.
    Unknown,
    /// Null (absent).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (integers stay exact).
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// The elements of a list, set or tuple.
    List(Vec<Value>),
    /// The entries of a map or the attributes of an object.
    Map(BTreeMap<String, Value>),
}

/// A cty type or value that does not fit what the protocol allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CtyError(pub String);

impl fmt::Display for CtyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CtyError {}

fn err<T>(msg: impl Into<String>) -> Result<T, CtyError> {
    Err(CtyError(msg.into()))
}

impl Type {
    /// Parses the JSON form of a type (`"string"`, `["list","string"]`, ...).
    pub fn from_json(j: &Json) -> Result<Type, CtyError> {
        match j {
            Json::String(s) => match s.as_str() {
                "string" => Ok(Type::String),
                "number" => Ok(Type::Number),
                "bool" => Ok(Type::Bool),
                "dynamic" => Ok(Type::Dynamic),
                other => err(format!("unknown cty primitive type `{other}`")),
            },
            Json::Array(a) if a.len() >= 2 => {
                let kind = a[0].as_str().unwrap_or_default();
                match kind {
                    "list" => Ok(Type::List(Box::new(Type::from_json(&a[1])?))),
                    "set" => Ok(Type::Set(Box::new(Type::from_json(&a[1])?))),
                    "map" => Ok(Type::Map(Box::new(Type::from_json(&a[1])?))),
                    "object" => {
                        let Json::Object(attrs) = &a[1] else {
                            return err("cty object type without an attribute map");
                        };
                        let mut m = BTreeMap::new();
                        for (k, v) in attrs {
                            m.insert(k.clone(), Type::from_json(v)?);
                        }
                        Ok(Type::Object(m))
                    }
                    "tuple" => {
                        let Json::Array(elems) = &a[1] else {
                            return err("cty tuple type without an element list");
                        };
                        Ok(Type::Tuple(
                            elems.iter().map(Type::from_json).collect::<Result<_, _>>()?,
                        ))
                    }
                    other => err(format!("unknown cty type constructor `{other}`")),
                }
            }
            other => err(format!("not a cty type: {other}")),
        }
    }

    /// Parses the bytes the protocol carries a type in (its JSON form).
    pub fn from_json_bytes(b: &[u8]) -> Result<Type, CtyError> {
        let j: Json = serde_json::from_slice(b).map_err(|e| CtyError(format!("cty type JSON: {e}")))?;
        Type::from_json(&j)
    }

    /// The JSON form of the type.
    pub fn to_json(&self) -> Json {
        match self {
            Type::String => "string".into(),
            Type::Number => "number".into(),
            Type::Bool => "bool".into(),
            Type::Dynamic => "dynamic".into(),
            Type::List(t) => serde_json::json!(["list", t.to_json()]),
            Type::Set(t) => serde_json::json!(["set", t.to_json()]),
            Type::Map(t) => serde_json::json!(["map", t.to_json()]),
            Type::Object(m) => {
                let o: serde_json::Map<String, Json> =
                    m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect();
                serde_json::json!(["object", o])
            }
            Type::Tuple(ts) => {
                serde_json::json!(["tuple", ts.iter().map(Type::to_json).collect::<Vec<_>>()])
            }
        }
    }
}

impl Value {
    /// True when the value, or anything inside it, is unknown.
    pub fn contains_unknown(&self) -> bool {
        match self {
            Value::Unknown => true,
            Value::List(v) => v.iter().any(Value::contains_unknown),
            Value::Map(m) => m.values().any(Value::contains_unknown),
            _ => false,
        }
    }

    /// The object attribute `name`, or null.
    pub fn get(&self, name: &str) -> &Value {
        match self {
            Value::Map(m) => m.get(name).unwrap_or(&Value::Null),
            _ => &Value::Null,
        }
    }

    /// The type a `dynamic` value is sent with: inferred from its shape.
    fn implied_type(&self) -> Type {
        match self {
            Value::Unknown | Value::Null => Type::Dynamic,
            Value::Bool(_) => Type::Bool,
            Value::Number(_) => Type::Number,
            Value::String(_) => Type::String,
            Value::List(v) => Type::Tuple(v.iter().map(Value::implied_type).collect()),
            Value::Map(m) => {
                Type::Object(m.iter().map(|(k, v)| (k.clone(), v.implied_type())).collect())
            }
        }
    }
}

/// The msgpack encoding cty uses for an unknown value: fixext1, extension type 0.
fn unknown_mp() -> Mp {
    Mp::Ext(0, vec![0])
}

/// Encodes `v` as type `ty` into msgpack bytes.
pub fn to_msgpack(v: &Value, ty: &Type) -> Result<Vec<u8>, CtyError> {
    let mp = encode(v, ty, "")?;
    let mut out = Vec::new();
    rmpv::encode::write_value(&mut out, &mp).map_err(|e| CtyError(format!("msgpack: {e}")))?;
    Ok(out)
}

/// Decodes msgpack bytes holding a value of type `ty`.
pub fn from_msgpack(bytes: &[u8], ty: &Type) -> Result<Value, CtyError> {
    let mut r = bytes;
    let mp = rmpv::decode::read_value(&mut r).map_err(|e| CtyError(format!("msgpack: {e}")))?;
    decode(&mp, ty, "")
}

fn encode(v: &Value, ty: &Type, path: &str) -> Result<Mp, CtyError> {
    if let Type::Dynamic = ty {
        return match v {
            Value::Unknown => Ok(unknown_mp()),
            Value::Null => Ok(Mp::Nil),
            _ => {
                let concrete = v.implied_type();
                let tj = serde_json::to_vec(&concrete.to_json()).expect("JSON of a type");
                Ok(Mp::Array(vec![Mp::Binary(tj), encode(v, &concrete, path)?]))
            }
        };
    }
    match (v, ty) {
        (Value::Unknown, _) => Ok(unknown_mp()),
        (Value::Null, _) => Ok(Mp::Nil),
        (Value::String(s), Type::String) => Ok(Mp::from(s.as_str())),
        // Terraform converts primitives for config values; do the same for the obvious cases.
        (Value::Number(n), Type::String) => Ok(Mp::from(n.to_string())),
        (Value::Bool(b), Type::String) => Ok(Mp::from(b.to_string())),
        (Value::Number(n), Type::Number) => Ok(number_mp(n)),
        (Value::String(s), Type::Number) => match s.parse::<serde_json::Number>() {
            Ok(n) => Ok(number_mp(&n)),
            Err(_) => err(format!("{}: `{s}` is not a number", show(path))),
        },
        (Value::Bool(b), Type::Bool) => Ok(Mp::Boolean(*b)),
        (Value::String(s), Type::Bool) if s == "true" || s == "false" => Ok(Mp::Boolean(s == "true")),
        (Value::List(items), Type::List(et) | Type::Set(et)) => Ok(Mp::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| encode(x, et, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        )),
        (Value::List(items), Type::Tuple(ts)) => {
            if items.len() != ts.len() {
                return err(format!("{}: expected {} tuple elements, got {}", show(path), ts.len(), items.len()));
            }
            Ok(Mp::Array(
                items
                    .iter()
                    .zip(ts)
                    .enumerate()
                    .map(|(i, (x, t))| encode(x, t, &format!("{path}[{i}]")))
                    .collect::<Result<_, _>>()?,
            ))
        }
        (Value::Map(m), Type::Map(et)) => Ok(Mp::Map(
            m.iter()
                .map(|(k, x)| Ok((Mp::from(k.as_str()), encode(x, et, &format!("{path}[{k:?}]"))?)))
                .collect::<Result<_, CtyError>>()?,
        )),
        (Value::Map(m), Type::Object(attrs)) => {
            if let Some(extra) = m.keys().find(|k| !attrs.contains_key(*k)) {
                return err(format!("{}: unsupported attribute `{extra}`", show(path)));
            }
            Ok(Mp::Map(
                attrs
                    .iter()
                    .map(|(k, t)| {
                        let x = m.get(k).unwrap_or(&Value::Null);
                        Ok((Mp::from(k.as_str()), encode(x, t, &join(path, k))?))
                    })
                    .collect::<Result<_, CtyError>>()?,
            ))
        }
        (v, t) => err(format!("{}: a {} cannot be sent as {}", show(path), kind(v), t.to_json())),
    }
}

fn number_mp(n: &serde_json::Number) -> Mp {
    if let Some(i) = n.as_i64() {
        Mp::from(i)
    } else if let Some(u) = n.as_u64() {
        Mp::from(u)
    } else {
        Mp::F64(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn decode(mp: &Mp, ty: &Type, path: &str) -> Result<Value, CtyError> {
    if let Mp::Ext(..) = mp {
        // cty marks unknowns with extension values (refinements ride in the payload).
        return Ok(Value::Unknown);
    }
    if let Mp::Nil = mp {
        return Ok(Value::Null);
    }
    match ty {
        Type::Dynamic => {
            let Mp::Array(pair) = mp else {
                return err(format!("{}: a dynamic value must be [type, value]", show(path)));
            };
            let [t, v] = pair.as_slice() else {
                return err(format!("{}: a dynamic value must be [type, value]", show(path)));
            };
            let tb = match t {
                Mp::Binary(b) => b.clone(),
                Mp::String(s) => s.as_bytes().to_vec(),
                _ => return err(format!("{}: dynamic type is not bytes", show(path))),
            };
            decode(v, &Type::from_json_bytes(&tb)?, path)
        }
        Type::String => match mp {
            Mp::String(s) => Ok(Value::String(s.as_str().unwrap_or_default().to_string())),
            _ => err(format!("{}: expected a string", show(path))),
        },
        Type::Number => match mp {
            Mp::Integer(i) => Ok(Value::Number(match i.as_i64() {
                Some(x) => x.into(),
                None => i.as_u64().unwrap_or_default().into(),
            })),
            Mp::F32(f) => Ok(float(f64::from(*f))),
            Mp::F64(f) => Ok(float(*f)),
            Mp::String(s) => {
                let s = s.as_str().unwrap_or_default();
                match s.parse::<serde_json::Number>() {
                    Ok(n) => Ok(Value::Number(n)),
                    Err(_) => err(format!("{}: `{s}` is not a number", show(path))),
                }
            }
            _ => err(format!("{}: expected a number", show(path))),
        },
        Type::Bool => match mp {
            Mp::Boolean(b) => Ok(Value::Bool(*b)),
            _ => err(format!("{}: expected a bool", show(path))),
        },
        Type::List(et) | Type::Set(et) => match mp {
            Mp::Array(items) => Ok(Value::List(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| decode(x, et, &format!("{path}[{i}]")))
                    .collect::<Result<_, _>>()?,
            )),
            _ => err(format!("{}: expected an array", show(path))),
        },
        Type::Tuple(ts) => match mp {
            Mp::Array(items) if items.len() == ts.len() => Ok(Value::List(
                items
                    .iter()
                    .zip(ts)
                    .enumerate()
                    .map(|(i, (x, t))| decode(x, t, &format!("{path}[{i}]")))
                    .collect::<Result<_, _>>()?,
            )),
            _ => err(format!("{}: expected a tuple of {}", show(path), ts.len())),
        },
        Type::Map(et) => match mp {
            Mp::Map(entries) => {
                let mut out = BTreeMap::new();
                for (k, x) in entries {
                    let k = k.as_str().unwrap_or_default().to_string();
                    let v = decode(x, et, &format!("{path}[{k:?}]"))?;
                    out.insert(k, v);
                }
                Ok(Value::Map(out))
            }
            _ => err(format!("{}: expected a map", show(path))),
        },
        Type::Object(attrs) => match mp {
            Mp::Map(entries) => {
                let mut out = BTreeMap::new();
                for (k, x) in entries {
                    let k = k.as_str().unwrap_or_default().to_string();
                    let Some(t) = attrs.get(&k) else {
                        return err(format!("{}: unexpected attribute `{k}`", show(path)));
                    };
                    let v = decode(x, t, &join(path, &k))?;
                    out.insert(k, v);
                }
                Ok(Value::Map(out))
            }
            _ => err(format!("{}: expected an object", show(path))),
        },
    }
}

fn float(f: f64) -> Value {
    // Integral floats come back as integers so that `1` round-trips as `1`, not `1.0`.
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        Value::Number((f as i64).into())
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

fn join(path: &str, k: &str) -> String {
    if path.is_empty() {
        k.to_string()
    } else {
        format!("{path}.{k}")
    }
}

fn show(path: &str) -> &str {
    if path.is_empty() {
        "value"
    } else {
        path
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Unknown => "unknown",
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::List(_) => "list",
        Value::Map(_) => "map",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj() -> Type {
        Type::from_json(&json!(["object", {"a": "string", "n": "number", "l": ["list", "bool"], "d": "dynamic"}])).unwrap()
    }

    #[test]
    fn round_trips_with_unknowns_and_nulls() {
        let mut m = BTreeMap::new();
        m.insert("a".to_string(), Value::Unknown);
        m.insert("n".to_string(), Value::Number(12.into()));
        m.insert("l".to_string(), Value::List(vec![Value::Bool(true), Value::Unknown]));
        m.insert("d".to_string(), Value::String("x".into()));
        let v = Value::Map(m);
        let bytes = to_msgpack(&v, &obj()).unwrap();
        assert_eq!(from_msgpack(&bytes, &obj()).unwrap(), v);
    }

    #[test]
    fn unknown_is_cty_extension_zero() {
        assert_eq!(to_msgpack(&Value::Unknown, &Type::String).unwrap(), vec![0xd4, 0, 0]);
    }

    #[test]
    fn objects_carry_every_attribute_sorted() {
        let bytes = to_msgpack(&Value::Map(BTreeMap::new()), &obj()).unwrap();
        let mut r = bytes.as_slice();
        let Mp::Map(entries) = rmpv::decode::read_value(&mut r).unwrap() else { panic!() };
        let keys: Vec<_> = entries.iter().map(|(k, _)| k.as_str().unwrap().to_string()).collect();
        assert_eq!(keys, ["a", "d", "l", "n"]);
        assert!(entries.iter().all(|(_, v)| *v == Mp::Nil));
    }

    #[test]
    fn rejects_wrong_shapes_with_a_path() {
        let mut m = BTreeMap::new();
        m.insert("l".to_string(), Value::String("no".into()));
        let e = to_msgpack(&Value::Map(m), &obj()).unwrap_err();
        assert!(e.0.contains("l:"), "{e}");
        assert!(Type::from_json(&json!(["frob", "x"])).is_err());
    }
}

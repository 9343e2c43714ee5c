//! `Surface`: the names a program spells to use one package in one language, keyed by what
//! they name in the IR. `cloudgen diff` compares two surfaces of the same language to
//! report a rename the IR does not show (a collision moving `Bucket` to `Bucket_`, a new
//! keyword, an override), which breaks that language's programs and no other's.
//!
//! Each language fills it from its immutable name table (`Language::surface`), so the
//! names compared are the names emitted.

use crate::ir::Token;
use std::collections::BTreeMap;

/// What kind of IR item a name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A module of the layout (`member` is the canonical IR module).
    Module,
    Resource,
    /// The resource's input type (`FooArgs`).
    ResourceArgs,
    Function,
    FunctionArgs,
    FunctionResult,
    /// An object type.
    Type,
    Enum,
    /// A property of the member (`path` is its wire name).
    Property,
    /// A member of an enum (`path` is its value, as JSON).
    EnumMember,
}

impl Item {
    /// How a diff names the kind.
    pub fn label(self) -> &'static str {
        match self {
            Item::Module => "module",
            Item::Resource => "resource",
            Item::ResourceArgs => "resource arguments",
            Item::Function => "function",
            Item::FunctionArgs => "function arguments",
            Item::FunctionResult => "function result",
            Item::Type => "type",
            Item::Enum => "enum",
            Item::Property => "property",
            Item::EnumMember => "enum member",
        }
    }
}

/// One named thing: its kind, the IR member it belongs to (a token, `"provider"`, or a
/// module), and for properties and enum members the wire name or value inside it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub item: Item,
    pub member: String,
    pub path: String,
}

/// The names of one package in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Surface {
    pub names: BTreeMap<Key, String>,
}

impl Surface {
    /// Records the name of a member-level item (`path` empty).
    pub fn member(&mut self, item: Item, member: impl Into<String>, name: impl Into<String>) {
        self.names.insert(Key { item, member: member.into(), path: String::new() }, name.into());
    }

    /// Records the name of a property or enum member inside `member`.
    pub fn inner(&mut self, item: Item, member: impl Into<String>, path: impl Into<String>, name: impl Into<String>) {
        self.names.insert(Key { item, member: member.into(), path: path.into() }, name.into());
    }
}

/// The `member` key of a token (`pkg:mod:Name`), so provider and resources read alike.
pub fn member_key(token: &Token) -> String {
    token.to_string()
}

/// The `member` key of the provider.
pub const PROVIDER: &str = "provider";

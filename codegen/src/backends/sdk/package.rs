//! `Sdk`: what every Pulumi SDK decides the same way about one package, computed once and
//! read by every language — which resource is which member (the provider is one), which
//! functions are resource methods rather than module functions, which provider inputs
//! travel JSON-encoded and which provider outputs an SDK exposes, and how members group
//! into a language's modules.

use crate::ir::{Function, Package, Primitive, Property, Resource, Token, TypeDef, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// A resource of the package: the provider, or `resources[i]`. Replaces the `usize::MAX`
/// stand-in the backends each used to mean "the provider".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MemberId {
    Provider,
    Resource(usize),
}

/// The language-independent decisions about one package.
pub struct Sdk<'p> {
    pub pkg: &'p Package,
    /// Function tokens that implement resource methods: they are emitted with their
    /// resource, never as module functions.
    pub methods: BTreeSet<Token>,
}

impl<'p> Sdk<'p> {
    pub fn new(pkg: &'p Package) -> Sdk<'p> {
        let methods = pkg.resources.iter().chain(std::iter::once(&pkg.provider)).flat_map(|r| r.methods.values().cloned()).collect();
        Sdk { pkg, methods }
    }

    /// The resource behind `id`.
    pub fn resource(&self, id: MemberId) -> &'p Resource {
        match id {
            MemberId::Provider => &self.pkg.provider,
            MemberId::Resource(i) => &self.pkg.resources[i],
        }
    }

    /// Every resource, the provider first, then the package's resources in order.
    pub fn members(&self) -> impl Iterator<Item = (MemberId, &'p Resource)> + '_ {
        std::iter::once((MemberId::Provider, &self.pkg.provider)).chain(self.pkg.resources.iter().enumerate().map(|(i, r)| (MemberId::Resource(i), r)))
    }

    /// The package's functions that are module functions (not resource methods), with
    /// their index in `pkg.functions`.
    pub fn functions(&self) -> impl Iterator<Item = (usize, &'p Function)> + '_ {
        self.pkg.functions.iter().enumerate().filter(|(_, f)| !self.methods.contains(&f.token))
    }

    /// Is `token` a resource method?
    pub fn is_method(&self, token: &Token) -> bool {
        self.methods.contains(token)
    }

    /// Is `ty` sent to and from a provider as a plain string: a string, or an enum of
    /// strings (its values are strings on the wire)?
    pub fn string_like(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Primitive { primitive: Primitive::String } => true,
            TypeRef::Named { token } => matches!(self.pkg.types.get(token), Some(TypeDef::Enum(e)) if e.primitive == Primitive::String),
            _ => false,
        }
    }

    /// Does input `p` of resource `r` travel JSON-encoded? The engine hands a provider its
    /// configuration as strings, so every provider input that is not string-like is sent
    /// as JSON (the official SDKs do the same).
    pub fn sent_as_json(&self, r: &Resource, p: &Property) -> bool {
        r.is_provider && !self.string_like(&p.ty)
    }

    /// Does the SDK expose output `p` of resource `r` as a property? Provider outputs
    /// arrive JSON-encoded unless they are strings, so (as the official generators do)
    /// only the string-typed outputs of a provider are exposed.
    pub fn exposes_output(&self, r: &Resource, p: &Property) -> bool {
        !r.is_provider || matches!(p.ty, TypeRef::Primitive { primitive: Primitive::String })
    }

    /// Groups the members of the package by a language's module key (`key_of` maps a
    /// canonical IR module to it): the shared shape of "which members live where".
    pub fn group_by<K: Ord + Clone>(&self, mut key_of: impl FnMut(&str) -> K) -> BTreeMap<K, Members> {
        let mut out: BTreeMap<K, Members> = BTreeMap::new();
        for (id, r) in self.members() {
            if !r.is_provider {
                out.entry(key_of(&r.module)).or_default().resources.push(id);
            }
        }
        for (i, f) in self.functions() {
            out.entry(key_of(&f.module)).or_default().functions.push(i);
        }
        for (tok, t) in &self.pkg.types {
            let m = out.entry(key_of(t.module())).or_default();
            match t {
                TypeDef::Object(_) => m.objects.push(tok.clone()),
                TypeDef::Enum(_) => m.enums.push(tok.clone()),
            }
        }
        out
    }
}

/// The members of one module of a language's layout, in package order.
#[derive(Debug, Clone, Default)]
pub struct Members {
    /// Resources (never the provider: it lives at the package root in every language).
    pub resources: Vec<MemberId>,
    /// Module functions (index into `pkg.functions`; methods excluded).
    pub functions: Vec<usize>,
    pub objects: Vec<Token>,
    pub enums: Vec<Token>,
}

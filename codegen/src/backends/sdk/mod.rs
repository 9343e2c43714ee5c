//! The shared SDK layer: what every Pulumi SDK needs, decided once, and the one walk over
//! a package that every language backend plugs into (the wit-bindgen shape: the core
//! traverses, languages implement hooks).
//!
//! A language implements [`Language`]: it reads its typed settings, runs its naming pass
//! once into an immutable name table (nothing is claimed while files are built), and then
//! answers one hook per kind of file. [`plan`] owns the order: names first, then every
//! resource, function and module hook (in parallel: hooks only read), then the package
//! files, which see the paths planned so far (a `tsconfig.json` lists them).
//!
//! Shared decisions live beside the walk: [`package::Sdk`] (members, methods, provider
//! JSON), [`ns::Ns`] (the collision allocator), [`manifest`] (`pulumi-plugin.json`),
//! [`settings`] (typed `language.<lang>` blocks), [`literal`] (string literals, environment
//! defaults), [`identifier`] (valid identifiers, dashed names title-cased), [`enums`] (enum member spelling), [`surface`] (the names a program spells,
//! for `cloudgen diff`).

pub mod enums;
pub mod identifier;
pub mod literal;
pub mod manifest;
pub mod ns;
pub mod package;
pub mod settings;
pub mod surface;

pub use ns::Ns;
pub use package::{MemberId, Members, Sdk};

use super::{Artifact, Emit, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;
use rayon::prelude::*;

/// What one language's planning sees: the shared decisions, its settings and its names.
pub struct Cx<'a, L: Language + ?Sized> {
    pub sdk: &'a Sdk<'a>,
    pub settings: &'a L::Settings,
    pub names: &'a L::Names,
}

impl<'a, L: Language + ?Sized> Cx<'a, L> {
    /// The package being planned.
    pub fn pkg(&self) -> &'a Package {
        self.sdk.pkg
    }
}

/// A language's name table: built once by its naming pass (every name any file will use;
/// errors are names the language cannot spell), then only read.
pub trait NameTable<S>: Sized + Sync {
    /// One module of the language's layout (a directory, a Java package, …).
    type Module: Sync;

    /// The naming pass.
    fn build(sdk: &Sdk, settings: &S) -> Result<Self, Diagnostics>;

    /// The modules of the layout, in output order.
    fn modules(&self) -> Vec<&Self::Module>;
}

/// The module type of language `L`'s layout.
pub type ModuleOf<L> = <<L as Language>::Names as NameTable<<L as Language>::Settings>>::Module;

/// One language backend, as the walk in [`plan`] drives it. Hooks take `&self` and a
/// shared [`Cx`]: they build view models and return artifacts, they never decide names.
pub trait Language: Send + Sync {
    /// The target's name: `--lang` spelling and output directory.
    const NAME: &'static str;
    /// The typed `language.<lang>` block of the schema.
    type Settings: settings::LanguageSettings + Sync;
    /// The immutable name table of the naming pass.
    type Names: NameTable<Self::Settings>;

    /// Reads the settings from the package (warnings are the target's `warnings`).
    fn settings(&self, pkg: &Package) -> Self::Settings {
        settings::read::<Self::Settings>(pkg).0
    }

    /// The files of one resource (the provider included).
    fn resource(&self, cx: &Cx<Self>, id: MemberId) -> Vec<Artifact>;

    /// The files of one module function (`pkg.functions[index]`; never a method).
    fn function(&self, cx: &Cx<Self>, index: usize) -> Vec<Artifact>;

    /// The files of one module: its types and enums, its index or init file, and whatever
    /// the language keeps per module.
    fn module(&self, cx: &Cx<Self>, module: &ModuleOf<Self>) -> Vec<Artifact>;

    /// The files of the package's configuration variables.
    fn config(&self, cx: &Cx<Self>) -> Vec<Artifact>;

    /// The package files (manifests, utilities, README), knowing every path planned by
    /// the other hooks (sorted).
    fn package(&self, cx: &Cx<Self>, planned: &[String]) -> Vec<Artifact>;

    /// The names a program spells, read from the name table (for `cloudgen diff`).
    fn surface(&self, _cx: &Cx<Self>) -> surface::Surface {
        surface::Surface::default()
    }
}

/// Every language is a [`Target`] the same way: planning is the walk, warnings are the
/// settings' unknown keys, the surface is the naming pass's. Planning never fails for the
/// four languages (every name the IR allows is made valid), but the hook may report names
/// a language cannot spell.
impl<L: Language> Target for L {
    fn name(&self) -> &'static str {
        L::NAME
    }

    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        plan(self, pkg)
    }

    fn plan_into(&self, pkg: &Package, emit: &Emit) -> Result<(), Diagnostics> {
        plan_into(self, pkg, emit)
    }

    fn warnings(&self, pkg: &Package) -> Diagnostics {
        settings::read::<L::Settings>(pkg).1
    }

    fn surface(&self, pkg: &Package) -> Option<Result<surface::Surface, Diagnostics>> {
        Some(surface(self, pkg))
    }
}

/// The names `lang` gives `pkg`'s items: the same naming pass as [`plan`], no files.
pub fn surface<L: Language>(lang: &L, pkg: &Package) -> Result<surface::Surface, Diagnostics> {
    let sdk = Sdk::new(pkg);
    let settings = lang.settings(pkg);
    let names = L::Names::build(&sdk, &settings)?;
    Ok(lang.surface(&Cx::<L> { sdk: &sdk, settings: &settings, names: &names }))
}

/// Plans every file of `pkg` in `lang`: settings, names, then the hooks; the result is
/// sorted by path.
pub fn plan<L: Language>(lang: &L, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
    let out = std::sync::Mutex::new(Vec::new());
    plan_into(lang, pkg, &|a| out.lock().expect("plan").push(a))?;
    let mut out = out.into_inner().expect("plan");
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// [`plan`], streaming: every artifact goes to `emit` as soon as its hook returns it, from
/// rayon's threads. Only the paths are kept, for the package hook (a manifest may list
/// every file).
pub fn plan_into<L: Language>(lang: &L, pkg: &Package, emit: &Emit) -> Result<(), Diagnostics> {
    let sdk = Sdk::new(pkg);
    let settings = lang.settings(pkg);
    let names = L::Names::build(&sdk, &settings)?;
    let cx = Cx::<L> { sdk: &sdk, settings: &settings, names: &names };
    let members: Vec<MemberId> = sdk.members().map(|(id, _)| id).collect();
    let functions: Vec<usize> = sdk.functions().map(|(i, _)| i).collect();
    let modules = cx.names.modules();
    let paths = std::sync::Mutex::new(Vec::new());
    let send = |files: Vec<Artifact>| {
        paths.lock().expect("plan").extend(files.iter().map(|a| a.path.clone()));
        files.into_iter().for_each(emit);
    };
    members.par_iter().for_each(|&id| send(lang.resource(&cx, id)));
    functions.par_iter().for_each(|&i| send(lang.function(&cx, i)));
    modules.par_iter().for_each(|m| send(lang.module(&cx, m)));
    send(lang.config(&cx));
    let mut paths = paths.into_inner().expect("plan");
    paths.sort();
    lang.package(&cx, &paths).into_iter().for_each(emit);
    Ok(())
}

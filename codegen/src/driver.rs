//! The driver: inputs → packages → (package × target) artifacts → rendered `FileSet`.
//!
//! Loading runs in parallel over inputs, planning over package × target, rendering over
//! every artifact (rayon). Results are collected in input order and stored in a sorted
//! `FileSet`, so serial and parallel runs give identical bytes.

use crate::backends::{Artifact, ArtifactContent, Target};
use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::fileset::FileSet;
use crate::frontends::{self, Format};
use crate::ir::Package;
use crate::overrides::Overrides;
use crate::templates;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One input file: where to read it and how to name it in diagnostics and output.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub display: String,
}

impl Input {
    pub fn new(path: impl Into<PathBuf>) -> Input {
        let path = path.into();
        let display = path.to_string_lossy().replace('\\', "/");
        Input { path, display }
    }
}

/// Everything `generate`/`check` need besides the inputs.
pub struct Options<'a> {
    pub from: Option<Format>,
    pub overrides: &'a Overrides,
    pub targets: &'a [Box<dyn Target>],
    pub templates: Option<&'a Path>,
    /// Use rayon; `false` renders on one thread (determinism tests compare both).
    pub parallel: bool,
    /// Called once per rendered file (progress reporting).
    pub on_file: Option<&'a (dyn Fn() + Sync)>,
}

/// The packages that loaded, with their warnings.
pub struct Loaded {
    pub packages: Vec<Package>,
    pub warnings: Diagnostics,
}

/// A generation result: the files, the directories they own (`<target>/<package>`, the
/// only places stale files may be pruned), and what was found along the way.
pub struct Generated {
    pub files: FileSet,
    pub roots: Vec<String>,
    pub packages: usize,
    pub warnings: Diagnostics,
}

/// Loads and finishes every package of every input. Fails with all errors (and warnings)
/// if any input has an error; two inputs defining the same package name is an error.
pub fn load_all(inputs: &[Input], from: Option<Format>, overrides: &Overrides, parallel: bool) -> Result<Loaded, Diagnostics> {
    let load = |i: &Input| frontends::load(&i.path, &i.display, from, overrides);
    let results: Vec<_> = if parallel { inputs.par_iter().map(load).collect() } else { inputs.iter().map(load).collect() };
    let mut diags = Diagnostics::new();
    let mut packages = Vec::new();
    let mut seen: BTreeMap<String, SourceRef> = BTreeMap::new();
    for r in results {
        match r {
            Ok(finished) => {
                for f in finished {
                    diags.extend(f.warnings);
                    if let Some(prev) = seen.insert(f.package.name.clone(), f.package.source.clone()) {
                        diags.push(
                            Diagnostic::error(f.package.source.clone(), format!("package `{}` is also defined by {}", f.package.name, prev.file))
                                .with_hint("each package name may come from one input only; generate them in separate runs or rename one"),
                        );
                    }
                    packages.push(f.package);
                }
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    Ok(Loaded { packages, warnings: diags.sorted() })
}

/// Plans and renders every package for every target into one `FileSet` rooted at the
/// output directory (`<target>/<package>/<path>`).
pub fn render(packages: &[Package], opts: &Options) -> Result<FileSet, Diagnostics> {
    let tera = templates::load(opts.templates)?;
    let jobs: Vec<(&Package, &dyn Target)> = packages.iter().flat_map(|p| opts.targets.iter().map(move |t| (p, t.as_ref()))).collect();
    let plan = |(p, t): &(&Package, &dyn Target)| -> Result<Vec<(String, Artifact)>, Diagnostics> {
        let prefix = format!("{}/{}", t.name(), p.name);
        Ok(t.plan(p)?.into_iter().map(|a| (prefix.clone(), a)).collect())
    };
    let planned: Vec<_> = if opts.parallel { jobs.par_iter().map(plan).collect() } else { jobs.iter().map(plan).collect() };
    let mut diags = Diagnostics::new();
    let mut artifacts = Vec::new();
    for p in planned {
        match p {
            Ok(a) => artifacts.extend(a),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    // Artifacts are consumed: view models move into the template context, never cloned.
    let render_one = |(prefix, a): (String, Artifact)| -> Result<(String, Vec<u8>), Diagnostic> {
        let path = format!("{prefix}/{}", a.path);
        let bytes = match a.content {
            ArtifactContent::Bytes(b) => b,
            ArtifactContent::Template { template, model } => {
                let ctx = tera::Context::from_value(model)
                    .map_err(|e| Diagnostic::error(SourceRef::new(path.clone(), ""), format!("internal: view model is not an object: {e}")))?;
                tera.render(template, &ctx)
                    .map_err(|e| Diagnostic::error(SourceRef::new(path.clone(), ""), format!("template `{template}` failed: {}", templates::error_chain(&e))))?
                    .into_bytes()
            }
        };
        if let Some(cb) = opts.on_file {
            cb();
        }
        Ok((path, bytes))
    };
    let rendered: Vec<_> = if opts.parallel { artifacts.into_par_iter().map(render_one).collect() } else { artifacts.into_iter().map(render_one).collect() };
    let mut files = FileSet::new();
    for r in rendered {
        match r {
            Ok((path, bytes)) => {
                if let Err(e) = files.insert(path.clone(), bytes) {
                    diags.push(Diagnostic::error(SourceRef::new(path, ""), format!("internal: {e}")));
                }
            }
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    Ok(files)
}

/// Load + render, the whole pipeline short of touching the output directory.
pub fn generate(inputs: &[Input], opts: &Options) -> Result<Generated, Diagnostics> {
    let loaded = load_all(inputs, opts.from, opts.overrides, opts.parallel)?;
    let files = render(&loaded.packages, opts).map_err(|mut d| {
        d.extend(loaded.warnings.clone());
        d.sorted()
    })?;
    let mut roots: Vec<String> = loaded.packages.iter().flat_map(|p| opts.targets.iter().map(move |t| format!("{}/{}", t.name(), p.name))).collect();
    roots.sort();
    Ok(Generated { files, roots, packages: loaded.packages.len(), warnings: loaded.warnings })
}

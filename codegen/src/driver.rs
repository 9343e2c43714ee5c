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

/// Why rendering stopped: the generator's own diagnostics, or the sink could not take a file.
#[derive(Debug)]
pub enum RenderError {
    Diagnostics(Diagnostics),
    Io(std::io::Error),
}

/// Plans and renders every package for every target, handing each file to `sink` as soon as
/// it is rendered (`<target>/<package>/<path>`, from rayon's threads, in no fixed order).
/// Nothing holds the whole output: planning streams ([`Target::plan_into`]), so a view
/// model lives until its file is rendered, a file's bytes until the sink returns. Returns
/// how many files were produced.
pub fn render_into(
    packages: &[Package],
    opts: &Options,
    sink: &(dyn Fn(String, Vec<u8>) -> std::io::Result<()> + Sync),
) -> Result<usize, RenderError> {
    let tera = templates::load(opts.templates).map_err(RenderError::Diagnostics)?;
    let jobs: Vec<(&Package, &dyn Target)> = packages.iter().flat_map(|p| opts.targets.iter().map(move |t| (p, t.as_ref()))).collect();
    // Artifacts are consumed: view models move into the template context, never cloned.
    let render_one = |prefix: &str, a: Artifact| -> Result<(), RenderError> {
        let path = format!("{prefix}/{}", a.path);
        let bytes = match a.content {
            ArtifactContent::Bytes(b) => b,
            ArtifactContent::Template { template, model } => {
                let fail = |msg: String| RenderError::Diagnostics(Diagnostic::error(SourceRef::new(path.clone(), ""), msg).into());
                let ctx = tera::Context::from_value(model).map_err(|e| fail(format!("internal: view model is not an object: {e}")))?;
                tera.render(template, &ctx).map_err(|e| fail(format!("template `{template}` failed: {}", templates::error_chain(&e))))?.into_bytes()
            }
        };
        sink(path, bytes).map_err(RenderError::Io)?;
        if let Some(cb) = opts.on_file {
            cb();
        }
        Ok(())
    };
    let job = |(p, t): &(&Package, &dyn Target)| -> Result<usize, RenderError> {
        let prefix = format!("{}/{}", t.name(), p.name);
        // Each file is rendered as soon as it is planned, on the planning thread. Every
        // diagnostic is kept (reported sorted, whatever the thread order); after an I/O
        // error the remaining files are dropped unrendered.
        let seen = std::sync::Mutex::new(std::collections::HashSet::new());
        let failures: std::sync::Mutex<Vec<RenderError>> = std::sync::Mutex::new(Vec::new());
        let emit = |a: Artifact| {
            if failures.lock().expect("render").iter().any(|e| matches!(e, RenderError::Io(_))) {
                return;
            }
            // A backend that plans one path twice would have one file silently overwrite
            // the other once files stream; say so instead.
            let result = if seen.lock().expect("render").insert(a.path.clone()) {
                render_one(&prefix, a)
            } else {
                Err(RenderError::Diagnostics(
                    Diagnostic::error(SourceRef::new(format!("{prefix}/{}", a.path), ""), "internal: two files planned at the same path").into(),
                ))
            };
            if let Err(e) = result {
                failures.lock().expect("render").push(e);
            }
        };
        if opts.parallel {
            t.plan_into(p, &emit).map_err(RenderError::Diagnostics)?;
        } else {
            // One thread: the whole plan, then the files in path order.
            for a in t.plan(p).map_err(RenderError::Diagnostics)? {
                emit(a);
            }
        }
        let n = seen.into_inner().expect("render").len();
        merge(failures.into_inner().expect("render").into_iter().map(Err).chain([Ok(n)]))
    };
    let results: Vec<_> = if opts.parallel { jobs.par_iter().map(job).collect() } else { jobs.iter().map(job).collect() };
    merge(results.into_iter())
}

/// Sums the counts, or reports every diagnostic (sorted) — an I/O error wins outright.
fn merge(results: impl Iterator<Item = Result<usize, RenderError>>) -> Result<usize, RenderError> {
    let mut diags = Diagnostics::new();
    let mut total = 0;
    for r in results {
        match r {
            Ok(n) => total += n,
            Err(RenderError::Io(e)) => return Err(RenderError::Io(e)),
            Err(RenderError::Diagnostics(d)) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(RenderError::Diagnostics(diags.sorted()));
    }
    Ok(total)
}

/// Plans and renders every package for every target into one `FileSet` rooted at the
/// output directory (`<target>/<package>/<path>`) — for tests and callers that want the
/// output as a value.
pub fn render(packages: &[Package], opts: &Options) -> Result<FileSet, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let sink = |path: String, bytes: Vec<u8>| -> std::io::Result<()> {
        files.lock().expect("render sink").push((path, bytes));
        Ok(())
    };
    match render_into(packages, opts, &sink) {
        Ok(_) => {}
        Err(RenderError::Diagnostics(d)) => return Err(d),
        Err(RenderError::Io(e)) => unreachable!("the in-memory sink cannot fail: {e}"),
    }
    let mut set = FileSet::new();
    let mut diags = Diagnostics::new();
    for (path, bytes) in files.into_inner().expect("render sink") {
        if let Err(e) = set.insert(path.clone(), bytes) {
            diags.push(Diagnostic::error(SourceRef::new(path, ""), format!("internal: {e}")));
        }
    }
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    Ok(set)
}

/// The directories a generation owns, `<target>/<package>`, sorted: the only places where
/// stale files may be pruned.
pub fn roots(packages: &[Package], targets: &[Box<dyn Target>]) -> Vec<String> {
    let mut roots: Vec<String> = packages.iter().flat_map(|p| targets.iter().map(move |t| format!("{}/{}", t.name(), p.name))).collect();
    roots.sort();
    roots
}

/// What the targets say about the packages beyond the IR (their `language.<lang>`
/// settings), sorted: warnings only.
pub fn target_warnings(packages: &[Package], targets: &[Box<dyn Target>]) -> Diagnostics {
    let mut d = Diagnostics::new();
    for p in packages {
        for t in targets {
            d.extend(t.warnings(p));
        }
    }
    d.sorted()
}

/// Plans and renders every package for one target, as files named `<package>/<path>` (no
/// `<target>/` level): for commands that write one target's output (`shim`, `schema`).
pub fn render_target(packages: &[Package], target: Box<dyn Target>, templates: Option<&Path>) -> Result<FileSet, Diagnostics> {
    let name = target.name();
    let targets = [target];
    let overrides = Overrides::default();
    let opts = Options { from: None, overrides: &overrides, targets: &targets, templates, parallel: true, on_file: None };
    let rendered = render(packages, &opts)?;
    let mut out = FileSet::new();
    for (path, bytes) in rendered.iter() {
        let inner = path.strip_prefix(name).and_then(|p| p.strip_prefix('/')).unwrap_or(path);
        out.insert(inner.to_string(), bytes.clone()).map_err(|e| Diagnostics::from(Diagnostic::error(SourceRef::new(path.clone(), ""), format!("internal: {e}"))))?;
    }
    Ok(out)
}

/// Load + render, the whole pipeline short of touching the output directory.
pub fn generate(inputs: &[Input], opts: &Options) -> Result<Generated, Diagnostics> {
    let mut loaded = load_all(inputs, opts.from, opts.overrides, opts.parallel)?;
    loaded.warnings.extend(target_warnings(&loaded.packages, opts.targets));
    loaded.warnings = loaded.warnings.sorted();
    let files = render(&loaded.packages, opts).map_err(|mut d| {
        d.extend(loaded.warnings.clone());
        d.sorted()
    })?;
    let roots = roots(&loaded.packages, opts.targets);
    Ok(Generated { files, roots, packages: loaded.packages.len(), warnings: loaded.warnings })
}

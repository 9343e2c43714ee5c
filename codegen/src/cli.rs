//! The `cloudgen` command line: argument parsing, reporting, exit codes.
//!
//! Exit codes: 0 success (and `check`: output is current); 1 `check` found drift;
//! 2 the inputs have errors (diagnostics printed, nothing written); 3 an I/O or
//! internal failure.

use crate::backends::{self, Target};
use crate::diag::Diagnostics;
use crate::driver::{self, Input, Options, RenderError};
use crate::frontends::Format;
use crate::output::{self, Checker, Writer};
use crate::overrides::Overrides;
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const EXIT_DRIFT: i32 = 1;
pub const EXIT_INPUT: i32 = 2;
pub const EXIT_IO: i32 = 3;

#[derive(Parser, Debug)]
#[command(name = "cloudgen", version, about = "Provider schemas in (Terraform, OpenAPI, Pulumi), idiomatic Pulumi SDKs out.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Generate SDKs (default: every schema in schemas/ into generated/).
    Generate(GenArgs),
    /// Regenerate in memory and compare with the output directory; exit 1 on drift.
    Check(GenArgs),
    /// Write the IR of INPUT as a Pulumi package schema.
    Schema {
        input: PathBuf,
        /// Output file (`-` for stdout).
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Write, per Terraform package of INPUT, a runnable Pulumi provider plugin crate into
    /// DIR/<pkg>/: schema.json, mapping.json, Cargo.toml and src/main.rs (binary
    /// `pulumi-resource-<pkg>`, driving the real Terraform provider through cloudgen-shim).
    /// Same as `generate --lang shim`, without the `shim/` level.
    Shim {
        input: PathBuf,
        /// Output directory; each package goes to DIR/<pkg>/.
        #[arg(short, long)]
        output: PathBuf,
        /// The cloudgen-shim crate as each generated Cargo.toml names it: relative to
        /// DIR/<pkg>/ (written verbatim, so output does not depend on the host).
        #[arg(long, default_value = backends::shim::DEFAULT_SHIM_CRATE)]
        shim_crate: String,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Ask a Terraform provider binary for its schema (no terraform CLI needed) and write it
    /// in the `terraform providers schema -json` format.
    ImportSchema {
        /// The provider binary (terraform-provider-<name>).
        #[arg(long)]
        provider: PathBuf,
        /// Output file (`-` for stdout).
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
        /// The provider address the schema is keyed by
        /// (default: registry.terraform.io/hashicorp/<name>).
        #[arg(long)]
        address: Option<String>,
    },
    /// Serve a package as a Pulumi provider plugin without building its thin crate: what
    /// the generated `pulumi-resource-<pkg>` binary does, with the two files read at run
    /// time (prints the port, then serves until SIGTERM).
    #[command(hide = true)]
    ShimServe {
        /// The package's schema.json.
        #[arg(long)]
        schema: PathBuf,
        /// The package's mapping.json.
        #[arg(long)]
        mapping: PathBuf,
        /// Ignored: the engine passes its own address and logging flags to plugins.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        engine_args: Vec<String>,
    },
    /// Compare two versions of a provider schema: every change users of the SDKs can see,
    /// named by rule with a severity (breaking, warning, info). Both go through the same
    /// frontends and builder, so Terraform, OpenAPI and Pulumi inputs compare alike (and
    /// across formats). Exit 0 when nothing reaches --fail-on, 1 when something does, 2 on
    /// bad input.
    Diff {
        /// The version users have today.
        old: PathBuf,
        /// The version about to be published.
        new: PathBuf,
        /// text (terminal, grouped by member), markdown (a pull-request comment) or json.
        #[arg(long, value_enum, default_value = "text")]
        format: crate::diff::render::Format,
        /// The severity that makes the exit status 1.
        #[arg(long, value_enum, default_value = "breaking")]
        fail_on: FailOn,
        /// Comma-separated SDK languages whose names are compared too (a name one language
        /// spells differently though the schema did not rename it: `name-changed`), `all`,
        /// or `none` (the IR comparison only).
        #[arg(long, default_value = "all", value_delimiter = ',')]
        lang: Vec<String>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Show what cloudgen understood of an input.
    Explain {
        #[command(subcommand)]
        what: Explain,
    },
}

/// `--from`: the CLI's spelling of [`Format`] (the frontends know nothing of clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Terraform,
    Openapi,
    Pulumi,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Terraform => Format::Terraform,
            InputFormat::Openapi => Format::Openapi,
            InputFormat::Pulumi => Format::Pulumi,
        }
    }
}

/// When `cloudgen diff` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// On any breaking change.
    Breaking,
    /// On any breaking change or warning.
    Warning,
    /// Never (report only).
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Explain {
    /// Dump the IR as JSON.
    Ir {
        input: PathBuf,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Table of the resources inferred from an OpenAPI/Swagger spec: their operations,
    /// the rule that matched each, and the operations left as functions.
    Resources {
        input: PathBuf,
        #[command(flatten)]
        common: CommonArgs,
    },
}

#[derive(Args, Debug, Clone)]
pub struct CommonArgs {
    /// Force the input format instead of detecting it from content.
    #[arg(long, value_enum)]
    pub from: Option<InputFormat>,
    /// Overrides file (YAML or JSON): module strategy, renames, … per package.
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug, Clone)]
pub struct GenArgs {
    /// Input schemas (Terraform provider schema JSON, OpenAPI, Pulumi schema JSON/YAML).
    /// Default: every *.json / *.yaml in schemas/.
    pub inputs: Vec<PathBuf>,
    /// Comma-separated targets: typescript, python, go, java (the SDKs), pulumi-schema (the IR
    /// as a Pulumi package schema), shim (the provider plugin crate; Terraform inputs), or
    /// `all` (the four SDKs).
    #[arg(long, default_value = "all", value_delimiter = ',')]
    pub lang: Vec<String>,
    /// Output directory; files go to <out>/<language>/<package>/.
    #[arg(short, long, default_value = "generated")]
    pub out: PathBuf,
    /// Directory of templates overriding the embedded ones (same relative names).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Render on one thread.
    #[arg(long)]
    pub serial: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Runs the CLI; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Generate(a) => generate(&a, false),
        Command::Check(a) => generate(&a, true),
        Command::Schema { input, output, common } => schema(&input, &output, &common),
        Command::Shim { input, output, shim_crate, common } => shim(&input, &output, shim_crate, &common),
        Command::ShimServe { schema, mapping, .. } => shim_serve(&schema, &mapping),
        Command::ImportSchema { provider, output, address } => import_schema(&provider, &output, address.as_deref()),
        Command::Diff { old, new, format, fail_on, lang, common } => diff(&old, &new, format, fail_on, &lang, &common),
        Command::Explain { what: Explain::Ir { input, common } } => explain_ir(&input, &common),
        Command::Explain { what: Explain::Resources { input, common } } => explain_resources(&input, &common),
    }
}

fn report(diags: &Diagnostics, quiet: bool) {
    for d in diags.iter() {
        if quiet && d.severity == crate::diag::Severity::Warning {
            continue;
        }
        eprintln!("{d}");
    }
}

fn load_overrides(common: &CommonArgs, default_dir: Option<&Path>) -> Result<Overrides, Diagnostics> {
    match &common.overrides {
        Some(p) => Overrides::load(p),
        None => match default_dir.map(|d| d.join("overrides.yaml")).filter(|p| p.is_file()) {
            Some(p) => Overrides::load(&p),
            None => Ok(Overrides::default()),
        },
    }
}

/// The example schemas: every JSON/YAML file directly in `schemas/` except overrides files.
fn default_inputs() -> Result<Vec<Input>, String> {
    let dir = Path::new("schemas");
    let mut inputs: Vec<Input> = std::fs::read_dir(dir)
        .map_err(|e| format!("no INPUT given and cannot read schemas/: {e} (run from the repository root or name inputs)"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.ends_with(".json") || name.ends_with(".yaml") || name.ends_with(".yml")) && !name.starts_with("overrides.")
        })
        .map(Input::new)
        .collect();
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    Ok(inputs)
}

fn select_targets(langs: &[String]) -> Result<Vec<Box<dyn Target>>, String> {
    let mut names: Vec<String> = Vec::new();
    for l in langs {
        let l = l.trim();
        if l == "all" {
            names.extend(backends::ALL_LANGUAGES.iter().map(|s| s.to_string()));
        } else {
            names.push(l.to_string());
        }
    }
    let mut targets: Vec<Box<dyn Target>> = Vec::new();
    for n in names {
        let t = backends::target_by_name(&n).ok_or_else(|| format!("unknown language `{n}` (expected one of {} or all)", backends::TARGET_NAMES.join(", ")))?;
        if !targets.iter().any(|x| x.name() == t.name()) {
            targets.push(t);
        }
    }
    Ok(targets)
}

fn generate(a: &GenArgs, check: bool) -> i32 {
    let start = Instant::now();
    let quiet = a.common.quiet;
    let (inputs, overrides_dir) = if a.inputs.is_empty() {
        match default_inputs() {
            Ok(i) => (i, Some(Path::new("schemas"))),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_INPUT;
            }
        }
    } else {
        (a.inputs.iter().map(Input::new).collect(), None)
    };
    let targets = match select_targets(&a.lang) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    let overrides = match load_overrides(&a.common, overrides_dir) {
        Ok(o) => o,
        Err(d) => {
            report(&d, quiet);
            return EXIT_INPUT;
        }
    };
    let progress = if !quiet && std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message("rendering");
        Some(bar)
    } else {
        None
    };
    let tick = || {
        if let Some(b) = &progress {
            b.inc(1);
        }
    };
    let opts = Options {
        from: a.common.from.map(Format::from),
        overrides: &overrides,
        targets: &targets,
        templates: a.templates.as_deref(),
        parallel: !a.serial,
        on_file: Some(&tick),
    };
    let loaded = match driver::load_all(&inputs, opts.from, opts.overrides, opts.parallel) {
        Ok(mut l) => {
            l.warnings.extend(driver::target_warnings(&l.packages, &targets));
            l.warnings = l.warnings.sorted();
            l
        }
        Err(d) => {
            if let Some(b) = &progress {
                b.finish_and_clear();
            }
            report(&d, quiet);
            eprintln!("cloudgen: {} error(s), {} warning(s); nothing written", d.errors(), d.warnings());
            return EXIT_INPUT;
        }
    };
    let roots = driver::roots(&loaded.packages, &targets);
    let packages = loaded.packages.len();
    let warnings = loaded.warnings.warnings();
    // Files stream from the renderer into the checker or the writer; neither keeps the
    // output in memory, and the writer changes nothing on disk until every file rendered.
    let outcome = if check {
        Checker::new(&a.out, &roots).map_err(RenderError::Io).and_then(|c| {
            let n = driver::render_into(&loaded.packages, &opts, &|p, b| c.put(&p, &b))?;
            Ok(Outcome::Checked(n, c.finish()))
        })
    } else {
        Writer::new(&a.out, &roots).map_err(RenderError::Io).and_then(|w| {
            driver::render_into(&loaded.packages, &opts, &|p, b| w.put(&p, &b))?;
            w.finish().map(Outcome::Written).map_err(RenderError::Io)
        })
    };
    if let Some(b) = &progress {
        b.finish_and_clear();
    }
    report(&loaded.warnings, quiet);
    let elapsed = start.elapsed().as_secs_f64();
    match outcome {
        Err(RenderError::Diagnostics(mut d)) => {
            d.extend(loaded.warnings);
            report(&d, quiet);
            eprintln!("cloudgen: {} error(s); nothing written", d.errors());
            EXIT_INPUT
        }
        Err(RenderError::Io(e)) => {
            let verb = if check { "read" } else { "write" };
            eprintln!("error: cannot {verb} {}: {e}", a.out.display());
            EXIT_IO
        }
        Ok(Outcome::Checked(files, (drifts, diff))) => {
            print!("{diff}");
            if !quiet || !drifts.is_empty() {
                eprintln!("cloudgen check: {packages} package(s), {files} file(s), {} drifted, {warnings} warning(s), {elapsed:.2}s", drifts.len());
            }
            if drifts.is_empty() {
                0
            } else {
                EXIT_DRIFT
            }
        }
        Ok(Outcome::Written(s)) => {
            if !quiet {
                eprintln!(
                    "cloudgen: {packages} package(s) → {}: {} written, {} unchanged, {} removed; {warnings} warning(s); {elapsed:.2}s",
                    a.out.display(),
                    s.written,
                    s.unchanged,
                    s.removed,
                );
            }
            0
        }
    }
}

/// What `generate`/`check` did once everything rendered.
enum Outcome {
    /// Files compared, and the drifts with their diff.
    Checked(usize, (Vec<output::Drift>, String)),
    Written(output::WriteStats),
}

fn load_one(input: &Path, common: &CommonArgs) -> Result<Vec<crate::ir::Package>, i32> {
    let overrides = load_overrides(common, None).map_err(|d| {
        report(&d, common.quiet);
        EXIT_INPUT
    })?;
    match driver::load_all(&[Input::new(input)], common.from.map(Format::from), &overrides, true) {
        Ok(l) => {
            report(&l.warnings, common.quiet);
            Ok(l.packages)
        }
        Err(d) => {
            report(&d, common.quiet);
            Err(EXIT_INPUT)
        }
    }
}

fn schema(input: &Path, out: &Path, common: &CommonArgs) -> i32 {
    let packages = match load_one(input, common) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if packages.len() != 1 {
        eprintln!("error: {} holds {} packages; `schema` writes exactly one", input.display(), packages.len());
        return EXIT_INPUT;
    }
    let text = match driver::render_target(&packages, Box::new(backends::pulumi_schema::PulumiSchema), None) {
        Ok(files) => files.get(&format!("{}/schema.json", packages[0].name)).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default(),
        Err(d) => {
            report(&d, common.quiet);
            return EXIT_INPUT;
        }
    };
    let res = if out == Path::new("-") {
        // A reader that stops early (`| head`) is not an error.
        match std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r,
        }
    } else {
        write_file_atomically(out, text.as_bytes())
    };
    match res {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            EXIT_IO
        }
    }
}

fn shim(input: &Path, out: &Path, shim_crate: String, common: &CommonArgs) -> i32 {
    let packages = match load_one(input, common) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let files = match driver::render_target(&packages, Box::new(backends::shim::Shim { shim_crate }), None) {
        Ok(f) => f,
        Err(d) => {
            report(&d, common.quiet);
            return EXIT_INPUT;
        }
    };
    let mut roots: Vec<String> = packages.iter().map(|p| p.name.clone()).collect();
    roots.sort();
    match output::write(out, &files, &roots) {
        Ok(s) => {
            if !common.quiet {
                eprintln!("cloudgen shim: {} package(s) → {}: {} written, {} unchanged", roots.len(), out.display(), s.written, s.unchanged);
            }
            0
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            EXIT_IO
        }
    }
}

fn shim_serve(schema: &Path, mapping: &Path) -> i32 {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| eprintln!("error: cannot read {}: {e}", p.display()));
    match (read(schema), read(mapping)) {
        (Ok(s), Ok(m)) => cloudgen_shim::serve(&s, &m),
        _ => EXIT_IO,
    }
}

/// `import-schema`: launch the provider, ask for its schema, write Terraform's JSON form.
fn import_schema(provider: &Path, out: &Path, address: Option<&str>) -> i32 {
    let name = provider
        .file_name()
        .and_then(|f| f.to_str())
        .and_then(|f| f.strip_prefix("terraform-provider-"))
        .map(|f| f.split("_v").next().unwrap_or(f).to_string());
    let address = match (address, name) {
        (Some(a), _) => a.to_string(),
        (None, Some(n)) if !n.is_empty() => format!("registry.terraform.io/hashicorp/{n}"),
        _ => {
            eprintln!("error: cannot tell the provider name from {}; pass --address", provider.display());
            return EXIT_INPUT;
        }
    };
    if !provider.is_file() {
        eprintln!("error: {} is not a file", provider.display());
        return EXIT_INPUT;
    }
    let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_IO;
        }
    };
    let schema = rt.block_on(async {
        let p = cloudgen_shim::tfclient::Provider::launch(provider).await?;
        let s = p.schema.to_terraform_json(&address);
        p.shutdown().await;
        Ok::<_, cloudgen_shim::tfclient::TfError>(s)
    });
    let value = match schema {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    let res = if out == Path::new("-") {
        // A reader that stops early (`| head`) is not an error.
        match std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r,
        }
    } else {
        write_file_atomically(out, text.as_bytes())
    };
    match res {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            EXIT_IO
        }
    }
}

/// `diff`: load both versions, pair their packages, report, and exit by `fail_on`.
fn diff(old: &Path, new: &Path, format: crate::diff::render::Format, fail_on: FailOn, langs: &[String], common: &CommonArgs) -> i32 {
    use crate::diff::{render, rules::Severity};
    let targets = if langs.iter().any(|l| l.trim() == "none") {
        Vec::new()
    } else {
        match select_targets(langs) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_INPUT;
            }
        }
    };
    let (olds, news) = match (load_one(old, common), load_one(new, common)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    // One package each: compare them whatever their names (a rename is a change). Several:
    // pair by name, and say which have no partner.
    let pairs: Vec<(&crate::ir::Package, &crate::ir::Package)> = if olds.len() == 1 && news.len() == 1 {
        vec![(&olds[0], &news[0])]
    } else {
        let mut pairs = Vec::new();
        for o in &olds {
            match news.iter().find(|n| n.name == o.name) {
                Some(n) => pairs.push((o, n)),
                None => eprintln!("cloudgen: warning: package {} is in {} but not in {}", o.name, old.display(), new.display()),
            }
        }
        for n in news.iter().filter(|n| !olds.iter().any(|o| o.name == n.name)) {
            eprintln!("cloudgen: warning: package {} is new in {}", n.name, new.display());
        }
        pairs
    };
    let colour = std::io::IsTerminal::is_terminal(&std::io::stdout()) && std::env::var_os("NO_COLOR").is_none();
    let mut reports: Vec<crate::diff::Report> = Vec::new();
    for (o, n) in pairs {
        match crate::diff::compare_with_languages(o, n, &targets) {
            Ok(r) => reports.push(r),
            Err(d) => {
                report(&d, false);
                return EXIT_INPUT;
            }
        }
    }
    let threshold = match fail_on {
        FailOn::Breaking => Some(Severity::Breaking),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = reports.iter().any(|r| matches!((r.worst(), threshold), (Some(w), Some(t)) if w <= t));
    let out = match format {
        render::Format::Json if reports.len() == 1 => render::json_report(&reports[0]),
        render::Format::Json => render::json_reports(&reports),
        render::Format::Text => reports.iter().map(|r| render::text_report(r, colour)).collect::<Vec<_>>().join("\n"),
        render::Format::Markdown => reports.iter().map(render::markdown_report).collect::<Vec<_>>().join("\n"),
    };
    print!("{out}");
    i32::from(failed)
}

fn explain_ir(input: &Path, common: &CommonArgs) -> i32 {
    match load_one(input, common) {
        Ok(packages) => {
            let v: Vec<_> = packages.iter().map(|p| serde_json::to_value(p).expect("IR serializes")).collect();
            let v = if v.len() == 1 { v.into_iter().next().unwrap_or_default() } else { serde_json::Value::Array(v) };
            println!("{}", serde_json::to_string_pretty(&v).expect("JSON values serialize"));
            0
        }
        Err(code) => code,
    }
}

/// `explain resources`: what OpenAPI resource inference made of INPUT.
fn explain_resources(input: &Path, common: &CommonArgs) -> i32 {
    let overrides = match load_overrides(common, None) {
        Ok(o) => o,
        Err(d) => {
            report(&d, common.quiet);
            return EXIT_INPUT;
        }
    };
    let display = input.to_string_lossy().replace('\\', "/");
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {display}: {e}");
            return EXIT_INPUT;
        }
    };
    let explained = crate::frontends::to_json_bytes(&bytes, &display).and_then(|(json, _)| {
        let format = match common.from {
            Some(f) => Format::from(f),
            None => crate::frontends::detect(&json, &display)?,
        };
        if format != Format::Openapi {
            return Err(crate::diag::Diagnostic::error(crate::diag::SourceRef::new(display.clone(), ""), "`explain resources` reads OpenAPI/Swagger specs")
                .with_hint("use `cloudgen explain ir` for other inputs")
                .into());
        }
        crate::frontends::openapi::explain(&display, Some(input), &json, &overrides)
    });
    let e = match explained {
        Ok(e) => e,
        Err(d) => {
            report(&d, common.quiet);
            return EXIT_INPUT;
        }
    };
    report(&e.diags, common.quiet);
    println!("package {}: {} resource(s), {} function(s), {} ignored", e.package, e.resources.len(), e.functions.len(), e.ignored.len());
    let width = e.resources.iter().map(|r| r.token.len()).max().unwrap_or(8).max(8);
    println!();
    println!("{:<width$}  {:<21}  OPERATIONS", "RESOURCE", "RULE");
    for r in &e.resources {
        for (i, (role, op)) in r.operations.iter().enumerate() {
            let (tok, rule) = if i == 0 { (r.token.as_str(), r.rule) } else { ("", "") };
            println!("{tok:<width$}  {rule:<21}  {role:<6} {op}");
        }
    }
    let fwidth = e.functions.iter().map(|f| f.0.len()).max().unwrap_or(8).max(8);
    println!();
    println!("{:<fwidth$}  OPERATION", "FUNCTION");
    for (tok, op) in &e.functions {
        println!("{tok:<fwidth$}  {op}");
    }
    for op in &e.ignored {
        println!("ignored: {op}");
    }
    0
}

/// Writes a single file via a temporary sibling and a rename, so a reader never sees half a
/// file. A path that exists and is not a regular file (`/dev/stdout`, `/dev/null`, a FIFO) is
/// written in place: renaming over it would replace the device with a regular file.
fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return std::fs::write(path, bytes);
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

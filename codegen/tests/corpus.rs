//! Corpus: every real schema under ../shared/corpus/{terraform,pulumi,pulumi-codegen-tests}
//! ingests with no error and generates TypeScript and Python. Schemas that refer to another
//! package's schema by URL cannot be resolved offline; they must fail with one clear
//! diagnostic per reference, and are listed.

mod common;

use cloudgen::backends::{python::Python, typescript::TypeScript, Target};
use cloudgen::driver::{self, Input, Options};
use cloudgen::overrides::Overrides;
use std::path::PathBuf;

fn corpus_inputs() -> Option<Vec<PathBuf>> {
    let c = common::corpus()?;
    let mut v = common::files_with(&c.join("terraform"), &[".json"]);
    v.extend(common::files_with(&c.join("pulumi"), &[".json", ".yaml"]));
    v.extend(common::files_with(&c.join("pulumi-codegen-tests"), &[".json", ".yaml"]));
    Some(v)
}

#[test]
fn every_corpus_schema_ingests_and_generates_typescript_and_python() {
    let Some(inputs) = corpus_inputs() else { return };
    let targets: Vec<Box<dyn Target>> = vec![Box::new(TypeScript), Box::new(Python)];
    let overrides = Overrides::default();
    let opts = Options { from: None, overrides: &overrides, targets: &targets, templates: None, parallel: true, on_file: None };
    let mut failures = Vec::new();
    let mut external = Vec::new();
    println!("{:<70} {:>5} {:>5} {:>5} {:>6} {:>6}", "input", "pkgs", "res", "fns", "warn", "files");
    for path in &inputs {
        let display = path.strip_prefix(common::repo_root().join("..")).unwrap_or(path).to_string_lossy().to_string();
        let input = Input { path: path.clone(), display: display.clone() };
        let loaded = match driver::load_all(std::slice::from_ref(&input), None, &overrides, true) {
            Ok(l) => l,
            Err(d) => {
                let errors: Vec<_> = d.iter().filter(|d| d.severity == cloudgen::diag::Severity::Error).collect();
                if !errors.is_empty() && errors.iter().all(|e| e.message.contains("another package")) {
                    external.push(format!("{display}: {}", errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ")));
                } else {
                    failures.push(format!("{display}:\n{d}"));
                }
                continue;
            }
        };
        let res: usize = loaded.packages.iter().map(|p| p.resources.len()).sum();
        let fns: usize = loaded.packages.iter().map(|p| p.functions.len()).sum();
        match driver::render(&loaded.packages, &opts) {
            Ok(files) => println!("{display:<70} {:>5} {res:>5} {fns:>5} {:>6} {:>6}", loaded.packages.len(), loaded.warnings.len(), files.len()),
            Err(d) => failures.push(format!("{display} (render):\n{d}")),
        }
    }
    println!("\nunresolvable external references ({}):", external.len());
    for e in &external {
        println!("  {e}");
    }
    assert!(failures.is_empty(), "{} corpus schema(s) failed:\n{}", failures.len(), failures.join("\n"));
}

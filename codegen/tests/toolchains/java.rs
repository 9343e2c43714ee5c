//! Java: a JDK and Maven from PATH, the published SDK's classpath, and BatchJavac.

use super::config_dir;
use crate::common;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn tool_ok(cmd: &str, arg: &str) -> bool {
    Command::new(cmd).arg(arg).output().is_ok_and(|o| o.status.success())
}

/// The classpath of tests/toolchains/java/pom.xml (the published com.pulumi:pulumi and its
/// dependencies) in a file, resolved once per pom content with `mvn
/// dependency:build-classpath` (offline first, so a warm ~/.m2 needs no network) and cached
/// beside the test binaries under the name java_target.rs uses, so the two share it.
pub fn java_classpath() -> Option<PathBuf> {
    static CP: OnceLock<Option<PathBuf>> = OnceLock::new();
    CP.get_or_init(|| {
        for (tool, arg) in [("java", "-version"), ("javac", "-version"), ("mvn", "-v")] {
            if !tool_ok(tool, arg) {
                common::skip(&format!("`{tool}` is not available (the Java toolchain needs a JDK 11+ and Maven)"));
                return None;
            }
        }
        let pom = config_dir("java").join("pom.xml");
        let content = std::fs::read(&pom).ok()?;
        let key = content.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3));
        let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("java-classpath-{key:016x}.txt"));
        if let Ok(cp) = std::fs::read_to_string(&cache) {
            if !cp.trim().is_empty() && cp.trim().split(':').all(|j| Path::new(j).is_file()) {
                return Some(cache);
            }
        }
        // A name of our own for the temp file: java_target.rs may resolve at the same time.
        let tmp = cache.with_extension(format!("{}.tmp", std::process::id()));
        for offline in [true, false] {
            let mut cmd = Command::new("mvn");
            cmd.current_dir(config_dir("java")).args(["-q", "-B"]);
            if offline {
                cmd.arg("-o");
            }
            cmd.args(["dependency:build-classpath", &format!("-Dmdep.outputFile={}", tmp.display())]);
            if cmd.output().is_ok_and(|o| o.status.success()) && std::fs::rename(&tmp, &cache).is_ok() {
                return Some(cache);
            }
        }
        common::skip("cannot resolve com.pulumi:pulumi with `mvn dependency:build-classpath` (no network and no warm ~/.m2)");
        None
    })
    .clone()
}

/// One project's result from [`batch_javac`].
pub struct Javac {
    pub source: String,
    pub ok: bool,
    pub millis: u64,
    pub diagnostics: String,
}

/// Compiles each `(source_dir, out_dir)` against the classpath in `cp`, all in one JVM
/// (tests/toolchains/java/BatchJavac.java: `javac -encoding UTF-8 -d OUT -cp CP @sources`
/// per project, without the start-up cost each time).
pub fn batch_javac(cp: &Path, projects: &[(PathBuf, PathBuf)]) -> Vec<Javac> {
    let mut cmd = Command::new("java");
    // C1 only and the serial collector: javac runs are short, and CI machines have 2 cores.
    cmd.args(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]).arg(config_dir("java").join("BatchJavac.java")).arg(cp);
    for (s, o) in projects {
        cmd.arg(s).arg(o);
    }
    let out = cmd.output().expect("run java");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut results: Vec<Javac> = Vec::new();
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(tag @ ("OK" | "FAIL")), Some(dir), Some(ms)) if ms.chars().all(|c| c.is_ascii_digit()) => {
                results.push(Javac { source: dir.to_string(), ok: tag == "OK", millis: ms.parse().unwrap_or(0), diagnostics: String::new() });
            }
            _ => {
                if let Some(last) = results.last_mut() {
                    last.diagnostics.push_str(line);
                    last.diagnostics.push('\n');
                }
            }
        }
    }
    assert_eq!(results.len(), projects.len(), "BatchJavac did not report every project:\n{text}\n{}", String::from_utf8_lossy(&out.stderr));
    results
}

#!/usr/bin/env python3
"""bench/harness.py — runs cloudgen side by side with its peers and prints one Markdown table.

Owned here: the measurement loop (wall time, peak RSS from GNU time, load average, timeouts),
the benchmark matrix (inputs x tools x languages), the user-cost rows (go build, tsc, Python
import), medians/spread/ratios and the report. Installs live in bench/setup; the entry point
is bench/run, which builds cloudgen in release, runs bench/setup and then this file.

Stdlib only, so it runs on any python >= 3.10 without a venv.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS = (REPO / ".." / "shared" / "corpus").resolve()

# name -> (corpus path, format). The Terraform inputs are what the peers other than CDKTF
# cannot read; for those the "same Pulumi schema" is what `cloudgen schema` writes.
INPUTS = {
    "aws": ("terraform/aws-5.100.0.json", "terraform"),
    "azurerm": ("terraform/azurerm.json", "terraform"),
    "google": ("terraform/google.json", "terraform"),
    "cloudflare": ("terraform/cloudflare.json", "terraform"),
    "kubernetes": ("pulumi/kubernetes-3.19.4.schema.json", "pulumi"),
}
LANGS = ["typescript", "python", "go", "java"]
# `cloudgen diff` pairs: name -> (old, new) in the corpus. No peer row: Pulumi's
# schema-tools (the nearest peer, schema tokens only) is not served by the Go module proxy
# this machine reaches (`go install github.com/pulumi/schema-tools@latest`: 403).
DIFF_PAIRS = {
    "aws 4.15.1 → 5.100.0": ("terraform/aws.json", "terraform/aws-5.100.0.json"),
    "docker 3.1.0 → 4.0.0-alpha.0": ("pulumi/docker-3.1.0.schema.json", "pulumi/docker-4.0.0-alpha.0.schema.json"),
}
# cloudgen language -> the Pulumi peer program and its -lang value.
PULUMI_PEER = {"typescript": ("pulumi-gen", "nodejs"), "python": ("pulumi-gen", "python"),
               "go": ("pulumi-gen", "go"), "java": ("pulumi-java-gen", None)}
GIB = 1024.0


def required() -> bool:
    """Same rule as codegen/tests/common.rs: in CI a missing tool is a failure, not a skip."""
    return os.environ.get("CI") in ("true", "1") or os.environ.get("CLOUDGEN_REQUIRE_TOOLS") == "1"


def log(msg: str) -> None:
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def loadavg() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


@dataclass
class Run:
    """One measured process tree."""

    wall: float
    rss_mb: float | None
    rc: int | None
    timed_out: bool
    load: float
    phases: str = ""


@dataclass
class Row:
    """One line of the table: the runs of one tool on one input for one language set."""

    section: str
    tool: str
    input: str
    langs: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    status: str = "ok"  # ok | failed | timed out | skipped
    ratio: str = ""
    baseline: bool = False
    src: str = ""  # the run a merged row comes from; ratios never cross runs

    def ok_runs(self) -> list[Run]:
        return [r for r in self.runs if r.rc == 0 and not r.timed_out]

    def wall(self) -> float | None:
        ok = self.ok_runs()
        return statistics.median(r.wall for r in ok) if ok else None

    def rss(self) -> float | None:
        ok = [r.rss_mb for r in self.ok_runs() if r.rss_mb is not None]
        return statistics.median(ok) if ok else None

    def spread(self) -> str:
        ok = self.ok_runs()
        if len(ok) < 2:
            return ""
        lo, hi, med = min(r.wall for r in ok), max(r.wall for r in ok), self.wall()
        return f"{fmt_s(lo)}–{fmt_s(hi)} (±{100 * (hi - lo) / 2 / med:.0f}%)"

    def load(self) -> str:
        return "/".join(f"{r.load:.1f}" for r in self.runs) if self.runs else ""

    def to_json(self) -> dict:
        return {"section": self.section, "tool": self.tool, "input": self.input, "langs": self.langs,
                "status": self.status, "note": self.note, "ratio": self.ratio,
                "wall_median_s": self.wall(), "rss_median_mb": self.rss(),
                "runs": [r.__dict__ for r in self.runs]}


def fmt_s(s: float | None) -> str:
    if s is None:
        return "—"
    return f"{s:.2f} s" if s < 100 else f"{s:.0f} s"


def fmt_mb(mb: float | None) -> str:
    if mb is None:
        return "—"
    return f"{mb:.0f} MiB" if mb < 1024 else f"{mb / GIB:.2f} GiB"


GO_KEYWORDS = {"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
               "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
               "return", "select", "struct", "switch", "type", "var"}


def go_keyword_modules(schema: Path) -> None:
    """Give Pulumi's Go generator a package name for modules that are Go keywords.

    cloudgen's Terraform mapping puts aws_default_* in module `default`; Pulumi's Go generator
    would emit `package default` and panic. The official pulumi-aws avoids it with its own
    module map; the peer gets the smallest equivalent hint (language.go.moduleToPackage).
    """
    spec = json.loads(schema.read_text())
    mods = {tok.split(":")[1].split("/")[0] for sec in ("resources", "functions", "types")
            for tok in spec.get(sec, {}) if tok.count(":") == 2}
    bad = sorted(m for m in mods if m in GO_KEYWORDS)
    if not bad:
        return
    go = spec.setdefault("language", {}).setdefault("go", {})
    go.setdefault("moduleToPackage", {}).update({m: f"{m}s" for m in bad})
    schema.write_text(json.dumps(spec, indent=2, sort_keys=True))
    log(f"{schema.name}: language.go.moduleToPackage for Go-keyword modules {bad}")


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.out = Path(args.out).resolve() / stamp
        self.scratch = self.out / "scratch"
        self.trash = self.scratch / ".trash"
        self.ntrash = 0
        self.logs = self.out / "logs"
        for d in (self.scratch, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        self.rows: list[Row] = []
        self.skips: list[str] = []
        self.cloudgen = str(Path(args.cloudgen).resolve())
        self.load_start = loadavg()
        self.started = dt.datetime.now(dt.timezone.utc)
        self.nlog = 0
        # Taken at the start: the tree that was built and measured, not the one at report time.
        self.commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short=12", "HEAD"],
                                     capture_output=True, text=True).stdout.strip()
        self.dirty = bool(subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                                         capture_output=True, text=True).stdout.strip())
        self.sources: list[str] = []

    # --- measuring -------------------------------------------------------------------------

    def measure(self, argv: list[str], *, timeout: float, cwd: Path | None = None,
                env: dict | None = None, name: str = "run") -> Run:
        """Run argv under GNU time in its own process group; kill the group on timeout.

        Peak RSS is GNU time's "Maximum resident set size": the largest single process of the
        tree (wait4 rusage), not the sum of processes alive at the same moment.
        """
        self.nlog += 1
        logfile = self.logs / f"{self.nlog:03d}-{name}.log"
        timefile = self.logs / f"{self.nlog:03d}-{name}.time"
        cmd = ["/usr/bin/time", "-v", "-o", str(timefile)] + argv
        load = loadavg()
        full_env = dict(os.environ)
        full_env.update(env or {})
        with open(logfile, "wb") as lf:
            lf.write((" ".join(argv) + "\n\n").encode())
            lf.flush()
            t0 = time.monotonic()
            p = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT, cwd=cwd, env=full_env,
                                 start_new_session=True)
            timed_out = False
            try:
                p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                os.killpg(p.pid, signal.SIGKILL)  # our own child's group, and only it
                p.wait()
            wall = time.monotonic() - t0
        rss = rc = None
        if timefile.exists():
            text = timefile.read_text(errors="replace")
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
            rss = int(m.group(1)) / 1024.0 if m else None
            m = re.search(r"Exit status: (\d+)", text)
            rc = int(m.group(1)) if m else p.returncode
        if rc is None:
            rc = p.returncode
        out = logfile.read_text(errors="replace")
        phases = ""
        m = re.search(r"^phases: (.*)$", out, re.M)
        if m:
            phases = m.group(1)
        m = re.search(r"^cloudgen: .*; ([0-9.]+s)$", out, re.M)
        if m:
            phases = f"cloudgen says {m.group(1)}"
        if rc != 0 and not timed_out:
            tail = "\n".join(out.splitlines()[-8:])
            log(f"{name}: exit {rc}; log {logfile}\n{tail}")
        return Run(wall=wall, rss_mb=rss, rc=rc, timed_out=timed_out, load=load, phases=phases)

    def row(self, row: Row, argv_for, *, reps: int, timeout: float, cwd=None, env=None,
            prepare=None, adaptive: bool = False) -> Row:
        """Measure `reps` runs; `prepare()` runs untimed before each (e.g. emptying the output).

        With adaptive, a first run slower than --slow seconds is not repeated (labelled n=1).
        """
        log(f"{row.section}: {row.tool} {row.input} [{row.langs}] x{reps}")
        for i in range(reps):
            if prepare:
                prepare()
            r = self.measure(argv_for(i), timeout=timeout, cwd=cwd, env=env,
                             name=f"{row.tool}-{row.input}-{row.langs}".replace("/", "_").replace(" ", "_")
                             .replace(",", "+").replace("(", "").replace(")", ""))
            row.runs.append(r)
            if r.timed_out:
                row.status = f"timed out after {timeout:.0f} s"
                break
            if r.rc != 0:
                row.status = f"failed (exit {r.rc})"
                break
            if adaptive and i == 0 and r.wall > self.args.slow and reps > 1:
                row.note = (row.note + "; " if row.note else "") + f"n=1 (first run > {self.args.slow:.0f} s)"
                break
        phases = [r.phases for r in row.runs if r.phases]
        if phases:
            row.note = (row.note + "; " if row.note else "") + phases[len(phases) // 2]
        self.rows.append(row)
        log(f"  -> {fmt_s(row.wall())}, {fmt_mb(row.rss())}, {row.status}")
        return row

    def skip(self, what: str, why: str) -> None:
        msg = f"skipped {what}: {why}"
        if required():
            log(msg + " (required: CI=true or CLOUDGEN_REQUIRE_TOOLS=1)")
            sys.exit(1)
        log(msg)
        self.skips.append(msg)

    def fresh(self, path: Path):
        def prep():
            self.discard(path)
        return prep

    def discard(self, path: Path) -> None:
        """Moves `path` into the run's trash instead of deleting it. ext4 slows file creation
        for minutes after a mass delete (it skips recently freed inodes; measured here: 124,000
        files created in 3.3 s on a quiet disk, 14.6 s right after deleting as many), which would
        charge each generator row for the cleanup of the row before. The trash goes with the
        scratch directory when the run ends."""
        if path.exists() or path.is_symlink():
            self.ntrash += 1
            self.trash.mkdir(parents=True, exist_ok=True)
            path.rename(self.trash / f"{self.ntrash:05d}")

    # --- sections --------------------------------------------------------------------------

    def input_path(self, name: str) -> Path:
        return CORPUS / INPUTS[name][0]

    def pulumi_schema(self, name: str) -> Path | None:
        """The Pulumi-schema form of an input: itself, or `cloudgen schema` of a Terraform one."""
        src, fmt = INPUTS[name]
        if fmt == "pulumi":
            return CORPUS / src
        dst = self.out / "schemas" / f"{name}.json"
        if not dst.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            r = self.measure([self.cloudgen, "schema", str(CORPUS / src), "-o", str(dst)],
                             timeout=self.args.timeout, name=f"schema-{name}")
            if r.rc != 0:
                log(f"cloudgen schema {name} failed; Pulumi peers skip {name}")
                return None
            go_keyword_modules(dst)
        return dst

    def sec_cloudgen(self, name: str) -> None:
        out = self.scratch / "cloudgen"
        sets = [("all", "typescript,python,go,java")] + [(l, l) for l in LANGS]
        sets = [s for s in sets if s[0] in self.args.cloudgen_sets]
        if self.args.quick:
            sets = sets[:1]
        for label, langs in sets:
            self.row(Row("generate", "cloudgen", name, "all four" if label == "all" else label,
                         baseline=True),
                     lambda i: [self.cloudgen, "generate", str(self.input_path(name)), "--lang", langs,
                                "--out", str(out), "--quiet"],
                     reps=self.args.reps, timeout=self.args.cloudgen_timeout or self.args.timeout,
                     prepare=self.fresh(out), adaptive=True)
            if label == "all" and out.exists():
                self.write_floor(name, out)
            self.discard(out)
            if self.args.compare_with:
                # The same row for another build (a refactoring's "before"), right after, so
                # both see the same machine; its ratio is against the row above.
                other = str(Path(self.args.compare_with).resolve())
                self.row(Row("generate", f"cloudgen ({self.args.compare_label})", name,
                             "all four" if label == "all" else label),
                         lambda i: [other, "generate", str(self.input_path(name)), "--lang", langs,
                                    "--out", str(out), "--quiet"],
                         reps=self.args.reps, timeout=self.args.cloudgen_timeout or self.args.timeout,
                         prepare=self.fresh(out), adaptive=True)
                self.discard(out)

    def write_floor(self, name: str, out: Path) -> None:
        """The same files as the row before, written by a bare writer (bench/tools/write-floor):
        the part of the generation row the file system charges, on this machine, now."""
        listing = self.scratch / "floor-files.txt"
        with open(listing, "w") as f:
            for root, _, files in os.walk(out):
                for fn in sorted(files):
                    p = Path(root) / fn
                    f.write(f"{p.stat().st_size}\t{p.relative_to(out)}\n")
        dest = self.scratch / "floor"
        self.row(Row("generate", "file-creation floor: the same files, written by a bare writer", name, "all four",
                     note="bench/tools/write-floor: no generation, only mkdir + open/write/close, one thread per core"),
                 lambda i: [sys.executable, str(BENCH / "tools" / "write-floor"), str(listing), str(dest)],
                 reps=self.args.reps, timeout=self.args.timeout, prepare=self.fresh(dest))
        self.discard(dest)

    def sec_diff(self) -> None:
        """`cloudgen diff` on real version pairs: both schemas loaded, compared, reported."""
        for name, (old, new) in DIFF_PAIRS.items():
            self.row(Row("diff", "cloudgen diff", name, "—"),
                     lambda i, old=old, new=new: [self.cloudgen, "diff", "--quiet", str(CORPUS / old), str(CORPUS / new),
                                                  "--format", "json", "--fail-on", "never"],
                     reps=self.args.reps, timeout=self.args.timeout)

    def sec_pulumi(self, name: str) -> None:
        bindir = os.environ.get("BENCH_GOPEERS_BIN")
        if not bindir or not Path(bindir, "pulumi-gen").exists():
            self.skip("Pulumi peers", "BENCH_GOPEERS_BIN not set or pulumi-gen missing (run bench/setup)")
            return
        schema = self.pulumi_schema(name)
        if schema is None:
            return
        out = self.scratch / "pulumi"
        via = "" if INPUTS[name][1] == "pulumi" else "input: `cloudgen schema` of the Terraform schema"
        for lang in (["typescript"] if self.args.quick else [l for l in LANGS if l in self.args.peer_langs]):
            prog, flag = PULUMI_PEER[lang]
            argv = [str(Path(bindir, prog))] + (["-lang", flag] if flag else []) + ["-out", str(out), str(schema)]
            self.row(Row("generate", f"Pulumi {prog}", name, lang, note=via),
                     lambda i, argv=argv: argv, reps=self.args.peer_reps, timeout=self.args.timeout,
                     prepare=self.fresh(out), adaptive=True)
            self.discard(out)

    def cdktf_env(self) -> dict | None:
        nm = os.environ.get("BENCH_CDKTF_NODE_MODULES")
        if not nm or not Path(nm, "@cdktf/provider-generator").exists():
            self.skip("CDKTF", "BENCH_CDKTF_NODE_MODULES not set or incomplete (run bench/setup)")
            return None
        # --max-old-space-size: what cdktf-cli sets for `cdktf get` (large providers need it).
        return {"NODE_PATH": nm, "CHECKPOINT_DISABLE": "1", "NODE_OPTIONS": "--max-old-space-size=16384"}

    def sec_cdktf(self, name: str, jsii: bool) -> None:
        if INPUTS[name][1] != "terraform":
            return
        env = self.cdktf_env()
        if env is None:
            return
        out = self.scratch / "cdktf"
        argv = ["node", str(BENCH / "peers" / "cdktf" / "gen.js"), "--schema", str(self.input_path(name)),
                "--out", str(out)] + (["--jsii"] if jsii else [])
        if jsii:
            self.row(Row("generate", "CDKTF + jsii", name, "ts → python, java, go", note="n=1 by design"),
                     lambda i: argv, reps=1, timeout=self.args.jsii_timeout, env=env,
                     prepare=self.fresh(out))
        else:
            self.row(Row("generate", "CDKTF", name, "typescript"), lambda i: argv,
                     reps=self.args.peer_reps, timeout=self.args.timeout, env=env,
                     prepare=self.fresh(out), adaptive=True)
        self.discard(out)

    # --- user cost -------------------------------------------------------------------------

    def sec_usercost(self) -> None:
        """What the generated AWS SDK costs its users, against the official pulumi-aws 6.83.x."""
        gen = self.out / "usercost" / "gen"
        if not gen.exists():
            r = self.measure([self.cloudgen, "generate", str(self.input_path("aws")), "--lang",
                              "typescript,python,go,java", "--out", str(gen), "--quiet"],
                             timeout=self.args.timeout, name="usercost-gen")
            if r.rc != 0:
                self.skip("user-cost rows", "cloudgen could not generate the AWS SDKs")
                return
        if "ts" in self.args.usercost:
            self.usercost_ts(gen)
        if "py" in self.args.usercost:
            self.usercost_py(gen)
        if "go" in self.args.usercost:
            self.usercost_go(gen)
        if "java" in self.args.usercost:
            self.usercost_java(gen)
        if "go-corpus" in self.args.usercost:
            self.usercost_go_corpus()

    def usercost_ts(self, gen: Path) -> None:
        nm = os.environ.get("BENCH_NODE_MODULES")
        if not nm or not Path(nm, "@pulumi/aws").exists():
            self.skip("TypeScript user cost", "BENCH_NODE_MODULES not set or incomplete (run bench/setup)")
            return
        nm = Path(nm)
        tsc = ["node", str(nm / "typescript" / "bin" / "tsc")]
        # (input column, program): the deep import is what a one-resource program needs (tsc
        # loads every file reachable from the imports, so `import * as aws` loads the whole
        # SDK whatever its layout); the whole-package program is the one measured before.
        # The input column keeps them apart, so each official row's ratio is to its own.
        programs = [
            ("aws, s3 deep import", 'import * as s3 from "@pulumi/aws/s3";\n\n'
                                    'export const bucket = new s3.Bucket("b", { tags: { env: "bench" } });\n'),
            ("aws", 'import * as aws from "@pulumi/aws";\n\n'
                    'export const bucket = new aws.s3.Bucket("b", { tags: { env: "bench" } });\n'),
        ]
        tsconfig = {"compilerOptions": {"strict": True, "target": "es2020", "module": "commonjs",
                                         "moduleResolution": "node", "noEmit": True, "types": ["node"],
                                         "typeRoots": [str(nm / "@types")]},
                    "files": ["index.ts"]}
        # The published @pulumi/aws ships .d.ts; a cloudgen SDK is published the same way, so
        # its one-time `tsc` build (the publisher's cost) is a row of its own.
        sdk_src = gen / "typescript" / "aws"
        sdk = self.out / "usercost" / "ts-sdk"
        if not (sdk / "package.json").exists():
            shutil.copytree(sdk_src, sdk, dirs_exist_ok=True)
            link = sdk / "node_modules"
            link.mkdir(exist_ok=True)
            for dep in ("@pulumi", "@types", "typescript"):
                (link / dep).unlink(missing_ok=True) if (link / dep).is_symlink() else None
            (link / "@pulumi").mkdir(exist_ok=True)
            os.symlink(nm / "@pulumi" / "pulumi", link / "@pulumi" / "pulumi")
            os.symlink(nm / "@types", link / "@types")
        build = self.row(Row("user cost", "cloudgen SDK build (publisher, once)", "aws", "typescript",
                             note="tsc -p of the generated package: .js + .d.ts"),
                         lambda i: tsc + ["-p", str(sdk)], reps=1, timeout=self.args.timeout, cwd=sdk)
        subjects = []
        if build.status == "ok":
            # What users install is the build output with package.json beside it, as Pulumi
            # publishes `bin/`: linking the source tree instead would make tsc resolve
            # `index.ts` (no "types" field) and check every source body, not the .d.ts.
            shutil.copy(sdk / "package.json", sdk / "bin" / "package.json")
            proj = self.out / "usercost" / "ts-cloudgen"
            (proj / "node_modules" / "@pulumi").mkdir(parents=True, exist_ok=True)
            for target, src in (("aws", sdk / "bin"), ("pulumi", nm / "@pulumi" / "pulumi")):
                p = proj / "node_modules" / "@pulumi" / target
                if p.is_symlink():
                    p.unlink()
                if not p.exists():
                    os.symlink(src, p)
            subjects.append(("cloudgen", proj))
        proj = self.out / "usercost" / "ts-official"
        (proj / "node_modules").mkdir(parents=True, exist_ok=True)
        p = proj / "node_modules" / "@pulumi"
        if not p.exists():
            os.symlink(nm / "@pulumi", p)
        subjects.append(("official @pulumi/aws 6.83.0", proj))
        for label, program in programs:
            for who, proj in subjects:
                (proj / "index.ts").write_text(program)
                (proj / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2))
                self.row(Row("user cost", f"tsc, one-resource program → {who}", label, "typescript",
                             baseline=who == "cloudgen"),
                         lambda i, proj=proj: tsc + ["-p", str(proj)], reps=self.args.reps,
                         timeout=self.args.timeout, cwd=proj)
        # The floor: the same check of a program that imports only the runtime.
        proj = self.out / "usercost" / "ts-floor"
        (proj / "node_modules" / "@pulumi").mkdir(parents=True, exist_ok=True)
        p = proj / "node_modules" / "@pulumi" / "pulumi"
        if not p.exists():
            os.symlink(nm / "@pulumi" / "pulumi", p)
        (proj / "index.ts").write_text('import * as pulumi from "@pulumi/pulumi";\n\n'
                                       'export const stack = pulumi.getStack();\n')
        (proj / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2))
        self.row(Row("user cost", "tsc, program importing only @pulumi/pulumi (floor: the runtime alone)", "—",
                     "typescript"),
                 lambda i: tsc + ["-p", str(proj)], reps=self.args.reps, timeout=self.args.timeout, cwd=proj)

    def usercost_py(self, gen: Path) -> None:
        venv = os.environ.get("BENCH_PYTHON_VENV")
        if not venv or not Path(venv, "bin", "python").exists():
            self.skip("Python user cost", "BENCH_PYTHON_VENV not set or incomplete (run bench/setup)")
            return
        py = str(Path(venv, "bin", "python"))
        mod = "pulumi_aws.s3"
        gen_root = str(gen / "python" / "aws")
        code = f"import {mod}, sys; sys.stdout.write({mod}.__file__ + '\\n')"
        # What the SDK itself costs: `import pulumi` (the runtime, ~1 s) dominates the wall
        # time, so each subject's runs also time, in the same process, the import of the
        # module after `import pulumi` (medians in the row's note).
        delta_code = ("import time\nt0 = time.perf_counter()\nimport pulumi\nt1 = time.perf_counter()\n"
                      f"import {mod}\nt2 = time.perf_counter()\nprint(t1 - t0, t2 - t1)")
        reps = max(self.args.reps, 5)
        for who, extra in (("cloudgen", {"PYTHONPATH": gen_root}), ("official pulumi-aws 6.83.0", {})):
            # One unmeasured import per subject writes its __pycache__ (pip did so for the
            # official wheel at install time): both are then measured warm. An inherited
            # PYTHONDONTWRITEBYTECODE would silently keep the generated SDK cold.
            r = self.measure([py, "-c", code], timeout=self.args.timeout,
                             env=dict(extra, PYTHONDONTWRITEBYTECODE=""), name=f"py-warm-{who[:8]}")
            if r.rc != 0:
                self.skip(f"Python import ({who})", "the warm-up import failed (see logs)")
                continue
            row = self.row(Row("user cost", f"python -c 'import {mod}' → {who}", "aws", "python",
                               baseline=who == "cloudgen"),
                           lambda i: [py, "-c", f"import {mod}"], reps=reps,
                           timeout=self.args.timeout, env=extra)
            floors, deltas = [], []
            for _ in range(reps):
                p = subprocess.run([py, "-c", delta_code], capture_output=True, text=True,
                                   timeout=self.args.timeout, env=dict(os.environ, **extra))
                if p.returncode == 0 and len(p.stdout.split()) == 2:
                    f, d = (float(x) for x in p.stdout.split())
                    floors.append(f)
                    deltas.append(d)
            if deltas:
                note = (f"import delta over `import pulumi` {fmt_s(statistics.median(deltas))} "
                        f"(in-process median of {len(deltas)}; `import pulumi` "
                        f"{fmt_s(statistics.median(floors))} in the same runs)")
                row.note = (row.note + "; " if row.note else "") + note
                log(f"  {who}: {note}")
        self.row(Row("user cost", "python -c 'import pulumi' (floor: the runtime alone)", "—", "python"),
                 lambda i: [py, "-c", "import pulumi"], reps=reps, timeout=self.args.timeout)
        # Installing the whole SDK: what every user's `pip install` costs (pip byte-compiles
        # every module), from a wheel on both sides. Ours is built first, as a publisher does
        # once (`pip wheel` with build isolation: it fetches setuptools from PyPI).
        wheels_dir = self.out / "usercost" / "py-wheel"
        self.discard(wheels_dir)
        built = self.row(Row("user cost", "cloudgen SDK build (publisher, once): pip wheel", "aws", "python",
                             note="pip wheel --no-deps of the generated source tree (build isolation)"),
                         lambda i: [py, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
                                    "--wheel-dir", str(wheels_dir), str(gen / "python" / "aws")],
                         reps=1, timeout=self.args.timeout)
        installs = []
        ours = sorted(wheels_dir.glob("*.whl")) if built.status == "ok" else []
        if ours:
            installs.append(("cloudgen", ours[0]))
        official = sorted(Path(venv).parent.glob("wheels/pulumi_aws-6.83.0-*.whl"))
        if official:
            installs.append(("official pulumi-aws 6.83.0", official[0]))
        else:
            self.skip("official pulumi-aws pip install", "no wheel under the venv's wheels/ (run bench/setup)")
        for who, wheel in installs:
            target = self.out / "usercost" / f"pip-target-{who.split()[0]}"
            self.row(Row("user cost", f"pip install + byte-compile, whole SDK → {who}", "aws", "python",
                         note=f"pip install --no-deps --target of the wheel ({wheel.stat().st_size / 1024 / 1024:.0f} MiB)",
                         baseline=who == "cloudgen"),
                     lambda i, wheel=wheel, target=target: [py, "-m", "pip", "install", "--quiet", "--no-deps",
                                                            "--no-index", "--disable-pip-version-check",
                                                            "--target", str(target), str(wheel)],
                     reps=1, timeout=self.args.timeout, prepare=self.fresh(target))
            self.discard(target)

    def usercost_go(self, gen: Path) -> None:
        mods = list((gen / "go").glob("*/go.mod"))
        if not mods:
            self.skip("Go user cost", f"no go.mod under {gen / 'go'}")
            return
        gen_mod = mods[0].parent
        gomodcache = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True).stdout.strip()
        # A GOCACHE holding the standard library and github.com/pulumi/pulumi/sdk/v3 but not
        # the SDK under test: each measured build starts from a copy of it, so it compiles
        # exactly the SDK's own packages, as a user's first `go build` after `go get` does.
        deps = self.out / "usercost" / "gocache-deps"
        env = {"GOFLAGS": "-mod=mod", "GOMODCACHE": gomodcache, "GOTOOLCHAIN": "local"}
        if not deps.exists():
            log("usercost: tidying the generated Go module and warming a deps-only GOCACHE")
            r = self.measure(["go", "mod", "tidy"], timeout=self.args.timeout, cwd=gen_mod, env=env, name="go-tidy")
            if r.rc != 0:
                self.skip("Go user cost", "go mod tidy failed in the generated module")
                return
            r = self.measure(["go", "build", "github.com/pulumi/pulumi/sdk/v3/go/pulumi/..."],
                             timeout=self.args.timeout, cwd=gen_mod,
                             env=dict(env, GOCACHE=str(deps)), name="go-warm-deps")
            if r.rc != 0:
                self.skip("Go user cost", "could not warm the deps GOCACHE")
                return
        run_cache = self.out / "usercost" / "gocache-run"

        def prep():
            self.discard(run_cache)
            shutil.copytree(deps, run_cache, symlinks=True)

        # Every compile runs under bench/tools/go-compile-rss (-toolexec), which logs each
        # package's compiler peak RSS and wall: a small runner must fit the largest package.
        toolexec = ["-toolexec", str(BENCH / "tools" / "go-compile-rss")]
        subjects = [("cloudgen", gen_mod, ["go", "build", *toolexec, "./..."])]
        official = "github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
        # The whole official module takes the better part of an hour here; by default only the
        # packages the rows compare are built (with what they import).
        picked = [f"{official}/{p}" for p in self.args.official_go_packages.split(",") if p] or [f"{official}/..."]
        subjects.append(("official pulumi-aws/sdk/v6 v6.83.4", BENCH / "usercost" / "go-official",
                         ["go", "build", *toolexec, *picked]))
        for who, cwd, argv in subjects:
            if who.startswith("official") and self.args.skip_official_go:
                self.skip("official Go SDK build", "--skip-official-go")
                continue
            rss_log = self.out / "usercost" / f"go-compile-rss-{'cloudgen' if who == 'cloudgen' else 'official'}.txt"
            rss_log.unlink(missing_ok=True)
            what = "whole SDK module" if who == "cloudgen" or "..." in argv[-1] else \
                f"packages {', '.join(a.rsplit('/', 1)[-1] for a in argv if a.startswith(official))}"
            whole = self.row(Row("user cost", f"go build, {what} → {who}", "aws" if what.startswith("whole") else "aws, selected packages", "go",
                                 note="n=1; fresh GOCACHE except std + pulumi sdk; peak RSS = largest compile",
                                 baseline=who == "cloudgen"),
                             lambda i, argv=argv: argv, reps=1, timeout=self.args.go_timeout, cwd=cwd,
                             env=dict(env, GOCACHE=str(run_cache), GO_RSS_LOG=str(rss_log)), prepare=prep)
            self.go_package_rows(who, rss_log, whole, largest=what.startswith("whole"))
        self.discard(run_cache)

    def usercost_go_corpus(self) -> None:
        """Issue 15's bound for every provider, not only AWS: each `--inputs` provider other
        than AWS (whose rows are above) generated for Go and built whole, one row per provider
        with its largest package's compiler peak RSS and the packages over 2 GiB."""
        gomodcache = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True).stdout.strip()
        env = {"GOFLAGS": "-mod=mod", "GOMODCACHE": gomodcache, "GOTOOLCHAIN": "local"}
        toolexec = ["-toolexec", str(BENCH / "tools" / "go-compile-rss")]
        for name in [i for i in self.args.inputs if i != "aws"]:
            gen = self.out / "usercost" / f"gen-go-{name}"
            r = self.measure([self.cloudgen, "generate", str(self.input_path(name)), "--lang", "go", "--out", str(gen),
                              "--quiet"], timeout=self.args.timeout, name=f"usercost-gen-go-{name}")
            mods = list((gen / "go").glob("*/go.mod"))
            if r.rc != 0 or not mods:
                self.skip(f"Go user cost, {name}", "cloudgen could not generate the Go SDK")
                continue
            gen_mod = mods[0].parent
            deps = self.out / "usercost" / f"gocache-deps-{name}"
            if self.measure(["go", "mod", "tidy"], timeout=self.args.timeout, cwd=gen_mod, env=env, name=f"go-tidy-{name}").rc != 0 or \
               self.measure(["go", "build", "github.com/pulumi/pulumi/sdk/v3/go/pulumi/..."], timeout=self.args.timeout,
                            cwd=gen_mod, env=dict(env, GOCACHE=str(deps)), name=f"go-warm-deps-{name}").rc != 0:
                self.skip(f"Go user cost, {name}", "go mod tidy or the deps-only GOCACHE failed")
                continue
            rss_log = self.out / "usercost" / f"go-compile-rss-{name}.txt"
            rss_log.unlink(missing_ok=True)
            whole = self.row(Row("user cost", "go build, whole SDK module → cloudgen", name, "go",
                                 note="n=1; fresh GOCACHE except std + pulumi sdk", baseline=True),
                             lambda i: ["go", "build", *toolexec, "./..."], reps=1, timeout=self.args.go_timeout,
                             cwd=gen_mod, env=dict(env, GOCACHE=str(deps), GO_RSS_LOG=str(rss_log)))
            self.go_package_rows("cloudgen", rss_log, whole, input_name=name)
            self.discard(deps)
            self.discard(gen)

    def usercost_java(self, gen: Path) -> None:
        """The publisher's `mvn package` of the generated AWS SDK (once), and what every user
        pays: compiling a one-resource program against our jar and against the official
        com.pulumi:aws 6.83.0 jar from Maven Central (whose build cannot be measured here: only
        the jar is published)."""
        official_cp = os.environ.get("BENCH_JAVA_OFFICIAL_CP")
        if shutil.which("mvn") is None or shutil.which("javac") is None:
            self.skip("Java user cost", "mvn or javac is not on PATH")
            return
        sdk = gen / "java" / "aws"
        if not (sdk / "pom.xml").exists():
            self.skip("Java user cost", f"no pom.xml under {sdk}")
            return
        cp_file = self.out / "usercost" / "java-cloudgen-deps.txt"
        if not cp_file.exists():
            # Untimed: dependencies, and every plugin `package` runs (surefire resolves its
            # providers only when it runs), by packaging a one-class project with the same
            # pom; the timed build then runs offline.
            log("usercost: resolving the generated Java SDK's dependencies and Maven plugins")
            warm = self.out / "usercost" / "java-warm"
            (warm / "src" / "main" / "java").mkdir(parents=True, exist_ok=True)
            shutil.copy(sdk / "pom.xml", warm / "pom.xml")
            (warm / "src" / "main" / "java" / "Warm.java").write_text("public class Warm {}\n")
            r = self.measure(["mvn", "-q", "-B", "package", "-DskipTests", "dependency:build-classpath",
                              f"-Dmdep.outputFile={cp_file}"], timeout=self.args.timeout, cwd=warm, name="mvn-resolve")
            if r.rc != 0:
                self.skip("Java user cost", "mvn could not resolve the generated SDK's dependencies and plugins")
                return
        build = self.row(Row("user cost", "cloudgen SDK build (publisher, once): mvn package", "aws", "java",
                             note="n=1; javac forked by the generated pom (maxmem 2048m); peak RSS = the largest process"),
                         lambda i: ["mvn", "-q", "-B", "-o", "package", "-DskipTests"], reps=1,
                         timeout=self.args.go_timeout, cwd=sdk)
        jars = sorted((sdk / "target").glob("*.jar")) if build.status == "ok" else []
        if jars:
            import zipfile
            with zipfile.ZipFile(jars[0]) as z:
                entries = len(z.namelist())
            build.note += f"; jar: {entries:,} entries, {jars[0].stat().st_size / 1024 / 1024:.0f} MiB"
        program = ("import com.pulumi.Pulumi;\nimport com.pulumi.aws.s3.Bucket;\nimport com.pulumi.aws.s3.BucketArgs;\n"
                   "import java.util.Map;\n\npublic class App {\n    public static void main(String[] args) {\n"
                   "        Pulumi.run(ctx -> {\n            var bucket = new Bucket(\"b\", BucketArgs.builder()"
                   ".tags(Map.of(\"env\", \"bench\")).build());\n            ctx.export(\"bucket\", bucket.bucket());\n"
                   "        });\n    }\n}\n")
        subjects = []
        if jars:
            subjects.append(("cloudgen", f"{jars[0]}:{cp_file.read_text().strip()}"))
        if official_cp and Path(official_cp).exists():
            subjects.append(("official com.pulumi:aws 6.83.0", Path(official_cp).read_text().strip()))
        else:
            self.skip("official Java SDK rows", "BENCH_JAVA_OFFICIAL_CP not set (run bench/setup)")
        for who, cp in subjects:
            proj = self.out / "usercost" / f"java-{who.split()[0]}"
            proj.mkdir(parents=True, exist_ok=True)
            (proj / "App.java").write_text(program)
            self.row(Row("user cost", f"javac, one-resource program → {who}", "aws", "java", baseline=who == "cloudgen"),
                     lambda i, proj=proj, cp=cp: ["javac", "-d", str(proj / "classes"), "-cp", cp, str(proj / "App.java")],
                     reps=self.args.reps, timeout=self.args.timeout, cwd=proj)

    def go_package_rows(self, who: str, rss_log: Path, whole: Row, largest: bool = True, input_name: str = "aws") -> None:
        """Rows from one build's per-package compile log: the largest package and the packages
        over 2 GiB (when the whole module was built), and AWS's largest modules (quicksight,
        wafv2, ec2, s3), each with its internal packages."""
        if not rss_log.exists():
            return
        pkgs: dict[str, tuple[float, float]] = {}
        for line in rss_log.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1].isdigit():
                pkgs[parts[0]] = (int(parts[1]) / 1024.0, float(parts[2]))
        if not pkgs:
            return
        load = whole.runs[0].load if whole.runs else loadavg()
        over = sorted(p for p, (mb, _) in pkgs.items() if mb > 2048)
        big = max(pkgs, key=lambda p: pkgs[p][0])
        mb, wall = pkgs[big]
        module_root = re.sub(r"^.*?/go/[^/]+/?", "", big) or "(root package)"
        r = Row("user cost", f"go build, largest package ({module_root}) → {who}",
                f"{input_name}, largest package" if largest else f"{input_name}, largest of the selected packages",
                "go", note=f"{len(pkgs)} packages compiled; over 2 GiB: {', '.join(o.split('/')[-1] for o in over) or 'none'}",
                baseline=who == "cloudgen")
        r.runs = [Run(wall=wall, rss_mb=mb, rc=0, timed_out=False, load=load)]
        self.rows.append(r)
        if input_name != "aws":
            return
        for name in ("quicksight", "wafv2", "ec2", "s3"):
            qs = {p: v for p, v in pkgs.items() if p.endswith(f"/go/aws/{name}") or f"/go/aws/{name}/internal/" in p}
            if not qs:
                continue
            r = Row("user cost", f"go build, {name} (+ internal packages) → {who}", f"aws, {name}", "go",
                    note=f"{len(qs)} package(s); peak = the largest; wall = their compile times summed",
                    baseline=who == "cloudgen")
            r.runs = [Run(wall=sum(w for _, w in qs.values()), rss_mb=max(m for m, _ in qs.values()), rc=0,
                          timed_out=False, load=load)]
            self.rows.append(r)

    # --- report ----------------------------------------------------------------------------

    def ratios(self) -> None:
        base = {}
        for r in self.rows:
            if r.baseline and r.wall() is not None:
                base[(r.section, r.input, r.langs, r.src)] = r.wall()
        for r in self.rows:
            if r.baseline:
                r.ratio = "1× (baseline)"
                continue
            key_langs = r.langs
            if r.tool == "CDKTF + jsii":
                key_langs = "all four"
            b = base.get((r.section, r.input, key_langs, r.src))
            if r.section == "user cost":
                if "official" not in r.tool:
                    continue  # the publisher's build and the import floor compare with nothing
                # Paired by what is measured (the label before " → who"): one input has several
                # user-cost rows per language (pip wheel, pip install, import).
                what = r.tool.split(" → ")[0]
                b = next((x.wall() for x in self.rows if x.baseline and x.section == "user cost" and x.langs == r.langs
                          and x.input == r.input and x.src == r.src and x.tool.split(" → ")[0] == what), None)
            if b and r.wall() is not None:
                r.ratio = f"{r.wall() / b:.1f}×"
            elif b and r.status.startswith("timed out"):
                t = sum(x.wall for x in r.runs)
                r.ratio = f"> {t / b:.0f}×"

    def totals(self) -> list[Row]:
        """Per input, Pulumi's four generators summed (four processes, four binds)."""
        out = []
        for name in self.args.inputs:
            parts = [r for r in self.rows if r.input == name and r.tool.startswith("Pulumi ")
                     and r.langs in LANGS and r.status == "ok"]
            if sorted(p.langs for p in parts) != sorted(LANGS):
                continue
            t = Row("generate", "Pulumi, 4 generators summed", name, "all four",
                    note="sum of the four medians; peak RSS = the largest of the four")
            srcs = {p.src for p in parts}
            t.src = srcs.pop() if len(srcs) == 1 else ""  # no ratio when the parts span runs
            if all(p.wall() is not None for p in parts):
                t.runs = [Run(wall=sum(p.wall() for p in parts), rss_mb=max(p.rss() or 0 for p in parts),
                              rc=0, timed_out=False, load=statistics.mean(x.load for p in parts for x in p.runs))]
            else:
                t.status = "incomplete (a generator failed or timed out)"
            out.append(t)
        return out

    def report(self) -> str:
        self.rows.extend(self.totals())
        self.ratios()
        commit, dirty = self.commit, self.dirty
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
        lines = [
            f"# cloudgen benchmark — {self.started.strftime('%Y-%m-%d %H:%M UTC')}",
            "",
            (f"- merged from runs: {', '.join(self.sources)}" if self.sources else
             f"- commit measured: `{commit}`{' (with uncommitted changes)' if dirty else ''}; cloudgen release build `{self.cloudgen}`"),
            f"- machine: {os.cpu_count()} cores ({cpu}), {int(mem) / 1024 / 1024:.0f} GiB RAM, {platform.system()} {platform.release()}; shared with other builds",
            (f"- load average (1 min) per row: the value at the start of each run" if self.sources else
             f"- load average (1 min): {self.load_start:.1f} at start, {loadavg():.1f} at end; per row: the value at the start of each run"),
            "- runs: the runs column counts successful/attempted runs of each row" if self.sources else
            f"- runs: cloudgen and cheap rows median of {self.args.reps}, peers of {self.args.peer_reps}; "
            f"a generator whose first run took > {self.args.slow:.0f} s ran once (n=1, noted); CDKTF+jsii and go build n=1",
            "- wall: elapsed time of the whole process tree; peak RSS: GNU `time -v` maximum resident set size, "
            "i.e. the largest single process of the tree, not the sum of concurrent processes",
            "- ratio: this row's median wall time ÷ cloudgen's on the same input and language set, from this run "
            "(both suffer the same machine load)",
            "",
            "| section | tool | input | languages | runs | wall (median) | spread (min–max) | peak RSS | load | ratio vs cloudgen | status | run | notes |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        order = {"generate": 0, "user cost": 1, "diff": 2}
        rows = sorted(self.rows, key=lambda r: (order.get(r.section, 9),
                                                self.args.inputs.index(r.input) if r.input in self.args.inputs else 99))
        for r in rows:
            lines.append(f"| {r.section} | {r.tool} | {r.input} | {r.langs} | {len(r.ok_runs())}/{len(r.runs)} | "
                         f"{fmt_s(r.wall())} | {r.spread()} | {fmt_mb(r.rss())} | {r.load()} | {r.ratio} | "
                         f"{r.status} | {r.src[9:15] if r.src else ''} | {r.note} |")
        lines += ["", self.targets()]
        if self.skips:
            lines += ["", "Skipped:", ""] + [f"- {s}" for s in self.skips]
        if not self.sources:
            lines += ["", f"Logs of every run: `{self.logs}`"]
        return "\n".join(lines) + "\n"

    def targets(self) -> str:
        def find(pred):
            return next((r for r in self.rows if pred(r)), None)
        out = ["## Targets (issues 6 and 15)", "", "| target | measured | met |", "|---|---|---|"]
        aws = find(lambda r: r.tool == "cloudgen" and r.input == "aws" and r.langs == "all four")
        if aws and aws.wall() is not None:
            out.append(f"| AWS 5.100.0, all four languages ≤ 5 s wall | {fmt_s(aws.wall())} | {'yes' if aws.wall() <= 5 else 'no'} |")
            out.append(f"| … and < 1 GiB peak RSS | {fmt_mb(aws.rss())} | {'yes' if (aws.rss() or 1e9) < 1024 else 'no'} |")
        # Peers only: a --compare-with build is cloudgen itself, measured beside, not a target.
        for r in (r for r in self.rows if not r.tool.startswith("cloudgen")):
            if r.section == "generate" and not r.baseline and r.ratio and r.ratio[0].isdigit():
                v = float(r.ratio.rstrip("×"))
                out.append(f"| ≥ 30× faster than {r.tool} on {r.input} [{r.langs}] | {r.ratio} | {'yes' if v >= 30 else 'no'} |")
            elif r.section == "generate" and r.ratio.startswith(">"):
                out.append(f"| ≥ 30× faster than {r.tool} on {r.input} [{r.langs}] | {r.ratio} (peer timed out) | "
                           f"{'yes' if float(r.ratio[2:].rstrip('×')) >= 30 else 'unknown'} |")
        g = find(lambda r: r.tool.startswith("go build") and "cloudgen" in r.tool)
        if g and g.rss() is not None:
            out.append(f"| generated Go module (AWS) builds < 2 GiB peak | {fmt_mb(g.rss())} | {'yes' if g.rss() < 2048 else 'no'} |")
        j = find(lambda r: r.tool.startswith("cloudgen SDK build (publisher, once): mvn"))
        if j and j.rss() is not None:
            out.append(f"| generated Java SDK (AWS) packages within a 4 GiB heap | {fmt_mb(j.rss())} peak process, "
                       f"{fmt_s(j.wall())} | {'yes' if j.status == 'ok' and j.rss() < 4096 else 'no'} |")
        t = find(lambda r: r.tool.startswith("tsc, one-resource") and "cloudgen" in r.tool)
        if t and t.wall() is not None:
            out.append(f"| one-resource TypeScript program type-checks < 3 s | {fmt_s(t.wall())} | {'yes' if t.wall() < 3 else 'no'} |")
        p = find(lambda r: r.tool.startswith("python -c 'import pulumi_aws") and "cloudgen" in r.tool)
        if p and p.wall() is not None:
            out.append(f"| importing one Python module < 0.3 s | {fmt_s(p.wall())} (process wall, interpreter start included) | "
                       f"{'yes' if p.wall() < 0.3 else 'no'} |")
        return "\n".join(out)


def merge(b: Bench, dirs: list[str]) -> int:
    """One report from several runs' rows.json (e.g. generator rows and user-cost rows run apart)."""
    for d in dirs:
        data = json.loads(Path(d, "rows.json").read_text())
        rows, meta = (data["rows"], data["meta"]) if isinstance(data, dict) else (data, {})
        label = Path(d).name + (f" (commit `{meta['commit']}`)" if meta.get("commit") else "")
        b.sources.append(label)
        for j in rows:
            if j["tool"] == "Pulumi, 4 generators summed":
                continue  # recomputed
            r = Row(j["section"], j["tool"], j["input"], j["langs"], note=j["note"], status=j["status"])
            r.runs = [Run(**x) for x in j["runs"]]
            r.src = Path(d).name
            r.baseline = j["tool"] == "cloudgen" or (j["section"] == "user cost" and "→ cloudgen" in j["tool"])
            b.rows.append(r)
    # A row re-measured in a later run (e.g. after a peer was fixed) replaces an earlier
    # failed one; the notes of RESULTS.md say what failed and why.
    keep: dict[tuple, Row] = {}
    for r in b.rows:
        k = (r.section, r.tool, r.input, r.langs)
        if k in keep and keep[k].status != "ok" and r.status == "ok":
            keep[k] = r
        elif k in keep and keep[k].status == "ok":
            keep[k + (r.src,)] = r  # measured ok in two runs: show both
        else:
            keep[k] = r
    b.rows = list(keep.values())
    names = {r.input for r in b.rows}
    b.args.inputs = [n for n in INPUTS if n in names] + sorted(n for n in names if n not in INPUTS)
    shutil.rmtree(b.out, ignore_errors=True)
    print(b.report())
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cloudgen", default="", help="the release cloudgen binary (bench/run passes it)")
    ap.add_argument("--quick", action="store_true",
                    help="kubernetes + cloudflare; cloudgen all-four only; TypeScript peers only; no jsii, no user cost")
    ap.add_argument("--inputs", default=",".join(INPUTS), help=f"comma list of {', '.join(INPUTS)}")
    ap.add_argument("--sections", default="cloudgen,pulumi,cdktf,cdktf-jsii,usercost,diff",
                    help="comma list of cloudgen, pulumi, cdktf, cdktf-jsii, usercost, diff")
    ap.add_argument("--usercost", default="ts,py,go,java", help="comma list of ts, py, go, java, go-corpus (every --inputs provider but AWS built whole for Go)")
    ap.add_argument("--cloudgen-sets", default="all,typescript,python,go,java",
                    help="which cloudgen rows per input: all (the four languages in one run) and/or single languages")
    ap.add_argument("--compare-with", default="", metavar="BINARY",
                    help="also run every cloudgen row with this other cloudgen binary (e.g. the build "
                         "before a change), right after the row it compares with; ratio = other ÷ this")
    ap.add_argument("--compare-label", default="before", help="how the --compare-with rows are named")
    ap.add_argument("--peer-langs", default=",".join(LANGS), help="which Pulumi generators to run (cloudgen language names)")
    ap.add_argument("--cloudgen-timeout", type=float, default=0,
                    help="per-run timeout of cloudgen rows (default: --timeout)")
    ap.add_argument("--reps", type=int, default=3, help="runs per cloudgen / cheap row (median)")
    ap.add_argument("--peer-reps", type=int, default=3, help="runs per peer row (median)")
    ap.add_argument("--slow", type=float, default=60, help="a peer whose first run exceeds this is not repeated")
    ap.add_argument("--timeout", type=float, default=1800, help="per-run timeout, seconds")
    ap.add_argument("--jsii-timeout", type=float, default=1800, help="timeout of one CDKTF full jsii run")
    ap.add_argument("--go-timeout", type=float, default=3600, help="timeout of one go build of a whole SDK")
    ap.add_argument("--skip-official-go", action="store_true", help="do not build the official Go SDK")
    ap.add_argument("--official-go-packages", default="quicksight,wafv2,ec2,s3",
                    help="comma list of the official Go SDK's packages to build (empty: the whole module)")
    ap.add_argument("--out", default=str(BENCH / "out"))
    ap.add_argument("--merge", nargs="+", metavar="RUN_DIR",
                    help="measure nothing: print one table from the rows.json of earlier runs "
                         "(ratios stay within each run's own rows)")
    args = ap.parse_args()
    if not args.cloudgen and not args.merge:
        ap.error("--cloudgen is required (bench/run passes it)")
    args.inputs = [s for s in args.inputs.split(",") if s]
    args.sections = [s for s in args.sections.split(",") if s]
    args.usercost = [s for s in args.usercost.split(",") if s]
    args.cloudgen_sets = [s for s in args.cloudgen_sets.split(",") if s]
    args.peer_langs = [s for s in args.peer_langs.split(",") if s]
    if args.quick:
        # Minutes, not hours: AWS is left out while its Java generation is quadratic
        # (see bench/RESULTS.md); add it back with --inputs aws,... when that is fixed.
        if args.inputs == list(INPUTS):
            args.inputs = ["kubernetes", "cloudflare"]
        args.sections = [s for s in args.sections if s not in ("cdktf-jsii", "usercost")]
    for n in args.inputs:
        if n not in INPUTS:
            ap.error(f"unknown input {n!r}; known: {', '.join(INPUTS)}")
    for s in args.sections:
        if s not in ("cloudgen", "pulumi", "cdktf", "cdktf-jsii", "usercost", "diff"):
            ap.error(f"unknown section {s!r}")
    if not CORPUS.is_dir():
        print(f"bench: error: the shared corpus is not at {CORPUS}", file=sys.stderr)
        return 2
    if not os.access("/usr/bin/time", os.X_OK):
        print("bench: error: GNU time is missing at /usr/bin/time (bench/setup installs it)", file=sys.stderr)
        return 2

    b = Bench(args)
    if args.merge:
        return merge(b, args.merge)
    log(f"writing to {b.out}")
    try:
        for name in args.inputs:
            if "cloudgen" in args.sections:
                b.sec_cloudgen(name)
            if "pulumi" in args.sections:
                b.sec_pulumi(name)
            if "cdktf" in args.sections:
                b.sec_cdktf(name, jsii=False)
        if "usercost" in args.sections:
            b.sec_usercost()
        if "diff" in args.sections:
            b.sec_diff()
        # The slowest, single-run rows last, so an interrupted run still has the rest.
        if "cdktf-jsii" in args.sections:
            for name in args.inputs:
                b.sec_cdktf(name, jsii=True)
    except KeyboardInterrupt:
        log("interrupted; reporting what was measured")
    text = b.report()
    (b.out / "results.md").write_text(text)
    (b.out / "rows.json").write_text(json.dumps(
        {"meta": {"commit": b.commit, "dirty": b.dirty, "started": b.started.isoformat(),
                  "argv": sys.argv[1:], "cloudgen": b.cloudgen},
         "rows": [r.to_json() for r in b.rows if r.tool != "Pulumi, 4 generators summed"]}, indent=2))
    shutil.rmtree(b.scratch, ignore_errors=True)
    print(text)
    log(f"report: {b.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

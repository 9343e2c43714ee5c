#!/usr/bin/env bash
# The one test command (README quick start; CI runs it through .ci/run):
#   0. scripts/check-pins.py — every pinned dependency (crates, npm, PyPI, Go modules of the
#      providers, the engine and the SDKs, Maven) still resolves from its registry with no
#      local cache, so a pin only a warm cache still holds fails here, named, in seconds;
#   1. scripts/setup-tools.sh — pinned TypeScript/@pulumi/pulumi and pulumi/mypy/pytest in a
#      cache outside the clone (a no-op when already installed);
#   2. scripts/setup-terraform-providers.sh — the real random/tls/local/time Terraform
#      providers the shim tests drive, built with `go install` into the same cache;
#   3. scripts/setup-pulumi-engine.sh — the Pulumi CLI built from the pinned Go module;
#   4. cargo test --workspace, told exactly where those tools are;
#   5. a summary of every test that skipped (or, in strict mode, found something missing),
#      since libtest counts a skipped test as passed.
# With CI=true or CLOUDGEN_REQUIRE_TOOLS=1, a missing tool or a missing ../shared/corpus
# fails the tests instead of skipping them.
#
# Extra arguments go to `cargo test` (e.g. `scripts/test.sh --test toolchains`).
# CLOUDGEN_SKIP_PIN_CHECK=1 skips step 0 (offline work with warm caches; never in CI).
# The exit status is cargo test's.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]]; then
  export CLOUDGEN_REQUIRE_TOOLS=1
fi
if [[ "${CLOUDGEN_REQUIRE_TOOLS:-}" == "1" ]]; then
  echo "test.sh: strict mode: missing tools or corpus are failures" >&2
  [[ -d "$repo/../shared/corpus" ]] || echo "test.sh: warning: ../shared/corpus is missing; corpus tests will fail" >&2
fi

start=$SECONDS
# 0. Pins resolve from the registries (metadata only; ~10 s, all registries at once).
if [[ "${CLOUDGEN_SKIP_PIN_CHECK:-}" == "1" && "${CLOUDGEN_REQUIRE_TOOLS:-}" != "1" ]]; then
  echo "test.sh: CLOUDGEN_SKIP_PIN_CHECK=1: not checking that the pins resolve" >&2
elif ! python3 "$repo/scripts/check-pins.py"; then
  if [[ "${CLOUDGEN_REQUIRE_TOOLS:-}" == "1" ]]; then
    echo "test.sh: a pinned dependency does not resolve from its registry (see above); fix the pin" >&2
    exit 1
  fi
  echo "test.sh: warning: some pins do not resolve (offline?); setup may fail or use warm caches" >&2
fi

# Each setup script prints progress on stderr and the exact directories it made as exports
# on stdout (also when it fails part-way: what it did build is still used). In strict mode a
# failed setup fails the run; outside CI the tests that need the missing piece skip and are
# listed at the end.
setup() {
  local script="$1" skips="$2" env status=0
  env="$(bash "$repo/scripts/$script" --print-env)" || status=$?
  eval "$env"
  if [[ $status -ne 0 ]]; then
    if [[ "${CLOUDGEN_REQUIRE_TOOLS:-}" == "1" ]]; then
      echo "test.sh: $script failed (its reason is above)" >&2
      exit 1
    fi
    echo "test.sh: $script failed; $skips that need what it did not build will skip" >&2
  fi
}
setup setup-tools.sh "toolchain tests"
# The real Terraform providers the shim tests drive (go install from the Go module proxy).
setup setup-terraform-providers.sh "shim tests"
# The Pulumi engine for the end-to-end suite (codegen/tests/e2e.rs).
setup setup-pulumi-engine.sh "end-to-end tests"
echo "test.sh: tools ready in $((SECONDS - start))s" >&2

# Every test that cannot do its work appends "skipped|missing|unavailable <tab> binary::test
# <tab> why" here (codegen/tests/common.rs `skip` and `unavailable`).
skip_log="$(mktemp "${TMPDIR:-/tmp}/cloudgen-skips.XXXXXX")"
trap 'rm -f "$skip_log"' EXIT
export CLOUDGEN_SKIP_LOG="$skip_log"

# Debug profile: the workspace already builds dependencies at opt-level 2
# (profile.dev.package."*"), so tests run fast without paying for a release build of
# cloudgen itself on a 2-core CI box. --no-fail-fast: one failing test binary must not
# hide the results of the others.
status=0
cargo test --workspace --no-fail-fast "$@" || status=$?

# libtest counts a test that returned early as passed: say which did, and why.
if [[ -s "$skip_log" ]]; then
  sort -u "$skip_log" | awk -F'\t' '
    { n[$1]++; line[$1] = line[$1] sprintf("  %s: %s\n", $2, $3) }
    END {
      if (n["skipped"]) printf "test.sh: %d test(s) SKIPPED: counted as passed, but they did not run what they test:\n%s", n["skipped"], line["skipped"]
      if (n["missing"]) printf "test.sh: %d test(s) failed because something they need is MISSING:\n%s", n["missing"], line["missing"]
      if (n["unavailable"]) printf "test.sh: %d check(s) UNAVAILABLE on this machine (the registries it reaches do not serve what they need; not a failure):\n%s", n["unavailable"], line["unavailable"]
    }' >&2
  if grep -q '^skipped' "$skip_log"; then
    echo "test.sh: run with CI=true to make those failures; scripts/test.sh installs what they need when the registries answer" >&2
  fi
else
  echo "test.sh: no test skipped" >&2
fi
exit $status

#!/usr/bin/env bash
# The one test command (README quick start; CI runs it through .ci/run):
#   1. scripts/setup-tools.sh — pinned TypeScript/@pulumi/pulumi and pulumi/mypy/pytest in a
#      cache outside the clone (a no-op when already installed);
#   2. scripts/setup-terraform-providers.sh — the real random/tls/local/null/time Terraform
#      providers the shim tests drive, built with `go install` into the same cache;
#   3. cargo test --workspace, told exactly where those tools are.
# With CI=true or CLOUDGEN_REQUIRE_TOOLS=1, a missing tool or a missing ../shared/corpus
# fails the tests instead of skipping them.
#
# Extra arguments go to `cargo test` (e.g. `scripts/test.sh --test toolchains`).
# The last lines printed are cargo test's own summary: CI reads them.
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
# Each setup script prints progress on stderr and the exact directories it made as exports
# on stdout. In strict mode a failed setup fails the run; outside CI the tests that need the
# missing piece say why they skip.
setup() {
  local script="$1" skips="$2" env
  if ! env="$(bash "$repo/scripts/$script" --print-env)"; then
    if [[ "${CLOUDGEN_REQUIRE_TOOLS:-}" == "1" ]]; then
      echo "test.sh: $script failed" >&2
      exit 1
    fi
    echo "test.sh: $script failed; $skips will skip" >&2
    env=""
  fi
  eval "$env"
}
setup setup-tools.sh "toolchain tests"
# The real Terraform providers the shim tests drive (go install from the Go module proxy).
setup setup-terraform-providers.sh "shim tests"
# The Pulumi engine for the end-to-end suite (codegen/tests/e2e.rs).
setup setup-pulumi-engine.sh "end-to-end tests"
echo "test.sh: tools ready in $((SECONDS - start))s" >&2

# Debug profile: the workspace already builds dependencies at opt-level 2
# (profile.dev.package."*"), so tests run fast without paying for a release build of
# cloudgen itself on a 2-core CI box. --no-fail-fast: one failing test binary must not
# hide the results of the others. `exec` so cargo's summary is the last thing printed and
# its exit status is ours.
exec cargo test --workspace --no-fail-fast "$@"

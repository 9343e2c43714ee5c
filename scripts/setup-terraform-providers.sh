#!/usr/bin/env bash
# Build the real Terraform providers that the shim tests drive (random, tls, local, time)
# from the Go module proxy with `go install MODULE@VERSION`, at the versions pinned in
# tests/terraform-providers/providers.txt.
#
# They go into a cache OUTSIDE the clone, ${CLOUDGEN_TOOLS_DIR:-$HOME/.cache/cloudgen-tools}.
# Each provider is built on its own, in a directory named after a hash of its pin line and
# of the Go version, so a second run is a fast no-op, bumping one pin rebuilds only that
# provider, and one pin that fails does not stop (or throw away) the others:
#   $TOOLS/tf-provider-<name>-<hash>/terraform-provider-<name>      one build per pin
#   $TOOLS/tf-providers-<hash>/bin/terraform-provider-<name>        symlinks: this pin set
#   $TOOLS/tf-providers -> tf-providers-<hash>
#
# Usage: scripts/setup-terraform-providers.sh [--print-env]
#   Progress goes to stderr. With --print-env, stdout gets
#   `export CLOUDGEN_TF_PROVIDERS_DIR=...` (the bin directory) for scripts/test.sh to eval.
#   If any pin fails, the others are still built and linked, the failures are listed with
#   what the registry answered, and the exit status is 1.
#
# Needs: go (>= the providers' go directive, 1.26.8 for these pins) and the Go module proxy
# on the first run only. Builds run at `nice -n 10`, two packages at a time (GOFLAGS=-p=2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
setup_init setup-terraform-providers 21 "$@"
pins="$repo/tests/terraform-providers/providers.txt"

command -v go >/dev/null || die "go is not on PATH (need go >= 1.26.8)"

go_version="$(go env GOVERSION)"
key="$( { grep -v '^#' "$pins"; echo "go=$go_version"; } | sha256 | cut -c1-16)"
dir="$tools/tf-providers-$key"

# Shares the lock with setup-tools.sh: one setup at a time per cache directory.
setup_lock

# build NAME MODULE VERSION SUM → prints the built binary's path on stdout, or fails with
# the registry's or the compiler's own words on stderr.
build() {
  local name="$1" module="$2" version="$3" sum="$4"
  local pin_key out json err got t=$SECONDS
  pin_key="$(echo "$name $module $version $sum go=$go_version" | sha256 | cut -c1-16)"
  out="$tools/tf-provider-$name-$pin_key"
  if [[ -f "$out/.complete" ]]; then
    log "terraform-provider-$name up to date: $out"
    echo "$out/terraform-provider-$name"
    return
  fi
  rm -rf "$out"
  # The pinned hash stands in for the checksum database, which lacks these pseudo-versions;
  # GONOSUMDB names only the provider module itself. `-json` puts the registry's answer in
  # the "Error" field on stdout, so it is captured rather than lost.
  if ! json="$(GONOSUMDB="$module" go mod download -json "$module@$version" 2>&1)"; then
    err="$(sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")"
    err="${err//\\n/ }"; err="${err//\\t/}"   # JSON escapes of the proxy's multi-line answer
    log "error: $name: go mod download $module@$version failed: ${err:-$json}"
    log "  fix: pick a version the Go module proxy serves (try: GOMODCACHE=\$(mktemp -d) go list -m -versions $module),"
    log "       then update its line in tests/terraform-providers/providers.txt (version and h1: hash)"
    return 1
  fi
  got="$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")"
  if [[ "$got" != "$sum" ]]; then
    log "error: $name: $module@$version has hash ${got:-<none>}, but providers.txt pins $sum"
    log "  fix: if the new hash is expected (a re-pinned version), put it in tests/terraform-providers/providers.txt"
    return 1
  fi
  log "go install $module@$version ($sum)"
  mkdir -p "$out"
  # GOFLAGS: no VCS stamping (module builds have none anyway) and a trimmed path so the
  # binaries do not depend on where the module cache lives.
  if ! GOBIN="$out" GOFLAGS="-buildvcs=false -trimpath -p=2" CGO_ENABLED=0 GONOSUMDB="$module" \
      nice -n 10 go install "$module@$version" >&2; then
    log "error: $name: go install $module@$version failed (the compiler's output is above)"
    return 1
  fi
  [[ -x "$out/terraform-provider-$name" ]] || {
    log "error: $name: go install $module@$version did not produce terraform-provider-$name"
    return 1
  }
  touch "$out/.complete"
  log "  built terraform-provider-$name in $((SECONDS - t))s"
  echo "$out/terraform-provider-$name"
}

# The bin directory of this pin set is rebuilt from the per-provider builds on every run
# (symlinks only), so a partial set from an earlier failure is completed, not discarded.
start=$SECONDS
failed=()
mkdir -p "$dir/bin"
while read -r name module version sum _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if bin="$(build "$name" "$module" "$version" "$sum")"; then
    ln -sfn "$bin" "$dir/bin/terraform-provider-$name"
  else
    failed+=("$name")
    rm -f "$dir/bin/terraform-provider-$name"
  fi
done < "$pins"
setup_link "tf-providers-$key" tf-providers

if [[ $print_env -eq 1 ]]; then
  printf 'export CLOUDGEN_TF_PROVIDERS_DIR=%q\n' "$dir/bin"
fi
if [[ ${#failed[@]} -gt 0 ]]; then
  die "${#failed[@]} provider(s) could not be built: ${failed[*]} (the others are in $dir/bin)"
fi
log "ready in $((SECONDS - start))s: CLOUDGEN_TF_PROVIDERS_DIR=$dir/bin"

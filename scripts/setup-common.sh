# Sourced by the setup-*.sh scripts (not run): what every one of them does the same way.
#   setup_init NAME HELP_LAST_LINE "$@"  — parses --print-env / --help, sets `print_env`,
#                                        `repo` and `tools` (the cache directory, created
#                                        and made absolute); defines log / die.
#   sha256                               — stdin → hex digest (GNU sha256sum or macOS shasum).
#   setup_lock                           — one setup at a time per cache directory (flock on
#                                        $tools/.lock; unguarded where flock is missing).
#   setup_link DIRNAME LINK              — points $tools/LINK at $tools/DIRNAME atomically.

setup_init() {
  setup_name="$1"
  local help_end="$2" script="${BASH_SOURCE[1]}"
  shift 2
  print_env=0
  for arg in "$@"; do
    case "$arg" in
      --print-env) print_env=1 ;;
      -h|--help) sed -n "2,${help_end}p" "$script"; exit 0 ;;
      *) echo "$setup_name: unknown argument: $arg" >&2; exit 2 ;;
    esac
  done
  repo="$(cd "$(dirname "$script")/.." && pwd)"
  tools="${CLOUDGEN_TOOLS_DIR:-$HOME/.cache/cloudgen-tools}"
  mkdir -p "$tools"
  tools="$(cd "$tools" && pwd)"
}

log() { echo "$setup_name: $*" >&2; }
die() { echo "$setup_name: error: $*" >&2; exit 1; }

if command -v sha256sum >/dev/null; then sha256() { sha256sum; }; else sha256() { shasum -a 256; }; fi

setup_lock() {
  if command -v flock >/dev/null; then
    exec 9>"$tools/.lock"
    if ! flock -n 9; then
      log "waiting for another setup run to finish ($tools/.lock)"
      flock 9
    fi
  fi
}

setup_link() {
  local target="$1" link="$2"
  ln -sfn "$target" "$tools/.$link.tmp.$$"
  mv -Tf "$tools/.$link.tmp.$$" "$tools/$link" 2>/dev/null \
    || { rm -f "$tools/.$link.tmp.$$"; ln -sfn "$target" "$tools/$link"; }
}

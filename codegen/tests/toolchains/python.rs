//! Python: the pinned venv (pulumi, mypy, pytest) and the mypy policy.

use super::{config_dir, skip, tools_dir};
use std::path::PathBuf;

/// The pinned venv's python (pulumi, mypy, pytest), if installed.
pub fn venv_python() -> Option<PathBuf> {
    let venv = std::env::var_os("CLOUDGEN_PYTHON_VENV")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| tools_dir().join("python/venv"));
    let python = venv.join("bin/python");
    if !python.is_file() {
        skip(&format!("the Python toolchain is not installed: {} is missing", python.display()));
        return None;
    }
    Some(python)
}

/// tests/toolchains/python/mypy.ini: strict, with its relaxations documented there.
pub fn mypy_ini() -> PathBuf {
    config_dir("python").join("mypy.ini")
}

/// Imports every module of every top-level package in `pkgs` (found in `dir`): mypy does
/// not run module-level code, and import cycles only break at import time.
pub const IMPORT_ALL: &str = "import importlib, pkgutil, sys\n\
    n = 0\n\
    for top in sys.argv[1:]:\n\
    \x20   m = importlib.import_module(top)\n\
    \x20   n += 1\n\
    \x20   for info in pkgutil.walk_packages(m.__path__, top + '.'):\n\
    \x20       importlib.import_module(info.name)\n\
    \x20       n += 1\n\
    print(f'imported {n} modules')\n";

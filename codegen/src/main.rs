//! The `cloudgen` binary: parses arguments and exits with the CLI's code.

use clap::Parser;

/// mimalloc instead of glibc malloc: generation is allocation-bound (see Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = cloudgen::cli::Cli::parse();
    std::process::exit(cloudgen::cli::run(cli));
}

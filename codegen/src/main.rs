//! The `cloudgen` binary: parses arguments and exits with the CLI's code.

use clap::Parser;

fn main() {
    let cli = cloudgen::cli::Cli::parse();
    std::process::exit(cloudgen::cli::run(cli));
}

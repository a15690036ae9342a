//! The `bantin` binary: parse the command line and hand over to `cmd/`.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Build(args) => cmd::build::run(args),
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::Init(args) => cmd::init::run(args),
        cli::Command::New(args) => cmd::new::run(args),
        cli::Command::RemovePrevious { dir } => cmd::build::remove_previous(dir),
    }
}

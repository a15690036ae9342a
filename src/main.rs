//! The `bantin` binary: parse the command line and hand over to `cmd/`.

mod cli;
mod cmd;

use std::process::ExitCode;

use bantin::messages::Lang;
use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let site_language = cli
        .site_root()
        .and_then(bantin::config::default_language_of);
    Lang::set_current(Lang::choose(
        cli.lang.as_deref().and_then(Lang::parse),
        site_language.as_deref(),
    ));
    match cli.command {
        cli::Command::Build(args) => cmd::build::run(args),
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::Init(args) => cmd::init::run(args),
        cli::Command::New(args) => cmd::new::run(args),
        cli::Command::Import(args) => cmd::import::run(args),
        cli::Command::RemovePrevious { dir } => cmd::build::remove_previous(dir),
    }
}

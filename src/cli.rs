//! The command line: `bantin build`, and later `serve`, `check`, `init`, `new`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A static site generator for statistical bulletins, in Vietnamese and English.
#[derive(Debug, Parser)]
#[command(name = "bantin", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into its output folder (public/ by default).
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Write here instead of site.toml's output_dir.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Publish for this address instead of site.toml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Allow an output folder outside the site folder.
    #[arg(long)]
    pub force: bool,
}

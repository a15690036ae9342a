//! The command line: `bantin build`, `check`, `serve`, `init`, `new`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A static site generator for statistical bulletins, in Vietnamese and English.
#[derive(Debug, Parser)]
#[command(name = "bantin", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language bantin speaks: vi or en. Without it, BANTIN_LANG, else
    /// the site's default language.
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    pub lang: Option<String>,
}

impl Cli {
    /// The site folder the command works on, for its default language.
    pub fn site_root(&self) -> Option<&std::path::Path> {
        match &self.command {
            Command::Build(a) => Some(&a.root),
            Command::Check(a) => Some(&a.root),
            Command::Serve(a) => Some(&a.root),
            Command::New(a) => Some(&a.root),
            Command::Import(a) => Some(&a.root),
            Command::Init(_) | Command::RemovePrevious { .. } => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into its output folder (public/ by default).
    Build(BuildArgs),
    /// Check the figures, texts and links without writing anything.
    Check(CheckArgs),
    /// Preview the site at http://127.0.0.1:1111/, rebuilt as you edit.
    Serve(ServeArgs),
    /// Create a new site, with an example release, in an empty folder.
    Init(InitArgs),
    /// Start the release of a period: data.yaml and narratives to fill in.
    New(NewArgs),
    /// Write a release's data.yaml from the department's workbook
    /// (.xlsx, .xls, .ods), as a map file says where each figure is.
    Import(ImportArgs),
    /// (Used by `build`) remove a previous site it moved aside.
    #[command(hide = true)]
    RemovePrevious { dir: PathBuf },
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to create the site in (new, or empty).
    pub dir: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The period, as data.yaml writes it: 2025-Q1, 2025-03, 2025-H1, 2025-9M, 2025.
    pub period: String,
    /// The site folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The workbook: .xlsx, .xlsm, .xls, .xlsb or .ods.
    pub workbook: PathBuf,
    /// The map file saying where each figure is (see the content format).
    /// With --init-map: where to write the proposed map (else it is
    /// printed).
    #[arg(long)]
    pub map: Option<PathBuf>,
    /// The period of the release, as data.yaml writes it: 2025-Q1.
    #[arg(long, required_unless_present = "init_map")]
    pub period: Option<String>,
    /// Rewrite the figures of an existing data.yaml (and print what changed).
    #[arg(long)]
    pub update: bool,
    /// The figures' status: estimate, preliminary or final.
    #[arg(long)]
    pub status: Option<String>,
    /// The release date, YYYY-MM-DD.
    #[arg(long)]
    pub published: Option<String>,
    /// Propose a map for this workbook, from the catalogue's names.
    #[arg(long)]
    pub init_map: bool,
    /// The site folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The site folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// `human` (grouped by file) or `json` (for programs; see the README).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Check the links for this address instead of site.toml's base_url
    /// (as `build --base-url` would publish).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Print how long each stage took (on standard error).
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The site folder (holding site.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The port to serve on; the next free one if it is taken.
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on. Anything but loopback shows the preview
    /// to other computers.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
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
    /// Build as if site.toml said `pdf = false`: no PDF editions and no
    /// links to them (a quick build, or one on a machine without Chromium).
    #[arg(long)]
    pub no_pdf: bool,
    /// Print how long each stage took (on standard error).
    #[arg(long)]
    pub timings: bool,
}

//! bantin turns a statistics office's data files and narratives into a
//! bilingual static site. The pipeline runs one way:
//!
//! 1. **load**: `site.toml`, the indicator catalogue, each release's
//!    `data.yaml` and narratives, free pages ([`site::Site::load`]);
//! 2. **check**: calls name figures that exist, figures agree across
//!    periods, texts are complete ([`check::check`]);
//! 3. **render**: pages per language through the theme, with their charts
//!    ([`render`]), and the open data files ([`opendata`]); then every link
//!    of the result leads somewhere ([`check::check_output`]);
//! 4. **index**: the pages for the site's search ([`search`]);
//! 5. **write**: into a staging folder, swapped in whole ([`output`]).
//!
//! `bantin check` runs the first three stages and reports ([`check_site`]).

pub mod address;
pub mod catalog;
pub mod check;
pub mod config;
pub mod dataset;
pub mod diagnostic;
pub mod fs;
pub mod locale;
pub mod narrative;
pub mod opendata;
pub mod output;
pub mod period;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use diagnostic::{Diagnostic, Diagnostics, Level};

/// What `bantin build` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `output_dir` of site.toml.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.toml.
    pub base_url: Option<String>,
    /// Allows an output folder outside the site.
    pub force: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: std::collections::BTreeMap<String, usize>,
    pub files: usize,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
}

/// Why a build did not publish.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the site's files: listed, nothing written.
    #[error("{0}")]
    Site(Diagnostics),
    /// The output could not be written (or was refused).
    #[error(transparent)]
    Output(#[from] anyhow::Error),
}

/// Loads, checks, renders the site in memory, then writes it.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let (site, theme, warnings) = load_and_check(&opts.root, opts.base_url.as_deref())?;
    let out_rel = opts
        .output
        .clone()
        .unwrap_or_else(|| site.config.output_dir.clone());
    let out = if out_rel.is_absolute() {
        out_rel.clone()
    } else {
        opts.root.join(&out_rel)
    };
    output::guard(&opts.root, &out_rel, opts.force)?;
    let mut rendered = render::render(&site, &theme).map_err(BuildError::Site)?;
    let mut warnings = warnings;
    warnings.extend(check_rendered(&site, &rendered));
    if warnings.has_errors() {
        return Err(BuildError::Site(warnings));
    }
    if site.config.search {
        let index = search_index(&rendered).map_err(|d| {
            warnings.push(d);
            BuildError::Site(warnings.clone())
        })?;
        rendered.files.extend(index);
    }
    output::publish(&out, &rendered.files)?;
    Ok(BuildReport {
        output: out,
        pages: rendered.pages,
        files: rendered.files.len(),
        warnings,
        elapsed: started.elapsed(),
    })
}

/// The first two stages: everything but writing. Errors in any file are
/// reported together.
pub fn load_and_check(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(site::Site, render::theme::Theme, Diagnostics), BuildError> {
    let (site, theme, mut warnings) = load(root, base_url).map_err(BuildError::Site)?;
    warnings.extend(check::check(&site));
    if warnings.has_errors() {
        return Err(BuildError::Site(warnings));
    }
    Ok((site, theme, warnings))
}

/// Reads the site and its theme, with the warnings of reading.
pub(crate) fn load(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(site::Site, render::theme::Theme, Diagnostics), Diagnostics> {
    let (mut site, warnings) = site::Site::load(root)?;
    if let Some(url) = base_url {
        site.config.set_base_url(url).map_err(|d| {
            let mut list = Diagnostics::new();
            list.push(d);
            list
        })?;
    }
    let theme = render::theme::Theme::load(root, &site.config)?;
    Ok((site, theme, warnings))
}

/// The rules over a whole rendered site: links lead somewhere.
pub fn check_rendered(site: &site::Site, rendered: &render::Rendered) -> Diagnostics {
    let paths: std::collections::HashSet<&str> =
        rendered.files.iter().map(|f| f.path.as_str()).collect();
    check::check_output(
        site,
        &paths,
        rendered
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice())),
    )
}

/// The search index of a rendered site.
pub fn search_index(rendered: &render::Rendered) -> Result<Vec<output::OutputFile>, Diagnostic> {
    let pages = search::pages(
        rendered
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice())),
    );
    search::index(&pages)
}

/// `bantin new PERIOD`: the folder of a new release in the site at
/// `root`. The site must load (its catalogue and last year's figures are
/// what the new files are made of).
pub fn new_release(root: &Path, period: &str) -> Result<Vec<PathBuf>, BuildError> {
    let period = period::Period::parse(period).map_err(|m| {
        let mut list = Diagnostics::new();
        list.push(Diagnostic::error("bantin new", m));
        BuildError::Site(list)
    })?;
    let (site, theme, _) = load(root, None).map_err(BuildError::Site)?;
    Ok(scaffold::new_release(&site, &theme, &period)?)
}

/// What `bantin check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Every finding, errors and warnings.
    pub findings: Diagnostics,
    /// Whether the site could be rendered (in memory) and its links
    /// checked; not when errors stopped it before.
    pub output_checked: bool,
}

/// Runs every rule without writing anything: loads the site, checks it,
/// renders it in memory and checks the links of the result.
pub fn check_site(root: &Path, base_url: Option<&str>) -> CheckReport {
    let (site, theme, mut findings) = match load(root, base_url) {
        Ok(loaded) => loaded,
        Err(findings) => {
            return CheckReport {
                findings,
                output_checked: false,
            };
        }
    };
    findings.extend(check::check(&site));
    let stopped = findings
        .iter()
        .any(|d| d.level == Level::Error && d.rule == diagnostic::Rule::Call);
    if stopped {
        // The pages cannot be rendered with calls that name nothing.
        return CheckReport {
            findings,
            output_checked: false,
        };
    }
    match render::render(&site, &theme) {
        Ok(rendered) => {
            findings.extend(check_rendered(&site, &rendered));
            CheckReport {
                findings,
                output_checked: true,
            }
        }
        Err(problems) => {
            findings.extend(problems);
            CheckReport {
                findings: findings.deduplicated(),
                output_checked: false,
            }
        }
    }
}

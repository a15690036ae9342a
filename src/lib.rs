//! bantin turns a statistics office's data files and narratives into a
//! bilingual static site. The pipeline runs one way:
//!
//! 1. **load**: `site.toml`, the indicator catalogue, each release's
//!    `data.yaml` and narratives, free pages (`site.rs`), and the theme;
//! 2. **check**: calls name figures that exist, figures agree across
//!    periods, texts are complete (`check/`);
//! 3. **render**: pages per language through the theme, with their charts,
//!    and the open data files (`render/`, `opendata.rs`), every address
//!    from `address.rs`;
//! 4. **links**: every link of the result leads somewhere (`check/links.rs`);
//! 5. **index**: the pages for the site's search ([`search`]);
//! 6. **write**: into a staging folder, swapped in whole (`output.rs`).
//!
//! Loading sets aside a file it cannot read and goes on, so one run
//! reports every problem. Whatever bantin says to people (findings, hints,
//! summaries) is a [`messages::Message`], put into the reader's words from
//! one Project Fluent file per language only when it is shown.
//!
//! `pipeline.rs` holds the stages and the one rule for when findings stop
//! a run; [`build`] runs it to the end and writes, [`check_site`] to the
//! links and reports, `serve` ([`serve::site`]) stage by stage. The
//! modules are private to the crate but for what the binary and the tests
//! use.

pub(crate) mod address;
pub mod calendar;
pub mod catalog;
pub(crate) mod check;
pub mod config;
pub mod dataset;
pub(crate) mod diagnostic;
pub(crate) mod fingerprint;
pub(crate) mod fs;
pub mod import;
pub(crate) mod locale;
pub mod messages;
pub mod narrative;
pub(crate) mod numbers;
pub(crate) mod opendata;
pub(crate) mod output;
pub(crate) mod pdf;
pub mod period;
pub(crate) mod pipeline;
pub(crate) mod record;
pub(crate) mod render;
pub mod report;
pub mod scaffold;
pub mod search;
pub mod serve;
pub(crate) mod site;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use diagnostic::{Diagnostic, Diagnostics, Level};
use pipeline::Stage;
pub use pipeline::Timings;

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
    /// Builds as if site.toml said `pdf = false`.
    pub no_pdf: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: std::collections::BTreeMap<String, usize>,
    /// Of those, the pages kept unchanged from the previous build.
    pub pages_kept: usize,
    /// The PDF editions, and of those the ones printed now (the others
    /// were unchanged).
    pub pdfs: usize,
    pub pdfs_printed: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
    /// How long each stage took, writing included.
    pub timings: Timings,
    /// The previous site, moved aside, to remove with [`remove_previous`]
    /// (the new one is already in place).
    pub previous: Option<PathBuf>,
    /// How to look at the result on this computer, when it was built for
    /// another address.
    pub look_locally: Option<messages::Message>,
}

/// Removes the previous site a build moved aside (and nothing else).
pub fn remove_previous(dir: &Path) -> anyhow::Result<()> {
    output::remove_previous(dir)
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

/// Runs the whole pipeline in memory, then writes the site; nothing is
/// written while any error stands. Pages whose inputs are as they were
/// at the previous build (its record, [`record`], says what each read)
/// are not rendered again but kept from the previous site.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut timings = Timings::default();
    let loaded = pipeline::load(&opts.root, opts.base_url.as_deref()).map(|mut l| {
        l.site.config.pdf &= !opts.no_pdf;
        l
    });
    let since = timings.lap("load", started);
    // Where the site goes and what the previous one there can give. An
    // output folder that is refused is said once the site's own problems
    // are known, as they come first.
    let target = loaded.as_ref().ok().and_then(|l| {
        let theme = l.theme.as_ref()?;
        Some(Target::of(opts, &l.site, theme))
    });
    timings.lap("record", since);
    let keep = |key: &str| target.as_ref()?.keep(key);
    let findings = |b: &site::Release| target.as_ref()?.previous.as_ref()?.findings(b);
    let reuse = match (&loaded, &target) {
        (Ok(pipeline::Loaded { site, .. }), Some(t)) if t.staging.is_ok() => {
            let (data, index) = t.reusable(site);
            Some(pipeline::Reuse {
                pages: &keep,
                data,
                index,
                checks: Some(&findings),
            })
        }
        _ => None,
    };
    // Files go into the staging folder as they are made; the first that
    // cannot be written fails the build (the staging folder is removed).
    let unwritten = std::sync::Mutex::new(None);
    let write = |files: &[output::OutputFile]| {
        if let Some(Target {
            staging: Ok(staging),
            ..
        }) = &target
            && let Err(e) = staging.write(files)
        {
            unwritten
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(e);
        }
    };
    let run = pipeline::run_loaded(loaded, timings, Stage::Index, reuse, &write);
    if let Some(e) = unwritten.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(BuildError::Output(e));
    }
    let (Some((site, theme)), Some(rendered)) = (&run.site, run.rendered) else {
        return Err(BuildError::Site(run.findings));
    };
    let look_locally = look_locally(&site.config);
    let checked = run.checked;
    let mut findings = run.findings;
    if pipeline::stops_after(Stage::Links, &findings) {
        return Err(BuildError::Site(findings));
    }
    let Some(Target {
        out,
        staging,
        fingerprints,
        previous,
    }) = target
    else {
        return Err(BuildError::Site(findings));
    };
    let staging = staging?;
    let mut timings = run.timings;
    // The search index is made while the pages are staged: Pagefind works
    // on its own processes, writing on bantin's threads. Nothing is in
    // place until both are done and the new site is swapped in whole.
    // The PDF editions are printed meanwhile, by a browser of their own.
    let before = staging.previous();
    let unchanged = |path: &str, key: &str| {
        previous.as_ref().and_then(|p| p.pdf_key(path)) == Some(key) && before.intact(path)
    };
    let (indexed, staged, printed) = std::thread::scope(|s| {
        let indexing = run.indexing.map(|indexer| {
            s.spawn(|| {
                let since = Instant::now();
                (pipeline::index(indexer), since.elapsed())
            })
        });
        let printing = (!rendered.prints.is_empty()).then(|| {
            s.spawn(|| {
                let since = Instant::now();
                let files = Arc::new(render::static_files_by_path(theme, &site.config));
                let write = |pdf: output::OutputFile| staging.write(&[pdf]);
                let made = pdf::make(
                    &rendered.prints,
                    &site.config.base_url,
                    files,
                    &unchanged,
                    &write,
                );
                (made, since.elapsed())
            })
        });
        let since = Instant::now();
        let staged = staging.keep(&rendered.kept).map(|()| since.elapsed());
        let indexed = indexing.map(|t| {
            t.join().unwrap_or_else(|_| {
                (
                    Err(search::problem("indexing for search failed")),
                    Duration::ZERO,
                )
            })
        });
        let printed = printing.map(|t| {
            t.join()
                .unwrap_or_else(|_| (Err(pdf::stopped()), Duration::ZERO))
        });
        (indexed, staged, printed)
    });
    let mut files = rendered.made.len() + rendered.kept.len();
    let mut writing = staged?;
    let mut index_record = None;
    let searched = indexed.is_some();
    if let Some((index, took)) = indexed {
        timings.stages.push(("index", took));
        match index {
            Ok(index) => {
                let since = Instant::now();
                staging.keep(&index.kept)?;
                staging.write(&index.files)?;
                files += index.files.len() + index.kept.len();
                writing += since.elapsed();
                index_record = Some(index.record);
            }
            Err(d) => {
                findings.push(d);
                return Err(BuildError::Site(findings));
            }
        }
    }
    let mut pdfs = pdf::Edition::default();
    if let Some((made, took)) = printed {
        timings.stages.push(("pdf", took));
        match made {
            Ok(edition) => {
                let since = Instant::now();
                staging.keep(&edition.kept)?;
                writing += since.elapsed();
                pdfs = edition;
            }
            Err(d) => {
                findings.push(d);
                return Err(BuildError::Site(findings));
            }
        }
    }
    // The record of this build, beside the site it describes.
    let since = Instant::now();
    let made = record::Record::new(
        &fingerprints,
        &rendered.units,
        previous.as_ref(),
        index_record,
        checked.as_ref(),
        &pdfs.keys,
    );
    staging.write(&[output::OutputFile {
        path: record::RECORD.to_owned(),
        bytes: made.to_bytes(),
    }])?;
    writing += since.elapsed();
    timings.stages.push(("write", writing));
    let since = Instant::now();
    let previous = staging.commit()?;
    timings.lap("swap", since);
    if searched {
        timings.wall = Some(started.elapsed());
    }
    Ok(BuildReport {
        output: out,
        pages: rendered.pages,
        pages_kept: rendered.units.iter().filter(|u| u.reads.is_none()).count(),
        pdfs: made.pdfs(),
        pdfs_printed: pdfs.printed,
        files,
        warnings: findings,
        elapsed: started.elapsed(),
        timings,
        previous,
        look_locally,
    })
}

/// How to look at a site built for the web on this computer: its pages
/// link to `base_url`'s path, so `public/` opened as it is (a file, or a
/// plain local server) shows them unstyled, with broken links. Said when
/// `base_url` is not this computer.
fn look_locally(config: &config::Config) -> Option<messages::Message> {
    let host = config
        .base_url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split(['/', ':']).next().unwrap_or(""));
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    (!local).then(|| {
        msg!(
            "build-look-locally",
            url = config.base_url.as_str(),
            output = config.output_dir.as_path()
        )
    })
}

/// Where a build writes, and what the previous build there left.
struct Target {
    out: PathBuf,
    /// The staging folder, or why the output folder is refused.
    staging: anyhow::Result<output::Staging>,
    /// The site as loaded now.
    fingerprints: record::Fingerprints,
    /// The previous build's record, against the site now.
    previous: Option<record::Previous>,
}

impl Target {
    fn of(opts: &BuildOptions, site: &site::Site, theme: &render::theme::Theme) -> Target {
        let out_rel = opts
            .output
            .clone()
            .unwrap_or_else(|| site.config.output_dir.clone());
        let out = if out_rel.is_absolute() {
            out_rel.clone()
        } else {
            opts.root.join(&out_rel)
        };
        let staging = output::guard(&opts.root, &out_rel, opts.force)
            .and_then(|()| output::Staging::begin(&out));
        let fingerprints = record::Fingerprints::of(site, theme);
        let previous = staging
            .as_ref()
            .ok()
            .and_then(|_| record::Record::read(&out))
            .map(|r| record::Previous::new(r, &fingerprints));
        Target {
            out,
            staging,
            fingerprints,
            previous,
        }
    }

    /// The files a page made in the previous build, if nothing it read
    /// changed and they are still there as written.
    fn keep(&self, key: &str) -> Option<Vec<String>> {
        let files = self.previous.as_ref()?.unchanged(key)?;
        let before = self.staging.as_ref().ok()?.previous();
        files
            .iter()
            .all(|f| before.intact(f))
            .then(|| files.to_vec())
    }

    /// The open data files to make again (all when `None`), and the
    /// previous search index's parts.
    fn reusable(&self, site: &site::Site) -> (Option<opendata::Touched>, Option<search::Before>) {
        let (Ok(staging), Some(previous)) = (&self.staging, &self.previous) else {
            return (None, None);
        };
        let before = staging.previous();
        let data = previous.changed().map(|changed| {
            let mut touched = opendata::Touched::by(site, changed);
            let addr = address::Addresses::new(&site.config);
            touched.or_not_intact(site, &addr, |p| before.intact(p));
            touched
        });
        let index = previous.index().map(|index| search::Before {
            site: std::sync::Arc::clone(&before),
            index: index.clone(),
        });
        (data, index)
    }
}

/// `bantin new PERIOD`: the folder of a new release in the site at
/// `root`. The site must load (its catalogue and last year's figures are
/// what the new files are made of).
pub fn new_release(root: &Path, period: &str) -> Result<scaffold::NewRelease, BuildError> {
    let period = period::Period::parse(period).map_err(|m| {
        let mut list = Diagnostics::new();
        list.push(Diagnostic::error("bantin new", m));
        BuildError::Site(list)
    })?;
    let loaded = pipeline::load(root, None).map_err(BuildError::Site)?;
    // A new release is made of the catalogue and last year's figures: a
    // site whose catalogue or theme cannot be read has to be fixed first.
    let Some(theme) = loaded.theme.as_ref().filter(|_| loaded.checkable()) else {
        return Err(BuildError::Site(loaded.findings));
    };
    Ok(scaffold::new_release(&loaded.site, theme, &period)?)
}

/// A first map for `bantin import`, proposed from the site's catalogue
/// and the workbook's row labels (`bantin import --init-map`).
pub fn import_proposal(
    root: &Path,
    workbook: &Path,
    period: Option<&str>,
) -> Result<String, Diagnostics> {
    let one = |d: Diagnostic| {
        let mut list = Diagnostics::new();
        list.push(d);
        list
    };
    let period = match period {
        Some(p) => {
            Some(period::Period::parse(p).map_err(|m| one(Diagnostic::error("--period", m)))?)
        }
        None => None,
    };
    let loaded = pipeline::load(root, None)?;
    if !loaded.checkable() {
        return Err(loaded.findings);
    }
    let site = &loaded.site;
    import::propose(
        workbook,
        &site.catalog,
        &site.config.default_language,
        period.as_ref(),
    )
    .map_err(|m| one(Diagnostic::error(workbook, m)))
}

/// What `bantin check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Every finding, errors and warnings.
    pub findings: Diagnostics,
    /// Whether the site could be rendered (in memory) and its links
    /// checked; not when errors stopped it before.
    pub output_checked: bool,
    pub timings: Timings,
}

/// Runs every rule without writing anything: the pipeline up to the
/// links, in memory.
pub fn check_site(root: &Path, base_url: Option<&str>) -> CheckReport {
    let run = pipeline::run(root, base_url, Stage::Links);
    CheckReport {
        findings: run.findings,
        output_checked: run.links_checked,
        timings: run.timings,
    }
}

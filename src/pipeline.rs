//! The pipeline, in one place: **load** → **check** → **render** →
//! **links** → **index**, each a function from the last one's output to
//! its own, and one rule for when a stage's findings stop the run
//! ([`stops_after`]). `bantin build` runs it to the end and writes,
//! `bantin check` runs it to the links and reports, `bantin serve` runs
//! its stages (some on part of the site) and shows what they found.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Level, Rule};
use crate::output::OutputFile;
use crate::render::theme::Theme;
use crate::render::{self, Rendered};
use crate::site::reads::{self, Input};
use crate::site::{Release, Site};
use crate::{check, opendata, search};

/// The stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// site.toml, the catalogue, every release and page, the theme.
    Load,
    /// The rules over the loaded site.
    Check,
    /// Every page and file, in memory.
    Render,
    /// Every link of the rendered pages leads to a file of the site.
    Links,
    /// The search index of the rendered pages.
    Index,
}

/// The one stopping rule: whether the findings so far keep the run from
/// going past `stage`. Errors never stop a run before the next stage
/// could still find something, so one run reports every problem:
///
/// - loading sets aside what it cannot read (a release, a page) and the
///   rules run on the rest ([`Loaded::checkable`] and
///   [`Loaded::renderable`] say what a broken catalogue or theme stops);
/// - problems in the figures do not keep the pages from rendering (so
///   their links are checked too); a page that cannot be made (a call
///   that names nothing) is left out, and the others are still made;
/// - a site with any error once its links are checked is not indexed (it
///   will not be published).
pub fn stops_after(stage: Stage, findings: &Diagnostics) -> bool {
    let errors = || findings.iter().filter(|d| d.level == Level::Error);
    match stage {
        Stage::Load => false,
        Stage::Check => errors().any(|d| d.rule == Rule::Theme),
        Stage::Render | Stage::Links | Stage::Index => findings.has_errors(),
    }
}

/// What the load stage read: the site (less what it set aside), its theme
/// if the theme's files could be read, and every problem found.
pub struct Loaded {
    pub site: Site,
    pub theme: Option<Theme>,
    pub findings: Diagnostics,
}

impl Loaded {
    /// Whether the rules can run: not without a catalogue, against which
    /// every figure would be unknown (its own errors are reported).
    pub fn checkable(&self) -> bool {
        !self.site.catalog.unread
    }

    /// Whether the pages can be made: not without a theme.
    pub fn renderable(&self) -> bool {
        self.checkable() && self.theme.is_some()
    }
}

/// What the check stage found: the rules across releases, and those of
/// each release alone, by its folder (`serve` runs those again only for
/// the release edited).
#[derive(Debug, Default)]
pub struct Checked {
    pub across: Diagnostics,
    pub releases: BTreeMap<PathBuf, Diagnostics>,
    /// What the rules of each release read of the site (input keys), by
    /// folder: the build record keeps them with the findings.
    pub reads: BTreeMap<PathBuf, Vec<String>>,
}

/// The findings of a release's own rules that the previous build found,
/// with what they read, when none of that has changed since.
pub type CheckReuse<'a> = &'a (dyn Fn(&Release) -> Option<(Diagnostics, Vec<String>)> + Sync);

impl Checked {
    pub fn all(&self) -> Diagnostics {
        let mut all = self.across.clone();
        for found in self.releases.values() {
            all.extend(found.clone());
        }
        all
    }
}

/// Load: reads the site and its theme, with every problem of reading.
/// `base_url` overrides site.toml's. Only a site.toml that cannot be read
/// (or a `--base-url` that is no address) is `Err`.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Loaded, Diagnostics> {
    let (mut site, mut findings) = Site::load(root)?;
    if let Some(url) = base_url {
        site.config.set_base_url(url).map_err(|d| {
            let mut list = Diagnostics::new();
            list.push(d);
            list
        })?;
    }
    let theme = Theme::load(root, &site.config)
        .map_err(|found| findings.extend(found))
        .ok();
    Ok(Loaded {
        site,
        theme,
        findings,
    })
}

/// Check: every rule that needs only the loaded site. The rules of each
/// release run in parallel with each other and with those across them;
/// what they read is recorded, and their findings are taken from the
/// previous build where `reuse` has them.
pub fn check(site: &Site, reuse: Option<CheckReuse>) -> Checked {
    let (across, releases) = rayon::join(
        || check::check_across(site),
        || {
            site.releases()
                .par_iter()
                .map(|b| {
                    if let Some((found, read)) = reuse.and_then(|r| r(b)) {
                        return (b.dir.clone(), found, read);
                    }
                    let (found, mut read) = reads::recording(|| check::check_release(site, b));
                    // Findings point into the data file's text.
                    read.insert(Input::Source(b.slug().into()));
                    let read = read.iter().map(Input::key).collect();
                    (b.dir.clone(), found, read)
                })
                .collect::<Vec<_>>()
        },
    );
    let mut checked = Checked {
        across,
        ..Checked::default()
    };
    for (dir, found, read) in releases {
        checked.releases.insert(dir.clone(), found);
        checked.reads.insert(dir, read);
    }
    checked
}

/// Render: every page and file of the site, but for the pages `reuse`
/// keeps from the previous build and the open data files `touched` leaves
/// alone. Each page is also handed to `indexing` as it is made, when
/// there is one; files go to `sink` as they are made, or are kept in
/// memory without one.
pub fn render(
    site: &Site,
    theme: &Theme,
    reuse: Option<render::Reuse>,
    touched: Option<&opendata::Touched>,
    indexing: Option<&search::Indexer>,
    sink: Option<render::Sink>,
) -> Result<Rendered, Diagnostics> {
    render::render(
        site,
        theme,
        reuse,
        touched,
        &|n, lang, made| {
            if let Some(indexer) = indexing {
                indexer.add(n, lang, made);
            }
        },
        sink,
    )
}

/// Links: the rules over a whole rendered site kept in memory. Only the
/// pages made now are read; those kept from the previous build passed
/// this check then, and every link target they could lose (a release, an
/// indicator's page) is an input whose change would have rendered them
/// again.
pub fn links(site: &Site, rendered: &Rendered) -> Diagnostics {
    let paths = all_paths(rendered);
    check::check_output(
        site,
        &paths,
        rendered
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice())),
    )
}

/// Every file of a rendered site: made now, or kept, or (for a page that
/// could not be made, whose own errors are reported) to be made.
fn all_paths(rendered: &Rendered) -> HashSet<&str> {
    rendered
        .made
        .iter()
        .chain(&rendered.kept)
        .chain(&rendered.failed_paths)
        .map(String::as_str)
        .collect()
}

/// Index: the search index of a rendered site, from the index its pages
/// were fed to while rendering.
pub fn index(indexer: search::Indexer) -> Result<search::Index, Diagnostic> {
    indexer.finish()
}

/// How long each stage of a run took, in order (`--timings`). Stages
/// that ran side by side (the search index beside writing) are listed
/// each with its own time, and `wall` is then the time of the whole.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
    /// The whole run, where stages overlapped; otherwise their sum.
    pub wall: Option<Duration>,
}

impl Timings {
    /// Records `stage` as having taken the time since `since`, and
    /// returns now, for the next stage.
    pub fn lap(&mut self, stage: &'static str, since: Instant) -> Instant {
        let now = Instant::now();
        self.stages.push((stage, now - since));
        now
    }

    /// One line per stage and the total, for the terminal.
    pub fn table(&self) -> String {
        let total = self
            .wall
            .unwrap_or_else(|| self.stages.iter().map(|(_, d)| *d).sum());
        let mut out = String::new();
        for (stage, d) in self.stages.iter().chain([&("total", total)]) {
            let share = if total.is_zero() {
                0.0
            } else {
                d.as_secs_f64() / total.as_secs_f64() * 100.0
            };
            out.push_str(&format!(
                "  {stage:<8} {:>8.1} ms  {share:>5.1}%\n",
                d.as_secs_f64() * 1000.0
            ));
        }
        if self.wall.is_some() {
            out.push_str("  (the search index is made while the pages are written)\n");
        }
        out
    }
}

/// A run of the pipeline: what it made and everything it found.
#[derive(Default)]
pub struct Run {
    pub site: Option<(Site, Theme)>,
    /// The rendered site, with its search index when the run reached it.
    pub rendered: Option<Rendered>,
    pub findings: Diagnostics,
    /// Whether the links of the rendered pages were checked.
    pub links_checked: bool,
    /// What the check stage found, with what each release's rules read.
    pub checked: Option<Checked>,
    pub timings: Timings,
    /// The search index, fed every page while rendering, to be finished
    /// with [`index`] (so it can finish beside writing); only when the run
    /// went to [`Stage::Index`] and nothing stopped it.
    pub indexing: Option<search::Indexer>,
}

/// What a run may take from the previous build in its output folder.
pub struct Reuse<'a> {
    /// Which pages to keep ([`render::Reuse`]).
    pub pages: render::Reuse<'a>,
    /// The open data files to make again, the others being kept; all
    /// when `None`.
    pub data: Option<opendata::Touched>,
    /// The previous search index, whose parts are kept where none of
    /// their pages changed.
    pub index: Option<search::Before>,
    /// The findings of each release's rules, kept where nothing they
    /// read changed.
    pub checks: Option<CheckReuse<'a>>,
}

/// Runs the stages up to `until`, stopping where [`stops_after`] says.
/// The index runs only for a site that has search, and is left for the
/// caller to finish ([`Run::indexing`]).
pub fn run(root: &Path, base_url: Option<&str>, until: Stage) -> Run {
    let since = Instant::now();
    let loaded = load(root, base_url);
    let mut timings = Timings::default();
    timings.lap("load", since);
    // Nothing is written: each file is looked at for its links as it is
    // made, and dropped. The open data files are not made at all: their
    // addresses are known without them (what the pages link to), and
    // they hold no links of their own; making them (two workbooks per
    // release and indicator) would double the time of a check.
    let reuse = Reuse {
        pages: &|_| None,
        data: Some(opendata::Touched::default()),
        index: None,
        checks: None,
    };
    run_loaded(loaded, timings, until, Some(reuse), &|_| {})
}

/// [`run`], after the load stage (whose result and time are given),
/// taking what `reuse` allows from the previous build. Every file goes to
/// `sink` as soon as it is made (and its links are looked at then), so
/// the site is never held in memory whole.
pub fn run_loaded(
    loaded: Result<Loaded, Diagnostics>,
    timings: Timings,
    until: Stage,
    reuse: Option<Reuse>,
    sink: render::Sink,
) -> Run {
    let mut run = Run {
        timings,
        ..Run::default()
    };
    let mut since = Instant::now();
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(found) => {
            run.findings = found;
            return run;
        }
    };
    let (checkable, renderable) = (loaded.checkable(), loaded.renderable());
    let Loaded {
        site,
        theme,
        findings,
    } = loaded;
    run.findings = findings;
    if until == Stage::Load || !checkable {
        run.site = theme.map(|theme| (site, theme));
        return run;
    }
    let (pages, data, before, checks) = match reuse {
        Some(r) => (Some(r.pages), r.data, r.index, r.checks),
        None => (None, None, None, None),
    };
    if until >= Stage::Check {
        let checked = check(&site, checks);
        run.findings.extend(checked.all());
        check::accept::apply(&site, &mut run.findings);
        run.checked = Some(checked);
        since = run.timings.lap("check", since);
    }
    let theme = match theme {
        Some(theme) if renderable => theme,
        _ => return run,
    };
    if until >= Stage::Render && !stops_after(Stage::Check, &run.findings) {
        // Pagefind indexes the pages as they are rendered, on processes of
        // its own; what it makes is kept only if the run goes to the end.
        let indexing = (until >= Stage::Index && site.config.search)
            .then(|| search::Indexer::start(before, &render::page_order(&site)))
            .and_then(|started| started.map_err(|d| run.findings.push(d)).ok());
        let links = check::PageLinks::new(&site, render::planned(&site, &theme));
        let each_file = |files: &[OutputFile]| {
            let with: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
            for f in files {
                links.file(&f.path, &f.bytes, &with);
            }
            sink(files);
        };
        let made = render(
            &site,
            &theme,
            pages,
            data.as_ref(),
            indexing.as_ref(),
            Some(&each_file),
        );
        match made {
            Ok(mut rendered) => {
                run.findings.extend(std::mem::take(&mut rendered.failed));
                run.findings = std::mem::take(&mut run.findings).deduplicated();
                run.rendered = Some(rendered);
            }
            Err(found) => {
                run.findings.extend(found);
                run.findings = std::mem::take(&mut run.findings).deduplicated();
            }
        }
        since = run.timings.lap("render", since);
        run.indexing = indexing;
        if until >= Stage::Links
            && let Some(rendered) = &run.rendered
        {
            run.findings
                .extend(check::check_links(&site, &all_paths(rendered), links));
            run.links_checked = true;
            run.timings.lap("links", since);
        }
    }
    if stops_after(Stage::Links, &run.findings) {
        run.indexing = None;
    }
    run.site = Some((site, theme));
    run
}

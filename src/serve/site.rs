//! The site as served: the files of the last good build, in memory, and
//! the problems of the latest build if it failed. Serving never touches
//! the publish folder: nothing is written to disk at all.
//!
//! After an edit inside one release's folder, only what that release
//! touches is rendered again ([`Model::apply`]): its pages, its
//! neighbours, the later releases whose trend charts include it, pages
//! that cite its period, the lists, its indicators' pages and its open
//! data. Any other change (settings, catalogue, templates, free pages)
//! rebuilds the whole site. A test holds the two to the same result.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::address::{Addresses, File, Page};
use crate::check;
use crate::diagnostic::Diagnostics;
use crate::period::Period;
use crate::pipeline::{self, Stage};
use crate::render::theme::Theme;
use crate::render::views::TREND_PERIODS;
use crate::render::{self, Selection};
use crate::site::{RELEASES_DIR, Site};

/// One state of the preview. Replaced whole after each rebuild.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    /// The last good build: path under the site → content.
    pub files: HashMap<String, Bytes>,
    /// The errors of the latest build, when it failed (the files are then
    /// the previous good build's). Warnings of the latest build otherwise.
    pub problems: Diagnostics,
    pub failed: bool,
    /// Goes up by one with every rebuild; pages reload when it changes.
    pub version: u64,
    /// Site languages, the default first, to tell a page's language by
    /// its address.
    pub languages: Vec<String>,
    /// Whether the site has a search page, to be indexed.
    pub search: bool,
}

impl Snapshot {
    /// The language of a page by its path: `en/…` is English when English
    /// is a site language; everything else is in the default language.
    pub fn language_of(&self, key: &str) -> &str {
        let first = key.split('/').next().unwrap_or("");
        self.languages
            .iter()
            .skip(1)
            .find(|l| *l == first)
            .or(self.languages.first())
            .map_or("en", String::as_str)
    }
}

/// What a rebuild did, for the console.
#[derive(Debug)]
pub struct Outcome {
    pub elapsed: Duration,
    /// Pages rendered.
    pub pages: usize,
    /// Whether only part of the site was rendered.
    pub incremental: bool,
}

/// The loaded site kept between rebuilds, and the snapshot made of it.
pub struct Model {
    root: PathBuf,
    base_url: String,
    /// The site and theme of the last good build; `None` when the next
    /// change must rebuild everything (no good build yet, or the site in
    /// memory may differ from the files).
    loaded: Option<(Site, Theme)>,
    /// The findings local to each release (by folder): the warnings of
    /// reading it and of the rules that look at it alone. Kept so that an
    /// edit reads and checks only its own release again.
    local: HashMap<PathBuf, Diagnostics>,
    /// Warnings of reading the rest (settings, free pages), which only a
    /// full rebuild reads again.
    site_warnings: Diagnostics,
    pub snapshot: Snapshot,
}

impl Model {
    /// Builds the whole site for `base_url`.
    pub fn load(root: &Path, base_url: &str) -> (Model, Outcome) {
        let mut model = Model {
            root: root.to_path_buf(),
            base_url: base_url.to_owned(),
            loaded: None,
            local: HashMap::new(),
            site_warnings: Diagnostics::new(),
            snapshot: Snapshot::default(),
        };
        let outcome = model.rebuild_all();
        (model, outcome)
    }

    /// Brings the snapshot up to date after `changed` files (absolute
    /// paths) changed.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Outcome {
        let Some(dirs) = release_folders(&self.root, changed) else {
            return self.rebuild_all();
        };
        if self.loaded.is_none() {
            return self.rebuild_all();
        }
        self.rebuild_releases(&dirs)
    }

    fn rebuild_all(&mut self) -> Outcome {
        let started = Instant::now();
        let mut local: HashMap<PathBuf, Diagnostics> = HashMap::new();
        let mut site_warnings = Diagnostics::new();
        let result =
            pipeline::load(&self.root, Some(&self.base_url)).and_then(|(site, theme, read)| {
                // Warnings of reading, filed under their release.
                for w in read.iter() {
                    match site.releases().iter().find(|b| w.file.starts_with(&b.dir)) {
                        Some(b) => local.entry(b.dir.clone()).or_default().push(w.clone()),
                        None => site_warnings.push(w.clone()),
                    }
                }
                let checked = pipeline::check(&site);
                let mut warnings = read;
                warnings.extend(checked.all());
                for (dir, found) in checked.releases {
                    local.entry(dir).or_default().extend(found);
                }
                if pipeline::stops_after(Stage::Check, &warnings) {
                    return Err(warnings);
                }
                let rendered = match pipeline::render(&site, &theme, None, None) {
                    Ok(r) => r,
                    Err(found) => {
                        warnings.extend(found);
                        return Err(warnings.deduplicated());
                    }
                };
                warnings.extend(pipeline::links(&site, &rendered));
                if warnings.has_errors() {
                    return Err(warnings);
                }
                Ok((site, theme, rendered, warnings))
            });
        match result {
            Ok((site, theme, rendered, warnings)) => {
                let pages = rendered.pages.values().sum();
                let files = rendered
                    .files
                    .into_iter()
                    .map(|f| (f.path, Bytes::from(f.bytes)))
                    .collect();
                self.snapshot = Snapshot {
                    files,
                    problems: warnings,
                    failed: false,
                    version: self.snapshot.version + 1,
                    languages: site.config.languages.clone(),
                    search: site.config.search,
                };
                self.loaded = Some((site, theme));
                self.local = local;
                self.site_warnings = site_warnings;
                Outcome {
                    elapsed: started.elapsed(),
                    pages,
                    incremental: false,
                }
            }
            Err(problems) => self.failed(problems, started, false),
        }
    }

    /// Keeps the files, shows the problems; the next change rebuilds all.
    fn failed(&mut self, problems: Diagnostics, started: Instant, incremental: bool) -> Outcome {
        self.loaded = None;
        self.snapshot.problems = problems;
        self.snapshot.failed = true;
        self.snapshot.version += 1;
        Outcome {
            elapsed: started.elapsed(),
            pages: 0,
            incremental,
        }
    }

    fn rebuild_releases(&mut self, dirs: &BTreeSet<PathBuf>) -> Outcome {
        let started = Instant::now();
        let Some((mut site, theme)) = self.loaded.take() else {
            return self.rebuild_all();
        };
        let mut selection = Selection::default();
        let mut read: HashMap<&PathBuf, Diagnostics> = HashMap::new();
        let mut gone = Vec::new();
        for dir in dirs {
            let old = site.releases().iter().find(|b| &b.dir == dir).cloned();
            // What showed the release before the edit, should its period
            // change or the release go.
            let mut before = Selection::default();
            if let Some(o) = &old {
                touched(&site, o.period(), &mut before);
            }
            match site.reload_release(dir) {
                Ok(w) => {
                    read.insert(dir, w);
                }
                Err(problems) => return self.failed(problems, started, true),
            }
            let new = site.releases().iter().find(|b| &b.dir == dir);
            match (&old, new) {
                (Some(o), Some(n)) if o.period() == n.period() => {
                    // The same release, edited: its own pages, its files
                    // (the JSON carries its titles), and where its figures
                    // show if they changed.
                    let slug = n.slug();
                    selection.releases.insert(slug.to_owned());
                    selection.data.insert(slug.to_owned());
                    if o.data() != n.data() {
                        selection.figures = true;
                        let ids: BTreeSet<&String> = o
                            .data()
                            .indicators
                            .iter()
                            .chain(&n.data().indicators)
                            .map(|(id, _)| id)
                            .collect();
                        selection.indicators.extend(
                            ids.into_iter()
                                .filter(|id| o.data().fields(id) != n.data().fields(id))
                                .cloned(),
                        );
                        shown_elsewhere(&site, n.period(), &mut selection);
                    }
                }
                (_, new) => {
                    // Added, removed or moved to another period: all that
                    // showed it before and all that shows it now.
                    merge(&mut selection, before);
                    if let Some(n) = new {
                        let p = *n.period();
                        touched(&site, &p, &mut selection);
                    }
                    if let Some(o) = &old
                        && new.is_none_or(|n| n.period() != o.period())
                    {
                        gone.push(*o.period());
                    }
                    selection.figures = true;
                }
            }
        }
        for dir in dirs {
            match site.releases().iter().find(|b| &b.dir == dir) {
                Some(b) => {
                    let mut found = read.remove(dir).unwrap_or_default();
                    found.extend(check::check_release(&site, b));
                    self.local.insert(dir.clone(), found)
                }
                None => self.local.remove(dir),
            };
        }
        let mut warnings = self.site_warnings.clone();
        warnings.extend(check::check_across(&site));
        for found in self.local.values() {
            warnings.extend(found.clone());
        }
        if pipeline::stops_after(Stage::Check, &warnings) {
            return self.failed(warnings, started, true);
        }
        let rendered = match render::render_some(&site, &theme, Some(&selection)) {
            Ok(r) => r,
            Err(problems) => {
                warnings.extend(problems);
                return self.failed(warnings.deduplicated(), started, true);
            }
        };
        // Drop what the selection covers, then put in what it is now: a
        // page or chart that no longer exists must not linger. The last
        // good files stay as they are until the new ones pass the checks.
        let stale = stale_prefixes(&site, &selection, &gone);
        let mut files = self.snapshot.files.clone();
        files.retain(|k, _| {
            !stale.iter().any(|s| {
                if s.ends_with('/') {
                    k.starts_with(s)
                } else {
                    k == s
                }
            })
        });
        let pages = rendered.pages.values().sum();
        let fresh: Vec<String> = rendered.files.iter().map(|f| f.path.clone()).collect();
        for f in rendered.files {
            files.insert(f.path, Bytes::from(f.bytes));
        }
        // Links of the pages just rendered, and of every narrative.
        let paths: HashSet<&str> = files.keys().map(String::as_str).collect();
        let found = check::check_output(
            &site,
            &paths,
            fresh
                .iter()
                .filter_map(|k| files.get(k).map(|b| (k.as_str(), b.as_ref()))),
        );
        warnings.extend(found);
        if pipeline::stops_after(Stage::Links, &warnings) {
            return self.failed(warnings, started, true);
        }
        self.snapshot.files = files;
        self.snapshot.problems = warnings;
        self.snapshot.failed = false;
        self.snapshot.version += 1;
        self.loaded = Some((site, theme));
        Outcome {
            elapsed: started.elapsed(),
            pages,
            incremental: true,
        }
    }
}

/// The release folders (relative to the root) that `changed` lies in, or
/// `None` when a change lies elsewhere and the whole site must be rebuilt.
fn release_folders(root: &Path, changed: &[PathBuf]) -> Option<BTreeSet<PathBuf>> {
    let mut dirs = BTreeSet::new();
    for path in changed {
        let rel = path.strip_prefix(root).ok()?;
        let inside = rel.strip_prefix(RELEASES_DIR).ok()?;
        let folder = inside.components().next()?;
        dirs.insert(Path::new(RELEASES_DIR).join(folder.as_os_str()));
    }
    (!dirs.is_empty()).then_some(dirs)
}

/// Adds to `sel` what shows the figures of the release for `period`.
fn touched(site: &Site, period: &Period, sel: &mut Selection) {
    let Some(b) = site.release(period) else {
        return;
    };
    let slug = b.slug();
    sel.releases.insert(slug.to_owned());
    sel.data.insert(slug.to_owned());
    sel.indicators
        .extend(b.data().indicators.iter().map(|(id, _)| id.clone()));
    // Neighbours link to it by title; every release of its kind links to
    // the latest one.
    let (prev, next) = site.neighbours(b);
    sel.releases
        .extend(prev.into_iter().chain(next).map(|x| x.slug().to_owned()));
    if site.latest_of_kind(b).period() == period {
        sel.releases.extend(
            site.releases()
                .iter()
                .filter(|x| x.period().kind() == period.kind())
                .map(|x| x.slug().to_owned()),
        );
    }
    shown_elsewhere(site, period, sel);
}

/// Adds the pages that show the figures of the release for `period`
/// outside its own: later releases of the same span (their trend charts)
/// and narratives that cite its period.
fn shown_elsewhere(site: &Site, period: &Period, sel: &mut Selection) {
    sel.releases.extend(
        site.releases()
            .iter()
            .filter(|x| x.period().span == period.span && x.period() > period)
            .take(TREND_PERIODS)
            .map(|x| x.slug().to_owned()),
    );
    // Narratives that cite its figures by period.
    let cites = |n: &crate::narrative::Narrative| {
        n.calls.iter().any(|c| {
            c.period
                .as_deref()
                .and_then(|p| Period::parse(p).ok())
                .is_some_and(|p| p.same_coverage(period))
        })
    };
    for x in site.releases() {
        if x.narratives().values().any(cites) {
            sel.releases.insert(x.slug().to_owned());
        }
    }
    for p in &site.pages {
        if p.texts.values().any(cites) {
            sel.pages.insert(p.slug.clone());
        }
    }
}

fn merge(into: &mut Selection, from: Selection) {
    into.releases.extend(from.releases);
    into.indicators.extend(from.indicators);
    into.pages.extend(from.pages);
    into.data.extend(from.data);
    into.figures |= from.figures;
}

/// Keys (exact, or prefixes ending in `/`) of the files the selection
/// renders, including those of releases that are gone.
fn stale_prefixes(site: &Site, sel: &Selection, gone: &[Period]) -> Vec<String> {
    let addr = Addresses::new(&site.config);
    let langs = &site.config.languages;
    let mut out = Vec::new();
    let gone_slugs: Vec<String> = gone.iter().map(Period::slug).collect();
    for slug in sel.releases.iter().chain(&gone_slugs) {
        out.extend(addr.page_outputs(langs, Page::Release(slug)));
    }
    for id in &sel.indicators {
        out.extend(addr.page_outputs(langs, Page::Indicator(id)));
    }
    for slug in &sel.pages {
        out.extend(addr.page_outputs(langs, Page::Free(slug)));
    }
    for slug in sel.data.iter().chain(&gone_slugs) {
        out.push(addr.file_output(File::ReleaseCsv(slug)));
        out.push(addr.file_output(File::ReleaseJson(slug)));
    }
    for id in &sel.indicators {
        out.push(addr.file_output(File::IndicatorCsv(id)));
    }
    out
}

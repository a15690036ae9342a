//! The site as served: the files of the last good build, in memory, and
//! the problems of the latest build if it failed. Serving never touches
//! the publish folder: nothing is written to disk at all.
//!
//! After an edit inside release folders, those releases are read again
//! and only the pages that read what changed are rendered again
//! ([`Model::apply`]), as `bantin build` decides from its record
//! ([`crate::record`]): what each page read is kept from the render that
//! made it. Any other change (settings, catalogue, templates, free pages)
//! rebuilds the whole site. A test holds the two to the same result.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::address::Addresses;
use crate::check;
use crate::diagnostic::Diagnostics;
use crate::opendata::Touched;
use crate::pipeline::{self, Stage};
use crate::record::{Fingerprints, UnitRecord};
use crate::render::print::PrintSource;
use crate::render::theme::Theme;
use crate::render::{self, Rendered};
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
    /// Whether the site has a search page, to be indexed.
    pub search: bool,
    /// The print layouts of the PDF editions, by the PDF's path: printed
    /// when asked for ([`super::pdf`]).
    pub prints: HashMap<String, Arc<PrintSource>>,
    /// The address the site is served at.
    pub base_url: String,
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
    /// The site and theme of the last good build, with the fingerprints
    /// of its inputs; `None` when the next change must rebuild everything
    /// (no good build yet, or the site in memory may differ from the
    /// files).
    loaded: Option<(Site, Theme, Fingerprints)>,
    /// Every page of the last good build: what it read and its files.
    units: HashMap<String, UnitRecord>,
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
            units: HashMap::new(),
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
        let result = pipeline::load(&self.root, Some(&self.base_url)).and_then(|loaded| {
            let (checkable, renderable) = (loaded.checkable(), loaded.renderable());
            let pipeline::Loaded {
                site,
                theme,
                findings: read,
            } = loaded;
            // Warnings of reading, filed under their release.
            for w in read.iter() {
                match site.releases().iter().find(|b| w.file.starts_with(&b.dir)) {
                    Some(b) => local.entry(b.dir.clone()).or_default().push(w.clone()),
                    None => site_warnings.push(w.clone()),
                }
            }
            if !checkable {
                return Err(read);
            }
            let checked = pipeline::check(&site, None);
            let mut warnings = read;
            warnings.extend(checked.all());
            check::accept::apply(&site, &mut warnings);
            let theme = match theme {
                Some(theme) if renderable => theme,
                _ => return Err(warnings),
            };
            for (dir, found) in checked.releases {
                local.entry(dir).or_default().extend(found);
            }
            if pipeline::stops_after(Stage::Check, &warnings) {
                return Err(warnings);
            }
            let mut rendered = match pipeline::render(&site, &theme, None, None, None, None) {
                Ok(r) => r,
                Err(found) => {
                    warnings.extend(found);
                    return Err(warnings.deduplicated());
                }
            };
            warnings.extend(std::mem::take(&mut rendered.failed));
            let mut warnings = warnings.deduplicated();
            warnings.extend(pipeline::links(&site, &rendered));
            if warnings.has_errors() {
                return Err(warnings);
            }
            Ok((site, theme, rendered, warnings))
        });
        match result {
            Ok((site, theme, rendered, warnings)) => {
                let pages = rendered.pages.values().sum();
                let fingerprints = Fingerprints::of(&site, &theme);
                self.units.clear();
                record_units(&mut self.units, &rendered);
                let files = rendered
                    .files
                    .into_iter()
                    .map(|f| (f.path, Bytes::from(f.bytes)))
                    .collect();
                let prints = rendered
                    .prints
                    .into_iter()
                    .map(|p| (p.path.clone(), Arc::new(p)))
                    .collect();
                self.snapshot = Snapshot {
                    files,
                    problems: warnings,
                    failed: false,
                    version: self.snapshot.version + 1,
                    search: site.config.search,
                    prints,
                    base_url: site.config.base_url.clone(),
                };
                self.loaded = Some((site, theme, fingerprints));
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
        let Some((mut site, theme, mut fingerprints)) = self.loaded.take() else {
            return self.rebuild_all();
        };
        // The releases as they were and as they are, by slug.
        let mut slugs = BTreeSet::new();
        let mut read: HashMap<&PathBuf, Diagnostics> = HashMap::new();
        // Revisions change the figures of other releases: a release that
        // revises (before or after the edit) rebuilds the whole site.
        let revises = |site: &Site, dir: &PathBuf| {
            site.releases()
                .iter()
                .any(|b| &b.dir == dir && !b.data().revisions.is_empty())
        };
        for dir in dirs {
            if revises(&site, dir) {
                self.loaded = Some((site, theme, fingerprints));
                return self.rebuild_all();
            }
            if let Some(old) = site.releases().iter().find(|b| &b.dir == dir) {
                slugs.insert(old.slug().to_owned());
            }
            match site.reload_release(dir) {
                Ok(w) => {
                    read.insert(dir, w);
                }
                Err(problems) => return self.failed(problems, started, true),
            }
            if revises(&site, dir) {
                return self.rebuild_all();
            }
            if let Some(new) = site.releases().iter().find(|b| &b.dir == dir) {
                slugs.insert(new.slug().to_owned());
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
        check::accept::apply(&site, &mut warnings);
        if pipeline::stops_after(Stage::Check, &warnings) {
            return self.failed(warnings, started, true);
        }
        let changed = fingerprints.refresh(&site, &slugs);
        let touched = Touched::by(&site, &changed);
        let units = &self.units;
        let keep = |key: &str| -> Option<Vec<String>> {
            let unit = units.get(key)?;
            (!unit.reads.iter().any(|r| changed.contains(r))).then(|| unit.files.clone())
        };
        let rendered = match render::render_changed(&site, &theme, &touched, &keep) {
            Ok(r) if r.failed.has_errors() => {
                warnings.extend(r.failed);
                return self.failed(warnings.deduplicated(), started, true);
            }
            Ok(r) => r,
            Err(problems) => {
                warnings.extend(problems);
                return self.failed(warnings.deduplicated(), started, true);
            }
        };
        // The files of every page rendered now, or gone, are dropped,
        // and so are the open data files made again, or of releases that
        // are gone; then the new ones go in. The last good files stay as
        // they are until the new ones pass the checks.
        let mut files = self.snapshot.files.clone();
        let mut print_layouts = self.snapshot.prints.clone();
        let kept: HashSet<&str> = rendered
            .units
            .iter()
            .filter(|u| u.reads.is_none())
            .map(|u| u.key.as_str())
            .collect();
        for (key, unit) in units {
            if !kept.contains(key.as_str()) {
                for f in &unit.files {
                    files.remove(f);
                    print_layouts.remove(f);
                }
            }
        }
        for stale in touched.paths(&site, &Addresses::new(&site.config)) {
            files.remove(&stale);
        }
        let fresh: Vec<String> = rendered.files.iter().map(|f| f.path.clone()).collect();
        let pages = rendered.units.len() - kept.len();
        let mut next_units = HashMap::with_capacity(rendered.units.len());
        for unit in &rendered.units {
            if unit.reads.is_none()
                && let Some(was) = self.units.get(&unit.key)
            {
                next_units.insert(unit.key.clone(), was.clone());
            }
        }
        record_units(&mut next_units, &rendered);
        for f in rendered.files {
            files.insert(f.path, Bytes::from(f.bytes));
        }
        for p in rendered.prints {
            print_layouts.insert(p.path.clone(), Arc::new(p));
        }
        // Links of the pages just rendered, and of every narrative.
        let paths: HashSet<&str> = files
            .keys()
            .chain(print_layouts.keys())
            .map(String::as_str)
            .collect();
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
        self.units = next_units;
        self.snapshot.files = files;
        self.snapshot.prints = print_layouts;
        self.snapshot.problems = warnings;
        self.snapshot.failed = false;
        self.snapshot.version += 1;
        self.loaded = Some((site, theme, fingerprints));
        Outcome {
            elapsed: started.elapsed(),
            pages,
            incremental: true,
        }
    }
}

/// Keeps what each page rendered now read, and its files.
fn record_units(units: &mut HashMap<String, UnitRecord>, rendered: &Rendered) {
    for unit in &rendered.units {
        if let Some(reads) = &unit.reads {
            units.insert(
                unit.key.clone(),
                UnitRecord {
                    reads: reads.iter().map(|r| r.key()).collect(),
                    files: unit.files.clone(),
                },
            );
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

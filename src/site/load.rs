//! Reading a site from disk, each file once. A file that cannot be read or
//! parsed is reported and its release or page is set aside; everything
//! else is still loaded, so the rules run on it and one run reports every
//! problem. Only a `site.toml` that cannot be read stops the load.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{DATA_FILE, FreePage, PAGES_DIR, RELEASES_DIR, RESERVED_SLUGS, Release, Site};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::dataset;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::fingerprint::Fingerprint;
use crate::msg;
use crate::narrative::Narrative;
use crate::period::Period;
use crate::yaml::Source;

/// What was set aside for its errors: rules that would compare with it
/// are skipped rather than report it missing, and links to its pages are
/// not called dead (its own errors are what to fix).
#[derive(Debug, Clone, Default)]
pub struct SetAside {
    /// The periods of releases set aside, where their files say it.
    pub periods: Vec<Period>,
    /// The slugs of free pages set aside.
    pub pages: Vec<String>,
}

impl SetAside {
    /// Whether a release covering the months of `period` was set aside.
    pub fn has_period(&self, period: &Period) -> bool {
        self.periods.iter().any(|p| p.same_coverage(period))
    }

    /// Whether an output path (`en/2021-q1/index.html`, `data/2021-q1.csv`)
    /// belongs to something set aside: one of its parts is named for it.
    pub fn has_path(&self, path: &str) -> bool {
        if self.periods.is_empty() && self.pages.is_empty() {
            return false;
        }
        let slugs: Vec<String> = self
            .periods
            .iter()
            .map(Period::slug)
            .chain(self.pages.iter().cloned())
            .collect();
        path.split('/').any(|part| {
            let stem = part.split('.').next().unwrap_or(part);
            slugs.iter().any(|s| s == stem)
        })
    }
}

impl Site {
    /// Loads the whole site with every problem found in it. Only a
    /// `site.toml` that cannot be read is `Err`: without it nothing else
    /// can be read.
    pub fn load(root: &Path) -> Result<(Site, Diagnostics), Diagnostics> {
        let mut problems = Diagnostics::new();
        let (config, found) = Config::load(root).map_err(|list| {
            let mut d = Diagnostics::new();
            list.into_iter().for_each(|x| d.push(x));
            d
        })?;
        found.into_iter().for_each(|d| problems.push(d));
        let (catalog, found) = Catalog::load(root, &config);
        found.into_iter().for_each(|d| problems.push(d));
        // Without a catalogue the releases are still read (for their own
        // mistakes), but no figure can be checked against its indicator.
        let catalog = catalog.unwrap_or_else(Catalog::unread);
        let mut set_aside = SetAside::default();
        let releases = load_releases(root, &config, &catalog, &mut set_aside, &mut problems);
        let pages = load_pages(root, &config, &mut set_aside, &mut problems);
        let calendar = load_calendar(root, &mut problems);
        let vintages = super::vintages::Vintages::of(&releases);
        let site = Site {
            root: root.to_path_buf(),
            config,
            catalog,
            releases,
            pages,
            set_aside,
            calendar,
            vintages,
        };
        Ok((site, problems))
    }

    /// Reads one release folder again (`dir` relative to the root), after
    /// an edit: replaces, adds or (if the folder is gone) removes it. On
    /// errors the site is left as it was.
    pub fn reload_release(&mut self, dir: &Path) -> Result<Diagnostics, Diagnostics> {
        let mut problems = Diagnostics::new();
        let folder = self.root.join(dir);
        let hidden = dir
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        let fresh = if folder.is_dir() && !hidden {
            load_release(
                &self.root,
                &folder,
                &self.config,
                &self.catalog,
                &mut problems,
            )
            .ok()
        } else {
            None
        };
        if problems.has_errors() {
            return Err(problems);
        }
        let rest: Vec<&Release> = self.releases.iter().filter(|b| b.dir != dir).collect();
        if let Some(b) = &fresh
            && let Some(other) = rest.iter().find(|x| x.period().same_coverage(b.period()))
        {
            problems.push(duplicate_period(&self.root, b, other));
            return Err(problems);
        }
        self.releases.retain(|b| b.dir != dir);
        if let Some(b) = fresh {
            self.set_aside
                .periods
                .retain(|p| !p.same_coverage(b.period()));
            let at = self.releases.partition_point(|x| x.period() < b.period());
            self.releases.insert(at, b);
        }
        self.vintages = super::vintages::Vintages::of(&self.releases);
        Ok(problems)
    }
}

fn load_releases(
    root: &Path,
    config: &Config,
    catalog: &Catalog,
    set_aside: &mut SetAside,
    problems: &mut Diagnostics,
) -> Vec<Release> {
    let dir = root.join(RELEASES_DIR);
    let mut out: Vec<Release> = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    // Links are followed, so a release folder linked from elsewhere in the
    // site is read; one linked from outside is refused file by file.
    let mut folders: Vec<PathBuf> = WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| match e {
            Ok(e) if e.file_type().is_dir() => Some(e.into_path()),
            Ok(_) => None,
            Err(err) => {
                let shown = err
                    .path()
                    .map_or_else(|| PathBuf::from(RELEASES_DIR), |p| display_path(root, p));
                problems.push(Diagnostic::error(
                    shown,
                    msg!("folder-unreadable", reason = err.to_string()),
                ));
                None
            }
        })
        .collect();
    folders.retain(|f| {
        !f.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
    });
    // Folders are read and parsed in parallel; their findings and the
    // duplicate periods are then taken in folder order, so reports do not
    // depend on which thread finished first.
    let loaded: Vec<(Result<Release, Option<Period>>, Diagnostics)> = folders
        .par_iter()
        .map(|folder| {
            let mut found = Diagnostics::new();
            let b = load_release(root, folder, config, catalog, &mut found);
            (b, found)
        })
        .collect();
    // A period's coverage (`2021-Q1` and `2021-3M` are one), to find a
    // second release of it without comparing every pair.
    let mut covered: HashMap<(i32, (u8, u8)), usize> = HashMap::new();
    for (b, found) in loaded {
        problems.extend(found);
        let b = match b {
            Ok(b) => b,
            Err(period) => {
                set_aside.periods.extend(period);
                continue;
            }
        };
        let coverage = (b.period().year, b.period().months());
        if let Some(&other) = covered.get(&coverage) {
            problems.push(duplicate_period(root, &b, &out[other]));
            continue;
        }
        covered.insert(coverage, out.len());
        out.push(b);
    }
    out.sort_by(|a, b| a.period().cmp(b.period()));
    out
}

/// One release folder: its data file and narratives. A release with any
/// error is set aside whole (a release shown without the narrative that
/// failed would be reported as untranslated), with its period when its
/// data file says it.
fn load_release(
    root: &Path,
    folder: &Path,
    config: &Config,
    catalog: &Catalog,
    problems: &mut Diagnostics,
) -> Result<Release, Option<Period>> {
    let rel = display_path(root, folder);
    let data_path = folder.join(DATA_FILE);
    let shown = rel.join(DATA_FILE);
    // A name that is there but no file (a folder, a broken or looping
    // link) is read below, which says why it cannot be.
    let present = data_path.symlink_metadata().is_ok();
    if !present {
        problems.push(
            Diagnostic::error(&rel, msg!("release-no-data"))
                .with_hint(msg!("release-no-data-hint")),
        );
        return Err(None);
    }
    let text = crate::fs::read_text(root, &data_path, &shown).map_err(|d| problems.push(d));
    let errors_before = problems.count(crate::Level::Error);
    let narratives = load_texts(root, folder, &rel, "index", config, problems);
    let texts_failed = problems.count(crate::Level::Error) > errors_before;
    let Ok(text) = text else {
        return Err(None);
    };
    let src = Source {
        shown: &shown,
        text: &text,
    };
    match dataset::parse(&src, catalog) {
        Ok(data) if texts_failed => Err(Some(data.period)),
        Ok(data) => Ok(Release {
            source: Fingerprint::of_bytes(text.as_bytes()),
            data_file: rel.join(DATA_FILE),
            dir: rel,
            slug: Arc::from(data.period.slug()),
            data,
            narratives,
        }),
        Err(list) => {
            list.into_iter().for_each(|d| problems.push(d));
            Err(period_written(&text))
        }
    }
}

/// The period a data file that did not parse says it is, if a line
/// `period: …` says so plainly: its neighbours' rules then know it is
/// there.
fn period_written(text: &str) -> Option<Period> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix("period:")?;
        let v = v.split(" #").next()?.trim().trim_matches(['"', '\'']);
        Period::parse(v).ok()
    })
}

/// A second release of a period, located at the `period:` key of its file.
fn duplicate_period(root: &Path, b: &Release, other: &Release) -> Diagnostic {
    let shown = b.data_file();
    let text = crate::fs::read_text(root, &root.join(shown), shown).unwrap_or_default();
    let src = Source { shown, text: &text };
    let message = msg!(
        "release-duplicate-period",
        period = b.period().id(),
        other = other.data_file()
    );
    src.error(&crate::yaml::YamlPath::root().key("period"), false, message)
        .with_hint(msg!("release-duplicate-period-hint"))
}

/// The release calendar, if the site has one (a calendar with mistakes is
/// reported and left out).
fn load_calendar(root: &Path, problems: &mut Diagnostics) -> Option<crate::calendar::Calendar> {
    let shown = Path::new(crate::calendar::FILE);
    let path = root.join(shown);
    if path.symlink_metadata().is_err() {
        return None;
    }
    let text = crate::fs::read_text(root, &path, shown)
        .map_err(|d| problems.push(d))
        .ok()?;
    crate::calendar::parse(&Source { shown, text: &text })
        .map_err(|list| list.into_iter().for_each(|d| problems.push(d)))
        .ok()
}

/// Reads `<stem>.<lang>.md` files of a folder, one per site language.
fn load_texts(
    root: &Path,
    folder: &Path,
    rel: &Path,
    stem: &str,
    config: &Config,
    problems: &mut Diagnostics,
) -> BTreeMap<String, Narrative> {
    let mut texts = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return texts;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    for name in names {
        let Some(lang) = name
            .strip_prefix(stem)
            .and_then(|r| r.strip_prefix('.'))
            .and_then(|r| r.strip_suffix(".md"))
        else {
            continue;
        };
        let shown = rel.join(&name);
        if !config.languages.iter().any(|l| l == lang) {
            problems.push(
                Diagnostic::warning(
                    &shown,
                    msg!(
                        "text-language-unknown",
                        lang = lang,
                        languages = config.languages.join(", ")
                    ),
                )
                .with_hint(msg!("text-language-unknown-hint")),
            );
            continue;
        }
        match crate::fs::read_text(root, &folder.join(&name), &shown)
            .map_err(|d| vec![d])
            .and_then(|t| Narrative::parse(&t, &shown))
        {
            Ok(n) => {
                texts.insert(lang.to_owned(), n);
            }
            Err(list) => list.into_iter().for_each(|d| problems.push(d)),
        }
    }
    texts
}

fn load_pages(
    root: &Path,
    config: &Config,
    set_aside: &mut SetAside,
    problems: &mut Diagnostics,
) -> Vec<FreePage> {
    let dir = root.join(PAGES_DIR);
    let mut pages: BTreeMap<String, FreePage> = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut stems: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md"))
        .filter_map(|n| n.split('.').next().map(str::to_owned))
        .collect();
    stems.sort();
    stems.dedup();
    let rel = PathBuf::from(PAGES_DIR);
    for stem in stems {
        let valid = !stem.is_empty()
            && stem
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid
            || RESERVED_SLUGS.contains(&stem.as_str())
            || config.languages.contains(&stem)
            || crate::period::Period::parse(&stem).is_ok()
        {
            problems.push(
                Diagnostic::error(
                    rel.join(format!("{stem}.md")),
                    msg!("page-bad-name", stem = &stem),
                )
                .with_hint(msg!("page-bad-name-hint")),
            );
            continue;
        }
        let errors_before = problems.count(crate::Level::Error);
        let texts = load_texts(root, &dir, &rel, &stem, config, problems);
        if problems.count(crate::Level::Error) > errors_before {
            set_aside.pages.push(stem);
            continue;
        }
        if !texts.is_empty() {
            pages.insert(stem.clone(), FreePage { slug: stem, texts });
        }
    }
    pages.into_values().collect()
}

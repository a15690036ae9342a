//! The loaded site: settings, catalogue, releases and free pages, read from
//! disk once. Loading collects every problem in every file before failing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::catalog::{Catalog, Indicator};
use crate::config::Config;
use crate::dataset::{self, Data, Fields};
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::fingerprint::Fingerprint;
use crate::narrative::Narrative;
use crate::period::Period;
use crate::yaml::Source;

pub(crate) mod reads;

use reads::Input;

/// One release: a folder under `content/bulletins/`.
///
/// Its figures and narratives are read through [`Release::data`] and
/// [`Release::narratives`], which note the read for the page being
/// rendered ([`reads`]); its period, slug and folder are what it is.
#[derive(Debug, Clone)]
pub struct Release {
    /// The folder, relative to the site root.
    pub dir: PathBuf,
    data: Data,
    /// Narratives by language; a data-only release has none.
    narratives: BTreeMap<String, Narrative>,
    /// Its period's slug, the name of its pages and files (`2021-q1`).
    slug: Arc<str>,
    /// `data.yaml` in its folder, relative to the site root.
    data_file: PathBuf,
    /// The fingerprint of that file's text.
    source: Fingerprint,
}

impl Release {
    pub fn period(&self) -> &Period {
        &self.data.period
    }
    pub fn slug(&self) -> &str {
        &self.slug
    }
    pub fn data_file(&self) -> &Path {
        &self.data_file
    }
    /// The fingerprint of its data file's text, positions and all.
    pub(crate) fn source(&self) -> Fingerprint {
        self.source
    }
    /// Its figures.
    pub fn data(&self) -> &Data {
        reads::release(&self.slug, false);
        &self.data
    }
    /// Its narratives, by language.
    pub fn narratives(&self) -> &BTreeMap<String, Narrative> {
        reads::release(&self.slug, true);
        &self.narratives
    }
    /// When it was published: part of the list of releases (the home page
    /// shows the latest published), not of its figures.
    pub fn published(&self) -> Option<crate::dataset::Date> {
        reads::listing();
        self.data.published
    }
    /// The languages it is written in, without reading the texts.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        reads::listing();
        self.narratives.keys().map(String::as_str)
    }
}

/// A free page (`content/pages/about.vi.md`), in each language written.
#[derive(Debug, Clone)]
pub struct FreePage {
    pub slug: String,
    pub texts: BTreeMap<String, Narrative>,
}

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub catalog: Catalog,
    /// In chronological order; read through [`Site::releases`].
    releases: Vec<Release>,
    /// In slug order.
    pub pages: Vec<FreePage>,
}

pub const RELEASES_DIR: &str = "content/bulletins";
pub const PAGES_DIR: &str = "content/pages";
/// A release's figures, in its folder.
pub const DATA_FILE: &str = "data.yaml";

/// Addresses the generator uses itself; a page may not take them.
pub const RESERVED_SLUGS: [&str; 8] = [
    "archive",
    "indicators",
    "data",
    "static",
    "404",
    "feed",
    "search",
    "pagefind",
];

impl Site {
    /// Problems found in one file do not stop the others from being read.
    /// Loads the whole site; on success, with the warnings found.
    pub fn load(root: &Path) -> Result<(Site, Diagnostics), Diagnostics> {
        let mut problems = Diagnostics::new();
        let fail = |list: Vec<Diagnostic>| {
            let mut d = Diagnostics::new();
            list.into_iter().for_each(|x| d.push(x));
            d
        };
        let config = Config::load(root).map_err(fail)?;
        let catalog = Catalog::load(root, &config).map_err(fail)?;
        let releases = load_releases(root, &config, &catalog, &mut problems);
        let pages = load_pages(root, &config, &mut problems);
        if problems.has_errors() {
            return Err(problems);
        }
        let site = Site {
            root: root.to_path_buf(),
            config,
            catalog,
            releases,
            pages,
        };
        Ok((site, problems))
    }

    /// Every release, in chronological order.
    pub fn releases(&self) -> &[Release] {
        reads::listing();
        &self.releases
    }

    /// The release of `period` (or of a period covering the same months:
    /// `2021-3M` finds `2021-Q1`). Releases are kept in period order, so
    /// this is a binary search: pages ask it once per figure they cite.
    pub fn release(&self, period: &Period) -> Option<&Release> {
        self.position(period).map(|i| &self.releases[i])
    }

    /// Where the release of `period` is in [`Site::releases`].
    pub fn position(&self, period: &Period) -> Option<usize> {
        reads::note(Input::Period(coverage(period)));
        // Period order sorts by the months covered first, so every period
        // covering the same months sits together.
        let key = |p: &Period| (p.year, p.months().1, p.months().0);
        let at = self
            .releases
            .partition_point(|b| key(b.period()) < key(period));
        self.releases[at..]
            .iter()
            .take_while(|b| key(b.period()) == key(period))
            .position(|b| b.period().same_coverage(period))
            .map(|i| at + i)
    }

    /// The indicators of the catalogue that have figures in some release,
    /// in catalogue order: those get a page and a series file.
    pub fn indicators_with_data(&self) -> Vec<&Indicator> {
        self.catalog
            .indicators
            .iter()
            .filter(|i| {
                self.releases()
                    .iter()
                    .any(|b| b.data().fields(&i.id).is_some_and(|f| !f.is_empty()))
            })
            .collect()
    }

    /// The latest release of the kind of `b`.
    pub fn latest_of_kind<'a>(&'a self, b: &'a Release) -> &'a Release {
        let kind = b.period().kind();
        reads::note(Input::Kind(kind));
        self.releases
            .iter()
            .rev()
            .find(|x| x.period().kind() == kind)
            .unwrap_or(b)
    }

    /// The release shown on the home page: the one covering the latest
    /// period (of two ending together, the later published).
    pub fn latest(&self) -> Option<&Release> {
        self.releases().iter().max_by(|a, b| {
            (a.period().year, a.period().months().1, a.published()).cmp(&(
                b.period().year,
                b.period().months().1,
                b.published(),
            ))
        })
    }

    /// The previous and next release of the same kind.
    pub fn neighbours(&self, b: &Release) -> (Option<&Release>, Option<&Release>) {
        let kind = b.period().kind();
        reads::note(Input::Kind(kind));
        let Some(i) = self.position(b.period()) else {
            return (None, None);
        };
        let same = |x: &&Release| x.period().kind() == kind;
        (
            self.releases[..i].iter().rev().find(same),
            self.releases[i + 1..].iter().find(same),
        )
    }
}

impl Site {
    /// The releases of the span of `period` (every first quarter, every
    /// nine months) up to and including `period`, the latest first: the
    /// walk back of a trend.
    pub fn span_until<'a>(&'a self, period: &'a Period) -> impl Iterator<Item = &'a Release> + 'a {
        reads::note(Input::Kind(period.kind()));
        let end = self.releases.partition_point(|b| b.period() <= period);
        self.releases[..end]
            .iter()
            .rev()
            .filter(move |b| b.period().span == period.span)
    }
}

impl Site {
    /// Every release with figures of the indicator `id`, oldest first,
    /// with those figures: an indicator's whole series. Read as the
    /// series and the list of releases, not as each release's figures,
    /// so a figure of another indicator leaves the series' pages alone.
    pub fn series(&self, id: &str) -> Vec<(&Release, &Fields)> {
        reads::listing();
        reads::note(Input::Series(id.into()));
        self.releases
            .iter()
            .filter_map(|b| b.data.fields(id).map(|fs| (b, fs)))
            .collect()
    }
}

/// The months of a year a period covers, which name it for the record
/// of reads: `2021-3M` and `2021-Q1` are one.
pub(crate) fn coverage(period: &Period) -> (i32, u8, u8) {
    let (from, to) = period.months();
    (period.year, from, to)
}

/// Calls in narratives are resolved against the loaded site.
impl crate::narrative::Figures for Site {
    fn catalog(&self) -> &Catalog {
        &self.catalog
    }
    fn figures(&self, period: &Period) -> Option<(&Data, &Path)> {
        self.release(period).map(|b| (b.data(), b.data_file()))
    }
    fn periods(&self) -> Vec<String> {
        self.releases().iter().map(|b| b.period().id()).collect()
    }
}

fn load_releases(
    root: &Path,
    config: &Config,
    catalog: &Catalog,
    problems: &mut Diagnostics,
) -> Vec<Release> {
    let dir = root.join(RELEASES_DIR);
    let mut out: Vec<Release> = Vec::new();
    if !dir.is_dir() {
        return out;
    }
    let mut folders: Vec<PathBuf> = WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| match e {
            Ok(e) if e.file_type().is_dir() => Some(e.into_path()),
            Ok(_) => None,
            Err(err) => {
                problems.push(Diagnostic::error(
                    RELEASES_DIR,
                    format!("cannot read the folder: {err}"),
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
    let loaded: Vec<(Option<Release>, Diagnostics)> = folders
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
        let Some(b) = b else { continue };
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

/// One release folder: its data file and narratives.
fn load_release(
    root: &Path,
    folder: &Path,
    config: &Config,
    catalog: &Catalog,
    problems: &mut Diagnostics,
) -> Option<Release> {
    let rel = display_path(root, folder);
    let data_path = folder.join(DATA_FILE);
    let shown = rel.join(DATA_FILE);
    // A name that is there but no file (a folder, a broken or looping
    // link) is read below, which says why it cannot be.
    let present = data_path.symlink_metadata().is_ok();
    if !present {
        problems.push(
            Diagnostic::error(&rel, "this release folder has no data.yaml")
                .with_hint("every release needs a data.yaml with its period and figures (a narrative alone is not a release)"),
        );
        return None;
    }
    let text = match crate::fs::read_text(&data_path, &shown) {
        Ok(t) => Some(t),
        Err(d) => {
            problems.push(d);
            None
        }
    };
    let narratives = load_texts(folder, &rel, "index", config, problems);
    let text = text?;
    let src = Source {
        shown: &shown,
        text: &text,
    };
    match dataset::parse(&src, catalog) {
        Ok(data) => Some(Release {
            source: Fingerprint::of_bytes(text.as_bytes()),
            data_file: rel.join(DATA_FILE),
            dir: rel,
            slug: Arc::from(data.period.slug()),
            data,
            narratives,
        }),
        Err(list) => {
            list.into_iter().for_each(|d| problems.push(d));
            None
        }
    }
}

/// A second release of a period, located at the `period:` key of its file.
fn duplicate_period(root: &Path, b: &Release, other: &Release) -> Diagnostic {
    let shown = b.data_file();
    let text = crate::fs::read_text(&root.join(&shown), &shown).unwrap_or_default();
    let src = Source {
        shown: &shown,
        text: &text,
    };
    let message = format!(
        "the period {} is already published by {}",
        b.period().id(),
        other.data_file().display()
    );
    src.error(&crate::yaml::YamlPath::root().key("period"), false, message)
        .with_hint("each period has one release; merge the two folders or correct the period")
}

impl Site {
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
            let at = self.releases.partition_point(|x| x.period() < b.period());
            self.releases.insert(at, b);
        }
        Ok(problems)
    }
}

/// Reads `<stem>.<lang>.md` files of a folder, one per site language.
fn load_texts(
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
                Diagnostic::warning(&shown, format!("`{lang}` is not one of the site's languages ({}); the file is not published", config.languages.join(", ")))
                    .with_hint("add the language to `languages` in site.toml, or rename the file"),
            );
            continue;
        }
        match crate::fs::read_text(&folder.join(&name), &shown)
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

fn load_pages(root: &Path, config: &Config, problems: &mut Diagnostics) -> Vec<FreePage> {
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
                Diagnostic::error(rel.join(format!("{stem}.md")), format!("`{stem}` cannot be the address of a page"))
                    .with_hint("name pages with lowercase letters, digits and -, not a period or a reserved word (archive, indicators, data, en…)"),
            );
            continue;
        }
        let texts = load_texts(&dir, &rel, &stem, config, problems);
        if !texts.is_empty() {
            pages.insert(stem.clone(), FreePage { slug: stem, texts });
        }
    }
    pages.into_values().collect()
}

//! The loaded site: settings, catalogue, releases and free pages, read from
//! disk once. Loading collects every problem in every file before failing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::{Catalog, Indicator};
use crate::config::Config;
use crate::dataset::{Data, Fields};
use crate::fingerprint::Fingerprint;
use crate::narrative::Narrative;
use crate::period::Period;

mod load;
pub(crate) mod reads;
pub mod vintages;

pub use load::SetAside;

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
    /// The releases and pages left out for their errors.
    pub set_aside: SetAside,
    /// The release calendar (`content/calendar.yaml`), when the site has
    /// one that could be read.
    pub calendar: Option<crate::calendar::Calendar>,
    /// Every version of the figures later releases revised.
    pub vintages: vintages::Vintages,
}

pub const RELEASES_DIR: &str = "content/bulletins";
pub const PAGES_DIR: &str = "content/pages";
/// A release's figures, in its folder.
pub const DATA_FILE: &str = "data.yaml";

/// Addresses the generator uses itself; a page may not take them.
pub const RESERVED_SLUGS: [&str; 10] = [
    "archive",
    "indicators",
    "data",
    "static",
    "404",
    "feed",
    "search",
    "pagefind",
    "calendar",
    "pdf",
];

impl Site {
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
        // The latest version of each figure: a revision by a later
        // release replaces what was first published.
        self.releases
            .iter()
            .filter_map(|b| {
                let fs = b.data.fields(id);
                let latest = self.vintages.latest(b.period(), id);
                latest.or(fs).map(|fs| (b, fs))
            })
            .collect()
    }
}

impl Site {
    /// An indicator's figures of release `b` in their latest versions (as
    /// later releases revised them): what is combined across releases.
    pub fn latest_fields<'a>(&'a self, b: &'a Release, id: &str) -> Option<&'a Fields> {
        let published = b.data().fields(id);
        self.vintages.latest(b.period(), id).or(published)
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
    fn set_aside(&self, period: &Period) -> bool {
        self.set_aside.has_period(period)
    }
    fn periods(&self) -> Vec<String> {
        self.releases().iter().map(|b| b.period().id()).collect()
    }
}

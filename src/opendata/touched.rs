//! What each open data file depends on, from the inputs of the build
//! record (`crate::record`), so that after an edit only the files it
//! touches are made again.

use std::collections::{BTreeSet, HashSet};

use crate::address::{Addresses, File};
use crate::site::Site;
use crate::site::reads::Input;

/// The open data files an edit makes again; the others are kept as they
/// were. What each file depends on is declared here, from the inputs of
/// the build record (`crate::record`): a release's CSV and JSON, its
/// figures and its texts (the JSON carries its titles); an indicator's
/// series, that series and the list of releases (a row per release,
/// with its period and status); `all.csv`, every figure and the list.
#[derive(Debug, Clone, Default)]
pub struct Touched {
    /// Releases whose CSV and JSON are made again, by slug (a release
    /// that is gone: its files are dropped).
    pub releases: BTreeSet<String>,
    /// Indicators whose series file is made again, by id.
    pub indicators: BTreeSet<String>,
    /// Whether `all.csv` is made again.
    pub all: bool,
}

impl Touched {
    /// What the inputs that changed (by their keys in the build record)
    /// touch.
    pub fn by(site: &Site, changed: &HashSet<String>) -> Touched {
        let mut touched = Touched::default();
        let mut listing = false;
        for input in changed.iter().filter_map(|k| Input::from_key(k)) {
            match input {
                Input::Listing => listing = true,
                Input::Figures(slug) => {
                    touched.releases.insert(slug.to_string());
                    touched.all = true;
                }
                Input::Text(slug) => {
                    touched.releases.insert(slug.to_string());
                }
                Input::Series(id) => {
                    touched.indicators.insert(id.to_string());
                }
                Input::Kind(_) | Input::Period(_) | Input::Source(_) => {}
            }
        }
        if listing {
            touched.all = true;
            touched
                .indicators
                .extend(site.catalog.indicators.iter().map(|i| i.id.clone()));
        }
        touched
    }

    /// Adds the files of the site whose previous copy is not `intact`,
    /// which cannot be kept.
    pub fn or_not_intact(&mut self, site: &Site, addr: &Addresses, intact: impl Fn(&str) -> bool) {
        for b in site.releases() {
            let slug = b.slug();
            if !self.releases.contains(slug)
                && !release_files(site, addr, slug).iter().all(|f| intact(f))
            {
                self.releases.insert(slug.to_owned());
            }
        }
        for ind in site.indicators_with_data() {
            if !self.indicators.contains(&ind.id)
                && !indicator_files(site, addr, &ind.id)
                    .iter()
                    .all(|f| intact(f))
            {
                self.indicators.insert(ind.id.clone());
            }
        }
        self.all |= !site_files(addr).iter().all(|f| intact(f));
    }

    /// The files it makes again (or drops), by path.
    pub fn paths(&self, site: &Site, addr: &Addresses) -> Vec<String> {
        let mut out: Vec<String> = self
            .releases
            .iter()
            .flat_map(|slug| release_files(site, addr, slug))
            .collect();
        out.extend(
            self.indicators
                .iter()
                .flat_map(|id| indicator_files(site, addr, id)),
        );
        if self.all {
            out.extend(site_files(addr));
        }
        out
    }

    /// The open data files of the site it leaves as they were, by path.
    pub fn untouched(&self, site: &Site, addr: &Addresses) -> Vec<String> {
        let mut out: Vec<String> = site
            .releases()
            .iter()
            .filter(|b| !self.releases.contains(b.slug()))
            .flat_map(|b| release_files(site, addr, b.slug()))
            .collect();
        out.extend(
            site.indicators_with_data()
                .iter()
                .filter(|i| !self.indicators.contains(&i.id))
                .flat_map(|i| indicator_files(site, addr, &i.id)),
        );
        if !self.all {
            out.extend(site_files(addr));
        }
        out
    }
}

/// A release's own files: its CSV, its JSON and its workbooks.
fn release_files(site: &Site, addr: &Addresses, slug: &str) -> Vec<String> {
    let mut out = vec![
        addr.file_output(File::ReleaseCsv(slug)),
        addr.file_output(File::ReleaseJson(slug)),
    ];
    out.extend(
        site.config
            .languages
            .iter()
            .map(|lang| addr.file_output(File::ReleaseXlsx { slug, lang })),
    );
    out
}

/// An indicator's files: its series as CSV, JSON and workbooks.
fn indicator_files(site: &Site, addr: &Addresses, id: &str) -> Vec<String> {
    let mut out = vec![
        addr.file_output(File::IndicatorCsv(id)),
        addr.file_output(File::IndicatorJson(id)),
    ];
    out.extend(
        site.config
            .languages
            .iter()
            .map(|lang| addr.file_output(File::IndicatorXlsx { id, lang })),
    );
    out
}

/// The files of the whole site's figures, made again with `all.csv`:
/// they depend on every figure and on the list of releases.
fn site_files(addr: &Addresses) -> [String; 5] {
    [
        File::AllCsv,
        File::RevisionsCsv,
        File::SdmxCsv,
        File::DataPackage,
        File::TableSchema,
    ]
    .map(|f| addr.file_output(f))
}

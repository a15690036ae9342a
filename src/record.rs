//! The build record: what each page of the last build read of the site,
//! and the fingerprint each of those parts had then. A rebuild renders
//! again only the pages that read a part whose fingerprint changed, and
//! takes the rest (hard-linked) from the previous site.
//!
//! The parts are the inputs [`crate::site::reads`] notes while a page (or
//! a release's rules) runs: the list of releases, the releases of a kind,
//! which release covers a period, a release's figures, texts and data
//! file's text, an indicator's series. Everything else a page depends on (site.toml, the catalogue, the free
//! pages, the theme, bantin itself) is the site's own fingerprint; when it
//! changes, every page is rendered again.
//!
//! The record is kept in the output folder as `.bantin-record` (JSON),
//! written with the site, so it always describes the site beside it. A
//! record that cannot be read, or of another version, is ignored: the
//! build then renders everything, as a first build does.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::dataset::Field;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fingerprint::{Fingerprint, Hasher};
use crate::narrative::Narrative;
use crate::period::Kind;
use crate::pipeline::Checked;
use crate::render::Unit;
use crate::render::theme::Theme;
use crate::search::IndexRecord;
use crate::site::reads::Input;
use crate::site::{Release, Site, coverage};

/// The record's name in the output folder.
pub const RECORD: &str = ".bantin-record";

const FORMAT: &str = "bantin.record";
const VERSION: u32 = 1;

/// The fingerprints of the site as loaded now.
pub struct Fingerprints {
    /// The bantin that runs ([`build_id`]).
    build: String,
    /// What every page depends on.
    site: Fingerprint,
    /// Each input pages can read, by its key ([`Input::key`]).
    inputs: BTreeMap<String, Fingerprint>,
}

impl Fingerprints {
    pub fn of(site: &Site, theme: &Theme) -> Fingerprints {
        let build = build_id();
        let mut whole = Hasher::default();
        whole
            .bytes(build.as_bytes())
            .debug(&site.config)
            .debug(&site.catalog.indicators)
            .debug(&site.pages)
            .debug(&site.calendar)
            .debug(&site.vintages)
            .bytes(&theme.fingerprint.0.to_le_bytes());
        let mut inputs: BTreeMap<String, Fingerprint> = site
            .releases()
            .par_iter()
            .flat_map_iter(release_inputs)
            .collect();
        inputs.extend(structure(site));
        Fingerprints {
            build,
            site: whole.finish(),
            inputs,
        }
    }

    /// Brings the fingerprints up to date after the releases `slugs`
    /// (as they were and as they are) were read again, and returns the
    /// keys of the inputs that changed.
    pub fn refresh(&mut self, site: &Site, slugs: &BTreeSet<String>) -> HashSet<String> {
        let mut changed = HashSet::new();
        // The releases read again: their figures and texts as they are
        // now; those of a release that is gone go too.
        let now: BTreeMap<String, Fingerprint> = site
            .releases()
            .iter()
            .filter(|b| slugs.contains(b.slug()))
            .flat_map(release_inputs)
            .collect();
        for slug in slugs {
            for key in release_keys(slug) {
                let differs = match now.get(&key) {
                    Some(&f) => self.inputs.insert(key.clone(), f) != Some(f),
                    None => self.inputs.remove(&key).is_some(),
                };
                if differs {
                    changed.insert(key);
                }
            }
        }
        // The list, the kinds and the periods, all recomputed (cheap).
        let structure: BTreeMap<String, Fingerprint> = structure(site).collect();
        self.inputs.retain(|k, _| {
            let of_structure = Input::from_key(k).is_none_or(|i| i.release().is_none());
            let keep = !of_structure || structure.contains_key(k);
            if !keep {
                changed.insert(k.clone());
            }
            keep
        });
        for (key, f) in structure {
            if self.inputs.insert(key.clone(), f) != Some(f) {
                changed.insert(key);
            }
        }
        changed
    }
}

/// The inputs of the site's structure: the list of releases, the list of
/// each kind, which release covers each period, and each indicator's
/// series.
fn structure(site: &Site) -> impl Iterator<Item = (String, Fingerprint)> {
    let mut listing = Hasher::default();
    let mut kinds: BTreeMap<Kind, Hasher> = BTreeMap::new();
    let mut periods = Vec::new();
    let mut series: BTreeMap<&str, Hasher> = BTreeMap::new();
    // Written as bytes, not through `Debug`: this runs again after every
    // edit in `serve`. The slug names the period (`2021-q1`, `2021-3m`).
    for b in site.releases() {
        let slug = b.slug().as_bytes();
        let dir = b.dir.as_os_str().as_encoded_bytes();
        for (id, fields) in &b.data().indicators {
            let h = series.entry(id).or_default();
            h.bytes(slug);
            for f in Field::ALL {
                h.bytes(&fields.get(f).map_or([0xff; 8], f64::to_le_bytes));
            }
        }
        let published = b.published().map_or(String::new(), |d| d.to_string());
        listing
            .bytes(slug)
            .bytes(dir)
            .bytes(published.as_bytes())
            .bytes(b.data().status.name().as_bytes());
        for lang in b.languages() {
            listing.bytes(lang.as_bytes());
        }
        listing.bytes(b"");
        kinds
            .entry(b.period().kind())
            .or_default()
            .bytes(slug)
            .bytes(dir);
        let mut one = Hasher::default();
        one.bytes(slug).bytes(dir);
        periods.push((Input::Period(coverage(b.period())).key(), one.finish()));
    }
    std::iter::once((Input::Listing.key(), listing.finish()))
        .chain(
            kinds
                .into_iter()
                .map(|(k, h)| (Input::Kind(k).key(), h.finish())),
        )
        .chain(periods)
        .chain(series.into_iter().map(|(id, h)| {
            let key = Input::Series(id.into()).key();
            (key, h.finish())
        }))
        .collect::<Vec<_>>()
        .into_iter()
}

/// A release's inputs: its figures, its texts and its data file's text.
fn release_inputs(b: &Release) -> [(String, Fingerprint); 3] {
    let [figures, texts, source] = release_keys(b.slug());
    [
        (figures, Fingerprint::of_debug(b.data())),
        (texts, texts_fingerprint(b.narratives())),
        (source, b.source()),
    ]
}

/// The keys of a release's inputs, in the order of [`release_inputs`].
fn release_keys(slug: &str) -> [String; 3] {
    [
        Input::Figures(slug.into()).key(),
        Input::Text(slug.into()).key(),
        Input::Source(slug.into()).key(),
    ]
}

/// The fingerprint of a release's narratives: each one's file, front
/// matter and text, everything else of it being read from those. (Their
/// `Debug` form would do, but escapes every character of the text.)
fn texts_fingerprint(texts: &BTreeMap<String, Narrative>) -> Fingerprint {
    let mut h = Hasher::default();
    for (lang, n) in texts {
        let (title, summary) = (n.title.as_deref(), n.summary.as_deref());
        h.bytes(lang.as_bytes())
            .bytes(n.file.as_os_str().as_encoded_bytes())
            .debug(&(title.is_some(), summary.is_some()))
            .bytes(title.unwrap_or_default().as_bytes())
            .bytes(summary.unwrap_or_default().as_bytes())
            .bytes(&n.source_line.to_le_bytes())
            .bytes(n.source.as_bytes());
    }
    h.finish()
}

/// Which bantin made a site: its version, and the size and time of its
/// program, so a bantin built anew (the same version, other code) does
/// not trust pages an older one rendered.
fn build_id() -> String {
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {time}", m.len())
        })
        .unwrap_or_default();
    format!("{} {program}", env!("CARGO_PKG_VERSION"))
}

/// The record as written.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    format: String,
    version: u32,
    /// The bantin that made it.
    build: String,
    site: String,
    /// Each input's fingerprint, by key.
    inputs: BTreeMap<String, String>,
    /// Each page, by its unit key ([`crate::render::Unit`]).
    units: BTreeMap<String, UnitRecord>,
    /// The search index's parts, when the site has search.
    index: Option<IndexRecord>,
    /// The findings of each release's own rules, by folder.
    #[serde(default)]
    checks: BTreeMap<PathBuf, CheckRecord>,
    /// The key of each PDF edition ([`crate::pdf::key`]), by its path.
    #[serde(default)]
    pdfs: BTreeMap<String, String>,
}

/// A release's own rules, as the record keeps them: what they read and
/// what they found.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckRecord {
    pub reads: Vec<String>,
    pub findings: Vec<Diagnostic>,
}

/// One page of the record: the inputs it read and the files it made.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitRecord {
    pub reads: Vec<String>,
    pub files: Vec<String>,
}

impl Record {
    /// The record beside the site in `out`, if there is one this bantin
    /// can read.
    pub fn read(out: &Path) -> Option<Record> {
        let bytes = std::fs::read(out.join(RECORD)).ok()?;
        let record: Record = serde_json::from_slice(&bytes).ok()?;
        (record.format == FORMAT && record.version == VERSION).then_some(record)
    }

    /// The record of a build: the fingerprints it rendered from, and its
    /// pages (those kept from `previous` with what they read then).
    pub fn new(
        now: &Fingerprints,
        units: &[Unit],
        previous: Option<&Previous>,
        index: Option<IndexRecord>,
        checked: Option<&Checked>,
        pdfs: &BTreeMap<String, String>,
    ) -> Record {
        // The PDFs of pages kept whole keep their key; the others have
        // theirs from this build.
        let mut pdf_keys = BTreeMap::new();
        if let Some(previous) = previous {
            for u in units.iter().filter(|u| u.reads.is_none()) {
                for f in &u.files {
                    if let Some(key) = previous.record.pdfs.get(f) {
                        pdf_keys.insert(f.clone(), key.clone());
                    }
                }
            }
        }
        pdf_keys.extend(pdfs.iter().map(|(p, k)| (p.clone(), k.clone())));
        let units = units
            .iter()
            .filter_map(|u| {
                let reads = match &u.reads {
                    Some(reads) => reads.iter().map(Input::key).collect(),
                    None => previous?.record.units.get(&u.key)?.reads.clone(),
                };
                Some((
                    u.key.clone(),
                    UnitRecord {
                        reads,
                        files: u.files.clone(),
                    },
                ))
            })
            .collect();
        Record {
            format: FORMAT.to_owned(),
            version: VERSION,
            build: now.build.clone(),
            site: now.site.hex(),
            inputs: now
                .inputs
                .iter()
                .map(|(k, f)| (k.clone(), f.hex()))
                .collect(),
            units,
            index,
            checks: checked
                .map(|c| {
                    c.releases
                        .iter()
                        .map(|(dir, found)| {
                            let reads = c.reads.get(dir).cloned().unwrap_or_default();
                            let findings = found.iter().cloned().collect();
                            (dir.clone(), CheckRecord { reads, findings })
                        })
                        .collect()
                })
                .unwrap_or_default(),
            pdfs: pdf_keys,
        }
    }

    /// How many PDF editions the site it describes has.
    pub fn pdfs(&self) -> usize {
        self.pdfs.len()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// The previous build's record, against the site as it is now.
pub struct Previous {
    record: Record,
    /// Made by the bantin that runs now.
    same_build: bool,
    /// Whatever every page depends on is as it was.
    same_site: bool,
    /// Inputs whose fingerprint changed, appeared or went.
    changed: HashSet<String>,
}

impl Previous {
    pub fn new(record: Record, now: &Fingerprints) -> Previous {
        let same_site = Fingerprint::from_hex(&record.site) == Some(now.site);
        let mut changed: HashSet<String> = now
            .inputs
            .iter()
            .filter(|(k, f)| {
                record.inputs.get(*k).and_then(|h| Fingerprint::from_hex(h)) != Some(**f)
            })
            .map(|(k, _)| k.clone())
            .collect();
        changed.extend(
            record
                .inputs
                .keys()
                .filter(|k| !now.inputs.contains_key(*k))
                .cloned(),
        );
        Previous {
            same_build: record.build == now.build,
            record,
            same_site,
            changed,
        }
    }

    /// The previous search index, if this bantin made it (the parts of
    /// an index depend on its pages and on how bantin cuts them).
    pub fn index(&self) -> Option<&IndexRecord> {
        self.record.index.as_ref().filter(|_| self.same_build)
    }

    /// The inputs whose fingerprint changed since, when what every page
    /// depends on did not (otherwise everything changed).
    pub fn changed(&self) -> Option<&HashSet<String>> {
        self.same_site.then_some(&self.changed)
    }

    /// The findings of a release's own rules in the previous build, with
    /// what they read, if this bantin made them and nothing they read has
    /// changed since.
    pub fn findings(&self, b: &Release) -> Option<(Diagnostics, Vec<String>)> {
        if !(self.same_site && self.same_build) {
            return None;
        }
        let was = self.record.checks.get(&b.dir)?;
        if was.reads.iter().any(|r| self.changed.contains(r)) {
            return None;
        }
        let mut found = Diagnostics::new();
        was.findings.iter().cloned().for_each(|d| found.push(d));
        Some((found, was.reads.clone()))
    }

    /// The key a PDF edition had in the previous build.
    pub fn pdf_key(&self, path: &str) -> Option<&str> {
        self.record.pdfs.get(path).map(String::as_str)
    }

    /// The files a page made in the previous build, if nothing it read
    /// has changed since (whether they are still there as written is the
    /// output's to say).
    pub fn unchanged(&self, unit: &str) -> Option<&[String]> {
        if !self.same_site {
            return None;
        }
        let was = self.record.units.get(unit)?;
        (!was.reads.iter().any(|r| self.changed.contains(r))).then_some(was.files.as_slice())
    }
}

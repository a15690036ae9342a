//! The JSON files of the open data: a release's figures with their names,
//! units and addresses (`data/<slug>.json`, `"format": "bantin.bulletin"`)
//! and an indicator's series (`data/indicators/<id>.json`,
//! `"format": "bantin.indicator"`). Both layouts are versioned and only
//! ever grow: keys may be added, existing ones keep their meaning.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::address::{Addresses, Page};
use crate::catalog::Indicator;
use crate::config::LocalText;
use crate::dataset::Fields;
use crate::site::{Release, Site};

/// Text in every site language, `null` where missing.
type Texts = BTreeMap<String, Option<String>>;

fn local(t: &LocalText, languages: &[String]) -> Texts {
    languages
        .iter()
        .map(|l| (l.clone(), t.get(l).map(str::to_owned)))
        .collect()
}

fn figures(fields: &Fields) -> BTreeMap<&'static str, f64> {
    fields.present().map(|(f, x)| (f.name(), x)).collect()
}

/// `data/<slug>.json`, documented on the open data page and in the README.
#[derive(Serialize)]
pub struct BulletinJson {
    pub format: &'static str,
    pub version: u32,
    pub period: String,
    pub period_kind: &'static str,
    /// First and last month covered, 1–12.
    pub months: [u8; 2],
    pub year: i32,
    pub status: &'static str,
    pub published: Option<String>,
    pub title: BTreeMap<String, String>,
    pub url: BTreeMap<String, String>,
    pub indicators: Vec<IndicatorJson>,
    pub breakdowns: Vec<BreakdownJson>,
    /// The next release of its kind the calendar announces, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_release: Option<NextReleaseJson>,
    /// The figures of earlier periods this release states again.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<RevisionJson>,
}

#[derive(Serialize)]
pub struct NextReleaseJson {
    pub period: String,
    /// `2025-04-08`, or `2025-04` while provisional.
    pub date: String,
    pub status: &'static str,
}

#[derive(Serialize)]
pub struct RevisionJson {
    pub period: String,
    /// `revision`, or `correction` for an error put right.
    pub kind: &'static str,
    pub status: Option<&'static str>,
    pub reason: Texts,
    pub indicators: BTreeMap<String, BTreeMap<&'static str, f64>>,
}

#[derive(Serialize)]
pub struct IndicatorJson {
    pub id: String,
    pub name: Texts,
    pub unit: Texts,
    pub decimals: Option<u8>,
    pub url: BTreeMap<String, String>,
    pub figures: BTreeMap<&'static str, f64>,
}

#[derive(Serialize)]
pub struct BreakdownJson {
    pub id: String,
    pub title: Texts,
    pub field: &'static str,
    pub unit: Texts,
    pub rows: Vec<BreakdownRowJson>,
}

#[derive(Serialize)]
pub struct BreakdownRowJson {
    pub label: Texts,
    pub figures: BTreeMap<&'static str, f64>,
}

/// A page's absolute address in every language.
fn urls(langs: &[String], addr: &Addresses, page: Page) -> BTreeMap<String, String> {
    langs
        .iter()
        .map(|l| (l.clone(), addr.page_url(l, page)))
        .collect()
}

pub(super) fn bulletin_json(
    site: &Site,
    b: &Release,
    addr: &Addresses,
    titles: &BTreeMap<String, String>,
) -> BulletinJson {
    let langs = &site.config.languages;
    let page = |page: Page| urls(langs, addr, page);
    let mut inds: Vec<&(String, Fields)> = b.data().indicators.iter().collect();
    inds.sort_by_key(|(id, _)| site.catalog.position(id));
    let (m1, m2) = b.period().months();
    BulletinJson {
        format: "bantin.bulletin",
        version: 1,
        period: b.period().id(),
        period_kind: b.period().kind().key(),
        months: [m1, m2],
        year: b.period().year,
        status: b.data().status.name(),
        published: b.data().published.map(|d| d.to_string()),
        title: titles.clone(),
        url: page(Page::Release(b.slug())),
        indicators: inds
            .into_iter()
            .filter_map(|(id, fields)| {
                let ind: &Indicator = site.catalog.get(id)?;
                Some(IndicatorJson {
                    id: id.clone(),
                    name: local(&ind.name, langs),
                    unit: local(&ind.unit, langs),
                    decimals: ind.decimals,
                    url: page(Page::Indicator(id)),
                    figures: figures(fields),
                })
            })
            .collect(),
        breakdowns: b
            .data()
            .breakdowns
            .iter()
            .map(|bd| BreakdownJson {
                id: bd.id.clone(),
                title: local(&bd.title, langs),
                field: bd.field.name(),
                unit: local(&bd.unit, langs),
                rows: bd
                    .rows
                    .iter()
                    .map(|r| BreakdownRowJson {
                        label: local(&r.label, langs),
                        figures: figures(&r.fields),
                    })
                    .collect(),
            })
            .collect(),
        next_release: site
            .calendar
            .as_ref()
            .and_then(|c| c.next_of_kind(b.period().kind(), b.period()))
            .map(|e| NextReleaseJson {
                period: e.period.id(),
                date: match e.when {
                    crate::calendar::When::Day(d) => d.to_string(),
                    crate::calendar::When::Month { year, month } => format!("{year:04}-{month:02}"),
                },
                status: e.status.name(),
            }),
        revisions: b
            .data()
            .revisions
            .iter()
            .map(|r| RevisionJson {
                period: r.period.id(),
                kind: if r.correction {
                    "correction"
                } else {
                    "revision"
                },
                status: r.status.map(|s| s.name()),
                reason: local(&r.reason, langs),
                indicators: r
                    .indicators
                    .iter()
                    .map(|(id, f)| (id.clone(), figures(f)))
                    .collect(),
            })
            .collect(),
    }
}

/// `data/indicators/<id>.json`: an indicator's series, documented on the
/// open data page.
#[derive(Serialize)]
pub struct IndicatorSeriesJson {
    pub format: &'static str,
    pub version: u32,
    pub id: String,
    pub name: Texts,
    pub unit: Texts,
    pub decimals: Option<u8>,
    pub definition: Texts,
    pub url: BTreeMap<String, String>,
    pub observations: Vec<ObservationJson>,
}

#[derive(Serialize)]
pub struct ObservationJson {
    pub period: String,
    pub period_kind: &'static str,
    pub status: &'static str,
    pub published: Option<String>,
    /// The release's page, in every language.
    pub url: BTreeMap<String, String>,
    /// At their latest version.
    pub figures: BTreeMap<&'static str, f64>,
    /// The release that last revised a figure, by field; only revised
    /// figures are listed.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub revised_by: BTreeMap<&'static str, String>,
}

pub(super) fn indicator_json(
    site: &Site,
    ind: &Indicator,
    series: &[(&Release, &Fields)],
    addr: &Addresses,
) -> String {
    let langs = &site.config.languages;
    let page = |page: Page| urls(langs, addr, page);
    let observations = series
        .iter()
        .map(|&(b, fields)| ObservationJson {
            period: b.period().id(),
            period_kind: b.period().kind().key(),
            status: b.data().status.name(),
            published: b.data().published.map(|d| d.to_string()),
            url: page(Page::Release(b.slug())),
            figures: figures(fields),
            revised_by: fields
                .present()
                .filter_map(|(f, _)| {
                    let versions = site.vintages.of_figure(b.period(), &ind.id, f);
                    let last = versions.last().filter(|_| versions.len() > 1)?;
                    Some((f.name(), last.by.to_string()))
                })
                .collect(),
        })
        .collect();
    let json = IndicatorSeriesJson {
        format: "bantin.indicator",
        version: 1,
        id: ind.id.clone(),
        name: local(&ind.name, langs),
        unit: local(&ind.unit, langs),
        decimals: ind.decimals,
        definition: local(&ind.definition, langs),
        url: page(Page::Indicator(&ind.id)),
        observations,
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}

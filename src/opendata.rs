//! Open data: every figure of the site as files, at the addresses promised
//! in docs/content-format.md:
//!
//! - `data/<slug>.csv` and `data/<slug>.json`: one release's figures;
//! - `data/indicators/<id>.csv`: one indicator over every period;
//! - `data/all.csv`: everything.
//! - `data/indicators/<id>.json`: one indicator over every period, with
//!   names, units and addresses;
//! - `data/<slug>.xlsx`, `data/indicators/<id>.xlsx` (and under `en/` in
//!   English): the same as Excel workbooks, one per language
//!   (`workbook.rs`);
//! - `data/sdmx/all.csv`: every observation in SDMX-CSV 2.0 (`sdmx.rs`);
//! - `data/datapackage.json` and `data/schema.json`: a Frictionless Data
//!   Package describing every CSV file (`package.rs`).
//!
//! Every CSV has the same columns (see [`columns`]), one figure per row,
//! numbers in machine form (`5718.5`), UTF-8 with a byte-order mark so
//! Excel opens Vietnamese correctly. The JSON layout is versioned
//! (`"format": "bantin.bulletin", "version": 1`) and only ever grows.
//!
//! What each file depends on, so that a rebuild makes again only the
//! files an edit touches, is in `touched.rs`.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::address::{Addresses, File, Page};
use crate::catalog::Indicator;
use crate::config::LocalText;
use crate::dataset::{Field, Fields};
use crate::output::OutputFile;
use crate::site::{Release, Site};

mod package;
mod sdmx;
mod touched;
mod workbook;

pub use touched::Touched;

use crate::locale::Locale;

/// Text as CSV (RFC 4180, CRLF line ends), with a byte-order mark.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        csv_line(row, &mut out);
    }
    out
}

/// One row of CSV, with its line end.
fn csv_line(row: &[String], out: &mut String) {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// The columns of every CSV file, for a site's languages.
pub fn columns(languages: &[String]) -> Vec<String> {
    let mut c: Vec<String> = ["period", "period_kind", "status", "published"]
        .map(String::from)
        .to_vec();
    c.extend(["indicator", "breakdown", "field", "value"].map(String::from));
    for what in ["unit", "name", "item"] {
        c.extend(languages.iter().map(|l| format!("{what}_{l}")));
    }
    c.push("revised_by".into());
    c
}

/// `5718.5`, `60`: the shortest text that reads back as the same number.
pub fn machine(x: f64) -> String {
    format!("{x}")
}

fn texts(t: &LocalText, languages: &[String]) -> Vec<String> {
    languages
        .iter()
        .map(|l| t.get(l).unwrap_or_default().to_owned())
        .collect()
}

/// The CSV rows of one release: its indicators in catalogue order, then
/// its breakdowns row by row.
/// With `latest`, figures a later release revised are given as revised,
/// with that release in `revised_by` (for all.csv and the series); without
/// it, as this release published them (its own files are the record).
fn rows_of<'a>(
    site: &'a Site,
    b: &'a Release,
    latest: bool,
) -> Vec<(Option<&'a str>, Vec<String>)> {
    let langs = &site.config.languages;
    let head = |out: &mut Vec<String>| {
        out.push(b.period().id());
        out.push(b.period().kind().key().to_owned());
        out.push(b.data().status.name().to_owned());
        out.push(
            b.data()
                .published
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
    };
    let percent: Vec<String> = langs.iter().map(|_| "%".to_owned()).collect();
    let mut rows = Vec::new();
    let mut ids: Vec<&(String, Fields)> = b.data().indicators.iter().collect();
    ids.sort_by_key(|(id, _)| site.catalog.position(id));
    for (id, fields) in ids {
        let Some(ind) = site.catalog.get(id) else {
            continue;
        };
        let fields = match latest {
            true => site.vintages.latest(b.period(), id).unwrap_or(fields),
            false => fields,
        };
        for (field, x) in fields.present() {
            let mut row = Vec::new();
            head(&mut row);
            row.extend([id.clone(), String::new(), field.name().into(), machine(x)]);
            row.extend(if field == Field::Value {
                texts(&ind.unit, langs)
            } else {
                percent.clone()
            });
            row.extend(texts(&ind.name, langs));
            row.extend(langs.iter().map(|_| String::new()));
            let versions = site.vintages.of_figure(b.period(), id, field);
            row.push(match versions.last() {
                Some(v) if latest && versions.len() > 1 => v.by.to_string(),
                _ => String::new(),
            });
            rows.push((Some(id.as_str()), row));
        }
    }
    for bd in &b.data().breakdowns {
        for r in &bd.rows {
            for (field, x) in r.fields.present() {
                let mut row = Vec::new();
                head(&mut row);
                row.extend([
                    String::new(),
                    bd.id.clone(),
                    field.name().into(),
                    machine(x),
                ]);
                row.extend(if field == Field::Value {
                    texts(&bd.unit, langs)
                } else {
                    percent.clone()
                });
                row.extend(texts(&bd.title, langs));
                row.extend(texts(&r.label, langs));
                row.push(String::new());
                rows.push((None, row));
            }
        }
    }
    rows
}

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

fn bulletin_json(
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

fn indicator_json(site: &Site, ind: &Indicator, addr: &Addresses) -> String {
    let langs = &site.config.languages;
    let page = |page: Page| urls(langs, addr, page);
    let observations = site
        .series(&ind.id)
        .into_iter()
        .map(|(b, fields)| ObservationJson {
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

/// What to write of the open data: everything, or what an edit touches.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    All,
    Some(&'a Touched),
}

/// The open data files of the site. `titles` gives each release's title
/// per language, by slug. The files go to `each` in batches as they are
/// made (a release's pair, `all.csv`, the series), so that a large site's
/// open data is not all in memory at once; what it returns for each
/// batch is collected.
pub fn files<T: Send>(
    site: &Site,
    addr: &Addresses,
    locales: &BTreeMap<String, Locale>,
    titles: &BTreeMap<String, BTreeMap<String, String>>,
    part: Part,
    each: &(dyn Fn(Vec<OutputFile>) -> T + Sync),
) -> Vec<T> {
    let head = csv_text(&[columns(&site.config.languages)]);
    let wanted_release = |slug: &str| match part {
        Part::All => true,
        Part::Some(t) => t.releases.contains(slug),
    };
    let wanted_indicator = |id: &str| match part {
        Part::All => true,
        Part::Some(t) => t.indicators.contains(id),
    };
    let want_all = match part {
        Part::All => true,
        Part::Some(t) => t.all,
    };
    let any_series = match part {
        Part::All => true,
        Part::Some(t) => !t.indicators.is_empty(),
    };
    let empty = BTreeMap::new();
    // Each release's rows are made once, as CSV lines, in parallel; the
    // release's own files, all.csv and the indicators' series are then
    // put together from them.
    let per_release: Vec<(Vec<Line>, Option<T>)> = site
        .releases()
        .par_iter()
        .map(|b| {
            let slug = b.slug();
            let mut own = Vec::new();
            // The latest versions for all.csv and the series; the figures
            // as published for the release's own file (the same lines
            // unless a later release revised some).
            let lines = if want_all || any_series || wanted_release(slug) {
                lines_of(site, b, true)
            } else {
                Vec::new()
            };
            if wanted_release(slug) {
                let published;
                let own_lines = if site.vintages.is_empty() {
                    &lines
                } else {
                    published = lines_of(site, b, false);
                    &published
                };
                let mut csv = head.clone();
                own_lines.iter().for_each(|l| csv.push_str(&l.text));
                own.push(OutputFile {
                    path: addr.file_output(File::ReleaseCsv(slug)),
                    bytes: csv.into_bytes(),
                });
                let json = bulletin_json(site, b, addr, titles.get(slug).unwrap_or(&empty));
                let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
                text.push('\n');
                own.push(OutputFile {
                    path: addr.file_output(File::ReleaseJson(slug)),
                    bytes: text.into_bytes(),
                });
                let title = titles.get(slug).unwrap_or(&empty);
                for (lang, locale) in locales {
                    let page = addr.page_url(lang, Page::Release(slug));
                    let title = title.get(lang).map_or("", String::as_str);
                    own.push(OutputFile {
                        path: addr.file_output(File::ReleaseXlsx { slug, lang }),
                        bytes: workbook::release(site, b, locale, title, page),
                    });
                }
            }
            (lines, (!own.is_empty()).then(|| each(own)))
        })
        .collect();
    let mut out: Vec<T> = Vec::new();
    if want_all {
        let mut all = head.clone();
        for (lines, _) in &per_release {
            lines.iter().for_each(|l| all.push_str(&l.text));
        }
        out.push(each(vec![
            OutputFile {
                path: addr.file_output(File::AllCsv),
                bytes: all.into_bytes(),
            },
            OutputFile {
                path: addr.file_output(File::RevisionsCsv),
                bytes: revisions_csv(site).into_bytes(),
            },
            OutputFile {
                path: addr.file_output(File::SdmxCsv),
                bytes: sdmx::all_csv(site).into_bytes(),
            },
            OutputFile {
                path: addr.file_output(File::DataPackage),
                bytes: package::datapackage(site, addr).into_bytes(),
            },
            OutputFile {
                path: addr.file_output(File::TableSchema),
                bytes: package::figures_schema(site).into_bytes(),
            },
        ]));
    }
    // Every indicator's lines, in period order, gathered in one pass.
    let mut by_indicator: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (lines, _) in &per_release {
        for l in lines {
            if let Some(id) = l.indicator {
                by_indicator.entry(id).or_default().push(&l.text);
            }
        }
    }
    let series: Vec<T> = site
        .catalog
        .indicators
        .par_iter()
        .filter(|ind| wanted_indicator(&ind.id))
        .filter_map(|ind| {
            let lines = by_indicator.get(ind.id.as_str())?;
            let mut csv = head.clone();
            lines.iter().for_each(|l| csv.push_str(l));
            let id = ind.id.as_str();
            let mut files = vec![
                OutputFile {
                    path: addr.file_output(File::IndicatorCsv(id)),
                    bytes: csv.into_bytes(),
                },
                OutputFile {
                    path: addr.file_output(File::IndicatorJson(id)),
                    bytes: indicator_json(site, ind, addr).into_bytes(),
                },
            ];
            for (lang, locale) in locales {
                let page = addr.page_url(lang, Page::Indicator(id));
                files.push(OutputFile {
                    path: addr.file_output(File::IndicatorXlsx { id, lang }),
                    bytes: workbook::indicator(site, ind, locale, page),
                });
            }
            Some(each(files))
        })
        .collect();
    out.extend(series);
    out.extend(per_release.into_iter().filter_map(|(_, own)| own));
    out
}

/// `data/revisions.csv`: every published version of every revised figure,
/// one row each, in the long form real-time databases keep vintages in:
/// the period and figure, its value and status in that version, the
/// release that published it and when, and whether it came first, as a
/// routine revision or as a correction, with the reason.
fn revisions_csv(site: &Site) -> String {
    let langs = &site.config.languages;
    let mut head: Vec<String> = [
        "period",
        "indicator",
        "field",
        "value",
        "status",
        "version",
        "release",
        "published",
    ]
    .map(String::from)
    .to_vec();
    head.extend(langs.iter().map(|l| format!("reason_{l}")));
    let mut rows = vec![head];
    let mut all: Vec<_> = site.vintages.all().collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    for ((_, id, field), versions) in all {
        for v in versions {
            let period = v.period.id();
            let published = site
                .release(&v.by_period)
                .and_then(|b| b.published())
                .map(|d| d.to_string())
                .unwrap_or_default();
            let mut row = vec![
                period,
                id.clone(),
                field.name().to_owned(),
                machine(v.value),
                v.status.name().to_owned(),
                v.kind.name().to_owned(),
                v.by_period.id(),
                published,
            ];
            row.extend(texts(&v.reason, langs));
            rows.push(row);
        }
    }
    csv_text(&rows)
}

/// One row of a release's CSV, as text, with the indicator it is of
/// (none for a breakdown's row).
struct Line<'a> {
    indicator: Option<&'a str>,
    text: String,
}

/// The rows of a release ([`rows_of`]) as CSV lines.
fn lines_of<'a>(site: &'a Site, b: &'a Release, latest: bool) -> Vec<Line<'a>> {
    rows_of(site, b, latest)
        .into_iter()
        .map(|(indicator, row)| {
            let mut text = String::new();
            csv_line(&row, &mut text);
            Line { indicator, text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let rows = vec![vec![
            "a".to_owned(),
            "b,c".to_owned(),
            "say \"hi\"".to_owned(),
            "line\nbreak".to_owned(),
            "Quý I/2021".to_owned(),
        ]];
        assert_eq!(
            csv_text(&rows),
            "\u{feff}a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",Quý I/2021\r\n"
        );
    }

    #[test]
    fn columns_follow_the_site_languages() {
        let c = columns(&["vi".to_owned(), "en".to_owned()]);
        assert_eq!(
            c,
            [
                "period",
                "period_kind",
                "status",
                "published",
                "indicator",
                "breakdown",
                "field",
                "value",
                "unit_vi",
                "unit_en",
                "name_vi",
                "name_en",
                "item_vi",
                "item_en",
                "revised_by"
            ]
        );
    }
}

//! Open data: every figure of the site as files, at the addresses promised
//! in docs/content-format.md:
//!
//! - `data/<slug>.csv`: one release's figures;
//! - `data/indicators/<id>.csv`: one indicator over every period;
//! - `data/all.csv`: everything; `data/revisions.csv`: every version of
//!   every revised figure;
//! - `data/<slug>.json`, `data/indicators/<id>.json`: the same with names,
//!   units and addresses (`json.rs`);
//! - `data/<slug>.xlsx`, `data/indicators/<id>.xlsx` (and under `en/` in
//!   English): Excel workbooks, one per language (`workbook.rs`);
//! - `data/sdmx/all.csv`: every observation in SDMX-CSV 2.0 (`sdmx.rs`);
//! - `data/datapackage.json` and `data/schema.json`: a Frictionless Data
//!   Package describing every CSV file (`package.rs`).
//!
//! Every CSV has the same columns (see [`columns`]), one figure per row,
//! numbers in machine form (`5718.5`), UTF-8 with a byte-order mark so
//! Excel opens Vietnamese correctly.
//!
//! What each file depends on, so that a rebuild makes again only the
//! files an edit touches, is in `touched.rs`.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::address::{Addresses, File, Page};
use crate::config::LocalText;
use crate::dataset::{Field, Fields};
use crate::output::OutputFile;
use crate::site::{Release, Site};

mod json;
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
                let json = json::bulletin_json(site, b, addr, titles.get(slug).unwrap_or(&empty));
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
            // The series, read once for its JSON and its workbooks.
            let series = site.series(id);
            let mut files = vec![
                OutputFile {
                    path: addr.file_output(File::IndicatorCsv(id)),
                    bytes: csv.into_bytes(),
                },
                OutputFile {
                    path: addr.file_output(File::IndicatorJson(id)),
                    bytes: json::indicator_json(site, ind, &series, addr).into_bytes(),
                },
            ];
            for (lang, locale) in locales {
                let page = addr.page_url(lang, Page::Indicator(id));
                files.push(OutputFile {
                    path: addr.file_output(File::IndicatorXlsx { id, lang }),
                    bytes: workbook::indicator(site, ind, &series, locale, page),
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

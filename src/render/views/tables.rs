//! Every table of the theme, in one shape ([`TableView`]): a release's
//! figures, a breakdown, an indicator over the same period of recent
//! years, and the table a `chart()` or `table()` call shows.

use super::*;
use crate::address::{Addresses, Page};
use crate::dataset::{Breakdown, Field};
use crate::narrative::Resolved;
use crate::period::Period;
use crate::render::words::Words;
use crate::site::{Release, Site};

/// Every figure of a release in one table.
pub fn figures_table(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> TableView {
    // An indicator left blank (as `bantin new` lists them all) has no row.
    let mut ids: Vec<&str> = b
        .data()
        .indicators
        .iter()
        .filter(|(_, f)| !f.is_empty())
        .map(|(i, _)| i.as_str())
        .collect();
    ids.sort_by_key(|i| site.catalog.position(i));
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|&f| {
            b.data()
                .indicators
                .iter()
                .any(|(_, fs)| fs.get(f).is_some())
        })
        .collect();
    let mut columns = vec![Column {
        label: words.t("bulletin.unit").to_owned(),
        numeric: false,
    }];
    columns.extend(fields.iter().map(|&f| Column {
        label: words.field_label(f),
        numeric: true,
    }));
    let mut has_missing = false;
    let rows = ids
        .iter()
        .filter_map(|id| {
            let ind = site.catalog.get(id)?;
            let fs = b.data().fields(id)?;
            let mut cells = vec![Cell::text(if fs.get(Field::Value).is_some() {
                words.unit(ind)
            } else {
                String::new()
            })];
            for &f in &fields {
                cells.push(match fs.get(f) {
                    Some(x) => Cell {
                        note: revised_note(site, b, id, f, ind.decimals, words),
                        ..Cell::text(words.cell(ind.decimals, f, x))
                    },
                    None => {
                        has_missing = true;
                        Cell::missing(words)
                    }
                });
            }
            Some(RowView {
                head: Cell {
                    text: words.name(ind),
                    href: Some(indicator_href(id, words, addr)),
                    missing: false,
                    note: None,
                },
                cells,
                current: false,
            })
        })
        .collect();
    let caption = crate::locale::fill(
        words.t("bulletin.figures_caption"),
        &[("period", &words.locale.period_title(b.period()))],
    );
    TableView {
        id: format!("figures-{}", b.slug()),
        caption,
        head_label: words.t("bulletin.indicator").to_owned(),
        columns,
        rows,
        has_missing,
    }
}

/// The note on a figure this release published first and a later one
/// revised: "revised in March 2021 to 11.870,2" (or corrected).
fn revised_note(
    site: &Site,
    b: &Release,
    id: &str,
    field: Field,
    decimals: Option<u8>,
    words: &Words,
) -> Option<String> {
    let versions = site.vintages.of_figure(b.period(), id, field);
    let (first, latest) = (versions.first()?, versions.last()?);
    if versions.len() < 2 || first.by.as_ref() != b.slug() {
        return None;
    }
    let key = match latest.kind {
        crate::site::vintages::VersionKind::Correction => "revisions.corrected_to",
        _ => "revisions.revised_to",
    };
    Some(crate::locale::fill(
        words.t(key),
        &[
            ("release", &words.locale.period_title(&latest.by_period)),
            ("value", &words.cell(decimals, field, latest.value)),
        ],
    ))
}

/// The note on a revised figure shown in its latest version (trend tables,
/// charts' tables): "revised; first published as 11.862,8".
pub fn first_published(
    site: &Site,
    period: &Period,
    id: &str,
    field: Field,
    decimals: Option<u8>,
    words: &Words,
) -> Option<String> {
    let versions = site.vintages.of_figure(period, id, field);
    let first = versions.first().filter(|_| versions.len() > 1)?;
    Some(crate::locale::fill(
        words.t("revisions.first_published"),
        &[("value", &words.cell(decimals, field, first.value))],
    ))
}

/// A breakdown as a table, rows as the editor wrote them.
pub fn breakdown_table(bd: &Breakdown, period: &Period, words: &Words) -> TableView {
    let lang = words.lang();
    let cols = bd.columns();
    let unit = bd.unit.get_or(lang, words.fallback);
    let columns = cols
        .iter()
        .map(|&f| Column {
            label: if f == Field::Value && !unit.is_empty() {
                format!("{} ({unit})", words.field_label(f))
            } else {
                words.field_label(f)
            },
            numeric: true,
        })
        .collect();
    let mut has_missing = false;
    let rows = bd
        .rows
        .iter()
        .map(|r| RowView {
            head: Cell::text(r.label.get_or(lang, words.fallback).to_owned()),
            cells: cols
                .iter()
                .map(|&f| match r.fields.get(f) {
                    Some(x) => Cell::text(words.cell(None, f, x)),
                    None => {
                        has_missing = true;
                        Cell::missing(words)
                    }
                })
                .collect(),
            current: false,
        })
        .collect();
    let caption = format!(
        "{}, {}",
        bd.title.get_or(lang, words.fallback),
        words.locale.period_title(period)
    );
    TableView {
        id: format!("{}-{}", bd.id, period.slug()),
        caption,
        head_label: words.t("bulletin.item").to_owned(),
        columns,
        rows,
        has_missing,
    }
}

/// How many periods a trend table shows, the current one last.
pub const TREND_PERIODS: usize = 6;

/// An indicator over the same period of recent years (every Q1, every 9M).
pub fn trend_table(
    site: &Site,
    indicator: &str,
    period: &Period,
    words: &Words,
    addr: &Addresses,
) -> Option<TableView> {
    let ind = site.catalog.get(indicator)?;
    let mut series: Vec<&Release> = site
        .span_until(period)
        .filter(|b| b.data().fields(indicator).is_some())
        .take(TREND_PERIODS)
        .collect();
    series.reverse();
    let fields: Vec<Field> = [Field::Value, Field::GrowthYoy]
        .into_iter()
        .filter(|&f| {
            series.iter().any(|b| {
                b.data()
                    .fields(indicator)
                    .and_then(|fs| fs.get(f))
                    .is_some()
            })
        })
        .collect();
    let mut columns = Vec::new();
    for &f in &fields {
        let label = if f == Field::Value {
            format!("{} ({})", words.field_label(f), words.unit(ind))
        } else {
            words.field_label(f)
        };
        columns.push(Column {
            label,
            numeric: true,
        });
    }
    let mut has_missing = false;
    let rows = series
        .iter()
        .map(|b| {
            // The latest versions: a trend combines releases.
            let fs = site
                .latest_fields(b, indicator)
                .copied()
                .unwrap_or_default();
            RowView {
                head: Cell {
                    text: words.locale.period_title(b.period()),
                    href: Some(addr.page_href(words.lang(), Page::Release(b.slug()))),
                    missing: false,
                    note: None,
                },
                cells: fields
                    .iter()
                    .map(|&f| match fs.get(f) {
                        Some(x) => Cell {
                            note: first_published(
                                site,
                                b.period(),
                                indicator,
                                f,
                                ind.decimals,
                                words,
                            ),
                            ..Cell::text(words.cell(ind.decimals, f, x))
                        },
                        None => {
                            has_missing = true;
                            Cell::missing(words)
                        }
                    })
                    .collect(),
                current: b.period() == period,
            }
        })
        .collect();
    let caption = crate::locale::fill(
        words.t("bulletin.trend_caption"),
        &[("indicator", &words.name(ind)), ("unit", &words.unit(ind))],
    );
    Some(TableView {
        id: format!("trend-{indicator}-{}", period.slug()),
        caption,
        head_label: words.t("bulletin.trend_period").to_owned(),
        columns,
        rows,
        has_missing,
    })
}

/// The table a `chart()` or `table()` call shows.
pub fn resolved_table(
    site: &Site,
    r: &Resolved,
    words: &Words,
    addr: &Addresses,
) -> Option<TableView> {
    match r {
        Resolved::Breakdown { id, period } => {
            let bd = site.release(period)?.data().breakdown(id)?;
            Some(breakdown_table(bd, period, words))
        }
        Resolved::Trend { indicator, period } => trend_table(site, indicator, period, words, addr),
        Resolved::Figure { .. } => None,
    }
}

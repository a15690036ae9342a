//! What templates see: borrowed-free, preformatted, serializable views of
//! the model. Numbers arrive as text in the page's language, so templates
//! only lay out.

use serde::Serialize;

use crate::address::{Addresses, File, Page};
use crate::catalog::Indicator;
use crate::dataset::{Breakdown, Field};
use crate::narrative::Resolved;
use crate::period::Period;
use crate::render::words::Words;
use crate::site::{Release, Site};

/// A link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

/// A data table, the one shape every table of the theme takes.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub id: String,
    pub caption: String,
    /// Header of the first column (the row labels).
    pub head_label: String,
    pub columns: Vec<Column>,
    pub rows: Vec<RowView>,
    /// Shown when a cell is missing: the legend of "..".
    pub has_missing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: String,
    pub numeric: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// The row header (first cell).
    pub head: Cell,
    pub cells: Vec<Cell>,
    /// The row of the page's own period, in a trend table.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
    pub missing: bool,
}

impl Cell {
    pub(crate) fn text(text: String) -> Cell {
        Cell {
            text,
            href: None,
            missing: false,
        }
    }
    pub(crate) fn missing(words: &Words) -> Cell {
        Cell {
            text: words.t("missing").to_owned(),
            href: None,
            missing: true,
        }
    }
}

/// A key figure: "Kim ngạch xuất khẩu — 5.718,5 triệu USD — tăng 25,15%
/// so với cùng kỳ".
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub indicator: String,
    pub name: String,
    /// The indicator's page.
    pub href: String,
    pub figure: String,
    pub unit: String,
    pub comparisons: Vec<String>,
}

/// A release in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseItem {
    pub title: String,
    pub period: String,
    pub href: String,
    pub status: String,
    pub status_code: &'static str,
    pub published: Option<String>,
    pub published_iso: Option<String>,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearGroup {
    pub year: i32,
    pub releases: Vec<ReleaseItem>,
    /// For the archive: releases by kind within the year.
    pub kinds: Vec<KindGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindGroup {
    pub kind: String,
    pub releases: Vec<ReleaseItem>,
}

/// A release's title in a language: its narrative's, else a default.
pub fn release_title(b: &Release, words: &Words) -> String {
    let period = words.locale.period_title(b.period());
    b.narratives
        .get(words.lang())
        .and_then(|n| n.title.clone())
        .unwrap_or_else(|| {
            crate::locale::fill(words.t("bulletin.default_title"), &[("period", &period)])
        })
}

pub fn release_item(b: &Release, words: &Words, addr: &Addresses) -> ReleaseItem {
    ReleaseItem {
        title: release_title(b, words),
        period: words.locale.period_title(b.period()),
        href: addr.page_href(words.lang(), Page::Release(b.slug())),
        status: words.t(status_key(b)).to_owned(),
        status_code: b.data.status.name(),
        published: b.data.published.map(|d| words.locale.date(&d)),
        published_iso: b.data.published.map(|d| d.to_string()),
        kind: words.t(kind_key(b.period().kind())).to_owned(),
    }
}

fn status_key(b: &Release) -> &'static str {
    match b.data.status {
        crate::dataset::Status::Estimate => "status.estimate",
        crate::dataset::Status::Preliminary => "status.preliminary",
        crate::dataset::Status::Final => "status.final",
    }
}

/// Releases by year, newest first; with kinds for the archive.
pub fn years(site: &Site, words: &Words, addr: &Addresses) -> Vec<YearGroup> {
    let mut years: Vec<i32> = site.releases.iter().map(|b| b.period().year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let in_year: Vec<&Release> = site
                .releases
                .iter()
                .rev()
                .filter(|b| b.period().year == year)
                .collect();
            let kinds = crate::period::Kind::ALL
                .iter()
                .filter_map(|&k| {
                    let releases: Vec<ReleaseItem> = in_year
                        .iter()
                        .filter(|b| b.period().kind() == k)
                        .map(|b| release_item(b, words, addr))
                        .collect();
                    (!releases.is_empty()).then(|| KindGroup {
                        kind: words.t(kind_key(k)).to_owned(),
                        releases,
                    })
                })
                .collect();
            YearGroup {
                year,
                releases: in_year
                    .iter()
                    .map(|b| release_item(b, words, addr))
                    .collect(),
                kinds,
            }
        })
        .collect()
}

/// The key figures of a release: the site's key indicators present in it,
/// else every indicator, in catalogue order.
pub fn cards(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> Vec<Card> {
    let mut ids: Vec<&str> = if site.config.key_indicators.is_empty() {
        let mut v: Vec<&str> = b.data.indicators.iter().map(|(i, _)| i.as_str()).collect();
        v.sort_by_key(|i| site.catalog.position(i));
        v
    } else {
        site.config
            .key_indicators
            .iter()
            .map(String::as_str)
            .filter(|i| b.data.fields(i).is_some())
            .collect()
    };
    if ids.is_empty() {
        ids = b.data.indicators.iter().map(|(i, _)| i.as_str()).collect();
    }
    ids.into_iter()
        .filter_map(|id| {
            let ind = site.catalog.get(id)?;
            let fields = b.data.fields(id)?;
            let mut comparisons = words.comparisons(ind, fields, b.period());
            let (figure, unit) = if let Some(v) = fields.get(Field::Value) {
                let n = words.locale.number(v, ind.decimals);
                let u = words.unit(ind);
                if u == "%" {
                    (format!("{n}%"), String::new())
                } else {
                    (n, u)
                }
            } else if let Some(g) = fields.get(Field::GrowthYoy) {
                // An index published as growth only: the change is the figure,
                // its basis the first comparison.
                comparisons[0] = words.basis(Field::GrowthYoy, b.period()).to_owned();
                (words.change(g), String::new())
            } else {
                let (f, x) = fields.present().next()?;
                comparisons.remove(0);
                (words.value(ind, f, x), String::new())
            };
            Some(Card {
                indicator: id.to_owned(),
                name: words.name(ind),
                href: indicator_href(id, words, addr),
                figure,
                unit,
                comparisons,
            })
        })
        .collect()
}

/// Every figure of a release in one table.
pub fn figures_table(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> TableView {
    // An indicator left blank (as `bantin new` lists them all) has no row.
    let mut ids: Vec<&str> = b
        .data
        .indicators
        .iter()
        .filter(|(_, f)| !f.is_empty())
        .map(|(i, _)| i.as_str())
        .collect();
    ids.sort_by_key(|i| site.catalog.position(i));
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|&f| b.data.indicators.iter().any(|(_, fs)| fs.get(f).is_some()))
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
            let fs = b.data.fields(id)?;
            let mut cells = vec![Cell::text(if fs.get(Field::Value).is_some() {
                words.unit(ind)
            } else {
                String::new()
            })];
            for &f in &fields {
                cells.push(match fs.get(f) {
                    Some(x) => Cell::text(words.cell(ind.decimals, f, x)),
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
    let series: Vec<&Release> = site
        .releases
        .iter()
        .filter(|b| {
            b.period().span == period.span
                && b.period() <= period
                && b.data.fields(indicator).is_some()
        })
        .collect();
    let series = &series[series.len().saturating_sub(TREND_PERIODS)..];
    let fields: Vec<Field> = [Field::Value, Field::GrowthYoy]
        .into_iter()
        .filter(|&f| {
            series
                .iter()
                .any(|b| b.data.fields(indicator).and_then(|fs| fs.get(f)).is_some())
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
            let fs = b.data.fields(indicator).copied().unwrap_or_default();
            RowView {
                head: Cell {
                    text: words.locale.period_title(b.period()),
                    href: Some(addr.page_href(words.lang(), Page::Release(b.slug()))),
                    missing: false,
                },
                cells: fields
                    .iter()
                    .map(|&f| match fs.get(f) {
                        Some(x) => Cell::text(words.cell(ind.decimals, f, x)),
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
            let bd = site.release(period)?.data.breakdown(id)?;
            Some(breakdown_table(bd, period, words))
        }
        Resolved::Trend { indicator, period } => trend_table(site, indicator, period, words, addr),
        Resolved::Figure { .. } => None,
    }
}

/// The text a `value()` or `change()` call prints.
pub fn resolved_text(site: &Site, r: &Resolved, change: bool, words: &Words) -> Option<String> {
    let Resolved::Figure {
        indicator,
        field,
        period,
    } = r
    else {
        return None;
    };
    let ind = site.catalog.get(indicator)?;
    let x = site.release(period)?.data.fields(indicator)?.get(*field)?;
    Some(if change {
        words.change(x)
    } else {
        words.value(ind, *field, x)
    })
}

fn kind_key(k: crate::period::Kind) -> &'static str {
    match k {
        crate::period::Kind::Year => "kind.year",
        crate::period::Kind::Cumulative => "kind.cumulative",
        crate::period::Kind::Quarter => "kind.quarter",
        crate::period::Kind::Month => "kind.month",
    }
}

/// An indicator's page, in the words' language.
pub fn indicator_href(id: &str, words: &Words, addr: &Addresses) -> String {
    addr.page_href(words.lang(), Page::Indicator(id))
}

/// The heading of an indicator page's section for a kind of period.
pub fn series_key(k: crate::period::Kind) -> &'static str {
    match k {
        crate::period::Kind::Year => "indicator.series_year",
        crate::period::Kind::Cumulative => "indicator.series_cumulative",
        crate::period::Kind::Quarter => "indicator.series_quarter",
        crate::period::Kind::Month => "indicator.series_month",
    }
}

/// An indicator, as its page and the list of indicators show it.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub definition: String,
    pub href: String,
    pub csv: String,
    /// "Quý I/2021: 5.718,5 triệu USD": the latest figure.
    pub latest: Option<String>,
    pub latest_href: Option<String>,
}

pub fn indicator_view(ind: &Indicator, words: &Words, addr: &Addresses) -> IndicatorView {
    IndicatorView {
        id: ind.id.clone(),
        name: words.name(ind),
        unit: words.unit(ind),
        definition: ind
            .definition
            .get(words.lang())
            .unwrap_or_default()
            .to_owned(),
        href: indicator_href(&ind.id, words, addr),
        csv: addr.file_href(File::IndicatorCsv(&ind.id)),
        latest: None,
        latest_href: None,
    }
}

/// Every indicator with figures, in catalogue order, with its latest
/// figure.
pub fn indicator_list(site: &Site, words: &Words, addr: &Addresses) -> Vec<IndicatorView> {
    site.indicators_with_data()
        .into_iter()
        .map(|ind| {
            let mut v = indicator_view(ind, words, addr);
            let latest = site
                .releases
                .iter()
                .filter(|b| b.data.fields(&ind.id).is_some())
                .max_by_key(|b| {
                    // Latest end, then the longest period ending there.
                    let p = b.period();
                    let (first, last) = p.months();
                    (p.year, last, std::cmp::Reverse(first))
                });
            if let Some(b) = latest {
                let fs = b.data.fields(&ind.id).copied().unwrap_or_default();
                let figure = match (fs.get(Field::Value), fs.get(Field::GrowthYoy)) {
                    (Some(x), _) => Some(words.level(ind, x)),
                    (None, Some(g)) => Some(format!(
                        "{} {}",
                        words.change(g),
                        words.basis(Field::GrowthYoy, b.period())
                    )),
                    // A share or a comparison alone: in words.
                    _ => words.comparisons(ind, &fs, b.period()).into_iter().next(),
                };
                v.latest =
                    figure.map(|f| format!("{}: {f}", words.locale.period_title(b.period())));
                v.latest_href = Some(addr.page_href(words.lang(), Page::Release(b.slug())));
            }
            v
        })
        .collect()
}

/// A release's own downloads.
#[derive(Debug, Clone, Serialize)]
pub struct Downloads {
    pub csv: String,
    pub json: String,
    /// The page that explains the files.
    pub about: String,
}

pub fn downloads(b: &Release, words: &Words, addr: &Addresses) -> Downloads {
    Downloads {
        csv: addr.file_href(File::ReleaseCsv(b.slug())),
        json: addr.file_href(File::ReleaseJson(b.slug())),
        about: addr.page_href(words.lang(), Page::Data),
    }
}

/// The main points in one line, for a page's description and a feed
/// entry: "Quý I/2021: Kim ngạch xuất khẩu 5.718,5 triệu USD, tăng 25,15%
/// so với cùng kỳ; …".
pub fn cards_summary(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> String {
    let period = words.locale.period_title(b.period());
    let parts: Vec<String> = cards(site, b, words, addr)
        .into_iter()
        .map(|c| {
            let fig = if c.unit.is_empty() {
                c.figure
            } else {
                format!("{} {}", c.figure, c.unit)
            };
            match c.comparisons.first() {
                Some(cmp) => format!("{} {fig}, {cmp}", c.name),
                None => format!("{} {fig}", c.name),
            }
        })
        .collect();
    format!("{period}: {}.", parts.join("; "))
}

/// The open data page: what the files hold and where they are.
#[derive(Debug, Clone, Serialize)]
pub struct DataPage {
    pub all_csv: String,
    pub columns: Vec<Term>,
    pub fields: Vec<Term>,
    pub statuses: Vec<Term>,
    pub kinds: Vec<Term>,
    pub licence: String,
    pub releases: Vec<DataRelease>,
    pub indicators: Vec<IndicatorView>,
}

/// A code and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub code: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DataRelease {
    pub title: String,
    pub href: String,
    pub csv: String,
    pub json: String,
}

pub fn data_page(site: &Site, words: &Words, addr: &Addresses) -> DataPage {
    let langs = &site.config.languages;
    let describe = |key: &str| -> String {
        let key = format!("data.col.{key}");
        words.locale.strings.get(&key).to_owned()
    };
    let mut columns = Vec::new();
    for c in crate::opendata::columns(langs) {
        let generic = c
            .rsplit_once('_')
            .filter(|(_, l)| langs.iter().any(|x| x == l))
            .map(|(what, l)| (what.to_owned(), l.to_owned()));
        let text = match &generic {
            Some((what, l)) => {
                let key = format!("language_names.{l}");
                let name = words.locale.strings.get(&key);
                let name = if name == key { l.as_str() } else { name };
                crate::locale::fill(&describe(what), &[("language", name)])
            }
            None => describe(&c),
        };
        columns.push(Term { code: c, text });
    }
    let fields = Field::ALL
        .into_iter()
        .map(|f| Term {
            code: f.name().to_owned(),
            text: describe(&format!("field_{}", f.name())),
        })
        .collect();
    let statuses = ["estimate", "preliminary", "final"]
        .into_iter()
        .map(|s| Term {
            code: s.to_owned(),
            text: describe(&format!("status_{s}")),
        })
        .collect();
    let kinds = crate::period::Kind::ALL
        .into_iter()
        .map(|k| Term {
            code: k.key().to_owned(),
            text: describe(&format!("kind_{}", k.key())),
        })
        .collect();
    let licence = site
        .config
        .licence
        .get(words.lang())
        .map(str::to_owned)
        .unwrap_or_else(|| words.t("data.no_licence").to_owned());
    DataPage {
        all_csv: addr.file_href(File::AllCsv),
        columns,
        fields,
        statuses,
        kinds,
        licence,
        releases: site
            .releases
            .iter()
            .rev()
            .map(|b| DataRelease {
                title: words.locale.period_title(b.period()),
                href: addr.page_href(words.lang(), Page::Release(b.slug())),
                csv: addr.file_href(File::ReleaseCsv(b.slug())),
                json: addr.file_href(File::ReleaseJson(b.slug())),
            })
            .collect(),
        indicators: indicator_list(site, words, addr),
    }
}

//! The charts a site draws, as data: a breakdown's bars, an indicator's
//! trend over the same period of recent years, an indicator page's whole
//! series, and the growth chart of every release.

use super::model::{Category, ChartData, SeriesData, Shape};
use crate::address::{Addresses, Page};
use crate::catalog::Indicator;
use crate::dataset::{Breakdown, Field, Fields};
use crate::locale::fill;
use crate::period::{Kind, Period};
use crate::render::views;
use crate::render::words::Words;
use crate::site::{Release, Site};

/// `{{ chart("<breakdown>") }}`: rows as bars sorted by value, largest
/// first; falls in their own colour.
pub fn breakdown(bd: &Breakdown, period: &Period, words: &Words) -> Option<ChartData> {
    let lang = words.lang();
    let field = bd.field;
    let mut rows: Vec<(usize, String, f64)> = bd
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let x = r.fields.get(field)?;
            Some((i, r.label.get_or(lang, words.fallback).to_owned(), x))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by(|a, b| b.2.total_cmp(&a.2));
    let unit = if field == Field::Value {
        bd.unit.get_or(lang, words.fallback).to_owned()
    } else {
        "%".to_owned()
    };
    let title = bd.title.get_or(lang, words.fallback);
    let period_title = words.locale.period_title(period);
    let (top_label, top) = (&rows[0].1, rows[0].2);
    let pct = |x: f64| words.locale.percent(x.abs(), None);
    let headline = match field {
        f if f.is_change() && top > 0.0 => fill(
            words.t("chart.breakdown_rise"),
            &[("item", top_label), ("pct", &pct(top))],
        ),
        f if f.is_change() => {
            let last = rows.last().unwrap_or(&rows[0]);
            fill(
                words.t("chart.breakdown_all_fall"),
                &[("item", &last.1), ("pct", &pct(last.2))],
            )
        }
        Field::Share => fill(
            words.t("chart.breakdown_share"),
            &[("item", top_label), ("pct", &pct(top))],
        ),
        _ => {
            let n = words.locale.number(top, None);
            let value = if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            };
            fill(
                words.t("chart.breakdown_largest"),
                &[("item", top_label), ("value", &value)],
            )
        }
    };
    let column = if field == Field::Value && !unit.is_empty() {
        format!("{} ({unit})", words.field_label(field))
    } else {
        words.field_label(field)
    };
    Some(ChartData {
        key: bd.id.clone(),
        shape: Shape::Bars,
        head_label: words.t("bulletin.item").to_owned(),
        categories: rows
            .iter()
            .map(|(_, label, _)| Category {
                label: label.clone(),
                href: None,
                current: false,
            })
            .collect(),
        series: vec![SeriesData {
            name: column,
            unit,
            decimals: None,
            change: field.is_change(),
            line: false,
            mark_falls: field.is_change(),
            values: rows.iter().map(|r| Some(r.2)).collect(),
            refs: rows
                .iter()
                .map(|(i, _, _)| format!("{}:{}#{i}:{}", period.id(), bd.id, field.name()))
                .collect(),
            notes: Vec::new(),
        }],
        headline,
        subtitle: fill(
            words.t("chart.breakdown_subtitle"),
            &[("title", title), ("period", &period_title)],
        ),
    })
}

/// Levels as bars and growth as a line over a list of periods.
fn series_chart(
    site: &Site,
    key: String,
    ind: &Indicator,
    releases: &[(&Release, &Fields)],
    current: Option<&Period>,
    words: &Words,
    addr: &Addresses,
) -> Option<ChartData> {
    let value = |&(_, fs): &(&Release, &Fields), f: Field| fs.get(f);
    let has = |f: Field| releases.iter().any(|b| value(b, f).is_some());
    let (has_level, has_growth) = (has(Field::Value), has(Field::GrowthYoy));
    if !has_level && !has_growth {
        return None;
    }
    let unit = words.unit(ind);
    let refs = |f: Field| -> Vec<String> {
        releases
            .iter()
            .map(|(b, _)| format!("{}:{}:{}", b.period().id(), ind.id, f.name()))
            .collect()
    };
    // A revised figure is drawn in its latest version; the table notes
    // what was first published.
    let notes = |f: Field| -> Vec<Option<String>> {
        let decimals = if f == Field::Value {
            ind.decimals
        } else {
            None
        };
        releases
            .iter()
            .map(|(b, _)| views::first_published(site, b.period(), &ind.id, f, decimals, words))
            .collect()
    };
    let mut series = Vec::new();
    if has_level {
        series.push(SeriesData {
            name: format!("{} ({unit})", words.field_label(Field::Value)),
            unit: unit.clone(),
            decimals: ind.decimals,
            change: false,
            line: false,
            mark_falls: false,
            values: releases.iter().map(|b| value(b, Field::Value)).collect(),
            refs: refs(Field::Value),
            notes: notes(Field::Value),
        });
    }
    if has_growth {
        series.push(SeriesData {
            name: words.field_label(Field::GrowthYoy),
            unit: "%".into(),
            decimals: None,
            change: true,
            // Growth alone is drawn as bars, falls marked.
            line: has_level,
            mark_falls: !has_level,
            values: releases
                .iter()
                .map(|b| value(b, Field::GrowthYoy))
                .collect(),
            refs: refs(Field::GrowthYoy),
            notes: notes(Field::GrowthYoy),
        });
    }
    let first = words.locale.period_title(releases.first()?.0.period());
    let last_b = releases.last()?;
    let last = words.locale.period_title(last_b.0.period());
    let periods = if releases.len() == 1 {
        last.clone()
    } else {
        fill(
            words.t("chart.range"),
            &[("first", &first), ("last", &last)],
        )
    };
    let name = words.name(ind);
    let subtitle_key = match (has_level, has_growth) {
        (true, true) => "chart.series_subtitle_both",
        (true, false) => "chart.series_subtitle_level",
        _ => "chart.series_subtitle_growth",
    };
    let subtitle = fill(
        words.t(subtitle_key),
        &[("indicator", &name), ("unit", &unit), ("periods", &periods)],
    );
    // The message is the figure of the page's period, or of the latest.
    let focus = current
        .and_then(|p| releases.iter().find(|(b, _)| b.period() == p))
        .unwrap_or(last_b);
    let headline = match (value(focus, Field::GrowthYoy), value(focus, Field::Value)) {
        (Some(g), _) => fill(
            words.t("chart.trend_change"),
            &[("indicator", &name), ("change", &words.change(g))],
        ),
        (None, Some(v)) => fill(
            words.t("chart.trend_level"),
            &[("indicator", &name), ("value", &words.level(ind, v))],
        ),
        (None, None) => name.clone(),
    };
    let headline = if current.is_none() {
        fill(
            words.t("chart.series_latest"),
            &[
                ("period", &words.locale.period_title(focus.0.period())),
                ("message", &headline),
            ],
        )
    } else {
        headline
    };
    Some(ChartData {
        key,
        shape: Shape::Columns,
        head_label: words.t("bulletin.trend_period").to_owned(),
        categories: releases
            .iter()
            .map(|(b, _)| Category {
                label: words.locale.period_title(b.period()),
                href: Some(addr.page_href(words.lang(), Page::Release(b.slug()))),
                current: current == Some(b.period()) && releases.len() > 1,
            })
            .collect(),
        series,
        headline,
        subtitle,
    })
}

/// `{{ chart("<indicator>") }}`: the indicator over the same period of
/// recent years (every Q1, every 9M), the page's period highlighted.
pub fn trend(
    site: &Site,
    indicator: &str,
    period: &Period,
    words: &Words,
    addr: &Addresses,
) -> Option<ChartData> {
    let ind = site.catalog.get(indicator)?;
    // The periods of this span up to this one, walking back from it: a
    // few years of releases, however long the site's history.
    let mut recent: Vec<(&Release, &Fields)> = site
        .span_until(period)
        .filter_map(|b| site.latest_fields(b, indicator).map(|fs| (b, fs)))
        .take(views::TREND_PERIODS)
        .collect();
    recent.reverse();
    series_chart(
        site,
        format!("trend-{indicator}"),
        ind,
        &recent,
        Some(period),
        words,
        addr,
    )
}

/// An indicator page's chart of one kind of period: the whole series.
pub fn kind_series(
    site: &Site,
    ind: &Indicator,
    kind: Kind,
    words: &Words,
    addr: &Addresses,
) -> Option<ChartData> {
    let all: Vec<(&Release, &Fields)> = site
        .series(&ind.id)
        .into_iter()
        .filter(|(b, _)| b.period().kind() == kind)
        .collect();
    series_chart(site, kind.key().to_owned(), ind, &all, None, words, addr)
}

/// The chart on every bulletin: growth of the main indicators on the same
/// period last year, beside the plan and the whole country where given.
pub fn growth(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> Option<ChartData> {
    let with_growth = |id: &&str| {
        b.data()
            .fields(id)
            .is_some_and(|fs| fs.get(Field::GrowthYoy).is_some())
    };
    let mut ids: Vec<&str> = site
        .config
        .key_indicators
        .iter()
        .map(String::as_str)
        .filter(with_growth)
        .collect();
    if ids.is_empty() {
        ids = b
            .data()
            .indicators
            .iter()
            .map(|(i, _)| i.as_str())
            .filter(with_growth)
            .collect();
        ids.sort_by_key(|i| site.catalog.position(i));
    }
    if ids.is_empty() {
        return None;
    }
    let inds: Vec<&Indicator> = ids.iter().filter_map(|i| site.catalog.get(i)).collect();
    let field_of = |ind: &Indicator, f: Field| b.data().fields(&ind.id).and_then(|fs| fs.get(f));
    let period = b.period();
    let mut series = Vec::new();
    for (field, name_key) in [
        (Field::GrowthYoy, "chart.growth_yoy"),
        (Field::TargetGrowth, "chart.growth_plan"),
        (Field::NationalGrowth, "chart.growth_national"),
    ] {
        let values: Vec<Option<f64>> = inds.iter().map(|i| field_of(i, field)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        series.push(SeriesData {
            name: words.t(name_key).to_owned(),
            unit: "%".into(),
            decimals: None,
            change: true,
            line: false,
            mark_falls: false,
            values,
            refs: inds
                .iter()
                .map(|i| format!("{}:{}:{}", period.id(), i.id, field.name()))
                .collect(),
            notes: Vec::new(),
        });
    }
    let yoy = &series.first()?.values;
    let best = inds
        .iter()
        .zip(yoy)
        .filter_map(|(i, v)| v.map(|x| (*i, x)))
        .fold(None::<(&Indicator, f64)>, |a, (i, x)| match a {
            Some((_, y)) if y >= x => a,
            _ => Some((i, x)),
        })?;
    let headline = if best.1 > 0.0 {
        fill(
            words.t("chart.growth_headline"),
            &[
                ("indicator", &words.name(best.0)),
                ("pct", &words.locale.percent(best.1, None)),
            ],
        )
    } else {
        words.t("chart.growth_headline_all_fell").to_owned()
    };
    Some(ChartData {
        key: "growth".into(),
        shape: Shape::Bars,
        head_label: words.t("bulletin.indicator").to_owned(),
        categories: inds
            .iter()
            .map(|i| Category {
                label: words.name(i),
                href: Some(addr.page_href(words.lang(), Page::Indicator(&i.id))),
                current: false,
            })
            .collect(),
        series,
        headline,
        subtitle: fill(
            words.t("chart.growth_subtitle"),
            &[("period", &words.locale.period_title(period))],
        ),
    })
}

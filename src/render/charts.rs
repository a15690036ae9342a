//! Charts: what each chart shows, built once as a [`ChartData`], then
//! drawn three ways from that one value: an ECharts option (through
//! charming), a table and a CSV file. So the table and the download hold
//! exactly the chart's data, by construction.
//!
//! The option is serialized with serde_json and embedded in the page as
//! `<script type="application/json">`, with `<`, `>` and `&` escaped so no
//! label can close the script. charming's HtmlRenderer is not used: it
//! loads ECharts from a CDN and pastes the option unescaped.

use charming::Chart;
use charming::component::{Aria, Axis, Grid, Legend};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisPointer, AxisPointerType, AxisType, ItemStyle, Label, LabelPosition, LineStyle,
    Symbol, Tooltip, Trigger,
};
use charming::series::{Bar, Line};
use serde::Serialize;
use serde_json::{Value, json};

use crate::catalog::Indicator;
use crate::dataset::{Breakdown, Field};
use crate::locale::fill;
use crate::period::{Kind, Period};
use crate::render::OutputFile;
use crate::render::urls::Urls;
use crate::render::views::{self, Cell, Column, RowView, TableView};
use crate::render::words::Words;
use crate::site::{Bulletin, Site};

/// Colours: each has at least 3:1 contrast on white (WCAG 1.4.11), and
/// falls differ from rises in hue and lightness.
const PALETTE: [&str; 3] = ["#1d5a9e", "#a3520b", "#3d6e12"];
const FALL: &str = "#b3261e";
const OTHER_PERIOD: &str = "#6287b5";

/// How a chart lays out its categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Categories along the bottom (periods).
    Columns,
    /// Categories down the side, first at the top (items, indicators).
    Bars,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub label: String,
    pub href: Option<String>,
    /// The page's own period, highlighted.
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct SeriesData {
    /// Legend entry and table column, unit included: "Value (million USD)".
    pub name: String,
    /// Shown after numbers in tooltips: "million USD", "%".
    pub unit: String,
    /// Decimals of a level; `None`: as written.
    pub decimals: Option<u8>,
    /// A change, shown signed (`+25,15`).
    pub change: bool,
    /// Drawn as a line on its own axis, beside bars.
    pub line: bool,
    /// Negative values in the fall colour.
    pub mark_falls: bool,
    pub values: Vec<Option<f64>>,
    /// Where each value comes from: `2021-Q1:exports:growth_yoy`, or
    /// `2021-Q1:iip_by_sector#3:growth_yoy` for row 3 of a breakdown.
    pub refs: Vec<String>,
}

impl SeriesData {
    /// A value as the table shows it: `5.718,5`, a change signed `+25,15`.
    fn number(&self, x: f64, words: &Words) -> String {
        if self.change {
            words.locale.signed(x, self.decimals)
        } else {
            words.locale.number(x, self.decimals)
        }
    }
}

/// One chart's data and words, in one language.
#[derive(Debug, Clone)]
pub struct ChartData {
    /// File name of its CSV, unique on its page: `growth`, `trend-exports`.
    pub key: String,
    pub shape: Shape,
    /// Heading of the category column of the table.
    pub head_label: String,
    pub categories: Vec<Category>,
    pub series: Vec<SeriesData>,
    /// The message: "Xuất khẩu tăng 25,15%".
    pub headline: String,
    /// What, unit and period.
    pub subtitle: String,
}

/// What a template needs to show a chart.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub id: String,
    pub headline: String,
    pub subtitle: String,
    pub source: String,
    /// The text alternative: what a sighted reader gets from the chart.
    pub sentence: String,
    /// The embedded option, already escaped for a `<script>` element.
    pub json: String,
    /// Pixels, reserved before the script runs so nothing moves.
    pub height: u32,
    pub table: TableView,
    pub csv: String,
}

/// Renders the charts of one page, numbering them and collecting their
/// CSV files.
pub struct PageCharts<'a> {
    words: &'a Words<'a>,
    urls: &'a Urls,
    source: String,
    /// Folder of the page's chart files under `data/charts/`.
    folder: String,
    used: Vec<String>,
    pub files: Vec<OutputFile>,
}

impl<'a> PageCharts<'a> {
    pub fn new(site: &Site, words: &'a Words<'a>, urls: &'a Urls, folder: String) -> Self {
        let publisher = site.config.publisher.get_or(words.lang(), words.fallback);
        let source = if publisher.is_empty() {
            String::new()
        } else {
            fill(words.t("footer.source"), &[("publisher", publisher)])
        };
        PageCharts {
            words,
            urls,
            source,
            folder,
            used: Vec::new(),
            files: Vec::new(),
        }
    }

    pub fn view(&mut self, data: &ChartData) -> ChartView {
        // A chart shown twice on a page keeps one id and one file.
        let mut key = data.key.clone();
        let mut n = 1;
        while self.used.contains(&key) {
            n += 1;
            key = format!("{}-{n}", data.key);
        }
        self.used.push(key.clone());
        let id = format!("chart-{key}");
        let lang = self.words.lang();
        let csv_path = format!("data/charts/{}/{key}.{lang}.csv", self.folder);
        let sentence = sentence(data, self.words);
        let mut table = table(data, self.words);
        table.id = format!("{id}-table");
        self.files.push(OutputFile {
            path: csv_path.clone(),
            bytes: csv(data).into_bytes(),
        });
        ChartView {
            id,
            headline: data.headline.clone(),
            subtitle: data.subtitle.clone(),
            source: self.source.clone(),
            json: script_json(&embedded(data, &sentence, self.words)),
            sentence,
            height: height(data),
            table,
            csv: self.urls.file(&csv_path),
        }
    }
}

/// The height reserved for a chart, so the page does not move when it is
/// drawn. Bars need a row per item, taller where a long label wraps; the
/// theme's script refines this to the width there is.
fn height(data: &ChartData) -> u32 {
    let legend = if data.series.len() > 1 { 36 } else { 0 };
    match data.shape {
        Shape::Columns => 320 + legend,
        Shape::Bars => {
            let n = data.series.len() as u32;
            let rows: u32 = data
                .categories
                .iter()
                .map(|c| {
                    // About 34 characters fit a line at a desktop width.
                    let lines = (c.label.chars().count() as u32).div_ceil(34).max(1);
                    (lines * 17 + 10).max(12 + 14 * n)
                })
                .sum();
            (rows + 36 + legend).max(140)
        }
    }
}

/// JSON safe inside `<script>`: `<`, `>` and `&` only occur in strings,
/// where `\u003c` means the same to a JSON parser and nothing to HTML.
pub fn script_json(v: &Value) -> String {
    let text = serde_json::to_string(v).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            // Line separators end a JavaScript string in old engines.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The embedded JSON: the ECharts option, and what the theme's script
/// needs to format numbers in the page's language (ECharts would print
/// them the English way).
fn embedded(data: &ChartData, sentence: &str, words: &Words) -> Value {
    let mut option = serde_json::to_value(option(data)).unwrap_or(Value::Null);
    // charming 0.6 has no `aria.label.description`; ECharts reads it as
    // the chart's accessible name.
    option["aria"]["label"] = json!({ "description": sentence });
    let series: Vec<Value> = data
        .series
        .iter()
        .map(|s| {
            json!({
                "unit": s.unit,
                "decimals": s.decimals,
                "change": s.change,
                "refs": s.refs,
            })
        })
        .collect();
    let hrefs: Vec<Option<&str>> = data.categories.iter().map(|c| c.href.as_deref()).collect();
    json!({
        "option": option,
        "series": series,
        "hrefs": hrefs,
        "missing": words.t("missing"),
    })
}

/// The chart as an ECharts option, built with charming.
pub fn option(data: &ChartData) -> Chart {
    let labels: Vec<String> = data.categories.iter().map(|c| c.label.clone()).collect();
    let has_line = data.series.iter().any(|s| s.line);
    let few = data.categories.len() <= 8;
    let mut chart = Chart::new()
        .animation(false)
        .aria(Aria::new().enabled(true))
        .color(PALETTE.to_vec())
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .axis_pointer(AxisPointer::new().type_(AxisPointerType::Shadow)),
        )
        .grid(
            Grid::new()
                .contain_label(true)
                .left(8)
                .right(if data.shape == Shape::Bars { 56 } else { 8 })
                .top(if data.shape == Shape::Columns { 28 } else { 8 })
                .bottom(if data.series.len() > 1 { 40 } else { 8 }),
        );
    if data.series.len() > 1 {
        chart = chart.legend(Legend::new().bottom(0));
    }
    let category = Axis::new()
        .type_(AxisType::Category)
        .data(labels)
        .axis_label(AxisLabel::new().interval(0));
    let value_axis = |s: &SeriesData| Axis::new().type_(AxisType::Value).name(s.unit.clone());
    match data.shape {
        Shape::Columns => {
            chart = chart.x_axis(category);
            let left = data.series.iter().find(|s| !s.line).or(data.series.first());
            if let Some(s) = left {
                chart = chart.y_axis(value_axis(s));
            }
            if has_line
                && data.series.iter().any(|s| !s.line)
                && let Some(s) = data.series.iter().find(|s| s.line)
            {
                chart = chart.y_axis(value_axis(s));
            }
        }
        Shape::Bars => {
            chart = chart
                .y_axis(category.inverse(true))
                .x_axis(Axis::new().type_(AxisType::Value));
        }
    }
    let two_axes = has_line && data.series.iter().any(|s| !s.line);
    for (i, s) in data.series.iter().enumerate() {
        // Each series names its colour: ECharts would skip a palette
        // entry for a series that sets its own.
        let colour = PALETTE[i % PALETTE.len()];
        let points: Vec<DataPoint> = s
            .values
            .iter()
            .zip(&data.categories)
            .map(|(v, c)| point(*v, c, s))
            .collect();
        if s.line {
            let mut line = Line::new()
                .name(s.name.clone())
                .item_style(ItemStyle::new().color(colour))
                .line_style(LineStyle::new().color(colour).width(2))
                .symbol(Symbol::Circle)
                .symbol_size(8)
                .connect_nulls(false)
                .data(points);
            if two_axes {
                line = line.y_axis_index(1);
            }
            // No labels on the line: beside the bars' labels they would
            // collide; its values are in the tooltip and the table.
            chart = chart.series(line);
        } else {
            let mut bar = Bar::new().name(s.name.clone()).data(points);
            if few || data.shape == Shape::Bars {
                let position = match data.shape {
                    Shape::Bars => LabelPosition::Right,
                    Shape::Columns => LabelPosition::Top,
                };
                bar = bar.label(Label::new().show(true).position(position));
            }
            // With the page's own period among them, the other periods'
            // bars are lighter and the page's keeps the strong colour.
            let bar_colour = if data.categories.iter().any(|c| c.current) {
                OTHER_PERIOD
            } else {
                colour
            };
            bar = bar.item_style(ItemStyle::new().color(bar_colour));
            chart = chart.series(bar);
        }
    }
    chart
}

/// A data point, coloured when it is a fall or the current period.
fn point(v: Option<f64>, c: &Category, s: &SeriesData) -> DataPoint {
    let Some(x) = v else {
        return DataPoint::Value(CompositeValue::OptionalNumber(None));
    };
    let colour = if s.mark_falls && x < 0.0 {
        Some(FALL)
    } else if c.current && !s.line {
        Some(PALETTE[0])
    } else {
        None
    };
    match colour {
        Some(colour) => DataPointItem::new(x)
            .item_style(ItemStyle::new().color(colour))
            .into(),
        None => DataPoint::Value(x.into()),
    }
}

/// The chart as a table, rows and columns as drawn.
pub fn table(data: &ChartData, words: &Words) -> TableView {
    let mut has_missing = false;
    let rows = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| RowView {
            head: Cell {
                text: c.label.clone(),
                href: c.href.clone(),
                missing: false,
            },
            cells: data
                .series
                .iter()
                .map(|s| match s.values[i] {
                    Some(x) => Cell::text(s.number(x, words)),
                    None => {
                        has_missing = true;
                        Cell::missing(words)
                    }
                })
                .collect(),
            current: c.current,
        })
        .collect();
    TableView {
        id: data.key.clone(),
        caption: data.subtitle.clone(),
        head_label: data.head_label.clone(),
        columns: data
            .series
            .iter()
            .map(|s| Column {
                label: s.name.clone(),
                numeric: true,
            })
            .collect(),
        rows,
        has_missing,
    }
}

/// The chart's data as CSV: its table, numbers in machine form (`5718.5`),
/// a missing figure left empty. UTF-8 with a byte-order mark, so Excel
/// reads Vietnamese correctly.
pub fn csv(data: &ChartData) -> String {
    let mut rows = Vec::with_capacity(data.categories.len() + 1);
    let mut head = vec![data.head_label.clone()];
    head.extend(data.series.iter().map(|s| s.name.clone()));
    rows.push(head);
    for (i, c) in data.categories.iter().enumerate() {
        let mut row = vec![c.label.clone()];
        row.extend(data.series.iter().map(|s| {
            s.values[i]
                .map(crate::opendata::machine)
                .unwrap_or_default()
        }));
        rows.push(row);
    }
    crate::opendata::csv_text(&rows)
}

/// The text alternative: the kind of chart, what it shows, and its
/// extremes (or every value, when there are few).
pub fn sentence(data: &ChartData, words: &Words) -> String {
    let kind = match (data.shape, data.series.iter().any(|s| s.line)) {
        (Shape::Bars, _) => words.t("chart.kind_bars"),
        (Shape::Columns, true) => words.t("chart.kind_columns_line"),
        (Shape::Columns, false) => words.t("chart.kind_columns"),
    };
    let mut out = fill(
        words.t("chart.sentence"),
        &[("kind", kind), ("subtitle", &data.subtitle)],
    );
    for s in &data.series {
        let shown = |x: f64| {
            let n = s.number(x, words);
            if s.unit == "%" {
                format!("{n}%")
            } else {
                format!("{n} {}", s.unit)
            }
        };
        let points: Vec<(&str, f64)> = data
            .categories
            .iter()
            .zip(&s.values)
            .filter_map(|(c, v)| v.map(|x| (c.label.as_str(), x)))
            .collect();
        if points.is_empty() {
            continue;
        }
        let part = if points.len() <= 4 {
            let list: Vec<String> = points
                .iter()
                .map(|(l, x)| format!("{l} {}", shown(*x)))
                .collect();
            fill(
                words.t("chart.sentence_points"),
                &[("series", &s.name), ("points", &list.join("; "))],
            )
        } else {
            let max = points
                .iter()
                .copied()
                .fold(points[0], |a, b| if b.1 > a.1 { b } else { a });
            let min = points
                .iter()
                .copied()
                .fold(points[0], |a, b| if b.1 < a.1 { b } else { a });
            fill(
                words.t("chart.sentence_extremes"),
                &[
                    ("series", &s.name),
                    ("max_label", max.0),
                    ("max", &shown(max.1)),
                    ("min_label", min.0),
                    ("min", &shown(min.1)),
                ],
            )
        };
        out.push(' ');
        out.push_str(&part);
    }
    out
}

// ---- The charts a site draws -------------------------------------------

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
        }],
        headline,
        subtitle: fill(
            words.t("chart.breakdown_subtitle"),
            &[("title", title), ("period", &period_title)],
        ),
    })
}

/// The periods in which an indicator has figures, oldest first.
fn points_of<'s>(
    site: &'s Site,
    indicator: &str,
    keep: impl Fn(&Period) -> bool,
) -> Vec<&'s Bulletin> {
    site.bulletins
        .iter()
        .filter(|b| keep(b.period()) && b.data.fields(indicator).is_some())
        .collect()
}

/// Levels as bars and growth as a line over a list of periods.
fn series_chart(
    key: String,
    ind: &Indicator,
    bulletins: &[&Bulletin],
    current: Option<&Period>,
    words: &Words,
    urls: &Urls,
) -> Option<ChartData> {
    let value = |b: &Bulletin, f: Field| b.data.fields(&ind.id).and_then(|fs| fs.get(f));
    let has = |f: Field| bulletins.iter().any(|b| value(b, f).is_some());
    let (has_level, has_growth) = (has(Field::Value), has(Field::GrowthYoy));
    if !has_level && !has_growth {
        return None;
    }
    let unit = words.unit(ind);
    let refs = |f: Field| -> Vec<String> {
        bulletins
            .iter()
            .map(|b| format!("{}:{}:{}", b.period().id(), ind.id, f.name()))
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
            values: bulletins.iter().map(|b| value(b, Field::Value)).collect(),
            refs: refs(Field::Value),
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
            values: bulletins
                .iter()
                .map(|b| value(b, Field::GrowthYoy))
                .collect(),
            refs: refs(Field::GrowthYoy),
        });
    }
    let first = words.locale.period_title(bulletins.first()?.period());
    let last_b = bulletins.last()?;
    let last = words.locale.period_title(last_b.period());
    let periods = if bulletins.len() == 1 {
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
        .and_then(|p| bulletins.iter().find(|b| b.period() == p))
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
                ("period", &words.locale.period_title(focus.period())),
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
        categories: bulletins
            .iter()
            .map(|b| Category {
                label: words.locale.period_title(b.period()),
                href: Some(urls.path(words.lang(), &format!("{}/", b.slug()))),
                current: current == Some(b.period()) && bulletins.len() > 1,
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
    urls: &Urls,
) -> Option<ChartData> {
    let ind = site.catalog.get(indicator)?;
    let all = points_of(site, indicator, |p| p.span == period.span && p <= period);
    let recent = &all[all.len().saturating_sub(views::TREND_PERIODS)..];
    series_chart(
        format!("trend-{indicator}"),
        ind,
        recent,
        Some(period),
        words,
        urls,
    )
}

/// An indicator page's chart of one kind of period: the whole series.
pub fn kind_series(
    site: &Site,
    ind: &Indicator,
    kind: Kind,
    words: &Words,
    urls: &Urls,
) -> Option<ChartData> {
    let all = points_of(site, &ind.id, |p| p.kind() == kind);
    series_chart(kind.key().to_owned(), ind, &all, None, words, urls)
}

/// The chart on every bulletin: growth of the main indicators on the same
/// period last year, beside the plan and the whole country where given.
pub fn growth(site: &Site, b: &Bulletin, words: &Words, urls: &Urls) -> Option<ChartData> {
    let with_growth = |id: &&str| {
        b.data
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
            .data
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
    let field_of = |ind: &Indicator, f: Field| b.data.fields(&ind.id).and_then(|fs| fs.get(f));
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
                href: Some(urls.path(words.lang(), &format!("indicators/{}/", i.id))),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LocalText;
    use crate::dataset::{Fields, Row};
    use crate::locale::{Locale, Strings};

    fn locale(lang: &str) -> Locale {
        let text = match lang {
            "vi" => include_str!("../../themes/default/i18n/vi.toml"),
            _ => include_str!("../../themes/default/i18n/en.toml"),
        };
        Locale::new(lang, Strings::parse(text).unwrap()).unwrap()
    }

    fn breakdown_of(field: Field, rows: &[(&str, f64)]) -> Breakdown {
        Breakdown {
            id: "by_sector".into(),
            title: LocalText::Same("IIP theo ngành".into()),
            field,
            unit: LocalText::None,
            rows: rows
                .iter()
                .map(|(label, x)| {
                    let mut fields = Fields::default();
                    fields.set(field, *x);
                    Row {
                        label: LocalText::Same((*label).into()),
                        fields,
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn script_json_cannot_close_its_script_and_reads_back_the_same() {
        let v = json!({ "label": "</script><script>alert(1)</script> & \u{2028}" });
        let text = script_json(&v);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert!(!text.contains('\u{2028}'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }

    #[test]
    fn breakdown_bars_are_sorted_with_falls_marked_and_a_headline() {
        let vi = locale("vi");
        let words = Words {
            locale: &vi,
            fallback: "vi",
        };
        let period = Period::parse("2021-Q1").unwrap();
        let bd = breakdown_of(
            Field::GrowthYoy,
            &[("Đóng tàu", 67.64), ("Mô tơ", -51.76), ("Tự động", 71.51)],
        );
        let data = breakdown(&bd, &period, &words).unwrap();
        let labels: Vec<&str> = data.categories.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Tự động", "Đóng tàu", "Mô tơ"]);
        assert_eq!(
            data.series[0].refs,
            [
                "2021-Q1:by_sector#2:growth_yoy",
                "2021-Q1:by_sector#0:growth_yoy",
                "2021-Q1:by_sector#1:growth_yoy"
            ]
        );
        assert_eq!(data.headline, "Tự động tăng mạnh nhất: 71,51%");
        let option = serde_json::to_value(option(&data)).unwrap();
        let colours: Vec<Option<&str>> = option["series"][0]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["itemStyle"]["color"].as_str())
            .collect();
        assert_eq!(colours, [None, None, Some(FALL)]);

        let all_fall = breakdown_of(Field::GrowthYoy, &[("A", -1.5), ("B", -20.0)]);
        assert_eq!(
            breakdown(&all_fall, &period, &words).unwrap().headline,
            "Tất cả đều giảm; B giảm nhiều nhất: 20%"
        );
        let shares = breakdown_of(Field::Share, &[("Điện tử", 60.0), ("Giày dép", 5.0)]);
        assert_eq!(
            breakdown(&shares, &period, &words).unwrap().headline,
            "Điện tử chiếm 60%"
        );
    }

    #[test]
    fn table_csv_and_sentence_hold_the_same_figures() {
        let en = locale("en");
        let words = Words {
            locale: &en,
            fallback: "vi",
        };
        let period = Period::parse("2021-Q1").unwrap();
        let bd = breakdown_of(
            Field::GrowthYoy,
            &[("Ships", 67.64), ("Motors, bikes", -51.76)],
        );
        let data = breakdown(&bd, &period, &words).unwrap();
        let t = table(&data, &words);
        let cells: Vec<&str> = t.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
        assert_eq!(cells, ["+67.64", "-51.76"]);
        assert_eq!(
            csv(&data),
            "\u{feff}Item,Year on year (%)\r\nShips,67.64\r\n\"Motors, bikes\",-51.76\r\n"
        );
        assert_eq!(
            sentence(&data, &words),
            "Horizontal bar chart: IIP theo ngành, Q1 2021. Year on year (%): Ships +67.64%; Motors, bikes -51.76%."
        );
    }
}

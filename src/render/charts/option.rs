//! A chart as an ECharts option, built with charming and serialized with
//! serde_json, embedded in its page as `<script type="application/json">`.
//! charming's HtmlRenderer is not used: it loads ECharts from a CDN and
//! pastes the option unescaped.

use charming::Chart;
use charming::component::{Aria, Axis, Grid, Legend};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisPointer, AxisPointerType, AxisType, ItemStyle, Label, LabelPosition, LineStyle,
    Symbol, Tooltip, Trigger,
};
use charming::series::{Bar, Line};
use serde_json::{Value, json};

use super::model::{Category, ChartData, SeriesData, Shape};
use crate::render::words::Words;

/// Colours: each has at least 3:1 contrast on white (WCAG 1.4.11), and
/// falls differ from rises in hue and lightness.
const PALETTE: [&str; 3] = ["#1d5a9e", "#a3520b", "#3d6e12"];
pub(super) const FALL: &str = "#b3261e";
const OTHER_PERIOD: &str = "#6287b5";

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
pub(super) fn embedded(data: &ChartData, sentence: &str, words: &Words) -> Value {
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

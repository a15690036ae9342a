//! A chart's text alternatives, drawn from the same data as the chart: a
//! table (shown by a button, and at once without JavaScript), a CSV file,
//! and a sentence with its extremes for screen readers.

use super::model::{ChartData, Shape};
use crate::locale::fill;
use crate::render::views::{Cell, Column, RowView, TableView};
use crate::render::words::Words;

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
                note: None,
            },
            cells: data
                .series
                .iter()
                .map(|s| match s.values[i] {
                    Some(x) => Cell {
                        note: s.notes.get(i).cloned().flatten(),
                        ..Cell::text(s.number(x, words))
                    },
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

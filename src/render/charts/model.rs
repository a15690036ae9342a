//! What a chart shows, in one language: its categories, series, headline
//! and subtitle. Built once per chart ([`super::build`]), then drawn as
//! an ECharts option ([`super::option`]) and as its text alternatives
//! ([`super::alternatives`]).

use crate::render::words::Words;

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
    /// A note per value of a figure revised since first published ("revised;
    /// first published as 5.718,5"), for the table; empty when none is.
    pub notes: Vec<Option<String>>,
}

impl SeriesData {
    /// A value as the table shows it: `5.718,5`, a change signed `+25,15`.
    pub(super) fn number(&self, x: f64, words: &Words) -> String {
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

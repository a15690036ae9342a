//! Charts: what each chart shows, built once as a [`ChartData`]
//! ([`build`]), then drawn three ways from that one value: an ECharts
//! option ([`option`]), a table and a CSV file ([`alternatives`]). So
//! the table and the download hold exactly the chart's data, by
//! construction. [`PageCharts`] numbers a page's charts and collects
//! their files.
//!
//! The option is serialized with serde_json and embedded in the page as
//! `<script type="application/json">`, with `<`, `>` and `&` escaped so no
//! label can close the script. charming's HtmlRenderer is not used: it
//! loads ECharts from a CDN and pastes the option unescaped.

mod alternatives;
mod build;
mod model;
mod option;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub(crate) use build::{breakdown, growth, kind_series, trend};
pub(crate) use model::ChartData;

use crate::address::{Addresses, File, Page};
use crate::locale::fill;
use crate::output::OutputFile;
use crate::render::views::TableView;
use crate::render::words::Words;
use crate::site::Site;
use alternatives::{csv, sentence, table};
use model::Shape;
use option::{embedded, script_json};

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
    /// Pixels, reserved before the script runs so nothing moves: at a
    /// desktop's width, and on a phone (where bars have their labels
    /// above them); the theme's CSS picks one by the screen's width.
    pub height: u32,
    pub height_narrow: u32,
    /// A series of one period: shown as its figures (the table), not as
    /// a chart of a lone bar with an unlabelled dot. (Of two periods, the
    /// chart labels its points: the theme's script.)
    pub figures_only: bool,
    pub table: TableView,
    pub csv: String,
}

/// Renders the charts of one page, numbering them and collecting their
/// CSV files.
pub struct PageCharts<'a> {
    words: &'a Words<'a>,
    addr: &'a Addresses,
    source: String,
    /// The page the charts are on: their files go in its charts folder.
    page: Page<'a>,
    used: Vec<String>,
    pub files: Vec<OutputFile>,
}

impl<'a> PageCharts<'a> {
    pub fn new(site: &Site, words: &'a Words<'a>, addr: &'a Addresses, page: Page<'a>) -> Self {
        let publisher = site.config.publisher.get_or(words.lang(), words.fallback);
        let source = if publisher.is_empty() {
            String::new()
        } else {
            fill(words.t("footer.source"), &[("publisher", publisher)])
        };
        PageCharts {
            words,
            addr,
            source,
            page,
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
        let file = File::ChartCsv {
            page: self.page,
            chart: &key,
            lang,
        };
        let sentence = sentence(data, self.words);
        let mut table = table(data, self.words);
        table.id = format!("{id}-table");
        self.files.push(OutputFile {
            path: self.addr.file_output(file),
            bytes: csv(data).into_bytes(),
        });
        ChartView {
            id,
            headline: data.headline.clone(),
            subtitle: data.subtitle.clone(),
            source: self.source.clone(),
            json: script_json(&embedded(data, &sentence, self.words)),
            sentence,
            height: height(data, 34, false),
            height_narrow: height(data, 40, true),
            figures_only: data.shape == Shape::Columns && data.categories.len() < 2,
            table,
            csv: self.addr.file_href(file),
        }
    }
}

/// The height reserved for a chart, so the page does not move when it is
/// drawn. Bars need a row per item, taller where a long label wraps
/// (`per_line` characters fit a line); on a phone (`narrow`) each label
/// sits above its bar. The theme's script refines this to the width
/// there is, by the same rule.
fn height(data: &ChartData, per_line: u32, narrow: bool) -> u32 {
    let legend = if data.series.len() > 1 { 36 } else { 0 };
    match data.shape {
        Shape::Columns => 320 + legend,
        Shape::Bars => {
            let n = data.series.len() as u32;
            // ECharts gives every row the same band, as tall as the row
            // whose label has the most lines needs.
            let most = data
                .categories
                .iter()
                .map(|c| (c.label.chars().count() as u32).div_ceil(per_line).max(1))
                .max()
                .unwrap_or(1);
            let band = if narrow {
                most * 17 + 14 * n + 16
            } else {
                (most * 17 + 10).max(12 + 14 * n)
            };
            let rows = band * data.categories.len() as u32;
            (rows + 36 + legend).max(140)
        }
    }
}

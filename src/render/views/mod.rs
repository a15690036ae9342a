//! What templates see: borrowed-free, preformatted, serializable views of
//! the model. Numbers arrive as text in the page's language, so templates
//! only lay out.
//!
//! [`tables`]: every table (a release's figures, a breakdown, a trend);
//! [`releases`]: releases in lists, their main points and downloads;
//! [`indicators`]: indicators in lists and on their page; [`data`]: the
//! open data page.

mod calendar;
mod data;
mod indicators;
mod releases;
mod revisions;
mod tables;

use serde::Serialize;

pub use calendar::*;
pub use data::*;
pub use indicators::*;
pub use releases::*;
pub use revisions::*;
pub use tables::*;

use crate::render::words::Words;

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
    /// "Revised in March 2021 to 11.870,2": a figure a later release
    /// restated, shown as first published with this note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Cell {
    pub(crate) fn text(text: String) -> Cell {
        Cell {
            text,
            href: None,
            missing: false,
            note: None,
        }
    }
    pub(crate) fn missing(words: &Words) -> Cell {
        Cell {
            text: words.t("missing").to_owned(),
            href: None,
            missing: true,
            note: None,
        }
    }
}

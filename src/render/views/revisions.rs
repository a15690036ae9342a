//! A bulletin's "Revisions in this release": each figure of an earlier
//! period it states again, with the figure it replaces, whether it is a
//! routine revision or a correction, and why.

use super::{Cell, Column, RowView, TableView};
use crate::dataset::Field;
use crate::render::words::Words;
use crate::site::vintages::VersionKind;
use crate::site::{Release, Site};

/// The table, when the release revises anything.
pub fn revisions_table(site: &Site, b: &Release, words: &Words) -> Option<TableView> {
    let lang = words.lang();
    let mut rows = Vec::new();
    for r in &b.data().revisions {
        for (id, fields) in &r.indicators {
            let Some(ind) = site.catalog.get(id) else {
                continue;
            };
            for (field, value) in fields.present() {
                let versions = site.vintages.of_figure(&r.period, id, field);
                // The version this release replaced: the one before its own.
                let at = versions.iter().position(|v| v.by.as_ref() == b.slug());
                let was = at
                    .and_then(|i| i.checked_sub(1))
                    .and_then(|i| versions.get(i))
                    .map_or_else(
                        || Cell::missing(words),
                        |v| Cell::text(words.cell(ind.decimals, field, v.value)),
                    );
                let kind = if r.correction {
                    VersionKind::Correction
                } else {
                    VersionKind::Revision
                };
                let label = match field {
                    Field::Value => words.name(ind),
                    f => format!("{}: {}", words.name(ind), words.field_label(f)),
                };
                rows.push(RowView {
                    head: Cell::text(format!(
                        "{label} ({})",
                        words.locale.period_title(&r.period)
                    )),
                    cells: vec![
                        was,
                        Cell::text(words.cell(ind.decimals, field, value)),
                        Cell::text(words.t(&format!("revisions.{}", kind.name())).to_owned()),
                        Cell::text(r.reason.get_or(lang, words.fallback).to_owned()),
                    ],
                    current: false,
                });
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    let column = |key: &str, numeric| Column {
        label: words.t(key).to_owned(),
        numeric,
    };
    Some(TableView {
        id: format!("revisions-{}", b.slug()),
        caption: words.t("revisions.title").to_owned(),
        head_label: words.t("bulletin.indicator").to_owned(),
        columns: vec![
            column("revisions.was", true),
            column("revisions.now", true),
            column("revisions.kind", false),
            column("revisions.reason", false),
        ],
        rows,
        has_missing: false,
    })
}

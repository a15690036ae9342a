//! The figures as Excel workbooks, one per language, laid out as the UK
//! Government Analysis Function asks of statistics released in
//! spreadsheets ("Releasing statistics in spreadsheets"): a cover sheet
//! (title, period, status, release date, source, licence, contact,
//! contents), a notes sheet, then one table per sheet starting at A1
//! with a single header row, no merged cells, numbers stored as numbers
//! with their unit in the header, and a missing figure written as the
//! theme's symbol (`..`), which the notes explain.
//!
//! A release's workbook holds its figures as it published them (as its
//! CSV does); an indicator's holds every period, revised figures at their
//! latest version with the release that revised them (as its series
//! CSV does). Workbooks carry the release date as their creation date,
//! never the clock, so an unchanged release gives the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::catalog::Indicator;
use crate::config::{Config, LocalText};
use crate::dataset::{Date, Field, Fields};
use crate::locale::{Locale, fill};
use crate::site::{Release, Site};

/// What a workbook's cover says, beyond the site's own settings.
pub struct Cover<'a> {
    pub title: String,
    /// Label and text, one row each, after the title.
    pub lines: Vec<(&'a str, String)>,
    /// The web page the figures are published on.
    pub page: String,
    pub date: Option<Date>,
}

/// A table: its name in the contents, its header row, its rows.
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell of a table.
pub enum Cell {
    Text(String),
    Number(f64),
    /// A figure not available: the missing symbol.
    Missing,
}

/// The cells of one indicator's figures in `fields`, one per column.
fn figure_cells(fields: Option<&Fields>, columns: &[Field]) -> Vec<Cell> {
    columns
        .iter()
        .map(|&f| match fields.and_then(|x| x.get(f)) {
            Some(x) => Cell::Number(x),
            None => Cell::Missing,
        })
        .collect()
}

/// The header of a figure's column: `Year on year (%)`; a level's, with
/// its unit when one unit holds for the whole column.
fn field_header(locale: &Locale, field: Field, unit: Option<&str>) -> String {
    let name = locale.field_label(field);
    match (field, unit) {
        (Field::Value, Some(u)) => fill(locale.t("workbook.value_in"), &[("unit", u)]),
        (Field::Value, None) => locale.t("workbook.value_in_column").to_owned(),
        _ => name.to_owned(),
    }
}

fn text(t: &LocalText, lang: &str, fallback: &str) -> String {
    t.get_or(lang, fallback).to_owned()
}

/// A release's workbook in `locale`'s language: its indicators, then a
/// table per breakdown.
pub fn release(site: &Site, b: &Release, locale: &Locale, title: &str, page: String) -> Vec<u8> {
    let lang = locale.lang.as_str();
    let fallback = site.config.default_language.as_str();
    let mut inds: Vec<&(String, Fields)> = b.data().indicators.iter().collect();
    inds.sort_by_key(|(id, _)| site.catalog.position(id));
    let inds: Vec<(&Indicator, &Fields)> = inds
        .into_iter()
        .filter_map(|(id, f)| Some((site.catalog.get(id)?, f)))
        .collect();
    let columns: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|&f| inds.iter().any(|(_, x)| x.get(f).is_some()))
        .collect();
    let mut header = vec![
        locale.t("workbook.code").to_owned(),
        locale.t("bulletin.indicator").to_owned(),
        locale.t("bulletin.unit").to_owned(),
    ];
    header.extend(columns.iter().map(|&f| field_header(locale, f, None)));
    let rows = inds
        .iter()
        .map(|(ind, fields)| {
            let mut row = vec![
                Cell::Text(ind.id.clone()),
                Cell::Text(text(&ind.name, lang, fallback)),
                Cell::Text(text(&ind.unit, lang, fallback)),
            ];
            row.extend(figure_cells(Some(fields), &columns));
            row
        })
        .collect();
    let period = locale.period_title(b.period());
    let mut tables = vec![Table {
        name: fill(locale.t("workbook.indicators"), &[("period", &period)]),
        header,
        rows,
    }];
    for bd in &b.data().breakdowns {
        let columns = bd.columns();
        let unit = bd.unit.get_or(lang, fallback);
        let mut header = vec![locale.t("bulletin.item").to_owned()];
        header.extend(
            columns
                .iter()
                .map(|&f| field_header(locale, f, Some(unit).filter(|u| !u.is_empty()))),
        );
        tables.push(Table {
            name: text(&bd.title, lang, fallback),
            header,
            rows: bd
                .rows
                .iter()
                .map(|r| {
                    let mut row = vec![Cell::Text(text(&r.label, lang, fallback))];
                    row.extend(figure_cells(Some(&r.fields), &columns));
                    row
                })
                .collect(),
        });
    }
    let status = locale.status_name(b.data().status).to_owned();
    let mut lines = vec![
        (locale.t("bulletin.period"), period),
        (locale.t("bulletin.status"), status),
    ];
    if let Some(d) = b.data().published {
        lines.push((locale.t("bulletin.published"), locale.date(&d)));
    }
    let cover = Cover {
        title: title.to_owned(),
        lines,
        page,
        date: b.data().published,
    };
    workbook(&site.config, locale, &cover, &tables)
}

/// An indicator's workbook in `locale`'s language: one row per period,
/// in period order, each figure at its latest version.
pub fn indicator(
    site: &Site,
    ind: &Indicator,
    series: &[(&Release, &Fields)],
    locale: &Locale,
    page: String,
) -> Vec<u8> {
    let lang = locale.lang.as_str();
    let fallback = site.config.default_language.as_str();
    let columns: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|&f| series.iter().any(|(_, x)| x.get(f).is_some()))
        .collect();
    let unit = text(&ind.unit, lang, fallback);
    let mut header = vec![
        locale.t("workbook.period_code").to_owned(),
        locale.t("bulletin.period").to_owned(),
        locale.t("workbook.period_kind").to_owned(),
        locale.t("bulletin.status").to_owned(),
        locale.t("bulletin.published").to_owned(),
    ];
    header.extend(
        columns
            .iter()
            .map(|&f| field_header(locale, f, Some(&unit))),
    );
    header.push(locale.t("workbook.revised_by").to_owned());
    let rows = series
        .iter()
        .map(|(b, fields)| {
            let mut row = vec![
                Cell::Text(b.period().id()),
                Cell::Text(locale.period_title(b.period())),
                Cell::Text(locale.kind_name(b.period().kind()).to_owned()),
                Cell::Text(locale.status_name(b.data().status).to_owned()),
                match b.data().published {
                    Some(d) => Cell::Text(d.to_string()),
                    None => Cell::Missing,
                },
            ];
            row.extend(figure_cells(Some(fields), &columns));
            let by: Vec<String> = columns
                .iter()
                .filter_map(|&f| {
                    let versions = site.vintages.of_figure(b.period(), &ind.id, f);
                    (versions.len() > 1).then(|| versions.last().map(|v| v.by.to_string()))?
                })
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            row.push(Cell::Text(by.join(", ")));
            row
        })
        .collect();
    let name = text(&ind.name, lang, fallback);
    let tables = vec![Table {
        name: fill(locale.t("workbook.series"), &[("indicator", &name)]),
        header,
        rows,
    }];
    let mut lines = vec![(locale.t("bulletin.unit"), unit)];
    let definition = ind.definition.get_or(lang, fallback);
    if !definition.is_empty() {
        lines.push((locale.t("workbook.definition"), definition.to_owned()));
    }
    let last = series.last().and_then(|(b, _)| b.data().published);
    if let Some(d) = last {
        lines.push((locale.t("workbook.updated"), locale.date(&d)));
    }
    let cover = Cover {
        title: name,
        lines,
        page,
        date: last,
    };
    workbook(&site.config, locale, &cover, &tables)
}

/// The workbook's bytes: cover, notes, tables. Writing to memory fails
/// only on a bug (a sheet name or cell out of Excel's limits, which the
/// names used here keep within), so a failure gives an empty file rather
/// than a broken build; the tests read every workbook back.
fn workbook(config: &Config, locale: &Locale, cover: &Cover, tables: &[Table]) -> Vec<u8> {
    build(config, locale, cover, tables).unwrap_or_default()
}

fn build(
    config: &Config,
    locale: &Locale,
    cover: &Cover,
    tables: &[Table],
) -> Result<Vec<u8>, XlsxError> {
    let lang = locale.lang.as_str();
    let fallback = config.default_language.as_str();
    let mut wb = Workbook::new();
    // A site has two workbooks per release and per indicator: the fastest
    // deflate level makes them at half the cost, for files a few per cent
    // larger (measured on 1,000 releases; see the README's benchmark).
    wb.set_zip_compression_level(1);
    let date = cover.date.unwrap_or(Date {
        year: 2000,
        month: 1,
        day: 1,
    });
    let created = ExcelDateTime::from_ymd(
        u16::try_from(date.year).unwrap_or(2000),
        date.month,
        date.day,
    )?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&cover.title)
            .set_author(text(&config.publisher, lang, fallback))
            .set_company(text(&config.publisher, lang, fallback))
            .set_comment(text(&config.title, lang, fallback))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let heading = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();

    // The cover: the title in A1, then one item per row.
    let sheet = wb.add_worksheet();
    sheet.set_name(locale.t("workbook.cover"))?;
    sheet.write_string_with_format(0, 0, &cover.title, &heading)?;
    let mut row = 2;
    let mut line = |sheet: &mut Worksheet, label: &str, value: &str| -> Result<(), XlsxError> {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.write_string_with_format(row, 1, value, &wrap)?;
        row += 1;
        Ok(())
    };
    for (label, value) in &cover.lines {
        line(sheet, label, value)?;
    }
    let source = text(&config.publisher, lang, fallback);
    if !source.is_empty() {
        line(sheet, locale.t("workbook.source"), &source)?;
    }
    let licence = match config.licence.get_or(lang, fallback) {
        "" => locale.t("data.no_licence").to_owned(),
        l => l.to_owned(),
    };
    line(sheet, locale.t("data.licence"), &licence)?;
    let contact = text(&config.contact, lang, fallback);
    if !contact.is_empty() {
        line(sheet, locale.t("workbook.contact"), &contact)?;
    }
    sheet.write_string_with_format(row, 0, locale.t("workbook.page"), &bold)?;
    sheet.write_url(row, 1, cover.page.as_str())?;
    row += 2;
    sheet.write_string_with_format(row, 0, locale.t("workbook.contents"), &bold)?;
    row += 1;
    let sheet_name = |i: usize| fill(locale.t("workbook.table"), &[("n", &(i + 1).to_string())]);
    sheet.write_string(row, 0, locale.t("workbook.notes"))?;
    sheet.write_string(row, 1, locale.t("workbook.notes_about"))?;
    row += 1;
    for (i, t) in tables.iter().enumerate() {
        sheet.write_string(row, 0, sheet_name(i))?;
        sheet.write_string(row, 1, &t.name)?;
        row += 1;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 90)?;

    // The notes: a table of its own.
    let notes = [
        fill(
            locale.t("workbook.note_missing"),
            &[("symbol", locale.t("missing"))],
        ),
        locale.t("workbook.note_numbers").to_owned(),
        locale.t("data.col.status_estimate").to_owned(),
        locale.t("data.col.status_preliminary").to_owned(),
        locale.t("data.col.status_final").to_owned(),
        locale.t("workbook.note_revisions").to_owned(),
    ];
    let sheet = wb.add_worksheet();
    sheet.set_name(locale.t("workbook.notes"))?;
    sheet.write_string_with_format(0, 0, locale.t("workbook.note_number"), &bold)?;
    sheet.write_string_with_format(0, 1, locale.t("workbook.note_text"), &bold)?;
    for (i, note) in notes.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_number(r, 0, f64::from(r))?;
        sheet.write_string_with_format(r, 1, note, &wrap)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 100)?;

    // One table per sheet, its header row in row 1.
    for (i, t) in tables.iter().enumerate() {
        let sheet = wb.add_worksheet();
        sheet.set_name(sheet_name(i))?;
        let mut widths: Vec<usize> = t.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in t.header.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), h, &bold)?;
        }
        for (r, cells) in t.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in cells.iter().enumerate() {
                let shown = match cell {
                    Cell::Text(s) => {
                        sheet.write_string(r, col(c), s)?;
                        s.chars().count()
                    }
                    Cell::Number(x) => {
                        sheet.write_number(r, col(c), *x)?;
                        12
                    }
                    Cell::Missing => {
                        sheet.write_string(r, col(c), locale.t("missing"))?;
                        2
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(shown);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(col(c), (*w).clamp(8, 60) as f64 + 2.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    wb.save_to_buffer()
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

//! The map file: where each figure of the department's workbook is, written
//! once per layout of workbook and used every period (see "Importing from
//! a workbook" in docs/content-format.md).
//!
//! ```yaml
//! sheet: "Biểu 1"                      # the default sheet
//! indicators:
//!   exports:
//!     row: "Kim ngạch xuất khẩu"        # the row, by its label
//!     value: "Ước tính"                 # the column, by its header
//!     growth_yoy: ["So sánh (%)", "Cùng kỳ"]   # headers from the top down
//!   iip:
//!     growth_yoy: D8                    # or the cell itself
//! breakdowns:
//!   iip_by_sector:
//!     sheet: IIP
//!     rows: { first: "Sản xuất thiết bị tự động", last: "May trang phục" }
//!     columns: { growth_yoy: "% so cùng kỳ" }
//!     labels: { "Đóng tàu": "Shipbuilding" }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::{Mapping, Value};

use crate::catalog::Catalog;
use crate::config::LocalText;
use crate::dataset::{Field, Status};
use crate::diagnostic::Diagnostic;
use crate::messages::Message;
use crate::msg;
use crate::yaml::{self, Source, YamlPath};

mod breakdown;

use super::book::{Pos, parse_cell, parse_column};
use super::read::Reading;

/// Where one figure is.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A cell, by its address.
    Cell(Pos),
    /// The cell where a row, by its label, meets a column, by its
    /// headers from the top down (one, or several across merged rows).
    Lookup {
        row: String,
        column: Vec<String>,
        label_column: Option<u32>,
    },
}

/// One figure of an indicator.
#[derive(Debug, Clone)]
pub struct FieldMap {
    pub field: Field,
    pub sheet: String,
    pub target: Target,
    pub reading: Reading,
    /// Where the map says it, for messages.
    pub at: YamlPath,
}

#[derive(Debug, Clone)]
pub struct IndicatorMap {
    pub id: String,
    pub fields: Vec<FieldMap>,
}

/// The rows of a breakdown: a block of rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Rows {
    /// From the row labelled `first` to the row labelled `last`.
    Between { first: String, last: String },
    /// Every row after the one labelled so, up to the first blank label.
    Under(String),
    /// The label cells `A12:A20`.
    Range(Pos, Pos),
}

#[derive(Debug, Clone)]
pub struct BreakdownMap {
    pub id: String,
    pub sheet: String,
    pub rows: Rows,
    pub label_column: Option<u32>,
    /// Each figure's column, by its headers from the top down.
    pub columns: Vec<(Field, Vec<String>)>,
    pub title: LocalText,
    pub field: Option<Field>,
    pub unit: LocalText,
    /// Row labels in the site's other languages, by the folded label of
    /// the workbook: `{ "dong tau": { en: "Shipbuilding" } }`.
    pub labels: BTreeMap<String, LocalText>,
    pub reading: Reading,
    pub at: YamlPath,
}

#[derive(Debug, Clone, Default)]
pub struct Map {
    pub status: Option<Status>,
    pub indicators: Vec<IndicatorMap>,
    pub breakdowns: Vec<BreakdownMap>,
}

const TOP_KEYS: [&str; 4] = ["sheet", "status", "indicators", "breakdowns"];
const INDICATOR_KEYS: [&str; 4] = ["sheet", "row", "label_column", "percent"];
const FIGURE_KEYS: [&str; 6] = ["sheet", "cell", "row", "column", "label_column", "percent"];
const BREAKDOWN_KEYS: [&str; 9] = [
    "sheet",
    "rows",
    "label_column",
    "columns",
    "title",
    "field",
    "unit",
    "labels",
    "percent",
];

/// Reads a map: what it says that can be used, and every problem with
/// its line (a figure with a mistake is left out, the others kept, so
/// the workbook's own problems are found in the same run).
pub fn parse(
    text: &str,
    shown: &Path,
    catalog: &Catalog,
    other_lang: &str,
) -> (Map, Vec<Diagnostic>) {
    let root = match yaml::parse(text) {
        Ok(r) => r,
        Err(e) => return (Map::default(), vec![e.diagnostic(shown)]),
    };
    let src = Source { shown, text };
    let mut p = Parser {
        src: &src,
        problems: Vec::new(),
        other_lang,
    };
    let map = p.map(&root, catalog);
    (map, p.problems)
}

struct Parser<'a> {
    src: &'a Source<'a>,
    problems: Vec<Diagnostic>,
    other_lang: &'a str,
}

impl Parser<'_> {
    /// A mistake at the node `at` (with `at_key`, at the key naming it),
    /// with what to do.
    fn fail(&mut self, at: &YamlPath, at_key: bool, message: Message, hint: Message) {
        self.problems
            .push(self.src.error(at, at_key, message).with_hint(hint));
    }

    fn mapping<'v>(&mut self, v: &'v Value, at: &YamlPath) -> Option<&'v Mapping> {
        match v {
            Value::Mapping(m) => Some(m),
            other => {
                self.problems.push(self.src.error(
                    at,
                    false,
                    msg!("import-map-expected-mapping", found = yaml::kind_of(other)),
                ));
                None
            }
        }
    }

    fn text(&mut self, v: &Value, at: &YamlPath) -> Option<String> {
        match v {
            Value::String(s) => Some(crate::fs::nfc(s.trim())),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.problems.push(self.src.error(
                    at,
                    false,
                    msg!("expected-text", found = yaml::kind_of(other)),
                ));
                None
            }
        }
    }

    /// A column given by its headers: one text or a list, top down.
    fn headers(&mut self, v: &Value, at: &YamlPath) -> Option<Vec<String>> {
        match v {
            Value::Sequence(items) => {
                let out: Vec<String> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, h)| self.text(h, &at.index(i)))
                    .collect();
                (!out.is_empty() && out.len() == items.len()).then_some(out)
            }
            other => self.text(other, at).map(|t| vec![t]),
        }
    }

    fn column(&mut self, v: &Value, at: &YamlPath) -> Option<u32> {
        let t = self.text(v, at)?;
        let c = parse_column(&t);
        if c.is_none() {
            self.fail(
                at,
                false,
                msg!("import-map-bad-column", column = t.as_str()),
                msg!("import-map-bad-column-hint"),
            );
        }
        c
    }

    fn reading(&mut self, v: Option<&Value>, at: &YamlPath, default: Reading) -> Reading {
        match v {
            None => default,
            Some(Value::String(s)) if s == "fraction" => Reading { fraction: true },
            Some(Value::String(s)) if s == "shown" => Reading { fraction: false },
            Some(_) => {
                self.fail(
                    &at.key("percent"),
                    false,
                    msg!("import-map-bad-percent"),
                    msg!("import-map-bad-percent-hint"),
                );
                default
            }
        }
    }

    fn map(&mut self, root: &Value, catalog: &Catalog) -> Map {
        let top = YamlPath::root();
        let mut map = Map::default();
        let Some(m) = self.mapping(root, &top) else {
            return map;
        };
        let sheet = m.get("sheet").and_then(|v| self.text(v, &top.key("sheet")));
        for (k, v) in m {
            let key = yaml::key_text(k);
            let at = top.key(&key);
            match key.as_str() {
                "sheet" => {}
                "status" => match v.as_str().and_then(Status::parse) {
                    Some(s) => map.status = Some(s),
                    None => self.fail(
                        &at,
                        false,
                        msg!("import-map-bad-status"),
                        msg!("import-map-bad-status-hint"),
                    ),
                },
                "indicators" => {
                    let Some(inds) = self.mapping(v, &at) else {
                        continue;
                    };
                    for (id, spec) in inds {
                        let id = yaml::key_text(id);
                        if catalog.get(&id).is_none() {
                            let known: Vec<&str> =
                                catalog.indicators.iter().map(|i| i.id.as_str()).collect();
                            self.problems.push(self.src.unknown_key(
                                &at,
                                &id,
                                msg!("import-map-what-indicator"),
                                &known,
                            ));
                            continue;
                        }
                        if let Some(ind) = self.indicator(&id, spec, &at.key(&id), sheet.as_deref())
                        {
                            map.indicators.push(ind);
                        }
                    }
                }
                "breakdowns" => {
                    let Some(bds) = self.mapping(v, &at) else {
                        continue;
                    };
                    for (id, spec) in bds {
                        let id = yaml::key_text(id);
                        if let Some(bd) = self.breakdown(&id, spec, &at.key(&id), sheet.as_deref())
                        {
                            map.breakdowns.push(bd);
                        }
                    }
                }
                other => self.problems.push(self.src.unknown_key(
                    &top,
                    other,
                    msg!("import-map-what-top"),
                    &TOP_KEYS,
                )),
            }
        }
        if map.indicators.is_empty() && map.breakdowns.is_empty() && self.problems.is_empty() {
            self.problems.push(
                Diagnostic::error(self.src.shown, msg!("import-map-empty"))
                    .with_hint(msg!("import-map-empty-hint")),
            );
        }
        map
    }

    fn indicator(
        &mut self,
        id: &str,
        spec: &Value,
        at: &YamlPath,
        sheet: Option<&str>,
    ) -> Option<IndicatorMap> {
        let m = self.mapping(spec, at)?;
        let sheet = match m.get("sheet") {
            Some(v) => self.text(v, &at.key("sheet")),
            None => sheet.map(str::to_owned),
        };
        let row = m.get("row").and_then(|v| self.text(v, &at.key("row")));
        let label_column = m
            .get("label_column")
            .and_then(|v| self.column(v, &at.key("label_column")));
        let reading = self.reading(m.get("percent"), at, Reading::default());
        let mut fields = Vec::new();
        for (k, v) in m {
            let key = yaml::key_text(k);
            if INDICATOR_KEYS.contains(&key.as_str()) {
                continue;
            }
            let Some(field) = Field::parse(&key) else {
                let mut known: Vec<&str> = INDICATOR_KEYS.to_vec();
                known.extend(Field::NAMES);
                self.problems.push(self.src.unknown_key(
                    at,
                    &key,
                    msg!("import-map-what-field"),
                    &known,
                ));
                continue;
            };
            let fat = at.key(&key);
            let (mut f_sheet, mut f_row, mut f_label_column, mut f_reading) =
                (sheet.clone(), row.clone(), label_column, reading);
            let target = match v {
                Value::Mapping(fm) => {
                    for (k, _) in fm {
                        let k = yaml::key_text(k);
                        if !FIGURE_KEYS.contains(&k.as_str()) {
                            self.problems.push(self.src.unknown_key(
                                &fat,
                                &k,
                                msg!("import-map-what-figure"),
                                &FIGURE_KEYS,
                            ));
                        }
                    }
                    if let Some(s) = fm.get("sheet") {
                        f_sheet = self.text(s, &fat.key("sheet"));
                    }
                    if let Some(r) = fm.get("row") {
                        f_row = self.text(r, &fat.key("row"));
                    }
                    if let Some(c) = fm.get("label_column") {
                        f_label_column = self.column(c, &fat.key("label_column"));
                    }
                    f_reading = self.reading(fm.get("percent"), &fat, reading);
                    match (fm.get("cell"), fm.get("column")) {
                        (Some(c), _) => self.cell(c, &fat.key("cell")),
                        (None, Some(c)) => self
                            .headers(c, &fat.key("column"))
                            .map(|column| (None, Some(column))),
                        (None, None) => {
                            self.fail(
                                &fat,
                                false,
                                msg!("import-map-no-place"),
                                msg!("import-map-no-place-hint"),
                            );
                            None
                        }
                    }
                }
                Value::String(s) if parse_cell(s).is_some() => self.cell(v, &fat),
                other => self.headers(other, &fat).map(|column| (None, Some(column))),
            };
            let Some((cell, column)) = target else {
                continue;
            };
            let Some(f_sheet) = f_sheet else {
                self.fail(
                    &fat,
                    true,
                    msg!("import-map-no-sheet", figure = format!("{id}.{key}")),
                    msg!("import-map-no-sheet-hint"),
                );
                continue;
            };
            let target = match (cell, column) {
                (Some(pos), _) => Target::Cell(pos),
                (None, Some(column)) => match f_row {
                    Some(row) => Target::Lookup {
                        row,
                        column,
                        label_column: f_label_column,
                    },
                    None => {
                        self.fail(
                            &fat,
                            true,
                            msg!("import-map-no-row", figure = format!("{id}.{key}")),
                            msg!("import-map-no-row-hint"),
                        );
                        continue;
                    }
                },
                (None, None) => continue,
            };
            fields.push(FieldMap {
                field,
                sheet: f_sheet,
                target,
                reading: f_reading,
                at: fat,
            });
        }
        Some(IndicatorMap {
            id: id.to_owned(),
            fields,
        })
    }

    /// `C12`: a cell's address.
    fn cell(&mut self, v: &Value, at: &YamlPath) -> Option<(Option<Pos>, Option<Vec<String>>)> {
        let t = self.text(v, at)?;
        match parse_cell(&t) {
            Some(pos) => Some((Some(pos), None)),
            None => {
                self.fail(
                    at,
                    false,
                    msg!("import-map-bad-cell", cell = t.as_str()),
                    msg!("import-map-bad-cell-hint"),
                );
                None
            }
        }
    }
}

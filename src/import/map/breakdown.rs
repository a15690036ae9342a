//! A breakdown in the map: a block of rows of one sheet, each figure's
//! column by its headers, and what the workbook does not say (title,
//! field, unit, the labels in the site's other language).

use std::collections::BTreeMap;

use serde_yaml::Value;

use crate::config::LocalText;
use crate::dataset::Field;
use crate::msg;
use crate::yaml::{self, YamlPath};

use super::super::book::parse_cell;
use super::super::fold::fold;
use super::super::read::Reading;
use super::{BREAKDOWN_KEYS, BreakdownMap, Parser, Rows};

impl Parser<'_> {
    pub(super) fn breakdown(
        &mut self,
        id: &str,
        spec: &Value,
        at: &YamlPath,
        sheet: Option<&str>,
    ) -> Option<BreakdownMap> {
        let m = self.mapping(spec, at)?;
        for (k, _) in m {
            let k = yaml::key_text(k);
            if !BREAKDOWN_KEYS.contains(&k.as_str()) {
                self.problems.push(self.src.unknown_key(
                    at,
                    &k,
                    msg!("import-map-what-breakdown"),
                    &BREAKDOWN_KEYS,
                ));
            }
        }
        let sheet = match m.get("sheet") {
            Some(v) => self.text(v, &at.key("sheet")),
            None => sheet.map(str::to_owned),
        };
        let label_column = m
            .get("label_column")
            .and_then(|v| self.column(v, &at.key("label_column")));
        let rows = match m.get("rows") {
            Some(Value::Mapping(r)) => {
                let rat = at.key("rows");
                match (r.get("first"), r.get("last"), r.get("under")) {
                    (Some(f), Some(l), None) => {
                        match (
                            self.text(f, &rat.key("first")),
                            self.text(l, &rat.key("last")),
                        ) {
                            (Some(first), Some(last)) => Some(Rows::Between { first, last }),
                            _ => None,
                        }
                    }
                    (None, None, Some(u)) => self.text(u, &rat.key("under")).map(Rows::Under),
                    _ => {
                        self.fail(
                            &rat,
                            false,
                            msg!("import-map-bad-rows"),
                            msg!("import-map-bad-rows-hint"),
                        );
                        None
                    }
                }
            }
            Some(Value::String(s)) => {
                let range = s
                    .split_once(':')
                    .and_then(|(a, b)| Some((parse_cell(a)?, parse_cell(b)?)))
                    .filter(|(a, b)| a.1 == b.1 && a.0 <= b.0);
                if range.is_none() {
                    self.fail(
                        &at.key("rows"),
                        false,
                        msg!("import-map-bad-rows"),
                        msg!("import-map-bad-rows-hint"),
                    );
                }
                range.map(|(a, b)| Rows::Range(a, b))
            }
            _ => {
                self.fail(
                    at,
                    true,
                    msg!("import-map-bad-rows"),
                    msg!("import-map-bad-rows-hint"),
                );
                None
            }
        };
        let mut columns = Vec::new();
        match m.get("columns") {
            Some(Value::Mapping(cols)) => {
                for (k, v) in cols {
                    let key = yaml::key_text(k);
                    let cat = at.key("columns").key(&key);
                    match Field::parse(&key) {
                        Some(field) => {
                            if let Some(h) = self.headers(v, &cat) {
                                columns.push((field, h));
                            }
                        }
                        None => self.problems.push(self.src.unknown_key(
                            &at.key("columns"),
                            &key,
                            msg!("import-map-what-field"),
                            &Field::NAMES,
                        )),
                    }
                }
            }
            _ => self.fail(
                at,
                true,
                msg!("import-map-no-columns"),
                msg!("import-map-no-columns-hint"),
            ),
        }
        let mut problems = Vec::new();
        let title = m
            .get("title")
            .map(|v| self.src.local_text(&at.key("title"), v, &mut problems))
            .unwrap_or_default();
        let unit = m
            .get("unit")
            .map(|v| self.src.local_text(&at.key("unit"), v, &mut problems))
            .unwrap_or_default();
        self.problems.append(&mut problems);
        let field = match m.get("field") {
            Some(v) => {
                let f = v.as_str().and_then(Field::parse);
                if f.is_none() {
                    self.fail(
                        &at.key("field"),
                        false,
                        msg!("import-map-bad-field"),
                        msg!("allowed-keys", keys = Field::NAMES.join(", ")),
                    );
                }
                f
            }
            None => None,
        };
        let mut labels = BTreeMap::new();
        if let Some(v) = m.get("labels") {
            let lat = at.key("labels");
            if let Some(lm) = self.mapping(v, &lat) {
                for (k, v) in lm {
                    let label = yaml::key_text(k);
                    let mut problems = Vec::new();
                    let text = match v {
                        // `"Đóng tàu": "Shipbuilding"`: the site's other language.
                        Value::String(s) => {
                            let mut per = BTreeMap::new();
                            per.insert(self.other_lang.to_owned(), crate::fs::nfc(s.trim()));
                            LocalText::PerLanguage(per)
                        }
                        other => self.src.local_text(&lat.key(&label), other, &mut problems),
                    };
                    self.problems.append(&mut problems);
                    labels.insert(fold(&label), text);
                }
            }
        }
        let reading = self.reading(m.get("percent"), at, Reading::default());
        let Some(sheet) = sheet else {
            self.fail(
                at,
                true,
                msg!("import-map-no-sheet", figure = id),
                msg!("import-map-no-sheet-hint"),
            );
            return None;
        };
        Some(BreakdownMap {
            id: id.to_owned(),
            sheet,
            rows: rows?,
            label_column,
            columns,
            title,
            field,
            unit,
            labels,
            reading,
            at: at.clone(),
        })
    }
}

//! Reading `data.yaml` into the model: every problem in the file is
//! collected with its place, and unknown keys get "did you mean".

use serde_yaml::{Mapping, Value};

use super::accept::read_acceptance;
use super::number::number;
use super::{Breakdown, Data, Date, Field, Fields, Row, Status};
use crate::catalog::{Catalog, is_id};
use crate::config::LocalText;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::msg;
use crate::period::Period;
use crate::yaml::{self, Source, YamlPath};

const TOP_KEYS: [&str; 7] = [
    "period",
    "status",
    "published",
    "indicators",
    "breakdowns",
    "accept",
    "revisions",
];
const BREAKDOWN_KEYS: [&str; 4] = ["title", "field", "unit", "rows"];

/// Reads a data file; every problem found is returned, with its position.
pub fn parse(src: &Source, catalog: &Catalog) -> Result<Data, Vec<Diagnostic>> {
    let doc = yaml::parse(src.text).map_err(|e| vec![e.diagnostic(src.shown)])?;
    let root = YamlPath::root();
    let Value::Mapping(map) = doc else {
        return Err(vec![
            src.error(&root, false, msg!("data-not-mapping"))
                .with_hint(msg!("data-not-mapping-hint")),
        ]);
    };
    let mut problems = Vec::new();
    let get = |k: &str| map.get(k);

    for (k, _) in &map {
        let key = yaml::key_text(k);
        if !TOP_KEYS.contains(&key.as_str()) {
            problems.push(src.unknown_key(&root, &key, msg!("what-key"), &TOP_KEYS));
        }
    }

    let period = match get("period") {
        None | Some(Value::Null) => {
            problems.push(
                src.error(&root, false, msg!("data-no-period"))
                    .with_hint(msg!("data-no-period-hint")),
            );
            None
        }
        Some(v) => period_at(src, &root.key("period"), v)
            .map_err(|d| problems.push(d))
            .ok(),
    };

    let status = match get("status") {
        None | Some(Value::Null) => {
            problems.push(
                src.error(&root, false, msg!("data-no-status"))
                    .with_hint(msg!("data-no-status-hint")),
            );
            None
        }
        Some(v) => status_of(src, &root.key("status"), v, &mut problems),
    };

    let published = match get("published") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let text = v.as_str().unwrap_or_default();
            match Date::parse(text) {
                Some(d) => Some(d),
                None => {
                    problems.push(
                        src.error(
                            &root.key("published"),
                            false,
                            msg!("data-bad-date", written = yaml_text(v)),
                        )
                        .with_hint(msg!("data-bad-date-hint")),
                    );
                    None
                }
            }
        }
    };

    let mut indicators = Vec::new();
    match get("indicators") {
        None | Some(Value::Null) => {}
        Some(Value::Mapping(m)) => {
            let at = root.key("indicators");
            for (k, v) in m {
                let id = yaml::key_text(k);
                // With a catalogue that could not be read, nothing is known
                // to be missing from it (that error is said once, there).
                if catalog.get(&id).is_none() && !catalog.unread {
                    let hint = match did_you_mean(&id, catalog.ids()) {
                        Some(s) => msg!("did-you-mean", name = s),
                        None => msg!("data-unknown-indicator-hint", id = &id),
                    };
                    problems.push(
                        src.error(&at.key(&id), true, msg!("data-unknown-indicator", id = &id))
                            .with_hint(hint),
                    );
                    continue;
                }
                let fields = read_fields(src, &at.key(&id), v, None, &mut problems);
                indicators.push((id, fields));
            }
        }
        Some(v) => problems.push(src.error(
            &root.key("indicators"),
            false,
            msg!("data-indicators-not-mapping", found = yaml::kind_of(v)),
        )),
    }

    let mut breakdowns = Vec::new();
    match get("breakdowns") {
        None | Some(Value::Null) => {}
        Some(Value::Mapping(m)) => {
            for (k, v) in m {
                let id = yaml::key_text(k);
                if let Some(b) =
                    read_breakdown(src, &root.key("breakdowns"), &id, v, catalog, &mut problems)
                {
                    breakdowns.push(b);
                }
            }
        }
        Some(v) => problems.push(src.error(
            &root.key("breakdowns"),
            false,
            msg!("data-breakdowns-not-mapping", found = yaml::kind_of(v)),
        )),
    }

    let accepted = match get("accept") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Sequence(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                read_acceptance(
                    src,
                    &root.key("accept").index(i),
                    i,
                    item,
                    &indicators,
                    &mut problems,
                )
            })
            .collect(),
        Some(v) => {
            problems.push(
                src.error(
                    &root.key("accept"),
                    false,
                    msg!("accept-not-list", found = yaml::kind_of(v)),
                )
                .with_hint(msg!("accept-hint")),
            );
            Vec::new()
        }
    };

    let revisions = match get("revisions") {
        Some(v) => super::revisions::read_revisions(
            src,
            &root.key("revisions"),
            v,
            period.as_ref(),
            catalog,
            &mut problems,
        ),
        None => Vec::new(),
    };

    match (period, status) {
        (Some(period), Some(status)) if problems.is_empty() => Ok(Data {
            revisions,
            period,
            status,
            published,
            indicators,
            breakdowns,
            accepted,
        }),
        _ => Err(problems),
    }
}

/// A status of figures (`status: final`), with "did you mean".
pub(super) fn status_of(
    src: &Source,
    at: &YamlPath,
    v: &Value,
    problems: &mut Vec<Diagnostic>,
) -> Option<Status> {
    if let Some(s) = v.as_str().and_then(Status::parse) {
        return Some(s);
    }
    let written = match v.as_str() {
        Some(s) => msg!("quoted", text = s),
        None => yaml::kind_of(v),
    };
    let hint = match v.as_str().and_then(|w| did_you_mean(w, Status::NAMES)) {
        Some(s) => msg!("did-you-mean", name = s),
        None => msg!("data-bad-status-hint"),
    };
    problems.push(
        src.error(at, false, msg!("data-bad-status", written = written))
            .with_hint(hint),
    );
    None
}

/// The name of a field (`field: growth_yoy`), with "did you mean".
pub(super) fn field_name(
    src: &Source,
    at: &YamlPath,
    v: &Value,
    problems: &mut Vec<Diagnostic>,
) -> Option<Field> {
    let Value::String(s) = v else {
        problems.push(src.error(
            at,
            false,
            msg!("breakdown-field-not-text", found = yaml::kind_of(v)),
        ));
        return None;
    };
    let field = Field::parse(s);
    if field.is_none() {
        let hint = did_you_mean(s, Field::NAMES).map_or_else(
            || msg!("breakdown-fields", fields = Field::NAMES.join(", ")),
            |f| msg!("did-you-mean", name = f),
        );
        problems.push(
            src.error(at, false, msg!("breakdown-bad-field", written = s))
                .with_hint(hint),
        );
    }
    field
}

fn yaml_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => yaml::key_text(other),
    }
}

/// Reads the number fields of a mapping. `skip` names keys that are not
/// fields (a row's `label`).
pub(super) fn read_fields(
    src: &Source,
    at: &YamlPath,
    v: &Value,
    skip: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Fields {
    let mut fields = Fields::default();
    let Value::Mapping(m) = v else {
        if !v.is_null() {
            problems.push(src.error(
                at,
                false,
                msg!("data-fields-not-mapping", found = yaml::kind_of(v)),
            ));
        }
        return fields;
    };
    for (k, val) in m {
        let key = yaml::key_text(k);
        if Some(key.as_str()) == skip {
            continue;
        }
        let Some(field) = Field::parse(&key) else {
            let mut known: Vec<&str> = Field::NAMES.to_vec();
            known.extend(skip);
            problems.push(src.unknown_key(at, &key, msg!("what-field"), &known));
            continue;
        };
        if let Some(x) = number(src, &at.key(&key), val, problems) {
            fields.set(field, x);
        }
    }
    fields
}

fn read_breakdown(
    src: &Source,
    parent: &YamlPath,
    id: &str,
    v: &Value,
    catalog: &Catalog,
    problems: &mut Vec<Diagnostic>,
) -> Option<Breakdown> {
    let at = parent.key(id);
    let before = problems.len();
    if !is_id(id) {
        problems.push(
            src.error(&at, true, msg!("breakdown-bad-id", id = id))
                .with_hint(msg!("id-hint")),
        );
    } else if catalog.get(id).is_some() {
        problems.push(
            src.error(&at, true, msg!("breakdown-id-taken", id = id))
                .with_hint(msg!("breakdown-id-taken-hint", id = id)),
        );
    }
    let Value::Mapping(m) = v else {
        problems.push(src.error(
            &at,
            false,
            msg!("breakdown-not-mapping", found = yaml::kind_of(v)),
        ));
        return None;
    };
    for (k, _) in m {
        let key = yaml::key_text(k);
        if !BREAKDOWN_KEYS.contains(&key.as_str()) {
            problems.push(src.unknown_key(&at, &key, msg!("what-breakdown-key"), &BREAKDOWN_KEYS));
        }
    }
    let title = match m.get("title") {
        Some(t) => src.local_text(&at.key("title"), t, problems),
        None => {
            problems.push(
                src.error(&at, true, msg!("breakdown-no-title", id = id))
                    .with_hint(msg!("breakdown-no-title-hint")),
            );
            LocalText::None
        }
    };
    let unit = m
        .get("unit")
        .map(|u| src.local_text(&at.key("unit"), u, problems))
        .unwrap_or_default();
    let rows = read_rows(src, &at, m, problems);
    let field = match m.get("field") {
        Some(v) => field_name(src, &at.key("field"), v, problems),
        // Without `field`, a table whose rows carry one figure each is
        // compared on that figure.
        None => {
            let cols: Vec<Field> = Field::ALL
                .into_iter()
                .filter(|&f| rows.iter().any(|r| r.fields.get(f).is_some()))
                .collect();
            match cols.as_slice() {
                [only] => Some(*only),
                _ => {
                    problems.push(
                        src.error(&at, true, msg!("breakdown-no-field", id = id))
                            .with_hint(msg!("breakdown-no-field-hint")),
                    );
                    None
                }
            }
        }
    };
    let field = field?;
    if field == Field::Value && unit.is_empty() {
        problems.push(
            src.error(&at, true, msg!("breakdown-no-unit", id = id))
                .with_hint(msg!("breakdown-no-unit-hint")),
        );
    }
    for (i, row) in rows.iter().enumerate() {
        if row.fields.get(field).is_none() {
            problems.push(
                src.error(
                    &at.key("rows").index(i),
                    false,
                    msg!("breakdown-row-no-field", field = field.name()),
                )
                .with_hint(msg!("breakdown-row-no-field-hint", field = field.name())),
            );
        }
    }
    (problems.len() == before).then(|| Breakdown {
        id: id.to_owned(),
        title,
        field,
        unit,
        rows,
    })
}

fn read_rows(src: &Source, at: &YamlPath, m: &Mapping, problems: &mut Vec<Diagnostic>) -> Vec<Row> {
    let mut rows = Vec::new();
    match m.get("rows") {
        Some(Value::Sequence(seq)) => {
            for (i, item) in seq.iter().enumerate() {
                let rat = at.key("rows").index(i);
                let label = match item.as_mapping().and_then(|r| r.get("label")) {
                    Some(l) => src.local_text(&rat.key("label"), l, problems),
                    None => {
                        problems.push(
                            src.error(&rat, false, msg!("breakdown-row-no-label"))
                                .with_hint(msg!("breakdown-row-no-label-hint")),
                        );
                        LocalText::None
                    }
                };
                let fields = read_fields(src, &rat, item, Some("label"), problems);
                rows.push(Row { label, fields });
            }
        }
        None => problems.push(src.error(at, true, msg!("breakdown-no-rows"))),
        Some(other) => problems.push(src.error(
            &at.key("rows"),
            false,
            msg!("breakdown-rows-not-list", found = yaml::kind_of(other)),
        )),
    }
    rows
}

/// A period as a YAML file writes it (`2021-Q1`, or `2019`, which YAML
/// reads as a number), or the mistake at `at`: the one reader of a
/// `period:` key, for data files, their revisions and the calendar.
pub(crate) fn period_at(src: &Source, at: &YamlPath, v: &Value) -> Result<Period, Diagnostic> {
    let text = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(src.error(
                at,
                false,
                msg!("data-period-not-text", found = yaml::kind_of(other)),
            ));
        }
    };
    Period::parse(&text).map_err(|m| src.error(at, false, m))
}

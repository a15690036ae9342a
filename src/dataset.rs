//! A release's figures, from its `data.yaml`: the period, its status, and
//! per indicator the fields (level, growth, plan…); plus breakdowns (a table
//! of rows, such as IIP by industry).

use std::fmt;

use serde_yaml::{Mapping, Value};

use crate::catalog::{Catalog, is_id};
use crate::config::LocalText;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::period::Period;
use crate::yaml::{self, Source, YamlPath};

/// The figures an indicator may carry in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Value,
    GrowthYoy,
    GrowthPrev,
    PlanAttainment,
    TargetGrowth,
    NationalGrowth,
    Share,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Value,
        Field::GrowthYoy,
        Field::GrowthPrev,
        Field::PlanAttainment,
        Field::TargetGrowth,
        Field::NationalGrowth,
        Field::Share,
    ];
    pub const NAMES: [&str; 7] = [
        "value",
        "growth_yoy",
        "growth_prev",
        "plan_attainment",
        "target_growth",
        "national_growth",
        "share",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Field> {
        Self::NAMES
            .iter()
            .position(|n| *n == s)
            .map(|i| Self::ALL[i])
    }

    /// A % change, worded as a rise or a fall ("tăng 25,15%").
    pub fn is_change(self) -> bool {
        matches!(
            self,
            Field::GrowthYoy | Field::GrowthPrev | Field::TargetGrowth | Field::NationalGrowth
        )
    }

    /// Everything but the level is a percentage.
    pub fn is_percent(self) -> bool {
        self != Field::Value
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An indicator's figures in one period; absent fields are `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fields([Option<f64>; 7]);

impl Fields {
    pub fn get(&self, f: Field) -> Option<f64> {
        self.0[f as usize]
    }
    pub fn set(&mut self, f: Field, v: f64) {
        self.0[f as usize] = Some(v);
    }
    pub fn present(&self) -> impl Iterator<Item = (Field, f64)> + '_ {
        Field::ALL
            .iter()
            .filter_map(|&f| self.get(f).map(|v| (f, v)))
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Estimate,
    Preliminary,
    Final,
}

impl Status {
    pub const NAMES: [&str; 3] = ["estimate", "preliminary", "final"];
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2021-04-01`, a real calendar date.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let max = Date::days_in_month(year, month)?;
        (day >= 1 && day <= max).then_some(Date { year, month, day })
    }

    /// The number of days of a month (1–12) of a year.
    pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        Some(match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            _ => return None,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: LocalText,
    pub fields: Fields,
}

/// A table of rows (IIP by industry, exports by product group).
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub id: String,
    pub title: LocalText,
    /// The field the rows are compared on (bars, sort order).
    pub field: Field,
    /// Unit of `value` rows (the other fields are %).
    pub unit: LocalText,
    pub rows: Vec<Row>,
}

impl Breakdown {
    /// Fields that any row carries, in the standard order.
    pub fn columns(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| self.rows.iter().any(|r| r.fields.get(f).is_some()))
            .collect()
    }
}

/// One release's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub period: Period,
    pub status: Status,
    pub published: Option<Date>,
    /// In the order written.
    pub indicators: Vec<(String, Fields)>,
    pub breakdowns: Vec<Breakdown>,
}

impl Data {
    pub fn fields(&self, indicator: &str) -> Option<&Fields> {
        self.indicators
            .iter()
            .find(|(id, _)| id == indicator)
            .map(|(_, f)| f)
    }
    pub fn breakdown(&self, id: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.id == id)
    }
}

const TOP_KEYS: [&str; 5] = ["period", "status", "published", "indicators", "breakdowns"];
const BREAKDOWN_KEYS: [&str; 4] = ["title", "field", "unit", "rows"];

/// Reads a data file; every problem found is returned, with its position.
pub fn parse(src: &Source, catalog: &Catalog) -> Result<Data, Vec<Diagnostic>> {
    let doc = yaml::parse(src.text)
        .map_err(|e| vec![Diagnostic::error(src.shown, e.message).at_opt(e.position)])?;
    let root = YamlPath::root();
    let Value::Mapping(map) = doc else {
        return Err(vec![
            src.error(
                &root,
                false,
                "a data file must start with `period:` and list `indicators:`",
            )
            .with_hint(
                "see docs/content-format.md: period, status, published, indicators, breakdowns",
            ),
        ]);
    };
    let mut problems = Vec::new();
    let get = |k: &str| map.get(k);

    for (k, _) in &map {
        let key = yaml::key_text(k);
        if !TOP_KEYS.contains(&key.as_str()) {
            problems.push(src.unknown_key(&root, &key, "key", &TOP_KEYS));
        }
    }

    let period = match get("period") {
        None | Some(Value::Null) => {
            problems.push(
                src.error(&root, false, "the data file does not say its period")
                    .with_hint("add a first line such as `period: 2021-Q1`"),
            );
            None
        }
        Some(v) => {
            let text = match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
            match text.as_deref().map(Period::parse) {
                Some(Ok(p)) => Some(p),
                Some(Err(msg)) => {
                    problems.push(src.error(&root.key("period"), false, msg));
                    None
                }
                None => {
                    problems.push(src.error(
                        &root.key("period"),
                        false,
                        format!("expected a period, found {}", yaml::kind_of(v)),
                    ));
                    None
                }
            }
        }
    };

    let status = match get("status") {
        None | Some(Value::Null) => {
            problems.push(
                src.error(
                    &root,
                    false,
                    "the data file does not say the status of its figures",
                )
                .with_hint("add `status: estimate`, `status: preliminary` or `status: final`"),
            );
            None
        }
        Some(Value::String(s)) if Status::NAMES.contains(&s.as_str()) => Some(
            [Status::Estimate, Status::Preliminary, Status::Final]
                [Status::NAMES.iter().position(|n| n == s).unwrap_or(0)],
        ),
        Some(v) => {
            let written = v
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| yaml::kind_of(v).to_owned());
            let hint = match did_you_mean(&written, Status::NAMES) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "write estimate (ước tính), preliminary (sơ bộ) or final (chính thức)"
                    .to_owned(),
            };
            problems.push(
                src.error(
                    &root.key("status"),
                    false,
                    format!("`{written}` is not a status"),
                )
                .with_hint(hint),
            );
            None
        }
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
                            format!("`{}` is not a date", yaml_text(v)),
                        )
                        .with_hint("write the release date as YYYY-MM-DD, e.g. 2021-04-01"),
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
                if catalog.get(&id).is_none() {
                    let hint = match did_you_mean(&id, catalog.ids()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "add `{id}` to {} first, with its name and unit",
                            crate::catalog::FILE
                        ),
                    };
                    problems.push(
                        src.error(
                            &at.key(&id),
                            true,
                            format!("`{id}` is not in the indicator catalogue"),
                        )
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
            format!(
                "`indicators` must list indicators by id, found {}",
                yaml::kind_of(v)
            ),
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
            format!(
                "`breakdowns` must list tables by id, found {}",
                yaml::kind_of(v)
            ),
        )),
    }

    match (period, status) {
        (Some(period), Some(status)) if problems.is_empty() => Ok(Data {
            period,
            status,
            published,
            indicators,
            breakdowns,
        }),
        _ => Err(problems),
    }
}

fn yaml_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => yaml::key_text(other),
    }
}

/// Reads the number fields of a mapping. `skip` names keys that are not
/// fields (a row's `label`).
fn read_fields(
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
                format!(
                    "expected figures such as `value:` and `growth_yoy:`, found {}",
                    yaml::kind_of(v)
                ),
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
            problems.push(src.unknown_key(at, &key, "field", &known));
            continue;
        };
        if let Some(x) = number(src, &at.key(&key), val, problems) {
            fields.set(field, x);
        }
    }
    fields
}

/// A figure: a number, or nothing (left blank). Text gets a hint to the
/// machine form, since `5.718,5` is how editors see figures printed.
pub fn number(
    src: &Source,
    at: &YamlPath,
    v: &Value,
    problems: &mut Vec<Diagnostic>,
) -> Option<f64> {
    match v {
        Value::Null => None,
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.is_finite() => Some(x),
            _ => {
                problems.push(src.error(at, false, format!("`{n}` is not a usable figure")));
                None
            }
        },
        Value::String(s) => {
            let hint = match machine_form(s) {
                Some(m) => format!("`{s}` looks like a Vietnamese-formatted number; write {m}"),
                None => "write the figure as a plain number, such as 5718.5 or -12.42".to_owned(),
            };
            problems.push(
                src.error(
                    at,
                    false,
                    format!("expected a number, found the text \"{s}\""),
                )
                .with_hint(hint),
            );
            None
        }
        other => {
            problems.push(src.error(
                at,
                false,
                format!("expected a number, found {}", yaml::kind_of(other)),
            ));
            None
        }
    }
}

/// `5.718,5` → `5718.5`; `25,15%` → `25.15`; `1 960,8` → `1960.8`.
pub fn machine_form(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches('%').trim();
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (sign, digits) = match t.strip_prefix(['-', '−']) {
        Some(r) => ("-", r.to_owned()),
        None => ("", t.trim_start_matches('+').to_owned()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    // The Vietnamese convention: dots group thousands, the comma is decimal.
    let machine = grouped_number(&digits, '.', ',')?;
    Some(format!("{sign}{machine}"))
}

/// The one reader of numbers written with group separators: `token`
/// (digits only, no sign) with `group` between thousands and `decimal`
/// before the fraction (`5.718,5` with `.` and `,`; `5,718.5` with `,`
/// and `.`), in machine form (`5718.5`). Groups after the first have
/// three digits; `None` for anything else. The data parser's hint and
/// the check for figures typed into narratives both read through it.
pub(crate) fn grouped_number(token: &str, group: char, decimal: char) -> Option<String> {
    let (int, frac) = match token.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (token, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = int.split(group).collect();
    let well_formed = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && !groups[0].is_empty()
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    if !well_formed {
        return None;
    }
    let mut machine = groups.concat();
    if let Some(f) = frac {
        machine.push('.');
        machine.push_str(f);
    }
    Some(machine)
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
            src.error(&at, true, format!("`{id}` is not a valid breakdown id"))
                .with_hint("ids use lowercase letters a-z, digits and _ (e.g. `iip_by_sector`)"),
        );
    } else if catalog.get(id).is_some() {
        problems.push(
            src.error(
                &at,
                true,
                format!("the breakdown `{id}` has the id of an indicator"),
            )
            .with_hint(format!(
                "rename it (e.g. `{id}_by_group`) so chart(\"{id}\") is not ambiguous"
            )),
        );
    }
    let Value::Mapping(m) = v else {
        problems.push(src.error(
            &at,
            false,
            format!(
                "a breakdown needs `title`, `field` and `rows`, found {}",
                yaml::kind_of(v)
            ),
        ));
        return None;
    };
    for (k, _) in m {
        let key = yaml::key_text(k);
        if !BREAKDOWN_KEYS.contains(&key.as_str()) {
            problems.push(src.unknown_key(&at, &key, "breakdown key", &BREAKDOWN_KEYS));
        }
    }
    let title = match m.get("title") {
        Some(t) => src.local_text(&at.key("title"), t, problems),
        None => {
            problems.push(
                src.error(&at, true, format!("the breakdown `{id}` has no title"))
                    .with_hint("add `title: { vi: \"…\", en: \"…\" }`"),
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
        Some(Value::String(s)) => match Field::parse(s) {
            Some(f) => Some(f),
            None => {
                let hint = did_you_mean(s, Field::NAMES).map_or_else(
                    || format!("the fields are: {}", Field::NAMES.join(", ")),
                    |f| format!("did you mean `{f}`?"),
                );
                problems.push(
                    src.error(&at.key("field"), false, format!("`{s}` is not a field"))
                        .with_hint(hint),
                );
                None
            }
        },
        Some(other) => {
            problems.push(src.error(
                &at.key("field"),
                false,
                format!("expected a field name, found {}", yaml::kind_of(other)),
            ));
            None
        }
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
                        src.error(
                            &at,
                            true,
                            format!(
                                "the breakdown `{id}` does not say which field its rows compare"
                            ),
                        )
                        .with_hint("add e.g. `field: growth_yoy`"),
                    );
                    None
                }
            }
        }
    };
    let field = field?;
    if field == Field::Value && unit.is_empty() {
        problems.push(
            src.error(
                &at,
                true,
                format!("the breakdown `{id}` compares levels but gives no unit"),
            )
            .with_hint("add `unit: { vi: \"triệu USD\", en: \"million USD\" }`"),
        );
    }
    for (i, row) in rows.iter().enumerate() {
        if row.fields.get(field).is_none() {
            problems.push(
                src.error(
                    &at.key("rows").index(i),
                    false,
                    format!("this row has no `{field}`, the field the breakdown compares"),
                )
                .with_hint(format!("give every row a `{field}:` figure")),
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
                        problems.push(src.error(&rat, false, "this row has no label").with_hint(
                            "write `- { label: { vi: \"…\", en: \"…\" }, growth_yoy: 12.5 }`",
                        ));
                        LocalText::None
                    }
                };
                let fields = read_fields(src, &rat, item, Some("label"), problems);
                rows.push(Row { label, fields });
            }
        }
        None => problems.push(src.error(at, true, "the breakdown has no `rows`")),
        Some(other) => problems.push(src.error(
            &at.key("rows"),
            false,
            format!("`rows` must be a list, found {}", yaml::kind_of(other)),
        )),
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn machine_form_of_vietnamese_numbers() {
        assert_eq!(machine_form("5.718,5").as_deref(), Some("5718.5"));
        assert_eq!(machine_form("135.338").as_deref(), Some("135338"));
        assert_eq!(machine_form("25,15%").as_deref(), Some("25.15"));
        assert_eq!(machine_form("-51,76").as_deref(), Some("-51.76"));
        assert_eq!(machine_form("khoảng 19"), None);
        assert_eq!(machine_form("5.71.8"), None);
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert!(Date::parse("2021-04-01").is_some());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("01/04/2021").is_none());
    }

    fn catalog() -> Catalog {
        let config =
            crate::config::Config::parse("base_url = \"https://x.vn/\"\n[title]\nvi = \"x\"\n")
                .unwrap();
        Catalog::parse(
            "exports:\n  name: X\n  unit: U\n",
            Path::new("c.yaml"),
            &config,
        )
        .unwrap()
    }

    #[test]
    fn collects_every_problem_with_positions() {
        let text = "period: 2021-Q1\nstatus: estimat\nindicators:\n  exports:\n    value: \"5.718,5\"\n    growth_yo: 25.15\n  exprts:\n    value: 1\n";
        let src = Source {
            shown: Path::new("d.yaml"),
            text,
        };
        let problems = parse(&src, &catalog()).unwrap_err();
        let got: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2), "`estimat` is not a status"),
                (Some(5), "expected a number, found the text \"5.718,5\""),
                (Some(6), "unknown field `growth_yo`"),
                (Some(7), "`exprts` is not in the indicator catalogue"),
            ]
        );
        assert_eq!(
            problems[1].hint.as_deref(),
            Some("`5.718,5` looks like a Vietnamese-formatted number; write 5718.5")
        );
        assert_eq!(
            problems[2].hint.as_deref(),
            Some("did you mean `growth_yoy`?")
        );
        assert_eq!(problems[3].hint.as_deref(), Some("did you mean `exports`?"));
    }

    #[test]
    fn reads_a_good_file() {
        let text = "period: 2021-Q1\nstatus: estimate\npublished: 2021-04-01\nindicators:\n  exports: { value: 5718.5, growth_yoy: 25.15 }\nbreakdowns:\n  by_group:\n    title: { vi: a, en: b }\n    rows:\n      - { label: x, share: 60 }\n";
        let src = Source {
            shown: Path::new("d.yaml"),
            text,
        };
        let d = parse(&src, &catalog()).unwrap();
        assert_eq!(d.period.id(), "2021-Q1");
        assert_eq!(
            d.fields("exports").unwrap().get(Field::GrowthYoy),
            Some(25.15)
        );
        assert_eq!(d.breakdowns[0].field, Field::Share);
    }
}

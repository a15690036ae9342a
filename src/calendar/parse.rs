//! Reading `content/calendar.yaml`: every problem with its place, like the
//! data files. Dates a rule gives are filled in here, so the rest of
//! bantin sees every entry with its day.

use serde_yaml::Value;

use super::{Calendar, Change, Entry, Rule, Status, When};
use crate::config::LocalText;
use crate::dataset::Date;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::msg;
use crate::period::Kind;
use crate::yaml::{self, Source, YamlPath};

const TOP_KEYS: [&str; 3] = ["holidays", "rules", "releases"];
const RULE_KEYS: [&str; 3] = ["kind", "day", "time"];
const ENTRY_KEYS: [&str; 6] = ["period", "date", "time", "status", "reason", "changes"];
const CHANGE_KEYS: [&str; 2] = ["from", "reason"];

/// The calendar, or the problems that keep it from being read.
pub fn parse(src: &Source) -> Result<Calendar, Vec<Diagnostic>> {
    let doc = yaml::parse(src.text).map_err(|e| vec![e.diagnostic(src.shown)])?;
    let root = YamlPath::root();
    let mut problems = Vec::new();
    let map = match doc {
        Value::Mapping(m) => m,
        Value::Null => return Ok(Calendar::default()),
        other => {
            return Err(vec![
                src.error(
                    &root,
                    false,
                    msg!("calendar-not-mapping", found = yaml::kind_of(&other)),
                )
                .with_hint(msg!("calendar-hint")),
            ]);
        }
    };
    for (k, _) in &map {
        let key = yaml::key_text(k);
        if !TOP_KEYS.contains(&key.as_str()) {
            problems.push(src.unknown_key(&root, &key, msg!("what-key"), &TOP_KEYS));
        }
    }
    let holidays = list(
        src,
        &root.key("holidays"),
        map.get("holidays"),
        &mut problems,
    )
    .into_iter()
    .filter_map(|(at, v)| date(src, &at, v, &mut problems))
    .collect::<Vec<Date>>();
    let rules: Vec<Rule> = list(src, &root.key("rules"), map.get("rules"), &mut problems)
        .into_iter()
        .filter_map(|(at, v)| rule(src, &at, v, &mut problems))
        .collect();
    let mut entries = Vec::new();
    let items = list(
        src,
        &root.key("releases"),
        map.get("releases"),
        &mut problems,
    );
    for (index, (at, v)) in items.into_iter().enumerate() {
        if let Some(e) = entry(src, &at, index, v, &rules, &holidays, &mut problems) {
            if let Some(other) = entries
                .iter()
                .find(|x: &&Entry| x.period.same_coverage(&e.period))
            {
                problems.push(src.error(
                    &at.key("period"),
                    false,
                    msg!("calendar-duplicate", period = other.period.id()),
                ));
                continue;
            }
            entries.push(e);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    entries.sort_by_key(|e| (e.when.first_day(), e.period));
    Ok(Calendar { entries })
}

/// The items of a list, each with its path; anything else is a problem.
fn list<'v>(
    src: &Source,
    at: &YamlPath,
    v: Option<&'v Value>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(YamlPath, &'v Value)> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Sequence(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (at.index(i), v))
            .collect(),
        Some(other) => {
            problems.push(src.error(
                at,
                false,
                msg!("calendar-not-list", found = yaml::kind_of(other)),
            ));
            Vec::new()
        }
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn date(src: &Source, at: &YamlPath, v: &Value, problems: &mut Vec<Diagnostic>) -> Option<Date> {
    let d = text(v).and_then(|t| Date::parse(&t));
    if d.is_none() {
        problems.push(
            src.error(
                at,
                false,
                msg!("calendar-bad-date", written = text(v).unwrap_or_default()),
            )
            .with_hint(msg!("data-bad-date-hint")),
        );
    }
    d
}

fn when_of(src: &Source, at: &YamlPath, v: &Value, problems: &mut Vec<Diagnostic>) -> Option<When> {
    let w = text(v).and_then(|t| When::parse(&t));
    if w.is_none() {
        problems.push(
            src.error(
                at,
                false,
                msg!("calendar-bad-date", written = text(v).unwrap_or_default()),
            )
            .with_hint(msg!("calendar-date-hint")),
        );
    }
    w
}

/// `09:00`.
fn time(
    src: &Source,
    at: &YamlPath,
    v: &Value,
    problems: &mut Vec<Diagnostic>,
) -> Option<(u8, u8)> {
    let t = text(v).and_then(|t| {
        let (h, m) = t.split_once(':')?;
        let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some((h, m))
    });
    if t.is_none() {
        problems.push(src.error(
            at,
            false,
            msg!("calendar-bad-time", written = text(v).unwrap_or_default()),
        ));
    }
    t
}

fn keys(
    src: &Source,
    at: &YamlPath,
    m: &serde_yaml::Mapping,
    known: &[&str],
    problems: &mut Vec<Diagnostic>,
) {
    for (k, _) in m {
        let key = yaml::key_text(k);
        if !known.contains(&key.as_str()) {
            problems.push(src.unknown_key(at, &key, msg!("what-key"), known));
        }
    }
}

fn rule(src: &Source, at: &YamlPath, v: &Value, problems: &mut Vec<Diagnostic>) -> Option<Rule> {
    let Value::Mapping(m) = v else {
        problems.push(
            src.error(at, false, msg!("calendar-rule-not-mapping"))
                .with_hint(msg!("calendar-rule-hint")),
        );
        return None;
    };
    keys(src, at, m, &RULE_KEYS, problems);
    let kind = match m.get("kind").and_then(text) {
        Some(k) => match Kind::ALL.into_iter().find(|x| x.key() == k) {
            Some(kind) => Some(kind),
            None => {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.key()).collect();
                let hint = match did_you_mean(&k, names.iter().copied()) {
                    Some(s) => msg!("did-you-mean", name = s),
                    None => msg!("calendar-kinds", kinds = names.join(", ")),
                };
                problems.push(
                    src.error(
                        &at.key("kind"),
                        false,
                        msg!("calendar-bad-kind", written = k),
                    )
                    .with_hint(hint),
                );
                None
            }
        },
        None => {
            problems.push(
                src.error(at, false, msg!("calendar-missing", key = "kind"))
                    .with_hint(msg!("calendar-rule-hint")),
            );
            None
        }
    };
    let day = match m.get("day").and_then(Value::as_u64) {
        Some(d @ 1..=31) => Some(d as u8),
        _ => {
            problems.push(
                src.error(at, false, msg!("calendar-bad-day"))
                    .with_hint(msg!("calendar-rule-hint")),
            );
            None
        }
    };
    let time = m
        .get("time")
        .and_then(|t| time(src, &at.key("time"), t, problems));
    Some(Rule {
        kind: kind?,
        day: day?,
        time,
    })
}

fn entry(
    src: &Source,
    at: &YamlPath,
    index: usize,
    v: &Value,
    rules: &[Rule],
    holidays: &[Date],
    problems: &mut Vec<Diagnostic>,
) -> Option<Entry> {
    let Value::Mapping(m) = v else {
        problems.push(
            src.error(at, false, msg!("calendar-entry-not-mapping"))
                .with_hint(msg!("calendar-hint")),
        );
        return None;
    };
    keys(src, at, m, &ENTRY_KEYS, problems);
    let period = match m.get("period") {
        Some(v) => crate::dataset::period_at(src, &at.key("period"), v)
            .map_err(|d| problems.push(d))
            .ok(),
        None => {
            problems.push(
                src.error(at, false, msg!("calendar-missing", key = "period"))
                    .with_hint(msg!("calendar-hint")),
            );
            None
        }
    }?;
    let rule = rules.iter().find(|r| r.kind == period.kind());
    let when = match m.get("date") {
        Some(v) => when_of(src, &at.key("date"), v, problems)?,
        None => match rule {
            Some(r) => When::Day(r.date_for(&period, holidays)),
            None => {
                problems.push(
                    src.error(at, false, msg!("calendar-no-date", period = period.id()))
                        .with_hint(msg!("calendar-no-date-hint")),
                );
                return None;
            }
        },
    };
    let time = match m.get("time") {
        Some(t) => time(src, &at.key("time"), t, problems),
        None => rule.and_then(|r| r.time),
    };
    let status = match m.get("status").and_then(text) {
        None => match when {
            When::Day(_) => Status::Confirmed,
            When::Month { .. } => Status::Provisional,
        },
        Some(s) => match Status::parse(&s) {
            Some(status) => status,
            None => {
                let hint = match did_you_mean(&s, Status::NAMES) {
                    Some(n) => msg!("did-you-mean", name = n),
                    None => msg!("calendar-status-hint"),
                };
                problems.push(
                    src.error(
                        &at.key("status"),
                        false,
                        msg!("calendar-bad-status", written = s),
                    )
                    .with_hint(hint),
                );
                return None;
            }
        },
    };
    if status == Status::Confirmed && matches!(when, When::Month { .. }) {
        problems.push(
            src.error(
                &at.key("date"),
                false,
                msg!("calendar-confirmed-month", period = period.id()),
            )
            .with_hint(msg!("calendar-confirmed-month-hint")),
        );
    }
    let reason = match m.get("reason") {
        Some(r) => src.local_text(&at.key("reason"), r, problems),
        None => LocalText::None,
    };
    if status == Status::Cancelled && reason.is_empty() {
        problems.push(
            src.error(
                at,
                false,
                msg!("calendar-cancelled-no-reason", period = period.id()),
            )
            .with_hint(msg!("calendar-reason-hint")),
        );
    }
    let mut changes = Vec::new();
    for (cat, c) in list(src, &at.key("changes"), m.get("changes"), problems) {
        let Value::Mapping(cm) = c else {
            problems.push(
                src.error(&cat, false, msg!("calendar-change-not-mapping"))
                    .with_hint(msg!("calendar-change-hint")),
            );
            continue;
        };
        keys(src, &cat, cm, &CHANGE_KEYS, problems);
        let from = match cm.get("from") {
            Some(f) => when_of(src, &cat.key("from"), f, problems),
            None => {
                problems.push(
                    src.error(&cat, false, msg!("calendar-missing", key = "from"))
                        .with_hint(msg!("calendar-change-hint")),
                );
                None
            }
        };
        let reason = cm
            .get("reason")
            .map(|r| src.local_text(&cat.key("reason"), r, problems))
            .unwrap_or_default();
        if reason.is_empty() {
            problems.push(
                src.error(&cat, false, msg!("calendar-missing", key = "reason"))
                    .with_hint(msg!("calendar-reason-hint")),
            );
        }
        if let Some(from) = from {
            changes.push(Change { from, reason });
        }
    }
    Some(Entry {
        period,
        when,
        time,
        status,
        reason,
        changes,
        index,
    })
}

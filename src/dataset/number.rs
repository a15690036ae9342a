//! Figures as editors write them: a YAML number, or text that gets a
//! hint to the machine form (`5.718,5` → `5718.5`), read by the one
//! reader of grouped numbers, [`grouped_number`].

use serde_yaml::Value;

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::yaml::{self, Source, YamlPath};

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
                problems.push(src.error(
                    at,
                    false,
                    msg!("figure-unusable", written = n.to_string()),
                ));
                None
            }
        },
        Value::String(s) => {
            let hint = match machine_form(s) {
                Some(m) => msg!("figure-grouped-hint", written = s, machine = m),
                None => msg!("figure-plain-hint"),
            };
            problems.push(
                src.error(at, false, msg!("figure-is-text", written = s))
                    .with_hint(hint),
            );
            None
        }
        other => {
            problems.push(src.error(
                at,
                false,
                msg!("figure-not-number", found = yaml::kind_of(other)),
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

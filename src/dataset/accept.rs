//! `accept:` in a data file: warnings of `bantin check` about its figures
//! that the editors have looked into, each with its reason. Read here;
//! matched to the warnings in `check/accept.rs`.

use serde_yaml::Value;

use super::parse::field_name;
use super::{Acceptance, Field, Fields};
use crate::diagnostic::{Diagnostic, Rule, did_you_mean};
use crate::msg;
use crate::yaml::{self, Source, YamlPath};

const ACCEPT_KEYS: [&str; 4] = ["rule", "indicator", "field", "reason"];

/// One item of `accept:`: a rule, the indicator and field of this file it
/// found something about, and why that is accepted.
pub(super) fn read_acceptance(
    src: &Source,
    at: &YamlPath,
    index: usize,
    item: &Value,
    indicators: &[(String, Fields)],
    problems: &mut Vec<Diagnostic>,
) -> Option<Acceptance> {
    let Value::Mapping(m) = item else {
        problems.push(
            src.error(
                at,
                false,
                msg!("accept-not-mapping", found = yaml::kind_of(item)),
            )
            .with_hint(msg!("accept-hint")),
        );
        return None;
    };
    for (k, _) in m {
        let key = yaml::key_text(k);
        if !ACCEPT_KEYS.contains(&key.as_str()) {
            problems.push(src.unknown_key(at, &key, msg!("what-key"), &ACCEPT_KEYS));
        }
    }
    let text = |key: &str, problems: &mut Vec<Diagnostic>| match m.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => {
            problems.push(
                src.error(at, false, msg!("accept-missing", key = key))
                    .with_hint(msg!("accept-hint")),
            );
            None
        }
    };
    let rule = text("rule", problems);
    let indicator = text("indicator", problems);
    let reason = text("reason", problems);
    if let Some(r) = &rule
        && !Rule::ALL.iter().any(|x| x.name() == r)
    {
        let names: Vec<&str> = Rule::ALL.iter().map(|x| x.name()).collect();
        let hint = match did_you_mean(r, names.iter().copied()) {
            Some(s) => msg!("did-you-mean", name = s),
            None => msg!("accept-rules", rules = names.join(", ")),
        };
        problems.push(
            src.error(
                &at.key("rule"),
                false,
                msg!("accept-unknown-rule", rule = r.as_str()),
            )
            .with_hint(hint),
        );
    }
    if let Some(id) = &indicator
        && !indicators.iter().any(|(i, _)| i == id)
    {
        problems.push(src.error(
            &at.key("indicator"),
            false,
            msg!("accept-unknown-indicator", id = id.as_str()),
        ));
    }
    let field = match m.get("field") {
        None => Some(Field::Value),
        Some(v) => field_name(src, &at.key("field"), v, problems),
    };
    Some(Acceptance {
        rule: rule?,
        indicator: indicator?,
        field: field?,
        reason: reason?,
        index,
    })
}

//! `revisions:` in a data file: figures of earlier periods this release
//! states again, revised (the March report gives February's final
//! figures) or corrected (an error put right), each group with the new
//! status of its figures and the reason. Read here; the site keeps every
//! published version of a figure (`site/vintages.rs`).

use serde_yaml::Value;

use super::parse::{read_fields, status_of};
use super::{Fields, Status};
use crate::catalog::Catalog;
use crate::config::LocalText;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::msg;
use crate::period::Period;
use crate::yaml::{self, Source, YamlPath};

/// The figures of one earlier period a release states again.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub period: Period,
    /// Their status now (`final` once the final figures are in).
    pub status: Option<Status>,
    /// An error put right, rather than a routine revision of an estimate.
    pub correction: bool,
    /// Why (optional for a routine revision of a plausible size; `check`
    /// asks for one when a figure moves a lot).
    pub reason: LocalText,
    pub indicators: Vec<(String, Fields)>,
}

const KEYS: [&str; 5] = ["period", "status", "correction", "reason", "indicators"];

/// Reads the `revisions:` list of a data file whose own period is `own`.
pub(super) fn read_revisions(
    src: &Source,
    at: &YamlPath,
    v: &Value,
    own: Option<&Period>,
    catalog: &Catalog,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Revision> {
    let Value::Sequence(items) = v else {
        if !v.is_null() {
            problems.push(
                src.error(
                    at,
                    false,
                    msg!("revisions-not-list", found = yaml::kind_of(v)),
                )
                .with_hint(msg!("revisions-hint")),
            );
        }
        return Vec::new();
    };
    let mut out: Vec<Revision> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = at.index(i);
        let Value::Mapping(m) = item else {
            problems.push(
                src.error(&at, false, msg!("revisions-not-mapping"))
                    .with_hint(msg!("revisions-hint")),
            );
            continue;
        };
        for (k, _) in m {
            let key = yaml::key_text(k);
            if !KEYS.contains(&key.as_str()) {
                problems.push(src.unknown_key(&at, &key, msg!("what-key"), &KEYS));
            }
        }
        let period = match m.get("period") {
            Some(v) => super::parse::period_at(src, &at.key("period"), v)
                .map_err(|d| problems.push(d))
                .ok(),
            None => {
                problems.push(
                    src.error(&at, false, msg!("calendar-missing", key = "period"))
                        .with_hint(msg!("revisions-hint")),
                );
                None
            }
        };
        if let (Some(p), Some(own)) = (&period, own)
            && !(p < own)
        {
            problems.push(
                src.error(
                    &at.key("period"),
                    false,
                    msg!("revisions-not-earlier", period = p.id(), own = own.id()),
                )
                .with_hint(msg!("revisions-not-earlier-hint")),
            );
        }
        if let Some(p) = &period
            && out.iter().any(|r| r.period.same_coverage(p))
        {
            problems.push(src.error(
                &at.key("period"),
                false,
                msg!("revisions-twice", period = p.id()),
            ));
        }
        let status = m
            .get("status")
            .and_then(|v| status_of(src, &at.key("status"), v, problems));
        let correction = match m.get("correction") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                problems.push(src.error(
                    &at.key("correction"),
                    false,
                    msg!("revisions-bad-correction"),
                ));
                false
            }
        };
        let reason = match m.get("reason") {
            Some(r) => src.local_text(&at.key("reason"), r, problems),
            None => LocalText::None,
        };
        let mut indicators = Vec::new();
        match m.get("indicators") {
            Some(Value::Mapping(inds)) => {
                for (k, v) in inds {
                    let id = yaml::key_text(k);
                    let iat = at.key("indicators").key(&id);
                    if catalog.get(&id).is_none() && !catalog.unread {
                        let hint = match did_you_mean(&id, catalog.ids()) {
                            Some(s) => msg!("did-you-mean", name = s),
                            None => msg!("data-unknown-indicator-hint", id = &id),
                        };
                        problems.push(
                            src.error(&iat, true, msg!("data-unknown-indicator", id = &id))
                                .with_hint(hint),
                        );
                        continue;
                    }
                    indicators.push((id, read_fields(src, &iat, v, None, problems)));
                }
            }
            _ => problems.push(
                src.error(&at, false, msg!("calendar-missing", key = "indicators"))
                    .with_hint(msg!("revisions-hint")),
            ),
        }
        if let Some(period) = period {
            out.push(Revision {
                period,
                status,
                correction,
                reason,
                indicators,
            });
        }
    }
    out
}

//! What a call names in the site's figures: one figure, a breakdown, or
//! an indicator's trend. `bantin check` reports a call that names
//! nothing; the renderer fills each call from what it names. Both ask
//! [`resolve`], so what passes the check renders.

use std::path::Path;

use super::{Call, Func, Narrative};
use crate::catalog::Catalog;
use crate::dataset::{Data, Field};
use crate::diagnostic::{Diagnostic, Rule, did_you_mean};
use crate::messages::Message;
use crate::msg;
use crate::period::Period;

/// What calls are resolved against: the catalogue and the releases'
/// figures (the loaded site).
pub(crate) trait Figures {
    fn catalog(&self) -> &Catalog;
    /// The figures of the release that covers `period`, and its data
    /// file (relative to the site root).
    fn figures(&self, period: &Period) -> Option<(&Data, &Path)>;
    /// The periods published, for hints.
    fn periods(&self) -> Vec<String>;
    /// Whether the release of `period` was set aside for its errors.
    fn set_aside(&self, _period: &Period) -> bool {
        false
    }
}

/// What a call refers to, once checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// One figure: `value()` and `change()`.
    Figure {
        indicator: String,
        field: Field,
        period: Period,
    },
    /// A breakdown of one release: `chart()`/`table()` of a breakdown.
    Breakdown { id: String, period: Period },
    /// An indicator over the releases of the same kind: `chart("exports")`.
    Trend { indicator: String, period: Period },
}

/// The message id of a call to the period of a release set aside for
/// its errors: not a finding of its own (the release's errors are), and
/// shown as `…` on a page that is not published anyway.
pub const SET_ASIDE: &str = "call-period-set-aside";

/// Resolves a call made in narrative `n` of the release for `here` (none
/// on a free page).
pub fn resolve(
    site: &impl Figures,
    n: &Narrative,
    call: &Call,
    here: Option<&Period>,
) -> Result<Resolved, Diagnostic> {
    let err = |message: Message| {
        Diagnostic::error(&n.file, message)
            .at(call.line, call.column)
            .rule(Rule::Call)
    };
    let period = match (&call.period, here) {
        (Some(text), _) => {
            let p = Period::parse(text).map_err(err)?;
            if site.figures(&p).is_none() {
                if site.set_aside(&p) {
                    let mut d = err(msg!("call-period-set-aside", period = p.id()));
                    d.level = crate::diagnostic::Level::Warning;
                    return Err(d);
                }
                let known = site.periods();
                return Err(err(msg!("call-no-release", period = p.id()))
                    .with_hint(msg!("call-no-release-hint", periods = known.join(", "))));
            }
            p
        }
        (None, Some(p)) => *p,
        (None, None) => {
            return Err(
                err(msg!("call-page-no-period", name = call.func.name())).with_hint(msg!(
                    "call-write",
                    call = format!(
                        "{}(\"{}\", period=\"2021-Q1\")",
                        call.func.name(),
                        call.target
                    )
                )),
            );
        }
    };
    let (data, data_file) = site
        .figures(&period)
        .ok_or_else(|| err(msg!("call-no-release", period = period.id())))?;
    let target = call.target.as_str();
    let is_indicator = site.catalog().get(target).is_some();
    let unknown_target = || {
        let mut candidates: Vec<&str> = site.catalog().ids().collect();
        candidates.extend(data.breakdowns.iter().map(|b| b.id.as_str()));
        let hint = did_you_mean(target, candidates.iter().copied()).map_or_else(
            || {
                msg!(
                    "call-indicators-are",
                    period = period.id(),
                    ids = data
                        .indicators
                        .iter()
                        .map(|(i, _)| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            |s| msg!("did-you-mean", name = s),
        );
        err(msg!(
            "call-unknown-target",
            target = target,
            period = period.id()
        ))
        .with_hint(hint)
    };
    match call.func {
        Func::Value | Func::Change => {
            if !is_indicator {
                return Err(unknown_target());
            }
            let default = if call.func == Func::Value {
                Field::Value
            } else {
                Field::GrowthYoy
            };
            let field = match &call.field {
                None => default,
                Some(name) => Field::parse(name).ok_or_else(|| {
                    let hint = did_you_mean(name, Field::NAMES).map_or_else(
                        || msg!("breakdown-fields", fields = Field::NAMES.join(", ")),
                        |f| msg!("did-you-mean", name = f),
                    );
                    err(msg!("breakdown-bad-field", written = name)).with_hint(hint)
                })?,
            };
            if call.func == Func::Change && !field.is_change() {
                return Err(
                    err(msg!("call-change-not-growth", field = field.name())).with_hint(msg!(
                        "call-write",
                        call = format!("value(\"{target}\", \"{field}\")")
                    )),
                );
            }
            let Some(fields) = data.fields(target) else {
                return Err(err(msg!(
                    "call-no-figures",
                    period = period.id(),
                    target = target
                ))
                .with_hint(msg!(
                    "call-no-figures-hint",
                    target = target,
                    file = data_file
                )));
            };
            if fields.get(field).is_none() {
                let present: Vec<&str> = fields.present().map(|(f, _)| f.name()).collect();
                return Err(err(msg!(
                    "call-no-field",
                    target = target,
                    field = field.name(),
                    period = period.id()
                ))
                .with_hint(if present.is_empty() {
                    msg!(
                        "call-no-field-fill",
                        field = field.name(),
                        target = target,
                        file = data_file
                    )
                } else {
                    msg!("call-no-field-present", fields = present.join(", "))
                }));
            }
            Ok(Resolved::Figure {
                indicator: target.to_owned(),
                field,
                period,
            })
        }
        Func::Chart | Func::Table => {
            if call.field.is_some() {
                return Err(err(msg!("call-takes-no-field", name = call.func.name())));
            }
            if data.breakdown(target).is_some() {
                Ok(Resolved::Breakdown {
                    id: target.to_owned(),
                    period,
                })
            } else if is_indicator {
                if data.fields(target).is_none() {
                    return Err(err(msg!(
                        "call-no-figures",
                        period = period.id(),
                        target = target
                    )));
                }
                Ok(Resolved::Trend {
                    indicator: target.to_owned(),
                    period,
                })
            } else {
                Err(unknown_target())
            }
        }
    }
}

//! What a call names in the site's figures: one figure, a breakdown, or
//! an indicator's trend. `bantin check` reports a call that names
//! nothing; the renderer fills each call from what it names. Both ask
//! [`resolve`], so what passes the check renders.

use std::path::Path;

use super::{Call, Func, Narrative};
use crate::catalog::Catalog;
use crate::dataset::{Data, Field};
use crate::diagnostic::{Diagnostic, Rule, did_you_mean};
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

/// Resolves a call made in narrative `n` of the release for `here` (none
/// on a free page).
pub fn resolve(
    site: &impl Figures,
    n: &Narrative,
    call: &Call,
    here: Option<&Period>,
) -> Result<Resolved, Diagnostic> {
    let err = |msg: String| {
        Diagnostic::error(&n.file, msg)
            .at(call.line, call.column)
            .rule(Rule::Call)
    };
    let period = match (&call.period, here) {
        (Some(text), _) => {
            let p = Period::parse(text).map_err(err)?;
            if site.figures(&p).is_none() {
                let known = site.periods();
                return Err(err(format!("no release covers the period {}", p.id()))
                    .with_hint(format!("the periods published are: {}", known.join(", "))));
            }
            p
        }
        (None, Some(p)) => *p,
        (None, None) => {
            return Err(err(format!(
                "{}() on a free page must name its period",
                call.func.name()
            ))
            .with_hint(format!(
                "write {}(\"{}\", period=\"2021-Q1\")",
                call.func.name(),
                call.target
            )));
        }
    };
    let (data, data_file) = site
        .figures(&period)
        .ok_or_else(|| err(format!("no release covers the period {}", period.id())))?;
    let target = call.target.as_str();
    let is_indicator = site.catalog().get(target).is_some();
    let unknown_target = || {
        let mut candidates: Vec<&str> = site.catalog().ids().collect();
        candidates.extend(data.breakdowns.iter().map(|b| b.id.as_str()));
        let hint = did_you_mean(target, candidates.iter().copied()).map_or_else(
            || {
                format!(
                    "the indicators of {} are: {}",
                    period.id(),
                    data.indicators
                        .iter()
                        .map(|(i, _)| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            |s| format!("did you mean `{s}`?"),
        );
        err(format!(
            "`{target}` is neither an indicator nor a breakdown of {}",
            period.id()
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
                        || format!("the fields are: {}", Field::NAMES.join(", ")),
                        |f| format!("did you mean `{f}`?"),
                    );
                    err(format!("`{name}` is not a field")).with_hint(hint)
                })?,
            };
            if call.func == Func::Change && !field.is_change() {
                return Err(err(format!(
                    "change() words a growth rate, and `{field}` is not one"
                ))
                .with_hint(format!(
                    "use value(\"{target}\", \"{field}\") for this figure"
                )));
            }
            let Some(fields) = data.fields(target) else {
                return Err(err(format!(
                    "the release for {} has no figures for `{target}`",
                    period.id()
                ))
                .with_hint(format!(
                    "add `{target}:` under `indicators:` in {}",
                    data_file.display()
                )));
            };
            if fields.get(field).is_none() {
                let present: Vec<&str> = fields.present().map(|(f, _)| f.name()).collect();
                return Err(
                    err(format!("`{target}` has no `{field}` in {}", period.id())).with_hint(
                        if present.is_empty() {
                            format!(
                                "fill in `{field}:` under `{target}:` in {}",
                                data_file.display()
                            )
                        } else {
                            format!("its figures there are: {}", present.join(", "))
                        },
                    ),
                );
            }
            Ok(Resolved::Figure {
                indicator: target.to_owned(),
                field,
                period,
            })
        }
        Func::Chart | Func::Table => {
            if call.field.is_some() {
                return Err(err(format!("{}() takes no field", call.func.name())));
            }
            if data.breakdown(target).is_some() {
                Ok(Resolved::Breakdown {
                    id: target.to_owned(),
                    period,
                })
            } else if is_indicator {
                if data.fields(target).is_none() {
                    return Err(err(format!(
                        "the release for {} has no figures for `{target}`",
                        period.id()
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

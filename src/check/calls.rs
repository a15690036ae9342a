//! Rule `narrative/call`: every call in a narrative names an indicator,
//! field, breakdown and period that exist. The renderer resolves calls
//! with the same [`resolve`], so what passes here renders.

use super::Rule;
use crate::dataset::Field;
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::narrative::{Call, Func, Narrative};
use crate::period::Period;
use crate::site::Site;

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

/// Checks the calls of every narrative and free page.
pub fn check(site: &Site, problems: &mut Diagnostics) {
    for b in &site.bulletins {
        for n in b.narratives.values() {
            check_calls(site, n, Some(b.period()), problems);
        }
    }
    for p in &site.pages {
        for n in p.texts.values() {
            check_calls(site, n, None, problems);
        }
    }
}

fn check_calls(site: &Site, n: &Narrative, period: Option<&Period>, problems: &mut Diagnostics) {
    for call in &n.calls {
        if let Err(d) = resolve(site, n, call, period) {
            problems.push(d);
        }
    }
}

/// Resolves a call made in narrative `n` of the release for `here` (none
/// on a free page).
pub fn resolve(
    site: &Site,
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
            if site.bulletin(&p).is_none() {
                let known: Vec<String> = site.bulletins.iter().map(|b| b.period().id()).collect();
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
    let bulletin = site
        .bulletin(&period)
        .ok_or_else(|| err(format!("no release covers the period {}", period.id())))?;
    let data = &bulletin.data;
    let target = call.target.as_str();
    let is_indicator = site.catalog.get(target).is_some();
    let unknown_target = || {
        let mut candidates: Vec<&str> = site.catalog.ids().collect();
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
                    bulletin.data_file().display()
                )));
            };
            if fields.get(field).is_none() {
                let present: Vec<&str> = fields.present().map(|(f, _)| f.name()).collect();
                return Err(
                    err(format!("`{target}` has no `{field}` in {}", period.id())).with_hint(
                        if present.is_empty() {
                            format!(
                                "fill in `{field}:` under `{target}:` in {}",
                                bulletin.data_file().display()
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

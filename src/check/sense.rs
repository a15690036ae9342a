//! Rule `form/sense`: figures that cannot be right whatever the other
//! periods say. A level of a flow, stock or index below zero; a share
//! outside 0–100%; a fall of 100% or more; a negative plan attainment.

use super::{DataFiles, Rule, field_path};
use crate::catalog::IndicatorKind;
use crate::dataset::{Field, Fields};
use crate::diagnostic::{Diagnostics, Level};
use crate::messages::{Arg, Message};
use crate::msg;
use crate::site::{Release, Site};
use crate::yaml::YamlPath;

/// Why `x` cannot be a figure of `field`, if it cannot.
pub fn nonsense(field: Field, x: f64, kind: Option<IndicatorKind>) -> Option<(Message, Message)> {
    let x_arg = Arg::figure(x, None);
    match field {
        Field::Value
            if x < 0.0
                && matches!(
                    kind,
                    Some(IndicatorKind::Flow | IndicatorKind::Stock | IndicatorKind::Index)
                ) =>
        {
            Some((
                msg!(
                    "sense-negative-level",
                    value = x_arg,
                    kind = kind.map_or("", IndicatorKind::name)
                ),
                msg!("sense-negative-level-hint"),
            ))
        }
        Field::Share if !(0.0..=100.0).contains(&x) => {
            Some((msg!("sense-share", value = x_arg), msg!("sense-share-hint")))
        }
        Field::PlanAttainment if x < 0.0 => {
            Some((msg!("sense-plan", value = x_arg), msg!("sense-plan-hint")))
        }
        f if f.is_change() && x <= -100.0 => Some((
            msg!("sense-fall", value = Arg::figure(-x, None)),
            msg!("sense-fall-hint"),
        )),
        _ => None,
    }
}

/// The figures of one release.
pub fn check_release(site: &Site, b: &Release, files: &DataFiles, problems: &mut Diagnostics) {
    {
        for (id, fields) in &b.data().indicators {
            let kind = site.catalog.get(id).and_then(|i| i.kind);
            each(fields, kind, |field, message, hint| {
                problems.push(
                    files
                        .at(
                            b,
                            &field_path(id, field),
                            false,
                            Level::Error,
                            Rule::Sense,
                            msg!("sense-of-indicator", id = id, message = message),
                        )
                        .with_hint(hint),
                );
            });
        }
        for bd in &b.data().breakdowns {
            for (i, row) in bd.rows.iter().enumerate() {
                // A row's level has no kind: only its percentages are judged.
                each(&row.fields, None, |field, message, hint| {
                    let at = YamlPath::root()
                        .key("breakdowns")
                        .key(&bd.id)
                        .key("rows")
                        .index(i)
                        .key(field.name());
                    problems.push(
                        files
                            .at(b, &at, false, Level::Error, Rule::Sense, message)
                            .with_hint(hint),
                    );
                });
            }
        }
    }
}

fn each(
    fields: &Fields,
    kind: Option<IndicatorKind>,
    mut found: impl FnMut(Field, Message, Message),
) {
    for (field, x) in fields.present() {
        if let Some((message, hint)) = nonsense(field, x, kind) {
            found(field, message, hint);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_of_flows_stocks_and_indexes_are_not_negative() {
        assert!(nonsense(Field::Value, -3.0, Some(IndicatorKind::Flow)).is_some());
        assert!(nonsense(Field::Value, -3.0, Some(IndicatorKind::Stock)).is_some());
        assert!(nonsense(Field::Value, 3.0, Some(IndicatorKind::Flow)).is_none());
        // A rate, or an indicator of no stated kind (a balance), may be.
        assert!(nonsense(Field::Value, -3.0, Some(IndicatorKind::Rate)).is_none());
        assert!(nonsense(Field::Value, -3.0, None).is_none());
    }

    #[test]
    fn shares_lie_between_0_and_100() {
        assert!(nonsense(Field::Share, 100.5, None).is_some());
        assert!(nonsense(Field::Share, -1.0, None).is_some());
        assert!(nonsense(Field::Share, 100.0, None).is_none());
        assert!(nonsense(Field::Share, 0.0, None).is_none());
    }

    #[test]
    fn falls_stop_short_of_100_percent() {
        assert!(nonsense(Field::GrowthYoy, -100.0, None).is_some());
        assert!(nonsense(Field::TargetGrowth, -120.0, None).is_some());
        assert!(nonsense(Field::GrowthYoy, -51.76, None).is_none());
        // Growth above 100% is common (exports doubled).
        assert!(nonsense(Field::GrowthYoy, 120.59, None).is_none());
        assert!(nonsense(Field::PlanAttainment, -5.0, None).is_some());
        assert!(nonsense(Field::PlanAttainment, 130.0, None).is_none());
    }
}

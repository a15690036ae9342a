//! Rule `revisions`: what a release states again of earlier periods. The
//! revised figures themselves are checked with the others (the
//! consistency rules compare the latest version of each figure); here, a
//! revision of a period no release published, and a figure moved a long
//! way without a reason.

use super::{DataFiles, Rule};
use crate::diagnostic::{Diagnostics, Level};
use crate::messages::Arg;
use crate::msg;
use crate::site::Site;
use crate::yaml::YamlPath;

/// A revision larger than this share of the figure wants its reason.
const PLAUSIBLE: f64 = 0.1;

pub fn check(site: &Site, files: &DataFiles, problems: &mut Diagnostics) {
    for b in site.releases() {
        for (i, r) in b.data().revisions.iter().enumerate() {
            let at = YamlPath::root().key("revisions").index(i);
            let original = site.release(&r.period);
            if original.is_none() && !site.set_aside.has_period(&r.period) {
                problems.push(
                    files
                        .at(
                            b,
                            &at.key("period"),
                            false,
                            Level::Warning,
                            Rule::Revisions,
                            msg!("revisions-unknown-period", period = r.period.id()),
                        )
                        .with_hint(msg!("revisions-unknown-period-hint")),
                );
                continue;
            }
            if !r.reason.is_empty() {
                continue;
            }
            for (id, fields) in &r.indicators {
                for (field, to) in fields.present() {
                    let versions = site.vintages.of_figure(&r.period, id, field);
                    // The version this one replaces.
                    let Some(mine) = versions.iter().position(|v| v.by.as_ref() == b.slug()) else {
                        continue;
                    };
                    let Some(from) = mine.checked_sub(1).and_then(|j| versions.get(j)) else {
                        continue;
                    };
                    let change = if field.is_change() {
                        // A rate: points, against the size of the rate.
                        (to - from.value).abs() / from.value.abs().max(1.0)
                    } else if from.value != 0.0 {
                        (to / from.value - 1.0).abs()
                    } else {
                        continue;
                    };
                    if change > PLAUSIBLE {
                        let path = at.key("indicators").key(id).key(field.name());
                        problems.push(
                            files
                                .at(
                                    b,
                                    &path,
                                    false,
                                    Level::Warning,
                                    Rule::Revisions,
                                    msg!(
                                        "revisions-large",
                                        id = id.as_str(),
                                        field = field.name(),
                                        period = r.period.id(),
                                        from = Arg::figure(from.value, None),
                                        to = Arg::figure(to, None),
                                        change =
                                            Arg::figure((change * 1000.0).round() / 10.0, None)
                                    ),
                                )
                                .with_hint(msg!("revisions-large-hint")),
                        );
                    }
                }
            }
        }
    }
}

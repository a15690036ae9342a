//! Rule `calendar`: the releases against the release calendar. A site has
//! no clock of its own: "now" is the latest publication date of its
//! releases, so a check gives the same findings whenever it runs.
//!
//! - a release of a year the calendar covers, with no entry in it;
//! - a release published later than its confirmed day (punctuality);
//! - a confirmed day before now with no release;
//! - after 15 December, no entry for the next year (Decree 94/2016/NĐ-CP
//!   asks for next year's calendar to be posted by then).

use std::path::Path;

use super::{DataFiles, Rule};
use crate::calendar::{FILE, Status, When};
use crate::dataset::Date;
use crate::diagnostic::{Diagnostics, Level};
use crate::msg;
use crate::site::Site;
use crate::yaml::YamlPath;

pub fn check(site: &Site, files: &DataFiles, problems: &mut Diagnostics) {
    let Some(calendar) = &site.calendar else {
        return;
    };
    let years: std::collections::BTreeSet<i32> =
        calendar.entries.iter().map(|e| e.period.year).collect();
    let now = site.releases().iter().filter_map(|b| b.published()).max();
    for b in site.releases() {
        let period = b.period();
        let Some(entry) = calendar.entry(period) else {
            if years.contains(&period.year) {
                problems.push(
                    files
                        .at(
                            b,
                            &YamlPath::root().key("period"),
                            false,
                            Level::Warning,
                            Rule::Calendar,
                            msg!("calendar-release-missing", period = period.id()),
                        )
                        .with_hint(msg!("calendar-release-missing-hint")),
                );
            }
            continue;
        };
        if let (Status::Confirmed, When::Day(day), Some(published)) =
            (entry.status, entry.when, b.published())
            && published > day
        {
            problems.push(
                files
                    .at(
                        b,
                        &YamlPath::root().key("published"),
                        false,
                        Level::Warning,
                        Rule::Calendar,
                        msg!(
                            "calendar-late",
                            period = period.id(),
                            planned = iso(day),
                            published = iso(published)
                        ),
                    )
                    .with_hint(msg!("calendar-late-hint")),
            );
        }
    }
    let Some(now) = now else {
        return;
    };
    let file = Path::new(FILE);
    for e in &calendar.entries {
        if let (Status::Confirmed, When::Day(day)) = (e.status, e.when)
            && day < now
            && site.release(&e.period).is_none()
            && !site.set_aside.has_period(&e.period)
        {
            let at = YamlPath::root().key("releases").index(e.index);
            problems.push(
                files
                    .in_file(
                        file,
                        &at,
                        false,
                        Level::Warning,
                        Rule::Calendar,
                        msg!(
                            "calendar-overdue",
                            period = e.period.id(),
                            planned = iso(day),
                            now = iso(now)
                        ),
                    )
                    .with_hint(msg!("calendar-overdue-hint")),
            );
        }
    }
    let deadline = Date {
        year: now.year,
        month: 12,
        day: 15,
    };
    if now >= deadline && !years.contains(&(now.year + 1)) {
        problems.push(
            files
                .in_file(
                    file,
                    &YamlPath::root().key("releases"),
                    true,
                    Level::Warning,
                    Rule::Calendar,
                    msg!(
                        "calendar-next-year",
                        year = (now.year + 1).to_string(),
                        now = iso(now)
                    ),
                )
                .with_hint(msg!(
                    "calendar-next-year-hint",
                    year = (now.year + 1).to_string()
                )),
        );
    }
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

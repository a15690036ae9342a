//! The release calendar (`content/calendar.yaml`): when each release is
//! announced to come, as Decree 94/2016/NĐ-CP asks a publishing agency to
//! post before 15 December for the next year. Each entry has its period,
//! a planned day (or, while provisional, a month), a status, and the
//! history of its date: a moved release keeps every earlier date with the
//! reason, and its feed event a raised SEQUENCE.
//!
//! Read in `parse.rs`; written as iCalendar feeds in `ics.rs`.

pub mod ics;
mod parse;

pub use parse::parse;

use crate::config::LocalText;
use crate::dataset::Date;
use crate::period::{Kind, Period};

pub const FILE: &str = "content/calendar.yaml";

/// The whole calendar, entries in date order.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    pub entries: Vec<Entry>,
}

/// One announced release.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub period: Period,
    pub when: When,
    /// Hour and minute, Vietnam time, when announced.
    pub time: Option<(u8, u8)>,
    pub status: Status,
    /// Why it was cancelled, in each language.
    pub reason: LocalText,
    /// Its earlier dates, oldest first, each with why it moved.
    pub changes: Vec<Change>,
    /// Its place in the file's `releases:` list, to point at it.
    pub index: usize,
}

/// When a release is planned: a day, or while provisional a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    Day(Date),
    Month { year: i32, month: u8 },
}

impl When {
    /// The first day it may be: the day, or the month's first.
    pub fn first_day(&self) -> Date {
        match *self {
            When::Day(d) => d,
            When::Month { year, month } => Date {
                year,
                month,
                day: 1,
            },
        }
    }

    /// The last day it may be.
    pub fn last_day(&self) -> Date {
        match *self {
            When::Day(d) => d,
            When::Month { year, month } => Date {
                year,
                month,
                day: Date::days_in_month(year, month).unwrap_or(28),
            },
        }
    }

    /// `2025-04-08`, or `2025-04` for a month.
    pub fn parse(text: &str) -> Option<When> {
        if let Some(d) = Date::parse(text) {
            return Some(When::Day(d));
        }
        let (y, m) = text.trim().split_once('-')?;
        let (year, month): (i32, u8) = (y.parse().ok()?, m.parse().ok()?);
        (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month))
            .then_some(When::Month { year, month })
    }
}

/// How sure a planned release is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Announced for a month or a window; the day may change.
    Provisional,
    /// The day is fixed.
    Confirmed,
    /// It will not come; `reason` says why.
    Cancelled,
}

impl Status {
    pub const NAMES: [&str; 3] = ["provisional", "confirmed", "cancelled"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "provisional" => Status::Provisional,
            "confirmed" => Status::Confirmed,
            "cancelled" => Status::Cancelled,
            _ => return None,
        })
    }
}

/// An earlier date of an entry and why it moved.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub from: When,
    pub reason: LocalText,
}

/// "The `day` of the month after the period ends", for one kind of
/// release, moved past weekends and `holidays` to the next working day.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub kind: Kind,
    pub day: u8,
    pub time: Option<(u8, u8)>,
}

impl Rule {
    /// The day this rule gives a release of `period`.
    pub fn date_for(&self, period: &Period, holidays: &[Date]) -> Date {
        let (_, last) = period.months();
        let (year, month) = if last == 12 {
            (period.year + 1, 1)
        } else {
            (period.year, last + 1)
        };
        let day = self.day.min(Date::days_in_month(year, month).unwrap_or(28));
        next_working_day(Date { year, month, day }, holidays)
    }
}

impl Calendar {
    /// The entry of a release covering the months of `period`.
    pub fn entry(&self, period: &Period) -> Option<&Entry> {
        self.entries.iter().find(|e| e.period.same_coverage(period))
    }

    /// The next release of `kind` after `period` that is not cancelled:
    /// what a bulletin announces as its successor.
    pub fn next_of_kind(&self, kind: Kind, after: &Period) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.status != Status::Cancelled && e.period.kind() == kind)
            .filter(|e| e.period > *after)
            .min_by_key(|e| (e.when.first_day(), e.period))
    }

    /// The first release, by date, that `published` does not have yet
    /// and is not cancelled: the home page's "next release".
    pub fn next(&self, published: impl Fn(&Period) -> bool) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.status != Status::Cancelled && !published(&e.period))
            .min_by_key(|e| (e.when.first_day(), e.period))
    }
}

/// Monday is 0 … Sunday 6 (Sakamoto's method, proleptic Gregorian).
pub fn weekday(d: Date) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = i32::from(d.month);
    let y = if m < 3 { d.year - 1 } else { d.year };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + i32::from(d.day)) % 7;
    ((sunday_first + 6) % 7) as u8
}

/// The day after `d`.
pub fn next_day(d: Date) -> Date {
    let last = Date::days_in_month(d.year, d.month).unwrap_or(28);
    if d.day < last {
        Date {
            day: d.day + 1,
            ..d
        }
    } else if d.month < 12 {
        Date {
            month: d.month + 1,
            day: 1,
            ..d
        }
    } else {
        Date {
            year: d.year + 1,
            month: 1,
            day: 1,
        }
    }
}

/// `d`, or the first day after it that is neither a Saturday, a Sunday
/// nor one of `holidays`.
pub fn next_working_day(mut d: Date, holidays: &[Date]) -> Date {
    while weekday(d) >= 5 || holidays.contains(&d) {
        d = next_day(d);
    }
    d
}

#[cfg(test)]
mod tests;

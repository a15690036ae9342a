//! A release's figures, from its `data.yaml`: the period, its status, and
//! per indicator the fields (level, growth, plan…); plus breakdowns (a table
//! of rows, such as IIP by industry).
//!
//! The model is here; `parse` reads a data file into it, reporting every
//! problem with its place; `number` reads the figures, and is the one
//! reader of numbers written with separators (`5.718,5`).

mod accept;
mod number;
mod parse;
mod revisions;
#[cfg(test)]
mod tests;

use std::fmt;

pub(crate) use number::grouped_number;
pub use number::machine_form;
pub use parse::parse;
pub(crate) use parse::period_at;
pub use revisions::Revision;

use crate::config::LocalText;
use crate::period::Period;

/// The figures an indicator may carry in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Value,
    GrowthYoy,
    GrowthPrev,
    PlanAttainment,
    TargetGrowth,
    NationalGrowth,
    Share,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Value,
        Field::GrowthYoy,
        Field::GrowthPrev,
        Field::PlanAttainment,
        Field::TargetGrowth,
        Field::NationalGrowth,
        Field::Share,
    ];
    pub const NAMES: [&str; 7] = [
        "value",
        "growth_yoy",
        "growth_prev",
        "plan_attainment",
        "target_growth",
        "national_growth",
        "share",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Field> {
        Self::NAMES
            .iter()
            .position(|n| *n == s)
            .map(|i| Self::ALL[i])
    }

    /// A % change, worded as a rise or a fall ("tăng 25,15%").
    pub fn is_change(self) -> bool {
        matches!(
            self,
            Field::GrowthYoy | Field::GrowthPrev | Field::TargetGrowth | Field::NationalGrowth
        )
    }

    /// Everything but the level is a percentage.
    pub fn is_percent(self) -> bool {
        self != Field::Value
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An indicator's figures in one period; absent fields are `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fields([Option<f64>; 7]);

impl Fields {
    pub fn get(&self, f: Field) -> Option<f64> {
        self.0[f as usize]
    }
    pub fn set(&mut self, f: Field, v: f64) {
        self.0[f as usize] = Some(v);
    }
    pub fn present(&self) -> impl Iterator<Item = (Field, f64)> + '_ {
        Field::ALL
            .iter()
            .filter_map(|&f| self.get(f).map(|v| (f, v)))
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Estimate,
    Preliminary,
    Final,
}

impl Status {
    pub const NAMES: [&str; 3] = ["estimate", "preliminary", "final"];
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Estimate, Status::Preliminary, Status::Final]
            .into_iter()
            .find(|st| st.name() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2021-04-01`, a real calendar date.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let max = Date::days_in_month(year, month)?;
        (day >= 1 && day <= max).then_some(Date { year, month, day })
    }

    /// The number of days of a month (1–12) of a year.
    pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        Some(match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            _ => return None,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: LocalText,
    pub fields: Fields,
}

/// A table of rows (IIP by industry, exports by product group).
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub id: String,
    pub title: LocalText,
    /// The field the rows are compared on (bars, sort order).
    pub field: Field,
    /// Unit of `value` rows (the other fields are %).
    pub unit: LocalText,
    pub rows: Vec<Row>,
}

impl Breakdown {
    /// Fields that any row carries, in the standard order.
    pub fn columns(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| self.rows.iter().any(|r| r.fields.get(f).is_some()))
            .collect()
    }
}

/// One release's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub period: Period,
    pub status: Status,
    pub published: Option<Date>,
    /// In the order written.
    pub indicators: Vec<(String, Fields)>,
    pub breakdowns: Vec<Breakdown>,
    /// Findings of `bantin check` the editors have looked into and accept,
    /// each with its reason (`accept:`).
    pub accepted: Vec<Acceptance>,
    /// Figures of earlier periods this release states again.
    pub revisions: Vec<Revision>,
}

/// `accept: [{ rule: consistency/growth, indicator: retail, field:
/// growth_yoy, reason: "…" }]`: a warning about one figure of this file,
/// known and explained. It is still listed, as accepted, and no longer
/// counts; an acceptance that no longer matches a warning is one itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Acceptance {
    /// The rule's name, as reports give it (`consistency/growth`).
    pub rule: String,
    pub indicator: String,
    pub field: Field,
    pub reason: String,
    /// Its place in the `accept:` list, to point at it.
    pub index: usize,
}

impl Data {
    pub fn fields(&self, indicator: &str) -> Option<&Fields> {
        self.indicators
            .iter()
            .find(|(id, _)| id == indicator)
            .map(|(_, f)| f)
    }
    pub fn breakdown(&self, id: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.id == id)
    }
}

//! Periods: what a release's figures cover. Parsing (`2021-Q1`, `2022-H1`,
//! `2024-9M`, `2021-03`, `2019`), order, slugs, and "same period last year".
//! Titles per language live in `crate::locale`.

use crate::messages::Message;
use crate::msg;
use std::cmp::Ordering;
use std::fmt;

/// The span a period covers within its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Year,
    Quarter(u8),
    /// January to the given month (1–11); 6 is the first half, written `H1`.
    Cumulative(u8),
    Month(u8),
}

/// Releases of the same kind follow one another (previous/next, "latest of
/// its kind").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Year,
    Cumulative,
    Quarter,
    Month,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Year, Kind::Cumulative, Kind::Quarter, Kind::Month];

    /// Key for UI strings (`kind.year` …).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Year => "year",
            Kind::Cumulative => "cumulative",
            Kind::Quarter => "quarter",
            Kind::Month => "month",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub span: Span,
}

impl Period {
    /// Parses what an editor writes; the error says what would be right.
    pub fn parse(text: &str) -> Result<Period, Message> {
        let t = text.trim();
        let (year_text, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(msg!("period-invalid", written = t));
        }
        let year: i32 = year_text
            .parse()
            .map_err(|_| msg!("period-invalid", written = t))?;
        if !(1900..=2200).contains(&year) {
            return Err(msg!("period-year-range", written = t, year = year));
        }
        let Some(rest) = rest else {
            return Ok(Period {
                year,
                span: Span::Year,
            });
        };
        let upper = rest.to_ascii_uppercase();
        let number = |digits: &str| -> Option<u8> {
            (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        };
        let span = if let Some(q) = upper.strip_prefix('Q') {
            match number(q) {
                Some(q @ 1..=4) => Span::Quarter(q),
                _ => return Err(msg!("period-bad-quarter", written = t)),
            }
        } else if upper == "H1" {
            Span::Cumulative(6)
        } else if upper.starts_with('H') {
            return Err(msg!(
                "period-bad-half",
                written = t,
                year = year.to_string()
            ));
        } else if let Some(n) = upper.strip_suffix('M') {
            match number(n) {
                Some(n @ 1..=11) => Span::Cumulative(n),
                Some(12) => {
                    return Err(msg!(
                        "period-twelve-months",
                        written = t,
                        year = year.to_string()
                    ));
                }
                _ => {
                    return Err(msg!(
                        "period-bad-months",
                        written = t,
                        year = year.to_string()
                    ));
                }
            }
        } else {
            match number(&upper) {
                Some(m @ 1..=12) => Span::Month(m),
                _ => return Err(msg!("period-invalid", written = t)),
            }
        };
        Ok(Period { year, span })
    }

    pub fn kind(&self) -> Kind {
        match self.span {
            Span::Year => Kind::Year,
            Span::Quarter(_) => Kind::Quarter,
            Span::Cumulative(_) => Kind::Cumulative,
            Span::Month(_) => Kind::Month,
        }
    }

    /// The canonical id: `2019`, `2021-Q1`, `2022-H1`, `2024-9M`, `2021-03`.
    pub fn id(&self) -> String {
        let y = self.year;
        match self.span {
            Span::Year => format!("{y}"),
            Span::Quarter(q) => format!("{y}-Q{q}"),
            Span::Cumulative(6) => format!("{y}-H1"),
            Span::Cumulative(n) => format!("{y}-{n}M"),
            Span::Month(m) => format!("{y}-{m:02}"),
        }
    }

    /// The id in lower case: the period's address (`/2021-q1/`).
    pub fn slug(&self) -> String {
        self.id().to_ascii_lowercase()
    }

    /// First and last month covered (1–12).
    pub fn months(&self) -> (u8, u8) {
        match self.span {
            Span::Year => (1, 12),
            Span::Quarter(q) => (q * 3 - 2, q * 3),
            Span::Cumulative(n) => (1, n),
            Span::Month(m) => (m, m),
        }
    }

    /// Two periods that cover the same months are the same period, however
    /// written (`2022-H1` and `2022-6M`; `2021-Q1` and `2021-3M`).
    pub fn same_coverage(&self, other: &Period) -> bool {
        self.year == other.year && self.months() == other.months()
    }

    pub fn same_period_last_year(&self) -> Period {
        Period {
            year: self.year - 1,
            span: self.span,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

/// Chronological: by the last month covered; of two periods ending in the
/// same month, the longer one sorts first (2021-Q1 before 2021-03).
impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        let end = |p: &Period| (p.year, p.months().1);
        end(self)
            .cmp(&end(other))
            .then_with(|| self.months().0.cmp(&other.months().0))
            .then_with(|| self.kind().cmp(&other.kind()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_written_form() {
        let cases = [
            ("2019", "2019", "2019"),
            ("2021-Q1", "2021-Q1", "2021-q1"),
            ("2021-q3", "2021-Q3", "2021-q3"),
            ("2022-H1", "2022-H1", "2022-h1"),
            ("2022-6M", "2022-H1", "2022-h1"),
            ("2024-9M", "2024-9M", "2024-9m"),
            ("2021-03", "2021-03", "2021-03"),
            ("2021-3", "2021-03", "2021-03"),
        ];
        for (written, id, slug) in cases {
            let p = Period::parse(written).unwrap();
            assert_eq!(
                (p.id().as_str(), p.slug().as_str()),
                (id, slug),
                "{written}"
            );
        }
    }

    #[test]
    fn rejects_invalid_periods_with_advice() {
        for bad in [
            "2021-Q5", "2021-13", "2021-12M", "21-Q1", "2021-H2", "Q1-2021", "", "2021-0M",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(
            Period::parse("2021-12M")
                .unwrap_err()
                .to_string()
                .contains("write 2021")
        );
    }

    #[test]
    fn same_coverage_catches_duplicates_written_differently() {
        let h1 = Period::parse("2022-H1").unwrap();
        assert!(h1.same_coverage(&Period::parse("2022-6M").unwrap()));
        assert!(
            Period::parse("2021-Q1")
                .unwrap()
                .same_coverage(&Period::parse("2021-3M").unwrap())
        );
        assert!(!h1.same_coverage(&Period::parse("2022-Q2").unwrap()));
    }

    #[test]
    fn orders_chronologically() {
        let mut v: Vec<Period> = ["2024-9M", "2019", "2021-03", "2021-Q1", "2020", "2022-H1"]
            .iter()
            .map(|s| Period::parse(s).unwrap())
            .collect();
        v.sort();
        let ids: Vec<String> = v.iter().map(Period::id).collect();
        assert_eq!(
            ids,
            ["2019", "2020", "2021-Q1", "2021-03", "2022-H1", "2024-9M"]
        );
    }

    #[test]
    fn same_period_last_year() {
        assert_eq!(
            Period::parse("2021-01")
                .unwrap()
                .same_period_last_year()
                .id(),
            "2020-01"
        );
        assert_eq!(
            Period::parse("2022-H1")
                .unwrap()
                .same_period_last_year()
                .id(),
            "2021-H1"
        );
    }
}

//! A synthetic site for the benchmarks, of the shape a department's
//! bulletins have: releases cycling through the year, its four quarters,
//! the first half, nine months and the twelve months (18 a year, newest in
//! 2024); 30 indicators (25 levels with growth on the year, on the
//! previous period where there is one, plan attainment, share and the
//! country's growth; 5 growth-only indices); a 20-row breakdown; and a
//! narrative per language of about 800 English words (1,100 Vietnamese
//! syllables) in six `##` sections with lists, a table, about 80 figure
//! calls and 4 charts ([`text`]).
//!
//! The figures agree with each other the way `bantin check` holds them
//! to: every level is a sum of monthly levels, so quarters, halves and
//! years add up, and growth figures are computed from the levels they
//! compare.
//!
//! Written for bantin ([`bantin::write_site`]) and, with the same content,
//! for Hugo ([`hugo::write_site`]), so both can be timed on it. Shared by
//! `examples/gen_site.rs` and the benchmarks (by `#[path]`).

#![allow(dead_code)]

pub mod bantin;
pub mod hugo;
pub mod text;

use std::path::Path;

/// Indicators with levels (flows: they add up over months).
pub const LEVELS: usize = 25;
/// Growth-only indices.
pub const INDICES: usize = 5;
pub const INDICATORS: usize = LEVELS + INDICES;
/// Rows of the breakdown.
pub const ROWS: usize = 20;

/// How much text a release has; [`Shape::REALISTIC`] is what the
/// benchmarks measure.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// `##` sections per narrative.
    pub sections: usize,
    /// Sentences of prose per section, each with two figure calls.
    pub sentences: usize,
    /// Filler words per sentence, besides the indicator's name and figures.
    pub filler: usize,
    /// Whether sections carry lists, a table and charts.
    pub furniture: bool,
}

impl Shape {
    /// About 800 English words, 80 calls, 4 charts per narrative.
    pub const REALISTIC: Shape = Shape {
        sections: 6,
        sentences: 4,
        filler: 10,
        furniture: true,
    };
    /// The earlier, lighter workload: short prose, few calls.
    pub const LIGHT: Shape = Shape {
        sections: 2,
        sentences: 1,
        filler: 30,
        furniture: false,
    };
}

/// A kind of period, as its id is written after the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Month(u32),
    Quarter(u32),
    Half,
    NineMonths,
    Year,
}

impl Span {
    /// The kinds of a year, newest first as a year's releases come out.
    pub fn year() -> Vec<Span> {
        let mut v = vec![Span::Year];
        for m in (1..=12).rev() {
            v.push(Span::Month(m));
            match m {
                3 | 6 | 9 | 12 => v.push(Span::Quarter(m / 3)),
                _ => {}
            }
            if m == 6 {
                v.push(Span::Half);
            }
            if m == 9 {
                v.push(Span::NineMonths);
            }
        }
        v
    }

    /// The months it covers (1-based, inclusive).
    pub fn months(self) -> (u32, u32) {
        match self {
            Span::Month(m) => (m, m),
            Span::Quarter(q) => (q * 3 - 2, q * 3),
            Span::Half => (1, 6),
            Span::NineMonths => (1, 9),
            Span::Year => (1, 12),
        }
    }

    pub fn suffix(self) -> String {
        match self {
            Span::Month(m) => format!("-{m:02}"),
            Span::Quarter(q) => format!("-Q{q}"),
            Span::Half => "-H1".into(),
            Span::NineMonths => "-9M".into(),
            Span::Year => String::new(),
        }
    }

    /// The period before it of the same kind (a month's or a quarter's),
    /// as (years back, span); none for cumulative periods.
    pub fn previous(self) -> Option<(i32, Span)> {
        match self {
            Span::Month(1) => Some((1, Span::Month(12))),
            Span::Month(m) => Some((0, Span::Month(m - 1))),
            Span::Quarter(1) => Some((1, Span::Quarter(4))),
            Span::Quarter(q) => Some((0, Span::Quarter(q - 1))),
            _ => None,
        }
    }
}

/// One indicator's figures in a release; `None` where it has none.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub value: Option<f64>,
    pub growth_yoy: f64,
    pub growth_prev: Option<f64>,
    pub plan_attainment: Option<f64>,
    pub share: Option<f64>,
    pub national_growth: Option<f64>,
}

/// One release's content, the same whatever tool renders it.
pub struct Release {
    /// As written in data.yaml: `2024-12`, `2024-Q3`, `2024-9M`, `2024`.
    pub id: String,
    /// Its folder: the id in lower case.
    pub slug: String,
    pub year: i32,
    pub span: Span,
    /// Per indicator, in catalogue order.
    pub figures: Vec<Figures>,
    /// The breakdown's growth per sector.
    pub rows: Vec<f64>,
    /// Per indicator charted (see [`text::CHARTED`]): the levels of the
    /// recent periods of this kind, oldest first, as (period id, level).
    pub trends: Vec<Vec<(String, f64)>>,
    /// Per language (vi, en).
    pub narratives: [text::Narrative; 2],
}

/// A small deterministic generator: the same site every run.
pub struct Rand(u64);

impl Rand {
    pub fn new(seed: u64) -> Rand {
        Rand(seed)
    }
    /// 0..m.
    pub fn below(&mut self, m: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % m
    }
    /// A uniform number in lo..hi.
    pub fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.below(1_000_000) as f64 / 1_000_000.0)
    }
}

fn round(x: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (x * p).round() / p
}

/// Monthly levels of one indicator from `first_year` on, one decimal,
/// so that every sum of them is exact at one decimal too.
struct Months {
    first_year: i32,
    levels: Vec<f64>,
}

impl Months {
    fn new(first_year: i32, years: usize, rand: &mut Rand) -> Months {
        let mut x = rand.between(200.0, 20_000.0);
        let levels = (0..years * 12)
            .map(|_| {
                x *= 1.0 + rand.between(-0.03, 0.045);
                round(x, 1)
            })
            .collect();
        Months { first_year, levels }
    }

    /// The level of `span` in `year`: the sum of its months, rounded as
    /// written (one decimal).
    fn level(&self, year: i32, span: Span) -> f64 {
        let (from, to) = span.months();
        let base = (year - self.first_year) as usize * 12;
        let tenths: i64 = (from..=to)
            .map(|m| (self.levels[base + m as usize - 1] * 10.0).round() as i64)
            .sum();
        tenths as f64 / 10.0
    }
}

/// `n` releases, newest first: every kind of period of a year, year after
/// year back from 2024, and on past 2024 when 1900–2024 is too short for
/// `n` (bantin's years start at 1900).
pub fn releases(n: usize, shape: Shape) -> Vec<Release> {
    let mut rand = Rand::new(7);
    let kinds = Span::year();
    let years = n.div_ceil(kinds.len());
    let newest = 2024.max(1900 + years as i32 - 1);
    let oldest = newest - years as i32 + 1;
    // One more year before the oldest, so every release's growth has a
    // base (a department's first bulletin still compares with a year
    // it did not publish).
    let months: Vec<Months> = (0..LEVELS)
        .map(|_| Months::new(oldest - 1, years + 1, &mut rand))
        .collect();
    let mut periods: Vec<(i32, Span)> = Vec::with_capacity(n);
    'years: for year in (oldest..=newest).rev() {
        for &span in &kinds {
            if periods.len() == n {
                break 'years;
            }
            periods.push((year, span));
        }
    }
    let ids: std::collections::HashSet<String> = periods
        .iter()
        .map(|(y, s)| format!("{y}{}", s.suffix()))
        .collect();
    let mut out = Vec::with_capacity(n);
    for &(year, span) in &periods {
        let mut figures: Vec<Figures> = months
            .iter()
            .map(|m| {
                let level = m.level(year, span);
                let growth_yoy = round((level / m.level(year - 1, span) - 1.0) * 100.0, 2);
                let growth_prev = span.previous().map(|(back, prev)| {
                    round((level / m.level(year - back, prev) - 1.0) * 100.0, 2)
                });
                let annual_plan = m.level(year - 1, Span::Year) * 1.08;
                Figures {
                    value: Some(level),
                    growth_yoy,
                    growth_prev,
                    plan_attainment: Some(round(level / annual_plan * 100.0, 2)),
                    share: Some(round(rand.between(0.5, 3.5), 2)),
                    national_growth: Some(round(rand.between(-4.0, 14.0), 2)),
                }
            })
            .collect();
        figures.extend((0..INDICES).map(|_| Figures {
            growth_yoy: round(rand.between(-8.0, 22.0), 2),
            growth_prev: span.previous().map(|_| round(rand.between(-6.0, 8.0), 2)),
            ..Figures::default()
        }));
        let rows = (0..ROWS)
            .map(|_| round(rand.between(-40.0, 80.0), 2))
            .collect();
        // The trend charts show up to 12 periods of this kind.
        let trends = text::CHARTED
            .iter()
            .map(|&j| {
                let mut points = Vec::new();
                let (mut y, mut s) = (year, span);
                for _ in 0..12 {
                    if y < oldest {
                        break;
                    }
                    let id = format!("{y}{}", s.suffix());
                    if !ids.contains(&id) {
                        break;
                    }
                    points.push((id, months[j].level(y, s)));
                    match s.previous() {
                        Some((back, prev)) => (y, s) = (y - back, prev),
                        None => y -= 1,
                    }
                }
                points.reverse();
                points
            })
            .collect();
        let id = format!("{year}{}", span.suffix());
        // A figure of the same period a year before, if it was published.
        let earlier = Some(format!("{}{}", year - 1, span.suffix())).filter(|p| ids.contains(p));
        let narratives = text::narratives(&mut rand, shape, span, earlier.as_deref());
        out.push(Release {
            slug: id.to_lowercase(),
            id,
            year,
            span,
            figures,
            rows,
            trends,
            narratives,
        });
    }
    out
}

/// The ids of the indicators, in catalogue order.
pub fn indicator_id(j: usize) -> String {
    format!("i{j:02}")
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

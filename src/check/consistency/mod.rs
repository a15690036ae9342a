//! Rules `consistency/*`: the figures of different periods must tell one
//! story. Growth rates against the levels they compare, levels against the
//! series (a unit slip is 1,000 times off), the parts of a period against
//! its total, plan attainment against the plan, shares against 100%.
//!
//! Printed figures are rounded, so every comparison is made between
//! intervals: a figure written `19000` may be anything from 18,500 to
//! 19,500 ("gần 19 tỷ"), `5718.5` from 5,718.45 to 5,718.55. Two figures
//! disagree only when no values within their rounding agree.
//!
//! Revisions are normal: a release marked `estimate` or `preliminary` may
//! be corrected by later ones. A disagreement that involves a figure
//! published earlier and not final is a warning; between final figures
//! (or figures of one publication) it is an error.

mod growth;
mod plan;
mod shares;
mod sum;
#[cfg(test)]
mod tests;
mod unit;

use std::collections::HashMap;

use super::{DataFiles, Rule, field_path};
use crate::catalog::{Indicator, IndicatorKind};
use crate::dataset::{Field, Fields, Status};
use crate::diagnostic::{Diagnostics, Level};
use crate::messages::{Arg, Message};
use crate::msg;
use crate::period::{Period, Span};
use crate::site::{Release, Site};
use crate::yaml::YamlPath;

/// A printed figure as the interval of values that print that way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Approx {
    pub lo: f64,
    pub hi: f64,
}

impl Approx {
    /// The figure as written: `19000` is ±500, `15770` ±5, `5718.5` ±0.05.
    pub fn of(x: f64) -> Approx {
        let h = half_unit(x);
        Approx {
            lo: x - h,
            hi: x + h,
        }
    }

    pub fn overlaps(self, other: Approx) -> bool {
        // A hair of slack for binary floating point at the edges.
        let eps = 1e-9 * (1.0 + self.hi.abs().max(other.hi.abs()));
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }

    fn add(self, other: Approx) -> Approx {
        Approx {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }
}

/// Half a unit of the last significant digit written: the rounding a
/// printed figure carries. Trailing zeros of a whole number count as
/// rounding (`19000` is "gần 19 tỷ", nineteen thousand million), but a
/// figure keeps at least two significant digits (`10000` is 9,500 to
/// 10,500, not 5,000 to 15,000).
pub fn half_unit(x: f64) -> f64 {
    let d = decimals(x);
    if d > 0 {
        return 0.5 * 10f64.powi(-(d as i32));
    }
    let x = x.abs();
    if x >= 9e15 {
        return 0.5;
    }
    let mut n = x as u64;
    if n == 0 {
        return 0.5;
    }
    let (mut zeros, mut digits) = (0, 0);
    while n.is_multiple_of(10) {
        n /= 10;
        zeros += 1;
    }
    while n > 0 {
        n /= 10;
        digits += 1;
    }
    let by_zeros = 0.5 * 10f64.powi(zeros);
    let two_digits = 0.5 * 10f64.powi(digits + zeros - 2);
    by_zeros.min(two_digits).max(0.5)
}

/// The decimals a figure is written with: `5718.5` has one, `25.15` two.
/// Found by arithmetic rather than by printing: this runs for every
/// figure of every release on each check.
fn decimals(x: f64) -> usize {
    for d in 0..=12 {
        let p = 10f64.powi(d);
        if ((x * p).round() / p - x).abs() <= 4.0 * f64::EPSILON * x.abs() {
            return d as usize;
        }
    }
    12
}

/// The growth in % from `base` to `cur`, as an interval.
pub fn growth_between(cur: Approx, base: Approx) -> Option<Approx> {
    (base.lo > 0.0 && cur.lo >= 0.0).then(|| Approx {
        lo: (cur.lo / base.hi - 1.0) * 100.0,
        hi: (cur.hi / base.lo - 1.0) * 100.0,
    })
}

/// The power of 1,000 by which `x` is off what was `expected` (−1: a
/// thousand times too small; 2: a million times too large), if it is.
/// `tight` when the expectation comes with a growth rate; without one,
/// levels of consecutive periods may differ more.
pub fn slip(x: f64, expected: f64, tight: bool) -> Option<i32> {
    if x <= 0.0 || expected <= 0.0 {
        return None;
    }
    let r = (x / expected).log10();
    let k = (r / 3.0).round() as i32;
    let slack = if tight { 0.2 } else { 0.35 };
    (k != 0 && k.abs() <= 2 && (r - 3.0 * f64::from(k)).abs() < slack).then_some(k)
}

/// A percentage with two decimals at most, without trailing zeros
/// (`31.42`, `100.4`), in the reader's number format.
fn pct(x: f64) -> Arg {
    let x = (x * 100.0).round() / 100.0;
    Arg::figure(if x == 0.0 { 0.0 } else { x }, None)
}

/// A level as the editor would write it, rounded where it is computed.
fn level(x: f64) -> Arg {
    if x.abs() >= 100.0 {
        Arg::figure(x.round(), None)
    } else {
        pct(x)
    }
}

/// A figure as written, in the reader's number format.
fn figure(x: f64) -> Arg {
    Arg::figure(x, None)
}

/// The releases by the months they cover, and every figure by release
/// and catalogue position: built once per check, so that comparing
/// thousands of figures is array lookups, not hashing.
struct Index<'a> {
    by_coverage: HashMap<(i32, u8, u8), usize>,
    /// Per release: (catalogue position, fields) of each indicator given.
    rows: Vec<Vec<(usize, &'a Fields)>>,
    /// `grid[r * width + j]`: the fields of indicator `j` in release `r`.
    grid: Vec<Option<&'a Fields>>,
    width: usize,
}

impl<'a> Index<'a> {
    fn new(site: &'a Site) -> Self {
        let width = site.catalog.indicators.len();
        let mut grid = vec![None; site.releases().len() * width];
        let mut rows = Vec::with_capacity(site.releases().len());
        let mut by_coverage = HashMap::with_capacity(site.releases().len());
        for (r, b) in site.releases().iter().enumerate() {
            by_coverage.insert(key(b.period()), r);
            // The latest version of each figure: a period's figures as a
            // later release revised them are the ones to agree.
            let row: Vec<(usize, &Fields)> = b
                .data()
                .indicators
                .iter()
                .map(|(id, f)| {
                    let latest = site.vintages.latest(b.period(), id).unwrap_or(f);
                    (site.catalog.position(id), latest)
                })
                .filter(|(j, _)| *j < width)
                .collect();
            for &(j, f) in &row {
                grid[r * width + j] = Some(f);
            }
            rows.push(row);
        }
        Index {
            by_coverage,
            rows,
            grid,
            width,
        }
    }
    /// The release covering `p`.
    fn at(&self, p: &Period) -> Option<usize> {
        self.by_coverage.get(&key(p)).copied()
    }
    fn fields(&self, r: usize, j: usize) -> Option<&'a Fields> {
        self.grid[r * self.width + j]
    }
    fn value(&self, r: usize, j: usize) -> Option<f64> {
        self.fields(r, j).and_then(|f| f.get(Field::Value))
    }
    /// The releases compared with release `r`: the same period last year
    /// (for `growth_yoy`) and the period before (for `growth_prev`).
    fn bases(&self, p: &Period) -> [(Field, Option<usize>); 2] {
        [
            (Field::GrowthYoy, self.at(&p.same_period_last_year())),
            (Field::GrowthPrev, previous(p).and_then(|q| self.at(&q))),
        ]
    }
}

fn key(p: &Period) -> (i32, u8, u8) {
    let (a, b) = p.months();
    (p.year, a, b)
}

/// The period before `p` for `growth_prev`: the month, quarter or year
/// before. Cumulative periods have none.
pub fn previous(p: &Period) -> Option<Period> {
    let (year, span) = match p.span {
        Span::Year => (p.year - 1, Span::Year),
        Span::Quarter(1) => (p.year - 1, Span::Quarter(4)),
        Span::Quarter(q) => (p.year, Span::Quarter(q - 1)),
        Span::Month(1) => (p.year - 1, Span::Month(12)),
        Span::Month(m) => (p.year, Span::Month(m - 1)),
        Span::Cumulative(_) => return None,
    };
    Some(Period { year, span })
}

/// Whether a figure of `earlier` may since have been revised.
fn revisable(earlier: &Release) -> bool {
    earlier.data().status != Status::Final
}

fn level_for(revisable: bool) -> Level {
    if revisable {
        Level::Warning
    } else {
        Level::Error
    }
}

fn revision_hint(earlier: &Release, then: Message) -> Message {
    msg!(
        "revision-hint",
        period = earlier.period().id(),
        status = earlier.data().status.name(),
        file = earlier.data_file(),
        then = then
    )
}

pub fn check(site: &Site, files: &DataFiles, problems: &mut Diagnostics) {
    let index = Index::new(site);
    let blamed = unit::unit_slips(site, &index, files, problems);
    let ok = |r: usize, j: usize| !blamed[r * index.width + j];
    for (r, b) in site.releases().iter().enumerate() {
        let bases = index.bases(b.period());
        for &(j, fields) in &index.rows[r] {
            if !ok(r, j) {
                continue;
            }
            let ind = &site.catalog.indicators[j];
            let value = fields.get(Field::Value);
            for (field, base) in bases {
                let (Some(v), Some(g), Some(br)) = (value, fields.get(field), base) else {
                    continue;
                };
                let Some(w) = index.value(br, j) else {
                    continue;
                };
                if !ok(br, j) {
                    continue;
                }
                growth::growth(
                    files,
                    ind,
                    b,
                    field,
                    v,
                    g,
                    &site.releases()[br],
                    w,
                    problems,
                );
            }
            if fields.get(Field::PlanAttainment).is_some() {
                plan::plan(site, &index, files, r, j, problems, &ok);
            }
        }
        shares::shares(b, files, problems);
    }
    sum::sums(site, &index, files, problems, &ok);
}

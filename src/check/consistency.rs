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

use std::collections::HashMap;

use super::{DataFiles, Rule, field_path};
use crate::catalog::{Indicator, IndicatorKind};
use crate::dataset::{Field, Fields, Status};
use crate::diagnostic::{Diagnostics, Level};
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

/// Two decimals at most, without trailing zeros: `31.42`, `100.4`.
fn pct(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A level as the editor would write it, rounded where it is computed.
fn level(x: f64) -> String {
    if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else {
        pct(x)
    }
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
        let mut grid = vec![None; site.releases.len() * width];
        let mut rows = Vec::with_capacity(site.releases.len());
        let mut by_coverage = HashMap::with_capacity(site.releases.len());
        for (r, b) in site.releases.iter().enumerate() {
            by_coverage.insert(key(b.period()), r);
            let row: Vec<(usize, &Fields)> = b
                .data
                .indicators
                .iter()
                .map(|(id, f)| (site.catalog.position(id), f))
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
    earlier.data.status != Status::Final
}

fn level_for(revisable: bool) -> Level {
    if revisable {
        Level::Warning
    } else {
        Level::Error
    }
}

fn revision_hint(earlier: &Release, then: &str) -> String {
    let status = earlier.data.status.name();
    format!(
        "{} is marked `{status}`: if its figure has since been revised, enter the final figure in {} (and mark it `final`); {then}",
        earlier.period().id(),
        earlier.data_file().display()
    )
}

pub fn check(site: &Site, files: &DataFiles, problems: &mut Diagnostics) {
    let index = Index::new(site);
    let blamed = unit_slips(site, &index, files, problems);
    let ok = |r: usize, j: usize| !blamed[r * index.width + j];
    for (r, b) in site.releases.iter().enumerate() {
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
                growth(files, ind, b, field, v, g, &site.releases[br], w, problems);
            }
            if fields.get(Field::PlanAttainment).is_some() {
                plan(site, &index, files, r, j, problems, &ok);
            }
        }
        shares(b, files, problems);
    }
    sums(site, &index, files, problems, &ok);
}

/// A stated growth rate against the levels of the two periods.
#[allow(clippy::too_many_arguments)]
fn growth(
    files: &DataFiles,
    ind: &Indicator,
    b: &Release,
    field: Field,
    v: f64,
    g: f64,
    base: &Release,
    w: f64,
    problems: &mut Diagnostics,
) {
    let Some(implied) = growth_between(Approx::of(v), Approx::of(w)) else {
        return;
    };
    if implied.overlaps(Approx::of(g)) {
        return;
    }
    let id = &ind.id;
    let point = (v / w - 1.0) * 100.0;
    let soft = revisable(base);
    let message = format!(
        "`{id}` {field} is {}%, but the levels give {}%: {v} in {} against {w} in {}",
        pct(g),
        pct(point),
        b.period().id(),
        base.period().id()
    );
    let check = "otherwise one of the three figures is wrong: check them against the source";
    let hint = if soft {
        revision_hint(base, check)
    } else {
        "one of the three figures is wrong: check them against the source".to_owned()
    };
    problems.push(
        files
            .at(
                b,
                &field_path(id, field),
                false,
                level_for(soft),
                Rule::Growth,
                message,
            )
            .with_hint(hint),
    );
}

/// Levels about 1,000 or 1,000,000 times off their series: a figure
/// entered in the wrong unit (billions where the catalogue says millions).
/// Returns the (period, indicator) figures blamed, which the other rules
/// then leave alone (their findings would only repeat this one).
fn unit_slips(
    site: &Site,
    index: &Index,
    files: &DataFiles,
    problems: &mut Diagnostics,
) -> Vec<bool> {
    struct Pair {
        j: usize,
        earlier: usize,
        later: usize,
        /// Of the later figure against the earlier one.
        power: i32,
        how: String,
    }
    let mut pairs = Vec::new();
    for (r, b) in site.releases.iter().enumerate() {
        let bases = index.bases(b.period());
        for &(j, fields) in &index.rows[r] {
            let Some(v) = fields.get(Field::Value) else {
                continue;
            };
            for (field, base) in bases {
                let Some(br) = base else { continue };
                let Some(w) = index.value(br, j) else {
                    continue;
                };
                let g = fields.get(field);
                let expected = w * (1.0 + g.unwrap_or(0.0) / 100.0);
                if let Some(power) = slip(v, expected, g.is_some()) {
                    let base_id = site.releases[br].period().id();
                    let how = match g {
                        Some(g) => format!(
                            "{w} in {base_id}, {} {}%, gives about {}",
                            if g < 0.0 { "down" } else { "up" },
                            pct(g.abs()),
                            level(expected)
                        ),
                        None => format!("it was {w} in {base_id}"),
                    };
                    pairs.push(Pair {
                        j,
                        earlier: br,
                        later: r,
                        power,
                        how,
                    });
                    // One comparison per figure is enough.
                    break;
                }
            }
        }
    }
    // The figure at odds with more of its neighbours is the slip; between
    // two, the later one (the figure being entered).
    let mut count: HashMap<(usize, usize), usize> = HashMap::new();
    for p in &pairs {
        *count.entry((p.earlier, p.j)).or_default() += 1;
        *count.entry((p.later, p.j)).or_default() += 1;
    }
    let mut blamed = vec![false; site.releases.len() * index.width];
    for p in &pairs {
        let (culprit, power, how) = if count[&(p.earlier, p.j)] > count[&(p.later, p.j)] {
            let Some(x) = index.value(p.later, p.j) else {
                continue;
            };
            // Seen from the earlier figure, the later one is the measure.
            let how = format!("it is {x} in {}", site.releases[p.later].period().id());
            (p.earlier, -p.power, how)
        } else {
            (p.later, p.power, p.how.clone())
        };
        let cell = &mut blamed[culprit * index.width + p.j];
        if *cell {
            continue;
        }
        *cell = true;
        let ind = &site.catalog.indicators[p.j];
        let Some(x) = index.value(culprit, p.j) else {
            continue;
        };
        let b = &site.releases[culprit];
        let factor = if power.abs() == 1 {
            "1,000"
        } else {
            "1,000,000"
        };
        let direction = if power < 0 { "smaller" } else { "larger" };
        let unit = ind.unit.get_or("en", "vi");
        let message = format!(
            "`{}` value {x} in {} is about {factor} times {direction} than its series: {how}",
            ind.id,
            b.period().id(),
        );
        let hint = scale_hint(unit, x, power);
        problems.push(
            files
                .at(
                    b,
                    &field_path(&ind.id, Field::Value),
                    false,
                    Level::Error,
                    Rule::Unit,
                    message,
                )
                .with_hint(hint),
        );
    }
    blamed
}

/// Names the likely mix-up from the catalogue unit: a figure 1,000 times
/// too small in "million USD" was written in billions.
pub fn scale_hint(unit: &str, x: f64, power: i32) -> String {
    const SCALES: [&str; 4] = ["thousand", "million", "billion", "trillion"];
    let fixed = x * 1000f64.powi(-power);
    let fixed_text = level(fixed);
    let lower = unit.to_lowercase();
    let found = SCALES
        .iter()
        .position(|s| lower.split_whitespace().any(|w| w == *s));
    let written_in = found.and_then(|i| {
        let j = i as i32 - power;
        (0..SCALES.len() as i32)
            .contains(&j)
            .then(|| SCALES[j as usize])
    });
    match (found, written_in) {
        (Some(i), Some(other)) => format!(
            "the catalogue unit is {unit}: this looks like a figure in {other}s written as {}s; in {unit} it is {fixed_text}",
            SCALES[i]
        ),
        _ => format!(
            "every value is in the catalogue unit ({unit}); if this one was written in another unit, it should read {fixed_text}"
        ),
    }
}

/// `plan_attainment` against the level and the plan implied by
/// `target_growth` (a growth over last year's annual level).
fn plan(
    site: &Site,
    index: &Index,
    files: &DataFiles,
    r: usize,
    j: usize,
    problems: &mut Diagnostics,
    ok: &dyn Fn(usize, usize) -> bool,
) {
    let b = &site.releases[r];
    let id = &site.catalog.indicators[j].id;
    let Some(fields) = index.fields(r, j) else {
        return;
    };
    let (Some(v), Some(a)) = (fields.get(Field::Value), fields.get(Field::PlanAttainment)) else {
        return;
    };
    // The year's target may be stated in any release of that year.
    let target = fields.get(Field::TargetGrowth).or_else(|| {
        (0..site.releases.len())
            .filter(|&x| site.releases[x].period().year == b.period().year)
            .find_map(|x| index.fields(x, j).and_then(|f| f.get(Field::TargetGrowth)))
    });
    let Some(t) = target else { return };
    let last_year = Period {
        year: b.period().year - 1,
        span: Span::Year,
    };
    let Some(br) = index.at(&last_year) else {
        return;
    };
    let Some(w) = index.value(br, j) else {
        return;
    };
    if !ok(br, j) {
        return;
    }
    let base = &site.releases[br];
    let (vv, ww, tt) = (Approx::of(v), Approx::of(w), Approx::of(t));
    if ww.lo <= 0.0 || tt.lo <= -100.0 {
        return;
    }
    let implied = Approx {
        lo: vv.lo / (ww.hi * (1.0 + tt.hi / 100.0)) * 100.0,
        hi: vv.hi / (ww.lo * (1.0 + tt.lo / 100.0)) * 100.0,
    };
    if implied.overlaps(Approx::of(a)) {
        return;
    }
    let planned = w * (1.0 + t / 100.0);
    let places = decimals(w);
    let soft = revisable(base);
    let message = format!(
        "`{id}` plan_attainment is {}%, but the plan gives {}%: {v} against {}'s {w} raised by the {}% target ({planned:.places$})",
        pct(a),
        pct(v / planned * 100.0),
        base.period().id(),
        pct(t),
    );
    let hint = if soft {
        revision_hint(
            base,
            "otherwise check the level, the target and the attainment against the source",
        )
    } else {
        "check the level, the target and the attainment against the source".to_owned()
    };
    problems.push(
        files
            .at(
                b,
                &field_path(id, Field::PlanAttainment),
                false,
                level_for(soft),
                Rule::Plan,
                message,
            )
            .with_hint(hint),
    );
}

/// Shares of one breakdown's rows add up to 100% at most.
fn shares(b: &Release, files: &DataFiles, problems: &mut Diagnostics) {
    for bd in &b.data.breakdowns {
        let parts: Vec<f64> = bd
            .rows
            .iter()
            .filter_map(|r| r.fields.get(Field::Share))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let total = parts
            .iter()
            .map(|&x| Approx::of(x))
            .fold(Approx { lo: 0.0, hi: 0.0 }, Approx::add);
        if total.lo <= 100.0 + 1e-9 {
            continue;
        }
        let sum: f64 = parts.iter().sum();
        problems.push(
            files
                .at(
                    b,
                    &YamlPath::root().key("breakdowns").key(&bd.id),
                    true,
                    Level::Error,
                    Rule::Shares,
                    format!(
                        "the shares of `{}` add up to {}%, more than the whole",
                        bd.id,
                        pct(sum)
                    ),
                )
                .with_hint(
                    "shares of the parts of one total add up to 100% at most: check the rows (a group and its own part cannot both be rows)",
                ),
        );
    }
}

/// For flows, a period against the periods that make it up: months
/// against quarters, quarters and halves against years, months against
/// cumulative periods (`9M` = January–September).
fn sums(
    site: &Site,
    index: &Index,
    files: &DataFiles,
    problems: &mut Diagnostics,
    ok: &dyn Fn(usize, usize) -> bool,
) {
    // (catalogue position, year) → releases with a value.
    let mut groups: HashMap<(usize, i32), Vec<(&Release, f64)>> = HashMap::new();
    for (r, b) in site.releases.iter().enumerate() {
        for &(j, fields) in &index.rows[r] {
            let flow = site.catalog.indicators[j].kind == Some(IndicatorKind::Flow);
            if let (true, Some(v)) = (flow, fields.get(Field::Value))
                && ok(r, j)
            {
                groups.entry((j, b.period().year)).or_default().push((b, v));
            }
        }
    }
    let mut keys: Vec<&(usize, i32)> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let obs = &groups[key];
        for (target, total) in obs {
            let (a, z) = target.period().months();
            if a == z {
                continue;
            }
            let Some(parts) = cover(target.period(), obs) else {
                continue;
            };
            let sum = parts
                .iter()
                .map(|&i| Approx::of(obs[i].1))
                .fold(Approx { lo: 0.0, hi: 0.0 }, Approx::add);
            if sum.overlaps(Approx::of(*total)) {
                continue;
            }
            let id = &site.catalog.indicators[key.0].id;
            let point: f64 = parts.iter().map(|&i| obs[i].1).sum();
            let places = parts.iter().map(|&i| decimals(obs[i].1)).max().unwrap_or(0);
            let listed: Vec<String> = parts
                .iter()
                .map(|&i| format!("{} {}", obs[i].0.period().id(), obs[i].1))
                .collect();
            // Parts that ended before the total was published may have
            // been revised since.
            let soft = parts
                .iter()
                .map(|&i| obs[i].0)
                .any(|p| p.period().months().1 < z && revisable(p));
            let message = format!(
                "`{id}` value {total} in {} is not the sum of its parts: {} = {point:.places$}",
                target.period().id(),
                listed.join(" + "),
            );
            let hint = if soft {
                "parts published earlier as estimates may since have been revised: enter the revised figures, or check the total"
            } else {
                "the parts and the total must agree: check them against the source"
            };
            problems.push(
                files
                    .at(
                        target,
                        &field_path(id, Field::Value),
                        false,
                        level_for(soft),
                        Rule::Sum,
                        message,
                    )
                    .with_hint(hint),
            );
        }
    }
}

/// The fewest other periods with figures that together cover exactly the
/// months of `target` (indexes into `obs`), if any do.
fn cover(target: &Period, obs: &[(&Release, f64)]) -> Option<Vec<usize>> {
    let (a, z) = target.months();
    let n = usize::from(z - a + 1);
    // best[m]: the fewest parts covering months a .. a+m-1.
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[0] = Some(Vec::new());
    for end in 1..=n {
        for (i, (b, _)) in obs.iter().enumerate() {
            let (s, e) = b.period().months();
            if b.period().same_coverage(target) || s < a || e > z {
                continue;
            }
            if usize::from(e - a + 1) != end {
                continue;
            }
            let Some(prev) = &best[usize::from(s - a)] else {
                continue;
            };
            if best[end]
                .as_ref()
                .is_none_or(|cur| prev.len() + 1 < cur.len())
            {
                let mut next = prev.clone();
                next.push(i);
                best[end] = Some(next);
            }
        }
    }
    best[n].take().filter(|parts| parts.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_follows_the_written_digits() {
        assert_eq!(half_unit(19000.0), 500.0);
        assert_eq!(half_unit(10000.0), 500.0);
        assert_eq!(half_unit(15770.0), 5.0);
        assert_eq!(half_unit(60.0), 0.5);
        assert_eq!(half_unit(6.0), 0.5);
        assert!((half_unit(5718.5) - 0.05).abs() < 1e-12);
        assert!((half_unit(25.15) - 0.005).abs() < 1e-12);
        assert_eq!(half_unit(13.0), 0.5);
        assert_eq!(half_unit(0.0), 0.5);
        assert_eq!(half_unit(-0.12), 0.005);
        assert_eq!(half_unit(135338.0), 0.5);
        assert_eq!(decimals(11862.8), 1);
    }

    #[test]
    fn growth_agrees_within_rounding() {
        // 2020 exports "gần 19 tỷ" against 15,770 in 2019: +18.46% fits.
        let g = growth_between(Approx::of(19000.0), Approx::of(15770.0)).unwrap();
        assert!(g.overlaps(Approx::of(18.46)));
        // Retail 2020, 144,000 against 135,338: +6.4%, not +8.67%.
        let g = growth_between(Approx::of(144000.0), Approx::of(135338.0)).unwrap();
        assert!(!g.overlaps(Approx::of(8.67)));
        assert!(growth_between(Approx::of(5.0), Approx::of(0.0)).is_none());
    }

    #[test]
    fn slips_are_powers_of_a_thousand() {
        // 19 "triệu USD" against about 18,681 million expected.
        assert_eq!(slip(19.0, 18681.0, true), Some(-1));
        assert_eq!(slip(18_681_000.0, 18681.0, true), Some(1));
        assert_eq!(slip(17.5, 17520.0, false), Some(-1));
        assert_eq!(slip(0.0175, 17520.0, false), Some(-2));
        // A doubling, a halving, a tenfold jump: not slips.
        assert_eq!(slip(30000.0, 15770.0, true), None);
        assert_eq!(slip(7000.0, 15770.0, false), None);
        assert_eq!(slip(157700.0, 15770.0, false), None);
        // 300 times is neither.
        assert_eq!(slip(300.0, 1.0, true), None);
    }

    #[test]
    fn hints_name_the_scale_mixed_up() {
        assert_eq!(
            scale_hint("million USD", 19.0, -1),
            "the catalogue unit is million USD: this looks like a figure in billions written as millions; in million USD it is 19000"
        );
        assert!(
            scale_hint("billion VND", 144_000_000.0, 1).contains("millions written as billions")
        );
        assert!(scale_hint("tonnes", 0.5, -1).contains("should read 500"));
    }

    #[test]
    fn previous_periods() {
        let p = |s: &str| Period::parse(s).unwrap();
        assert_eq!(previous(&p("2021-Q1")), Some(p("2020-Q4")));
        assert_eq!(previous(&p("2021-03")), Some(p("2021-02")));
        assert_eq!(previous(&p("2021-01")), Some(p("2020-12")));
        assert_eq!(previous(&p("2021")), Some(p("2020")));
        assert_eq!(previous(&p("2024-9M")), None);
    }
}

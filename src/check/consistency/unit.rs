//! Rule `consistency/unit`: a level about 1,000 or 1,000,000 times off
//! what its series and stated growth imply.

use super::*;

/// Levels about 1,000 or 1,000,000 times off their series: a figure
/// entered in the wrong unit (billions where the catalogue says millions).
/// Returns the (period, indicator) figures blamed, which the other rules
/// then leave alone (their findings would only repeat this one).
pub(super) fn unit_slips(
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
        how: Message,
    }
    let mut pairs = Vec::new();
    for (r, b) in site.releases().iter().enumerate() {
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
                    let base_id = site.releases()[br].period().id();
                    let how = match g {
                        Some(g) => msg!(
                            "unit-slip-grown",
                            base_value = figure(w),
                            base_period = base_id,
                            up = if g < 0.0 { "down" } else { "up" },
                            growth = pct(g.abs()),
                            expected = level(expected)
                        ),
                        None => msg!(
                            "unit-slip-was",
                            base_value = figure(w),
                            base_period = base_id
                        ),
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
    // A level without the same period of last year (the first release of
    // its kind) is compared with the releases around it instead, once the
    // comparisons above are known (a figure they found is not compared
    // again).
    let paired: std::collections::HashSet<(usize, usize)> = pairs
        .iter()
        .flat_map(|p| [(p.earlier, p.j), (p.later, p.j)])
        .collect();
    for (r, b) in site.releases().iter().enumerate() {
        let last_year = index.bases(b.period())[0].1;
        for &(j, fields) in &index.rows[r] {
            let Some(v) = fields.get(Field::Value) else {
                continue;
            };
            if paired.contains(&(r, j)) || last_year.and_then(|y| index.value(y, j)).is_some() {
                continue;
            }
            let kind = site.catalog.indicators[j].kind;
            for (c, power) in near_slips(site, index, r, j, v, kind) {
                let (earlier, later, power) = if c < r { (c, r, power) } else { (r, c, -power) };
                let how = described(site, index, j, earlier, later, kind);
                pairs.push(Pair {
                    j,
                    earlier,
                    later,
                    power,
                    how,
                });
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
    let mut blamed = vec![false; site.releases().len() * index.width];
    for p in &pairs {
        let (culprit, power, how) = if count[&(p.earlier, p.j)] > count[&(p.later, p.j)] {
            if index.value(p.later, p.j).is_none() {
                continue;
            };
            // Seen from the earlier figure, the later one is the measure.
            let kind = site.catalog.indicators[p.j].kind;
            let how = described(site, index, p.j, p.later, p.earlier, kind);
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
        let b = &site.releases()[culprit];
        let message = msg!(
            "unit-slip",
            id = &ind.id,
            value = figure(x),
            period = b.period().id(),
            factor = Arg::figure(1000f64.powi(power.abs()), None),
            direction = if power < 0 { "smaller" } else { "larger" },
            how = how
        );
        let hint = scale_hint(ind, x, power);
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

/// The months a period covers: a quarter 3, nine months 9.
fn months(p: &Period) -> f64 {
    let (from, to) = p.months();
    f64::from(to - from + 1)
}

/// A level `v` of release `r` against the nearest releases of any kind
/// with the same indicator (two on each side), a flow scaled by the
/// months each covers (a quarter is about three of its months): when at
/// least two of them and all of them put it the same power of 1,000 off,
/// each of them with that power (so the figure at odds with all its
/// neighbours is the one blamed).
fn near_slips(
    site: &Site,
    index: &Index,
    r: usize,
    j: usize,
    v: f64,
    kind: Option<IndicatorKind>,
) -> Vec<(usize, i32)> {
    // An indicator of no stated kind is not compared across kinds: a flow
    // is scaled by its months, other levels are not.
    let Some(kind) = kind else {
        return Vec::new();
    };
    let releases = site.releases();
    let here = months(releases[r].period());
    let with_value = |c: &usize| index.value(*c, j).is_some();
    let before = (0..r).rev().filter(with_value).take(2);
    let after = (r + 1..releases.len()).filter(with_value).take(2);
    let mut found = Vec::new();
    for c in before.chain(after) {
        let Some(w) = index.value(c, j) else {
            continue;
        };
        let there = months(releases[c].period());
        let expected = if kind == IndicatorKind::Flow {
            w * here / there
        } else {
            w
        };
        match slip(v, expected, false) {
            Some(power) if found.iter().all(|&(_, p)| p == power) => found.push((c, power)),
            _ => return Vec::new(),
        }
    }
    if found.len() < 2 {
        return Vec::new();
    }
    found
}

/// One figure of a pair (`measure`) as the measure of the other
/// (`subject`): what it was or is, or (a flow over other months) what it
/// gives for the subject's months.
fn described(
    site: &Site,
    index: &Index,
    j: usize,
    measure: usize,
    subject: usize,
    kind: Option<IndicatorKind>,
) -> Message {
    let releases = site.releases();
    let w = index.value(measure, j).unwrap_or_default();
    let period = releases[measure].period().id();
    let (there, here) = (
        months(releases[measure].period()),
        months(releases[subject].period()),
    );
    if kind == Some(IndicatorKind::Flow) && there != here {
        msg!(
            "unit-slip-near",
            base_value = figure(w),
            base_period = period,
            base_months = there as usize,
            months = here as usize,
            expected = level(w * here / there)
        )
    } else if measure > subject {
        msg!("unit-slip-is", value = figure(w), period = period)
    } else {
        msg!(
            "unit-slip-was",
            base_value = figure(w),
            base_period = period
        )
    }
}

/// Names the likely mix-up from the catalogue unit: a figure 1,000 times
/// too small in "million USD" was written in billions.
/// The scale words are read from the English unit; the message names the
/// unit in the reader's language (`unit_vi`, `unit_en`).
pub fn scale_hint(ind: &Indicator, x: f64, power: i32) -> Message {
    const SCALES: [&str; 4] = ["thousand", "million", "billion", "trillion"];
    let fixed = x * 1000f64.powi(-power);
    let fixed_text = level(fixed);
    let unit_en = ind.unit.get_or("en", "vi");
    let unit_vi = ind.unit.get_or("vi", "en");
    let lower = unit_en.to_lowercase();
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
        (Some(i), Some(other)) => msg!(
            "unit-slip-scale-hint",
            unit_en = unit_en,
            unit_vi = unit_vi,
            written_in = other,
            meant = SCALES[i],
            fixed = fixed_text
        ),
        _ => msg!(
            "unit-slip-hint",
            unit_en = unit_en,
            unit_vi = unit_vi,
            fixed = fixed_text
        ),
    }
}

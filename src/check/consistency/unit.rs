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
                        None => msg!("unit-slip-was", base_value = figure(w), base_period = base_id),
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
    let mut blamed = vec![false; site.releases().len() * index.width];
    for p in &pairs {
        let (culprit, power, how) = if count[&(p.earlier, p.j)] > count[&(p.later, p.j)] {
            let Some(x) = index.value(p.later, p.j) else {
                continue;
            };
            // Seen from the earlier figure, the later one is the measure.
            let how = msg!(
                "unit-slip-is",
                value = figure(x),
                period = site.releases()[p.later].period().id()
            );
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

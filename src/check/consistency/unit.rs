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
        how: String,
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
    let mut blamed = vec![false; site.releases().len() * index.width];
    for p in &pairs {
        let (culprit, power, how) = if count[&(p.earlier, p.j)] > count[&(p.later, p.j)] {
            let Some(x) = index.value(p.later, p.j) else {
                continue;
            };
            // Seen from the earlier figure, the later one is the measure.
            let how = format!("it is {x} in {}", site.releases()[p.later].period().id());
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

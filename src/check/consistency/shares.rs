//! Rule `consistency/shares`: the shares of one breakdown add up to at
//! most 100%.

use super::*;

/// Shares of one breakdown's rows add up to 100% at most.
pub(super) fn shares(b: &Release, files: &DataFiles, problems: &mut Diagnostics) {
    for bd in &b.data().breakdowns {
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
                    msg!("shares-over-100", id = &bd.id, sum = pct(sum)),
                )
                .with_hint(msg!("shares-over-100-hint")),
        );
    }
}

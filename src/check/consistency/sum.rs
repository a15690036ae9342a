//! Rule `consistency/sum`: for flows, the parts of a period (months,
//! quarters, halves) against its total, where every part is present.

use super::*;

/// For flows, a period against the periods that make it up: months
/// against quarters, quarters and halves against years, months against
/// cumulative periods (`9M` = January–September).
pub(super) fn sums(
    site: &Site,
    index: &Index,
    files: &DataFiles,
    problems: &mut Diagnostics,
    ok: &dyn Fn(usize, usize) -> bool,
) {
    // (catalogue position, year) → releases with a value.
    let mut groups: HashMap<(usize, i32), Vec<(&Release, f64)>> = HashMap::new();
    for (r, b) in site.releases().iter().enumerate() {
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
            let listed: Vec<Message> = parts
                .iter()
                .map(|&i| {
                    msg!(
                        "sum-part",
                        period = obs[i].0.period().id(),
                        value = figure(obs[i].1)
                    )
                })
                .collect();
            // Parts that ended before the total was published may have
            // been revised since.
            let soft = parts
                .iter()
                .map(|&i| obs[i].0)
                .any(|p| p.period().months().1 < z && revisable(p));
            let message = msg!(
                "sum-mismatch",
                id = id,
                total = figure(*total),
                period = target.period().id(),
                parts = Arg::joined(listed, " + "),
                sum = Arg::figure(point, Some(places.min(6) as u8))
            );
            let hint = if soft {
                msg!("sum-mismatch-revised-hint")
            } else {
                msg!("sum-mismatch-hint")
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

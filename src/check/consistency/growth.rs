//! Rule `consistency/growth`: a stated growth rate against the levels
//! of the two periods it compares.

use super::*;

/// A stated growth rate against the levels of the two periods.
#[allow(clippy::too_many_arguments)]
pub(super) fn growth(
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

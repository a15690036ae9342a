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
    let message = msg!(
        "growth-mismatch",
        id = id,
        field = field.name(),
        stated = pct(g),
        implied = pct(point),
        value = figure(v),
        period = b.period().id(),
        base_value = figure(w),
        base_period = base.period().id()
    );
    let hint = if soft {
        revision_hint(base, msg!("growth-mismatch-otherwise"))
    } else {
        msg!("growth-mismatch-hint")
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

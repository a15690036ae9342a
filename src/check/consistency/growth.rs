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
    // A rate whose sign is the opposite of the levels' (a rise written
    // as a fall, the minus sign forgotten or added) is said as such.
    let stated = Approx::of(g);
    let opposite = (stated.lo > 0.0 && implied.hi < 0.0) || (stated.hi < 0.0 && implied.lo > 0.0);
    let message = if opposite {
        msg!(
            "growth-sign",
            id = id,
            field = field.name(),
            stated = pct(g),
            rise = if point > 0.0 { "up" } else { "down" },
            value = figure(v),
            period = b.period().id(),
            base_value = figure(w),
            base_period = base.period().id()
        )
    } else {
        msg!(
            "growth-mismatch",
            id = id,
            field = field.name(),
            stated = pct(g),
            implied = pct(point),
            value = figure(v),
            period = b.period().id(),
            base_value = figure(w),
            base_period = base.period().id()
        )
    };
    let hint = if opposite {
        msg!("growth-sign-hint", field = field.name())
    } else if soft {
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

//! Rule `consistency/plan`: plan attainment against the level and the
//! plan implied by the target growth over last year's annual level.

use super::*;

/// `plan_attainment` against the level and the plan implied by
/// `target_growth` (a growth over last year's annual level).
pub(super) fn plan(
    site: &Site,
    index: &Index,
    files: &DataFiles,
    r: usize,
    j: usize,
    problems: &mut Diagnostics,
    ok: &dyn Fn(usize, usize) -> bool,
) {
    let b = &site.releases()[r];
    let id = &site.catalog.indicators[j].id;
    let Some(fields) = index.fields(r, j) else {
        return;
    };
    let (Some(v), Some(a)) = (fields.get(Field::Value), fields.get(Field::PlanAttainment)) else {
        return;
    };
    // The year's target may be stated in any release of that year; the
    // releases are in period order, so a year's are together.
    let target = fields.get(Field::TargetGrowth).or_else(|| {
        let releases = site.releases();
        let year = b.period().year;
        let from = releases.partition_point(|x| x.period().year < year);
        let to = releases.partition_point(|x| x.period().year <= year);
        (from..to).find_map(|x| index.fields(x, j).and_then(|f| f.get(Field::TargetGrowth)))
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
    let base = &site.releases()[br];
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
    let message = msg!(
        "plan-mismatch",
        id = id,
        stated = pct(a),
        implied = pct(v / planned * 100.0),
        value = figure(v),
        base_period = base.period().id(),
        base_value = figure(w),
        target = pct(t),
        planned = Arg::figure(planned, Some(places.min(6) as u8))
    );
    let hint = if soft {
        revision_hint(base, msg!("plan-mismatch-otherwise"))
    } else {
        msg!("plan-mismatch-hint")
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

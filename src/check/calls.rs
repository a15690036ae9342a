//! Rule `narrative/call`: every call in a narrative names an indicator,
//! field, breakdown and period that exist. The renderer resolves calls
//! with the same [`resolve`], so what passes here renders.

use crate::diagnostic::Diagnostics;
use crate::narrative::{Narrative, resolve};
use crate::period::Period;
use crate::site::Site;

/// Checks the calls of every narrative and free page.
pub fn check(site: &Site, problems: &mut Diagnostics) {
    for b in site.releases() {
        for n in b.narratives().values() {
            check_calls(site, n, Some(b.period()), problems);
        }
    }
    for p in &site.pages {
        for n in p.texts.values() {
            check_calls(site, n, None, problems);
        }
    }
}

fn check_calls(site: &Site, n: &Narrative, period: Option<&Period>, problems: &mut Diagnostics) {
    for call in &n.calls {
        if let Err(d) = resolve(site, n, call, period) {
            problems.push(d);
        }
    }
}

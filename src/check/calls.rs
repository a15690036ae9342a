//! Rule `narrative/call`: every call in a narrative names an indicator,
//! field, breakdown and period that exist. The renderer resolves calls
//! with the same [`resolve`], so what passes here renders.

use rayon::prelude::*;

use crate::diagnostic::Diagnostics;
use crate::narrative::{Narrative, resolve};
use crate::period::Period;
use crate::site::Site;

/// Checks the calls of every narrative and free page; the releases' in
/// parallel, their findings taken in release order.
pub fn check(site: &Site, problems: &mut Diagnostics) {
    let found: Vec<Diagnostics> = site
        .releases()
        .par_iter()
        .map(|b| {
            let mut found = Diagnostics::new();
            for n in b.narratives().values() {
                check_calls(site, n, Some(b.period()), &mut found);
            }
            found
        })
        .collect();
    found.into_iter().for_each(|f| problems.extend(f));
    for p in &site.pages {
        for n in p.texts.values() {
            check_calls(site, n, None, problems);
        }
    }
}

fn check_calls(site: &Site, n: &Narrative, period: Option<&Period>, problems: &mut Diagnostics) {
    for call in &n.calls {
        match resolve(site, n, call, period) {
            // The release it names has errors of its own, reported there.
            Err(d) if d.message.id == crate::narrative::SET_ASIDE => {}
            Err(d) => problems.push(d),
            Ok(_) => {}
        }
    }
}

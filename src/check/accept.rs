//! Accepted findings: `accept:` in a data file names a rule, an indicator
//! and a field of that file, with a reason. The warning of that rule at
//! that figure is then marked accepted: still listed (so nobody forgets
//! it), no longer counted, so `check --deny-warnings` can gate CI on a
//! site with a known, explained finding. An acceptance that matches no
//! warning (the figure was corrected, or the rule no longer finds it) is
//! a warning itself; errors cannot be accepted: an error is never
//! published.

use super::{DataFiles, Rule, field_path};
use crate::diagnostic::{Diagnostics, Level};
use crate::msg;
use crate::site::Site;
use crate::yaml::YamlPath;

/// Marks the findings the site's data files accept, and reports the
/// acceptances that match none.
pub fn apply(site: &Site, findings: &mut Diagnostics) {
    let files = DataFiles::new(site);
    let mut unmatched = Diagnostics::new();
    for b in site.releases() {
        for a in &b.data().accepted {
            let path = field_path(&a.indicator, a.field);
            let Some((_, (line, _))) = files.written(b, &path) else {
                continue;
            };
            let file = b.data_file();
            let mut matched = false;
            let mut error = false;
            for d in findings.iter_mut() {
                if d.file == file && d.line == Some(line) && d.rule.name() == a.rule {
                    if d.level == Level::Error {
                        error = true;
                    } else {
                        d.accepted = Some(a.reason.clone());
                        matched = true;
                    }
                }
            }
            if matched {
                continue;
            }
            let message = if error {
                msg!(
                    "accept-error",
                    rule = a.rule.as_str(),
                    id = a.indicator.as_str(),
                    field = a.field.name()
                )
            } else {
                msg!(
                    "accept-unmatched",
                    rule = a.rule.as_str(),
                    id = a.indicator.as_str(),
                    field = a.field.name()
                )
            };
            let at = YamlPath::root().key("accept").index(a.index);
            let level = if error { Level::Error } else { Level::Warning };
            unmatched.push(
                files
                    .at(b, &at, false, level, Rule::Accept, message)
                    .with_hint(msg!("accept-unmatched-hint")),
            );
        }
    }
    findings.extend(unmatched);
}

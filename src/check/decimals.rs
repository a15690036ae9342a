//! Rule `form/decimals`: a level written with more decimals than its
//! indicator shows. Editors read figures printed the Vietnamese way, where
//! the dot groups thousands: `6.650` is six thousand six hundred and
//! fifty, but in a data file it is the number 6.65, published as 6,7 by
//! an indicator with `decimals: 1`, a thousand times too small, and
//! without a word from the other rules when there is no figure of last
//! year to compare it with.
//!
//! A level with more decimals than its indicator's `decimals` is read as
//! written (the parsed number has lost `6.650`'s last zero); when its
//! decimals are three digits after one to three digits, it is a thousands
//! group (error), otherwise precision the page will round away (warning).

use super::{DataFiles, Rule, field_path};
use crate::dataset::Field;
use crate::diagnostic::{Diagnostics, Level};
use crate::msg;
use crate::site::{Release, Site};

pub fn check_release(site: &Site, b: &Release, files: &DataFiles, problems: &mut Diagnostics) {
    for (id, fields) in &b.data().indicators {
        let Some(places) = site.catalog.get(id).and_then(|i| i.decimals) else {
            continue;
        };
        let Some(x) = fields.get(Field::Value) else {
            continue;
        };
        // Cheap arithmetic first: the text is looked up only for figures
        // with too many decimals, which are rare.
        if decimals_of(x) <= usize::from(places) {
            continue;
        }
        let path = field_path(id, Field::Value);
        let Some((written, _)) = files.written(b, &path) else {
            continue;
        };
        let after = written.split_once('.').map_or("", |(_, d)| d);
        let shown = after.len();
        if shown <= usize::from(places) {
            continue;
        }
        let (level, message, hint) = if thousands_group(&written) {
            let meant = written.replace('.', "");
            let message = msg!(
                "decimals-thousands",
                id = id,
                written = written.as_str(),
                places = places,
                meant = meant.as_str()
            );
            let hint = msg!("decimals-thousands-hint", meant = meant);
            (Level::Error, message, hint)
        } else {
            let message = msg!(
                "decimals-rounded",
                id = id,
                written = written.as_str(),
                shown = shown,
                places = places
            );
            (
                Level::Warning,
                message,
                msg!("decimals-rounded-hint", places = places),
            )
        };
        let d = files
            .at(b, &path, false, level, Rule::Decimals, message)
            .with_hint(hint);
        problems.push(d);
    }
}

/// `6.650`, `12.300`, `-1.250`: one to three digits, a dot, three digits.
fn thousands_group(written: &str) -> bool {
    let unsigned = written.strip_prefix('-').unwrap_or(written);
    let Some((whole, part)) = unsigned.split_once('.') else {
        return false;
    };
    (1..=3).contains(&whole.len())
        && !whole.starts_with('0')
        && part.len() == 3
        && whole
            .bytes()
            .chain(part.bytes())
            .all(|b| b.is_ascii_digit())
}

/// The decimals a parsed number has (`6.65` has two), by arithmetic.
fn decimals_of(x: f64) -> usize {
    (0..=12)
        .find(|&d| {
            let p = 10f64.powi(d);
            ((x * p).round() / p - x).abs() <= 4.0 * f64::EPSILON * x.abs().max(1.0)
        })
        .unwrap_or(12) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thousands_group_is_three_digits_after_one_to_three() {
        assert!(thousands_group("6.650"));
        assert!(thousands_group("135.338"));
        assert!(thousands_group("-1.250"));
        assert!(!thousands_group("6.65"));
        assert!(!thousands_group("0.650"));
        assert!(!thousands_group("1234.500"));
        assert!(!thousands_group("6.6500"));
    }

    #[test]
    fn decimals_by_arithmetic() {
        assert_eq!(decimals_of(6.65), 2);
        assert_eq!(decimals_of(5718.5), 1);
        assert_eq!(decimals_of(37128.0), 0);
    }
}

//! A figure from a cell, read the way the department sees it as well as
//! the way it is stored: a number shown as a percentage (0.2515 shown as
//! 25,15%) is 25.15; a number shown with one decimal is taken with one;
//! a number typed as text (`5.718,5`, `5718.5`, `5,718.5`, `25,15%`) is
//! a number; a blank, `-`, `..` or `x` is a figure not available; a
//! formula gives its cached result (calamine computes no formula, so one
//! saved without its result is a problem, not a zero).

use calamine::Data;

use crate::dataset::machine_form;
use crate::messages::Message;
use crate::msg;

use super::book::{Grid, Pos};

/// Why a cell gives no figure, in words, with what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub message: Message,
    pub hint: Message,
}

/// How a cell stores a percentage the map cannot learn from the file:
/// `.xls` and `.ods` styles are not read, so a map says `percent:
/// fraction` for cells that hold 0.2515 for 25.15%.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    pub fraction: bool,
}

/// The figure in a cell: `Ok(None)` for a figure not available.
pub fn figure(grid: &Grid, pos: Pos, how: Reading) -> Result<Option<f64>, Unreadable> {
    let format = grid.format(pos).unwrap_or("General");
    let shown = |x: f64| {
        let x = if is_percent_format(format) || how.fraction {
            x * 100.0
        } else {
            x
        };
        match decimals_shown(format) {
            Some(d) => round(x, d),
            // Binary noise of a formula's result (0.1 + 0.2): a
            // statistic never has twelve decimals.
            None => round(x, 10),
        }
    };
    match grid.value(pos) {
        Data::Int(i) => Ok(Some(shown(*i as f64))),
        Data::Float(x) if x.is_finite() => Ok(Some(shown(*x))),
        Data::Float(_) => Err(Unreadable {
            message: msg!("import-cell-not-finite"),
            hint: msg!("import-cell-error-hint"),
        }),
        Data::Empty => blank(grid, pos),
        Data::String(s) if s.trim().is_empty() => blank(grid, pos),
        Data::String(s) => {
            let t = s.trim();
            if is_missing_symbol(t) {
                return Ok(None);
            }
            match text_number(t) {
                Some(x) => Ok(Some(if how.fraction && !t.contains('%') {
                    round(x * 100.0, 10)
                } else {
                    x
                })),
                None => Err(Unreadable {
                    message: msg!("import-cell-text", text = t),
                    hint: msg!("import-cell-text-hint"),
                }),
            }
        }
        Data::Error(e) => Err(Unreadable {
            message: msg!("import-cell-error", error = e.to_string()),
            hint: msg!("import-cell-error-hint"),
        }),
        Data::Bool(b) => Err(Unreadable {
            message: msg!("import-cell-text", text = b.to_string().to_uppercase()),
            hint: msg!("import-cell-text-hint"),
        }),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Err(Unreadable {
            message: msg!("import-cell-date"),
            hint: msg!("import-cell-date-hint"),
        }),
    }
}

/// A blank cell: a figure not available, unless it holds a formula whose
/// result the file does not keep.
fn blank(grid: &Grid, pos: Pos) -> Result<Option<f64>, Unreadable> {
    match grid.formula(pos) {
        Some(f) => Err(Unreadable {
            message: msg!("import-cell-formula-uncached", formula = format!("={f}")),
            hint: msg!("import-cell-formula-uncached-hint"),
        }),
        None => Ok(None),
    }
}

/// The symbols departments print for a figure not available.
fn is_missing_symbol(t: &str) -> bool {
    matches!(
        t,
        "-" | "–" | "—" | ".." | "..." | "…" | "x" | "X" | "n/a" | "N/A" | "#N/A" | "KXĐ" | "kxđ"
    )
}

/// A number typed as text: the Vietnamese way first (`5.718,5`: dots
/// group thousands, read by the data files' own reader,
/// [`machine_form`]), then the machine way (`5718.5`), then the English
/// (`5,718.5`, the Vietnamese with its marks swapped); a `%` after it and
/// spaces inside are allowed.
pub fn text_number(t: &str) -> Option<f64> {
    let vietnamese = |s: &str| machine_form(s)?.parse::<f64>().ok();
    let swapped: String = t
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect();
    vietnamese(t)
        .or_else(|| {
            let plain = t.trim().trim_end_matches('%').trim();
            let digits = plain.trim_start_matches(['-', '+']);
            let machine =
                !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
            machine.then(|| plain.parse::<f64>().ok()).flatten()
        })
        .or_else(|| vietnamese(&swapped))
}

/// Whether a number format shows a percentage (`0.00%`), not counting a
/// `%` inside quotes.
fn is_percent_format(format: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in first_section(format).chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// How many decimals a number format shows: `#,##0.0` one, `0` none,
/// `General` no fixed number.
fn decimals_shown(format: &str) -> Option<u8> {
    let section = first_section(format);
    let mut plain = String::new();
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in section.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' | '_' | '*' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if bracket => bracket = false,
            c if !quoted && !bracket => plain.push(c),
            _ => {}
        }
    }
    if !plain.contains(['0', '#']) {
        return None;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, after)| {
        after.chars().take_while(|c| matches!(c, '0' | '#')).count()
    });
    u8::try_from(decimals).ok()
}

fn first_section(format: &str) -> &str {
    format.split(';').next().unwrap_or(format)
}

fn round(x: f64, decimals: u8) -> f64 {
    let text = format!("{x:.*}", usize::from(decimals));
    let r: f64 = text.parse().unwrap_or(x);
    if r == 0.0 { 0.0 } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_as_text_are_read_every_way() {
        assert_eq!(text_number("5.718,5"), Some(5718.5));
        assert_eq!(text_number("5718.5"), Some(5718.5));
        assert_eq!(text_number("5,718.5"), Some(5718.5));
        assert_eq!(text_number("25,15%"), Some(25.15));
        assert_eq!(text_number("-51,76"), Some(-51.76));
        assert_eq!(text_number("37 128"), Some(37128.0));
        assert_eq!(text_number("1.5"), Some(1.5));
        // Dots group thousands the Vietnamese way.
        assert_eq!(text_number("5.718"), Some(5718.0));
        assert_eq!(text_number("tăng 5%"), None);
        assert_eq!(text_number("1.2.3,4,5"), None);
    }

    #[test]
    fn formats_say_percent_and_decimals() {
        assert!(is_percent_format("0.00%"));
        assert!(!is_percent_format("0.0\"%\""));
        assert_eq!(decimals_shown("#,##0.0"), Some(1));
        assert_eq!(decimals_shown("0.00%"), Some(2));
        assert_eq!(decimals_shown("0"), Some(0));
        assert_eq!(decimals_shown("General"), None);
        assert_eq!(decimals_shown("#,##0.0_);[Red](#,##0.0)"), Some(1));
        assert_eq!(decimals_shown("[$-42A]#,##0.00"), Some(2));
        assert_eq!(round(0.2515 * 100.0, 10), 25.15);
    }
}

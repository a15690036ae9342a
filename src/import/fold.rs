//! Labels and headers compared the way an editor means them: without
//! diacritics, case, numbering or extra spaces, so that the map's
//! "Kim ngạch xuất khẩu" finds the workbook's "2. Kim ngach xuat khau:"
//! and an editor need not type every mark exactly.

use unicode_normalization::UnicodeNormalization;

/// `"  2. Kim Ngạch  xuất khẩu:"` → `"kim ngach xuat khau"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in strip_numbering(text).nfd() {
        match c {
            // Combining marks: the tones and the hats of â, ê, ô, ơ, ư.
            '\u{300}'..='\u{36f}' => {}
            'đ' | 'Đ' => out.push('d'),
            c if c.is_alphanumeric() || c == '%' => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row label as a bulletin shows it: without its numbering or bullet
/// (`- Đóng tàu` → `Đóng tàu`) or a colon at its end.
pub fn bare(text: &str) -> String {
    strip_numbering(text)
        .trim()
        .trim_end_matches(':')
        .trim_end()
        .to_owned()
}

/// A label without the numbering or bullet it starts with: `2.`,
/// `2.1.`, `IV.`, `a)`, `-`, `+`, `•`.
fn strip_numbering(text: &str) -> &str {
    let mut t = text.trim_start();
    loop {
        let before = t;
        t = t
            .trim_start_matches(['-', '+', '*', '•', '–', '—', '·'])
            .trim_start();
        // A number, a roman numeral or one letter, then `.` or `)`.
        let word = t
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(t, |i| &t[..i]);
        let numbering = !word.is_empty()
            && (word.bytes().all(|b| b.is_ascii_digit())
                || (word.len() <= 4 && word.bytes().all(|b| b"IVXLivxl".contains(&b)))
                || word.len() == 1);
        if numbering && t[word.len()..].starts_with(['.', ')']) {
            t = t[word.len() + 1..].trim_start();
            // `2.1.`: the next part of the number follows.
        }
        if t == before {
            return t;
        }
    }
}

/// How well a cell's text matches what the map asks for: exactly, as
/// its beginning (a label followed by its unit, "Kim ngạch xuất khẩu
/// (triệu USD)"), as whole words within it ("Quý I/2021 so với cùng kỳ
/// (%)" for "so với cùng kỳ"), or not at all. Both are folded; the
/// better match wins, and a tie is reported, never guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Exact,
    Start,
    Within,
}

pub fn matches(cell: &str, wanted: &str) -> Option<Match> {
    if wanted.is_empty() {
        return None;
    }
    if cell == wanted {
        Some(Match::Exact)
    } else if cell.starts_with(wanted) && cell[wanted.len()..].starts_with(' ') {
        Some(Match::Start)
    } else if format!(" {cell} ").contains(&format!(" {wanted} ")) {
        Some(Match::Within)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_editors_do_not_mean() {
        assert_eq!(fold("  2. Kim Ngạch  xuất khẩu:"), "kim ngach xuat khau");
        assert_eq!(fold("Đóng tàu"), "dong tau");
        assert_eq!(fold("- Sản xuất điện"), "san xuat dien");
        assert_eq!(fold("II. Thương mại"), "thuong mai");
        assert_eq!(fold("a) Xuất khẩu"), "xuat khau");
        assert_eq!(fold("% so cùng kỳ"), "% so cung ky");
        assert_eq!(fold("Quý I/2021"), "quy i 2021");
        assert_eq!(fold("2.1. Ô tô"), "o to");
        assert_eq!(fold("Ô tô"), "o to");
        assert_eq!(fold("2021"), "2021");
        assert_eq!(bare("- Đóng tàu"), "Đóng tàu");
        assert_eq!(bare("2. Kim ngạch xuất khẩu:"), "Kim ngạch xuất khẩu");
    }

    #[test]
    fn a_label_matches_whole_or_as_the_start() {
        let cell = fold("Kim ngạch xuất khẩu (triệu USD)");
        assert_eq!(
            matches(&cell, &fold("Kim ngạch xuất khẩu")),
            Some(Match::Start)
        );
        assert_eq!(
            matches(&fold("Xuất khẩu"), &fold("xuat khau")),
            Some(Match::Exact)
        );
        assert_eq!(matches(&fold("Xuất khẩu hàng"), &fold("xuat khau h")), None);
        assert_eq!(
            matches(
                &fold("Quý I/2021 so với cùng kỳ (%)"),
                &fold("so với cùng kỳ")
            ),
            Some(Match::Within)
        );
        assert!(Match::Exact < Match::Start && Match::Start < Match::Within);
    }
}

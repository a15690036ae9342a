//! `bantin import --init-map`: a first map for the editor to correct. Each
//! catalogue indicator is looked for among the workbook's row labels by
//! its name in the site's default language (without diacritics or case);
//! the columns to its right are given the field their headers suggest
//! ("so cùng kỳ": growth on the same period last year, "kế hoạch": of the
//! plan, "ước tính", "thực hiện", "cộng dồn": the level).

use std::fmt::Write as _;
use std::path::Path;

use crate::catalog::Catalog;
use crate::dataset::Field;
use crate::messages::Message;
use crate::period::Period;

use super::book::{Book, Grid, Pos};
use super::fold::fold;
use super::locate;

/// The field a column's headers suggest (folded, top down).
fn field_of(headers: &[String]) -> Option<Field> {
    let all = headers.join(" ");
    let has = |w: &str| all.contains(w);
    if has("cung ky") {
        Some(Field::GrowthYoy)
    } else if has("thang truoc") || has("quy truoc") || has("ky truoc") {
        Some(Field::GrowthPrev)
    } else if has("ke hoach") {
        Some(Field::PlanAttainment)
    } else if has("ca nuoc") {
        Some(Field::NationalGrowth)
    } else if has("ty trong") || has("co cau") {
        Some(Field::Share)
    } else if has("uoc") || has("thuc hien") || has("cong don") || has("luy ke") || has("tri gia") {
        Some(Field::Value)
    } else {
        None
    }
}

/// How well a column's headers fit the period: a quarter or the months
/// to date are in a "cộng dồn" (to date) or "quý" column, a month in a
/// "tháng" column that is not to date.
fn fit(headers: &str, period: Option<&Period>) -> i32 {
    let to_date = ["cong don", "luy ke", "quy", "nam", "thang dau"]
        .iter()
        .any(|w| headers.contains(w));
    match period.map(|p| p.kind()) {
        None => 0,
        Some(crate::period::Kind::Month) => i32::from(!to_date && headers.contains("thang")),
        Some(_) => i32::from(to_date),
    }
}

/// The headers over column `col` above row `row`, top down: text cells
/// that are not figures (a `-` or `5.718,5` of a row above is data) and
/// not a title across the whole table.
fn headers_over(grid: &Grid, row: u32, col: u32, label_col: u32) -> Vec<(Pos, String)> {
    let last = grid.end().1;
    let mut by_row: Vec<(Pos, String)> = Vec::new();
    for t in grid.texts.iter().filter(|t| t.pos.0 < row) {
        if super::read::text_number(&t.text).is_some() || t.folded.is_empty() {
            continue;
        }
        let (a, b) = match grid.merge_of(t.pos) {
            Some(d) => (d.start.1, d.end.1),
            None => (t.pos.1, t.pos.1),
        };
        let title = a <= label_col && b >= last && b > a;
        if a <= col && col <= b && !title {
            by_row.retain(|(p, _)| p.0 != t.pos.0);
            by_row.push((t.pos, t.text.clone()));
        }
    }
    by_row.sort_by_key(|(p, _)| p.0);
    // The header block: the rows of text right above the data.
    by_row.into_iter().rev().take(3).rev().collect()
}

/// Where an indicator's name is a row label: an exact match first, then
/// a label that begins with the name.
fn find(book: &mut Book, name: &str) -> Option<(String, Pos, String)> {
    let wanted = fold(name);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(u8, String, Pos, String)> = None;
    for sheet in book.sheet_names().to_vec() {
        let Ok(grid) = book.grid(&sheet) else {
            continue;
        };
        for t in &grid.texts {
            let rank = match super::fold::matches(&t.folded, &wanted) {
                Some(super::fold::Match::Exact) => 2,
                Some(super::fold::Match::Start) => 1,
                _ => continue,
            };
            if best.as_ref().is_none_or(|b| rank > b.0) {
                best = Some((rank, grid.name.clone(), t.pos, t.text.clone()));
            }
        }
    }
    best.map(|(_, s, p, t)| (s, p, t))
}

fn yaml_text(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The proposed map, as YAML text with comments.
pub fn propose(
    workbook: &Path,
    catalog: &Catalog,
    lang: &str,
    period: Option<&Period>,
) -> Result<String, Message> {
    let said = crate::messages::Lang::current();
    let column_word = crate::msg!("import-proposal-column").text(said);
    let mut book = Book::open(workbook)?;
    let shown = workbook.file_name().map_or_else(
        || workbook.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut found = String::new();
    let mut missing = Vec::new();
    let mut count = 0;
    for ind in &catalog.indicators {
        let name = ind.name.get_or(lang, "vi");
        let Some((sheet, pos, label)) = find(&mut book, name) else {
            missing.push(format!("#   {}: {}", ind.id, name));
            continue;
        };
        let Ok(grid) = book.grid(&sheet) else {
            continue;
        };
        count += 1;
        let _ = writeln!(found, "  {}:", ind.id);
        let _ = writeln!(found, "    sheet: {}", yaml_text(&sheet));
        let place = super::book::Place {
            sheet: sheet.clone(),
            pos,
        };
        let _ = writeln!(
            found,
            "    row: {}   # {place}",
            yaml_text(&super::fold::bare(&label))
        );
        // Every column a field's headers suggest; the one that fits the
        // period best is proposed, the others named in a comment.
        let mut candidates: Vec<(Field, u32, Vec<String>, i32)> = Vec::new();
        for col in pos.1 + 1..=grid.end().1 {
            let headers: Vec<String> = headers_over(grid, pos.0, col, pos.1)
                .into_iter()
                .map(|(_, h)| h)
                .collect();
            let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
            if let Some(field) = field_of(&folded) {
                candidates.push((field, col, headers, fit(&folded.join(" "), period)));
            }
        }
        for field in Field::ALL {
            let mut these: Vec<&(Field, u32, Vec<String>, i32)> =
                candidates.iter().filter(|c| c.0 == field).collect();
            // The best fit first; of equals, the leftmost.
            these.sort_by_key(|c| (std::cmp::Reverse(c.3), c.1));
            let Some((_, col, texts, _)) = these.first() else {
                continue;
            };
            // The fewest headers that name the column alone.
            let path = (1..=texts.len())
                .map(|n| texts[texts.len() - n..].to_vec())
                .find(|p| locate::column(grid, p, pos.0) == Ok(*col))
                .unwrap_or_else(|| texts.clone());
            let written = match path.as_slice() {
                [one] => yaml_text(one),
                many => format!(
                    "[{}]",
                    many.iter()
                        .map(|h| yaml_text(h))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let _ = writeln!(
                found,
                "    {field}: {written}   # {} {}",
                column_word,
                super::book::column_name(*col)
            );
            for other in &these[1..] {
                let _ = writeln!(
                    found,
                    "    # {field}? {} {}: {}",
                    column_word,
                    super::book::column_name(other.1),
                    other.2.join(" / ")
                );
            }
        }
    }
    let head = crate::msg!(
        "import-proposal-head",
        workbook = shown,
        found = count,
        total = catalog.indicators.len()
    )
    .text(said);
    let mut out: String = head.lines().map(|l| format!("# {l}\n")).collect();
    if count > 0 {
        out.push_str("indicators:\n");
        out.push_str(&found);
    }
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "# {}",
            crate::msg!("import-proposal-missing").text(said)
        );
        out.push_str(&missing.join("\n"));
        out.push('\n');
    }
    let tail = crate::msg!("import-proposal-breakdowns").text(said);
    out.extend(tail.lines().map(|l| format!("# {l}\n")));
    Ok(out)
}

//! Finding a figure's cell the way a person reads a statistical table:
//! its row by the label at its start, its column by the headers above
//! it, from the top down, across merged header cells. An inserted row or
//! column moves the figures, not the labels, so a map written this way
//! keeps working as the department's workbook grows.

use crate::messages::Message;
use crate::msg;

use super::book::{Grid, Pos, column_name};
use super::fold::{Match, fold, matches};
use super::map::Rows;

/// Why a row or column was not found, with what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct NotFound {
    pub message: Message,
    pub hint: Message,
}

/// The row labelled `label` (in `label_column`, else in any column):
/// exact matches first, else labels that begin with it.
pub fn row(grid: &Grid, label: &str, label_column: Option<u32>) -> Result<Pos, NotFound> {
    let wanted = fold(label);
    let mut best: Option<Match> = None;
    let mut found: Vec<Pos> = Vec::new();
    for t in &grid.texts {
        if label_column.is_some_and(|c| c != t.pos.1) {
            continue;
        }
        let Some(m) = matches(&t.folded, &wanted) else {
            continue;
        };
        match best {
            Some(b) if m > b => continue,
            Some(b) if m < b => found.clear(),
            _ => {}
        }
        best = Some(m);
        if !found.iter().any(|p| p.0 == t.pos.0) {
            found.push(t.pos);
        }
    }
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let close = closest(grid, &wanted, label_column);
            Err(NotFound {
                message: msg!("import-no-row", label = label, sheet = grid.name.as_str()),
                hint: match close {
                    Some(c) => msg!("import-no-row-close", label = c),
                    None => msg!("import-no-row-hint"),
                },
            })
        }
        many => Err(NotFound {
            message: msg!(
                "import-row-ambiguous",
                label = label,
                sheet = grid.name.as_str(),
                cells = cells(many)
            ),
            hint: msg!("import-row-ambiguous-hint"),
        }),
    }
}

/// The label nearest to what was asked, to suggest.
fn closest(grid: &Grid, wanted: &str, label_column: Option<u32>) -> Option<String> {
    let words: Vec<&str> = wanted.split(' ').collect();
    grid.texts
        .iter()
        .filter(|t| label_column.is_none_or(|c| c == t.pos.1))
        .map(|t| {
            let shared = t.folded.split(' ').filter(|w| words.contains(w)).count();
            (
                shared,
                std::cmp::Reverse(t.folded.len().abs_diff(wanted.len())),
                t,
            )
        })
        .filter(|(shared, _, _)| *shared * 2 >= words.len() && *shared > 0)
        .max_by_key(|(shared, d, _)| (*shared, *d))
        .map(|(_, _, t)| t.text.clone())
}

fn cells(list: &[Pos]) -> String {
    list.iter()
        .map(|p| super::book::cell_name(*p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns a header cell stands over: its merged region's, else its
/// own; a header above others (`extend`) also stands over the blank
/// cells to its right, as a title centred across columns does.
fn span(grid: &Grid, pos: Pos, extend: bool) -> (u32, u32) {
    if let Some(d) = grid.merge_of(pos) {
        return (d.start.1, d.end.1);
    }
    if !extend {
        return (pos.1, pos.1);
    }
    let last = grid.end().1;
    let mut end = pos.1;
    while end < last
        && grid.text((pos.0, end + 1)).is_none()
        && matches!(grid.value((pos.0, end + 1)), calamine::Data::Empty)
    {
        end += 1;
    }
    (pos.1, end)
}

/// The column headed by `headers` (top down) above `row`: the header
/// nearest above the row wins, as in a sheet of several tables.
pub fn column(grid: &Grid, headers: &[String], row: u32) -> Result<u32, NotFound> {
    let Some((last, parents)) = headers.split_last() else {
        return Err(NotFound {
            message: msg!("import-no-column", header = "", sheet = grid.name.as_str()),
            hint: msg!("import-no-column-hint", headers = ""),
        });
    };
    let wanted = fold(last);
    let mut best: Option<Match> = None;
    // (header row, column) of every column the headers lead to.
    let mut found: Vec<(u32, u32)> = Vec::new();
    for t in grid.texts.iter().filter(|t| t.pos.0 < row) {
        let Some(m) = matches(&t.folded, &wanted) else {
            continue;
        };
        let (a, b) = span(grid, t.pos, false);
        let cols: Vec<u32> = (a..=b)
            .filter(|&c| under_parents(grid, parents, t.pos.0, c))
            .collect();
        if cols.is_empty() {
            continue;
        }
        match best {
            Some(bm) if m > bm => continue,
            Some(bm) if m < bm => found.clear(),
            _ => {}
        }
        best = Some(m);
        // A header merged down over rows ends where the data begins.
        let bottom = grid.merge_of(t.pos).map_or(t.pos.0, |d| d.end.0);
        found.extend(cols.into_iter().map(|c| (bottom, c)));
    }
    // The nearest header above the row.
    let nearest = found.iter().map(|f| f.0).max();
    let mut cols: Vec<u32> = found
        .iter()
        .filter(|f| Some(f.0) == nearest)
        .map(|f| f.1)
        .collect();
    cols.dedup();
    let shown = headers.join(" / ");
    match cols.as_slice() {
        [one] => Ok(*one),
        [] => Err(NotFound {
            message: msg!(
                "import-no-column",
                header = shown,
                sheet = grid.name.as_str()
            ),
            hint: msg!("import-no-column-hint", headers = headers_above(grid, row)),
        }),
        many => Err(NotFound {
            message: msg!(
                "import-column-ambiguous",
                header = shown,
                sheet = grid.name.as_str(),
                columns = many
                    .iter()
                    .map(|c| column_name(*c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            hint: msg!("import-column-ambiguous-hint"),
        }),
    }
}

/// Whether the headers `parents` (top down) stand over column `col`,
/// each above the next, the last above `below`.
fn under_parents(grid: &Grid, parents: &[String], below: u32, col: u32) -> bool {
    let Some((last, rest)) = parents.split_last() else {
        return true;
    };
    let wanted = fold(last);
    grid.texts.iter().any(|t| {
        t.pos.0 < below
            && matches(&t.folded, &wanted).is_some()
            && {
                let (a, b) = span(grid, t.pos, true);
                a <= col && col <= b
            }
            && under_parents(grid, rest, t.pos.0, col)
    })
}

/// The texts of the rows just above `row` that could be headers, for a
/// hint (at most twelve).
fn headers_above(grid: &Grid, row: u32) -> String {
    let top = row.saturating_sub(6);
    let mut out: Vec<&str> = Vec::new();
    for t in grid
        .texts
        .iter()
        .filter(|t| t.pos.0 < row && t.pos.0 >= top)
    {
        if !out.contains(&t.text.as_str()) {
            out.push(&t.text);
        }
    }
    out.truncate(12);
    out.iter()
        .map(|t| format!("“{t}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rows of a breakdown's block: each row's place (at its label) and
/// label, rows without a label left out.
pub fn block(
    grid: &Grid,
    rows: &Rows,
    label_column: Option<u32>,
) -> Result<Vec<(Pos, String)>, NotFound> {
    let (first, last, col) = match rows {
        Rows::Between { first, last } => {
            let a = row(grid, first, label_column)?;
            let b = row(grid, last, Some(label_column.unwrap_or(a.1)))?;
            if b.0 < a.0 {
                return Err(NotFound {
                    message: msg!(
                        "import-rows-reversed",
                        first = first.as_str(),
                        last = last.as_str()
                    ),
                    hint: msg!("import-map-bad-rows-hint"),
                });
            }
            (a.0, b.0, a.1)
        }
        Rows::Under(label) => {
            let a = row(grid, label, label_column)?;
            let col = label_column.unwrap_or(a.1);
            let mut end = a.0;
            while grid.text((end + 1, col)).is_some() {
                end += 1;
            }
            if end == a.0 {
                return Err(NotFound {
                    message: msg!("import-rows-none-under", label = label.as_str()),
                    hint: msg!("import-map-bad-rows-hint"),
                });
            }
            (a.0 + 1, end, col)
        }
        Rows::Range(a, b) => (a.0, b.0, a.1),
    };
    Ok((first..=last)
        .filter_map(|r| grid.text((r, col)).map(|t| ((r, col), t)))
        .collect())
}

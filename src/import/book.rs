//! A department's workbook, as calamine reads it: per sheet, the values
//! (a formula's cached result, since calamine computes nothing), the
//! formulas, the number formats (which say a cell is shown as a
//! percentage, or with how many decimals) and the merged regions (the
//! multi-row headers). Sheets are read when first asked for.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, Dimensions, Range, Reader, Sheets, open_workbook_auto};

use crate::messages::Message;
use crate::msg;

/// A cell's place: `(row, column)`, both from 0, as calamine has them.
pub type Pos = (u32, u32);

/// `C12`: a column's letters and a row's number.
pub fn cell_name(pos: Pos) -> String {
    format!("{}{}", column_name(pos.1), pos.0 + 1)
}

/// `A`, `Z`, `AA`: a column's letters.
pub fn column_name(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + u8::try_from(r).unwrap_or(0));
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `C12` or `$C$12` → its place; `None` for anything else.
pub fn parse_cell(s: &str) -> Option<Pos> {
    let s = s.trim().replace('$', "");
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let row: u32 = digits.parse().ok().filter(|r| *r >= 1)?;
    let col = letters.bytes().fold(0u32, |acc, b| {
        acc * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    Some((row - 1, col - 1))
}

/// `A` or `AB` → the column's index.
pub fn parse_column(s: &str) -> Option<u32> {
    parse_cell(&format!("{}1", s.trim())).map(|(_, c)| c)
}

/// A cell named with its sheet, as Excel writes it: `XNK!C12`, and
/// `'Biểu 1'!C12` when the name has spaces or punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub sheet: String,
    pub pos: Pos,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
        if plain {
            write!(f, "{}!{}", self.sheet, cell_name(self.pos))
        } else {
            write!(
                f,
                "'{}'!{}",
                self.sheet.replace('\'', "''"),
                cell_name(self.pos)
            )
        }
    }
}

/// One sheet's cells.
pub struct Grid {
    pub name: String,
    values: Range<Data>,
    formulas: Range<String>,
    /// Number format codes of the cells that have one (xlsx only:
    /// calamine reads no styles of .xls and .ods files).
    formats: HashMap<Pos, String>,
    merges: Vec<Dimensions>,
    /// Every cell with text, with its text folded ([`super::fold`]), in
    /// reading order: what labels and headers are looked up in.
    pub texts: Vec<TextCell>,
}

/// A cell holding text.
#[derive(Debug, Clone)]
pub struct TextCell {
    pub pos: Pos,
    pub text: String,
    pub folded: String,
}

impl Grid {
    pub fn value(&self, pos: Pos) -> &Data {
        self.values.get_value(pos).unwrap_or(&Data::Empty)
    }

    /// The formula of a cell, if it has one.
    pub fn formula(&self, pos: Pos) -> Option<&str> {
        self.formulas
            .get_value(pos)
            .map(String::as_str)
            .filter(|f| !f.is_empty())
    }

    pub fn format(&self, pos: Pos) -> Option<&str> {
        self.formats.get(&pos).map(String::as_str)
    }

    /// The merged region a cell is part of.
    pub fn merge_of(&self, pos: Pos) -> Option<&Dimensions> {
        self.merges.iter().find(|d| d.contains(pos.0, pos.1))
    }

    /// The cell's text, as shown where it is text (labels, headers): a
    /// merged region's text is in its first cell.
    pub fn text(&self, pos: Pos) -> Option<String> {
        let at = self.merge_of(pos).map_or(pos, |d| d.start);
        match self.value(at) {
            Data::String(s) => {
                let t = crate::fs::nfc(s.trim());
                (!t.is_empty()).then_some(t)
            }
            Data::Int(i) => Some(i.to_string()),
            Data::Float(x) => Some(x.to_string()),
            _ => None,
        }
    }

    /// The used cells' last row and column.
    pub fn end(&self) -> Pos {
        let v = self.values.end().unwrap_or((0, 0));
        let f = self.formulas.end().unwrap_or((0, 0));
        (v.0.max(f.0), v.1.max(f.1))
    }

    fn index_texts(&mut self) {
        let start = self.values.start().unwrap_or((0, 0));
        let mut texts = Vec::new();
        for (r, c, v) in self.values.used_cells() {
            if !matches!(v, Data::String(_)) {
                continue;
            }
            let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
                continue;
            };
            let pos = (start.0 + r, start.1 + c);
            if let Some(text) = self.text(pos) {
                let folded = super::fold::fold(&text);
                texts.push(TextCell { pos, text, folded });
            }
        }
        self.texts = texts;
    }
}

/// A workbook open for reading.
pub struct Book {
    sheets: Sheets<BufReader<File>>,
    names: Vec<String>,
    grids: HashMap<String, Grid>,
}

impl Book {
    /// Opens `.xlsx`, `.xlsm`, `.xls`, `.xlsb` or `.ods`.
    pub fn open(path: &Path) -> Result<Book, Message> {
        let sheets = open_workbook_auto(path).map_err(|e| {
            msg!(
                "import-workbook-unreadable",
                file = path,
                detail = e.to_string()
            )
        })?;
        let names = sheets.sheet_names();
        Ok(Book {
            sheets,
            names,
            grids: HashMap::new(),
        })
    }

    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// The sheet named `name` (exactly, else ignoring case, spaces and
    /// diacritics), read once.
    pub fn grid(&mut self, name: &str) -> Result<&Grid, Message> {
        let found = self
            .names
            .iter()
            .find(|n| *n == name)
            .or_else(|| {
                let want = super::fold::fold(name);
                self.names.iter().find(|n| super::fold::fold(n) == want)
            })
            .cloned()
            .ok_or_else(|| {
                msg!(
                    "import-no-sheet",
                    sheet = name,
                    sheets = self.names.join(", ")
                )
            })?;
        if !self.grids.contains_key(&found) {
            let grid = self.read(&found)?;
            self.grids.insert(found.clone(), grid);
        }
        self.grids
            .get(&found)
            .ok_or_else(|| msg!("import-no-sheet", sheet = name, sheets = ""))
    }

    fn read(&mut self, name: &str) -> Result<Grid, Message> {
        let unreadable = |e: calamine::Error| {
            msg!(
                "import-sheet-unreadable",
                sheet = name,
                detail = e.to_string()
            )
        };
        let values = self.sheets.worksheet_range(name).map_err(unreadable)?;
        let formulas = self.sheets.worksheet_formula(name).unwrap_or_default();
        let mut formats = HashMap::new();
        if let Ok(styles) = self.sheets.worksheet_style(name) {
            for (r, c, style) in styles.cells() {
                let pos = (r, c);
                if let Some(f) = &style.number_format
                    && f.format_code != "General"
                {
                    formats.insert(pos, f.format_code.clone());
                }
            }
        }
        let merges = match &mut self.sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut grid = Grid {
            name: name.to_owned(),
            values,
            formulas,
            formats,
            merges,
            texts: Vec::new(),
        };
        grid.index_texts();
        Ok(grid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name((11, 2)), "C12");
        assert_eq!(cell_name((0, 26)), "AA1");
        assert_eq!(parse_cell("C12"), Some((11, 2)));
        assert_eq!(parse_cell("$AA$1"), Some((0, 26)));
        assert_eq!(parse_cell("c12"), Some((11, 2)));
        assert_eq!(parse_cell("12"), None);
        assert_eq!(parse_cell("C0"), None);
        assert_eq!(parse_cell("Ước tính"), None);
        assert_eq!(parse_column("B"), Some(1));
        let p = Place {
            sheet: "Biểu 1".into(),
            pos: (11, 2),
        };
        assert_eq!(p.to_string(), "'Biểu 1'!C12");
        let p = Place {
            sheet: "XNK".into(),
            pos: (0, 0),
        };
        assert_eq!(p.to_string(), "XNK!A1");
    }
}

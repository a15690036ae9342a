//! All file access goes through here, so every I/O error names its file and
//! every text file is read the same way: UTF-8, byte-order mark dropped,
//! line endings made `\n`, Vietnamese in NFC.

use std::path::Path;

use anyhow::{Context, Result};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::diagnostic::Diagnostic;

/// The largest text file bantin reads: a bulletin is a few kilobytes, so
/// anything larger is a mistake (a data dump saved in the wrong place).
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads an editor's text file. Errors are diagnostics against `shown`.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error(shown, format!("cannot read the file: {e}")))?;
    if meta.len() > MAX_TEXT_BYTES {
        return Err(Diagnostic::error(
            shown,
            format!(
                "the file is {} MB, larger than the {} MB bantin reads",
                meta.len() / (1024 * 1024),
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        )
        .with_hint("a data file holds one period's figures; move large tables elsewhere"));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(shown, format!("cannot read the file: {e}")))?;
    decode_text(bytes).map_err(|(line, column)| {
        Diagnostic::error(shown, "the file is not UTF-8 text")
            .at(line, column)
            .with_hint("save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
    })
}

/// UTF-8 check and normalisation; on invalid bytes, the 1-based line and
/// column of the first one.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, (usize, usize)> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err((line, column));
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    // Text typed on some systems arrives decomposed (NFD): "ế" as e + two
    // marks. It must be composed, or search, sorting and comparisons fail.
    Ok(match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    })
}

/// Writes a file, creating its folder.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    std::fs::write(path, contents).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_bom_crlf_and_nfd() {
        let nfd = "\u{feff}Xua\u{302}\u{301}t kha\u{302}\u{309}u\r\n";
        assert_eq!(decode_text(nfd.as_bytes().to_vec()).unwrap(), "Xuất khẩu\n");
    }

    #[test]
    fn reports_position_of_invalid_bytes() {
        let mut bytes = b"a: 1\nb: x".to_vec();
        bytes.push(0xff);
        assert_eq!(decode_text(bytes), Err((2, 5)));
    }
}

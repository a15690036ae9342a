//! All file access goes through here, so every I/O error names its file and
//! every text file is read the same way: UTF-8, byte-order mark dropped,
//! line endings made `\n`, Vietnamese in NFC.

use std::path::Path;

use anyhow::{Context, Result};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::diagnostic::Diagnostic;
use crate::msg;

/// The largest text file bantin reads: a bulletin is a few kilobytes, so
/// anything larger is a mistake (a data dump saved in the wrong place).
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads an editor's text file, `path` under the site folder `root`.
/// Errors are diagnostics against `shown`.
pub fn read_text(root: &Path, path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    inside(root, path, shown)?;
    let meta = std::fs::metadata(path).map_err(|e| unreadable(shown, e))?;
    if meta.len() > MAX_TEXT_BYTES {
        return Err(Diagnostic::error(
            shown,
            msg!(
                "file-too-large",
                size = meta.len() / (1024 * 1024),
                limit = MAX_TEXT_BYTES / (1024 * 1024)
            ),
        )
        .with_hint(msg!("file-too-large-hint")));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(shown, e))?;
    decode_text(bytes).map_err(|(line, column)| {
        Diagnostic::error(shown, msg!("file-not-utf8"))
            .at(line, column)
            .with_hint(msg!("file-not-utf8-hint"))
    })
}

/// Reads a file of the site as it is (an image of `static/`), refusing
/// one that lies outside the site folder `root`.
pub fn read_bytes(root: &Path, path: &Path, shown: &Path) -> Result<Vec<u8>, Diagnostic> {
    inside(root, path, shown)?;
    std::fs::read(path).map_err(|e| unreadable(shown, e))
}

/// Why a file cannot be read, in the reader's words for the usual causes
/// (the system's own words otherwise).
fn unreadable(shown: &Path, e: std::io::Error) -> Diagnostic {
    use std::io::ErrorKind;
    let message = match e.kind() {
        ErrorKind::NotFound => msg!("file-not-found"),
        ErrorKind::PermissionDenied => msg!("file-permission-denied"),
        ErrorKind::IsADirectory => msg!("file-is-folder"),
        _ => msg!("file-unreadable", reason = e.to_string()),
    };
    Diagnostic::error(shown, message)
}

/// Refuses a file that is, or lies under, a link leading out of the site
/// folder `root`: a site comes from a repository, and a pull request must
/// not publish the building machine's files (`/etc/passwd` linked in as
/// a page). Links that stay inside the site are followed as usual.
pub fn inside(root: &Path, path: &Path, shown: &Path) -> Result<(), Diagnostic> {
    // A path that does not resolve is left for the read to report.
    let (Ok(root), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        return Ok(());
    };
    if real.starts_with(&root) {
        return Ok(());
    }
    Err(
        Diagnostic::error(shown, msg!("file-outside-site", target = real.as_path()))
            .with_hint(msg!("file-outside-site-hint")),
    )
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

/// Text composed to NFC (Vietnamese typed on some systems arrives
/// decomposed), without copying text that already is.
pub fn nfc(text: &str) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_owned(),
        _ => text.nfc().collect(),
    }
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

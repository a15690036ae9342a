//! The front matter of a narrative: `---` lines around `title:` and
//! `summary:`, split off the Markdown before anything else is read.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::msg;

/// Splits `---` front matter off. Returns (front matter, body, the 1-based
/// line where the body starts).
pub(super) fn split<'a>(
    text: &'a str,
    shown: &Path,
) -> Result<(Option<String>, &'a str, usize), Vec<Diagnostic>> {
    let Some(after) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((None, text, 1));
    };
    let mut offset = 0;
    for line in after.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = after[..offset].to_owned();
            let body = &after[offset + line.len()..];
            let body_line = front.matches('\n').count() + 3;
            return Ok((Some(front), body, body_line));
        }
        offset += line.len();
    }
    Err(vec![
        Diagnostic::error(shown, msg!("front-matter-unclosed"))
            .at(1, 1)
            .with_hint(msg!("front-matter-unclosed-hint")),
    ])
}

//! YAML mistakes said for people. The parser notices a mistake where it
//! can no longer go on, often a line after it was made (a missing colon
//! shows up at the next key), and says so in its own terms ("mapping
//! values are not allowed in this context"). Here the usual mistakes of
//! hand-written data files are recognised from the parser's words and the
//! text around: the line of the mistake, what is wrong, what to type.

use std::path::Path;

use super::SyntaxError;
use crate::diagnostic::Diagnostic;
use crate::msg;

/// The diagnostic for a syntax error in `text`.
pub(super) fn explain(e: &SyntaxError, text: &str, shown: &Path) -> Diagnostic {
    let lines: Vec<&str> = text.lines().collect();
    let line_of = |n: usize| lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
    let raw = e.message.as_str();
    let (line, column) = e.position.unwrap_or((1, 1));

    // A tab at or before the error: YAML indents with spaces only.
    if let Some(n) = tab_in_indent(&lines, line) {
        let col = line_of(n)
            .find('\t')
            .map_or(1, |i| line_of(n)[..i].chars().count() + 1);
        return Diagnostic::error(shown, msg!("yaml-tab"))
            .at(n, col)
            .with_hint(msg!("yaml-tab-hint"));
    }
    if raw.contains("while scanning a quoted scalar")
        || raw.starts_with("found unexpected end of stream")
    {
        if let Some((l, c)) = e.context {
            let quote = line_of(l).chars().nth(c.saturating_sub(1)).unwrap_or('"');
            return Diagnostic::error(
                shown,
                msg!("yaml-unclosed-quote", quote = quote.to_string()),
            )
            .at(l, c)
            .with_hint(msg!("yaml-unclosed-quote-hint", quote = quote.to_string()));
        }
    }
    for (expected, open, close) in [("',' or '}'", "{", "}"), ("',' or ']'", "[", "]")] {
        if raw.contains(expected) {
            let (l, c) = e.context.unwrap_or((line, column));
            // A quote left open inside the brackets swallows their end:
            // the quote is the mistake.
            if let Some((quote, at)) = unclosed_quote(line_of(l)) {
                return Diagnostic::error(
                    shown,
                    msg!("yaml-unclosed-quote", quote = quote.to_string()),
                )
                .at(l, at)
                .with_hint(msg!("yaml-unclosed-quote-hint", quote = quote.to_string()));
            }
            return Diagnostic::error(shown, msg!("yaml-unclosed-bracket", open = open))
                .at(l, c)
                .with_hint(msg!(
                    "yaml-unclosed-bracket-hint",
                    open = open,
                    close = close
                ));
        }
    }
    // A key without its colon: the parser finds out at the next line,
    // or says it looked for a colon from where the key began.
    let missing_colon_at = if raw.starts_with("could not find expected ':'") {
        e.context.map(|(l, _)| l)
    } else if raw.starts_with("mapping values are not allowed") {
        previous_content_line(&lines, line).filter(|&n| !has_colon(line_of(n)))
    } else {
        None
    };
    if let Some(n) = missing_colon_at {
        let written = line_of(n).trim();
        let written = written.strip_prefix("- ").unwrap_or(written);
        let fixed = match written.split_once(char::is_whitespace) {
            Some((key, value)) => format!("{key}: {}", value.trim()),
            None => format!("{written}:"),
        };
        let col = indent(line_of(n)) + 1;
        return Diagnostic::error(shown, msg!("yaml-missing-colon", written = written))
            .at(n, col)
            .with_hint(msg!("yaml-missing-colon-hint", fixed = fixed));
    }
    // A key indented deeper than the one above it, or to no level above.
    if raw.starts_with("mapping values are not allowed")
        || raw.starts_with("did not find expected key")
        || raw.starts_with("did not find expected '-' indicator")
    {
        let here = indent(line_of(line));
        let levels = open_levels(&lines, line);
        // The nearest level; between two as near, the deeper one (the
        // line is most likely a sibling of the line above it).
        let nearest = levels.iter().rev().min_by_key(|&&l| l.abs_diff(here));
        let hint = match nearest {
            Some(&spaces) => msg!("yaml-indent-hint", spaces = spaces),
            None => msg!("yaml-indent-hint-left"),
        };
        return Diagnostic::error(shown, msg!("yaml-indent", spaces = here))
            .at(line, here + 1)
            .with_hint(hint);
    }
    if let Some(key) = raw
        .strip_prefix("duplicate entry with key \"")
        .and_then(|r| r.strip_suffix('"'))
    {
        let (l, c) = second_key(&lines, key).unwrap_or((line, column));
        return Diagnostic::error(shown, msg!("yaml-duplicate-key", key = key))
            .at(l, c)
            .with_hint(msg!("yaml-duplicate-key-hint", key = key));
    }
    Diagnostic::error(shown, msg!("yaml-syntax", detail = raw))
        .at(line, column)
        .with_hint(msg!("yaml-syntax-hint"))
}

/// A quote opened on `line` and not closed there: the quote and its
/// 1-based column. Double quotes come in pairs, so an odd number of them
/// means one is missing, and the text it should close begins at the
/// first. A single quote counts where a value begins (`'…`), not inside a
/// word (`don't`) or a double-quoted text.
fn unclosed_quote(line: &str) -> Option<(char, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let doubles: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i] == '"' && (i == 0 || chars[i - 1] != '\\'))
        .collect();
    if doubles.len() % 2 == 1 {
        return Some(('"', doubles[0] + 1));
    }
    let mut in_double = false;
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '"' if open.is_none() => in_double = !in_double,
            '\'' if in_double => {}
            '\'' if open.is_some() => open = None,
            '\'' => {
                let before = chars[..i].iter().rev().find(|c| **c != ' ');
                if before.is_none_or(|b| matches!(b, ':' | '{' | '[' | ',' | '-')) {
                    open = Some(i);
                }
            }
            _ => {}
        }
    }
    open.map(|i| ('\'', i + 1))
}

/// The first line up to `line` whose indentation holds a tab.
fn tab_in_indent(lines: &[&str], line: usize) -> Option<usize> {
    lines
        .iter()
        .take(line)
        .position(|l| {
            l.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        })
        .map(|i| i + 1)
}

/// The last line before `line` with something on it (not a comment).
fn previous_content_line(lines: &[&str], line: usize) -> Option<usize> {
    (1..line).rev().find(|&n| {
        let t = lines[n - 1].trim();
        !t.is_empty() && !t.starts_with('#')
    })
}

/// Whether a line has a `key:` (a colon followed by a space or the end),
/// outside quotes.
fn has_colon(line: &str) -> bool {
    let mut quote = None;
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if i == 0 || chars[i - 1] == ' ' => return false,
            (None, ':') if chars.get(i + 1).is_none_or(|n| *n == ' ') => return true,
            _ => {}
        }
    }
    false
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

/// The indentations of the blocks open at `line`: those of the lines
/// above it, each smaller than the one after it.
fn open_levels(lines: &[&str], line: usize) -> Vec<usize> {
    let mut levels: Vec<usize> = Vec::new();
    for l in lines.iter().take(line.saturating_sub(1)) {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let i = indent(l);
        while levels.last().is_some_and(|&top| top > i) {
            levels.pop();
        }
        if levels.last() != Some(&i) {
            levels.push(i);
        }
    }
    levels
}

/// Where `key:` is written a second time in its block.
fn second_key(lines: &[&str], key: &str) -> Option<(usize, usize)> {
    let mut seen: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let t = t.strip_prefix("- ").unwrap_or(t);
        let bare = t.strip_prefix(key).is_some_and(|r| r.starts_with(':'));
        let quoted = t
            .strip_prefix('"')
            .and_then(|r| r.strip_prefix(key))
            .is_some_and(|r| r.starts_with("\":"));
        if bare || quoted {
            let at = indent(l);
            if seen.contains(&at) {
                return Some((i + 1, at + 1));
            }
            seen.push(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn said(text: &str) -> (usize, String, String) {
        let d = parse(text).unwrap_err().diagnostic(Path::new("data.yaml"));
        (
            d.line.unwrap(),
            d.message.to_string(),
            d.hint.map(|h| h.to_string()).unwrap_or_default(),
        )
    }

    #[test]
    fn a_missing_colon_is_found_on_its_own_line() {
        let (line, message, hint) =
            said("period: 2021-Q1\nindicators:\n  exports\n    value: 5718.5\n");
        assert_eq!(line, 3);
        assert!(message.contains("`exports`"), "{message}");
        assert!(hint.contains("exports:"), "{hint}");
        let (line, _, hint) = said(
            "period: 2021-Q1\nindicators:\n  exports:\n    value 5718.5\n    growth_yoy: 25\n",
        );
        assert_eq!(line, 4);
        assert!(hint.contains("value: 5718.5"), "{hint}");
        let (line, _, hint) = said(
            "period: 2021-Q1\nindicators:\n  exports:\n    growth_yoy: 25\n    value 5718.5\n",
        );
        assert_eq!(line, 5);
        assert!(hint.contains("value: 5718.5"), "{hint}");
    }

    #[test]
    fn a_tab_an_unclosed_quote_or_bracket() {
        let (line, message, _) =
            said("period: 2021-Q1\nindicators:\n  exports:\n\tvalue: 5718.5\n");
        assert_eq!(line, 4);
        assert!(message.contains("tab"), "{message}");
        let (line, message, _) =
            said("period: 2021-Q1\nnote: \"abc\nindicators:\n  exports:\n    value: 5718.5\n");
        assert_eq!(line, 2);
        assert!(message.contains("quote"), "{message}");
        let (line, _, hint) =
            said("period: 2021-Q1\nname: { vi: a, en: b\nindicators:\n  exports:\n    value: 5\n");
        assert_eq!(line, 2);
        assert!(hint.contains('}'), "{hint}");
    }

    #[test]
    fn a_quote_left_open_inside_braces_is_the_mistake() {
        let (line, message, _) = said(
            "period: 2021-Q1\ntitle: { vi: \"IIP theo ngành, en: \"IIP\" }\nrows:\n  - { a: \"x\" }\n",
        );
        assert_eq!(line, 2);
        assert!(message.contains("quote"), "{message}");
        assert_eq!(unclosed_quote("a: { vi: \"x\", en: 'y' }"), None);
        assert_eq!(unclosed_quote("a: \"it's\""), None);
        assert_eq!(unclosed_quote("a: { vi: \"x"), Some(('"', 10)));
        assert_eq!(unclosed_quote("a: { vi: 'x, en: b }"), Some(('\'', 10)));
        assert_eq!(unclosed_quote("a: { vi: \"x, en: \"y\" }"), Some(('"', 10)));
    }

    #[test]
    fn a_wrong_indent_names_the_levels() {
        let (line, message, hint) = said(
            "period: 2021-Q1\nindicators:\n  exports:\n    value: 5718.5\n   growth_yoy: 25\n",
        );
        assert_eq!(line, 5);
        assert!(message.contains("3 spaces"), "{message}");
        assert!(hint.contains("4 spaces"), "{hint}");
        let (line, _, _) = said(
            "period: 2021-Q1\nindicators:\n  exports:\n    value: 5718.5\n      growth_yoy: 25\n",
        );
        assert_eq!(line, 5);
    }

    #[test]
    fn a_key_written_twice_points_at_the_second() {
        let (line, message, _) = said("period: 2021-Q1\nnote: x\nperiod: 2021-Q2\n");
        assert_eq!(line, 3);
        assert!(message.contains("`period`"), "{message}");
    }
}

//! How findings are shown: for people (grouped by file, a summary, colour
//! on a terminal) and for programs (`--format json`, a stable schema
//! documented in the README).

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::Rule;
use crate::diagnostic::{Diagnostic, Diagnostics, Level};
use crate::messages::Lang;
use crate::msg;

/// Terminal colours, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Colour,
}

impl Style {
    /// Colour when `stream` is a terminal and `NO_COLOR` is not set
    /// (<https://no-color.org>).
    pub fn for_stream(is_terminal: bool) -> Style {
        if is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) {
            Style::Colour
        } else {
            Style::Plain
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        match self {
            Style::Plain => text.to_owned(),
            Style::Colour => format!("\x1b[{code}m{text}\x1b[0m"),
        }
    }
}

/// One finding as `path:line:col: level: message`, its hint below.
pub fn line(d: &Diagnostic, style: Style, lang: Lang) -> String {
    let word = msg!("level", level = d.level.as_str()).text(lang);
    let level = match d.level {
        Level::Error => style.paint("1;31", &word),
        Level::Warning => style.paint("1;33", &word),
    };
    let mut out = format!(
        "{}: {level}: {}",
        style.paint("1", &d.location()),
        d.message.text(lang)
    );
    if let Some(hint) = &d.hint {
        let hint = msg!("hint", hint = hint.text(lang)).text(lang);
        let _ = write!(out, "\n  {}", style.paint("36", &hint));
    }
    out
}

/// The report for people: findings grouped by file (a blank line between
/// files), missing translations listed together at the end, then a count.
pub fn human(findings: &Diagnostics, style: Style, lang: Lang) -> String {
    let sorted = findings.sorted();
    let (accepted, sorted): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        sorted.into_iter().partition(|d| d.accepted.is_some());
    let (translations, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) = sorted
        .into_iter()
        .partition(|d| d.rule == Rule::Translation);
    let mut out = String::new();
    let mut last_file = None;
    for d in &others {
        if last_file.is_some_and(|f| f != &d.file) {
            out.push('\n');
        }
        last_file = Some(&d.file);
        out.push_str(&line(d, style, lang));
        out.push('\n');
    }
    if !translations.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        let title = msg!("report-translations").text(lang);
        let _ = writeln!(out, "{}", style.paint("1", &title));
        for d in &translations {
            out.push_str(&line(d, style, lang));
            out.push('\n');
        }
    }
    if !accepted.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        let title = msg!("report-accepted").text(lang);
        let _ = writeln!(out, "{}", style.paint("1", &title));
        for d in &accepted {
            out.push_str(&line(d, style, lang));
            let reason = d.accepted.as_deref().unwrap_or_default();
            let reason = msg!("report-accepted-reason", reason = reason).text(lang);
            let _ = writeln!(out, "\n  {}", style.paint("32", &reason));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary(findings, lang));
    out
}

/// `2 errors, 1 warning in 2 files`, or `No problems found.`
pub fn summary(findings: &Diagnostics, lang: Lang) -> String {
    let (e, w) = (findings.count(Level::Error), findings.count(Level::Warning));
    let accepted = findings.accepted();
    if e + w == 0 {
        return match accepted {
            0 => msg!("report-none"),
            n => msg!("report-none-accepted", count = n),
        }
        .text(lang);
    }
    let accepted = match accepted {
        0 => String::new(),
        n => format!("; {}", msg!("report-accepted-count", count = n).text(lang)),
    };
    let files: std::collections::BTreeSet<&std::path::Path> = findings
        .iter()
        .filter(|d| d.accepted.is_none())
        .map(|d| d.file.as_path())
        .collect();
    let counted = msg!(
        "report-summary",
        errors = e,
        warnings = w,
        files = files.len()
    );
    format!("{}{accepted}", counted.text(lang))
}

/// The JSON report (`"format": "bantin.check"`, version 1). Programs read
/// `rule`, `id` and `args`, which do not change with the language or the
/// wording; `message` and `hint` are in the language of the run (`lang`).
#[derive(Debug, Serialize)]
struct JsonReport {
    format: &'static str,
    version: u32,
    lang: &'static str,
    errors: usize,
    warnings: usize,
    /// Whether the built pages' links were checked too.
    output_checked: bool,
    findings: Vec<JsonFinding>,
}

#[derive(Debug, Serialize)]
struct JsonFinding {
    /// Relative to the site root, with `/`.
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    /// A workbook's cell (`'Biểu 1'!D7`), for `bantin import`'s findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    level: &'static str,
    rule: &'static str,
    /// The message id (`data-unknown-indicator`), as the message files
    /// name it.
    id: String,
    /// Its arguments by name: texts, counts, figures (numbers), and words
    /// of their own as `{"id", "args"}`.
    args: serde_json::Map<String, serde_json::Value>,
    message: String,
    hint_id: Option<String>,
    hint: Option<String>,
    /// Why the editors accept it (`accept:` in its data file), if they
    /// do: then it does not count in `errors` and `warnings`.
    accepted: Option<String>,
}

pub fn json(findings: &Diagnostics, output_checked: bool, lang: Lang) -> String {
    let report = JsonReport {
        format: "bantin.check",
        version: 1,
        lang: lang.code(),
        errors: findings.count(Level::Error),
        warnings: findings.count(Level::Warning),
        output_checked,
        findings: findings
            .sorted()
            .into_iter()
            .map(|d| JsonFinding {
                file: crate::messages::slashed(&d.file),
                line: d.line,
                column: d.column,
                cell: d.cell.clone(),
                level: d.level.as_str(),
                rule: d.rule.name(),
                id: d.message.id.to_string(),
                args: d.message.json_args(),
                message: d.message.text(lang),
                hint_id: d.hint.as_ref().map(|h| h.id.to_string()),
                hint: d.hint.as_ref().map(|h| h.text(lang)),
                accepted: d.accepted.clone(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// The report for people, without colour: one way of listing problems.
impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&human(self, Style::Plain, Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Message;

    fn findings() -> Diagnostics {
        let mut list = Diagnostics::new();
        list.push(
            Diagnostic::warning("b.md", Message::verbatim("typed"))
                .at(3, 1)
                .rule(Rule::TypedFigure),
        );
        list.push(
            Diagnostic::error("a.yaml", msg!("data-unknown-indicator", id = "exprts"))
                .at(9, 12)
                .rule(Rule::Unit)
                .with_hint(msg!("did-you-mean", name = "exports")),
        );
        list.push(
            Diagnostic::warning("c.en.md", Message::verbatim("no en")).rule(Rule::Translation),
        );
        list
    }

    #[test]
    fn groups_by_file_and_lists_translations_last() {
        assert_eq!(
            human(&findings(), Style::Plain, Lang::En),
            "a.yaml:9:12: error: `exprts` is not in the indicator catalogue\n  hint: did you mean `exports`?\n\nb.md:3:1: warning: typed\n\nMissing translations:\nc.en.md: warning: no en\n\n1 error, 2 warnings in 3 files"
        );
        assert_eq!(
            human(&Diagnostics::new(), Style::Plain, Lang::En),
            "No problems found."
        );
    }

    #[test]
    fn speaks_vietnamese() {
        let text = human(&findings(), Style::Plain, Lang::Vi);
        assert!(text.starts_with("a.yaml:9:12: lỗi: "), "{text}");
        assert!(text.contains("gợi ý: "), "{text}");
        assert!(text.ends_with("1 lỗi, 2 cảnh báo trong 3 tệp"), "{text}");
        assert_eq!(
            human(&Diagnostics::new(), Style::Plain, Lang::Vi),
            "Không có vấn đề nào."
        );
    }

    #[test]
    fn colours_only_when_asked() {
        let d = findings();
        assert!(!human(&d, Style::Plain, Lang::En).contains('\x1b'));
        assert!(human(&d, Style::Colour, Lang::En).contains("\x1b[1;31merror\x1b[0m"));
    }

    #[test]
    fn json_has_a_stable_shape_whatever_the_language() {
        for lang in Lang::ALL {
            let v: serde_json::Value =
                serde_json::from_str(&json(&findings(), true, lang)).unwrap();
            assert_eq!(v["format"], "bantin.check");
            assert_eq!(v["version"], 1);
            assert_eq!(v["lang"], lang.code());
            assert_eq!(v["errors"], 1);
            assert_eq!(v["warnings"], 2);
            assert_eq!(v["findings"][0]["file"], "a.yaml");
            assert_eq!(v["findings"][0]["rule"], "consistency/unit");
            assert_eq!(v["findings"][0]["id"], "data-unknown-indicator");
            assert_eq!(v["findings"][0]["args"]["id"], "exprts");
            assert_eq!(v["findings"][0]["hint_id"], "did-you-mean");
            assert_eq!(v["findings"][2]["line"], serde_json::Value::Null);
        }
    }
}

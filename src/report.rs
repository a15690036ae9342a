//! How findings are shown: for people (grouped by file, a summary, colour
//! on a terminal) and for programs (`--format json`, a stable schema
//! documented in the README).

use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::Rule;
use crate::diagnostic::{Diagnostic, Diagnostics, Level};

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
pub fn line(d: &Diagnostic, style: Style) -> String {
    let level = match d.level {
        Level::Error => style.paint("1;31", "error"),
        Level::Warning => style.paint("1;33", "warning"),
    };
    let mut out = format!(
        "{}: {level}: {}",
        style.paint("1", &d.location()),
        d.message
    );
    if let Some(hint) = &d.hint {
        let _ = write!(out, "\n  {}", style.paint("36", &format!("hint: {hint}")));
    }
    out
}

/// The report for people: findings grouped by file (a blank line between
/// files), missing translations listed together at the end, then a count.
pub fn human(findings: &Diagnostics, style: Style) -> String {
    let sorted = findings.sorted();
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
        out.push_str(&line(d, style));
        out.push('\n');
    }
    if !translations.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", style.paint("1", "Missing translations:"));
        for d in &translations {
            out.push_str(&line(d, style));
            out.push('\n');
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary(findings));
    out
}

/// `2 errors, 1 warning in 2 files`, or `No problems found.`
pub fn summary(findings: &Diagnostics) -> String {
    let (e, w) = (findings.count(Level::Error), findings.count(Level::Warning));
    if e + w == 0 {
        return "No problems found.".to_owned();
    }
    let files: std::collections::BTreeSet<&std::path::Path> =
        findings.iter().map(|d| d.file.as_path()).collect();
    format!(
        "{e} error{}, {w} warning{} in {} file{}",
        plural(e),
        plural(w),
        files.len(),
        plural(files.len())
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The JSON report (`"format": "bantin.check"`, version 1).
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    version: u32,
    errors: usize,
    warnings: usize,
    /// Whether the built pages' links were checked too.
    output_checked: bool,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonFinding<'a> {
    /// Relative to the site root, with `/`.
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    level: &'static str,
    rule: &'static str,
    message: &'a str,
    hint: Option<&'a str>,
}

pub fn json(findings: &Diagnostics, output_checked: bool) -> String {
    let report = JsonReport {
        format: "bantin.check",
        version: 1,
        errors: findings.count(Level::Error),
        warnings: findings.count(Level::Warning),
        output_checked,
        findings: findings
            .sorted()
            .into_iter()
            .map(|d| JsonFinding {
                file: d
                    .file
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
                line: d.line,
                column: d.column,
                level: d.level.as_str(),
                rule: d.rule.name(),
                message: &d.message,
                hint: d.hint.as_deref(),
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
        f.write_str(&human(self, Style::Plain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings() -> Diagnostics {
        let mut list = Diagnostics::new();
        list.push(
            Diagnostic::warning("b.md", "typed")
                .at(3, 1)
                .rule(Rule::TypedFigure),
        );
        list.push(
            Diagnostic::error("a.yaml", "slip")
                .at(9, 12)
                .rule(Rule::Unit)
                .with_hint("write 19000"),
        );
        list.push(Diagnostic::warning("c.en.md", "no en").rule(Rule::Translation));
        list
    }

    #[test]
    fn groups_by_file_and_lists_translations_last() {
        assert_eq!(
            human(&findings(), Style::Plain),
            "a.yaml:9:12: error: slip\n  hint: write 19000\n\nb.md:3:1: warning: typed\n\nMissing translations:\nc.en.md: warning: no en\n\n1 error, 2 warnings in 3 files"
        );
        assert_eq!(
            human(&Diagnostics::new(), Style::Plain),
            "No problems found."
        );
    }

    #[test]
    fn colours_only_when_asked() {
        let d = findings();
        assert!(!human(&d, Style::Plain).contains('\x1b'));
        assert!(human(&d, Style::Colour).contains("\x1b[1;31merror\x1b[0m"));
    }

    #[test]
    fn json_has_a_stable_shape() {
        let v: serde_json::Value = serde_json::from_str(&json(&findings(), true)).unwrap();
        assert_eq!(v["format"], "bantin.check");
        assert_eq!(v["version"], 1);
        assert_eq!(v["errors"], 1);
        assert_eq!(v["warnings"], 2);
        assert_eq!(v["findings"][0]["file"], "a.yaml");
        assert_eq!(v["findings"][0]["rule"], "consistency/unit");
        assert_eq!(v["findings"][2]["line"], serde_json::Value::Null);
    }
}

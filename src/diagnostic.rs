//! Problems found while loading and checking a site: each names its file,
//! line and column where known, says what is wrong and how to fix it.
//!
//! Every stage collects problems instead of stopping at the first one, so an
//! editor sees the whole list at once.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{Lang, Message};

/// How serious a problem is: errors stop a build, warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// The rules, as reports name them (`--format json` carries the name).
/// The names are part of the JSON format: renaming one is a breaking
/// change.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Rule {
    /// Syntax, unknown keys, wrong types, periods, ids, the catalogue.
    Form,
    /// A figure outside its field's sense: a negative level, a share over 100.
    Sense,
    /// A level with more decimals than its indicator shows (`6.650`).
    Decimals,
    /// A `{{ … }}` call that names nothing the data has.
    Call,
    /// A figure typed into a narrative instead of a `value()` call.
    TypedFigure,
    /// A sentence or paragraph written twice.
    Repeated,
    /// A link in a narrative to an address of the site that does not exist.
    DeadLink,
    /// `growth_yoy`/`growth_prev` against the levels they compare.
    Growth,
    /// A level about 1,000 or 1,000,000 times off its series.
    Unit,
    /// Months, quarters and halves against the periods they make up.
    Sum,
    /// `plan_attainment` against the level and the planned growth.
    Plan,
    /// Shares of one breakdown that add up to more than 100%.
    Shares,
    /// A text missing in one of the site's languages.
    Translation,
    /// A link or asset in a generated page that leads nowhere.
    OutputLink,
    /// The theme's templates.
    Theme,
    /// An `accept:` of a data file that no longer matches a warning.
    Accept,
    /// The releases against the release calendar.
    Calendar,
    /// What a release states again of earlier periods.
    Revisions,
}

impl Rule {
    /// Every rule, for `accept:` to name one.
    pub const ALL: [Rule; 18] = [
        Rule::Form,
        Rule::Sense,
        Rule::Decimals,
        Rule::Call,
        Rule::TypedFigure,
        Rule::Repeated,
        Rule::DeadLink,
        Rule::Growth,
        Rule::Unit,
        Rule::Sum,
        Rule::Plan,
        Rule::Shares,
        Rule::Translation,
        Rule::OutputLink,
        Rule::Theme,
        Rule::Accept,
        Rule::Calendar,
        Rule::Revisions,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Form => "form",
            Rule::Sense => "form/sense",
            Rule::Decimals => "form/decimals",
            Rule::Call => "narrative/call",
            Rule::TypedFigure => "narrative/typed-figure",
            Rule::Repeated => "narrative/repeated",
            Rule::DeadLink => "narrative/dead-link",
            Rule::Growth => "consistency/growth",
            Rule::Unit => "consistency/unit",
            Rule::Sum => "consistency/sum",
            Rule::Plan => "consistency/plan",
            Rule::Shares => "consistency/shares",
            Rule::Translation => "translation",
            Rule::OutputLink => "output/link",
            Rule::Theme => "theme",
            Rule::Accept => "accept",
            Rule::Calendar => "calendar",
            Rule::Revisions => "revisions",
        }
    }
}

/// One problem, at one place. (Serialized as is in the build record,
/// which keeps the findings of each release's rules; the report's JSON
/// is `report.rs`'s.)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line, where a parser or locator knows it.
    pub line: Option<usize>,
    /// 1-based column (in characters), where known.
    pub column: Option<usize>,
    /// In a workbook: the cell, with its sheet (`'Biểu 1'!D7`), in
    /// place of a line.
    #[serde(default)]
    pub cell: Option<String>,
    /// What is wrong, to be put into the reader's words ([`Message`]).
    pub message: Message,
    /// What the editor can do about it.
    pub hint: Option<Message>,
    /// The rule that found it (`consistency/growth`), for `--format json`
    /// and for grouping.
    pub rule: Rule,
    /// Why the editors accept it (`accept:` in its data file): then it is
    /// listed but no longer counts.
    #[serde(default)]
    pub accepted: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: Message) -> Self {
        Diagnostic {
            level: Level::Error,
            file: file.into(),
            line: None,
            column: None,
            cell: None,
            message,
            hint: None,
            rule: Rule::Form,
            accepted: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: Message) -> Self {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn at_opt(mut self, position: Option<(usize, usize)>) -> Self {
        if let Some((line, column)) = position {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    /// At a cell of a workbook: `'Biểu 1'!D7`.
    pub fn in_cell(mut self, cell: impl Into<String>) -> Self {
        self.cell = Some(cell.into());
        self
    }

    pub fn rule(mut self, rule: Rule) -> Self {
        self.rule = rule;
        self
    }

    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<Message>) -> Self {
        if hint.is_some() {
            self.hint = hint;
        }
        self
    }

    /// `path:line:col`, as editors and terminals understand it.
    pub fn location(&self) -> String {
        let file = self.file.display();
        if let Some(cell) = &self.cell {
            return format!("{file}:{cell}");
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => format!("{file}"),
        }
    }
}

impl Diagnostic {
    /// `path:line:col: error: message`, its hint below, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}: {}: {}",
            self.location(),
            crate::msg!("level", level = self.level.as_str()).text(lang),
            self.message.text(lang)
        );
        if let Some(hint) = &self.hint {
            out.push_str("\n  ");
            out.push_str(&crate::msg!("hint", hint = hint.text(lang)).text(lang));
        }
        out
    }
}

/// In English (logs and tests); reports use [`Diagnostic::text`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The problems of one run, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Whether any error stands (an accepted finding does not count).
    pub fn has_errors(&self) -> bool {
        self.items
            .iter()
            .any(|d| d.level == Level::Error && d.accepted.is_none())
    }

    /// The findings of `level` that count (not accepted).
    pub fn count(&self, level: Level) -> usize {
        self.items
            .iter()
            .filter(|d| d.level == level && d.accepted.is_none())
            .count()
    }

    /// The findings accepted in the data (`accept:`).
    pub fn accepted(&self) -> usize {
        self.items.iter().filter(|d| d.accepted.is_some()).count()
    }

    /// The findings that count: without those accepted in the data.
    pub fn counted(&self) -> Diagnostics {
        Diagnostics {
            items: self
                .items
                .iter()
                .filter(|d| d.accepted.is_none())
                .cloned()
                .collect(),
        }
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Diagnostic> {
        self.items.iter_mut()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, then position, so a report reads file by file.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.level).cmp(&(&b.file, b.line, b.column, b.level))
        });
        v
    }

    /// The same problem found once per language is reported once.
    pub fn deduplicated(mut self) -> Diagnostics {
        let mut seen = std::collections::HashSet::new();
        self.items.retain(|d| {
            seen.insert((
                d.file.clone(),
                d.line,
                d.column,
                d.level,
                d.message.clone(),
                d.hint.clone(),
            ))
        });
        self
    }
}

/// A path shown relative to the site root when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The closest candidate to a misspelt name, for "did you mean" hints.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(name, c);
        // Allow roughly one typo per three characters, so "growth_yo" finds
        // "growth_yoy" but "rice" does not find "iip".
        // Of two as close, the first in alphabetical order, so the hint
        // does not depend on the order the candidates came in.
        let better = best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc));
        if d <= (name.chars().count().max(3) / 3).max(1) && better {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance: a swap of two neighbours ("valeu")
/// counts as one typo, like a missing or a wrong letter.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["value", "growth_yoy", "growth_prev", "share"];
        assert_eq!(did_you_mean("growth_yo", fields), Some("growth_yoy"));
        assert_eq!(did_you_mean("valeu", fields), Some("value"));
        assert_eq!(did_you_mean("population", fields), None);
    }

    #[test]
    fn displays_location_and_hint() {
        let d = Diagnostic::error("content/a.yaml", Message::verbatim("bad"))
            .at(3, 7)
            .with_hint(Message::verbatim("fix it"));
        assert_eq!(
            d.to_string(),
            "content/a.yaml:3:7: error: bad\n  hint: fix it"
        );
        assert_eq!(
            d.text(Lang::Vi),
            "content/a.yaml:3:7: lỗi: bad\n  gợi ý: fix it"
        );
    }
}

//! Narratives (`index.vi.md`, pages): YAML front matter, Markdown, and the
//! calls that bring figures in: `{{ value("exports") }}`, `{{ change(…) }}`,
//! `{{ chart(…) }}`, `{{ table(…) }}`.
//!
//! The calls are a small language of their own rather than Tera: editors
//! write positional arguments, which Tera does not have, and a narrow
//! language can name the exact line and column of every mistake.
//!
//! Reading a narrative splits its front matter off (`front_matter`),
//! finds its calls (`calls`) and its links; `resolve` says what a
//! call names in the site's figures; `html` turns the Markdown into
//! HTML with each call's HTML in its place.

mod calls;
mod front_matter;
mod html;
mod resolve;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag};

pub(crate) use resolve::{Figures, Resolved, SET_ASIDE, resolve};

use serde_yaml::Value;

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::yaml::{self, Source, YamlPath};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Value,
    Change,
    Chart,
    Table,
}

impl Func {
    const NAMES: [&str; 4] = ["value", "change", "chart", "table"];

    fn parse(s: &str) -> Option<Func> {
        Some(match s {
            "value" => Func::Value,
            "change" => Func::Change,
            "chart" => Func::Chart,
            "table" => Func::Table,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Charts and tables are blocks; they stand on a line of their own.
    pub fn is_block(self) -> bool {
        matches!(self, Func::Chart | Func::Table)
    }
}

/// One `{{ … }}` call, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub func: Func,
    /// The indicator or breakdown id.
    pub target: String,
    /// The field (second argument, or `field=`).
    pub field: Option<String>,
    /// `period="2021-03"`: a figure of another release.
    pub period: Option<String>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct Narrative {
    /// The file, as shown in messages.
    pub file: PathBuf,
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Markdown with each call replaced by a placeholder.
    body: String,
    pub calls: Vec<Call>,
    /// The Markdown as written (after the front matter), for the checks
    /// that point at a place in the text.
    pub source: String,
    /// The line of the file where `source` starts.
    pub source_line: usize,
    /// Every link and image address, where it is written: read once here,
    /// checked against the site's pages on every build.
    pub links: Vec<WrittenLink>,
}

/// A link or image address in a narrative.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenLink {
    pub href: String,
    pub line: usize,
    pub column: usize,
}

const FRONT_KEYS: [&str; 2] = ["title", "summary"];

/// Marks a call's place in the Markdown: characters of Unicode's private
/// use area, which no editor types.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl Narrative {
    pub fn parse(text: &str, shown: &Path) -> Result<Narrative, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let (front, body, body_line) = front_matter::split(text, shown)?;
        let (mut title, mut summary) = (None, None);
        if let Some(front) = front {
            let src = Source {
                shown,
                text: &front,
            };
            let shift = |d: Diagnostic| Diagnostic {
                line: d.line.map(|l| l + 1),
                ..d
            };
            match yaml::parse(&front) {
                Err(e) => problems.push(shift(e.diagnostic(shown))),
                Ok(Value::Null) => {}
                Ok(Value::Mapping(m)) => {
                    for (k, v) in &m {
                        let key = yaml::key_text(k);
                        let at = YamlPath::root().key(&key);
                        let text = match v {
                            Value::String(s) => Some(s.trim().to_owned()),
                            Value::Null => None,
                            other => {
                                problems.push(shift(src.error(
                                    &at,
                                    false,
                                    msg!(
                                        "front-matter-not-text",
                                        key = &key,
                                        found = yaml::kind_of(other)
                                    ),
                                )));
                                None
                            }
                        };
                        match key.as_str() {
                            "title" => title = text,
                            "summary" => summary = text,
                            _ => problems.push(shift(src.unknown_key(
                                &YamlPath::root(),
                                &key,
                                msg!("what-front-matter-key"),
                                &FRONT_KEYS,
                            ))),
                        }
                    }
                }
                Ok(_) => problems
                    .push(Diagnostic::error(shown, msg!("front-matter-not-mapping")).at(2, 1)),
            }
        }
        let source = body.to_owned();
        let links = links(&source, body_line);
        let (body, calls) = calls::extract_calls(body, body_line, shown, &mut problems);
        if problems.is_empty() {
            Ok(Narrative {
                file: shown.to_path_buf(),
                title,
                summary,
                body,
                calls,
                source,
                source_line: body_line,
                links,
            })
        } else {
            Err(problems)
        }
    }
}

/// The links and images of Markdown `source` that starts on line `first`.
fn links(source: &str, first: usize) -> Vec<WrittenLink> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(source, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let (line, column) = position(source, first, range.start);
                Some(WrittenLink {
                    href: dest_url.into_string(),
                    line,
                    column,
                })
            }
            _ => None,
        })
        .collect()
}

/// Lines and columns of many places in one text: the line starts are
/// found once, so each place costs a binary search and its own line's
/// characters, not a scan of the text before it.
pub struct Positions<'a> {
    source: &'a str,
    first: usize,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub fn new(source: &'a str, first: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Positions {
            source,
            first,
            starts,
        }
    }

    /// As [`position`].
    pub fn at(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.source[self.starts[line]..offset].chars().count() + 1;
        (self.first + line, column)
    }
}

/// The line and column (1-based, in characters) of byte `offset` of a
/// text that starts on line `first` of its file.
pub fn position(source: &str, first: usize, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count();
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (first + line, column)
}

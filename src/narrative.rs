//! Narratives (`index.vi.md`, pages): YAML front matter, Markdown, and the
//! calls that bring figures in: `{{ value("exports") }}`, `{{ change(…) }}`,
//! `{{ chart(…) }}`, `{{ table(…) }}`.
//!
//! The calls are a small language of their own rather than Tera: editors
//! write positional arguments, which Tera does not have, and a narrow
//! language can name the exact line and column of every mistake.

use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag};
use serde_yaml::Value;

use crate::diagnostic::{Diagnostic, did_you_mean};
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
    pub links: Vec<Link>,
}

/// A link or image address in a narrative.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub href: String,
    pub line: usize,
    pub column: usize,
}

const FRONT_KEYS: [&str; 2] = ["title", "summary"];
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl Narrative {
    pub fn parse(text: &str, shown: &Path) -> Result<Narrative, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let (front, body, body_line) = split_front_matter(text, shown)?;
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
                Err(e) => problems.push(shift(
                    Diagnostic::error(shown, e.message).at_opt(e.position),
                )),
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
                                    format!("`{key}` must be text, found {}", yaml::kind_of(other)),
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
                                "front matter key",
                                &FRONT_KEYS,
                            ))),
                        }
                    }
                }
                Ok(_) => problems.push(
                    Diagnostic::error(shown, "the front matter must be `key: value` lines")
                        .at(2, 1),
                ),
            }
        }
        let source = body.to_owned();
        let links = links(&source, body_line);
        let (body, calls) = extract_calls(body, body_line, shown, &mut problems);
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

    /// Markdown to HTML; `call_html(i)` gives the HTML of call `i`.
    /// Root-relative links get the site's base path; headings move one
    /// level down when the text uses `#`, as the page title is the `h1`.
    pub fn to_html(&self, base_path: &str, call_html: &dyn Fn(usize) -> String) -> String {
        let options =
            Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        let demote = self.body.lines().any(|l| l.starts_with("# ") || l == "#");
        let events = Parser::new_ext(&self.body, options).map(|ev| match ev {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: rebase(dest_url, base_path),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: rebase(dest_url, base_path),
                title,
                id,
            }),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) if demote => Event::Start(Tag::Heading {
                level: lower(level),
                id,
                classes,
                attrs,
            }),
            Event::End(pulldown_cmark::TagEnd::Heading(level)) if demote => {
                Event::End(pulldown_cmark::TagEnd::Heading(lower(level)))
            }
            other => other,
        });
        let mut html = String::with_capacity(self.body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events);
        substitute(&html, call_html)
    }
}

/// The links and images of Markdown `source` that starts on line `first`.
fn links(source: &str, first: usize) -> Vec<Link> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(source, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let (line, column) = position(source, first, range.start);
                Some(Link {
                    href: dest_url.into_string(),
                    line,
                    column,
                })
            }
            _ => None,
        })
        .collect()
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

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn rebase<'a>(url: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    match url.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') && base_path != "/" => {
            format!("{base_path}{rest}").into()
        }
        _ => url,
    }
}

/// Replaces placeholders; a block placeholder alone in a paragraph takes
/// the paragraph's place.
fn substitute(html: &str, call_html: &dyn Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else { break };
        let index: usize = after[..end].parse().unwrap_or(usize::MAX);
        let mut before = &rest[..start];
        let mut tail = &after[end + CLOSE.len_utf8()..];
        if before.ends_with("<p>") && tail.starts_with("</p>") {
            let h = call_html(index);
            if h.starts_with("<figure") || h.starts_with("<div") {
                before = &before[..before.len() - 3];
                tail = &tail[4..];
            }
            out.push_str(before);
            out.push_str(&h);
        } else {
            out.push_str(before);
            out.push_str(&call_html(index));
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Splits `---` front matter off. Returns (front matter, body, the 1-based
/// line where the body starts).
fn split_front_matter<'a>(
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
        Diagnostic::error(
            shown,
            "the front matter that starts on line 1 is never closed",
        )
        .at(1, 1)
        .with_hint("did you forget the closing `---` line after `title:` and `summary:`?"),
    ])
}

/// Finds the `{{ … }}` calls, checks their form and puts placeholders in
/// their place.
fn extract_calls(
    body: &str,
    first_line: usize,
    shown: &Path,
    problems: &mut Vec<Diagnostic>,
) -> (String, Vec<Call>) {
    let mut out = String::with_capacity(body.len());
    let mut calls = Vec::new();
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let line_no = first_line + i;
        let mut rest = line;
        let mut col_base = 0; // characters consumed before `rest`
        let mut line_out = String::new();
        let mut alone_block = None;
        while let Some(start) = rest.find("{{") {
            let column = col_base + rest[..start].chars().count() + 1;
            line_out.push_str(&rest[..start]);
            let inner_start = start + 2;
            let Some(len) = rest[inner_start..].find("}}") else {
                problems.push(
                    Diagnostic::error(shown, "this `{{` is never closed on its line")
                        .at(line_no, column)
                        .with_hint("a call is written whole on one line: {{ value(\"exports\") }}"),
                );
                line_out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let inner = &rest[inner_start..inner_start + len];
            match parse_call(inner) {
                Ok((func, target, field, period)) => {
                    let whole = &rest[start..inner_start + len + 2];
                    let is_alone = line.trim() == whole;
                    if func.is_block() && !is_alone {
                        problems.push(
                            Diagnostic::error(shown, format!("{}() makes a chart or table: it must stand on a line of its own", func.name()))
                                .at(line_no, column)
                                .with_hint("put the call on its own line, with an empty line before and after"),
                        );
                    }
                    let index = calls.len();
                    calls.push(Call {
                        func,
                        target,
                        field,
                        period,
                        line: line_no,
                        column,
                    });
                    if func.is_block() && is_alone {
                        alone_block = Some(index);
                    }
                    line_out.push_str(&format!("{OPEN}{index}{CLOSE}"));
                }
                Err((offset, message, hint)) => {
                    let col = column + 2 + inner[..offset.min(inner.len())].chars().count();
                    problems.push(
                        Diagnostic::error(shown, message)
                            .at(line_no, col)
                            .with_hint_opt(hint),
                    );
                }
            }
            col_base += rest[..inner_start + len + 2].chars().count();
            rest = &rest[inner_start + len + 2..];
        }
        line_out.push_str(rest);
        match alone_block {
            // A block call becomes a paragraph of its own, whatever the
            // editor left around it.
            Some(index) => out.push_str(&format!("\n{OPEN}{index}{CLOSE}\n\n")),
            None => out.push_str(&line_out),
        }
    }
    (out, calls)
}

type Parsed = (Func, String, Option<String>, Option<String>);
type ParseError = (usize, String, Option<String>);

/// `value("exports", "growth_yoy", period="2021-03")`; errors carry the
/// byte offset inside the braces.
fn parse_call(inner: &str) -> Result<Parsed, ParseError> {
    let mut p = Cursor { s: inner, pos: 0 };
    p.skip_ws();
    let name_at = p.pos;
    let name = p.ident();
    if name.is_empty() {
        return Err((
            name_at,
            "expected a call such as value(\"exports\") inside {{ }}".into(),
            None,
        ));
    }
    let Some(func) = Func::parse(name) else {
        let hint = did_you_mean(name, Func::NAMES).map_or_else(
            || "the calls are value(), change(), chart() and table()".to_owned(),
            |s| format!("did you mean `{s}`?"),
        );
        return Err((name_at, format!("unknown call `{name}`"), Some(hint)));
    };
    p.skip_ws();
    if !p.eat('(') {
        return Err((
            p.pos,
            format!("expected `(` after {name}"),
            Some(format!("write {name}(\"id\")")),
        ));
    }
    let mut positional = Vec::new();
    let (mut field, mut period) = (None, None);
    loop {
        p.skip_ws();
        if p.eat(')') {
            break;
        }
        if !positional.is_empty() || field.is_some() || period.is_some() {
            if !p.eat(',') {
                return Err((p.pos, "expected `,` or `)` between arguments".into(), None));
            }
            p.skip_ws();
        }
        let at = p.pos;
        if let Some(s) = p.string()? {
            if field.is_some() || period.is_some() {
                return Err((
                    at,
                    "a plain argument cannot follow a named one".into(),
                    None,
                ));
            }
            positional.push(s);
            continue;
        }
        let key = p.ident();
        p.skip_ws();
        if key.is_empty() || !p.eat('=') {
            return Err((
                at,
                "expected a quoted id such as \"exports\", or period=\"…\"".into(),
                Some("ids are written in quotes: value(\"exports\")".into()),
            ));
        }
        p.skip_ws();
        let vat = p.pos;
        let Some(value) = p.string()? else {
            return Err((vat, format!("expected a quoted value after {key}="), None));
        };
        match key {
            "period" => period = Some(value),
            "field" => field = Some(value),
            _ => {
                return Err((
                    at,
                    format!("unknown argument `{key}`"),
                    Some("the named arguments are period= and field=".into()),
                ));
            }
        }
    }
    p.skip_ws();
    if p.pos < inner.len() {
        return Err((p.pos, "unexpected text after the call".into(), None));
    }
    let mut positional = positional.into_iter();
    let Some(target) = positional.next() else {
        return Err((
            name_at,
            format!("{name}() needs the id of an indicator or breakdown"),
            Some(format!("write {name}(\"exports\")")),
        ));
    };
    if let Some(f) = positional.next() {
        if field.is_some() {
            return Err((name_at, "the field is given twice".into(), None));
        }
        field = Some(f);
    }
    if positional.next().is_some() {
        return Err((
            name_at,
            format!("{name}() takes at most two plain arguments"),
            None,
        ));
    }
    Ok((func, target, field, period))
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn skip_ws(&mut self) {
        while self.s[self.pos..].starts_with([' ', '\t']) {
            self.pos += 1;
        }
    }
    fn eat(&mut self, c: char) -> bool {
        if self.s[self.pos..].starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> &'a str {
        let start = self.pos;
        while self.s[self.pos..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            self.pos += 1;
        }
        &self.s[start..self.pos]
    }
    /// A quoted string; `Ok(None)` when there is no quote here. Curly
    /// quotes, which word processors put in, are accepted too.
    fn string(&mut self) -> Result<Option<String>, ParseError> {
        let rest = &self.s[self.pos..];
        let Some(open) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '“' | '‘'))
        else {
            return Ok(None);
        };
        let closers: &[char] = match open {
            '"' => &['"'],
            '\'' => &['\''],
            '“' => &['”', '"'],
            _ => &['’', '\''],
        };
        let body = &rest[open.len_utf8()..];
        let Some(end) = body.find(closers) else {
            return Err((self.pos, "this quote is never closed".into(), None));
        };
        let value = body[..end].to_owned();
        let close_len = body[end..].chars().next().map_or(1, char::len_utf8);
        self.pos += open.len_utf8() + end + close_len;
        Ok(Some(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Narrative, Vec<Diagnostic>> {
        Narrative::parse(text, Path::new("index.vi.md"))
    }

    #[test]
    fn reads_front_matter_and_calls() {
        let n = parse("---\ntitle: \"Quý I\"\nsummary: s\n---\n\nIIP {{ change(\"iip\") }} và {{ value('exports', period=\"2021-03\") }}.\n\n{{ chart(\"iip_by_sector\") }}\n").unwrap();
        assert_eq!(n.title.as_deref(), Some("Quý I"));
        assert_eq!(n.calls.len(), 3);
        assert_eq!(
            (
                n.calls[0].func,
                n.calls[0].target.as_str(),
                n.calls[0].line,
                n.calls[0].column
            ),
            (Func::Change, "iip", 6, 5)
        );
        assert_eq!(n.calls[1].period.as_deref(), Some("2021-03"));
        let html = n.to_html("/", &|i| {
            if i == 2 {
                "<figure>F</figure>".into()
            } else {
                format!("<b>{i}</b>")
            }
        });
        assert_eq!(
            html,
            "<p>IIP <b>0</b> và <b>1</b>.</p>\n<figure>F</figure>\n"
        );
    }

    #[test]
    fn call_errors_name_line_and_column() {
        let e = parse("---\ntitle: x\n---\nA {{ valeu(\"x\") }}\nB {{ chart(\"s\") }} here\nC {{ value(exports) }}\n").unwrap_err();
        let got: Vec<(Option<usize>, Option<usize>, &str)> = e
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(4), Some(6), "unknown call `valeu`"),
                (
                    Some(5),
                    Some(3),
                    "chart() makes a chart or table: it must stand on a line of its own"
                ),
                (
                    Some(6),
                    Some(12),
                    "expected a quoted id such as \"exports\", or period=\"…\""
                ),
            ]
        );
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `value`?"));
    }

    #[test]
    fn unclosed_front_matter_is_explained() {
        let e = parse("---\ntitle: x\n\nText\n").unwrap_err();
        assert!(e[0].hint.as_deref().unwrap().contains("closing `---`"));
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let e = parse("---\ntitle: x\ntitel: y\n---\n").unwrap_err();
        assert_eq!(
            (e[0].line, e[0].message.as_str()),
            (Some(3), "unknown front matter key `titel`")
        );
    }

    #[test]
    fn rebases_root_relative_links_and_demotes_headings() {
        let n = parse("# Head\n\nSee [Q1](/2021-q1/) and [x](https://a.vn/).\n").unwrap();
        let html = n.to_html("/bantin/", &|_| String::new());
        assert!(html.contains("<h2>Head</h2>"), "{html}");
        assert!(html.contains("href=\"/bantin/2021-q1/\""), "{html}");
        assert!(html.contains("href=\"https://a.vn/\""), "{html}");
    }
}

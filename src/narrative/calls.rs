//! The calls of a narrative: `{{ value("exports") }}` and its kin, found
//! line by line, parsed with their exact column, and replaced by
//! placeholders in the Markdown.

use std::path::Path;

use super::{CLOSE, Call, Func, OPEN};
use crate::diagnostic::{Diagnostic, did_you_mean};

/// Finds the `{{ … }}` calls, checks their form and puts placeholders in
/// their place.
pub(super) fn extract_calls(
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

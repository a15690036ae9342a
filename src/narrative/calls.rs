//! The calls of a narrative: `{{ value("exports") }}` and its kin, found
//! line by line, parsed with their exact column, and replaced by
//! placeholders in the Markdown.

use std::path::Path;

use super::{CLOSE, Call, Func, OPEN};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::messages::Message;
use crate::msg;

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
                    Diagnostic::error(shown, msg!("call-unclosed"))
                        .at(line_no, column)
                        .with_hint(msg!("call-unclosed-hint")),
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
                            Diagnostic::error(
                                shown,
                                msg!("call-block-not-alone", name = func.name()),
                            )
                            .at(line_no, column)
                            .with_hint(msg!("call-block-not-alone-hint")),
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
type ParseError = (usize, Message, Option<Message>);

/// `value("exports", "growth_yoy", period="2021-03")`; errors carry the
/// byte offset inside the braces.
fn parse_call(inner: &str) -> Result<Parsed, ParseError> {
    let mut p = Cursor { s: inner, pos: 0 };
    p.skip_ws();
    let name_at = p.pos;
    let name = p.ident();
    if name.is_empty() {
        return Err((name_at, msg!("call-empty"), None));
    }
    let Some(func) = Func::parse(name) else {
        let hint = did_you_mean(name, Func::NAMES).map_or_else(
            || msg!("call-unknown-hint"),
            |s| msg!("did-you-mean", name = s),
        );
        return Err((name_at, msg!("call-unknown", name = name), Some(hint)));
    };
    p.skip_ws();
    if !p.eat('(') {
        return Err((
            p.pos,
            msg!("call-no-paren", name = name),
            Some(msg!("call-write", call = format!("{name}(\"id\")"))),
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
                return Err((p.pos, msg!("call-no-comma"), None));
            }
            p.skip_ws();
        }
        let at = p.pos;
        if let Some(s) = p.string()? {
            if field.is_some() || period.is_some() {
                return Err((at, msg!("call-plain-after-named"), None));
            }
            positional.push(s);
            continue;
        }
        let key = p.ident();
        p.skip_ws();
        if key.is_empty() || !p.eat('=') {
            return Err((
                at,
                msg!("call-expected-id"),
                Some(msg!("call-expected-id-hint")),
            ));
        }
        p.skip_ws();
        let vat = p.pos;
        let Some(value) = p.string()? else {
            return Err((vat, msg!("call-expected-value", key = key), None));
        };
        match key {
            "period" => period = Some(value),
            "field" => field = Some(value),
            _ => {
                return Err((
                    at,
                    msg!("call-unknown-argument", key = key),
                    Some(msg!("call-unknown-argument-hint")),
                ));
            }
        }
    }
    p.skip_ws();
    if p.pos < inner.len() {
        return Err((p.pos, msg!("call-trailing-text"), None));
    }
    let mut positional = positional.into_iter();
    let Some(target) = positional.next() else {
        return Err((
            name_at,
            msg!("call-no-id", name = name),
            Some(msg!("call-write", call = format!("{name}(\"exports\")"))),
        ));
    };
    if let Some(f) = positional.next() {
        if field.is_some() {
            return Err((name_at, msg!("call-field-twice"), None));
        }
        field = Some(f);
    }
    if positional.next().is_some() {
        return Err((name_at, msg!("call-too-many", name = name), None));
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
            return Err((self.pos, msg!("call-unclosed-quote"), None));
        };
        let value = body[..end].to_owned();
        let close_len = body[end..].chars().next().map_or(1, char::len_utf8);
        self.pos += open.len_utf8() + end + close_len;
        Ok(Some(value))
    }
}

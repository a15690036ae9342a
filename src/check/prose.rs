//! Rules over the text of narratives: `narrative/typed-figure` (a figure
//! of the data typed in by hand, which the other language will not follow
//! when the data change) and `narrative/repeated` (a sentence or paragraph
//! written twice, as happens when a text is pasted together).
//!
//! Both read the Markdown as written, through pulldown-cmark's offsets, so
//! they look only at prose (not code, HTML or link addresses) and can point
//! at the line and column of what they find.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Rule;
use crate::catalog::Catalog;
use crate::dataset::{Data, Field};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::Message;
use crate::msg;
use crate::narrative::{Narrative, Positions};
use crate::site::{Release, Site};

/// Sentences shorter than this may repeat on purpose ("Xem bảng dưới.").
const MIN_WORDS: usize = 5;

/// The narratives of one release.
pub fn check_release(site: &Site, b: &Release, problems: &mut Diagnostics) {
    for (lang, n) in b.narratives() {
        let blanked = blank_calls(&n.source);
        let blocks = blocks(&blanked);
        let at = Positions::new(&n.source, n.source_line);
        typed_figures(
            n,
            &at,
            &blanked,
            &blocks,
            lang,
            b.data(),
            &site.catalog,
            problems,
        );
        repeated(n, &at, &blocks, problems);
    }
}

/// The free pages (they have no figures of their own).
pub fn check_pages(site: &Site, problems: &mut Diagnostics) {
    for p in &site.pages {
        for n in p.texts.values() {
            let at = Positions::new(&n.source, n.source_line);
            repeated(n, &at, &blocks(&blank_calls(&n.source)), problems);
        }
    }
}

/// A block of prose (a paragraph, a list item, a table cell): the byte
/// ranges of its text in the narrative's source, in order.
struct Block {
    spans: Vec<Range<usize>>,
}

/// The source with each `{{ … }}` call masked (same byte length), so the
/// figures it will show are not mistaken for typed ones and offsets still
/// point into the source. The mask is `@`, which Markdown treats as plain
/// text: spaces would turn a line that starts with a call into an
/// indented code block.
fn blank_calls(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        let mut rest = line;
        while let Some(start) = rest.find("{{") {
            let Some(len) = rest[start + 2..].find("}}") else {
                break;
            };
            let end = start + 2 + len + 2;
            out.push_str(&rest[..start]);
            out.extend(std::iter::repeat_n('@', end - start));
            rest = &rest[end..];
        }
        out.push_str(rest);
    }
    out
}

fn blocks(blanked: &str) -> Vec<Block> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut in_code = 0usize;
    let mut flush = |current: &mut Vec<Range<usize>>| {
        if !current.is_empty() {
            out.push(Block {
                spans: std::mem::take(current),
            });
        }
    };
    for (event, range) in Parser::new_ext(blanked, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(_) if in_code == 0 => current.push(range),
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::Heading { .. }
                | Tag::BlockQuote(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_),
            ) => flush(&mut current),
            _ => {}
        }
    }
    flush(&mut current);
    out
}

// ---- typed figures -------------------------------------------------------

/// A number as written in prose, and where.
#[derive(Debug, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub at: usize,
    /// Written with a decimal or thousands separator.
    pub separated: bool,
    /// Followed by `%`.
    pub percent: bool,
}

/// The numbers in `text` that may be figures: not part of a word
/// (`COVID-19`, `Q1`), a date (`01/04/2021`, `2021-03`) or a code.
pub fn numbers(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (matches!(bytes[end], b'.' | b',')
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        i = end;
        let prev = text[..start].chars().next_back();
        let prev2 = text[..start].chars().rev().nth(1);
        let glued_before = prev.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '_')
            || (prev == Some('-') && prev2.is_some_and(char::is_alphanumeric));
        let next = text[end..].chars().next();
        let next2 = text[end..].chars().nth(1);
        let glued_after = next.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '_')
            || (next == Some('-') && next2.is_some_and(|c| c.is_ascii_digit()));
        if glued_before || glued_after {
            continue;
        }
        let token = &text[start..end];
        let after = text[end..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        out.push(Token {
            text: token,
            at: start,
            separated: token.contains(['.', ',']),
            percent: after.starts_with('%'),
        });
    }
    out
}

/// A number with `group` separating thousands and `decimal` before the
/// fraction, as long as its groups are well formed (`5.718,5`, `5,718.5`).
pub fn parse_number(token: &str, group: char, decimal: char) -> Option<f64> {
    crate::dataset::grouped_number(token, group, decimal)?
        .parse()
        .ok()
}

/// The readings of a token in either language's format.
pub fn readings(token: &str) -> Vec<f64> {
    let mut v: Vec<f64> = [parse_number(token, '.', ','), parse_number(token, ',', '.')]
        .into_iter()
        .flatten()
        .collect();
    v.dedup();
    v
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The figure of `data` that `x`, written as `token`, repeats, if any:
/// a level shown with a unit (or separators), or a percentage.
fn figure_of(
    data: &Data,
    catalog: &Catalog,
    lang: &str,
    x: f64,
    token: &Token,
    after: &str,
) -> Option<(String, Field)> {
    for (id, fields) in &data.indicators {
        let ind = catalog.get(id)?;
        for (field, f) in fields.present() {
            let matches = if field == Field::Value {
                let unit = ind.unit.get(lang).unwrap_or_default().to_lowercase();
                // Only as many characters as the unit has are compared:
                // lowercasing the rest of the text, for every number in
                // it, made the check quadratic in the text's length.
                let next: String = after
                    .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
                    .chars()
                    .take(unit.chars().count())
                    .collect();
                let unit_follows =
                    !unit.is_empty() && unit != "%" && next.to_lowercase().starts_with(&unit);
                let shown = ind.decimals.map_or(f, |d| {
                    let p = 10f64.powi(i32::from(d));
                    (f * p).round() / p
                });
                (token.separated || unit_follows) && (same(x, f) || same(x, shown))
            } else {
                (token.separated || token.percent) && same(x, f.abs())
            };
            if matches {
                return Some((id.clone(), field));
            }
        }
    }
    None
}

/// The hint: the call to write instead of the typed figure.
fn call_for(id: &str, field: Field) -> Message {
    let value = format!("{{{{ value(\"{id}\", \"{field}\") }}}}");
    let change = format!("{{{{ change(\"{id}\", \"{field}\") }}}}");
    match field {
        Field::Value => msg!(
            "typed-figure-hint",
            call = format!("{{{{ value(\"{id}\") }}}}")
        ),
        Field::GrowthYoy => msg!(
            "typed-figure-change-hint",
            change = format!("{{{{ change(\"{id}\") }}}}"),
            value = value
        ),
        f if f.is_change() => msg!("typed-figure-change-hint", change = change, value = value),
        _ => msg!("typed-figure-hint", call = value),
    }
}

#[allow(clippy::too_many_arguments)]
fn typed_figures(
    n: &Narrative,
    at: &Positions,
    blanked: &str,
    blocks: &[Block],
    lang: &str,
    data: &Data,
    catalog: &Catalog,
    problems: &mut Diagnostics,
) {
    for block in blocks {
        for span in &block.spans {
            let text = &blanked[span.clone()];
            for token in numbers(text) {
                let after = &blanked[span.start + token.at + token.text.len()..];
                let found = readings(token.text)
                    .into_iter()
                    .find_map(|x| figure_of(data, catalog, lang, x, &token, after));
                let Some((id, field)) = found else { continue };
                let (line, column) = at.at(span.start + token.at);
                let shown = if token.percent {
                    format!("{}%", token.text)
                } else {
                    token.text.to_owned()
                };
                problems.push(
                    Diagnostic::warning(
                        &n.file,
                        msg!(
                            "typed-figure",
                            shown = shown,
                            id = &id,
                            field = field.name()
                        ),
                    )
                    .at(line, column)
                    .rule(Rule::TypedFigure)
                    .with_hint(call_for(&id, field)),
                );
            }
        }
    }
}

// ---- repeated sentences --------------------------------------------------

/// A block's text with the source offset of each character kept.
fn block_text(n: &Narrative, block: &Block) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut offsets = Vec::new();
    for (i, span) in block.spans.iter().enumerate() {
        if i > 0 {
            // Spans meet at line breaks and inline markup.
            text.push(' ');
            offsets.push(span.start);
        }
        // A span may end inside a masked call, which can hold any text.
        let Some(slice) = n.source.get(span.clone()) else {
            continue;
        };
        for (j, c) in slice.char_indices() {
            text.push(c);
            offsets.push(span.start + j);
        }
    }
    (text, offsets)
}

/// Splits text into sentences: (char index of the start, normalised text).
pub fn sentences(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let ends = matches!(c, '.' | '!' | '?' | '…')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if ends || i + 1 == chars.len() {
            let s: String = chars[start..=i].iter().collect();
            let norm = normalise(&s);
            if !norm.is_empty() {
                let lead = s.chars().take_while(|c| c.is_whitespace()).count();
                out.push((start + lead, norm));
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn repeated(n: &Narrative, at: &Positions, blocks: &[Block], problems: &mut Diagnostics) {
    let mut seen_blocks: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for block in blocks {
        let (text, offsets) = block_text(n, block);
        let whole = normalise(&text);
        let Some(&first) = offsets.first() else {
            continue;
        };
        let (line, column) = at.at(first);
        let many = whole.split(' ').count() >= MIN_WORDS;
        let sentences = sentences(&text);
        if many && sentences.len() > 1 {
            if let Some(&earlier) = seen_blocks.get(&whole) {
                problems.push(
                    Diagnostic::warning(&n.file, msg!("repeated-paragraph", line = earlier))
                        .at(line, column)
                        .rule(Rule::Repeated)
                        .with_hint(msg!("repeated-paragraph-hint")),
                );
                continue;
            }
            seen_blocks.insert(whole, line);
        }
        for (start, sentence) in sentences {
            if sentence.split(' ').count() < MIN_WORDS {
                continue;
            }
            let (line, column) = at.at(offsets[start]);
            match seen.get(&sentence) {
                Some(&earlier) => problems.push(
                    Diagnostic::warning(
                        &n.file,
                        if earlier == line {
                            msg!("repeated-sentence-same-line")
                        } else {
                            msg!("repeated-sentence", line = earlier)
                        },
                    )
                    .at(line, column)
                    .rule(Rule::Repeated)
                    .with_hint(msg!(
                        "repeated-sentence-hint",
                        sentence = shorten(&sentence)
                    )),
                ),
                None => {
                    seen.insert(sentence, line);
                }
            }
        }
    }
}

fn shorten(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 80 {
        s.to_owned()
    } else {
        format!("{}…", chars[..77].iter().collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn finds_figures_but_not_dates_or_codes() {
        let t = numbers(
            "đạt 5.718,5 triệu USD, tăng 25,15 %; COVID-19, quý I/2021, ngày 01/04/2021, 2021-03, 6 tháng, Q1.",
        );
        let got: Vec<(&str, bool, bool)> =
            t.iter().map(|t| (t.text, t.separated, t.percent)).collect();
        assert_eq!(
            got,
            [
                ("5.718,5", true, false),
                ("25,15", true, true),
                ("6", false, false)
            ]
        );
    }

    #[test]
    fn reads_either_language_format() {
        assert_eq!(readings("5.718,5"), [5718.5]);
        assert_eq!(readings("5,718.5"), [5718.5]);
        assert_eq!(readings("25,15"), [25.15]);
        assert_eq!(readings("135.338"), [135338.0, 135.338]);
        assert_eq!(readings("1.2.3"), Vec::<f64>::new());
    }

    #[test]
    fn sentences_split_at_stops_not_decimals() {
        let s = sentences("Xuất khẩu đạt 5.718,5 triệu USD. Nhập khẩu tăng 21,28%! Hết");
        let texts: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Xuất khẩu đạt 5.718,5 triệu USD.",
                "Nhập khẩu tăng 21,28%!",
                "Hết"
            ]
        );
        assert_eq!(s[1].0, 33);
    }

    /// `place: message` of each repeat found in a narrative.
    fn repeats(text: &str) -> Vec<String> {
        let n = Narrative::parse(text, Path::new("index.vi.md")).unwrap();
        let mut problems = Diagnostics::new();
        let at = Positions::new(&n.source, n.source_line);
        repeated(&n, &at, &blocks(&blank_calls(&n.source)), &mut problems);
        problems
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn a_repeated_sentence_is_found_where_it_repeats() {
        let got = repeats(
            "Chỉ số sản xuất công nghiệp quý I tăng mạnh. Xuất khẩu {{ change(\"exports\") }}.\n\nNgoài ra, chỉ số sản xuất công nghiệp quý I tăng mạnh. Một câu khác ngắn.\n",
        );
        assert!(
            got.is_empty(),
            "a sentence inside another is not a repeat: {got:?}"
        );
        // Calls count as written: two sentences citing different
        // indicators differ.
        let got = repeats(
            "Chỉ số sản xuất công nghiệp quý I tăng mạnh. Chỉ số sản xuất công nghiệp quý I tăng mạnh.\n\nXuất khẩu {{ change(\"exports\") }} so với cùng kỳ.\n\nXuất khẩu {{ change(\"imports\") }} so với cùng kỳ.\n",
        );
        assert_eq!(
            got,
            ["index.vi.md:1:46: this sentence is written twice on this line"]
        );
    }

    #[test]
    fn calls_with_any_text_and_calls_opening_a_line_are_safe() {
        // A call naming a period in Vietnamese (an error the call rule
        // reports) must not trip the text rules; nor a call at the start
        // of a continuation line.
        let got = repeats(
            "Xuất khẩu tăng khá so với cùng kỳ năm trước\n{{ value(\"exports\", period=\"Quý Một\") }} và hơn thế.\n\n{{ change(\"iip\") }} là mức tăng khá so với cùng kỳ.\n",
        );
        assert!(got.is_empty(), "{got:?}");
        let n = Narrative::parse(
            "{{ value(\"exports\") }} đạt 5.718,5 triệu USD.\n",
            Path::new("index.vi.md"),
        )
        .unwrap();
        let blanked = blank_calls(&n.source);
        let blocks = blocks(&blanked);
        assert_eq!(blocks.len(), 1, "a line opening with a call is prose");
        assert!(blanked[blocks[0].spans[0].clone()].contains("5.718,5"));
    }

    #[test]
    fn a_repeated_paragraph_is_one_finding() {
        let p = "Kim ngạch xuất khẩu tăng khá so với cùng kỳ. Nhập khẩu cũng tăng nhờ nhu cầu nguyên liệu.";
        assert_eq!(
            repeats(&format!("---\ntitle: T\n---\n{p}\n\n{p}\n")),
            ["index.vi.md:6:1: this paragraph repeats the one on line 4"]
        );
    }
}

//! A narrative's Markdown as HTML: root-relative links under the site's
//! path, headings one level down when the text uses `#` (the page title
//! is the `h1`), each call's HTML in its placeholder's place.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag};

use super::{CLOSE, Narrative, OPEN};

impl Narrative {
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

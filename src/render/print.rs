//! The print layout of a release: the theme's `print.html`, filled with
//! the same view as the release's page and what only paper needs (a
//! cover, the definitions of the indicators, the legend of symbols, the
//! source, licence and contact). It is not published: it is the source
//! [`crate::pdf`] prints a release's PDF edition from, at the release's
//! own address, with the site's scripts.

use serde::Serialize;

use super::pages::Out;
use crate::address::{File, Page};
use crate::dataset::Status;
use crate::diagnostic::Diagnostic;
use crate::site::Release;

/// A release's print layout in one language, ready to print.
#[derive(Debug, Clone)]
pub struct PrintSource {
    /// Where its PDF is published, relative to the output folder.
    pub path: String,
    /// The release's page: the layout is loaded at its address, so its
    /// links lead where the page's do.
    pub address: String,
    /// The whole document. It loads nothing but ECharts, which the
    /// printer supplies, so its bytes are all a PDF is made from.
    pub html: String,
    /// For the PDF's metadata (its title is the layout's): the
    /// publisher, the main points.
    pub author: String,
    pub subject: String,
}

/// `print.*` in `print.html`.
#[derive(Serialize)]
struct PrintExtras {
    /// The release's address on the site, given on the cover.
    page_url: String,
    /// The running heads, as CSS strings (they go into `@page` rules).
    running: String,
    running_site: String,
    /// "Page" before the page numbers, as a CSS string.
    page_word: String,
    definitions: Vec<Definition>,
    statuses: Vec<StatusNote>,
    licence: String,
    contact: String,
    /// "The bulletin online, …", before its address.
    online: String,
}

#[derive(Serialize)]
struct Definition {
    name: String,
    unit: String,
    text: String,
}

#[derive(Serialize)]
struct StatusNote {
    name: String,
    text: String,
}

/// The release view as the page has it, with the print extras beside.
#[derive(Serialize)]
struct PrintView<'a, V: Serialize> {
    #[serde(flatten)]
    release: &'a V,
    print: PrintExtras,
}

/// Renders `print.html` for release `b` with the view its page was
/// rendered with.
pub(super) fn render<V: Serialize>(
    out: &Out,
    b: &Release,
    title: &str,
    description: &str,
    view: &V,
) -> Result<PrintSource, Diagnostic> {
    let (site, addr, words) = (out.site, out.addr, out.words);
    let lang = words.lang();
    let default = site.config.default_language.as_str();
    let text = |t: &crate::config::LocalText| t.get_or(lang, default).to_owned();
    let data = b.data();
    let definitions = site
        .catalog
        .indicators
        .iter()
        .filter(|i| data.indicators.iter().any(|(id, _)| *id == i.id))
        .filter(|i| !i.definition.is_empty())
        .map(|i| Definition {
            name: text(&i.name),
            unit: text(&i.unit),
            text: text(&i.definition),
        })
        .collect();
    let statuses = [Status::Estimate, Status::Preliminary, Status::Final]
        .into_iter()
        .map(|s| StatusNote {
            name: words.locale.status_name(s).to_owned(),
            text: words.t(&format!("print.status_{}", s.name())).to_owned(),
        })
        .collect();
    let extras = PrintExtras {
        page_url: addr.page_url(lang, Page::Release(b.slug())),
        running: css_string(title),
        running_site: css_string(&text(&site.config.publisher)),
        page_word: css_string(words.t("print.page")),
        definitions,
        statuses,
        licence: text(&site.config.licence),
        contact: text(&site.config.contact),
        online: words.t("print.online").to_owned(),
    };
    let page = Page::Release(b.slug());
    let ctx = super::context::PageContext {
        title: title.to_owned(),
        description: description.to_owned(),
        canonical: Some(addr.page_url(lang, page)),
        alternates: Vec::new(),
        x_default: None,
        missing_legend: Some(words.t("missing_legend").to_owned()),
        has_charts: true,
        og_type: None,
        page: PrintView {
            release: view,
            print: extras,
        },
    };
    let ctx = out.shared.context(addr, Some(page), &ctx)?;
    let html = out
        .theme
        .tera
        .render("print.html", &ctx)
        .map_err(|e| out.theme.diagnose(&e))?;
    Ok(PrintSource {
        address: addr.page_url(lang, page),
        path: addr.file_output(File::Pdf {
            slug: b.slug(),
            lang,
        }),
        html,
        author: text(&site.config.publisher),
        subject: description.to_owned(),
    })
}

/// `text` as the body of a CSS string (between double quotes, inside a
/// style element): quotes and backslashes escaped, line breaks and `<`
/// written as code points, so no text can end the string or the element.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '\n' | '\r' | '\u{c}' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn no_title_can_leave_its_css_string() {
        assert_eq!(css_string("Quý I/2021"), "Quý I/2021");
        assert_eq!(css_string(r#"a "b" \ c"#), r#"a \"b\" \\ c"#);
        assert_eq!(css_string("</style>\n"), "\\3c /style\\3e \\a ");
    }
}

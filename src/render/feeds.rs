//! What search engines and feed readers read: `sitemap.xml` with every
//! page and its language alternates, `robots.txt` pointing at it, and an
//! Atom feed of releases per language (`/feed.xml`, `/en/feed.xml`).
//!
//! Written as text: the formats are small and fixed, and every value goes
//! through [`xml`] escaping.

use std::fmt::Write as _;

use super::views;
use super::words::Words;
use crate::address::{Addresses, File, Page};
use crate::dataset::Date;
use crate::period::Period;
use crate::site::{Release, Site};

/// Releases a feed lists, newest first: feed readers poll a feed often,
/// and the archive lists the rest.
pub const FEED_ENTRIES: usize = 50;

/// Escapes text for XML content and attribute values: as for HTML, less
/// the control characters XML 1.0 cannot carry at all.
pub fn xml(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    super::escape_html(&kept)
}

/// `sitemap.xml`: one `<url>` per page and language, each listing the
/// page in every language it exists in (`xhtml:link` hreflang), as search
/// engines ask of multilingual sites. `pages` holds every page rendered,
/// with its language.
pub fn sitemap(addr: &Addresses, default_language: &str, pages: &[(&str, Page)]) -> String {
    // In the order of the pages' folders, so the file reads as the site.
    let mut by_folder: std::collections::BTreeMap<String, (Page, Vec<&str>)> = Default::default();
    for (lang, page) in pages {
        by_folder
            .entry(page.folder())
            .or_insert_with(|| (*page, Vec::new()))
            .1
            .push(lang);
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (page, langs) in by_folder.values() {
        for lang in langs {
            let _ = writeln!(out, "<url><loc>{}</loc>", xml(&addr.page_url(lang, *page)));
            if langs.len() > 1 {
                for alt in langs {
                    let _ = writeln!(
                        out,
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        xml(alt),
                        xml(&addr.page_url(alt, *page))
                    );
                }
                if langs.contains(&default_language) {
                    let _ = writeln!(
                        out,
                        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                        xml(&addr.page_url(default_language, *page))
                    );
                }
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be crawled; the sitemap is here.
pub fn robots(addr: &Addresses) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        addr.file_url(File::Sitemap)
    )
}

/// When a release was published, for its feed entry: its `published`
/// date, else the last day of the period it covers (the earliest it can
/// have been published), so that every entry has a date as Atom requires.
pub fn release_date(b: &Release) -> Date {
    b.data().published.unwrap_or_else(|| period_end(b.period()))
}

fn period_end(p: &Period) -> Date {
    let month = p.months().1;
    Date {
        year: p.year,
        month,
        day: Date::days_in_month(p.year, month).unwrap_or(28),
    }
}

fn rfc3339(d: &Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The Atom feed of one language: the newest releases (by date, then
/// period), each with its title, address, date and main points.
pub fn atom(
    site: &Site,
    addr: &Addresses,
    words: &Words,
    summary: &dyn Fn(&Release) -> String,
) -> String {
    let lang = words.lang();
    let fallback = &site.config.default_language;
    let mut releases: Vec<&Release> = site.releases().iter().collect();
    releases.sort_by(|a, b| {
        (release_date(b), b.period().months().1, b.period().year).cmp(&(
            release_date(a),
            a.period().months().1,
            a.period().year,
        ))
    });
    releases.truncate(FEED_ENTRIES);
    let title = site.config.title.get_or(lang, fallback);
    let updated = releases
        .iter()
        .map(|b| release_date(b))
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |d| rfc3339(&d));
    let home = addr.page_url(lang, Page::Home);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{updated}</updated>\n",
        xml(lang),
        xml(title),
        xml(&home),
        xml(&addr.file_url(File::Feed(lang))),
        xml(&home),
    );
    let publisher = site.config.publisher.get_or(lang, fallback);
    let author = if publisher.is_empty() {
        title
    } else {
        publisher
    };
    let _ = writeln!(out, "<author><name>{}</name></author>", xml(author));
    if let Some(d) = site.config.description.get(lang) {
        let _ = writeln!(out, "<subtitle>{}</subtitle>", xml(d));
    }
    for b in releases {
        let href = addr.page_url(lang, Page::Release(&b.slug()));
        let date = rfc3339(&release_date(b));
        // The PDF edition, as a file that goes with the entry.
        let pdf = if site.config.pdf {
            let url = addr.file_url(File::Pdf {
                slug: b.slug(),
                lang,
            });
            format!(
                "<link rel=\"enclosure\" type=\"application/pdf\" hreflang=\"{}\" href=\"{}\"/>\n",
                xml(lang),
                xml(&url)
            )
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n{pdf}<updated>{date}</updated>\n<published>{date}</published>\n<summary>{}</summary>\n</entry>\n",
            xml(&views::release_title(b, words)),
            xml(&href),
            xml(&href),
            xml(&summary(b)),
        );
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            xml("a < b & \"c\" 'd'\u{1}"),
            "a &lt; b &amp; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn a_release_without_a_date_is_dated_by_its_period() {
        let p = |s: &str| Period::parse(s).unwrap();
        assert_eq!(period_end(&p("2024-9M")).to_string(), "2024-09-30");
        assert_eq!(period_end(&p("2024-02")).to_string(), "2024-02-29");
        assert_eq!(period_end(&p("2023-02")).to_string(), "2023-02-28");
        assert_eq!(period_end(&p("2019")).to_string(), "2019-12-31");
        assert_eq!(period_end(&p("2021-Q1")).to_string(), "2021-03-31");
    }
}

/// The release calendar of one language as an iCalendar feed
/// ([`crate::calendar::ics`]): each release named in this language,
/// linked to its bulletin once published, else to the calendar page.
pub fn calendar(
    site: &Site,
    calendar: &crate::calendar::Calendar,
    addr: &Addresses,
    words: &Words,
) -> String {
    use crate::calendar::{Entry, Status};
    use crate::locale::fill;
    let lang = words.lang();
    let title = site
        .config
        .title
        .get_or(lang, &site.config.default_language);
    let host = addr
        .base_url()
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
    // When the calendar was made, fixed by the content so the same site
    // gives the same feed: the latest publication date, or the first day
    // of the calendar.
    let stamp = site
        .releases()
        .iter()
        .filter_map(|b| b.published())
        .max()
        .or_else(|| calendar.entries.iter().map(|e| e.when.first_day()).min())
        .unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        });
    let text =
        |t: &crate::config::LocalText| t.get_or(lang, &site.config.default_language).to_owned();
    let summary = |e: &Entry| {
        fill(
            words.t("calendar.event"),
            &[
                ("site", title),
                ("period", &words.locale.period_title(&e.period)),
            ],
        )
    };
    let description = |e: &Entry| match e.status {
        Status::Cancelled => Some(text(&e.reason)),
        _ => e.changes.last().map(|c| text(&c.reason)),
    };
    let url = |e: &Entry| match site.release(&e.period) {
        Some(b) => addr.page_url(lang, Page::Release(b.slug())),
        None => addr.page_url(lang, Page::Calendar),
    };
    crate::calendar::ics::feed(
        calendar,
        host,
        stamp,
        &crate::calendar::ics::Words {
            name: &fill(words.t("calendar.feed_name"), &[("site", title)]),
            summary: &summary,
            description: &description,
            url: &url,
        },
    )
}

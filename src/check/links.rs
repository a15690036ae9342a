//! Rules `narrative/dead-link` and `output/link`: every address inside the
//! site that a page links to, or loads a script, style or image from, is a
//! file the build produces. Narrative links are checked where the editor
//! wrote them (file, line, column); then every `href` and `src` of every
//! generated page, which also catches a site's own templates.
//!
//! Links to other hosts are not followed: checking them needs the network,
//! and a build must not depend on other sites being up.

use std::collections::HashSet;

use percent_encoding::percent_decode_str;

use super::Rule;
use crate::address::{Addresses, Page, page_file_in, page_folder_of};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::msg;
use crate::narrative::Narrative;
use crate::site::Site;

mod pages;

pub use pages::{PageLinks, check_pages};

/// Where a link leads, seen from the site.
#[derive(Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A file of the site: its path in the output (`en/2021-q1/`); a
    /// trailing `/` means the folder's `index.html`.
    Site(String),
    /// Another host, another scheme (`mailto:`), or this page itself.
    Elsewhere,
    /// Under this host but outside the site's path (`/other/` when the site
    /// lives at `/bantin/`): broken once published under a sub-path.
    Outside(String),
}

/// The site as links see it: its address and where a page sits.
pub struct Base<'a> {
    /// `https://congthuong.haiphong.gov.vn/bantin/`
    pub url: &'a str,
    /// `/bantin/`
    pub path: &'a str,
}

/// Resolves `href`, found on the page whose folder in the output is
/// `page_dir` (`en/2021-q1/`). With `site_rooted`, an address starting
/// with `/` starts at the site's root rather than the host's: narratives
/// are written that way, and the renderer adds the base path.
pub fn resolve(href: &str, page_dir: &str, base: &Base, site_rooted: bool) -> Target {
    let href = href.trim();
    let href = href.split('#').next().unwrap_or("");
    let href = href.split('?').next().unwrap_or("");
    if href.is_empty() {
        return Target::Elsewhere;
    }
    let host_part = base.url.split_once("://").map_or(base.url, |(_, r)| r);
    let rooted = if let Some(rest) = href.strip_prefix("//") {
        // Protocol-relative: ours only if it names our host and path.
        match rest.strip_prefix(host_part.trim_end_matches('/')) {
            Some("") => base.path.to_owned(),
            Some(r) if r.starts_with('/') => format!("{}{}", base.path, &r[1..]),
            _ => return Target::Elsewhere,
        }
    } else if has_scheme(href) {
        let lower = href.to_ascii_lowercase();
        let ours = base.url.to_ascii_lowercase();
        let ours_bare = ours.trim_end_matches('/');
        if lower.starts_with(&ours) {
            format!("{}{}", base.path, &href[ours.len()..])
        } else if lower == ours_bare {
            base.path.to_owned()
        } else {
            return Target::Elsewhere;
        }
    } else if let Some(rest) = href.strip_prefix('/') {
        if site_rooted {
            format!("{}{rest}", base.path)
        } else {
            href.to_owned()
        }
    } else {
        format!("{}{page_dir}{href}", base.path)
    };
    let decoded = percent_decode_str(&rooted).decode_utf8_lossy().into_owned();
    let Some(inside) = decoded.strip_prefix(base.path) else {
        return Target::Outside(rooted);
    };
    match normalise(inside) {
        Some(path) => Target::Site(path),
        None => Target::Outside(rooted),
    }
}

fn has_scheme(href: &str) -> bool {
    let Some((scheme, _)) = href.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolves `.` and `..` segments; `None` if `..` climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for seg in &segments {
        match *seg {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    // A path that ended in `/`, `.` or `..` names a folder.
    if matches!(segments[last], "" | "." | "..") && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Whether the site has a file at `path` (as [`Target::Site`] gives it):
/// a folder's `index.html`, or a file. A folder named without its slash
/// counts too, since servers redirect it.
pub fn found(path: &str, exists: &dyn Fn(&str) -> bool) -> bool {
    if path.is_empty() || path.ends_with('/') {
        exists(&page_file_in(path))
    } else {
        exists(path) || exists(&page_file_in(&format!("{path}/")))
    }
}

/// The page addresses of the site, for "did you mean" hints.
fn addresses<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    paths
        .filter_map(page_folder_of)
        .map(|p| format!("/{p}"))
        .collect()
}

/// Links in narratives, checked against the files of the build. Returns
/// the broken addresses (as [`Target`]s), which the check of the pages
/// then leaves to these findings at the narrative's line.
pub fn check_narratives(
    site: &Site,
    paths: &HashSet<&str>,
    problems: &mut Diagnostics,
) -> HashSet<Target> {
    let exists = |p: &str| paths.contains(p);
    let mut broken = HashSet::new();
    let addr = Addresses::new(&site.config);
    let base = Base {
        url: addr.base_url(),
        path: addr.base_path(),
    };
    let mut known: Option<Vec<String>> = None;
    let mut check = |n: &Narrative, dir: String| {
        for link in &n.links {
            let href = &link.href;
            let target = resolve(href, &dir, &base, true);
            let problem = match &target {
                // A page set aside for its own errors is not missing.
                Target::Site(path) if !found(path, &exists) && !site.set_aside.has_path(path) => {
                    msg!("dead-link", href = href)
                }
                Target::Outside(_) => msg!("link-leaves-site", href = href),
                _ => continue,
            };
            let (line, column) = (link.line, link.column);
            let known = known.get_or_insert_with(|| addresses(paths.iter().copied()));
            let wanted = match &target {
                Target::Site(p) => format!("/{p}"),
                _ => href.clone(),
            };
            broken.insert(target);
            let hint = match did_you_mean(&wanted, known.iter().map(String::as_str)) {
                Some(s) => msg!("did-you-mean", name = s),
                None => msg!("dead-link-hint"),
            };
            problems.push(
                Diagnostic::error(&n.file, problem)
                    .at(line, column)
                    .rule(Rule::DeadLink)
                    .with_hint(hint),
            );
        }
    };
    for b in site.releases() {
        for (lang, n) in b.narratives() {
            check(n, addr.page_key(lang, Page::Release(b.slug())));
        }
    }
    for p in &site.pages {
        for (lang, n) in &p.texts {
            check(n, addr.page_key(lang, Page::Free(&p.slug)));
        }
    }
    broken
}

/// The addresses in an HTML document: `href`, `src`, a form's `action`,
/// and `data-echarts` (the charts runtime the theme's script loads when a
/// chart comes into view); as (byte offset of the value, the value with
/// character references decoded). Comments and the insides of `<script>`
/// and `<style>` are skipped.
pub fn html_links(html: &str) -> Vec<(usize, String)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|x| x + i) {
        i = lt + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |x| i + x + 3);
            continue;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = html[i..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |x| i + x);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        // Attributes, up to the end of the tag.
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let attr_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (start, end, next) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..].find(q as char).map_or(b.len(), |x| i + 1 + x);
                    (i + 1, end, end + 1)
                }
                _ => {
                    let end = html[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(b.len(), |x| i + x);
                    (i, end, end)
                }
            };
            if matches!(attr.as_str(), "href" | "src" | "action" | "data-echarts") {
                out.push((start, decode_entities(&html[start..end.min(b.len())])));
            }
            i = next;
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            let lower_rest = html[i.min(b.len())..].to_ascii_lowercase();
            i = lower_rest.find(&close).map_or(b.len(), |x| i + x);
        }
        if i >= b.len() {
            break;
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|&x| x <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Base = Base {
        url: "https://congthuong.haiphong.gov.vn/bantin/",
        path: "/bantin/",
    };

    fn site(p: &str) -> Target {
        Target::Site(p.to_owned())
    }

    #[test]
    fn resolves_addresses_of_generated_pages() {
        let r = |h: &str| resolve(h, "en/2021-q1/", &BASE, false);
        assert_eq!(
            r("/bantin/static/style.css?v=1a2b"),
            site("static/style.css")
        );
        assert_eq!(r("/bantin/en/"), site("en/"));
        assert_eq!(r("/bantin/"), site(""));
        assert_eq!(
            r("../indicators/exports/#chart-1"),
            site("en/indicators/exports/")
        );
        assert_eq!(r("../../data/2021-q1.csv"), site("data/2021-q1.csv"));
        assert_eq!(
            r("https://congthuong.haiphong.gov.vn/bantin/2019/"),
            site("2019/")
        );
        assert_eq!(
            r("//congthuong.haiphong.gov.vn/bantin/2019/"),
            site("2019/")
        );
        assert_eq!(r("/bantin/data/T%E1%BB%95ng.csv"), site("data/Tổng.csv"));
        assert_eq!(r("#top"), Target::Elsewhere);
        assert_eq!(r("mailto:sct@haiphong.gov.vn"), Target::Elsewhere);
        assert_eq!(r("https://www.gso.gov.vn/"), Target::Elsewhere);
        assert_eq!(
            r("/static/style.css"),
            Target::Outside("/static/style.css".into())
        );
        assert_eq!(
            r("../../../x"),
            Target::Outside("/bantin/en/2021-q1/../../../x".into())
        );
    }

    #[test]
    fn narratives_link_from_the_site_root() {
        let r = |h: &str| resolve(h, "en/2021-q1/", &BASE, true);
        assert_eq!(r("/2021-q1/"), site("2021-q1/"));
        assert_eq!(r("/en/indicators/exports/"), site("en/indicators/exports/"));
        assert_eq!(r("../2019/"), site("en/2019/"));
    }

    #[test]
    fn folders_are_found_by_their_index() {
        let files = ["index.html", "2021-q1/index.html", "data/all.csv"];
        let exists = |p: &str| files.contains(&p);
        assert!(found("", &exists));
        assert!(found("2021-q1/", &exists));
        assert!(found("2021-q1", &exists));
        assert!(found("data/all.csv", &exists));
        assert!(!found("2021-q9/", &exists));
        assert!(!found("data/all.csv/", &exists));
    }

    #[test]
    fn reads_href_and_src_but_not_scripts_or_comments() {
        let html = "<!DOCTYPE html><html><head><link rel=stylesheet href=/a.css>\
            <script src=\"/b.js\"></script><script>var x = '<a href=\"/no\">';</script>\
            <style>a[href='/no2']{}</style></head><body><!-- <a href=\"/no3\"> -->\
            <a class='x' href='/c?a=1&amp;b=2'>c</a><img alt=\"\" src=\"/d.png\"/><a data-href=\"/no4\">d</a></body></html>";
        let got: Vec<String> = html_links(html).into_iter().map(|(_, h)| h).collect();
        assert_eq!(got, ["/a.css", "/b.js", "/c?a=1&b=2", "/d.png"]);
        let (offset, _) = html_links(html)[0];
        assert!(html[offset..].starts_with("/a.css"));
    }
}

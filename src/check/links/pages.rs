//! The links of generated pages (`output/link`), looked at as each page
//! is made.

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{Base, Rule, Target, found, html_links, resolve};
use crate::address::Addresses;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::msg;
use crate::site::Site;

/// One broken address, found on one or more pages.
struct Broken {
    pages: usize,
    first_page: String,
    line: usize,
    column: usize,
    outside: bool,
}

/// The `href` and `src` of generated pages, looked at as each page is
/// made, so that its HTML need not be kept: a link to a file known to be
/// made (`known`, or a file made with the page, such as its charts' CSV)
/// is settled at once; the others wait for every file of the site
/// ([`PageLinks::finish`]).
pub struct PageLinks {
    url: String,
    path: String,
    known: HashSet<String>,
    waiting: Mutex<Vec<Waiting>>,
}

/// A link of a page not settled when the page was made.
struct Waiting {
    page: String,
    href: String,
    target: Target,
    line: usize,
    column: usize,
}

impl PageLinks {
    pub fn new(site: &Site, known: HashSet<String>) -> PageLinks {
        let addr = Addresses::new(&site.config);
        PageLinks {
            url: addr.base_url().to_owned(),
            path: addr.base_path().to_owned(),
            known,
            waiting: Mutex::default(),
        }
    }

    /// Looks at the links of a file (only pages are read), made together
    /// with the files `with`.
    pub fn file(&self, key: &str, bytes: &[u8], with: &[&str]) {
        if !key.ends_with(".html") {
            return;
        }
        let base = Base {
            url: &self.url,
            path: &self.path,
        };
        let exists = |p: &str| self.known.contains(p) || with.contains(&p);
        let html = String::from_utf8_lossy(bytes);
        let dir = key.rfind('/').map_or("", |i| &key[..=i]);
        let mut waiting = Vec::new();
        for (offset, href) in html_links(&html) {
            let target = resolve(&href, dir, &base, false);
            match &target {
                Target::Site(path) if found(path, &exists) => continue,
                Target::Elsewhere => continue,
                _ => {}
            }
            let (line, column) = crate::config::line_col(&html, offset);
            waiting.push(Waiting {
                page: key.to_owned(),
                href,
                target,
                line,
                column,
            });
        }
        if !waiting.is_empty() {
            let mut all = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
            all.extend(waiting);
        }
    }

    /// The links that wait, against every file of the site (`paths`);
    /// those leading to an address a narrative already links to wrongly
    /// (`reported`) are left to that finding.
    pub fn finish(
        self,
        site: &Site,
        paths: &HashSet<&str>,
        reported: &HashSet<Target>,
        problems: &mut Diagnostics,
    ) {
        let exists = |p: &str| paths.contains(p);
        let mut waiting = self.waiting.into_inner().unwrap_or_else(|e| e.into_inner());
        // In the order of the pages, whichever thread made them.
        waiting.sort_by(|a, b| (&a.page, a.line, a.column).cmp(&(&b.page, b.line, b.column)));
        // A template's mistake shows on every page: one finding per address.
        let mut broken: BTreeMap<String, Broken> = BTreeMap::new();
        for w in waiting {
            if reported.contains(&w.target) {
                continue;
            }
            let outside = match &w.target {
                Target::Site(path) if found(path, &exists) => continue,
                // A page of a release or page set aside for its own
                // errors: those are what to fix.
                Target::Site(path) if site.set_aside.has_path(path) => continue,
                // A page of a release or page set aside for its own
                // errors: those are what to fix.
                Target::Site(path) if site.set_aside.has_path(path) => continue,
                Target::Site(_) => false,
                Target::Outside(_) => true,
                Target::Elsewhere => continue,
            };
            let entry = broken.entry(w.href).or_insert_with(|| Broken {
                pages: 0,
                first_page: w.page,
                line: w.line,
                column: w.column,
                outside,
            });
            entry.pages += 1;
        }
        let out_dir = site.config.output_dir.display().to_string();
        for (href, b) in broken {
            let message = if b.outside {
                msg!(
                    "output-link-outside",
                    href = href.as_str(),
                    path = self.path.as_str(),
                    pages = b.pages
                )
            } else {
                msg!("output-link-dead", href = href.as_str(), pages = b.pages)
            };
            problems.push(
                Diagnostic::error(format!("{out_dir}/{}", b.first_page), message)
                    .at(b.line, b.column)
                    .rule(Rule::OutputLink)
                    .with_hint(msg!("output-link-hint")),
            );
        }
    }
}

/// Every `href` and `src` of the generated pages, all at hand.
pub fn check_pages<'a>(
    site: &Site,
    paths: &HashSet<&str>,
    reported: &HashSet<Target>,
    pages: impl Iterator<Item = (&'a str, &'a [u8])>,
    problems: &mut Diagnostics,
) {
    let links = PageLinks::new(site, paths.iter().map(|p| (*p).to_owned()).collect());
    let pages: Vec<(&str, &[u8])> = pages.collect();
    pages
        .par_iter()
        .for_each(|(key, bytes)| links.file(key, bytes, &[]));
    links.finish(site, paths, reported, problems);
}

//! The rules that decide whether a site's figures and texts can be
//! published. `bantin check` runs them all and reports; `build` runs the
//! same ones and refuses to publish on errors; `serve` shows what they
//! find in its overlay.
//!
//! Rules that need only the loaded site run in [`check`]; rules about
//! links need the rendered files and run in [`check_output`]. Problems of
//! form (a text where a number belongs, an unknown key, a bad period) are
//! found while loading, by the parsers, with rule [`Rule::Form`].

pub mod accept;
pub mod calendar;
pub mod calls;
pub mod consistency;
pub mod decimals;
pub mod links;
pub mod prose;
pub mod revisions;
pub mod sense;
pub mod translations;

pub use links::PageLinks;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub(crate) use crate::diagnostic::Rule;
use crate::diagnostic::{Diagnostic, Diagnostics, Level};
use crate::messages::Message;
use crate::site::{Release, Site};
use crate::yaml::{Source, YamlPath};

/// Runs every rule that needs only the loaded site (the pipeline keeps
/// the findings of each release apart, for `serve`).
#[cfg(test)]
pub fn check(site: &Site) -> Diagnostics {
    let mut problems = check_across(site);
    for b in site.releases() {
        problems.extend(check_release(site, b));
    }
    problems
}

/// The rules whose findings depend on one release alone (its figures and
/// narratives, with the catalogue). `serve` keeps them per release and
/// runs them again only for the release edited.
pub fn check_release(site: &Site, b: &Release) -> Diagnostics {
    let mut problems = Diagnostics::new();
    let files = DataFiles::new(site);
    sense::check_release(site, b, &files, &mut problems);
    decimals::check_release(site, b, &files, &mut problems);
    prose::check_release(site, b, &mut problems);
    problems
}

/// The rules across releases and pages: calls (which may cite another
/// period), consistency between periods, translations, free pages.
pub fn check_across(site: &Site) -> Diagnostics {
    let mut problems = Diagnostics::new();
    calls::check(site, &mut problems);
    let files = DataFiles::new(site);
    consistency::check(site, &files, &mut problems);
    translations::check(site, &files, &mut problems);
    calendar::check(site, &files, &mut problems);
    revisions::check(site, &files, &mut problems);
    prose::check_pages(site, &mut problems);
    problems
}

/// The links of pages looked at as they were made ([`PageLinks`]),
/// against every file of the site (`paths`), with the links of every
/// narrative.
pub fn check_links(site: &Site, paths: &HashSet<&str>, pages: PageLinks) -> Diagnostics {
    let mut problems = Diagnostics::new();
    let reported = links::check_narratives(site, paths, &mut problems);
    pages.finish(site, paths, &reported, &mut problems);
    problems
}

/// Runs the rules over rendered files: every link in a narrative and in a
/// generated page leads to a file of the site. `paths` are all the output
/// paths of the build (`en/2021-q1/index.html`); `pages` the files to
/// look into (all of them, or those just rendered again).
pub fn check_output<'a>(
    site: &Site,
    paths: &HashSet<&str>,
    pages: impl Iterator<Item = (&'a str, &'a [u8])>,
) -> Diagnostics {
    let mut problems = Diagnostics::new();
    let reported = links::check_narratives(site, paths, &mut problems);
    links::check_pages(site, paths, &reported, pages, &mut problems);
    problems
}

/// The data files' texts, read again only when a finding needs its place:
/// the loaded figures do not keep their positions, and findings are rare.
pub struct DataFiles<'a> {
    site: &'a Site,
    texts: RefCell<HashMap<PathBuf, String>>,
}

impl<'a> DataFiles<'a> {
    pub fn new(site: &'a Site) -> Self {
        DataFiles {
            site,
            texts: RefCell::default(),
        }
    }

    /// The figure at `path` in the data file of `b` as it is written
    /// (`6.650`, where the parsed number says 6.65), and where.
    pub fn written(&self, b: &Release, path: &YamlPath) -> Option<(String, (usize, usize))> {
        let shown = b.data_file();
        let mut texts = self.texts.borrow_mut();
        let text = texts.entry(shown.to_path_buf()).or_insert_with(|| {
            let root = &self.site.root;
            crate::fs::read_text(root, &root.join(shown), shown).unwrap_or_default()
        });
        let (line, column) = crate::yaml::locate(text, path, false)?;
        let token: String = text
            .lines()
            .nth(line.saturating_sub(1))?
            .chars()
            .skip(column.saturating_sub(1))
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']' | '#'))
            .collect();
        Some((token, (line, column)))
    }

    /// A finding at `path` inside the data file of `b` (at the key that
    /// names the node with `at_key`).
    pub fn at(
        &self,
        b: &Release,
        path: &YamlPath,
        at_key: bool,
        level: Level,
        rule: Rule,
        message: Message,
    ) -> Diagnostic {
        self.in_file(&b.data_file(), path, at_key, level, rule, message)
    }

    /// A finding at `path` inside the YAML file `shown` (relative to the
    /// site root).
    pub fn in_file(
        &self,
        shown: &Path,
        path: &YamlPath,
        at_key: bool,
        level: Level,
        rule: Rule,
        message: Message,
    ) -> Diagnostic {
        let mut texts = self.texts.borrow_mut();
        let text = texts.entry(shown.to_path_buf()).or_insert_with(|| {
            let root = &self.site.root;
            crate::fs::read_text(root, &root.join(shown), shown).unwrap_or_default()
        });
        let src = Source { shown, text };
        let mut d = src.error(path, at_key, message).rule(rule);
        d.level = level;
        d
    }
}

/// The path of an indicator's field in a data file.
pub fn field_path(indicator: &str, field: crate::dataset::Field) -> YamlPath {
    YamlPath::root()
        .key("indicators")
        .key(indicator)
        .key(field.name())
}

#[cfg(test)]
mod tests;

//! Site search: a Pagefind index of the rendered pages.
//!
//! Pagefind (<https://pagefind.app>) indexes HTML into small files that
//! its script in the reader's browser fetches as the reader types: no
//! server, no other host. It folds diacritics, so "cong nghiep" finds
//! "công nghiệp", and keeps one index per page language (`<html lang>`).
//!
//! bantin runs Pagefind's program in its service mode and talks to it over
//! pipes: pages go in from memory, index files come back into memory, and
//! join the rest of the site before anything is written. So a build still
//! publishes all or nothing, and `serve` indexes without touching disk.
//!
//! The index is made in parts, rebuilt only where pages changed
//! (`indexer.rs`); the process and its protocol are in `service.rs`; what
//! of a page is sent, in `view.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod indexer;
mod service;
mod view;

pub use indexer::{Before, Index, IndexRecord, Indexer, Part};

use crate::address::page_folder_of;
use crate::diagnostic::Diagnostic;
use crate::output::OutputFile;

/// The attribute that marks what a page offers to search; pages without
/// it are not indexed (as long as some page has it).
const BODY_MARK: &[u8] = b"data-pagefind-body";

/// Files of Pagefind's bundle that the theme does not use: its ready-made
/// interfaces (the theme has its own, in the site's languages and style)
/// and its highlighting script.
const UNUSED: [&str; 4] = [
    "pagefind-ui",
    "pagefind-modular-ui",
    "pagefind-component-ui",
    "pagefind-highlight",
];

/// Pagefind's licence, served beside its script.
const LICENCE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pagefind-LICENSE.txt"));

/// The version package-lock.json pins, which tests and CI run.
pub const PINNED_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/pagefind-version.txt"));

/// The program, where `npm ci` put it when bantin was built.
const BUILT: &str = env!("BANTIN_PAGEFIND_BUILT");

/// Names it has on a PATH (npm's package installs the extended build).
const NAMES: [&str; 2] = ["pagefind_extended", "pagefind"];

/// Why search could not be indexed, for the site's report.
pub(crate) fn problem(detail: impl Into<String>) -> Diagnostic {
    Diagnostic::error(
        crate::config::FILE,
        crate::msg!("search-failed", detail = detail.into()),
    )
    .with_hint(crate::msg!("search-failed-hint"))
}

/// Finds Pagefind: `BANTIN_PAGEFIND` if set, else the program npm
/// installed when bantin was built, else one on the PATH.
pub fn program() -> Result<PathBuf, Diagnostic> {
    if let Some(named) = std::env::var_os("BANTIN_PAGEFIND").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&named);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(problem(format!(
                "BANTIN_PAGEFIND names {}, which is not a file",
                path.display()
            )))
        };
    }
    if !BUILT.is_empty() && Path::new(BUILT).is_file() {
        return Ok(PathBuf::from(BUILT));
    }
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    for dir in on_path {
        for name in NAMES {
            let candidate = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(problem(if BUILT.is_empty() {
        "cannot find Pagefind: npm had none for this platform when bantin was built, and none is on the PATH".to_owned()
    } else {
        format!("cannot find Pagefind: {BUILT} is gone, and none is on the PATH")
    }))
}

/// The pages to index, with their addresses: `files` are the site's
/// files by path (`en/2021-q1/index.html`). Addresses are from the site's
/// root (`/en/2021-q1/`) whatever its base_url: Pagefind's script puts
/// the site's path before them (the search page tells it), so one index
/// serves the preview at `/` and the published site under `/bantin/`.
/// Only pages marked for search are sent, unless a theme marks none: then
/// Pagefind takes every page whole.
pub fn pages<'a>(files: impl Iterator<Item = (&'a str, &'a [u8])>) -> Vec<(String, &'a [u8])> {
    let html: Vec<(&str, &[u8])> = files
        .filter(|(path, _)| page_folder_of(path).is_some())
        .collect();
    let any_marked = html.iter().any(|(_, b)| marked(b));
    html.into_iter()
        .filter(|(_, b)| !any_marked || marked(b))
        .map(|(path, bytes)| {
            let dir = page_folder_of(path).unwrap_or(path);
            (format!("/{dir}"), bytes)
        })
        .collect()
}

/// Indexes `pages` (address, HTML) and returns the index's files, under
/// `pagefind/` (`crate::address::PAGEFIND`), in parts as a build makes
/// them.
pub fn index(pages: &[(String, &[u8])]) -> Result<Vec<OutputFile>, Diagnostic> {
    let indexer = Indexer::start(None, &[])?;
    indexer.add_pages(pages);
    Ok(indexer.finish()?.files)
}

/// Whether a page marks what it offers to search.
fn marked(html: &[u8]) -> bool {
    html.windows(BODY_MARK.len()).any(|w| w == BODY_MARK)
}

/// Index files by path, as Pagefind gives them.
type Files = Vec<(String, Vec<u8>)>;

/// The language of a page, as Pagefind reads it: `<html lang>`. Only the
/// start of the page is looked at; "" when it says none.
fn page_language(html: &[u8]) -> &str {
    let head = &html[..html.len().min(1024)];
    let text = std::str::from_utf8(head)
        .unwrap_or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default());
    text.find("<html")
        .map(|at| &text[at..])
        .and_then(|tag| tag.split('>').next())
        .and_then(|tag| tag.split("lang=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
}

/// Refuses a Pagefind whose protocol may differ: the service mode is that
/// of major version 1.
fn check_version(program: &Path) -> Result<String, Diagnostic> {
    let out = Command::new(program)
        .arg("--version")
        .output()
        .map_err(|e| problem(format!("cannot run Pagefind ({}): {e}", program.display())))?;
    let text = String::from_utf8_lossy(&out.stdout);
    // "pagefind 1.6.0", or "pagefind_extended 1.6.0".
    let version = text.split_whitespace().nth(1).unwrap_or("").to_owned();
    if !out.status.success() || !version.starts_with("1.") {
        return Err(problem(format!(
            "{} is not Pagefind 1.x (it says {:?}); bantin is tested with {PINNED_VERSION}",
            program.display(),
            text.trim()
        )));
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_of_a_page_is_its_html_lang() {
        assert_eq!(
            page_language(b"<!DOCTYPE html>\n<html lang=\"vi\">\n<head>"),
            "vi"
        );
        assert_eq!(page_language(b"<html class=\"x\" lang=\"en\"><body>"), "en");
        assert_eq!(page_language(b"<html><body lang=\"en\">"), "");
        assert_eq!(page_language(b"no html at all"), "");
    }
}

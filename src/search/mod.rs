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
//! The process and its protocol are in `service.rs`; what of a page is
//! sent, in `view.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use serde_json::Value;

mod service;
mod view;

use service::Service;

use crate::address::{page_folder_of, pagefind_output};
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
fn problem(message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(crate::config::FILE, message).with_hint(
        "bantin runs Pagefind (https://pagefind.app) to index the site for its search page. \
         Run `npm ci` in bantin's source folder and build bantin again, or set BANTIN_PAGEFIND \
         to a Pagefind 1.x program; or turn the search page off with `search = false` in site.toml",
    )
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
/// `pagefind/` (`crate::address::PAGEFIND`).
pub fn index(pages: &[(String, &[u8])]) -> Result<Vec<OutputFile>, Diagnostic> {
    let indexer = Indexer::start()?;
    for (url, html) in pages {
        indexer.add_page(url, html);
    }
    indexer.finish(pages)
}

/// An index made while the pages are still being rendered: pages go to a
/// Pagefind of their language as soon as they are given ([`Indexer::add`]),
/// and [`Indexer::finish`] collects the index.
///
/// Pagefind keeps a separate index per language and works on one core;
/// so each language is indexed by its own Pagefind, in parallel, and the
/// lists of languages in their `pagefind-entry.json` are joined. Should
/// the parts not join cleanly (a page whose language bantin read unlike
/// Pagefind), one Pagefind indexes everything instead.
pub struct Indexer {
    program: PathBuf,
    feeds: Mutex<BTreeMap<String, Feed>>,
    /// Pages that are not marked for search, kept in case no page is:
    /// then Pagefind takes every page whole.
    unmarked: Mutex<Vec<(String, Vec<u8>)>>,
    any_marked: AtomicBool,
    order: Mutex<Order>,
}

/// Pages rendered ahead of their turn, by number, and the next to send.
#[derive(Default)]
struct Order {
    next: usize,
    waiting: BTreeMap<usize, Vec<(String, Vec<u8>)>>,
}

/// One language's Pagefind, fed by a channel.
struct Feed {
    pages: Sender<(String, Vec<u8>)>,
    worker: std::thread::JoinHandle<Result<Files, Diagnostic>>,
}

impl Indexer {
    pub fn start() -> Result<Indexer, Diagnostic> {
        let program = program()?;
        check_version(&program)?;
        Ok(Indexer {
            program,
            feeds: Mutex::default(),
            unmarked: Mutex::default(),
            any_marked: AtomicBool::new(false),
            order: Mutex::default(),
        })
    }

    /// Takes the files of the `n`th page of a render (pages are indexed,
    /// anything else is left alone). Pages reach Pagefind in the order of
    /// their numbers, whichever thread rendered them first: its index
    /// depends on the order, and a build must give the same site every
    /// time.
    pub fn add(&self, n: usize, files: &[OutputFile]) {
        let pages: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter_map(|f| page_folder_of(&f.path).map(|dir| (format!("/{dir}"), f.bytes.clone())))
            .collect();
        let mut order = self.order.lock().unwrap_or_else(|e| e.into_inner());
        order.waiting.insert(n, pages);
        loop {
            let next = order.next;
            let Some(pages) = order.waiting.remove(&next) else {
                break;
            };
            order.next += 1;
            for (url, html) in pages {
                self.add_page(&url, &html);
            }
        }
    }

    fn add_page(&self, url: &str, html: &[u8]) {
        if !marked(html) {
            if !self.any_marked.load(Ordering::Relaxed) {
                let mut held = self.unmarked.lock().unwrap_or_else(|e| e.into_inner());
                held.push((url.to_owned(), html.to_vec()));
            }
            return;
        }
        if !self.any_marked.swap(true, Ordering::Relaxed) {
            self.unmarked
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clear();
        }
        // Only what Pagefind will index, where that can be told apart.
        let slim = std::str::from_utf8(html).ok().and_then(view::for_search);
        self.send(
            url.to_owned(),
            slim.map_or_else(|| html.to_vec(), String::into_bytes),
        );
    }

    fn send(&self, url: String, html: Vec<u8>) {
        let lang = page_language(&html).to_owned();
        let mut feeds = self.feeds.lock().unwrap_or_else(|e| e.into_inner());
        let feed = feeds.entry(lang).or_insert_with(|| {
            let (pages, queue) = std::sync::mpsc::channel();
            let program = self.program.clone();
            let worker = std::thread::spawn(move || {
                let mut service = Service::start(&program)?;
                let result = service.index(queue);
                service.stop();
                result.map_err(|m| problem(format!("Pagefind ({}): {m}", program.display())))
            });
            Feed { pages, worker }
        });
        // A worker that stopped says why in `finish`.
        let _ = feed.pages.send((url, html));
    }

    /// The index's files. `all` are every page given (address, HTML), in
    /// case the languages' indexes do not join and one Pagefind must index
    /// them together.
    pub fn finish(self, all: &[(String, &[u8])]) -> Result<Vec<OutputFile>, Diagnostic> {
        if !self.any_marked.load(Ordering::Relaxed) {
            let held =
                std::mem::take(&mut *self.unmarked.lock().unwrap_or_else(|e| e.into_inner()));
            for (url, html) in held {
                self.send(url, html);
            }
        }
        let feeds = self.feeds.into_inner().unwrap_or_else(|e| e.into_inner());
        let parts: Vec<Result<Files, Diagnostic>> = feeds
            .into_values()
            .map(|feed| {
                drop(feed.pages);
                feed.worker
                    .join()
                    .unwrap_or_else(|_| Err(problem("indexing panicked")))
            })
            .collect();
        let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
        let files = if parts.len() > 1 {
            match join(parts) {
                Some(files) => files,
                None => {
                    let mut service = Service::start(&self.program)?;
                    let (pages, queue) = std::sync::mpsc::channel();
                    for (url, html) in all {
                        let _ = pages.send((url.clone(), html.to_vec()));
                    }
                    drop(pages);
                    let result = service.index(queue);
                    service.stop();
                    result.map_err(|m| {
                        problem(format!("Pagefind ({}): {m}", self.program.display()))
                    })?
                }
            }
        } else {
            parts.into_iter().next().unwrap_or_default()
        };
        let mut out: Vec<OutputFile> = files
            .into_iter()
            .filter(|(path, _)| !UNUSED.iter().any(|u| path.starts_with(u)))
            .map(|(path, bytes)| OutputFile {
                path: pagefind_output(&path),
                bytes,
            })
            .collect();
        out.push(OutputFile {
            path: pagefind_output("LICENSE.txt"),
            bytes: LICENCE.to_vec(),
        });
        Ok(out)
    }
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

/// The files of indexes made apart, as one: every language's own files,
/// the shared ones (Pagefind's scripts) once, and one entry file listing
/// every language. `None` when they clash: the same language in two, or
/// a shared file that differs.
fn join(parts: Vec<Files>) -> Option<Files> {
    const ENTRY: &str = "pagefind-entry.json";
    let mut entry: Option<Value> = None;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for part in parts {
        for (path, bytes) in part {
            if path == ENTRY {
                let this: Value = serde_json::from_slice(&bytes).ok()?;
                match &mut entry {
                    None => entry = Some(this),
                    Some(all) => {
                        if all["version"] != this["version"] {
                            return None;
                        }
                        let langs = all["languages"].as_object_mut()?;
                        for (lang, about) in this["languages"].as_object()? {
                            if langs.insert(lang.clone(), about.clone()).is_some() {
                                return None;
                            }
                        }
                    }
                }
            } else if let Some(before) = files.get(&path) {
                if *before != bytes {
                    return None;
                }
            } else {
                files.insert(path, bytes);
            }
        }
    }
    files.insert(ENTRY.to_owned(), serde_json::to_vec(&entry?).ok()?);
    Some(files.into_iter().collect())
}

/// Refuses a Pagefind whose protocol may differ: the service mode is that
/// of major version 1.
fn check_version(program: &Path) -> Result<(), Diagnostic> {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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

    fn entry(langs: &[&str]) -> (String, Vec<u8>) {
        let languages: serde_json::Map<String, Value> = langs
            .iter()
            .map(|l| ((*l).to_owned(), json!({ "hash": format!("{l}_1") })))
            .collect();
        (
            "pagefind-entry.json".to_owned(),
            json!({ "version": "1.6.0", "languages": languages })
                .to_string()
                .into_bytes(),
        )
    }

    #[test]
    fn indexes_made_apart_join_into_one_entry() {
        let script = ("pagefind.js".to_owned(), b"js".to_vec());
        let vi = vec![
            entry(&["vi"]),
            script.clone(),
            ("index/vi_1.pf_index".into(), b"a".to_vec()),
        ];
        let en = vec![
            entry(&["en"]),
            script,
            ("index/en_1.pf_index".into(), b"b".to_vec()),
        ];
        let joined = join(vec![vi, en]).unwrap();
        let paths: Vec<&str> = joined.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "index/en_1.pf_index",
                "index/vi_1.pf_index",
                "pagefind-entry.json",
                "pagefind.js"
            ]
        );
        let (_, bytes) = joined
            .iter()
            .find(|(p, _)| p == "pagefind-entry.json")
            .unwrap();
        let e: Value = serde_json::from_slice(bytes).unwrap();
        assert_eq!(e["languages"]["vi"]["hash"], "vi_1");
        assert_eq!(e["languages"]["en"]["hash"], "en_1");
        assert_eq!(e["version"], "1.6.0");
    }

    #[test]
    fn indexes_that_clash_do_not_join() {
        // The same language twice.
        assert!(join(vec![vec![entry(&["vi"])], vec![entry(&["vi", "en"])]]).is_none());
        // A shared file that differs.
        let a = vec![entry(&["vi"]), ("pagefind.js".into(), b"1".to_vec())];
        let b = vec![entry(&["en"]), ("pagefind.js".into(), b"2".to_vec())];
        assert!(join(vec![a, b]).is_none());
    }
}

//! The index, made while the site renders, in parts
//! ([`crate::address::search_part`]): per language, the releases by five
//! years and the other pages apart. Each part is a Pagefind index of its
//! own, made by its own Pagefind process as its pages arrive; the search
//! page's script loads its language's first part and merges the others
//! (Pagefind's `mergeIndex`).
//!
//! On a rebuild, a part none of whose pages changed is kept from the
//! previous site as it is. A part waits, holding only the addresses of its
//! pages, until one of them turns out new or changed; from then on it is
//! indexed afresh, the pages it held read back from the previous site.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::service::Service;
use super::{Files, LICENCE, UNUSED, marked, problem, view};
use crate::address::{
    SEARCH_PARTS, page_folder_of, pagefind_output, search_part, search_part_output,
};
use crate::diagnostic::Diagnostic;
use crate::output::{OutputFile, PreviousSite};
use crate::render::Made;

/// The index as the build record keeps it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexRecord {
    /// The Pagefind that made it (`pagefind 1.6.0`).
    pub pagefind: String,
    /// No page was marked for search, so every page was indexed whole.
    pub whole: bool,
    pub parts: BTreeMap<String, Part>,
}

/// A part of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Its pages, by the path of their file, in the order indexed.
    pub pages: Vec<String>,
    /// Whether it carries Pagefind's script and program, which the
    /// language's other parts share.
    pub primary: bool,
    pub files: Vec<String>,
}

/// What the previous build's index can give.
pub struct Before {
    pub site: Arc<PreviousSite>,
    pub index: IndexRecord,
}

/// What indexing made: files made now, files kept from the previous
/// site, and the record of the parts.
#[derive(Debug, Default)]
pub struct Index {
    pub files: Vec<OutputFile>,
    pub kept: Vec<String>,
    pub record: IndexRecord,
}

/// A page on its way to a part.
struct Item {
    path: String,
    /// Its address from the site's root (`/en/2021-q1/`).
    url: String,
    /// What Pagefind is sent of it (for a marked page, only what it
    /// indexes); `None` for a page kept from the previous site, read back
    /// when needed.
    bytes: Option<Vec<u8>>,
    /// Made now, and not what the previous site has.
    changed: bool,
}

enum PartState {
    /// Every page so far is as in the previous build's part, in order.
    Waiting(Vec<Item>),
    Indexing {
        feed: Feed,
        pages: Vec<String>,
    },
}

/// One part's Pagefind, fed by a channel.
struct Feed {
    pages: Sender<(String, Vec<u8>)>,
    worker: std::thread::JoinHandle<Result<Files, Diagnostic>>,
}

/// The pages of one part in the order of the render, which is the order
/// Pagefind takes them in: pages rendered ahead of their turn wait here.
/// (Each part waits only for its own pages, so few wait.)
#[derive(Default)]
struct Turns {
    /// The numbers of the part's pages, in order.
    order: Vec<usize>,
    next: usize,
    early: BTreeMap<usize, Vec<(Item, bool)>>,
}

#[derive(Default)]
struct State {
    turns: BTreeMap<String, Turns>,
    parts: BTreeMap<String, PartState>,
    any_marked: bool,
    /// Pages not marked for search, kept in case no page is: then every
    /// page is indexed whole.
    unmarked: Vec<(String, Item)>,
    /// The first page of the previous site that could not be read back.
    failed: Option<Diagnostic>,
}

/// An index made while the pages are still being rendered
/// ([`Indexer::add`]), collected by [`Indexer::finish`].
pub struct Indexer {
    program: PathBuf,
    version: String,
    /// The part of each page of the render, by its number.
    plan: Vec<String>,
    before: Option<Before>,
    /// The pages the previous index held (marked for search).
    indexed_before: HashSet<String>,
    state: Mutex<State>,
}

impl Indexer {
    /// Starts an index of the pages of a render, given in its order as
    /// (language, path of the page's file), with what the previous build
    /// left (`before`).
    pub fn start(
        before: Option<Before>,
        pages: &[(String, String)],
    ) -> Result<Indexer, Diagnostic> {
        let program = super::program()?;
        let version = super::check_version(&program)?;
        let before = before.filter(|b| b.index.pagefind == version);
        let indexed_before = before
            .iter()
            .filter(|b| !b.index.whole)
            .flat_map(|b| b.index.parts.values())
            .flat_map(|p| p.pages.iter().cloned())
            .collect();
        let plan: Vec<String> = pages
            .iter()
            .map(|(lang, path)| search_part(lang, page_folder_of(path).unwrap_or(path)))
            .collect();
        let mut state = State::default();
        for (n, part) in plan.iter().enumerate() {
            state.turns.entry(part.clone()).or_default().order.push(n);
        }
        Ok(Indexer {
            program,
            version,
            plan,
            before,
            indexed_before,
            state: Mutex::new(state),
        })
    }

    /// Takes the `n`th page of a render, in `lang`. Pages reach Pagefind
    /// in the order of their numbers, whichever thread rendered them
    /// first: its index depends on the order, and a build must give the
    /// same site every time.
    pub fn add(&self, n: usize, lang: &str, made: Made) {
        let before = self.before.as_ref();
        let pages: Vec<(String, Item, bool)> = match made {
            Made::Fresh(files) => files
                .iter()
                .filter_map(|f| {
                    let folder = page_folder_of(&f.path)?;
                    let changed = !before.is_some_and(|b| b.site.holds(&f.path, &f.bytes));
                    let marked = marked(&f.bytes);
                    let item = Item {
                        path: f.path.clone(),
                        url: format!("/{folder}"),
                        bytes: Some(for_search(&f.bytes, marked)),
                        changed,
                    };
                    Some((search_part(lang, folder), item, marked))
                })
                .collect(),
            Made::Kept(paths) => paths
                .iter()
                .filter_map(|path| {
                    let folder = page_folder_of(path)?;
                    let item = Item {
                        path: path.clone(),
                        url: format!("/{folder}"),
                        bytes: None,
                        changed: false,
                    };
                    let was = self.indexed_before.contains(path);
                    Some((search_part(lang, folder), item, was))
                })
                .collect(),
            Made::Failed => Vec::new(),
        };
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let Some(part) = self.plan.get(n).cloned() else {
            // Not a page of the plan: taken as it comes.
            for (part, item, marked) in pages {
                self.take(&mut state, part, item, marked);
            }
            return;
        };
        let mut ready = Vec::new();
        if let Some(turns) = state.turns.get_mut(&part) {
            turns
                .early
                .insert(n, pages.into_iter().map(|(_, i, m)| (i, m)).collect());
            while let Some(&next) = turns.order.get(turns.next) {
                let Some(items) = turns.early.remove(&next) else {
                    break;
                };
                turns.next += 1;
                ready.extend(items);
            }
        }
        for (item, marked) in ready {
            self.take(&mut state, part.clone(), item, marked);
        }
    }

    /// Pages given whole, with their addresses, not from a render (a
    /// preview's pages): each is placed by its own `<html lang>`.
    pub(super) fn add_pages(&self, pages: &[(String, &[u8])]) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        for (url, html) in pages {
            let folder = url.trim_start_matches('/');
            let item = Item {
                path: crate::address::page_file_in(folder),
                url: url.clone(),
                bytes: Some(for_search(html, marked(html))),
                changed: true,
            };
            let part = search_part(super::page_language(html), folder);
            self.take(&mut state, part, item, marked(html));
        }
    }

    fn take(&self, state: &mut State, part: String, item: Item, marked: bool) {
        if !marked {
            if !state.any_marked {
                state.unmarked.push((part, item));
            }
            return;
        }
        if !state.any_marked {
            state.any_marked = true;
            state.unmarked.clear();
        }
        self.route(state, part, item);
    }

    /// Sends a page to its part, which starts indexing when this page
    /// is the first that differs from the previous build's part.
    fn route(&self, state: &mut State, part: String, item: Item) {
        let was = self
            .before
            .as_ref()
            .and_then(|b| b.index.parts.get(&part))
            .map(|p| p.pages.as_slice());
        let at = state
            .parts
            .entry(part)
            .or_insert_with(|| PartState::Waiting(Vec::new()));
        if let PartState::Waiting(held) = at {
            let same = !item.changed && was.and_then(|w| w.get(held.len())) == Some(&item.path);
            if same {
                held.push(item);
                return;
            }
            let held = std::mem::take(held);
            let mut pages = Vec::with_capacity(held.len() + 1);
            let feed = self.start_feed();
            for it in held {
                self.send(&feed, &it, &mut state.failed);
                pages.push(it.path);
            }
            *at = PartState::Indexing { feed, pages };
        }
        if let PartState::Indexing { feed, pages } = at {
            self.send(feed, &item, &mut state.failed);
            pages.push(item.path);
        }
    }

    fn start_feed(&self) -> Feed {
        let (pages, queue) = std::sync::mpsc::channel();
        let program = self.program.clone();
        let worker = std::thread::spawn(move || {
            let mut service = Service::start(&program)?;
            let result = service.index(queue);
            service.stop();
            result.map_err(|m| problem(format!("Pagefind ({}): {m}", program.display())))
        });
        Feed { pages, worker }
    }

    /// Sends a page to Pagefind, reading a kept page back from the
    /// previous site.
    fn send(&self, feed: &Feed, item: &Item, failed: &mut Option<Diagnostic>) {
        let html = match &item.bytes {
            Some(bytes) => bytes.clone(),
            None => match self.before.as_ref().and_then(|b| b.site.read(&item.path)) {
                Some(bytes) => for_search(&bytes, marked(&bytes)),
                None => {
                    failed.get_or_insert_with(|| {
                        problem(format!(
                            "{} changed while the site was being built",
                            item.path
                        ))
                    });
                    return;
                }
            },
        };
        // A worker that stopped says why in `finish`.
        let _ = feed.pages.send((item.url.clone(), html));
    }

    /// The index's files: every part's, the list of parts for the search
    /// page, and Pagefind's licence.
    pub fn finish(self) -> Result<Index, Diagnostic> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let whole = !state.any_marked;
        if whole {
            for (part, item) in std::mem::take(&mut state.unmarked) {
                self.route(&mut state, part, item);
            }
        }
        if let Some(d) = state.failed.take() {
            return Err(d);
        }
        let parts = std::mem::take(&mut state.parts);
        drop(state);
        // Each language's first part carries Pagefind's script: the one
        // of its other pages, or else its earliest years.
        let mut primaries: BTreeMap<String, String> = BTreeMap::new();
        for name in parts.keys() {
            primaries
                .entry(language_of(name).to_owned())
                .or_insert_with(|| name.clone());
        }
        let primary = |name: &str| primaries.get(language_of(name)).is_some_and(|p| p == name);
        let mut index = Index::default();
        let mut running = Vec::new();
        for (name, state) in parts {
            let (feed, pages) = match state {
                PartState::Indexing { feed, pages } => (feed, pages),
                PartState::Waiting(held) => {
                    if let Some(kept) = self.unchanged(&name, &held, primary(&name), whole) {
                        index.kept.extend(kept.files.iter().cloned());
                        index.record.parts.insert(name, kept.clone());
                        continue;
                    }
                    let feed = self.start_feed();
                    let mut failed = None;
                    for item in &held {
                        self.send(&feed, item, &mut failed);
                    }
                    if let Some(d) = failed {
                        return Err(d);
                    }
                    (feed, held.into_iter().map(|i| i.path).collect())
                }
            };
            running.push((name, feed, pages));
        }
        for (name, feed, pages) in running {
            drop(feed.pages);
            let files = feed
                .worker
                .join()
                .unwrap_or_else(|_| Err(problem("indexing panicked")))?;
            let is_primary = primary(&name);
            let files: Vec<OutputFile> = files
                .into_iter()
                .filter(|(path, _)| !UNUSED.iter().any(|u| path.starts_with(u)))
                .filter(|(path, _)| is_primary || !runtime(path))
                .map(|(path, bytes)| OutputFile {
                    path: search_part_output(&name, &path),
                    bytes,
                })
                .collect();
            let part = Part {
                pages,
                primary: is_primary,
                files: files.iter().map(|f| f.path.clone()).collect(),
            };
            index.record.parts.insert(name, part);
            index.files.extend(files);
        }
        // The search page's script: each language's parts, its first one
        // first.
        let mut by_language: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for name in index.record.parts.keys() {
            let list = by_language.entry(language_of(name)).or_default();
            if primary(name) {
                list.insert(0, name);
            } else {
                list.push(name);
            }
        }
        index.files.push(OutputFile {
            path: pagefind_output(SEARCH_PARTS),
            bytes: serde_json::to_vec(&by_language).unwrap_or_default(),
        });
        index.files.push(OutputFile {
            path: pagefind_output("LICENSE.txt"),
            bytes: LICENCE.to_vec(),
        });
        index.files.sort_by(|a, b| a.path.cmp(&b.path));
        index.kept.sort();
        index.record.pagefind = self.version.clone();
        index.record.whole = whole;
        Ok(index)
    }

    /// The previous build's part `name`, if it can be kept: the same
    /// pages in the same order, none changed, the same role, and its
    /// files still as written.
    fn unchanged(&self, name: &str, held: &[Item], primary: bool, whole: bool) -> Option<&Part> {
        let before = self.before.as_ref()?;
        let was = before.index.parts.get(name)?;
        let same = before.index.whole == whole
            && was.primary == primary
            && was.pages.len() == held.len()
            && held
                .iter()
                .zip(&was.pages)
                .all(|(i, p)| !i.changed && i.path == *p)
            && was.files.iter().all(|f| before.site.intact(f));
        same.then_some(was)
    }
}

/// What Pagefind is sent of a page: of a marked page, only what it
/// indexes (where that can be told apart); of another, all of it.
fn for_search(html: &[u8], marked: bool) -> Vec<u8> {
    let slim = marked
        .then(|| std::str::from_utf8(html).ok().and_then(view::for_search))
        .flatten();
    slim.map_or_else(|| html.to_vec(), String::into_bytes)
}

/// The language of a part: `vi` of `vi-2020` and of `vi`.
fn language_of(part: &str) -> &str {
    match part.rsplit_once('-') {
        Some((lang, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => lang,
        _ => part,
    }
}

/// Pagefind's script and program, which only a language's first part
/// keeps: merged parts are read by the first part's program.
fn runtime(path: &str) -> bool {
    !path.contains('/') && (path.ends_with(".js") || path.starts_with("wasm."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_named_by_language_and_years() {
        assert_eq!(language_of("vi-2020"), "vi");
        assert_eq!(language_of("vi"), "vi");
        assert_eq!(language_of("zh-Hant"), "zh-Hant");
        assert_eq!(language_of("zh-Hant-2020"), "zh-Hant");
        assert!(runtime("pagefind.js"));
        assert!(runtime("wasm.en.pagefind"));
        assert!(!runtime("pagefind-entry.json"));
        assert!(!runtime("index/en_1.pf_index"));
    }
}

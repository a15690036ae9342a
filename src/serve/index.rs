//! The preview's search index. Pagefind indexes the whole site, which
//! takes far longer than re-rendering one edited release (seconds for
//! thousands of pages); so the index is built on a thread of its own, once
//! the edits have paused: the page reloads at once, and search catches up
//! a moment after the editor stops saving, without slowing the rebuilds
//! meanwhile. A rebuild that leaves the pages as they were (a comment in
//! the catalogue) is not indexed again.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Bytes;

use super::site::Snapshot;
use crate::search;

/// How long the edits must pause before the site is indexed again.
const QUIET: Duration = Duration::from_millis(1500);

/// The index files by path (`pagefind/pagefind.js`), shared with HTTP.
pub type Files = Arc<RwLock<Arc<HashMap<String, Bytes>>>>;

pub struct Indexer {
    jobs: mpsc::Sender<Arc<Snapshot>>,
    pub files: Files,
}

impl Indexer {
    pub fn start() -> Indexer {
        let files: Files = Arc::default();
        let (jobs, queue) = mpsc::channel::<Arc<Snapshot>>();
        let out = files.clone();
        std::thread::spawn(move || {
            let mut said = None;
            // The snapshot last indexed, to tell when no page changed.
            let mut indexed: Option<Arc<Snapshot>> = None;
            while let Ok(mut snapshot) = queue.recv() {
                // The first index at once; later ones when edits pause.
                let mut wait = if indexed.is_some() {
                    QUIET
                } else {
                    Duration::ZERO
                };
                while let Ok(newer) = queue.recv_timeout(wait) {
                    snapshot = newer;
                    wait = QUIET;
                }
                if snapshot.failed {
                    continue;
                }
                let fresh = if snapshot.search {
                    let pages = pages_of(&snapshot);
                    if indexed.as_deref().map(pages_of) == Some(pages.clone()) {
                        continue;
                    }
                    let result = search::index(&pages);
                    indexed = Some(snapshot.clone());
                    match result {
                        Ok(index) => index
                            .into_iter()
                            .map(|f| (f.path, Bytes::from(f.bytes)))
                            .collect(),
                        Err(problem) => {
                            // Said once, not at every rebuild; the pages
                            // still preview, their search finds nothing.
                            let lang = crate::messages::Lang::current();
                            let text =
                                crate::msg!("serve-search-off", problem = problem.text(lang))
                                    .text(lang);
                            if said.as_ref() != Some(&text) {
                                eprintln!("{text}");
                                said = Some(text);
                            }
                            continue;
                        }
                    }
                } else {
                    indexed = None;
                    HashMap::new()
                };
                said = None;
                *out.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(fresh);
            }
        });
        Indexer { jobs, files }
    }
}

/// The pages search indexes in `snapshot`, in a stable order.
fn pages_of(snapshot: &Snapshot) -> Vec<(String, &[u8])> {
    let mut pages = search::pages(snapshot.files.iter().map(|(k, v)| (k.as_str(), v.as_ref())));
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    pages
}

impl Indexer {
    /// Indexes `snapshot` when the thread is free (a newer one replaces it).
    pub fn update(&self, snapshot: Arc<Snapshot>) {
        let _ = self.jobs.send(snapshot);
    }
}

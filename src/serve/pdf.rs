//! PDF editions in the preview: printed when one is asked for, not at
//! every rebuild (printing takes about a second). A PDF is kept by its
//! key ([`crate::pdf::key`]), so asking again after an edit elsewhere
//! prints nothing; the browser is started at the first request and kept
//! while the site's static files stay as they were.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;

use super::site::Snapshot;
use crate::diagnostic::Diagnostic;
use crate::fingerprint::Fingerprint;
use crate::pdf::{self, SiteFiles, browser::Printer};

/// How many PDFs the preview keeps in memory.
const KEPT: usize = 64;

/// The preview's PDFs and the browser that prints them.
#[derive(Default)]
pub struct Pdfs {
    // One request prints at a time: the preview's printer has one tab.
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// The browser, with the fingerprint of the static files it serves.
    printer: Option<(Fingerprint, Printer)>,
    /// PDFs made, by key.
    made: HashMap<String, Bytes>,
}

impl Pdfs {
    /// The PDF at `key` (a path in the site), if the snapshot has a
    /// print layout there: printed now, or as printed before.
    pub fn get(&self, snapshot: &Snapshot, key: &str) -> Option<Result<Bytes, Diagnostic>> {
        let source = snapshot.prints.get(key)?;
        // The site's static files: fingerprinted at every request, copied
        // for a browser only when one starts.
        let statics = || {
            snapshot
                .files
                .iter()
                .filter(|(path, _)| path.starts_with(crate::address::STATIC))
        };
        let fingerprint = pdf::files_fingerprint(statics().map(|(p, b)| (p.as_str(), b.as_ref())));
        let id = pdf::key(source, fingerprint);
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(bytes) = state.made.get(&id) {
            return Some(Ok(bytes.clone()));
        }
        if state
            .printer
            .as_ref()
            .is_none_or(|(f, _)| *f != fingerprint)
        {
            // The old browser, if any, is closed first.
            state.printer = None;
            let files: SiteFiles = statics().map(|(p, b)| (p.clone(), b.to_vec())).collect();
            match Printer::start(&snapshot.base_url, Arc::new(files), 1) {
                Ok(printer) => state.printer = Some((fingerprint, printer)),
                Err(d) => return Some(Err(d)),
            }
        }
        let (_, printer) = state.printer.as_ref()?;
        let made = pdf::print_one(printer, 0, source).map(|f| Bytes::from(f.bytes));
        if let Ok(bytes) = &made {
            if state.made.len() >= KEPT {
                state.made.clear();
            }
            state.made.insert(id, bytes.clone());
        }
        Some(made)
    }
}

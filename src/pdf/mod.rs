//! The PDF editions: every release in every language, printed to A4 from
//! its print layout ([`crate::render::print`]) by headless Chromium
//! ([`browser`]), with the publisher added to its metadata ([`info`]).
//!
//! Printing is by far the slowest step of a build (about half a second a
//! PDF), so a PDF is printed again only when what it is made of changed:
//! its layout's bytes, the site's static files it may load, and the way
//! bantin prints. That is its key ([`key`]); the build record keeps the
//! key of every PDF, and a PDF whose key is unchanged is taken from the
//! previous site. `serve` prints a PDF only when it is asked for.

pub(crate) mod browser;
mod info;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::Diagnostic;
use crate::fingerprint::{Fingerprint, Hasher};
use crate::output::OutputFile;
use crate::render::print::PrintSource;
pub use browser::SiteFiles;

/// Changes whenever the way a PDF is made from its layout does (options,
/// metadata): PDFs of an older way are printed again.
const PRINTING: &str = "bantin-pdf-1";

/// What the PDF stage made.
#[derive(Debug, Default)]
pub struct Edition {
    /// How many PDFs were printed now (each handed to the writer as it
    /// was printed).
    pub printed: usize,
    /// The PDFs taken from the previous site, their key unchanged.
    pub kept: Vec<String>,
    /// Every PDF's key, by its path.
    pub keys: BTreeMap<String, String>,
}

/// Where each PDF goes as soon as it is printed (a build's staging
/// folder): a site's PDFs are not held in memory together.
pub type Write<'a> = &'a (dyn Fn(OutputFile) -> anyhow::Result<()> + Sync);

/// The fingerprint of the site's files a layout may load, computed once
/// per build.
pub fn files_fingerprint<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Fingerprint {
    let mut sorted: Vec<_> = files.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut h = Hasher::default();
    for (path, bytes) in sorted {
        h.bytes(path.as_bytes()).bytes(bytes);
    }
    h.finish()
}

/// A PDF's key: what it is made of (see the module's note).
pub fn key(source: &PrintSource, files: Fingerprint) -> String {
    let mut h = Hasher::default();
    h.bytes(PRINTING.as_bytes())
        .bytes(env!("CARGO_PKG_VERSION").as_bytes())
        .bytes(&files.0.to_le_bytes())
        .bytes(source.html.as_bytes())
        .bytes(source.author.as_bytes())
        .bytes(source.subject.as_bytes());
    h.finish().hex()
}

/// Makes the PDFs of `sources`: those `unchanged` says the previous site
/// holds with the same key are kept, the others printed, several at once,
/// and handed to `write`. The first that cannot be printed or written
/// fails the stage (a build then publishes nothing).
pub fn make(
    sources: &[PrintSource],
    base_url: &str,
    files: Arc<SiteFiles>,
    unchanged: &(dyn Fn(&str, &str) -> bool + Sync),
    write: Write,
) -> Result<Edition, Diagnostic> {
    let fingerprint = files_fingerprint(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    let mut edition = Edition::default();
    let mut to_print = Vec::new();
    for source in sources {
        let key = key(source, fingerprint);
        if unchanged(&source.path, &key) {
            edition.kept.push(source.path.clone());
        } else {
            to_print.push(source);
        }
        edition.keys.insert(source.path.clone(), key);
    }
    if to_print.is_empty() {
        return Ok(edition);
    }
    let tabs = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(to_print.len());
    let printer = browser::Printer::start(base_url, files, tabs)?;
    edition.printed = print_all(&printer, &to_print, write)?;
    Ok(edition)
}

/// Prints every source on the printer's tabs, each tab taking the next
/// source left, and hands each PDF to `write`; how many were printed.
fn print_all(
    printer: &browser::Printer,
    sources: &[&PrintSource],
    write: Write,
) -> Result<usize, Diagnostic> {
    let next = AtomicUsize::new(0);
    let results = std::thread::scope(|s| {
        let workers: Vec<_> = (0..printer.width())
            .map(|tab| {
                let next = &next;
                s.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = sources.get(i) else {
                            return done;
                        };
                        let made = print_one(printer, tab, source).and_then(|pdf| {
                            write(pdf).map_err(|e| failed(source, &format!("{e:#}")))
                        });
                        let stop = made.is_err();
                        done.push(made);
                        if stop {
                            // The others stop too: the build fails anyway.
                            next.store(sources.len(), Ordering::Relaxed);
                            return done;
                        }
                    }
                })
            })
            .collect();
        // A tab that stopped short (its thread panicked) fails the stage:
        // its PDFs would be missing from the site.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|_| vec![Err(stopped())]))
            .collect::<Vec<_>>()
    });
    let printed = results.len();
    for made in results {
        made?;
    }
    Ok(printed)
}

/// One PDF, printed on tab `tab`.
pub fn print_one(
    printer: &browser::Printer,
    tab: usize,
    source: &PrintSource,
) -> Result<OutputFile, Diagnostic> {
    let html = Arc::new(source.html.clone());
    let pdf = printer.print(tab, &source.address, html).map_err(|e| {
        Diagnostic::error(
            crate::config::FILE,
            crate::msg!(
                "pdf-failed",
                file = source.path.as_str(),
                detail = format!("{e:#}")
            ),
        )
    })?;
    Ok(OutputFile {
        path: source.path.clone(),
        bytes: info::with_author(pdf, &source.author, &source.subject),
    })
}

/// A PDF could not be made.
fn failed(source: &PrintSource, detail: &str) -> Diagnostic {
    Diagnostic::error(
        crate::config::FILE,
        crate::msg!("pdf-failed", file = source.path.as_str(), detail = detail),
    )
    .with_hint(crate::msg!("pdf-failed-hint"))
}

/// No browser could be started: what to install or set.
pub(crate) fn no_browser(detail: String) -> Diagnostic {
    Diagnostic::error(
        crate::config::FILE,
        crate::msg!("pdf-no-browser", detail = detail),
    )
    .with_hint(crate::msg!("pdf-no-browser-hint"))
}

/// The printing stopped short (its thread panicked): nothing is published.
pub(crate) fn stopped() -> Diagnostic {
    Diagnostic::error(
        crate::config::FILE,
        crate::msg!(
            "pdf-failed",
            file = "pdf/",
            detail = "the printing stopped short"
        ),
    )
    .with_hint(crate::msg!("pdf-failed-hint"))
}

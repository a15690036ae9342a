//! The browser that prints: Debian's Chromium (or any Chrome), headless,
//! driven over the DevTools protocol. Each print layout is loaded at its
//! release's own address, but nothing is fetched from the network: every
//! request the page makes is answered here, the page itself with its
//! print layout, the site's own files (scripts, images under `static/`)
//! from the site being built, anything else refused. So a PDF is made
//! offline, from this build only, and looks as the site would.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use headless_chrome::browser::tab::RequestPausedDecision;
use headless_chrome::protocol::cdp::Fetch::events::RequestPausedEvent;
use headless_chrome::protocol::cdp::Fetch::{FailRequest, FulfillRequest, HeaderEntry};
use headless_chrome::protocol::cdp::Network::ErrorReason;
use headless_chrome::types::PrintToPdfOptions;
use headless_chrome::{Browser, LaunchOptions, Tab};

use crate::diagnostic::Diagnostic;

/// The programs tried, in order, when `BANTIN_CHROME` is not set.
const PROGRAMS: [&str; 5] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// How long a print layout may take to load and draw its charts.
const DRAW_TIMEOUT: Duration = Duration::from_secs(60);

/// The site's own files a print layout may load, by their path in the
/// output (`static/charts.js`).
pub type SiteFiles = HashMap<String, Vec<u8>>;

/// The browser program: `BANTIN_CHROME` if set, else the first of
/// [`PROGRAMS`] on the PATH.
pub fn program() -> Result<PathBuf, Diagnostic> {
    if let Some(named) = std::env::var_os("BANTIN_CHROME").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&named);
        if path.is_file() {
            return Ok(path);
        }
        return Err(super::no_browser(format!(
            "BANTIN_CHROME={} is not a file",
            path.display()
        )));
    }
    let paths = std::env::var_os("PATH").unwrap_or_default();
    PROGRAMS
        .iter()
        .flat_map(|name| std::env::split_paths(&paths).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
        .ok_or_else(|| super::no_browser(format!("none of {} on the PATH", PROGRAMS.join(", "))))
}

/// A running browser with a few tabs, each printing one layout at a time.
pub struct Printer {
    // Dropped in this order: the tabs, the browser (its processes end),
    // then its profile folder.
    tabs: Vec<PrintTab>,
    _browser: Browser,
    _profile: Profile,
    /// Pages loaded so far.
    loads: AtomicUsize,
}

/// The browser's own profile folder, made for it and removed after it.
struct Profile(PathBuf);

impl Profile {
    /// A new folder, never one that is there already (another program's,
    /// or one a killed bantin left).
    fn new() -> std::io::Result<Profile> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let name = format!("bantin-chrome-{}-{n}", std::process::id());
            let dir = std::env::temp_dir().join(name);
            match std::fs::create_dir(&dir) {
                Ok(()) => return Ok(Profile(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => {}
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A tab and the layout it is loading now (its address and document).
struct PrintTab {
    tab: Arc<Tab>,
    current: Arc<Mutex<Option<(String, Arc<String>)>>>,
}

impl Printer {
    /// Starts the browser with `tabs` tabs; the site lives at `base_url`
    /// and `files` are its files a layout may load.
    pub fn start(
        base_url: &str,
        files: Arc<SiteFiles>,
        tabs: usize,
    ) -> Result<Printer, Diagnostic> {
        let path = program()?;
        let failed = |e: anyhow::Error| super::no_browser(format!("{}: {e:#}", path.display()));
        let profile = Profile::new().map_err(|e| failed(e.into()))?;
        let options = LaunchOptions::default_builder()
            .path(Some(path.clone()))
            .headless(true)
            // The pages printed are bantin's own and reach no network
            // (see above); a sandbox also fails where bantin runs as root,
            // as in containers and CI.
            .sandbox(false)
            .user_data_dir(Some(profile.0.clone()))
            .idle_browser_timeout(Duration::from_secs(600))
            .args(vec![
                std::ffi::OsStr::new("--disable-gpu"),
                std::ffi::OsStr::new("--hide-scrollbars"),
            ])
            .build()
            .map_err(|e| failed(e.into()))?;
        let browser = Browser::new(options).map_err(failed)?;
        let mut opened = Vec::new();
        for _ in 0..tabs.max(1) {
            let tab = browser.new_tab().map_err(failed)?;
            tab.set_default_timeout(DRAW_TIMEOUT);
            let current: Arc<Mutex<Option<(String, Arc<String>)>>> = Arc::default();
            let (now, files, base) = (
                Arc::clone(&current),
                Arc::clone(&files),
                base_url.to_owned(),
            );
            tab.enable_fetch(None, None).map_err(failed)?;
            tab.enable_request_interception(Arc::new(
                move |_transport, _session, event: RequestPausedEvent| {
                    let request = &event.params.request;
                    let id = event.params.request_id.clone();
                    let url = request.url.split('#').next().unwrap_or_default();
                    let page = now.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    if let Some((_, html)) = page.filter(|(address, _)| address == url) {
                        return fulfil(id, "text/html; charset=utf-8", html.as_bytes());
                    }
                    let file = url
                        .strip_prefix(base.as_str())
                        .map(|rest| rest.split('?').next().unwrap_or_default())
                        .and_then(|path| files.get(path).map(|bytes| (path, bytes)));
                    match file {
                        Some((path, bytes)) => {
                            let mime = mime_guess::from_path(path).first_or_octet_stream();
                            fulfil(id, mime.essence_str(), bytes)
                        }
                        None => RequestPausedDecision::Fail(FailRequest {
                            request_id: id,
                            error_reason: ErrorReason::BlockedByClient,
                        }),
                    }
                },
            ))
            .map_err(failed)?;
            opened.push(PrintTab { tab, current });
        }
        Ok(Printer {
            tabs: opened,
            _browser: browser,
            _profile: profile,
            loads: AtomicUsize::new(0),
        })
    }

    /// How many layouts it prints at once.
    pub fn width(&self) -> usize {
        self.tabs.len()
    }

    /// Prints the layout `html` of the page at `address` on tab `n`: loads
    /// it, waits for its charts, prints it to A4 as its CSS says.
    pub fn print(&self, n: usize, address: &str, html: Arc<String>) -> anyhow::Result<Vec<u8>> {
        let PrintTab { tab, current } = &self.tabs[n % self.tabs.len()];
        // A query of its own each time, so that the document waited for
        // is this one, never the one printed before at the same address.
        let count = self.loads.fetch_add(1, Ordering::Relaxed);
        let url = format!("{address}?bantin-print={count}");
        *current.lock().unwrap_or_else(|e| e.into_inner()) = Some((url.clone(), html));
        tab.navigate_to(&url)?;
        // Polled, briefly: the tab's own wait for a navigation lasts until
        // the network has been idle for half a second.
        let ready = format!(
            "location.href === {} && document.readyState === 'complete' && document.documentElement.hasAttribute('data-charts-done')",
            serde_json::to_string(&url)?
        );
        let deadline = Instant::now() + DRAW_TIMEOUT;
        loop {
            // Asked while the page is being replaced, it may fail: not yet.
            let done = tab
                .evaluate(&ready, false)
                .ok()
                .and_then(|r| r.value)
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if done {
                break;
            }
            if Instant::now() > deadline {
                anyhow::bail!(
                    "its page did not finish drawing its charts within {} s",
                    DRAW_TIMEOUT.as_secs()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let pdf = tab.print_to_pdf(Some(PrintToPdfOptions {
            prefer_css_page_size: Some(true),
            print_background: Some(true),
            display_header_footer: Some(false),
            generate_tagged_pdf: Some(true),
            generate_document_outline: Some(true),
            ..PrintToPdfOptions::default()
        }))?;
        *current.lock().unwrap_or_else(|e| e.into_inner()) = None;
        Ok(pdf)
    }
}

/// Answers a request with `body`.
fn fulfil(id: String, content_type: &str, body: &[u8]) -> RequestPausedDecision {
    RequestPausedDecision::Fulfill(FulfillRequest {
        request_id: id,
        response_code: 200,
        response_headers: Some(vec![
            HeaderEntry {
                name: "Content-Type".into(),
                value: content_type.into(),
            },
            HeaderEntry {
                name: "Cache-Control".into(),
                value: "max-age=3600".into(),
            },
        ]),
        binary_response_headers: None,
        body: Some(base64::engine::general_purpose::STANDARD.encode(body)),
        response_phrase: None,
    })
}

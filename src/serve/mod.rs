//! `bantin serve`: the live preview for editors.
//!
//! The site is built in memory for the local address and served from
//! there (see [`site`]); a watcher rebuilds it when a source changes and
//! the pages reload themselves over server-sent events ([`http`]). A build
//! that fails keeps the last good site on screen, with an overlay listing
//! the errors ([`overlay`]). The search index follows each rebuild on a
//! thread of its own ([`index`]). Nothing is ever written to disk.

pub mod http;
pub mod index;
pub mod overlay;
mod pdf;
pub mod site;

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::{Context, Result};
use notify::RecursiveMode;
use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::watch;

use site::Snapshot;

use crate::messages::{Lang, Said};
use crate::msg;

/// What `bantin serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// The port to try first; the next free one is taken if it is busy.
    pub port: u16,
    /// Open the home page in the default browser.
    pub open: bool,
}

/// How many ports after the asked one are tried.
const PORT_TRIES: u16 = 50;

/// A message in the language of this run.
fn say(message: crate::messages::Message) -> String {
    message.text(Lang::current())
}

/// Binds the first free port from `port` on.
pub fn bind(addr: IpAddr, port: u16) -> Result<TcpListener> {
    let mut last = None;
    for p in port..=port.saturating_add(PORT_TRIES) {
        match TcpListener::bind(SocketAddr::new(addr, p)) {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
    }
    Err(last.map_or_else(|| anyhow::anyhow!("no port"), anyhow::Error::new)).with_context(|| {
        format!(
            "no free port from {port} to {} on {addr}",
            port.saturating_add(PORT_TRIES)
        )
    })
}

/// The folders and files whose changes do not concern the site: the
/// output, version control, build tools, editors' temporary files.
fn ignored(root: &Path, path: &Path, output: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    if path.starts_with(output) {
        return true;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    if matches!(first.as_str(), ".git" | "target" | "node_modules") || first.starts_with('.') {
        return true;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Runs the preview until Ctrl-C. Prints where it serves and each rebuild.
pub fn run(opts: ServeOptions) -> Result<()> {
    let root = opts
        .root
        .canonicalize()
        .with_context(|| Said(msg!("site-folder-unreadable", dir = opts.root.as_path())))?;
    let listener = bind(opts.bind, opts.port)?;
    let local = listener.local_addr()?;
    let host = if opts.bind.is_unspecified() {
        IpAddr::from([127, 0, 0, 1])
    } else {
        opts.bind
    };
    let base_url = match host {
        IpAddr::V6(v6) => format!("http://[{v6}]:{}/", local.port()),
        IpAddr::V4(v4) => format!("http://{v4}:{}/", local.port()),
    };
    if !opts.bind.is_loopback() {
        eprintln!(
            "{}",
            say(msg!("serve-public", bind = opts.bind.to_string()))
        );
    }
    if local.port() != opts.port {
        println!(
            "{}",
            say(msg!(
                "serve-port-taken",
                port = opts.port.to_string(),
                using = local.port().to_string()
            ))
        );
    }

    let (mut model, outcome) = site::Model::load(&root, &base_url);
    report(&model.snapshot, &outcome, None);
    let output = output_dir(&root);
    let snapshot = Arc::new(RwLock::new(Arc::new(model.snapshot.clone())));
    let indexer = index::Indexer::start();
    indexer.update(Arc::new(model.snapshot.clone()));
    let search = indexer.files.clone();
    let (versions_tx, versions_rx) = watch::channel(snapshot_version(&snapshot));
    // Dropped at shutdown: that ends every page's event stream, so the
    // server can close its connections and stop.
    let versions_tx = Arc::new(std::sync::Mutex::new(Some(versions_tx)));

    // Watch: the debouncer gathers bursts of events (an editor saving
    // writes a file several times) into one rebuild.
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(80), None, tx)
        .context("cannot watch the site's files")?;
    debouncer
        .watch(&root, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    {
        let snapshot = snapshot.clone();
        let root = root.clone();
        let versions_tx = versions_tx.clone();
        std::thread::spawn(move || {
            while let Ok(batch) = rx.recv() {
                let Ok(events) = batch else { continue };
                let mut changed: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| is_change(&e.kind))
                    .flat_map(|e| e.paths.iter().cloned())
                    .filter(|p| !ignored(&root, p, &output))
                    .collect();
                changed.sort();
                changed.dedup();
                if changed.is_empty() {
                    continue;
                }
                let outcome = model.apply(&changed);
                report(&model.snapshot, &outcome, Some((&root, &changed)));
                let version = model.snapshot.version;
                let current = Arc::new(model.snapshot.clone());
                *snapshot.write().unwrap_or_else(|e| e.into_inner()) = current.clone();
                indexer.update(current);
                if let Some(tx) = versions_tx
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .as_ref()
                {
                    let _ = tx.send(version);
                }
            }
        });
    }

    println!(
        "{}",
        say(msg!(
            "serve-serving",
            root = root.as_path(),
            url = base_url.as_str()
        ))
    );
    if opts.open {
        open_browser(&base_url);
    }
    let shared = http::Shared {
        snapshot,
        search,
        versions: versions_rx,
        pdfs: Arc::default(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the web server")?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, http::router(shared))
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
                versions_tx.lock().unwrap_or_else(|e| e.into_inner()).take();
            })
            .await
    })?;
    drop(debouncer);
    println!("{}", say(msg!("serve-stopped")));
    Ok(())
}

/// Whether an event changes a file. Reading files (as each rebuild does)
/// raises access events: those must not start another rebuild.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(m)) => {
            !matches!(m, MetadataKind::AccessTime | MetadataKind::Any)
        }
        _ => true,
    }
}

fn snapshot_version(s: &Arc<RwLock<Arc<Snapshot>>>) -> u64 {
    s.read().unwrap_or_else(|e| e.into_inner()).version
}

/// The publish folder, whose changes never trigger a rebuild.
fn output_dir(root: &Path) -> PathBuf {
    let configured = crate::config::Config::load(root)
        .map(|(c, _)| c.output_dir)
        .unwrap_or_else(|_| PathBuf::from("public"));
    let p = if configured.is_absolute() {
        configured
    } else {
        root.join(configured)
    };
    p.canonicalize().unwrap_or(p)
}

fn report(s: &Snapshot, outcome: &site::Outcome, changed: Option<(&Path, &[PathBuf])>) {
    let what = changed
        .map(|(root, paths)| {
            let names: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| crate::messages::slashed(&crate::diagnostic::display_path(root, p)))
                .collect();
            let more = paths.len().saturating_sub(3);
            say(msg!("serve-after", files = names.join(", "), more = more))
        })
        .unwrap_or_default();
    let lang = Lang::current();
    let style = crate::report::Style::for_stream(std::io::stderr().is_terminal());
    // What was accepted in the data is for `bantin check`'s list, not for
    // every rebuild.
    let problems = s.problems.counted();
    if s.failed {
        eprintln!("{}", crate::report::human(&problems, style, lang));
        eprintln!("{}", say(msg!("serve-failed", after = what)));
    } else {
        if !problems.is_empty() {
            eprintln!("{}", crate::report::human(&problems, style, lang));
        }
        println!(
            "{}",
            say(msg!(
                "serve-built",
                updated = if outcome.incremental { "yes" } else { "no" },
                pages = outcome.pages,
                ms = outcome.elapsed.as_millis().to_string(),
                after = what
            ))
        );
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!(
            "{}",
            say(msg!(
                "serve-no-browser",
                opener = opener,
                reason = e.to_string(),
                url = url
            ))
        );
    }
}

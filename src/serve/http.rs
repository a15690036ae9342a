//! HTTP for the preview, on axum: pages and files of the current snapshot,
//! the live-reload script and its event stream. Files come from memory by
//! exact name, so no request can reach a file outside the built site: a
//! path is decoded once, and `..`, backslashes and NUL are refused before
//! any lookup.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::percent_decode_str;
use tokio::sync::watch;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use super::overlay::{self, LIVE_JS, PREFIX};
use super::site::Snapshot;

#[derive(Clone)]
pub struct Shared {
    pub snapshot: Arc<RwLock<Arc<Snapshot>>>,
    /// The search index, which follows the snapshot a moment later.
    pub search: super::index::Files,
    pub versions: watch::Receiver<u64>,
    /// The PDF editions, printed when asked for.
    pub pdfs: Arc<super::pdf::Pdfs>,
}

impl Shared {
    fn current(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

pub fn router(shared: Shared) -> Router {
    Router::new()
        .route(&format!("/{PREFIX}live.js"), get(live_js))
        .route(&format!("/{PREFIX}events"), get(events))
        .fallback(file)
        .with_state(shared)
}

async fn live_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
        .into_response()
}

/// Server-sent events: the site's version now, then at each rebuild.
async fn events(
    State(shared): State<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = WatchStream::new(shared.versions.clone())
        .map(|v| Ok(Event::default().event("reload").data(v.to_string())));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The key of a file in the snapshot for a request path, or `None` when
/// the path cannot name one (`..`, `\`, NUL, bad percent-encoding).
pub fn key_of(path: &str) -> Option<String> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

async fn file(State(shared): State<Shared>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let snapshot = shared.current();
    let Some(key) = key_of(uri.path()) else {
        return not_found(&snapshot, StatusCode::BAD_REQUEST);
    };
    if let Some(bytes) = snapshot.files.get(&key) {
        return serve_bytes(&snapshot, &key, bytes.clone(), StatusCode::OK);
    }
    if key.starts_with(crate::address::PAGEFIND) {
        let index = shared
            .search
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(bytes) = index.get(&key) {
            return serve_bytes(&snapshot, &key, bytes.clone(), StatusCode::OK);
        }
    }
    if snapshot.prints.contains_key(&key) {
        let (pdfs, printing) = (Arc::clone(&shared.pdfs), Arc::clone(&snapshot));
        let made = tokio::task::spawn_blocking(move || pdfs.get(&printing, &key)).await;
        return match made {
            Ok(Some(Ok(bytes))) => respond(StatusCode::OK, "application/pdf", Body::from(bytes)),
            Ok(Some(Err(problem))) => {
                let mut list = crate::diagnostic::Diagnostics::new();
                list.push(problem);
                let lang = crate::messages::Lang::current();
                let text = crate::report::human(&list, crate::report::Style::Plain, lang);
                respond(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "text/plain; charset=utf-8",
                    Body::from(text),
                )
            }
            _ => not_found(&snapshot, StatusCode::NOT_FOUND),
        };
    }
    // A folder asked for without its slash: relative links need it.
    if snapshot.files.contains_key(&format!("{key}/index.html")) {
        let mut to = format!("{}/", uri.path());
        if let Some(q) = uri.query() {
            to.push('?');
            to.push_str(q);
        }
        return (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, to)]).into_response();
    }
    not_found(&snapshot, StatusCode::NOT_FOUND)
}

fn not_found(snapshot: &Snapshot, status: StatusCode) -> Response {
    match snapshot.files.get("404.html") {
        Some(page) => serve_bytes(snapshot, "404.html", page.clone(), status),
        None => {
            // No good build yet: the overlay alone says why.
            let body = overlay::inject(
                b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bantin</title></head><body></body></html>",
                snapshot.version,
                overlay::for_problems(
                    &snapshot.problems,
                    snapshot.failed,
                    crate::messages::Lang::current(),
                )
                .as_deref(),
            );
            respond(status, "text/html; charset=utf-8", Body::from(body))
        }
    }
}

fn serve_bytes(
    snapshot: &Snapshot,
    key: &str,
    bytes: axum::body::Bytes,
    status: StatusCode,
) -> Response {
    let kind = content_type(key);
    if kind.starts_with("text/html") {
        let overlay = overlay::for_problems(
            &snapshot.problems,
            snapshot.failed,
            crate::messages::Lang::current(),
        );
        let body = overlay::inject(&bytes, snapshot.version, overlay.as_deref());
        return respond(status, kind, Body::from(body));
    }
    respond(status, kind, Body::from(bytes))
}

fn respond(status: StatusCode, kind: &str, body: Body) -> Response {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(kind) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    // A preview must never show a stale page or script.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The content type of a file by its name, with a charset for text.
pub fn content_type(key: &str) -> &'static str {
    let ext = key.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        _ => mime_guess::from_ext(ext)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_map_to_keys_and_traversal_to_nothing() {
        assert_eq!(key_of("/").as_deref(), Some("index.html"));
        assert_eq!(key_of("/en/").as_deref(), Some("en/index.html"));
        assert_eq!(key_of("/2021-q1/").as_deref(), Some("2021-q1/index.html"));
        assert_eq!(key_of("/2021-q1").as_deref(), Some("2021-q1"));
        assert_eq!(
            key_of("/static/style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(key_of("/a/./b").as_deref(), Some("a/b"));
        assert_eq!(key_of("//static//x.js").as_deref(), Some("static/x.js"));
        for bad in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/static/..%2f..%2fsite.toml",
            "/static/%2E%2E/%2E%2E/Cargo.toml",
            "/..\\site.toml",
            "/%5c..%5csite.toml",
            "/x%00.html",
            "/%ff%fe",
        ] {
            assert_eq!(key_of(bad), None, "{bad}");
        }
        // An encoded absolute path is just a name in the site.
        assert_eq!(key_of("/%2fetc%2fpasswd").as_deref(), Some("etc/passwd"));
    }

    #[test]
    fn content_types_carry_a_charset_for_text() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("data/all.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("static/favicon.svg"), "image/svg+xml");
        assert_eq!(content_type("x.png"), "image/png");
        assert_eq!(content_type("x.unknownext"), "application/octet-stream");
    }
}

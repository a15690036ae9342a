//! The sample site built for a sub-path (`/bantin/`) and served by a real
//! nginx with the location block the README gives, started here on a free
//! loopback port with its own configuration. A crawler follows every link
//! from the home pages, the sitemap and the feeds: every page, asset and
//! download answers 200, and nothing is requested outside the sub-path.
//!
//! Without nginx the test says so and passes; CI installs it and sets
//! BANTIN_REQUIRE_NGINX=1 (see .ci/run), where a missing nginx fails.

use std::collections::{BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use crate::common::TestSite;

fn nginx() -> Option<PathBuf> {
    let found = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("BANTIN_REQUIRE_NGINX").is_none(),
            "BANTIN_REQUIRE_NGINX is set but nginx was not found: apt-get install -y nginx-light"
        );
        crate::common::skipped("nginx test, no nginx (apt-get install -y nginx-light)");
    }
    found
}

struct Nginx {
    child: Child,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts nginx in the foreground with a configuration of its own: the
/// site under `/bantin/` as the README's block serves it, and nothing at
/// all anywhere else.
fn start(bin: &Path, dir: &Path, public: &Path, port: u16) -> Nginx {
    let empty = dir.join("www");
    std::fs::create_dir_all(&empty).unwrap();
    let conf = format!(
        r#"daemon off;
master_process off;
worker_processes 1;
error_log {dir}/error.log;
pid {dir}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {empty};
        location /bantin/ {{
            alias {public}/;
            index index.html;
            error_page 404 /bantin/404.html;
        }}
    }}
}}
"#,
        dir = dir.display(),
        empty = empty.display(),
        public = public.display(),
    );
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).unwrap();
    let child = Command::new(bin)
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let server = Nginx { child };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "nginx did not start: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// GET `path`: the status, the content type and the body.
fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP response");
    let head = String::from_utf8_lossy(&bytes[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let kind = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type:"))
        .unwrap_or("")
        .trim()
        .to_owned();
    (status, kind, bytes[split + 4..].to_vec())
}

/// The path a link on the page at `page` leads to on this host, or `None`
/// for another host or scheme. Fragments go; the query stays.
fn resolve(page: &str, href: &str, origin: &str) -> Option<String> {
    let href = href.split('#').next().unwrap_or("");
    if href.is_empty() {
        return None;
    }
    if let Some(rest) = href.strip_prefix(origin) {
        return Some(normalise(rest));
    }
    if href.contains("://")
        || href.starts_with("//")
        || href.contains(':') && !href.starts_with('/')
    {
        return None;
    }
    if href.starts_with('/') {
        return Some(normalise(href));
    }
    let dir = &page[..=page.rfind('/').unwrap()];
    Some(normalise(&format!("{dir}{href}")))
}

fn normalise(path: &str) -> String {
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if path.ends_with('/') && out != "/" {
        out.push('/');
    }
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[test]
fn a_build_under_a_sub_path_served_by_nginx_has_no_broken_link_and_nothing_outside() {
    let Some(bin) = nginx() else { return };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let origin = format!("http://127.0.0.1:{port}");
    let site = TestSite::sample();
    let out = site.run(&["--base-url", &format!("{origin}/bantin/")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let _server = start(&bin, dir.path(), &site.path("public"), port);

    let links =
        Selector::parse("[href], [src], [action], [data-pagefind], [data-echarts]").unwrap();
    let mut queue: VecDeque<(String, String)> = [
        "/bantin/",
        "/bantin/en/",
        "/bantin/sitemap.xml",
        "/bantin/feed.xml",
        "/bantin/en/feed.xml",
        "/bantin/robots.txt",
    ]
    .into_iter()
    .map(|p| (p.to_owned(), "start".to_owned()))
    .collect();
    let mut seen: BTreeSet<String> = queue.iter().map(|(p, _)| p.clone()).collect();
    let mut broken = Vec::new();
    let mut outside = Vec::new();
    let mut pages = 0;
    while let Some((path, from)) = queue.pop_front() {
        let (status, kind, body) = get(port, &path);
        if status != 200 {
            broken.push(format!("{path} ({status}), linked from {from}"));
            continue;
        }
        let text = String::from_utf8_lossy(&body);
        let mut found: Vec<String> = Vec::new();
        if kind.starts_with("text/html") {
            pages += 1;
            let doc = Html::parse_document(&text);
            for el in doc.select(&links) {
                for attr in ["href", "src", "action", "data-echarts"] {
                    if let Some(v) = el.value().attr(attr) {
                        found.push(v.to_owned());
                    }
                }
                // The search page's script loads the list of the index's
                // parts from this folder, and each language's first part.
                if let Some(folder) = el.value().attr("data-pagefind") {
                    found.push(format!("{folder}bantin-parts.json"));
                    for part in ["vi", "en"] {
                        for file in ["pagefind.js", "pagefind-entry.json", "pagefind-worker.js"] {
                            found.push(format!("{folder}{part}/{file}"));
                        }
                    }
                }
            }
        } else if path.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text).unwrap();
            for n in doc.descendants() {
                if n.has_tag_name("loc") {
                    found.extend(n.text().map(str::to_owned));
                }
                found.extend(n.attribute("href").map(str::to_owned));
            }
        } else if path.ends_with("robots.txt") {
            found.extend(
                text.lines()
                    .filter_map(|l| l.strip_prefix("Sitemap: ").map(str::to_owned)),
            );
        }
        for href in found {
            let Some(target) = resolve(&path, &href, &origin) else {
                continue;
            };
            if !target.starts_with("/bantin/") {
                outside.push(format!("{target}, linked from {path}"));
                continue;
            }
            if seen.insert(target.clone()) {
                queue.push_back((target, path.clone()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(
        outside.is_empty(),
        "links outside /bantin/:\n{}",
        outside.join("\n")
    );
    assert!(pages >= 60, "crawled {pages} pages");
    assert!(seen.contains("/bantin/en/indicators/exports/"));
    assert!(
        seen.iter()
            .any(|p| p.starts_with("/bantin/static/vendor/echarts-"))
    );
    assert!(seen.contains("/bantin/data/all.csv"));
    assert!(seen.contains("/bantin/en/search/"));
    assert!(seen.contains("/bantin/pagefind/vi/pagefind.js"));
    assert!(seen.contains("/bantin/pagefind/bantin-parts.json"));

    // An unknown address gets the site's own 404 page, under the sub-path.
    let (status, _, body) = get(port, "/bantin/2099-q1/");
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("/bantin/static/style.css"));

    // nginx's own log agrees: every request was under the sub-path.
    let log = std::fs::read_to_string(dir.path().join("access.log")).unwrap();
    let requested: Vec<&str> = log
        .lines()
        .filter_map(|l| l.split('"').nth(1)?.split_whitespace().nth(1))
        .collect();
    assert!(requested.len() > 100, "{} requests", requested.len());
    assert!(
        requested.iter().all(|p| p.starts_with("/bantin/")),
        "{requested:?}"
    );
}

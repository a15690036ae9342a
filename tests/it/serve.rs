//! `bantin serve`: the real server on a free port, spoken to over raw TCP
//! so that paths reach it exactly as written (no client normalises `..`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::TestSite;

/// A running `bantin serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    /// Every line the server printed, as it prints them.
    lines: mpsc::Receiver<String>,
}

impl Server {
    fn start(site: &TestSite) -> Server {
        Server::start_with(site, &[])
    }

    /// With more arguments for `bantin serve` (`--lang vi`).
    fn start_with(site: &TestSite, extra: &[&str]) -> Server {
        // A free port to start from; serve moves on if it is taken meanwhile.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = crate::common::bantin()
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(site.root())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        for out in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(out).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            else {
                let _ = child.kill();
                let _ = child.wait();
                panic!("serve did not say where it serves");
            };
            // "Serving … at URL", or in Vietnamese "Đang phục vụ … tại URL".
            let said = line
                .strip_prefix("Serving ")
                .map(|r| (r, " at "))
                .or_else(|| line.strip_prefix("Đang phục vụ ").map(|r| (r, " tại ")));
            if let Some((rest, at)) = said {
                let url = rest.split(at).nth(1).unwrap().split(' ').next().unwrap();
                let addr = url
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_owned();
                return Server {
                    child,
                    addr,
                    lines: rx,
                };
            }
        }
    }

    /// One request as raw bytes; the response's status, headers and body.
    fn raw(&self, request: &[u8]) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        // Generous: a PDF edition is printed when asked for.
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        s.write_all(request).unwrap();
        let mut bytes = Vec::new();
        let _ = s.read_to_end(&mut bytes);
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(bytes.len());
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let body = bytes.get(split + 4..).unwrap_or_default().to_vec();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_ascii_lowercase(), body)
    }

    fn request(&self, method: &str, path: &str) -> (u16, String, Vec<u8>) {
        self.raw(
            format!(
                "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.addr
            )
            .as_bytes(),
        )
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        let (status, head, body) = self.request("GET", path);
        (status, head, String::from_utf8_lossy(&body).into_owned())
    }

    /// Polls a page until `test` holds of its body (generous bound: the
    /// machines are shared).
    fn wait_for(&self, path: &str, what: &str, test: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (_, _, body) = self.get(path);
            if test(&body) {
                return body;
            }
            assert!(Instant::now() < deadline, "{path}: never {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the server prints a line containing `needle`.
    fn said(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match self
                .lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => panic!("serve never said {needle:?}"),
            }
        }
    }

    /// Stops the server as Ctrl-C does; its exit status.
    fn interrupt(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn pages_and_files_are_served_with_their_types() {
    let site = TestSite::sample();
    let server = Server::start(&site);
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/en/2021-q1/", "text/html; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/charts.js", "text/javascript; charset=utf-8"),
        ("/data/all.csv", "text/csv; charset=utf-8"),
        ("/data/2021-q1.json", "application/json"),
        ("/static/favicon.svg", "image/svg+xml"),
    ] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("content-type: {kind}")),
            "{path}: {head}"
        );
    }
    // Links point at the local address.
    let (_, _, home) = server.get("/");
    assert!(
        home.contains(&format!("http://{}/", server.addr)),
        "canonical links use the local address"
    );
    assert!(home.contains("/__bantin/live.js"));
    // HEAD: the headers of GET, no body.
    let (status, head, body) = server.request("HEAD", "/2021-q1/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"));
    assert!(body.is_empty());
    // A folder without its slash, and a page that does not exist.
    let (status, head, _) = server.get("/2021-q1");
    assert_eq!(status, 308);
    assert!(head.contains("location: /2021-q1/"));
    let (status, _, body) = server.get("/no-such-page/");
    assert_eq!(status, 404);
    assert!(
        body.contains("Không tìm thấy trang") || body.contains("Page not found"),
        "{body}"
    );
    // Nothing else than GET and HEAD.
    assert_eq!(server.request("POST", "/").0, 405);
}

#[test]
fn no_request_reaches_a_file_outside_the_built_site() {
    // (A link in the site's files that leads outside the site is refused
    // when the site is read: hostile::links_out_of_the_site_are_refused.)
    let site = TestSite::sample();
    let server = Server::start(&site);
    let secret = "base_url";
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/site.toml",
        "/..%2fsite.toml",
        "/static/..%2f..%2fsite.toml",
        "/static/%2e%2e/%2e%2e/site.toml",
        "/..\\site.toml",
        "/%5c..%5csite.toml",
        "/%2fetc%2fpasswd",
        "/%2Fetc%2Fhostname",
        "//etc/passwd",
        "/static/secret.txt",
        "/static/etc/passwd",
        "/static/etc/hostname",
        "/content/indicators.yaml",
        "/site.toml",
    ] {
        let (status, _, body) = server.get(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains(secret), "{path} served the site's settings");
        assert!(!body.contains("root:"), "{path} served /etc/passwd");
    }
    // A malformed request gets an error, and the server goes on.
    let (status, _, _) = server.raw(b"GARBAGE\r\n\r\n");
    assert!(status == 400 || status == 0, "{status}");
    let (status, _, _) =
        server.raw(b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(status == 400 || status == 404 || status == 0, "{status}");
    assert_eq!(server.get("/").0, 200);
}

/// Reads the event stream in a thread; sends each `data:` line.
fn events(server: &Server) -> mpsc::Receiver<u64> {
    let mut s = TcpStream::connect(&server.addr).unwrap();
    write!(
        s,
        "GET /__bantin/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
        server.addr
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if let Some(v) = line.strip_prefix("data: ")
                && let Ok(v) = v.trim().parse()
                && tx.send(v).is_err()
            {
                break;
            }
        }
    });
    rx
}

#[test]
fn editing_a_narrative_reloads_the_page_with_the_new_text() {
    let site = TestSite::sample();
    let server = Server::start(&site);
    let stream = events(&server);
    let first = stream.recv_timeout(Duration::from_secs(10)).unwrap();
    let rel = "content/bulletins/2021-q1/index.en.md";
    let text = site.read(rel);
    site.write(
        rel,
        &format!("{text}\nA sentence the editor has just added.\n"),
    );
    let next = stream
        .recv_timeout(Duration::from_secs(20))
        .expect("no reload event after the edit");
    assert!(next > first);
    server.wait_for("/en/2021-q1/", "showed the new sentence", |b| {
        b.contains("A sentence the editor has just added.")
    });
    // The other language's page is unchanged, and nothing was written.
    let (_, _, vi) = server.get("/2021-q1/");
    assert!(!vi.contains("A sentence the editor has just added."));
    assert!(
        !site.path("public").exists(),
        "serve wrote the publish folder"
    );
}

#[test]
fn the_overlay_speaks_the_editors_language() {
    let site = TestSite::sample();
    let server = Server::start_with(&site, &["--lang", "vi"]);
    let rel = "content/bulletins/2021-q1/data.yaml";
    let good = site.read(rel);
    site.write(rel, &good.replace("value: 5718.5", "value: 5.718,5"));
    let page = server.wait_for("/en/2021-q1/", "showed the error overlay", |b| {
        b.contains("bantin-overlay")
    });
    assert!(page.contains("Bản xem trước chưa cập nhật được"), "{page}");
    assert!(page.contains("cần một số, nhưng gặp văn bản"), "{page}");
    assert!(
        page.contains("Gợi ý: `5.718,5` là số viết theo kiểu Việt Nam"),
        "{page}"
    );
    server.said("Dựng trang thất bại sau khi sửa content/bulletins/2021-q1/data.yaml");
}

#[test]
fn a_broken_file_shows_the_errors_over_the_last_good_page_until_fixed() {
    let site = TestSite::sample();
    let server = Server::start(&site);
    let rel = "content/bulletins/2021-q1/data.yaml";
    let good = site.read(rel);
    site.write(rel, &good.replace("value: 5718.5", "value: [unclosed"));
    let page = server.wait_for("/en/2021-q1/", "showed the error overlay", |b| {
        b.contains("bantin-overlay")
    });
    // The overlay names the file and line …
    assert!(
        page.contains("content/bulletins/2021-q1/data.yaml:"),
        "{page}"
    );
    // … in the editor's language (the tests' bantin speaks English), on
    // the pages of every language.
    assert!(page.contains("The preview could not be updated"));
    let (_, _, vi) = server.get("/2021-q1/");
    assert!(vi.contains("The preview could not be updated"), "{vi}");
    // … over the last good page.
    assert!(page.contains("5,718.5"));
    // The console says it too.
    server.said("The build failed after content/bulletins/2021-q1/data.yaml");
    // Fixing the file removes it.
    site.write(rel, &good);
    server.wait_for("/en/2021-q1/", "dropped the overlay", |b| {
        !b.contains("bantin-overlay") && b.contains("5,718.5")
    });
}

#[test]
fn ctrl_c_stops_cleanly_leaving_nothing_behind() {
    let site = TestSite::sample();
    let before = site.snapshot("");
    let server = Server::start(&site);
    // An open event stream must not keep the server up.
    let _stream = events(&server);
    std::thread::sleep(Duration::from_millis(300));
    let status = server.interrupt();
    assert!(status.success(), "{status}");
    assert_eq!(site.snapshot(""), before, "serve changed the site folder");
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let site = TestSite::sample();
    let first = Server::start(&site);
    let port: u16 = first.addr.rsplit(':').next().unwrap().parse().unwrap();
    let mut child = crate::common::bantin()
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut said = String::new();
    while !said.contains("Serving") {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        said.push_str(&line);
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(said.contains(&format!("Port {port} is taken")), "{said}");
    assert!(!said.contains(&format!("127.0.0.1:{port}/")), "{said}");
    drop(first);
}

/// The files of two builds, compared: the paths that differ.
fn differences(
    a: &std::collections::HashMap<String, axum::body::Bytes>,
    b: &std::collections::HashMap<String, axum::body::Bytes>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in a {
        match b.get(k) {
            None => out.push(format!("only in the incremental build: {k}")),
            Some(w) if w != v => out.push(format!("differs: {k}")),
            _ => {}
        }
    }
    for k in b.keys() {
        if !a.contains_key(k) {
            out.push(format!("missing from the incremental build: {k}"));
        }
    }
    out.sort();
    out
}

#[test]
fn an_edit_in_one_release_renders_only_what_it_touches_and_the_same_as_a_full_build() {
    use bantin::serve::site::Model;
    let site = TestSite::sample();
    let base = "http://127.0.0.1:1111/";
    let (mut model, first) = Model::load(site.root(), base);
    assert!(!first.incremental && !model.snapshot.failed);
    let total = first.pages;
    type Edit = fn(&TestSite) -> Vec<&'static str>;
    let edits: [(&str, Edit); 9] = [
        ("a narrative", |s| {
            let rel = "content/bulletins/2021-q1/index.en.md";
            let t = s.read(rel);
            s.write(rel, &format!("{t}\nOne more sentence.\n"));
            vec![rel]
        }),
        ("a title", |s| {
            let rel = "content/bulletins/2021-q1/index.vi.md";
            let t = s.read(rel);
            let (head, rest) = t.split_once("title:").unwrap();
            let rest = rest.split_once('\n').unwrap().1;
            s.write(
                rel,
                &format!("{head}title: \"Tiêu đề mới của quý I\"\n{rest}"),
            );
            vec![rel]
        }),
        ("a breakdown row", |s| {
            let rel = "content/bulletins/2021-q1/data.yaml";
            let t = s.read(rel);
            assert!(t.contains("growth_yoy: 67.64"));
            s.write(rel, &t.replace("growth_yoy: 67.64", "growth_yoy: 66.64"));
            vec![rel]
        }),
        ("a figure", |s| {
            let rel = "content/bulletins/2021-03/data.yaml";
            let t = s.read(rel);
            s.write(rel, &t.replace("value: 1960.8", "value: 1961.9"));
            vec![rel]
        }),
        ("a new release", |s| {
            s.write(
                "content/bulletins/2025-q1/data.yaml",
                "period: 2025-Q1\nstatus: estimate\nindicators:\n  exports:\n    value: 7001.5\n    growth_yoy: 9.5\n",
            );
            s.write(
                "content/bulletins/2025-q1/index.en.md",
                "---\ntitle: \"Q1 2025\"\n---\n\nExports {{ value(\"exports\") }}.\n\n{{ chart(\"exports\") }}\n",
            );
            vec![
                "content/bulletins/2025-q1/data.yaml",
                "content/bulletins/2025-q1/index.en.md",
            ]
        }),
        ("a release between two of its kind", |s| {
            s.write(
                "content/bulletins/2020-q2/data.yaml",
                "period: 2020-Q2\nstatus: final\nindicators:\n  imports:\n    value: 4100\n",
            );
            vec!["content/bulletins/2020-q2/data.yaml"]
        }),
        ("a period written again", |s| {
            let rel = "content/bulletins/2025-q1/data.yaml";
            let t = s.read(rel);
            s.write(rel, &t.replace("2025-Q1", "2025-Q2"));
            vec![rel]
        }),
        ("a removed release", |s| {
            s.remove("content/bulletins/2025-q1");
            vec!["content/bulletins/2025-q1/data.yaml"]
        }),
        ("an indicator's only figure removed", |s| {
            let rel = "content/bulletins/2019/data.yaml";
            let t = s.read(rel);
            let cut: String = t
                .lines()
                .scan(false, |skip, l| {
                    if l.starts_with("  port_cargo:") {
                        *skip = true;
                        return Some(None);
                    }
                    if *skip && l.starts_with("    ") {
                        return Some(None);
                    }
                    *skip = false;
                    Some(Some(l))
                })
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
            assert_ne!(cut, t.trim_end());
            s.write(rel, &format!("{cut}\n"));
            // … and the sentences citing it.
            let mut changed = vec![rel];
            for text in [
                "content/bulletins/2019/index.en.md",
                "content/bulletins/2019/index.vi.md",
            ] {
                let t = s.read(text);
                let kept: Vec<&str> = t.lines().filter(|l| !l.contains("port_cargo")).collect();
                s.write(text, &(kept.join("\n") + "\n"));
                changed.push(text);
            }
            changed
        }),
    ];
    for (what, edit) in edits {
        let changed: Vec<std::path::PathBuf> =
            edit(&site).into_iter().map(|r| site.path(r)).collect();
        let outcome = model.apply(&changed);
        assert!(
            !model.snapshot.failed,
            "{what}: {}",
            model.snapshot.problems
        );
        assert!(outcome.incremental, "{what}");
        assert!(
            outcome.pages < total,
            "{what}: {} of {total} pages",
            outcome.pages
        );
        let (full, _) = Model::load(site.root(), base);
        assert!(!full.snapshot.failed, "{what}: {}", full.snapshot.problems);
        let diff = differences(&model.snapshot.files, &full.snapshot.files);
        assert!(diff.is_empty(), "after {what}:\n{}", diff.join("\n"));
        // The same findings too: serve checks by the rules of a build.
        let findings = |m: &Model| {
            let mut v: Vec<String> = m.snapshot.problems.iter().map(|d| d.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(findings(&model), findings(&full), "after {what}");
        assert!(!findings(&full).is_empty(), "the sample's warning is kept");
    }
    assert!(
        !model
            .snapshot
            .files
            .contains_key("indicators/port_cargo/index.html")
    );
}

#[test]
fn serve_applies_the_check_rules_warnings_folded_errors_over_the_page() {
    let site = TestSite::sample();
    let server = Server::start(&site);
    // The sample's one warning is listed, folded, on every page.
    let (_, _, page) = server.get("/2021-q1/");
    assert!(page.contains("<details id=\"bantin-warnings\""), "{page}");
    assert!(page.contains("growth_yoy is 8.67%"), "{page}");
    assert!(!page.contains("bantin-overlay"));
    // A figure typed into a narrative adds a warning; the page updates.
    let rel = "content/bulletins/2021-q1/index.vi.md";
    let text = site.read(rel);
    site.write(
        rel,
        &format!("{text}\nKim ngạch xuất khẩu ước đạt 5.718,5 triệu USD.\n"),
    );
    let page = server.wait_for("/2021-q1/", "listed the typed figure", |b| {
        b.contains("the figure 5.718,5 is typed into the text")
    });
    assert!(page.contains("5.718,5 triệu USD."));
    // A unit slip in another release is an error, shown over the last
    // good page.
    let rel = "content/bulletins/2020/data.yaml";
    site.write(rel, &site.read(rel).replace("value: 19000", "value: 19"));
    let page = server.wait_for("/en/2020/", "showed the unit slip", |b| {
        b.contains("bantin-overlay")
    });
    assert!(page.contains("about 1,000 times smaller"), "{page}");
}

#[test]
fn the_preview_indexes_for_search_and_again_after_an_edit() {
    let site = TestSite::sample();
    let server = Server::start(&site);
    let entry = |body: &str| -> Option<serde_json::Value> { serde_json::from_str(body).ok() };
    // The releases of 2020–2024 are a part of the index of each language.
    let first = server.wait_for("/pagefind/vi-2020/pagefind-entry.json", "indexed", |b| {
        entry(b).is_some()
    });
    let first = entry(&first).unwrap();
    assert!(
        first["languages"]["vi"]["page_count"].as_u64().unwrap() >= 4,
        "{first}"
    );
    let (_, _, english) = server.get("/pagefind/en-2020/pagefind-entry.json");
    let english = entry(&english).unwrap();
    assert!(english["languages"]["en"]["page_count"].as_u64().unwrap() >= 4);
    let (_, _, parts) = server.get("/pagefind/bantin-parts.json");
    let parts = entry(&parts).unwrap();
    assert_eq!(parts["vi"][0], "vi", "{parts}");
    let (status, head, _) = server.get("/pagefind/vi/pagefind.js");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/javascript"), "{head}");
    let (_, _, page) = server.get("/search/");
    assert!(page.contains("data-pagefind=\"/pagefind/\""), "{page}");

    // An edit changes the Vietnamese index (its hash) and not the English.
    let rel = "content/bulletins/2021-q1/index.vi.md";
    let text = site.read(rel);
    site.write(rel, &format!("{text}\nCâu mới về cảng Lạch Huyện.\n"));
    let hash = |e: &serde_json::Value, lang: &str| e["languages"][lang]["hash"].clone();
    let after = server.wait_for(
        "/pagefind/vi-2020/pagefind-entry.json",
        "indexed again",
        |b| entry(b).is_some_and(|e| hash(&e, "vi") != hash(&first, "vi")),
    );
    let after = entry(&after).unwrap();
    let (_, _, english_after) = server.get("/pagefind/en-2020/pagefind-entry.json");
    assert_eq!(
        hash(&entry(&english_after).unwrap(), "en"),
        hash(&english, "en")
    );
    let meta = format!(
        "/pagefind/vi-2020/pagefind.{}.pf_meta",
        hash(&after, "vi").as_str().unwrap()
    );
    assert_eq!(server.get(&meta).0, 200, "{meta}");
    assert!(
        !site.path("public").exists(),
        "serve wrote the publish folder"
    );
}

#[test]
fn a_pdf_edition_is_printed_when_asked_for() {
    if crate::browser::chromium().is_none() {
        return;
    }
    let site = TestSite::sample();
    let toml = site.read("site.toml").replace(
        "output_dir = \"public\"",
        "output_dir = \"public\"\npdf = true",
    );
    site.write("site.toml", &toml);
    let server = Server::start(&site);
    let (status, head, body) = server.request("GET", "/en/pdf/2021-q1.pdf");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: application/pdf"), "{head}");
    assert!(body.starts_with(b"%PDF-"), "not a PDF");
    // The page links to it, and the link is not reported dead.
    let (_, _, page) = server.get("/en/2021-q1/");
    assert!(
        page.contains("href=\"/en/pdf/2021-q1.pdf\""),
        "no link to the PDF"
    );
    assert!(
        !page.contains("bantin-overlay"),
        "the preview reports errors"
    );
    // Asked again, it is the same file, not printed again.
    let (_, _, again) = server.request("GET", "/en/pdf/2021-q1.pdf");
    assert_eq!(again, body);
    // A PDF of a release that does not exist is not found.
    assert_eq!(server.get("/pdf/1999-q1.pdf").0, 404);
    // Editing the narrative: the new PDF says what the text says now.
    site.write(
        "content/bulletins/2021-q1/index.en.md",
        &format!(
            "{}\nA sentence added in the preview.\n",
            site.read("content/bulletins/2021-q1/index.en.md")
        ),
    );
    server.wait_for("/en/2021-q1/", "shows the edit", |b| {
        b.contains("A sentence added in the preview.")
    });
    // Rendered again after the edit, its link to the PDF is still good.
    let (_, _, page) = server.get("/en/2021-q1/");
    assert!(
        !page.contains("bantin-overlay"),
        "the preview reports errors"
    );
    let (status, _, edited) = server.request("GET", "/en/pdf/2021-q1.pdf");
    assert_eq!(status, 200);
    assert_ne!(edited, body, "the PDF was not printed again after the edit");
}

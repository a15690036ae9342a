//! How long an editor waits: from saving a file to the page's reload
//! event, on a large generated site, for an edit inside one release
//! (incremental) and for a catalogue edit (whole site).
//!
//!     cargo bench --bench serve              # 1,000 monthly releases
//!     cargo bench --bench serve -- 200       # another size
//!
//! Prints figures; asserts nothing (these machines are shared and noisy).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bantin::serve::site::Model;

#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    synthetic::bantin::write_site(root, &synthetic::releases(n, synthetic::Shape::REALISTIC));
    let edited = root.join("content/bulletins/2020-06/index.en.md");
    let edit = |k: usize| {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&edited)
            .unwrap();
        writeln!(f, "\nEdit number {k}.").unwrap();
    };

    // In process: the rebuild alone.
    let base = "http://127.0.0.1:1111/";
    let (mut model, first) = Model::load(root, base);
    assert!(!model.snapshot.failed, "{}", model.snapshot.problems);
    let mut full = vec![first.elapsed];
    for _ in 0..2 {
        full.push(Model::load(root, base).1.elapsed);
    }
    // The search index of the whole site, as serve builds it in the
    // background after each rebuild (and build before writing).
    let pages_for_search = bantin::search::pages(
        model
            .snapshot
            .files
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_ref())),
    );
    let mut indexing = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        bantin::search::index(&pages_for_search).unwrap();
        indexing.push(t.elapsed());
    }
    let indexed = pages_for_search.len();
    let mut part = Vec::new();
    let mut pages = 0;
    for k in 0..7 {
        edit(k);
        let o = model.apply(std::slice::from_ref(&edited));
        assert!(o.incremental && !model.snapshot.failed);
        pages = o.pages;
        part.push(o.elapsed);
    }

    // Through the real server: save a file, wait for the reload event.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spawned = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut addr = String::new();
    let mut line = String::new();
    while out.read_line(&mut line).unwrap() > 0 {
        if let Some(rest) = line.strip_prefix("Serving ") {
            addr = rest
                .split(" at http://")
                .nth(1)
                .unwrap()
                .split('/')
                .next()
                .unwrap()
                .to_owned();
            break;
        }
        line.clear();
    }
    // The first page can be asked for once serve says where.
    let first_page = spawned.elapsed();
    std::thread::spawn(move || for _ in out.lines() {});
    // serve indexes the site for search once at start, on both cores:
    // measured edits begin when that is done, as an editor's would.
    let started = Instant::now();
    loop {
        let mut s = TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET /pagefind/bantin-parts.json HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut status = String::new();
        BufReader::new(s).read_line(&mut status).unwrap();
        if status.contains(" 200 ") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "never indexed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let first_index = started.elapsed();
    let mut s = TcpStream::connect(&addr).unwrap();
    write!(s, "GET /__bantin/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(s).lines().map_while(Result::ok) {
            if l.starts_with("data: ") && tx.send(Instant::now()).is_err() {
                break;
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(30)).unwrap(); // the current version
    let wait = |change: &dyn Fn(usize), k: usize| {
        std::thread::sleep(Duration::from_millis(300));
        while rx.try_recv().is_ok() {}
        let t = Instant::now();
        change(k);
        let at = rx.recv_timeout(Duration::from_secs(120)).unwrap();
        at - t
    };
    let e2e_part: Vec<Duration> = (10..17).map(|k| wait(&edit, k)).collect();
    let catalog = root.join("content/indicators.yaml");
    let touch_catalog = |k: usize| {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&catalog)
            .unwrap();
        writeln!(f, "# edit {k}").unwrap();
    };
    let e2e_full: Vec<Duration> = (0..3).map(|k| wait(&touch_catalog, k)).collect();
    let _ = child.kill();
    let _ = child.wait();

    let total = first.pages;
    println!(
        "bantin serve, {n} monthly releases: {total} pages ({} CPUs)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
    println!("| what | median | runs |");
    println!("|---|---|---|");
    println!(
        "| whole-site rebuild, in process | {} | {} |",
        ms(median(full)),
        3
    );
    println!(
        "| search index of the whole site ({} pages), in process | {} | 3 |",
        indexed,
        ms(median(indexing))
    );
    println!(
        "| serve start → first page served | {} | 1 |",
        ms(first_page)
    );
    println!(
        "| serve start → search index served | {} | 1 |",
        ms(first_index + first_page)
    );
    println!(
        "| one release edited, in process ({pages} pages re-rendered) | {} | 7 |",
        ms(median(part))
    );
    println!(
        "| save → reload event, one release edited | {} | 7 |",
        ms(median(e2e_part))
    );
    println!(
        "| save → reload event, catalogue edited (whole site) | {} | 3 |",
        ms(median(e2e_full))
    );
    println!();
    println!("The save → event times include the watcher's 80 ms debounce.");
}

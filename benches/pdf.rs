//! The PDF editions' cost: a synthetic site of N releases of realistic
//! shape (see `examples/synthetic`: long narratives, four charts, a
//! 20-row breakdown, 30 indicators) with `pdf = true`, built by the real
//! binary, each run timed whole with its peak memory.
//!
//!     cargo bench --bench pdf             # N = 25 (50 PDFs)
//!     cargo bench --bench pdf -- 10 100   # other sizes
//!
//! Needs Chromium and GNU time (`apt-get install -y chromium time`).
//! Prints figures; asserts nothing. No other generator makes PDFs to
//! compare with: the figures are against bantin without its PDFs.

mod common;
#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

use std::path::Path;

/// Runs `bantin args` under GNU time: wall seconds, peak MiB.
fn timed(args: &[&str]) -> (f64, f64) {
    let run = common::timed(env!("CARGO_BIN_EXE_bantin"), args);
    (run.wall.as_secs_f64(), run.peak_mib)
}

/// The PDFs under `dir`: how many, and their bytes.
fn pdfs(dir: &Path) -> (usize, u64) {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .fold((0, 0), |(n, b), e| {
            (n + 1, b + e.metadata().map_or(0, |m| m.len()))
        })
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if given.is_empty() { vec![25] } else { given }
    };
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("bantin's PDF editions on synthetic content, {cpus} CPUs (search off)");
    println!();
    println!(
        "| releases | PDFs (MB) | build without PDFs | build with PDFs | per PDF | rebuild after one edit | rebuild, nothing changed | peak memory without / with |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let releases = synthetic::releases(n, synthetic::Shape::REALISTIC);
        synthetic::bantin::write_site(&site, &releases);
        let newest = releases[0].slug.clone();
        drop(releases);
        let settings = std::fs::read_to_string(site.join("site.toml")).unwrap();
        std::fs::write(
            site.join("site.toml"),
            format!("search = false\npdf = true\n{settings}"),
        )
        .unwrap();
        let root = site.to_str().unwrap();
        let public = site.join("public");
        let _ = std::fs::remove_dir_all(&public);
        let (without, peak_without) = timed(&["build", "--no-pdf", "--root", root]);
        let _ = std::fs::remove_dir_all(&public);
        let (with, peak_with) = timed(&["build", "--root", root]);
        let (count, bytes) = pdfs(&public);
        // One release's Vietnamese narrative edited: its one PDF again.
        let text = site.join(format!("content/bulletins/{newest}/index.vi.md"));
        let original = std::fs::read_to_string(&text).unwrap();
        std::fs::write(&text, format!("{original}\nCâu thêm.\n")).unwrap();
        let (edit, _) = timed(&["build", "--root", root]);
        let (same, _) = timed(&["build", "--root", root]);
        println!(
            "| {n} | {count} ({:.1} MB) | {without:.2} s | {with:.2} s | {:.0} ms | {edit:.2} s | {same:.2} s | {peak_without:.0} / {peak_with:.0} MiB |",
            bytes as f64 / 1e6,
            (with - without) * 1000.0 / count.max(1) as f64,
        );
    }
}

//! bantin against Hugo on the same content: a synthetic site of N
//! releases of realistic shape (see `examples/synthetic`), built by each,
//! timed whole (the process, from start to a finished output folder) with
//! its peak memory; and Hugo followed by Pagefind's CLI, what a Hugo user
//! adds for search.
//!
//!     cargo bench --bench build               # N = 100, 1,000, 5,000
//!     cargo bench --bench build -- 100 1000   # other sizes
//!
//! Needs Debian's `hugo` and GNU time (`apt-get install -y hugo time`);
//! without Hugo it times bantin alone. Prints figures; asserts nothing.

mod common;
#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

use std::path::Path;
use std::process::Command;

use common::{Run, timed};

fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.wall);
    runs.swap_remove(runs.len() / 2)
}

fn html_pages(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

/// Bytes of the files under `dir`, and of its HTML pages alone.
fn bytes(dir: &Path) -> (u64, u64) {
    let mut all = 0;
    let mut html = 0;
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            let n = e.metadata().map_or(0, |m| m.len());
            all += n;
            if e.path().extension().is_some_and(|x| x == "html") {
                html += n;
            }
        }
    }
    (all, html)
}

/// Pagefind's own program, as npm installed it for bantin's build.
fn pagefind() -> Option<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/@pagefind");
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n == "pagefind_extended" || n == "pagefind")
        })
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if given.is_empty() {
            vec![100, 1000, 5000]
        } else {
            given
        }
    };
    let hugo = Command::new("hugo").arg("version").output().ok();
    let hugo_version = hugo.filter(|o| o.status.success()).map(|o| {
        String::from_utf8_lossy(&o.stdout)
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .to_owned()
    });
    let pagefind = pagefind();
    let bantin = env!("CARGO_BIN_EXE_bantin");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "bantin against Hugo {} (and Pagefind's CLI after it) on the same synthetic content, {cpus} CPUs",
        hugo_version.as_deref().unwrap_or("(not installed)")
    );
    println!();
    println!(
        "| releases | pages bantin / Hugo | bantin, search off | Hugo | ratio | bantin, search on | Hugo + Pagefind | ratio | rebuild after one edit | check | peak bantin / Hugo | bytes bantin (pages) / Hugo |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let secs = |r: &Run| r.wall.as_secs_f64();
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let (site, hugo_site) = (dir.path().join("bantin"), dir.path().join("hugo"));
        let releases = synthetic::releases(n, synthetic::Shape::REALISTIC);
        synthetic::bantin::write_site(&site, &releases);
        synthetic::hugo::write_site(&hugo_site, &releases);
        let newest = releases[0].slug.clone();
        drop(releases);
        let runs = if n > 1000 { 1 } else { 3 };
        let root = site.to_str().unwrap();
        let public = site.join("public");
        let clean_build = || {
            let _ = std::fs::remove_dir_all(&public);
            timed(bantin, &["build", "--root", root])
        };
        // Search on (bantin's default), from an empty output folder.
        let with_search = median((0..runs).map(|_| clean_build()).collect());
        // One release's narrative edited, the previous output in place.
        let text = site.join(format!("content/bulletins/{newest}/index.vi.md"));
        let original = std::fs::read_to_string(&text).unwrap();
        let rebuild = median(
            (0..runs)
                .map(|i| {
                    std::fs::write(
                        &text,
                        format!(
                            "{original}\nCâu thêm số {}.\n",
                            "một hai ba".split(' ').nth(i % 3).unwrap()
                        ),
                    )
                    .unwrap();
                    timed(bantin, &["build", "--root", root])
                })
                .collect(),
        );
        std::fs::write(&text, &original).unwrap();
        let check = median(
            (0..runs)
                .map(|_| timed(bantin, &["check", "--root", root]))
                .collect(),
        );
        // Without the search index, which Hugo does not make.
        let settings = std::fs::read_to_string(site.join("site.toml")).unwrap();
        std::fs::write(
            site.join("site.toml"),
            format!("search = false\n{settings}"),
        )
        .unwrap();
        let plain = median((0..runs).map(|_| clean_build()).collect());
        let pages_b = html_pages(&public);
        let (bytes_b, html_b) = bytes(&public);
        let cells = match &hugo_version {
            Some(_) => {
                let src = hugo_site.to_str().unwrap();
                let out = hugo_site.join("public");
                let hugo_run = || {
                    let _ = std::fs::remove_dir_all(&out);
                    timed(
                        "hugo",
                        &[
                            "--quiet",
                            "--source",
                            src,
                            "--destination",
                            out.to_str().unwrap(),
                        ],
                    )
                };
                let h = median((0..runs).map(|_| hugo_run()).collect());
                let pages_h = html_pages(&out);
                let (bytes_h, _) = bytes(&out);
                let with_pf = pagefind.as_ref().map(|pf| {
                    median(
                        (0..runs)
                            .map(|_| {
                                let built = hugo_run();
                                let index =
                                    timed(pf.to_str().unwrap(), &["--site", out.to_str().unwrap()]);
                                Run {
                                    wall: built.wall + index.wall,
                                    peak_mib: built.peak_mib.max(index.peak_mib),
                                }
                            })
                            .collect(),
                    )
                });
                let (pf_cell, pf_ratio) = match &with_pf {
                    Some(r) => (
                        format!("{:.2} s", secs(r)),
                        format!("{:.2}×", secs(&with_search) / secs(r)),
                    ),
                    None => ("–".into(), "–".into()),
                };
                [
                    pages_h.to_string(),
                    format!("{:.2} s", secs(&h)),
                    format!("{:.2}×", secs(&plain) / secs(&h)),
                    pf_cell,
                    pf_ratio,
                    format!("{:.0} MiB", h.peak_mib),
                    mib(bytes_h),
                ]
            }
            None => std::array::from_fn(|_| "–".to_owned()),
        };
        println!(
            "| {n} | {pages_b} / {} | {:.2} s | {} | {} | {:.2} s | {} | {} | {:.2} s | {:.2} s | {:.0} / {} | {} ({}) / {} |",
            cells[0],
            secs(&plain),
            cells[1],
            cells[2],
            secs(&with_search),
            cells[3],
            cells[4],
            secs(&rebuild),
            secs(&check),
            with_search.peak_mib.max(plain.peak_mib),
            cells[5],
            mib(bytes_b),
            mib(html_b),
            cells[6],
        );
    }
    println!();
    println!(
        "Ratios are bantin's time over the other's (under 1: bantin is faster). bantin's time includes loading, every check, rendering, charts, open data files, the search index (but in 'search off') and writing; Hugo's, rendering the same releases with a minimal theme; Pagefind's, indexing Hugo's output. 'rebuild' is a build after one release's narrative changed, with the previous output in place and search on."
    );
}

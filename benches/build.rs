//! bantin against Hugo on the same content: a synthetic site of N monthly
//! releases (see `examples/synthetic`), built by each, timed whole (the
//! process, from start to a finished output folder) with its peak memory.
//!
//!     cargo bench --bench build               # N = 100, 1,000, 5,000
//!     cargo bench --bench build -- 100 1000   # other sizes
//!
//! Needs Debian's `hugo` and GNU time (`apt-get install -y hugo time`);
//! without Hugo it times bantin alone. Prints figures; asserts nothing.

#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// One timed run: wall time, peak resident memory (MiB), pages written.
struct Run {
    wall: Duration,
    peak_mib: f64,
}

/// Runs `program args` under GNU time; its wall time and peak memory.
fn timed(program: &str, args: &[&str]) -> Run {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "BENCH %e %M", program])
        .args(args)
        .output()
        .expect("GNU time: apt-get install -y time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}\n{stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("BENCH "))
        .expect("GNU time's line");
    let mut parts = line.split_whitespace().skip(1);
    let secs: f64 = parts.next().unwrap().parse().unwrap();
    let kib: f64 = parts.next().unwrap().parse().unwrap();
    Run {
        wall: Duration::from_secs_f64(secs),
        peak_mib: kib / 1024.0,
    }
}

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
    let bantin = env!("CARGO_BIN_EXE_bantin");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "bantin build against Hugo {} on the same synthetic content ({cpus} CPUs)",
        hugo_version.as_deref().unwrap_or("(not installed)")
    );
    println!();
    println!(
        "| releases | pages bantin / Hugo | bantin | pages/s | peak | bantin, search off | Hugo | pages/s | peak | Hugo time / bantin time |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let (site, hugo_site) = (dir.path().join("bantin"), dir.path().join("hugo"));
        let releases = synthetic::releases(n, synthetic::Shape::REALISTIC);
        synthetic::bantin::write_site(&site, &releases);
        synthetic::hugo::write_site(&hugo_site, &releases);
        drop(releases);
        let runs = if n > 1000 { 1 } else { 3 };
        let root = site.to_str().unwrap();
        let b = median(
            (0..runs)
                .map(|_| timed(bantin, &["build", "--root", root]))
                .collect(),
        );
        let pages_b = html_pages(&site.join("public"));
        // The same without the search index, which Hugo does not make.
        let settings = std::fs::read_to_string(site.join("site.toml")).unwrap();
        std::fs::write(
            site.join("site.toml"),
            format!("search = false\n{settings}"),
        )
        .unwrap();
        let b_plain = median(
            (0..runs)
                .map(|_| timed(bantin, &["build", "--root", root]))
                .collect(),
        );
        let secs = |r: &Run| r.wall.as_secs_f64();
        let (hugo_cells, ratio) = if hugo_version.is_some() {
            let src = hugo_site.to_str().unwrap();
            let out = hugo_site.join("public");
            let h = median(
                (0..runs)
                    .map(|_| {
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
                    })
                    .collect(),
            );
            let pages_h = html_pages(&out);
            (
                (
                    pages_h.to_string(),
                    format!("{:.2} s", secs(&h)),
                    format!("{:.0}", pages_h as f64 / secs(&h)),
                    format!("{:.0} MiB", h.peak_mib),
                ),
                format!("{:.2}", secs(&h) / secs(&b)),
            )
        } else {
            (("–".into(), "–".into(), "–".into(), "–".into()), "–".into())
        };
        println!(
            "| {n} | {pages_b} / {} | {:.2} s | {:.0} | {:.0} MiB | {:.2} s | {} | {} | {} | {ratio} |",
            hugo_cells.0,
            secs(&b),
            pages_b as f64 / secs(&b),
            b.peak_mib,
            secs(&b_plain),
            hugo_cells.1,
            hugo_cells.2,
            hugo_cells.3,
        );
    }
    println!();
    println!(
        "bantin's time includes loading, every check, rendering, charts, open data files, the search index (but in the 'search off' column) and writing; Hugo's, rendering the same releases with a minimal theme."
    );
}

//! Snapshots of what readers and editors get, so that every change to
//! them shows in review as a diff of files under `tests/fixtures/snapshots/`:
//! a few rendered pages of the tests' copy of the sample site, and its
//! `bantin check --format json` report. A deliberate change is taken with
//! `BANTIN_UPDATE_SNAPSHOTS=1 cargo test snapshots`, then the diff read.

use crate::common::{TestSite, repo};

/// Compares `got` with `tests/fixtures/snapshots/<name>`.
fn matches_snapshot(name: &str, got: &str) {
    crate::common::matches_snapshot(&repo().join("tests/fixtures/snapshots").join(name), got);
}

/// Asset fingerprints (`style.css?v=1a2b3c4d`) and the charts runtime's
/// version change with every edit of the theme's files; the snapshot
/// keeps their place, not their value.
fn without_fingerprints(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("?v=") {
        out.push_str(&rest[..at + 3]);
        rest = &rest[at + 3..];
        let len = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push('…');
        rest = &rest[len..];
    }
    out.push_str(rest);
    let mut parts = out.split("vendor/echarts-");
    let mut text = parts.next().unwrap_or("").to_owned();
    for part in parts {
        text.push_str("vendor/echarts-…");
        text.push_str(&part[part.find('/').unwrap_or(0)..]);
    }
    text
}

#[test]
fn rendered_pages_match_their_snapshots() {
    let site = TestSite::sample();
    site.build();
    for page in [
        "index.html",
        "2021-q1/index.html",
        "en/2021-q1/index.html",
        "en/indicators/exports/index.html",
        "404.html",
    ] {
        let html = site.read(&format!("public/{page}"));
        matches_snapshot(&format!("haiphong/{page}"), &without_fingerprints(&html));
    }
    let csv = site.read("public/data/2021-q1.csv");
    matches_snapshot("haiphong/data/2021-q1.csv", &csv);
}

#[test]
fn the_check_report_matches_its_snapshot() {
    let site = TestSite::sample();
    let out = crate::common::bantin()
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    matches_snapshot(
        "haiphong/check.json",
        &String::from_utf8(out.stdout).unwrap(),
    );
}

#[test]
fn fingerprints_are_left_out_of_snapshots() {
    assert_eq!(
        without_fingerprints(
            "<link href=\"/static/style.css?v=1a2b3c4d\"><script src=\"/static/vendor/echarts-6.0.0/echarts.min.js\">"
        ),
        "<link href=\"/static/style.css?v=…\"><script src=\"/static/vendor/echarts-…/echarts.min.js\">"
    );
}

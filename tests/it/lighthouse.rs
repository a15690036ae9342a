//! Lighthouse (npm `lighthouse`, with Debian's Chromium) on the home page
//! and a bulletin in both languages, phone and desktop: performance,
//! accessibility, best practices and SEO must each score 95 or more.
//! Prints the scores and page weights for the README.
//!
//! Lighthouse is large (about 180 MB of packages) and only CI needs it:
//! `.ci/run` installs the pinned version outside the project and names it
//! in BANTIN_LIGHTHOUSE (its `cli/index.js`), with
//! BANTIN_REQUIRE_LIGHTHOUSE=1. Elsewhere this test says so and passes.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value as Json;

use crate::browser::{chromium, served_sample};

fn lighthouse() -> Option<PathBuf> {
    let cli = std::env::var_os("BANTIN_LIGHTHOUSE")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    if cli.is_none() {
        assert!(
            std::env::var_os("BANTIN_REQUIRE_LIGHTHOUSE").is_none(),
            "BANTIN_REQUIRE_LIGHTHOUSE is set but BANTIN_LIGHTHOUSE names no Lighthouse cli/index.js"
        );
        crate::common::skipped("Lighthouse, BANTIN_LIGHTHOUSE not set (see .ci/run)");
    }
    cli
}

#[test]
fn home_and_bulletin_score_95_or_more_on_phone_and_desktop() {
    let Some(chrome) = chromium() else { return };
    let Some(cli) = lighthouse() else { return };
    let (_site, base) = served_sample();
    let out = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    println!("| page | form | performance | accessibility | best practices | SEO | weight |");
    println!("|---|---|---|---|---|---|---|");
    for page in ["", "2021-q1/", "en/", "en/2021-q1/"] {
        for form in ["mobile", "desktop"] {
            let report = out.path().join("report.json");
            let run = Command::new("node")
                .arg(&cli)
                .arg(format!("{base}{page}"))
                .args([
                    "--quiet",
                    "--output=json",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic",
                ])
                .arg(format!("--output-path={}", report.display()))
                .args((form == "desktop").then_some("--preset=desktop"))
                .env("CHROME_PATH", &chrome)
                .output()
                .unwrap();
            assert!(
                run.status.success(),
                "lighthouse failed on /{page}:\n{}",
                String::from_utf8_lossy(&run.stderr)
            );
            let r: Json = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
            let score =
                |c: &str| (r["categories"][c]["score"].as_f64().unwrap_or(0.0) * 100.0).round();
            let weight = r["audits"]["total-byte-weight"]["numericValue"]
                .as_f64()
                .unwrap_or(0.0);
            println!(
                "| /{page} | {form} | {} | {} | {} | {} | {:.0} KB |",
                score("performance"),
                score("accessibility"),
                score("best-practices"),
                score("seo"),
                weight / 1024.0
            );
            for c in ["performance", "accessibility", "best-practices", "seo"] {
                if score(c) < 95.0 {
                    failures.push(format!("/{page} ({form}): {c} {}", score(c)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "below 95:\n{}", failures.join("\n"));
}

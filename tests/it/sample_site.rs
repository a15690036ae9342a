//! The sample site at the repository root (Hai Phong's bulletins) is
//! content, not a fixture: these tests hold it to building and checking
//! without errors, whatever the department writes into it. Other tests
//! use their own copy (`tests/fixtures/haiphong/`).

use crate::common::repo;

#[test]
fn the_sample_at_the_root_builds_and_checks_without_errors() {
    let out = tempfile::tempdir().unwrap();
    // The sample has PDF editions; without Chromium they are left out.
    let pdf: &[&str] = match crate::browser::chromium() {
        Some(_) => &[],
        None => &["--no-pdf"],
    };
    let build = crate::common::bantin()
        .args(["build", "--force", "--root"])
        .arg(repo())
        .args(pdf)
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    // Built for the department's address: the summary says how to look at
    // it on this computer, where public/ opened as it is would be broken.
    let said = String::from_utf8_lossy(&build.stdout);
    assert!(
        said.contains("To look at it on this computer, run `bantin serve`"),
        "{said}"
    );
    assert!(said.contains("--base-url http://localhost:8000/"), "{said}");
    let local = crate::common::bantin()
        .args([
            "build",
            "--force",
            "--base-url",
            "http://localhost:8000/",
            "--no-pdf",
            "--root",
        ])
        .arg(repo())
        .arg("--output")
        .arg(out.path().join("local"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&local.stdout);
    assert!(
        local.status.success() && !said.contains("bantin serve"),
        "{said}"
    );
    let home = std::fs::read_to_string(out.path().join("public/index.html")).unwrap();
    assert!(home.contains("<html lang=\"vi\">"));
    assert!(out.path().join("public/en/index.html").is_file());
    assert_eq!(
        out.path().join("public/pdf/2021-q1.pdf").is_file(),
        pdf.is_empty(),
        "the PDF editions are made when Chromium is here, and only then"
    );
    assert!(!out.path().join("local/pdf").exists(), "--no-pdf made PDFs");
    let local_page = std::fs::read_to_string(out.path().join("local/2021-q1/index.html")).unwrap();
    assert!(!local_page.contains(".pdf"), "--no-pdf left links to PDFs");

    let check = crate::common::bantin()
        .args(["check", "--format", "json", "--root"])
        .arg(repo())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["errors"], 0);
    assert_eq!(report["output_checked"], true);
}

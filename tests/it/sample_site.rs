//! The sample site at the repository root (Hai Phong's bulletins) is
//! content, not a fixture: these tests hold it to building and checking
//! without errors, whatever the department writes into it. Other tests
//! use their own copy (`tests/fixtures/haiphong/`).

use crate::common::repo;

#[test]
fn the_sample_at_the_root_builds_and_checks_without_errors() {
    let out = tempfile::tempdir().unwrap();
    let build = crate::common::bantin()
        .args(["build", "--force", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let home = std::fs::read_to_string(out.path().join("public/index.html")).unwrap();
    assert!(home.contains("<html lang=\"vi\">"));
    assert!(out.path().join("public/en/index.html").is_file());

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

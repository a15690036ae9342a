//! `bantin check`: a fixture per rule under tests/fixtures/check/, each
//! checked by the real binary; the findings (file, line, column, level,
//! message) compared with the fixture's expected.txt, the JSON report
//! with a snapshot. Then the exit codes, and build and serve applying the
//! same rules.

use std::path::Path;
use std::process::Output;

use crate::common::{TestSite, repo};

/// The base site with one case's files laid over it.
fn case(name: &str) -> TestSite {
    let site = TestSite::fixture("check/base");
    let from = repo().join("tests/fixtures/check").join(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&from).unwrap();
        if entry.file_type().is_file() && !rel.to_string_lossy().starts_with("expected") {
            let target = site.path(&rel.to_string_lossy());
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
    site
}

fn check(root: &Path, args: &[&str]) -> Output {
    crate::common::bantin()
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn json(root: &Path) -> (Option<i32>, String, serde_json::Value) {
    let out = check(root, &["--format", "json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (out.status.code(), text, value)
}

/// `path:line:column: level: message` per finding.
fn findings(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut place = f["file"].as_str().unwrap().to_owned();
            for key in ["line", "column"] {
                if let Some(n) = f[key].as_u64() {
                    place.push_str(&format!(":{n}"));
                }
            }
            format!(
                "{place}: {}: {}",
                f["level"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// Compares `got` with a file of the fixture.
fn matches_file(name: &str, file: &str, got: &str) {
    let path = repo().join("tests/fixtures/check").join(name).join(file);
    crate::common::matches_snapshot(&path, got);
}

/// Runs check on a case; compares its findings; returns the exit code.
fn expect(name: &str) -> Option<i32> {
    let site = case(name);
    let (code, _, report) = json(site.root());
    let mut lines = findings(&report).join("\n");
    lines.push('\n');
    matches_file(name, "expected.txt", &lines);
    code
}

#[test]
fn the_2020_unit_slip_of_the_source_is_named() {
    assert_eq!(expect("unit-slip"), Some(1));
    // The whole JSON report is a snapshot: its shape is documented.
    let site = case("unit-slip");
    let (_, text, report) = json(site.root());
    matches_file("unit-slip", "expected.json", &text);
    let slip = &report["findings"][0];
    assert_eq!(slip["rule"], "consistency/unit");
    assert!(
        slip["hint"]
            .as_str()
            .unwrap()
            .contains("in million USD it is 19,000"),
        "{slip}"
    );
}

#[test]
fn form_problems_stop_before_the_other_rules() {
    assert_eq!(expect("form"), Some(1));
    assert_eq!(expect("form-catalogue"), Some(1));
}

#[test]
fn figures_outside_their_sense() {
    assert_eq!(expect("sense"), Some(1));
}

#[test]
fn growth_rates_against_levels_and_revisions() {
    assert_eq!(expect("growth"), Some(1));
}

#[test]
fn parts_of_flows_against_their_totals() {
    assert_eq!(expect("sum"), Some(1));
}

#[test]
fn plan_attainment_against_the_plan() {
    assert_eq!(expect("plan"), Some(1));
}

#[test]
fn shares_over_the_whole() {
    assert_eq!(expect("shares"), Some(1));
}

#[test]
fn typed_figures_repeats_and_dead_links_in_narratives() {
    assert_eq!(expect("narrative"), Some(1));
}

#[test]
fn missing_translations_are_warnings_listed_together() {
    // Warnings only: 0, unless warnings are denied.
    assert_eq!(expect("translations"), Some(0));
    let site = case("translations");
    let out = check(site.root(), &["--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let block = text.split("Missing translations:\n").nth(1).expect(&text);
    assert_eq!(
        block.lines().filter(|l| l.contains(": warning: ")).count(),
        4,
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("0 errors, 4 warnings in 4 files"),
        "{text}"
    );
}

#[test]
fn links_of_the_built_pages_lead_somewhere() {
    assert_eq!(expect("output-link"), Some(1));
}

#[test]
fn the_human_report_is_grouped_by_file_with_hints_and_a_count() {
    let site = case("growth");
    let out = check(site.root(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\x1b'),
        "no colour when NO_COLOR is set or not a terminal"
    );
    let want = "content/bulletins/2021-02/data.yaml:6:18: error: `retail` growth_prev is -0.12%, but the levels give 0%: 11,862.8 in 2021-02 against 11,862.8 in 2021-01\n  hint: one of the three figures is wrong: check them against the source\n\ncontent/bulletins/2021-q1/data.yaml:6:17: warning: ";
    assert!(text.starts_with(want), "{text}");
    assert!(
        text.trim_end().ends_with("1 error, 1 warning in 2 files"),
        "{text}"
    );
}

#[test]
fn the_sample_site_has_only_its_documented_warning() {
    // The one finding the README explains: the 2020 retail growth was
    // measured against a revised 2019 level. It is accepted in the data
    // (`accept:`), so it is listed but not counted.
    let (code, _, report) = json(&repo());
    assert_eq!(code, Some(0));
    assert_eq!(
        findings(&report),
        [
            "content/bulletins/2020/data.yaml:29:17: warning: `retail` growth_yoy is 8.67%, but the levels give 6.4%: 144,000 in 2020 against 135,338 in 2019"
        ]
    );
    assert!(
        report["findings"][0]["accepted"]
            .as_str()
            .is_some_and(|r| r.contains("135.338")),
        "{report}"
    );
    assert_eq!(
        (report["errors"].as_u64(), report["warnings"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(report["output_checked"], true);
    // So CI can gate on warnings.
    let out = check(&repo(), &["--deny-warnings"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Its links hold under another address too (a GitHub Pages preview).
    for base in ["https://org.github.io/bantin/", "http://127.0.0.1:1111/"] {
        let out = check(&repo(), &["--base-url", base, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{base}");
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        readme.contains("`retail` growth_yoy is 8.67%"),
        "the README explains the warning"
    );
}

#[test]
fn build_refuses_to_publish_on_errors_and_prints_warnings() {
    let site = case("unit-slip");
    let stderr = site.build_fails();
    assert!(
        stderr.contains("content/bulletins/2020/data.yaml:12:12: error: `exports` value 19 in 2020 is about 1,000 times smaller"),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert!(!site.path("public").exists());

    let site = case("translations");
    let out = site.run(&[]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: 2021-Q1 has no `en` narrative"),
        "{stderr}"
    );
    assert!(site.path("public/index.html").exists());

    // A theme's broken link stops the build like a narrative's.
    let site = case("output-link");
    let stderr = site.build_fails();
    assert!(
        stderr.contains("error: the address `/logo.png` is outside the site's path /bantin/"),
        "{stderr}"
    );
}

/// A site with faults of every stage planted (a catalogue entry without
/// its English name, a YAML mistake, an invalid period, a duplicate
/// period, a unit slip, a growth of the wrong sign, parts that do not add
/// up, a figure written with a thousands dot, a level a thousand times
/// off its neighbouring months, a typed figure, a dead link): one run
/// reports every one of them, in Vietnamese and in English alike.
#[test]
fn every_planted_fault_is_reported_in_one_run() {
    assert_eq!(expect("planted"), Some(1));
    let site = case("planted");
    let (_, _, report) = json(site.root());
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (file, id) in [
        ("content/indicators.yaml", "catalog-no-name"),
        ("content/bulletins/2021-q1/data.yaml", "yaml-missing-colon"),
        ("content/bulletins/2021-q2/data.yaml", "period-bad-quarter"),
        (
            "content/bulletins/2022-h1-again/data.yaml",
            "release-duplicate-period",
        ),
        ("content/bulletins/2020/data.yaml", "unit-slip"),
        ("content/bulletins/2020/data.yaml", "growth-sign"),
        ("content/bulletins/2023-q1/data.yaml", "sum-mismatch"),
        ("content/bulletins/2023-q1/data.yaml", "decimals-thousands"),
        ("content/bulletins/2023-q1/data.yaml", "unit-slip"),
        ("content/bulletins/2023-q1/index.vi.md", "typed-figure"),
        ("content/bulletins/2023-q1/index.vi.md", "dead-link"),
    ] {
        assert!(
            found.contains(&(file.to_owned(), id.to_owned())),
            "{id} in {file} not reported: {found:?}"
        );
    }
    assert_eq!(report["output_checked"], true, "the links were checked too");
    // The same report in each language: the words change, nothing else.
    for lang in ["vi", "en"] {
        let out = check(site.root(), &["--lang", lang]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        matches_file("planted", &format!("expected.{lang}.txt"), &text);
    }
    let out = check(site.root(), &["--format", "json", "--lang", "vi"]);
    let vi: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let strip = |v: &serde_json::Value| {
        let mut v = v.clone();
        v["lang"] = serde_json::Value::Null;
        for f in v["findings"].as_array_mut().unwrap() {
            f["message"] = serde_json::Value::Null;
            f["hint"] = serde_json::Value::Null;
        }
        v
    };
    assert_eq!(
        strip(&vi),
        strip(&report),
        "only the words differ by language"
    );
    assert!(
        vi["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nhỏ hơn khoảng 1.000 lần")
    );
    // The site's default language (Vietnamese) when nothing says otherwise.
    let plain = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["check", "--root"])
        .arg(site.root())
        .env_remove("BANTIN_LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(text.ends_with("10 lỗi, 2 cảnh báo trong 8 tệp\n"), "{text}");
}

/// `accept:` in a data file: the warning it names is listed as accepted
/// and no longer counts; one that matches nothing, or an error, is said.
#[test]
fn accepted_findings_are_listed_and_not_counted() {
    let site = case("growth");
    let rel = "content/bulletins/2021-q1/data.yaml";
    let text = site.read(rel);
    site.write(
        rel,
        &format!(
            "{text}accept:\n  - rule: consistency/growth\n    indicator: exports\n    field: growth_yoy\n    reason: measured against the revised 2020-Q1 level\n  - rule: consistency/unit\n    indicator: exports\n    reason: a figure since corrected\n"
        ),
    );
    let (code, _, report) = json(site.root());
    let accepted: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["accepted"].is_null())
        .collect();
    assert_eq!(accepted.len(), 1, "{report}");
    assert_eq!(accepted[0]["id"], "growth-mismatch");
    assert_eq!(
        accepted[0]["accepted"],
        "measured against the revised 2020-Q1 level"
    );
    let unmatched: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "accept")
        .collect();
    assert_eq!(unmatched.len(), 1, "{report}");
    assert_eq!(unmatched[0]["id"], "accept-unmatched");
    assert_eq!(unmatched[0]["level"], "warning");
    // The error of the fixture still stands: it cannot be accepted.
    assert_eq!(code, Some(1));
    let out = check(site.root(), &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Accepted (listed, not counted):"), "{text}");
    assert!(
        text.contains("accepted: measured against the revised 2020-Q1 level"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("; 1 finding accepted"), "{text}");
}

/// The slips the issue found silent: a figure written with a thousands
/// dot, on the sample's first quarter, which has no same quarter of the
/// year before to compare with.
#[test]
fn the_first_quarter_of_the_sample_is_compared_with_its_neighbours() {
    let site = crate::common::TestSite::sample();
    let rel = "content/bulletins/2021-q1/data.yaml";
    site.write(
        rel,
        &site.read(rel).replace("value: 5577.7", "value: 5.577"),
    );
    let (code, _, report) = json(site.root());
    assert_eq!(code, Some(1));
    let slip = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "unit-slip")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(slip["file"], rel);
    assert!(
        slip["message"]
            .as_str()
            .unwrap()
            .contains("`imports` value 5.577 in 2021-Q1 is about 1,000 times smaller"),
        "{slip}"
    );
}

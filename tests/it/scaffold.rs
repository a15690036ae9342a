//! `bantin init` and `bantin new`: what editors start from.

use std::process::Output;

use crate::common::TestSite;

fn bantin(args: &[&str], dir: &std::path::Path) -> Output {
    crate::common::bantin()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn init_makes_a_site_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let out = bantin(&["init", "site"], tmp.path());
    assert!(out.status.success(), "{}", text(&out));
    let root = tmp.path().join("site");
    let check = bantin(&["check", "--deny-warnings", "--format", "json"], &root);
    assert!(check.status.success(), "{}", text(&check));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["findings"], serde_json::json!([]));
    assert_eq!(report["output_checked"], true);
    let build = bantin(&["build"], &root);
    assert!(build.status.success(), "{}", text(&build));
    for page in [
        "index.html",
        "en/index.html",
        "2021-q1/index.html",
        "en/about/index.html",
    ] {
        assert!(root.join("public").join(page).is_file(), "{page}");
    }
    let q1 = std::fs::read_to_string(root.join("public/2021-q1/index.html")).unwrap();
    assert!(q1.contains("5.718,5"), "the example's figures are shown");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let out = bantin(&["init", "."], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("is not empty"), "{}", text(&out));
    let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing was written");
}

#[test]
fn new_lists_every_indicator_with_last_years_figures_and_narratives_with_calls() {
    let site = TestSite::sample();
    let out = bantin(&["new", "2022-Q1"], site.root());
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("(last year's are beside each indicator)"),
        "{}",
        text(&out)
    );
    // Without a release a year before, it does not promise its figures;
    // and it speaks Vietnamese when asked.
    let other = TestSite::sample();
    let out = bantin(&["new", "2030-Q3", "--lang", "vi"], other.root());
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("năm trước"), "{}", text(&out));
    assert!(
        text(&out).contains("đã tạo content/bulletins/2030-q3/data.yaml"),
        "{}",
        text(&out)
    );
    let data = site.read("content/bulletins/2022-q1/data.yaml");
    // It parses, and names the period and every catalogue indicator.
    let yaml: serde_yaml::Value = serde_yaml::from_str(&data).unwrap();
    assert_eq!(yaml["period"].as_str(), Some("2022-Q1"));
    let catalogue: serde_yaml::Value =
        serde_yaml::from_str(&site.read("content/indicators.yaml")).unwrap();
    for (id, _) in catalogue.as_mapping().unwrap() {
        let id = id.as_str().unwrap();
        assert!(yaml["indicators"].get(id).is_some(), "{id} is listed");
    }
    // The reference figures are those of 2021-Q1, as comments.
    assert!(
        data.contains(
            "exports:    # 2021-Q1: value 5718.5, growth_yoy 25.15\n    value:\n    growth_yoy:\n"
        ),
        "{data}"
    );
    assert!(
        data.contains("iip:    # 2021-Q1: growth_yoy 18.29\n    growth_yoy:\n"),
        "{data}"
    );
    let vi = site.read("content/bulletins/2022-q1/index.vi.md");
    assert!(
        vi.contains("{{ value(\"exports\") }}, {{ change(\"exports\") }}"),
        "{vi}"
    );
    let en = site.read("content/bulletins/2022-q1/index.en.md");
    assert!(
        en.contains("title: \"Statistical bulletin, Q1 2022\""),
        "{en}"
    );

    // Until its figures are filled in, check names each one missing …
    let check = bantin(&["check"], site.root());
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check).contains("`exports` has no `value` in 2022-Q1"),
        "{}",
        text(&check)
    );
    // … and with them, the release passes.
    let filled = data
        .replace(
            "  iip:    # 2021-Q1: growth_yoy 18.29\n    growth_yoy:",
            "  iip:\n    growth_yoy: 8.5",
        )
        .replace(
            "# 2021-Q1: value 5718.5, growth_yoy 25.15\n    value:\n    growth_yoy:",
            "\n    value: 6000\n    growth_yoy: 4.92",
        )
        .replace(
            "# 2021-Q1: value 5577.7, growth_yoy 21.28\n    value:\n    growth_yoy:",
            "\n    value: 5600\n    growth_yoy: 0.4",
        )
        .replace(
            "# 2021-Q1: value 37128, growth_yoy 11.39\n    value:\n    growth_yoy:",
            "\n    value: 40000\n    growth_yoy: 7.74",
        );
    site.write("content/bulletins/2022-q1/data.yaml", &filled);
    let check = bantin(&["check", "--format", "json"], site.root());
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report}");
    // Indicators left blank are not shown.
    site.build();
    let page = site.read("public/en/2022-q1/index.html");
    assert!(page.contains("6,000"), "the figures entered are");
    assert!(
        !page.contains("Industrial value added"),
        "blank ones are not"
    );
}

#[test]
fn new_refuses_a_period_that_exists_however_written() {
    let site = TestSite::sample();
    let before = site.snapshot("content");
    for period in ["2021-Q1", "2021-3M", "2022-6M"] {
        let out = bantin(&["new", period], site.root());
        assert_eq!(out.status.code(), Some(1), "{period}");
        assert!(
            text(&out).contains("is already published by"),
            "{}",
            text(&out)
        );
    }
    let out = bantin(&["new", "2021-Q5"], site.root());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("a quarter is Q1, Q2, Q3 or Q4"),
        "{}",
        text(&out)
    );
    assert_eq!(site.snapshot("content"), before, "nothing was written");
}

//! Each rule with a case that passes and one that fails, on small sites
//! written to a temporary folder and loaded the real way.

use std::collections::HashSet;

use super::*;

const SITE: &str = "base_url = \"https://example.gov.vn/bantin/\"\nlanguages = [\"vi\", \"en\"]\n[title]\nvi = \"T\"\nen = \"T\"\n";
const CATALOGUE: &str = "exports:\n  name: { vi: \"Xuất khẩu\", en: \"Exports\" }\n  unit: { vi: \"triệu USD\", en: \"million USD\" }\n  kind: flow\nparks:\n  name: { vi: \"Khu công nghiệp\", en: \"Industrial parks\" }\n  unit: { vi: \"khu công nghiệp\", en: \"industrial parks\" }\n  kind: stock\n";

/// A site of `(path, text)` files beside the settings and catalogue.
fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![("site.toml", SITE), ("content/indicators.yaml", CATALOGUE)];
    all.extend_from_slice(files);
    for (rel, text) in all {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let (site, _) = Site::load(dir.path()).unwrap_or_else(|d| panic!("{d}"));
    (dir, site)
}

fn release(period: &str, status: &str, exports: &str) -> String {
    format!("period: {period}\nstatus: {status}\nindicators:\n  exports: {{ {exports} }}\n")
}

/// `rule: line: message` of what the rules across releases and of each
/// release find.
fn found(site: &Site, rule: Rule) -> Vec<String> {
    check(site)
        .sorted()
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| format!("{} {}: {}", d.level.as_str(), d.location(), d.message))
        .collect()
}

#[test]
fn growth_passes_within_rounding_and_fails_outside() {
    let a = release("2020-Q1", "final", "value: 4569.3");
    let ok = release("2021-Q1", "estimate", "value: 5718.5, growth_yoy: 25.15");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &a),
        ("content/bulletins/b/data.yaml", &ok),
    ]);
    assert!(found(&s, Rule::Growth).is_empty());
    // 25.2 is 25.15 rounded to one decimal: it agrees too.
    let rounded = release("2021-Q1", "estimate", "value: 5718.5, growth_yoy: 25.2");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &a),
        ("content/bulletins/b/data.yaml", &rounded),
    ]);
    assert!(found(&s, Rule::Growth).is_empty());
    let bad = release("2021-Q1", "estimate", "value: 5718.5, growth_yoy: 25.3");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &a),
        ("content/bulletins/b/data.yaml", &bad),
    ]);
    assert_eq!(
        found(&s, Rule::Growth),
        [
            "error content/bulletins/b/data.yaml:4:41: `exports` growth_yoy is 25.3%, but the levels give 25.15%: 5,718.5 in 2021-Q1 against 4,569.3 in 2020-Q1"
        ]
    );
    // Against an estimate, the same disagreement is a warning.
    let a = release("2020-Q1", "estimate", "value: 4569.3");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &a),
        ("content/bulletins/b/data.yaml", &bad),
    ]);
    assert!(found(&s, Rule::Growth)[0].starts_with("warning "));
}

#[test]
fn a_unit_slip_is_named_once_and_silences_the_rest() {
    let a = release("2019", "estimate", "value: 15770");
    let slip = release("2020", "estimate", "value: 19, growth_yoy: 18.46");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &a),
        ("content/bulletins/b/data.yaml", &slip),
    ]);
    assert_eq!(
        found(&s, Rule::Unit),
        [
            "error content/bulletins/b/data.yaml:4:21: `exports` value 19 in 2020 is about 1,000 times smaller than its series: 15,770 in 2019, up 18.46%, gives about 18,681"
        ]
    );
    // The growth that disagrees because of it is not reported again.
    assert!(found(&s, Rule::Growth).is_empty());
    // With a third year, the figure at odds with both neighbours is blamed.
    let c = release("2021", "estimate", "value: 19.5, growth_yoy: 2.6");
    let x = release("2020", "estimate", "value: 19000000, growth_yoy: 18.46");
    let (_d, s) = site(&[
        (
            "content/bulletins/a/data.yaml",
            &release("2019", "estimate", "value: 16"),
        ),
        ("content/bulletins/b/data.yaml", &x),
        ("content/bulletins/c/data.yaml", &c),
    ]);
    let got = found(&s, Rule::Unit);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].contains("value 19,000,000 in 2020 is about 1,000,000 times larger"),
        "{got:?}"
    );
    let fine = release("2020", "estimate", "value: 18700, growth_yoy: 18.46");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &a),
        ("content/bulletins/b/data.yaml", &fine),
    ]);
    assert!(found(&s, Rule::Unit).is_empty());
}

#[test]
fn months_add_up_to_their_quarter_for_flows_only() {
    let months = |q: &str| {
        vec![
            release("2023-01", "final", "value: 1800"),
            release("2023-02", "final", "value: 1950.5"),
            release("2023-03", "final", "value: 1960.8"),
            release("2023-Q1", "final", q),
        ]
    };
    let files = |m: &[String]| -> Vec<(String, String)> {
        m.iter()
            .enumerate()
            .map(|(i, t)| (format!("content/bulletins/r{i}/data.yaml"), t.clone()))
            .collect()
    };
    let good = files(&months("value: 5711.3"));
    let refs: Vec<(&str, &str)> = good.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let (_d, s) = site(&refs);
    assert!(found(&s, Rule::Sum).is_empty());
    let bad = files(&months("value: 5812.3"));
    let refs: Vec<(&str, &str)> = bad.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let (_d, s) = site(&refs);
    assert_eq!(
        found(&s, Rule::Sum),
        [
            "error content/bulletins/r3/data.yaml:4:21: `exports` value 5,812.3 in 2023-Q1 is not the sum of its parts: 2023-01 1,800 + 2023-02 1,950.5 + 2023-03 1,960.8 = 5,711.3"
        ]
    );
    // A stock does not add up over months.
    let stock: Vec<(String, String)> = bad
        .iter()
        .map(|(p, t)| (p.clone(), t.replace("exports", "parks")))
        .collect();
    let refs: Vec<(&str, &str)> = stock
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (_d, s) = site(&refs);
    assert!(found(&s, Rule::Sum).is_empty());
}

#[test]
fn plan_attainment_against_last_years_level_and_the_target() {
    let last = release("2022", "final", "value: 10250.4");
    let this = |a: &str| {
        release(
            "2023",
            "estimate",
            &format!("value: 11062.7, target_growth: 20, plan_attainment: {a}"),
        )
    };
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &last),
        ("content/bulletins/b/data.yaml", &this("89.94")),
    ]);
    assert!(found(&s, Rule::Plan).is_empty());
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &last),
        ("content/bulletins/b/data.yaml", &this("95")),
    ]);
    assert_eq!(found(&s, Rule::Plan).len(), 1);
    assert!(found(&s, Rule::Plan)[0].contains("plan_attainment is 95%, but the plan gives 89.94%"));
}

#[test]
fn shares_over_100_percent_beyond_rounding() {
    let with = |a: &str, b: &str| {
        format!(
            "period: 2021-Q1\nstatus: estimate\nindicators:\n  exports: {{ value: 1 }}\nbreakdowns:\n  by_product:\n    title: x\n    field: share\n    rows:\n      - {{ label: a, share: {a} }}\n      - {{ label: b, share: {b} }}\n"
        )
    };
    let (_d, s) = site(&[("content/bulletins/a/data.yaml", &with("50.3", "49.8"))]);
    assert!(
        found(&s, Rule::Shares).is_empty(),
        "100.1% is within rounding"
    );
    let (_d, s) = site(&[("content/bulletins/a/data.yaml", &with("60", "45"))]);
    assert_eq!(
        found(&s, Rule::Shares),
        [
            "error content/bulletins/a/data.yaml:6:3: the shares of `by_product` add up to 105%, more than the whole"
        ]
    );
}

#[test]
fn typed_figures_are_found_and_calls_are_not() {
    let data = release("2021-Q1", "estimate", "value: 5718.5, growth_yoy: 25.15");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &data),
        (
            "content/bulletins/a/index.vi.md",
            "Xuất khẩu đạt {{ value(\"exports\") }}, {{ change(\"exports\") }}; 6 tháng tới dự kiến tăng 25%.\n",
        ),
        (
            "content/bulletins/a/index.en.md",
            "Exports reached 5,718.5 million USD.\n",
        ),
    ]);
    assert_eq!(
        found(&s, Rule::TypedFigure),
        [
            "warning content/bulletins/a/index.en.md:1:17: the figure 5,718.5 is typed into the text; it is `exports` value in data.yaml"
        ]
    );
}

#[test]
fn dead_links_in_narratives_against_the_built_files() {
    let data = release("2021-Q1", "estimate", "value: 1");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &data),
        (
            "content/bulletins/a/index.vi.md",
            "Xem [quý](/2021-q1/), [cũ](/2020-q1/) và [GSO](https://gso.gov.vn/).\n",
        ),
    ]);
    let paths: HashSet<&str> = ["index.html", "2021-q1/index.html"].into_iter().collect();
    let problems = check_output(&s, &paths, std::iter::empty());
    let got: Vec<String> = problems
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert_eq!(
        got,
        ["content/bulletins/a/index.vi.md:1:23: the link `/2020-q1/` leads to no page of the site"]
    );
}

#[test]
fn translations_missing_and_complete() {
    let data = release("2021-Q1", "estimate", "value: 1");
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &data),
        ("content/bulletins/a/index.vi.md", "Văn bản.\n"),
        ("content/bulletins/a/index.en.md", "Text.\n"),
        (
            "content/bulletins/b/data.yaml",
            &release("2021-03", "estimate", "value: 1"),
        ),
    ]);
    assert!(
        found(&s, Rule::Translation).is_empty(),
        "a data-only release is complete"
    );
    let (_d, s) = site(&[
        ("content/bulletins/a/data.yaml", &data),
        ("content/bulletins/a/index.vi.md", "Văn bản.\n"),
    ]);
    assert_eq!(
        found(&s, Rule::Translation),
        [
            "warning content/bulletins/a/index.en.md: 2021-Q1 has no `en` narrative: its `en` page shows the figures with a note that the text is not yet available"
        ]
    );
}

//! Revised figures: a later release states again a figure of an earlier
//! period; the earlier bulletin keeps what it published, marked; the
//! series, charts, open data and consistency rules take the latest
//! version; revisions.csv keeps every version.

use crate::common::TestSite;

/// The `basic` site (2020-Q1 and 2021-Q1) with a 2021-Q2 release that
/// corrects 2021-Q1's exports.
fn site(revision: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/bulletins/2021-q2/data.yaml",
        &format!(
            "period: 2021-Q2\nstatus: estimate\npublished: 2021-07-02\nindicators:\n  exports:\n    value: 6010.4\nrevisions:\n{revision}"
        ),
    );
    site
}

const CORRECTION: &str = "  - period: 2021-Q1
    status: final
    correction: true
    reason: { vi: \"Sửa lỗi cộng số liệu hải quan\", en: \"Customs figures were added up wrongly\" }
    indicators:
      exports: { value: 5750.2, growth_yoy: 25.85 }
";

#[test]
fn a_correction_shows_everywhere_figures_are_combined_and_the_record_stays() {
    let site = site(CORRECTION);
    site.build();
    // The bulletin that first published the figure keeps it, marked.
    let q1 = site.html("public/en/2021-q1/index.html");
    let table = q1.text("table#figures-2021-q1");
    assert!(table.contains("5,718.5"), "{table}");
    assert!(table.contains("corrected in Q2 2021 to 5,750.2"), "{table}");
    let vi = site.html("public/2021-q1/index.html");
    assert!(
        vi.text("table#figures-2021-q1")
            .contains("đã đính chính trong bản tin Quý II/2021: 5.750,2")
    );
    // The correcting bulletin lists it, labelled a correction.
    let q2 = site.html("public/en/2021-q2/index.html");
    let revisions = q2.text("table#revisions-2021-q2");
    for part in [
        "Export turnover (Q1 2021)",
        "5,718.5",
        "5,750.2",
        "Correction",
        "Customs figures were added up wrongly",
    ] {
        assert!(revisions.contains(part), "{part} in {revisions}");
    }
    // The series and its chart take the latest version.
    let series = site.read("public/data/indicators/exports.csv");
    let q1_row = series
        .lines()
        .find(|l| l.starts_with("2021-Q1,") && l.contains(",value,"))
        .unwrap();
    assert!(q1_row.contains(",5750.2,"), "{q1_row}");
    assert!(q1_row.ends_with(",2021-q2"), "{q1_row}");
    let own = site.read("public/data/2021-q1.csv");
    assert!(
        own.contains(",5718.5,"),
        "the release's own file is the record: {own}"
    );
    let indicator = site.read("public/en/indicators/exports/index.html");
    assert!(
        indicator.contains("revised; first published as 5,718.5"),
        "the indicator page marks it"
    );
    assert!(
        indicator.contains("revisions.csv"),
        "and links every version"
    );
    let charts: Vec<String> = walkdir::WalkDir::new(site.path("public/data/charts"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path().to_string_lossy().contains("exports")
                && e.path().extension().is_some_and(|x| x == "csv")
        })
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(!charts.is_empty());
    assert!(charts.iter().any(|c| c.contains("5750.2")), "{charts:?}");
    assert!(charts.iter().all(|c| !c.contains("5718.5")), "{charts:?}");
    // Every version, in long form.
    let all = site.read("public/data/revisions.csv");
    let mut reader = csv::Reader::from_reader(all.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let value_rows: Vec<Vec<&str>> = rows
        .iter()
        .filter(|r| &r[2] == "value")
        .map(|r| r.iter().collect())
        .collect();
    assert_eq!(
        value_rows,
        [
            vec![
                "2021-Q1",
                "exports",
                "value",
                "5718.5",
                "estimate",
                "first",
                "2021-Q1",
                "2021-04-01",
                "",
                ""
            ],
            vec![
                "2021-Q1",
                "exports",
                "value",
                "5750.2",
                "final",
                "correction",
                "2021-Q2",
                "2021-07-02",
                "Sửa lỗi cộng số liệu hải quan",
                "Customs figures were added up wrongly"
            ],
        ]
    );
    // And the JSON of the correcting release says what it restated.
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/data/2021-q2.json")).unwrap();
    assert_eq!(json["revisions"][0]["kind"], "correction");
    assert_eq!(
        json["revisions"][0]["indicators"]["exports"]["value"],
        5750.2
    );
}

#[test]
fn the_consistency_rules_compare_the_latest_versions() {
    // 2020-Q1's exports revised to 4,600.1: 2021-Q1's growth of 25.15% was
    // measured against 4,569.2 and no longer agrees.
    let site = site(
        "  - period: 2020-Q1\n    reason: { vi: \"Số chính thức\", en: \"Final figures\" }\n    indicators:\n      exports: { value: 4600.1 }\n",
    );
    let report = site.check_json();
    let growth = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "growth-mismatch")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(growth["file"], "content/bulletins/2021-q1/data.yaml");
    assert_eq!(growth["args"]["base_value"], 4600.1);
    // A revision this large without a reason is asked about.
    let site = site_without_reason();
    let report = site.check_json();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "revisions-large"),
        "{report}"
    );
}

fn site_without_reason() -> TestSite {
    site("  - period: 2021-Q1\n    indicators:\n      exports: { value: 7000 }\n")
}

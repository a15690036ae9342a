//! Open data out: the Excel workbooks read back (with calamine) to the
//! figures of the CSV files, in the layout the UK Analysis Function asks
//! for; the Data Package validates against the standard (with the
//! `frictionless` package); the SDMX-CSV file has one row per
//! observation; every downloads list offers CSV, Excel and JSON.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::common::{TestSite, skipped};

/// The CSV file's rows, by column name.
fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let head: Vec<String> = r
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_owned())
        .collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            head.iter()
                .cloned()
                .zip(rec.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(x) => format!("{x}"),
        Data::Int(i) => format!("{i}"),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// A sheet as rows of cells.
fn sheet(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).unwrap();
    assert_eq!(range.start(), Some((0, 0)), "{name} starts at A1");
    range.rows().map(<[Data]>::to_vec).collect()
}

const FIELDS_VI: [(&str, &str); 7] = [
    ("value", "Giá trị"),
    ("growth_yoy", "So với cùng kỳ (%)"),
    ("growth_prev", "So với kỳ trước (%)"),
    ("plan_attainment", "Đạt kế hoạch năm (%)"),
    ("target_growth", "Kế hoạch tăng (%)"),
    ("national_growth", "Cả nước tăng (%)"),
    ("share", "Tỷ trọng (%)"),
];

fn field_of_header(h: &str) -> &'static str {
    FIELDS_VI
        .iter()
        .find(|(_, v)| h.starts_with(v))
        .map(|(k, _)| *k)
        .unwrap_or_else(|| panic!("unknown header {h}"))
}

#[test]
fn release_workbooks_hold_the_csv_figures_in_the_guidance_layout() {
    let site = TestSite::sample();
    site.write(
        "site.toml",
        &format!(
            "{}\n[contact]\nvi = \"Phòng Thương mại, Sở Công Thương\"\nen = \"Trade Office\"\n",
            site.read("site.toml")
        ),
    );
    site.build();
    for slug in ["2019", "2021-q1", "2022-h1", "2024-9m"] {
        let csv = csv_rows(&site.path(&format!("public/data/{slug}.csv")));
        let mut book: Xlsx<_> =
            open_workbook(site.path(&format!("public/data/{slug}.xlsx"))).unwrap();
        let names = book.sheet_names();
        assert_eq!(&names[..3], ["Trang bìa", "Ghi chú", "Bảng 1"], "{slug}");
        for name in &names {
            let merged = book.merge_cells_by_sheet_name(name).unwrap_or_default();
            assert!(merged.is_empty(), "{slug}: merged cells in {name}");
        }
        // The cover: title in A1, then period, status, date, source,
        // licence, contact.
        let cover = sheet(&mut book, "Trang bìa");
        let labels: Vec<String> = cover.iter().map(|r| cell_text(&r[0])).collect();
        // Only some of the department's reports give their release date.
        let dated = site
            .read(&format!("content/bulletins/{slug}/data.yaml"))
            .contains("\npublished: 2");
        for l in [
            "Kỳ số liệu",
            "Tình trạng số liệu",
            "Ngày công bố",
            "Nguồn",
            "Điều kiện sử dụng lại",
            "Liên hệ",
            "Nội dung",
        ] {
            if l == "Ngày công bố" && !dated {
                continue;
            }
            assert!(
                labels.iter().any(|x| x == l),
                "{slug}: cover has no {l}: {labels:?}"
            );
        }
        assert!(!cell_text(&cover[0][0]).is_empty());
        // Table 1: one header row, the indicators' figures as numbers.
        let table = sheet(&mut book, "Bảng 1");
        let header: Vec<String> = table[0].iter().map(cell_text).collect();
        assert_eq!(&header[..3], ["Mã", "Chỉ tiêu", "Đơn vị"]);
        let mut from_book = BTreeMap::new();
        for row in &table[1..] {
            let id = cell_text(&row[0]);
            for (h, cell) in header.iter().zip(row).skip(3) {
                match cell {
                    Data::Float(x) => {
                        from_book.insert((id.clone(), field_of_header(h).to_owned()), *x);
                    }
                    Data::String(s) => assert_eq!(s, "..", "{slug}: a missing figure is “..”"),
                    other => panic!("{slug}: {other:?}"),
                }
            }
        }
        let from_csv: BTreeMap<(String, String), f64> = csv
            .iter()
            .filter(|r| !r["indicator"].is_empty())
            .map(|r| {
                (
                    (r["indicator"].clone(), r["field"].clone()),
                    r["value"].parse().unwrap(),
                )
            })
            .collect();
        assert_eq!(from_book, from_csv, "{slug}");
        // The breakdowns, a sheet each, row by row.
        let bds: Vec<&BTreeMap<String, String>> =
            csv.iter().filter(|r| !r["breakdown"].is_empty()).collect();
        let mut from_sheets = Vec::new();
        for name in &names[3..] {
            let t = sheet(&mut book, name);
            let header: Vec<String> = t[0].iter().map(cell_text).collect();
            for row in &t[1..] {
                for (h, cell) in header.iter().zip(row).skip(1) {
                    if let Data::Float(x) = cell {
                        from_sheets.push((cell_text(&row[0]), field_of_header(h).to_owned(), *x));
                    }
                }
            }
        }
        let from_csv: Vec<(String, String, f64)> = bds
            .iter()
            .map(|r| {
                (
                    r["item_vi"].clone(),
                    r["field"].clone(),
                    r["value"].parse().unwrap(),
                )
            })
            .collect();
        assert_eq!(from_sheets, from_csv, "{slug}");
    }
    // The English workbook, in English.
    let mut book: Xlsx<_> = open_workbook(site.path("public/en/data/2021-q1.xlsx")).unwrap();
    assert_eq!(&book.sheet_names()[..3], ["Cover", "Notes", "Table 1"]);
    let table = sheet(&mut book, "Table 1");
    let exports = table
        .iter()
        .find(|r| cell_text(&r[0]) == "exports")
        .unwrap();
    assert_eq!(cell_text(&exports[1]), "Export turnover");
    assert_eq!(cell_text(&exports[2]), "million USD");
}

#[test]
fn indicator_workbooks_hold_the_series() {
    let site = TestSite::sample();
    site.build();
    let csv = csv_rows(&site.path("public/data/indicators/exports.csv"));
    let mut book: Xlsx<_> =
        open_workbook(site.path("public/en/data/indicators/exports.xlsx")).unwrap();
    let table = sheet(&mut book, "Table 1");
    let header: Vec<String> = table[0].iter().map(cell_text).collect();
    assert_eq!(header[0], "Period code");
    assert!(
        header.iter().any(|h| h == "Value (million USD)"),
        "{header:?}"
    );
    let value_col = header
        .iter()
        .position(|h| h == "Value (million USD)")
        .unwrap();
    let from_book: BTreeMap<String, f64> = table[1..]
        .iter()
        .filter_map(|r| match &r[value_col] {
            Data::Float(x) => Some((cell_text(&r[0]), *x)),
            _ => None,
        })
        .collect();
    let from_csv: BTreeMap<String, f64> = csv
        .iter()
        .filter(|r| r["field"] == "value")
        .map(|r| (r["period"].clone(), r["value"].parse().unwrap()))
        .collect();
    assert_eq!(from_book, from_csv);
    // Its JSON has the same figures.
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/data/indicators/exports.json")).unwrap();
    assert_eq!(json["format"], "bantin.indicator");
    let from_json: BTreeMap<String, f64> = json["observations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| {
            Some((
                o["period"].as_str()?.to_owned(),
                o["figures"]["value"].as_f64()?,
            ))
        })
        .collect();
    assert_eq!(from_json, from_csv);
}

#[test]
fn the_data_package_describes_every_csv_file_and_validates() {
    let site = TestSite::sample();
    site.build();
    let data = site.path("public/data");
    let package: serde_json::Value =
        serde_json::from_str(&site.read("public/data/datapackage.json")).unwrap();
    assert_eq!(
        package["$schema"],
        "https://datapackage.org/profiles/2.0/datapackage.json"
    );
    let paths: Vec<&str> = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    // Every CSV file of the open data (the charts' tables are the
    // charts' own) is described.
    for entry in walkdir::WalkDir::new(&data) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&data)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel.ends_with(".csv") && !rel.starts_with("charts/") {
            assert!(
                paths.contains(&rel.as_str()),
                "{rel} is not in datapackage.json"
            );
        }
    }
    assert!(
        package["licenses"][0]["title"]
            .as_str()
            .unwrap()
            .contains("Được phép sử dụng lại")
    );
    let schema: serde_json::Value =
        serde_json::from_str(&site.read("public/data/schema.json")).unwrap();
    assert_eq!(schema["missingValues"][0], "");
    // The standard's own validator, as open data portals run it.
    let have = std::process::Command::new("python3")
        .args(["-c", "import frictionless"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var_os("BANTIN_REQUIRE_FRICTIONLESS").is_none(),
            "BANTIN_REQUIRE_FRICTIONLESS is set but Python's frictionless is missing: pip install frictionless"
        );
        skipped("Data Package validation: pip install frictionless");
        return;
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, frictionless\n\
             r = frictionless.validate(sys.argv[1])\n\
             print(r.to_summary() if not r.valid else 'VALID')\n\
             sys.exit(0 if r.valid else 1)",
        ])
        .arg(data.join("datapackage.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sdmx_csv_has_one_row_per_observation() {
    let site = TestSite::sample();
    site.write(
        "site.toml",
        &format!(
            "{}\n[sdmx]\nagency = \"SCT_HP\"\ndataflow = \"DF_TEST\"\n",
            site.read("site.toml")
        ),
    );
    site.build();
    let mut r = csv::Reader::from_path(site.path("public/data/sdmx/all.csv")).unwrap();
    let head: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        head,
        [
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            "INDICATOR",
            "TIME_PERIOD",
            "FIELD",
            "OBS_VALUE",
            "OBS_STATUS",
            "UNIT_MEASURE"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let all = csv_rows(&site.path("public/data/all.csv"));
    let observations: Vec<&BTreeMap<String, String>> =
        all.iter().filter(|r| !r["indicator"].is_empty()).collect();
    assert_eq!(rows.len(), observations.len());
    let mut keys = std::collections::BTreeSet::new();
    for row in &rows {
        assert_eq!(&row[0], "dataflow");
        assert_eq!(&row[1], "SCT_HP:DF_TEST(1.0)");
        assert!(["E", "P", "A"].contains(&&row[7]), "{row:?}");
        assert!(
            keys.insert((row[3].to_owned(), row[4].to_owned(), row[5].to_owned())),
            "one row per observation: {row:?}"
        );
    }
    let exports_q1 = rows
        .iter()
        .find(|r| &r[3] == "exports" && &r[4] == "2021-Q1" && &r[5] == "value")
        .unwrap();
    assert_eq!(&exports_q1[6], "5718.5");
    assert_eq!(&exports_q1[8], "million USD");
    let h1 = rows.iter().find(|r| &r[4] == "2022-S1");
    assert!(h1.is_some(), "the first half is an SDMX semester");
}

#[test]
fn downloads_offer_csv_excel_and_json() {
    let site = TestSite::sample();
    site.build();
    for (page, xlsx) in [
        ("public/2021-q1/index.html", "/bantin/data/2021-q1.xlsx"),
        (
            "public/en/2021-q1/index.html",
            "/bantin/en/data/2021-q1.xlsx",
        ),
        (
            "public/indicators/exports/index.html",
            "/bantin/data/indicators/exports.xlsx",
        ),
        (
            "public/en/indicators/exports/index.html",
            "/bantin/en/data/indicators/exports.xlsx",
        ),
    ] {
        let html = site.html(page);
        let links: Vec<String> = html
            .all(".downloads a")
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert!(
            links.iter().any(|l| l.ends_with(".csv")),
            "{page}: {links:?}"
        );
        assert!(
            links.iter().any(|l| l.ends_with(".json")),
            "{page}: {links:?}"
        );
        assert!(links.iter().any(|l| l == xlsx), "{page}: {links:?}");
        let file = site.path(&format!("public/{}", xlsx.trim_start_matches("/bantin/")));
        assert!(file.is_file(), "{}", file.display());
    }
}

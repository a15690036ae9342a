//! Open data: every CSV and JSON download reads back to the figures of the
//! data files, with names in both languages; the data page documents the
//! columns.

use std::collections::BTreeMap;

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::common::TestSite;

const SLUGS: [&str; 6] = ["2019", "2020", "2021-q1", "2021-03", "2022-h1", "2024-9m"];

/// Figures of a data file: (indicator or `breakdown#row`, field) → value.
fn figures_of(site: &TestSite, slug: &str) -> BTreeMap<(String, String), f64> {
    let data: Yaml =
        serde_yaml::from_str(&site.read(&format!("content/bulletins/{slug}/data.yaml"))).unwrap();
    let mut out = BTreeMap::new();
    for (id, fields) in data["indicators"].as_mapping().unwrap() {
        for (field, v) in fields.as_mapping().unwrap() {
            out.insert(
                (
                    id.as_str().unwrap().to_owned(),
                    field.as_str().unwrap().to_owned(),
                ),
                v.as_f64().unwrap(),
            );
        }
    }
    if let Some(bds) = data.get("breakdowns").and_then(Yaml::as_mapping) {
        for (id, bd) in bds {
            for (i, row) in bd["rows"].as_sequence().unwrap().iter().enumerate() {
                for (field, v) in row.as_mapping().unwrap() {
                    let field = field.as_str().unwrap();
                    if field != "label" {
                        out.insert(
                            (format!("{}#{i}", id.as_str().unwrap()), field.to_owned()),
                            v.as_f64().unwrap(),
                        );
                    }
                }
            }
        }
    }
    out
}

/// A CSV download: its BOM checked, its rows as maps by column.
fn read_csv(site: &TestSite, rel: &str) -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(site.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{rel}: no byte-order mark"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        [
            "period",
            "period_kind",
            "status",
            "published",
            "indicator",
            "breakdown",
            "field",
            "value",
            "unit_vi",
            "unit_en",
            "name_vi",
            "name_en",
            "item_vi",
            "item_en",
            "revised_by"
        ],
        "{rel}"
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            head.iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The CSV rows of one period as figures, breakdown rows numbered in
/// order of appearance.
fn figures_in_csv(
    rows: &[BTreeMap<String, String>],
    period: &str,
) -> BTreeMap<(String, String), f64> {
    let mut out = BTreeMap::new();
    let mut row_of: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r["period"] == period) {
        let key = if r["indicator"].is_empty() {
            // A breakdown row: numbered by its item, in order.
            let items = seen.entry(r["breakdown"].clone()).or_default();
            let item = r["item_vi"].clone();
            let n = *row_of
                .entry((r["breakdown"].clone(), item.clone()))
                .or_insert_with(|| {
                    items.push(item.clone());
                    items.len() - 1
                });
            format!("{}#{n}", r["breakdown"])
        } else {
            r["indicator"].clone()
        };
        let value: f64 = r["value"].parse().unwrap();
        let old = out.insert((key.clone(), r["field"].clone()), value);
        assert!(old.is_none(), "{period} {key} {} twice", r["field"]);
    }
    out
}

#[test]
fn bulletin_csv_files_read_back_to_the_data_files() {
    let site = TestSite::sample();
    site.build();
    for slug in SLUGS {
        let rows = read_csv(&site, &format!("public/data/{slug}.csv"));
        let period = &rows[0]["period"];
        assert_eq!(&period.to_lowercase(), slug);
        assert_eq!(
            figures_in_csv(&rows, period),
            figures_of(&site, slug),
            "{slug}"
        );
    }
    // Names, units and items in both languages.
    let rows = read_csv(&site, "public/data/2021-q1.csv");
    let exports = rows
        .iter()
        .find(|r| r["indicator"] == "exports" && r["field"] == "value")
        .unwrap();
    assert_eq!(exports["name_vi"], "Kim ngạch xuất khẩu");
    assert_eq!(exports["name_en"], "Export turnover");
    assert_eq!(exports["unit_vi"], "triệu USD");
    assert_eq!(exports["unit_en"], "million USD");
    assert_eq!(exports["status"], "estimate");
    assert_eq!(exports["published"], "2021-04-01");
    assert_eq!(exports["period_kind"], "quarter");
    let growth = rows
        .iter()
        .find(|r| r["indicator"] == "exports" && r["field"] == "growth_yoy")
        .unwrap();
    assert_eq!(growth["unit_en"], "%");
    let item = rows
        .iter()
        .find(|r| r["breakdown"] == "iip_by_sector")
        .unwrap();
    assert_eq!(item["item_vi"], "Sản xuất thiết bị tự động");
    assert_eq!(item["item_en"], "Automation equipment");
    assert_eq!(item["value"], "71.51");
}

#[test]
fn all_csv_holds_every_release_and_indicator_files_their_series() {
    let site = TestSite::sample();
    site.build();
    let all = read_csv(&site, "public/data/all.csv");
    let mut expected_rows = 0;
    for slug in SLUGS {
        let period = read_csv(&site, &format!("public/data/{slug}.csv"))[0]["period"].clone();
        let want = figures_of(&site, slug);
        expected_rows += want.len();
        assert_eq!(figures_in_csv(&all, &period), want, "{slug}");
    }
    assert_eq!(all.len(), expected_rows);

    // An indicator's file: its figures in every period, nothing else.
    let exports = read_csv(&site, "public/data/indicators/exports.csv");
    assert!(exports.iter().all(|r| r["indicator"] == "exports"));
    let mut want = 0;
    for slug in SLUGS {
        let figures = figures_of(&site, slug);
        for ((id, field), v) in &figures {
            if id == "exports" {
                want += 1;
                let row = exports
                    .iter()
                    .find(|r| r["period"].to_lowercase() == slug && &r["field"] == field)
                    .unwrap_or_else(|| panic!("{slug} {field}"));
                assert_eq!(row["value"].parse::<f64>().unwrap(), *v);
            }
        }
    }
    assert_eq!(exports.len(), want);
}

#[test]
fn bulletin_json_reads_back_to_the_data_files() {
    let site = TestSite::sample();
    site.build();
    for slug in SLUGS {
        let json: Json = serde_json::from_str(&site.read(&format!("public/data/{slug}.json")))
            .unwrap_or_else(|e| panic!("{slug}.json: {e}"));
        assert_eq!(json["format"], "bantin.bulletin");
        assert_eq!(json["version"], 1);
        assert_eq!(json["period"].as_str().unwrap().to_lowercase(), slug);
        let mut got = BTreeMap::new();
        for ind in json["indicators"].as_array().unwrap() {
            let id = ind["id"].as_str().unwrap();
            assert!(ind["name"]["vi"].is_string() && ind["name"]["en"].is_string());
            assert!(
                ind["url"]["en"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("/en/indicators/{id}/"))
            );
            for (field, v) in ind["figures"].as_object().unwrap() {
                got.insert((id.to_owned(), field.clone()), v.as_f64().unwrap());
            }
        }
        for bd in json["breakdowns"].as_array().unwrap() {
            let id = bd["id"].as_str().unwrap();
            for (i, row) in bd["rows"].as_array().unwrap().iter().enumerate() {
                for (field, v) in row["figures"].as_object().unwrap() {
                    got.insert((format!("{id}#{i}"), field.clone()), v.as_f64().unwrap());
                }
            }
        }
        assert_eq!(got, figures_of(&site, slug), "{slug}");
    }
    let q1: Json = serde_json::from_str(&site.read("public/data/2021-q1.json")).unwrap();
    assert_eq!(q1["status"], "estimate");
    assert_eq!(q1["published"], "2021-04-01");
    assert_eq!(q1["months"], serde_json::json!([1, 3]));
    assert_eq!(
        q1["url"]["vi"],
        "https://congthuong.haiphong.gov.vn/bantin/2021-q1/"
    );
    assert_eq!(
        q1["breakdowns"][0]["rows"][0]["label"]["en"],
        "Automation equipment"
    );
}

#[test]
fn the_data_page_documents_every_column_and_links_every_file() {
    let site = TestSite::sample();
    site.build();
    for (rel, prefix) in [
        ("public/data/index.html", "/bantin/"),
        ("public/en/data/index.html", "/bantin/"),
    ] {
        let page = site.html(rel);
        let documented: Vec<String> = page
            .all(".glossary dt code")
            .iter()
            .map(|c| c.text().collect())
            .collect();
        let head = read_csv(&site, "public/data/all.csv");
        for column in head[0].keys() {
            assert!(documented.contains(column), "{rel}: {column} undocumented");
        }
        for code in ["estimate", "preliminary", "final", "growth_yoy", "quarter"] {
            assert!(documented.iter().any(|d| d == code), "{rel}: {code}");
        }
        // Every download link leads to a file.
        let mut links = 0;
        for a in page.all("a[download]") {
            let href = a.value().attr("href").unwrap();
            let path = href
                .strip_prefix(prefix)
                .unwrap_or_else(|| panic!("{href}"));
            assert!(site.path(&format!("public/{path}")).is_file(), "{href}");
            links += 1;
        }
        assert!(links >= 1 + 2 * SLUGS.len() + 4, "{rel}: {links} links");
        assert!(page.text("#licence-h").len() > 3);
    }
    let en = site.html("public/en/data/index.html");
    let licence: String = en
        .one("#licence-h")
        .next_siblings()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(
        licence.contains("provided the source is credited"),
        "{licence}"
    );
}

#[test]
fn bulletins_link_their_figures_to_indicator_pages() {
    let site = TestSite::sample();
    site.build();
    for (rel, prefix) in [
        ("public/2021-q1/index.html", "/bantin/"),
        ("public/en/2021-q1/index.html", "/bantin/en/"),
    ] {
        let page = site.html(rel);
        let links: Vec<String> = page
            .all("table.data tbody th a[href*='/indicators/'], .card-name a")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect();
        assert!(links.len() >= 8, "{rel}: {links:?}");
        for href in links {
            let path = href.strip_prefix(prefix).unwrap();
            assert!(path.starts_with("indicators/"), "{href}");
            let target = if prefix.ends_with("en/") {
                format!("public/en/{path}index.html")
            } else {
                format!("public/{path}index.html")
            };
            assert!(site.path(&target).is_file(), "{href}");
        }
    }
    // The indicator page: name, unit, definition, a series per kind of
    // period, each period linking to its bulletin.
    let page = site.html("public/en/indicators/exports/index.html");
    assert_eq!(page.text("h1"), "Export turnover");
    assert!(page.text(".lead").contains("exported"));
    let headings: Vec<String> = page
        .all("section h2")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        headings,
        [
            "By year",
            "Year to date",
            "By quarter",
            "By month",
            "Download the series"
        ]
    );
    for a in page.all(".chart-table tbody th a") {
        let href = a.value().attr("href").unwrap();
        let slug = href.strip_prefix("/bantin/en/").unwrap();
        assert!(SLUGS.contains(&slug.trim_end_matches('/')), "{href}");
    }
    assert_eq!(page.all(".chart-table tbody th a").len(), SLUGS.len());
    // The list of indicators links every page.
    let list = site.html("public/indicators/index.html");
    assert!(list.all(".indicator-list li").len() >= 15);
    // Each with its latest figure: IIP's is in the latest release.
    let first: String = list.all(".indicator-list li .indicator-latest a")[0]
        .text()
        .collect();
    assert_eq!(first, "9 tháng năm 2024: tăng 15,14% so với cùng kỳ");
}

//! Charts: every option embedded in a page is valid JSON whose values are
//! the data files' figures; labels cannot escape their script; each chart
//! has a title, a text alternative, a table and a CSV of its own data;
//! nothing is loaded from another host.

use std::collections::BTreeMap;

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::common::{Page, TestSite};

/// A figure of a data.yaml, from a chart's reference:
/// `2021-Q1:exports:growth_yoy` or `2021-Q1:iip_by_sector#3:growth_yoy`.
fn figure(site: &TestSite, reference: &str) -> Option<f64> {
    let mut parts = reference.split(':');
    let (period, what, field) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let data: Yaml = serde_yaml::from_str(&site.read(&format!(
        "content/bulletins/{}/data.yaml",
        period.to_lowercase()
    )))
    .unwrap();
    let node = match what.split_once('#') {
        Some((breakdown, row)) => {
            &data["breakdowns"][breakdown]["rows"][row.parse::<usize>().unwrap()]
        }
        None => &data["indicators"][what],
    };
    node[field].as_f64()
}

/// The embedded chart specs of a page, by chart id.
fn specs(page: &Page) -> BTreeMap<String, Json> {
    page.all(".chart[data-chart]")
        .into_iter()
        .map(|el| {
            let id = el.value().attr("id").unwrap().to_owned();
            let script = page.one(&format!("script#{id}-data"));
            assert_eq!(script.value().attr("type"), Some("application/json"));
            let text: String = script.text().collect();
            let spec: Json = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("chart {id}: invalid JSON: {e}\n{text}"));
            (id, spec)
        })
        .collect()
}

/// The number a data point holds: a bare value, `{"value": x}` or null.
fn point(v: &Json) -> Option<f64> {
    match v {
        Json::Null => None,
        Json::Object(o) => o["value"].as_f64(),
        v => Some(v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))),
    }
}

fn chart_pages() -> Vec<String> {
    let mut pages = Vec::new();
    for slug in ["2019", "2020", "2021-q1", "2021-03", "2022-h1", "2024-9m"] {
        pages.push(format!("public/{slug}/index.html"));
        pages.push(format!("public/en/{slug}/index.html"));
    }
    for id in ["exports", "iip", "retail", "port_cargo"] {
        pages.push(format!("public/indicators/{id}/index.html"));
        pages.push(format!("public/en/indicators/{id}/index.html"));
    }
    pages
}

#[test]
fn every_chart_value_is_the_figure_of_the_data_file() {
    let site = TestSite::sample();
    site.build();
    let mut checked = 0;
    for rel in chart_pages() {
        let page = site.html(&rel);
        let specs = specs(&page);
        // A page whose every series has one period shows figures only.
        assert!(
            !specs.is_empty() || !page.all(".chart-figures").is_empty(),
            "{rel} has no chart and no figures"
        );
        for (id, spec) in &specs {
            let option = &spec["option"];
            let series = option["series"].as_array().unwrap();
            assert_eq!(series.len(), spec["series"].as_array().unwrap().len());
            for (i, s) in series.iter().enumerate() {
                let data = s["data"].as_array().unwrap();
                let refs = spec["series"][i]["refs"].as_array().unwrap();
                assert_eq!(data.len(), refs.len(), "{rel} {id}");
                for (v, r) in data.iter().zip(refs) {
                    let r = r.as_str().unwrap();
                    assert_eq!(point(v), figure(&site, r), "{rel} {id} {r}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} values checked");
}

#[test]
fn bulletin_charts_are_the_growth_chart_and_the_narrative_calls() {
    let site = TestSite::sample();
    site.build();
    let vi = specs(&site.html("public/2021-q1/index.html"));
    let ids: Vec<&str> = vi.keys().map(String::as_str).collect();
    assert_eq!(ids, ["chart-growth", "chart-iip_by_sector"]);
    // The exports' trend has one period in the sample (Q1 2021): its
    // figures are shown, not a chart of a lone bar.
    let page = site.html("public/2021-q1/index.html");
    assert!(page.all("#chart-trend-exports").is_empty());
    assert!(page.all("#chart-trend-exports-data").is_empty());
    assert!(
        page.all(".chart-figures #chart-trend-exports-tableview:not([hidden])")
            .len()
            == 1
    );

    // The breakdown: sorted by value, every row of the data file.
    let bd = &vi["chart-iip_by_sector"]["option"];
    let values: Vec<f64> = bd["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(point)
        .collect();
    assert_eq!(values.len(), 9);
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    // Falls in their own colour, rises in the series colour.
    let colours: Vec<Option<&str>> = bd["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["itemStyle"]["color"].as_str())
        .collect();
    for (v, c) in values.iter().zip(&colours) {
        assert_eq!(c.is_some(), *v < 0.0, "{v} {c:?}");
    }
    // Bars down the side, largest at the top.
    assert_eq!(bd["yAxis"]["type"], "category");
    assert_eq!(bd["yAxis"]["inverse"], true);
    assert_eq!(bd["yAxis"]["data"][0], "Sản xuất thiết bị tự động");

    // The growth chart: the key indicators that have growth, in order.
    let growth = &vi["chart-growth"]["option"];
    assert_eq!(
        growth["yAxis"]["data"],
        serde_json::json!([
            "Chỉ số sản xuất công nghiệp (IIP)",
            "Kim ngạch xuất khẩu",
            "Kim ngạch nhập khẩu",
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"
        ])
    );

    // The 2024-9M bulletin also compares with the plan and the country
    // where its data file gives them.
    let nine = specs(&site.html("public/en/2024-9m/index.html"));
    let names: Vec<&str> = nine["chart-growth"]["option"]["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let data: Yaml =
        serde_yaml::from_str(&site.read("content/bulletins/2024-9m/data.yaml")).unwrap();
    let has = |field: &str| {
        data["indicators"]
            .as_mapping()
            .unwrap()
            .values()
            .any(|v| v.get(field).is_some())
    };
    assert_eq!(names[0], "Year on year (%)");
    assert_eq!(names.contains(&"Annual plan (%)"), has("target_growth"));
    assert_eq!(names.contains(&"Nationwide (%)"), has("national_growth"));
}

#[test]
fn charts_speak_the_page_language() {
    let site = TestSite::sample();
    site.build();
    let vi = site.html("public/2021-q1/index.html");
    let en = site.html("public/en/2021-q1/index.html");
    assert_eq!(
        vi.text("#chart-growth-title"),
        "Kim ngạch xuất khẩu tăng nhanh nhất: 25,15% so với cùng kỳ"
    );
    assert_eq!(
        en.text("#chart-growth-title"),
        "Export turnover grew fastest: 25.15% year on year"
    );
    assert_eq!(
        vi.text("#chart-trend-exports-title"),
        "Kim ngạch xuất khẩu tăng 25,15%"
    );
    assert_eq!(
        en.text("#chart-trend-exports-title"),
        "Export turnover up 25.15%"
    );
    // The table view of a chart: the page's number format.
    let cells = |p: &Page, id: &str| -> Vec<String> {
        p.all(&format!("#{id}-table tbody td"))
            .iter()
            .map(|c| c.text().collect::<String>().trim().to_owned())
            .collect()
    };
    assert_eq!(cells(&vi, "chart-trend-exports"), ["5.718,5", "+25,15"]);
    assert_eq!(cells(&en, "chart-trend-exports"), ["5,718.5", "+25.15"]);
    // Axis names, legend and script settings in the page's language, on
    // a series of two years (the indicator's page).
    let en_specs = specs(&site.html("public/en/indicators/exports/index.html"));
    let trend = &en_specs["chart-year"];
    assert_eq!(trend["option"]["yAxis"][0]["name"], "million USD");
    assert_eq!(trend["option"]["series"][0]["name"], "Value (million USD)");
    assert_eq!(trend["series"][0]["unit"], "million USD");
    assert_eq!(trend["missing"], "..");
    let vi_specs = specs(&site.html("public/indicators/exports/index.html"));
    assert_eq!(
        vi_specs["chart-year"]["option"]["yAxis"][0]["name"],
        "triệu USD"
    );
}

#[test]
fn every_chart_has_a_text_alternative_a_table_and_its_csv() {
    let site = TestSite::sample();
    site.build();
    for rel in chart_pages() {
        let page = site.html(&rel);
        for (id, spec) in specs(&page) {
            let el = page.one(&format!("#{id}"));
            assert_eq!(el.value().attr("role"), Some("img"), "{rel} {id}");
            let label = el.value().attr("aria-label").unwrap_or_default();
            assert!(label.len() > 20, "{rel} {id}: {label:?}");
            assert_eq!(
                spec["option"]["aria"]["label"]["description"], label,
                "{rel} {id}"
            );
            assert_eq!(spec["option"]["aria"]["enabled"], true);
            assert!(!page.text(&format!("#{id}-title")).is_empty());
            // The table holds exactly the chart's categories and series.
            let categories = if spec["option"]["yAxis"]["type"] == "category" {
                &spec["option"]["yAxis"]["data"]
            } else {
                &spec["option"]["xAxis"]["data"]
            };
            let categories: Vec<&str> = categories
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            let heads: Vec<String> = page
                .all(&format!("#{id}-table tbody th"))
                .iter()
                .map(|c| c.text().collect::<String>().trim().to_owned())
                .collect();
            assert_eq!(heads, categories, "{rel} {id}");
            let columns = page.all(&format!("#{id}-table thead th")).len();
            assert_eq!(
                columns,
                1 + spec["option"]["series"].as_array().unwrap().len()
            );
            // The CSV: the same rows, numbers in machine form.
            let href = page
                .one(&format!("#{id}-title"))
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .find(|e| e.value().name() == "figure")
                .and_then(|fig| {
                    fig.select(&scraper::Selector::parse("a.chart-csv").unwrap())
                        .next()
                })
                .and_then(|a| a.value().attr("href"))
                .unwrap()
                .to_owned();
            let path = href
                .strip_prefix("https://congthuong.haiphong.gov.vn/bantin/")
                .or_else(|| href.strip_prefix("/bantin/"))
                .unwrap_or_else(|| panic!("{href}"));
            let csv = std::fs::read(site.path(&format!("public/{path}"))).unwrap();
            assert!(csv.starts_with(b"\xEF\xBB\xBF"), "{path}: no BOM");
            let mut reader = csv::Reader::from_reader(&csv[3..]);
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            assert_eq!(rows.len(), categories.len(), "{path}");
            for (j, row) in rows.iter().enumerate() {
                assert_eq!(&row[0], categories[j]);
                for (i, s) in spec["option"]["series"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .enumerate()
                {
                    let want = point(&s["data"][j]);
                    let got = (!row[i + 1].is_empty()).then(|| row[i + 1].parse::<f64>().unwrap());
                    assert_eq!(got, want, "{path} row {j}");
                }
            }
        }
    }
}

#[test]
fn a_script_in_a_label_stays_text() {
    let site = TestSite::fixture("basic");
    let evil = "</script><script>alert(1)</script>";
    let data = site.read("content/bulletins/2021-q1/data.yaml");
    assert!(data.contains("Đóng tàu"));
    site.write(
        "content/bulletins/2021-q1/data.yaml",
        &data.replace("Đóng tàu", &format!("Tự động {evil}")),
    );
    let catalog = site.read("content/indicators.yaml");
    site.write(
        "content/indicators.yaml",
        &catalog.replace("Kim ngạch xuất khẩu", &format!("Xuất khẩu {evil}")),
    );
    site.build();
    for rel in [
        "public/2021-q1/index.html",
        "public/2020-q1/index.html",
        "public/indicators/exports/index.html",
        "public/index.html",
    ] {
        let raw = site.read(rel);
        assert!(!raw.contains("<script>alert"), "{rel}");
        let page = site.html(rel);
        // Every script is the theme's own file or inert JSON.
        for s in page.all("script") {
            let v = s.value();
            assert!(
                v.attr("src").is_some() || v.attr("type") == Some("application/json"),
                "{rel}: {}",
                s.html()
            );
            assert!(!s.text().collect::<String>().contains("alert(1)</"));
        }
    }
    // The label comes back whole from the chart JSON.
    for rel in [
        "public/2021-q1/index.html",
        "public/indicators/exports/index.html",
    ] {
        let all: String = specs(&site.html(rel))
            .values()
            .map(|s| s.to_string())
            .collect();
        assert!(all.contains(evil), "{rel}");
    }
    let bd = specs(&site.html("public/2021-q1/index.html"));
    let labels = &bd["chart-iip_by_sector"]["option"]["yAxis"]["data"];
    assert!(
        labels
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l.as_str() == Some(&format!("Tự động {evil}"))),
        "{labels}"
    );
}

#[test]
fn no_page_refers_to_another_host() {
    let site = TestSite::sample();
    site.build();
    let base = "https://congthuong.haiphong.gov.vn/bantin/";
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.path("public")) {
        let entry = entry.unwrap();
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "html" {
            pages += 1;
            let text = std::fs::read_to_string(path).unwrap();
            let page = Page(scraper::Html::parse_document(&text));
            for el in page.all("[href], [src], [action], [srcset], [data]") {
                for attr in ["href", "src", "action", "srcset", "data"] {
                    if let Some(v) = el.value().attr(attr) {
                        let external = v.contains("//") && !v.starts_with(base);
                        assert!(!external, "{}: {attr}={v}", path.display());
                    }
                }
            }
            // Nor through a style or a chart option.
            assert!(!text.contains("url(http"), "{}", path.display());
            for spec in specs(&page).values() {
                let s = spec.to_string();
                assert!(
                    !s.contains("http") || s.matches("http").count() == s.matches(base).count(),
                    "{}: {s}",
                    path.display()
                );
            }
        }
        if ext == "css" || path.ends_with("charts.js") {
            let text = std::fs::read_to_string(path).unwrap();
            assert!(!text.contains("http"), "{}", path.display());
        }
    }
    assert!(pages > 50);
}

#[test]
fn echarts_is_served_by_the_site_with_its_licence() {
    let site = TestSite::sample();
    site.build();
    let page = site.html("public/2021-q1/index.html");
    // One deferred script, which loads ECharts from the site when a
    // chart nears the view.
    let scripts = page.all("script[src]");
    assert_eq!(scripts.len(), 1);
    assert!(scripts[0].value().attr("defer").is_some());
    let runtime_at = scripts[0].value().attr("data-echarts").unwrap();
    let echarts = runtime_at
        .strip_prefix("/bantin/")
        .unwrap_or_else(|| panic!("{runtime_at}"));
    let runtime = site.read(&format!("public/{echarts}"));
    let version = serde_json::from_str::<Json>(
        &std::fs::read_to_string(crate::common::repo().join("package-lock.json")).unwrap(),
    )
    .unwrap()["packages"]["node_modules/echarts"]["version"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        echarts.contains(&format!("echarts-{version}/")),
        "{echarts}"
    );
    assert!(runtime.len() > 300_000, "the ECharts runtime");
    assert!(runtime.contains("registerLocale(\"VI\"") || runtime.contains("registerLocale('VI'"));
    let licence = site.read(&format!(
        "public/{}",
        echarts.replace("echarts.min.js", "LICENSE.txt")
    ));
    assert!(licence.contains("Apache License"));
    assert!(licence.contains("ZRender"));
    // A page without charts loads no script at all.
    assert!(
        site.html("public/archive/index.html")
            .all("script")
            .is_empty()
    );
}

#[test]
fn without_javascript_the_tables_show() {
    let site = TestSite::sample();
    site.build();
    let page = site.html("public/2021-q1/index.html");
    let noscript: String = page.one("head noscript").text().collect();
    assert!(noscript.contains(".chart{display:none}"), "{noscript}");
    assert!(noscript.contains(".chart-table[hidden]{display:block}"));
    // On bulletins the table is a toggle; on indicator pages it shows.
    for b in page.all(".chart-toggle") {
        let target = b.value().attr("aria-controls").unwrap();
        assert!(
            page.one(&format!("#{target}"))
                .value()
                .attr("hidden")
                .is_some()
        );
        assert_eq!(b.value().attr("aria-expanded"), Some("false"));
    }
    let ind = site.html("public/indicators/exports/index.html");
    assert!(ind.all(".chart-toggle").is_empty());
    assert!(ind.all(".chart-table[hidden]").is_empty());
}

#[test]
fn a_trend_highlights_the_bulletins_own_period() {
    let site = TestSite::fixture("basic");
    let text = site.read("content/bulletins/2021-q1/index.vi.md");
    site.write(
        "content/bulletins/2021-q1/index.vi.md",
        &format!("{text}\n{{{{ chart(\"exports\") }}}}\n"),
    );
    site.build();
    let page = site.html("public/2021-q1/index.html");
    let spec = &specs(&page)["chart-trend-exports"];
    let option = &spec["option"];
    assert_eq!(
        option["xAxis"]["data"],
        serde_json::json!(["Quý I/2020", "Quý I/2021"])
    );
    // Levels as bars on the left axis, growth as a line on the right.
    assert_eq!(option["series"][0]["type"], "bar");
    assert_eq!(option["series"][1]["type"], "line");
    assert_eq!(option["series"][1]["yAxisIndex"].as_f64(), Some(1.0));
    assert_eq!(option["yAxis"].as_array().unwrap().len(), 2);
    // The other period is lighter; this one keeps the strong colour.
    let other = option["series"][0]["itemStyle"]["color"].as_str().unwrap();
    let data = option["series"][0]["data"].as_array().unwrap();
    assert_eq!(point(&data[0]), Some(4569.2));
    assert!(data[0].get("itemStyle").is_none());
    let own = data[1]["itemStyle"]["color"].as_str().unwrap();
    assert_ne!(own, other);
    assert_eq!(point(&data[1]), Some(5718.5));
    // The table marks the same row, and each period links to its bulletin.
    let rows = page.all("#chart-trend-exports-table tbody tr");
    assert_eq!(rows[1].value().attr("class"), Some("current"));
    assert_eq!(rows[0].value().attr("class"), None);
    let links: Vec<&str> = page
        .all("#chart-trend-exports-table tbody th a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(links, ["/bantin/2020-q1/", "/bantin/2021-q1/"]);
    assert_eq!(spec["hrefs"], serde_json::json!(links));
    assert_eq!(
        page.text("#chart-trend-exports-title"),
        "Kim ngạch xuất khẩu tăng 25,15%"
    );
}

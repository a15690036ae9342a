//! A release without a narrative in one language still gets a full page
//! in it; site templates override the theme's.

use crate::common::TestSite;

#[test]
fn missing_english_narrative_gets_a_full_fallback_page() {
    let site = TestSite::fixture("basic");
    site.build();
    let en = site.html("public/en/2021-q1/index.html");
    assert_eq!(en.attr("html", "lang"), "en");
    assert_eq!(en.text("h1"), "Statistical bulletin, Q1 2021");
    let note = en.text(".note");
    assert!(
        note.starts_with("The English text of this bulletin is not yet available."),
        "{note}"
    );
    assert_eq!(en.attr(".note a", "href"), "/bantin/2021-q1/");
    // Main points and tables come from the data, in English.
    let cards = en.text(".cards");
    assert!(
        cards.contains("5,718.5 million USD") || cards.contains("5,718.5 million USD"),
        "{cards}"
    );
    assert!(cards.contains("up 25.15% year on year"), "{cards}");
    assert_eq!(en.all("#figures-2021-q1 tbody tr").len(), 3);
    assert!(en.text("#iip_by_sector-2021-q1").contains("Shipbuilding"));
    assert!(en.all(".narrative").is_empty());
    // The Vietnamese page has the narrative and no note.
    let vi = site.html("public/2021-q1/index.html");
    assert!(
        vi.text(".narrative")
            .contains("Kim ngạch xuất khẩu ước đạt 5.718,5 triệu USD, tăng 25,15%.")
    );
    assert!(vi.all(".note").is_empty());
}

#[test]
fn missing_figures_show_the_symbol_and_its_legend() {
    let site = TestSite::fixture("basic");
    site.build();
    let vi = site.html("public/2021-q1/index.html");
    // imports has a value but no growth: the growth cell is "..", not blank or 0.
    let row = vi
        .all("#figures-2021-q1 tbody tr")
        .into_iter()
        .find(|r| r.text().collect::<String>().contains("nhập khẩu"))
        .unwrap();
    let cells: Vec<String> = row
        .select(&scraper::Selector::parse("td").unwrap())
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(cells, ["triệu USD", "5.577,7", ".."]);
    assert!(vi.text(".legend").contains("không có số liệu"));
}

#[test]
fn narrative_calls_fill_figures_of_other_periods_and_tables() {
    let site = TestSite::fixture("basic");
    site.build();
    let vi = site.html("public/2021-q1/index.html");
    let text = vi.text(".narrative");
    assert!(
        text.contains("IIP tăng 18,29%; quý I/2020 xuất khẩu 4.569,2 triệu USD."),
        "{text}"
    );
    let rows: Vec<String> = vi
        .all(".narrative figure tbody tr")
        .iter()
        .map(|r| r.text().collect::<String>())
        .collect();
    assert_eq!(rows, ["Đóng tàu+67,64", "Sản xuất mô tơ, xe máy-51,76"]);
}

#[test]
fn free_pages_rebase_their_internal_links() {
    let site = TestSite::fixture("basic");
    site.build();
    assert_eq!(
        site.html("public/about/index.html")
            .attr("main article a", "href"),
        "/bantin/2021-q1/"
    );
    assert_eq!(
        site.html("public/en/about/index.html")
            .attr("main article a", "href"),
        "/bantin/en/2021-q1/"
    );
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"mine\">{{ title }}</h1>{% endblock content %}",
    );
    site.build();
    let about = site.html("public/about/index.html");
    assert_eq!(about.text("h1.mine"), "Giới thiệu");
    // Other templates still come from the theme.
    assert!(
        !site
            .html("public/2021-q1/index.html")
            .all(".cards")
            .is_empty()
    );
}

#[test]
fn build_works_from_any_folder_with_the_embedded_theme() {
    let site = TestSite::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = crate::common::bantin()
        .current_dir(elsewhere.path())
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.starts_with("Built 22 pages (en 11, vi 11)"),
        "{summary}"
    );
    assert!(site.path("public/static/style.css").is_file());
}

//! The sample site at the repo root (Hai Phong's bulletins) builds into a
//! complete bilingual site.

use crate::common::TestSite;

const BASE: &str = "https://congthuong.haiphong.gov.vn/bantin/";
const SLUGS: [&str; 6] = ["2019", "2020", "2021-q1", "2021-03", "2022-h1", "2024-9m"];

#[test]
fn every_bulletin_exists_in_both_languages_with_hreflang_pointing_at_each_other() {
    let site = TestSite::sample();
    site.build();
    for slug in SLUGS {
        let vi = site.html(&format!("public/{slug}/index.html"));
        let en = site.html(&format!("public/en/{slug}/index.html"));
        assert_eq!(vi.attr("html", "lang"), "vi");
        assert_eq!(en.attr("html", "lang"), "en");
        let vi_url = format!("{BASE}{slug}/");
        let en_url = format!("{BASE}en/{slug}/");
        assert_eq!(vi.attr("link[rel=canonical]", "href"), vi_url);
        assert_eq!(en.attr("link[rel=canonical]", "href"), en_url);
        for page in [&vi, &en] {
            assert_eq!(
                page.attr("link[rel=alternate][hreflang=vi]", "href"),
                vi_url,
                "{slug}"
            );
            assert_eq!(
                page.attr("link[rel=alternate][hreflang=en]", "href"),
                en_url,
                "{slug}"
            );
            assert_eq!(
                page.attr("link[rel=alternate][hreflang=x-default]", "href"),
                vi_url
            );
        }
        // The visible language switch leads to the equivalent page.
        assert_eq!(
            vi.attr(".lang-switch a[hreflang=en]", "href"),
            format!("/bantin/en/{slug}/")
        );
        assert_eq!(
            en.attr(".lang-switch a[hreflang=vi]", "href"),
            format!("/bantin/{slug}/")
        );
    }
}

#[test]
fn q1_2021_shows_figures_in_each_languages_format() {
    let site = TestSite::sample();
    site.build();
    let vi = site.html("public/2021-q1/index.html").text("main");
    let en = site.html("public/en/2021-q1/index.html").text("main");
    for expected in [
        "5.718,5 triệu USD",
        "tăng 25,15%",
        "tăng 25,15% so với cùng kỳ",
        "Quý I/2021",
        "Ước tính",
        "01/04/2021",
    ] {
        assert!(vi.contains(expected), "vi page lacks {expected:?}");
    }
    for expected in [
        "5,718.5 million USD",
        "up 25.15%",
        "up 25.15% year on year",
        "Q1 2021",
        "Estimate",
        "1 April 2021",
    ] {
        assert!(en.contains(expected), "en page lacks {expected:?}");
    }
    // A fall is worded as one, in both languages.
    assert!(vi.contains("-51,76") && en.contains("-51.76"));
    assert!(!vi.contains("5,718.5") && !en.contains("5.718,5"));
}

#[test]
fn home_shows_the_latest_release_and_every_release_by_year() {
    let site = TestSite::sample();
    site.build();
    let home = site.html("public/index.html");
    assert_eq!(
        home.text(".latest h2"),
        "Số liệu mới nhất: 9 tháng năm 2024"
    );
    let cards = home.text(".latest .card");
    assert!(
        cards.contains("tăng 15,14% so với cùng kỳ") || cards.contains("tăng 15,14%"),
        "{cards}"
    );
    assert!(
        cards.contains("26.351,9 triệu USD") && cards.contains("tăng 26,77% so với cùng kỳ"),
        "{cards}"
    );
    let years: Vec<String> = home
        .all("#releases-h ~ h3")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(years, ["2024", "2022", "2021", "2020", "2019"]);
    assert_eq!(home.all(".releases a").len(), SLUGS.len());
    let en = site.html("public/en/index.html");
    assert_eq!(
        en.text(".latest h2"),
        "Latest figures: January–September 2024"
    );
}

#[test]
fn older_releases_link_to_the_latest_of_their_kind() {
    let site = TestSite::sample();
    site.build();
    let y2019 = site.html("public/2019/index.html");
    assert_eq!(y2019.attr(".banner a", "href"), "/bantin/2020/");
    assert_eq!(y2019.attr(".pager a[rel=next]", "href"), "/bantin/2020/");
    let y2020 = site.html("public/2020/index.html");
    assert!(
        y2020.all(".banner").is_empty(),
        "the latest year release has no banner"
    );
    assert_eq!(y2020.attr(".pager a[rel=prev]", "href"), "/bantin/2019/");
}

#[test]
fn archive_about_and_404_exist_in_both_languages() {
    let site = TestSite::sample();
    site.build();
    for (page, lang) in [
        ("public/archive/index.html", "vi"),
        ("public/en/archive/index.html", "en"),
        ("public/about/index.html", "vi"),
        ("public/en/about/index.html", "en"),
    ] {
        assert_eq!(site.html(page).attr("html", "lang"), lang, "{page}");
    }
    let archive = site.html("public/archive/index.html");
    assert_eq!(archive.all(".releases a").len(), SLUGS.len());
    assert_eq!(
        site.html("public/en/about/index.html").text("h1"),
        "About and methodology"
    );
    let nf = site.html("public/404.html");
    assert_eq!(nf.text("h1"), "Không tìm thấy trang");
    assert_eq!(nf.attr("section[lang=en] a", "href"), "/bantin/en/");
}

#[test]
fn data_only_release_has_full_pages_from_its_data() {
    let site = TestSite::sample();
    site.build();
    for (page, title, note) in [
        (
            "public/2021-03/index.html",
            "Bản tin thống kê Tháng 3/2021",
            "Kỳ này chỉ công bố số liệu",
        ),
        (
            "public/en/2021-03/index.html",
            "Statistical bulletin, March 2021",
            "This release publishes figures only",
        ),
    ] {
        let p = site.html(page);
        assert_eq!(p.text("h1"), title);
        assert!(p.text(".note").starts_with(note));
        assert_eq!(p.all("#figures-2021-03 tbody tr").len(), 4);
    }
}

#[test]
fn no_page_refers_to_another_host() {
    let site = TestSite::sample();
    site.build();
    for (path, bytes) in site.snapshot("public") {
        if !path.ends_with(".html") {
            continue;
        }
        let page = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        let sel = scraper::Selector::parse("[src], link[rel=stylesheet], script").unwrap();
        for el in page.select(&sel) {
            for attr in ["src", "href"] {
                if let Some(v) = el.value().attr(attr) {
                    assert!(
                        v.starts_with('/') && !v.starts_with("//"),
                        "{path}: {attr}={v}"
                    );
                }
            }
        }
    }
}

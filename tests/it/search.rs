//! Site search: the Pagefind index in the built site, and queries run by
//! Pagefind's own script in Chromium, as a reader's browser runs them.

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::browser::{
    at_both_widths, chromium, eval, launch, served_sample, served_sample_at, wait_until_at,
    watch_errors,
};
use crate::common::TestSite;

/// The language of a built page by its path (Vietnamese at the root).
fn language(path: &str) -> &'static str {
    if path.starts_with("en/") { "en" } else { "vi" }
}

#[test]
fn the_index_holds_the_marked_pages_of_both_languages() {
    let site = TestSite::sample();
    site.build();
    let files = site.snapshot("public");

    // Pages offered to search: bulletins, free pages, indicators; not the
    // lists, and not the search page itself.
    let mut marked: BTreeMap<&str, usize> = BTreeMap::new();
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with("index.html") && text.contains("data-pagefind-body") {
            *marked.entry(language(path)).or_default() += 1;
        }
    }
    for unmarked in ["index.html", "archive/index.html", "search/index.html"] {
        assert!(
            !site
                .read(&format!("public/{unmarked}"))
                .contains("data-pagefind-body"),
            "{unmarked}"
        );
    }
    assert!(
        site.read("public/2022-h1/index.html")
            .contains("data-pagefind-body")
    );
    assert!(
        site.read("public/en/about/index.html")
            .contains("data-pagefind-body")
    );

    // The index is in parts, each language's listed with its first (the
    // one with Pagefind's script) first: the releases by five years, the
    // other pages apart.
    let parts: BTreeMap<String, Vec<String>> =
        serde_json::from_slice(&files["pagefind/bantin-parts.json"]).unwrap();
    assert_eq!(parts.keys().collect::<Vec<_>>(), ["en", "vi"]);
    for (lang, list) in &parts {
        assert_eq!(list[0], *lang, "{parts:?}");
        assert!(list.contains(&format!("{lang}-2020")), "{parts:?}");
        let mut pages = 0;
        for (i, part) in list.iter().enumerate() {
            let entry: Json =
                serde_json::from_slice(&files[&format!("pagefind/{part}/pagefind-entry.json")])
                    .unwrap();
            // Each part holds its own language only, with its metadata.
            let languages = entry["languages"].as_object().unwrap();
            assert_eq!(
                languages.keys().collect::<Vec<_>>(),
                [lang],
                "{part}: {entry}"
            );
            pages += entry["languages"][lang]["page_count"].as_u64().unwrap();
            let hash = entry["languages"][lang]["hash"].as_str().unwrap();
            assert!(files.contains_key(&format!("pagefind/{part}/pagefind.{hash}.pf_meta")));
            // Only the first part carries Pagefind's script and program.
            let script = files.contains_key(&format!("pagefind/{part}/pagefind.js"));
            assert_eq!(script, i == 0, "{part}");
        }
        assert_eq!(pages, marked[lang.as_str()] as u64, "{lang}");
        assert!(
            marked[lang.as_str()] >= 7,
            "six bulletins and a page at least"
        );
    }
    assert!(String::from_utf8_lossy(&files["pagefind/LICENSE.txt"]).contains("MIT License"));
    // Pagefind's own interfaces are left out: the theme has its own.
    assert!(
        !files.keys().any(|k| k.contains("-ui")),
        "{:?}",
        files
            .keys()
            .filter(|k| k.contains("-ui"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_page_leads_to_the_search_page_of_its_language() {
    let site = TestSite::sample();
    site.build();
    for (page, search) in [
        ("public/index.html", "/bantin/search/"),
        ("public/2021-q1/index.html", "/bantin/search/"),
        ("public/en/index.html", "/bantin/en/search/"),
        (
            "public/en/indicators/exports/index.html",
            "/bantin/en/search/",
        ),
    ] {
        let html = site.html(page);
        assert_eq!(html.attr("form.site-search", "action"), search, "{page}");
        // The field is labelled for screen readers.
        assert_eq!(html.attr("form.site-search label", "for"), "site-search-q");
        assert_eq!(html.attr("form.site-search input", "name"), "q");
    }
    for (page, lang) in [
        ("public/search/index.html", "vi"),
        ("public/en/search/index.html", "en"),
    ] {
        let html = site.html(page);
        assert_eq!(html.attr("html", "lang"), lang);
        assert_eq!(html.attr("meta[name=robots]", "content"), "noindex");
        assert_eq!(
            html.attr("form[data-search]", "data-pagefind"),
            "/bantin/pagefind/"
        );
        assert_eq!(html.attr("form[data-search]", "data-base"), "/bantin/");
        assert_eq!(html.attr("form[data-search] label", "for"), "search-q");
        assert!(html.all("form.site-search").is_empty(), "one form, not two");
        assert!(
            html.attr("script[src*=search]", "src")
                .starts_with("/bantin/static/search.js?v=")
        );
    }
    assert!(site.read("public/search/index.html").contains("Tìm kiếm"));
    // Search pages are not for search engines.
    assert!(!site.read("public/sitemap.xml").contains("search/"));
}

#[test]
fn a_site_can_do_without_search() {
    let site = TestSite::sample();
    let settings = site.read("site.toml");
    site.write("site.toml", &format!("search = false\n{settings}"));
    site.build();
    let files = site.snapshot("public");
    assert!(!files.keys().any(|k| k.starts_with("pagefind/")));
    assert!(!files.contains_key("search/index.html"));
    assert!(
        site.html("public/index.html")
            .all("form.site-search")
            .is_empty()
    );
}

#[test]
fn without_pagefind_the_build_says_what_to_do_and_writes_nothing() {
    let site = TestSite::sample();
    let out = crate::common::bantin()
        .args(["build", "--root"])
        .arg(site.root())
        .env("BANTIN_PAGEFIND", site.path("no-such-pagefind"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "site.toml: error: the search index could not be made: BANTIN_PAGEFIND names"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("no-such-pagefind, which is not a file"),
        "{stderr}"
    );
    assert!(stderr.contains("`search = false`"), "{stderr}");
    assert!(
        !site.path("public").exists(),
        "a failed build writes nothing"
    );
}

/// Waits for the search page to answer, then reports its results.
const RESULTS: &str = r#"(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const status = document.querySelector('[data-search-status]');
  const list = () => [...document.querySelectorAll('.search-results li')];
  for (let i = 0; i < 300; i++) {
    const said = status.textContent;
    if (said && !said.endsWith('…') && (list().length > 0 || /^(No|Không|Chưa|Search is)/.test(said))) break;
    await sleep(50);
  }
  return JSON.stringify({
    status: status.textContent,
    url: location.pathname + location.search,
    results: list().map(li => ({
      href: li.querySelector('a').getAttribute('href'),
      title: li.querySelector('a').textContent,
      period: li.querySelector('.search-period') ? li.querySelector('.search-period').textContent : null,
      marks: [...li.querySelectorAll('mark')].map(m => m.textContent.toLowerCase())
    })),
    more: document.querySelector('[data-search-more]').offsetParent !== null,
    overflow: document.documentElement.scrollWidth - window.innerWidth
  });
})()"#;

fn hrefs(report: &Json) -> Vec<String> {
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["href"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn queries_without_diacritics_find_the_right_bulletins_in_chromium() {
    let Some(path) = chromium() else { return };
    let (_site, base) = served_sample();
    at_both_widths(&path, |tab, phone| {
        let search = |page: &str| {
            tab.navigate_to(&format!("{base}{page}")).unwrap();
            tab.wait_until_navigated().unwrap();
            eval(tab, RESULTS)
        };

        // Typed without diacritics, a place named only in the first half
        // of 2022 finds that bulletin first.
        let found = search("search/?q=tien%20lang%20vinh%20bao");
        let links = hrefs(&found);
        assert_eq!(
            links.first().map(String::as_str),
            Some("/2022-h1/"),
            "{found}"
        );
        let first = &found["results"][0];
        assert_eq!(first["period"], "6 tháng đầu năm 2022", "{found}");
        assert!(
            first["marks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "tiên"),
            "the excerpt marks the word as written: {found}"
        );

        // A common term: several bulletins, all Vietnamese pages, the
        // matches marked with their diacritics, the count in Vietnamese.
        let found = search("search/?q=xuat%20khau");
        let links = hrefs(&found);
        assert!(links.len() >= 5, "{found}");
        assert!(links.iter().all(|l| !l.starts_with("/en/")), "{found}");
        assert!(links.contains(&"/2019/".to_owned()), "{found}");
        let marks: Vec<&str> = found["results"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["marks"].as_array().unwrap())
            .filter_map(Json::as_str)
            .collect();
        assert!(marks.contains(&"xuất"), "{marks:?}");
        assert!(marks.contains(&"khẩu"), "{marks:?}");
        assert!(
            found["status"]
                .as_str()
                .unwrap()
                .ends_with("kết quả cho “xuat khau”."),
            "{found}"
        );
        assert_eq!(found["more"], links.len() > 10, "{found}");

        // Ten at a time: "show more" adds the rest and moves the focus to
        // the first one added.
        let found = search("search/?q=cong%20nghiep");
        let count: usize = found["status"]
            .as_str()
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(count > 10, "{found}");
        assert_eq!(hrefs(&found).len(), 10, "{found}");
        assert_eq!(found["more"], true, "{found}");
        let more = eval(
            tab,
            r#"(async () => {
              document.querySelector('[data-search-more]').click();
              const sleep = ms => new Promise(r => setTimeout(r, ms));
              const items = () => document.querySelectorAll('.search-results li');
              for (let i = 0; i < 100 && items().length <= 10; i++) await sleep(50);
              return JSON.stringify({
                shown: items().length,
                focused: document.activeElement === items()[10].querySelector('a'),
                more: document.querySelector('[data-search-more]').offsetParent !== null
              });
            })()"#,
        );
        assert_eq!(more["shown"].as_u64(), Some(count.min(20) as u64), "{more}");
        assert_eq!(more["focused"], true, "{more}");
        assert_eq!(more["more"], count > 20, "{more}");

        // English pages search the English index.
        let found = search("en/search/?q=Nomura");
        let links = hrefs(&found);
        assert_eq!(
            links.first().map(String::as_str),
            Some("/en/2024-9m/"),
            "{found}"
        );
        assert!(links.iter().all(|l| l.starts_with("/en/")), "{found}");

        // Nothing found is said so.
        let found = search("search/?q=zzqxw");
        assert_eq!(found["status"], "Không tìm thấy kết quả nào cho “zzqxw”.");
        assert!(hrefs(&found).is_empty());

        // From any page: the masthead form leads to the search page with
        // the query, which runs it.
        tab.navigate_to(&format!("{base}2021-q1/")).unwrap();
        tab.wait_until_navigated().unwrap();
        tab.find_element("#site-search-q")
            .unwrap()
            .type_into("cong nghiep")
            .unwrap();
        tab.press_key("Enter").unwrap();
        wait_until_at(tab, "/search/");
        let found = eval(tab, RESULTS);
        assert_eq!(found["url"], "/search/?q=cong+nghiep", "{found}");
        assert!(hrefs(&found).len() >= 5, "{found}");
        if phone {
            assert!(found["overflow"].as_i64().unwrap() <= 0, "{found}");
        }
    });
}

#[test]
fn under_a_sub_path_results_lead_to_pages_under_it() {
    let Some(path) = chromium() else { return };
    let (_site, base) = served_sample_at("/bantin/");
    let browser = launch(path, (1280, 900));
    let tab = browser.new_tab().unwrap();
    let errors = watch_errors(&tab);
    tab.navigate_to(&format!("{base}en/search/?q=nomura"))
        .unwrap();
    tab.wait_until_navigated().unwrap();
    let found = eval(&tab, RESULTS);
    assert_eq!(
        hrefs(&found).first().map(String::as_str),
        Some("/bantin/en/2024-9m/"),
        "{found}"
    );
    // The result leads to the page.
    let page = format!("{}{}", base.trim_end_matches("/bantin/"), hrefs(&found)[0]);
    tab.navigate_to(&page).unwrap();
    tab.wait_until_navigated().unwrap();
    let h1 = tab.find_element("h1").unwrap().get_inner_text().unwrap();
    assert_eq!(h1, "Hai Phong industry, January to September 2024");
    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "browser errors: {errors:#?}");
}

#[test]
fn a_word_added_by_an_edit_is_found_after_the_rebuild() {
    let Some(path) = chromium() else { return };
    let (site, base) = served_sample();
    let search = |query: &str| {
        // A browser of its own each time: nothing of the old index cached.
        let browser = launch(path.clone(), (1280, 900));
        let tab = browser.new_tab().unwrap();
        tab.navigate_to(&format!("{base}search/?q={query}"))
            .unwrap();
        tab.wait_until_navigated().unwrap();
        hrefs(&eval(&tab, RESULTS))
    };
    let before = search("zyxvan");
    assert!(before.is_empty(), "{before:?}");
    let text = "content/bulletins/2021-q1/index.vi.md";
    site.write(
        text,
        &format!("{}\nCụm công nghiệp Zyxvan mở rộng.\n", site.read(text)),
    );
    // Over the previous output, as an editor's next build is.
    let out = site.run(&["--base-url", &base]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(search("zyxvan"), vec!["/2021-q1/".to_owned()]);
    // And the rest of the index is still there.
    assert!(search("xuat%20khau").len() >= 5);
}

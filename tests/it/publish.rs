//! What search engines and feed readers get: sitemap.xml with language
//! alternates, robots.txt, an Atom feed per language, Open Graph and
//! feed links in every page; and what GitHub Pages needs.

use std::collections::BTreeSet;

use crate::common::TestSite;

const BASE: &str = "https://congthuong.haiphong.gov.vn/bantin/";

/// The file an absolute address of the site is served from.
fn file_of(site: &TestSite, url: &str) -> std::path::PathBuf {
    let rel = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    if rel.is_empty() || rel.ends_with('/') {
        site.path(&format!("public/{rel}index.html"))
    } else {
        site.path(&format!("public/{rel}"))
    }
}

#[test]
fn the_sitemap_lists_every_page_with_its_alternates() {
    let site = TestSite::sample();
    site.build();
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap.xml is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let xhtml = "http://www.w3.org/1999/xhtml";
    let mut locs = BTreeSet::new();
    for url in root.children().filter(|n| n.has_tag_name("url")) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .unwrap()
            .to_owned();
        assert!(file_of(&site, &loc).is_file(), "{loc} is not a page");
        let alternates: Vec<(String, String)> = url
            .children()
            .filter(|n| n.has_tag_name((xhtml, "link")))
            .map(|n| {
                assert_eq!(n.attribute("rel"), Some("alternate"));
                (
                    n.attribute("hreflang").unwrap().to_owned(),
                    n.attribute("href").unwrap().to_owned(),
                )
            })
            .collect();
        // Every page of the sample exists in both languages: each lists
        // both, and itself among them.
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["vi", "en", "x-default"], "{loc}");
        assert!(alternates.iter().any(|(_, h)| *h == loc), "{loc}");
        for (_, href) in &alternates {
            assert!(file_of(&site, href).is_file(), "{href} (from {loc})");
        }
        locs.insert(loc);
    }
    // Every page that was built is listed, but the search pages (nothing
    // there for a search engine).
    let pages: BTreeSet<String> = site
        .snapshot("public")
        .keys()
        .filter(|k| k.ends_with("index.html") && !k.ends_with("search/index.html"))
        .map(|k| format!("{BASE}{}", k.trim_end_matches("index.html")))
        .collect();
    assert_eq!(locs, pages);
    assert!(locs.contains(&format!("{BASE}en/indicators/exports/")));

    let robots = site.read("public/robots.txt");
    assert!(
        robots.contains(&format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// The first Atom child element called `name`.
fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    n.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[test]
fn an_atom_feed_per_language_lists_releases_newest_first_with_main_points() {
    let site = TestSite::sample();
    site.build();
    let atom = ATOM;
    for (feed, lang, home, figure) in [
        (
            "public/feed.xml",
            "vi",
            BASE.to_owned(),
            "5.718,5 triệu USD",
        ),
        (
            "public/en/feed.xml",
            "en",
            format!("{BASE}en/"),
            "5,718.5 million USD",
        ),
    ] {
        let text = site.read(feed);
        let doc = roxmltree::Document::parse(&text).expect("the feed is XML");
        let root = doc.root_element();
        assert!(root.has_tag_name((atom, "feed")), "{feed}");
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        assert_eq!(child(root, "id").text(), Some(home.as_str()));
        assert!(child(root, "updated").text().unwrap().ends_with('Z'));
        assert!(
            !child(child(root, "author"), "name")
                .text()
                .unwrap()
                .is_empty()
        );
        let me = root
            .children()
            .find(|n| n.has_tag_name((atom, "link")) && n.attribute("rel") == Some("self"))
            .unwrap();
        assert!(file_of(&site, me.attribute("href").unwrap()).is_file());
        let entries: Vec<roxmltree::Node> = root
            .children()
            .filter(|n| n.has_tag_name((atom, "entry")))
            .collect();
        assert_eq!(entries.len(), 6, "{feed}");
        let dates: Vec<&str> = entries
            .iter()
            .map(|e| child(*e, "updated").text().unwrap())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted, "{feed}: newest first");
        for e in &entries {
            let link = e
                .children()
                .find(|n| n.has_tag_name((atom, "link")))
                .unwrap()
                .attribute("href")
                .unwrap();
            assert!(file_of(&site, link).is_file(), "{link}");
            assert!(!child(*e, "title").text().unwrap().is_empty());
        }
        let q1 = entries
            .iter()
            .find(|e| child(**e, "id").text().unwrap().ends_with("2021-q1/"))
            .unwrap();
        let summary = child(*q1, "summary").text().unwrap();
        assert!(summary.contains(figure), "{feed}: {summary}");
    }
}

#[test]
fn pages_carry_their_feed_and_open_graph_description() {
    let site = TestSite::sample();
    site.build();
    for (page, feed, locale) in [
        ("public/2021-q1/index.html", "/bantin/feed.xml", "vi_VN"),
        (
            "public/en/2021-q1/index.html",
            "/bantin/en/feed.xml",
            "en_GB",
        ),
        (
            "public/en/indicators/exports/index.html",
            "/bantin/en/feed.xml",
            "en_GB",
        ),
    ] {
        let html = site.html(page);
        assert_eq!(
            html.attr("link[rel=alternate][type='application/atom+xml']", "href"),
            feed
        );
        let og = |p: &str| html.attr(&format!("meta[property='og:{p}']"), "content");
        assert_eq!(og("url"), html.attr("link[rel=canonical]", "href"));
        assert_eq!(og("title"), html.text("h1"));
        assert_eq!(
            og("description"),
            html.attr("meta[name=description]", "content")
        );
        assert!(!og("description").is_empty(), "{page}");
        assert_eq!(og("locale"), locale);
    }
    let q1 = site.html("public/2021-q1/index.html");
    assert_eq!(q1.attr("meta[property='og:type']", "content"), "article");
    assert!(
        q1.attr("meta[property='og:description']", "content")
            .contains("5.718,5 triệu USD")
    );
}

#[test]
fn github_pages_gets_nojekyll_and_a_404_page() {
    let site = TestSite::sample();
    site.build();
    assert!(site.path("public/.nojekyll").is_file());
    assert!(site.path("public/404.html").is_file());
}

#[test]
fn the_pages_workflow_builds_for_the_pages_address_and_deploys_with_the_official_actions() {
    let text =
        std::fs::read_to_string(crate::common::repo().join(".github/workflows/pages.yml")).unwrap();
    let wf: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let steps = |job: &str| -> Vec<serde_yaml::Value> {
        wf["jobs"][job]["steps"].as_sequence().unwrap().clone()
    };
    let uses = |job: &str| -> Vec<String> {
        steps(job)
            .iter()
            .filter_map(|s| s["uses"].as_str().map(str::to_owned))
            .collect()
    };
    let build = uses("build");
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/configure-pages@"))
    );
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact@"))
    );
    assert!(
        uses("deploy")
            .iter()
            .any(|u| u.starts_with("actions/deploy-pages@"))
    );
    let upload = steps("build")
        .into_iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))
        })
        .unwrap();
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));
    let runs: Vec<String> = steps("build")
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_owned))
        .collect();
    assert!(
        runs.iter()
            .any(|r| r.contains("-- build --base-url \"${{ steps.pages.outputs.base_url }}/\"")),
        "{runs:?}"
    );
    assert_eq!(wf["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(wf["permissions"]["id-token"].as_str(), Some("write"));
}

//! Accessibility: axe-core (npm, pinned in package-lock.json) run in
//! Chromium on every kind of page in both languages, at WCAG 2.1 AA, after
//! the charts have drawn; and the keyboard path through a page.

use headless_chrome::Tab;
use serde_json::Value as Json;

use crate::browser::{chromium, eval, launch, served_sample, watch_errors};
use crate::common::repo;

/// Draws every chart (they draw as they come into view), then runs axe
/// at WCAG 2.0/2.1 A and AA; the violations, each with a few of its
/// elements.
const AXE_RUN: &str = r#"(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  for (const el of document.querySelectorAll('.chart[data-chart]')) {
    el.scrollIntoView();
    for (let i = 0; i < 100 && el.dataset.drawn !== 'true'; i++) await sleep(50);
  }
  const status = document.querySelector('[data-search-status]');
  if (status) {
    for (let i = 0; i < 200 && document.querySelectorAll('.search-results li').length === 0; i++) await sleep(50);
  }
  window.scrollTo(0, 0);
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations']
  });
  return JSON.stringify({
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)
    })),
    passes: result.passes.length
  });
})()"#;

fn axe(tab: &Tab, source: &str, url: &str) -> Json {
    tab.navigate_to(url).unwrap();
    tab.wait_until_navigated().unwrap();
    tab.evaluate(source, false).unwrap();
    eval(tab, AXE_RUN)
}

#[test]
fn every_kind_of_page_passes_axe_at_wcag_21_aa_in_both_languages() {
    let Some(path) = chromium() else { return };
    let source = std::fs::read_to_string(repo().join("node_modules/axe-core/axe.min.js"))
        .expect("node_modules/axe-core: run `npm ci` (package-lock.json pins it)");
    let (_site, base) = served_sample();
    let mut pages = Vec::new();
    for prefix in ["", "en/"] {
        for page in [
            "",
            "2021-q1/",
            "2024-9m/",
            "indicators/",
            "indicators/exports/",
            "archive/",
            "data/",
            "calendar/",
            "about/",
            "search/?q=xuat%20khau",
        ] {
            pages.push(format!("{base}{prefix}{page}"));
        }
    }
    pages.push(format!("{base}no-such-page/"));
    for (size, label) in [((1280, 900), "desktop"), ((390, 844), "phone")] {
        let browser = launch(path.clone(), size);
        let tab = browser.new_tab().unwrap();
        let errors = watch_errors(&tab);
        let mut failures = Vec::new();
        for url in &pages {
            let report = axe(&tab, &source, url);
            assert!(
                report["passes"].as_u64().unwrap() > 10,
                "{url}: axe ran no rules"
            );
            for v in report["violations"].as_array().unwrap() {
                failures.push(format!("{label} {url}: {v:#}"));
            }
        }
        assert!(
            failures.is_empty(),
            "axe violations:\n{}",
            failures.join("\n")
        );
        let errors = errors.lock().unwrap();
        // The 404 page is answered with status 404, which Chromium logs.
        let unexpected: Vec<&String> = errors.iter().filter(|e| !e.contains("404")).collect();
        assert!(unexpected.is_empty(), "browser errors: {unexpected:#?}");
    }
}

#[test]
fn axe_finds_what_it_must() {
    // The gate can fail: a page with an unlabelled field and low contrast.
    let Some(path) = chromium() else { return };
    let source = std::fs::read_to_string(repo().join("node_modules/axe-core/axe.min.js")).unwrap();
    let browser = launch(path, (800, 600));
    let tab = browser.new_tab().unwrap();
    let page = "data:text/html;charset=utf-8,<!DOCTYPE html><html lang=vi><title>x</title><main><input type=text><p style='color:%23ccc'>Chữ mờ</p></main></html>";
    let report = axe(&tab, &source, page);
    let ids: Vec<&str> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["id"].as_str())
        .collect();
    assert!(ids.contains(&"label"), "{ids:?}");
    assert!(ids.contains(&"color-contrast"), "{ids:?}");
}

#[test]
fn the_keyboard_reaches_the_content_and_the_table_view() {
    let Some(path) = chromium() else { return };
    let (_site, base) = served_sample();
    let browser = launch(path, (1280, 900));
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("{base}en/2021-q1/")).unwrap();
    tab.wait_until_navigated().unwrap();
    // The first Tab shows the skip link; Enter moves to the content.
    tab.press_key("Tab").unwrap();
    let skip = eval(
        &tab,
        r#"(async () => { const a = document.activeElement; const r = a.getBoundingClientRect();
            return JSON.stringify({ cls: a.className, visible: r.left >= 0 && r.top >= 0 && r.width > 0 }); })()"#,
    );
    assert_eq!(skip["cls"], "skip", "{skip}");
    assert_eq!(skip["visible"], true, "{skip}");
    tab.press_key("Enter").unwrap();
    let at = eval(
        &tab,
        r#"(async () => { await new Promise(r => setTimeout(r, 100));
            return JSON.stringify({ id: document.activeElement.id, hash: location.hash }); })()"#,
    );
    assert_eq!(at["id"], "main", "{at}");
    // Tab on to the first chart's "show table" button; Enter opens it.
    let mut reached = false;
    for _ in 0..60 {
        tab.press_key("Tab").unwrap();
        let cls = eval(
            &tab,
            r#"(async () => JSON.stringify(document.activeElement.className))()"#,
        );
        if cls == "chart-toggle" {
            reached = true;
            break;
        }
    }
    assert!(reached, "no chart's table button within 60 tabs");
    tab.press_key("Enter").unwrap();
    let opened = eval(
        &tab,
        r#"(async () => { await new Promise(r => setTimeout(r, 100));
            const b = document.activeElement;
            const view = document.getElementById(b.getAttribute('aria-controls'));
            return JSON.stringify({ expanded: b.getAttribute('aria-expanded'), hidden: view.hidden,
              outline: getComputedStyle(b).outlineStyle }); })()"#,
    );
    assert_eq!(opened["expanded"], "true", "{opened}");
    assert_eq!(opened["hidden"], false, "{opened}");
    // The focus shows.
    assert_ne!(opened["outline"], "none", "{opened}");
}

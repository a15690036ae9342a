//! A reader's journeys, in Chromium at desktop and phone width: from the
//! home page to the latest bulletin, into the other language, into a
//! chart's table and its CSV; no console error on the way and no sideways
//! scrolling on a phone.

use headless_chrome::Tab;
use serde_json::Value as Json;

use crate::browser::{at_both_widths, chromium, eval, served_sample};

/// The page's address, and how far it scrolls sideways.
fn here(tab: &Tab) -> Json {
    eval(
        tab,
        r#"(async () => JSON.stringify({
          path: location.pathname,
          lang: document.documentElement.lang,
          h1: document.querySelector('h1').textContent,
          overflow: document.documentElement.scrollWidth - window.innerWidth
        }))()"#,
    )
}

/// Clicks a link as a reader does, and waits for the page it leads to.
fn click(tab: &Tab, css: &str) {
    let before = here(tab)["path"].clone();
    let clicked = eval(
        tab,
        &format!(
            r#"(async () => {{
              const a = document.querySelector({css:?});
              if (!a) return JSON.stringify(false);
              a.scrollIntoView();
              a.click();
              return JSON.stringify(true);
            }})()"#
        ),
    );
    assert_eq!(clicked, true, "{css}: no such element on {before}");
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let now = tab.evaluate("location.pathname", false).ok();
        let path = now.and_then(|r| r.value);
        if path.is_some_and(|p| p != before) {
            break;
        }
    }
    tab.wait_until_navigated().unwrap();
}

#[test]
fn home_to_the_latest_bulletin_to_english_to_a_chart_table_and_its_csv() {
    let Some(path) = chromium() else { return };
    let (_site, base) = served_sample();
    at_both_widths(&path, |tab, phone| {
        let mut visited = Vec::new();

        tab.navigate_to(&base).unwrap();
        tab.wait_until_navigated().unwrap();
        visited.push(here(tab));

        // The home page's button leads to the latest release.
        click(tab, ".latest a.button");
        let bulletin = here(tab);
        assert_eq!(bulletin["path"], "/2024-9m/", "{bulletin}");
        assert_eq!(bulletin["lang"], "vi");
        assert_eq!(bulletin["h1"], "Công nghiệp Hải Phòng 9 tháng năm 2024");
        visited.push(bulletin);

        // The language switch lands on the same bulletin in English.
        click(tab, ".lang-switch a[hreflang=en]");
        let english = here(tab);
        assert_eq!(english["path"], "/en/2024-9m/", "{english}");
        assert_eq!(english["lang"], "en");
        assert_eq!(
            english["h1"],
            "Hai Phong industry, January to September 2024"
        );
        visited.push(english.clone());

        // A chart's table view opens, and its CSV downloads with the
        // chart's figures.
        let table = eval(
            tab,
            r#"(async () => {
              const sleep = ms => new Promise(r => setTimeout(r, ms));
              const button = document.querySelector('.chart-toggle');
              const figure = button.closest('figure');
              button.scrollIntoView();
              const chart = figure.querySelector('.chart');
              for (let i = 0; i < 100 && chart.dataset.drawn !== 'true'; i++) await sleep(50);
              button.click();
              await sleep(100);
              const view = document.getElementById(button.getAttribute('aria-controls'));
              const link = figure.querySelector('a.chart-csv');
              const response = await fetch(link.href);
              return JSON.stringify({
                drawn: chart.dataset.drawn === 'true',
                shown: !view.hidden && view.offsetHeight > 0,
                rows: view.querySelectorAll('tbody tr').length,
                download: link.hasAttribute('download'),
                status: response.status,
                type: response.headers.get('content-type'),
                csv: await response.text(),
                overflow: document.documentElement.scrollWidth - window.innerWidth
              });
            })()"#,
        );
        assert_eq!(table["drawn"], true, "{table}");
        assert_eq!(table["shown"], true, "{table}");
        assert_eq!(table["download"], true, "{table}");
        assert_eq!(table["status"], 200, "{table}");
        let rows = table["rows"].as_u64().unwrap() as usize;
        assert!(rows >= 2, "{table}");
        let mut csv = csv::Reader::from_reader(table["csv"].as_str().unwrap().as_bytes());
        assert!(csv.headers().unwrap().len() >= 2, "{table}");
        assert_eq!(
            csv.records().count(),
            rows,
            "one CSV row per table row: {table}"
        );
        if phone {
            assert!(table["overflow"].as_i64().unwrap() <= 0, "{table}");
        }

        // And back: the switch leads to the Vietnamese bulletin.
        click(tab, ".lang-switch a[hreflang=vi]");
        let back = here(tab);
        assert_eq!(back["path"], "/2024-9m/", "{back}");
        visited.push(back);

        if phone {
            for page in &visited {
                assert!(
                    page["overflow"].as_i64().unwrap() <= 0,
                    "scrolls sideways on a phone: {page}"
                );
            }
        }
    });
}

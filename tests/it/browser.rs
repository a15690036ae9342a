//! Charts in a real browser: Debian's Chromium, headless, driven over the
//! DevTools protocol by headless_chrome, on the sample site served over
//! HTTP from loopback.
//!
//! Without Chromium these tests say so and pass, so that `cargo test`
//! works on a machine with only cargo and npm; CI sets
//! BANTIN_REQUIRE_BROWSER=1 (see .ci/run), where a missing browser fails.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::Runtime::ConsoleAPICalledEventTypeOption as ConsoleType;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value as Json;

use crate::common::TestSite;

pub(crate) fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var("CHROME").ok().map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
        Some(PathBuf::from("/usr/bin/google-chrome")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("BANTIN_REQUIRE_BROWSER").is_none(),
            "BANTIN_REQUIRE_BROWSER is set but no Chromium was found: apt-get install -y chromium"
        );
        crate::common::skipped("browser test, no Chromium (apt-get install -y chromium)");
    }
    found
}

/// A static file server for the built site on a free loopback port: just
/// enough HTTP for a browser to load pages, scripts and styles.
/// `prefix` is the site's path (`/` or `/bantin/`): requests outside it
/// are not found.
fn serve(listener: TcpListener, root: PathBuf, prefix: &'static str) {
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, &root, prefix);
            });
        }
    });
}

fn answer(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? <= 2 {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // Outside the prefix is outside the site: "..", refused below.
    let inside = path.strip_prefix(prefix).unwrap_or("..");
    let mut file = root.join(inside);
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let path = inside;
    let (status, body, kind) = match (path.contains(".."), std::fs::read(&file)) {
        (false, Ok(body)) => {
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("csv") => "text/csv; charset=utf-8",
                Some("json") => "application/json",
                _ => "application/octet-stream",
            };
            ("200 OK", body, kind)
        }
        _ => (
            "404 Not Found",
            std::fs::read(root.join("404.html")).unwrap_or_default(),
            "text/html; charset=utf-8",
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// The sample site, built for and served at a loopback address.
pub(crate) fn served_sample() -> (TestSite, String) {
    served_sample_at("/")
}

/// The sample site built for and served under `prefix` (`/bantin/`).
pub(crate) fn served_sample_at(prefix: &'static str) -> (TestSite, String) {
    let site = TestSite::sample();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!(
        "http://127.0.0.1:{}{prefix}",
        listener.local_addr().unwrap().port()
    );
    let out = site.run(&["--base-url", &base]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serve(listener, site.path("public"), prefix);
    (site, base)
}

pub(crate) fn launch(path: PathBuf, size: (u32, u32)) -> Browser {
    let profile = tempfile::tempdir().unwrap().keep();
    let args: Vec<&std::ffi::OsStr> = [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ]
    .iter()
    .map(std::ffi::OsStr::new)
    .collect();
    Browser::new(
        LaunchOptions::default_builder()
            .path(Some(path))
            .headless(true)
            .sandbox(false)
            .window_size(Some(size))
            .user_data_dir(Some(profile))
            .idle_browser_timeout(Duration::from_secs(120))
            .args(args)
            .build()
            .unwrap(),
    )
    .unwrap()
}

/// Runs `journey` in a fresh browser at desktop width, then at phone
/// width (`phone` is true), and fails on any console error, uncaught
/// exception or failed load on the way.
pub(crate) fn at_both_widths(path: &Path, mut journey: impl FnMut(&Tab, bool)) {
    for (size, phone) in [((1280, 900), false), ((390, 844), true)] {
        let browser = launch(path.to_path_buf(), size);
        let tab = browser.new_tab().unwrap();
        let errors = watch_errors(&tab);
        journey(&tab, phone);
        let errors = errors.lock().unwrap();
        assert!(errors.is_empty(), "browser errors at {size:?}: {errors:#?}");
    }
}

/// Console errors, uncaught exceptions and failed loads of a tab.
pub(crate) fn watch_errors(tab: &Tab) -> Arc<Mutex<Vec<String>>> {
    let errors = Arc::new(Mutex::new(Vec::new()));
    let sink = errors.clone();
    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let message = match event {
            Event::RuntimeConsoleAPICalled(e)
                if matches!(e.params.Type, ConsoleType::Error | ConsoleType::Warning) =>
            {
                Some(format!("console: {:?}", e.params.args))
            }
            Event::RuntimeExceptionThrown(e) => {
                Some(format!("exception: {:?}", e.params.exception_details))
            }
            Event::LogEntryAdded(e) => {
                let level = format!("{:?}", e.params.entry.level);
                (level == "Error" || level == "Warning")
                    .then(|| format!("log: {} {:?}", e.params.entry.text, e.params.entry.url))
            }
            _ => None,
        };
        if let Some(m) = message {
            sink.lock().unwrap().push(m);
        }
    }))
    .unwrap();
    errors
}

/// Waits until the tab shows the page at `path` (a form or link has just
/// been used: the navigation may not have started yet).
pub(crate) fn wait_until_at(tab: &Tab, path: &str) {
    for _ in 0..200 {
        let now = tab
            .evaluate("location.pathname", false)
            .ok()
            .and_then(|r| r.value);
        if now.as_ref().and_then(|v| v.as_str()) == Some(path) {
            tab.wait_until_navigated().unwrap();
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the tab never reached {path}");
}

/// Runs an async script that returns a JSON string, and parses it.
pub(crate) fn eval(tab: &Tab, script: &str) -> Json {
    let result = tab.evaluate(script, true).unwrap();
    let text = result
        .value
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| panic!("script returned {:?}", result.description));
    serde_json::from_str(&text).unwrap()
}

/// Scrolls to every chart (they are drawn as they come into view), then
/// reports each one, and the tooltip and axis text of one of them.
const INSPECT: &str = r#"(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const charts = [...document.querySelectorAll('.chart[data-chart]')];
  for (const el of charts) {
    el.scrollIntoView();
    for (let i = 0; i < 100 && el.dataset.drawn !== 'true'; i++) await sleep(50);
  }
  const report = charts.map(el => ({
    id: el.id,
    drawn: el.dataset.drawn === 'true',
    svg: el.querySelectorAll('svg').length,
    bars: el.querySelectorAll('svg path').length,
    texts: [...el.querySelectorAll('svg text')].map(t => t.textContent),
    label: el.getAttribute('aria-label') || ''
  }));
  const growth = document.getElementById('chart-growth');
  const chart = echarts.getInstanceByDom(growth);
  chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 1 });
  let tip = '';
  for (let i = 0; i < 40 && !tip.includes('%'); i++) {
    await sleep(50);
    tip = [...growth.querySelectorAll('div')].map(d => d.textContent).join(' ');
  }
  // The breakdown's plot area, against the chart's width (on a phone the
  // labels go above the bars), and every line of its labels.
  const bd = document.getElementById('chart-iip_by_sector');
  const rect = echarts.getInstanceByDom(bd).getModel().getComponent('grid').coordinateSystem.getRect();
  const lines = [...bd.querySelectorAll('svg text')]
    .flatMap(t => t.querySelectorAll('tspan').length
      ? [...t.querySelectorAll('tspan')].map(s => s.textContent)
      : [t.textContent]);
  const button = document.querySelector('.chart-toggle');
  const table = document.getElementById(button.getAttribute('aria-controls'));
  const hiddenBefore = table.hidden;
  button.click();
  return JSON.stringify({
    charts: report, tip, hiddenBefore, hiddenAfter: table.hidden,
    expanded: button.getAttribute('aria-expanded'),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    plot: rect.width, width: bd.clientWidth, lines,
    figures: !!document.querySelector('.chart-figures #chart-trend-exports-tableview:not([hidden])'),
    lone: !!document.getElementById('chart-trend-exports')
  });
})()"#;

#[test]
fn charts_draw_in_chromium_in_the_page_language_without_errors() {
    let Some(path) = chromium() else { return };
    let (_site, base) = served_sample();
    at_both_widths(&path, |tab, phone| {
        for (lang, page, tip) in [
            ("vi", "2021-q1/", "+25,15%"),
            ("en", "en/2021-q1/", "+25.15%"),
        ] {
            let url = format!("{base}{page}");
            tab.navigate_to(&url).unwrap();
            tab.wait_until_navigated().unwrap();
            let report = eval(tab, INSPECT);
            let charts = report["charts"].as_array().unwrap();
            assert_eq!(charts.len(), 2, "{url}");
            // The exports' trend has one period: its figures, no lone bar.
            assert_eq!(report["figures"], true, "{url}");
            assert_eq!(report["lone"], false, "{url}");
            for c in charts {
                assert_eq!(c["drawn"], true, "{url}: {c}");
                assert!(c["svg"].as_u64().unwrap() >= 1, "{url}: {c}");
                assert!(c["bars"].as_u64().unwrap() >= 3, "{url}: {c}");
                assert!(c["label"].as_str().unwrap().len() > 20, "{url}: {c}");
            }
            let growth = charts.iter().find(|c| c["id"] == "chart-growth").unwrap();
            let label = if lang == "vi" { "+25,15" } else { "+25.15" };
            assert!(
                growth["texts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t == label),
                "{url}: {growth}"
            );
            // The tooltip too.
            let shown = report["tip"].as_str().unwrap();
            assert!(shown.contains(tip), "{url}: tooltip {shown:?}");
            // The table view opens from its button.
            assert_eq!(report["hiddenBefore"], true);
            assert_eq!(report["hiddenAfter"], false);
            assert_eq!(report["expanded"], "true");
            // No line of a label starts with punctuation (labels break
            // between words only).
            for line in report["lines"].as_array().unwrap() {
                let line = line.as_str().unwrap().trim_start();
                assert!(
                    !line.starts_with([',', '.', ';', ':', ')']),
                    "{url}: a label line starts with punctuation: {line:?}"
                );
            }
            if phone {
                assert!(
                    report["overflow"].as_i64().unwrap() <= 0,
                    "{url}: scrolls sideways by {}px on a phone",
                    report["overflow"]
                );
                // The bars have at least half the chart's width.
                let (plot, width) = (
                    report["plot"].as_f64().unwrap(),
                    report["width"].as_f64().unwrap(),
                );
                assert!(plot * 2.0 >= width, "{url}: plot {plot}px of {width}px");
            }
        }
        // An indicator page: a chart for each kind of period with two
        // periods or more, axis numbers in the page's format; the others
        // as figures.
        for (page, number) in [
            ("indicators/exports/", "3.000"),
            ("en/indicators/exports/", "3,000"),
        ] {
            let url = format!("{base}{page}");
            tab.navigate_to(&url).unwrap();
            tab.wait_until_navigated().unwrap();
            let texts = eval(
                tab,
                r#"(async () => {
                  const sleep = ms => new Promise(r => setTimeout(r, ms));
                  const el = document.getElementById('chart-year');
                  el.scrollIntoView();
                  for (let i = 0; i < 100 && el.dataset.drawn !== 'true'; i++) await sleep(50);
                  return JSON.stringify([...el.querySelectorAll('svg text')].map(t => t.textContent));
                })()"#,
            );
            let texts: Vec<&str> = texts
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Json::as_str)
                .collect();
            assert!(texts.contains(&number), "{url}: axis {texts:?}");
        }
        let url = format!("{base}en/indicators/exports/");
        tab.navigate_to(&url).unwrap();
        tab.wait_until_navigated().unwrap();
        let drawn = eval(
            tab,
            r#"(async () => {
              const sleep = ms => new Promise(r => setTimeout(r, ms));
              const charts = [...document.querySelectorAll('.chart[data-chart]')];
              for (const el of charts) {
                el.scrollIntoView();
                for (let i = 0; i < 100 && el.dataset.drawn !== 'true'; i++) await sleep(50);
              }
              return JSON.stringify(charts.map(el => el.dataset.drawn === 'true'));
            })()"#,
        );
        assert_eq!(drawn, serde_json::json!([true, true]), "{url}");
        let figures: usize = eval(
            tab,
            "JSON.stringify(document.querySelectorAll('.chart-figures').length)",
        )
        .as_u64()
        .unwrap() as usize;
        assert_eq!(
            figures, 2,
            "{url}: the quarter and the month, one period each"
        );
    });
}

/// Not a test: screenshots for a person to look at, phone and desktop,
/// after scripts ran. `BANTIN_SHOTS=/tmp/shots cargo test --test it --
/// --ignored screenshots` (pages in BANTIN_SHOT_PAGES, space-separated).
#[test]
#[ignore]
fn screenshots() {
    let Some(path) = chromium() else { return };
    let dir = PathBuf::from(std::env::var("BANTIN_SHOTS").unwrap_or("/tmp/shots".into()));
    std::fs::create_dir_all(&dir).unwrap();
    let pages = std::env::var("BANTIN_SHOT_PAGES").unwrap_or("/ en/".into());
    let (_site, base) = served_sample();
    for (size, label) in [((390, 900), "phone"), ((1280, 900), "desk")] {
        let browser = launch(path.clone(), size);
        let tab = browser.new_tab().unwrap();
        for page in pages.split_whitespace() {
            tab.navigate_to(&format!("{base}{}", page.trim_start_matches('/')))
                .unwrap();
            tab.wait_until_navigated().unwrap();
            std::thread::sleep(Duration::from_millis(1500));
            let png = tab
                .capture_screenshot(
                    headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption::Png,
                    None,
                    None,
                    true,
                )
                .unwrap();
            let name: String = page
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            std::fs::write(dir.join(format!("{name}-{label}.png")), png).unwrap();
        }
    }
}

/// On a phone: the bulletin does not move as its charts are drawn
/// (cumulative layout shift under Lighthouse's 0.1, scrolling through
/// every chart), the header is compact, and the main points' units stay
/// with their figures.
#[test]
fn a_bulletin_on_a_phone_keeps_still_while_its_charts_draw() {
    let Some(path) = chromium() else { return };
    let (_site, base) = served_sample();
    let browser = launch(path, (390, 844));
    let tab = browser.new_tab().unwrap();
    // Headless Chromium's windows are at least 500 px wide: a phone's
    // 390 px is set as the device's.
    tab.call_method(
        headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride {
            width: 390,
            height: 844,
            device_scale_factor: 1.0,
            mobile: true,
            scale: None,
            screen_width: None,
            screen_height: None,
            position_x: None,
            position_y: None,
            dont_set_visible_size: None,
            screen_orientation: None,
            viewport: None,
            display_feature: None,
            device_posture: None,
        },
    )
    .unwrap();
    for page in ["2021-q1/", "en/2021-q1/", "2022-h1/"] {
        let url = format!("{base}{page}");
        tab.navigate_to(&url).unwrap();
        tab.wait_until_navigated().unwrap();
        let report = eval(
            &tab,
            r#"(async () => {
              const sleep = ms => new Promise(r => setTimeout(r, ms));
              let cls = 0;
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value;
              }).observe({ type: 'layout-shift', buffered: true });
              await sleep(500);
              for (const el of document.querySelectorAll('.chart[data-chart]')) {
                el.scrollIntoView({ block: 'center' });
                for (let i = 0; i < 100 && el.dataset.drawn !== 'true'; i++) await sleep(50);
                await sleep(150);
              }
              // Every bar chart: its bars' share of its width.
              const plots = [...document.querySelectorAll('.chart[data-drawn]')].map(el => {
                const c = echarts.getInstanceByDom(el);
                const bars = [].concat(c.getOption().yAxis).some(a => a.type === 'category');
                const r = c.getModel().getComponent('grid').coordinateSystem.getRect();
                return bars ? r.width / el.clientWidth : 1;
              });
              // Every line of every chart's text.
              const lines = [...document.querySelectorAll('.chart svg text')]
                .flatMap(t => t.querySelectorAll('tspan').length
                  ? [...t.querySelectorAll('tspan')].map(s => s.textContent)
                  : [t.textContent]);
              const figures = [...document.querySelectorAll('.card-figure')]
                .map(f => f.getBoundingClientRect().height);
              return JSON.stringify({
                cls,
                header: document.querySelector('.masthead').getBoundingClientRect().height,
                width: window.innerWidth,
                figureLines: figures.map(h => Math.round(h / 30)),
                plots,
                lines,
                overflow: document.documentElement.scrollWidth - window.innerWidth
              });
            })()"#,
        );
        assert_eq!(report["width"].as_f64(), Some(390.0), "{url}");
        let cls = report["cls"].as_f64().unwrap();
        assert!(cls < 0.1, "{url}: layout shift {cls}");
        let header = report["header"].as_f64().unwrap();
        assert!(
            header <= 150.0,
            "{url}: the header takes {header}px of a phone"
        );
        for lines in report["figureLines"].as_array().unwrap() {
            assert_eq!(
                lines.as_u64(),
                Some(1),
                "{url}: a main point's figure wraps: {report}"
            );
        }
        assert!(report["overflow"].as_i64().unwrap() <= 0, "{url}: {report}");
        for share in report["plots"].as_array().unwrap() {
            assert!(
                share.as_f64().unwrap() >= 0.5,
                "{url}: bars squeezed: {report}"
            );
        }
        for line in report["lines"].as_array().unwrap() {
            let line = line.as_str().unwrap().trim_start();
            assert!(
                !line.starts_with([',', '.', ';', ':', ')']),
                "{url}: {line:?}"
            );
        }
    }
}

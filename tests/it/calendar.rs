//! The release calendar: its pages in both languages, its iCalendar feeds
//! read back with a real parser, "next release" on bulletins and the
//! home page, and the checks of releases against it.

use std::collections::BTreeMap;

use crate::common::TestSite;

/// One event of a feed: its properties by name.
type Event = BTreeMap<String, String>;

/// The events of an iCalendar text, read with the `icalendar` crate's
/// parser (it fails on a text that is not iCalendar).
fn events(text: &str) -> Vec<Event> {
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| (p.name.to_string(), p.val.to_string()))
                .collect()
        })
        .collect()
}

/// The `basic` site (releases 2020-Q1 and 2021-Q1, published 2 April
/// 2020 and 1 April 2021) with a calendar: a moved release, a cancelled
/// one, a provisional one.
const CALENDAR: &str = "rules:
  - { kind: quarter, day: 2 }
releases:
  - period: 2020-Q1
    date: 2020-04-02
  - period: 2021-Q1
    date: 2021-04-01
    changes:
      - from: 2021-03-30
        reason: { vi: \"Chờ số liệu hải quan\", en: \"Waiting for the customs figures\" }
  - period: 2021-Q2
    status: cancelled
    reason: { vi: \"Gộp vào báo cáo 6 tháng\", en: \"Merged into the six-month report\" }
  - period: 2021-Q3
  - period: 2021-Q4
    date: 2022-01
";

fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("content/calendar.yaml", CALENDAR);
    site.build();
    site
}

#[test]
fn the_calendar_page_shows_moves_cancellations_and_windows_in_both_languages() {
    let site = site();
    let vi = site.html("public/calendar/index.html");
    let en = site.html("public/en/calendar/index.html");
    assert_eq!(en.text("h1"), "Release calendar");
    assert_eq!(vi.text("h1"), "Lịch công bố");
    let en_text = en.text("main");
    // The cancelled release, with its reason; the moved one with its
    // earlier day and reason; the provisional one by its month.
    assert!(en_text.contains("Q2 2021"), "{en_text}");
    assert!(en_text.contains("Cancelled"), "{en_text}");
    assert!(
        en_text.contains("Merged into the six-month report"),
        "{en_text}"
    );
    assert!(
        en_text.contains("Moved from 30 March 2021: Waiting for the customs figures"),
        "{en_text}"
    );
    assert!(en_text.contains("in January 2022"), "{en_text}");
    // The rule gave Q3's day: the 2nd of October 2021 is a Saturday, so
    // Monday the 4th.
    assert!(en_text.contains("4 October 2021"), "{en_text}");
    let vi_text = vi.text("main");
    assert!(vi_text.contains("Gộp vào báo cáo 6 tháng"), "{vi_text}");
    assert!(vi_text.contains("Dời từ"), "{vi_text}");
    // Published releases link to their bulletins.
    assert!(!en.all("a[href='/bantin/en/2021-q1/']").is_empty());
    // The page is in the navigation.
    assert!(!en.all("nav a[href='/bantin/en/calendar/']").is_empty());
}

#[test]
fn bulletins_and_the_home_page_announce_the_next_release() {
    let site = site();
    let q1 = site.html("public/en/2021-q1/index.html");
    // The next quarterly release is Q3: Q2 is cancelled.
    assert_eq!(
        q1.text(".next-release"),
        "Next release: Q3 2021, 4 October 2021"
    );
    let home = site.html("public/index.html");
    assert!(
        home.text(".next-release")
            .starts_with("Kỳ công bố tiếp theo: Quý III/2021")
    );
}

#[test]
fn the_feeds_are_valid_icalendar_in_each_language() {
    let site = site();
    for (file, summary) in [
        ("public/calendar.ics", "Bản tin thử"),
        ("public/en/calendar.ics", "Test bulletin"),
    ] {
        let text = site.read(file);
        let events = events(&text);
        assert_eq!(events.len(), 5, "{text}");
        let prop = |e: &Event, name: &str| e.get(name).cloned();
        for e in &events {
            for name in ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "STATUS"] {
                assert!(prop(e, name).is_some(), "{name} missing in {text}");
            }
            assert!(prop(e, "SUMMARY").unwrap().starts_with(summary), "{text}");
        }
        let by_uid = |uid: &str| {
            events
                .iter()
                .find(|e| prop(e, "UID").as_deref() == Some(uid))
                .unwrap_or_else(|| panic!("{uid} in {text}"))
        };
        let moved = by_uid("2021-q1@example.gov.vn");
        assert_eq!(prop(moved, "SEQUENCE").as_deref(), Some("1"));
        assert_eq!(prop(moved, "DTSTART").as_deref(), Some("20210401"));
        assert!(prop(moved, "URL").unwrap().ends_with("2021-q1/"));
        assert_eq!(
            prop(by_uid("2021-q2@example.gov.vn"), "STATUS").as_deref(),
            Some("CANCELLED")
        );
        assert_eq!(
            prop(by_uid("2021-q4@example.gov.vn"), "STATUS").as_deref(),
            Some("TENTATIVE")
        );
        assert_eq!(
            prop(by_uid("2021-q3@example.gov.vn"), "STATUS").as_deref(),
            Some("CONFIRMED")
        );
    }
}

#[test]
fn releases_are_checked_against_the_calendar() {
    let site = TestSite::fixture("basic");
    // 2021-Q1 came a day late; 2020-Q4 was confirmed for before the
    // latest release and never came; 2020-Q1 is not in the calendar of
    // its year; and the site's latest release (1 April 2021) is before
    // 15 December, so no calendar of 2022 is asked for yet.
    site.write(
        "content/calendar.yaml",
        "releases:\n  - { period: 2020-Q4, date: 2021-01-06 }\n  - { period: 2021-Q1, date: 2021-03-31 }\n",
    );
    let report = site.check_json();
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "calendar")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "content/bulletins/2020-q1/data.yaml".to_owned(),
                "calendar-release-missing".to_owned()
            ),
            (
                "content/bulletins/2021-q1/data.yaml".to_owned(),
                "calendar-late".to_owned()
            ),
            (
                "content/calendar.yaml".to_owned(),
                "calendar-overdue".to_owned()
            ),
        ],
        "{report}"
    );
    // Published after 15 December without next year's calendar.
    let rel = "content/bulletins/2021-q1/data.yaml";
    site.write(
        rel,
        &site
            .read(rel)
            .replace("published: 2021-04-01", "published: 2021-12-20"),
    );
    let report = site.check_json();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "calendar-next-year"),
        "{report}"
    );
}

/// The sample's 2025 calendar (the tests' copy of it): every event of
/// both feeds has its UID, start, status and a summary in the feed's
/// language, and the pages exist in both languages.
#[test]
fn the_sample_calendar_feeds_parse() {
    let site = TestSite::sample();
    site.build();
    for (file, lang_word) in [
        ("public/calendar.ics", "Tháng 1/2025"),
        ("public/en/calendar.ics", "January 2025"),
    ] {
        let text = site.read(file);
        let events = events(&text);
        assert_eq!(events.len(), 15, "{text}");
        for e in &events {
            for name in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS"] {
                assert!(e.contains_key(name), "{name} missing in {text}");
            }
        }
        assert!(
            events
                .iter()
                .any(|e| e.get("SUMMARY").is_some_and(|s| s.ends_with(lang_word))),
            "{text}"
        );
    }
    assert!(site.path("public/calendar/index.html").is_file());
    assert!(site.path("public/en/calendar/index.html").is_file());
}

use std::path::Path;

use super::*;
use crate::yaml::Source;

fn read(text: &str) -> Result<Calendar, Vec<crate::Diagnostic>> {
    parse(&Source {
        shown: Path::new(FILE),
        text,
    })
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn weekdays_and_working_days() {
    assert_eq!(weekday(day("2025-01-01")), 2); // a Wednesday
    assert_eq!(weekday(day("2025-04-05")), 5); // a Saturday
    assert_eq!(next_day(day("2024-02-28")), day("2024-02-29"));
    assert_eq!(next_day(day("2025-12-31")), day("2026-01-01"));
    // Saturday the 5th, and Monday the 7th a holiday: Tuesday the 8th.
    assert_eq!(
        next_working_day(day("2025-04-05"), &[day("2025-04-07")]),
        day("2025-04-08")
    );
}

#[test]
fn a_rule_gives_the_day_of_the_month_after_the_period() {
    let rule = Rule {
        kind: Kind::Month,
        day: 6,
        time: None,
    };
    let p = |s: &str| Period::parse(s).unwrap();
    assert_eq!(rule.date_for(&p("2025-03"), &[]), day("2025-04-07")); // the 6th is a Sunday
    assert_eq!(rule.date_for(&p("2025-12"), &[]), day("2026-01-06"));
    assert_eq!(rule.date_for(&p("2025-Q1"), &[]), day("2025-04-07"));
}

const TEXT: &str = "holidays: [2025-04-30, 2025-05-01]
rules:
  - { kind: month, day: 6, time: \"09:00\" }
releases:
  - period: 2025-04
  - period: 2025-05
    date: 2025-06-09
    changes:
      - from: 2025-06-06
        reason: { vi: \"Trùng lịch họp HĐND\", en: \"Clashes with the council session\" }
  - period: 2025-Q2
    date: 2025-07
  - period: 2025-06
    status: cancelled
    reason: { vi: \"Gộp vào báo cáo quý II\", en: \"Merged into the Q2 report\" }
";

#[test]
fn reads_entries_rules_changes_and_statuses() {
    let c = read(TEXT).unwrap();
    let p = |s: &str| Period::parse(s).unwrap();
    let april = c.entry(&p("2025-04")).unwrap();
    // From the rule: the 6th of May is a Tuesday.
    assert_eq!(april.when, When::Day(day("2025-05-06")));
    assert_eq!(april.time, Some((9, 0)));
    assert_eq!(april.status, Status::Confirmed);
    let may = c.entry(&p("2025-05")).unwrap();
    assert_eq!(may.changes.len(), 1);
    assert_eq!(may.changes[0].from, When::Day(day("2025-06-06")));
    let q2 = c.entry(&p("2025-Q2")).unwrap();
    assert_eq!(q2.status, Status::Provisional);
    assert_eq!(c.entry(&p("2025-06")).unwrap().status, Status::Cancelled);
    // The next monthly release after April skips the cancelled June.
    assert_eq!(c.next_of_kind(Kind::Month, &p("2025-05")), None);
    assert_eq!(
        c.next_of_kind(Kind::Month, &p("2025-04")).unwrap().period,
        p("2025-05")
    );
    assert_eq!(c.next(|q| *q == p("2025-04")).unwrap().period, p("2025-05"));
}

#[test]
fn mistakes_are_placed_and_explained() {
    let e = read(
        "releases:\n  - period: 2025-13\n  - period: 2025-Q3\n    date: 2025-09\n    status: confirmed\n  - period: 2025-10\n    status: cancelled\n    date: 2025-11-06\n  - period: 2025-11\n",
    )
    .unwrap_err();
    let said: Vec<(Option<usize>, String)> = e
        .iter()
        .map(|d| (d.line, d.message.id.to_string()))
        .collect();
    assert_eq!(
        said,
        [
            (Some(2), "period-invalid".to_owned()),
            (Some(4), "calendar-confirmed-month".to_owned()),
            (Some(6), "calendar-cancelled-no-reason".to_owned()),
            (Some(9), "calendar-no-date".to_owned()),
        ]
    );
}

#[test]
fn the_feed_is_valid_icalendar() {
    let c = read(TEXT).unwrap();
    let words = ics::Words {
        name: "Bản tin",
        summary: &|e| format!("Bản tin {}", e.period.id()),
        description: &|e| e.changes.last().map(|_| "Dời ngày".to_owned()),
        url: &|e| format!("https://x.vn/{}/", e.period.slug()),
    };
    let text = ics::feed(&c, "x.vn", day("2024-12-10"), &words);
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 4);
    let prop =
        |e: &icalendar::parser::Component, name: &str| e.find_prop(name).map(|p| p.val.to_string());
    for e in &events {
        for name in [
            "UID", "DTSTAMP", "DTSTART", "SUMMARY", "STATUS", "SEQUENCE", "URL",
        ] {
            assert!(prop(e, name).is_some(), "{name} in {text}");
        }
    }
    let may = events
        .iter()
        .find(|e| prop(e, "UID").as_deref() == Some("2025-05@x.vn"))
        .unwrap();
    assert_eq!(prop(may, "SEQUENCE").as_deref(), Some("1"));
    assert_eq!(prop(may, "STATUS").as_deref(), Some("CONFIRMED"));
    assert_eq!(prop(may, "DTSTART").as_deref(), Some("20250609T020000Z"));
    let april = events
        .iter()
        .find(|e| prop(e, "UID").as_deref() == Some("2025-04@x.vn"))
        .unwrap();
    // 09:00 in Vietnam is 02:00 UTC.
    assert_eq!(prop(april, "DTSTART").as_deref(), Some("20250506T020000Z"));
    let june = events
        .iter()
        .find(|e| prop(e, "UID").as_deref() == Some("2025-06@x.vn"))
        .unwrap();
    assert_eq!(prop(june, "STATUS").as_deref(), Some("CANCELLED"));
    let q2 = events
        .iter()
        .find(|e| prop(e, "UID").as_deref() == Some("2025-q2@x.vn"))
        .unwrap();
    assert_eq!(prop(q2, "STATUS").as_deref(), Some("TENTATIVE"));
    assert_eq!(prop(q2, "DTEND").as_deref(), Some("20250801"));
}

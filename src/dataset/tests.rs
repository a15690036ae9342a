//! Data files read back: figures, hints, every problem with its place.

use super::*;
use crate::catalog::Catalog;
use crate::yaml::Source;
use std::path::Path;

#[test]
fn machine_form_of_vietnamese_numbers() {
    assert_eq!(machine_form("5.718,5").as_deref(), Some("5718.5"));
    assert_eq!(machine_form("135.338").as_deref(), Some("135338"));
    assert_eq!(machine_form("25,15%").as_deref(), Some("25.15"));
    assert_eq!(machine_form("-51,76").as_deref(), Some("-51.76"));
    assert_eq!(machine_form("khoảng 19"), None);
    assert_eq!(machine_form("5.71.8"), None);
}

#[test]
fn dates_are_real_calendar_days() {
    assert!(Date::parse("2021-04-01").is_some());
    assert!(Date::parse("2024-02-29").is_some());
    assert!(Date::parse("2023-02-29").is_none());
    assert!(Date::parse("01/04/2021").is_none());
}

fn catalog() -> Catalog {
    let config =
        crate::config::Config::parse("base_url = \"https://x.vn/\"\n[title]\nvi = \"x\"\n")
            .unwrap()
            .0;
    Catalog::parse(
        "exports:\n  name: X\n  unit: U\n",
        Path::new("c.yaml"),
        &config,
    )
    .0
    .unwrap()
}

#[test]
fn collects_every_problem_with_positions() {
    let text = "period: 2021-Q1\nstatus: estimat\nindicators:\n  exports:\n    value: \"5.718,5\"\n    growth_yo: 25.15\n  exprts:\n    value: 1\n";
    let src = Source {
        shown: Path::new("d.yaml"),
        text,
    };
    let problems = parse(&src, &catalog()).unwrap_err();
    let got: Vec<(Option<usize>, String)> = problems
        .iter()
        .map(|d| (d.line, d.message.to_string()))
        .collect();
    let got: Vec<(Option<usize>, &str)> = got.iter().map(|(l, m)| (*l, m.as_str())).collect();
    assert_eq!(
        got,
        [
            (Some(2), "`estimat` is not a status"),
            (Some(5), "expected a number, found the text \"5.718,5\""),
            (Some(6), "unknown field `growth_yo`"),
            (Some(7), "`exprts` is not in the indicator catalogue"),
        ]
    );
    assert_eq!(
        problems[1].hint.as_ref().map(|h| h.to_string()).as_deref(),
        Some("`5.718,5` looks like a Vietnamese-formatted number; write 5718.5")
    );
    assert_eq!(
        problems[2].hint.as_ref().map(|h| h.to_string()).as_deref(),
        Some("did you mean `growth_yoy`?")
    );
    assert_eq!(
        problems[3].hint.as_ref().map(|h| h.to_string()).as_deref(),
        Some("did you mean `exports`?")
    );
}

#[test]
fn reads_a_good_file() {
    let text = "period: 2021-Q1\nstatus: estimate\npublished: 2021-04-01\nindicators:\n  exports: { value: 5718.5, growth_yoy: 25.15 }\nbreakdowns:\n  by_group:\n    title: { vi: a, en: b }\n    rows:\n      - { label: x, share: 60 }\n";
    let src = Source {
        shown: Path::new("d.yaml"),
        text,
    };
    let d = parse(&src, &catalog()).unwrap();
    assert_eq!(d.period.id(), "2021-Q1");
    assert_eq!(
        d.fields("exports").unwrap().get(Field::GrowthYoy),
        Some(25.15)
    );
    assert_eq!(d.breakdowns[0].field, Field::Share);
}

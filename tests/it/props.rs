//! Property tests over the parsers editors' files go through: whatever
//! the text, they answer with a value or with errors that point inside
//! it; they never panic. And what bantin writes, it reads back.

use std::path::Path;

use bantin::catalog::Catalog;
use bantin::config::Config;
use bantin::dataset;
use bantin::narrative::Narrative;
use bantin::period::Period;
use bantin::yaml::Source;
use proptest::prelude::*;

const SITE: &str = "base_url = \"https://example.gov.vn/\"\nlanguages = [\"vi\", \"en\"]\n[title]\nvi = \"Bản tin\"\nen = \"Bulletin\"\n";
const CATALOG: &str = "exports:\n  name: { vi: \"Kim ngạch xuất khẩu\", en: \"Exports\" }\n  unit: { vi: \"triệu USD\", en: \"million USD\" }\niip:\n  name: { vi: \"Chỉ số IIP\", en: \"IIP\" }\n  unit: { vi: \"%\", en: \"%\" }\n";

/// Text with what narratives are made of, in any order: calls and their
/// pieces, quotes, Markdown, Vietnamese, line ends, and characters of
/// every kind (the private-use ones bantin uses inside included).
fn narrative_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{{".to_owned()),
        Just("}}".to_owned()),
        Just("value(".to_owned()),
        Just("change(".to_owned()),
        Just("chart(".to_owned()),
        Just("table(".to_owned()),
        Just("\"exports\"".to_owned()),
        Just("\"iip\"".to_owned()),
        Just(", ".to_owned()),
        Just(")".to_owned()),
        Just("period=\"2021-03\"".to_owned()),
        Just("field=".to_owned()),
        Just("\"".to_owned()),
        Just("---\n".to_owned()),
        Just("title: ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("## ".to_owned()),
        Just("[liên kết](/2021-q1/)".to_owned()),
        Just("xuất khẩu tăng 25,15%".to_owned()),
        Just("\u{E000}\u{E001}".to_owned()),
        Just("\u{feff}".to_owned()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// YAML-shaped text made of data.yaml's keys and odd values.
fn data_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("period"),
        Just("status"),
        Just("published"),
        Just("indicators"),
        Just("breakdowns"),
        Just("exports"),
        Just("iip"),
        Just("value"),
        Just("growth_yoy"),
        Just("rows"),
        Just("title"),
        Just("field"),
        Just("nosuch"),
    ];
    let value = prop_oneof![
        Just("".to_owned()),
        Just("2021-Q1".to_owned()),
        Just("estimate".to_owned()),
        Just("2021-04-01".to_owned()),
        Just("2021-02-30".to_owned()),
        Just("5718.5".to_owned()),
        Just("\"5.718,5\"".to_owned()),
        Just("-1e308".to_owned()),
        Just(".nan".to_owned()),
        Just("[1, 2".to_owned()),
        Just("{a: b}".to_owned()),
        Just("&x 1".to_owned()),
        Just("*x".to_owned()),
        Just("|\n  text".to_owned()),
        "\\PC{0,6}",
    ];
    let line = (0usize..4, key, value)
        .prop_map(|(indent, k, v)| format!("{}{k}: {v}\n", "  ".repeat(indent)));
    prop::collection::vec(line, 0..30).prop_map(|v| v.concat())
}

fn lines_of(text: &str) -> usize {
    text.lines().count().max(1) + 1
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn narratives_parse_or_point_inside_the_text(text in narrative_text()) {
        match Narrative::parse(&text, Path::new("index.vi.md")) {
            Ok(n) => {
                for call in &n.calls {
                    prop_assert!(call.line >= 1 && call.line <= lines_of(&text), "{call:?}");
                }
                // Rendering never panics, whatever the calls become.
                let _ = n.to_html("/", &|i| format!("<b>{i}</b>"));
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in problems {
                    prop_assert!(!p.message.to_string().is_empty());
                    if let Some(line) = p.line {
                        prop_assert!(line >= 1 && line <= lines_of(&text), "{p:?} in {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn data_files_parse_or_point_inside_the_text(text in data_text()) {
        let config = Config::parse(SITE).unwrap().0;
        let catalog = Catalog::parse(CATALOG, Path::new("indicators.yaml"), &config).0.unwrap();
        let src = Source { shown: Path::new("data.yaml"), text: &text };
        if let Err(problems) = dataset::parse(&src, &catalog) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                if let Some(line) = p.line {
                    prop_assert!(line >= 1 && line <= lines_of(&text), "{p:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn any_text_is_a_period_or_says_why_not(text in "\\PC{0,12}") {
        if let Err(message) = Period::parse(&text) {
            let message = message.to_string();
            prop_assert!(message.contains("period") || message.contains("month") || message.contains("year"), "{message}");
        }
    }

    #[test]
    fn periods_read_back_from_their_id_and_slug(
        year in 1900i32..2100,
        which in 0usize..5,
        n in 1u8..13,
    ) {
        let written = match which {
            0 => format!("{year}"),
            1 => format!("{year}-Q{}", 1 + n % 4),
            // The only half a period names is the first (CONTENT-FORMAT.md).
            2 => format!("{year}-H1"),
            3 => format!("{year}-{}M", [3, 6, 9, 11][usize::from(n % 4)]),
            _ => format!("{year}-{n:02}"),
        };
        let p = Period::parse(&written).unwrap();
        prop_assert_eq!(Period::parse(&p.id()).unwrap(), p);
        prop_assert_eq!(Period::parse(&p.slug()).unwrap(), p);
    }

    #[test]
    fn a_figure_printed_the_vietnamese_way_reads_back(units in 0u64..10_000_000_000, cents in 0u32..100, negative: bool) {
        // 5718.5 printed as 5.718,50: dots group thousands, a comma marks
        // the decimals; the hint bantin gives must be the figure itself.
        let digits = units.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let printed = format!("{}{grouped},{cents:02}", if negative { "-" } else { "" });
        let machine = dataset::machine_form(&printed).unwrap_or_else(|| panic!("{printed}"));
        let value: f64 = machine.parse().unwrap();
        let expected = (units as f64 + f64::from(cents) / 100.0) * if negative { -1.0 } else { 1.0 };
        prop_assert!((value - expected).abs() < 1e-6 * expected.abs().max(1.0), "{printed} → {machine}");
    }
}

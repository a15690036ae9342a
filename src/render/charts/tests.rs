//! Charts built from small data, read back as option, table, CSV and
//! sentence.

use serde_json::{Value, json};

use super::alternatives::{csv, sentence, table};
use super::build::breakdown;
use super::option::{FALL, option, script_json};
use crate::config::LocalText;
use crate::dataset::{Breakdown, Field};
use crate::dataset::{Fields, Row};
use crate::locale::{Locale, Strings};
use crate::period::Period;
use crate::render::words::Words;

fn locale(lang: &str) -> Locale {
    let text = match lang {
        "vi" => include_str!("../../../themes/default/i18n/vi.toml"),
        _ => include_str!("../../../themes/default/i18n/en.toml"),
    };
    Locale::new(lang, Strings::parse(text).unwrap()).unwrap()
}

fn breakdown_of(field: Field, rows: &[(&str, f64)]) -> Breakdown {
    Breakdown {
        id: "by_sector".into(),
        title: LocalText::Same("IIP theo ngành".into()),
        field,
        unit: LocalText::None,
        rows: rows
            .iter()
            .map(|(label, x)| {
                let mut fields = Fields::default();
                fields.set(field, *x);
                Row {
                    label: LocalText::Same((*label).into()),
                    fields,
                }
            })
            .collect(),
    }
}

#[test]
fn script_json_cannot_close_its_script_and_reads_back_the_same() {
    let v = json!({ "label": "</script><script>alert(1)</script> & \u{2028}" });
    let text = script_json(&v);
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
    assert!(!text.contains('\u{2028}'));
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
}

#[test]
fn breakdown_bars_are_sorted_with_falls_marked_and_a_headline() {
    let vi = locale("vi");
    let words = Words {
        locale: &vi,
        fallback: "vi",
    };
    let period = Period::parse("2021-Q1").unwrap();
    let bd = breakdown_of(
        Field::GrowthYoy,
        &[("Đóng tàu", 67.64), ("Mô tơ", -51.76), ("Tự động", 71.51)],
    );
    let data = breakdown(&bd, &period, &words).unwrap();
    let labels: Vec<&str> = data.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Tự động", "Đóng tàu", "Mô tơ"]);
    assert_eq!(
        data.series[0].refs,
        [
            "2021-Q1:by_sector#2:growth_yoy",
            "2021-Q1:by_sector#0:growth_yoy",
            "2021-Q1:by_sector#1:growth_yoy"
        ]
    );
    assert_eq!(data.headline, "Tự động tăng mạnh nhất: 71,51%");
    let option = serde_json::to_value(option(&data)).unwrap();
    let colours: Vec<Option<&str>> = option["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["itemStyle"]["color"].as_str())
        .collect();
    assert_eq!(colours, [None, None, Some(FALL)]);

    let all_fall = breakdown_of(Field::GrowthYoy, &[("A", -1.5), ("B", -20.0)]);
    assert_eq!(
        breakdown(&all_fall, &period, &words).unwrap().headline,
        "Tất cả đều giảm; B giảm nhiều nhất: 20%"
    );
    let shares = breakdown_of(Field::Share, &[("Điện tử", 60.0), ("Giày dép", 5.0)]);
    assert_eq!(
        breakdown(&shares, &period, &words).unwrap().headline,
        "Điện tử chiếm 60%"
    );
}

#[test]
fn table_csv_and_sentence_hold_the_same_figures() {
    let en = locale("en");
    let words = Words {
        locale: &en,
        fallback: "vi",
    };
    let period = Period::parse("2021-Q1").unwrap();
    let bd = breakdown_of(
        Field::GrowthYoy,
        &[("Ships", 67.64), ("Motors, bikes", -51.76)],
    );
    let data = breakdown(&bd, &period, &words).unwrap();
    let t = table(&data, &words);
    let cells: Vec<&str> = t.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(cells, ["+67.64", "-51.76"]);
    assert_eq!(
        csv(&data),
        "\u{feff}Item,Year on year (%)\r\nShips,67.64\r\n\"Motors, bikes\",-51.76\r\n"
    );
    assert_eq!(
        sentence(&data, &words),
        "Horizontal bar chart: IIP theo ngành, Q1 2021. Year on year (%): Ships +67.64%; Motors, bikes -51.76%."
    );
}

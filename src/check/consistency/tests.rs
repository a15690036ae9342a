//! The interval arithmetic of the consistency rules.

use super::unit::scale_hint;
use super::*;
use crate::catalog::Indicator;
use crate::config::LocalText;
#[test]
fn rounding_follows_the_written_digits() {
    assert_eq!(half_unit(19000.0), 500.0);
    assert_eq!(half_unit(10000.0), 500.0);
    assert_eq!(half_unit(15770.0), 5.0);
    assert_eq!(half_unit(60.0), 0.5);
    assert_eq!(half_unit(6.0), 0.5);
    assert!((half_unit(5718.5) - 0.05).abs() < 1e-12);
    assert!((half_unit(25.15) - 0.005).abs() < 1e-12);
    assert_eq!(half_unit(13.0), 0.5);
    assert_eq!(half_unit(0.0), 0.5);
    assert_eq!(half_unit(-0.12), 0.005);
    assert_eq!(half_unit(135338.0), 0.5);
    assert_eq!(decimals(11862.8), 1);
}

#[test]
fn growth_agrees_within_rounding() {
    // 2020 exports "gần 19 tỷ" against 15,770 in 2019: +18.46% fits.
    let g = growth_between(Approx::of(19000.0), Approx::of(15770.0)).unwrap();
    assert!(g.overlaps(Approx::of(18.46)));
    // Retail 2020, 144,000 against 135,338: +6.4%, not +8.67%.
    let g = growth_between(Approx::of(144000.0), Approx::of(135338.0)).unwrap();
    assert!(!g.overlaps(Approx::of(8.67)));
    assert!(growth_between(Approx::of(5.0), Approx::of(0.0)).is_none());
}

#[test]
fn slips_are_powers_of_a_thousand() {
    // 19 "triệu USD" against about 18,681 million expected.
    assert_eq!(slip(19.0, 18681.0, true), Some(-1));
    assert_eq!(slip(18_681_000.0, 18681.0, true), Some(1));
    assert_eq!(slip(17.5, 17520.0, false), Some(-1));
    assert_eq!(slip(0.0175, 17520.0, false), Some(-2));
    // A doubling, a halving, a tenfold jump: not slips.
    assert_eq!(slip(30000.0, 15770.0, true), None);
    assert_eq!(slip(7000.0, 15770.0, false), None);
    assert_eq!(slip(157700.0, 15770.0, false), None);
    // 300 times is neither.
    assert_eq!(slip(300.0, 1.0, true), None);
}

fn in_unit(en: &str, vi: &str) -> Indicator {
    Indicator {
        id: "x".into(),
        name: LocalText::None,
        unit: LocalText::PerLanguage(
            [
                ("en".to_owned(), en.to_owned()),
                ("vi".to_owned(), vi.to_owned()),
            ]
            .into(),
        ),
        decimals: None,
        share_of: LocalText::None,
        definition: LocalText::None,
        kind: None,
    }
}

#[test]
fn hints_name_the_scale_mixed_up() {
    use crate::messages::Lang;
    let usd = in_unit("million USD", "triệu USD");
    assert_eq!(
        scale_hint(&usd, 19.0, -1).text(Lang::En),
        "the catalogue unit is million USD: this looks like a figure in billions written as millions; in million USD it is 19,000"
    );
    assert_eq!(
        scale_hint(&usd, 19.0, -1).text(Lang::Vi),
        "đơn vị tính trong danh mục là triệu USD: số này có vẻ được tính bằng tỷ nhưng ghi như tính bằng triệu; tính bằng triệu USD thì là 19.000"
    );
    let vnd = in_unit("billion VND", "tỷ đồng");
    assert!(
        scale_hint(&vnd, 144_000_000.0, 1)
            .text(Lang::En)
            .contains("millions written as billions")
    );
    let tonnes = in_unit("tonnes", "tấn");
    assert!(
        scale_hint(&tonnes, 0.5, -1)
            .text(Lang::En)
            .contains("should read 500")
    );
}

#[test]
fn previous_periods() {
    let p = |s: &str| Period::parse(s).unwrap();
    assert_eq!(previous(&p("2021-Q1")), Some(p("2020-Q4")));
    assert_eq!(previous(&p("2021-03")), Some(p("2021-02")));
    assert_eq!(previous(&p("2021-01")), Some(p("2020-12")));
    assert_eq!(previous(&p("2021")), Some(p("2020")));
    assert_eq!(previous(&p("2024-9M")), None);
}

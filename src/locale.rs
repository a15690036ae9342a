//! Everything that depends on the reader's language: numbers (through ICU4X,
//! so `5.718,5` in Vietnamese and `5,718.5` in English), percentages, the
//! words for a rise or a fall, period titles and dates. The words come from
//! the theme's i18n files, so a new language needs no code.

use crate::dataset::{Date, Field, Status};
use crate::numbers::Numbers;
use crate::period::{Kind, Period, Span};

/// A theme's UI strings for one language, from `i18n/<lang>.toml`.
#[derive(Debug, Clone)]
pub struct Strings {
    table: toml::Table,
}

impl Strings {
    pub fn parse(text: &str) -> Result<Strings, toml::de::Error> {
        Ok(Strings {
            table: toml::from_str(text)?,
        })
    }

    fn lookup(&self, key: &str) -> Option<&toml::Value> {
        let mut parts = key.split('.');
        let mut cur = self.table.get(parts.next()?)?;
        for p in parts {
            cur = cur.as_table()?.get(p)?;
        }
        Some(cur)
    }

    /// A string by dotted key; a missing key shows as itself, so a gap in a
    /// translation is visible rather than blank (a unit test keeps the
    /// theme's files complete).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.lookup(key)
            .and_then(toml::Value::as_str)
            .unwrap_or(key)
    }

    /// A list of strings (month names).
    pub fn list(&self, key: &str) -> Vec<&str> {
        self.lookup(key)
            .and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
            .unwrap_or_default()
    }

    /// All keys, dotted, for completeness checks.
    pub fn keys(&self) -> Vec<String> {
        fn walk(prefix: &str, t: &toml::Table, out: &mut Vec<String>) {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                match v {
                    toml::Value::Table(inner) => walk(&key, inner, out),
                    _ => out.push(key),
                }
            }
        }
        let mut out = Vec::new();
        walk("", &self.table, &mut out);
        out
    }

    /// The strings as a template value (`t.nav.home`).
    pub fn as_table(&self) -> &toml::Table {
        &self.table
    }
}

/// Fills `{name}` placeholders.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

pub struct Locale {
    pub lang: String,
    numbers: Numbers,
    pub strings: Strings,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Locale {
    pub fn new(lang: &str, strings: Strings) -> Result<Locale, String> {
        Ok(Locale {
            lang: lang.to_owned(),
            numbers: Numbers::new(lang)?,
            strings,
        })
    }

    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key)
    }

    /// `5.718,5` / `5,718.5`.
    pub fn number(&self, x: f64, decimals: Option<u8>) -> String {
        self.numbers.number(x, decimals)
    }

    /// `+25,15` / `-51,76`: a change in a table cell.
    pub fn signed(&self, x: f64, decimals: Option<u8>) -> String {
        self.numbers.signed(x, decimals)
    }

    /// `25,15%`.
    pub fn percent(&self, x: f64, decimals: Option<u8>) -> String {
        fill(
            self.t("number.percent"),
            &[("n", &self.number(x, decimals))],
        )
    }

    /// `tăng 25,15%` / `up 25.15%`; `giảm 51,76%` / `down 51.76%`.
    pub fn change(&self, x: f64, decimals: Option<u8>) -> String {
        let key = if x > 0.0 {
            "change.up"
        } else if x < 0.0 {
            "change.down"
        } else {
            return self.t("change.unchanged").to_owned();
        };
        fill(self.t(key), &[("pct", &self.percent(x.abs(), decimals))])
    }

    /// `Quý I/2021` / `Q1 2021`, as in docs/content-format.md.
    pub fn period_title(&self, p: &Period) -> String {
        let year = p.year.to_string();
        let months = self.strings.list("months");
        let month_name = |m: u8| {
            months
                .get(usize::from(m) - 1)
                .copied()
                .unwrap_or("")
                .to_owned()
        };
        match p.span {
            Span::Year => fill(self.t("period.year"), &[("year", &year)]),
            Span::Quarter(q) => fill(
                self.t("period.quarter"),
                &[
                    ("year", &year),
                    ("quarter", &q.to_string()),
                    ("quarter_roman", roman(q)),
                ],
            ),
            Span::Cumulative(6) => fill(self.t("period.half"), &[("year", &year)]),
            Span::Cumulative(n) => fill(
                self.t("period.cumulative"),
                &[
                    ("year", &year),
                    ("months", &n.to_string()),
                    ("first_month_name", &month_name(1)),
                    ("last_month_name", &month_name(n)),
                ],
            ),
            Span::Month(m) => fill(
                self.t("period.month"),
                &[
                    ("year", &year),
                    ("month", &m.to_string()),
                    ("month2", &format!("{m:02}")),
                    ("month_name", &month_name(m)),
                ],
            ),
        }
    }

    /// A field's name as a column header: `Year on year (%)`.
    pub fn field_label(&self, field: Field) -> &str {
        self.t(match field {
            Field::Value => "field.value",
            Field::GrowthYoy => "field.growth_yoy",
            Field::GrowthPrev => "field.growth_prev",
            Field::PlanAttainment => "field.plan_attainment",
            Field::TargetGrowth => "field.target_growth",
            Field::NationalGrowth => "field.national_growth",
            Field::Share => "field.share",
        })
    }

    /// A status in words: `Ước tính`, `Estimate`.
    pub fn status_name(&self, status: Status) -> &str {
        self.t(match status {
            Status::Estimate => "status.estimate",
            Status::Preliminary => "status.preliminary",
            Status::Final => "status.final",
        })
    }

    /// A kind of period in words: `Quý`, `Quarter`.
    pub fn kind_name(&self, kind: Kind) -> &str {
        self.t(match kind {
            Kind::Year => "kind.year",
            Kind::Cumulative => "kind.cumulative",
            Kind::Quarter => "kind.quarter",
            Kind::Month => "kind.month",
        })
    }

    /// `01/04/2021` / `1 April 2021`.
    pub fn date(&self, d: &Date) -> String {
        let months = self.strings.list("months");
        let month_name = months.get(usize::from(d.month) - 1).copied().unwrap_or("");
        fill(
            self.t("date"),
            &[
                ("d", &d.day.to_string()),
                ("dd", &format!("{:02}", d.day)),
                ("mm", &format!("{:02}", d.month)),
                ("month_name", month_name),
                ("yyyy", &d.year.to_string()),
            ],
        )
    }
}

fn roman(q: u8) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(usize::from(q.max(1)) - 1)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(lang: &str) -> Locale {
        let text = match lang {
            "vi" => include_str!("../themes/default/i18n/vi.toml"),
            _ => include_str!("../themes/default/i18n/en.toml"),
        };
        Locale::new(lang, Strings::parse(text).unwrap()).unwrap()
    }

    #[test]
    fn numbers_in_each_language() {
        let (vi, en) = (locale("vi"), locale("en"));
        assert_eq!(vi.number(5718.5, Some(1)), "5.718,5");
        assert_eq!(en.number(5718.5, Some(1)), "5,718.5");
        assert_eq!(vi.number(135338.0, None), "135.338");
        assert_eq!(en.number(135338.0, None), "135,338");
        assert_eq!(vi.number(7551.0, None), "7.551");
        assert_eq!(vi.number(37128.0, Some(1)), "37.128,0");
        assert_eq!(vi.number(0.16, None), "0,16");
        assert_eq!(vi.percent(24.2, None), "24,2%");
        assert_eq!(vi.signed(25.15, None), "+25,15");
        assert_eq!(en.signed(-51.76, None), "-51.76");
        assert_eq!(vi.signed(0.0, None), "0");
    }

    #[test]
    fn rises_and_falls_in_words() {
        let (vi, en) = (locale("vi"), locale("en"));
        assert_eq!(vi.change(25.15, None), "tăng 25,15%");
        assert_eq!(vi.change(-51.76, None), "giảm 51,76%");
        assert_eq!(en.change(25.15, None), "up 25.15%");
        assert_eq!(en.change(-51.76, None), "down 51.76%");
        assert_eq!(vi.change(0.0, None), "không đổi");
    }

    #[test]
    fn period_titles_as_in_the_content_format() {
        let (vi, en) = (locale("vi"), locale("en"));
        let cases = [
            ("2019", "Năm 2019", "2019"),
            ("2021-Q1", "Quý I/2021", "Q1 2021"),
            ("2021-Q4", "Quý IV/2021", "Q4 2021"),
            ("2022-H1", "6 tháng đầu năm 2022", "First half of 2022"),
            ("2024-9M", "9 tháng năm 2024", "January–September 2024"),
            ("2021-03", "Tháng 3/2021", "March 2021"),
        ];
        for (id, v, e) in cases {
            let p = Period::parse(id).unwrap();
            assert_eq!(
                (vi.period_title(&p).as_str(), en.period_title(&p).as_str()),
                (v, e)
            );
        }
    }

    #[test]
    fn dates() {
        let d = Date::parse("2021-04-01").unwrap();
        assert_eq!(locale("vi").date(&d), "01/04/2021");
        assert_eq!(locale("en").date(&d), "1 April 2021");
    }

    #[test]
    fn the_theme_translates_every_string() {
        let (vi, en) = (locale("vi"), locale("en"));
        let (mut a, mut b) = (vi.strings.keys(), en.strings.keys());
        a.sort();
        b.sort();
        assert_eq!(a, b, "vi.toml and en.toml must have the same keys");
        assert_eq!(vi.strings.list("months").len(), 12);
    }
}

//! Figures in words, in one language: "5.718,5 triệu USD", "tăng 25,15% so
//! với cùng kỳ", table cells. Everything a reader sees of a number passes
//! through here, so both languages always show the same figures.

use crate::catalog::Indicator;
use crate::dataset::{Field, Fields};
use crate::locale::{Locale, fill};
use crate::period::{Kind, Period};

pub struct Words<'a> {
    pub locale: &'a Locale,
    /// The site's default language, for text missing in this one.
    pub fallback: &'a str,
}

impl<'a> Words<'a> {
    pub fn lang(&self) -> &str {
        &self.locale.lang
    }

    pub fn t(&self, key: &'a str) -> &'a str {
        self.locale.t(key)
    }

    pub fn unit(&self, ind: &Indicator) -> String {
        ind.unit.get_or(self.lang(), self.fallback).to_owned()
    }

    pub fn name(&self, ind: &Indicator) -> String {
        ind.name.get_or(self.lang(), self.fallback).to_owned()
    }

    /// A level with its unit: `5.718,5 triệu USD`, `61,18%`.
    pub fn level(&self, ind: &Indicator, x: f64) -> String {
        let n = self.locale.number(x, ind.decimals);
        let unit = self.unit(ind);
        if unit == "%" {
            format!("{n}%")
        } else {
            format!("{n} {unit}")
        }
    }

    /// What `value("id", field)` prints.
    pub fn value(&self, ind: &Indicator, field: Field, x: f64) -> String {
        match field {
            Field::Value => self.level(ind, x),
            _ => self.locale.percent(x, None),
        }
    }

    /// What `change("id", field)` prints: `tăng 25,15%`.
    pub fn change(&self, x: f64) -> String {
        self.locale.change(x, None)
    }

    /// A table cell: levels plain, changes signed (`+25,15`), shares plain.
    pub fn cell(&self, decimals: Option<u8>, field: Field, x: f64) -> String {
        if field.is_change() {
            self.locale.signed(x, None)
        } else {
            self.locale.number(x, decimals)
        }
    }

    /// Each comparison of a figure, with its basis: "tăng 25,15% so với
    /// cùng kỳ", "đạt 79,8% kế hoạch năm", "cả nước tăng 9,1%".
    pub fn comparisons(&self, ind: &Indicator, fields: &Fields, period: &Period) -> Vec<String> {
        let mut out = Vec::new();
        for (field, x) in fields.present() {
            let text = match field {
                Field::Value => continue,
                Field::GrowthYoy | Field::GrowthPrev => {
                    let basis = self.basis(field, period);
                    fill(
                        self.t("compare.change"),
                        &[("change", &self.change(x)), ("basis", basis)],
                    )
                }
                Field::PlanAttainment => fill(
                    self.t("compare.plan_attainment"),
                    &[("pct", &self.locale.percent(x, None))],
                ),
                Field::TargetGrowth => fill(
                    self.t("compare.target_growth"),
                    &[("change", &self.change(x))],
                ),
                Field::NationalGrowth => fill(
                    self.t("compare.national_growth"),
                    &[("change", &self.change(x))],
                ),
                Field::Share => match ind
                    .share_of
                    .get(self.lang())
                    .or_else(|| ind.share_of.get(self.fallback))
                {
                    Some(of) => fill(
                        self.t("compare.share_of"),
                        &[("pct", &self.locale.percent(x, None)), ("of", of)],
                    ),
                    None => fill(
                        self.t("compare.share"),
                        &[("pct", &self.locale.percent(x, None))],
                    ),
                },
            };
            out.push(text);
        }
        out
    }

    /// "so với cùng kỳ" / "so với tháng trước" …
    pub fn basis(&self, field: Field, period: &Period) -> &'a str {
        match (field, period.kind()) {
            (Field::GrowthPrev, Kind::Month) => self.t("basis.prev_month"),
            (Field::GrowthPrev, Kind::Quarter) => self.t("basis.prev_quarter"),
            (Field::GrowthPrev, _) => self.t("basis.prev_period"),
            _ => self.t("basis.growth_yoy"),
        }
    }

    /// A column header for a field.
    pub fn field_label(&self, field: Field) -> String {
        self.locale.field_label(field).to_owned()
    }
}

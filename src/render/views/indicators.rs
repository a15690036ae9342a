//! Indicators as their page and the list of indicators show them.

use serde::Serialize;

use crate::address::{Addresses, File, Page};
use crate::catalog::Indicator;
use crate::dataset::Field;
use crate::render::words::Words;
use crate::site::Site;

/// An indicator's page, in the words' language.
pub fn indicator_href(id: &str, words: &Words, addr: &Addresses) -> String {
    addr.page_href(words.lang(), Page::Indicator(id))
}

/// The heading of an indicator page's section for a kind of period.
pub fn series_key(k: crate::period::Kind) -> &'static str {
    match k {
        crate::period::Kind::Year => "indicator.series_year",
        crate::period::Kind::Cumulative => "indicator.series_cumulative",
        crate::period::Kind::Quarter => "indicator.series_quarter",
        crate::period::Kind::Month => "indicator.series_month",
    }
}

/// An indicator, as its page and the list of indicators show it.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub definition: String,
    pub href: String,
    pub csv: String,
    pub json: String,
    /// The Excel workbook in the page's language.
    pub xlsx: String,
    /// "Quý I/2021: 5.718,5 triệu USD": the latest figure.
    pub latest: Option<String>,
    pub latest_href: Option<String>,
}

pub fn indicator_view(ind: &Indicator, words: &Words, addr: &Addresses) -> IndicatorView {
    IndicatorView {
        id: ind.id.clone(),
        name: words.name(ind),
        unit: words.unit(ind),
        definition: ind
            .definition
            .get(words.lang())
            .unwrap_or_default()
            .to_owned(),
        href: indicator_href(&ind.id, words, addr),
        csv: addr.file_href(File::IndicatorCsv(&ind.id)),
        json: addr.file_href(File::IndicatorJson(&ind.id)),
        xlsx: addr.file_href(File::IndicatorXlsx {
            id: &ind.id,
            lang: words.lang(),
        }),
        latest: None,
        latest_href: None,
    }
}

/// Every indicator with figures, in catalogue order, with its latest
/// figure.
pub fn indicator_list(site: &Site, words: &Words, addr: &Addresses) -> Vec<IndicatorView> {
    site.indicators_with_data()
        .into_iter()
        .map(|ind| {
            let mut v = indicator_view(ind, words, addr);
            let latest = site.series(&ind.id).into_iter().max_by_key(|(b, _)| {
                // Latest end, then the longest period ending there.
                let p = b.period();
                let (first, last) = p.months();
                (p.year, last, std::cmp::Reverse(first))
            });
            if let Some((b, &fs)) = latest {
                let figure = match (fs.get(Field::Value), fs.get(Field::GrowthYoy)) {
                    (Some(x), _) => Some(words.level(ind, x)),
                    (None, Some(g)) => Some(format!(
                        "{} {}",
                        words.change(g),
                        words.basis(Field::GrowthYoy, b.period())
                    )),
                    // A share or a comparison alone: in words.
                    _ => words.comparisons(ind, &fs, b.period()).into_iter().next(),
                };
                v.latest =
                    figure.map(|f| format!("{}: {f}", words.locale.period_title(b.period())));
                v.latest_href = Some(addr.page_href(words.lang(), Page::Release(b.slug())));
            }
            v
        })
        .collect()
}

//! Releases as lists and pages show them: list items, years, main-point
//! cards, their one-line summary, downloads, a call's figure in words.

use serde::Serialize;

use super::*;
use crate::address::{Addresses, File, Page};
use crate::dataset::Field;
use crate::narrative::Resolved;
use crate::render::words::Words;
use crate::site::{Release, Site};

/// A key figure: "Kim ngạch xuất khẩu — 5.718,5 triệu USD — tăng 25,15%
/// so với cùng kỳ".
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub indicator: String,
    pub name: String,
    /// The indicator's page.
    pub href: String,
    pub figure: String,
    pub unit: String,
    pub comparisons: Vec<String>,
}

/// A release in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseItem {
    pub title: String,
    pub period: String,
    pub href: String,
    pub status: String,
    pub status_code: &'static str,
    pub published: Option<String>,
    pub published_iso: Option<String>,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearGroup {
    pub year: i32,
    pub releases: Vec<ReleaseItem>,
    /// For the archive: releases by kind within the year.
    pub kinds: Vec<KindGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindGroup {
    pub kind: String,
    pub releases: Vec<ReleaseItem>,
}

/// A release's title in a language: its narrative's, else a default.
pub fn release_title(b: &Release, words: &Words) -> String {
    let period = words.locale.period_title(b.period());
    b.narratives()
        .get(words.lang())
        .and_then(|n| n.title.clone())
        .unwrap_or_else(|| {
            crate::locale::fill(words.t("bulletin.default_title"), &[("period", &period)])
        })
}

pub fn release_item(b: &Release, words: &Words, addr: &Addresses) -> ReleaseItem {
    ReleaseItem {
        title: release_title(b, words),
        period: words.locale.period_title(b.period()),
        href: addr.page_href(words.lang(), Page::Release(b.slug())),
        status: words.locale.status_name(b.data().status).to_owned(),
        status_code: b.data().status.name(),
        published: b.data().published.map(|d| words.locale.date(&d)),
        published_iso: b.data().published.map(|d| d.to_string()),
        kind: words.locale.kind_name(b.period().kind()).to_owned(),
    }
}

/// Releases by year, newest first; with kinds for the archive.
pub fn years(site: &Site, words: &Words, addr: &Addresses) -> Vec<YearGroup> {
    let mut years: Vec<i32> = site.releases().iter().map(|b| b.period().year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let in_year: Vec<&Release> = site
                .releases()
                .iter()
                .rev()
                .filter(|b| b.period().year == year)
                .collect();
            let kinds = crate::period::Kind::ALL
                .iter()
                .filter_map(|&k| {
                    let releases: Vec<ReleaseItem> = in_year
                        .iter()
                        .filter(|b| b.period().kind() == k)
                        .map(|b| release_item(b, words, addr))
                        .collect();
                    (!releases.is_empty()).then(|| KindGroup {
                        kind: words.locale.kind_name(k).to_owned(),
                        releases,
                    })
                })
                .collect();
            YearGroup {
                year,
                releases: in_year
                    .iter()
                    .map(|b| release_item(b, words, addr))
                    .collect(),
                kinds,
            }
        })
        .collect()
}

/// The key figures of a release: the site's key indicators present in it,
/// else every indicator, in catalogue order.
pub fn cards(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> Vec<Card> {
    let mut ids: Vec<&str> = if site.config.key_indicators.is_empty() {
        let mut v: Vec<&str> = b
            .data()
            .indicators
            .iter()
            .map(|(i, _)| i.as_str())
            .collect();
        v.sort_by_key(|i| site.catalog.position(i));
        v
    } else {
        site.config
            .key_indicators
            .iter()
            .map(String::as_str)
            .filter(|i| b.data().fields(i).is_some())
            .collect()
    };
    if ids.is_empty() {
        ids = b
            .data()
            .indicators
            .iter()
            .map(|(i, _)| i.as_str())
            .collect();
    }
    ids.into_iter()
        .filter_map(|id| {
            let ind = site.catalog.get(id)?;
            let fields = b.data().fields(id)?;
            let mut comparisons = words.comparisons(ind, fields, b.period());
            let (figure, unit) = if let Some(v) = fields.get(Field::Value) {
                let n = words.locale.number(v, ind.decimals);
                let u = words.unit(ind);
                if u == "%" {
                    (format!("{n}%"), String::new())
                } else {
                    (n, u)
                }
            } else if let Some(g) = fields.get(Field::GrowthYoy) {
                // An index published as growth only: the change is the figure,
                // its basis the first comparison.
                comparisons[0] = words.basis(Field::GrowthYoy, b.period()).to_owned();
                (words.change(g), String::new())
            } else {
                let (f, x) = fields.present().next()?;
                comparisons.remove(0);
                (words.value(ind, f, x), String::new())
            };
            Some(Card {
                indicator: id.to_owned(),
                name: words.name(ind),
                href: indicator_href(id, words, addr),
                figure,
                unit,
                comparisons,
            })
        })
        .collect()
}

/// The text a `value()` or `change()` call prints.
pub fn resolved_text(site: &Site, r: &Resolved, change: bool, words: &Words) -> Option<String> {
    let Resolved::Figure {
        indicator,
        field,
        period,
    } = r
    else {
        return None;
    };
    let ind = site.catalog.get(indicator)?;
    let x = site
        .release(period)?
        .data()
        .fields(indicator)?
        .get(*field)?;
    Some(if change {
        words.change(x)
    } else {
        words.value(ind, *field, x)
    })
}

/// A release's own downloads.
#[derive(Debug, Clone, Serialize)]
pub struct Downloads {
    pub csv: String,
    pub json: String,
    /// The Excel workbook in the page's language.
    pub xlsx: String,
    /// The page that explains the files.
    pub about: String,
    /// The PDF edition in the page's language, when the site has them.
    pub pdf: Option<String>,
}

pub fn downloads(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> Downloads {
    Downloads {
        pdf: site.config.pdf.then(|| {
            addr.file_href(File::Pdf {
                slug: b.slug(),
                lang: words.lang(),
            })
        }),
        csv: addr.file_href(File::ReleaseCsv(b.slug())),
        json: addr.file_href(File::ReleaseJson(b.slug())),
        xlsx: addr.file_href(File::ReleaseXlsx {
            slug: b.slug(),
            lang: words.lang(),
        }),
        about: addr.page_href(words.lang(), Page::Data),
    }
}

/// The main points in one line, for a page's description and a feed
/// entry: "Quý I/2021: Kim ngạch xuất khẩu 5.718,5 triệu USD, tăng 25,15%
/// so với cùng kỳ; …".
pub fn cards_summary(site: &Site, b: &Release, words: &Words, addr: &Addresses) -> String {
    let period = words.locale.period_title(b.period());
    let parts: Vec<String> = cards(site, b, words, addr)
        .into_iter()
        .map(|c| {
            let fig = if c.unit.is_empty() {
                c.figure
            } else {
                format!("{} {}", c.figure, c.unit)
            };
            match c.comparisons.first() {
                Some(cmp) => format!("{} {fig}, {cmp}", c.name),
                None => format!("{} {fig}", c.name),
            }
        })
        .collect();
    format!("{period}: {}.", parts.join("; "))
}

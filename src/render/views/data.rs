//! The open data page: what the files hold and where they are.

use serde::Serialize;

use super::*;
use crate::address::{Addresses, File, Page};
use crate::dataset::Field;
use crate::render::words::Words;
use crate::site::Site;

/// The open data page: what the files hold and where they are.
#[derive(Debug, Clone, Serialize)]
pub struct DataPage {
    pub all_csv: String,
    /// Every version of every revised figure.
    pub revisions_csv: String,
    /// Every observation in SDMX-CSV.
    pub sdmx_csv: String,
    /// The Frictionless Data Package describing the CSV files.
    pub datapackage: String,
    pub columns: Vec<Term>,
    pub fields: Vec<Term>,
    pub statuses: Vec<Term>,
    pub kinds: Vec<Term>,
    pub licence: String,
    pub releases: Vec<DataRelease>,
    pub indicators: Vec<IndicatorView>,
}

/// A code and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub code: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DataRelease {
    pub title: String,
    pub href: String,
    pub csv: String,
    pub json: String,
    pub xlsx: String,
}

pub fn data_page(site: &Site, words: &Words, addr: &Addresses) -> DataPage {
    let langs = &site.config.languages;
    let describe = |key: &str| -> String {
        let key = format!("data.col.{key}");
        words.locale.strings.get(&key).to_owned()
    };
    let mut columns = Vec::new();
    for c in crate::opendata::columns(langs) {
        let generic = c
            .rsplit_once('_')
            .filter(|(_, l)| langs.iter().any(|x| x == l))
            .map(|(what, l)| (what.to_owned(), l.to_owned()));
        let text = match &generic {
            Some((what, l)) => {
                let key = format!("language_names.{l}");
                let name = words.locale.strings.get(&key);
                let name = if name == key { l.as_str() } else { name };
                crate::locale::fill(&describe(what), &[("language", name)])
            }
            None => describe(&c),
        };
        columns.push(Term { code: c, text });
    }
    let fields = Field::ALL
        .into_iter()
        .map(|f| Term {
            code: f.name().to_owned(),
            text: describe(&format!("field_{}", f.name())),
        })
        .collect();
    let statuses = ["estimate", "preliminary", "final"]
        .into_iter()
        .map(|s| Term {
            code: s.to_owned(),
            text: describe(&format!("status_{s}")),
        })
        .collect();
    let kinds = crate::period::Kind::ALL
        .into_iter()
        .map(|k| Term {
            code: k.key().to_owned(),
            text: describe(&format!("kind_{}", k.key())),
        })
        .collect();
    let licence = site
        .config
        .licence
        .get(words.lang())
        .map(str::to_owned)
        .unwrap_or_else(|| words.t("data.no_licence").to_owned());
    DataPage {
        all_csv: addr.file_href(File::AllCsv),
        revisions_csv: addr.file_href(File::RevisionsCsv),
        sdmx_csv: addr.file_href(File::SdmxCsv),
        datapackage: addr.file_href(File::DataPackage),
        columns,
        fields,
        statuses,
        kinds,
        licence,
        releases: site
            .releases()
            .iter()
            .rev()
            .map(|b| DataRelease {
                title: words.locale.period_title(b.period()),
                href: addr.page_href(words.lang(), Page::Release(b.slug())),
                csv: addr.file_href(File::ReleaseCsv(b.slug())),
                json: addr.file_href(File::ReleaseJson(b.slug())),
                xlsx: addr.file_href(File::ReleaseXlsx {
                    slug: b.slug(),
                    lang: words.lang(),
                }),
            })
            .collect(),
        indicators: indicator_list(site, words, addr),
    }
}

//! Published addresses: where every page and file of a site lives. This
//! is the one place that spells them. Rendering, open data, the search
//! index, the link checker and `serve`'s invalidation all ask it, so the
//! promise of `docs/content-format.md` ("addresses never change") is kept
//! in one file.
//!
//! The default language sits at the root, every other under its code
//! (`/en/…`); everything sits under the path of `base_url`
//! (`https://org.github.io/bantin/` → `/bantin/…`). Pages are folders
//! holding `index.html`; files are the same in every language, except the
//! feeds, one per language.

use crate::config::Config;

/// A page of the site, in whichever language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page<'a> {
    Home,
    /// Every release, by year and kind.
    Archive,
    /// A release, by its period's slug (`2021-q1`).
    Release(&'a str),
    /// A free page, by its slug (`about`).
    Free(&'a str),
    /// Every indicator with its latest figure.
    Indicators,
    /// An indicator's series, by its id.
    Indicator(&'a str),
    /// What the open data files hold.
    Data,
    Search,
    /// The release calendar.
    Calendar,
}

impl Page<'_> {
    /// The page's folder within its language: `""` (home), `2021-q1/`,
    /// `indicators/exports/`.
    pub fn folder(&self) -> String {
        match self {
            Page::Home => String::new(),
            Page::Archive => "archive/".into(),
            Page::Release(slug) | Page::Free(slug) => format!("{slug}/"),
            Page::Indicators => "indicators/".into(),
            Page::Indicator(id) => format!("indicators/{id}/"),
            Page::Data => "data/".into(),
            Page::Search => "search/".into(),
            Page::Calendar => "calendar/".into(),
        }
    }

    /// The folder of the page's chart files, the same for every language:
    /// `data/charts/2021-q1/`. Free pages keep theirs apart from releases
    /// (`pages/about`), so a page and a release can never share one.
    pub fn charts_folder(&self) -> String {
        let own = match self {
            Page::Release(slug) => (*slug).to_owned(),
            Page::Indicator(id) => format!("indicators/{id}"),
            Page::Free(slug) => format!("pages/{slug}"),
            _ => "site".into(),
        };
        format!("{CHARTS}{own}/")
    }
}

/// The folder of chart data files.
const CHARTS: &str = "data/charts/";

/// The folder of static files (styles, scripts, the charts' runtime).
pub const STATIC: &str = "static/";

/// The folder of the search index (Pagefind's files).
pub const PAGEFIND: &str = "pagefind/";

/// Where a file of the search index is written: `pagefind/pagefind.js`.
pub fn pagefind_output(name: &str) -> String {
    format!("{PAGEFIND}{name}")
}

/// The search index is cut into parts, each a Pagefind index of its
/// own, so that a rebuild indexes again only the parts whose pages
/// changed; the search page merges them in the reader's browser. Per
/// language, the pages of releases go by five years of their period
/// (`vi-2020`: 2020–2024) and every other page in one part named by the
/// language (`vi`). A page is placed by its folder alone
/// (`en/2021-q1/` → `en-2020`), so the same page always lands in the
/// same part.
pub fn search_part(lang: &str, folder: &str) -> String {
    let lang = if !lang.is_empty() && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        lang
    } else {
        "und"
    };
    let last = folder
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let year = last
        .split_once('-')
        .filter(|(y, _)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(y, _)| y.parse::<i32>().ok());
    match year {
        Some(y) => format!("{lang}-{}", y - y.rem_euclid(5)),
        None => lang.to_owned(),
    }
}

/// Where a file of a part of the search index is written:
/// `pagefind/vi-2020/pagefind-entry.json`.
pub fn search_part_output(part: &str, name: &str) -> String {
    pagefind_output(&format!("{part}/{name}"))
}

/// The list of the search index's parts, by language, for the search
/// page's script.
pub const SEARCH_PARTS: &str = "bantin-parts.json";

/// The name of a page's file in its folder.
const PAGE_FILE: &str = "index.html";

/// The folder of a page, from the file it is written to
/// (`en/2021-q1/index.html` → `en/2021-q1/`, `index.html` → ``); `None`
/// for a file that is not a page.
pub fn page_folder_of(output: &str) -> Option<&str> {
    let folder = output.strip_suffix(PAGE_FILE)?;
    (folder.is_empty() || folder.ends_with('/')).then_some(folder)
}

/// The file of the page in `folder` (`en/2021-q1/` → `en/2021-q1/index.html`).
pub fn page_file_in(folder: &str) -> String {
    format!("{folder}{PAGE_FILE}")
}

/// A file of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File<'a> {
    /// A release's figures: `data/2021-q1.csv`.
    ReleaseCsv(&'a str),
    /// The same, with names, units and addresses: `data/2021-q1.json`.
    ReleaseJson(&'a str),
    /// An indicator in every period: `data/indicators/exports.csv`.
    IndicatorCsv(&'a str),
    /// A release's figures as an Excel workbook in one language:
    /// `data/2021-q1.xlsx`, `en/data/2021-q1.xlsx`.
    ReleaseXlsx {
        slug: &'a str,
        lang: &'a str,
    },
    /// An indicator's series as JSON: `data/indicators/exports.json`.
    IndicatorJson(&'a str),
    /// An indicator's series as an Excel workbook in one language:
    /// `data/indicators/exports.xlsx`, `en/data/indicators/exports.xlsx`.
    IndicatorXlsx {
        id: &'a str,
        lang: &'a str,
    },
    /// Every figure of every release.
    AllCsv,
    /// Every observation in SDMX-CSV 2.0: `data/sdmx/all.csv`.
    SdmxCsv,
    /// The Frictionless Data Package describing the CSV files.
    DataPackage,
    /// The Table Schema the CSV files of figures share.
    TableSchema,
    /// Every published version of every revised figure.
    RevisionsCsv,
    /// One chart's data in one language, under its page's charts folder.
    ChartCsv {
        page: Page<'a>,
        chart: &'a str,
        lang: &'a str,
    },
    /// A release's PDF edition in one language: `pdf/2021-q1.pdf`,
    /// `en/pdf/2021-q1.pdf`.
    Pdf {
        slug: &'a str,
        lang: &'a str,
    },
    /// A file under `static/` (the theme's, the site's, or vendored).
    Static(&'a str),
    /// A language's Atom feed: `feed.xml`, `en/feed.xml`.
    Feed(&'a str),
    /// A language's release calendar as iCalendar: `calendar.ics`,
    /// `en/calendar.ics`.
    CalendarFeed(&'a str),
    Sitemap,
    Robots,
    /// The one error page, which servers serve for unknown addresses.
    NotFound,
    /// Tells GitHub Pages to serve the files as they are.
    NoJekyll,
}

/// The addresses of one site: its base URL and languages.
#[derive(Debug, Clone)]
pub struct Addresses {
    /// Absolute, ending in `/`.
    base_url: String,
    /// Path part of base_url: `/` or `/bantin/`.
    base_path: String,
    default_language: String,
}

impl Addresses {
    pub fn new(config: &Config) -> Addresses {
        Addresses {
            base_url: config.base_url.clone(),
            base_path: config.base_path().to_owned(),
            default_language: config.default_language.clone(),
        }
    }

    /// The site's absolute address, ending in `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The path part of the site's address: `/` or `/bantin/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Where a language's pages start within the site: `""` for the
    /// default language, `en/` for the others.
    pub fn language_folder(&self, lang: &str) -> String {
        if lang == self.default_language {
            String::new()
        } else {
            format!("{lang}/")
        }
    }

    /// A page's folder within the site: `en/2021-q1/`.
    pub fn page_key(&self, lang: &str, page: Page) -> String {
        format!("{}{}", self.language_folder(lang), page.folder())
    }

    /// The file a page is written to, relative to the output folder:
    /// `en/2021-q1/index.html`.
    pub fn page_output(&self, lang: &str, page: Page) -> String {
        page_file_in(&self.page_key(lang, page))
    }

    /// A link to a page from the site's own pages: `/bantin/en/2021-q1/`.
    pub fn page_href(&self, lang: &str, page: Page) -> String {
        format!("{}{}", self.base_path, self.page_key(lang, page))
    }

    /// A page's absolute address, for canonical links, hreflang, feeds
    /// and the JSON files.
    pub fn page_url(&self, lang: &str, page: Page) -> String {
        format!("{}{}", self.base_url, self.page_key(lang, page))
    }

    /// Where a file is written, relative to the output folder.
    pub fn file_output(&self, file: File) -> String {
        match file {
            File::ReleaseCsv(slug) => format!("data/{slug}.csv"),
            File::ReleaseJson(slug) => format!("data/{slug}.json"),
            File::IndicatorCsv(id) => format!("data/indicators/{id}.csv"),
            File::ReleaseXlsx { slug, lang } => {
                format!("{}data/{slug}.xlsx", self.language_folder(lang))
            }
            File::IndicatorJson(id) => format!("data/indicators/{id}.json"),
            File::IndicatorXlsx { id, lang } => {
                format!("{}data/indicators/{id}.xlsx", self.language_folder(lang))
            }
            File::AllCsv => "data/all.csv".into(),
            File::SdmxCsv => "data/sdmx/all.csv".into(),
            File::DataPackage => "data/datapackage.json".into(),
            File::TableSchema => "data/schema.json".into(),
            File::RevisionsCsv => "data/revisions.csv".into(),
            File::ChartCsv { page, chart, lang } => {
                format!("{}{chart}.{lang}.csv", page.charts_folder())
            }
            File::Pdf { slug, lang } => format!("{}pdf/{slug}.pdf", self.language_folder(lang)),
            File::Static(name) => format!("{STATIC}{name}"),
            File::Feed(lang) => format!("{}feed.xml", self.language_folder(lang)),
            File::CalendarFeed(lang) => format!("{}calendar.ics", self.language_folder(lang)),
            File::Sitemap => "sitemap.xml".into(),
            File::Robots => "robots.txt".into(),
            File::NotFound => "404.html".into(),
            File::NoJekyll => ".nojekyll".into(),
        }
    }

    /// A link to a file from the site's own pages: `/bantin/data/all.csv`.
    pub fn file_href(&self, file: File) -> String {
        format!("{}{}", self.base_path, self.file_output(file))
    }

    /// A file's absolute address.
    pub fn file_url(&self, file: File) -> String {
        format!("{}{}", self.base_url, self.file_output(file))
    }

    /// The folder of the search index, for its script: `/bantin/pagefind/`.
    pub fn pagefind_href(&self) -> String {
        format!("{}{PAGEFIND}", self.base_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses(base_url: &str) -> Addresses {
        let config = Config::parse(&format!(
            "base_url = \"{base_url}\"\nlanguages = [\"vi\", \"en\"]\n[title]\nvi = \"x\"\nen = \"x\"\n"
        ))
        .unwrap()
        .0;
        Addresses::new(&config)
    }

    #[test]
    fn pages_keep_the_promised_addresses() {
        let a = addresses("https://congthuong.haiphong.gov.vn/bantin/");
        assert_eq!(a.page_output("vi", Page::Home), "index.html");
        assert_eq!(
            a.page_output("en", Page::Release("2021-q1")),
            "en/2021-q1/index.html"
        );
        assert_eq!(
            a.page_href("vi", Page::Indicator("exports")),
            "/bantin/indicators/exports/"
        );
        assert_eq!(
            a.page_url("en", Page::Free("about")),
            "https://congthuong.haiphong.gov.vn/bantin/en/about/"
        );
        assert_eq!(a.page_href("en", Page::Archive), "/bantin/en/archive/");
        assert_eq!(a.page_href("vi", Page::Data), "/bantin/data/");
        assert_eq!(a.page_href("vi", Page::Search), "/bantin/search/");
        assert_eq!(
            a.page_href("en", Page::Indicators),
            "/bantin/en/indicators/"
        );
    }

    #[test]
    fn a_page_is_known_by_its_file() {
        assert_eq!(page_folder_of("index.html"), Some(""));
        assert_eq!(page_folder_of("en/2021-q1/index.html"), Some("en/2021-q1/"));
        assert_eq!(page_folder_of("static/xindex.html"), None);
        assert_eq!(page_folder_of("data/all.csv"), None);
    }

    #[test]
    fn files_keep_the_promised_addresses() {
        let a = addresses("https://x.vn/");
        assert_eq!(
            a.file_href(File::ReleaseCsv("2021-q1")),
            "/data/2021-q1.csv"
        );
        assert_eq!(a.file_href(File::ReleaseJson("2019")), "/data/2019.json");
        assert_eq!(
            a.file_href(File::IndicatorCsv("exports")),
            "/data/indicators/exports.csv"
        );
        assert_eq!(a.file_output(File::AllCsv), "data/all.csv");
        assert_eq!(
            a.file_output(File::ReleaseXlsx {
                slug: "2021-q1",
                lang: "vi"
            }),
            "data/2021-q1.xlsx"
        );
        assert_eq!(
            a.file_output(File::IndicatorXlsx {
                id: "exports",
                lang: "en"
            }),
            "en/data/indicators/exports.xlsx"
        );
        assert_eq!(a.file_output(File::SdmxCsv), "data/sdmx/all.csv");
        assert_eq!(a.file_output(File::DataPackage), "data/datapackage.json");
        assert_eq!(
            a.file_output(File::Pdf {
                slug: "2021-q1",
                lang: "vi"
            }),
            "pdf/2021-q1.pdf"
        );
        assert_eq!(
            a.file_href(File::Pdf {
                slug: "2021-q1",
                lang: "en"
            }),
            "/en/pdf/2021-q1.pdf"
        );
        assert_eq!(a.file_output(File::Feed("vi")), "feed.xml");
        assert_eq!(a.file_output(File::Feed("en")), "en/feed.xml");
        assert_eq!(a.file_url(File::Sitemap), "https://x.vn/sitemap.xml");
        assert_eq!(a.file_output(File::NotFound), "404.html");
        assert_eq!(
            a.file_output(File::ChartCsv {
                page: Page::Free("about"),
                chart: "growth",
                lang: "en"
            }),
            "data/charts/pages/about/growth.en.csv"
        );
        assert_eq!(pagefind_output("pagefind.js"), "pagefind/pagefind.js");
        assert_eq!(search_part("vi", "2021-q1/"), "vi-2020");
        assert_eq!(search_part("en", "en/2024-12/"), "en-2020");
        assert_eq!(search_part("en", "en/2025-h1/"), "en-2025");
        assert_eq!(search_part("vi", "indicators/exports/"), "vi");
        assert_eq!(search_part("vi", ""), "vi");
        assert_eq!(search_part("", "about/"), "und");
        assert_eq!(search_part("x\"/", "about/"), "und");
        assert_eq!(
            search_part_output("vi-2020", "pagefind-entry.json"),
            "pagefind/vi-2020/pagefind-entry.json"
        );
        assert_eq!(a.file_href(File::Static("style.css")), "/static/style.css");
    }
}

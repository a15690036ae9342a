//! What a template sees: one typed context per page ([`PageContext`]),
//! made of what every page of the language shares ([`LangShared`]) and
//! what the page itself shows (one view type per kind of page, in
//! [`super::pages`]). Every variable a template may use is a field here,
//! so the theme's interface is written down in one place.

use serde::Serialize;
use tera::{Context, Value};

use super::assets::AssetUrls;
use super::theme::Theme;
use super::words::Words;
use crate::address::{Addresses, File, Page};
use crate::diagnostic::Diagnostic;
use crate::site::{FreePage, Site};

/// What is the same on every page of one language, made once per build.
pub(super) struct LangShared<'a> {
    pub lang: String,
    /// The theme's UI strings (`t.nav.home`).
    t: Value,
    /// The site's title, assets and addresses ([`SiteView`]).
    site: Value,
    /// The menu: label and page.
    nav: Vec<(String, Page<'a>)>,
}

/// `site.*` in templates.
#[derive(Serialize)]
struct SiteView {
    title: String,
    publisher: String,
    description: String,
    home: String,
    css: String,
    charts_js: String,
    echarts_js: String,
    favicon: String,
    base_url: String,
    /// The language's Atom feed.
    feed: String,
    /// The language's search page; empty when the site has none.
    search: String,
    search_js: String,
    /// The folder of the search index and its script.
    pagefind: String,
    /// The path of base_url: `/` or `/bantin/`.
    base_path: String,
}

/// An entry of the menu.
#[derive(Serialize)]
struct NavItem {
    label: String,
    href: String,
    current: bool,
}

/// The same page in another language (or this one, `current`).
#[derive(Serialize)]
pub(super) struct Alternate {
    lang: String,
    href: String,
    label: String,
    path: String,
    current: bool,
}

impl<'a> LangShared<'a> {
    pub fn new(
        site: &'a Site,
        theme: &Theme,
        lang: &str,
        addr: &Addresses,
        assets: &AssetUrls,
    ) -> LangShared<'a> {
        let locale = &theme.locales[lang];
        let words = Words {
            locale,
            fallback: &site.config.default_language,
        };
        let mut nav = vec![
            (words.t("nav.home").to_owned(), Page::Home),
            (words.t("nav.archive").to_owned(), Page::Archive),
            (words.t("nav.indicators").to_owned(), Page::Indicators),
            (words.t("nav.data").to_owned(), Page::Data),
        ];
        if site.calendar.is_some() {
            nav.push((words.t("nav.calendar").to_owned(), Page::Calendar));
        }
        for p in &site.pages {
            nav.push((free_page_title(p, &words), Page::Free(&p.slug)));
        }
        let c = &site.config;
        let d = &c.default_language;
        let view = SiteView {
            title: c.title.get_or(lang, d).to_owned(),
            publisher: c.publisher.get_or(lang, d).to_owned(),
            description: c.description.get_or(lang, d).to_owned(),
            home: addr.page_href(lang, Page::Home),
            css: assets.css.clone(),
            charts_js: assets.charts_js.clone(),
            echarts_js: assets.echarts_js.clone(),
            favicon: assets.favicon.clone(),
            base_url: addr.base_url().to_owned(),
            feed: addr.file_href(File::Feed(lang)),
            search: if c.search {
                addr.page_href(lang, Page::Search)
            } else {
                String::new()
            },
            search_js: assets.search_js.clone(),
            pagefind: addr.pagefind_href(),
            base_path: addr.base_path().to_owned(),
        };
        LangShared {
            lang: lang.to_owned(),
            t: Value::from_serializable(locale.strings.as_table()),
            site: Value::from_serializable(&view),
            nav,
        }
    }

    /// The UI strings, for partials rendered on their own.
    pub fn strings(&self) -> &Value {
        &self.t
    }

    /// The context of a page: the shared part, then the page's own.
    /// `current` is the page, to mark its menu entry.
    pub fn context<P: Serialize>(
        &self,
        addr: &Addresses,
        current: Option<Page>,
        page: &PageContext<P>,
    ) -> Result<Context, Diagnostic> {
        let mut ctx = Context::from_serialize(page).map_err(|e| {
            Diagnostic::error(
                "(theme)",
                crate::msg!("template-context", detail = e.to_string()),
            )
            .rule(crate::diagnostic::Rule::Theme)
        })?;
        // Inserted as values: they are built once and shared by every
        // page of the language.
        ctx.insert_value("t", self.t.clone());
        ctx.insert_value("site", self.site.clone());
        ctx.insert("lang", &self.lang);
        let nav: Vec<NavItem> = self
            .nav
            .iter()
            .map(|(label, page)| NavItem {
                label: label.clone(),
                href: addr.page_href(&self.lang, *page),
                current: Some(*page) == current,
            })
            .collect();
        ctx.insert("nav", &nav);
        Ok(ctx)
    }
}

/// Everything a page's template sees besides `t`, `site`, `lang` and
/// `nav`: the head (title, description, canonical and language links)
/// and, flattened beside it, the page's own view.
#[derive(Serialize)]
pub(super) struct PageContext<P: Serialize> {
    pub title: String,
    pub description: String,
    /// The page's absolute address; none on the 404 page, which has no
    /// address of its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    pub alternates: Vec<Alternate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x_default: Option<String>,
    /// The legend of the "missing" symbol under tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_legend: Option<String>,
    pub has_charts: bool,
    /// Open Graph's type: `article` for a release, else `website`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub og_type: Option<&'static str>,
    #[serde(flatten)]
    pub page: P,
}

/// Links to the same page in every language.
pub(super) fn alternates(
    site: &Site,
    theme: &Theme,
    addr: &Addresses,
    lang: &str,
    page: Page,
) -> Vec<Alternate> {
    site.config
        .languages
        .iter()
        .map(|l| Alternate {
            lang: l.clone(),
            href: addr.page_url(l, page),
            path: addr.page_href(l, page),
            label: theme.locales[l].t("language_name").to_owned(),
            current: l == lang,
        })
        .collect()
}

/// A free page's title in a language: its text's, else its default
/// language's, else its name made readable (`about-us` → `About us`).
pub(super) fn free_page_title(p: &FreePage, words: &Words) -> String {
    p.texts
        .get(words.lang())
        .or_else(|| p.texts.get(words.fallback))
        .or_else(|| p.texts.values().next())
        .and_then(|n| n.title.clone())
        .unwrap_or_else(|| {
            let mut s = p.slug.replace('-', " ");
            if let Some(first) = s.get(..1) {
                s = first.to_uppercase() + &s[1..];
            }
            s
        })
}

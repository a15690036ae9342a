//! Render: every page in every language, through the theme's templates.
//! Templates are compiled once per build; pages render in parallel; what
//! is the same for every page of a language is built once.

pub mod charts;
pub mod feeds;
pub mod theme;
pub mod urls;
pub mod vendor;
pub mod views;
pub mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::catalog::Indicator;
use crate::check::{self, Resolved};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::locale::fill;
use crate::narrative::{Func, Narrative};
use crate::opendata;
use crate::period::{Kind, Period};
use crate::site::{Bulletin, Page, Site};
use charts::{ChartView, PageCharts};
use theme::Theme;
use urls::Urls;
use views::{Link, TableView};
use words::Words;

/// A file of the finished site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    /// HTML pages written per language.
    pub pages: BTreeMap<String, usize>,
}

/// The pages of a site, in any language.
#[derive(Debug, Clone, Copy)]
enum PageRef<'a> {
    Home,
    Archive,
    Bulletin(&'a Bulletin),
    Page(&'a Page),
    Indicators,
    Indicator(&'a Indicator),
    Data,
    Search,
}

impl PageRef<'_> {
    fn rel(&self) -> String {
        match self {
            PageRef::Home => String::new(),
            PageRef::Archive => "archive/".into(),
            PageRef::Bulletin(b) => format!("{}/", b.slug()),
            PageRef::Page(p) => format!("{}/", p.slug),
            PageRef::Indicators => "indicators/".into(),
            PageRef::Indicator(i) => format!("indicators/{}/", i.id),
            PageRef::Data => "data/".into(),
            PageRef::Search => "search/".into(),
        }
    }
    fn template(&self) -> &'static str {
        match self {
            PageRef::Home => "home.html",
            PageRef::Archive => "archive.html",
            PageRef::Bulletin(_) => "bulletin.html",
            PageRef::Page(_) => "page.html",
            PageRef::Indicators => "indicators.html",
            PageRef::Indicator(_) => "indicator.html",
            PageRef::Data => "data.html",
            PageRef::Search => "search.html",
        }
    }
    /// Folder of the page's chart files under `data/charts/`.
    fn chart_folder(&self) -> String {
        match self {
            PageRef::Bulletin(b) => b.slug(),
            PageRef::Indicator(i) => format!("indicators/{}", i.id),
            PageRef::Page(p) => format!("pages/{}", p.slug),
            _ => "site".into(),
        }
    }
}

/// What is the same on every page of one language.
struct LangShared {
    t: Value,
    site: Value,
    nav: Vec<(String, String)>,
}

impl LangShared {
    /// The context every page of the language starts from; `current` is
    /// the page's address, to mark its menu entry.
    fn context(&self, urls: &Urls, lang: &str, current: Option<&str>) -> Context {
        let mut ctx = Context::new();
        ctx.insert_value("t", self.t.clone());
        ctx.insert_value("site", self.site.clone());
        ctx.insert("lang", lang);
        let nav: Vec<NavItem> = self
            .nav
            .iter()
            .map(|(label, r)| NavItem {
                label: label.clone(),
                href: urls.path(lang, r),
                current: Some(r.as_str()) == current,
            })
            .collect();
        ctx.insert("nav", &nav);
        ctx
    }
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    href: String,
    label: String,
    path: String,
    current: bool,
}

#[derive(Serialize)]
struct NavItem {
    label: String,
    href: String,
    current: bool,
}

/// What one edit of a release touches, for `bantin serve`: these pages
/// are rendered again, with the lists (home, archive, indicators, open
/// data page) and the open data files of these releases and indicators.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Release pages, by slug.
    pub bulletins: BTreeSet<String>,
    /// Indicator pages and series files, by id.
    pub indicators: BTreeSet<String>,
    /// Free pages, by slug.
    pub pages: BTreeSet<String>,
    /// Releases whose CSV and JSON are written again, by slug.
    pub data: BTreeSet<String>,
    /// Whether figures changed: `all.csv` is written again.
    pub figures: bool,
}

/// Renders every page and file of the site.
pub fn render(site: &Site, theme: &Theme) -> Result<Rendered, Diagnostics> {
    render_some(site, theme, None)
}

/// Renders what `selection` names, and the pages listing releases; or
/// everything, static files included, without a selection.
pub fn render_some(
    site: &Site,
    theme: &Theme,
    selection: Option<&Selection>,
) -> Result<Rendered, Diagnostics> {
    let urls = Urls::new(&site.config);
    let assets = AssetUrls::new(theme, &urls);
    let langs = &site.config.languages;
    let indicators = opendata::indicators_with_data(site);

    let shared: BTreeMap<&str, LangShared> = langs
        .iter()
        .map(|lang| {
            let locale = &theme.locales[lang];
            let words = Words {
                locale,
                fallback: &site.config.default_language,
            };
            let mut nav = vec![
                (words.t("nav.home").to_owned(), String::new()),
                (words.t("nav.archive").to_owned(), "archive/".to_owned()),
                (
                    words.t("nav.indicators").to_owned(),
                    "indicators/".to_owned(),
                ),
                (words.t("nav.data").to_owned(), "data/".to_owned()),
            ];
            for p in &site.pages {
                nav.push((page_title(p, &words), format!("{}/", p.slug)));
            }
            let site_view = site_view(site, lang, &urls, &assets);
            (
                lang.as_str(),
                LangShared {
                    t: Value::from_serializable(locale.strings.as_table()),
                    site: site_view,
                    nav,
                },
            )
        })
        .collect();

    let wanted = |page: &PageRef| match (selection, page) {
        (None, _) => true,
        (Some(sel), PageRef::Bulletin(b)) => sel.bulletins.contains(&b.slug()),
        (Some(sel), PageRef::Indicator(i)) => sel.indicators.contains(&i.id),
        (Some(sel), PageRef::Page(p)) => sel.pages.contains(&p.slug),
        (Some(_), _) => true,
    };
    let mut jobs: Vec<(&str, PageRef)> = Vec::new();
    for lang in langs {
        jobs.push((lang, PageRef::Home));
        jobs.push((lang, PageRef::Archive));
        jobs.extend(
            site.bulletins
                .iter()
                .map(|b| (lang.as_str(), PageRef::Bulletin(b))),
        );
        jobs.extend(site.pages.iter().map(|p| (lang.as_str(), PageRef::Page(p))));
        jobs.push((lang, PageRef::Indicators));
        jobs.extend(
            indicators
                .iter()
                .map(|i| (lang.as_str(), PageRef::Indicator(i))),
        );
        jobs.push((lang, PageRef::Data));
        if site.config.search {
            jobs.push((lang, PageRef::Search));
        }
    }
    // Every page of the site, for the sitemap, before the selection. The
    // search page has nothing for a search engine.
    let all_pages: Vec<(String, String)> = jobs
        .iter()
        .filter(|(_, page)| !matches!(page, PageRef::Search))
        .map(|(lang, page)| ((*lang).to_owned(), page.rel()))
        .collect();
    jobs.retain(|(_, page)| wanted(page));

    let problems = Mutex::new(Diagnostics::new());
    let mut files: Vec<OutputFile> = jobs
        .par_iter()
        .flat_map_iter(|(lang, page)| {
            let r = render_page(site, theme, &urls, &shared, lang, *page);
            match r {
                Ok((html, mut extra)) => {
                    extra.push(OutputFile {
                        path: format!("{}index.html", urls.rel(lang, &page.rel())),
                        bytes: html.into_bytes(),
                    });
                    extra
                }
                Err(d) => {
                    problems.lock().unwrap_or_else(|e| e.into_inner()).push(d);
                    Vec::new()
                }
            }
        })
        .collect();
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .deduplicated();

    if selection.is_none() {
        match render_404(site, theme, &urls, &shared) {
            Ok(html) => files.push(OutputFile {
                path: "404.html".into(),
                bytes: html.into_bytes(),
            }),
            Err(d) => problems.push(d),
        }
        files.extend(static_files(theme));
        // GitHub Pages would otherwise run the site through Jekyll.
        files.push(OutputFile {
            path: ".nojekyll".into(),
            bytes: Vec::new(),
        });
    }
    // The sitemap and feeds list every release: always written again.
    files.push(OutputFile {
        path: "sitemap.xml".into(),
        bytes: feeds::sitemap(&urls, &site.config.default_language, &all_pages).into_bytes(),
    });
    files.push(OutputFile {
        path: "robots.txt".into(),
        bytes: feeds::robots(&urls).into_bytes(),
    });
    for lang in langs {
        let words = Words {
            locale: &theme.locales[lang],
            fallback: &site.config.default_language,
        };
        let summary = |b: &Bulletin| cards_summary(site, b, &words, &urls);
        files.push(OutputFile {
            path: urls.rel(lang, "feed.xml"),
            bytes: feeds::atom(site, &urls, &words, &summary).into_bytes(),
        });
    }
    let titles = site
        .bulletins
        .iter()
        .filter(|b| selection.is_none_or(|sel| sel.data.contains(&b.slug())))
        .map(|b| {
            let per_lang = langs
                .iter()
                .map(|l| {
                    let words = Words {
                        locale: &theme.locales[l],
                        fallback: &site.config.default_language,
                    };
                    (l.clone(), views::bulletin_title(b, &words))
                })
                .collect();
            (b.slug(), per_lang)
        })
        .collect();
    let part = match selection {
        None => opendata::Part::All,
        Some(sel) => opendata::Part::Some {
            releases: &sel.data,
            indicators: &sel.indicators,
            all: sel.figures,
        },
    };
    files.extend(opendata::files(site, &urls, &titles, part));
    if problems.has_errors() {
        return Err(problems);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut pages = BTreeMap::new();
    for (lang, _) in &jobs {
        *pages.entry((*lang).to_owned()).or_insert(0) += 1;
    }
    Ok(Rendered { files, pages })
}

/// The theme's static files and the vendored ones.
fn static_files(theme: &Theme) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = theme
        .assets
        .iter()
        .map(|(name, bytes)| OutputFile {
            path: format!("static/{name}"),
            bytes: bytes.clone(),
        })
        .collect();
    for (path, bytes) in vendor::files() {
        files.push(OutputFile {
            path,
            bytes: bytes.to_vec(),
        });
    }
    files
}

fn short_hash(bytes: &[u8]) -> String {
    // FNV-1a: a stable fingerprint for cache-busting, not security.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", h as u32)
}

/// Addresses of the site's own scripts and styles, with a fingerprint of
/// their content so a new version is never hidden by a cache.
struct AssetUrls {
    css: String,
    charts_js: String,
    echarts_js: String,
    search_js: String,
    favicon: String,
}

impl AssetUrls {
    fn new(theme: &Theme, urls: &Urls) -> AssetUrls {
        let versioned = |name: &str| {
            let v = theme
                .assets
                .get(name)
                .map(|b| short_hash(b))
                .unwrap_or_default();
            format!("{}?v={v}", urls.file(&format!("static/{name}")))
        };
        AssetUrls {
            css: versioned("style.css"),
            charts_js: versioned("charts.js"),
            echarts_js: urls.file(&vendor::echarts_path()),
            search_js: versioned("search.js"),
            favicon: versioned("favicon.svg"),
        }
    }
}

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

fn site_view(site: &Site, lang: &str, urls: &Urls, assets: &AssetUrls) -> Value {
    let c = &site.config;
    let d = &c.default_language;
    Value::from_serializable(&SiteView {
        title: c.title.get_or(lang, d).to_owned(),
        publisher: c.publisher.get_or(lang, d).to_owned(),
        description: c.description.get_or(lang, d).to_owned(),
        home: urls.path(lang, ""),
        css: assets.css.clone(),
        charts_js: assets.charts_js.clone(),
        echarts_js: assets.echarts_js.clone(),
        favicon: assets.favicon.clone(),
        base_url: urls.base_url.clone(),
        feed: urls.path(lang, "feed.xml"),
        search: if c.search {
            urls.path(lang, "search/")
        } else {
            String::new()
        },
        search_js: assets.search_js.clone(),
        pagefind: urls.file(crate::search::FOLDER),
        base_path: urls.base_path.clone(),
    })
}

fn page_title(p: &Page, words: &Words) -> String {
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

/// One page in one language: its HTML, and the chart files it links to.
fn render_page(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    shared: &BTreeMap<&str, LangShared>,
    lang: &str,
    page: PageRef,
) -> Result<(String, Vec<OutputFile>), Diagnostic> {
    let locale = &theme.locales[lang];
    let words = Words {
        locale,
        fallback: &site.config.default_language,
    };
    let sh = &shared[lang];
    let rel = page.rel();
    let mut ctx = sh.context(urls, lang, Some(&rel));
    ctx.insert("canonical", &urls.abs(lang, &rel));
    ctx.insert("alternates", &alternates(site, theme, urls, lang, &rel));
    ctx.insert("x_default", &urls.abs(&site.config.default_language, &rel));
    ctx.insert("missing_legend", words.t("missing_legend"));
    let mut charts = PageCharts::new(site, &words, urls, page.chart_folder());
    let out = Out {
        site,
        theme,
        urls,
        words: &words,
        t: &sh.t,
    };

    let (title, description) = match page {
        PageRef::Home => {
            let latest = site.latest();
            ctx.insert("years", &views::years(site, &words, urls));
            if let Some(b) = latest {
                ctx.insert("latest", &views::release_item(b, &words, urls));
                ctx.insert("cards", &views::cards(site, b, &words, urls));
            }
            let title = site
                .config
                .title
                .get_or(lang, &site.config.default_language)
                .to_owned();
            let desc = latest
                .map(|b| cards_summary(site, b, &words, urls))
                .unwrap_or_default();
            (title, desc)
        }
        PageRef::Archive => {
            ctx.insert("years", &views::years(site, &words, urls));
            (
                words.t("archive.title").to_owned(),
                words.t("archive.intro").to_owned(),
            )
        }
        PageRef::Bulletin(b) => bulletin_context(&out, b, &mut charts, &mut ctx)?,
        PageRef::Page(p) => {
            let title = page_title(p, &words);
            let text = p.texts.get(lang);
            let html = match text {
                Some(n) => narrative_html(&out, n, None, &mut charts)?,
                None => String::new(),
            };
            ctx.insert("html", &html);
            ctx.insert("has_text", &text.is_some());
            ctx.insert(
                "other_texts",
                &other_texts(theme, urls, &p.texts, lang, &rel),
            );
            let desc = text.and_then(|n| n.summary.clone()).unwrap_or_default();
            (title, desc)
        }
        PageRef::Indicators => {
            ctx.insert("indicators", &views::indicator_list(site, &words, urls));
            (
                words.t("indicators.title").to_owned(),
                words.t("indicators.intro").to_owned(),
            )
        }
        PageRef::Indicator(ind) => {
            let mut sections = Vec::new();
            for kind in Kind::ALL {
                if let Some(data) = charts::kind_series(site, ind, kind, &words, urls) {
                    sections.push(SeriesSection {
                        heading: words.t(views::series_key(kind)).to_owned(),
                        chart: charts.view(&data),
                    });
                }
            }
            let view = views::indicator_view(ind, &words, urls);
            let desc = if view.definition.is_empty() {
                fill(
                    words.t("indicator.description"),
                    &[("indicator", &view.name)],
                )
            } else {
                view.definition.clone()
            };
            ctx.insert("indicator", &view);
            ctx.insert("indicators_href", &urls.path(lang, "indicators/"));
            ctx.insert("sections", &sections);
            (view.name.clone(), desc)
        }
        PageRef::Data => {
            ctx.insert("data", &views::data_page(site, &words, urls));
            (
                words.t("data.title").to_owned(),
                words.t("data.intro").to_owned(),
            )
        }
        PageRef::Search => {
            ctx.insert("search_page", &true);
            (
                words.t("search.title").to_owned(),
                words.t("search.intro").to_owned(),
            )
        }
    };
    ctx.insert("title", &title);
    ctx.insert("description", &description);
    ctx.insert("has_charts", &!charts.files.is_empty());
    let html = theme
        .tera
        .render(page.template(), &ctx)
        .map_err(|e| theme.diagnose(&e))?;
    Ok((html, charts.files))
}

/// What rendering one page in one language needs at hand.
struct Out<'a> {
    site: &'a Site,
    theme: &'a Theme,
    urls: &'a Urls,
    words: &'a Words<'a>,
    /// The UI strings, for partials rendered on their own.
    t: &'a Value,
}

impl Out<'_> {
    fn partial(&self, name: &str, fill: impl FnOnce(&mut Context)) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert_value("t", self.t.clone());
        ctx.insert("missing_legend", self.words.t("missing_legend"));
        fill(&mut ctx);
        self.theme
            .tera
            .render(name, &ctx)
            .map_err(|e| self.theme.diagnose(&e))
    }
}

#[derive(Serialize)]
struct SeriesSection {
    heading: String,
    chart: ChartView,
}

/// Links to the same page in every language.
fn alternates(site: &Site, theme: &Theme, urls: &Urls, lang: &str, rel: &str) -> Vec<Alternate> {
    site.config
        .languages
        .iter()
        .map(|l| Alternate {
            lang: l.clone(),
            href: urls.abs(l, rel),
            path: urls.path(l, rel),
            label: theme.locales[l].t("language_name").to_owned(),
            current: l == lang,
        })
        .collect()
}

/// The languages a text exists in, other than `lang`.
fn other_texts(
    theme: &Theme,
    urls: &Urls,
    texts: &BTreeMap<String, Narrative>,
    lang: &str,
    rel: &str,
) -> Vec<Link> {
    texts
        .keys()
        .filter(|l| *l != lang)
        .map(|l| Link {
            label: theme
                .locales
                .get(l)
                .map_or(l.as_str(), |x| x.t("language_name"))
                .to_owned(),
            href: urls.path(l, rel),
        })
        .collect()
}

fn cards_summary(site: &Site, b: &Bulletin, words: &Words, urls: &Urls) -> String {
    let period = words.locale.period_title(b.period());
    let parts: Vec<String> = views::cards(site, b, words, urls)
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

fn bulletin_context(
    out: &Out,
    b: &Bulletin,
    charts: &mut PageCharts,
    ctx: &mut Context,
) -> Result<(String, String), Diagnostic> {
    let (site, theme, urls, words) = (out.site, out.theme, out.urls, out.words);
    let lang = words.lang();
    let rel = format!("{}/", b.slug());
    ctx.insert("og_type", "article");
    let item = views::release_item(b, words, urls);
    // The automatic chart first: it is the first chart on the page.
    let growth = charts::growth(site, b, words, urls).map(|d| charts.view(&d));
    let narrative = b.narratives.get(lang);
    let html = match narrative {
        Some(n) => narrative_html(out, n, Some(b.period()), charts)?,
        None => String::new(),
    };
    let (prev, next) = site.neighbours(b);
    let link = |x: &Bulletin| Link {
        label: words.locale.period_title(x.period()),
        href: urls.path(lang, &format!("{}/", x.slug())),
    };
    let latest = site.latest_of_kind(b);
    let banner = (latest.period() != b.period()).then(|| Link {
        label: fill(
            words.t("bulletin.see_latest"),
            &[("title", &words.locale.period_title(latest.period()))],
        ),
        href: urls.path(lang, &format!("{}/", latest.slug())),
    });
    let breakdowns: Vec<TableView> = b
        .data
        .breakdowns
        .iter()
        .map(|bd| views::breakdown_table(bd, b.period(), words))
        .collect();
    ctx.insert("release", &item);
    ctx.insert("cards", &views::cards(site, b, words, urls));
    ctx.insert("growth_chart", &growth);
    ctx.insert("html", &html);
    ctx.insert("has_text", &narrative.is_some());
    ctx.insert("data_only", &b.narratives.is_empty());
    ctx.insert(
        "other_texts",
        &other_texts(theme, urls, &b.narratives, lang, &rel),
    );
    ctx.insert("figures", &views::figures_table(site, b, words, urls));
    ctx.insert("breakdowns", &breakdowns);
    ctx.insert(
        "downloads",
        &views::Downloads {
            csv: urls.file(&format!("data/{}.csv", b.slug())),
            json: urls.file(&format!("data/{}.json", b.slug())),
            about: urls.path(lang, "data/"),
        },
    );
    ctx.insert("previous", &prev.map(link));
    ctx.insert("next", &next.map(link));
    ctx.insert("latest_banner", &banner);
    // The description (search results, link previews, the feed) gives the
    // main points: the figures are what readers look for. A release
    // without figures among its key indicators falls back to the editor's
    // summary.
    let points = cards_summary(site, b, words, urls);
    let summary = narrative.and_then(|n| n.summary.clone());
    let description = match summary {
        Some(s) if points.is_empty() => s,
        _ => points,
    };
    Ok((item.title, description))
}

/// A narrative's HTML, its calls filled in this language.
fn narrative_html(
    out: &Out,
    n: &Narrative,
    here: Option<&Period>,
    charts: &mut PageCharts,
) -> Result<String, Diagnostic> {
    let (site, urls, words) = (out.site, out.urls, out.words);
    let mut parts = Vec::with_capacity(n.calls.len());
    for (i, call) in n.calls.iter().enumerate() {
        let resolved = check::resolve(site, n, call, here)?;
        let chart = match (&resolved, call.func) {
            (Resolved::Breakdown { id, period }, Func::Chart) => site
                .bulletin(period)
                .and_then(|b| b.data.breakdown(id))
                .and_then(|bd| charts::breakdown(bd, period, words)),
            (Resolved::Trend { indicator, period }, Func::Chart) => {
                charts::trend(site, indicator, period, words, urls)
            }
            _ => None,
        };
        let html = match call.func {
            Func::Value | Func::Change => {
                let text = views::resolved_text(site, &resolved, call.func == Func::Change, words)
                    .unwrap_or_default();
                escape_html(&text)
            }
            Func::Chart | Func::Table => {
                match (chart, views::resolved_table(site, &resolved, words, urls)) {
                    (Some(data), _) => {
                        let view = charts.view(&data);
                        out.partial("partials/chart.html", |ctx| {
                            ctx.insert("chart", &view);
                            ctx.insert("show_table", &false);
                        })?
                    }
                    (None, Some(mut table)) => out.partial("partials/figure.html", |ctx| {
                        // The same table may show in the page's own
                        // sections, or twice in the text: ids stay unique.
                        table.id = format!("{}-text{}", table.id, i + 1);
                        ctx.insert("table", &table);
                        ctx.insert("kind", call.func.name());
                    })?,
                    (None, None) => String::new(),
                }
            }
        };
        parts.push(html);
    }
    Ok(n.to_html(&urls.base_path, &|i| {
        parts.get(i).cloned().unwrap_or_default()
    }))
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// One 404 page for the whole site (servers serve one), in the default
/// language with a line in each other.
fn render_404(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    shared: &BTreeMap<&str, LangShared>,
) -> Result<String, Diagnostic> {
    let lang = site.config.default_language.as_str();
    let sh = &shared[lang];
    let mut ctx = sh.context(urls, lang, None);
    ctx.insert("title", theme.locales[lang].t("notfound.title"));
    ctx.insert("description", "");
    ctx.insert("alternates", &Vec::<Alternate>::new());
    #[derive(Serialize)]
    struct Other {
        lang: String,
        title: String,
        text: String,
        home: String,
        home_label: String,
    }
    let others: Vec<Other> = site.config.languages[1..]
        .iter()
        .map(|l| {
            let t = &theme.locales[l];
            Other {
                lang: l.clone(),
                title: t.t("notfound.title").to_owned(),
                text: t.t("notfound.text").to_owned(),
                home: urls.path(l, ""),
                home_label: t.t("notfound.home").to_owned(),
            }
        })
        .collect();
    ctx.insert("others", &others);
    theme
        .tera
        .render("404.html", &ctx)
        .map_err(|e| theme.diagnose(&e))
}

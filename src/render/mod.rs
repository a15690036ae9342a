//! Render: every page in every language, through the theme's templates.
//! Templates are compiled once per build; pages render in parallel; what
//! is the same for every page of a language is built once.

pub mod theme;
pub mod urls;
pub mod views;
pub mod words;

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::check;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::locale::fill;
use crate::narrative::{Func, Narrative};
use crate::period::Period;
use crate::site::{Bulletin, Page, Site};
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
}

impl PageRef<'_> {
    fn rel(&self) -> String {
        match self {
            PageRef::Home => String::new(),
            PageRef::Archive => "archive/".into(),
            PageRef::Bulletin(b) => format!("{}/", b.slug()),
            PageRef::Page(p) => format!("{}/", p.slug),
        }
    }
    fn template(&self) -> &'static str {
        match self {
            PageRef::Home => "home.html",
            PageRef::Archive => "archive.html",
            PageRef::Bulletin(_) => "bulletin.html",
            PageRef::Page(_) => "page.html",
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

pub fn render(site: &Site, theme: &Theme) -> Result<Rendered, Diagnostics> {
    let urls = Urls::new(&site.config);
    let css_version = theme
        .assets
        .get("style.css")
        .map(|b| short_hash(b))
        .unwrap_or_default();
    let langs = &site.config.languages;

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
            ];
            for p in &site.pages {
                nav.push((page_title(p, &words), format!("{}/", p.slug)));
            }
            let site_view = site_view(site, lang, &urls, &css_version);
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
    }

    let problems = Mutex::new(Diagnostics::new());
    let mut files: Vec<OutputFile> = jobs
        .par_iter()
        .filter_map(|(lang, page)| {
            let r = render_page(site, theme, &urls, &shared, lang, *page);
            match r {
                Ok(html) => Some(OutputFile {
                    path: format!("{}index.html", urls.rel(lang, &page.rel())),
                    bytes: html.into_bytes(),
                }),
                Err(d) => {
                    problems.lock().unwrap_or_else(|e| e.into_inner()).push(d);
                    None
                }
            }
        })
        .collect();
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .deduplicated();

    match render_404(site, theme, &urls, &shared) {
        Ok(html) => files.push(OutputFile {
            path: "404.html".into(),
            bytes: html.into_bytes(),
        }),
        Err(d) => problems.push(d),
    }
    for (name, bytes) in &theme.assets {
        files.push(OutputFile {
            path: format!("static/{name}"),
            bytes: bytes.clone(),
        });
    }
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

fn short_hash(bytes: &[u8]) -> String {
    // FNV-1a: a stable fingerprint for cache-busting, not security.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", h as u32)
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    publisher: String,
    description: String,
    home: String,
    css: String,
    base_url: String,
}

fn site_view(site: &Site, lang: &str, urls: &Urls, css_version: &str) -> Value {
    let c = &site.config;
    let d = &c.default_language;
    Value::from_serializable(&SiteView {
        title: c.title.get_or(lang, d).to_owned(),
        publisher: c.publisher.get_or(lang, d).to_owned(),
        description: c.description.get_or(lang, d).to_owned(),
        home: urls.path(lang, ""),
        css: format!("{}?v={css_version}", urls.file("static/style.css")),
        base_url: urls.base_url.clone(),
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

fn render_page(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    shared: &BTreeMap<&str, LangShared>,
    lang: &str,
    page: PageRef,
) -> Result<String, Diagnostic> {
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

    let (title, description) = match page {
        PageRef::Home => {
            let latest = site.latest();
            ctx.insert("years", &views::years(site, &words, urls));
            if let Some(b) = latest {
                ctx.insert("latest", &views::release_item(b, &words, urls));
                ctx.insert("cards", &views::cards(site, b, &words));
            }
            let title = site
                .config
                .title
                .get_or(lang, &site.config.default_language)
                .to_owned();
            let desc = latest
                .map(|b| cards_summary(site, b, &words))
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
        PageRef::Bulletin(b) => bulletin_context(site, theme, urls, &words, b, &mut ctx)?,
        PageRef::Page(p) => {
            let title = page_title(p, &words);
            let text = p.texts.get(lang);
            let html = match text {
                Some(n) => narrative_html(site, theme, urls, &words, n, None)?,
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
    };
    ctx.insert("title", &title);
    ctx.insert("description", &description);
    theme
        .tera
        .render(page.template(), &ctx)
        .map_err(|e| theme.diagnose(&e))
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

fn cards_summary(site: &Site, b: &Bulletin, words: &Words) -> String {
    let period = words.locale.period_title(b.period());
    let parts: Vec<String> = views::cards(site, b, words)
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
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    words: &Words,
    b: &Bulletin,
    ctx: &mut Context,
) -> Result<(String, String), Diagnostic> {
    let lang = words.lang();
    let rel = format!("{}/", b.slug());
    let item = views::release_item(b, words, urls);
    let narrative = b.narratives.get(lang);
    let html = match narrative {
        Some(n) => narrative_html(site, theme, urls, words, n, Some(b.period()))?,
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
    ctx.insert("cards", &views::cards(site, b, words));
    ctx.insert("html", &html);
    ctx.insert("has_text", &narrative.is_some());
    ctx.insert("data_only", &b.narratives.is_empty());
    ctx.insert(
        "other_texts",
        &other_texts(theme, urls, &b.narratives, lang, &rel),
    );
    ctx.insert("figures", &views::figures_table(site, b, words));
    ctx.insert("breakdowns", &breakdowns);
    ctx.insert("previous", &prev.map(link));
    ctx.insert("next", &next.map(link));
    ctx.insert("latest_banner", &banner);
    let summary = narrative
        .and_then(|n| n.summary.clone())
        .unwrap_or_else(|| cards_summary(site, b, words));
    Ok((item.title, summary))
}

/// A narrative's HTML, its calls filled in this language.
fn narrative_html(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    words: &Words,
    n: &Narrative,
    here: Option<&Period>,
) -> Result<String, Diagnostic> {
    let mut parts = Vec::with_capacity(n.calls.len());
    for call in &n.calls {
        let resolved = check::resolve(site, n, call, here)?;
        let html = match call.func {
            Func::Value | Func::Change => {
                let text = views::resolved_text(site, &resolved, call.func == Func::Change, words)
                    .unwrap_or_default();
                escape_html(&text)
            }
            Func::Chart | Func::Table => {
                match views::resolved_table(site, &resolved, words, urls) {
                    Some(table) => {
                        let mut ctx = Context::new();
                        ctx.insert("table", &table);
                        ctx.insert("missing_legend", words.t("missing_legend"));
                        ctx.insert("kind", call.func.name());
                        theme
                            .tera
                            .render("partials/figure.html", &ctx)
                            .map_err(|e| theme.diagnose(&e))?
                    }
                    None => String::new(),
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

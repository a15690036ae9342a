//! One page in one language: the view of its kind of page, put in its
//! typed context and rendered through its template, with the chart files
//! it links to.

use std::collections::BTreeMap;

use serde::Serialize;

use super::charts::{self, ChartView, PageCharts};
use super::context::{LangShared, PageContext, alternates, free_page_title};
use super::print::{self, PrintSource};
use super::text::narrative_html;
use super::theme::Theme;
use super::views::{self, Card, DataPage, IndicatorView, Link, ReleaseItem, TableView, YearGroup};
use super::words::Words;
use super::{Job, PageRef};
use crate::address::{Addresses, File, Page};
use crate::diagnostic::Diagnostic;
use crate::locale::fill;
use crate::narrative::Narrative;
use crate::output::OutputFile;
use crate::period::Kind;
use crate::site::{Release, Site};

/// `home.html`.
#[derive(Serialize)]
struct HomeView {
    years: Vec<YearGroup>,
    /// The next release of any kind the calendar announces.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_release: Option<views::NextRelease>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest: Option<ReleaseItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cards: Option<Vec<Card>>,
}

/// `archive.html`.
#[derive(Serialize)]
struct ArchiveView {
    years: Vec<YearGroup>,
}

/// `bulletin.html`: one release.
#[derive(Serialize)]
struct ReleaseView {
    release: ReleaseItem,
    cards: Vec<Card>,
    /// The automatic chart of the main indicators' growth.
    growth_chart: Option<ChartView>,
    /// The narrative, its calls filled in.
    html: String,
    /// Whether the narrative exists in this language.
    has_text: bool,
    /// A release without any narrative.
    data_only: bool,
    other_texts: Vec<Link>,
    figures: TableView,
    breakdowns: Vec<TableView>,
    downloads: views::Downloads,
    previous: Option<Link>,
    next: Option<Link>,
    /// "See the latest release of this kind", on every release that is
    /// not the latest of its kind.
    latest_banner: Option<Link>,
    /// The next release of its kind, as the calendar announces it.
    next_release: Option<views::NextRelease>,
    /// The figures of earlier periods it states again.
    revisions: Option<TableView>,
}

/// `page.html`: a free page.
#[derive(Serialize)]
struct FreePageView {
    html: String,
    has_text: bool,
    other_texts: Vec<Link>,
}

/// `indicators.html`.
#[derive(Serialize)]
struct IndicatorsView {
    indicators: Vec<IndicatorView>,
}

/// `indicator.html`: one indicator's series, a section per kind of
/// period.
#[derive(Serialize)]
struct IndicatorPageView {
    indicator: IndicatorView,
    indicators_href: String,
    sections: Vec<SeriesSection>,
    /// Every version of its revised figures, when some were revised.
    vintages: Option<String>,
}

#[derive(Serialize)]
struct SeriesSection {
    heading: String,
    chart: ChartView,
}

/// `data.html`.
#[derive(Serialize)]
struct DataView {
    data: DataPage,
}

/// `calendar.html`.
#[derive(Serialize)]
struct CalendarView {
    calendar: views::CalendarPage,
}

/// `search.html`.
#[derive(Serialize)]
struct SearchView {
    /// Tells the layout to leave out the masthead's search box.
    search_page: bool,
}

/// `404.html`.
#[derive(Serialize)]
struct NotFoundView {
    others: Vec<NotFoundOther>,
}

/// The 404 page's line in another language.
#[derive(Serialize)]
struct NotFoundOther {
    lang: String,
    title: String,
    text: String,
    home: String,
    home_label: String,
}

/// What rendering one page in one language needs at hand.
pub(super) struct Out<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub addr: &'a Addresses,
    pub words: &'a Words<'a>,
    pub shared: &'a LangShared<'a>,
}

impl Out<'_> {
    /// A partial template rendered on its own (a chart or table inside a
    /// narrative).
    pub fn partial(
        &self,
        name: &str,
        fill: impl FnOnce(&mut tera::Context),
    ) -> Result<String, Diagnostic> {
        let mut ctx = tera::Context::new();
        ctx.insert_value("t", self.shared.strings().clone());
        ctx.insert("missing_legend", self.words.t("missing_legend"));
        fill(&mut ctx);
        self.theme
            .tera
            .render(name, &ctx)
            .map_err(|e| self.theme.diagnose(&e))
    }
}

/// What one page makes: its HTML file and the chart files it links to,
/// and for a release of a site with PDF editions, its print layout.
pub(super) struct PageMade {
    pub files: Vec<OutputFile>,
    pub print: Option<PrintSource>,
}

/// A page's HTML file and the chart files it links to (and a release's
/// print layout).
pub(super) fn render_page(
    site: &Site,
    theme: &Theme,
    addr: &Addresses,
    shared: &LangShared,
    job: Job,
) -> Result<PageMade, Diagnostic> {
    let lang = job.lang;
    let words = Words {
        locale: &theme.locales[lang],
        fallback: &site.config.default_language,
    };
    let page = job.page.address();
    let mut charts = PageCharts::new(site, &words, addr, page);
    let out = Out {
        site,
        theme,
        addr,
        words: &words,
        shared,
    };
    let head = |title: String, description: String| Head { title, description };
    let mut print = None;
    let html = match job.page {
        PageRef::Home => {
            let latest = site.latest();
            let next_release = site
                .calendar
                .as_ref()
                .and_then(|c| c.next(|p| site.release(p).is_some()))
                .map(|e| views::next_release(e, &words, addr));
            let view = HomeView {
                next_release,
                years: views::years(site, &words, addr),
                latest: latest.map(|b| views::release_item(b, &words, addr)),
                cards: latest.map(|b| views::cards(site, b, &words, addr)),
            };
            let title = site
                .config
                .title
                .get_or(lang, &site.config.default_language);
            let desc = latest
                .map(|b| views::cards_summary(site, b, &words, addr))
                .unwrap_or_default();
            out.page(job, head(title.to_owned(), desc), &charts, view)?
        }
        PageRef::Archive => {
            let view = ArchiveView {
                years: views::years(site, &words, addr),
            };
            let h = head(
                words.t("archive.title").into(),
                words.t("archive.intro").into(),
            );
            out.page(job, h, &charts, view)?
        }
        PageRef::Release(b) => {
            let (h, view) = release_view(&out, b, &mut charts)?;
            if site.config.pdf {
                print = Some(print::render(&out, b, &h.title, &h.description, &view)?);
            }
            out.page(job, h, &charts, &view)?
        }
        PageRef::Free(p) => {
            let text = p.texts.get(lang);
            let html = match text {
                Some(n) => narrative_html(&out, n, None, &mut charts)?,
                None => String::new(),
            };
            let view = FreePageView {
                html,
                has_text: text.is_some(),
                other_texts: other_texts(&out, &p.texts, page),
            };
            let desc = text.and_then(|n| n.summary.clone()).unwrap_or_default();
            out.page(job, head(free_page_title(p, &words), desc), &charts, view)?
        }
        PageRef::Indicators => {
            let view = IndicatorsView {
                indicators: views::indicator_list(site, &words, addr),
            };
            let h = head(
                words.t("indicators.title").into(),
                words.t("indicators.intro").into(),
            );
            out.page(job, h, &charts, view)?
        }
        PageRef::Indicator(ind) => {
            let mut sections = Vec::new();
            for kind in Kind::ALL {
                if let Some(data) = charts::kind_series(site, ind, kind, &words, addr) {
                    sections.push(SeriesSection {
                        heading: words.t(views::series_key(kind)).to_owned(),
                        chart: charts.view(&data),
                    });
                }
            }
            let indicator = views::indicator_view(ind, &words, addr);
            let desc = if indicator.definition.is_empty() {
                fill(
                    words.t("indicator.description"),
                    &[("indicator", &indicator.name)],
                )
            } else {
                indicator.definition.clone()
            };
            let h = head(indicator.name.clone(), desc);
            let revised = site.vintages.all().any(|((_, id, _), _)| *id == ind.id);
            let view = IndicatorPageView {
                vintages: revised.then(|| addr.file_href(File::RevisionsCsv)),
                indicator,
                indicators_href: addr.page_href(lang, Page::Indicators),
                sections,
            };
            out.page(job, h, &charts, view)?
        }
        PageRef::Data => {
            let view = DataView {
                data: views::data_page(site, &words, addr),
            };
            let h = head(words.t("data.title").into(), words.t("data.intro").into());
            out.page(job, h, &charts, view)?
        }
        PageRef::Calendar => {
            let Some(calendar) = &site.calendar else {
                return Ok(PageMade {
                    files: Vec::new(),
                    print: None,
                });
            };
            let view = CalendarView {
                calendar: views::calendar_page(site, calendar, &words, addr),
            };
            let h = head(
                words.t("calendar.title").into(),
                words.t("calendar.intro").into(),
            );
            out.page(job, h, &charts, view)?
        }
        PageRef::Search => {
            let view = SearchView { search_page: true };
            let h = head(
                words.t("search.title").into(),
                words.t("search.intro").into(),
            );
            out.page(job, h, &charts, view)?
        }
    };
    let mut files = charts.files;
    files.push(OutputFile {
        path: addr.page_output(lang, page),
        bytes: html.into_bytes(),
    });
    Ok(PageMade { files, print })
}

/// A page's title and description, for its head.
struct Head {
    title: String,
    description: String,
}

impl Out<'_> {
    /// Renders a page's template with its view.
    fn page<P: Serialize>(
        &self,
        job: Job,
        head: Head,
        charts: &PageCharts,
        view: P,
    ) -> Result<String, Diagnostic> {
        let (site, addr, lang) = (self.site, self.addr, job.lang);
        let page = job.page.address();
        let ctx = PageContext {
            title: head.title,
            description: head.description,
            canonical: Some(addr.page_url(lang, page)),
            alternates: alternates(site, self.theme, addr, lang, page),
            x_default: Some(addr.page_url(&site.config.default_language, page)),
            missing_legend: Some(self.words.t("missing_legend").to_owned()),
            has_charts: !charts.files.is_empty(),
            og_type: matches!(job.page, PageRef::Release(_)).then_some("article"),
            page: view,
        };
        let ctx = self.shared.context(addr, Some(page), &ctx)?;
        self.theme
            .tera
            .render(job.page.template(), &ctx)
            .map_err(|e| self.theme.diagnose(&e))
    }
}

/// The languages a text exists in, other than the page's.
fn other_texts(out: &Out, texts: &BTreeMap<String, Narrative>, page: Page) -> Vec<Link> {
    let lang = out.words.lang();
    texts
        .keys()
        .filter(|l| *l != lang)
        .map(|l| Link {
            label: out
                .theme
                .locales
                .get(l)
                .map_or(l.as_str(), |x| x.t("language_name"))
                .to_owned(),
            href: out.addr.page_href(l, page),
        })
        .collect()
}

/// A release's page: its head and view.
fn release_view(
    out: &Out,
    b: &Release,
    charts: &mut PageCharts,
) -> Result<(Head, ReleaseView), Diagnostic> {
    let (site, addr, words) = (out.site, out.addr, out.words);
    let lang = words.lang();
    let item = views::release_item(b, words, addr);
    // The automatic chart first: it is the first chart on the page.
    let growth = charts::growth(site, b, words, addr).map(|d| charts.view(&d));
    let narrative = b.narratives().get(lang);
    let html = match narrative {
        Some(n) => narrative_html(out, n, Some(b.period()), charts)?,
        None => String::new(),
    };
    let (prev, next) = site.neighbours(b);
    let link = |x: &Release| Link {
        label: words.locale.period_title(x.period()),
        href: addr.page_href(lang, Page::Release(x.slug())),
    };
    let latest = site.latest_of_kind(b);
    let latest_banner = (latest.period() != b.period()).then(|| Link {
        label: fill(
            words.t("bulletin.see_latest"),
            &[("title", &words.locale.period_title(latest.period()))],
        ),
        href: addr.page_href(lang, Page::Release(latest.slug())),
    });
    // The description (search results, link previews, the feed) gives the
    // main points: the figures are what readers look for. A release
    // without figures among its key indicators falls back to the editor's
    // summary.
    let points = views::cards_summary(site, b, words, addr);
    let summary = narrative.and_then(|n| n.summary.clone());
    let description = match summary {
        Some(s) if points.is_empty() => s,
        _ => points,
    };
    let next_release = site
        .calendar
        .as_ref()
        .and_then(|c| c.next_of_kind(b.period().kind(), b.period()))
        .map(|e| views::next_release(e, words, addr));
    let view = ReleaseView {
        next_release,
        revisions: views::revisions_table(site, b, words),
        cards: views::cards(site, b, words, addr),
        growth_chart: growth,
        html,
        has_text: narrative.is_some(),
        data_only: b.narratives().is_empty(),
        other_texts: other_texts(out, &b.narratives(), Page::Release(b.slug())),
        figures: views::figures_table(site, b, words, addr),
        breakdowns: b
            .data()
            .breakdowns
            .iter()
            .map(|bd| views::breakdown_table(bd, b.period(), words))
            .collect(),
        downloads: views::downloads(site, b, words, addr),
        previous: prev.map(link),
        next: next.map(link),
        latest_banner,
        release: item,
    };
    let head = Head {
        title: view.release.title.clone(),
        description,
    };
    Ok((head, view))
}

/// One 404 page for the whole site (servers serve one), in the default
/// language with a line in each other.
pub(super) fn render_404(
    site: &Site,
    theme: &Theme,
    addr: &Addresses,
    shared: &LangShared,
) -> Result<String, Diagnostic> {
    let lang = site.config.default_language.as_str();
    let others = site.config.languages[1..]
        .iter()
        .map(|l| {
            let t = &theme.locales[l];
            NotFoundOther {
                lang: l.clone(),
                title: t.t("notfound.title").to_owned(),
                text: t.t("notfound.text").to_owned(),
                home: addr.page_href(l, Page::Home),
                home_label: t.t("notfound.home").to_owned(),
            }
        })
        .collect();
    let ctx = PageContext {
        title: theme.locales[lang].t("notfound.title").to_owned(),
        description: String::new(),
        canonical: None,
        alternates: Vec::new(),
        x_default: None,
        missing_legend: None,
        has_charts: false,
        og_type: None,
        page: NotFoundView { others },
    };
    let ctx = shared.context(addr, None, &ctx)?;
    theme
        .tera
        .render("404.html", &ctx)
        .map_err(|e| theme.diagnose(&e))
}

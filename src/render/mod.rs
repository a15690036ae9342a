//! Render: every page in every language, through the theme's templates.
//! Templates are compiled once per build ([`theme`]); pages render in
//! parallel; what is the same for every page of a language is built once
//! ([`context::LangShared`]).
//!
//! Each page is a [`Job`]: a page of the site in one language. Its
//! template sees one typed context ([`context::PageContext`]) made of
//! views of the model ([`views`]); its narrative's calls are filled in
//! by [`text`]; its charts are drawn by [`charts`]. Beside the pages come
//! the site-wide files: assets ([`assets`]), the sitemap, robots.txt and
//! the feeds ([`feeds`]), and the open data files ([`crate::opendata`]).

mod assets;
pub(crate) mod charts;
mod context;
pub(crate) mod feeds;
mod pages;
pub(crate) mod print;
mod text;
pub(crate) mod theme;
pub(crate) mod vendor;
pub(crate) mod views;
pub(crate) mod words;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::address::{Addresses, File, Page};
use crate::catalog::Indicator;
use crate::diagnostic::Diagnostics;
use crate::opendata::{self, Touched};
use crate::output::OutputFile;
use crate::site::reads::{self, Input};
use crate::site::{FreePage, Release, Site};
use context::LangShared;
use theme::Theme;
use words::Words;

pub(crate) use text::escape_html;

/// What rendering made: every file, and the count of pages per language.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The files made now, when they were kept in memory (not handed to a
    /// [`Sink`] as made).
    pub files: Vec<OutputFile>,
    /// The paths of the files made now.
    pub made: Vec<String>,
    /// The files of pages kept from the previous build, unchanged: their
    /// paths, to be taken from the previous site.
    pub kept: Vec<String>,
    /// Every page, with what it read and the files it made.
    pub units: Vec<Unit>,
    /// HTML pages per language.
    pub pages: BTreeMap<String, usize>,
    /// Why the pages that could not be made failed (a call that names
    /// nothing, a template error), and their HTML files' paths: the other
    /// pages are still made, for their links to be checked, and links to
    /// these are not reported dead. A site with failures is never
    /// published.
    pub failed: Diagnostics,
    pub failed_paths: Vec<String>,
    /// The print layouts of the releases rendered now, when the site has
    /// PDF editions: their PDFs are among the unit's files, made later
    /// ([`crate::pdf`]).
    pub prints: Vec<print::PrintSource>,
}

/// A page of the site (in one language) as a unit of rendering: rendered
/// now, with the inputs it read, or kept from the previous build.
#[derive(Debug)]
pub struct Unit {
    /// Its HTML file's path, which names it in the build record.
    pub key: String,
    /// What it read of the site; `None` when it was kept.
    pub reads: Option<BTreeSet<Input>>,
    /// Its HTML file and the chart files it links to (and a release's
    /// PDF editions).
    pub files: Vec<String>,
}

/// The files a page made in the previous build, given its unit key, when
/// it can be kept: nothing it read has changed and the files are still
/// there as written.
pub type Reuse<'a> = &'a (dyn Fn(&str) -> Option<Vec<String>> + Sync);

/// Where files go as soon as they are made, instead of being kept in
/// memory until the whole site is done (a build writes them into its
/// staging folder; a check only looks at them).
pub type Sink<'a> = &'a (dyn Fn(&[OutputFile]) + Sync);

/// A page as handed on while rendering: its files made now, or the
/// paths of those kept from the previous build.
#[derive(Debug, Clone, Copy)]
pub enum Made<'a> {
    Fresh(&'a [OutputFile]),
    Kept(&'a [String]),
    /// It failed to render (its problem is reported).
    Failed,
}

/// A page of the site, with the part of the model it shows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum PageRef<'a> {
    Home,
    Archive,
    Release(&'a Release),
    Free(&'a FreePage),
    Indicators,
    Indicator(&'a Indicator),
    Data,
    Search,
    Calendar,
}

impl<'a> PageRef<'a> {
    /// Where the page is published.
    pub(crate) fn address(&self) -> Page<'a> {
        match *self {
            PageRef::Home => Page::Home,
            PageRef::Archive => Page::Archive,
            PageRef::Release(b) => Page::Release(b.slug()),
            PageRef::Free(p) => Page::Free(&p.slug),
            PageRef::Indicators => Page::Indicators,
            PageRef::Indicator(i) => Page::Indicator(&i.id),
            PageRef::Data => Page::Data,
            PageRef::Search => Page::Search,
            PageRef::Calendar => Page::Calendar,
        }
    }

    /// The theme's template for the page. Their names are part of the
    /// theme's interface: a site overrides a template by its name.
    fn template(&self) -> &'static str {
        match self {
            PageRef::Home => "home.html",
            PageRef::Archive => "archive.html",
            PageRef::Release(_) => "bulletin.html",
            PageRef::Free(_) => "page.html",
            PageRef::Indicators => "indicators.html",
            PageRef::Indicator(_) => "indicator.html",
            PageRef::Data => "data.html",
            PageRef::Search => "search.html",
            PageRef::Calendar => "calendar.html",
        }
    }
}

/// One unit of rendering: a page in one language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Job<'a> {
    pub lang: &'a str,
    pub page: PageRef<'a>,
}

/// Every page of the site in every language, in the order of the site's
/// languages, then home, lists, releases, free pages, indicators.
fn jobs(site: &Site) -> Vec<Job<'_>> {
    let indicators = site.indicators_with_data();
    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        let lang = lang.as_str();
        let mut add = |page| jobs.push(Job { lang, page });
        add(PageRef::Home);
        add(PageRef::Archive);
        site.releases()
            .iter()
            .for_each(|b| add(PageRef::Release(b)));
        site.pages.iter().for_each(|p| add(PageRef::Free(p)));
        add(PageRef::Indicators);
        indicators.iter().for_each(|i| add(PageRef::Indicator(i)));
        add(PageRef::Data);
        if site.calendar.is_some() {
            add(PageRef::Calendar);
        }
        if site.config.search {
            add(PageRef::Search);
        }
    }
    jobs
}

/// What each rendered page is handed to as soon as it is done: the
/// job's number (pages are numbered in a fixed order, whichever thread
/// renders them), its language, and its files. Every number
/// comes once.
pub type EachPage<'a> = &'a (dyn Fn(usize, &str, Made) + Sync);

/// Renders every page and file of the site, but for the pages `reuse`
/// lets keep and the open data files `touched` leaves alone; each page
/// also goes to `each_page`, for work that can start before the whole
/// site is done (the search index).
pub fn render(
    site: &Site,
    theme: &Theme,
    reuse: Option<Reuse>,
    touched: Option<&Touched>,
    each_page: EachPage,
    sink: Option<Sink>,
) -> Result<Rendered, Diagnostics> {
    render_pages(site, theme, touched, reuse, true, each_page, sink)
}

/// The site's static files (the theme's, the site's, the vendored), by
/// their path in the output: what a print layout may load.
pub fn static_files_by_path(
    theme: &Theme,
    config: &crate::config::Config,
) -> std::collections::HashMap<String, Vec<u8>> {
    assets::static_files(theme, &Addresses::new(config))
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect()
}

/// Every page a render makes, in its order (the numbers it hands them on
/// with): its language and the path of its file.
pub fn page_order(site: &Site) -> Vec<(String, String)> {
    let addr = Addresses::new(&site.config);
    jobs(site)
        .iter()
        .map(|j| {
            (
                j.lang.to_owned(),
                addr.page_output(j.lang, j.page.address()),
            )
        })
        .collect()
}

/// Every file a render of the whole site makes but the charts' files:
/// the pages, the static files, the open data, the feeds, the sitemap.
/// (A page's links to these can be checked before the rest is made.)
pub fn planned(site: &Site, theme: &Theme) -> HashSet<String> {
    let addr = Addresses::new(&site.config);
    let mut out: HashSet<String> = jobs(site)
        .iter()
        .map(|j| addr.page_output(j.lang, j.page.address()))
        .collect();
    out.extend(
        theme
            .assets
            .keys()
            .map(|name| addr.file_output(File::Static(name))),
    );
    out.extend(
        vendor::files()
            .into_iter()
            .map(|(name, _)| addr.file_output(File::Static(&name))),
    );
    out.extend(Touched::default().untouched(site, &addr));
    for file in [File::Sitemap, File::Robots, File::NotFound, File::NoJekyll] {
        out.insert(addr.file_output(file));
    }
    for lang in &site.config.languages {
        out.insert(addr.file_output(File::Feed(lang)));
    }
    out
}

/// Renders the pages `reuse` does not keep, and of the open data the
/// files `touched`; not the static files nor the 404 page, which depend
/// only on what a change of every page would change (`bantin serve`,
/// after an edit of some releases).
pub fn render_changed(
    site: &Site,
    theme: &Theme,
    touched: &Touched,
    reuse: Reuse,
) -> Result<Rendered, Diagnostics> {
    render_pages(
        site,
        theme,
        Some(touched),
        Some(reuse),
        false,
        &|_, _, _| {},
        None,
    )
}

/// Renders the pages `reuse` does not keep and, of the open data, all or
/// the files `touched` (the others, kept, are listed with the kept
/// pages' files); the static files and the 404 page when `whole`. Files
/// go to `sink` as they are made, when there is one.
fn render_pages(
    site: &Site,
    theme: &Theme,
    touched: Option<&Touched>,
    reuse: Option<Reuse>,
    whole: bool,
    each_page: EachPage,
    sink: Option<Sink>,
) -> Result<Rendered, Diagnostics> {
    // Files made: to the sink, or kept.
    let hand_on = |files: Vec<OutputFile>| -> Vec<OutputFile> {
        match sink {
            Some(sink) => {
                sink(&files);
                Vec::new()
            }
            None => files,
        }
    };
    let addr = Addresses::new(&site.config);
    let asset_urls = assets::AssetUrls::new(theme, &addr);
    // What every page of a language shares is read once, and counts as
    // read by each of them.
    let (shared, shared_reads): (BTreeMap<&str, LangShared>, _) = reads::recording(|| {
        site.config
            .languages
            .iter()
            .map(|lang| {
                let shared = LangShared::new(site, theme, lang, &addr, &asset_urls);
                (lang.as_str(), shared)
            })
            .collect()
    });

    let jobs = jobs(site);
    // Every page of the site, for the sitemap. The search page has
    // nothing for a search engine.
    let all_pages: Vec<(&str, Page)> = jobs
        .iter()
        .filter(|j| !matches!(j.page, PageRef::Search))
        .map(|j| (j.lang, j.page.address()))
        .collect();
    let problems = Mutex::new(Diagnostics::new());
    let failed_paths = Mutex::new(Vec::new());
    // The pages, and beside them the site-wide files (open data above all,
    // a few large files made from every release).
    type Done = (Unit, Vec<OutputFile>, Option<print::PrintSource>);
    let (done, site_wide): (Vec<Done>, _) = rayon::join(
        || {
            jobs.par_iter()
                .enumerate()
                .filter_map(|(i, job)| {
                    let page = job.page.address();
                    let key = addr.page_output(job.lang, page);
                    if let Some(kept) = reuse.and_then(|r| r(&key)) {
                        each_page(i, job.lang, Made::Kept(&kept));
                        let unit = Unit {
                            key,
                            reads: None,
                            files: kept,
                        };
                        return Some((unit, Vec::new(), None));
                    }
                    let (made, mut read) = reads::recording(|| {
                        pages::render_page(site, theme, &addr, &shared[job.lang], *job)
                    });
                    match made {
                        Ok(pages::PageMade { files, print }) => {
                            each_page(i, job.lang, Made::Fresh(&files));
                            read.extend(shared_reads.iter().cloned());
                            let mut paths: Vec<String> =
                                files.iter().map(|f| f.path.clone()).collect();
                            paths.extend(print.iter().map(|p| p.path.clone()));
                            let unit = Unit {
                                key,
                                reads: Some(read),
                                files: paths,
                            };
                            Some((unit, hand_on(files), print))
                        }
                        Err(d) => {
                            each_page(i, job.lang, Made::Failed);
                            problems.lock().unwrap_or_else(|e| e.into_inner()).push(d);
                            failed_paths
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .push(key);
                            None
                        }
                    }
                })
                .collect()
        },
        || site_files(site, theme, &addr, &all_pages, touched, &hand_on),
    );
    let (site_wide, mut made) = site_wide;
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .deduplicated();
    let (mut files, mut kept, mut units) = (Vec::new(), Vec::new(), Vec::new());
    let mut prints = Vec::new();
    for (unit, in_memory, print) in done {
        prints.extend(print);
        if unit.reads.is_none() {
            kept.extend(unit.files.iter().cloned());
        } else {
            made.extend(unit.files.iter().cloned());
        }
        files.extend(in_memory);
        units.push(unit);
    }

    if let Some(touched) = touched {
        kept.extend(touched.untouched(site, &addr));
    }
    if whole {
        let lang = site.config.default_language.as_str();
        let mut extra = Vec::new();
        match pages::render_404(site, theme, &addr, &shared[lang]) {
            Ok(html) => extra.push(OutputFile {
                path: addr.file_output(File::NotFound),
                bytes: html.into_bytes(),
            }),
            Err(d) => problems.push(d),
        }
        extra.extend(assets::static_files(theme, &addr));
        // GitHub Pages would otherwise run the site through Jekyll.
        extra.push(OutputFile {
            path: addr.file_output(File::NoJekyll),
            bytes: Vec::new(),
        });
        made.extend(extra.iter().map(|f| f.path.clone()));
        files.extend(hand_on(extra));
    }
    files.extend(site_wide);
    let mut failed_paths = failed_paths.into_inner().unwrap_or_else(|e| e.into_inner());
    failed_paths.sort();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    made.sort();
    kept.sort();
    let mut pages = BTreeMap::new();
    for job in &jobs {
        *pages.entry(job.lang.to_owned()).or_insert(0) += 1;
    }
    Ok(Rendered {
        files,
        made,
        kept,
        units,
        pages,
        failed: problems,
        failed_paths,
        prints,
    })
}

/// The files that list every release, always made again: the sitemap,
/// robots.txt, the feeds; and the open data files `touched`, or all.
/// Each batch goes to `hand_on` as it is made (the open data is large);
/// what it gives back is kept.
fn site_files(
    site: &Site,
    theme: &Theme,
    addr: &Addresses,
    all_pages: &[(&str, Page)],
    touched: Option<&Touched>,
    hand_on: &(dyn Fn(Vec<OutputFile>) -> Vec<OutputFile> + Sync),
) -> (Vec<OutputFile>, Vec<String>) {
    let langs = &site.config.languages;
    let words_in = |lang: &str| Words {
        locale: &theme.locales[lang],
        fallback: &site.config.default_language,
    };
    let mut files = vec![
        OutputFile {
            path: addr.file_output(File::Sitemap),
            bytes: feeds::sitemap(addr, &site.config.default_language, all_pages).into_bytes(),
        },
        OutputFile {
            path: addr.file_output(File::Robots),
            bytes: feeds::robots(addr).into_bytes(),
        },
    ];
    for lang in langs {
        let words = words_in(lang);
        let summary = |b: &Release| views::cards_summary(site, b, &words, addr);
        files.push(OutputFile {
            path: addr.file_output(File::Feed(lang)),
            bytes: feeds::atom(site, addr, &words, &summary).into_bytes(),
        });
        if let Some(calendar) = &site.calendar {
            files.push(OutputFile {
                path: addr.file_output(File::CalendarFeed(lang)),
                bytes: feeds::calendar(site, calendar, addr, &words).into_bytes(),
            });
        }
    }
    let titles = site
        .releases()
        .iter()
        .filter(|b| touched.is_none_or(|t| t.releases.contains(b.slug())))
        .map(|b| {
            let per_lang = langs
                .iter()
                .map(|l| (l.clone(), views::release_title(b, &words_in(l))))
                .collect();
            (b.slug().to_owned(), per_lang)
        })
        .collect();
    let part = match touched {
        None => opendata::Part::All,
        Some(t) => opendata::Part::Some(t),
    };
    let mut made: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let mut kept = hand_on(files);
    let each = |batch: Vec<OutputFile>| {
        let paths: Vec<String> = batch.iter().map(|f| f.path.clone()).collect();
        (hand_on(batch), paths)
    };
    for (batch, paths) in opendata::files(site, addr, &theme.locales, &titles, part, &each) {
        kept.extend(batch);
        made.extend(paths);
    }
    (kept, made)
}

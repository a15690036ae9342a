//! `bantin init` and `bantin new`: the files an editor starts from. A new
//! site builds and passes `bantin check` as created; a new release lists
//! every indicator of the catalogue, with last year's figures of the same
//! period beside them as comments, and narratives with the calls ready.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::catalog::Indicator;
use crate::dataset::Field;
use crate::messages::Said;
use crate::msg;
use crate::period::Period;
use crate::render::theme::Theme;
use crate::render::words::Words;
use crate::site::{RELEASES_DIR, Site};

/// The files of a new site: (path, text). The example release is a
/// quarter of the department's own published figures (Q1 2021).
pub const SITE_FILES: [(&str, &str); 8] = [
    ("site.toml", include_str!("scaffold/site.toml")),
    (".gitignore", "/public\n"),
    (
        "content/indicators.yaml",
        include_str!("scaffold/indicators.yaml"),
    ),
    (
        "content/bulletins/2021-q1/data.yaml",
        include_str!("scaffold/data.yaml"),
    ),
    (
        "content/bulletins/2021-q1/index.vi.md",
        include_str!("scaffold/index.vi.md"),
    ),
    (
        "content/bulletins/2021-q1/index.en.md",
        include_str!("scaffold/index.en.md"),
    ),
    (
        "content/pages/about.vi.md",
        include_str!("scaffold/about.vi.md"),
    ),
    (
        "content/pages/about.en.md",
        include_str!("scaffold/about.en.md"),
    ),
];

/// Creates a new site in `dir`, which must not exist or be empty: an
/// editor's files are never overwritten. Returns the files written.
pub fn init(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!(Said(msg!("init-not-folder", dir = dir)));
        }
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(Said(msg!("init-not-empty", dir = dir)));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in SITE_FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The files of a new release, and whether last year's figures of the
/// same period are written beside the indicators (only when that release
/// exists).
#[derive(Debug)]
pub struct NewRelease {
    pub files: Vec<PathBuf>,
    pub last_year: bool,
}

/// Creates the folder of a new release for `period` in the loaded site.
/// Returns the files written.
pub fn new_release(site: &Site, theme: &Theme, period: &Period) -> anyhow::Result<NewRelease> {
    if let Some(b) = site.release(period) {
        bail!(Said(msg!(
            "new-exists",
            period = period.id(),
            file = b.data_file()
        )));
    }
    let rel = Path::new(RELEASES_DIR).join(period.slug());
    let dir = site.root.join(&rel);
    if dir.exists() {
        bail!(Said(msg!("new-folder-exists", dir = rel.as_path())));
    }
    let last_year = site.release(&period.same_period_last_year());
    let mut files = vec![(
        rel.join(crate::site::DATA_FILE),
        data_yaml(site, period, last_year),
    )];
    for lang in &site.config.languages {
        let words = Words {
            locale: &theme.locales[lang],
            fallback: &site.config.default_language,
        };
        files.push((
            rel.join(format!("index.{lang}.md")),
            narrative(site, &words, period, last_year),
        ));
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = site.root.join(&rel);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(rel);
    }
    Ok(NewRelease {
        files: written,
        last_year: last_year.is_some(),
    })
}

/// The fields a new release asks for: those last year's release gave,
/// else a level and its growth (a growth only for indicators measured in
/// %, such as the IIP).
fn fields_for(ind: &Indicator, reference: Option<&crate::dataset::Fields>) -> Vec<Field> {
    match reference {
        Some(f) if !f.is_empty() => f.present().map(|(field, _)| field).collect(),
        _ if is_percent(ind) => vec![Field::GrowthYoy],
        _ => vec![Field::Value, Field::GrowthYoy],
    }
}

fn is_percent(ind: &Indicator) -> bool {
    ind.unit.get_or("en", "vi").trim() == "%"
}

fn data_yaml(site: &Site, period: &Period, last_year: Option<&crate::site::Release>) -> String {
    let mut out = format!(
        "# The figures of {id}. Fill in what the release gives and delete\n# what it does not; a blank field is left out of the pages.\nperiod: {id}\nstatus: estimate          # estimate | preliminary | final\npublished:                # the release date, YYYY-MM-DD\nindicators:\n",
        id = period.id()
    );
    if let Some(b) = last_year {
        let _ = writeln!(
            out,
            "  # Beside each indicator, as a comment: its figures for {} ({}).",
            b.period().id(),
            b.data_file().display()
        );
    }
    for ind in &site.catalog.indicators {
        let reference = last_year.and_then(|b| b.data().fields(&ind.id));
        let _ = write!(out, "  {}:", ind.id);
        match reference.filter(|f| !f.is_empty()) {
            Some(f) => {
                let figures: Vec<String> = f
                    .present()
                    .map(|(field, x)| format!("{field} {x}"))
                    .collect();
                let _ = writeln!(
                    out,
                    "    # {}: {}",
                    last_year.map(|b| b.period().id()).unwrap_or_default(),
                    figures.join(", ")
                );
            }
            None => out.push('\n'),
        }
        for field in fields_for(ind, reference) {
            let _ = writeln!(out, "    {field}:");
        }
    }
    out
}

/// A narrative to complete: the title, and a sentence with its calls per
/// key indicator (those that last year's release of the period gave, when
/// there is one).
fn narrative(
    site: &Site,
    words: &Words,
    period: &Period,
    last_year: Option<&crate::site::Release>,
) -> String {
    let lang = words.lang();
    let title = crate::locale::fill(
        words.t("bulletin.default_title"),
        &[("period", &words.locale.period_title(period))],
    );
    let mut out = format!(
        "---\ntitle: \"{}\"\nsummary: \"\"\n---\n\n",
        title.replace('"', "'")
    );
    let mut keys: Vec<&Indicator> = if site.config.key_indicators.is_empty() {
        site.catalog.indicators.iter().take(4).collect()
    } else {
        site.config
            .key_indicators
            .iter()
            .filter_map(|id| site.catalog.get(id))
            .collect()
    };
    if let Some(b) = last_year {
        let given: Vec<&Indicator> = keys
            .iter()
            .copied()
            .filter(|i| b.data().fields(&i.id).is_some_and(|f| !f.is_empty()))
            .collect();
        if !given.is_empty() {
            keys = given;
        }
    }
    for ind in keys {
        let name = ind.name.get_or(lang, &site.config.default_language);
        let id = &ind.id;
        let sentence = match (is_percent(ind), lang) {
            (true, "vi") => format!("{name} {{{{ change(\"{id}\") }}}} so với cùng kỳ năm trước."),
            (true, _) => format!("{name}: {{{{ change(\"{id}\") }}}} year on year."),
            (false, "vi") => format!(
                "{name} ước đạt {{{{ value(\"{id}\") }}}}, {{{{ change(\"{id}\") }}}} so với cùng kỳ năm trước."
            ),
            (false, _) => format!(
                "{name} reached {{{{ value(\"{id}\") }}}}, {{{{ change(\"{id}\") }}}} year on year."
            ),
        };
        out.push_str(&sentence);
        out.push_str("\n\n");
    }
    out
}

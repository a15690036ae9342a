//! `bantin import`: a release's data file from the department's workbook.
//!
//! One way through: read the map (`map.rs`), open the workbook
//! (`book.rs`), find each figure's cell (`locate.rs`) and read it as the
//! department sees it (`read.rs`), then write the data file (`write.rs`)
//! and check the site with it. Every problem of every cell is found in
//! one run, each named `workbook:Sheet!C12` or by the map's line, and
//! nothing is written while any stands. An existing data file is never
//! overwritten silently: without `update` the import refuses and shows
//! what would change.

mod book;
mod fold;
mod locate;
mod map;
mod propose;
mod read;
mod write;

use std::path::{Path, PathBuf};

use crate::config::LocalText;
use crate::dataset::Field;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::Message;
use crate::msg;
use crate::period::Period;
use crate::yaml::Source;

pub use book::Place;
pub use propose::propose;
pub use write::Change;

/// A figure read from its cell.
#[derive(Debug, Clone)]
pub struct Figure {
    pub field: Field,
    pub value: f64,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct ImportedIndicator {
    pub id: String,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone)]
pub struct ImportedRow {
    pub label: LocalText,
    pub place: Place,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone)]
pub struct ImportedBreakdown {
    pub id: String,
    pub title: LocalText,
    pub field: Option<Field>,
    pub unit: LocalText,
    pub rows: Vec<ImportedRow>,
}

/// Everything the workbook gave.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub indicators: Vec<ImportedIndicator>,
    pub breakdowns: Vec<ImportedBreakdown>,
    /// Cells the map names that hold no figure (blank, `-`): left out.
    pub blanks: Vec<(String, Place)>,
}

/// What `bantin import` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub workbook: PathBuf,
    pub map: PathBuf,
    pub period: String,
    /// Rewrite the figures of an existing data file.
    pub update: bool,
    pub status: Option<String>,
    pub published: Option<String>,
}

/// What an import did.
#[derive(Debug)]
pub struct Outcome {
    /// The data file, relative to the site.
    pub file: PathBuf,
    /// Whether it was created (else updated, or left as it was).
    pub created: bool,
    pub written: bool,
    pub changes: Vec<Change>,
    pub blanks: Vec<(String, Place)>,
    /// What `bantin check` says of the site with the imported file.
    pub findings: Diagnostics,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum Refusal {
    /// Problems in the command, the map, the workbook or the site.
    Problems(Diagnostics),
    /// The data file exists and `update` was not asked for: what would
    /// change.
    Exists { file: PathBuf, changes: Vec<Change> },
    /// The file could not be written.
    Io(anyhow::Error),
}

fn problems(list: Vec<Diagnostic>) -> Refusal {
    let mut d = Diagnostics::new();
    list.into_iter().for_each(|x| d.push(x));
    Refusal::Problems(d)
}

/// Reads a file the editor names on the command line (it may lie
/// outside the site: a workbook in Downloads).
fn read_named(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            path,
            msg!(
                "import-file-unreadable",
                file = path,
                detail = e.to_string()
            ),
        )
    })?;
    crate::fs::decode_text(bytes)
        .map_err(|(line, column)| Diagnostic::error(path, msg!("file-not-utf8")).at(line, column))
}

/// Imports a workbook into the site's data file of `opts.period`.
pub fn import(opts: &Options) -> Result<Outcome, Refusal> {
    let period = Period::parse(&opts.period)
        .map_err(|m| problems(vec![Diagnostic::error("--period", m)]))?;
    if let Some(s) = &opts.status
        && crate::dataset::Status::parse(s).is_none()
    {
        return Err(problems(vec![
            Diagnostic::error("--status", msg!("import-map-bad-status"))
                .with_hint(msg!("import-map-bad-status-hint")),
        ]));
    }
    if let Some(d) = &opts.published
        && crate::dataset::Date::parse(d).is_none()
    {
        return Err(problems(vec![
            Diagnostic::error("--published", msg!("import-bad-date", date = d.as_str()))
                .with_hint(msg!("import-bad-date-hint")),
        ]));
    }
    let loaded = crate::pipeline::load(&opts.root, None).map_err(Refusal::Problems)?;
    if !loaded.checkable() {
        return Err(Refusal::Problems(loaded.findings));
    }
    let site = &loaded.site;
    let langs = &site.config.languages;
    let default_lang = site.config.default_language.as_str();
    let other_lang = langs
        .iter()
        .find(|l| *l != default_lang)
        .map_or("en", String::as_str);

    let map_text = read_named(&opts.map).map_err(|d| problems(vec![d]))?;
    let (map, mut map_problems) = map::parse(&map_text, &opts.map, &site.catalog, other_lang);
    let mut book = match book::Book::open(&opts.workbook) {
        Ok(b) => b,
        Err(m) => {
            map_problems.push(Diagnostic::error(&opts.workbook, m));
            return Err(problems(map_problems));
        }
    };
    let existing = site.release(&period);
    let src = Source {
        shown: &opts.map,
        text: &map_text,
    };
    let imported = read_figures(
        &mut book,
        &map,
        &src,
        &opts.workbook,
        existing,
        default_lang,
    );
    let imported = match imported {
        Ok(i) if map_problems.is_empty() => i,
        Ok(_) => return Err(problems(map_problems)),
        Err(mut cells) => {
            map_problems.append(&mut cells);
            return Err(problems(map_problems));
        }
    };

    // The data file: the release's own, or a new folder named by the period.
    let (file, old_text) = match existing {
        Some(b) => {
            let rel = b.data_file().to_path_buf();
            let text = read_named(&site.root.join(&rel)).map_err(|d| problems(vec![d]))?;
            (rel, Some(text))
        }
        None => {
            if site.set_aside.has_period(&period) {
                return Err(problems(vec![
                    Diagnostic::error("--period", msg!("import-set-aside", period = period.id()))
                        .with_hint(msg!("import-set-aside-hint")),
                ]));
            }
            (
                Path::new(crate::site::RELEASES_DIR)
                    .join(period.slug())
                    .join(crate::site::DATA_FILE),
                None,
            )
        }
    };
    let shown = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let status = opts
        .status
        .clone()
        .or(map.status.map(|s| s.name().to_owned()));
    let (text, changes) = match (existing, &old_text) {
        (Some(b), Some(old)) => {
            let changes = write::changes(b.data(), &imported, default_lang);
            let changed_head = status
                .as_deref()
                .is_some_and(|s| s != b.data().status.name())
                || opts.published.as_deref().is_some_and(|p| {
                    Some(p.to_owned()) != b.data().published.map(|d| d.to_string())
                });
            if changes.is_empty() && !changed_head {
                return Ok(Outcome {
                    file,
                    created: false,
                    written: false,
                    changes,
                    blanks: imported.blanks,
                    findings: Diagnostics::new(),
                });
            }
            if !opts.update {
                return Err(Refusal::Exists { file, changes });
            }
            let text = write::update(
                old,
                b.data(),
                &imported,
                status.as_deref(),
                opts.published.as_deref(),
                langs,
            );
            (text, changes)
        }
        _ => {
            let comment = msg!(
                "import-file-head",
                workbook = shown(&opts.workbook),
                map = shown(&opts.map)
            )
            .text(crate::messages::Lang::current());
            let head = write::Head {
                comment: &comment,
                period: &period.id(),
                status: status.as_deref().unwrap_or("estimate"),
                published: opts.published.as_deref(),
            };
            let order = |id: &str| site.catalog.position(id);
            let text = write::fresh(&head, &imported, &order, langs);
            let empty = crate::dataset::Data {
                period,
                status: crate::dataset::Status::Estimate,
                published: None,
                indicators: Vec::new(),
                breakdowns: Vec::new(),
                accepted: Vec::new(),
                revisions: Vec::new(),
            };
            (
                text.clone(),
                write::changes(&empty, &imported, default_lang),
            )
        }
    };
    // What is written is read back first: a file bantin itself would
    // refuse is never written.
    let written = Source {
        shown: &file,
        text: &text,
    };
    if let Err(list) = crate::dataset::parse(&written, &site.catalog) {
        return Err(problems(list));
    }
    write_whole(&site.root.join(&file), text.as_bytes()).map_err(Refusal::Io)?;
    let report = crate::check_site(&opts.root, None);
    let mut findings = Diagnostics::new();
    for d in report.findings.iter() {
        if d.file == file {
            findings.push(d.clone());
        }
    }
    Ok(Outcome {
        file,
        created: old_text.is_none(),
        written: true,
        changes,
        blanks: imported.blanks,
        findings,
    })
}

/// Writes a file whole or not at all: into a temporary file beside it,
/// then renamed over it.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = dir.join(".data.yaml.importing");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

/// Every figure the map names, read from the workbook; every problem
/// found (nothing is written while any stands).
fn read_figures(
    book: &mut book::Book,
    map: &map::Map,
    src: &Source,
    workbook: &Path,
    existing: Option<&crate::site::Release>,
    default_lang: &str,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut out = Imported::default();
    let mut list: Vec<Diagnostic> = Vec::new();
    let at_map = |at: &crate::yaml::YamlPath, m: Message, hint: Option<Message>| {
        src.error(at, false, m).with_hint_opt(hint)
    };
    let at_cell = |place: &Place, m: Message, hint: Message| {
        Diagnostic::error(workbook, m)
            .in_cell(place.to_string())
            .with_hint(hint)
    };
    for ind in &map.indicators {
        let mut figures = Vec::new();
        for f in &ind.fields {
            let grid = match book.grid(&f.sheet) {
                Ok(g) => g,
                Err(m) => {
                    list.push(at_map(&f.at, m, Some(msg!("import-no-sheet-hint"))));
                    continue;
                }
            };
            let pos = match &f.target {
                map::Target::Cell(p) => *p,
                map::Target::Lookup {
                    row,
                    column,
                    label_column,
                } => {
                    let found = locate::row(grid, row, *label_column)
                        .and_then(|r| Ok((r.0, locate::column(grid, column, r.0)?)));
                    match found {
                        Ok(p) => p,
                        Err(nf) => {
                            // A row not found is said once, not per figure.
                            if !list.iter().any(|d| d.message == nf.message) {
                                list.push(at_map(&f.at, nf.message, Some(nf.hint)));
                            }
                            continue;
                        }
                    }
                }
            };
            let place = Place {
                sheet: grid.name.clone(),
                pos,
            };
            match read::figure(grid, pos, f.reading) {
                Ok(Some(value)) => figures.push(Figure {
                    field: f.field,
                    value,
                    place,
                }),
                Ok(None) => out.blanks.push((format!("{}.{}", ind.id, f.field), place)),
                Err(u) => list.push(at_cell(&place, u.message, u.hint)),
            }
        }
        if !figures.is_empty() {
            out.indicators.push(ImportedIndicator {
                id: ind.id.clone(),
                figures,
            });
        }
    }
    for bd in &map.breakdowns {
        let grid = match book.grid(&bd.sheet) {
            Ok(g) => g,
            Err(m) => {
                list.push(at_map(&bd.at, m, Some(msg!("import-no-sheet-hint"))));
                continue;
            }
        };
        let rows = match locate::block(grid, &bd.rows, bd.label_column) {
            Ok(r) => r,
            Err(nf) => {
                list.push(at_map(&bd.at.key("rows"), nf.message, Some(nf.hint)));
                continue;
            }
        };
        let Some(first) = rows.first() else {
            list.push(at_map(&bd.at.key("rows"), msg!("import-rows-empty"), None));
            continue;
        };
        let mut columns = Vec::new();
        for (field, headers) in &bd.columns {
            match locate::column(grid, headers, first.0.0) {
                Ok(c) => columns.push((*field, c)),
                Err(nf) => list.push(at_map(
                    &bd.at.key("columns").key(field.name()),
                    nf.message,
                    Some(nf.hint),
                )),
            }
        }
        let had = existing.and_then(|b| b.data().breakdown(&bd.id));
        let title = if bd.title.is_empty() {
            had.map(|h| h.title.clone()).unwrap_or_default()
        } else {
            bd.title.clone()
        };
        if title.is_empty() {
            list.push(
                src.error(
                    &bd.at,
                    true,
                    msg!("import-breakdown-no-title", breakdown = bd.id.as_str()),
                )
                .with_hint(msg!("import-breakdown-no-title-hint")),
            );
        }
        let mut out_rows = Vec::new();
        for (pos, label) in rows {
            let mut per = std::collections::BTreeMap::new();
            per.insert(default_lang.to_owned(), fold::bare(&label));
            let folded = fold::fold(&label);
            let other = bd.labels.get(&folded).cloned().or_else(|| {
                had?.rows
                    .iter()
                    .find(|r| fold::fold(r.label.get_or(default_lang, "")) == folded)
                    .map(|r| r.label.clone())
            });
            if let Some(LocalText::PerLanguage(m)) = other {
                for (l, t) in m {
                    per.entry(l).or_insert(t);
                }
            }
            let mut figures = Vec::new();
            for (field, col) in &columns {
                let place = Place {
                    sheet: grid.name.clone(),
                    pos: (pos.0, *col),
                };
                match read::figure(grid, place.pos, bd.reading) {
                    Ok(Some(value)) => figures.push(Figure {
                        field: *field,
                        value,
                        place,
                    }),
                    Ok(None) => out.blanks.push((
                        format!("{}[\"{}\"].{field}", bd.id, fold::bare(&label)),
                        place,
                    )),
                    Err(u) => list.push(at_cell(&place, u.message, u.hint)),
                }
            }
            out_rows.push(ImportedRow {
                label: LocalText::PerLanguage(per),
                place: Place {
                    sheet: grid.name.clone(),
                    pos,
                },
                figures,
            });
        }
        out.breakdowns.push(ImportedBreakdown {
            id: bd.id.clone(),
            title,
            field: bd.field.or(had.map(|h| h.field)),
            unit: if bd.unit.is_empty() {
                had.map(|h| h.unit.clone()).unwrap_or_default()
            } else {
                bd.unit.clone()
            },
            rows: out_rows,
        });
    }
    if list.is_empty() { Ok(out) } else { Err(list) }
}

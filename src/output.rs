//! Write: the files of the finished site ([`OutputFile`]) go into a
//! staging folder beside the output, which is swapped in whole only once
//! complete, so a failed build leaves
//! the previous site untouched. A manifest lists what bantin wrote; files
//! it did not write (a CNAME, a verification file) are carried over, never
//! deleted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::messages::Said;
use crate::msg;

/// A file of the finished site, in memory until it is written.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` (see [`crate::address`]).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The list of files bantin generated, kept in the output folder.
pub const MANIFEST: &str = ".bantin-manifest";

/// Refuses an output folder that would overwrite or swallow the site:
/// the root itself, a folder holding `content/` or `site.toml`, one inside
/// the site's sources, or one outside the site (unless `force`).
pub fn guard(root: &Path, out: &Path, force: bool) -> Result<()> {
    let root = root
        .canonicalize()
        .with_context(|| Said(msg!("site-folder-unreadable", dir = root)))?;
    let out_abs = normalize(&if out.is_absolute() {
        out.to_path_buf()
    } else {
        root.join(out)
    });
    // Resolve symlinks in the part that exists, so `public -> ..` is seen.
    let out_real = match out_abs.canonicalize() {
        Ok(p) => p,
        Err(_) => match (
            out_abs.parent().and_then(|p| p.canonicalize().ok()),
            out_abs.file_name(),
        ) {
            (Some(parent), Some(name)) => parent.join(name),
            _ => out_abs.clone(),
        },
    };
    let shown = out.display();
    if out_real == root || root.starts_with(&out_real) {
        bail!(Said(msg!("output-is-site", out = shown.to_string())));
    }
    if out_real.join("content").exists() || out_real.join("site.toml").exists() {
        bail!(Said(msg!(
            "output-looks-like-site",
            out = shown.to_string()
        )));
    }
    for source in ["content", "templates", "themes", "static"] {
        if out_real.starts_with(root.join(source)) {
            bail!(Said(msg!(
                "output-in-sources",
                out = shown.to_string(),
                folder = source
            )));
        }
    }
    if !out_real.starts_with(&root) && !force {
        bail!(Said(msg!("output-outside-site", out = shown.to_string())));
    }
    Ok(())
}

/// Lexical `.`/`..` removal for a path that may not exist yet.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A new site being written beside the output folder, swapped in whole by
/// [`Staging::commit`]; dropped uncommitted, it is removed and the
/// previous site stays as it was.
///
/// A file whose content is what the previous build wrote at the same path
/// (the manifest keeps each one's hash, size and time) is hard-linked from
/// the previous site instead of written again: a rebuild after one edit
/// writes the few files that changed. The previous site is never written
/// into. Files are written in batches ([`Staging::write`]), so a build can
/// stage its pages while the search index is still being made.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// Where the previous site goes when the new one is swapped in.
    old: PathBuf,
    previous: Arc<PreviousSite>,
    /// Files of the previous site that bantin did not make.
    foreign: Vec<String>,
    written: Mutex<BTreeMap<String, Option<Record>>>,
    committed: bool,
}

impl Staging {
    pub fn begin(out: &Path) -> Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("public");
        let dir = parent.join(format!(".{name}.bantin-staging"));
        // The previous site is moved aside under a name of its own, so its
        // removal can go on after bantin has returned ([`remove_previous`]).
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let old = parent.join(format!(
            "{}{}-{stamp}",
            previous_prefix(name),
            std::process::id()
        ));
        // Leftovers of an interrupted build are ours (the names are). A
        // previous site still being removed by an earlier build's helper
        // may vanish under us: that is no error.
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot remove the leftover {}", dir.display()))?;
        }
        if let Ok(entries) = std::fs::read_dir(parent) {
            for e in entries.filter_map(Result::ok) {
                if e.file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(&previous_prefix(name)))
                {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let (previous, foreign) = if out.exists() {
            let previous = Manifest::read(out)?;
            let foreign = foreign_files(out, &previous)?;
            (previous, foreign)
        } else {
            (Manifest::default(), Vec::new())
        };
        let previous = Arc::new(PreviousSite {
            out: out.to_path_buf(),
            manifest: previous,
        });
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            old,
            previous,
            foreign,
            written: Mutex::default(),
            committed: false,
        })
    }

    /// Writes (or links) a batch of the new site's files.
    pub fn write(&self, files: &[OutputFile]) -> Result<()> {
        self.write_batch(files)
            .map_err(|e| e.context(Said(msg!("output-not-written"))))
    }

    fn write_batch(&self, files: &[OutputFile]) -> Result<()> {
        let (out, staging) = (&self.out, &self.dir);
        if let Some(clash) = files
            .iter()
            .find(|f| self.foreign.iter().any(|x| *x == f.path))
        {
            bail!(Said(msg!(
                "output-foreign-file",
                out = out.display().to_string(),
                file = clash.path.as_str()
            )));
        }
        // Folders first, once each; then the files in parallel, which
        // on most disks is several times faster than one by one.
        self.make_folders(files.iter().map(|f| f.path.as_str()))?;
        let written: Vec<(String, Record)> = files
            .par_iter()
            .map(|f| {
                let to = staging.join(&f.path);
                let hash = hash(&f.bytes);
                if let Some(kept) =
                    self.previous
                        .manifest
                        .unchanged(out, &f.path, hash, f.bytes.len())
                    && std::fs::hard_link(out.join(&f.path), &to).is_ok()
                {
                    return Ok((f.path.clone(), kept));
                }
                std::fs::write(&to, &f.bytes)
                    .with_context(|| format!("cannot write {}", to.display()))?;
                let meta = std::fs::metadata(&to)
                    .with_context(|| format!("cannot read back {}", to.display()))?;
                Ok((f.path.clone(), Record::of(hash, &meta)))
            })
            .collect::<Result<_>>()?;
        let mut all = self.written.lock().unwrap_or_else(|e| e.into_inner());
        all.extend(written.into_iter().map(|(p, r)| (p, Some(r))));
        Ok(())
    }

    /// The staging folders that files at `paths` go in, each made once.
    fn make_folders<'a>(&self, paths: impl Iterator<Item = &'a str>) -> Result<()> {
        let folders: BTreeSet<PathBuf> = paths
            .filter_map(|p| self.dir.join(p).parent().map(Path::to_path_buf))
            .collect();
        for dir in &folders {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        }
        Ok(())
    }

    /// The previous site in the output folder, as bantin left it.
    pub fn previous(&self) -> Arc<PreviousSite> {
        Arc::clone(&self.previous)
    }

    /// Takes files of the previous site into the new one as they are
    /// (hard-linked; copied where a link cannot be made): the files of
    /// pages that did not change.
    pub fn keep(&self, paths: &[String]) -> Result<()> {
        let (out, staging) = (&self.out, &self.dir);
        self.make_folders(paths.iter().map(String::as_str))?;
        let kept: Vec<(String, Record)> = paths
            .par_iter()
            .map(|p| {
                let (from, to) = (out.join(p), staging.join(p));
                let record = self.previous.manifest.intact(out, p).with_context(|| {
                    format!("{} changed while the site was being built", from.display())
                })?;
                if std::fs::hard_link(&from, &to).is_err() {
                    std::fs::copy(&from, &to)
                        .with_context(|| format!("cannot carry over {}", from.display()))?;
                    let meta = std::fs::metadata(&to)
                        .with_context(|| format!("cannot read back {}", to.display()))?;
                    return Ok((p.clone(), Record::of(record.hash, &meta)));
                }
                Ok((p.clone(), record))
            })
            .collect::<Result<_>>()
            .map_err(|e| e.context(Said(msg!("output-not-written"))))?;
        let mut all = self.written.lock().unwrap_or_else(|e| e.into_inner());
        all.extend(kept.into_iter().map(|(p, r)| (p, Some(r))));
        Ok(())
    }

    /// Carries over the files bantin did not make, writes the manifest and
    /// swaps the new site in. The previous site, moved aside, is returned
    /// for [`remove_previous`].
    pub fn commit(mut self) -> Result<Option<PathBuf>> {
        let (out, staging) = (self.out.clone(), self.dir.clone());
        let result = (|| -> Result<()> {
            for rel in &self.foreign {
                let (from, to) = (out.join(rel), staging.join(rel));
                if let Some(p) = to.parent() {
                    std::fs::create_dir_all(p)
                        .with_context(|| format!("cannot create {}", p.display()))?;
                }
                std::fs::copy(&from, &to)
                    .with_context(|| format!("cannot carry over {}", from.display()))?;
            }
            let manifest = Manifest {
                files: std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner())),
            };
            crate::fs::write(&staging.join(MANIFEST), manifest.text().as_bytes())
        })();
        result.map_err(|e| e.context(Said(msg!("output-not-written"))))?;
        self.committed = true;
        let old = &self.old;
        if out.exists() {
            std::fs::rename(&out, old).with_context(|| {
                format!("cannot move the previous site {} aside", out.display())
            })?;
        }
        if let Err(e) = std::fs::rename(&staging, &out) {
            // Put the previous site back before reporting.
            if old.exists() {
                let _ = std::fs::rename(old, &out);
            }
            return Err(anyhow::Error::new(e)
                .context(format!("cannot move the new site into {}", out.display())));
        }
        // Everything in the previous site was either generated (listed in
        // its manifest) or carried over into the new one above; most of it
        // is linked into the new site, so removing it removes names, not
        // data.
        Ok(old.exists().then(|| old.clone()))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The site a build replaces, read-only: what of it bantin wrote, and
/// whether each such file is still as written, so a build can keep files
/// whose inputs did not change without making them again.
pub struct PreviousSite {
    out: PathBuf,
    manifest: Manifest,
}

impl PreviousSite {
    /// Whether a file is still what bantin wrote there (its size and time
    /// are those the manifest recorded).
    pub fn intact(&self, path: &str) -> bool {
        self.manifest.intact(&self.out, path).is_some()
    }

    /// Whether a file is still what bantin wrote there, and that was
    /// `bytes`.
    pub fn holds(&self, path: &str, bytes: &[u8]) -> bool {
        self.manifest
            .unchanged(&self.out, path, hash(bytes), bytes.len())
            .is_some()
    }

    /// A file of the previous site, if it is still as bantin wrote it.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.out.join(path)).ok()?;
        self.holds(path, &bytes).then_some(bytes)
    }
}

/// The start of the name a previous site is moved aside under, beside an
/// output folder named `name`.
fn previous_prefix(name: &str) -> String {
    format!(".{name}.bantin-old-")
}

/// Removes a previous site that [`publish`] moved aside. Refuses any
/// folder but one of those, whatever it is asked.
pub fn remove_previous(dir: &Path) -> Result<()> {
    let ours = dir
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n.contains(".bantin-old-"));
    if !ours {
        bail!(
            "{} is not a previous site moved aside by bantin",
            dir.display()
        );
    }
    std::fs::remove_dir_all(dir)
        .with_context(|| format!("cannot remove the previous site at {}", dir.display()))
}

/// The hash of a file's content, as the manifest keeps it.
fn hash(bytes: &[u8]) -> u128 {
    crate::fingerprint::Fingerprint::of_bytes(bytes).0
}

/// What the manifest records of a file bantin wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Record {
    hash: u128,
    size: u64,
    /// Modification time, nanoseconds since 1970: a file touched since
    /// bantin wrote it is written again rather than trusted.
    modified: u128,
}

impl Record {
    fn of(hash: u128, meta: &std::fs::Metadata) -> Record {
        Record {
            hash,
            size: meta.len(),
            modified: modified(meta),
        }
    }
}

fn modified(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// The manifest of an output folder: every file bantin wrote there, one
/// line each, `path<TAB>hash<TAB>size<TAB>modified`. A manifest of an
/// older bantin has the paths alone: those files are simply written again.
#[derive(Debug, Default)]
struct Manifest {
    files: BTreeMap<String, Option<Record>>,
}

impl Manifest {
    /// The manifest of `out`; an error if `out` is a non-empty folder
    /// without one (bantin did not make it).
    fn read(out: &Path) -> Result<Manifest> {
        let text = match std::fs::read_to_string(out.join(MANIFEST)) {
            Ok(text) => text,
            Err(_) => {
                let empty = std::fs::read_dir(out)
                    .map(|mut d| d.next().is_none())
                    .unwrap_or(false);
                if empty {
                    return Ok(Manifest::default());
                }
                bail!(Said(msg!(
                    "output-not-ours",
                    out = out.display().to_string(),
                    manifest = MANIFEST
                )));
            }
        };
        let files = text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|line| {
                let mut parts = line.split('\t');
                let path = parts.next().unwrap_or_default().to_owned();
                let record = (|| {
                    Some(Record {
                        hash: u128::from_str_radix(parts.next()?, 16).ok()?,
                        size: parts.next()?.parse().ok()?,
                        modified: parts.next()?.parse().ok()?,
                    })
                })();
                (path, record)
            })
            .collect();
        Ok(Manifest { files })
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for (path, record) in &self.files {
            out.push_str(path);
            if let Some(r) = record {
                out.push_str(&format!("\t{:032x}\t{}\t{}", r.hash, r.size, r.modified));
            }
            out.push('\n');
        }
        out
    }

    /// The record of `path` in `out` if the file there is still what
    /// bantin wrote and has the content `hash`.
    fn unchanged(&self, out: &Path, path: &str, hash: u128, size: usize) -> Option<Record> {
        let record = self.intact(out, path)?;
        (record.hash == hash && record.size == size as u64).then_some(record)
    }

    /// The record of `path` in `out` if the file there is still what
    /// bantin wrote: a file, of the size and time recorded.
    fn intact(&self, out: &Path, path: &str) -> Option<Record> {
        let record = (*self.files.get(path)?)?;
        let meta = std::fs::symlink_metadata(out.join(path)).ok()?;
        (meta.is_file() && meta.len() == record.size && modified(&meta) == record.modified)
            .then_some(record)
    }
}

/// Files in an existing output folder that bantin did not generate.
fn foreign_files(out: &Path, manifest: &Manifest) -> Result<Vec<String>> {
    let mut foreign = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1) {
        let entry = entry.with_context(|| format!("cannot read {}", out.display()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(out)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if rel != MANIFEST && !manifest.files.contains_key(&rel) {
            foreign.push(rel);
        }
    }
    Ok(foreign)
}

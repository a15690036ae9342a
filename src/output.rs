//! Write: the files of the finished site ([`OutputFile`]) go into a
//! staging folder beside the output, which is swapped in whole only once
//! complete, so a failed build leaves
//! the previous site untouched. A manifest lists what bantin wrote; files
//! it did not write (a CNAME, a verification file) are carried over, never
//! deleted.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

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
        .with_context(|| format!("cannot open the site folder {}", root.display()))?;
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
        bail!(
            "refusing to write the site into {shown}: it is the site folder itself, or holds it\n  hint: set output_dir = \"public\" in site.toml"
        );
    }
    if out_real.join("content").exists() || out_real.join("site.toml").exists() {
        bail!(
            "refusing to write into {shown}: it holds content/ or site.toml, so it looks like a site's sources\n  hint: choose an empty folder such as public/"
        );
    }
    for source in ["content", "templates", "themes", "static"] {
        if out_real.starts_with(root.join(source)) {
            bail!(
                "refusing to write into {shown}: it lies inside the site's {source}/ folder\n  hint: choose a folder such as public/"
            );
        }
    }
    if !out_real.starts_with(&root) && !force {
        bail!(
            "refusing to write into {shown}: it lies outside the site folder\n  hint: pass --force if you mean it"
        );
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

/// Writes `files` as the new content of `out`, atomically as a whole.
pub fn publish(out: &Path, files: &[OutputFile]) -> Result<()> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("public");
    let staging = parent.join(format!(".{name}.bantin-staging"));
    let old = parent.join(format!(".{name}.bantin-old"));
    // Leftovers of an interrupted build are ours (the names are).
    for leftover in [&staging, &old] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover)
                .with_context(|| format!("cannot remove the leftover {}", leftover.display()))?;
        }
    }

    let generated: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let foreign = if out.exists() {
        foreign_files(out)?
    } else {
        Vec::new()
    };
    if let Some(clash) = foreign.iter().find(|f| generated.contains(f.as_str())) {
        bail!(
            "{} holds {clash}, which bantin did not make and would now overwrite\n  hint: move that file away, or delete it if it is an old copy of the site",
            out.display()
        );
    }

    let result = (|| -> Result<()> {
        // Folders first, once each; then the files in parallel, which
        // on most disks is several times faster than one by one.
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|f| staging.join(&f.path).parent().map(Path::to_path_buf))
            .collect();
        for dir in &folders {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        }
        files.par_iter().try_for_each(|f| {
            let path = staging.join(&f.path);
            std::fs::write(&path, &f.bytes)
                .with_context(|| format!("cannot write {}", path.display()))
        })?;
        for rel in &foreign {
            let (from, to) = (out.join(rel), staging.join(rel));
            if let Some(p) = to.parent() {
                std::fs::create_dir_all(p)
                    .with_context(|| format!("cannot create {}", p.display()))?;
            }
            std::fs::copy(&from, &to)
                .with_context(|| format!("cannot carry over {}", from.display()))?;
        }
        let manifest: String = generated.iter().map(|p| format!("{p}\n")).collect();
        crate::fs::write(&staging.join(MANIFEST), manifest.as_bytes())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e.context("the site was not written; the previous one is untouched"));
    }

    if out.exists() {
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot move the previous site {} aside", out.display()))?;
    }
    if let Err(e) = std::fs::rename(&staging, out) {
        // Put the previous site back before reporting.
        if old.exists() {
            let _ = std::fs::rename(&old, out);
        }
        return Err(anyhow::Error::new(e)
            .context(format!("cannot move the new site into {}", out.display())));
    }
    if old.exists() {
        // Everything in it was either generated (listed in its manifest) or
        // carried over into the new site above.
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove the previous site at {}", old.display()))?;
    }
    Ok(())
}

/// Files in an existing output folder that bantin did not generate. A
/// non-empty folder without a manifest was not made by bantin: refuse it.
fn foreign_files(out: &Path) -> Result<Vec<String>> {
    let manifest_path = out.join(MANIFEST);
    let listed: BTreeSet<String> = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => text.lines().map(str::to_owned).collect(),
        Err(_) => {
            let empty = std::fs::read_dir(out)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            if empty {
                return Ok(Vec::new());
            }
            bail!(
                "{} exists and was not made by bantin (it has no {MANIFEST})\n  hint: empty it or move it away, or set another output_dir in site.toml",
                out.display()
            );
        }
    };
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
        if rel != MANIFEST && !listed.contains(&rel) {
            foreign.push(rel);
        }
    }
    Ok(foreign)
}

//! The site as served: the files of the last good build, in memory, and
//! the problems of the latest build if it failed. Serving never touches
//! the publish folder: nothing is written to disk at all.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::diagnostic::Diagnostics;
use crate::{BuildError, load_and_check, render};

/// One state of the preview. Replaced whole after each rebuild.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The last good build: path under the site → content.
    pub files: HashMap<String, Bytes>,
    /// The errors of the latest build, when it failed (the files are then
    /// the previous good build's). Warnings of the latest build otherwise.
    pub problems: Diagnostics,
    pub failed: bool,
    /// Goes up by one with every rebuild; pages reload when it changes.
    pub version: u64,
    /// Site languages, the default first, to tell a page's language by
    /// its address.
    pub languages: Vec<String>,
}

impl Snapshot {
    /// The language of a page by its path: `en/…` is English when English
    /// is a site language; everything else is in the default language.
    pub fn language_of(&self, key: &str) -> &str {
        let first = key.split('/').next().unwrap_or("");
        self.languages
            .iter()
            .skip(1)
            .find(|l| *l == first)
            .or(self.languages.first())
            .map_or("en", String::as_str)
    }
}

/// What a rebuild did, for the console.
pub struct Outcome {
    pub elapsed: Duration,
    pub pages: usize,
}

/// Builds the whole site in memory for `base_url` and makes it the next
/// snapshot; on errors, keeps the previous files and records the errors.
pub fn rebuild(root: &Path, base_url: &str, previous: &Snapshot) -> (Snapshot, Outcome) {
    let started = Instant::now();
    let result = load_and_check(root, Some(base_url)).and_then(|(site, theme, warnings)| {
        let rendered = render::render(&site, &theme).map_err(BuildError::Site)?;
        Ok((site, rendered, warnings))
    });
    let version = previous.version + 1;
    let snapshot = match result {
        Ok((site, rendered, warnings)) => {
            let pages = rendered.pages.values().sum();
            let files = rendered
                .files
                .into_iter()
                .map(|f| (f.path, Bytes::from(f.bytes)))
                .collect();
            return (
                Snapshot {
                    files,
                    problems: warnings,
                    failed: false,
                    version,
                    languages: site.config.languages.clone(),
                },
                Outcome {
                    elapsed: started.elapsed(),
                    pages,
                },
            );
        }
        Err(BuildError::Site(problems)) => Snapshot {
            files: previous.files.clone(),
            problems,
            failed: true,
            version,
            languages: previous.languages.clone(),
        },
        Err(BuildError::Output(e)) => {
            let mut problems = Diagnostics::new();
            problems.push(crate::Diagnostic::error("site", format!("{e:#}")));
            Snapshot {
                files: previous.files.clone(),
                problems,
                failed: true,
                version,
                languages: previous.languages.clone(),
            }
        }
    };
    (
        snapshot,
        Outcome {
            elapsed: started.elapsed(),
            pages: 0,
        },
    )
}

//! The theme: templates, UI strings and static files. The default theme is
//! embedded in the binary, so `bantin build --root any/site` works from any
//! folder. A file of the same name overrides it, looked up in this order:
//! the site's `templates/` (templates only), then the site's
//! `themes/<theme>/`, then the embedded theme.

use crate::fingerprint::{self, Fingerprint};
use crate::messages::Message;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_embed::RustEmbed;
use tera::Tera;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::locale::{Locale, Strings};

#[derive(RustEmbed)]
#[folder = "themes/default/"]
struct DefaultTheme;

pub struct Theme {
    pub tera: Tera,
    /// Where each template came from (`page.html` → `templates/page.html`),
    /// so an error names the file the editor can open.
    origins: BTreeMap<String, PathBuf>,
    /// One per site language.
    pub locales: BTreeMap<String, Locale>,
    /// Static files, by their path under `static/`.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Of every template, UI string and static file as loaded: what every
    /// page depends on, for the build record ([`crate::record`]).
    pub fingerprint: Fingerprint,
}

/// Where each theme file comes from, for messages.
struct Sourced {
    text: String,
    origin: PathBuf,
}

impl Theme {
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
        let mut problems = Diagnostics::new();
        let theme_dir = root.join("themes").join(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            problems.push(
                Diagnostic::error("site.toml", msg!("theme-missing", theme = &config.theme))
                    .with_hint(msg!("theme-missing-hint")),
            );
            return Err(problems);
        }
        // Embedded first, then each layer on disk replaces files by name.
        let mut files: BTreeMap<String, Sourced> = BTreeMap::new();
        let mut binary: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for name in DefaultTheme::iter() {
            if let Some(file) = DefaultTheme::get(&name) {
                let origin = PathBuf::from(format!("(built-in theme)/{name}"));
                match String::from_utf8(file.data.to_vec()) {
                    Ok(text) if !name.starts_with("static/") => {
                        files.insert(name.to_string(), Sourced { text, origin });
                    }
                    _ => {
                        binary.insert(name.to_string(), file.data.to_vec());
                    }
                }
            }
        }
        let mut overlay = |dir: &Path, prefix: &str, problems: &mut Diagnostics| {
            // Links are followed: a file linked from elsewhere in the site
            // is used, one from outside is refused when read.
            for entry in WalkDir::new(dir)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let name = format!("{prefix}{}", rel.to_string_lossy().replace('\\', "/"));
                let shown = crate::diagnostic::display_path(root, entry.path());
                if name.starts_with("static/") {
                    match crate::fs::read_bytes(root, entry.path(), &shown) {
                        Ok(bytes) => {
                            binary.insert(name, bytes);
                        }
                        Err(d) => problems.push(d),
                    }
                } else {
                    match crate::fs::read_text(root, entry.path(), &shown) {
                        Ok(text) => {
                            files.insert(
                                name,
                                Sourced {
                                    text,
                                    origin: shown,
                                },
                            );
                        }
                        Err(d) => problems.push(d),
                    }
                }
            }
        };
        if theme_dir.is_dir() {
            overlay(&theme_dir, "", &mut problems);
        }
        let site_templates = root.join("templates");
        if site_templates.is_dir() {
            overlay(&site_templates, "templates/", &mut problems);
        }
        let site_static = root.join("static");
        if site_static.is_dir() {
            overlay(&site_static, "static/", &mut problems);
        }

        let mut locales = BTreeMap::new();
        for lang in &config.languages {
            let key = format!("i18n/{lang}.toml");
            let Some(src) = files.get(&key) else {
                problems.push(
                    Diagnostic::error("site.toml", msg!("theme-no-strings", lang = lang))
                        .with_hint(msg!(
                            "theme-no-strings-hint",
                            theme = &config.theme,
                            lang = lang
                        )),
                );
                continue;
            };
            match Strings::parse(&src.text) {
                Ok(strings) => match Locale::new(lang, strings) {
                    Ok(l) => {
                        locales.insert(lang.clone(), l);
                    }
                    Err(e) => problems.push(
                        Diagnostic::error(&src.origin, Message::verbatim(e))
                            .rule(crate::diagnostic::Rule::Theme),
                    ),
                },
                Err(e) => {
                    let pos = e
                        .span()
                        .map(|s| crate::config::line_col(&src.text, s.start));
                    problems.push(
                        Diagnostic::error(
                            &src.origin,
                            msg!("toml-syntax", detail = e.message().trim()),
                        )
                        .at_opt(pos)
                        .rule(crate::diagnostic::Rule::Theme),
                    );
                }
            }
        }

        let origins: BTreeMap<String, PathBuf> = files
            .iter()
            .filter_map(|(name, s)| {
                name.strip_prefix("templates/")
                    .map(|n| (n.to_owned(), s.origin.clone()))
            })
            .collect();
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let templates: Vec<(String, &str)> = files
            .iter()
            .filter_map(|(name, s)| {
                name.strip_prefix("templates/")
                    .map(|n| (n.to_owned(), s.text.as_str()))
            })
            .collect();
        if let Err(e) = tera.add_raw_templates(templates) {
            problems.push(template_error(&e, &origins));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let mut print = fingerprint::Hasher::default();
        for (name, file) in &files {
            print.bytes(name.as_bytes()).bytes(file.text.as_bytes());
        }
        for (name, bytes) in &binary {
            print.bytes(name.as_bytes()).bytes(bytes);
        }
        let assets = binary
            .into_iter()
            .filter_map(|(k, v)| k.strip_prefix("static/").map(|n| (n.to_owned(), v)))
            .collect();
        Ok(Theme {
            tera,
            origins,
            locales,
            assets,
            fingerprint: print.finish(),
        })
    }
}

impl Theme {
    /// A rendering error as a diagnostic on the template's own file.
    pub fn diagnose(&self, e: &tera::Error) -> Diagnostic {
        template_error(e, &self.origins)
    }
}

/// A Tera error as a diagnostic on the template it points at. Tera's
/// report carries ` --> name:line:col`; without one, the message is kept
/// whole.
fn template_error(e: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let message = e.to_string();
    let place = message
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|p| {
            let mut it = p.trim().rsplitn(3, ':');
            let (col, line, name) = (
                it.next()?.parse().ok()?,
                it.next()?.parse().ok()?,
                it.next()?,
            );
            Some((name.to_owned(), line, col))
        });
    let first = message
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_owned();
    let (origin, pos) = match &place {
        Some((name, line, col)) => (
            origins
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(format!("templates/{name}"))),
            Some((*line, *col)),
        ),
        None => (PathBuf::from("templates"), None),
    };
    Diagnostic::error(origin, msg!("template-error", detail = first))
        .at_opt(pos)
        .with_hint(msg!("template-error-hint"))
        .rule(crate::diagnostic::Rule::Theme)
}

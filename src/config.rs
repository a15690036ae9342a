//! `site.toml`: where the site is published, its languages and titles.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::{fs, msg};

/// Text in several languages: `{ vi = "…", en = "…" }`, or one string for all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum LocalText {
    #[default]
    None,
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl LocalText {
    /// The text in `lang`, if written for it (a plain string counts for all).
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            LocalText::None => None,
            LocalText::Same(s) => Some(s),
            LocalText::PerLanguage(m) => m
                .get(lang)
                .map(String::as_str)
                .filter(|s| !s.trim().is_empty()),
        }
    }

    /// The text in `lang`, else in `fallback`, else any.
    pub fn get_or(&self, lang: &str, fallback: &str) -> &str {
        self.get(lang)
            .or_else(|| self.get(fallback))
            .or_else(|| match self {
                LocalText::PerLanguage(m) => m.values().next().map(String::as_str),
                _ => None,
            })
            .unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        match self {
            LocalText::None => true,
            LocalText::Same(s) => s.trim().is_empty(),
            LocalText::PerLanguage(m) => m.values().all(|s| s.trim().is_empty()),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    #[serde(default = "default_language")]
    default_language: String,
    #[serde(default)]
    languages: Option<Vec<String>>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_output")]
    output_dir: PathBuf,
    title: LocalText,
    #[serde(default)]
    publisher: LocalText,
    #[serde(default)]
    description: LocalText,
    #[serde(default)]
    key_indicators: Vec<String>,
    #[serde(default)]
    licence: LocalText,
    #[serde(default = "default_search")]
    search: bool,
    #[serde(default)]
    contact: LocalText,
    #[serde(default)]
    sdmx: Sdmx,
    #[serde(default)]
    pdf: bool,
}

/// The ids the SDMX-CSV file (`data/sdmx/all.csv`) names its dataflow
/// by: `[sdmx]` in site.toml.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sdmx {
    /// The maintenance agency, e.g. `SCT_HAIPHONG`.
    #[serde(default = "default_agency")]
    pub agency: String,
    /// The dataflow's id, e.g. `DF_BANTIN`.
    #[serde(default = "default_dataflow")]
    pub dataflow: String,
    #[serde(default = "default_sdmx_version")]
    pub version: String,
}

impl Default for Sdmx {
    fn default() -> Sdmx {
        Sdmx {
            agency: default_agency(),
            dataflow: default_dataflow(),
            version: default_sdmx_version(),
        }
    }
}

impl Sdmx {
    /// `SCT_HAIPHONG:DF_BANTIN(1.0)`, as STRUCTURE_ID writes it.
    pub fn structure_id(&self) -> String {
        format!("{}:{}({})", self.agency, self.dataflow, self.version)
    }
}

fn default_agency() -> String {
    "BANTIN".into()
}
fn default_dataflow() -> String {
    "DF_BULLETIN".into()
}
fn default_sdmx_version() -> String {
    "1.0".into()
}

/// An SDMX id: a letter, then letters, digits, `_` and `-`.
fn is_sdmx_id(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn default_language() -> String {
    "vi".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_search() -> bool {
    true
}
fn default_output() -> PathBuf {
    "public".into()
}

/// The site settings, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// Absolute URL with a trailing slash; may carry a sub-path.
    pub base_url: String,
    pub default_language: String,
    /// Every language, the default first.
    pub languages: Vec<String>,
    pub theme: String,
    pub output_dir: PathBuf,
    pub title: LocalText,
    /// Who publishes the figures (shown as the source).
    pub publisher: LocalText,
    pub description: LocalText,
    /// Indicators shown as main points, in this order (default: all, in
    /// catalogue order).
    pub key_indicators: Vec<String>,
    /// The terms of reuse of the figures, shown on the open data page.
    pub licence: LocalText,
    /// Whether the site has a search page (indexed by Pagefind).
    pub search: bool,
    /// Whom readers ask about the figures (the spreadsheets' cover).
    pub contact: LocalText,
    /// The ids of the SDMX-CSV file.
    pub sdmx: Sdmx,
    /// Whether every bulletin also gets a PDF edition, per language
    /// (printed by a headless Chromium: see `crate::pdf`).
    pub pdf: bool,
}

pub const FILE: &str = "site.toml";

/// The settings a site is read with, and the problems in them: a
/// problem that leaves the settings usable (a missing title, a bad
/// address) does not keep the rest of the site from being checked.
pub type Loaded = Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>>;

/// The address a site with an invalid `base_url` is checked with, so its
/// other problems are still found (it is never published: the invalid
/// address is an error).
const STAND_IN_URL: &str = "http://localhost/";

/// The keys of site.toml, for "did you mean".
const KEYS: [&str; 14] = [
    "base_url",
    "default_language",
    "languages",
    "theme",
    "output_dir",
    "title",
    "publisher",
    "description",
    "key_indicators",
    "licence",
    "search",
    "contact",
    "sdmx",
    "pdf",
];

impl Config {
    pub fn load(root: &Path) -> Loaded {
        let path = root.join(FILE);
        if !path.is_file() {
            return Err(vec![
                Diagnostic::error(FILE, msg!("config-missing", folder = root))
                    .with_hint(msg!("config-missing-hint")),
            ]);
        }
        let text = fs::read_text(root, &path, Path::new(FILE)).map_err(|d| vec![d])?;
        Self::parse(&text)
    }

    pub fn parse(text: &str) -> Loaded {
        let raw: RawConfig = toml::from_str(text).map_err(|e| vec![syntax_error(text, &e)])?;
        let mut problems = Vec::new();
        let at = |key: &str| find_key(text, key);

        let base_url = match normalize_base_url(&raw.base_url) {
            Ok(url) => url,
            Err(message) => {
                problems.push(
                    Diagnostic::error(FILE, message)
                        .at_opt(at("base_url"))
                        .with_hint(msg!("base-url-hint")),
                );
                STAND_IN_URL.to_owned()
            }
        };

        let mut languages = vec![raw.default_language.clone()];
        match raw.languages {
            Some(list) if list.is_empty() => problems.push(
                Diagnostic::error(FILE, msg!("config-languages-empty"))
                    .at_opt(at("languages"))
                    .with_hint(msg!(
                        "config-languages-empty-hint",
                        lang = raw.default_language.as_str()
                    )),
            ),
            Some(list) => {
                for l in list {
                    if !languages.contains(&l) {
                        languages.push(l);
                    }
                }
            }
            None => {}
        }
        for l in &languages {
            if l.is_empty() || !l.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                problems.push(
                    Diagnostic::error(FILE, msg!("config-bad-language", lang = l))
                        .at_opt(at("languages"))
                        .with_hint(msg!("config-bad-language-hint")),
                );
            }
            if raw.title.get(l).is_none() {
                problems.push(
                    Diagnostic::error(FILE, msg!("config-no-title", lang = l))
                        .at_opt(at("title"))
                        .with_hint(msg!("config-no-title-hint", lang = l)),
                );
            }
        }
        let sdmx = &raw.sdmx;
        for (key, id) in [("agency", &sdmx.agency), ("dataflow", &sdmx.dataflow)] {
            if !is_sdmx_id(id) {
                problems.push(
                    Diagnostic::error(FILE, msg!("config-sdmx-id", key = key, id = id.as_str()))
                        .at_opt(at("sdmx"))
                        .with_hint(msg!("config-sdmx-id-hint")),
                );
            }
        }
        if !sdmx
            .version
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            problems.push(
                Diagnostic::error(
                    FILE,
                    msg!("config-sdmx-version", version = sdmx.version.as_str()),
                )
                .at_opt(at("sdmx"))
                .with_hint(msg!("config-sdmx-version-hint")),
            );
        }
        let config = Config {
            base_url,
            default_language: raw.default_language,
            languages,
            theme: raw.theme,
            output_dir: raw.output_dir,
            title: raw.title,
            publisher: raw.publisher,
            description: raw.description,
            key_indicators: raw.key_indicators,
            licence: raw.licence,
            search: raw.search,
            contact: raw.contact,
            sdmx: raw.sdmx,
            pdf: raw.pdf,
        };
        Ok((config, problems))
    }

    /// The path part of base_url: "/" or "/bantin/".
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, r)| r);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

/// The default language of the site at `root`, as its site.toml says
/// (even one with mistakes elsewhere): the language bantin speaks to its
/// editors unless told otherwise. `None` without a readable site.toml.
pub fn default_language_of(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Some(
        table
            .get("default_language")
            .and_then(toml::Value::as_str)
            .map_or_else(default_language, str::to_owned),
    )
}

/// A TOML mistake, at its place; an unknown key gets a "did you mean".
fn syntax_error(text: &str, e: &toml::de::Error) -> Diagnostic {
    let pos = e.span().map(|s| line_col(text, s.start));
    let detail = e.message().trim();
    let unknown = detail
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next());
    let d = match unknown {
        Some(key) => {
            let hint = match did_you_mean(key, KEYS) {
                Some(k) => msg!("did-you-mean", name = k),
                None => msg!("allowed-keys", keys = KEYS.join(", ")),
            };
            Diagnostic::error(FILE, msg!("config-unknown-key", key = key)).with_hint(hint)
        }
        None => Diagnostic::error(FILE, msg!("config-syntax", detail = detail))
            .with_hint(msg!("config-syntax-hint")),
    };
    d.at_opt(pos)
}

/// An absolute web address ending in `/`, from site.toml or `--base-url`.
pub fn normalize_base_url(url: &str) -> Result<String, crate::messages::Message> {
    let mut url = url.trim().to_owned();
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    if host.is_none_or(|h| h.is_empty() || h.starts_with('/')) || url.contains(char::is_whitespace)
    {
        return Err(msg!("base-url-not-absolute", url = url));
    }
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

impl Config {
    /// Publishes for another address (`--base-url`), checked like site.toml's.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        self.base_url = normalize_base_url(url)
            .map_err(|m| Diagnostic::error("--base-url", m).with_hint(msg!("base-url-hint")))?;
        Ok(())
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where a top-level key or table header is written, for messages about it.
fn find_key(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let t = line.trim_start();
        let hit = t
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
            || t.strip_prefix('[')
                .and_then(|r| r.strip_prefix(key))
                .is_some_and(|r| r.starts_with(']'));
        hit.then(|| (i + 1, line.len() - t.len() + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
base_url = "https://org.github.io/bantin"
languages = ["vi", "en"]
[title]
vi = "Bản tin"
en = "Bulletin"
"#;

    #[test]
    fn reads_defaults_and_base_path() {
        let (c, problems) = Config::parse(GOOD).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.base_url, "https://org.github.io/bantin/");
        assert_eq!(c.base_path(), "/bantin/");
        assert_eq!(c.languages, ["vi", "en"]);
        assert_eq!(c.output_dir, PathBuf::from("public"));
    }

    #[test]
    fn unknown_keys_and_missing_titles_are_located() {
        let e = Config::parse(
            "base_url = \"https://x.vn/\"\nlanguage = [\"en\"]\n[title]\nvi = \"x\"\n",
        )
        .unwrap_err();
        assert_eq!(e[0].line, Some(2), "{e:?}");
        assert_eq!(e[0].message.to_string(), "unknown setting `language`");
        assert_eq!(
            e[0].hint.as_ref().unwrap().to_string(),
            "did you mean `languages`?"
        );
        let (_, e) = Config::parse(
            "base_url = \"https://x.vn/\"\nlanguages = [\"vi\", \"en\"]\n[title]\nvi = \"x\"\n",
        )
        .unwrap();
        assert_eq!(
            (e[0].line, e[0].message.to_string().as_str()),
            (Some(3), "the site has no title in `en`")
        );
    }

    #[test]
    fn an_empty_list_of_languages_is_an_error() {
        let (c, e) =
            Config::parse("base_url = \"https://x.vn/\"\nlanguages = []\n[title]\nvi = \"x\"\n")
                .unwrap();
        assert_eq!(c.languages, ["vi"]);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].line, Some(2));
        assert_eq!(e[0].message.id, "config-languages-empty");
    }
}

//! Published addresses (CONTENT-FORMAT.md): the default language at the
//! root, every other under its code, everything under base_url's path.

use crate::config::Config;

#[derive(Debug, Clone)]
pub struct Urls {
    /// Absolute, ending in `/`.
    pub base_url: String,
    /// Path part of base_url: `/` or `/bantin/`.
    pub base_path: String,
    default_language: String,
}

impl Urls {
    pub fn new(config: &Config) -> Urls {
        Urls {
            base_url: config.base_url.clone(),
            base_path: config.base_path().to_owned(),
            default_language: config.default_language.clone(),
        }
    }

    fn prefix(&self, lang: &str) -> String {
        if lang == self.default_language {
            String::new()
        } else {
            format!("{lang}/")
        }
    }

    /// A page's address within the site's language: `rel` is `""` (home),
    /// `2021-q1/`, `archive/`…
    pub fn rel(&self, lang: &str, rel: &str) -> String {
        format!("{}{rel}", self.prefix(lang))
    }

    /// Root-relative link: `/bantin/en/2021-q1/`.
    pub fn path(&self, lang: &str, rel: &str) -> String {
        format!("{}{}", self.base_path, self.rel(lang, rel))
    }

    /// Absolute address, for canonical and hreflang links.
    pub fn abs(&self, lang: &str, rel: &str) -> String {
        format!("{}{}", self.base_url, self.rel(lang, rel))
    }

    /// A site-wide file: `/bantin/static/style.css`.
    pub fn file(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }
}

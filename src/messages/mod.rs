//! What bantin says to people, in their language: every finding, hint and
//! command summary is a [`Message`] (an id and its arguments), put into
//! words only when it is shown, from one Project Fluent file per language
//! (`en.ftl`, `vi.ftl` beside this file). A unit test keeps the files'
//! ids the same, and every id the code names present.
//!
//! The language of the tool ([`Lang`]) is the reader's, not the page's:
//! `--lang`, else `BANTIN_LANG`, else the site's default language.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::numbers::Numbers;

/// The languages bantin speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `vi`, `en` (or `en-GB`, `vi_VN.UTF-8`: the language part).
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code
            .split(['-', '_', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to speak: `flag` (`--lang`), else `BANTIN_LANG`, else
    /// the site's default language when bantin speaks it, else Vietnamese
    /// (the language of the editors bantin is made for).
    pub fn choose(flag: Option<Lang>, site_default: Option<&str>) -> Lang {
        flag.or_else(|| {
            std::env::var("BANTIN_LANG")
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .or_else(|| site_default.and_then(Lang::parse))
        .unwrap_or(Lang::Vi)
    }

    /// The language this run of bantin speaks ([`Lang::set_current`]).
    pub fn current() -> Lang {
        match CURRENT.load(std::sync::atomic::Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// Chooses the language of this run: the command line does, once, for
    /// what it prints and what `serve` shows in its overlay.
    pub fn set_current(lang: Lang) {
        CURRENT.store(lang as u8, std::sync::atomic::Ordering::Relaxed);
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Vi => include_str!("vi.ftl"),
            Lang::En => include_str!("en.ftl"),
        }
    }
}

static CURRENT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// One argument of a message: a text shown as is, a count (which chooses
/// plural forms), or a figure, written in the reader's number format.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    Text(String),
    Count(i64),
    /// A figure in machine form (`5718.5`) with the decimals to show
    /// (none: as many as it has).
    Figure(String, Option<u8>),
    /// Words of their own (`a list`, `a number`), said in the same language.
    Said(Box<Message>),
    /// Several messages said one after the other, with a separator.
    Joined(Vec<Message>, String),
}

impl Arg {
    /// A figure, shown `5.718,5` in Vietnamese and `5,718.5` in English.
    pub fn figure(x: f64, decimals: Option<u8>) -> Arg {
        Arg::Figure(format!("{x}"), decimals)
    }

    /// Messages said in a row: `2021-01 5 + 2021-02 6`.
    pub fn joined(items: Vec<Message>, separator: &str) -> Arg {
        Arg::Joined(items, separator.to_owned())
    }

    fn in_words(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Figure(x, decimals) => {
                let x: f64 = x.parse().unwrap_or(0.0);
                FluentValue::from(numbers(lang).number(x, *decimals))
            }
            Arg::Said(m) => FluentValue::from(m.text(lang)),
            Arg::Joined(items, separator) => FluentValue::from(
                items
                    .iter()
                    .map(|m| m.text(lang))
                    .collect::<Vec<_>>()
                    .join(separator),
            ),
        }
    }

    /// The argument for programs (`--format json`): its text, or number.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Arg::Text(s) => serde_json::Value::from(s.as_str()),
            Arg::Count(n) => serde_json::Value::from(*n),
            Arg::Figure(x, _) => x
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            // Words inside words are given as what they are (an id and its
            // arguments), not in any one language.
            Arg::Said(m) => m.to_json(),
            Arg::Joined(items, _) => {
                serde_json::Value::Array(items.iter().map(Message::to_json).collect())
            }
        }
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Said(Box::new(m))
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(slashed(p))
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::from(p.as_path())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Count(n.into())
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Count(n.into())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// Something to say: a message id of the Fluent files and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Message {
    pub id: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// `msg!("data-unknown-indicator", id = id)`: a [`Message`].
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new(
            $id,
            vec![$((
                ::std::borrow::Cow::Borrowed(stringify!($name)),
                $crate::messages::Arg::from($value),
            )),*],
        )
    };
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(Cow<'static, str>, Arg)>) -> Message {
        Message {
            id: Cow::Borrowed(id),
            args,
        }
    }

    /// Text that is not bantin's own (a parser's or the system's words),
    /// shown as is in every language.
    pub fn verbatim(text: impl Into<String>) -> Message {
        msg!("verbatim", text = text.into())
    }

    /// The message in `lang`. An id missing from the files (which the
    /// unit tests rule out) shows as itself, so a gap is visible.
    pub fn text(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(&self.id).and_then(|m| m.value()) else {
            return self.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(name.as_ref(), value.in_words(lang));
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    /// `{"id": …, "args": {…}}`: the message for programs, in no language.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "id": self.id, "args": self.json_args() })
    }

    /// Its arguments by name, for programs.
    pub fn json_args(&self) -> serde_json::Map<String, serde_json::Value> {
        self.args
            .iter()
            .map(|(name, arg)| (name.to_string(), arg.to_json()))
            .collect()
    }

    /// The argument `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }
}

/// English, for logs, tests and `Display`.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A message as an error of an `anyhow` chain (a refused output folder):
/// [`error_text`] says it in the reader's language.
#[derive(Debug)]
pub struct Said(pub Message);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Said {}

/// An error for the terminal, in `lang` where bantin said it, else in
/// the system's words (an I/O error and its context).
pub fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    // A message of bantin's may be the error itself, or the context of
    // another error (said after it, in bantin's words or the system's).
    let say = |e: &(dyn std::error::Error + 'static)| match e.downcast_ref::<Said>() {
        Some(said) => said.0.text(lang),
        None => e.to_string(),
    };
    let outer = match e.downcast_ref::<Said>() {
        Some(said) => said.0.text(lang),
        None => e.to_string(),
    };
    let text = if e.chain().count() > 1 {
        format!("{outer}: {}", say(e.root_cause()))
    } else {
        outer
    };
    msg!("error-detail", detail = text).text(lang)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier =
            lang.code().parse().expect("vi and en are language ids");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks are for text that mixes directions; a terminal
        // shows them as stray characters.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(lang.source().to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{}.ftl: {errors:?}", lang.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{}.ftl: {errors:?}", lang.code()));
        bundle
    })
}

/// The number format of `lang`, for figures in messages.
fn numbers(lang: Lang) -> &'static Numbers {
    static NUMBERS: [OnceLock<Numbers>; 2] = [OnceLock::new(), OnceLock::new()];
    NUMBERS[lang as usize]
        .get_or_init(|| Numbers::new(lang.code()).expect("ICU4X has vi and en compiled in"))
}

/// A path as people read it, with `/` between its parts on every system.
pub fn slashed(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

#[cfg(test)]
mod tests;

//! YAML with positions. serde_yaml gives a position for syntax errors only;
//! for a problem found later (an unknown field, a text where a number
//! belongs) [`locate`] finds the line and column of any node by its path,
//! re-reading the document on that error path only.
//!
//! It works because serde_yaml stamps an error raised while a node is being
//! read with that node's position: the locator walks down the path and
//! raises an error exactly at the node it is asked for.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_yaml::Value;

use crate::diagnostic::Diagnostic;
use crate::messages::Message;
use crate::msg;

mod syntax;

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path from the document root, e.g. `indicators.exports.value`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YamlPath(pub Vec<Seg>);

impl YamlPath {
    pub fn root() -> Self {
        YamlPath(Vec::new())
    }

    pub fn key(&self, key: &str) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Key(key.to_owned()));
        YamlPath(v)
    }

    pub fn index(&self, i: usize) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        YamlPath(v)
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A syntax error: the parser's words, and its 1-based line and column
/// where known. [`SyntaxError::diagnostic`] says it for people.
#[derive(Debug)]
pub struct SyntaxError {
    pub message: String,
    pub position: Option<(usize, usize)>,
    /// Where the parser was when it began what it could not finish (an
    /// unclosed quote starts there), from its "while scanning … at line L
    /// column C".
    pub context: Option<(usize, usize)>,
    /// The document, to look at the line of the mistake.
    text: String,
}

impl SyntaxError {
    /// The mistake at its line (not the line after, where the parser
    /// noticed it), in plain words, with what to type.
    pub fn diagnostic(&self, shown: &std::path::Path) -> Diagnostic {
        syntax::explain(self, &self.text, shown)
    }
}

/// Parses a document. An empty document is `Null`.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_yaml::from_str::<Value>(text).map_err(|e| {
        let position = e.location().map(|l| (l.line(), l.column()));
        // serde_yaml appends " at line L column C" (and for some mistakes
        // ", while scanning … at line L column C"): positions are kept on
        // their own.
        let full = e.to_string();
        let context = full
            .split_once(", while ")
            .and_then(|(_, rest)| line_and_column(rest));
        let mut message = full;
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        SyntaxError {
            message,
            position,
            context,
            text: text.to_owned(),
        }
    })
}

/// `… at line 5 column 7` → (5, 7).
fn line_and_column(text: &str) -> Option<(usize, usize)> {
    let (_, rest) = text.split_once(" at line ")?;
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// Where the node at `path` is, or with `key_of_last`, where the key that
/// names it is (the place to point at for an unknown or misspelt key).
pub fn locate(text: &str, path: &YamlPath, key_of_last: bool) -> Option<(usize, usize)> {
    let de = serde_yaml::Deserializer::from_str(text);
    let seed = Locator {
        rest: &path.0,
        key_of_last,
    };
    match seed.deserialize(de) {
        Err(e) if e.to_string().contains(HERE) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

const HERE: &str = "bantin-locate-here";

struct Locator<'p> {
    rest: &'p [Seg],
    key_of_last: bool,
}

impl<'de> DeserializeSeed<'de> for Locator<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Locator<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Seg::Key(want), rest)) = self.rest.split_first() else {
            return Err(de::Error::custom(HERE));
        };
        while let Some(key) = map.next_key_seed(KeySeed {
            want,
            stop_here: rest.is_empty() && self.key_of_last,
        })? {
            if key {
                return map.next_value_seed(Locator {
                    rest,
                    key_of_last: self.key_of_last,
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(want), rest)) = self.rest.split_first() else {
            return Err(de::Error::custom(HERE));
        };
        for _ in 0..*want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Locator {
            rest,
            key_of_last: self.key_of_last,
        })?;
        Ok(())
    }

    // A scalar reached with path left over is not what was asked for;
    // reached with nothing left, it is the node.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.scalar()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
}

impl Locator<'_> {
    fn scalar<E: de::Error>(&self) -> Result<(), E> {
        if self.rest.is_empty() {
            Err(E::custom(HERE))
        } else {
            Ok(())
        }
    }
}

/// Reads a mapping key; true when it is the wanted one. With `stop_here` the
/// wanted key itself is the target.
struct KeySeed<'a> {
    want: &'a str,
    stop_here: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.hit(v == self.want)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.hit(v.to_string() == self.want)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.hit(v.to_string() == self.want)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.hit(v.to_string() == self.want)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.hit(v.to_string() == self.want)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.hit(self.want == "~")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

impl KeySeed<'_> {
    fn hit<E: de::Error>(&self, found: bool) -> Result<bool, E> {
        if found && self.stop_here {
            Err(E::custom(HERE))
        } else {
            Ok(found)
        }
    }
}

/// The text of a key as written (numbers and booleans as YAML prints them).
pub fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "~".to_owned(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

/// What kind of node a value is, in words for an error message.
pub fn kind_of(v: &Value) -> Message {
    match v {
        Value::Null => msg!("node-nothing"),
        Value::Bool(_) => msg!("node-bool"),
        Value::Number(_) => msg!("node-number"),
        Value::String(_) => msg!("node-text"),
        Value::Sequence(_) => msg!("node-list"),
        Value::Mapping(_) => msg!("node-mapping"),
        Value::Tagged(_) => msg!("node-tagged"),
    }
}

/// A YAML file being read: its text, for locating problems, and the path
/// shown in messages.
pub struct Source<'a> {
    pub shown: &'a std::path::Path,
    pub text: &'a str,
}

impl Source<'_> {
    /// An error at the node (or, with `at_key`, at the key naming it).
    pub fn error(&self, path: &YamlPath, at_key: bool, message: Message) -> Diagnostic {
        match locate(self.text, path, at_key) {
            Some(pos) => Diagnostic::error(self.shown, message).at_opt(Some(pos)),
            // No position (a node written in an unusual way): the YAML
            // path still tells the editor where to look.
            None if !path.0.is_empty() => Diagnostic::error(
                self.shown,
                msg!("at-yaml-path", message = message, path = path.to_string()),
            ),
            None => Diagnostic::error(self.shown, message),
        }
    }

    /// A key that is not one of `known`, with a "did you mean" hint.
    pub fn unknown_key(
        &self,
        path: &YamlPath,
        key: &str,
        what: Message,
        known: &[&str],
    ) -> Diagnostic {
        let hint = match crate::diagnostic::did_you_mean(key, known.iter().copied()) {
            Some(s) => msg!("did-you-mean", name = s),
            None => msg!("allowed-keys", keys = known.join(", ")),
        };
        self.error(
            &path.key(key),
            true,
            msg!("unknown-key", what = what, key = key),
        )
        .with_hint(hint)
    }

    /// Reads `{ vi: …, en: … }` or a plain string as [`LocalText`].
    pub fn local_text(
        &self,
        path: &YamlPath,
        v: &Value,
        problems: &mut Vec<Diagnostic>,
    ) -> crate::config::LocalText {
        use crate::config::LocalText;
        match v {
            Value::String(s) => LocalText::Same(s.clone()),
            Value::Mapping(m) => {
                let mut out = std::collections::BTreeMap::new();
                for (k, val) in m {
                    let lang = key_text(k);
                    match val {
                        Value::String(s) => {
                            out.insert(lang, s.clone());
                        }
                        Value::Number(n) => {
                            out.insert(lang, n.to_string());
                        }
                        Value::Null => {}
                        other => problems.push(self.error(
                            &path.key(&lang),
                            false,
                            msg!("expected-text", found = kind_of(other)),
                        )),
                    }
                }
                LocalText::PerLanguage(out)
            }
            Value::Null => LocalText::None,
            other => {
                problems.push(
                    self.error(path, false, msg!("expected-text", found = kind_of(other)))
                        .with_hint(msg!("expected-text-hint")),
                );
                LocalText::None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "period: 2021-Q1\nindicators:\n  exports:\n    value: 5718.5\n    growth_yo: 25.15\nbreakdowns:\n  s:\n    rows:\n      - { label: a, growth_yoy: 1 }\n      - { label: b, growth_yoy: x }\n";

    #[test]
    fn locates_values_and_keys() {
        let p = YamlPath::root()
            .key("indicators")
            .key("exports")
            .key("value");
        assert_eq!(locate(DOC, &p, false), Some((4, 12)));
        let k = YamlPath::root()
            .key("indicators")
            .key("exports")
            .key("growth_yo");
        assert_eq!(locate(DOC, &k, true), Some((5, 5)));
    }

    #[test]
    fn locates_inside_flow_sequences() {
        let p = YamlPath::root()
            .key("breakdowns")
            .key("s")
            .key("rows")
            .index(1)
            .key("growth_yoy");
        assert_eq!(locate(DOC, &p, false), Some((10, 33)));
    }

    #[test]
    fn missing_paths_have_no_location() {
        let p = YamlPath::root().key("nothing").key("here");
        assert_eq!(locate(DOC, &p, false), None);
    }

    #[test]
    fn syntax_errors_carry_position() {
        let e = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(e.position.is_some(), "{e:?}");
    }
}

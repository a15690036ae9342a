//! `content/indicators.yaml`: what each indicator is called and measured
//! in, once per site. Every value in a data file is in its indicator's
//! catalogue unit.

use std::collections::HashMap;
use std::path::Path;

use serde_yaml::Value;

use crate::config::{Config, LocalText};
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Source, YamlPath};

pub const FILE: &str = "content/indicators.yaml";

#[derive(Debug, Clone)]
pub struct Indicator {
    /// Lowercase ASCII id (`exports`), as data files and calls name it.
    pub id: String,
    pub name: LocalText,
    pub unit: LocalText,
    /// Decimals shown for levels; without it, as many as written.
    pub decimals: Option<u8>,
    /// What a `share` is a share of ("GRDP"), for the wording.
    pub share_of: LocalText,
    /// What the indicator measures, for its page: a sentence or two.
    pub definition: LocalText,
    /// How its levels behave over time; decides which consistency checks
    /// apply (only flows add up over months).
    pub kind: Option<IndicatorKind>,
}

/// What sort of quantity an indicator's `value` is (`kind:` in the
/// catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    /// Accumulates over time: exports, retail sales. Months add up to
    /// quarters, quarters to years.
    Flow,
    /// A level at a moment: industrial parks, their area.
    Stock,
    /// An index number (base period = 100).
    Index,
    /// A ratio or percentage: occupancy, a share.
    Rate,
}

impl IndicatorKind {
    pub const NAMES: [&str; 4] = ["flow", "stock", "index", "rate"];

    pub fn parse(s: &str) -> Option<IndicatorKind> {
        Some(match s {
            "flow" => IndicatorKind::Flow,
            "stock" => IndicatorKind::Stock,
            "index" => IndicatorKind::Index,
            "rate" => IndicatorKind::Rate,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub indicators: Vec<Indicator>,
    index: HashMap<String, usize>,
}

const KEYS: [&str; 6] = ["name", "unit", "decimals", "share_of", "definition", "kind"];

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.index.get(id).map(|&i| &self.indicators[i])
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.indicators.iter().map(|i| i.id.as_str())
    }

    /// Position in the catalogue: the order indicators are shown in.
    pub fn position(&self, id: &str) -> usize {
        self.index.get(id).copied().unwrap_or(usize::MAX)
    }

    pub fn load(root: &Path, config: &Config) -> Result<Catalog, Vec<Diagnostic>> {
        let shown = Path::new(FILE);
        let path = root.join(FILE);
        if !path.is_file() {
            return Err(vec![Diagnostic::error(FILE, "the indicator catalogue is missing").with_hint(
                "create content/indicators.yaml naming each indicator, e.g.\nexports:\n  name: { vi: \"Kim ngạch xuất khẩu\", en: \"Export turnover\" }\n  unit: { vi: \"triệu USD\", en: \"million USD\" }",
            )]);
        }
        let text = crate::fs::read_text(&path, shown).map_err(|d| vec![d])?;
        Self::parse(&text, shown, config)
    }

    pub fn parse(text: &str, shown: &Path, config: &Config) -> Result<Catalog, Vec<Diagnostic>> {
        let src = Source { shown, text };
        let doc = yaml::parse(text)
            .map_err(|e| vec![Diagnostic::error(shown, e.message).at_opt(e.position)])?;
        let root = YamlPath::root();
        let mut problems = Vec::new();
        let mut catalog = Catalog::default();
        let Value::Mapping(map) = doc else {
            return Err(vec![
                src.error(&root, false, "the catalogue must list indicators by id")
                    .with_hint("start each indicator with its id and a colon, e.g. `exports:`"),
            ]);
        };
        for (k, v) in &map {
            let id = yaml::key_text(k);
            let at = root.key(&id);
            if !is_id(&id) {
                problems.push(
                    src.error(&at, true, format!("`{id}` is not a valid indicator id"))
                        .with_hint("ids use lowercase letters a-z, digits and _ (e.g. `exports`, `port_cargo`)"),
                );
                continue;
            }
            let Value::Mapping(fields) = v else {
                problems.push(src.error(
                    &at,
                    false,
                    format!("indicator `{id}` needs a name and a unit"),
                ));
                continue;
            };
            let mut ind = Indicator {
                id: id.clone(),
                name: LocalText::None,
                unit: LocalText::None,
                decimals: None,
                share_of: LocalText::None,
                definition: LocalText::None,
                kind: None,
            };
            for (fk, fv) in fields {
                let key = yaml::key_text(fk);
                match key.as_str() {
                    "name" => ind.name = src.local_text(&at.key("name"), fv, &mut problems),
                    "unit" => ind.unit = src.local_text(&at.key("unit"), fv, &mut problems),
                    "share_of" => {
                        ind.share_of = src.local_text(&at.key("share_of"), fv, &mut problems)
                    }
                    "definition" => {
                        ind.definition = src.local_text(&at.key("definition"), fv, &mut problems)
                    }
                    "kind" => match fv.as_str().and_then(IndicatorKind::parse) {
                        Some(k) => ind.kind = Some(k),
                        None => {
                            let written = fv
                                .as_str()
                                .map_or_else(|| yaml::kind_of(fv).to_owned(), |s| format!("`{s}`"));
                            let hint = match fv.as_str().and_then(|s| {
                                crate::diagnostic::did_you_mean(s, IndicatorKind::NAMES)
                            }) {
                                Some(k) => format!("did you mean `{k}`?"),
                                None => "write flow (adds up over time: exports, retail sales), stock (a level at a moment), index or rate".to_owned(),
                            };
                            problems.push(
                                src.error(
                                    &at.key("kind"),
                                    false,
                                    format!("{written} is not a kind of indicator"),
                                )
                                .with_hint(hint),
                            );
                        }
                    },
                    "decimals" => match fv.as_u64() {
                        Some(d) if d <= 6 => ind.decimals = Some(d as u8),
                        _ => problems.push(src.error(
                            &at.key("decimals"),
                            false,
                            "decimals must be a whole number from 0 to 6",
                        )),
                    },
                    _ => problems.push(src.unknown_key(&at, &key, "indicator setting", &KEYS)),
                }
            }
            for lang in &config.languages {
                for (what, text) in [("name", &ind.name), ("unit", &ind.unit)] {
                    if text.get(lang).is_none() {
                        problems.push(
                            src.error(
                                &at,
                                true,
                                format!("indicator `{id}` has no {what} in `{lang}`"),
                            )
                            .with_hint(format!(
                                "add `{what}: {{ {lang}: \"…\" }}` (every site language needs one)"
                            )),
                        );
                    }
                }
            }
            catalog.index.insert(id, catalog.indicators.len());
            catalog.indicators.push(ind);
        }
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }
}

/// Ids of indicators and breakdowns: `a-z0-9_`, starting with a letter.
pub fn is_id(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

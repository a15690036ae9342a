//! `content/indicators.yaml`: what each indicator is called and measured
//! in, once per site. Every value in a data file is in its indicator's
//! catalogue unit.

use std::collections::HashMap;
use std::path::Path;

use serde_yaml::Value;

use crate::config::{Config, LocalText};
use crate::diagnostic::Diagnostic;
use crate::msg;
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
    /// The catalogue file could not be read: it lists nothing, and nothing
    /// is to be reported missing from it.
    pub unread: bool,
}

const KEYS: [&str; 6] = ["name", "unit", "decimals", "share_of", "definition", "kind"];

impl Catalog {
    /// The stand-in for a catalogue that could not be read.
    pub fn unread() -> Catalog {
        Catalog {
            unread: true,
            ..Catalog::default()
        }
    }

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

    /// Reads the catalogue with the problems in it. An indicator with a
    /// problem is still listed (with what could be read), so the releases
    /// that use it are checked too; a catalogue that cannot be read as a
    /// whole is `None`.
    pub fn load(root: &Path, config: &Config) -> (Option<Catalog>, Vec<Diagnostic>) {
        let shown = Path::new(FILE);
        let path = root.join(FILE);
        if !path.is_file() {
            return (
                None,
                vec![
                    Diagnostic::error(FILE, msg!("catalog-missing"))
                        .with_hint(msg!("catalog-missing-hint")),
                ],
            );
        }
        match crate::fs::read_text(root, &path, shown) {
            Ok(text) => Self::parse(&text, shown, config),
            Err(d) => (None, vec![d]),
        }
    }

    pub fn parse(text: &str, shown: &Path, config: &Config) -> (Option<Catalog>, Vec<Diagnostic>) {
        let src = Source { shown, text };
        let doc = match yaml::parse(text) {
            Ok(doc) => doc,
            Err(e) => return (None, vec![e.diagnostic(shown)]),
        };
        let root = YamlPath::root();
        let mut problems = Vec::new();
        let mut catalog = Catalog::default();
        let Value::Mapping(map) = doc else {
            return (
                None,
                vec![
                    src.error(&root, false, msg!("catalog-not-mapping"))
                        .with_hint(msg!("catalog-not-mapping-hint")),
                ],
            );
        };
        for (k, v) in &map {
            let id = yaml::key_text(k);
            let at = root.key(&id);
            if !is_id(&id) {
                problems.push(
                    src.error(&at, true, msg!("catalog-bad-id", id = &id))
                        .with_hint(msg!("id-hint")),
                );
                continue;
            }
            let mut ind = Indicator {
                id: id.clone(),
                name: LocalText::None,
                unit: LocalText::None,
                decimals: None,
                share_of: LocalText::None,
                definition: LocalText::None,
                kind: None,
            };
            let Value::Mapping(fields) = v else {
                problems.push(src.error(&at, false, msg!("catalog-needs-name", id = &id)));
                catalog.add(ind);
                continue;
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
                            let written = match fv.as_str() {
                                Some(s) => msg!("quoted", text = s),
                                None => yaml::kind_of(fv),
                            };
                            let hint = match fv.as_str().and_then(|s| {
                                crate::diagnostic::did_you_mean(s, IndicatorKind::NAMES)
                            }) {
                                Some(k) => msg!("did-you-mean", name = k),
                                None => msg!("catalog-kind-hint"),
                            };
                            problems.push(
                                src.error(
                                    &at.key("kind"),
                                    false,
                                    msg!("catalog-bad-kind", written = written),
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
                            msg!("catalog-bad-decimals"),
                        )),
                    },
                    _ => problems.push(src.unknown_key(
                        &at,
                        &key,
                        msg!("what-indicator-setting"),
                        &KEYS,
                    )),
                }
            }
            for lang in &config.languages {
                for (what, text) in [("name", &ind.name), ("unit", &ind.unit)] {
                    if text.get(lang).is_none() {
                        let (message, hint) = if what == "name" {
                            (
                                msg!("catalog-no-name", id = &id, lang = lang),
                                msg!("catalog-no-name-hint", lang = lang),
                            )
                        } else {
                            (
                                msg!("catalog-no-unit", id = &id, lang = lang),
                                msg!("catalog-no-unit-hint", lang = lang),
                            )
                        };
                        problems.push(src.error(&at, true, message).with_hint(hint));
                    }
                }
            }
            catalog.add(ind);
        }
        (Some(catalog), problems)
    }

    fn add(&mut self, indicator: Indicator) {
        self.index
            .insert(indicator.id.clone(), self.indicators.len());
        self.indicators.push(indicator);
    }
}

/// Ids of indicators and breakdowns: `a-z0-9_`, starting with a letter.
pub fn is_id(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

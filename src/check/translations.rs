//! Rule `translation`: what is written in one of the site's languages but
//! not in another. Nothing here stops a build (a page without its English
//! text is still published, with a note), but editors need the list to
//! finish a release in every language; reports show these together.

use std::path::Path;

use super::{DataFiles, Rule};
use crate::config::LocalText;
use crate::diagnostic::{Diagnostic, Diagnostics, Level};
use crate::msg;
use crate::site::{PAGES_DIR, Site};
use crate::yaml::YamlPath;

pub fn check(site: &Site, files: &DataFiles, problems: &mut Diagnostics) {
    let langs = &site.config.languages;
    for b in site.releases() {
        // A data-only release (no narrative at all) is complete as it is.
        if !b.narratives().is_empty() {
            for lang in langs.iter().filter(|l| !b.narratives().contains_key(*l)) {
                problems.push(
                    Diagnostic::warning(
                        b.dir.join(format!("index.{lang}.md")),
                        msg!(
                            "translation-no-narrative",
                            period = b.period().id(),
                            lang = lang
                        ),
                    )
                    .rule(Rule::Translation)
                    .with_hint(msg!(
                        "translation-no-narrative-hint",
                        file = b
                            .narratives()
                            .values()
                            .next()
                            .map(|n| crate::messages::slashed(&n.file))
                            .unwrap_or_default()
                    )),
                );
            }
        }
        for bd in &b.data().breakdowns {
            // Paths into the file are built only for what is missing: this
            // runs for every row of every release.
            let at = || YamlPath::root().key("breakdowns").key(&bd.id);
            let mut texts: Vec<(Option<usize>, &str, &LocalText)> =
                vec![(None, "title", &bd.title), (None, "unit", &bd.unit)];
            texts.extend(
                bd.rows
                    .iter()
                    .enumerate()
                    .map(|(i, row)| (Some(i), "label", &row.label)),
            );
            for (row, what, text) in texts {
                for lang in missing(text, langs) {
                    let (path, message) = match row {
                        Some(i) => (
                            at().key("rows").index(i).key("label"),
                            msg!("translation-no-row-label", id = &bd.id, lang = lang),
                        ),
                        None => (
                            at().key(what),
                            msg!(
                                "translation-no-breakdown-text",
                                id = &bd.id,
                                lang = lang,
                                what = what
                            ),
                        ),
                    };
                    problems.push(
                        files
                            .at(b, &path, false, Level::Warning, Rule::Translation, message)
                            .with_hint(msg!(
                                "translation-add-until",
                                lang = lang,
                                default = &site.config.default_language
                            )),
                    );
                }
            }
        }
    }
    for p in &site.pages {
        for lang in langs.iter().filter(|l| !p.texts.contains_key(*l)) {
            problems.push(
                Diagnostic::warning(
                    Path::new(PAGES_DIR).join(format!("{}.{lang}.md", p.slug)),
                    msg!("translation-no-page", slug = &p.slug, lang = lang),
                )
                .rule(Rule::Translation),
            );
        }
    }
    let catalogue = Path::new(crate::catalog::FILE);
    for ind in &site.catalog.indicators {
        for (what, text) in [("definition", &ind.definition), ("share_of", &ind.share_of)] {
            for lang in missing(text, langs) {
                problems.push(
                    files
                        .in_file(
                            catalogue,
                            &YamlPath::root().key(&ind.id).key(what),
                            false,
                            Level::Warning,
                            Rule::Translation,
                            msg!(
                                "translation-no-indicator-text",
                                id = &ind.id,
                                lang = lang,
                                what = what
                            ),
                        )
                        .with_hint(msg!("translation-add", lang = lang)),
                );
            }
        }
    }
}

/// The languages a text written per language lacks. A text given once
/// for all languages (a plain string), or not at all, lacks none.
fn missing<'a>(text: &'a LocalText, langs: &'a [String]) -> impl Iterator<Item = &'a str> {
    let per_language = matches!(text, LocalText::PerLanguage(_));
    langs
        .iter()
        .filter(move |l| per_language && text.get(l).is_none())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn only_texts_written_per_language_can_miss_one() {
        let langs = vec!["vi".to_owned(), "en".to_owned()];
        let mut m = BTreeMap::new();
        m.insert("vi".to_owned(), "Đóng tàu".to_owned());
        let of = |t: &LocalText| -> Vec<String> { missing(t, &langs).map(str::to_owned).collect() };
        assert_eq!(of(&LocalText::PerLanguage(m.clone())), ["en"]);
        m.insert("en".to_owned(), "  ".to_owned());
        assert_eq!(of(&LocalText::PerLanguage(m.clone())), ["en"]);
        m.insert("en".to_owned(), "Shipbuilding".to_owned());
        assert!(of(&LocalText::PerLanguage(m)).is_empty());
        assert!(of(&LocalText::Same("IIP".into())).is_empty());
        assert!(of(&LocalText::None).is_empty());
    }
}

//! Rule `translation`: what is written in one of the site's languages but
//! not in another. Nothing here stops a build (a page without its English
//! text is still published, with a note), but editors need the list to
//! finish a release in every language; reports show these together.

use std::path::Path;

use super::{DataFiles, Rule};
use crate::config::LocalText;
use crate::diagnostic::{Diagnostic, Diagnostics, Level};
use crate::site::{PAGES_DIR, Site};
use crate::yaml::YamlPath;

pub fn check(site: &Site, files: &DataFiles, problems: &mut Diagnostics) {
    let langs = &site.config.languages;
    for b in &site.bulletins {
        // A data-only release (no narrative at all) is complete as it is.
        if !b.narratives.is_empty() {
            for lang in langs.iter().filter(|l| !b.narratives.contains_key(*l)) {
                problems.push(
                    Diagnostic::warning(
                        b.dir.join(format!("index.{lang}.md")),
                        format!(
                            "{} has no `{lang}` narrative: its `{lang}` page shows the figures with a note that the text is not yet available",
                            b.period().id()
                        ),
                    )
                    .rule(Rule::Translation)
                    .with_hint(format!(
                        "translate {} into this file",
                        b.narratives
                            .values()
                            .next()
                            .map(|n| n.file.display().to_string())
                            .unwrap_or_default()
                    )),
                );
            }
        }
        for bd in &b.data.breakdowns {
            let at = YamlPath::root().key("breakdowns").key(&bd.id);
            let mut texts = vec![(at.key("title"), "title", &bd.title)];
            if !bd.unit.is_empty() {
                texts.push((at.key("unit"), "unit", &bd.unit));
            }
            for (i, row) in bd.rows.iter().enumerate() {
                texts.push((at.key("rows").index(i).key("label"), "label", &row.label));
            }
            for (path, what, text) in texts {
                for lang in missing(text, langs) {
                    let where_ = if what == "label" {
                        format!("a row of `{}`", bd.id)
                    } else {
                        format!("`{}`", bd.id)
                    };
                    problems.push(
                        files
                            .at(
                                b,
                                &path,
                                false,
                                Level::Warning,
                                Rule::Translation,
                                format!("{where_} has no `{lang}` {what}"),
                            )
                            .with_hint(format!(
                                "add `{lang}: \"…\"`; until then the page shows it in {}",
                                site.config.default_language
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
                    format!(
                        "the page `{}` has no `{lang}` version, so it is not published in `{lang}`",
                        p.slug
                    ),
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
                            format!("`{}` has no `{lang}` {what}", ind.id),
                        )
                        .with_hint(format!("add `{lang}: \"…\"`")),
                );
            }
        }
    }
}

/// The languages a text written per language lacks. A text given once
/// for all languages (a plain string), or not at all, lacks none.
fn missing<'a>(text: &LocalText, langs: &'a [String]) -> Vec<&'a str> {
    match text {
        LocalText::PerLanguage(_) => langs
            .iter()
            .filter(|l| text.get(l).is_none())
            .map(String::as_str)
            .collect(),
        _ => Vec::new(),
    }
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
        assert_eq!(missing(&LocalText::PerLanguage(m.clone()), &langs), ["en"]);
        m.insert("en".to_owned(), "  ".to_owned());
        assert_eq!(missing(&LocalText::PerLanguage(m.clone()), &langs), ["en"]);
        m.insert("en".to_owned(), "Shipbuilding".to_owned());
        assert!(missing(&LocalText::PerLanguage(m), &langs).is_empty());
        assert!(missing(&LocalText::Same("IIP".into()), &langs).is_empty());
        assert!(missing(&LocalText::None, &langs).is_empty());
    }
}

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// The message ids of a file, and the variables each uses.
fn ids(lang: Lang) -> BTreeSet<String> {
    let resource = FluentResource::try_new(lang.source().to_owned())
        .unwrap_or_else(|(_, e)| panic!("{}.ftl does not parse: {e:?}", lang.code()));
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_message_is_in_both_languages() {
    let (vi, en) = (ids(Lang::Vi), ids(Lang::En));
    let only_en: Vec<_> = en.difference(&vi).collect();
    let only_vi: Vec<_> = vi.difference(&en).collect();
    assert!(only_en.is_empty(), "in en.ftl but not vi.ftl: {only_en:?}");
    assert!(only_vi.is_empty(), "in vi.ftl but not en.ftl: {only_vi:?}");
}

/// Every message id `msg!` is given in the source names a message of the files (else it
/// would be shown as its id).
#[test]
fn every_id_the_code_names_exists() {
    let known = ids(Lang::En);
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (at, _) in text.match_indices("msg!(") {
            let rest = text[at + 5..].trim_start();
            let Some(id) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) else {
                continue;
            };
            let is_id = !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !is_id {
                continue;
            }
            if !known.contains(id) {
                missing.push(format!("{}: {id}", entry.path().display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ids not in the message files: {missing:?}"
    );
}

/// The variables of a pattern, for the check below.
fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            out.insert(id.name.to_owned());
        }
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                out.insert(id.name.to_owned());
            }
            for v in variants {
                variables(&v.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_variables(expression, out);
        }
        _ => {}
    }
}

/// A Vietnamese message uses the arguments its English twin uses (but for
/// the unit, which each language takes in its own words), so nothing the
/// English reader is told is missing in Vietnamese.
#[test]
fn both_languages_say_the_same_arguments() {
    let per_message = |lang: Lang| {
        let resource = FluentResource::try_new(lang.source().to_owned()).unwrap();
        let mut map = std::collections::BTreeMap::new();
        for e in resource.entries() {
            if let Entry::Message(m) = e {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                vars.retain(|v| !v.starts_with("unit_"));
                map.insert(m.id.name.to_owned(), vars);
            }
        }
        map
    };
    let (vi, en) = (per_message(Lang::Vi), per_message(Lang::En));
    for (id, vars) in &en {
        assert_eq!(vi.get(id), Some(vars), "the arguments of `{id}`");
    }
}

#[test]
fn messages_are_said_in_each_language_with_figures_in_its_format() {
    let m = msg!("sense-share", value = Arg::figure(5718.5, None));
    assert_eq!(
        m.text(Lang::En),
        "a share is between 0 and 100%, not 5,718.5"
    );
    assert_eq!(
        m.text(Lang::Vi),
        "tỷ trọng nằm trong khoảng 0 đến 100%, không phải 5.718,5"
    );
    let count = |n: usize| {
        msg!(
            "report-summary",
            errors = n,
            warnings = 1usize,
            files = 2usize
        )
    };
    assert_eq!(count(1).text(Lang::En), "1 error, 1 warning in 2 files");
    assert_eq!(count(3).text(Lang::En), "3 errors, 1 warning in 2 files");
    assert_eq!(count(3).text(Lang::Vi), "3 lỗi, 1 cảnh báo trong 2 tệp");
}

#[test]
fn words_inside_words_take_the_same_language() {
    let m = msg!("expected-text", found = msg!("node-list"));
    assert_eq!(m.text(Lang::En), "expected text, found a list");
    assert_eq!(m.text(Lang::Vi), "cần văn bản, nhưng gặp một danh sách");
}

#[test]
fn the_language_is_chosen_by_flag_then_site() {
    assert_eq!(Lang::parse("vi_VN.UTF-8"), Some(Lang::Vi));
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::choose(Some(Lang::En), Some("vi")), Lang::En);
    // BANTIN_LANG is not set in the test run (the suite does not set it).
    if std::env::var_os("BANTIN_LANG").is_none() {
        assert_eq!(Lang::choose(None, Some("en")), Lang::En);
        assert_eq!(Lang::choose(None, Some("fr")), Lang::Vi);
    }
}

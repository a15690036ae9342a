//! `data/datapackage.json`: a Frictionless Data Package (v2) describing
//! every CSV file of the open data: the releases' figures, the
//! indicators' series, `all.csv`, `revisions.csv` and the SDMX-CSV file,
//! with their fields, types, the units, the missing-value symbol, the
//! licence and the source. The files of figures share one Table Schema,
//! `data/schema.json`, which each of them names, so that a site of a
//! thousand releases does not repeat it a thousand times.
//!
//! Paths are relative to the package (the `data/` folder), as the
//! standard asks, so the package works wherever the site is copied.

use serde_json::{Value, json};

use crate::address::{Addresses, File};
use crate::config::LocalText;
use crate::site::Site;

use super::sdmx;

const PACKAGE_PROFILE: &str = "https://datapackage.org/profiles/2.0/datapackage.json";
const SCHEMA_PROFILE: &str = "https://datapackage.org/profiles/2.0/tableschema.json";

/// The folder the package and the files it names sit in.
const DATA: &str = "data/";

/// A path of the package: `2021-q1.csv` for `data/2021-q1.csv`.
fn relative(addr: &Addresses, file: File) -> String {
    let out = addr.file_output(file);
    out.strip_prefix(DATA).map_or(out.clone(), str::to_owned)
}

fn text(t: &LocalText, site: &Site) -> String {
    t.get_or(&site.config.default_language, "en").to_owned()
}

/// Texts in every language of the site (a custom property: the standard
/// has one title and description).
fn texts(t: &LocalText, site: &Site) -> Value {
    site.config
        .languages
        .iter()
        .filter_map(|l| t.get(l).map(|s| (l.clone(), Value::from(s))))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn field(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "description": description })
}

fn one_of(name: &str, description: &str, values: &[&str]) -> Value {
    json!({
        "name": name,
        "type": "string",
        "description": description,
        "constraints": { "enum": values },
    })
}

/// The Table Schema of every CSV file of figures (`data/schema.json`):
/// the columns of [`super::columns`].
pub fn figures_schema(site: &Site) -> String {
    let mut fields = vec![
        field(
            "period",
            "string",
            "The period the figure covers: 2021, 2021-Q1, 2022-H1, 2024-9M, 2021-03.",
        ),
        one_of(
            "period_kind",
            "The kind of period.",
            &["year", "cumulative", "quarter", "month"],
        ),
        one_of(
            "status",
            "How final the release's figures are.",
            &crate::dataset::Status::NAMES,
        ),
        field("published", "date", "The release date."),
        field(
            "indicator",
            "string",
            "The indicator's code (empty on a breakdown's rows).",
        ),
        field(
            "breakdown",
            "string",
            "The breakdown's code (empty on an indicator's rows).",
        ),
        one_of(
            "field",
            "What the number is: the level (value) or a percentage.",
            &crate::dataset::Field::NAMES,
        ),
        field(
            "value",
            "number",
            "The figure, in the unit of the unit columns: the indicator's unit for value, % for every other field.",
        ),
    ];
    for (what, about) in [
        ("unit", "The unit"),
        ("name", "The indicator's name or the breakdown's title"),
        ("item", "The item of a breakdown's row"),
    ] {
        for l in &site.config.languages {
            fields.push(field(
                &format!("{what}_{l}"),
                "string",
                &format!("{about}, in the language {l}."),
            ));
        }
    }
    fields.push(field(
        "revised_by",
        "string",
        "In all.csv and the series: the release (its slug) that last revised the figure; empty if never revised.",
    ));
    let schema = json!({
        "$schema": SCHEMA_PROFILE,
        "fields": fields,
        "missingValues": [""],
    });
    pretty(&schema)
}

fn revisions_schema(site: &Site) -> Value {
    let mut fields = vec![
        field("period", "string", "The period of the revised figure."),
        field("indicator", "string", "The indicator's code."),
        one_of(
            "field",
            "What the number is.",
            &crate::dataset::Field::NAMES,
        ),
        field("value", "number", "The figure in this version."),
        one_of(
            "status",
            "The figure's status in this version.",
            &crate::dataset::Status::NAMES,
        ),
        one_of(
            "version",
            "first (as first published), revision or correction.",
            &["first", "revision", "correction"],
        ),
        field(
            "release",
            "string",
            "The period of the release that published this version.",
        ),
        field("published", "date", "That release's date."),
    ];
    for l in &site.config.languages {
        fields.push(field(
            &format!("reason_{l}"),
            "string",
            &format!("Why the figure was revised, in the language {l}."),
        ));
    }
    json!({ "fields": fields, "missingValues": [""] })
}

fn sdmx_schema() -> Value {
    let fields: Vec<Value> = sdmx::COLUMNS
        .iter()
        .map(|c| {
            let kind = if *c == "OBS_VALUE" {
                "number"
            } else {
                "string"
            };
            json!({ "name": c, "type": kind })
        })
        .collect();
    json!({ "fields": fields, "missingValues": [""] })
}

/// A CSV resource of the package.
fn resource(name: &str, path: String, title: &str, schema: Value) -> Value {
    json!({
        "name": name,
        "type": "table",
        "path": path,
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        // The files of figures begin with a byte-order mark, for Excel;
        // readers of UTF-8 skip it.
        "encoding": "utf-8",
        "dialect": { "header": true, "delimiter": ",", "lineTerminator": "\r\n" },
        "schema": schema,
    })
}

/// The package's text.
pub fn datapackage(site: &Site, addr: &Addresses) -> String {
    let shared = Value::from(relative(addr, File::TableSchema));
    let mut resources = vec![resource(
        "all",
        relative(addr, File::AllCsv),
        "Every figure of every release",
        shared.clone(),
    )];
    for b in site.releases() {
        let slug = b.slug();
        let mut r = resource(
            &format!("release-{slug}"),
            relative(addr, File::ReleaseCsv(slug)),
            &format!("The figures of the release of {}", b.period().id()),
            shared.clone(),
        );
        r["bantin:period"] = b.period().id().into();
        resources.push(r);
    }
    for ind in site.indicators_with_data() {
        let mut r = resource(
            &format!("indicator-{}", ind.id.replace('_', "-")),
            relative(addr, File::IndicatorCsv(&ind.id)),
            &format!("{}: every period", text(&ind.name, site)),
            shared.clone(),
        );
        r["description"] = format!(
            "{} ({}), every period; percentages for every field but value.",
            ind.name.get_or("en", &site.config.default_language),
            ind.unit.get_or("en", &site.config.default_language),
        )
        .into();
        r["bantin:name"] = texts(&ind.name, site);
        r["bantin:unit"] = texts(&ind.unit, site);
        resources.push(r);
    }
    resources.push(resource(
        "revisions",
        relative(addr, File::RevisionsCsv),
        "Every version of every revised figure",
        revisions_schema(site),
    ));
    resources.push(resource(
        "sdmx-all",
        relative(addr, File::SdmxCsv),
        "Every observation in SDMX-CSV 2.0",
        sdmx_schema(),
    ));
    let page = addr.page_url(&site.config.default_language, crate::address::Page::Data);
    let licence = match site
        .config
        .licence
        .get_or(&site.config.default_language, "en")
    {
        "" => "The publisher has not stated terms of reuse; cite the source.".to_owned(),
        l => l.to_owned(),
    };
    let publisher = text(&site.config.publisher, site);
    let mut package = json!({
        "$schema": PACKAGE_PROFILE,
        "name": package_name(addr.base_url()),
        "title": text(&site.config.title, site),
        "homepage": page,
        "licenses": [{ "title": licence, "path": page }],
        "resources": resources,
        "bantin:title": texts(&site.config.title, site),
    });
    let description = text(&site.config.description, site);
    if !description.is_empty() {
        package["description"] = description.into();
    }
    if !publisher.is_empty() {
        package["sources"] = json!([{ "title": publisher, "path": addr.base_url() }]);
        package["contributors"] = json!([{ "title": publisher, "roles": ["publisher"] }]);
    }
    if let Some(d) = site.releases().iter().filter_map(|b| b.published()).max() {
        package["created"] = format!("{d}T00:00:00Z").into();
    }
    pretty(&package)
}

/// The package's name, from the site's address: lowercase letters,
/// digits and `-._` (`congthuong.haiphong.gov.vn-bantin`).
fn package_name(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let name: String = rest
        .trim_end_matches('/')
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '.' | '_' | '-') => c,
            _ => '-',
        })
        .collect();
    if name.is_empty() {
        "bantin".into()
    } else {
        name
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_standard() {
        assert_eq!(
            package_name("https://congthuong.haiphong.gov.vn/bantin/"),
            "congthuong.haiphong.gov.vn-bantin"
        );
        assert_eq!(package_name("http://localhost:1111/"), "localhost-1111");
    }
}

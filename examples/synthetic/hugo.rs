//! The synthetic site for Hugo: a page bundle per release with a file per
//! language, the figures in front matter, the calls as shortcodes, and a
//! minimal theme that shows what bantin's does (cards, the text with its
//! figures and charts' data, a table of every indicator, the breakdown,
//! links to the neighbours and the other language).

use std::fmt::Write as _;
use std::path::Path;

use super::bantin::{SECTORS, unit};
use super::text::{self, CHARTED, Call};
use super::{Release, indicator_id, write};

const CONFIG: &str = r#"baseURL = "https://example.gov.vn/"
title = "Bản tin"
defaultContentLanguage = "vi"
disableKinds = ["taxonomy", "term"]
# Synthetic sites run past today for their size.
buildFuture = true
[languages.vi]
weight = 1
languageName = "Tiếng Việt"
[languages.en]
weight = 2
languageName = "English"
"#;

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 160 }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<ul>{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<section class="cards">{{ range first 4 .Params.figures }}
<div class="card"><p>{{ .name }}</p><p class="figure">{{ with .value }}{{ lang.FormatNumber 1 . }}{{ end }}</p><p>{{ lang.FormatNumber 2 .growth_yoy }}%</p></div>{{ end }}
</section>
<section class="narrative">{{ .Content }}</section>
<table><caption>{{ .Title }}</caption>
<thead><tr><th>Indicator</th><th>Value</th><th>Growth (%)</th><th>Previous (%)</th><th>Plan (%)</th><th>Share (%)</th><th>Country (%)</th></tr></thead>
<tbody>{{ range .Params.figures }}<tr><th>{{ .name }}</th><td>{{ with .value }}{{ lang.FormatNumber 1 . }} {{ $.Params.unit }}{{ end }}</td><td>{{ lang.FormatNumber 2 .growth_yoy }}</td><td>{{ with .growth_prev }}{{ lang.FormatNumber 2 . }}{{ end }}</td><td>{{ with .plan_attainment }}{{ lang.FormatNumber 2 . }}{{ end }}</td><td>{{ with .share }}{{ lang.FormatNumber 2 . }}{{ end }}</td><td>{{ with .national_growth }}{{ lang.FormatNumber 2 . }}{{ end }}</td></tr>{{ end }}</tbody>
</table>
<table><caption>By sector</caption>
<tbody>{{ range .Params.rows }}<tr><th>{{ .label }}</th><td>{{ lang.FormatNumber 2 .value }}</td></tr>{{ end }}</tbody>
</table>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "01/2006" }}</li>{{ end }}</ul>
{{ end }}
"#;

/// A chart: its data as JSON for the page's script, and a table of it.
const CHART: &str = r#"{{ $id := .Get 0 }}{{ $rows := cond (eq $id "by_sector") .Page.Params.rows (index .Page.Params.trends $id) }}
<figure class="chart"><div role="img" aria-label="{{ $id }}"></div>
<script type="application/json">{{ $rows | jsonify | safeJS }}</script>
<table>{{ range $rows }}<tr><th>{{ .label }}</th><td>{{ lang.FormatNumber 1 .value }}</td></tr>{{ end }}</table>
</figure>
"#;

/// `value id [field [period]]`: a level with its unit, or a percentage.
const VALUE: &str = r#"{{ $id := .Get 0 }}{{ $field := or (.Get 1) "value" }}{{ $page := .Page }}{{ with .Get 2 }}{{ $page = site.GetPage (printf "/bulletins/%s" (lower .)) }}{{ end }}{{ range where $page.Params.figures "id" $id }}{{ if eq $field "value" }}{{ lang.FormatNumber 1 .value }} {{ .unit }}{{ else }}{{ lang.FormatNumber 2 (index . $field) }}%{{ end }}{{ end }}"#;

const CHANGE: &str = r#"{{ $id := .Get 0 }}{{ range where .Page.Params.figures "id" $id }}{{ if ge .growth_yoy 0 }}{{ i18n "up" }}{{ else }}{{ i18n "down" }}{{ end }} {{ lang.FormatNumber 2 (cond (ge .growth_yoy 0) .growth_yoy (mul .growth_yoy -1)) }}%{{ end }}"#;

/// A call as the Hugo site's shortcodes write it.
fn call(c: &Call) -> String {
    match c {
        Call::Value { id, field, period } => {
            let mut args = format!("\"{id}\"");
            if field.is_some() || period.is_some() {
                write!(args, " \"{}\"", field.unwrap_or("value")).unwrap();
            }
            if let Some(p) = period {
                write!(args, " \"{p}\"").unwrap();
            }
            format!("{{{{< value {args} >}}}}")
        }
        Call::Change { id } => format!("{{{{< change \"{id}\" >}}}}"),
        Call::Chart { id } => format!("{{{{< chart \"{id}\" >}}}}"),
    }
}

pub fn write_site(root: &Path, releases: &[Release]) {
    write(root, "hugo.toml", CONFIG);
    write(root, "layouts/_default/baseof.html", BASEOF);
    write(root, "layouts/_default/single.html", SINGLE);
    write(root, "layouts/_default/list.html", LIST);
    write(root, "layouts/shortcodes/chart.html", CHART);
    write(root, "layouts/shortcodes/value.html", VALUE);
    write(root, "layouts/shortcodes/change.html", CHANGE);
    write(root, "i18n/vi.toml", "up = \"tăng\"\ndown = \"giảm\"\n");
    write(root, "i18n/en.toml", "up = \"up\"\ndown = \"down\"\n");
    write(
        root,
        "static/style.css",
        "body { font-family: sans-serif; }\n",
    );
    for lang in ["vi", "en"] {
        write(
            root,
            &format!("content/bulletins/_index.{lang}.md"),
            "---\ntitle: \"Bản tin\"\n---\n",
        );
    }
    for r in releases {
        for (l, lang) in ["vi", "en"].iter().enumerate() {
            let (_, last_month) = r.span.months();
            let last_day = match last_month {
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let title = if l == 0 {
                "Tình hình kinh tế"
            } else {
                "The economy"
            };
            let mut page = format!(
                "---\ntitle: \"{title} {}\"\ndate: {}-{last_month:02}-{last_day}\nfigures:\n",
                r.id, r.year
            );
            for (j, f) in r.figures.iter().enumerate() {
                let names = text::name(j);
                let units = unit(j);
                let (name, unit) = if l == 0 {
                    (names.0, units.0)
                } else {
                    (names.1, units.1)
                };
                write!(
                    page,
                    "  - {{ id: {}, name: \"{name}\", unit: \"{unit}\", growth_yoy: {:.2}",
                    indicator_id(j),
                    f.growth_yoy
                )
                .unwrap();
                if let Some(v) = f.value {
                    write!(page, ", value: {v:.1}").unwrap();
                }
                for (key, x) in [
                    ("growth_prev", f.growth_prev),
                    ("plan_attainment", f.plan_attainment),
                    ("share", f.share),
                    ("national_growth", f.national_growth),
                ] {
                    if let Some(x) = x {
                        write!(page, ", {key}: {x:.2}").unwrap();
                    }
                }
                page.push_str(" }\n");
            }
            page.push_str("rows:\n");
            for (s, g) in r.rows.iter().enumerate() {
                let label = if l == 0 { SECTORS[s].0 } else { SECTORS[s].1 };
                writeln!(page, "  - {{ label: \"{label}\", value: {g:.2} }}").unwrap();
            }
            page.push_str("trends:\n");
            for (k, &j) in CHARTED.iter().enumerate() {
                writeln!(page, "  {}:", indicator_id(j)).unwrap();
                for (p, v) in &r.trends[k] {
                    writeln!(page, "    - {{ label: \"{p}\", value: {v:.1} }}").unwrap();
                }
            }
            page.push_str("---\n\n");
            page.push_str(&text::spell(&r.narratives[l], &call));
            write(
                root,
                &format!("content/bulletins/{}/index.{lang}.md", r.slug),
                &page,
            );
        }
    }
}

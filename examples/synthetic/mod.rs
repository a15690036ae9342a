//! A synthetic site for the benchmarks: N releases, newest in 2024, each with 30 indicators, a 20-row breakdown and about
//! 800 words per language with two charts and a few figures in the text.
//! Written for bantin, and with the same content for Hugo (a minimal
//! theme that shows what bantin's does: cards, the text with its charts'
//! data and figures, a table of every indicator, the breakdown, links to
//! the neighbours and the other language), so both can be timed on it.
//!
//! Shared by `examples/gen_site.rs` and the benchmarks (by `#[path]`).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

pub const INDICATORS: usize = 30;
pub const ROWS: usize = 20;
const PARAGRAPHS: usize = 16;
const WORDS: usize = 50;

const VOCABULARY: [&str; 16] = [
    "kim",
    "ngạch",
    "xuất",
    "khẩu",
    "tăng",
    "trưởng",
    "doanh",
    "nghiệp",
    "sản",
    "xuất",
    "công",
    "nghiệp",
    "thành",
    "phố",
    "quý",
    "tháng",
];

/// One release's content, the same whatever tool renders it.
pub struct Release {
    /// As written in data.yaml: `2024-12`, `2024-Q3`, `2024-9M`, `2024`.
    pub id: String,
    /// Its folder: the id in lower case.
    pub slug: String,
    pub year: i32,
    /// The last month the period covers (for Hugo's date).
    pub month: u32,
    /// Per indicator: level and growth on the same period a year before.
    pub figures: Vec<(f64, f64)>,
    /// The breakdown's growth per sector.
    pub rows: Vec<i64>,
    /// Per language (vi, en): paragraphs of words.
    pub paragraphs: [Vec<String>; 2],
}

/// The kinds of period a year has, as (id suffix, last month, periods of
/// that kind per year): 12 months, 4 quarters, the first half, the
/// cumulative months that are not also a quarter, half or year, and the
/// year. 26 releases a year.
fn spans() -> Vec<(String, u32, usize)> {
    let mut spans: Vec<(String, u32, usize)> = (1..=12u32)
        .rev()
        .map(|m| (format!("-{m:02}"), m, 12))
        .collect();
    spans.extend((1..=4u32).rev().map(|q| (format!("-Q{q}"), q * 3, 4)));
    spans.push(("-H1".into(), 6, 1));
    spans.extend([2u32, 4, 5, 7, 8, 9, 10, 11].map(|m| (format!("-{m}M"), m, 1)));
    spans.push((String::new(), 12, 1));
    spans
}

/// `n` releases, newest year first, up to 2024: monthly ones alone up to
/// 1,000 (an office publishing every month for 83 years); beyond, every
/// kind of period in each year, and years after 2024 if 1900-2024 is too
/// short (bantin's years start at 1900). The growth figures
/// agree with the levels of the same kind of period a year before
/// (bantin check holds them to it).
pub fn releases(n: usize) -> Vec<Release> {
    let mut seed: u64 = 7;
    let mut rand = move |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let all = spans();
    let kinds: Vec<&(String, u32, usize)> = if n <= 1000 {
        all.iter()
            .filter(|(_, _, per_year)| *per_year == 12)
            .collect()
    } else {
        all.iter().collect()
    };
    // Which periods, newest first.
    let mut periods: Vec<(i32, usize)> = Vec::with_capacity(n);
    // bantin's years start at 1900: a site too big for 1900-2024 runs on
    // into later years.
    let mut year = 2024.max(1900 + n.div_ceil(kinds.len()) as i32 - 1);
    while periods.len() < n {
        for k in 0..kinds.len() {
            if periods.len() < n {
                periods.push((year, k));
            }
        }
        year -= 1;
    }
    // Periods of one span (months, quarters, each other kind) form one
    // series: each span's levels per indicator, oldest first.
    let group = |k: usize| match kinds[k].2 {
        12 => "month".to_owned(),
        4 => "quarter".to_owned(),
        _ => kinds[k].0.clone(),
    };
    let mut groups: Vec<String> = Vec::new();
    for k in 0..kinds.len() {
        if !groups.contains(&group(k)) {
            groups.push(group(k));
        }
    }
    let group_of: Vec<usize> = (0..kinds.len())
        .map(|k| groups.iter().position(|g| *g == group(k)).unwrap())
        .collect();
    let mut series: Vec<Vec<Vec<f64>>> = Vec::new();
    for g in 0..groups.len() {
        let count = periods.iter().filter(|(_, k)| group_of[*k] == g).count();
        series.push(
            (0..INDICATORS)
                .map(|_| {
                    let mut x = (1000 + rand(99_000)) as f64;
                    (0..count)
                        .map(|_| {
                            x *= 1.0 + (rand(130) as f64 - 50.0) / 1000.0;
                            (x * 10.0).round() / 10.0
                        })
                        .collect()
                })
                .collect(),
        );
    }
    let mut seen = vec![0usize; groups.len()];
    let mut out = Vec::with_capacity(n);
    for (year, k) in periods {
        let (suffix, month, per_year) = kinds[k];
        let g = group_of[k];
        // Position in the oldest-first series; the same period a year
        // before is `per_year` places back.
        let at = series[g][0].len() - 1 - seen[g];
        seen[g] += 1;
        let figures = series[g]
            .iter()
            .map(|levels| {
                let growth = match at.checked_sub(*per_year) {
                    Some(base) => (levels[at] / levels[base] - 1.0) * 100.0,
                    None => rand(40) as f64,
                };
                (levels[at], (growth * 100.0).round() / 100.0)
            })
            .collect();
        let rows = (0..ROWS).map(|_| rand(120) as i64 - 40).collect();
        let mut text = || {
            (0..PARAGRAPHS)
                .map(|_| {
                    (0..WORDS)
                        .map(|_| VOCABULARY[rand(16) as usize])
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
        };
        let paragraphs = [text(), text()];
        let id = format!("{year}{suffix}");
        out.push(Release {
            slug: id.to_lowercase(),
            id,
            year,
            month: *month,
            figures,
            rows,
            paragraphs,
        });
    }
    out
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// The narrative of a release, with the calls of `call(kind, id)` at the
/// same places for both tools: a breakdown chart, a trend chart and a
/// sentence with a figure and its change.
fn narrative(paragraphs: &[String], call: &dyn Fn(&str, &str) -> String) -> String {
    let mut text = String::new();
    for (p, para) in paragraphs.iter().enumerate() {
        text.push_str(para);
        text.push_str("\n\n");
        match p {
            3 => writeln!(text, "{}\n", call("chart", "by_sector")).unwrap(),
            6 => writeln!(text, "{}\n", call("chart", "i01")).unwrap(),
            9 => writeln!(
                text,
                "Xuất khẩu {}, {}.\n",
                call("value", "i01"),
                call("change", "i01")
            )
            .unwrap(),
            _ => {}
        }
    }
    text
}

/// The site for bantin: site.toml, the catalogue, a folder per release.
pub fn write_bantin(root: &Path, releases: &[Release]) {
    write(
        root,
        "site.toml",
        "base_url = \"https://example.gov.vn/\"\ndefault_language = \"vi\"\nlanguages = [\"vi\", \"en\"]\nkey_indicators = [\"i00\", \"i01\", \"i02\", \"i03\"]\n[title]\nvi = \"Bản tin\"\nen = \"Bulletin\"\n[publisher]\nvi = \"Sở Công Thương\"\nen = \"Department of Industry and Trade\"\n",
    );
    let mut catalog = String::new();
    for i in 0..INDICATORS {
        writeln!(
            catalog,
            "i{i:02}:\n  name: {{ vi: \"Chỉ tiêu công nghiệp số {i}\", en: \"Industry indicator {i}\" }}\n  unit: {{ vi: \"tỷ đồng\", en: \"billion VND\" }}"
        )
        .unwrap();
    }
    write(root, "content/indicators.yaml", &catalog);
    for r in releases {
        let mut data = format!("period: {}\nstatus: final\nindicators:\n", r.id);
        for (i, (value, growth)) in r.figures.iter().enumerate() {
            writeln!(
                data,
                "  i{i:02}:\n    value: {value:.1}\n    growth_yoy: {growth:.2}"
            )
            .unwrap();
        }
        data.push_str("breakdowns:\n  by_sector:\n    title: { vi: \"Theo ngành\", en: \"By sector\" }\n    field: growth_yoy\n    rows:\n");
        for (s, g) in r.rows.iter().enumerate() {
            writeln!(
                data,
                "      - {{ label: {{ vi: \"Ngành số {s}\", en: \"Sector {s}\" }}, growth_yoy: {g}.5 }}"
            )
            .unwrap();
        }
        write(
            root,
            &format!("content/bulletins/{}/data.yaml", r.slug),
            &data,
        );
        for (l, lang) in ["vi", "en"].iter().enumerate() {
            let call = |f: &str, id: &str| format!("{{{{ {f}(\"{id}\") }}}}");
            let text = format!(
                "---\ntitle: \"Bản tin {}\"\n---\n\n{}",
                r.id,
                narrative(&r.paragraphs[l], &call)
            );
            write(
                root,
                &format!("content/bulletins/{}/index.{lang}.md", r.slug),
                &text,
            );
        }
    }
}

const HUGO_CONFIG: &str = r#"baseURL = "https://example.gov.vn/"
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

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
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

const HUGO_SINGLE: &str = r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<section class="cards">{{ range first 4 .Params.figures }}
<div class="card"><p>{{ .name }}</p><p class="figure">{{ lang.FormatNumber 1 .value }}</p><p>{{ lang.FormatNumber 2 .growth }}%</p></div>{{ end }}
</section>
<section class="narrative">{{ .Content }}</section>
<table><caption>{{ .Title }}</caption>
<thead><tr><th>Indicator</th><th>Value</th><th>Growth (%)</th></tr></thead>
<tbody>{{ range .Params.figures }}<tr><th>{{ .name }}</th><td>{{ lang.FormatNumber 1 .value }}</td><td>{{ lang.FormatNumber 2 .growth }}</td></tr>{{ end }}</tbody>
</table>
<table><caption>By sector</caption>
<tbody>{{ range .Params.rows }}<tr><th>{{ .label }}</th><td>{{ lang.FormatNumber 1 .value }}</td></tr>{{ end }}</tbody>
</table>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "01/2006" }}</li>{{ end }}</ul>
{{ end }}
"#;

/// A chart: its data as JSON for the page's script, and a table of it.
const HUGO_CHART: &str = r#"{{ $id := .Get 0 }}{{ $rows := cond (eq $id "by_sector") .Page.Params.rows (where .Page.Params.figures "id" "ne" "") }}
<figure class="chart"><div role="img" aria-label="{{ $id }}"></div>
<script type="application/json">{{ $rows | jsonify | safeJS }}</script>
<table>{{ range $rows }}<tr><th>{{ or .label .name }}</th><td>{{ lang.FormatNumber 1 (or .value .growth) }}</td></tr>{{ end }}</table>
</figure>
"#;

const HUGO_VALUE: &str = r#"{{ $id := .Get 0 }}{{ range where .Page.Params.figures "id" $id }}{{ lang.FormatNumber 1 .value }} tỷ đồng{{ end }}"#;

const HUGO_CHANGE: &str = r#"{{ $id := .Get 0 }}{{ range where .Page.Params.figures "id" $id }}{{ if ge .growth 0 }}tăng{{ else }}giảm{{ end }} {{ lang.FormatNumber 2 (cond (ge .growth 0) .growth (mul .growth -1)) }}%{{ end }}"#;

/// The same content for Hugo: a page bundle per release with a file per
/// language, the figures in front matter, the calls as shortcodes.
pub fn write_hugo(root: &Path, releases: &[Release]) {
    write(root, "hugo.toml", HUGO_CONFIG);
    write(root, "layouts/_default/baseof.html", HUGO_BASEOF);
    write(root, "layouts/_default/single.html", HUGO_SINGLE);
    write(root, "layouts/_default/list.html", HUGO_LIST);
    write(root, "layouts/shortcodes/chart.html", HUGO_CHART);
    write(root, "layouts/shortcodes/value.html", HUGO_VALUE);
    write(root, "layouts/shortcodes/change.html", HUGO_CHANGE);
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
            let last_day = match r.month {
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let mut page = format!(
                "---\ntitle: \"Bản tin {}\"\ndate: {}-{:02}-{last_day}\nfigures:\n",
                r.id, r.year, r.month
            );
            for (i, (value, growth)) in r.figures.iter().enumerate() {
                let name = if l == 0 {
                    format!("Chỉ tiêu công nghiệp số {i}")
                } else {
                    format!("Industry indicator {i}")
                };
                writeln!(
                    page,
                    "  - {{ id: i{i:02}, name: \"{name}\", value: {value:.1}, growth: {growth:.2} }}"
                )
                .unwrap();
            }
            page.push_str("rows:\n");
            for (s, g) in r.rows.iter().enumerate() {
                let label = if l == 0 { "Ngành số" } else { "Sector" };
                writeln!(page, "  - {{ label: \"{label} {s}\", value: {g}.5 }}").unwrap();
            }
            let call = |f: &str, id: &str| format!("{{{{< {f} \"{id}\" >}}}}");
            page.push_str("---\n\n");
            page.push_str(&narrative(&r.paragraphs[l], &call));
            write(
                root,
                &format!("content/bulletins/{}/index.{lang}.md", r.slug),
                &page,
            );
        }
    }
}

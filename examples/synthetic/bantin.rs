//! The synthetic site as bantin reads it: site.toml, the catalogue, a
//! folder per release with data.yaml and a narrative per language.

use std::fmt::Write as _;
use std::path::Path;

use super::text::{self, BREAKDOWN, Call};
use super::{INDICATORS, LEVELS, Release, indicator_id, write};

/// The unit of indicator `j`, (vi, en).
pub fn unit(j: usize) -> (&'static str, &'static str) {
    if j >= LEVELS {
        ("%", "%")
    } else if j % 2 == 0 {
        ("triệu USD", "million USD")
    } else {
        ("tỷ đồng", "billion VND")
    }
}

/// A call as bantin's narratives write it.
pub fn call(c: &Call) -> String {
    match c {
        Call::Value { id, field, period } => {
            let mut args = format!("\"{id}\"");
            if let Some(f) = field {
                write!(args, ", \"{f}\"").unwrap();
            }
            if let Some(p) = period {
                write!(args, ", period=\"{p}\"").unwrap();
            }
            format!("{{{{ value({args}) }}}}")
        }
        Call::Change { id } => format!("{{{{ change(\"{id}\") }}}}"),
        Call::Chart { id } => format!("{{{{ chart(\"{id}\") }}}}"),
    }
}

pub fn write_site(root: &Path, releases: &[Release]) {
    write(
        root,
        "site.toml",
        "base_url = \"https://example.gov.vn/\"\ndefault_language = \"vi\"\nlanguages = [\"vi\", \"en\"]\nkey_indicators = [\"i00\", \"i01\", \"i02\", \"i25\"]\n[title]\nvi = \"Bản tin\"\nen = \"Bulletin\"\n[publisher]\nvi = \"Sở Công Thương\"\nen = \"Department of Industry and Trade\"\n",
    );
    let mut catalog = String::new();
    for j in 0..INDICATORS {
        let (vi, en) = text::name(j);
        let (uvi, uen) = unit(j);
        writeln!(
            catalog,
            "{}:\n  name: {{ vi: \"{vi}\", en: \"{en}\" }}\n  unit: {{ vi: \"{uvi}\", en: \"{uen}\" }}",
            indicator_id(j)
        )
        .unwrap();
        if j < LEVELS {
            catalog.push_str(
                "  kind: flow\n  decimals: 1\n  share_of: { vi: \"GRDP thành phố\", en: \"the city's GRDP\" }\n",
            );
        } else {
            catalog.push_str("  kind: index\n");
        }
    }
    write(root, "content/indicators.yaml", &catalog);
    for r in releases {
        write(
            root,
            &format!("content/bulletins/{}/data.yaml", r.slug),
            &data_yaml(r),
        );
        for (l, lang) in ["vi", "en"].iter().enumerate() {
            let title = if l == 0 {
                "Tình hình kinh tế"
            } else {
                "The economy"
            };
            let body = text::spell(&r.narratives[l], &call);
            write(
                root,
                &format!("content/bulletins/{}/index.{lang}.md", r.slug),
                &format!("---\ntitle: \"{title} {}\"\n---\n\n{body}", r.id),
            );
        }
    }
}

fn data_yaml(r: &Release) -> String {
    let mut data = format!("period: {}\nstatus: final\nindicators:\n", r.id);
    for (j, f) in r.figures.iter().enumerate() {
        writeln!(data, "  {}:", indicator_id(j)).unwrap();
        if let Some(v) = f.value {
            writeln!(data, "    value: {v:.1}").unwrap();
        }
        writeln!(data, "    growth_yoy: {:.2}", f.growth_yoy).unwrap();
        for (name, x) in [
            ("growth_prev", f.growth_prev),
            ("plan_attainment", f.plan_attainment),
            ("share", f.share),
            ("national_growth", f.national_growth),
        ] {
            if let Some(x) = x {
                writeln!(data, "    {name}: {x:.2}").unwrap();
            }
        }
    }
    write!(
        data,
        "breakdowns:\n  {BREAKDOWN}:\n    title: {{ vi: \"Chỉ số sản xuất theo ngành\", en: \"Production by sector\" }}\n    field: growth_yoy\n    rows:\n"
    )
    .unwrap();
    for (s, g) in r.rows.iter().enumerate() {
        let (vi, en) = SECTORS[s % SECTORS.len()];
        writeln!(
            data,
            "      - {{ label: {{ vi: \"{vi}\", en: \"{en}\" }}, growth_yoy: {g:.2} }}"
        )
        .unwrap();
    }
    data
}

/// The breakdown's rows, (vi, en).
pub const SECTORS: [(&str, &str); 20] = [
    ("Sản xuất thiết bị điện", "Electrical equipment"),
    ("Đóng tàu", "Shipbuilding"),
    ("Sản xuất phân bón", "Fertilisers"),
    ("Sản xuất sản phẩm điện tử", "Electronics"),
    ("Sản xuất thiết bị truyền thông", "Communication equipment"),
    ("Sản xuất mô tô, xe máy", "Motorcycles"),
    ("Sản xuất và phân phối điện", "Electricity"),
    ("May trang phục", "Wearing apparel"),
    ("Sản xuất giày dép", "Footwear"),
    ("Sản xuất xi măng", "Cement"),
    ("Sản xuất thép", "Steel"),
    ("Chế biến thủy sản", "Seafood processing"),
    ("Sản xuất đồ uống", "Beverages"),
    ("Sản xuất sản phẩm nhựa", "Plastic products"),
    ("Sản xuất giấy", "Paper"),
    ("Sản xuất hóa chất", "Chemicals"),
    ("Sản xuất ô tô", "Motor vehicles"),
    ("Sản xuất đồ gỗ", "Furniture"),
    ("In ấn", "Printing"),
    ("Khai khoáng", "Mining"),
];

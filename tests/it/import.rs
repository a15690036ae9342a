//! `bantin import`: workbooks laid out as the department's (made here with
//! rust_xlsxwriter, tests/it/workbook.rs) give the release's data.yaml;
//! an inserted row changes nothing; every bad cell is named; an existing
//! file is refused with its differences, or updated with --update.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_yaml::Value as Yaml;

use crate::common::{TestSite, bantin};
use crate::workbook::{self, Layout};

/// Every figure of a data file: (indicator, field) and (breakdown, row
/// label in Vietnamese, field), with the English labels.
fn figures(text: &str) -> BTreeMap<String, String> {
    let data: Yaml = serde_yaml::from_str(text).unwrap();
    let mut out = BTreeMap::new();
    for (id, fields) in data["indicators"].as_mapping().unwrap() {
        for (field, v) in fields.as_mapping().unwrap() {
            out.insert(
                format!("{}.{}", id.as_str().unwrap(), field.as_str().unwrap()),
                format!("{}", v.as_f64().unwrap()),
            );
        }
    }
    let none = serde_yaml::Mapping::new();
    for (id, bd) in data["breakdowns"].as_mapping().unwrap_or(&none) {
        let id = id.as_str().unwrap();
        out.insert(format!("{id}.title"), format!("{:?}", bd["title"]));
        out.insert(format!("{id}.field"), format!("{:?}", bd["field"]));
        for row in bd["rows"].as_sequence().unwrap() {
            let label = row["label"]["vi"].as_str().unwrap();
            out.insert(
                format!("{id}[{label}].en"),
                row["label"]["en"].as_str().unwrap().to_owned(),
            );
            for (field, v) in row.as_mapping().unwrap() {
                if field.as_str() != Some("label") {
                    out.insert(
                        format!("{id}[{label}].{}", field.as_str().unwrap()),
                        format!("{}", v.as_f64().unwrap()),
                    );
                }
            }
        }
    }
    out
}

struct Import {
    site: TestSite,
    dir: tempfile::TempDir,
}

impl Import {
    /// The test copy of the sample, and a workbook of `layout` beside it
    /// (outside the site, as a workbook in Downloads is).
    fn new(layout: &Layout) -> Import {
        let site = TestSite::sample();
        let dir = tempfile::tempdir().unwrap();
        workbook::write(&dir.path().join("2021-q1.xlsx"), layout).unwrap();
        std::fs::write(dir.path().join("map.yaml"), workbook::MAP).unwrap();
        Import { site, dir }
    }

    fn workbook(&self) -> PathBuf {
        self.dir.path().join("2021-q1.xlsx")
    }

    fn run(&self, extra: &[&str]) -> Output {
        bantin()
            .arg("import")
            .arg(self.workbook())
            .arg("--map")
            .arg(self.dir.path().join("map.yaml"))
            .args(["--period", "2021-Q1", "--root"])
            .arg(self.site.root())
            .args(extra)
            .output()
            .unwrap()
    }
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const DATA: &str = "content/bulletins/2021-q1/data.yaml";

#[test]
fn a_department_workbook_gives_the_release_data() {
    let t = Import::new(&Layout::default());
    let published = t.site.read(DATA);
    t.site.remove(DATA);
    let out = t.run(&["--published", "2021-04-01"]);
    assert!(out.status.success(), "{}", said(&out));
    let imported = t.site.read(DATA);
    // The figures the sample publishes, every one, with their labels.
    assert_eq!(figures(&imported), figures(&published), "{imported}");
    // Each figure names its cell: the Vietnamese text `5.718,5`, the
    // percent cell (0.2515 shown as 25.15%), the formula's saved result.
    for line in [
        "value: 5718.5  # 'Biểu 1'!D7",
        "growth_yoy: 25.15  # 'Biểu 1'!F7",
        "value: 5577.7  # 'Biểu 1'!D8",
        "growth_yoy: 67.64  # 'IIP theo ngành'!B8",
    ] {
        assert!(imported.contains(line), "{line} in\n{imported}");
    }
    // The import checks the site with the new file: nothing to say.
    assert!(said(&out).contains("No problems"), "{}", said(&out));
    // A blank cell is no figure: left out, and said.
    assert!(!imported.contains("growth_prev"), "{imported}");
    assert!(
        said(&out).contains("iip.value: 'Biểu 1'!D6 holds no figure (blank or “-”): left out"),
        "{}",
        said(&out)
    );
    // The site builds with it, and check is clean.
    t.site.build();
}

#[test]
fn an_inserted_row_moves_the_cells_not_the_figures() {
    let t = Import::new(&Layout {
        inserted_row: true,
        ..Layout::default()
    });
    let published = t.site.read(DATA);
    t.site.remove(DATA);
    let out = t.run(&["--published", "2021-04-01"]);
    assert!(out.status.success(), "{}", said(&out));
    let imported = t.site.read(DATA);
    assert_eq!(figures(&imported), figures(&published));
    // Exports now sit a row lower.
    assert!(
        imported.contains("value: 5718.5  # 'Biểu 1'!D8"),
        "{imported}"
    );
}

#[test]
fn every_bad_cell_is_named_and_nothing_is_written() {
    let t = Import::new(&Layout {
        bad_cells: true,
        ..Layout::default()
    });
    t.site.remove(DATA);
    let out = t.run(&["--published", "2021-04-01"]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    let text = said(&out);
    let book = t.workbook().display().to_string();
    for (cell, words) in [
        ("'Biểu 1'!D7", "the text “khoảng 5.718”"),
        ("'Biểu 1'!F8", "#DIV/0!"),
        ("'Biểu 1'!D9", "=SUM(C2:C3) has no saved result"),
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{book}:{cell}: error:")))
            .unwrap_or_else(|| panic!("no error at {cell} in\n{text}"));
        assert!(line.contains(words), "{line}");
    }
    assert!(
        text.contains("hint: bantin reads the result a spreadsheet program saved"),
        "{text}"
    );
    assert!(text.contains("Nothing was written"), "{text}");
    assert!(!t.site.path(DATA).exists());
    // In Vietnamese too.
    let out = bantin()
        .args(["--lang", "vi", "import"])
        .arg(t.workbook())
        .arg("--map")
        .arg(t.dir.path().join("map.yaml"))
        .args(["--period", "2021-Q1", "--root"])
        .arg(t.site.root())
        .output()
        .unwrap();
    let text = said(&out);
    assert!(
        text.contains(&format!(
            "{book}:'Biểu 1'!D7: lỗi: ô chứa văn bản “khoảng 5.718”"
        )),
        "{text}"
    );
}

#[test]
fn mistakes_in_the_map_are_named_by_their_line() {
    let t = Import::new(&Layout::default());
    let map = workbook::MAP
        .replace(
            "row: \"Kim ngạch xuất khẩu\"",
            "row: \"Kim ngach xuat khau hang hoa\"",
        )
        .replace("sheet: \"Cơ cấu XK\"", "sheet: \"Co cau\"")
        .replace("  retail:", "  retial:");
    std::fs::write(t.dir.path().join("map.yaml"), &map).unwrap();
    let out = t.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let text = said(&out);
    let line_of = |s: &str| map.lines().position(|l| l.contains(s)).unwrap() + 1;
    assert!(
        text.contains(&format!("map.yaml:{}:", line_of("  retial:")))
            && text.contains("did you mean `retail`"),
        "{text}"
    );
    // In the same run, what the rest of the map points at in the
    // workbook: a row not found is said once, for both its figures.
    assert_eq!(text.matches("has no row labelled").count(), 1, "{text}");
    assert!(
        text.contains("has no row labelled “Kim ngach xuat khau hang hoa”"),
        "{text}"
    );
    assert!(
        text.contains("the nearest label is “2. Kim ngạch xuất khẩu (triệu USD)”"),
        "{text}"
    );
    assert!(text.contains("has no sheet “Co cau”"), "{text}");
    assert!(text.contains("Cơ cấu XK"), "{text}");
}

#[test]
fn an_existing_file_is_refused_with_its_differences_then_updated() {
    let t = Import::new(&Layout {
        exports: Some(5750.2),
        drop_industry: Some(8),
        ..Layout::default()
    });
    let before = t.site.read(DATA);
    let out = t.run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    let text = said(&out);
    assert!(text.contains("exports.value: 5,718.5 → 5,750.2"), "{text}");
    assert!(
        text.contains("iip_by_sector[\"May trang phục\"].growth_yoy: -12.42 → (gone)"),
        "{text}"
    );
    assert!(text.contains("--update"), "{text}");
    assert_eq!(t.site.read(DATA), before, "refused, the file is as it was");

    let out = t.run(&["--update"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("exports.value: 5,718.5 → 5,750.2"));
    let after = t.site.read(DATA);
    let (b, a) = (figures(&before), figures(&after));
    assert_eq!(a["exports.value"], "5750.2");
    assert!(!a.contains_key("iip_by_sector[May trang phục].growth_yoy"));
    // Everything else is as it was, figures and the editors' words: the
    // source note at the top, the exports' shares with their comment.
    for (k, v) in &b {
        if k != "exports.value" && !k.contains("May trang phục") {
            assert_eq!(a.get(k), Some(v), "{k}");
        }
    }
    assert!(
        after.starts_with("# Source: report on industry and trade in Q1 2021"),
        "{after}"
    );
    assert!(after.contains("published: 2021-04-01"));
    // Importing the same workbook again has nothing to change.
    let out = t.run(&["--update"]);
    assert!(out.status.success());
    assert!(
        said(&out).contains("already has these figures"),
        "{}",
        said(&out)
    );
    assert_eq!(t.site.read(DATA), after);
}

#[test]
fn init_map_proposes_rows_and_columns_from_the_catalogue() {
    let t = Import::new(&Layout::default());
    let out = bantin()
        .args(["import", "--init-map"])
        .arg(t.workbook())
        .args(["--period", "2021-Q1", "--root"])
        .arg(t.site.root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", said(&out));
    let map = String::from_utf8(out.stdout).unwrap();
    let proposed: Yaml = serde_yaml::from_str(&map).unwrap();
    let exports = &proposed["indicators"]["exports"];
    assert_eq!(exports["sheet"].as_str(), Some("Biểu 1"), "{map}");
    assert_eq!(
        exports["row"].as_str(),
        Some("Kim ngạch xuất khẩu (triệu USD)")
    );
    // For a quarter, the to-date columns.
    assert_eq!(
        exports["value"].as_str(),
        Some("Cộng dồn 3 tháng năm 2021"),
        "{map}"
    );
    assert_eq!(
        exports["growth_yoy"].as_str(),
        Some("Cộng dồn so với cùng kỳ"),
        "{map}"
    );
    // The proposal imports as it stands.
    let path = t.dir.path().join("proposed.yaml");
    std::fs::write(&path, &map).unwrap();
    t.site.remove(DATA);
    let out = bantin()
        .arg("import")
        .arg(t.workbook())
        .arg("--map")
        .arg(&path)
        .args(["--period", "2021-Q1", "--root"])
        .arg(t.site.root())
        .output()
        .unwrap();
    assert!(said(&out).contains("created"), "{}", said(&out));
    let imported = figures(&t.site.read(DATA));
    assert_eq!(imported["exports.value"], "5718.5");
    assert_eq!(imported["retail.growth_yoy"], "11.39");
}

#[test]
fn the_readme_workbook_matches_the_sample() {
    // workbooks/2021-q1.xlsx, imported into the sample itself, changes
    // nothing: the README's example holds.
    let repo = crate::common::repo();
    let out = bantin()
        .arg("import")
        .arg(repo.join("workbooks/2021-q1.xlsx"))
        .arg("--map")
        .arg(repo.join("workbooks/quarter.map.yaml"))
        .args(["--period", "2021-Q1", "--root"])
        .arg(Path::new(&repo))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).contains("already has these figures"),
        "{}",
        said(&out)
    );
}

/// An OpenDocument spreadsheet (.ods, as LibreOffice saves), written
/// here as its XML: a text number, a float and percentage cells.
fn write_ods(path: &Path) {
    use std::io::Write;
    let cell = |v: &str| match v.strip_prefix('%') {
        Some(x) => format!(
            "<table:table-cell office:value-type=\"percentage\" office:value=\"{x}\"><text:p>{x}</text:p></table:table-cell>"
        ),
        None => match v.strip_prefix('#') {
            Some(x) => format!(
                "<table:table-cell office:value-type=\"float\" office:value=\"{x}\"><text:p>{x}</text:p></table:table-cell>"
            ),
            None => format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
            ),
        },
    };
    let rows = [
        ["Chỉ tiêu", "Ước tính", "So cùng kỳ"],
        ["1. Kim ngạch xuất khẩu", "5.718,5", "%0.2515"],
        ["2. Kim ngạch nhập khẩu", "#5577.7", "%0.2128"],
    ];
    let body: String = rows
        .iter()
        .map(|r| {
            format!(
                "<table:table-row>{}</table:table-row>",
                r.map(cell).concat()
            )
        })
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Biểu 1\">{body}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
        xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn an_ods_workbook_imports_with_its_percent_cells_as_fractions() {
    let site = TestSite::sample();
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("quy1.ods");
    write_ods(&book);
    // .ods cells carry no format calamine reads: the map says that the
    // percentage cells hold fractions.
    let map = dir.path().join("map.yaml");
    std::fs::write(
        &map,
        "sheet: \"Biểu 1\"\nindicators:\n  exports:\n    row: \"Kim ngạch xuất khẩu\"\n    value: \"Ước tính\"\n    growth_yoy: { column: \"So cùng kỳ\", percent: fraction }\n  imports:\n    row: \"Kim ngạch nhập khẩu\"\n    value: \"Ước tính\"\n    growth_yoy: { column: \"So cùng kỳ\", percent: fraction }\n",
    )
    .unwrap();
    site.remove(DATA);
    let out = bantin()
        .arg("import")
        .arg(&book)
        .arg("--map")
        .arg(&map)
        .args(["--period", "2021-Q1", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", said(&out));
    let got = figures(&site.read(DATA));
    assert_eq!(got["exports.value"], "5718.5");
    assert_eq!(got["exports.growth_yoy"], "25.15");
    assert_eq!(got["imports.value"], "5577.7");
    assert_eq!(got["imports.growth_yoy"], "21.28");
    assert!(site.read(DATA).contains("# 'Biểu 1'!B2"));
}

//! The PDF editions (`pdf = true`): printed by the real binary through
//! Debian's Chromium, then read back with poppler-utils (`pdftotext`,
//! `pdfinfo`, `pdffonts`, `pdfimages`). Without Chromium or poppler-utils
//! these print SKIPPED and pass, unless BANTIN_REQUIRE_BROWSER or
//! BANTIN_REQUIRE_POPPLER says they must run (CI sets both).

use std::collections::BTreeMap;
use std::process::Command;

use crate::common::{TestSite, bantin, skipped};

/// Whether poppler-utils can be run; fails when they must be.
fn poppler() -> bool {
    let here = Command::new("pdftotext").arg("-v").output().is_ok();
    if !here {
        assert!(
            std::env::var_os("BANTIN_REQUIRE_POPPLER").is_none(),
            "BANTIN_REQUIRE_POPPLER is set but pdftotext was not found: apt-get install -y poppler-utils"
        );
        skipped("PDF test, no poppler-utils (apt-get install -y poppler-utils)");
    }
    here
}

/// The sample, with PDF editions, when Chromium and poppler are here.
fn sample_with_pdfs() -> Option<TestSite> {
    if crate::browser::chromium().is_none() || !poppler() {
        return None;
    }
    let site = TestSite::sample();
    let toml = site.read("site.toml").replace(
        "output_dir = \"public\"",
        "output_dir = \"public\"\npdf = true",
    );
    site.write("site.toml", &toml);
    Some(site)
}

/// A poppler tool's output on a file of the site.
fn tool(site: &TestSite, program: &str, args: &[&str], rel: &str) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(site.path(rel))
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {rel}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A PDF's text, as pdftotext gives it (`-layout` keeps lines whole).
fn text_of(site: &TestSite, rel: &str) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(site.path(rel))
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {rel}");
    String::from_utf8(out.stdout).unwrap()
}

/// The text of each page (pdftotext ends every page with a form feed).
fn pages(site: &TestSite, rel: &str) -> Vec<String> {
    text_of(site, rel)
        .split('\u{c}')
        .map(str::to_owned)
        .collect()
}

/// The `/Alt` texts of a PDF's structure (as Chromium writes them: hex
/// strings in UTF-16BE, in objects that are not compressed).
fn alternative_texts(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/Alt <")
        .skip(1)
        .filter_map(|rest| {
            let hex = &rest[..rest.find('>')?];
            let bytes: Vec<u8> = (0..hex.len() / 2)
                .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0))
                .collect();
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            Some(
                String::from_utf16_lossy(&units)
                    .trim_start_matches('\u{feff}')
                    .to_owned(),
            )
        })
        .collect()
}

/// pdfinfo's fields.
fn info(site: &TestSite, rel: &str) -> BTreeMap<String, String> {
    tool(site, "pdfinfo", &[], rel)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

#[test]
fn every_bulletin_has_a_pdf_edition_that_reads_back() {
    let Some(site) = sample_with_pdfs() else {
        return;
    };
    site.build();
    for slug in ["2019", "2020", "2021-03", "2021-q1", "2022-h1", "2024-9m"] {
        for rel in [
            format!("public/pdf/{slug}.pdf"),
            format!("public/en/pdf/{slug}.pdf"),
        ] {
            let bytes = std::fs::read(site.path(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
            assert!(bytes.starts_with(b"%PDF-"), "{rel} is not a PDF");
        }
    }

    // The figures, written as each language writes them.
    let vi = text_of(&site, "public/pdf/2021-q1.pdf");
    for wanted in [
        "5.718,5 triệu USD",
        "tăng 25,15%",
        "Quý I/2021",
        "Điểm chính",
    ] {
        assert!(
            vi.contains(wanted),
            "the Vietnamese PDF lacks {wanted:?}:\n{vi}"
        );
    }
    let en = text_of(&site, "public/en/pdf/2021-q1.pdf");
    for wanted in ["5,718.5 million USD", "up 25.15%", "Main points"] {
        assert!(
            en.contains(wanted),
            "the English PDF lacks {wanted:?}:\n{en}"
        );
    }
    assert!(
        !en.contains("5.718,5"),
        "Vietnamese numbers in the English PDF"
    );

    // A real document: the cover, then the rest, with the back matter.
    for wanted in [
        "Sở Công Thương thành phố Hải Phòng",
        "Kỳ số liệu",
        "Khái niệm, định nghĩa các chỉ tiêu",
        "Ký hiệu và tình trạng số liệu",
        "Điều kiện sử dụng lại",
        "https://congthuong.haiphong.gov.vn/bantin/2021-q1/",
    ] {
        assert!(vi.contains(wanted), "the Vietnamese PDF lacks {wanted:?}");
    }
    // The charts are drawn as vector graphics, their labels as text: the
    // breakdown chart's largest bar is labelled in the page's language.
    assert!(
        vi.contains("+71,51"),
        "the breakdown chart's labels are not text"
    );
    let images = tool(&site, "pdfimages", &["-list"], "public/pdf/2021-q1.pdf");
    assert_eq!(
        images.lines().count(),
        2,
        "the PDF holds raster images (charts must be vector):\n{images}"
    );

    // Tagged: each chart is a figure whose alternative text is its
    // sentence, in the page's language.
    let alts = alternative_texts(&std::fs::read(site.path("public/pdf/2021-q1.pdf")).unwrap());
    assert!(
        alts.iter().any(|a| a.starts_with(
            "Biểu đồ thanh ngang: Chỉ số sản xuất công nghiệp theo ngành, so với cùng kỳ, Quý I/2021."
        )),
        "{alts:#?}"
    );

    // Its links lead to the site at its address (the layout was loaded
    // there), never to the machine that printed it.
    let raw = String::from_utf8_lossy(&std::fs::read(site.path("public/pdf/2021-q1.pdf")).unwrap())
        .into_owned();
    let links: Vec<&str> = raw
        .split("/URI (")
        .skip(1)
        .filter_map(|r| r.split(')').next())
        .collect();
    assert!(
        links.contains(&"https://congthuong.haiphong.gov.vn/bantin/indicators/exports/"),
        "{links:?}"
    );
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://congthuong.haiphong.gov.vn/bantin/")),
        "{links:?}"
    );

    // Its metadata.
    let meta = info(&site, "public/pdf/2021-q1.pdf");
    let title = site.html("public/2021-q1/index.html").text("h1");
    assert_eq!(meta["Title"], title, "{meta:#?}");
    assert_eq!(
        meta["Author"], "Sở Công Thương thành phố Hải Phòng",
        "{meta:#?}"
    );
    assert!(meta["Subject"].contains("5.718,5"), "{meta:#?}");
    assert_eq!(meta["Tagged"], "yes", "{meta:#?}");
    assert!(meta["Page size"].contains("(A4)"), "{meta:#?}");
    let count: usize = meta["Pages"].parse().unwrap();
    assert!(count >= 3, "{count} pages");
    // Page numbers and the running head on every page but the cover.
    let pages = pages(&site, "public/pdf/2021-q1.pdf");
    assert!(!pages[0].contains("Trang 1/"), "a page number on the cover");
    for (i, page) in pages.iter().enumerate().skip(1).take(count - 1) {
        assert!(
            page.contains(&format!("Trang {}/{count}", i + 1)),
            "page {} has no number:\n{page}",
            i + 1
        );
        assert!(page.contains(&title), "page {} has no running head", i + 1);
    }
    let en_meta = info(&site, "public/en/pdf/2021-q1.pdf");
    assert_eq!(
        en_meta["Author"],
        "Hai Phong Department of Industry and Trade"
    );

    // Every font embedded.
    let fonts = tool(&site, "pdffonts", &[], "public/pdf/2021-q1.pdf");
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        // name, type…, then "emb sub uni" as yes/no.
        let flags: Vec<&str> = row
            .split_whitespace()
            .filter(|w| *w == "yes" || *w == "no")
            .collect();
        assert_eq!(
            flags.first(),
            Some(&"yes"),
            "a font is not embedded: {row}\n{fonts}"
        );
    }

    // Linked from the bulletin, in its downloads and in its feed entry.
    let page = site.html("public/2021-q1/index.html");
    assert_eq!(
        page.attr(".edition-pdf a", "href"),
        "/bantin/pdf/2021-q1.pdf"
    );
    let listed: Vec<String> = page
        .all(".downloads a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        listed.contains(&"/bantin/pdf/2021-q1.pdf".to_owned()),
        "{listed:?}"
    );
    let en_page = site.html("public/en/2021-q1/index.html");
    assert_eq!(
        en_page.attr(".edition-pdf a", "href"),
        "/bantin/en/pdf/2021-q1.pdf"
    );
    let feed = site.read("public/en/feed.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let enclosures: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("link") && n.attribute("rel") == Some("enclosure"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(
        enclosures.contains(&"https://congthuong.haiphong.gov.vn/bantin/en/pdf/2021-q1.pdf"),
        "{enclosures:?}"
    );
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let Some(site) = sample_with_pdfs() else {
        return;
    };
    let mut rows = String::new();
    for n in 1..=90 {
        rows.push_str(&format!(
            "      - {{ label: {{ vi: \"Mặt hàng thứ {n}\", en: \"Product number {n}\" }}, growth_yoy: {n}.5 }}\n"
        ));
    }
    let data = site.read("content/bulletins/2021-q1/data.yaml").replacen(
        "breakdowns:\n",
        &format!(
            "breakdowns:\n  many:\n    title: {{ vi: \"Nhiều mặt hàng\", en: \"Many products\" }}\n    field: growth_yoy\n    rows:\n{rows}"
        ),
        1,
    );
    site.write("content/bulletins/2021-q1/data.yaml", &data);
    site.build();
    let pages = pages(&site, "public/pdf/2021-q1.pdf");
    let holding: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("Mặt hàng thứ "))
        .collect();
    assert!(holding.len() >= 2, "the table should run over pages");
    for page in holding {
        let first_row = page.find("Mặt hàng thứ ").unwrap();
        assert!(
            page[..first_row].contains("Danh mục"),
            "a page of the long table starts without its header:\n{page}"
        );
    }
}

#[test]
fn a_changed_narrative_prints_only_its_own_pdf_again() {
    let Some(site) = sample_with_pdfs() else {
        return;
    };
    site.build();
    let before = site.snapshot("public");
    site.write(
        "content/bulletins/2021-q1/index.vi.md",
        &format!(
            "{}\nMột câu thêm vào bài viết.\n",
            site.read("content/bulletins/2021-q1/index.vi.md")
        ),
    );
    let out = site.run(&[]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("PDF editions: 12 (1 printed now"), "{said}");
    let after = site.snapshot("public");
    let pdfs: Vec<&String> = before.keys().filter(|k| k.ends_with(".pdf")).collect();
    assert_eq!(pdfs.len(), 12, "{pdfs:?}");
    for path in pdfs {
        let same = before[path] == after[path];
        // A PDF printed again differs at least in its creation date.
        assert_eq!(
            same,
            path != "pdf/2021-q1.pdf",
            "{path}: {}",
            if same {
                "not printed again"
            } else {
                "printed again"
            }
        );
    }
    assert!(text_of(&site, "public/pdf/2021-q1.pdf").contains("Một câu thêm vào bài viết."));
}

#[test]
fn without_a_browser_the_build_says_what_to_install_and_publishes_nothing() {
    let site = TestSite::sample();
    let toml = site.read("site.toml").replace(
        "output_dir = \"public\"",
        "output_dir = \"public\"\npdf = true",
    );
    site.write("site.toml", &toml);
    for (lang, words) in [
        (
            "en",
            ["BANTIN_CHROME", "apt-get install chromium", "pdf = false"],
        ),
        ("vi", ["BANTIN_CHROME", "Cài Chromium", "pdf = false"]),
    ] {
        let out = bantin()
            .env("BANTIN_LANG", lang)
            .env("BANTIN_CHROME", site.path("no-such-browser"))
            .args(["build", "--root"])
            .arg(site.root())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{said}");
        for w in words {
            assert!(said.contains(w), "{lang}: no {w:?} in:\n{said}");
        }
        assert!(said.contains("site.toml"), "{said}");
        assert!(!site.path("public").exists(), "a site was published");
    }
}

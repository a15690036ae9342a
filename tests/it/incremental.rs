//! Rebuilding over a previous site: unchanged files are linked from it
//! rather than written again, and the result is what a build from
//! nothing gives, file by file, after every kind of edit.

use std::collections::BTreeMap;

use crate::common::TestSite;

/// The output with its manifest reduced to paths and hashes: sizes match
/// by content, and times differ between any two builds.
fn comparable(site: &TestSite, folder: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = site.snapshot(folder);
    if let Some(manifest) = files.get_mut(".bantin-manifest") {
        let text = String::from_utf8(std::mem::take(manifest)).unwrap();
        *manifest = text
            .lines()
            .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join("\t") + "\n")
            .collect::<String>()
            .into_bytes();
    }
    files
}

/// Builds `site`, applies `edit`, builds again over the previous output,
/// and compares with a build of the edited site from nothing.
fn rebuild_matches_clean_build(what: &str, edit: impl Fn(&TestSite)) {
    rebuild_after(what, |_| {}, edit);
}

/// The same, with `setup` applied to the fixture before the first build.
fn rebuild_after(what: &str, setup: impl Fn(&TestSite), edit: impl Fn(&TestSite)) {
    let site = TestSite::fixture("basic");
    setup(&site);
    site.build();
    edit(&site);
    site.build();
    let out = site.run(&["--output", "clean"]);
    assert!(out.status.success(), "{what}: {out:?}");
    let (rebuilt, clean) = (comparable(&site, "public"), comparable(&site, "clean"));
    let differ: Vec<&String> = rebuilt
        .keys()
        .chain(clean.keys())
        .filter(|k| rebuilt.get(*k) != clean.get(*k))
        .collect();
    assert!(differ.is_empty(), "{what}: these differ: {differ:?}");
}

const DATA: &str = "content/bulletins/2021-q1/data.yaml";
const TEXT: &str = "content/bulletins/2021-q1/index.vi.md";

#[test]
fn a_text_edit() {
    rebuild_matches_clean_build("text", |s| {
        let text = s.read(TEXT);
        s.write(TEXT, &format!("{text}\nMột đoạn mới về cảng biển.\n"));
    });
}

#[test]
fn a_figure_edit() {
    rebuild_matches_clean_build("figure", |s| {
        s.write(DATA, &s.read(DATA).replace("5577.7", "5580.2"));
    });
}

const NEW: &str = "content/bulletins/2022-q1/data.yaml";

fn add_release(s: &TestSite) {
    s.write(
        NEW,
        "period: 2022-Q1\nstatus: estimate\nindicators:\n  imports:\n    value: 6000.2\n",
    );
}

#[test]
fn a_new_and_a_removed_release() {
    rebuild_matches_clean_build("new release", add_release);
    rebuild_after("removed release", add_release, |s| {
        s.remove("content/bulletins/2022-q1");
    });
}

#[test]
fn a_catalogue_edit() {
    rebuild_matches_clean_build("catalogue", |s| {
        let path = "content/indicators.yaml";
        s.write(
            path,
            &s.read(path)
                .replace("Kim ngạch xuất khẩu", "Tổng kim ngạch xuất khẩu"),
        );
    });
}

#[test]
fn a_template_and_a_static_file() {
    rebuild_matches_clean_build("template and static file", |s| {
        let base = std::fs::read_to_string(
            crate::common::repo().join("themes/default/templates/page.html"),
        )
        .unwrap();
        s.write(
            "templates/page.html",
            &base.replace("<article", "<!-- edited --><article"),
        );
        s.write("static/robots-note.txt", "Ghi chú.\n");
    });
}

#[test]
fn a_file_changed_by_hand_since_the_build_is_written_again() {
    let site = TestSite::fixture("basic");
    site.build();
    let page = "public/2021-q1/index.html";
    let built = site.read(page);
    // Same length, other bytes, a moment later: the file's time no longer
    // matches the manifest's.
    std::thread::sleep(std::time::Duration::from_millis(50));
    site.write(page, &built.replace("<html", "<HTML"));
    site.build();
    assert_eq!(site.read(page), built);
}

#[test]
fn unchanged_files_are_linked_not_copied() {
    let site = TestSite::fixture("basic");
    site.build();
    let before = std::fs::metadata(site.path("public/2020-q1/index.html")).unwrap();
    site.write(TEXT, &format!("{}\nThêm một câu.\n", site.read(TEXT)));
    site.build();
    let after = std::fs::metadata(site.path("public/2020-q1/index.html")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            before.ino(),
            after.ino(),
            "an unchanged page was written again"
        );
        let edited = std::fs::metadata(site.path("public/2021-q1/index.html")).unwrap();
        assert!(
            edited.nlink() == 1,
            "the edited page shares its file with the old site"
        );
    }
    let _ = (before, after);
}

/// The pages a rebuild rendered and kept, from its summary line
/// ("Built 24 pages (en 12, vi 12; 5 rendered, 19 unchanged), …").
fn rendered_and_kept(site: &TestSite) -> (usize, usize) {
    let out = site.run(&[]);
    assert!(out.status.success(), "{out:?}");
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    let part = line
        .split("; ")
        .nth(1)
        .unwrap_or_else(|| panic!("no count of rendered pages in {line:?}"));
    let mut numbers = part
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.parse::<usize>().unwrap());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

#[test]
fn a_text_edit_renders_only_the_pages_that_show_it() {
    let site = TestSite::fixture("basic");
    site.build();
    // Nothing changed: every page is kept.
    let (rendered, kept) = rendered_and_kept(&site);
    assert_eq!(rendered, 0, "{kept} kept");
    site.write(TEXT, &format!("{}\nThêm một câu.\n", site.read(TEXT)));
    let (rendered, kept) = rendered_and_kept(&site);
    // The release's pages and those listing its title; not the other
    // release's, nor the indicators'.
    assert!(rendered >= 2, "{rendered} rendered");
    assert!(kept > rendered, "{rendered} rendered, {kept} kept");
    let page = std::fs::read_to_string(site.path("public/2021-q1/index.html")).unwrap();
    assert!(page.contains("Thêm một câu."));
}

#[test]
fn a_search_index_part_whose_pages_did_not_change_is_kept() {
    let site = TestSite::fixture("basic");
    site.build();
    let parts: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(&site.read("public/pagefind/bantin-parts.json")).unwrap();
    assert_eq!(parts["vi"], ["vi", "vi-2020"], "{parts:?}");
    let entry = |part: &str| site.path(&format!("public/pagefind/{part}/pagefind-entry.json"));
    let before: Vec<std::fs::Metadata> = ["vi", "vi-2020", "en-2020"]
        .iter()
        .map(|p| std::fs::metadata(entry(p)).unwrap())
        .collect();
    // A word added to the Vietnamese text of 2021-q1: only the part of
    // the Vietnamese releases of 2020–2024 is indexed again.
    site.write(TEXT, &format!("{}\nCảng Lạch Huyện.\n", site.read(TEXT)));
    site.build();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let after: Vec<std::fs::Metadata> = ["vi", "vi-2020", "en-2020"]
            .iter()
            .map(|p| std::fs::metadata(entry(p)).unwrap())
            .collect();
        assert_eq!(before[0].ino(), after[0].ino(), "vi was indexed again");
        assert_ne!(before[1].ino(), after[1].ino(), "vi-2020 was kept");
        assert_eq!(before[2].ino(), after[2].ino(), "en-2020 was indexed again");
    }
}

/// The warnings a build prints, without the summary.
fn warnings(site: &TestSite) -> Vec<String> {
    let out = site.run(&[]);
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains("warning"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_findings_of_a_release_kept_from_the_previous_build_are_still_reported() {
    let site = TestSite::fixture("basic");
    // A figure of the release typed into its text: a warning of that
    // release's own rules.
    site.write(
        TEXT,
        &format!("{}\nNhập khẩu đạt 5.577,7 triệu USD.\n", site.read(TEXT)),
    );
    let first = warnings(&site);
    assert!(first.iter().any(|w| w.contains("index.vi.md")), "{first:?}");
    // Nothing of that release changes: its rules are not run again, and
    // their warning is still there, at the same place.
    let other = "content/bulletins/2020-q1/index.vi.md";
    site.write(other, &format!("{}\nThêm một câu.\n", site.read(other)));
    assert_eq!(warnings(&site), first);
    // A line added above it: the rules run again, and say where it is now.
    site.write(TEXT, &site.read(TEXT).replacen("---\n\n", "---\n\n\n", 1));
    let moved = warnings(&site);
    assert_eq!(moved.len(), first.len());
    assert_ne!(moved, first, "the warning kept its old line");
}

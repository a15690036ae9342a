//! Writing the site: the output folder guard, and never deleting what
//! bantin did not make.

use crate::common::TestSite;

#[test]
fn refuses_to_write_into_the_site_root() {
    let site = TestSite::fixture("basic");
    for args in [
        &["--output", "."][..],
        &["--output", "content"][..],
        &["--output", "content/x"][..],
    ] {
        let out = site.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("refusing to write"), "{stderr}");
    }
    // Nothing was written anywhere.
    assert!(!site.path("index.html").exists() && !site.path("public").exists());
    assert!(!site.path(".bantin-manifest").exists());
}

#[test]
fn refuses_output_dir_dot_in_site_toml() {
    let site = TestSite::fixture("basic");
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &toml.replace("default_language", "output_dir = \".\"\ndefault_language"),
    );
    let out = site.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to write the site into ."));
}

#[test]
fn refuses_a_folder_outside_the_site_unless_forced() {
    let site = TestSite::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("www");
    let out = site.run(&["--output", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists());
    let out = site.run(&["--output", target.to_str().unwrap(), "--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(target.join("index.html").is_file());
}

#[test]
fn keeps_files_it_did_not_make_and_removes_stale_ones_it_did() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/bulletins/2019-q1/data.yaml",
        "period: 2019-Q1\nstatus: final\n",
    );
    site.build();
    assert!(site.path("public/2019-q1/index.html").is_file());
    site.write("public/CNAME", "bantin.example.gov.vn\n");
    site.write("public/verify/google123.html", "ok");
    site.remove("content/bulletins/2019-q1");
    site.build();
    assert_eq!(site.read("public/CNAME"), "bantin.example.gov.vn\n");
    assert_eq!(site.read("public/verify/google123.html"), "ok");
    assert!(
        !site.path("public/2019-q1").exists() && !site.path("public/en/2019-q1").exists(),
        "the removed release's pages are gone"
    );
    assert!(site.path("public/2021-q1/index.html").is_file());
}

#[test]
fn refuses_an_existing_folder_it_did_not_make() {
    let site = TestSite::fixture("basic");
    site.write("public/index.html", "<p>the department's old site</p>");
    let out = site.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("was not made by bantin"));
    assert_eq!(
        site.read("public/index.html"),
        "<p>the department's old site</p>"
    );
}

#[test]
fn refuses_to_overwrite_a_foreign_file_with_a_generated_one() {
    let site = TestSite::fixture("basic");
    site.build();
    // The editor's own file sits where a new release's page would go.
    site.write("public/2022-q1/index.html", "mine");
    site.write(
        "content/bulletins/2022-q1/data.yaml",
        "period: 2022-Q1\nstatus: final\n",
    );
    let out = site.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("which bantin did not make"));
    assert_eq!(site.read("public/2022-q1/index.html"), "mine");
}

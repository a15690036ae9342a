//! A test site in a temp folder, built by the real `bantin` binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use tempfile::TempDir;

pub struct TestSite {
    dir: TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The bantin binary, speaking English: the tests read its words in
/// English unless they ask for Vietnamese (`.env("BANTIN_LANG", "vi")`
/// or `--lang vi`).
pub fn bantin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bantin"));
    command.env("BANTIN_LANG", "en");
    command
}

/// Says that a gate was skipped, on the terminal itself: libtest captures
/// what `eprintln!` prints (shown only with `--nocapture` or on failure),
/// but not what is written to the standard error handle directly, so a
/// skipped gate is seen in every run.
pub fn skipped(what: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what}");
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl TestSite {
    /// A copy of a fixture under tests/fixtures/.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        TestSite { dir }
    }

    /// A copy of `tests/fixtures/haiphong/`: Hai Phong's bulletins as the
    /// sample site had them when the tests were written. The tests own
    /// this copy, so the sample at the repository root is content the
    /// department may edit without breaking them (`sample_site.rs` holds
    /// the sample itself to building and checking clean).
    pub fn sample() -> TestSite {
        TestSite::fixture("haiphong")
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        let p = self.path(rel);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Runs `bantin build --root <site>` with extra arguments.
    pub fn run(&self, args: &[&str]) -> Output {
        bantin()
            .arg("build")
            .arg("--root")
            .arg(self.root())
            .args(args)
            .output()
            .unwrap()
    }

    /// `bantin check --format json` on the site: its report.
    pub fn check_json(&self) -> serde_json::Value {
        let out = bantin()
            .args(["check", "--format", "json", "--root"])
            .arg(self.root())
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn build(&self) -> &Self {
        let out = self.run(&[]);
        assert!(
            out.status.success(),
            "build failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        self
    }

    /// Builds, expecting failure; returns stderr.
    pub fn build_fails(&self) -> String {
        let out = self.run(&[]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "expected exit code 1; stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    pub fn html(&self, rel: &str) -> Page {
        Page(Html::parse_document(&self.read(rel)))
    }

    /// Every file under a folder, with its bytes.
    pub fn snapshot(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let root = self.path(rel);
        walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

/// Compares `got` with the snapshot file at `path`, or writes it when
/// BANTIN_UPDATE_SNAPSHOTS is set (then read the diff). The check
/// fixtures' expectations and the rendered pages' snapshots both use it.
pub fn matches_snapshot(path: &Path, got: &str) {
    if std::env::var_os("BANTIN_UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (BANTIN_UPDATE_SNAPSHOTS=1 writes it)",
            path.display()
        )
    });
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        panic!(
            "{} differs from line {}:\n  now:  {}\n  was:  {}\n(BANTIN_UPDATE_SNAPSHOTS=1 rewrites it; read the diff)",
            path.display(),
            line + 1,
            got.lines().nth(line).unwrap_or(""),
            want.lines().nth(line).unwrap_or("")
        );
    }
}

/// A parsed page.
pub struct Page(pub Html);

impl Page {
    pub fn all(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = Selector::parse(css).unwrap();
        self.0.select(&sel).collect()
    }

    pub fn one(&self, css: &str) -> scraper::ElementRef<'_> {
        let found = self.all(css);
        assert_eq!(
            found.len(),
            1,
            "expected one `{css}`, found {}",
            found.len()
        );
        found[0]
    }

    pub fn attr(&self, css: &str, name: &str) -> String {
        self.one(css)
            .value()
            .attr(name)
            .unwrap_or_else(|| panic!("`{css}` has no {name}"))
            .to_owned()
    }

    /// The visible text of the elements matched, whitespace folded.
    pub fn text(&self, css: &str) -> String {
        let parts: Vec<String> = self
            .all(css)
            .iter()
            .map(|e| e.text().collect::<String>())
            .collect();
        parts
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

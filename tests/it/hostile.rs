//! Hostile input: sites broken the ways files really break (and some ways
//! only an attacker would try). Each must give a clear error naming the
//! file, or a clean build; never a panic, a crash or a hang; and a failed
//! build must leave the previous site exactly as it was.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::TestSite;

/// How a case must end.
enum Expect {
    /// Exit 1; stderr names this file and says "error".
    Error(&'static str),
    /// Exit 0.
    Clean,
}

/// What bantin did, within a time limit.
struct Run {
    code: Option<i32>,
    stderr: String,
}

/// Runs `bantin build`, killing it if it takes longer than a generous
/// bound: a hang is a failure, not a slow test.
fn build(site: &TestSite) -> Run {
    let mut child = crate::common::bantin()
        .args(["build", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).unwrap();
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("bantin build did not finish in 120 s: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stderr: reader.join().unwrap(),
    }
}

/// Builds the sample, breaks it with `damage`, builds again and holds the
/// result to `expect`; on failure, the first build's output must be
/// untouched.
fn case(name: &str, damage: impl FnOnce(&TestSite), expect: Expect) {
    let site = TestSite::sample();
    site.build();
    let before = site.snapshot("public");
    damage(&site);
    let run = build(&site);
    let said = &run.stderr;
    assert!(
        !said.contains("panicked") && run.code != Some(101),
        "{name}: bantin panicked:\n{said}"
    );
    assert!(
        run.code.is_some(),
        "{name}: bantin was killed by a signal:\n{said}"
    );
    match expect {
        Expect::Error(file) => {
            assert_eq!(run.code, Some(1), "{name}: expected an error:\n{said}");
            assert!(
                said.contains(&format!("{file}:")) && said.contains("error"),
                "{name}: the error should name {file}:\n{said}"
            );
            assert!(
                said.contains("hint:") || said.contains("Nothing was written"),
                "{name}: no advice:\n{said}"
            );
            assert!(
                site.snapshot("public") == before,
                "{name}: the failed build changed the previous site"
            );
        }
        Expect::Clean => {
            assert_eq!(run.code, Some(0), "{name}: expected a clean build:\n{said}");
        }
    }
}

const DATA: &str = "content/bulletins/2021-q1/data.yaml";
const TEXT: &str = "content/bulletins/2021-q1/index.vi.md";
const CATALOG: &str = "content/indicators.yaml";

fn write_bytes(site: &TestSite, rel: &str, bytes: &[u8]) {
    std::fs::write(site.path(rel), bytes).unwrap();
}

#[test]
fn malformed_yaml() {
    case(
        "unclosed bracket",
        |s| {
            let text = s.read(DATA).replacen("indicators:", "indicators: [", 1);
            s.write(DATA, &text);
        },
        Expect::Error(DATA),
    );
    case(
        "tab indentation",
        |s| {
            let text = s.read(DATA).replacen("\n  iip:", "\n\tiip:", 1);
            s.write(DATA, &text);
        },
        Expect::Error(DATA),
    );
    case(
        "a list where a map belongs",
        |s| {
            s.write(DATA, "period: 2021-Q1\nindicators:\n  - iip\n  - exports\n");
        },
        Expect::Error(DATA),
    );
}

#[test]
fn truncated_files() {
    for cut in [10, 100, 300] {
        case(
            "truncated data file",
            |s| {
                let text = s.read(DATA);
                let at = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
                s.write(DATA, &text[..at]);
            },
            Expect::Error(DATA),
        );
    }
    case(
        "truncated catalogue",
        |s| {
            let text = s.read(CATALOG);
            s.write(CATALOG, &text[..text.len() / 3]);
        },
        // The indicators cut off are named where the data uses them.
        Expect::Error("content/bulletins/2019/data.yaml"),
    );
    case(
        "narrative cut inside its front matter",
        |s| {
            s.write(TEXT, "---\ntitle: \"Quý I");
        },
        Expect::Error(TEXT),
    );
}

#[test]
fn bom_crlf_and_nfd_build_as_if_clean() {
    let site = TestSite::sample();
    site.build();
    let clean = site.read("public/2021-q1/index.html");
    // A byte-order mark, Windows line ends, and Vietnamese decomposed
    // (NFD), as some editors and copy-paste from PDFs produce.
    for rel in [DATA, TEXT, CATALOG] {
        let text = site.read(rel);
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect();
        let crlf = nfd.replace('\n', "\r\n");
        write_bytes(
            &site,
            rel,
            &[b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat(),
        );
    }
    let run = build(&site);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rebuilt = site.read("public/2021-q1/index.html");
    assert_eq!(
        rebuilt, clean,
        "BOM, CRLF and NFD change nothing in the page"
    );
}

#[test]
fn empty_files() {
    for rel in [DATA, CATALOG, "site.toml"] {
        case(
            "empty file",
            |s| {
                s.write(rel, "");
            },
            Expect::Error(rel),
        );
    }
    // An empty narrative is a release without text in that language:
    // built, with a note on the page.
    case(
        "empty narrative",
        |s| {
            s.write(TEXT, "");
        },
        Expect::Clean,
    );
}

#[test]
fn binary_garbage() {
    // Not UTF-8, NUL bytes, a PNG header: what a wrong file saved under
    // the right name looks like.
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .chain(b"\x89PNG\r\n\x1a\n\0\0\0".iter().copied())
        .collect();
    for rel in [DATA, TEXT, CATALOG, "site.toml"] {
        let g = garbage.clone();
        case(
            "binary garbage",
            move |s| write_bytes(s, rel, &g),
            Expect::Error(rel),
        );
    }
}

#[test]
fn a_50_mb_data_file() {
    // Valid data followed by 50 MB of comments: refused at once, with the
    // size and the limit, rather than read.
    case(
        "50 MB of comments",
        |s| {
            let mut text = s.read(DATA);
            let line = format!("# {}\n", "chú thích ".repeat(10));
            let n = 50 * 1024 * 1024 / line.len();
            text.reserve(n * line.len());
            for _ in 0..n {
                text.push_str(&line);
            }
            s.write(DATA, &text);
        },
        Expect::Error(DATA),
    );
    // 50 MB that is not YAML at all: one error, quickly.
    case(
        "50 MB of one unterminated string",
        |s| {
            let text = format!("period: 2021-Q1\nnote: \"{}", "x".repeat(50 * 1024 * 1024));
            s.write(DATA, &text);
        },
        Expect::Error(DATA),
    );
}

#[test]
fn deeply_nested_and_self_referencing_yaml() {
    case(
        "100,000 nested lists",
        |s| {
            let text = format!(
                "period: 2021-Q1\nindicators:\n  iip:\n    value: {}{}\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            );
            s.write(DATA, &text);
        },
        Expect::Error(DATA),
    );
    case(
        "100,000 nested maps",
        |s| {
            let text = format!("period: 2021-Q1\nindicators: {}\n", "{a: ".repeat(100_000));
            s.write(DATA, &text);
        },
        Expect::Error(DATA),
    );
    // The "billion laughs": aliases that expand to 10^9 items.
    case(
        "alias bomb",
        |s| {
            let mut text = String::from(
                "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
            );
            let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
            let mut prev = "a";
            for n in names {
                text.push_str(&format!(
                    "{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
                ));
                prev = n;
            }
            s.write(DATA, &format!("period: 2021-Q1\n{text}"));
        },
        Expect::Error(DATA),
    );
}

#[cfg(unix)]
#[test]
fn cyclic_symlinks() {
    case(
        "a folder linking to itself",
        |s| {
            std::os::unix::fs::symlink(
                s.path("content/bulletins"),
                s.path("content/bulletins/2021-q1/loop"),
            )
            .unwrap();
            std::os::unix::fs::symlink(".", s.path("content/pages/here")).unwrap();
        },
        Expect::Clean,
    );
    case(
        "a data file linking to itself",
        |s| {
            let p = s.path(DATA);
            std::fs::remove_file(&p).unwrap();
            std::os::unix::fs::symlink(Path::new("data.yaml"), &p).unwrap();
        },
        Expect::Error(DATA),
    );
}

#[test]
fn odd_calls_in_a_narrative() {
    for call in [
        "{{ value(\"exports\", , ) }}",
        "{{ value( }}",
        "{{ }}",
        "{{ value(\"\") }}",
        "{{ value(1e999) }}",
        "{{ value(\"exports\", period=\"2021-Q9\") }}",
        "{{ value(\"exports\", field=\"value\", field=\"share\") }}",
        "{{ chart(\"</script><script>alert(1)</script>\") }}",
        "{{ nosuch(\"exports\") }}",
        "{{ value(\"xuất khẩu\") }}",
        "{{ value(\"exports\"",
        "{{{{{{ value(\"exports\") }}}}}}",
    ] {
        case(
            call,
            |s| {
                let text = s.read(TEXT);
                s.write(TEXT, &format!("{text}\nCâu có lệnh lạ: {call}\n"));
            },
            Expect::Error(TEXT),
        );
    }
}

#[test]
fn a_narrative_of_one_megabyte_on_one_line() {
    let site = TestSite::sample();
    let text = site.read(TEXT);
    let sentence = "Kim ngạch xuất khẩu tăng khá so với cùng kỳ năm trước. ";
    let line = sentence.repeat(1024 * 1024 / sentence.len());
    site.write(TEXT, &format!("{text}\n{line}\n"));
    let run = build(&site);
    // Built; the repeated sentence is worth a warning, not a failure.
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(site.read("public/2021-q1/index.html").len() > 1024 * 1024);
}

/// A site comes from a repository, and a pull request must not publish
/// the building machine's files: every file bantin reads for the site
/// (narratives, free pages, data files, release folders, templates,
/// static files) must lie inside the site folder once links are followed.
#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_refused() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(
        &secret,
        "---\ntitle: Secret\n---\nroot:x:0:0:SECRET-OF-THE-MACHINE\n",
    )
    .unwrap();
    let folder = outside.path().join("release");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("data.yaml"),
        "period: 2022-Q3\nstatus: estimate\nindicators:\n  exports:\n    value: 1\n",
    )
    .unwrap();
    let cases: Vec<(&str, Box<dyn Fn(&TestSite)>, &str)> = vec![
        (
            "a narrative",
            Box::new(|s| {
                std::fs::remove_file(s.path(TEXT)).unwrap();
                symlink(&secret, s.path(TEXT)).unwrap();
            }),
            TEXT,
        ),
        (
            "a free page",
            Box::new(|s| symlink("/etc/passwd", s.path("content/pages/passwd.vi.md")).unwrap()),
            "content/pages/passwd.vi.md",
        ),
        (
            "a data file",
            Box::new(|s| {
                std::fs::remove_file(s.path(DATA)).unwrap();
                symlink(folder.join("data.yaml"), s.path(DATA)).unwrap();
            }),
            DATA,
        ),
        (
            "a release folder",
            Box::new(|s| symlink(&folder, s.path("content/bulletins/2022-q3")).unwrap()),
            "content/bulletins/2022-q3/data.yaml",
        ),
        (
            "a static file",
            Box::new(|s| {
                std::fs::create_dir_all(s.path("static")).unwrap();
                symlink("/etc/hostname", s.path("static/hostname.txt")).unwrap();
            }),
            "static/hostname.txt",
        ),
        (
            "a template",
            Box::new(|s| {
                std::fs::create_dir_all(s.path("templates")).unwrap();
                symlink(&secret, s.path("templates/page.html")).unwrap();
            }),
            "templates/page.html",
        ),
    ];
    for (name, damage, file) in cases {
        let site = TestSite::sample();
        damage(&site);
        let run = build(&site);
        assert_eq!(run.code, Some(1), "{name}: not refused:\n{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "{file}: error: this file leads outside the site folder, to /"
            )),
            "{name}: the error should name {file} and where it leads:\n{}",
            run.stderr
        );
        assert!(
            !site.path("public").exists(),
            "{name}: something was published"
        );
    }
    // A link that stays inside the site keeps working.
    let site = TestSite::sample();
    std::fs::create_dir_all(site.path("static")).unwrap();
    std::fs::write(site.path("content/pages/notes.txt"), "kept inside").unwrap();
    symlink(
        site.path("content/pages/notes.txt"),
        site.path("static/notes.txt"),
    )
    .unwrap();
    let page = site.path("content/pages/about.vi.md");
    if page.exists() {
        let copy = site.path("content/pages/gioi-thieu.vi.md");
        symlink(&page, &copy).unwrap();
    }
    let run = build(&site);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(site.read("public/static/notes.txt"), "kept inside");
}

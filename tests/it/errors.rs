//! Bad input: a message with file, line and column, a hint, exit code 1,
//! and the previous output left byte for byte as it was.

use crate::common::TestSite;

/// Builds a good site, breaks it with `edit`, and checks that the build
/// fails with every `expected` line and leaves public/ untouched.
fn fails_with(edit: impl Fn(&TestSite), expected: &[&str]) {
    let site = TestSite::fixture("basic");
    site.build();
    let before = site.snapshot("public");
    edit(&site);
    let stderr = site.build_fails();
    for line in expected {
        assert!(stderr.contains(line), "expected {line:?} in:\n{stderr}");
    }
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert_eq!(
        site.snapshot("public"),
        before,
        "the previous output changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("bantin-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

const DATA: &str = "content/bulletins/2021-q1/data.yaml";
const TEXT: &str = "content/bulletins/2021-q1/index.vi.md";

#[test]
fn malformed_yaml() {
    fails_with(
        |s| {
            s.write(
                DATA,
                "period: 2021-Q1\nstatus: estimate\nindicators:\n  exports: { value: 5718.5\n",
            );
        },
        // The mistake is on line 4, where the brace opens (the parser
        // notices it at the end of the file).
        &[
            "content/bulletins/2021-q1/data.yaml:4:12: error: this `{` is never closed",
            "hint: close it with `}` on the same line",
        ],
    );
}

#[test]
fn a_vietnamese_formatted_number() {
    fails_with(
        |s| {
            s.write(DATA, "period: 2021-Q1\nstatus: estimate\nindicators:\n  exports:\n    value: \"5.718,5\"\n");
        },
        &[
            "content/bulletins/2021-q1/data.yaml:5:12: error: expected a number, found the text \"5.718,5\"",
            "hint: `5.718,5` looks like a Vietnamese-formatted number; write 5718.5",
        ],
    );
}

#[test]
fn an_unknown_indicator_in_a_call() {
    fails_with(
        |s| {
            s.write(
                TEXT,
                "---\ntitle: x\n---\n\nXuất khẩu {{ value(\"exprts\") }}.\n",
            );
        },
        &[
            "content/bulletins/2021-q1/index.vi.md:5:11: error: `exprts` is neither an indicator nor a breakdown of 2021-Q1",
            "hint: did you mean `exports`?",
        ],
    );
}

#[test]
fn an_unknown_field_in_a_call() {
    fails_with(
        |s| {
            s.write(
                TEXT,
                "---\ntitle: x\n---\n\n{{ change(\"exports\", \"growth_yo\") }}\n",
            );
        },
        &[
            "content/bulletins/2021-q1/index.vi.md:5:1: error: `growth_yo` is not a field",
            "did you mean `growth_yoy`?",
        ],
    );
}

#[test]
fn an_unknown_breakdown_in_a_call() {
    fails_with(
        |s| {
            s.write(
                TEXT,
                "---\ntitle: x\n---\n\n{{ chart(\"iip_by_sectr\") }}\n",
            );
        },
        &[
            "index.vi.md:5:1: error: `iip_by_sectr` is neither an indicator nor a breakdown of 2021-Q1",
            "did you mean `iip_by_sector`?",
        ],
    );
}

#[test]
fn an_unknown_period_in_a_call() {
    fails_with(
        |s| {
            s.write(
                TEXT,
                "---\ntitle: x\n---\n\n{{ value(\"exports\", period=\"2019-Q1\") }}\n",
            );
        },
        &[
            "index.vi.md:5:1: error: no release covers the period 2019-Q1",
            "the periods published are: 2020-Q1, 2021-Q1",
        ],
    );
}

#[test]
fn an_invalid_period() {
    fails_with(
        |s| {
            s.write(DATA, "period: 2021-Q5\nstatus: estimate\n");
        },
        &[
            "content/bulletins/2021-q1/data.yaml:1:9: error: `2021-Q5`: a quarter is Q1, Q2, Q3 or Q4",
        ],
    );
}

#[test]
fn a_duplicate_period_written_another_way() {
    fails_with(
        |s| {
            s.write(
                "content/bulletins/zz-again/data.yaml",
                "period: 2021-3M\nstatus: final\n",
            );
        },
        &[
            "content/bulletins/zz-again/data.yaml:1:9: error: the period 2021-3M is already published by content/bulletins/2021-q1/data.yaml",
        ],
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    fails_with(
        |s| {
            s.write(
                DATA,
                "period: 2021-Q1\nstatus: estimated\nindicators:\n  exports:\n    value: abc\n",
            );
            s.write(TEXT, "---\ntitle: x\n---\n{{ valeu(\"exports\") }}\n");
        },
        &[
            "data.yaml:2:9: error: `estimated` is not a status",
            "data.yaml:5:12: error: expected a number, found the text \"abc\"",
            "index.vi.md:4:4: error: unknown call `valeu`",
            "3 errors, 0 warnings",
        ],
    );
}

#[test]
fn a_template_rendering_error_is_reported_once_on_its_file() {
    fails_with(
        |s| {
            s.write(
                "templates/page.html",
                "{% extends \"base.html\" %}{% block content %}{{ nope.x }}{% endblock content %}",
            );
        },
        &[
            "templates/page.html:1:48: error: template error: Variable `nope` is not defined.",
            // Once, though every free page in every language failed; with
            // the warnings the same run found (the pipeline reports all).
            "1 error, 1 warning",
        ],
    );
}

#[test]
fn a_broken_template_names_its_file() {
    fails_with(
        |s| {
            s.write(
                "templates/page.html",
                "{% extends \"base.html\" %}{% block content %}{{ title }{% endblock content %}",
            );
        },
        &[
            "templates/page.html:1:54: error: template error: Found `}` but expected }}.",
            // The rules still ran: the missing English text is reported too.
            "2021-Q1 has no `en` narrative",
            "1 error, 1 warning",
        ],
    );
}

#[test]
fn a_base_url_override_that_is_not_an_address() {
    let site = TestSite::fixture("basic");
    let out = site.run(&["--base-url", "localhost:8000"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "--base-url: error: base_url `localhost:8000` is not an absolute web address"
        ),
        "{stderr}"
    );
    assert!(!site.path("public").exists());
}

/// The usual slips of hand-written YAML, each said at the line where it
/// was made (not where the parser noticed it) with what to type, in
/// English and in Vietnamese.
#[test]
fn yaml_mistakes_are_explained_where_they_are_made() {
    let site = TestSite::fixture("basic");
    let good = site.read(DATA);
    let cases: [(&str, String, &str, &str); 5] = [
        (
            "a missing colon",
            good.replace("  exports:\n", "  exports\n"),
            "data.yaml:7:3: error: `exports` has no colon after its key",
            "hint: write `exports:`",
        ),
        (
            "a missing colon before a value",
            good.replace("value: 5718.5", "value 5718.5"),
            "data.yaml:8:5: error: `value 5718.5` has no colon after its key",
            "hint: write `value: 5718.5`",
        ),
        (
            "a tab",
            good.replace("    value: 5718.5", "\tvalue: 5718.5"),
            "data.yaml:8:1: error: this line is indented with a tab",
            "hint: YAML indents with spaces only",
        ),
        (
            "an unclosed quote",
            good.replace(
                "title: { vi: \"IIP theo ngành\"",
                "title: { vi: \"IIP theo ngành",
            ),
            "data.yaml:14:18: error: this quote \" is never closed",
            "hint: end the text with \"",
        ),
        (
            "a wrong indent",
            good.replace("    growth_yoy: 25.15", "   growth_yoy: 25.15"),
            "data.yaml:9:4: error: this line is indented 3 spaces, which matches no key above it",
            "hint: indent it like the key it belongs with: 4 spaces",
        ),
    ];
    for (name, text, said, hint) in cases {
        site.write(DATA, &text);
        let stderr = site.build_fails();
        assert!(
            stderr.contains(said),
            "{name}: expected {said:?} in:\n{stderr}"
        );
        assert!(
            stderr.contains(hint),
            "{name}: expected {hint:?} in:\n{stderr}"
        );
    }
    // The same, for a Vietnamese reader.
    site.write(DATA, &good.replace("  exports:\n", "  exports\n"));
    let out = crate::common::bantin()
        .args(["check", "--lang", "vi", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("data.yaml:7:3: lỗi: `exports` thiếu dấu hai chấm sau khóa"),
        "{said}"
    );
    assert!(said.contains("gợi ý: viết `exports:`"), "{said}");
}

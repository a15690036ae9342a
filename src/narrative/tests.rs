//! Narratives read back: front matter, calls with their places, HTML.

use std::path::Path;

use super::*;
fn parse(text: &str) -> Result<Narrative, Vec<Diagnostic>> {
    Narrative::parse(text, Path::new("index.vi.md"))
}

#[test]
fn reads_front_matter_and_calls() {
    let n = parse("---\ntitle: \"Quý I\"\nsummary: s\n---\n\nIIP {{ change(\"iip\") }} và {{ value('exports', period=\"2021-03\") }}.\n\n{{ chart(\"iip_by_sector\") }}\n").unwrap();
    assert_eq!(n.title.as_deref(), Some("Quý I"));
    assert_eq!(n.calls.len(), 3);
    assert_eq!(
        (
            n.calls[0].func,
            n.calls[0].target.as_str(),
            n.calls[0].line,
            n.calls[0].column
        ),
        (Func::Change, "iip", 6, 5)
    );
    assert_eq!(n.calls[1].period.as_deref(), Some("2021-03"));
    let html = n.to_html("/", &|i| {
        if i == 2 {
            "<figure>F</figure>".into()
        } else {
            format!("<b>{i}</b>")
        }
    });
    assert_eq!(
        html,
        "<p>IIP <b>0</b> và <b>1</b>.</p>\n<figure>F</figure>\n"
    );
}

#[test]
fn call_errors_name_line_and_column() {
    let e = parse("---\ntitle: x\n---\nA {{ valeu(\"x\") }}\nB {{ chart(\"s\") }} here\nC {{ value(exports) }}\n").unwrap_err();
    let got: Vec<(Option<usize>, Option<usize>, String)> = e
        .iter()
        .map(|d| (d.line, d.column, d.message.to_string()))
        .collect();
    let got: Vec<(Option<usize>, Option<usize>, &str)> =
        got.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
    assert_eq!(
        got,
        [
            (Some(4), Some(6), "unknown call `valeu`"),
            (
                Some(5),
                Some(3),
                "chart() makes a chart or table: it must stand on a line of its own"
            ),
            (
                Some(6),
                Some(12),
                "expected a quoted id such as \"exports\", or period=\"…\""
            ),
        ]
    );
    assert_eq!(
        e[0].hint.as_ref().map(|h| h.to_string()).as_deref(),
        Some("did you mean `value`?")
    );
}

#[test]
fn unclosed_front_matter_is_explained() {
    let e = parse("---\ntitle: x\n\nText\n").unwrap_err();
    assert!(
        e[0].hint
            .as_ref()
            .unwrap()
            .to_string()
            .contains("closing `---`")
    );
}

#[test]
fn front_matter_errors_point_into_the_file() {
    let e = parse("---\ntitle: x\ntitel: y\n---\n").unwrap_err();
    assert_eq!(
        (e[0].line, e[0].message.to_string().as_str()),
        (Some(3), "unknown front matter key `titel`")
    );
}

#[test]
fn rebases_root_relative_links_and_demotes_headings() {
    let n = parse("# Head\n\nSee [Q1](/2021-q1/) and [x](https://a.vn/).\n").unwrap();
    let html = n.to_html("/bantin/", &|_| String::new());
    assert!(html.contains("<h2>Head</h2>"), "{html}");
    assert!(html.contains("href=\"/bantin/2021-q1/\""), "{html}");
    assert!(html.contains("href=\"https://a.vn/\""), "{html}");
}

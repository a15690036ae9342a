//! What serve mode adds to every HTML page, and only in serve mode: the
//! live-reload script; while the latest build fails, an overlay that lists
//! its errors in the editor's language (the tool's, [`Lang::current`]); and when it succeeded with warnings,
//! a small folded panel listing them. Built sites never carry any.

use crate::diagnostic::{Diagnostics, Level};
use crate::messages::Lang;
use crate::msg;
use crate::render::escape_html;

/// Where the live-reload script and its event stream are served. The
/// prefix cannot clash with a page: slugs and folders never start with `_`.
pub const PREFIX: &str = "__bantin/";

/// The live-reload script: listens to the event stream and reloads the
/// page (same address, same scroll position kept by the browser) when the
/// site's version differs from the one the page was served with.
pub const LIVE_JS: &str = r#"(function () {
  'use strict';
  var me = document.currentScript;
  var version = me && me.getAttribute('data-version');
  var source = new EventSource('/__bantin/events');
  source.addEventListener('reload', function (e) {
    if (e.data !== version) window.location.reload();
  });
})();
"#;

/// The problems as list items.
fn items(problems: &Diagnostics, lang: Lang) -> String {
    let mut items = String::new();
    // Findings accepted in the data (`accept:`) are for `bantin check`'s
    // list, not for every page of the preview.
    for d in problems
        .sorted()
        .into_iter()
        .filter(|d| d.accepted.is_none())
    {
        let class = d.level.as_str();
        items.push_str(&format!(
            "<li class=\"bantin-{class}\"><code>{}</code> <strong>{}</strong>: {}",
            escape_html(&d.location()),
            escape_html(&msg!("level", level = class).text(lang)),
            escape_html(&d.message.text(lang))
        ));
        if let Some(hint) = &d.hint {
            items.push_str(&format!(
                "<br><span>{}</span>",
                escape_html(&msg!("overlay-hint", hint = hint.text(lang)).text(lang))
            ));
        }
        items.push_str("</li>");
    }
    items
}

/// The overlay for a failed build (it has errors; warnings are listed
/// with them), in the editor's language.
pub fn overlay(problems: &Diagnostics, lang: Lang) -> String {
    let items = items(problems, lang);
    format!(
        r#"<div id="bantin-overlay" role="alert" lang="{code}"><style>
#bantin-overlay{{position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;background:#fff;color:#1b1f24;border-bottom:4px solid #a3261b;box-shadow:0 4px 24px rgba(0,0,0,.35);font:15px/1.5 system-ui,sans-serif;padding:1rem 1.25rem}}
#bantin-overlay h2{{margin:0 0 .25rem;font-size:1.15rem;color:#a3261b}}
#bantin-overlay ul{{margin:.5rem 0 0;padding-left:1.2rem}}
#bantin-overlay li{{margin:.4rem 0;white-space:pre-wrap}}
#bantin-overlay code{{font:13px/1.4 ui-monospace,monospace;background:#f3f6f9;padding:0 .25rem}}
#bantin-overlay button{{float:right;font:inherit;border:1px solid #4a5562;background:#fff;border-radius:4px;padding:.2rem .6rem;cursor:pointer}}
</style><button type="button" onclick="this.parentNode.remove()">{close}</button><h2>{title}</h2><p>{kept}</p><ul>{items}</ul></div>"#,
        code = lang.code(),
        close = escape_html(&msg!("overlay-close").text(lang)),
        title = escape_html(&msg!("overlay-title").text(lang)),
        kept = escape_html(&msg!("overlay-kept").text(lang)),
    )
}

/// The panel for a good build with warnings: folded at the bottom of the
/// page, so the page stays readable; opened, it lists them.
pub fn warnings_panel(problems: &Diagnostics, lang: Lang) -> String {
    let n = problems.count(Level::Warning);
    let items = items(problems, lang);
    format!(
        r#"<details id="bantin-warnings" lang="{code}"><style>
#bantin-warnings{{position:fixed;right:.75rem;bottom:.75rem;max-width:min(46rem,calc(100vw - 1.5rem));max-height:60vh;overflow:auto;z-index:2147483647;background:#fff;color:#1b1f24;border:1px solid #8a6100;border-left:4px solid #8a6100;border-radius:4px;box-shadow:0 2px 12px rgba(0,0,0,.25);font:14px/1.5 system-ui,sans-serif;padding:.4rem .8rem}}
#bantin-warnings summary{{cursor:pointer;font-weight:600;color:#6b4b00}}
#bantin-warnings ul{{margin:.4rem 0 0;padding-left:1.2rem}}
#bantin-warnings li{{margin:.35rem 0;white-space:pre-wrap}}
#bantin-warnings code{{font:12px/1.4 ui-monospace,monospace;background:#f3f6f9;padding:0 .25rem}}
</style><summary>{summary}</summary><ul>{items}</ul></details>"#,
        code = lang.code(),
        summary = escape_html(&msg!("overlay-warnings", count = n).text(lang)),
    )
}

/// What a page gets for the snapshot's problems: the overlay for a failed
/// build, the folded panel for warnings, or nothing.
pub fn for_problems(problems: &Diagnostics, failed: bool, lang: Lang) -> Option<String> {
    if failed {
        Some(overlay(problems, lang))
    } else if problems.count(Level::Warning) == 0 {
        // Nothing to fix (findings accepted in the data are not shown).
        None
    } else {
        Some(warnings_panel(problems, lang))
    }
}

/// A served HTML page: the live-reload script, and the overlay while the
/// latest build fails, put before `</body>`.
pub fn inject(html: &[u8], version: u64, overlay: Option<&str>) -> Vec<u8> {
    let script = format!("<script src=\"/{PREFIX}live.js\" data-version=\"{version}\"></script>");
    let extra = format!("{}{script}", overlay.unwrap_or(""));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::messages::Message;

    #[test]
    fn the_overlay_escapes_messages_and_speaks_the_editors_language() {
        let mut problems = Diagnostics::new();
        problems.push(
            Diagnostic::error("content/x.yaml", Message::verbatim("bad <b>"))
                .at_opt(Some((3, 7)))
                .with_hint(Message::verbatim("write 5718.5")),
        );
        let vi = overlay(&problems, Lang::Vi);
        assert!(vi.contains("<code>content/x.yaml:3:7</code>"));
        assert!(vi.contains("bad &lt;b&gt;"));
        assert!(vi.contains("Gợi ý: write 5718.5"));
        assert!(vi.contains("có lỗi"));
        assert!(vi.contains("<strong>lỗi</strong>"));
        assert!(overlay(&problems, Lang::En).contains("Hint: write 5718.5"));
    }

    #[test]
    fn warnings_fold_into_a_panel_errors_take_the_overlay() {
        let mut problems = Diagnostics::new();
        assert_eq!(for_problems(&problems, false, Lang::En), None);
        problems.push(
            Diagnostic::warning("content/a.md", Message::verbatim("typed <figure>")).at(2, 5),
        );
        let en = for_problems(&problems, false, Lang::En).unwrap();
        assert!(en.starts_with("<details id=\"bantin-warnings\""));
        assert!(en.contains("<summary>bantin check: 1 warning</summary>"));
        assert!(en.contains("typed &lt;figure&gt;"));
        problems.push(Diagnostic::warning(
            "content/b.md",
            Message::verbatim("another"),
        ));
        let vi = for_problems(&problems, false, Lang::Vi).unwrap();
        assert!(vi.contains("<summary>bantin check: 2 cảnh báo</summary>"));
        assert!(
            for_problems(&problems, false, Lang::En)
                .unwrap()
                .contains("2 warnings")
        );
        assert!(
            for_problems(&problems, true, Lang::En)
                .unwrap()
                .contains("id=\"bantin-overlay\"")
        );
        // The accepted finding is neither counted nor listed.
        assert!(!vi.contains("known"));
        let mut only_accepted = Diagnostics::new();
        let mut a = Diagnostic::warning("content/c.yaml", Message::verbatim("known"));
        a.accepted = Some("explained".into());
        only_accepted.push(a);
        assert_eq!(for_problems(&only_accepted, false, Lang::En), None);
    }

    #[test]
    fn injection_goes_before_the_last_body_end() {
        let page = b"<html><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(page, 7, Some("<div>o</div>"))).unwrap();
        assert_eq!(
            out,
            "<html><body><p>x</p><div>o</div><script src=\"/__bantin/live.js\" data-version=\"7\"></script></body></html>"
        );
    }
}

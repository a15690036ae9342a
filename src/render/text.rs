//! A narrative as HTML in one language: each call resolved against the
//! site's figures (the same resolution `bantin check` runs, so what
//! passes the check renders) and filled with its figure, chart or table.

use super::charts::{self, PageCharts};
use super::pages::Out;
use super::views;
use crate::diagnostic::Diagnostic;
use crate::narrative::{Func, Narrative, Resolved, resolve};
use crate::period::Period;

/// A narrative's HTML, its calls filled in this language. `here` is the
/// period of the release it belongs to (none on a free page).
pub(super) fn narrative_html(
    out: &Out,
    n: &Narrative,
    here: Option<&Period>,
    charts: &mut PageCharts,
) -> Result<String, Diagnostic> {
    let (site, addr, words) = (out.site, out.addr, out.words);
    let mut parts = Vec::with_capacity(n.calls.len());
    for (i, call) in n.calls.iter().enumerate() {
        let resolved = match resolve(site, n, call, here) {
            Ok(resolved) => resolved,
            // A figure of a release set aside for its errors: the page is
            // made for its links to be checked, never published.
            Err(d) if d.message.id == crate::narrative::SET_ASIDE => {
                parts.push("…".to_owned());
                continue;
            }
            Err(d) => return Err(d),
        };
        let chart = match (&resolved, call.func) {
            (Resolved::Breakdown { id, period }, Func::Chart) => site
                .release(period)
                .and_then(|b| b.data().breakdown(id))
                .and_then(|bd| charts::breakdown(bd, period, words)),
            (Resolved::Trend { indicator, period }, Func::Chart) => {
                charts::trend(site, indicator, period, words, addr)
            }
            _ => None,
        };
        let html = match call.func {
            Func::Value | Func::Change => {
                let text = views::resolved_text(site, &resolved, call.func == Func::Change, words)
                    .unwrap_or_default();
                escape_html(&text)
            }
            Func::Chart | Func::Table => {
                // A chart carries its own table; the table alone is made
                // only where there is no chart.
                let table = || views::resolved_table(site, &resolved, words, addr);
                match chart {
                    Some(data) => {
                        let view = charts.view(&data);
                        out.partial("partials/chart.html", |ctx| {
                            ctx.insert("chart", &view);
                            ctx.insert("show_table", &false);
                        })?
                    }
                    None => match table() {
                        Some(mut table) => out.partial("partials/figure.html", |ctx| {
                            // The same table may show in the page's own
                            // sections, or twice in the text: ids stay unique.
                            table.id = format!("{}-text{}", table.id, i + 1);
                            ctx.insert("table", &table);
                            ctx.insert("kind", call.func.name());
                        })?,
                        None => String::new(),
                    },
                }
            }
        };
        parts.push(html);
    }
    Ok(n.to_html(addr.base_path(), &|i| {
        parts.get(i).cloned().unwrap_or_default()
    }))
}

/// Text made safe for HTML content and attribute values.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

//! What of a page is sent to Pagefind: the page without what Pagefind
//! would skip anyway. With `data-pagefind-body` on some element, Pagefind
//! indexes only those elements, and leaves out the `data-pagefind-ignore`
//! elements inside them; it still parses all the rest, which on a
//! bulletin (its tables, charts' data, navigation) is most of its bytes
//! and about half of Pagefind's time. So a marked page goes to Pagefind
//! as its head, and its marked elements with their ignored elements taken
//! out, unless those hold metadata, filters or sort keys that Pagefind
//! reads even there.
//!
//! The scan is of bantin's own output, but themes can be anyone's: where
//! an element's end cannot be found with certainty (a tag name inside a
//! script, a comment), the page is sent whole.

const BODY: &str = "data-pagefind-body";
const IGNORE: &str = "data-pagefind-ignore";
/// Attributes Pagefind reads inside ignored elements too.
const KEPT: [&str; 3] = [
    "data-pagefind-meta",
    "data-pagefind-filter",
    "data-pagefind-sort",
];

/// The part of `html` Pagefind needs, or `None` to send it whole.
pub fn for_search(html: &str) -> Option<String> {
    let body_tag = find_tag(html, 0, "<body")?;
    let mut out = String::with_capacity(html.len() / 3);
    // Doctype, `<html lang>` and the head, as they are.
    out.push_str(&html[..body_tag.end]);
    let mut at = body_tag.end;
    let mut found = false;
    while let Some(attr) = html[at..].find(BODY).map(|i| at + i) {
        let start = html[..attr].rfind('<')?;
        if html[start..attr].contains('>') {
            // The words, in text, not an attribute.
            return None;
        }
        let end = element_end(html, start)?;
        out.push_str(&strip_ignored(&html[start..end])?);
        found = true;
        at = end;
    }
    if !found {
        return None;
    }
    out.push_str("</body></html>");
    Some(out)
}

/// An element's text with its ignored elements taken out.
fn strip_ignored(element: &str) -> Option<String> {
    let mut out = String::with_capacity(element.len());
    let mut at = 0;
    // The element itself may say ignore: then it is kept as it is.
    let first_tag_end = element.find('>')?;
    while let Some(attr) = element[at..].find(IGNORE).map(|i| at + i) {
        if attr < first_tag_end {
            return Some(element.to_owned());
        }
        let start = element[..attr].rfind('<')?;
        if start < at || element[start..attr].contains('>') {
            // The attribute's tag began before what was copied: not a tag.
            return None;
        }
        let end = element_end(element, start)?;
        let inner = &element[start..end];
        out.push_str(&element[at..start]);
        if KEPT.iter().any(|k| inner.contains(k)) {
            out.push_str(inner);
        }
        at = end;
    }
    out.push_str(&element[at..]);
    Some(out)
}

struct Tag {
    end: usize,
}

/// The first tag starting with `open` (`<body`) from `from`.
fn find_tag(html: &str, from: usize, open: &str) -> Option<Tag> {
    let start = from + html[from..].find(open)?;
    let end = start + html[start..].find('>')? + 1;
    Some(Tag { end })
}

/// The end (exclusive) of the element whose start tag is at `start`:
/// after its matching end tag, counting nested elements of its name.
/// `None` if anything makes that uncertain.
fn element_end(html: &str, start: usize) -> Option<usize> {
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let open_end = start + html[start..].find('>')? + 1;
    if html[..open_end].ends_with("/>") || is_void(&name) {
        return Some(open_end);
    }
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 1usize;
    let mut at = open_end;
    while depth > 0 {
        let next = html[at..].find('<').map(|i| at + i)?;
        let rest = &html[next..];
        // Comments and raw text end where HTML says they do, whatever
        // they hold.
        if rest.starts_with("<!--") {
            at = next + rest.find("-->")? + 3;
            continue;
        }
        if let Some(raw) = ["script", "style", "textarea"]
            .into_iter()
            .find(|raw| *raw != name && starts_with_ignore_case(rest, &format!("<{raw}")))
        {
            let end_tag = format!("</{raw}");
            at = next + find_ignore_case(rest, &end_tag)? + end_tag.len();
            continue;
        }
        if starts_with_ignore_case(rest, &close) {
            depth -= 1;
            at = next + close.len();
        } else if starts_with_ignore_case(rest, &open)
            && rest[open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c.is_whitespace())
        {
            depth += 1;
            at = next + open.len();
        } else {
            at = next + 1;
        }
    }
    Some(at)
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><nav><a href="/">x</a></nav>
<article class="bulletin" data-pagefind-body><h1>Quý I</h1>
<dl class="facts" data-pagefind-ignore><dd data-pagefind-meta="period">Quý I/2021</dd></dl>
<p>Xuất khẩu tăng.</p>
<section data-pagefind-ignore><table><tr><td>5.718,5</td></tr></table><section><p>inner</p></section></section>
<figure class="chart-figure" data-pagefind-ignore><script type="application/json" id="c">{"a":"\u003c/figure>"}</script></figure>
<p>Nhập khẩu giảm.</p></article><footer>f</footer></body></html>"#;

    #[test]
    fn keeps_the_head_the_marked_body_and_metadata() {
        let slim = for_search(PAGE).unwrap();
        assert!(
            slim.starts_with(
                "<!DOCTYPE html><html lang=\"vi\"><head><title>T</title></head><body>"
            )
        );
        assert!(slim.contains("<h1>Quý I</h1>"));
        assert!(slim.contains("data-pagefind-meta=\"period\">Quý I/2021"));
        assert!(slim.contains("Xuất khẩu tăng.") && slim.contains("Nhập khẩu giảm."));
        for gone in ["5.718,5", "inner", "chart-figure", "<nav>", "<footer>"] {
            assert!(!slim.contains(gone), "{gone} in {slim}");
        }
        assert!(slim.ends_with("</article></body></html>"));
    }

    #[test]
    fn reads_comments_and_scripts_as_html_does() {
        let commented = PAGE.replace("<p>Xuất", "<!-- </article> --><p>Xuất");
        let slim = for_search(&commented).unwrap();
        assert!(slim.contains("Xuất khẩu tăng.") && slim.contains("Nhập khẩu giảm."));
        let scripted = PAGE.replace("<p>Nhập", "<script>var a = '</article>';</script><p>Nhập");
        assert!(for_search(&scripted).unwrap().contains("Nhập khẩu giảm."));
    }

    #[test]
    fn sends_whole_what_it_cannot_be_sure_of() {
        // No marked element; the attribute's name in text.
        assert_eq!(for_search("<html><body><p>x</p></body></html>"), None);
        let mentioned = PAGE.replace("<nav>", "<p>see data-pagefind-body</p><nav>");
        assert_eq!(for_search(&mentioned), None);
        // An element that never ends.
        let open = PAGE.replace("</article>", "");
        assert_eq!(for_search(&open), None);
    }
}

//! The PDF's document information: Chromium writes the title (from the
//! layout's `<title>`) and the language (from `<html lang>`), not the
//! author or subject. They are added by an incremental update, the way
//! PDF editors add them: a new information dictionary and a new
//! cross-reference section appended, the bytes Chromium wrote untouched.

/// `pdf` with `/Author` and `/Subject` in its information dictionary,
/// where they are not already; `pdf` as it is when its structure is not
/// the classic one Chromium writes (then it simply lacks them).
pub fn with_author(pdf: Vec<u8>, author: &str, subject: &str) -> Vec<u8> {
    match update(&pdf, author, subject) {
        Some(tail) => {
            let mut out = pdf;
            out.extend_from_slice(&tail);
            out
        }
        None => pdf,
    }
}

/// The bytes to append, if the file's last trailer can be read.
fn update(pdf: &[u8], author: &str, subject: &str) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(pdf);
    let trailer_at = text.rfind("trailer")?;
    let trailer = &text[trailer_at..];
    let dict = between(trailer, "<<", &[">>"])?;
    let prev: usize = trailer
        .split("startxref")
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let size: usize = number_after(dict, "/Size")?;
    let info: usize = number_after(dict, "/Info")?;
    let root = dict.split("/Root").nth(1)?.split('R').next()?.trim();
    // The information dictionary as written, less its brackets.
    let header = format!("\n{info} 0 obj");
    let start = text
        .find(&header)
        .or_else(|| text.starts_with(&header[1..]).then_some(0))?;
    let body = &text[start..];
    let old = between(body, "<<", &[">>\nendobj", ">>endobj"])?;
    let mut entries = old.to_owned();
    for (key, value) in [("/Author", author), ("/Subject", subject)] {
        if !value.is_empty() && !old.contains(key) {
            entries.push_str(&format!("\n{key} {}", text_string(value)));
        }
    }
    let mut tail = Vec::new();
    let object_at = pdf.len() + 1;
    tail.extend_from_slice(format!("\n{size} 0 obj\n<<{entries}>>\nendobj\n").as_bytes());
    let xref_at = pdf.len() + tail.len();
    tail.extend_from_slice(
        format!(
            "xref\n{size} 1\n{object_at:010} 00000 n \ntrailer\n<</Size {} /Root {root} R /Info {size} 0 R /Prev {prev}>>\nstartxref\n{xref_at}\n%%EOF\n",
            size + 1
        )
        .as_bytes(),
    );
    Some(tail)
}

/// The text after the first `open` up to the first of `ends` after it;
/// `None` when they are not there in that order.
fn between<'a>(text: &'a str, open: &str, ends: &[&str]) -> Option<&'a str> {
    let from = text.find(open)? + open.len();
    let rest = text.get(from..)?;
    let to = ends.iter().find_map(|end| rest.find(end))?;
    rest.get(..to)
}

/// The whole number after `key` in a dictionary's text.
fn number_after(dict: &str, key: &str) -> Option<usize> {
    dict.split(key)
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// A PDF text string: UTF-16BE with its byte order mark, in hex.
fn text_string(text: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        hex.push_str(&format!("{unit:04X}"));
    }
    hex.push('>');
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF shaped as Skia writes them: objects, one xref, a trailer.
    fn skia_like() -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let info_at = pdf.len();
        pdf.extend_from_slice(
            b"1 0 obj\n<</Title <FEFF0041>\n/Producer (Skia/PDF m156)>>\nendobj\n",
        );
        let root_at = pdf.len();
        pdf.extend_from_slice(b"2 0 obj\n<</Type /Catalog /Lang (vi)>>\nendobj\n");
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!(
                "xref\n0 3\n0000000000 65535 f \n{info_at:010} 00000 n \n{root_at:010} 00000 n \ntrailer\n<</Size 3\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"
            )
            .as_bytes(),
        );
        pdf
    }

    #[test]
    fn the_author_is_added_by_an_update_that_points_back() {
        let before = skia_like();
        let after = with_author(before.clone(), "Sở Công Thương", "Quý I");
        assert!(after.starts_with(&before), "Chromium's bytes are kept");
        let tail = String::from_utf8(after[before.len()..].to_vec()).unwrap();
        assert!(tail.contains("3 0 obj\n<<"), "{tail}");
        assert!(
            tail.contains("/Title <FEFF0041>"),
            "the title is kept: {tail}"
        );
        assert!(tail.contains("/Author <FEFF00531EDF00200043"), "{tail}");
        assert!(tail.contains("/Root 2 0 R /Info 3 0 R"), "{tail}");
        // The new cross-reference entry gives the object's true offset.
        let object = tail.find("3 0 obj").unwrap() + before.len();
        assert!(
            tail.contains(&format!("3 1\n{object:010} 00000 n")),
            "{tail}"
        );
        let xref = tail.find("xref").unwrap() + before.len();
        assert!(
            tail.ends_with(&format!("startxref\n{xref}\n%%EOF\n")),
            "{tail}"
        );
    }

    #[test]
    fn a_file_of_another_shape_is_left_as_it_is() {
        let other = b"%PDF-1.7\n1 0 obj <</Type /XRef>> stream\nendstream\n".to_vec();
        assert_eq!(with_author(other.clone(), "x", "y"), other);
    }
}

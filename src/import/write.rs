//! The data file an import writes: a new one in the content format, each
//! figure with the cell it came from beside it as a comment; or an
//! existing one with the imported indicators and breakdowns written
//! again and every other line kept as the editors wrote it (their
//! comments, `accept:`, `revisions:`, indicators the workbook does not
//! carry). Also the differences between the two, figure by figure.

use std::fmt::Write as _;

use crate::config::LocalText;
use crate::dataset::{Data, Field, Fields};
use crate::opendata::machine;

use super::fold::fold;
use super::{Imported, ImportedBreakdown, ImportedIndicator};

/// A string in double quotes, escaped for YAML.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{ vi: "…", en: "…" }` in the site's languages (those it has).
fn local(t: &LocalText, languages: &[String]) -> String {
    let parts: Vec<String> = languages
        .iter()
        .filter_map(|l| t.get(l).map(|s| format!("{l}: {}", quoted(s))))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// An indicator's lines: imported figures with their cells, then the
/// figures the file had that the workbook does not carry.
fn indicator_lines(
    ind: &ImportedIndicator,
    kept: Option<&Fields>,
    indent: usize,
    step: usize,
) -> String {
    let pad = " ".repeat(indent);
    let inner = " ".repeat(indent + step);
    let mut out = format!("{pad}{}:\n", ind.id);
    for field in Field::ALL {
        if let Some(f) = ind.figures.iter().find(|f| f.field == field) {
            let _ = writeln!(out, "{inner}{}: {}  # {}", field, machine(f.value), f.place);
        } else if let Some(x) = kept.and_then(|k| k.get(field)) {
            let _ = writeln!(out, "{inner}{}: {}", field, machine(x));
        }
    }
    out
}

fn breakdown_lines(
    bd: &ImportedBreakdown,
    languages: &[String],
    indent: usize,
    step: usize,
) -> String {
    let pad = " ".repeat(indent);
    let inner = " ".repeat(indent + step);
    let item = " ".repeat(indent + 2 * step);
    let mut out = format!("{pad}{}:\n", bd.id);
    let _ = writeln!(out, "{inner}title: {}", local(&bd.title, languages));
    if let Some(f) = bd.field {
        let _ = writeln!(out, "{inner}field: {f}");
    }
    if !bd.unit.is_empty() {
        let _ = writeln!(out, "{inner}unit: {}", local(&bd.unit, languages));
    }
    let _ = writeln!(out, "{inner}rows:");
    for row in &bd.rows {
        let _ = writeln!(
            out,
            "{item}- label: {}  # {}",
            local(&row.label, languages),
            row.place
        );
        for f in &row.figures {
            let _ = writeln!(
                out,
                "{item}  {}: {}  # {}",
                f.field,
                machine(f.value),
                f.place
            );
        }
    }
    out
}

/// What the head of a new file says.
pub struct Head<'a> {
    /// The first lines, in the editor's language: where the figures
    /// came from.
    pub comment: &'a str,
    pub period: &'a str,
    pub status: &'a str,
    pub published: Option<&'a str>,
}

/// A new data file.
pub fn fresh(
    head: &Head,
    imported: &Imported,
    catalog_order: &dyn Fn(&str) -> usize,
    languages: &[String],
) -> String {
    let mut out: String = head.comment.lines().map(|l| format!("# {l}\n")).collect();
    let _ = write!(
        out,
        "period: {}\nstatus: {}\npublished: {}\n",
        head.period,
        head.status,
        head.published.unwrap_or(""),
    );
    let mut inds: Vec<&ImportedIndicator> = imported.indicators.iter().collect();
    inds.sort_by_key(|i| catalog_order(&i.id));
    if !inds.is_empty() {
        out.push_str("indicators:\n");
        for ind in inds {
            out.push_str(&indicator_lines(ind, None, 2, 2));
        }
    }
    if !imported.breakdowns.is_empty() {
        out.push_str("breakdowns:\n");
        for bd in &imported.breakdowns {
            out.push_str(&breakdown_lines(bd, languages, 2, 2));
        }
    }
    out
}

/// A block of a YAML document: the lines of one key at one indent, up to
/// the next key at that indent (comments after it belong to it).
#[derive(Debug, Clone)]
struct Block {
    key: String,
    start: usize,
    end: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The keys at `indent` within lines `from..to`.
fn blocks(lines: &[&str], from: usize, to: usize, indent: usize) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        if !is_content(line) || indent_of(line) != indent {
            continue;
        }
        let t = line.trim_start();
        let Some((key, _)) = t.split_once(':') else {
            continue;
        };
        if key.starts_with('-') {
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.end = i;
        }
        out.push(Block {
            key: key.trim().trim_matches(['"', '\'']).to_owned(),
            start: i,
            end: to,
        });
    }
    out
}

/// The indent of the first content line in `from..to`.
fn child_indent(lines: &[&str], from: usize, to: usize) -> Option<usize> {
    lines[from..to]
        .iter()
        .find(|l| is_content(l))
        .map(|l| indent_of(l))
}

/// The block's last content line, so that new entries go before the
/// comments and blank lines that end it.
fn content_end(lines: &[&str], b: &Block) -> usize {
    (b.start..b.end)
        .rev()
        .find(|&i| is_content(lines[i]))
        .map_or(b.end, |i| i + 1)
}

/// Rewrites the section `key` (`indicators`, `breakdowns`): each entry
/// in `entries` (by its key) replaces the one of the same key, or is
/// added at the end; other entries are kept as written. Returns the
/// lines; `None` when the section is not written in block style (then
/// it is written again whole by the caller).
fn splice(
    lines: &[&str],
    key: &str,
    entries: &[(String, Box<dyn Fn(usize, usize) -> String + '_>)],
) -> Option<Vec<String>> {
    let top = blocks(lines, 0, lines.len(), 0);
    let Some(section) = top.iter().find(|b| b.key == key) else {
        // No such section yet: added at the end of the file.
        let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        out.push(format!("{key}:"));
        for (_, make) in entries {
            out.extend(make(2, 2).lines().map(str::to_owned));
        }
        return Some(out);
    };
    let head = lines[section.start].trim_start();
    let after_colon = head.split_once(':').map_or("", |(_, r)| r).trim();
    if !(after_colon.is_empty() || after_colon.starts_with('#')) {
        return None;
    }
    let indent = child_indent(lines, section.start + 1, section.end).unwrap_or(2);
    let children = blocks(lines, section.start + 1, section.end, indent);
    let step = children
        .first()
        .and_then(|c| child_indent(lines, c.start + 1, c.end))
        .map_or(2, |i| i.saturating_sub(indent).max(1));
    let mut out: Vec<String> = lines[..section.start + 1]
        .iter()
        .map(|l| (*l).to_owned())
        .collect();
    let mut done = vec![false; entries.len()];
    let mut pos = section.start + 1;
    for child in &children {
        out.extend(lines[pos..child.start].iter().map(|l| (*l).to_owned()));
        match entries.iter().position(|(k, _)| *k == child.key) {
            Some(i) => {
                done[i] = true;
                out.extend(entries[i].1(indent, step).lines().map(str::to_owned));
                // Keep the comments and blank lines that end the block.
                let end = content_end(lines, child);
                out.extend(lines[end..child.end].iter().map(|l| (*l).to_owned()));
            }
            None => out.extend(
                lines[child.start..child.end]
                    .iter()
                    .map(|l| (*l).to_owned()),
            ),
        }
        pos = child.end;
    }
    let tail_start = content_end(
        lines,
        &Block {
            key: String::new(),
            start: pos,
            end: section.end,
        },
    )
    .max(pos);
    out.extend(lines[pos..tail_start].iter().map(|l| (*l).to_owned()));
    for (i, (_, make)) in entries.iter().enumerate() {
        if !done[i] {
            out.extend(make(indent, step).lines().map(str::to_owned));
        }
    }
    out.extend(lines[tail_start..].iter().map(|l| (*l).to_owned()));
    Some(out)
}

/// Replaces the value of a top-level `key: value` line, keeping its
/// comment; adds the line after `period:` when there is none.
fn set_top(lines: &mut Vec<String>, key: &str, value: &str) {
    let prefix = format!("{key}:");
    if let Some(line) = lines.iter_mut().find(|l| l.starts_with(&prefix)) {
        let comment = line
            .split_once(" #")
            .map(|(_, c)| format!("  #{c}"))
            .unwrap_or_default();
        *line = format!("{key}: {value}{comment}");
        return;
    }
    let at = lines
        .iter()
        .position(|l| l.starts_with("period:"))
        .map_or(0, |i| i + 1);
    lines.insert(at, format!("{key}: {value}"));
}

/// The existing file with the imported figures written in.
pub fn update(
    text: &str,
    existing: &Data,
    imported: &Imported,
    status: Option<&str>,
    published: Option<&str>,
    languages: &[String],
) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    if !imported.indicators.is_empty() {
        let entries: Vec<(String, Box<dyn Fn(usize, usize) -> String + '_>)> = imported
            .indicators
            .iter()
            .map(|ind| {
                let kept = existing.fields(&ind.id);
                let make: Box<dyn Fn(usize, usize) -> String> =
                    Box::new(move |indent, step| indicator_lines(ind, kept, indent, step));
                (ind.id.clone(), make)
            })
            .collect();
        let refs: Vec<&str> = out.iter().map(String::as_str).collect();
        out = match splice(&refs, "indicators", &entries) {
            Some(o) => o,
            None => whole_section(&refs, "indicators", &entries),
        };
    }
    if !imported.breakdowns.is_empty() {
        let entries: Vec<(String, Box<dyn Fn(usize, usize) -> String + '_>)> = imported
            .breakdowns
            .iter()
            .map(|bd| {
                let make: Box<dyn Fn(usize, usize) -> String> =
                    Box::new(move |indent, step| breakdown_lines(bd, languages, indent, step));
                (bd.id.clone(), make)
            })
            .collect();
        let refs: Vec<&str> = out.iter().map(String::as_str).collect();
        out = match splice(&refs, "breakdowns", &entries) {
            Some(o) => o,
            None => whole_section(&refs, "breakdowns", &entries),
        };
    }
    if let Some(s) = status {
        set_top(&mut out, "status", s);
    }
    if let Some(p) = published {
        set_top(&mut out, "published", p);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// A section written in flow style (`indicators: { … }`): the imported
/// entries replace it whole, after the entries it had that the import
/// does not carry, written again in block style. Rare (bantin and its
/// editors write block style); the differences still list every figure.
fn whole_section(
    lines: &[&str],
    key: &str,
    entries: &[(String, Box<dyn Fn(usize, usize) -> String + '_>)],
) -> Vec<String> {
    let top = blocks(lines, 0, lines.len(), 0);
    let mut out: Vec<String> = Vec::new();
    for b in &top {
        if b.key != key {
            continue;
        }
        out.extend(lines[..b.start].iter().map(|l| (*l).to_owned()));
        // The entries the import does not carry, as YAML gives them back.
        let value: serde_yaml::Value = serde_yaml::from_str(&lines[b.start..b.end].join("\n"))
            .unwrap_or(serde_yaml::Value::Null);
        out.push(format!("{key}:"));
        if let Some(m) = value.get(key).and_then(serde_yaml::Value::as_mapping) {
            for (k, v) in m {
                let k = crate::yaml::key_text(k);
                if entries.iter().any(|(e, _)| *e == k) {
                    continue;
                }
                let mut one = serde_yaml::Mapping::new();
                one.insert(k.into(), v.clone());
                let text = serde_yaml::to_string(&one).unwrap_or_default();
                out.extend(text.lines().map(|l| format!("  {l}")));
            }
        }
        for (_, make) in entries {
            out.extend(make(2, 2).lines().map(str::to_owned));
        }
        out.extend(lines[b.end..].iter().map(|l| (*l).to_owned()));
        return out;
    }
    lines.iter().map(|l| (*l).to_owned()).collect()
}

/// One difference between the file and the workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `exports.value`, `iip_by_sector["Đóng tàu"].growth_yoy`.
    pub what: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// The figures that differ: changed, new, or (in a breakdown the
/// workbook gives again) gone.
pub fn changes(existing: &Data, imported: &Imported, default_lang: &str) -> Vec<Change> {
    let mut out = Vec::new();
    for ind in &imported.indicators {
        let had = existing.fields(&ind.id);
        for f in &ind.figures {
            let before = had.and_then(|h| h.get(f.field));
            if before != Some(f.value) {
                out.push(Change {
                    what: format!("{}.{}", ind.id, f.field),
                    before,
                    after: Some(f.value),
                });
            }
        }
    }
    for bd in &imported.breakdowns {
        let had = existing.breakdown(&bd.id);
        let label = |t: &LocalText| t.get_or(default_lang, "").to_owned();
        for row in &bd.rows {
            let name = label(&row.label);
            let before = had.and_then(|h| {
                h.rows
                    .iter()
                    .find(|r| fold(&label(&r.label)) == fold(&name))
            });
            for f in &row.figures {
                let b = before.and_then(|r| r.fields.get(f.field));
                if b != Some(f.value) {
                    out.push(Change {
                        what: format!("{}[\"{}\"].{}", bd.id, name, f.field),
                        before: b,
                        after: Some(f.value),
                    });
                }
            }
        }
        for r in had.map(|h| h.rows.as_slice()).unwrap_or_default() {
            let name = label(&r.label);
            if !bd
                .rows
                .iter()
                .any(|n| fold(&label(&n.label)) == fold(&name))
            {
                for (field, x) in r.fields.present() {
                    out.push(Change {
                        what: format!("{}[\"{}\"].{}", bd.id, name, field),
                        before: Some(x),
                        after: None,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_found_by_indent() {
        let text = "period: 2021-Q1\nindicators:\n  exports:\n    value: 1\n  # a note\n  iip:\n    growth_yoy: 2\naccept: []\n";
        let lines: Vec<&str> = text.lines().collect();
        let top = blocks(&lines, 0, lines.len(), 0);
        assert_eq!(
            top.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(),
            ["period", "indicators", "accept"]
        );
        let inds = &top[1];
        let children = blocks(&lines, inds.start + 1, inds.end, 2);
        assert_eq!(children[0].key, "exports");
        assert_eq!((children[0].start, children[0].end), (2, 5));
        assert_eq!(content_end(&lines, &children[0]), 4);
    }

    #[test]
    fn top_values_keep_their_comments() {
        let mut lines = vec![
            "period: 2021-Q1".to_owned(),
            "status: estimate   # as sent".to_owned(),
        ];
        set_top(&mut lines, "status", "final");
        set_top(&mut lines, "published", "2021-04-01");
        assert_eq!(
            lines,
            [
                "period: 2021-Q1",
                "published: 2021-04-01",
                "status: final  # as sent"
            ]
        );
    }
}

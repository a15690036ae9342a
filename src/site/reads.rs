//! What a page read of the site while it rendered, recorded as it reads.
//!
//! A page's content is a function of the site; a rebuild that knows which
//! parts each page of the last build read, and which of those parts
//! changed since, renders again only the pages whose parts changed
//! ([`crate::record`]). The parts are the [`Input`]s. They are noted at
//! the site's accessors, not by each view: a release's figures and texts
//! can only be reached through [`super::Release::data`] and
//! [`super::Release::narratives`], and the list of releases only through
//! [`super::Site`]'s methods, so a view written tomorrow is recorded too.
//!
//! What every page reads (site.toml, the catalogue, the free pages, the
//! theme, bantin itself) is not noted: it is the site's own fingerprint,
//! and a change to it renders everything.
//!
//! The record is kept per thread, around one page at a time
//! ([`recording`]); nothing a page does to render runs on another
//! thread.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::period::Kind;

/// A part of the site a page can read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Input {
    /// Which releases there are: each one's period, folder, publication
    /// date, status and the languages it is written in.
    Listing,
    /// Which releases of one kind there are (neighbours, the latest of a
    /// kind, trends walk these), by period and folder.
    Kind(Kind),
    /// Which release, if any, covers these months of a year (a figure
    /// cited by period finds it): `(year, first month, last month)`.
    Period((i32, u8, u8)),
    /// A release's figures (`data.yaml`), by slug.
    Figures(Arc<str>),
    /// One indicator's figures in every release, by its id.
    Series(Arc<str>),
    /// The text of a release's data file, by slug: where in it each
    /// figure is written, which findings point at.
    Source(Arc<str>),
    /// A release's narratives, by slug.
    Text(Arc<str>),
}

impl Input {
    /// The input as the record writes it: `L`, `F:2021-q1`, `T:2021-q1`.
    pub fn key(&self) -> String {
        match self {
            Input::Listing => "L".to_owned(),
            Input::Kind(kind) => format!("K:{}", kind.key()),
            Input::Period((year, from, to)) => format!("P:{year}-{from:02}-{to:02}"),
            Input::Figures(slug) => format!("F:{slug}"),
            Input::Series(id) => format!("S:{id}"),
            Input::Source(slug) => format!("D:{slug}"),
            Input::Text(slug) => format!("T:{slug}"),
        }
    }

    /// The input a key of the record names ([`Input::key`] read back).
    pub fn from_key(key: &str) -> Option<Input> {
        if key == "L" {
            return Some(Input::Listing);
        }
        let (tag, rest) = key.split_once(':')?;
        Some(match tag {
            "K" => Input::Kind(*Kind::ALL.iter().find(|k| k.key() == rest)?),
            "P" => {
                // From the right: the months are the last two numbers.
                let mut parts = rest.rsplitn(3, '-');
                let to = parts.next()?.parse().ok()?;
                let from = parts.next()?.parse().ok()?;
                let year = parts.next()?.parse().ok()?;
                Input::Period((year, from, to))
            }
            "F" => Input::Figures(rest.into()),
            "S" => Input::Series(rest.into()),
            "D" => Input::Source(rest.into()),
            "T" => Input::Text(rest.into()),
            _ => return None,
        })
    }

    /// The slug of the release this input is of alone (its figures, its
    /// texts, its data file's text).
    pub fn release(&self) -> Option<&str> {
        match self {
            Input::Figures(slug) | Input::Source(slug) | Input::Text(slug) => Some(slug),
            _ => None,
        }
    }
}

/// The inputs read so far on this thread, when recording.
#[derive(Default)]
struct Reads {
    inputs: BTreeSet<Input>,
    /// The last release noted, by the address of its slug: a page reads
    /// one release's figures many times in a row, and this saves the set
    /// a lookup each time.
    last: Option<(u8, usize)>,
}

thread_local! {
    static READS: RefCell<Option<Reads>> = const { RefCell::new(None) };
}

/// Notes that the work running on this thread read the list of releases.
pub(crate) fn listing() {
    READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.inputs.insert(Input::Listing);
        }
    });
}

/// Notes that the work running on this thread looked for a release of a
/// period, or went through the releases of one kind.
pub(crate) fn note(input: Input) {
    READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.inputs.insert(input);
        }
    });
}

/// Notes that a release's figures (`text` false) or narratives were read.
pub(super) fn release(slug: &Arc<str>, text: bool) {
    READS.with(|r| {
        let mut r = r.borrow_mut();
        let Some(reads) = r.as_mut() else {
            return;
        };
        let seen = (u8::from(text), Arc::as_ptr(slug).cast::<u8>() as usize);
        if reads.last == Some(seen) {
            return;
        }
        reads.last = Some(seen);
        let slug = Arc::clone(slug);
        reads.inputs.insert(if text {
            Input::Text(slug)
        } else {
            Input::Figures(slug)
        });
    });
}

/// Runs `work`, recording what it reads of the site. Work already being
/// recorded on this thread (a thread that waits may run another page) is
/// put back as it was afterwards, even if `work` panics.
pub(crate) fn recording<T>(work: impl FnOnce() -> T) -> (T, BTreeSet<Input>) {
    struct Restore(Option<Option<Reads>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(before) = self.0.take() {
                READS.with(|r| *r.borrow_mut() = before);
            }
        }
    }
    let before = READS.with(|r| r.replace(Some(Reads::default())));
    let mut restore = Restore(Some(before));
    let out = work();
    let before = restore.0.take().unwrap_or_default();
    let reads = READS.with(|r| r.replace(before)).unwrap_or_default();
    (out, reads.inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_read_inside_is_recorded() {
        let a: Arc<str> = Arc::from("2021-q1");
        let b: Arc<str> = Arc::from("2021-q2");
        // Outside a recording, nothing is kept.
        release(&a, false);
        let ((), reads) = recording(|| {
            release(&a, false);
            release(&a, false);
            release(&a, true);
            let ((), inner) = recording(|| release(&b, false));
            assert_eq!(inner, BTreeSet::from([Input::Figures(b.clone())]));
            listing();
        });
        assert_eq!(
            reads,
            BTreeSet::from([
                Input::Listing,
                Input::Figures(a.clone()),
                Input::Text(a.clone())
            ])
        );
        let ((), none) = recording(|| ());
        assert!(none.is_empty());
    }

    #[test]
    fn keys_read_back_as_the_inputs_they_name() {
        let all = [
            Input::Listing,
            Input::Kind(Kind::Quarter),
            Input::Period((2021, 1, 3)),
            Input::Period((-5, 10, 12)),
            Input::Figures("2021-q1".into()),
            Input::Series("exports".into()),
            Input::Source("2021-q1".into()),
            Input::Text("2022-h1".into()),
        ];
        for input in all {
            assert_eq!(Input::from_key(&input.key()), Some(input));
        }
        assert_eq!(Input::from_key("X:1"), None);
        assert_eq!(Input::from_key("K:decade"), None);
    }
}

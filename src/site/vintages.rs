//! Every published version of a figure that was revised: the first, as its
//! own release published it, then each restatement by a later release
//! (`revisions:`), in the order they came. The latest version is the one
//! combined everywhere (series, charts, open data, the consistency rules);
//! the release that first published a figure keeps showing it, marked.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Release, coverage};
use crate::config::LocalText;
use crate::dataset::{Field, Fields, Status};
use crate::period::Period;

/// One version of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Vintage {
    /// The period the figure is of.
    pub period: Period,
    pub value: f64,
    /// The release that published it, by slug.
    pub by: Arc<str>,
    pub by_period: Period,
    /// The status of the figure in that version.
    pub status: Status,
    pub kind: VersionKind,
    pub reason: LocalText,
}

/// How a version came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionKind {
    /// As its own release first published it.
    First,
    /// A routine revision (an estimate made final).
    Revision,
    /// An error put right.
    Correction,
}

impl VersionKind {
    pub fn name(self) -> &'static str {
        match self {
            VersionKind::First => "first",
            VersionKind::Revision => "revision",
            VersionKind::Correction => "correction",
        }
    }
}

type Key = ((i32, u8, u8), String, Field);

/// The versions of every revised figure, by period, indicator and field.
#[derive(Debug, Default, Clone)]
pub struct Vintages {
    by: BTreeMap<Key, Vec<Vintage>>,
    /// The revised indicators of each period: their fields with the
    /// latest versions in.
    latest: BTreeMap<((i32, u8, u8), String), Fields>,
}

impl Vintages {
    /// From the releases in period order (a later period's release came
    /// later, so its restatement is the newer one).
    pub fn of(releases: &[Release]) -> Vintages {
        let mut v = Vintages::default();
        for b in releases {
            for r in &b.data.revisions {
                let cov = coverage(&r.period);
                let first = releases
                    .iter()
                    .find(|x| x.period().same_coverage(&r.period));
                for (id, fields) in &r.indicators {
                    let original = first.and_then(|x| x.data.fields(id)).copied();
                    let latest = v
                        .latest
                        .entry((cov, id.clone()))
                        .or_insert_with(|| original.unwrap_or_default());
                    for (field, value) in fields.present() {
                        latest.set(field, value);
                        let versions = v.by.entry((cov, id.clone(), field)).or_insert_with(|| {
                            let mut list = Vec::new();
                            if let (Some(x), Some(o)) = (first, original.and_then(|o| o.get(field)))
                            {
                                list.push(Vintage {
                                    period: r.period,
                                    value: o,
                                    by: x.slug.clone(),
                                    by_period: *x.period(),
                                    status: x.data.status,
                                    kind: VersionKind::First,
                                    reason: LocalText::None,
                                });
                            }
                            list
                        });
                        versions.push(Vintage {
                            period: r.period,
                            value,
                            by: b.slug.clone(),
                            by_period: *b.period(),
                            status: r.status.unwrap_or(b.data.status),
                            kind: if r.correction {
                                VersionKind::Correction
                            } else {
                                VersionKind::Revision
                            },
                            reason: r.reason.clone(),
                        });
                    }
                }
            }
        }
        v
    }

    pub fn is_empty(&self) -> bool {
        self.by.is_empty()
    }

    /// The versions of a figure, oldest first; empty if never revised.
    pub fn of_figure(&self, period: &Period, id: &str, field: Field) -> &[Vintage] {
        // Asked for every figure of every page: most sites revise nothing.
        if self.by.is_empty() {
            return &[];
        }
        self.by
            .get(&(coverage(period), id.to_owned(), field))
            .map_or(&[], Vec::as_slice)
    }

    /// An indicator's figures of `period` with their latest versions, if
    /// any was revised.
    pub fn latest(&self, period: &Period, id: &str) -> Option<&Fields> {
        if self.latest.is_empty() {
            return None;
        }
        self.latest.get(&(coverage(period), id.to_owned()))
    }

    /// Every version of every revised figure, for the open data.
    pub fn all(&self) -> impl Iterator<Item = (&Key, &Vec<Vintage>)> {
        self.by.iter()
    }
}

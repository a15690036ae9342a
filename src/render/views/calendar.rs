//! The release calendar as the theme sees it: the releases still to come
//! grouped by month, those already published linked to their bulletins,
//! and "next release" lines for bulletins and the home page.

use serde::Serialize;

use crate::address::{Addresses, File, Page};
use crate::calendar::{Calendar, Entry, Status, When};
use crate::locale::fill;
use crate::period::{Period, Span};
use crate::render::words::Words;
use crate::site::Site;

#[derive(Debug, Serialize)]
pub struct CalendarPage {
    /// Releases still to come (or cancelled), by the month they are due.
    pub months: Vec<MonthGroup>,
    /// Releases published, latest first, linked to their bulletins.
    pub published: Vec<CalendarItem>,
    /// The iCalendar feed of this language, and its absolute address
    /// (for calendar programs' "subscribe by URL").
    pub ics: String,
    pub ics_url: String,
}

#[derive(Debug, Serialize)]
pub struct MonthGroup {
    pub title: String,
    pub items: Vec<CalendarItem>,
}

#[derive(Debug, Serialize)]
pub struct CalendarItem {
    pub title: String,
    /// `8 tháng 7 năm 2025, 09:00` / `in July 2025`.
    pub when: String,
    /// `provisional`, `confirmed` or `cancelled`, for styling.
    pub status: &'static str,
    pub status_label: String,
    /// Why it was cancelled.
    pub reason: Option<String>,
    /// Its earlier dates: "Moved from 6 June 2025: …".
    pub changes: Vec<String>,
    /// Its bulletin, once published.
    pub href: Option<String>,
}

/// "Next release: Q2 2025, 8 July 2025", linked to the calendar.
#[derive(Debug, Serialize)]
pub struct NextRelease {
    pub text: String,
    pub href: String,
}

/// When an entry is due, in words.
fn when_text(when: When, time: Option<(u8, u8)>, words: &Words) -> String {
    match when {
        When::Day(d) => {
            let day = words.locale.date(&d);
            match time {
                Some((h, m)) => format!("{day}, {h:02}:{m:02}"),
                None => day,
            }
        }
        When::Month { year, month } => fill(
            words.t("calendar.in_month"),
            &[("month", &month_title(year, month, words))],
        ),
    }
}

fn month_title(year: i32, month: u8, words: &Words) -> String {
    words.locale.period_title(&Period {
        year,
        span: Span::Month(month),
    })
}

fn item(site: &Site, e: &Entry, words: &Words, addr: &Addresses) -> CalendarItem {
    let lang = words.lang();
    let text = |t: &crate::config::LocalText| t.get_or(lang, words.fallback).to_owned();
    CalendarItem {
        title: words.locale.period_title(&e.period),
        when: when_text(e.when, e.time, words),
        status: e.status.name(),
        status_label: words
            .t(match e.status {
                Status::Provisional => "calendar.provisional",
                Status::Confirmed => "calendar.confirmed",
                Status::Cancelled => "calendar.cancelled",
            })
            .to_owned(),
        reason: (e.status == Status::Cancelled).then(|| text(&e.reason)),
        changes: e
            .changes
            .iter()
            .map(|c| {
                fill(
                    words.t("calendar.moved"),
                    &[
                        ("from", &when_text(c.from, None, words)),
                        ("reason", &text(&c.reason)),
                    ],
                )
            })
            .collect(),
        href: site
            .release(&e.period)
            .map(|b| addr.page_href(lang, Page::Release(b.slug()))),
    }
}

/// The calendar page of one language.
pub fn calendar_page(
    site: &Site,
    calendar: &Calendar,
    words: &Words,
    addr: &Addresses,
) -> CalendarPage {
    let mut months: Vec<MonthGroup> = Vec::new();
    let mut published = Vec::new();
    for e in &calendar.entries {
        let it = item(site, e, words, addr);
        if it.href.is_some() {
            published.push(it);
            continue;
        }
        let first = e.when.first_day();
        let title = month_title(first.year, first.month, words);
        match months.last_mut() {
            Some(m) if m.title == title => m.items.push(it),
            _ => months.push(MonthGroup {
                title,
                items: vec![it],
            }),
        }
    }
    published.reverse();
    let lang = words.lang();
    CalendarPage {
        months,
        published,
        ics: addr.file_href(File::CalendarFeed(lang)),
        ics_url: addr.file_url(File::CalendarFeed(lang)),
    }
}

/// The line announcing `entry` as the next release.
pub fn next_release(entry: &Entry, words: &Words, addr: &Addresses) -> NextRelease {
    NextRelease {
        text: fill(
            words.t("calendar.next"),
            &[
                ("period", &words.locale.period_title(&entry.period)),
                ("when", &when_text(entry.when, entry.time, words)),
            ],
        ),
        href: addr.page_href(words.lang(), Page::Calendar),
    }
}

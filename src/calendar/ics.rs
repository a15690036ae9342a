//! The calendar as an iCalendar feed (RFC 5545), one per language, for
//! readers to subscribe to: one event per release, with a UID that stays
//! the same however often the feed is made (the period and the site's
//! host), SEQUENCE raised each time its date moves, STATUS TENTATIVE,
//! CONFIRMED or CANCELLED, and a link to the bulletin (once published) or
//! the calendar page.

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar as Feed, Component, Event, EventLike, EventStatus};

use super::{Calendar, Entry, Status, When, next_day};
use crate::dataset::Date;

/// What an event says of its release, in the feed's language.
pub struct Words<'a> {
    /// The calendar's name: the site's title.
    pub name: &'a str,
    /// An event's summary: "Bản tin Quý I/2025".
    pub summary: &'a dyn Fn(&Entry) -> String,
    /// Its description: the reason of a cancellation or of the last move.
    pub description: &'a dyn Fn(&Entry) -> Option<String>,
    /// Where it links.
    pub url: &'a dyn Fn(&Entry) -> String,
}

/// Vietnam's time, UTC+7 all year: a time of day is written in UTC so
/// every calendar program places it right without a time zone table.
const UTC_OFFSET_HOURS: i64 = 7;

/// The feed. `host` makes the events' UIDs the site's own; `stamp` is
/// when the calendar was made (DTSTAMP), fixed so that the same calendar
/// gives the same bytes.
pub fn feed(calendar: &Calendar, host: &str, stamp: Date, words: &Words) -> String {
    let mut feed = Feed::new();
    feed.name(words.name);
    let stamp = Utc
        .with_ymd_and_hms(stamp.year, stamp.month.into(), stamp.day.into(), 0, 0, 0)
        .single()
        .unwrap_or_default();
    for e in &calendar.entries {
        let mut event = Event::new();
        event
            .uid(&format!("{}@{host}", e.period.slug()))
            .timestamp(stamp)
            .sequence(e.changes.len() as u32)
            .summary(&(words.summary)(e))
            .url(&(words.url)(e))
            .status(match e.status {
                Status::Provisional => EventStatus::Tentative,
                Status::Confirmed => EventStatus::Confirmed,
                Status::Cancelled => EventStatus::Cancelled,
            });
        if let Some(text) = (words.description)(e) {
            event.description(&text);
        }
        match (e.when, e.time) {
            (When::Day(d), Some((h, m))) => {
                let start = Utc
                    .with_ymd_and_hms(d.year, d.month.into(), d.day.into(), h.into(), m.into(), 0)
                    .single()
                    .unwrap_or_default()
                    - chrono::Duration::hours(UTC_OFFSET_HOURS);
                event.starts(start).ends(start + chrono::Duration::hours(1));
            }
            (When::Day(d), None) => {
                event.starts(naive(d)).ends(naive(next_day(d)));
            }
            // A window: the whole month, as a day-long event would say a
            // day that is not known.
            (w @ When::Month { .. }, _) => {
                event
                    .starts(naive(w.first_day()))
                    .ends(naive(next_day(w.last_day())));
            }
        }
        feed.push(event.done());
    }
    feed.done().to_string()
}

fn naive(d: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year, d.month.into(), d.day.into()).unwrap_or_default()
}

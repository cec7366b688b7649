//! Dates in tests, built from the server's clock: a test that means "now", "in three
//! days" or "the coming Saturday" asks here, never writes a date. A test about a fixed
//! instant (`at=…`, a schedule wholly in the past or future on purpose) says so in its
//! name and keeps its literal.
//!
//! `BALISE_TEST_NOW` (RFC 3339, or a date alone: 09:00 in Brussels that day) pins the
//! clock of every test of a run to that instant, through `balise::clock` — the machine's
//! time is untouched. `.ci/run` runs the date-sensitive tests so on days chosen to break
//! assumptions: a year ahead, the Saturday before Easter Monday and the daylight-saving
//! switch, 31 December.

use std::sync::Once;

use balise::model::schedule::local_to_utc;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, SecondsFormat, Utc, Weekday};

static PINNED: Once = Once::new();

/// Pins the clock to `BALISE_TEST_NOW` once per process, if it is set. A value that is
/// not an instant fails the test loudly.
pub fn pin_from_env() {
    PINNED.call_once(|| {
        let Ok(v) = std::env::var("BALISE_TEST_NOW") else {
            return;
        };
        let at = balise::model::schedule::parse_instant(&v, false)
            .map(|t| {
                if v.trim().len() == 10 {
                    t + chrono::Duration::hours(9)
                } else {
                    t
                }
            })
            .unwrap_or_else(|| {
                panic!("BALISE_TEST_NOW={v:?} is not an RFC 3339 instant or a date")
            });
        balise::clock::set(at);
    });
}

/// Pins the clock of this test to `at` (the server's clock: one per test process).
pub fn pin(at: DateTime<Utc>) {
    pin_from_env();
    balise::clock::set(at);
}

/// Pins the clock to a local time in Brussels on `day`.
pub fn pin_local(day: NaiveDate, hm: &str) {
    pin(local(day, hm));
}

/// The server's now.
pub fn now() -> DateTime<Utc> {
    pin_from_env();
    balise::clock::now()
}

/// Today in Brussels, as the server sees it.
pub fn today() -> NaiveDate {
    pin_from_env();
    balise::clock::today()
}

/// Today plus `n` days (`n` < 0: before today).
pub fn day(n: i64) -> NaiveDate {
    shift(today(), n)
}

pub fn shift(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d + Days::new(n as u64)
    } else {
        d - Days::new(n.unsigned_abs())
    }
}

/// `hm` ("07:30") in Brussels on `d`, as an instant.
pub fn local(d: NaiveDate, hm: &str) -> DateTime<Utc> {
    let t = NaiveTime::parse_from_str(hm, "%H:%M").expect("a time as HH:MM");
    local_to_utc(d.and_time(t))
}

/// An instant as the API writes it (RFC 3339 in UTC, whole seconds).
pub fn rfc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `hm` in Brussels `n` days from today, as RFC 3339.
pub fn at(n: i64, hm: &str) -> String {
    rfc(local(day(n), hm))
}

/// A date as `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The first `weekday` after today (a week ahead when today is that day).
pub fn coming(weekday: Weekday) -> NaiveDate {
    let mut d = day(1);
    while d.weekday() != weekday {
        d = shift(d, 1);
    }
    d
}

/// A date as the three fields of a form (day, month, year).
pub fn dmy(d: NaiveDate) -> [String; 3] {
    [
        d.day().to_string(),
        d.month().to_string(),
        d.year().to_string(),
    ]
}

/// The report reference of a commune's `n`th report of this year (`SOI-2027-00041`).
pub fn reference(prefix: &str, n: u32) -> String {
    format!("{prefix}-{}-{n:05}", today().year())
}

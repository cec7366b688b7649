//! The one clock of the server. Everything that asks "what time is it?" — deadlines in
//! working days, the "today" of map pages, recurring task templates, retention, drafts,
//! sessions, reset links and tokens, the demo data — asks here, so that setting this
//! clock moves the whole server to another day. Tests use that to see what a user would
//! see on a Monday, on the Friday before Easter Monday, across a daylight-saving switch
//! or on 31 December, without touching the machine's time.
//!
//! The clock is the machine's, shifted by an offset that is zero unless [`set`] moved
//! it: time keeps running from the instant set, so versions, histories and expiries
//! follow each other as on a real day. The offset is one per process (a test binary run
//! by nextest is one process per test). Instants are at the millisecond precision both
//! backends store, so that what is written and what is read back compare equal.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, NaiveDate, SubsecRound, Utc};

/// Milliseconds added to the machine's time.
static SHIFT_MS: AtomicI64 = AtomicI64::new(0);

/// The current instant.
pub fn now() -> DateTime<Utc> {
    (Utc::now() + Duration::milliseconds(SHIFT_MS.load(Ordering::Relaxed))).trunc_subsecs(3)
}

/// Today's date in the communes' time zone (Europe/Brussels).
pub fn today() -> NaiveDate {
    now()
        .with_timezone(&crate::model::schedule::LOCAL_TZ)
        .date_naive()
}

/// Moves the clock so that it reads `at` now and runs on from there.
pub fn set(at: DateTime<Utc>) {
    let shift = (at - Utc::now()).num_milliseconds();
    SHIFT_MS.store(shift, Ordering::Relaxed);
}

/// Puts the clock back on the machine's time.
pub fn reset() {
    SHIFT_MS.store(0, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_reads_the_instant_set_and_runs_on() {
        let at = DateTime::parse_from_rfc3339("2027-03-27T10:00:00+01:00")
            .unwrap()
            .to_utc();
        set(at);
        let first = now();
        assert!((first - at).num_milliseconds().abs() < 1000, "{first}");
        assert_eq!(today(), NaiveDate::from_ymd_opt(2027, 3, 27).unwrap());
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(now() > first, "time keeps running");
        reset();
        assert!((now() - Utc::now()).num_milliseconds().abs() < 1000);
    }
}

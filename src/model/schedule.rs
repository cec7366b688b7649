//! When a feature occupies public space.
//!
//! A schedule is written the way people plan (fixed periods, and weekly windows such as
//! "Monday to Friday, 7:00 to 17:00, from 7 to 18 December" with days off), as Open511
//! does. The index and every time filter work on the *expanded* form: sorted, merged,
//! half-open UTC intervals `[start, end)`. Weekly windows are expressed in the commune's
//! local time (Europe/Brussels) so that "7:00" stays 7:00 across daylight-saving changes.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::FieldError;

/// The time zone every local time of balise is read in.
pub const LOCAL_TZ: Tz = chrono_tz::Europe::Brussels;

/// How far a weekly window may run: keeps the expanded form bounded.
pub const MAX_RECURRENCE_DAYS: i64 = 3 * 366;
/// Upper bound on the expanded intervals of one feature.
pub const MAX_INTERVALS: usize = 2_000;

/// A moment as seconds since the Unix epoch; the unit of the expanded form.
pub type Instant = i64;
/// Stands for "no end" in the expanded form.
pub const OPEN_END: Instant = i64::MAX;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Fixed periods, in UTC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// Weekly windows, in local time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recurring: Vec<Recurrence>,
    /// Local dates on which the weekly windows do not apply (public holidays, market day…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<NaiveDate>,
}

/// A half-open period `[start, end)`; no end means "until further notice".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: DateTime<Utc>,
    #[serde(default)]
    pub end: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Day {
    fn matches(self, date: NaiveDate) -> bool {
        date.weekday().num_days_from_monday() == self as u32
    }
}

/// Every listed weekday between `first_day` and `last_day` (inclusive, local dates), from
/// `start_time` to `end_time` local time. An end time at or before the start time means
/// the window runs past midnight into the next day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub days: Vec<Day>,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
}

/// A concrete half-open interval in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Interval {
    pub start: Instant,
    pub end: Instant,
}

impl Interval {
    pub fn contains(&self, t: Instant) -> bool {
        self.start <= t && t < self.end
    }
    /// Half-open overlap with `[from, to)`.
    pub fn overlaps(&self, from: Instant, to: Instant) -> bool {
        self.start < to && from < self.end
    }
}

/// A time filter as the API and the tiles ask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeFilter {
    Any,
    At(Instant),
    /// `[from, to)`; `OPEN_END` / `i64::MIN` for an open side.
    Range(Instant, Instant),
}

impl TimeFilter {
    pub fn matches(&self, intervals: &[Interval]) -> bool {
        match *self {
            TimeFilter::Any => true,
            TimeFilter::At(t) => {
                // intervals are sorted and disjoint: the candidate is the last one starting at or before t
                let i = intervals.partition_point(|iv| iv.start <= t);
                i > 0 && intervals[i - 1].contains(t)
            }
            TimeFilter::Range(from, to) => {
                let i = intervals.partition_point(|iv| iv.end <= from);
                intervals.get(i).is_some_and(|iv| iv.overlaps(from, to))
            }
        }
    }
}

/// Local wall-clock time to UTC. In the autumn overlap the earlier instant wins; in the
/// spring gap (2:00–3:00 does not exist) the time moves forward by the gap.
pub fn local_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    match LOCAL_TZ.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, _) => a.with_timezone(&Utc),
        LocalResult::None => local_to_utc(local + Duration::hours(1)),
    }
}

/// Reads an instant as people and files give it: RFC 3339, or a date alone meaning
/// midnight in Brussels — the start of that day, or with `end_of_day` the start of the
/// next, so that an end date covers its whole day.
pub fn parse_instant(s: &str, end_of_day: bool) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let d = if end_of_day { d.succ_opt()? } else { d };
    Some(local_to_utc(d.and_time(NaiveTime::MIN)))
}

impl Schedule {
    /// A single period.
    pub fn period(start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> Self {
        Schedule {
            periods: vec![Period { start, end }],
            ..Default::default()
        }
    }

    /// Checks the schedule and returns its expanded intervals. `pointer` is the JSON
    /// pointer of the schedule, used to name the faulty field.
    pub fn validate(&self, pointer: &str) -> Result<Vec<Interval>, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.periods.is_empty() && self.recurring.is_empty() {
            errors.push(FieldError::new(
                pointer,
                "schedule_empty",
                "the schedule needs at least one period or weekly window",
            ));
        }
        for (i, p) in self.periods.iter().enumerate() {
            if let Some(end) = p.end
                && end <= p.start
            {
                errors.push(FieldError::new(
                    format!("{pointer}/periods/{i}/end"),
                    "end_before_start",
                    format!("the end ({end}) must come after the start ({})", p.start),
                ));
            }
        }
        for (i, r) in self.recurring.iter().enumerate() {
            let at = format!("{pointer}/recurring/{i}");
            if r.last_day < r.first_day {
                errors.push(FieldError::new(
                    format!("{at}/last_day"),
                    "end_before_start",
                    format!(
                        "the last day ({}) must not come before the first day ({})",
                        r.last_day, r.first_day
                    ),
                ));
            } else if (r.last_day - r.first_day).num_days() > MAX_RECURRENCE_DAYS {
                errors.push(FieldError::new(
                    format!("{at}/last_day"),
                    "recurrence_too_long",
                    format!("a weekly window may span at most {MAX_RECURRENCE_DAYS} days; split it or use a period"),
                ));
            }
            if r.days.is_empty() {
                errors.push(FieldError::new(
                    format!("{at}/days"),
                    "required",
                    "name at least one weekday",
                ));
            }
            if r.start_time == r.end_time {
                errors.push(FieldError::new(
                    format!("{at}/end_time"),
                    "end_before_start",
                    "the window's end time equals its start time",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let intervals = self.expand();
        if intervals.is_empty() {
            return Err(vec![FieldError::new(
                pointer,
                "schedule_empty",
                "the weekly windows fall on no day (check the weekdays and the exceptions)",
            )]);
        }
        if intervals.len() > MAX_INTERVALS {
            return Err(vec![FieldError::new(
                pointer,
                "schedule_too_large",
                format!(
                    "the schedule expands to {} separate periods; at most {MAX_INTERVALS} are allowed",
                    intervals.len()
                ),
            )]);
        }
        Ok(intervals)
    }

    /// The expanded form: sorted, merged, half-open intervals. Assumes a validated schedule.
    pub fn expand(&self) -> Vec<Interval> {
        let mut out: Vec<Interval> = self
            .periods
            .iter()
            .map(|p| Interval {
                start: p.start.timestamp(),
                end: p.end.map_or(OPEN_END, |e| e.timestamp()),
            })
            .collect();
        for r in &self.recurring {
            let mut day = r.first_day;
            while day <= r.last_day && out.len() <= MAX_INTERVALS {
                if r.days.iter().any(|d| d.matches(day)) && !self.exceptions.contains(&day) {
                    let start = local_to_utc(day.and_time(r.start_time));
                    let end_day = if r.end_time <= r.start_time {
                        day.succ_opt().unwrap_or(day)
                    } else {
                        day
                    };
                    let end = local_to_utc(end_day.and_time(r.end_time));
                    out.push(Interval {
                        start: start.timestamp(),
                        end: end.timestamp(),
                    });
                }
                match day.succ_opt() {
                    Some(d) => day = d,
                    None => break,
                }
            }
        }
        out.retain(|iv| iv.end > iv.start);
        out.sort_unstable();
        let mut merged: Vec<Interval> = Vec::with_capacity(out.len());
        for iv in out {
            match merged.last_mut() {
                Some(last) if iv.start <= last.end => last.end = last.end.max(iv.end),
                _ => merged.push(iv),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_is_half_open() {
        let s = Schedule::period(
            utc("2026-12-01T08:00:00Z"),
            Some(utc("2026-12-01T17:00:00Z")),
        );
        let iv = s.validate("/s").unwrap();
        assert!(TimeFilter::At(utc("2026-12-01T08:00:00Z").timestamp()).matches(&iv));
        assert!(TimeFilter::At(utc("2026-12-01T16:59:59Z").timestamp()).matches(&iv));
        assert!(!TimeFilter::At(utc("2026-12-01T17:00:00Z").timestamp()).matches(&iv));
        // a range ending exactly at the start does not overlap
        let from = utc("2026-12-01T06:00:00Z").timestamp();
        assert!(!TimeFilter::Range(from, utc("2026-12-01T08:00:00Z").timestamp()).matches(&iv));
        assert!(TimeFilter::Range(from, utc("2026-12-01T08:00:01Z").timestamp()).matches(&iv));
    }

    #[test]
    fn weekly_windows_follow_local_time_across_dst() {
        // Mon-Fri 7:00-17:00 local over the end of summer time (25 October 2026).
        let s = Schedule {
            recurring: vec![Recurrence {
                first_day: "2026-10-19".parse().unwrap(),
                last_day: "2026-10-30".parse().unwrap(),
                days: vec![
                    Day::Monday,
                    Day::Tuesday,
                    Day::Wednesday,
                    Day::Thursday,
                    Day::Friday,
                ],
                start_time: "07:00:00".parse().unwrap(),
                end_time: "17:00:00".parse().unwrap(),
            }],
            exceptions: vec!["2026-10-28".parse().unwrap()],
            ..Default::default()
        };
        let iv = s.validate("/s").unwrap();
        assert_eq!(iv.len(), 9, "ten weekdays less one exception");
        // 7:00 in Brussels is 05:00Z in summer time, 06:00Z in winter time
        assert_eq!(iv[0].start, utc("2026-10-19T05:00:00Z").timestamp());
        assert_eq!(iv[5].start, utc("2026-10-26T06:00:00Z").timestamp());
        // no activity on the exception day nor on the weekend
        assert!(!TimeFilter::At(utc("2026-10-28T10:00:00Z").timestamp()).matches(&iv));
        assert!(!TimeFilter::At(utc("2026-10-24T10:00:00Z").timestamp()).matches(&iv));
        assert!(TimeFilter::At(utc("2026-10-27T10:00:00Z").timestamp()).matches(&iv));
    }

    #[test]
    fn overnight_windows_end_the_next_day() {
        let s = Schedule {
            recurring: vec![Recurrence {
                first_day: "2026-12-04".parse().unwrap(),
                last_day: "2026-12-04".parse().unwrap(),
                days: vec![Day::Friday],
                start_time: "22:00:00".parse().unwrap(),
                end_time: "05:00:00".parse().unwrap(),
            }],
            ..Default::default()
        };
        let iv = s.validate("/s").unwrap();
        assert_eq!(
            iv,
            vec![Interval {
                start: utc("2026-12-04T21:00:00Z").timestamp(),
                end: utc("2026-12-05T04:00:00Z").timestamp()
            }]
        );
    }

    #[test]
    fn bad_schedules_name_the_field() {
        let s = Schedule::period(
            utc("2026-12-02T08:00:00Z"),
            Some(utc("2026-12-01T08:00:00Z")),
        );
        let e = s.validate("/properties/schedule").unwrap_err();
        assert_eq!(e[0].pointer, "/properties/schedule/periods/0/end");
        assert_eq!(e[0].code, "end_before_start");
        let e = Schedule::default()
            .validate("/properties/schedule")
            .unwrap_err();
        assert_eq!(e[0].code, "schedule_empty");
    }

    #[test]
    fn overlapping_periods_merge_and_open_ends_stay_open() {
        let s = Schedule {
            periods: vec![
                Period {
                    start: utc("2026-01-01T00:00:00Z"),
                    end: Some(utc("2026-01-03T00:00:00Z")),
                },
                Period {
                    start: utc("2026-01-02T00:00:00Z"),
                    end: None,
                },
            ],
            ..Default::default()
        };
        let iv = s.validate("/s").unwrap();
        assert_eq!(iv.len(), 1);
        assert_eq!(iv[0].end, OPEN_END);
        assert!(TimeFilter::At(utc("2099-01-01T00:00:00Z").timestamp()).matches(&iv));
    }
}

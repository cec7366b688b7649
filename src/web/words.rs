//! Schedules and dates in plain words, in the page's language: "du lundi 7 au vendredi
//! 18 décembre, du lundi au vendredi, de 7 h à 17 h". Citizens read when something
//! happens, not ISO timestamps. All times are shown in Europe/Brussels.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use fluent_bundle::FluentValue;

use super::i18n::{I18n, Lang};
use crate::model::Schedule;
use crate::model::schedule::{Day, LOCAL_TZ};

pub struct Words<'a> {
    pub i18n: &'a I18n,
    pub lang: Lang,
    /// Dates of this year are shown without the year.
    pub this_year: i32,
}

impl<'a> Words<'a> {
    pub fn new(i18n: &'a I18n, lang: Lang, now: DateTime<Utc>) -> Self {
        Words {
            i18n,
            lang,
            this_year: now.with_timezone(&LOCAL_TZ).year(),
        }
    }

    fn t(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.tf(self.lang, key, args)
    }

    fn weekday(&self, d: NaiveDate) -> String {
        self.t(
            &format!("weekday-{}", d.weekday().number_from_monday()),
            &[],
        )
    }

    /// "lundi 7 décembre" (with the year when it is not this year).
    pub fn date(&self, d: NaiveDate) -> String {
        let s = self.t(
            "date-full",
            &[
                ("weekday", self.weekday(d).into()),
                ("day", (d.day() as i64).into()),
                ("month", self.t(&format!("month-{}", d.month()), &[]).into()),
            ],
        );
        if d.year() == self.this_year {
            s
        } else {
            self.t(
                "date-with-year",
                &[("date", s.into()), ("year", (d.year() as i64).into())],
            )
        }
    }

    /// "lundi 7", when the month follows in the same phrase.
    fn date_short(&self, d: NaiveDate) -> String {
        self.t(
            "date-short",
            &[
                ("weekday", self.weekday(d).into()),
                ("day", (d.day() as i64).into()),
            ],
        )
    }

    /// "7 h", "7 h 30".
    pub fn time(&self, t: NaiveTime) -> String {
        self.t(
            "time",
            &[
                ("h", (t.hour() as i64).into()),
                ("m", (t.minute() as i64).into()),
                ("mm", format!("{:02}", t.minute()).into()),
                ("hh", format!("{:02}", t.hour()).into()),
            ],
        )
    }

    /// "du lundi 7 au vendredi 18 décembre" or "le lundi 7 décembre".
    fn day_range(&self, first: NaiveDate, last: NaiveDate) -> String {
        if first == last {
            return self.t("when-on", &[("date", self.date(first).into())]);
        }
        let from = if first.year() == last.year() && first.month() == last.month() {
            self.date_short(first)
        } else {
            self.date(first)
        };
        self.t(
            "when-range",
            &[("from", from.into()), ("to", self.date(last).into())],
        )
    }

    fn days(&self, days: &[Day]) -> String {
        let mut idx: Vec<u32> = days.iter().map(|d| *d as u32 + 1).collect();
        idx.sort_unstable();
        idx.dedup();
        if idx.len() == 7 {
            return self.t("days-every", &[]);
        }
        let contiguous = idx.windows(2).all(|w| w[1] == w[0] + 1);
        if contiguous && idx.len() >= 3 {
            return self.t(
                "days-span",
                &[
                    ("first", self.t(&format!("weekday-{}", idx[0]), &[]).into()),
                    (
                        "last",
                        self.t(&format!("weekday-{}", idx[idx.len() - 1]), &[])
                            .into(),
                    ),
                ],
            );
        }
        let names: Vec<String> = idx
            .iter()
            .map(|i| self.t(&format!("weekday-{i}"), &[]))
            .collect();
        self.t("days-each", &[("days", self.join(&names).into())])
    }

    /// "a, b et c".
    pub fn join(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.t("and", &[])),
        }
    }

    /// Every period of a schedule as a sentence; "until further notice" when open.
    pub fn schedule(&self, s: &Schedule) -> Vec<String> {
        let mut out = Vec::new();
        for p in &s.periods {
            let start = p.start.with_timezone(&LOCAL_TZ).naive_local();
            let Some(end) = p.end else {
                let from = if start.time() == NaiveTime::MIN {
                    self.date(start.date())
                } else {
                    self.t(
                        "date-at",
                        &[
                            ("date", self.date(start.date()).into()),
                            ("time", self.time(start.time()).into()),
                        ],
                    )
                };
                out.push(self.t("when-from", &[("from", from.into())]));
                continue;
            };
            let end = end.with_timezone(&LOCAL_TZ).naive_local();
            if start.time() == NaiveTime::MIN && end.time() == NaiveTime::MIN {
                let last = end
                    .date()
                    .pred_opt()
                    .unwrap_or(end.date())
                    .max(start.date());
                out.push(self.day_range(start.date(), last));
            } else if start.date() == end.date() {
                out.push(self.t(
                    "when-on-hours",
                    &[
                        ("date", self.date(start.date()).into()),
                        ("start", self.time(start.time()).into()),
                        ("end", self.time(end.time()).into()),
                    ],
                ));
            } else {
                out.push(self.t(
                    "when-range-hours",
                    &[
                        ("from", self.date(start.date()).into()),
                        ("start", self.time(start.time()).into()),
                        ("to", self.date(end.date()).into()),
                        ("end", self.time(end.time()).into()),
                    ],
                ));
            }
        }
        for r in &s.recurring {
            let mut parts = vec![self.day_range(r.first_day, r.last_day)];
            if r.first_day != r.last_day {
                parts.push(self.days(&r.days));
            }
            parts.push(self.t(
                "when-hours",
                &[
                    ("start", self.time(r.start_time).into()),
                    ("end", self.time(r.end_time).into()),
                ],
            ));
            out.push(parts.join(", "));
        }
        if !s.exceptions.is_empty() && !s.recurring.is_empty() {
            let dates: Vec<String> = s.exceptions.iter().map(|d| self.date(*d)).collect();
            out.push(self.t("when-except", &[("dates", self.join(&dates).into())]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::{Recurrence, local_to_utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn schedules_read_as_people_say_them() {
        let i18n = I18n::load().unwrap();
        let now = local_to_utc(d(2026, 11, 28).and_hms_opt(12, 0, 0).unwrap());
        let w = Words::new(&i18n, Lang::Fr, now);
        let weekdays = Schedule {
            recurring: vec![Recurrence {
                first_day: d(2026, 12, 7),
                last_day: d(2026, 12, 18),
                days: vec![
                    Day::Monday,
                    Day::Tuesday,
                    Day::Wednesday,
                    Day::Thursday,
                    Day::Friday,
                ],
                start_time: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
                end_time: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            }],
            exceptions: vec![d(2026, 12, 11)],
            ..Default::default()
        };
        assert_eq!(
            w.schedule(&weekdays),
            [
                "du lundi 7 au vendredi 18 décembre, du lundi au vendredi, de 7 h à 17 h",
                "sauf le vendredi 11 décembre"
            ]
        );
        let whole_days = Schedule::period(
            local_to_utc(d(2026, 12, 30).and_time(NaiveTime::MIN)),
            Some(local_to_utc(d(2027, 1, 3).and_time(NaiveTime::MIN))),
        );
        assert_eq!(
            w.schedule(&whole_days),
            ["du mercredi 30 décembre au samedi 2 janvier 2027"]
        );
        let evening = Schedule::period(
            local_to_utc(d(2026, 12, 14).and_hms_opt(18, 30, 0).unwrap()),
            Some(local_to_utc(d(2026, 12, 14).and_hms_opt(23, 0, 0).unwrap())),
        );
        assert_eq!(
            w.schedule(&evening),
            ["le lundi 14 décembre, de 18 h 30 à 23 h"]
        );
        let open = Schedule::period(local_to_utc(d(2026, 11, 25).and_time(NaiveTime::MIN)), None);
        assert_eq!(
            w.schedule(&open),
            ["à partir du mercredi 25 novembre, jusqu'à nouvel ordre"]
        );
        let nl = Words::new(&i18n, Lang::Nl, now);
        assert_eq!(
            nl.schedule(&evening),
            ["op maandag 14 december, van 18.30 uur tot 23.00 uur"]
        );
    }
}

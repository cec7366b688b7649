//! Working days of a Belgian commune, for deadlines "in working days" (a report of a
//! category must be answered within N working days): Saturdays and Sundays, the ten
//! legal public holidays — three of them moving with Easter (Easter Monday, Ascension,
//! Whit Monday) — and the days the commune's offices close besides (in Wallonia often
//! 27 September, 2 November, 15 November, 26 December), set per commune.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and
/// Butcher), from which Belgium's moving holidays follow.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// Belgium's legal public holidays of a year (loi du 4 janvier 1974), in date order.
pub fn public_holidays(year: i32) -> [NaiveDate; 10] {
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day).expect("fixed holidays exist");
    let easter = easter_sunday(year);
    let mut all = [
        d(1, 1),                     // Nouvel An
        easter + Duration::days(1),  // lundi de Pâques
        d(5, 1),                     // fête du Travail
        easter + Duration::days(39), // Ascension
        easter + Duration::days(50), // lundi de Pentecôte
        d(7, 21),                    // fête nationale
        d(8, 15),                    // Assomption
        d(11, 1),                    // Toussaint
        d(11, 11),                   // Armistice
        d(12, 25),                   // Noël
    ];
    all.sort();
    all
}

/// A day a commune's offices close besides weekends and public holidays: every year on
/// a day and month (`"27-09"`), or once (`"2026-12-24"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ClosedDay {
    Yearly { day: u32, month: u32 },
    Once(NaiveDate),
}

impl TryFrom<String> for ClosedDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            return Ok(ClosedDay::Once(d));
        }
        let parts: Vec<&str> = s.split('-').collect();
        if let [day, month] = parts[..]
            && let (Ok(day), Ok(month)) = (day.parse::<u32>(), month.parse::<u32>())
            // a day that exists in a leap year
            && NaiveDate::from_ymd_opt(2024, month, day).is_some()
        {
            return Ok(ClosedDay::Yearly { day, month });
        }
        Err(format!(
            "`{s}` is not a closed day: write \"27-09\" for every 27 September, or \"2026-12-24\" for one date"
        ))
    }
}

impl From<ClosedDay> for String {
    fn from(c: ClosedDay) -> String {
        match c {
            ClosedDay::Yearly { day, month } => format!("{day:02}-{month:02}"),
            ClosedDay::Once(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

impl ClosedDay {
    fn is(&self, d: NaiveDate) -> bool {
        match *self {
            ClosedDay::Yearly { day, month } => d.day() == day && d.month() == month,
            ClosedDay::Once(o) => o == d,
        }
    }
}

/// The working days of one commune.
#[derive(Debug, Clone, Default)]
pub struct Calendar<'a> {
    pub closed: &'a [ClosedDay],
}

impl Calendar<'_> {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            && !public_holidays(d.year()).contains(&d)
            && !self.closed.iter().any(|c| c.is(d))
    }

    /// The day a deadline of `n` working days falls, counted from `start` (the day
    /// something arrives does not count): 0 is `start` itself.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The working day `n` working days before `end` (0 is `end` itself).
    pub fn sub_working_days(&self, end: NaiveDate, n: u32) -> NaiveDate {
        let mut d = end;
        let mut left = n;
        while left > 0 {
            d -= Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to` (negative when `to` comes
    /// first): how late something is, in the unit its deadline was given.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut n = 0;
        let mut d = a;
        while d < b {
            d += Duration::days(1);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        sign * n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_and_the_holidays_that_follow_it() {
        // known Easter Sundays, including the earliest and latest possible dates
        for (y, m, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), date(y, m, d), "{y}");
        }
        let h = public_holidays(2026);
        assert!(h.contains(&date(2026, 4, 6)), "Easter Monday");
        assert!(h.contains(&date(2026, 5, 14)), "Ascension");
        assert!(h.contains(&date(2026, 5, 25)), "Whit Monday");
        assert!(h.contains(&date(2026, 7, 21)) && h.contains(&date(2026, 11, 11)));
    }

    #[test]
    fn deadlines_skip_weekends_holidays_and_the_communes_closed_days() {
        let closed = [
            ClosedDay::try_from("27-09".to_string()).unwrap(),
            ClosedDay::try_from("2026-12-24".to_string()).unwrap(),
        ];
        let cal = Calendar { closed: &closed };
        // Thursday 2 April 2026 + 3 working days: Fri 3, (Easter Monday 6 off), Tue 7, Wed 8
        assert_eq!(cal.add_working_days(date(2026, 4, 2), 3), date(2026, 4, 8));
        // across Ascension (Thu 14 May) and Whit Monday (25 May)
        assert_eq!(
            cal.add_working_days(date(2026, 5, 13), 1),
            date(2026, 5, 15)
        );
        assert_eq!(
            cal.add_working_days(date(2026, 5, 22), 1),
            date(2026, 5, 26)
        );
        // 24 December (closed once) and 25 December: from Wed 23 to Mon 28
        assert_eq!(
            cal.add_working_days(date(2026, 12, 23), 1),
            date(2026, 12, 28)
        );
        // 27 September 2027 is a Monday, closed every year
        assert!(!cal.is_working_day(date(2027, 9, 27)));
        assert_eq!(
            cal.working_days_between(date(2026, 4, 2), date(2026, 4, 8)),
            3
        );
        assert_eq!(
            cal.working_days_between(date(2026, 4, 8), date(2026, 4, 2)),
            -3
        );
        assert!(ClosedDay::try_from("31-02".to_string()).is_err());
        assert_eq!(String::from(closed[0]), "27-09");
    }
}

//! Calendar arithmetic: resolving weekdays, months and days against an anchor date, and
//! rendering TimeML values.

use chrono::{Datelike, Days, NaiveDate};

/// The tense of the clause a relative expression stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
}

/// How a weekday or month name is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rel {
    /// No qualifier: resolved by tense, else to the nearest.
    Bare,
    /// "last": strictly before the anchor.
    Last,
    /// "next": strictly after the anchor.
    Next,
    /// "this": the current one, by tense when it is not the current one.
    This,
}

/// A normalised temporal value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// The ISO week containing the date.
    Week(NaiveDate),
    /// The weekend of the ISO week containing the date.
    Weekend(NaiveDate),
    /// A decade: the first three digits of its years.
    Decade(i32),
    /// A century: the first two digits of its years ("the 20th century": 19).
    Century(i32),
    Season(i32, &'static str),
    /// A quarter of a year (1-4).
    Quarter(i32, u32),
    /// A quarter counted back from the one the article is about ("a year earlier" in a report
    /// on a quarter): rendered as a quarter, never itself referred to by "the quarter".
    QuarterBack(i32, u32),
    /// A half of a year (1-2).
    Half(i32, u32),
    /// A fiscal year, written as its calendar year the way TimeBank writes it ("fiscal 1989":
    /// `1989`).
    Fiscal(i32),
    /// A part of a day: `MO`, `AF`, `EV`, `NI`.
    DayPart(NaiveDate, &'static str),
    /// A time of day on a date; `true`: in UTC.
    Time(NaiveDate, u32, u32, bool),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    Duration(String),
    Set(String),
}

impl Value {
    /// The TimeML value and kind.
    pub(super) fn render(&self) -> (String, &'static str) {
        match self {
            Value::Day(d) => (format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()), "date"),
            Value::Month(y, m) => (format!("{y:04}-{m:02}"), "date"),
            Value::Year(y) => (format!("{y:04}"), "date"),
            Value::Week(d) => {
                let w = d.iso_week();
                (format!("{:04}-W{:02}", w.year(), w.week()), "date")
            }
            Value::Weekend(d) => {
                let w = d.iso_week();
                (format!("{:04}-W{:02}-WE", w.year(), w.week()), "date")
            }
            Value::Decade(d) => (format!("{d:03}"), "date"),
            Value::Century(c) => (format!("{c:02}"), "date"),
            Value::Season(y, s) => (format!("{y:04}-{s}"), "date"),
            Value::Quarter(y, q) | Value::QuarterBack(y, q) => (format!("{y:04}-Q{q}"), "date"),
            Value::Half(y, h) => (format!("{y:04}-H{h}"), "date"),
            Value::Fiscal(y) => (format!("{y:04}"), "date"),
            Value::DayPart(d, p) => (format!("{:04}-{:02}-{:02}T{p}", d.year(), d.month(), d.day()), "time"),
            Value::Time(d, h, m, utc) => {
                let z = if *utc { "Z" } else { "" };
                (format!("{:04}-{:02}-{:02}T{h:02}:{m:02}{z}", d.year(), d.month(), d.day()), "time")
            }
            Value::Ref(r) => ((*r).to_string(), "date"),
            Value::Duration(v) => (v.clone(), "duration"),
            Value::Set(v) => (v.clone(), "set"),
        }
    }
}

/// `date` moved by `days` (negative: back), or `None` off the calendar.
pub(super) fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// ISO weekday number of a date (Monday = 1).
pub(super) fn iso_weekday(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

/// The date a weekday name refers to, seen from `anchor`.
pub(super) fn weekday(anchor: NaiveDate, wd: u32, rel: Rel, tense: Option<Tense>) -> Option<NaiveDate> {
    let today = iso_weekday(anchor) as i64;
    let ahead = (wd as i64 - today).rem_euclid(7); // 0..=6 days forward
    let offset = match rel {
        Rel::Last => {
            if ahead == 0 {
                -7
            } else {
                ahead - 7
            }
        }
        Rel::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Rel::Bare | Rel::This => {
            if ahead == 0 {
                0
            } else {
                match tense {
                    Some(Tense::Future) => ahead,
                    Some(Tense::Past) => ahead - 7,
                    // the nearest, but news mostly reports days gone: three days ahead or
                    // four back is the one back ("this Friday" looks three days on)
                    None if ahead <= 2 || (rel == Rel::This && ahead <= 3) => ahead,
                    None => ahead - 7,
                }
            }
        }
    };
    shift(anchor, offset)
}

/// The year of the last season `code` (`SP`, `SU`, `FA`, `WI`) to have ended by `anchor`
/// ("this past spring"); a winter is written with the year it starts in.
pub(super) fn past_season_year(anchor: NaiveDate, code: &str) -> i32 {
    // the month after the season's last one
    let after = match code {
        "SP" => 6,
        "SU" => 9,
        "FA" => 12,
        _ => 3,
    };
    let y = anchor.year();
    match code {
        // a winter ends in March of the year after the one it starts in
        "WI" => {
            if anchor.month() >= after {
                y - 1
            } else {
                y - 2
            }
        }
        _ => {
            if anchor.month() >= after {
                y
            } else {
                y - 1
            }
        }
    }
}

fn month_index(y: i32, m: u32) -> i64 {
    y as i64 * 12 + m as i64 - 1
}

/// The year of a month named without one, seen from `anchor`.
pub(super) fn month_year(anchor: NaiveDate, m: u32, rel: Rel, tense: Option<Tense>) -> i32 {
    let y = anchor.year();
    let now = month_index(y, anchor.month());
    let candidates = [y - 1, y, y + 1];
    let pick = |keep: &dyn Fn(i64) -> bool| {
        candidates.iter().copied().filter(|&c| keep(month_index(c, m))).min_by_key(|&c| (month_index(c, m) - now).abs())
    };
    let found = match rel {
        Rel::Last => pick(&|i| i < now),
        Rel::Next => pick(&|i| i > now),
        Rel::This => Some(y),
        Rel::Bare => match tense {
            Some(Tense::Future) => pick(&|i| i >= now),
            Some(Tense::Past) => pick(&|i| i <= now),
            None => pick(&|_| true),
        },
    };
    found.unwrap_or(y)
}

/// The year of a quarter (1-4) named without one, seen from `anchor`: by tense, else the
/// nearest ("the fourth quarter" in March is last year's).
pub(super) fn quarter_year(anchor: NaiveDate, q: u32, tense: Option<Tense>) -> i32 {
    let y = anchor.year();
    let now = y as i64 * 4 + (anchor.month() as i64 - 1) / 3;
    let index = |c: i32| c as i64 * 4 + q as i64 - 1;
    [y - 1, y, y + 1]
        .iter()
        .copied()
        .filter(|&c| match tense {
            // a quarter just ended is still ahead for its results ("will report third-quarter
            // results" in October)
            Some(Tense::Future) => index(c) >= now - 1,
            Some(Tense::Past) => index(c) <= now,
            None => true,
        })
        .min_by_key(|&c| ((index(c) - now).abs(), -(c as i64)))
        .unwrap_or(y)
}

/// The quarter `delta` quarters from the anchor's.
pub(super) fn add_quarters(anchor: NaiveDate, delta: i64) -> (i32, u32) {
    let i = anchor.year() as i64 * 4 + (anchor.month() as i64 - 1) / 3 + delta;
    (i.div_euclid(4) as i32, i.rem_euclid(4) as u32 + 1)
}

/// How many days nearer a date ahead must be than the one gone for a tenseless month and day to
/// take it.
const PAST_LEAN_DAYS: i64 = 30;

/// The date a month and day named without a year refer to, seen from `anchor`.
pub(super) fn month_day(anchor: NaiveDate, m: u32, d: u32, tense: Option<Tense>) -> Option<NaiveDate> {
    yearly(anchor, tense, |c| NaiveDate::from_ymd_opt(c, m, d))
}

/// The `n`th (from 1; -1: the last) weekday `wd` (1 = Monday) of month `m` of year `y`:
/// "the fourth Thursday of November".
pub(super) fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let ahead = (wd as i64 - iso_weekday(first) as i64).rem_euclid(7);
        let d = shift(first, ahead + 7 * (n as i64 - 1))?;
        (d.month() == m).then_some(d)
    } else {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        let last = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        let back = (iso_weekday(last) as i64 - wd as i64).rem_euclid(7);
        shift(last, -back)
    }
}

/// The day a yearly date (`in_year` gives it for a year) falls on around the anchor, by tense as
/// [`month_day`] reads it.
pub(super) fn yearly(
    anchor: NaiveDate,
    tense: Option<Tense>,
    in_year: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .iter()
        .filter_map(|&c| in_year(c))
        .filter(|&c| match tense {
            Some(Tense::Future) => c >= anchor,
            Some(Tense::Past) => c <= anchor,
            None => true,
        })
        // without a tense the nearest, and about half a year off either way the one gone (news
        // mostly reports days gone: "the record set on Aug. 6", in February)
        .min_by_key(|&c| {
            let days = (c - anchor).num_days();
            if days < 0 {
                -days - PAST_LEAN_DAYS
            } else {
                days
            }
        })
        .or_else(|| [y - 1, y, y + 1].iter().filter_map(|&c| in_year(c)).min_by_key(|&c| (c - anchor).num_days().abs()))
}

/// The month `delta` months from the anchor's.
pub(super) fn add_months(anchor: NaiveDate, delta: i64) -> (i32, u32) {
    let i = month_index(anchor.year(), anchor.month()) + delta;
    (i.div_euclid(12) as i32, i.rem_euclid(12) as u32 + 1)
}

/// A day inside the weekend that "the weekend" refers to, seen from `anchor`.
pub(super) fn weekend(anchor: NaiveDate, rel: Rel, tense: Option<Tense>) -> Option<NaiveDate> {
    let wd = iso_weekday(anchor) as i64;
    // Saturday of the anchor's ISO week
    let saturday = shift(anchor, 6 - wd)?;
    let in_weekend = wd >= 6;
    let back = shift(saturday, -7)?;
    let fwd = shift(saturday, 7)?;
    Some(match rel {
        Rel::Last => back,
        Rel::Next => {
            if in_weekend {
                fwd
            } else {
                saturday
            }
        }
        Rel::This | Rel::Bare => {
            if in_weekend {
                saturday
            } else {
                match tense {
                    Some(Tense::Future) => saturday,
                    Some(Tense::Past) => back,
                    None if wd <= 2 => back,
                    None => saturday,
                }
            }
        }
    })
}

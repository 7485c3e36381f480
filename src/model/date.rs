//! Dates without a date crate (they cost bundle size): checking them, and writing them
//! for readers in English, the language of the page, in the reader's time zone. The
//! browser's `Intl` would pick the reader's own date style, but building its first
//! formatter stalls a mid-range phone for about 150 ms while the article is drawn.

/// An RFC 3339 date-time (`2024-10-18T09:30:00Z`, `2024-10-18T09:30:00.5+09:00`) or a
/// full date (`2024-10-18`), with real calendar ranges.
pub fn is_valid(text: &str) -> bool {
    parse(text).is_some()
}

/// `October 18, 2024` for a date, which means that calendar day everywhere, so it is never
/// shifted; `October 18, 2024 at 6:00 PM` for a date-time, in the zone `local_offset`
/// gives: minutes east of UTC at a Unix time in milliseconds (time zones change offset
/// over the year).
pub fn readable(text: &str, local_offset: impl Fn(f64) -> i64) -> Option<String> {
    let (day, time) = local(text, local_offset)?;
    Some(match time {
        Some(time) => format!("{day} at {time}"),
        None => day,
    })
}

/// `readable` for a page rendered before anyone reads it, so in no reader's zone: a
/// date-time is given in UTC and says so (`October 18, 2024 at 9:00 AM UTC`).
pub fn readable_utc(text: &str) -> Option<String> {
    let (day, time) = local(text, |_| 0)?;
    Some(match time {
        Some(time) => format!("{day} at {time} UTC"),
        None => day,
    })
}

/// Only the day of `readable`: `October 18, 2024`, in the reader's zone for a date-time.
pub fn readable_day(text: &str, local_offset: impl Fn(f64) -> i64) -> Option<String> {
    local(text, local_offset).map(|(day, _)| day)
}

/// Milliseconds since 1970 in UTC, a date counting from its midnight in UTC: for placing
/// dates on a time axis.
pub fn unix_millis(text: &str) -> Option<f64> {
    let parsed = parse(text)?;
    let days = days_from_civil(parsed.year, parsed.month, parsed.day);
    let minutes = parsed.time.map_or(0, |time| {
        i64::from(time.hour) * 60 + i64::from(time.minute) - time.offset_minutes
    });
    Some((days * 24 * 60 + minutes) as f64 * 60_000.0)
}

/// The day and, for a date-time, the time of day, both as readers see them.
fn local(text: &str, local_offset: impl Fn(f64) -> i64) -> Option<(String, Option<String>)> {
    let parsed = parse(text)?;
    let Some(time) = parsed.time else {
        let day = format!(
            "{} {}, {}",
            MONTHS[parsed.month as usize - 1],
            parsed.day,
            parsed.year
        );
        return Some((day, None));
    };
    let utc_minutes = days_from_civil(parsed.year, parsed.month, parsed.day) * 24 * 60
        + i64::from(time.hour) * 60
        + i64::from(time.minute)
        - time.offset_minutes;
    let local_minutes = utc_minutes + local_offset(utc_minutes as f64 * 60_000.0);
    let (year, month, day) = civil_from_days(local_minutes.div_euclid(24 * 60));
    let minute_of_day = local_minutes.rem_euclid(24 * 60);
    let (hour, minute) = (minute_of_day / 60, minute_of_day % 60);
    let (hour_12, half) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    Some((
        format!("{} {day}, {year}", MONTHS[month as usize - 1]),
        Some(format!("{hour_12}:{minute:02} {half}")),
    ))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

struct Parsed {
    year: i64,
    month: u32,
    day: u32,
    time: Option<Time>,
}

struct Time {
    hour: u32,
    minute: u32,
    /// The text's own offset from UTC, in minutes east.
    offset_minutes: i64,
}

fn parse(text: &str) -> Option<Parsed> {
    let b = text.as_bytes();
    let year = number(b, 0, 4)?;
    let month = number(b, 5, 2)?;
    let day = number(b, 8, 2)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let date = |time| Parsed {
        year: i64::from(year),
        month,
        day,
        time,
    };
    if b.len() == 10 {
        return Some(date(None));
    }
    if !matches!(b.get(10), Some(b'T' | b't'))
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
    {
        return None;
    }
    let (hour, minute, second) = (number(b, 11, 2)?, number(b, 14, 2)?, number(b, 17, 2)?);
    // 60 allows a leap second.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), offset @ ..] if offset.len() == 5 && offset[2] == b':' => {
            let (hours, minutes) = (number(offset, 0, 2)?, number(offset, 3, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let east = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -east
            } else {
                east
            }
        }
        _ => return None,
    };
    Some(date(Some(Time {
        hour,
        minute,
        offset_minutes,
    })))
}

fn number(bytes: &[u8], start: usize, len: usize) -> Option<u32> {
    let digits = bytes.get(start..start + len)?;
    digits.iter().try_fold(0u32, |n, d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of `days_from_civil`.
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_rfc3339_date_times_and_full_dates() {
        for good in [
            "2024-10-18T09:30:00Z",
            "2024-10-18t09:30:00z",
            "2024-10-18T09:30:00.123+09:00",
            "2024-10-18T23:59:60-05:30",
            "2024-02-29T00:00:00Z",
            "2000-02-29",
            "2024-10-18",
        ] {
            assert!(is_valid(good), "{good}");
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "",
            "yesterday",
            "2024-10-18T09:30",
            "2024-10-18T09:30:00",
            "2024-13-01",
            "2024-00-10",
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-10-18T24:00:00Z",
            "2024-10-18T09:30:00.Z",
            "2024-10-18T09:30:00+9:00",
            "2024-10-18T09:30:00Z ",
            "2024/10/18",
            "२०२४-10-18",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn dates_read_as_written_whatever_the_readers_zone() {
        assert_eq!(readable("2024-10-18", |_| 0).unwrap(), "October 18, 2024");
        assert_eq!(
            readable("2024-10-18", |_| -600).unwrap(),
            "October 18, 2024"
        );
        assert_eq!(
            readable("2000-02-29", |_| 840).unwrap(),
            "February 29, 2000"
        );
        assert_eq!(readable("not a date", |_| 0), None);
    }

    #[test]
    fn date_times_are_shown_in_the_readers_zone() {
        let utc = |_| 0;
        assert_eq!(
            readable("2024-10-18T09:00:00Z", utc).unwrap(),
            "October 18, 2024 at 9:00 AM"
        );
        assert_eq!(
            readable("2024-10-18T09:05:59.9Z", |_| 540).unwrap(),
            "October 18, 2024 at 6:05 PM"
        );
        assert_eq!(
            readable("2024-12-31T23:30:00Z", |_| 60).unwrap(),
            "January 1, 2025 at 12:30 AM"
        );
        assert_eq!(
            readable("2024-03-01T00:30:00+01:00", utc).unwrap(),
            "February 29, 2024 at 11:30 PM"
        );
        assert_eq!(
            readable("2024-10-18T07:00:00-05:00", utc).unwrap(),
            "October 18, 2024 at 12:00 PM"
        );
        assert_eq!(
            readable("1969-12-31T23:59:00Z", utc).unwrap(),
            "December 31, 1969 at 11:59 PM"
        );
    }

    #[test]
    fn pages_rendered_ahead_of_time_give_date_times_in_utc_and_say_so() {
        assert_eq!(
            readable_utc("2024-10-18T18:00:00+09:00").as_deref(),
            Some("October 18, 2024 at 9:00 AM UTC")
        );
        assert_eq!(
            readable_utc("2024-10-18").as_deref(),
            Some("October 18, 2024")
        );
        assert_eq!(readable_utc("18 October"), None);
    }

    #[test]
    fn the_zone_is_asked_for_the_instant_shown() {
        // 2024-10-18T09:00:00Z is 1,729,242,000 seconds after the Unix epoch.
        let asked = std::cell::Cell::new(0.0);
        readable("2024-10-18T09:00:00Z", |ms| {
            asked.set(ms);
            0
        });
        assert_eq!(asked.get(), 1_729_242_000_000.0);
    }

    #[test]
    fn calendar_conversions_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_999, 20_000, 2_932_896] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(19_648), (2023, 10, 18));
    }

    #[test]
    fn days_and_instants_for_charts_and_summaries() {
        assert_eq!(
            readable_day("2024-10-01", |_| 0).as_deref(),
            Some("October 1, 2024")
        );
        assert_eq!(
            readable_day("2024-10-01T23:30:00Z", |_| 60).as_deref(),
            Some("October 2, 2024")
        );
        assert_eq!(unix_millis("1970-01-02"), Some(86_400_000.0));
        assert_eq!(unix_millis("1970-01-01T01:00:00+01:00"), Some(0.0));
        assert_eq!(unix_millis("yesterday"), None);
    }
}

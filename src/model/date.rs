//! Date checks without a date crate (they cost bundle size); formatting for readers is
//! left to the browser's `Intl`, which knows the reader's locale and time zone.

/// An RFC 3339 date-time (`2024-10-18T09:30:00Z`, `2024-10-18T09:30:00.5+09:00`) or a
/// full date (`2024-10-18`), with real calendar ranges.
pub fn is_valid(text: &str) -> bool {
    parse(text).is_some()
}

/// True for a date without a time of day, which must be shown without time-zone shifts.
pub fn is_date_only(text: &str) -> bool {
    parse(text) == Some(Precision::Date)
}

#[derive(Debug, PartialEq, Eq)]
enum Precision {
    Date,
    DateTime,
}

fn parse(text: &str) -> Option<Precision> {
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
    if b.len() == 10 {
        return Some(Precision::Date);
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
    match rest {
        [b'Z' | b'z'] => Some(Precision::DateTime),
        [b'+' | b'-', offset @ ..] if offset.len() == 5 && offset[2] == b':' => {
            let (hours, minutes) = (number(offset, 0, 2)?, number(offset, 3, 2)?);
            (hours <= 23 && minutes <= 59).then_some(Precision::DateTime)
        }
        _ => None,
    }
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
    fn tells_dates_from_date_times() {
        assert!(is_date_only("2024-10-18"));
        assert!(!is_date_only("2024-10-18T09:30:00Z"));
        assert!(!is_date_only("nonsense"));
    }
}

//! Dates as pages write them, read into ISO 8601: numeric (`2015-05-21 05:03:58`, `2015/05/21`,
//! European `21.05.2015`), Chinese and Japanese (`2015年05月21日 05:03`), Korean (`2015년 5월
//! 21일`), ISO 8601 with zones, RFC 2822 (`Thu, 05 Apr 2018 06:00:00 GMT`), month names in the
//! major European languages (`April 5, 2018`, `5. März 2018`, `5 de marzo de 2018`) and Unix
//! timestamps. A small hand-written reader: the formats are few and a date library would weigh
//! on the WASM build.

use crate::tunables::MONTH_NAMES;

/// A calendar date with an optional time of day and zone, as the page wrote it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Stamp {
    year: u32,
    month: u32,
    day: u32,
    time: Option<(u32, u32, u32)>,
    zone: Option<Zone>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Zone {
    /// `Z`, `GMT`, `UTC`.
    Utc,
    /// Minutes east of UTC.
    Offset(i32),
}

/// The UTC offset (minutes) a naive time most likely has on a page in `lang`: China, Taiwan,
/// Hong Kong and Singapore all use UTC+8, Japan and Korea UTC+9. Other languages span too many
/// zones to guess.
pub fn offset_for_lang(lang: &str) -> Option<i32> {
    match super::lang::primary_subtag(lang).as_str() {
        "zh" => Some(8 * 60),
        "ja" | "ko" => Some(9 * 60),
        _ => None,
    }
}

/// Read a date that starts `value` (trailing text is ignored), as ISO 8601: `YYYY-MM-DD` for a
/// date alone, `YYYY-MM-DDTHH:MM:SS` plus the zone when there is a time. A time without a zone
/// gets `naive_offset` (minutes east of UTC) when one is given, else stays naive.
pub fn parse(value: &str, naive_offset: Option<i32>) -> Option<String> {
    let value = value.trim();
    let stamp =
        unix(value).or_else(|| numeric(&mut Cursor::new(value))).or_else(|| english(&mut Cursor::new(value)))?;
    Some(format(stamp, naive_offset))
}

/// The first numeric or Chinese date anywhere in `text` (as in `2024-07-30 08:21:47　来源:
/// 网易科技`), formatted as [`parse`] does.
pub fn find(text: &str, naive_offset: Option<i32>) -> Option<String> {
    let mut previous_digit = false;
    for (i, c) in text.char_indices() {
        let is_digit = digit(c).is_some();
        if is_digit
            && !previous_digit
            && let Some(stamp) = numeric(&mut Cursor::new(&text[i..]))
        {
            return Some(format(stamp, naive_offset));
        }
        previous_digit = is_digit;
    }
    None
}

/// The text of `text` around the `dates` [`find_all`] found in it: before, between and after them.
pub fn around<'t>(text: &'t str, dates: &[(usize, usize, String)]) -> Vec<&'t str> {
    let mut out = Vec::with_capacity(dates.len() + 1);
    let mut from = 0;
    for (start, end, _) in dates {
        out.push(&text[from..*start]);
        from = *end;
    }
    out.push(&text[from..]);
    out
}

/// Every date written in `text` in any form [`parse`] reads, with the byte range each takes, in
/// order. A date starts a word: the `2019` in `A2019` is no year; Chinese and Japanese run
/// words together (`发表于2014-08-24`), and a capital or digit after a small letter starts one
/// too, as text of adjacent elements runs together (`Jane DoeNov 20, 2019`, `Nick van
/// Mead2022-11-23`).
pub fn find_all(text: &str, naive_offset: Option<i32>) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        let starts_word = !previous.is_some_and(|p| p.is_alphanumeric() && !crate::text::is_cjk(p))
            || ((c.is_uppercase() || c.is_ascii_digit()) && previous.is_some_and(char::is_lowercase));
        previous = Some(c);
        if i < skip_to || !starts_word || !c.is_alphanumeric() {
            continue;
        }
        let mut cursor = Cursor::new(&text[i..]);
        let stamp = numeric(&mut cursor)
            .or_else(|| cursor.attempt(day_first_numeric))
            .or_else(|| cursor.attempt(english));
        if let Some(stamp) = stamp {
            skip_to = text.len() - cursor.rest.len();
            found.push((i, skip_to, format(stamp, naive_offset)));
        }
    }
    found
}

/// The day an address's path names: `/2019/11/20/`, `/2019-11-20-slug`, `/20191120/` (a
/// segment of eight digits alone), as news and blog systems file articles by day.
pub fn in_path(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let day = |y: &str, m: &str, d: &str| -> Option<String> {
        let number = |s: &str, len: usize| (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
        let (year, month, day) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
        valid_date(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
    };
    segments.windows(3).find_map(|w| day(w[0], w[1], w[2])).or_else(|| {
        segments.iter().find_map(|s| {
            let head = s.get(..10).filter(|h| h.is_ascii() && h.as_bytes()[4] == b'-' && h.as_bytes()[7] == b'-');
            match head {
                Some(h) if s.len() == 10 || s.as_bytes()[10] == b'-' => day(&h[..4], &h[5..7], &h[8..10]),
                _ if s.len() == 8 && s.is_ascii() => day(&s[..4], &s[4..6], &s[6..8]),
                _ => None,
            }
        })
    })
}

fn format(stamp: Stamp, naive_offset: Option<i32>) -> String {
    let mut out = format!("{:04}-{:02}-{:02}", stamp.year, stamp.month, stamp.day);
    if let Some((h, m, s)) = stamp.time {
        out.push_str(&format!("T{h:02}:{m:02}:{s:02}"));
        match stamp.zone.or(naive_offset.map(Zone::Offset)) {
            Some(Zone::Utc) => out.push('Z'),
            Some(Zone::Offset(minutes)) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let abs = minutes.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", abs / 60, abs % 60));
            }
            None => {}
        }
    }
    out
}

/// ASCII and full-width digits (Chinese pages use both).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A reading position in a string; every method consumes only on success.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { rest: s }
    }

    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    /// A number of `min..=max` digits, not followed by another digit.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let mut value = 0u32;
        let mut count = 0;
        let mut end = 0;
        for (i, c) in self.rest.char_indices() {
            let Some(d) = digit(c) else { break };
            if count == max {
                return None;
            }
            value = value * 10 + d;
            count += 1;
            end = i + c.len_utf8();
        }
        if count < min {
            return None;
        }
        self.rest = &self.rest[end..];
        Some(value)
    }

    fn eat(&mut self, c: char) -> bool {
        match self.rest.strip_prefix(c) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// One of `set`, returned.
    fn eat_any(&mut self, set: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| set.contains(c))?;
        self.rest = &self.rest[c.len_utf8()..];
        Some(c)
    }

    fn skip_space(&mut self) {
        self.rest = self.rest.trim_start();
    }

    /// The next run of letters (`März` and `août` included), lower-cased, consumed.
    fn word(&mut self) -> Option<String> {
        let end = self.rest.find(|c: char| !c.is_alphabetic() || crate::text::is_cjk(c)).unwrap_or(self.rest.len());
        if end == 0 {
            return None;
        }
        let word = self.rest[..end].to_lowercase();
        self.rest = &self.rest[end..];
        Some(word)
    }

    /// Try `read` and rewind when it fails.
    fn attempt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = self.rest;
        let result = read(self);
        if result.is_none() {
            self.rest = saved;
        }
        result
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_date(year: u32, month: u32, day: u32) -> bool {
    (1000..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// `2015-05-21`, `2015/5/21`, `2015.05.21`, `2015年5月21日`, `2015년 5월 21일`, each optionally
/// followed by a time.
fn numeric(c: &mut Cursor) -> Option<Stamp> {
    let year = c.number(4, 4)?;
    let sep = c.eat_any(&['-', '/', '.', '年', '년'])?;
    c.skip_space();
    let month = c.number(1, 2)?;
    let second_sep = match sep {
        '年' => '月',
        '년' => '월',
        other => other,
    };
    if !c.eat(second_sep) {
        return None;
    }
    c.skip_space();
    let day = c.number(1, 2)?;
    match sep {
        '年' => drop(c.eat_any(&['日', '号'])),
        '년' => drop(c.eat('일')),
        _ => {}
    }
    if !valid_date(year, month, day) {
        return None;
    }
    Some(with_time(c, year, month, day))
}

/// `21.05.2015`, day first as every European language writes dates with dots. With slashes
/// only where one number cannot be a month (`15/12/2025`, `12/15/2025`): `05/06/2015` is May
/// in the United States and June elsewhere.
fn day_first_numeric(c: &mut Cursor) -> Option<Stamp> {
    let first = c.number(1, 2)?;
    let sep = c.eat_any(&['.', '/'])?;
    let second = c.number(1, 2)?;
    c.eat(sep).then_some(())?;
    let year = c.number(4, 4)?;
    let (day, month) = match sep {
        '.' => (first, second),
        _ if first > 12 => (first, second),
        _ if second > 12 => (second, first),
        _ => return None,
    };
    valid_date(year, month, day).then(|| with_time(c, year, month, day))
}

/// The stamp of a date read, with the time (and zone) that may follow it.
fn with_time(c: &mut Cursor, year: u32, month: u32, day: u32) -> Stamp {
    let time = c.attempt(|c| {
        if !c.eat('T') {
            c.skip_space();
        }
        time_of_day(c)
    });
    let zone = time.and_then(|_| c.attempt(zone));
    Stamp { year, month, day, time, zone }
}

/// `06:00`, `06:00:30`, `06:00:30.123`, `6:00 pm`, `06时00分`.
fn time_of_day(c: &mut Cursor) -> Option<(u32, u32, u32)> {
    let mut hour = c.number(1, 2)?;
    c.eat_any(&[':', '时', '時', '点', '點'])?;
    let minute = c.number(2, 2)?;
    c.eat('分');
    let second = c
        .attempt(|c| {
            c.eat(':').then_some(())?;
            c.number(2, 2)
        })
        .unwrap_or(0);
    c.eat('秒');
    if c.eat('.') || c.eat(',') {
        // Fractions of a second are dropped: no page needs them for a publication date.
        while c.peek().is_some_and(|d| d.is_ascii_digit()) {
            c.rest = &c.rest[1..];
        }
    }
    if let Some(pm) = c.attempt(|c| {
        c.skip_space();
        match c.word()?.as_str() {
            "am" | "a" => Some(false),
            "pm" | "p" => Some(true),
            _ => None,
        }
    }) {
        if hour > 12 {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, h) if h < 12 => h + 12,
            (_, h) => h,
        };
    }
    (hour < 24 && minute < 60 && second < 61).then_some((hour, minute, second.min(59)))
}

/// `Z`, `+08:00`, `+0800`, `-04`, `GMT`, `UTC+8`, and the North American abbreviations RFC 2822
/// names.
fn zone(c: &mut Cursor) -> Option<Zone> {
    c.skip_space();
    if c.eat('Z') {
        return Some(Zone::Utc);
    }
    let named = c.attempt(|c| {
        let offset = match c.word()?.as_str() {
            "gmt" | "utc" | "ut" => 0,
            "edt" => -4,
            "est" | "cdt" => -5,
            "cst" | "mdt" => -6,
            "mst" | "pdt" => -7,
            "pst" => -8,
            _ => return None,
        };
        Some(offset * 60)
    });
    let numeric = c.attempt(|c| {
        let sign = match c.eat_any(&['+', '-', '−'])? {
            '+' => 1,
            _ => -1,
        };
        let hours = c.number(1, 4)?;
        let (hours, minutes) = if hours >= 100 {
            (hours / 100, hours % 100)
        } else if c.eat(':') {
            (hours, c.number(2, 2)?)
        } else {
            (hours, 0)
        };
        (hours <= 14 && minutes < 60).then_some(sign * (hours as i32 * 60 + minutes as i32))
    });
    match (named, numeric) {
        (Some(0), None) => Some(Zone::Utc),
        (Some(base), Some(extra)) => Some(Zone::Offset(base + extra)),
        (Some(base), None) => Some(Zone::Offset(base)),
        (None, Some(offset)) => Some(Zone::Offset(offset)),
        (None, None) => None,
    }
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A month name ([`MONTH_NAMES`]) or an abbreviation of one (at least three letters: `Sept`,
/// `févr`), as 1–12.
pub(crate) fn month_name(word: &str) -> Option<u32> {
    if word.chars().count() < 3 {
        return None;
    }
    MONTH_NAMES.iter().find(|(name, _)| name.starts_with(word)).map(|&(_, month)| month)
}

/// `April 5, 2018`, `Apr. 5th 2018`, `5 April 2018`, `5. März 2018`, `1er mars 2018`, `5 de
/// marzo de 2018`, and RFC 2822's `Thu, 05 Apr 2018 06:00:00 GMT`, each optionally with a time
/// (`, 6:00 PM`, `at 06:00`, `/ 1:07 AM`).
fn english(c: &mut Cursor) -> Option<Stamp> {
    // A leading weekday: `Thu,` `Thursday`.
    c.attempt(|c| {
        let word = c.word()?;
        WEEKDAYS.iter().any(|d| word.starts_with(d)).then_some(())?;
        c.eat('.');
        c.eat(',');
        c.skip_space();
        Some(())
    });
    let (month, day) = c
        .attempt(|c| {
            let month = month_name(&c.word()?)?;
            c.eat('.');
            c.skip_space();
            let day = c.number(1, 2)?;
            ordinal_suffix(c);
            c.eat(',');
            Some((month, day))
        })
        .or_else(|| {
            c.attempt(|c| {
                let day = c.number(1, 2)?;
                ordinal_suffix(c);
                c.eat('.');
                c.skip_space();
                c.eat_any(&['-']);
                of(c);
                let month = month_name(&c.word()?)?;
                c.eat('.');
                c.eat_any(&['-', ',']);
                c.skip_space();
                of(c);
                Some((month, day))
            })
        })?;
    c.skip_space();
    let year = c.number(4, 4)?;
    if !valid_date(year, month, day) {
        return None;
    }
    let time = c.attempt(|c| {
        c.skip_space();
        c.eat_any(&[',', '/', '|', '·', '•', '-', '–', '—']);
        c.skip_space();
        if c.attempt(|c| (c.word()? == "at").then_some(())).is_some() {
            c.skip_space();
        }
        time_of_day(c)
    });
    let zone = time.and_then(|_| c.attempt(zone));
    Some(Stamp { year, month, day, time, zone })
}

fn ordinal_suffix(c: &mut Cursor) {
    c.attempt(|c| matches!(c.word()?.as_str(), "st" | "nd" | "rd" | "th" | "er").then_some(()));
}

/// The `de` of Spanish and Portuguese dates (`5 de marzo de 2018`).
fn of(c: &mut Cursor) {
    c.attempt(|c| {
        (c.word()? == "de").then_some(())?;
        c.skip_space();
        Some(())
    });
}

/// A Unix timestamp in seconds (10 digits) or milliseconds (13 digits), in UTC.
fn unix(value: &str) -> Option<Stamp> {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: i64 = match value.len() {
        10 => value.parse().ok()?,
        13 => value.parse::<i64>().ok()? / 1000,
        _ => return None,
    };
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400) as u32;
    let (year, month, day) = civil_from_days(days);
    Some(Stamp { year, month, day, time: Some((rest / 3600, rest / 60 % 60, rest % 60)), zone: Some(Zone::Utc) })
}

/// The `YYYY-MM-DD` an ISO 8601 date or date-time starts with, if it starts with one.
pub fn iso_day(date: &str) -> Option<&str> {
    let day = date.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

/// How many days the day `a` starts with is after the day `b` starts with (negative: before).
pub fn days_after(a: &str, b: &str) -> Option<i64> {
    let days = |d: &str| -> Option<i64> {
        let day = iso_day(d)?;
        let (y, m, d): (i64, i64, i64) = (day[..4].parse().ok()?, day[5..7].parse().ok()?, day[8..10].parse().ok()?);
        // The inverse of `civil_from_days`.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    };
    Some(days(a)? - days(b)?)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch.
pub fn utc_timestamp(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let secs = seconds.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (the well-known era-based conversion).
fn civil_from_days(days: i64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u32, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CN: Option<i32> = Some(480);

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        // Checked against `date -u -d @SECONDS +%FT%TZ`.
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_722_298_907), "2024-07-30T00:21:47Z");
        assert_eq!(utc_timestamp(-86_400), "1969-12-31T00:00:00Z");
        assert_eq!(utc_timestamp(253_402_300_799), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn iso_days() {
        assert_eq!(iso_day(" 2024-07-30T08:21:47+08:00"), Some("2024-07-30"));
        assert_eq!(iso_day("2024-7-30"), None);
        assert_eq!(iso_day("２０２４-07-30"), None);
    }


    #[test]
    fn iso_forms() {
        assert_eq!(parse("2024-07-30T08:21:47+08:00", None).unwrap(), "2024-07-30T08:21:47+08:00");
        assert_eq!(parse("2024-07-30T08:21:47+08:00", Some(-300)).unwrap(), "2024-07-30T08:21:47+08:00");
        assert_eq!(parse("2018-04-05T06:00", None).unwrap(), "2018-04-05T06:00:00");
        assert_eq!(parse("2021-11-01T10:52:50+0100", None).unwrap(), "2021-11-01T10:52:50+01:00");
        assert_eq!(parse("2019-01-03T07:00:02.000Z", None).unwrap(), "2019-01-03T07:00:02Z");
        assert_eq!(parse("2015-07-10T09:53:00-04:00", None).unwrap(), "2015-07-10T09:53:00-04:00");
        assert_eq!(parse(" 2020-09-21 ", None).unwrap(), "2020-09-21");
        assert_eq!(parse("2015/05/21", None).unwrap(), "2015-05-21");
    }

    #[test]
    fn naive_times_take_the_inferred_offset_only() {
        assert_eq!(parse("2015-05-21 05:03:58", None).unwrap(), "2015-05-21T05:03:58");
        assert_eq!(parse("2015-05-21 05:03:58", CN).unwrap(), "2015-05-21T05:03:58+08:00");
        assert_eq!(parse("2015-05-21", CN).unwrap(), "2015-05-21");
        assert_eq!(offset_for_lang("zh-TW"), Some(480));
        assert_eq!(offset_for_lang("ja"), Some(540));
        assert_eq!(offset_for_lang("en-US"), None);
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(parse("2015年05月21日 05:03", CN).unwrap(), "2015-05-21T05:03:00+08:00");
        assert_eq!(parse("2015年5月21日", None).unwrap(), "2015-05-21");
        assert_eq!(parse("２０１５年５月２１日", None).unwrap(), "2015-05-21");
        assert_eq!(find("2024-07-30 08:21:47　来源: 网易科技", CN).unwrap(), "2024-07-30T08:21:47+08:00");
        assert_eq!(
            find("发布时间：2015年05月21日 05:03 来源：21世纪经济报道", CN).unwrap(),
            "2015-05-21T05:03:00+08:00"
        );
        assert_eq!(find("阅读 12345 次，2019-09-07", None).unwrap(), "2019-09-07");
    }

    #[test]
    fn english_forms() {
        assert_eq!(parse("Thu, 05 Apr 2018 06:00:00 GMT", None).unwrap(), "2018-04-05T06:00:00Z");
        assert_eq!(parse("Thu, 05 Apr 2018 06:00:00 -0500", None).unwrap(), "2018-04-05T06:00:00-05:00");
        assert_eq!(parse("April 5, 2018", None).unwrap(), "2018-04-05");
        assert_eq!(parse("Sept. 21st, 2020 at 6:30 pm", None).unwrap(), "2020-09-21T18:30:00");
        assert_eq!(parse("5 April 2018", None).unwrap(), "2018-04-05");
        assert_eq!(parse("Monday 5 April 2018 12:15 am EST", None).unwrap(), "2018-04-05T00:15:00-05:00");
    }

    #[test]
    fn unix_timestamps() {
        assert_eq!(parse("1522908000", None).unwrap(), "2018-04-05T06:00:00Z");
        assert_eq!(parse("1522908000000", None).unwrap(), "2018-04-05T06:00:00Z");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "",
            "yesterday",
            "2015-13-01",
            "2015-02-30",
            "12345",
            "2015-05",
            "99 April 2018",
            "13:00",
            "2015年",
            "Mayday 5 2018",
            "\u{0}\u{FFFD}",
        ] {
            assert_eq!(parse(bad, None), None, "{bad:?}");
        }
        assert_eq!(parse("2015-02-30T10:00", None), None);
        assert_eq!(find("tel 010-12345678, 0123456789", None), None);
        // A bad time is left out, the date stays.
        assert_eq!(parse("2015-05-21 99:99", None).unwrap(), "2015-05-21");
        assert_eq!(parse("2015-05-21T25:00", None).unwrap(), "2015-05-21");
    }
}

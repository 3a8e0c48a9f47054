//! What both saved formats (the HTML copy and Markdown) share: where and when a copy was saved,
//! and the file name it is saved under.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::metadata::date::{iso_day, utc_timestamp};
use crate::text::is_cjk;

/// Where and when a copy was saved; written into both formats. `saved_at` is passed in (not
/// read from a clock) so the output is deterministic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveInfo {
    /// The page's address. Default: none.
    pub source_url: Option<String>,
    /// ISO 8601 timestamp of the save, like `2025-01-31T09:30:00Z`.
    pub saved_at: String,
}

impl SaveInfo {
    /// A copy of the page at `source_url`, saved `seconds` after the Unix epoch.
    pub fn at_unix_time(source_url: Option<&str>, seconds: i64) -> SaveInfo {
        SaveInfo { source_url: source_url.map(str::to_string), saved_at: utc_timestamp(seconds) }
    }
}

/// Longest file name, in characters: long enough for any headline, short enough to read.
pub const MAX_FILE_NAME_CHARS: usize = 120;
/// Longest file name in UTF-8 bytes: ext4, APFS and NTFS stop at 255 (bytes or UTF-16 units).
pub const MAX_FILE_NAME_BYTES: usize = 250;

/// A file name for the saved copy: `YYYY-MM-DD Title.ext` (the date when the article has one),
/// valid on Windows, macOS and Linux: no `<>:"/\|?*` or control characters (in CJK titles they
/// become their full-width forms, elsewhere a dash or nothing), white space collapsed, no
/// leading or trailing dots and spaces, no reserved device names (`CON`, `COM1`…), at most
/// [`MAX_FILE_NAME_CHARS`] characters and [`MAX_FILE_NAME_BYTES`] bytes of UTF-8. `article`
/// when the title leaves nothing.
pub fn file_name(article: &Article, extension: &str) -> String {
    let ext: String = extension.chars().filter(char::is_ascii_alphanumeric).take(10).collect();
    let title = portable_title(&article.title);
    let stem = match article.published_time.as_deref().and_then(iso_day) {
        Some(date) if !title.is_empty() => format!("{date} {title}"),
        Some(date) => date.to_string(),
        None => title,
    };
    let reserve = ext.len() + 1;
    let stem = shortened(stem, MAX_FILE_NAME_CHARS - reserve, MAX_FILE_NAME_BYTES - reserve);
    let stem = stem.trim_matches(|c: char| c == '.' || c == ' ' || c == '-');
    let stem = not_a_device_name(if stem.is_empty() { "article".to_string() } else { stem.to_string() });
    if ext.is_empty() { stem } else { format!("{stem}.{ext}") }
}

/// The title with the characters some system refuses replaced, white space collapsed.
fn portable_title(title: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in title.chars() {
        let cjk = prev.is_some_and(is_cjk);
        match c {
            ':' | '?' | '*' | '"' | '<' | '>' | '|' | '/' | '\\' if cjk => {
                // U+FF01..U+FF5E mirror ASCII: readable, and legal everywhere.
                out.push(char::from_u32(c as u32 + 0xFEE0).unwrap_or('-'));
            }
            ':' => out.push_str(" - "),
            '/' | '\\' | '|' => out.push('-'),
            '"' => out.push('\''),
            '?' | '*' | '<' | '>' => {}
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            c => out.push(c),
        }
        prev = Some(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `stem` cut to `max_chars` characters and `max_bytes` bytes, at a word boundary when one is
/// near, so the name does not end mid-word.
fn shortened(mut stem: String, max_chars: usize, max_bytes: usize) -> String {
    let mut end = 0;
    for (count, (i, c)) in stem.char_indices().enumerate() {
        if count >= max_chars || i + c.len_utf8() > max_bytes {
            break;
        }
        end = i + c.len_utf8();
    }
    if end < stem.len() {
        let cut = &stem[..end];
        let at = match cut.rfind(' ') {
            Some(space) if end - space < 24 && !cut[space..].chars().any(is_cjk) => space,
            _ => end,
        };
        stem.truncate(at);
    }
    stem
}

/// Windows refuses `CON`, `PRN`, `AUX`, `NUL`, `COM1`…`LPT9` as names, with any extension.
fn not_a_device_name(mut stem: String) -> String {
    let device = stem.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.as_bytes()[3].is_ascii_digit());
    if reserved {
        stem.push('_');
    }
    stem
}

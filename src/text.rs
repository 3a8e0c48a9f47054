//! Text measures that treat CJK text as first-class: lengths in characters, full-width
//! punctuation counted like commas, CJK characters counted as words.

use crate::tunables::{CJK_CHAR_WEIGHT, CLAUSE_PUNCTUATION};

/// The letters and digits of `s`, lower-cased: names and titles compared case, spaces and
/// punctuation aside (a curly quote or a dash more or less is the same title).
pub fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// [`folded`], collected.
pub fn fold(s: &str) -> String {
    folded(s).collect()
}

/// True for Han, kana, Hangul and the CJK punctuation block: scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // Han compatibility
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x2FA1F)
}

/// Length in characters, with each CJK character weighted by [`CJK_CHAR_WEIGHT`], so that
/// thresholds tuned on English text (a 25-character paragraph, a 500-character article) hold the
/// same amount of meaning in Chinese, Japanese or Korean.
pub fn weighted_len(text: &str) -> usize {
    text.chars().map(char_weight).sum()
}

/// One character's weight in [`weighted_len`].
pub fn char_weight(c: char) -> usize {
    if is_cjk(c) { CJK_CHAR_WEIGHT } else { 1 }
}

/// Characters, not bytes, after trimming.
pub fn char_len(text: &str) -> usize {
    text.trim().chars().count()
}

/// Commas and their relatives in every script: each marks a clause, a sign of prose.
pub fn is_clause_mark(c: char) -> bool {
    // ASCII text, most of what is measured, has one clause mark: skip the list for it. A slice
    // of chars, not a string: searching a string for a char encodes it and scans bytes, a
    // quarter of measuring time on CJK text.
    if c.is_ascii() { c == ',' } else { CLAUSE_PUNCTUATION.contains(&c) }
}

/// Words, each CJK character counting as one, as reading-time estimates for CJK text do.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            if c.is_alphanumeric() {
                count += 1;
            }
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else if !(in_word && matches!(c, '\'' | '’' | '-')) {
            in_word = false;
        }
    }
    count
}

/// Collapse runs of white space (including the ideographic space U+3000) into one space.
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// True when the text ends a sentence, in any script (Readability checks for a final period).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '．' | '」' | '”' | '"' | '…' | ')' | '）'))
}

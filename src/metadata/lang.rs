//! Language: normalizing what a page declares, and guessing it from the text when it declares
//! nothing (by script, then for Latin text by a vote of common words).

use crate::tunables::{LANG_LEAD_RATIO, LANG_MIN_SCRIPT_SHARE, LANG_MIN_STOP_WORDS, LANG_SAMPLE_CHARS, STOP_WORDS};

/// The primary language subtag of a tag, lower-cased: `zh` for `zh-Hant-TW` or `ZH_cn`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// A declared language tag as BCP 47: `zh_cn` → `zh-CN`, `EN-us` → `en-US`, `zh-hans-cn` →
/// `zh-Hans-CN`. `None` when the value is not a language tag (empty, `x-default`, prose).
pub fn normalize(raw: &str) -> Option<String> {
    // `content-language` may list several languages: the first is the page's own.
    let first = raw.split(',').next()?.trim();
    let mut subtags = first.split(['-', '_']);
    let primary = subtags.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for sub in subtags {
        if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        match sub.len() {
            // Script: title case (`Hans`).
            4 if sub.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push_str(&sub[..1].to_ascii_uppercase());
                out.push_str(&sub[1..].to_ascii_lowercase());
            }
            // Region: upper case (`CN`), or three digits (`419`).
            2 => out.push_str(&sub.to_ascii_uppercase()),
            _ => out.push_str(&sub.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// Letters counted per script over a sample of the text.
#[derive(Default)]
struct Scripts {
    han: usize,
    kana: usize,
    hangul: usize,
    cyrillic: usize,
    /// Letters only Ukrainian uses among Cyrillic languages (і ї є ґ), and only Russian (ы э ъ ё).
    ukrainian: usize,
    russian: usize,
    arabic: usize,
    hebrew: usize,
    greek: usize,
    thai: usize,
    devanagari: usize,
    latin: usize,
}

impl Scripts {
    fn count(text: &str) -> Self {
        let mut s = Scripts::default();
        for c in text.chars().take(LANG_SAMPLE_CHARS) {
            match c as u32 {
                0x3040..=0x30FF | 0x31F0..=0x31FF => s.kana += 1,
                0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => s.han += 1,
                0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => s.hangul += 1,
                0x0400..=0x04FF => {
                    s.cyrillic += 1;
                    match c.to_lowercase().next().unwrap_or(c) {
                        'і' | 'ї' | 'є' | 'ґ' => s.ukrainian += 1,
                        'ы' | 'э' | 'ъ' | 'ё' => s.russian += 1,
                        _ => {}
                    }
                }
                0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => s.arabic += 1,
                0x0590..=0x05FF => s.hebrew += 1,
                0x0370..=0x03FF | 0x1F00..=0x1FFF => s.greek += 1,
                0x0E00..=0x0E7F => s.thai += 1,
                0x0900..=0x097F => s.devanagari += 1,
                _ if c.is_alphabetic() && (c.is_ascii() || (0x00C0..=0x024F).contains(&(c as u32))) => s.latin += 1,
                _ => {}
            }
        }
        s
    }
}

/// Detect the language of article text: by script (Han with kana is Japanese, with Hangul
/// Korean, else Chinese; Cyrillic is Russian or Ukrainian by their own letters; Arabic, Hebrew,
/// Greek, Thai, Devanagari), and for Latin text by a vote of common words among English,
/// French, German, Spanish, Italian, Portuguese and Dutch. `None` when unsure.
pub fn detect(text: &str) -> Option<String> {
    let s = Scripts::count(text);
    let cjk = s.han + s.kana + s.hangul;
    let letters = cjk + s.cyrillic + s.arabic + s.hebrew + s.greek + s.thai + s.devanagari + s.latin;
    if letters == 0 {
        return None;
    }
    let share = |n: usize| n as f32 / letters as f32;
    // A CJK character carries a word's worth of meaning: a Chinese text quoting English names is
    // still Chinese, so CJK needs a smaller share than the other scripts.
    let lang = if share(cjk) * 2.0 >= LANG_MIN_SCRIPT_SHARE {
        // Japanese always mixes kana into its Han; Korean writes Hangul with occasional Han.
        if s.kana * 10 >= cjk {
            "ja"
        } else if s.hangul * 2 >= cjk {
            "ko"
        } else {
            "zh"
        }
    } else if share(s.cyrillic) >= LANG_MIN_SCRIPT_SHARE {
        if s.ukrainian > s.russian { "uk" } else { "ru" }
    } else if share(s.arabic) >= LANG_MIN_SCRIPT_SHARE {
        "ar"
    } else if share(s.hebrew) >= LANG_MIN_SCRIPT_SHARE {
        "he"
    } else if share(s.greek) >= LANG_MIN_SCRIPT_SHARE {
        "el"
    } else if share(s.thai) >= LANG_MIN_SCRIPT_SHARE {
        "th"
    } else if share(s.devanagari) >= LANG_MIN_SCRIPT_SHARE {
        "hi"
    } else if share(s.latin) >= LANG_MIN_SCRIPT_SHARE {
        return latin(text);
    } else {
        return None;
    };
    Some(lang.to_string())
}

/// The language whose common words occur most in `text`, when it clearly leads.
fn latin(text: &str) -> Option<String> {
    let mut votes = vec![0usize; STOP_WORDS.len()];
    let sample: String = text.chars().take(LANG_SAMPLE_CHARS).collect::<String>().to_lowercase();
    for word in sample.split(|c: char| !(c.is_alphabetic() || c == '\'')) {
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            if words.contains(&word) {
                votes[i] += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = votes.into_iter().enumerate().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let (best, best_votes) = ranked[0];
    let runner_up = ranked.get(1).map_or(0, |r| r.1);
    (best_votes >= LANG_MIN_STOP_WORDS && best_votes as f32 >= runner_up as f32 * LANG_LEAD_RATIO)
        .then(|| STOP_WORDS[best].0.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_declared_tags() {
        assert_eq!(normalize("zh_cn").as_deref(), Some("zh-CN"));
        assert_eq!(normalize("EN-us").as_deref(), Some("en-US"));
        assert_eq!(normalize(" en ").as_deref(), Some("en"));
        assert_eq!(normalize("zh-hans-cn").as_deref(), Some("zh-Hans-CN"));
        assert_eq!(normalize("es-419").as_deref(), Some("es-419"));
        assert_eq!(normalize("de, en").as_deref(), Some("de"));
        for bad in ["", "-", "english language", "x", "e1", "en--us", "zh-CN!"] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn detects_by_script() {
        let cases = [
            ("zh", "苹果公司表示，其人工智能系统的核心模型在谷歌设计的处理器上完成预训练。Apple Intelligence 预览版。"),
            ("ja", "昔々、ある村に欲張りなイヌがいました。イヌは肉をくわえて橋を渡っていました。"),
            ("ko", "대한민국 대통령의 탄핵소추안이 국회에서 부결되었다. 여당 의원들이 표결에 불참했다."),
            ("ru", "Президент заявил, что экономика страны растёт быстрее, чем ожидалось."),
            ("uk", "Президент заявив, що економіка країни зростає швидше, ніж очікувалося. Це її успіх."),
            ("ar", "قال الرئيس إن اقتصاد البلاد ينمو بشكل أسرع مما كان متوقعا."),
            ("he", "הנשיא אמר כי כלכלת המדינה צומחת מהר מהצפוי."),
            ("el", "Ο πρόεδρος δήλωσε ότι η οικονομία της χώρας αναπτύσσεται ταχύτερα."),
            ("th", "ประธานาธิบดีกล่าวว่าเศรษฐกิจของประเทศเติบโตเร็วกว่าที่คาดไว้"),
            ("hi", "राष्ट्रपति ने कहा कि देश की अर्थव्यवस्था उम्मीद से तेज़ी से बढ़ रही है।"),
        ];
        for (lang, text) in cases {
            assert_eq!(detect(text).as_deref(), Some(lang), "{text}");
        }
    }

    #[test]
    fn detects_latin_languages_by_common_words() {
        let cases = [
            ("en", "The president said that the economy of the country is growing faster than it was expected to be."),
            (
                "fr",
                "Le président a dit que l'économie du pays croît plus vite que prévu, et les marchés sont dans le vert.",
            ),
            (
                "de",
                "Der Präsident sagte, dass die Wirtschaft des Landes schneller wächst als erwartet, und das ist gut.",
            ),
            (
                "es",
                "El presidente dijo que la economía del país crece más rápido de lo esperado y que los mercados suben.",
            ),
            (
                "it",
                "Il presidente ha detto che l'economia del paese cresce più velocemente del previsto e che non è finita.",
            ),
            ("pt", "O presidente disse que a economia do país cresce mais rápido do que o esperado e não para."),
            (
                "nl",
                "De president zei dat de economie van het land sneller groeit dan verwacht en dat is een goed teken.",
            ),
        ];
        for (lang, text) in cases {
            assert_eq!(detect(text).as_deref(), Some(lang), "{text}");
        }
    }

    #[test]
    fn unsure_is_none() {
        for text in ["", "12345 !!!", "Lorem ipsum dolor sit amet", "OK", "☃☃☃"] {
            assert_eq!(detect(text), None, "{text:?}");
        }
    }
}

//! Language: normalizing what a page declares, and guessing it from the text when it declares
//! nothing (by script, then for Latin text by a vote of common words).

use crate::tunables::{
    LANG_LEAD_RATIO, LANG_MIN_SCRIPT_SHARE, LANG_MIN_STOP_WORDS, LANG_SAMPLE_CHARS, NOT_LANGUAGES, SIMPLIFIED_ONLY,
    STOP_WORDS, TRADITIONAL_CHINESE_REGIONS, TRADITIONAL_ONLY,
};

/// The primary language subtag of a tag, lower-cased: `zh` for `zh-Hant-TW` or `ZH_cn`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// A declared language tag as BCP 47: `zh_cn` → `zh-CN`, `EN-us` → `en-US`, `zh-hans-cn` →
/// `zh-Hans-CN`. `None` when the value is not a well-formed language tag (RFC 5646's
/// `langtag`: language, up to three extlangs, script, region, variants, extensions): empty,
/// `x-default`, prose, or a charset pages put there (`utf-8`, `gb2312`, `euc-kr`).
pub fn normalize(raw: &str) -> Option<String> {
    // `content-language` may list several languages: the first is the page's own.
    let first = raw.split(',').next()?.trim();
    let mut subtags = first.split(['-', '_']);
    let primary = subtags.next()?;
    if !(2..=3).contains(&primary.len())
        || !primary.bytes().all(|b| b.is_ascii_alphabetic())
        || NOT_LANGUAGES.contains(&primary.to_ascii_lowercase().as_str())
    {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    // What may come next, in the grammar's order.
    let mut stage = Stage::Extlang(3);
    while let Some(sub) = subtags.next() {
        let alpha = sub.bytes().all(|b| b.is_ascii_alphabetic());
        let digit = sub.bytes().all(|b| b.is_ascii_digit());
        if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        stage = match (sub.len(), stage) {
            (3, Stage::Extlang(n)) if alpha && n > 0 => {
                out.push_str(&sub.to_ascii_lowercase());
                Stage::Extlang(n - 1)
            }
            // Script: title case (`Hans`).
            (4, Stage::Extlang(_)) if alpha => {
                out.push_str(&sub[..1].to_ascii_uppercase());
                out.push_str(&sub[1..].to_ascii_lowercase());
                Stage::Region
            }
            // Region: upper case (`CN`), or three digits (`419`).
            (2, Stage::Extlang(_) | Stage::Region) if alpha => {
                out.push_str(&sub.to_ascii_uppercase());
                Stage::Variant
            }
            (3, Stage::Extlang(_) | Stage::Region) if digit => {
                out.push_str(sub);
                Stage::Variant
            }
            // Variant: five to eight characters, or four starting with a digit (`1996`).
            (5..=8, Stage::Extlang(_) | Stage::Region | Stage::Variant) => {
                out.push_str(&sub.to_ascii_lowercase());
                Stage::Variant
            }
            (4, Stage::Extlang(_) | Stage::Region | Stage::Variant) if sub.as_bytes()[0].is_ascii_digit() => {
                out.push_str(&sub.to_ascii_lowercase());
                Stage::Variant
            }
            // Extension or private use: a singleton, then its subtags, the last of two or more
            // characters unless private (`x-a`); the tag ends with them.
            (1, _) => {
                out.push_str(&sub.to_ascii_lowercase());
                let rest: Vec<&str> = subtags.by_ref().collect();
                let last_ok = rest.last().is_some_and(|l| l.len() >= 2 || sub.eq_ignore_ascii_case("x"));
                if !last_ok || rest.iter().any(|r| r.is_empty() || r.len() > 8 || !r.bytes().all(|b| b.is_ascii_alphanumeric())) {
                    return None;
                }
                out.push('-');
                out.push_str(&rest.join("-").to_ascii_lowercase());
                Stage::Variant
            }
            _ => return None,
        };
    }
    Some(out)
}

/// Where a subtag may stand in a language tag, after the primary language.
#[derive(Clone, Copy)]
enum Stage {
    /// Extlangs (this many more allowed), a script, a region, a variant or an extension.
    Extlang(u8),
    /// A region, a variant or an extension.
    Region,
    /// Variants or an extension.
    Variant,
}

/// Chinese in Traditional characters: declared with the `Hant` script, or, without a script,
/// for one of [`TRADITIONAL_CHINESE_REGIONS`] (`zh-TW`, `zh-HK`, `zh-MO`).
pub fn is_traditional_chinese(tag: &str) -> bool {
    let mut subtags = tag.split(['-', '_']);
    if !subtags.next().is_some_and(|p| p.eq_ignore_ascii_case("zh")) {
        return false;
    }
    for sub in subtags {
        match sub.len() {
            4 => return sub.eq_ignore_ascii_case("hant"),
            2 => return TRADITIONAL_CHINESE_REGIONS.iter().any(|r| sub.eq_ignore_ascii_case(r)),
            _ => {}
        }
    }
    false
}

/// Letters counted per script over a sample of the text.
#[derive(Default)]
struct Scripts {
    han: usize,
    /// Han characters only Simplified Chinese writes ([`SIMPLIFIED_ONLY`]), and only Traditional.
    simplified: usize,
    traditional: usize,
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
                0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                    s.han += 1;
                    if SIMPLIFIED_ONLY.contains(c) {
                        s.simplified += 1;
                    } else if TRADITIONAL_ONLY.contains(c) {
                        s.traditional += 1;
                    }
                }
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
/// Korean, else Chinese: `zh-Hant` or `zh-Hans` by which script's own characters it holds more
/// of, bare `zh` when it holds none; Cyrillic is Russian or Ukrainian by their own letters; Arabic, Hebrew,
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
        } else if s.traditional > s.simplified {
            // The script, so that the reading view's own words are written in it.
            "zh-Hant"
        } else if s.simplified > 0 {
            "zh-Hans"
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
        assert_eq!(normalize("sr-latn-rs").as_deref(), Some("sr-Latn-RS"));
        assert_eq!(normalize("zh-yue-HK").as_deref(), Some("zh-yue-HK"));
        assert_eq!(normalize("de-CH-1996").as_deref(), Some("de-CH-1996"));
        assert_eq!(normalize("en-US-x-twain").as_deref(), Some("en-US-x-twain"));
        for bad in ["", "-", "english language", "x", "e1", "en--us", "zh-CN!", "utf-8", "UTF-8", "gb2312", "euc-kr", "en-US-u", "zh-Hans-Hant", "en-US-CN", "x-default"] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn detects_by_script() {
        let cases = [
            ("zh-Hans", "苹果公司表示，其人工智能系统的核心模型在谷歌设计的处理器上完成预训练。Apple Intelligence 预览版。"),
            ("zh-Hant", "蘋果公司表示，其人工智慧系統的核心模型在谷歌設計的處理器上完成預訓練。"),
            ("zh", "中文"),
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
    fn traditional_chinese_tags() {
        for tag in ["zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-Hant-CN", "ZH_tw"] {
            assert!(is_traditional_chinese(tag), "{tag}");
        }
        for tag in ["zh", "zh-CN", "zh-Hans", "zh-Hans-TW", "zh-SG", "ja", "en-TW"] {
            assert!(!is_traditional_chinese(tag), "{tag}");
        }
    }

    #[test]
    fn unsure_is_none() {
        for text in ["", "12345 !!!", "Lorem ipsum dolor sit amet", "OK", "☃☃☃"] {
            assert_eq!(detect(text), None, "{text:?}");
        }
    }
}

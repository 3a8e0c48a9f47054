// Sentence boundaries for read-aloud (content script, injected before read-aloud.js; also run by
// tests/unit/sentences.test.js). Written out rather than left to Intl.Segmenter: its sentence
// rules (UAX #29) break after "Dr." and "U.S." before a capital and never after "；", and each
// browser ships its own ICU, so the same article would be cut differently in each.
//
// Defines `LucidSentences` once per page: `split(text)` returns the sentences of one paragraph
// as `{start, end}` offsets into `text` (end exclusive, white space trimmed), in order;
// `pieces(text, sentence, limit)` cuts a sentence too long for one utterance at its clauses.

if (!Object.hasOwn(globalThis, 'LucidSentences')) globalThis.LucidSentences = (() => {
  /** Full-width enders: a sentence ends after them with or without a space (CJK has none). */
  const CJK_ENDERS = '。！？；…‥｡';
  /** ASCII enders: a sentence ends after them only before white space (or a CJK letter, for ! and ?). */
  const LATIN_ENDERS = '.!?';
  /** What may close a sentence after its ender: quotes and brackets, ASCII and full-width. */
  const CLOSERS = '"\'”’」』）)]】》〉›»〕］｝';
  /** After a closing quote, these carry the sentence on (Japanese 「…。」と言った, 「…。」って). */
  const CONTINUERS = 'とっ、，,';
  /** Words after which "." does not end a sentence even before a capital: titles and labels that precede a name or number. */
  const ABBREVIATIONS = new Set([
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep',
    'rev', 'hon', 'pres', 'vs', 'no', 'nos', 'vol', 'fig', 'figs', 'p', 'pp', 'ch', 'sec', 'art', 'approx', 'ca', 'cf', 'etc',
    'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ]);
  /** Of those, the ones that also end sentences ("… Games Systems, Inc. We have"). */
  const MAY_END = new Set(['etc', 'inc', 'ltd', 'co', 'corp']);
  /**
   * After those and dotted acronyms ("U.S. Games" is a name, "the U.S. The company" two
   * sentences), a new sentence is told by its first word: one that starts sentences far more
   * often than it continues a name, or an opening quote.
   */
  const STARTERS = new Set([
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her',
    'their', 'our', 'my', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'as', 'for', 'if', 'when', 'while', 'after', 'before',
    'then', 'however', 'meanwhile', 'still', 'now', 'today', 'some', 'many', 'most', 'all', 'one', 'what', 'why', 'how',
  ]);
  const OPENING_QUOTES = '"“‘«「『(';
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const LOWER = /\p{Ll}/u;
  const SPACE = /\s/u;
  const SPEAKABLE = /[\p{L}\p{N}]/u;

  /** The word before `text[dot]`: letters and inner dots back to a space or an opening mark ("U.S", "e.g", "Dr"). */
  function wordBefore(text, dot) {
    let i = dot;
    while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i -= 1;
    return text.slice(i, dot);
  }

  /** Whether the text at `at` (after a "." and white space) reads as a new sentence's start. */
  function startsSentence(text, at) {
    if (OPENING_QUOTES.includes(text[at])) return true;
    const word = /^\p{L}+/u.exec(text.slice(at, at + 20))?.[0].toLowerCase();
    return STARTERS.has(word);
  }

  /** Whether a "." at `dot`, followed after white space by the text at `next`, ends a sentence. */
  function periodEnds(text, dot, next) {
    if (next >= text.length) return true;
    if (LOWER.test(text[next])) return false; // "approx. five", "3 p.m. today"
    const word = wordBefore(text, dot);
    const key = word.toLowerCase();
    if (ABBREVIATIONS.has(key)) return MAY_END.has(key) && startsSentence(text, next);
    if (/^\p{Lu}$/u.test(word)) return false; // an initial: "Stuart R. Kaplan"
    if (word.includes('.')) return startsSentence(text, next); // "U.S.", "N.Y."
    return true;
  }

  function split(text) {
    const out = [];
    let start = 0;
    const push = (end) => {
      let s = start;
      let e = end;
      while (s < e && SPACE.test(text[s])) s += 1;
      while (e > s && SPACE.test(text[e - 1])) e -= 1;
      if (e > s) {
        // Punctuation alone (a lone "”" or "…") joins the sentence before it.
        if (!SPEAKABLE.test(text.slice(s, e)) && out.length) out[out.length - 1].end = e;
        else out.push({ start: s, end: e });
      }
      start = end;
    };
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      const cjk = CJK_ENDERS.includes(c);
      if (!cjk && !LATIN_ENDERS.includes(c)) continue;
      // The whole run of enders ("？！", "……", "...", "?!"), then its closing marks.
      let j = i + 1;
      while (j < text.length && (CJK_ENDERS.includes(text[j]) || LATIN_ENDERS.includes(text[j]))) j += 1;
      const run = text.slice(i, j);
      let k = j;
      while (k < text.length && CLOSERS.includes(text[k])) k += 1;
      const after = text[k];
      let n = k;
      while (n < text.length && SPACE.test(text[n])) n += 1;
      const next = text[n];
      let ends;
      if (k > j && CONTINUERS.includes(after ?? '')) ends = false;
      else if (cjk || /[。！？；]/u.test(run)) {
        // An ellipsis inside Latin text ("wait… what") goes on; CJK enders end the sentence.
        ends = !(/^[…‥]+$/u.test(run) && next !== undefined && LOWER.test(next));
      } else if (after === undefined || SPACE.test(after)) {
        // "lucky us! zlib shrinks" ends; "“Really?” she asked" goes on.
        if (run === '.') ends = periodEnds(text, i, n);
        else if (/^\.+$/.test(run)) ends = next === undefined || !LOWER.test(next); // "wait... what"
        else ends = k === j || next === undefined || !LOWER.test(next);
      } else {
        // No space after: "3.5", "example.com", "U.S.-based"; but "好!今天" ends at the "!".
        ends = /[!?]/.test(run) && CJK.test(after);
      }
      if (ends) push(k);
      i = k - 1;
    }
    push(text.length);
    return out;
  }

  /** Where a long sentence may be cut: after a clause's punctuation, then after a space. */
  const CLAUSE_ENDS = /[，、,;：:—–)）]/u;
  /** A CJK character takes about as long to say as three Latin letters. */
  const spoken = (c) => (CJK.test(c) ? 3 : 1);

  /**
   * `sentence` ({start, end} in `text`) in pieces that each take at most `limit` to say (Latin
   * letters; CJK counts three): cut after the last clause mark that keeps a piece under the
   * limit, else after the last space, else at the limit. A sentence within the limit is one piece.
   */
  function pieces(text, sentence, limit) {
    const out = [];
    let { start } = sentence;
    while (start < sentence.end) {
      let weight = 0;
      let i = start;
      let clause = -1;
      let space = -1;
      while (i < sentence.end && weight + spoken(text[i]) <= limit) {
        weight += spoken(text[i]);
        if (CLAUSE_ENDS.test(text[i])) clause = i + 1;
        else if (SPACE.test(text[i])) space = i;
        i += 1;
      }
      let cut = i;
      if (i < sentence.end) cut = clause > start ? clause : space > start ? space : Math.max(i, start + 1);
      let end = cut;
      while (end > start && SPACE.test(text[end - 1])) end -= 1;
      out.push({ start, end });
      start = cut;
      while (start < sentence.end && SPACE.test(text[start])) start += 1;
    }
    return out;
  }

  return Object.freeze({ split, pieces });
})();

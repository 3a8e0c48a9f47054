// Runs inside a fixture page (loaded in headless Chromium by run.mjs): times Mozilla's
// Readability.js and Lucid's WASM core on the same live document, alternating, and returns the
// timings and both articles' text for scoring. Evaluation code only: no extraction logic.

import init, { extract } from '../../www/pkg/lucid.js';

/** Inline elements (the core's PHRASING_ELEMS less `br`): they do not break words apart. */
const INLINE = new Set([
  'abbr', 'audio', 'b', 'bdo', 'button', 'cite', 'code', 'data', 'datalist', 'dfn', 'em',
  'embed', 'i', 'img', 'input', 'kbd', 'label', 'mark', 'math', 'meter', 'noscript', 'object',
  'output', 'progress', 'q', 'ruby', 'samp', 'script', 'select', 'small', 'span', 'strong',
  'sub', 'sup', 'textarea', 'time', 'var', 'wbr', 'a', 'del', 'ins', 's', 'u', 'font',
]);

/**
 * The text of an HTML fragment with a blank line at every block boundary, as `lucid eval` reads
 * gold HTML: both tools' output is scored through this, so neither gains from how it joins text.
 */
export function blockText(html) {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  const parts = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // An explicit stack of open block elements closes them as the walk leaves them.
  const open = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    while (open.length && !open.at(-1).contains(node)) {
      open.pop();
      parts.push('\n\n');
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.data);
    else if (node.localName === 'br') parts.push('\n');
    else if (!INLINE.has(node.localName)) {
      parts.push('\n\n');
      open.push(node);
    }
  }
  return parts.join('');
}

let ready = null;

/** Instantiate the WASM module once per page (not timed). */
export function setup() {
  ready ??= init();
  return ready;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `runs` timed rounds after `warmup` untimed ones; each round runs both tools, the order swapping
 * every round. Readability.js gets a fresh clone of the document each run (it mutates what it
 * is given) and the clone is timed; Lucid gets the serialized document and that is timed too.
 * The very first call of each (in a fresh page: baseline-compiled WASM, interpreted JS) is
 * reported apart as the cold time; the medians are the steady state both engines reach once
 * their optimizing tiers have compiled the hot code, as in a long-lived service worker.
 */
export async function bench({ runs, warmup }) {
  await setup();
  const times = { readability: [], lucid: [], outerHtml: [], extract: [] };
  const cold = {};
  let readabilityArticle = null;
  let lucidArticle = null;
  let lucidError = null;
  const runReadability = () => {
    const start = performance.now();
    const article = new globalThis.Readability(document.cloneNode(true)).parse();
    return [performance.now() - start, article];
  };
  const runLucid = () => {
    const start = performance.now();
    const html = document.documentElement.outerHTML;
    const serialized = performance.now();
    let article = null;
    try {
      article = extract(html, document.URL);
    } catch (error) {
      lucidError = error.message;
    }
    const end = performance.now();
    return [end - start, serialized - start, end - serialized, article];
  };
  for (let round = 0; round < warmup + runs; round += 1) {
    let r;
    let l;
    if (round % 2) {
      l = runLucid();
      r = runReadability();
    } else {
      r = runReadability();
      l = runLucid();
    }
    [, readabilityArticle] = r;
    lucidArticle = l[3];
    if (round === 0) Object.assign(cold, { readabilityCold: r[0], lucidCold: l[0] });
    if (round < warmup) continue;
    times.readability.push(r[0]);
    times.lucid.push(l[0]);
    times.outerHtml.push(l[1]);
    times.extract.push(l[2]);
  }
  return {
    ms: { ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])), ...cold },
    htmlBytes: new TextEncoder().encode(document.documentElement.outerHTML).length,
    elements: document.getElementsByTagName('*').length,
    readabilityText: blockText(readabilityArticle?.content),
    lucidText: blockText(lucidArticle?.content),
    lucidError,
  };
}

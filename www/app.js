// The demo page: input (paste, drop, open, sample) → Lucid's WASM core → the reading view the
// extension shows, its metadata, timing, and the core's trace of what it removed.
//
// No extraction logic here. The core extracts and renders (`readerView`), and styles the view
// (`readerStylesheet`); the theme choices come from the extension's settings table. The only
// page-level work in JS is decoding a file's bytes to text, as a browser would.

import init, { readerView, readerStylesheet } from './pkg/lucid.js';
import { SETTINGS, DEFAULTS } from '../extension/lib/settings.js';

const $ = (id) => document.getElementById(id);
const ui = {
  sample: $('sample'), url: $('url'), html: $('html'), run: $('run'), file: $('file'),
  status: $('status'), facts: $('facts'), meta: $('meta'), timing: $('timing'),
  host: $('reader-host'), explain: $('explain'), explainCount: $('explain-count'), themes: $('themes'),
  tabRead: $('tab-read'), tabExplain: $('tab-explain'), panelRead: $('panel-read'), panelExplain: $('panel-explain'),
};

const STAGE_LABELS = {
  prepare: 'Before scoring — page furniture removed up front',
  score: 'Finding the article — candidates passed over',
  clean: 'Cleaning the article — clutter taken out of it',
};

let theme = DEFAULTS.theme;
let readerRoot = null;

function element(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(el.dataset, value);
    else el[key] = value;
  }
  el.append(...children);
  return el;
}

function setStatus(text, kind = '') {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
}

/**
 * Text from a file's bytes as a browser would decode them: a BOM, else the `<meta charset>` (or
 * http-equiv) in the first 1024 bytes, else UTF-8. Labels TextDecoder does not know fall back
 * to UTF-8.
 */
function decodeHtml(bytes) {
  const view = new Uint8Array(bytes);
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) return new TextDecoder('utf-8').decode(view);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  const head = new TextDecoder('windows-1252').decode(view.subarray(0, 1024));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(label || 'utf-8').decode(view);
  } catch {
    return new TextDecoder('utf-8').decode(view);
  }
}

/** The reading view: a shadow root (isolated from this page's CSS) holding the core's markup. */
function showReader(html) {
  if (!readerRoot) {
    ui.host.replaceChildren();
    ui.host.classList.remove('empty');
    readerRoot = ui.host.attachShadow({ mode: 'open' });
  }
  // The core sanitized the content; parsing it in an inert document runs and loads nothing
  // until the nodes are adopted into the view.
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  const container = element('div', { className: 'lucid-reader' }, [...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  container.dataset.theme = theme;
  container.dataset.font = DEFAULTS.font;
  readerRoot.replaceChildren(element('style', { textContent: readerStylesheet() }), element('style', { textContent: FRAME_CSS }), container);
}

/** Inside the demo's frame the view scrolls with the page, not on its own. */
const FRAME_CSS = ':host { display: block; } .lucid-reader { min-height: 100%; padding: 2.5rem 1.25rem 3rem; border-radius: inherit; }';

function showMeta(article, ms) {
  const rows = [
    ['Title', article.title],
    ['Byline', article.byline],
    ['Site', article.siteName],
    ['Published', article.publishedTime],
    ['Language', [article.lang, article.dir === 'rtl' ? 'right to left' : null].filter(Boolean).join(', ')],
    ['Length', `${article.length.toLocaleString()} characters · ${article.wordCount.toLocaleString()} words`],
    ['Reading time', `${article.readingTimeMinutes} min`],
  ];
  ui.meta.replaceChildren(...rows.flatMap(([k, v]) => [
    element('dt', { textContent: k }),
    element('dd', { textContent: v || '—', className: v ? '' : 'none' }),
  ]));
  const fmt = (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
  ui.timing.replaceChildren(
    element('span', { className: 'ms', textContent: fmt(ms) }),
    element('span', { textContent: ' to extract, clean and render (WebAssembly, this tab)' }),
    element('ol', { className: 'stages' }, (article.timings ?? []).map((t) => element('li', {}, [
      element('span', { textContent: t.stage }),
      element('span', { className: 'stage-ms', textContent: fmt(t.ms) }),
    ]))),
  );
  ui.facts.hidden = false;
}

/**
 * The trace, grouped by stage in pipeline order; within a stage, removals of the same kind of
 * element for the same reason share a row (a page's 90 scripts are one line), largest first.
 */
function showExplain(trace) {
  const stages = new Map();
  for (const entry of trace) {
    if (!stages.has(entry.stage)) stages.set(entry.stage, new Map());
    const rows = stages.get(entry.stage);
    const key = `${entry.element}\u0000${entry.reason}`;
    const row = rows.get(key) ?? { element: entry.element, reason: entry.reason, chars: 0, count: 0 };
    row.chars += entry.chars;
    row.count += 1;
    rows.set(key, row);
  }
  ui.explainCount.textContent = trace.length ? String(trace.length) : '';
  if (!trace.length) {
    ui.explain.replaceChildren(element('p', { className: 'none', textContent: 'Nothing was removed.' }));
    return;
  }
  ui.explain.replaceChildren(...[...stages].map(([stage, rows]) => {
    const list = [...rows.values()];
    const removed = list.reduce((sum, r) => sum + r.count, 0);
    const chars = list.reduce((sum, r) => sum + r.chars, 0);
    const items = list
      .sort((a, b) => b.chars - a.chars || b.count - a.count)
      .map((r) => element('li', { className: 'trace-entry' }, [
        element('code', { className: 'el', textContent: r.element, title: r.element }),
        element('span', { className: 'times', textContent: r.count > 1 ? `×${r.count}` : '' }),
        element('span', { className: 'reason', textContent: r.reason }),
        element('span', { className: 'chars', textContent: r.chars ? `${r.chars.toLocaleString()} chars` : 'no text' }),
      ]));
    return element('details', { className: 'stage', open: true, dataset: { stage } }, [
      element('summary', {}, [
        element('span', { className: 'stage-name', textContent: STAGE_LABELS[stage] ?? stage }),
        element('span', { className: 'stage-sum', textContent: `${removed} removed · ${chars.toLocaleString()} chars` }),
      ]),
      element('ol', {}, items),
    ]);
  }));
}

function run() {
  const html = ui.html.value;
  if (!html.trim()) {
    setStatus('Paste some HTML, drop a file, or pick a sample first.', 'warn');
    return;
  }
  const url = ui.url.value.trim() || undefined;
  let view;
  const start = performance.now();
  try {
    view = readerView(html, url, { trace: true, timings: true });
  } catch (error) {
    setStatus(`Lucid could not read this: ${error.message}`, 'error');
    return;
  }
  const ms = performance.now() - start;
  if (!view) {
    setStatus('No article found on this page.', 'warn');
    ui.facts.hidden = true;
    return;
  }
  setStatus('');
  showReader(view.html);
  showMeta(view.article, ms);
  showExplain(view.article.trace ?? []);
}

async function loadSample(path) {
  const sample = samples.find((s) => s.path === path);
  if (!sample) return;
  setStatus(`Loading ${sample.label}…`);
  const response = await fetch(`../tests/fixtures/${sample.path}/source.html`);
  if (!response.ok) {
    setStatus(`Could not load the sample (${response.status}).`, 'error');
    return;
  }
  ui.html.value = decodeHtml(await response.arrayBuffer());
  ui.url.value = sample.url ?? '';
  run();
}

async function loadFile(file) {
  if (!file) return;
  ui.sample.value = '';
  ui.url.value = '';
  ui.html.value = decodeHtml(await file.arrayBuffer());
  run();
}

function selectTab(explain) {
  ui.tabRead.setAttribute('aria-selected', String(!explain));
  ui.tabExplain.setAttribute('aria-selected', String(explain));
  ui.panelRead.hidden = explain;
  ui.panelExplain.hidden = !explain;
}

function buildThemes() {
  const labels = { light: 'Light', sepia: 'Sepia', dark: 'Dark', system: 'Auto' };
  const buttons = SETTINGS.theme.choices.map((value) =>
    element('button', { type: 'button', className: `theme theme-${value}`, title: labels[value] ?? value, dataset: { theme: value } }, [
      element('span', { className: 'swatch' }), element('span', { textContent: labels[value] ?? value }),
    ]));
  const mark = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.theme === theme)));
  for (const button of buttons) {
    button.addEventListener('click', () => {
      theme = button.dataset.theme;
      mark();
      readerRoot?.querySelector('.lucid-reader')?.setAttribute('data-theme', theme);
    });
  }
  mark();
  ui.themes.replaceChildren(...buttons);
}

const [, samples] = await Promise.all([init(), fetch('samples.json').then((r) => r.json())]);
for (const s of samples) ui.sample.append(element('option', { value: s.path, textContent: s.label }));
buildThemes();

ui.run.addEventListener('click', run);
ui.sample.addEventListener('change', () => loadSample(ui.sample.value));
ui.file.addEventListener('change', () => loadFile(ui.file.files[0]));
ui.tabRead.addEventListener('click', () => selectTab(false));
ui.tabExplain.addEventListener('click', () => selectTab(true));
ui.html.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) run();
});
const dropZone = document.querySelector('.input');
dropZone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropZone.classList.remove('dragging');
  loadFile(e.dataTransfer.files[0]);
});
document.body.dataset.ready = 'true';
setStatus('Ready.');

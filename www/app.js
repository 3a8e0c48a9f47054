// The demo page: input (paste, drop, open, sample) → Lucid's WASM core → the reading view the
// extension shows, its metadata, timing, and the core's trace of what it removed.
//
// No extraction logic here. The core extracts and renders (`readerView`), styles the view
// (`readerStylesheet`) and says which encoding a file's bytes are in (`charsetOf`), by the rules
// the command line decodes with; the browser's TextDecoder decodes. The theme choices come from
// the extension's settings table.

import init, { charsetOf, readerView, readerStylesheet } from './pkg/lucid.js';
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
 * Text from a page's bytes, in the encoding the core finds (byte order mark, `charset` from the
 * server when there is one, `<meta charset>`, a page mis-declared over UTF-8). Throws for bytes
 * that are not a web page (an image, an archive) or a page in an encoding browsers no longer read
 * (iso-2022-kr), with the core's words.
 */
function decodeHtml(buffer, charset) {
  const bytes = new Uint8Array(buffer);
  return new TextDecoder(charsetOf(bytes, charset)).decode(bytes);
}

/** The `charset` parameter of a Content-Type header, or undefined. */
const charsetParameter = (contentType) => /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];

/** Put a page's text in the input and read it; a file that is not a page says so instead. */
function readBytes(buffer, charset, what) {
  let html;
  try {
    html = decodeHtml(buffer, charset);
  } catch (error) {
    ui.html.value = '';
    ui.facts.hidden = true;
    setStatus(`Lucid could not read ${what}: ${error.message}.`, 'error');
    return;
  }
  ui.html.value = html;
  run();
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
  ui.url.value = sample.url ?? '';
  readBytes(await response.arrayBuffer(), charsetParameter(response.headers.get('content-type')), 'the sample');
}

async function loadFile(file) {
  if (!file) return;
  ui.sample.value = '';
  ui.url.value = '';
  readBytes(await file.arrayBuffer(), undefined, file.name);
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

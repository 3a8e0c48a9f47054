// Translation benchmark: one whole translation of the fixture article with the most segments
// (readability/wikipedia-2: 748 segments and the title) through the stand-in LibreTranslate
// server, in each browser of LUCID_BROWSERS (default both). A measurement, not a test:
// `node tests/e2e/bench-translate.mjs [FIXTURE]`.
//
// It counts the translate/* messages the reading view sends (an extension page hears every
// runtime message a content script sends, so the count is the same in both browsers), how many
// of the merge messages carry the segmented article (each one a full merge: the template parsed
// and every translation so far put in again) and their bytes; and the wall time from the click
// on Translate until every segment is shown. In Chromium it also profiles the service worker
// (CDP's sampling profiler, 100 µs): the time spent in the split and merge handlers, and the
// worker's busy time in all (which includes reading the messages).

import { BROWSERS, launch, startServer, viewClick, waitForView, waitInView } from './harness.js';
import { fakeLibreTranslate } from './fake-libretranslate.js';

const FIXTURE = process.argv[2] ?? 'readability/wikipedia-2';
const HANDLERS = ['translate/split', 'translate/merge'];
const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Milliseconds of samples under each of HANDLERS, and of all non-idle samples, in `profile`. */
function profileTimes({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const handlerOf = new Map();
  const handler = (id) => {
    if (!handlerOf.has(id)) {
      const name = byId.get(id).callFrame.functionName;
      handlerOf.set(id, HANDLERS.includes(name) ? name : parent.has(id) ? handler(parent.get(id)) : null);
    }
    return handlerOf.get(id);
  };
  const ms = Object.fromEntries([...HANDLERS, 'busy'].map((name) => [name, 0]));
  samples.forEach((id, i) => {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    if (IDLE.has(byId.get(id).callFrame.functionName)) return;
    ms.busy += dt;
    const name = handler(id);
    if (name) ms[name] += dt;
  });
  return ms;
}

async function measure(name, server, translator) {
  const browser = await launch(name);
  try {
    await browser.inExtension((endpoint) => chrome.storage.sync.set({ translate: { endpoint, target: 'en', mode: 'replace' } }), translator.endpoint);
    const page = await browser.open(`${server.origin}/fixtures/${FIXTURE}/source.html`, { waitUntil: 'domcontentloaded' });
    await browser.clickAction(page);
    await browser.waitForReader(page);
    await waitInView(page, '.lucid-t-go');
    await browser.inExtension(() => {
      globalThis.translateLog = [];
      chrome.runtime.onMessage.addListener((message) => {
        if (!String(message?.type).startsWith('translate/')) return;
        globalThis.translateLog.push({ type: message.type, bytes: JSON.stringify(message).length, article: 'segmented' in message });
      });
    });
    let session = null;
    if (name === 'chromium') {
      const worker = browser.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(browser.origin));
      session = await worker.createCDPSession();
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      await session.send('Profiler.start');
    }
    const start = Date.now();
    await viewClick(page, '.lucid-t-go');
    const shown = await waitForView(page, (root) => {
      const status = root.querySelector('.lucid-t-status').innerText;
      return /^(\d+)\/\1$/.test(status) && !root.querySelector('.lucid-t-go').disabled && status;
    }, null, { timeout: 600_000 });
    const wallMs = Date.now() - start;
    const times = session ? profileTimes((await session.send('Profiler.stop')).profile) : null;
    const log = await browser.inExtension(() => globalThis.translateLog);
    const merges = log.filter((m) => m.type === 'translate/merge');
    return {
      browser: browser.version,
      segments: shown,
      merges: merges.length,
      fullMerges: merges.filter((m) => m.article).length,
      mergeMiB: merges.reduce((sum, m) => sum + m.bytes, 0) / 2 ** 20,
      wallMs,
      times,
    };
  } finally {
    await browser.close();
  }
}

const server = await startServer();
const translator = await fakeLibreTranslate();
try {
  console.log(`One whole translation of ${FIXTURE} (replace mode):`);
  for (const name of BROWSERS) {
    const r = await measure(name, server, translator);
    translator.reset();
    console.log(`\n${r.browser}: ${r.segments} segments shown in ${(r.wallMs / 1000).toFixed(1)} s`);
    console.log(`  merge messages: ${r.merges}, carrying the article (full merges): ${r.fullMerges}, ${r.mergeMiB.toFixed(1)} MiB sent`);
    if (r.times) {
      const f = (ms) => `${Math.round(ms)} ms`;
      console.log(`  worker (sampled): merge ${f(r.times['translate/merge'])}, split ${f(r.times['translate/split'])}, busy ${f(r.times.busy)}`);
    }
  }
} finally {
  await translator.close();
  await server.close();
}

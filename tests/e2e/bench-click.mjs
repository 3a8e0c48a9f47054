// Click-to-paint benchmark: from the toolbar click to the first frame with the reading view on
// screen, on the seed page, in each headless browser of LUCID_BROWSERS (default both), side by
// side. Prints the median of N runs (default 10), the first click, and the WASM module's size.
// A measurement, not a test: `node tests/e2e/bench-click.mjs [N]`.
//
// The clock is the page's: `t0` is taken in the page just before the click is sent, the end is
// the first animation frame after the view's host element is attached (a MutationObserver sees
// it), i.e. the frame that paints it.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BROWSERS, EXTENSION, launch, startServer, waitForNoReader } from './harness.js';

const runs = Number(process.argv[2] ?? 10);
const server = await startServer();

async function once(browser, page) {
  await page.evaluate(() => {
    window.__lucidPainted = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('lucid-reader')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      observer.observe(document.documentElement, { childList: true });
    });
    window.__lucidT0 = performance.now();
  });
  await browser.clickAction(page);
  const ms = await page.evaluate(async () => (await window.__lucidPainted) - window.__lucidT0);
  await browser.clickAction(page);
  await waitForNoReader(page);
  return ms;
}

/** One browser's timings: { version, first, median, min, max }. */
async function measure(name) {
  const browser = await launch(name);
  try {
    const page = await browser.open(`${server.origin}/fixtures/seed/netease-apple-tpu/source.html`);
    const first = await once(browser, page); // the first click also instantiates the WASM module
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once(browser, page));
    times.sort((a, b) => a - b);
    const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
    return { version: browser.version, first, median, min: times[0], max: times.at(-1) };
  } finally {
    await browser.close();
  }
}

try {
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
  console.log(`click to painted reading view, seed page, ${runs} runs after one warm-up (budget 150 ms):`);
  console.log(`  ${'browser'.padEnd(30)}${'median'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}${'first'.padStart(10)}`);
  for (const name of BROWSERS) {
    const r = await measure(name);
    console.log(`  ${r.version.padEnd(30)}${ms(r.median)}${ms(r.min)}${ms(r.max)}${ms(r.first)}`);
  }
  console.log('  (first: the first click, which also instantiates the WASM module)');
  const wasm = await readFile(path.join(EXTENSION, 'pkg', 'lucid_bg.wasm'));
  console.log(`WASM module: ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzipped (budget 400 KB)`);
} finally {
  await server.close();
}

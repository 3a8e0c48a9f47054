// Click-to-paint benchmark: from the toolbar click to the first frame with the reading view on
// screen, on the seed page, in headless Chromium. Prints the median of N runs (default 10) and
// the WASM module's size. A measurement, not a test: `node tests/e2e/bench-click.mjs [N]`.
//
// The clock is the page's: `t0` is taken in the page just before the click is sent, the end is
// the first animation frame after the view's host element is attached (a MutationObserver sees
// it), i.e. the frame that paints it.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION, launch, startServer, waitForNoReader } from './harness.js';

const runs = Number(process.argv[2] ?? 10);
const server = await startServer();
const browser = await launch();

async function once(page) {
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

try {
  const page = await browser.open(`${server.origin}/fixtures/seed/netease-apple-tpu/source.html`);
  const first = await once(page); // the first click also instantiates the WASM module
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(page));
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  const wasm = await readFile(path.join(EXTENSION, 'pkg', 'lucid_bg.wasm'));
  console.log(`click to painted reading view, seed page, ${runs} runs after one warm-up:`);
  console.log(`  median ${median.toFixed(1)} ms  (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)}; budget 150 ms)`);
  console.log(`  first click, which also instantiates the WASM module: ${first.toFixed(1)} ms`);
  console.log(`WASM module: ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzipped (budget 400 KB)`);
} finally {
  await browser.close();
  await server.close();
}

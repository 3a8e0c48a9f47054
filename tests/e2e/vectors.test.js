// The hostile-payload table (tests/hostile/vectors.mjs) in real browsers: one page per family,
// every vector live in the page between article paragraphs, with a canary. Whatever runs calls
// __hit(id) and is recorded; the page's own run of its vectors at load is the baseline. Then the
// reading view opens, the mouse sweeps over the whole article (hover, and clicks away from
// links), and an HTML copy is saved: nothing new may run, and neither the view nor the copy may
// hold script, handlers or script URLs.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED, eachBrowser, sleep, viewClick, viewEvaluate, waitForView } from './harness.js';
import { vectors } from '../hostile/vectors.mjs';

const PARAGRAPH = 'Rock pools fill and empty twice a day, and the animals that live in them have learned to wait: anemones close, limpets clamp down and crabs tuck themselves under the weed until the sea comes back.';
/**
 * Vectors the page itself cannot carry here, and why (tests/security.rs still runs them): a page
 * whose own stylesheet hides everything hides <html>, and with it any overlay on it.
 */
const NOT_IN_A_PAGE = new Set(['css overlays: style block hides everything']);
const families = new Map();
for (const vector of vectors()) {
  if (!NOT_IN_A_PAGE.has(vector.name)) families.set(vector.family, [...(families.get(vector.family) ?? []), vector]);
}

const slug = (family) => family.replace(/\W+/g, '-');
await mkdir(GENERATED, { recursive: true });
for (const [family, list] of families) {
  const body = list.map((v) => `<p>${PARAGRAPH}</p>\n<div>${v.html}</div>`).join('\n');
  await writeFile(path.join(GENERATED, `vectors-${slug(family)}.html`), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile vectors: ${family}</title>
<script>window.__hits = []; window.__hit = (id) => { window.__hits.push(id); };</script>
</head><body><article><h1>Notes from the shore: ${family}</h1>
${body}
<p>${PARAGRAPH}</p></article></body></html>`);
}

/**
 * Runs in the page: what in `root` (the view's root, or a parsed saved copy) could run: script
 * elements, event handler attributes, script URLs in any attribute. Text is text, whatever it says.
 */
function executable(root) {
  const found = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'script' && el.type !== 'application/ld+json') found.push('<script>');
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) found.push(`<${el.localName} ${name}>`);
      if (/^\s*(java|vb)script:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`<${el.localName} ${name}=${value.slice(0, 40)}>`);
    }
  }
  return found;
}

eachBrowser((ctx) => {
  for (const [family, list] of families) {
    ctx.test(`${family}: ${list.length} vectors run nothing in the reading view or its saved copy`, async () => {
      const page = await ctx.browser.open(ctx.url(`generated/vectors-${slug(family)}.html`));
      await sleep(500); // the page's own load-time runs
      const hits = () => page.evaluate(() => [...(window.__hits ?? [])]);
      const atLoad = await hits();
      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page, 60_000);
      assert.deepEqual(await viewEvaluate(page, executable), [], 'executable markup in the reading view');

      // Sweep the article: hover everywhere, click where no link is (a link may leave the page).
      for (let screen = 0; screen < 80; screen += 1) {
        const points = await viewEvaluate(page, (root) => {
          const out = [];
          for (let x = 300; x <= 980; x += 170) {
            for (let y = 120; y <= 860; y += 148) {
              const el = root.elementFromPoint(x, y);
              out.push({ x, y, click: !!el?.closest('.lucid-content') && !el.closest('a, button, .lucid-toolbar') });
            }
          }
          return out;
        });
        for (const { x, y, click } of points) {
          if (click) await page.mouse.click(x, y);
          else await page.mouse.move(x, y);
        }
        const more = await viewEvaluate(page, (root) => {
          const scroller = root.querySelector('.lucid-scroll');
          const before = scroller.scrollTop;
          scroller.scrollBy({ top: scroller.clientHeight * 0.9, behavior: 'instant' });
          return scroller.scrollTop > before;
        });
        if (!more) break;
      }
      await sleep(300);
      assert.ok(page.url().includes(`vectors-${slug(family)}.html`), 'still on the page');
      assert.deepEqual((await hits()).slice(atLoad.length), [], 'vectors ran after the reading view opened');

      // The saved copy: built by the core from the same article.
      const download = await ctx.browser.download(async () => {
        await viewClick(page, '[data-action="save-menu"]');
        await viewClick(page, '[data-action="save"][data-format="html"]');
        const prompt = await waitForView(page, (root) => (/^Saved /.test(root.querySelector('.lucid-save-status').textContent) && 'saved')
          || (root.querySelector('.lucid-save-permission') && 'prompt'));
        if (prompt === 'prompt') await viewClick(page, '.lucid-save-permission [data-action="save-without"]');
      });
      const saved = await page.evaluate(`(${executable})(new DOMParser().parseFromString(${JSON.stringify(download.text)}, 'text/html'))`);
      assert.deepEqual(saved, [], 'executable markup in the saved copy');
      await page.close();
    });
  }
});

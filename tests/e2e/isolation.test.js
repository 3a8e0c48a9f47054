// No page can touch Lucid: the reading view lives in a closed shadow root, so a page's script
// can neither read it, reword it, nor change which sites the image-permission prompt asks for;
// and article markup cannot dress as Lucid's own controls, even in a quirks-mode page where
// class selectors ignore case.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, eachBrowser, innerTexts, readerState, sleep, viewClick, viewEvaluate, viewTexts, waitInView } from './harness.js';

await mkdir(ARTIFACTS, { recursive: true });

eachBrowser((ctx) => {
  const { test, url } = ctx;

  test("a page's script can neither read the view, nor reword it, nor change the sites the prompt asks for", async () => {
    const page = await ctx.browser.open(url('pages/snoop.html'));
    const other = ctx.server.origin.replace('127.0.0.1', 'localhost');
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await viewClick(page, '[data-action="save-menu"]');
    await viewClick(page, '[data-action="save"][data-format="html"]');
    await waitInView(page, '.lucid-save-permission');
    await sleep(300); // the page's script polls every 25 ms
    assert.deepEqual(await viewTexts(page, '.lucid-save-permission li'), [other], 'the prompt names the real site');
    const view = await readerState(page);
    assert.match(view.text, /Giant kelp grows up to half a metre a day/);
    assert.doesNotMatch(await viewEvaluate(page, (root) => root.querySelector('.lucid-reader').innerText), /PWNED/);
    await page.screenshot({ path: path.join(ARTIFACTS, `snoop-${ctx.name}.png`) });

    const snoop = await page.evaluate(() => window.__snoop);
    assert.ok(snoop.hosts >= 1, 'the page saw the view\'s host element');
    assert.deepEqual(snoop.roots, Array(snoop.hosts).fill('null'), 'host.shadowRoot is null for the page');
    assert.equal(snoop.captured, 0, 'the page\'s patched attachShadow was never called for Lucid');
    assert.deepEqual(snoop.attachErrors, Array(snoop.hosts).fill('NotSupportedError'), 'the page cannot attach a root of its own');
    assert.deepEqual(snoop.leaked, [], 'nothing of the view reached the page');
    assert.equal(snoop.rewrites, 0, 'the page found nothing to rewrite');

    // "Allow and save" asks the browser for the site the view was told of, not one the page chose.
    await viewClick(page, '.lucid-save-permission [data-action="save-allow"]');
    const popup = await ctx.browser.waitForPage((href) => href.startsWith(`${ctx.browser.origin}/permissions/images.html?`));
    await popup.waitForSelector('#origins li');
    assert.deepEqual(await innerTexts(popup, '#origins li'), [other]);
    assert.doesNotMatch(await popup.evaluate(() => location.search), /evil/);
    await popup.close();
  });

  test('a quirks-mode page: article markup with LUCID- classes keeps none of them and sits under the real toolbar', async () => {
    const page = await ctx.browser.open(url('pages/quirks.html'));
    assert.equal(await page.evaluate(() => document.compatMode), 'BackCompat', 'the host page is in quirks mode');
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    const look = await viewEvaluate(page, (root) => {
      const paragraphs = [...root.querySelectorAll('.lucid-content p')];
      const toolbar = root.querySelector('.lucid-toolbar');
      const close = toolbar.querySelector('[data-action="close"]');
      const box = close.getBoundingClientRect();
      const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        classes: paragraphs.map((p) => p.getAttribute('class')),
        positions: paragraphs.map((p) => getComputedStyle(p).position),
        dressed: paragraphs[0]?.innerText.slice(0, 40),
        toolbars: root.querySelectorAll('.lucid-toolbar, .LUCID-toolbar').length,
        closeHit: !!hit && close.contains(hit),
      };
    });
    assert.match(look.dressed, /^Until the last lights were automated/);
    assert.deepEqual(look.classes.filter((c) => /lucid-/i.test(c ?? '')), [], `no lucid- class in any case survives: ${look.classes}`);
    assert.ok(look.positions.every((p) => p === 'static'), `article paragraphs stay in the flow: ${look.positions}`);
    assert.equal(look.toolbars, 1, 'one toolbar: the real one');
    assert.ok(look.closeHit, 'the real close button is what a click at its place hits');
    await page.screenshot({ path: path.join(ARTIFACTS, `quirks-${ctx.name}.png`) });
    await viewClick(page, '[data-action="close"]');
    await page.waitForFunction(() => !document.querySelector('lucid-reader'), { timeout: 5_000 });
  });
});

// Reading never hangs: a page that takes long says so with a Cancel button, a reading past its
// budget ends with a message, neither blocks another tab, and the next click works. The slow
// page is simply a very large article (18 MB, 40 000 paragraphs), which any correct reader takes
// seconds to read; the budget is lowered through the storage value users have for it.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, GENERATED, eachBrowser, readerState, sleep, viewClick, waitForToast, waitForView } from './harness.js';

const WORDS = 'harbour seal rock tide sand beach water fish squid crab pup mother colony coast summer winter count survey virus recover decade population resting place shore wave current'.split(' ');

/** A long article of plain paragraphs, the same every run (a fixed linear congruential sequence). */
function largeArticle(paragraphs) {
  let seed = 7;
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length];
  const out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long article</title></head><body><article><h1>A very long article</h1>'];
  for (let i = 0; i < paragraphs; i += 1) {
    if (i % 50 === 0) out.push(`<h2>Part ${i / 50 + 1}</h2>`);
    out.push(`<p>${Array.from({ length: 70 }, word).join(' ')}.</p>`);
  }
  out.push('</article></body></html>');
  return out.join('\n');
}

await mkdir(GENERATED, { recursive: true });
await writeFile(path.join(GENERATED, 'large-article.html'), largeArticle(40_000));
await mkdir(ARTIFACTS, { recursive: true });

const PROGRESS = 'lucid-progress';
const progressText = (page) => waitForView(page, (root) => root.querySelector('[role="status"]')?.textContent, null, { host: PROGRESS, timeout: 10_000 });

eachBrowser((ctx) => {
  const { test, url } = ctx;
  const setBudget = (ms) => ctx.browser.inExtension((value) => (value === null ? chrome.storage.local.remove('readBudgetMs') : chrome.storage.local.set({ readBudgetMs: value })), ms);
  /** The extension's record for `page`'s tab (lib/tabstate.js), found by its address (each test page's is unique). */
  const tabRecord = (page) => ctx.browser.inExtension(async (href) => Object.entries(await chrome.storage.session.get(null))
    .find(([key, record]) => key.startsWith('tab:') && record.url === href)?.[1] ?? null, page.url());

  test('a slow page says it is still reading; Cancel stops it; another tab reads meanwhile; the next click works', async () => {
    await setBudget(null);
    const slow = await ctx.browser.open(url('generated/large-article.html'));
    const started = Date.now();
    await ctx.browser.clickAction(slow);
    assert.match(await progressText(slow), /still reading this page…/);
    const shownAfter = Date.now() - started;
    assert.ok(shownAfter >= 900, `the notice waits about a second (${shownAfter} ms)`);
    await slow.screenshot({ path: path.join(ARTIFACTS, `still-reading-${ctx.name}.png`) });

    // Meanwhile another tab's click gets its reading view: the slow reading blocks nothing.
    const other = await ctx.browser.open(url('fixtures/seed/netease-apple-tpu/source.html'));
    const otherStart = Date.now();
    await ctx.browser.clickAction(other);
    await ctx.browser.waitForReader(other);
    const otherMs = Date.now() - otherStart;
    assert.ok((await readerState(other)).title, 'the other tab shows its article');
    assert.ok(await slow.$(PROGRESS), 'the slow page is still being read');
    await other.close();

    await slow.bringToFront();
    await viewClick(slow, 'button', { host: PROGRESS });
    await slow.waitForFunction(() => !document.querySelector('lucid-progress'), { timeout: 5_000 });
    const cancelledAfter = Date.now() - started;
    await sleep(300);
    assert.equal(await slow.$('lucid-reader'), null, 'no reading view after Cancel');
    assert.equal((await tabRecord(slow))?.state, 'idle');
    console.log(`[${ctx.name}] notice after ${shownAfter} ms; another tab's view in ${otherMs} ms meanwhile; cancelled at ${cancelledAfter} ms`);

    // The next click reads again from scratch (here: a click while reading cancels, too).
    await ctx.browser.clickAction(slow);
    await progressText(slow);
    await ctx.browser.clickAction(slow);
    await slow.waitForFunction(() => !document.querySelector('lucid-progress'), { timeout: 5_000 });
    assert.equal(await slow.$('lucid-reader'), null);
  });

  test('a reading past its budget ends with a message, and the next click works', async () => {
    await setBudget(400);
    try {
      const page = await ctx.browser.open(url('generated/large-article.html'));
      const started = Date.now();
      await ctx.browser.clickAction(page);
      const message = await waitForToast(page, { timeout: 10_000 });
      const endedAfter = Date.now() - started;
      assert.equal(message, 'Lucid stopped reading this page: it took longer than 0.4 s.');
      assert.equal(await page.$('lucid-reader'), null);
      assert.equal((await tabRecord(page)).state, 'failed');
      await page.screenshot({ path: path.join(ARTIFACTS, `budget-${ctx.name}.png`) });
      console.log(`[${ctx.name}] a 400 ms budget ended the reading with its message after ${endedAfter} ms (capture included)`);

      // The same tab, an ordinary page, the same budget: it reads.
      await page.goto(url('fixtures/seed/netease-apple-tpu/source.html'));
      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      assert.ok((await readerState(page)).paragraphs.length >= 14);
    } finally {
      await setBudget(null);
    }
  });
});

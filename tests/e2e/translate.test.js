// Translation in the reading view against a stand-in LibreTranslate server on 127.0.0.1
// (fake-libretranslate.js). The endpoint is set in storage.sync, where the options page keeps it.

import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, eachBrowser, squash, viewClick, viewEvaluate, viewSelect, viewTexts, viewVisible, waitForView, waitInView } from './harness.js';
import { fakeLibreTranslate } from './fake-libretranslate.js';

const SEED = 'seed/netease-apple-tpu';
const expected = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures', SEED, 'expected.json'), 'utf8'));
const TAG = '[zh→en] ';

/** The stand-in service; `fake`: its state (see fakeLibreTranslate). */
let translator;
let fake;
const sentCount = () => fake.sent.flat().length;

before(async () => {
  translator = await fakeLibreTranslate();
  fake = translator.state;
});
afterEach(() => translator.reset());
after(() => translator.close());

/** The article's paragraphs as shown: text, whether it is a translation, its links and emphasis. */
const paragraphs = (page) => viewEvaluate(page, (root) => [...root.querySelectorAll('.lucid-content p')]
  .map((p) => ({
    text: p.innerText.trim(),
    translation: p.classList.contains('lucid-translation'),
    links: [...p.querySelectorAll('a[href]')].map((a) => [a.getAttribute('href'), a.textContent]),
    emphasis: [...p.querySelectorAll('em, strong')].map((e) => e.tagName),
  }))
  .filter((p) => p.text));

const status = async (page) => (await viewTexts(page, '.lucid-t-status'))[0];
/** Segments of the seed article: its 14 paragraphs and its title. */
const SEGMENTS = 15;
const title = (page) => viewEvaluate(page, (root) => root.querySelector('.lucid-title').innerText.trim());
/** Every segment translated and rendered: the status says N/N and Translate is enabled again. */
const finished = (page) => waitForView(page, (root) => /^(\d+)\/\1$/.test(root.querySelector('.lucid-t-status').innerText) && !root.querySelector('.lucid-t-go').disabled);
/** Click the Translate panel's `name` button (go, cancel, original, retry), opening the panel first if it is closed. */
async function press(page, name) {
  if (await viewEvaluate(page, (root) => root.querySelector('.lucid-translate').hidden)) await viewClick(page, '[data-action="translate"]');
  await viewClick(page, `.lucid-t-${name}`);
}
const untagged = (text) => squash(text.replaceAll(TAG, ''));

eachBrowser((ctx) => {
  const { test } = ctx;

  async function openReader(pagePath, settings) {
    await ctx.browser.inExtension((s) => chrome.storage.sync.set({ translate: s }), { endpoint: translator.endpoint, target: 'en', ...settings });
    const page = await ctx.browser.open(ctx.url(pagePath));
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await waitInView(page, '.lucid-t-go');
    return page;
  }

  const openSeed = (settings) => openReader(`fixtures/${SEED}/source.html`, settings);

  /**
   * Record the translate/merge messages the reading view sends from now on (an extension page
   * hears every runtime message a content script sends); resolves to a function that reads them:
   * [{ article: whether it carries the segmented article, batch: how many translations }].
   */
  async function recordMerges() {
    await ctx.browser.inExtension(() => {
      globalThis.merges = [];
      if (globalThis.recordingMerges) return;
      globalThis.recordingMerges = true;
      chrome.runtime.onMessage.addListener((message) => {
        if (message?.type === 'translate/merge') globalThis.merges.push({ article: 'segmented' in message, batch: message.batch.length });
      });
    });
    return () => ctx.browser.inExtension(() => globalThis.merges);
  }

  test('nothing is sent before Translate; replace mode translates the seed\'s 14 paragraphs in order; Show original restores', async () => {
    const page = await openSeed({ mode: 'replace' });
    const before = await paragraphs(page);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(fake.sent.length, 0, 'nothing sent before the click');
    await press(page, 'go');
    await finished(page);
    const after = await paragraphs(page);
    assert.equal(after.length, before.length);
    assert.ok(after.every((p) => p.text.startsWith(TAG) && !p.translation), 'every paragraph replaced');
    assert.deepEqual(after.map((p) => untagged(p.text)), before.map((p) => squash(p.text)), 'same paragraphs, same order');
    assert.equal(expected.paragraphs.length, 14);
    let from = 0;
    for (const [i, p] of expected.paragraphs.entries()) {
      const at = after.findIndex((q, k) => k >= from && untagged(q.text) === squash(p));
      assert.ok(at >= 0, `paragraph ${i} missing or out of order: ${p.slice(0, 30)}`);
      assert.ok(after[at].text.startsWith(TAG), `paragraph ${i} not translated`);
      from = at + 1;
    }
    assert.equal(await title(page), TAG + expected.title, 'the title is translated too');
    await press(page, 'original');
    assert.deepEqual(await paragraphs(page), before);
    assert.equal(await title(page), expected.title);
  });

  test('links and emphasis survive translation', async () => {
    const page = await openReader('pages/translate-links.html', { mode: 'replace' });
    const before = await paragraphs(page);
    assert.ok(before.filter((p) => p.links.length).length >= 3, 'the page has linked paragraphs');
    await press(page, 'go');
    await finished(page);
    const after = await paragraphs(page);
    assert.deepEqual(after.map((p) => p.links.map(([href]) => href)), before.map((p) => p.links.map(([href]) => href)));
    assert.deepEqual(after.map((p) => p.links.map(([, text]) => text)), before.map((p) => p.links.map(([, text]) => TAG + text)));
    assert.deepEqual(after.map((p) => p.emphasis), before.map((p) => p.emphasis));
  });

  test('bilingual mode shows each original paragraph followed by its translation', async () => {
    const page = await openSeed({ mode: 'bilingual' });
    const before = await paragraphs(page);
    await press(page, 'go');
    await finished(page);
    const after = await paragraphs(page);
    assert.equal(after.length, 2 * before.length);
    assert.equal(await title(page), `${expected.title}\n${TAG}${expected.title}`, 'the title shows both');
    before.forEach((p, i) => {
      assert.deepEqual(after[2 * i], p, `original ${i} kept`);
      assert.ok(after[2 * i + 1].translation, `translation ${i} marked`);
      assert.ok(after[2 * i + 1].text.startsWith(TAG), `translation ${i} is translated`);
      assert.equal(untagged(after[2 * i + 1].text), squash(p.text), `translation ${i} follows its original`);
    });
    const look = await viewEvaluate(page, (root) => {
      const style = (el) => getComputedStyle(el);
      const [original, translation] = [root.querySelector('.lucid-content p:not(.lucid-translation)'), root.querySelector('.lucid-content p.lucid-translation')];
      return { colours: [style(original).color, style(translation).color], border: style(translation).borderLeftWidth };
    });
    assert.notEqual(look.colours[0], look.colours[1], 'the translation is visually distinct');
    assert.notEqual(look.border, '0px');
  });

  test('cancel mid-way keeps the original intact and the bar usable', async () => {
    fake.fault = 'hang-after-1';
    const page = await openSeed({ mode: 'replace' });
    const before = await paragraphs(page);
    await press(page, 'go');
    await waitForView(page, (root) => /^[1-9]\d*\/15$/.test(root.querySelector('.lucid-t-status').textContent));
    // The second batch is out and will never be answered.
    await new Promise((r) => { const wait = () => (fake.sent.length >= 2 ? r() : setTimeout(wait, 20)); wait(); });
    const partial = await paragraphs(page);
    assert.ok(partial.some((p) => p.text.startsWith(TAG)) && partial.some((p) => !p.text.startsWith(TAG)), 'part of the article is translated');
    await press(page, 'cancel');
    assert.equal(await status(page), 'Cancelled');
    assert.deepEqual(await paragraphs(page), before, 'the original is back, intact');
    assert.equal(await viewVisible(page, '.lucid-t-cancel'), false);
    assert.ok(await viewEvaluate(page, (root) => !root.querySelector('.lucid-t-go').disabled));
    fake.fault = null;
    await press(page, 'go');
    await finished(page);
    assert.ok((await paragraphs(page)).every((p) => p.text.startsWith(TAG)));
    assert.equal(fake.answered.length, SEGMENTS, 'what was translated before the cancel is not sent again');
  });

  for (const fault of ['500', 'malformed', 'half']) {
    test(`${fault}: the original stays, translated parts stay, the failure shows and Retry re-sends only what failed`, async () => {
      fake.fault = fault;
      const page = await openSeed({ mode: 'replace' });
      const before = await paragraphs(page);
      await press(page, 'go');
      await waitInView(page, '.lucid-t-retry:not([hidden])');
      await waitInView(page, '.lucid-t-go:enabled'); // every batch has answered
      const [, failedCount] = (await status(page)).match(/ (\d+) failed: /) ?? [];
      assert.ok(failedCount, await status(page));
      const after = await paragraphs(page);
      assert.deepEqual(after.map((p) => untagged(p.text)), before.map((p) => squash(p.text)), 'nothing lost');
      const translated = after.filter((p) => p.text.startsWith(TAG)).length;
      if (fault === 'half') assert.ok(translated > 0 && translated < before.length, `${translated} translated`);
      else assert.equal(translated, 0);
      assert.equal(Number(failedCount), SEGMENTS - fake.answered.length);

      fake.fault = null;
      const answered = new Set(fake.answered);
      const requestsBefore = fake.sent.length;
      await press(page, 'retry');
      await finished(page);
      assert.equal(await viewVisible(page, '.lucid-t-retry'), false);
      const resent = fake.sent.slice(requestsBefore).flat();
      assert.equal(resent.length, Number(failedCount), 'only the failed segments are sent again');
      assert.ok(resent.every((html) => !answered.has(html)), 'no translated segment is sent again');
      assert.ok((await paragraphs(page)).every((p) => p.text.startsWith(TAG)));
    });
  }

  test('each batch goes to the worker\'s merger alone; another mode sends the article once', async () => {
    const page = await openSeed({ mode: 'replace' });
    const merges = await recordMerges();
    await press(page, 'go');
    await finished(page);
    const translated = await merges();
    assert.ok(translated.length >= 2, `${translated.length} merges`);
    assert.deepEqual(translated.filter((m) => m.article), [], 'no merge carries the article');
    assert.equal(translated.reduce((sum, m) => sum + m.batch, 0), SEGMENTS - 1, 'each content segment sent once (the title is not content)');
    await viewSelect(page, '.lucid-t-mode', 'bilingual');
    await waitForView(page, (root) => root.querySelectorAll('.lucid-content p.lucid-translation').length > 0);
    assert.deepEqual((await merges()).slice(translated.length), [{ article: true, batch: SEGMENTS - 1 }]);
    assert.ok((await paragraphs(page)).filter((p) => p.translation).every((p) => p.text.startsWith(TAG)));
  });

  test('a background stopped mid-translation loses its merger: the view sends the article once more and the translation ends whole', async () => {
    fake.fault = 'hang-after-1';
    const page = await openSeed({ mode: 'replace' });
    const before = await paragraphs(page);
    const merges = await recordMerges();
    await press(page, 'go');
    await new Promise((r) => { const wait = () => (fake.sent.length >= 2 ? r() : setTimeout(wait, 20)); wait(); });
    await ctx.browser.stopBackground(); // the second batch is out: its answer is lost with the worker
    fake.fault = null;
    await waitInView(page, '.lucid-t-retry:not([hidden])');
    await waitInView(page, '.lucid-t-go:enabled');
    await press(page, 'retry');
    await finished(page);
    const after = await paragraphs(page);
    assert.ok(after.every((p) => p.text.startsWith(TAG)), 'every paragraph translated');
    assert.deepEqual(after.map((p) => untagged(p.text)), before.map((p) => squash(p.text)), 'same paragraphs, same order');
    assert.equal(await title(page), TAG + expected.title);
    assert.equal((await merges()).filter((m) => m.article).length, 1, 'the article went back once, to the new worker');
  });

  test('after the background stopped, Translate shows the cached translation again from the view\'s article', async () => {
    const page = await openSeed({ mode: 'replace' });
    await press(page, 'go');
    await finished(page);
    const translated = await paragraphs(page);
    await press(page, 'original');
    const merges = await recordMerges();
    await ctx.browser.stopBackground();
    await press(page, 'go');
    await waitForView(page, (root) => root.querySelector('.lucid-content p').innerText.startsWith('[zh→en] '));
    assert.deepEqual(await paragraphs(page), translated);
    assert.deepEqual(await merges(), [{ article: false, batch: 0 }, { article: true, batch: SEGMENTS - 1 }], 'asked the merger it had, then brought the article');
    assert.equal(sentCount(), SEGMENTS, 'nothing translated twice');
  });

  test('translations are cached for the tab: leaving and reopening the reading view sends nothing new', async () => {
    const page = await openSeed({ mode: 'replace' });
    await press(page, 'go');
    await finished(page);
    const translated = await paragraphs(page);
    const sent = sentCount();
    assert.equal(sent, SEGMENTS);
    await ctx.browser.clickAction(page); // off
    await page.waitForFunction(() => !document.querySelector('lucid-reader'));
    await ctx.browser.clickAction(page); // on again
    await ctx.browser.waitForReader(page);
    assert.ok((await paragraphs(page)).every((p) => !p.text.startsWith(TAG)), 'the view opens on the original');
    await press(page, 'go');
    await finished(page);
    assert.deepEqual(await paragraphs(page), translated);
    assert.equal(sentCount(), sent, 'no segment sent again');
  });
});

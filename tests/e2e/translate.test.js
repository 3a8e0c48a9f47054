// Translation in the reading view against a fake LibreTranslate server on 127.0.0.1. The server
// answers with CORS headers (as LibreTranslate does), so the worker's fetch needs no host
// permission here; neither headless browser can accept the options page's permission prompt. The
// endpoint is set in storage.sync, where the options page keeps it.

import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, eachBrowser, inView, innerTexts, isVisible, squash } from './harness.js';

const SEED = 'seed/netease-apple-tpu';
const expected = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures', SEED, 'expected.json'), 'utf8'));
const TAG = '[zh→en] ';

/** Tag the text inside the HTML, keep the tags: `<a>x</a>` → `<a>[zh→en] x</a>`. */
const tag = (html, prefix) => html.replace(/>([^<]+)</g, (_, t) => `>${prefix}${t}<`).replace(/^([^<]+)/, (t) => prefix + t);

/**
 * The fake service. `fault`: '500', 'malformed', 'half' (answers the first half of each batch),
 * 'hang-after-1' (answers the first request, then never answers). `sent`: the segments of every
 * request, in order; `answered`: the segments it translated.
 */
const fake = { fault: null, sent: [], answered: [], hanging: [] };
const fakeServer = createServer((req, res) => {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };
  if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const { q, source, target } = JSON.parse(body);
    const first = fake.sent.length === 0;
    fake.sent.push(q);
    const headers = { ...cors, 'Content-Type': 'application/json' };
    if (fake.fault === 'hang-after-1' && !first) return fake.hanging.push(res);
    if (fake.fault === '500') return res.writeHead(500, headers).end('{"error":"boom"}');
    if (fake.fault === 'malformed') return res.writeHead(200, headers).end('{"translatedText": [');
    const answered = fake.fault === 'half' ? q.slice(0, Math.ceil(q.length / 2)) : q;
    fake.answered.push(...answered);
    res.writeHead(200, headers).end(JSON.stringify({ translatedText: answered.map((h) => tag(h, `[${source}→${target}] `)) }));
  });
});
const sentCount = () => fake.sent.flat().length;

let endpoint;
before(async () => {
  await new Promise((r) => fakeServer.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${fakeServer.address().port}`;
});
afterEach(() => {
  for (const res of fake.hanging) res.destroy();
  Object.assign(fake, { fault: null, sent: [], answered: [], hanging: [] });
});
after(async () => {
  fakeServer.closeAllConnections();
  await new Promise((r) => fakeServer.close(r));
});

/** The article's paragraphs as shown: text, whether it is a translation, its links and emphasis. */
const paragraphs = (page) => page.evaluate(() => [...document.querySelector('lucid-reader').shadowRoot.querySelectorAll('.lucid-content p')]
  .map((p) => ({
    text: p.innerText.trim(),
    translation: p.classList.contains('lucid-translation'),
    links: [...p.querySelectorAll('a[href]')].map((a) => [a.getAttribute('href'), a.textContent]),
    emphasis: [...p.querySelectorAll('em, strong')].map((e) => e.tagName),
  }))
  .filter((p) => p.text));

const status = async (page) => (await innerTexts(page, inView('.lucid-t-status')))[0];
/** Segments of the seed article: its 14 paragraphs and its title. */
const SEGMENTS = 15;
const title = (page) => page.evaluate(() => document.querySelector('lucid-reader').shadowRoot.querySelector('.lucid-title').innerText.trim());
/** Every segment translated and rendered: the status says N/N and Translate is enabled again. */
const finished = (page) => page.waitForFunction(() => {
  const root = document.querySelector('lucid-reader').shadowRoot;
  return /^(\d+)\/\1$/.test(root.querySelector('.lucid-t-status').innerText) && !root.querySelector('.lucid-t-go').disabled;
});
/** Click the translation bar's `name` button (go, cancel, original, retry). */
const press = (page, name) => page.locator(inView(`.lucid-t-${name}`)).click();
const untagged = (text) => squash(text.replaceAll(TAG, ''));

eachBrowser((ctx) => {
  const { test } = ctx;

  async function openReader(pagePath, settings) {
    await ctx.browser.inExtension((s) => chrome.storage.sync.set({ translate: s }), { endpoint, target: 'en', ...settings });
    const page = await ctx.browser.open(ctx.url(pagePath));
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await page.waitForSelector(inView('.lucid-t-go'));
    return page;
  }

  const openSeed = (settings) => openReader(`fixtures/${SEED}/source.html`, settings);

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
    const look = await page.evaluate(() => {
      const root = document.querySelector('lucid-reader').shadowRoot;
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
    await page.waitForFunction(() => /^[1-9]\d*\/15$/.test(document.querySelector('lucid-reader').shadowRoot.querySelector('.lucid-t-status').textContent));
    // The second batch is out and will never be answered.
    await new Promise((r) => { const wait = () => (fake.sent.length >= 2 ? r() : setTimeout(wait, 20)); wait(); });
    const partial = await paragraphs(page);
    assert.ok(partial.some((p) => p.text.startsWith(TAG)) && partial.some((p) => !p.text.startsWith(TAG)), 'part of the article is translated');
    await press(page, 'cancel');
    assert.equal(await status(page), 'Cancelled');
    assert.deepEqual(await paragraphs(page), before, 'the original is back, intact');
    assert.equal(await isVisible(page, inView('.lucid-t-cancel')), false);
    assert.ok(await page.$eval(inView('.lucid-t-go'), (go) => !go.disabled));
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
      await page.waitForSelector(inView('.lucid-t-retry:not([hidden])'));
      await page.waitForSelector(inView('.lucid-t-go:enabled')); // every batch has answered
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
      assert.equal(await isVisible(page, inView('.lucid-t-retry')), false);
      const resent = fake.sent.slice(requestsBefore).flat();
      assert.equal(resent.length, Number(failedCount), 'only the failed segments are sent again');
      assert.ok(resent.every((html) => !answered.has(html)), 'no translated segment is sent again');
      assert.ok((await paragraphs(page)).every((p) => p.text.startsWith(TAG)));
    });
  }

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

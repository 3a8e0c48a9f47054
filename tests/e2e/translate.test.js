// Translation in the reading view against a fake LibreTranslate server on 127.0.0.1. The server
// answers with CORS headers (as LibreTranslate does), so the worker's fetch needs no host
// permission here; headless Chromium cannot accept the options page's permission prompt.

import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launch, startServer, squash } from './harness.js';

const SEED = 'seed/netease-apple-tpu';
const expected = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures', SEED, 'expected.json'), 'utf8'));

/** Tag the text inside the HTML, keep the tags: `<a>x</a>` → `<a>[zh→en] x</a>`. */
const tag = (html, prefix) => html.replace(/>([^<]+)</g, (_, t) => `>${prefix}${t}<`).replace(/^([^<]+)/, (t) => prefix + t);

let fault = null;
let requests = 0;
const fake = createServer((req, res) => {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };
  if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    requests += 1;
    const { q, source, target } = JSON.parse(body);
    const headers = { ...cors, 'Content-Type': 'application/json' };
    if (fault === '500') return res.writeHead(500, headers).end('{"error":"boom"}');
    if (fault === 'malformed') return res.writeHead(200, headers).end('{"translatedText": [');
    const texts = q.map((h) => tag(h, `[${source}→${target}] `));
    res.writeHead(200, headers).end(JSON.stringify({ translatedText: fault === 'half' ? texts.slice(0, Math.ceil(q.length / 2)) : texts }));
  });
});

let server;
let browser;
let endpoint;
before(async () => {
  await new Promise((r) => fake.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${fake.address().port}`;
  server = await startServer();
  browser = await launch();
});
afterEach(async () => { await browser.closePages(); fault = null; requests = 0; });
after(async () => { await browser?.close(); await server?.close(); await new Promise((r) => fake.close(r)); });

async function openSeed(settings) {
  await browser.worker().evaluate((s) => chrome.storage.sync.set({ translate: s }), { endpoint, target: 'en', ...settings });
  const page = await browser.open(`${server.origin}/fixtures/${SEED}/source.html`);
  await browser.clickAction(page);
  await browser.waitForReader(page);
  return page;
}

const paragraphs = (page) => page.evaluate(() => [...document.querySelector('lucid-reader').shadowRoot.querySelectorAll('.lucid-content p')]
  .map((p) => ({ text: p.innerText.trim(), translation: p.classList.contains('lucid-translation'), links: p.querySelectorAll('a[href]').length })).filter((p) => p.text));

test('nothing is sent before Translate; replace mode translates the 14 paragraphs in order, links kept; original comes back', async () => {
  const page = await openSeed({ mode: 'replace' });
  const before = await paragraphs(page);
  await page.waitForTimeout(300);
  assert.equal(requests, 0);
  await page.locator('.lucid-t-go').click();
  await page.locator('.lucid-t-status').filter({ hasText: /^(\d+)\/\1$/ }).waitFor();
  const after = await paragraphs(page);
  assert.equal(after.length, before.length);
  const tagged = after.map((p) => squash(p.text));
  for (const [i, p] of expected.paragraphs.entries()) {
    const at = tagged.findIndex((t) => t === squash(`[zh→en] ${p}`) || t.replace(/\[zh→en\] /g, '') === squash(p));
    assert.ok(at >= 0 && tagged[at].startsWith('[zh→en]'), `paragraph ${i} not translated: ${p.slice(0, 30)}`);
    if (i) assert.ok(at > tagged.findIndex((t) => t.replace(/\[zh→en\] /g, '') === squash(expected.paragraphs[i - 1])), 'order');
  }
  assert.deepEqual(after.map((p) => p.links), before.map((p) => p.links));
  const sent = requests;
  await page.locator('.lucid-t-original').click();
  assert.deepEqual(await paragraphs(page), before);
  await page.locator('.lucid-t-go').click();
  await page.locator('.lucid-t-original:not([hidden])').waitFor();
  assert.equal(requests, sent, 'cached segments are not sent again');
});

test('bilingual mode shows the original and its translation', async () => {
  const page = await openSeed({ mode: 'bilingual' });
  const before = await paragraphs(page);
  await page.locator('.lucid-t-go').click();
  await page.locator('.lucid-t-status').filter({ hasText: /^(\d+)\/\1$/ }).waitFor();
  const after = await paragraphs(page);
  assert.deepEqual(after.filter((p) => !p.translation).map((p) => p.text), before.map((p) => p.text));
  assert.equal(after.filter((p) => p.translation).length, before.length);
});

for (const mode of ['500', 'malformed', 'half']) {
  test(`${mode}: the original stays, translated parts stay, the error and Retry show`, async () => {
    fault = mode;
    const page = await openSeed({ mode: 'replace' });
    const before = await paragraphs(page);
    await page.locator('.lucid-t-go').click();
    await page.locator('.lucid-t-retry:not([hidden])').waitFor();
    assert.match(await page.locator('.lucid-t-status').innerText(), /failed/);
    const after = await paragraphs(page);
    assert.equal(after.length, before.length);
    const translated = after.filter((p) => p.text.startsWith('[zh→en]')).length;
    assert.ok(mode === 'half' ? translated > 0 && translated < before.length : translated === 0, `${translated} translated`);
    fault = null;
    await page.locator('.lucid-t-retry').click();
    await page.locator('.lucid-t-retry[hidden]').waitFor({ state: 'attached' });
    assert.ok((await paragraphs(page)).every((p) => p.text.startsWith('[zh→en]')));
  });
}

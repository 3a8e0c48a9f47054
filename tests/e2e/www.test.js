// The www demo in each browser: served from 127.0.0.1 by www/serve.mjs (the server
// `./build.sh serve` runs), the extension not involved. Pick the seed sample, read it, explain it; paste a
// hostile page and check nothing in it runs.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, ROOT, eachBrowser, sleep, squash } from './harness.js';
import { startServer } from '../../www/serve.mjs';

const seed = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/seed/netease-apple-tpu/expected.json'), 'utf8'));
const hostile = await readFile(path.join(ROOT, 'tests/e2e/pages/hostile.html'), 'utf8');
await mkdir(ARTIFACTS, { recursive: true });

eachBrowser((ctx) => {
  const { test } = ctx;
  let server;
  let page;
  /** Page errors: the demo must run without any. */
  const errors = [];

  before(async () => {
    assert.ok(existsSync(path.join(ROOT, 'www/pkg/lucid_bg.wasm')), 'www/pkg is missing: run ./build.sh first');
    server = await startServer();
    page = await ctx.browser.open(`${server.origin}/www/`);
    await page.setViewport({ width: 1360, height: 1000 });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.waitForSelector('body[data-ready="true"]');
  });

  after(async () => {
    await server?.close();
  });

  /** What the demo shows: the reading view (in its shadow root), metadata, timing, trace. */
  function shown() {
    return page.evaluate(() => {
      const root = document.getElementById('reader-host').shadowRoot;
      const content = root?.querySelector('.lucid-content');
      return {
        title: root?.querySelector('.lucid-title')?.textContent ?? null,
        paragraphs: [...(content?.querySelectorAll('p') ?? [])].map((p) => p.innerText.trim()).filter(Boolean),
        text: root?.querySelector('.lucid-article')?.innerText ?? '',
        background: root ? getComputedStyle(root.querySelector('.lucid-reader')).backgroundColor : null,
        meta: Object.fromEntries([...document.querySelectorAll('#meta dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
        timing: document.querySelector('#timing .ms')?.textContent ?? null,
        stageTimes: [...document.querySelectorAll('#timing .stages li')].map((li) => li.firstChild.textContent),
        stages: [...document.querySelectorAll('#explain .stage')].map((s) => ({
          stage: s.dataset.stage,
          entries: [...s.querySelectorAll('.trace-entry')].map((li) => li.innerText),
        })),
        status: document.getElementById('status').textContent,
      };
    });
  }

  test('the seed sample: title, paragraphs, metadata, timing and the explain list', async () => {
    await page.select('#sample', 'seed/netease-apple-tpu');
    await page.waitForFunction(() => document.getElementById('reader-host').shadowRoot?.querySelector('.lucid-title'));
    const view = await shown();
    assert.equal(view.title, seed.title);
    assert.equal(squash(view.paragraphs[0]), squash(seed.paragraphs[0]));
    assert.deepEqual(view.paragraphs.map(squash), seed.paragraphs.map(squash));
    for (const clutter of seed.mustNotContain) assert.ok(!squash(view.text).includes(clutter), `clutter shown: ${clutter}`);
    assert.equal(view.meta.Title, seed.title);
    assert.equal(view.meta.Language.split(',')[0].split('-')[0], 'zh');
    assert.match(view.meta.Published, /^2024-07-30/);
    assert.match(view.timing, /^\d+(\.\d)? ms$/);
    assert.deepEqual(view.stageTimes, ['parse', 'metadata', 'prepare', 'score', 'clean', 'resolve', 'sanitize', 'serialize']);

    await page.click('#tab-explain');
    const explained = await shown();
    const entries = explained.stages.flatMap((s) => s.entries);
    assert.ok(entries.length > 0, 'the explain list is empty');
    for (const s of explained.stages) assert.ok(['prepare', 'score', 'clean'].includes(s.stage), `unknown stage ${s.stage}`);
    assert.ok(entries.some((e) => /\d[\d,]* chars|no text/.test(e)), 'entries carry character counts');
    await page.screenshot({ path: path.join(ARTIFACTS, `www-explain-${ctx.name}.png`) });
    await page.click('#tab-read');
    await page.mouse.move(10, 10);
    await page.screenshot({ path: path.join(ARTIFACTS, `www-seed-${ctx.name}.png`) });
  });

  test('a GB18030 sample decodes and reads', async () => {
    const expected = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/netease/money163-2015-1/expected.json'), 'utf8'));
    await page.select('#sample', 'netease/money163-2015-1');
    await page.waitForFunction((title) => document.getElementById('reader-host').shadowRoot?.querySelector('.lucid-title')?.textContent === title, {}, expected.title);
    const view = await shown();
    assert.ok(squash(view.text).includes(squash(expected.paragraphs[0]).slice(0, 30)));
  });

  test('an opened file is decoded by the core\'s rules: a page that declares gb2312 over UTF-8 reads as UTF-8', async () => {
    const fixture = path.join(ROOT, 'tests/fixtures/netease/news163-2019-9');
    const expected = JSON.parse(await readFile(path.join(fixture, 'expected.json'), 'utf8'));
    await (await page.$('#file')).uploadFile(path.join(fixture, 'source.html'));
    await page.waitForFunction((title) => document.getElementById('reader-host').shadowRoot?.querySelector('.lucid-title')?.textContent === title, {}, expected.title);
    assert.ok(squash((await shown()).text).includes(squash(expected.paragraphs[0]).slice(0, 20)));
  });

  test('a file that is not a web page is refused with the core\'s reason', async () => {
    await (await page.$('#file')).uploadFile(path.join(ROOT, 'tests/e2e/pages/save-figure.png'));
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    const view = await shown();
    assert.equal(view.status, 'Lucid could not read save-figure.png: this is not a web page: the input looks like binary data.');
    assert.equal(await page.$eval('#html', (el) => el.value), '', 'nothing decoded into the input');
    assert.equal(await page.$eval('#facts', (el) => el.hidden), true, 'no metadata of an earlier page left showing');
  });

  test('the theme buttons restyle the reading view', async () => {
    await page.click('.theme-dark');
    const dark = await shown();
    await page.click('.theme-light');
    const light = await shown();
    assert.notEqual(dark.background, light.background);
  });

  test('pasted hostile HTML shows its text and runs nothing', async () => {
    // Everything in the hostile page that could run changes window.__hits (its first script resets
    // it to 0, the rest add one); the demo's own origin would be the victim.
    await page.evaluate(() => { window.__hits = 100; });
    await page.$eval('#url', (el) => { el.value = ''; });
    await page.$eval('#html', (el, html) => { el.value = html; }, hostile);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('reader-host').shadowRoot?.querySelector('.lucid-content'));
    // Click every link and element in the view, as a curious reader might.
    const clickable = await page.evaluate(() => document.getElementById('reader-host').shadowRoot.querySelectorAll('a, img, [onclick], button').length);
    for (let i = 0; i < clickable; i += 1) {
      await page.evaluate((n) => {
        const el = document.getElementById('reader-host').shadowRoot.querySelectorAll('a, img, [onclick], button')[n];
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (!el.matches('a[href^="http"]')) el.click();
      }, i);
    }
    await sleep(300);
    const view = await shown();
    assert.ok(view.text.trim().length > 0, 'hostile article text not shown');
    const markup = await page.evaluate(() => document.getElementById('reader-host').shadowRoot.innerHTML);
    assert.doesNotMatch(markup, /<script|\son\w+=|javascript:/i);
    assert.equal(await page.evaluate(() => window.__hits), 100, 'something from the pasted page ran');
    assert.equal(new URL(page.url()).pathname, '/www/');
    assert.deepEqual(errors, []);
  });
}, { keepPages: true });

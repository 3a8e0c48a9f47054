// The extension in a real Chromium: click the toolbar button, read, change settings, leave, and
// check that the page is given back exactly as it was.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS, ROOT, eachBrowser, pageDigest, readerState, sleep, squash, viewClick, viewCount, viewEvaluate, viewVisible, waitForNoReader,
  waitForToast, waitForView,
} from './harness.js';

const SEED = 'tests/fixtures/seed/netease-apple-tpu';
const seedExpected = JSON.parse(await readFile(path.join(ROOT, SEED, 'expected.json'), 'utf8'));
await mkdir(ARTIFACTS, { recursive: true });

eachBrowser((ctx) => {
  const { test, url } = ctx;

  async function resetSettings() {
    await ctx.browser.inExtension(() => chrome.storage.sync.clear());
  }

  async function openReader(pagePath) {
    const page = await ctx.browser.open(url(pagePath));
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    return page;
  }

  async function closeReader(page) {
    await ctx.browser.clickAction(page);
    await waitForNoReader(page);
  }

  /** Click a control in the reading view's appearance panel. */
  async function choose(page, selector) {
    if (!(await viewVisible(page, '.lucid-panel'))) await viewClick(page, '[data-action="appearance"]');
    await viewClick(page, selector);
  }

  /** Wait until the reading view shows `theme`: a setting applies once the extension answers. */
  const themed = (page, theme) => waitForView(page, (root, t) => root.querySelector('.lucid-reader').dataset.theme === t, theme);

  describe('the seed page', () => {
    test('shows the exact title and every paragraph, and none of the page clutter', async () => {
      await resetSettings();
      const page = await openReader(`fixtures/${SEED.slice('tests/fixtures/'.length)}/source.html`);
      const view = await readerState(page);
      assert.equal(view.title, seedExpected.title);
      const text = squash(view.text);
      const first = seedExpected.paragraphs[0];
      const last = seedExpected.paragraphs.at(-1);
      assert.ok(text.includes(first), `first paragraph missing from the reading view:\n${text.slice(0, 300)}`);
      assert.ok(text.includes(last), `last paragraph missing from the reading view:\n${text.slice(-300)}`);
      for (const p of seedExpected.paragraphs) assert.ok(text.includes(p), `paragraph missing: ${p.slice(0, 40)}`);
      const visible = squash(view.articleText);
      for (const clutter of seedExpected.mustNotContain) {
        assert.ok(!visible.includes(clutter), `page clutter shown in the reading view: ${clutter}`);
      }
      assert.match(view.meta, /2024年7月30日/);
      assert.equal(view.lang.split('-')[0], 'zh');

      // The product shot: light and dark, full window.
      await choose(page, '[data-key="theme"][data-value="light"]');
      await themed(page, 'light');
      await viewClick(page, '[data-action="appearance"]'); // close the panel
      await page.mouse.move(640, 600); // no hover highlight in the picture
      await sleep(200);
      await page.screenshot({ path: path.join(ARTIFACTS, `seed-light-${ctx.name}.png`) });
      await choose(page, '[data-key="theme"][data-value="dark"]');
      await themed(page, 'dark');
      await page.screenshot({ path: path.join(ARTIFACTS, `seed-dark-panel-${ctx.name}.png`) });
      await page.keyboard.press('Escape'); // closes the panel first, not the view
      assert.ok(await page.$('lucid-reader'), 'Escape with the panel open closes only the panel');
      assert.equal(await viewVisible(page, '.lucid-panel'), false, 'Escape closes the panel');
      await sleep(200);
      await page.screenshot({ path: path.join(ARTIFACTS, `seed-dark-${ctx.name}.png`) });
      await resetSettings();
      await page.close();
    });

    test('leaves the page exactly as it was, at the same scroll position', async () => {
      const page = await ctx.browser.open(url(`fixtures/${SEED.slice('tests/fixtures/'.length)}/source.html`));
      await page.evaluate(() => window.scrollTo(0, 1800));
      const before = await pageDigest(page);
      assert.ok(before.scroll[1] > 0, 'the seed page scrolls');
      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      await closeReader(page);
      assert.deepEqual(await pageDigest(page), before);
      await page.close();
    });
  });

  describe('settings', () => {
    test('change the rendering live and survive a reload', async () => {
      await resetSettings();
      const page = await openReader('pages/form-article.html');
      const initial = await readerState(page);
      assert.equal(initial.theme, 'system');

      await choose(page, '[data-key="theme"][data-value="sepia"]');
      await choose(page, '[data-key="font"][data-value="serif"]');
      await choose(page, '[data-key="fontSize"][data-step="1"]');
      await choose(page, '[data-key="fontSize"][data-step="1"]');
      await choose(page, '[data-key="width"][data-step="-1"]');
      await choose(page, '[data-key="lineHeight"][data-step="1"]');
      await waitForView(page, (root) => root.querySelector('output[data-key="lineHeight"]').textContent === '1.8');
      const changed = await readerState(page);
      assert.equal(changed.theme, 'sepia');
      assert.equal(changed.background, 'rgb(246, 239, 225)');
      assert.equal(changed.font, 'serif');
      assert.equal(parseFloat(changed.fontSize), parseFloat(initial.fontSize) + 2);
      const measure = (view) => view.columnWidth / parseFloat(view.fontSize);
      assert.ok(measure(changed) < measure(initial), 'a narrower measure, in ems');
      assert.notEqual(changed.lineHeight, initial.lineHeight);

      await page.reload();
      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      const reloaded = await readerState(page);
      for (const key of ['theme', 'font', 'fontSize', 'lineHeight', 'background', 'columnWidth']) {
        assert.equal(reloaded[key], changed[key], key);
      }
      await resetSettings();
      await page.close();
    });
  });

  describe('leaving the reading view', () => {
    test('gives back the DOM, scroll, form input and focus; Escape leaves too', async () => {
      const page = await ctx.browser.open(url('pages/form-article.html'));
      await page.type('#name', 'Ada 艾达');
      await page.type('#text', 'Typed before reading.\nSecond line.');
      await page.click('#agree');
      await page.focus('#text');
      await page.evaluate(() => window.scrollTo({ top: 900, behavior: 'instant' }));
      const before = await pageDigest(page);

      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      await page.mouse.move(640, 600);
      await page.mouse.wheel({ deltaY: 1500 }); // scroll the article, not the page
      await page.keyboard.press('Escape');
      await waitForNoReader(page);
      assert.deepEqual(await pageDigest(page), before);

      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      await viewClick(page, '[data-action="close"]');
      await waitForNoReader(page);
      assert.deepEqual(await pageDigest(page), before);
      await page.close();
    });

    test('twenty toggles leave no residue', async () => {
      const page = await ctx.browser.open(url('pages/form-article.html'));
      await page.evaluate(() => window.scrollTo({ top: 400, behavior: 'instant' }));
      const before = await pageDigest(page);
      for (let i = 0; i < 20; i++) {
        await ctx.browser.clickAction(page);
        await ctx.browser.waitForReader(page);
        await closeReader(page);
      }
      assert.deepEqual(await pageDigest(page), before);
      assert.equal(await page.$('lucid-reader, lucid-toast'), null);
      await page.close();
    });
  });

  describe('pages without an article, and pages the browser keeps', () => {
    test('a page with no article gets a short message, not an empty view', async () => {
      const page = await ctx.browser.open(url('pages/not-article.html'));
      const before = await pageDigest(page);
      await ctx.browser.clickAction(page);
      assert.match(await waitForToast(page, { timeout: 10_000 }), /didn't find an article/);
      assert.equal(await page.$('lucid-reader'), null);
      await page.waitForFunction(() => !document.querySelector('lucid-toast'), { timeout: 10_000 });
      assert.deepEqual(await pageDigest(page), before);
      await page.close();
    });

    test('a browser page is refused with a badge and a title that say why', async () => {
      const page = await ctx.browser.open(ctx.browser.restrictedPage);
      await ctx.browser.clickAction(page);
      const look = await ctx.browser.inExtension(async () => {
        const tabs = await chrome.tabs.query({});
        for (let i = 0; i < 50; i++) {
          for (const tab of tabs) {
            const badge = await chrome.action.getBadgeText({ tabId: tab.id });
            if (badge) return { badge, title: await chrome.action.getTitle({ tabId: tab.id }) };
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        return null;
      });
      assert.ok(look, 'no tab got a badge');
      assert.equal(look.badge, '!');
      assert.match(look.title, /can't run here/);
      await page.close();
    });
  });

  describe('page security policies', () => {
    for (const prefix of ['csp', 'csp-strict']) {
      test(`a page sent with a strict CSP (${prefix}) still gets its reading view`, async () => {
        const page = await ctx.browser.open(url(`${prefix}/fixtures/${SEED.slice('tests/fixtures/'.length)}/source.html`));
        const wasmInPage = await page.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiled', (e) => e.name));
        assert.equal(wasmInPage, 'CompileError', 'the page itself may not run WebAssembly');
        await ctx.browser.clickAction(page);
        await ctx.browser.waitForReader(page);
        const view = await readerState(page);
        assert.equal(view.title, seedExpected.title);
        assert.notEqual(view.background, 'rgba(0, 0, 0, 0)', 'the stylesheet applied');
        await page.close();
      });
    }
  });

  describe('a hostile page', () => {
    test('shows its text and runs nothing, before or after clicking around', async () => {
      const page = await ctx.browser.open(url('pages/hostile.html'));
      await sleep(300); // let the page's own load-time scripts and handlers settle
      const hits = () => page.evaluate(() => window.__hits);
      const atLoad = await hits();
      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      const text = squash((await readerState(page)).text);
      assert.match(text, /Harbour seals spend about half of their lives/);
      assert.match(text, /A link that would run script/);
      await sleep(300);
      assert.equal(await hits(), atLoad, 'entering the reading view ran page code');

      for (const selector of ['a', 'p', 'button', 'summary', 'img']) {
        const all = `.lucid-content ${selector}`;
        for (let nth = 0, count = await viewCount(page, all); nth < count; nth += 1) {
          if (await viewVisible(page, all, nth)) await viewClick(page, all, { nth });
        }
      }
      await sleep(300);
      assert.equal(page.url().includes('hostile.html'), true, 'still on the page');
      assert.equal(await hits(), atLoad, 'clicking in the reading view ran page code');
      const html = await viewEvaluate(page, (root) => root.innerHTML);
      assert.doesNotMatch(html, /<script|javascript:|\son[a-z]+=/i);
      await page.close();
    });
  });

  describe('corpus pages', () => {
    // Three templates: a 2015 163.com page in GB18030, a Guardian page (Readability's suite) and
    // an English business blog (WCXB). Each must open with its title and first words of the body.
    const pages = [
      { path: 'fixtures/netease/money163-2015-1/source.html', gold: 'netease' },
      { path: 'fixtures/readability/guardian-1/source.html', gold: 'readability' },
      { path: 'fixtures/wcxb/article-0043/source.html', gold: 'wcxb' },
    ];

    async function expectations({ path: pagePath, gold }) {
      const dir = path.join(ROOT, 'tests', path.dirname(pagePath));
      if (gold === 'readability') {
        const html = await readFile(path.join(dir, 'expected.html'), 'utf8');
        const first = html.match(/<p[^>]*>([\s\S]*?)<\/p>/)[1].replace(/<[^>]+>/g, '');
        return { snippet: squash(first.replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&')).slice(0, 60) };
      }
      const expected = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8'));
      const first = gold === 'wcxb' ? expected.with[0] : expected.paragraphs[0];
      return { snippet: squash(first).slice(0, 40) };
    }

    for (const corpusPage of pages) {
      test(corpusPage.path, async () => {
        const { snippet } = await expectations(corpusPage);
        const page = await openReader(corpusPage.path);
        const view = await readerState(page);
        assert.ok(view.title?.trim(), 'the view has a title');
        assert.ok(squash(view.text).includes(snippet), `missing "${snippet}" in:\n${squash(view.text).slice(0, 400)}`);
        await page.close();
      });
    }
  });
});

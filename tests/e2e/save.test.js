// Save from the reading view: the HTML copy opens offline with nothing to fetch and no script,
// images embedded as data: URLs; the Markdown copy has front matter and the whole article.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, eachBrowser, innerTexts, sleep, squash, viewClick, viewTexts, viewVisible, waitForToast, waitForView, waitInView } from './harness.js';

const SEED = 'seed/netease-apple-tpu';
const seedExpected = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures', SEED, 'expected.json'), 'utf8'));

function assertInert(text) {
  assert.doesNotMatch(text, /<script/i);
  assert.doesNotMatch(text, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(text, /javascript:/i);
}

eachBrowser((ctx) => {
  const { test, url } = ctx;

  async function openReader(pagePath) {
    const page = await ctx.browser.open(url(pagePath));
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    return page;
  }

  /** Wait until the reading view's save status says the file was saved. */
  const saved = (page) => waitForView(page, (root) => /^Saved /.test(root.querySelector('.lucid-save-status').textContent));

  /**
   * Save from the reading view's menu; resolves to the downloaded { name, file, text }. When the
   * save asks for permission to fetch images from other sites, it is saved without them.
   */
  async function save(page, format) {
    if (!(await viewVisible(page, '.lucid-save-menu'))) await viewClick(page, '[data-action="save-menu"]');
    const download = await ctx.browser.download(async () => {
      await viewClick(page, `[data-action="save"][data-format="${format}"]`);
      const prompt = await waitForView(page, (root) => (/^Saved /.test(root.querySelector('.lucid-save-status').textContent) && 'saved')
        || (root.querySelector('.lucid-save-permission') && 'prompt'));
      if (prompt === 'prompt') await viewClick(page, '.lucid-save-permission [data-action="save-without"]');
    });
    await saved(page);
    return download;
  }

  /** Open a saved HTML copy from disk; resolves to what shows and every http(s) request it made. */
  async function openOffline(file) {
    const requests = [];
    const page = await ctx.browser.open(pathToFileURL(file).href, { requests });
    const shown = await page.evaluate(() => ({
      title: document.querySelector('h1')?.innerText ?? '',
      text: document.body.innerText,
      images: [...document.images].map((img) => ({ src: img.currentSrc || img.src, width: img.naturalWidth })),
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
    }));
    return { page, requests, shown };
  }

  /** A saved HTML copy of the seed page: the whole article, opening offline with nothing to run or fetch. */
  async function assertSeedCopy({ name, file, text }) {
    assert.match(name, /^2024-07-30 .*\.html$/);
    assertInert(text);
    const { requests, shown } = await openOffline(file);
    assert.equal(shown.title, seedExpected.title);
    const body = squash(shown.text);
    for (const p of seedExpected.paragraphs) assert.ok(body.includes(squash(p)), `paragraph missing: ${p.slice(0, 40)}`);
    assert.equal(shown.scripts, 0);
    assert.deepEqual(shown.handlers, []);
    assert.deepEqual(requests, []);
  }

  describe('save from the reading view', () => {
    test('the seed page saves as an HTML copy that opens offline, with nothing to run or fetch', async () => {
      const page = await openReader(`fixtures/${SEED}/source.html`);
      await assertSeedCopy(await save(page, 'html'));
    });

    test('the seed page saves as Markdown with front matter and all 14 paragraphs', async () => {
      const page = await openReader(`fixtures/${SEED}/source.html`);
      const { name, text } = await save(page, 'markdown');
      assert.match(name, /\.md$/);
      assert.match(text, /^---\n[\s\S]*?\n---\n/);
      const front = text.match(/^---\n([\s\S]*?)\n---\n/)[1];
      assert.ok(front.includes(seedExpected.title), 'front matter has the title');
      assert.ok(front.includes(page.url()), 'front matter has the source URL');
      assert.equal(seedExpected.paragraphs.length, 14);
      const body = squash(text);
      for (const p of seedExpected.paragraphs) assert.ok(body.includes(squash(p)), `paragraph missing: ${p.slice(0, 40)}`);
    });

    test('images the page serves are embedded as data: URLs; one that fails stays a link, with the reason', async () => {
      const page = await openReader('pages/save-images.html');
      const { file, text } = await save(page, 'html');
      assertInert(text);
      const { requests, shown } = await openOffline(file);
      assert.deepEqual(requests, []);
      assert.equal(shown.images.length, 1, JSON.stringify(shown.images));
      assert.match(shown.images[0].src, /^data:image\/png;base64,/);
      assert.equal(shown.images[0].width, 40, 'the embedded image decodes');
      assert.ok(text.includes(url('pages/save-missing.png')), 'the missing image is linked');
      assert.match(shown.text, /404/);
    });

    test('a hostile page saves to files with no script, handlers or script URLs', async () => {
      const page = await openReader('pages/hostile.html');
      const hitsBefore = await page.evaluate(() => window.__hits);
      const html = await save(page, 'html');
      const markdown = await save(page, 'markdown');
      assertInert(html.text);
      assert.doesNotMatch(markdown.text, /javascript:/i);
      const { requests, shown } = await openOffline(html.file);
      assert.match(shown.text, /harbour seals/i);
      assert.equal(shown.scripts, 0);
      assert.deepEqual(shown.handlers, []);
      assert.deepEqual(requests, []);
      assert.equal(await page.evaluate(() => window.__hits), hitsBefore, 'saving ran none of the page\'s script');
    });
  });

  describe('images from other sites', () => {
    const PROMPT = '.lucid-save-permission';

    /**
     * The reading view of save-images.html with its missing picture replaced by a real one from a
     * second origin (the same server as http://localhost, which sends no CORS headers), and its
     * Save as HTML clicked.
     */
    async function openTwoOrigins() {
      const other = ctx.server.origin.replace('127.0.0.1', 'localhost');
      const page = await ctx.browser.open(url('pages/save-images.html'));
      const replaced = await page.evaluate((src) => {
        const img = document.querySelector('img[src="/pages/save-missing.png"]');
        if (img) img.src = src;
        return !!img;
      }, `${other}/pages/save-figure.png`);
      assert.ok(replaced, 'save-images.html has its missing picture');
      await ctx.browser.clickAction(page);
      await ctx.browser.waitForReader(page);
      await viewClick(page, '[data-action="save-menu"]');
      await viewClick(page, '[data-action="save"][data-format="html"]');
      await waitInView(page, PROMPT);
      return { page, other };
    }

    /** The downloaded copy embeds the same-origin picture and links the other one, saying why. */
    async function assertLinkedWithoutPermission({ file, text }, other) {
      assertInert(text);
      const { requests, shown } = await openOffline(file);
      assert.deepEqual(requests, []);
      assert.equal(shown.images.length, 1, JSON.stringify(shown.images));
      assert.match(shown.images[0].src, /^data:image\/png;base64,/);
      assert.ok(text.includes(`${other}/pages/save-figure.png`), 'the other site\'s image is linked');
      assert.ok(shown.text.includes(`no permission for ${other}`), shown.text);
    }

    test('Save as HTML asks for permission, naming the other site', async () => {
      const { page, other } = await openTwoOrigins();
      assert.match((await viewTexts(page, PROMPT))[0], /Images from 1 other site need your permission to be saved in the file\./);
      assert.deepEqual(await viewTexts(page, `${PROMPT} li`), [other]);
      assert.deepEqual(await viewTexts(page, `${PROMPT} button`), ['Allow and save', 'Save without them']);
    });

    test('"Save without them" saves at once, the other site\'s image a link with the reason', async () => {
      const { page, other } = await openTwoOrigins();
      const download = await ctx.browser.download(() => viewClick(page, `${PROMPT} [data-action="save-without"]`));
      await assertLinkedWithoutPermission(download, other);
      assert.deepEqual(await viewTexts(page, PROMPT), [], 'the question is gone');
    });

    test('"Allow and save" opens the permission page; "Not now" there still saves the file', async () => {
      const { page, other } = await openTwoOrigins();
      await viewClick(page, `${PROMPT} [data-action="save-allow"]`);
      const popup = await ctx.browser.waitForPage((href) => href.startsWith(`${ctx.browser.origin}/permissions/images.html?`));
      await popup.waitForSelector('#origins li');
      assert.deepEqual(await innerTexts(popup, '#origins li'), [other]);
      const download = await ctx.browser.download(() => popup.click('#not-now'));
      await assertLinkedWithoutPermission(download, other);
    });
  });

  describe("save from the toolbar button's context menu", () => {
    test('both items were created when the extension was installed', async () => {
      const status = await ctx.browser.inExtension(async () => {
        for (let i = 0; i < 50; i++) {
          const { menus } = await chrome.storage.session.get('menus');
          if (menus) return menus;
          await new Promise((r) => setTimeout(r, 100));
        }
        return null;
      });
      assert.deepEqual(status, { 'save-html': 'created', 'save-markdown': 'created' });
    });

    test('"Save article as Markdown" downloads the seed page\'s title and 14 paragraphs, without the reading view', async () => {
      const page = await ctx.browser.open(url(`fixtures/${SEED}/source.html`));
      const { name, text } = await ctx.browser.download(() => ctx.browser.clickMenu(page, 'save-markdown'));
      assert.match(name, /^2024-07-30 .*\.md$/);
      const front = text.match(/^---\n([\s\S]*?)\n---\n/)?.[1] ?? '';
      assert.ok(front.includes(seedExpected.title), 'front matter has the title');
      assert.ok(front.includes(page.url()), 'front matter has the source URL');
      assert.equal(seedExpected.paragraphs.length, 14);
      const body = squash(text);
      for (const p of seedExpected.paragraphs) assert.ok(body.includes(squash(p)), `paragraph missing: ${p.slice(0, 40)}`);
      assert.equal(await page.$('lucid-reader'), null, 'the reading view stayed closed');
    });

    test('"Save article as HTML" downloads a copy that opens offline with the whole article', async () => {
      const page = await ctx.browser.open(url(`fixtures/${SEED}/source.html`));
      await assertSeedCopy(await ctx.browser.download(() => ctx.browser.clickMenu(page, 'save-html')));
    });

    test('a page with no article gets the toolbar\'s message and no download', async () => {
      const page = await ctx.browser.open(url('pages/not-article.html'));
      const before = await ctx.browser.downloads();
      await ctx.browser.clickMenu(page, 'save-markdown');
      assert.match(await waitForToast(page, { timeout: 10_000 }), /didn't find an article/);
      await sleep(500);
      assert.deepEqual(await ctx.browser.downloads(), before);
    });
  });
});

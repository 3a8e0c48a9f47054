// Save from the reading view: the HTML copy opens offline with nothing to fetch and no script,
// images embedded as data: URLs; the Markdown copy has front matter and the whole article.

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launch, squash, startServer, waitForNoReader } from './harness.js';

const SEED = 'seed/netease-apple-tpu';
const seedExpected = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures', SEED, 'expected.json'), 'utf8'));

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

afterEach(async () => {
  await browser.closePages();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openReader(pagePath) {
  const page = await browser.open(`${server.origin}/${pagePath}`);
  await browser.clickAction(page);
  await browser.waitForReader(page);
  return page;
}

/**
 * Save from the reading view's menu; resolves to { name, text } of the downloaded file. When the
 * save asks for permission to fetch images from other sites, it is saved without them.
 */
async function save(page, format) {
  if (!(await page.locator('.lucid-save-menu').isVisible())) await page.locator('[data-action="save-menu"]').click();
  const downloaded = page.waitForEvent('download');
  await page.locator(`[data-action="save"][data-format="${format}"]`).click();
  const prompt = page.locator('.lucid-save-permission');
  await Promise.race([downloaded, prompt.waitFor()]);
  if (await prompt.isVisible()) await prompt.locator('[data-action="save-without"]').click();
  const download = await downloaded;
  const text = await readFile(await download.path(), 'utf8');
  await page.waitForFunction(() => /^Saved /.test(document.querySelector('lucid-reader').shadowRoot.querySelector('.lucid-save-status').textContent));
  return { name: download.suggestedFilename(), text };
}

/** Open a saved HTML copy with the network cut off; resolves to what shows and what was asked for. */
async function openOffline(html) {
  const page = await browser.context.newPage();
  const requests = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  const shown = await page.evaluate(() => ({
    title: document.querySelector('h1')?.innerText ?? '',
    text: document.body.innerText,
    images: [...document.images].map((img) => ({ src: img.currentSrc || img.src, width: img.naturalWidth })),
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
  }));
  return { page, requests, shown };
}

function assertInert(text) {
  assert.doesNotMatch(text, /<script/i);
  assert.doesNotMatch(text, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(text, /javascript:/i);
}

describe('save from the reading view', () => {
  test('the seed page saves as an HTML copy that opens offline, with nothing to run or fetch', async () => {
    const page = await openReader(`fixtures/${SEED}/source.html`);
    const { name, text } = await save(page, 'html');
    assert.match(name, /^2024-07-30 .*\.html$/);
    assertInert(text);
    const { requests, shown } = await openOffline(text);
    assert.equal(shown.title, seedExpected.title);
    const body = squash(shown.text);
    for (const p of seedExpected.paragraphs) assert.ok(body.includes(squash(p)), `paragraph missing: ${p.slice(0, 40)}`);
    assert.equal(shown.scripts, 0);
    assert.deepEqual(shown.handlers, []);
    assert.deepEqual(requests, []);
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
    const { text } = await save(page, 'html');
    assertInert(text);
    const { requests, shown } = await openOffline(text);
    assert.deepEqual(requests, []);
    assert.equal(shown.images.length, 1, JSON.stringify(shown.images));
    assert.match(shown.images[0].src, /^data:image\/png;base64,/);
    assert.equal(shown.images[0].width, 40, 'the embedded image decodes');
    assert.ok(text.includes(`${server.origin}/pages/save-missing.png`), 'the missing image is linked');
    assert.match(shown.text, /404/);
  });

  test('a hostile page saves to files with no script, handlers or script URLs', async () => {
    const page = await openReader('pages/hostile.html');
    const hitsBefore = await page.evaluate(() => window.__hits);
    const html = await save(page, 'html');
    const markdown = await save(page, 'markdown');
    assertInert(html.text);
    assert.doesNotMatch(markdown.text, /javascript:/i);
    const { requests, shown } = await openOffline(html.text);
    assert.match(shown.text, /harbour seals/i);
    assert.equal(shown.scripts, 0);
    assert.deepEqual(shown.handlers, []);
    assert.deepEqual(requests, []);
    assert.equal(await page.evaluate(() => window.__hits), hitsBefore, 'saving ran none of the page\'s script');
  });
});

describe('images from other sites', () => {
  /**
   * The reading view of save-images.html with its missing picture replaced by a real one from a
   * second origin: the same server as http://localhost, which sends no CORS headers.
   */
  async function openTwoOrigins() {
    const other = server.origin.replace('127.0.0.1', 'localhost');
    const source = await readFile(path.join(ROOT, 'tests/e2e/pages/save-images.html'), 'utf8');
    const html = source.replace('/pages/save-missing.png', `${other}/pages/save-figure.png`);
    assert.notEqual(html, source);
    const url = `${server.origin}/pages/save-two-origins.html`;
    const page = await browser.context.newPage();
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    await browser.clickAction(page);
    await browser.waitForReader(page);
    await page.locator('[data-action="save-menu"]').click();
    await page.locator('[data-action="save"][data-format="html"]').click();
    return { page, other, prompt: page.locator('.lucid-save-permission') };
  }

  /** The downloaded copy embeds the same-origin picture and links the other one, saying why. */
  async function assertLinkedWithoutPermission(download, other) {
    const text = await readFile(await download.path(), 'utf8');
    assertInert(text);
    const { requests, shown } = await openOffline(text);
    assert.deepEqual(requests, []);
    assert.equal(shown.images.length, 1, JSON.stringify(shown.images));
    assert.match(shown.images[0].src, /^data:image\/png;base64,/);
    assert.ok(text.includes(`${other}/pages/save-figure.png`), 'the other site\'s image is linked');
    assert.ok(shown.text.includes(`no permission for ${other}`), shown.text);
  }

  test('Save as HTML asks for permission, naming the other site', async () => {
    const { prompt, other } = await openTwoOrigins();
    await prompt.waitFor();
    assert.match(await prompt.innerText(), /Images from 1 other site need your permission to be saved in the file\./);
    assert.deepEqual(await prompt.locator('li').allInnerTexts(), [other]);
    assert.deepEqual(await prompt.locator('button').allInnerTexts(), ['Allow and save', 'Save without them']);
  });

  test('"Save without them" saves at once, the other site\'s image a link with the reason', async () => {
    const { page, prompt, other } = await openTwoOrigins();
    const [download] = await Promise.all([page.waitForEvent('download'), prompt.locator('[data-action="save-without"]').click()]);
    await assertLinkedWithoutPermission(download, other);
    assert.equal(await prompt.count(), 0, 'the question is gone');
  });

  test('"Allow and save" opens the permission page; "Not now" there still saves the file', async () => {
    const { page, prompt, other } = await openTwoOrigins();
    const [popup] = await Promise.all([browser.context.waitForEvent('page'), prompt.locator('[data-action="save-allow"]').click()]);
    await popup.waitForLoadState();
    assert.equal(new URL(popup.url()).pathname, '/permissions/images.html');
    await popup.locator('#origins li').first().waitFor();
    assert.deepEqual(await popup.locator('#origins li').allInnerTexts(), [other]);
    const [download] = await Promise.all([page.waitForEvent('download'), popup.locator('#not-now').click()]);
    await assertLinkedWithoutPermission(download, other);
  });
});

describe("save from the toolbar button's context menu", () => {
  /**
   * Run the menu's click handler for `page`'s tab. CDP cannot click a context menu, so the test
   * calls the worker's handler itself; the activeTab grant a menu click brings comes from a real
   * toolbar click first (clicking twice: the reading view opens, then closes).
   */
  async function clickMenu(page, menuItemId) {
    await browser.clickAction(page);
    await browser.waitForReader(page);
    await browser.clickAction(page);
    await waitForNoReader(page);
    return browser.worker().evaluate(async ({ url, menuItemId }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (!tab) throw new Error(`no tab at ${url}`);
      await globalThis.LucidMenu.click({ menuItemId }, tab);
    }, { url: page.url(), menuItemId });
  }

  test('both items were created when the extension was installed', async () => {
    const status = await browser.worker().evaluate(async () => {
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
    const page = await browser.open(`${server.origin}/fixtures/${SEED}/source.html`);
    const [download] = await Promise.all([page.waitForEvent('download'), clickMenu(page, 'save-markdown')]);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /^2024-07-30 .*\.md$/);
    const front = text.match(/^---\n([\s\S]*?)\n---\n/)?.[1] ?? '';
    assert.ok(front.includes(seedExpected.title), 'front matter has the title');
    assert.ok(front.includes(page.url()), 'front matter has the source URL');
    assert.equal(seedExpected.paragraphs.length, 14);
    const body = squash(text);
    for (const p of seedExpected.paragraphs) assert.ok(body.includes(squash(p)), `paragraph missing: ${p.slice(0, 40)}`);
    assert.equal(await page.locator('lucid-reader').count(), 0, 'the reading view stayed closed');
  });

  test('"Save article as HTML" downloads a copy that opens offline with the whole article', async () => {
    const page = await browser.open(`${server.origin}/fixtures/${SEED}/source.html`);
    const [download] = await Promise.all([page.waitForEvent('download'), clickMenu(page, 'save-html')]);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /^2024-07-30 .*\.html$/);
    assertInert(text);
    const { requests, shown } = await openOffline(text);
    assert.equal(shown.title, seedExpected.title);
    const body = squash(shown.text);
    for (const p of seedExpected.paragraphs) assert.ok(body.includes(squash(p)), `paragraph missing: ${p.slice(0, 40)}`);
    assert.deepEqual(requests, []);
  });

  test('a page with no article gets the toolbar\'s message and no download', async () => {
    const page = await browser.open(`${server.origin}/pages/not-article.html`);
    let downloads = 0;
    page.on('download', () => downloads++);
    await browser.clickAction(page); // the activeTab grant; this click shows the message too
    await page.locator('lucid-toast').waitFor({ state: 'detached', timeout: 10_000 });
    await browser.worker().evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await globalThis.LucidMenu.click({ menuItemId: 'save-markdown' }, tab);
    }, page.url());
    const toast = page.locator('lucid-toast [role="status"]');
    await toast.waitFor({ timeout: 10_000 });
    assert.match(await toast.textContent(), /didn't find an article/);
    assert.equal(downloads, 0);
  });
});

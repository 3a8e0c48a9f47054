// Shared set-up for the browser tests: a static server on 127.0.0.1 for the fixture pages, and
// Debian's Chromium (headless) with the unpacked extension, driven by playwright-core.

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const EXTENSION = path.join(ROOT, 'extension');
export const ARTIFACTS = path.join(here, 'artifacts');
const CHROMIUM = process.env.LUCID_CHROMIUM || '/usr/lib/chromium/chromium';

/** URL prefixes and the folders they serve. */
const MOUNTS = { '/fixtures/': path.join(ROOT, 'tests/fixtures'), '/pages/': path.join(here, 'pages') };

/**
 * Extra headers by URL prefix: `/csp/...` serves the same files as `/...` with a strict CSP, to
 * show the reading view does not depend on what the page allows.
 */
const CSP_PREFIXES = {
  '/csp/': "script-src 'self'",
  '/csp-strict/': "default-src 'none'",
};

/**
 * The charset a page's bytes are in, as its server would have said: the corpus's expected.json
 * names it when it is not UTF-8 (63 netease pages are GB18030), and every other page is UTF-8.
 */
async function charsetOf(file) {
  try {
    const expected = JSON.parse(await readFile(path.join(path.dirname(file), 'expected.json'), 'utf8'));
    return typeof expected.encoding === 'string' ? expected.encoding.toLowerCase() : 'utf-8';
  } catch {
    return 'utf-8';
  }
}

/** Start the fixture server; resolves to { origin, close }. */
export async function startServer() {
  const server = createServer(async (req, res) => {
    let pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = {};
    for (const [prefix, policy] of Object.entries(CSP_PREFIXES)) {
      if (pathname.startsWith(prefix)) {
        headers['Content-Security-Policy'] = policy;
        pathname = pathname.slice(prefix.length - 1);
      }
    }
    const mount = Object.keys(MOUNTS).find((prefix) => pathname.startsWith(prefix));
    const file = mount && path.join(MOUNTS[mount], pathname.slice(mount.length));
    if (!file || !file.startsWith(MOUNTS[mount]) || !(await stat(file).catch(() => null))?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const charset = file.endsWith('.html') ? await charsetOf(file) : null;
    const type = file.endsWith('.html') ? `text/html; charset=${charset}` : file.endsWith('.png') ? 'image/png' : 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(await readFile(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Chromium with the extension loaded. Requests that leave 127.0.0.1 are refused, so saved pages'
 * trackers and ads neither slow the tests nor reach the network.
 */
export async function launch() {
  if (!existsSync(path.join(EXTENSION, 'pkg', 'lucid_bg.wasm'))) {
    throw new Error('extension/pkg is missing: run ./build.sh first');
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'lucid-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--enable-unsafe-extension-debugging',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome|data:|about:)/, (route) => route.abort());
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  const browserSession = await context.browser().newBrowserCDPSession();

  let serial = 0;
  const browser = {
    context,
    extensionId,
    /** The extension's service worker (it may have been restarted since launch). */
    worker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker;
    },
    /** A new tab at `url`; a unique query keeps tabs with the same page apart. */
    async open(url, { waitUntil = 'load' } = {}) {
      const page = await context.newPage();
      const unique = `${url}${url.includes('?') ? '&' : '?'}lucid-e2e=${++serial}`;
      await page.goto(unique, { waitUntil });
      return page;
    },
    /** Click the extension's toolbar button for `page`'s tab, as a user would. */
    async clickAction(page) {
      await page.bringToFront(); // the user clicks the button of the tab they are looking at
      const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    /** Wait until the reading view shows its article in `page`; a timeout says what the worker recorded. */
    async waitForReader(page, timeout = 10_000) {
      try {
        await page.waitForFunction(() => !!document.querySelector('lucid-reader')?.shadowRoot?.querySelector('.lucid-article'), null, { timeout });
      } catch (error) {
        const tabs = await browser.worker().evaluate(() => chrome.storage.session.get(null)).catch((e) => e.message);
        throw new Error(`no reading view in ${page.url()}; the worker's tab records: ${JSON.stringify(tabs)}`, { cause: error });
      }
    },
    /** Close every tab, so that one test's leftovers cannot disturb the next. */
    async closePages() {
      await Promise.all(context.pages().map((page) => page.close()));
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

/** Wait until no reading view is in `page`. */
export function waitForNoReader(page, timeout = 10_000) {
  return page.waitForFunction(() => !document.querySelector('lucid-reader'), null, { timeout });
}

/** What the reading view shows: title, rendered text (innerText: visible text only) and more. */
export function readerState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('lucid-reader')?.shadowRoot;
    if (!root) return null;
    const container = root.querySelector('.lucid-reader');
    const article = root.querySelector('.lucid-article');
    const content = root.querySelector('.lucid-content');
    return {
      title: root.querySelector('.lucid-title')?.textContent ?? null,
      meta: root.querySelector('.lucid-meta')?.innerText ?? null,
      text: content?.innerText ?? '',
      articleText: article?.innerText ?? '',
      paragraphs: [...(content?.querySelectorAll('p') ?? [])].map((p) => p.innerText.trim()).filter(Boolean),
      theme: container?.dataset.theme,
      font: container?.dataset.font,
      background: getComputedStyle(container).backgroundColor,
      fontSize: getComputedStyle(article).fontSize,
      lineHeight: getComputedStyle(article).lineHeight,
      columnWidth: article.getBoundingClientRect().width,
      lang: article.lang,
    };
  });
}

/**
 * Everything about the page a reader must leave as it was: the serialized DOM, form state,
 * scroll position and the focused element.
 */
export function pageDigest(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    forms: [...document.querySelectorAll('input, textarea, select')].map((el) => [el.name || el.id, el.value, el.checked ?? null]),
    scroll: [window.scrollX, window.scrollY],
    focused: document.activeElement?.id || document.activeElement?.tagName || null,
  }));
}

/** White space collapsed, for comparing text across markup. */
export const squash = (text) => text.replace(/\s+/g, ' ').trim();

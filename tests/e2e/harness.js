// Shared set-up for the browser tests: a static server on 127.0.0.1 for the fixture pages, and
// the packed extension (dist/*.zip, what ships) in real, headless browsers driven by
// puppeteer-core: Debian's Chromium over CDP and Firefox ESR over WebDriver BiDi. Every test file
// runs once per browser named in LUCID_BROWSERS (default: chromium,firefox), and each test's name
// ends with the browser it ran in.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer as startStaticServer } from '../../www/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const EXTENSION = path.join(ROOT, 'extension');
export const ARTIFACTS = path.join(here, 'artifacts');
const VIEWPORT = { width: 1280, height: 900 };
const GECKO_ID = 'lucid@lucid-reader.org';
/** Firefox names an add-on's origin by a random UUID; a pref pins it, so tests know the URL. */
const GECKO_UUID = '6c7a1b7e-5b8e-4f8e-9a51-1ec1d0c0ffee';
const PARTIAL_DOWNLOAD = /\.(part|crdownload)$/;

/**
 * What differs between the browsers: the binary, the package, how the extension is installed
 * and where its pages live, how its toolbar button is clicked, and a page it may not touch.
 */
const ENGINES = {
  chromium: {
    label: 'Chromium',
    executable: process.env.LUCID_CHROMIUM || '/usr/lib/chromium/chromium',
    zip: 'lucid-chromium.zip',
    restrictedPage: 'chrome://version/',
    launchBrowser: launchChromium,
  },
  firefox: {
    label: 'Firefox ESR',
    executable: process.env.LUCID_FIREFOX || '/usr/bin/firefox-esr',
    zip: 'lucid-firefox.zip',
    restrictedPage: 'about:robots',
    launchBrowser: launchFirefox,
  },
};

/** The browsers to test in, from LUCID_BROWSERS. */
export const BROWSERS = (process.env.LUCID_BROWSERS || 'chromium,firefox').split(',').map((name) => name.trim()).filter(Boolean);
for (const name of BROWSERS) {
  if (!Object.hasOwn(ENGINES, name)) throw new Error(`LUCID_BROWSERS: unknown browser "${name}" (chromium, firefox)`);
}

/** Where tests write the pages they generate (too large, or too many, to keep in the repository). */
export const GENERATED = path.join(ARTIFACTS, 'generated');
/** URL prefixes and the folders they serve. */
const MOUNTS = { '/fixtures/': path.join(ROOT, 'tests/fixtures'), '/pages/': path.join(here, 'pages'), '/generated/': GENERATED };

/**
 * Extra headers by URL prefix: `/csp/...` serves the same files as `/...` with a strict CSP, to
 * show the reading view does not depend on what the page allows.
 */
const CSP_PREFIXES = {
  '/csp/': "script-src 'self'",
  '/csp-strict/': "default-src 'none'",
};

/**
 * Start the fixture server (www/serve.mjs's): MOUNTS, and each again under every CSP prefix.
 * Resolves to { origin, close }.
 */
export function startServer() {
  const prefixes = ['/', ...Object.keys(CSP_PREFIXES)];
  const mounts = prefixes.flatMap((prefix) => Object.entries(MOUNTS).map(([url, folder]) => [prefix + url.slice(1), folder]));
  const headers = (pathname) => {
    const prefix = Object.keys(CSP_PREFIXES).find((p) => pathname.startsWith(p));
    return prefix ? { 'Content-Security-Policy': CSP_PREFIXES[prefix] } : {};
  };
  return startStaticServer({ mounts, headers });
}

const isLocal = (url) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);

/** A packed extension, checked before a browser is started for it. */
function packageFile(zip) {
  const file = path.join(ROOT, 'dist', zip);
  if (!existsSync(file)) throw new Error(`dist/${zip} is missing: run ./build.sh (or ./build.sh pack) first`);
  return file;
}

/** Chromium loads an unpacked folder only: the zip is unpacked into `scratch`. */
async function launchChromium(engine, scratch, downloads) {
  const unpacked = path.join(scratch, 'extension');
  execFileSync('unzip', ['-q', packageFile(engine.zip), '-d', unpacked]);
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: engine.executable,
    headless: true,
    pipe: true, // Extensions.loadUnpacked is offered over the pipe only
    enableExtensions: true,
    userDataDir: path.join(scratch, 'profile'),
    defaultViewport: VIEWPORT,
    downloadBehavior: { policy: 'allow', downloadPath: downloads },
    args: [
      '--enable-unsafe-extension-debugging', '--disable-component-update',
      // As root (CI and these machines) Chromium runs only without its sandbox.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const id = await browser.installExtension(unpacked);
  const extension = (await browser.extensions()).get(id);
  return {
    browser,
    origin: `chrome-extension://${id}`,
    showPrivilegedPage: (page, url) => page.goto(url),
    clickAction: (page) => extension.triggerAction(page),
    /** DevTools' Stop for the service workers of `extensionPage`'s origin: the extension's. */
    async stopBackground(extensionPage) {
      const session = await extensionPage.createCDPSession();
      try {
        await session.send('ServiceWorker.enable');
        await session.send('ServiceWorker.stopAllWorkers');
      } finally {
        await session.detach();
      }
    },
    /**
     * CDP cannot click a context menu: the worker's handler is called as the menu would call it,
     * after a toolbar click has brought the activeTab grant a menu click brings. That click is
     * undone first: the reading view it opens is closed, the message it shows has gone.
     */
    async clickMenu(page, menuItemId) {
      await extension.triggerAction(page);
      for (const deadline = Date.now() + 10_000; ;) {
        if (await page.$('lucid-toast')) break;
        if (await viewEvaluate(page, (root) => !!root?.querySelector('.lucid-article'))) {
          await extension.triggerAction(page);
          break;
        }
        if (Date.now() > deadline) throw new Error('the toolbar click showed neither the reading view nor a message');
        await sleep(50);
      }
      await page.waitForFunction(() => !document.querySelector('lucid-reader, lucid-toast'), { timeout: 10_000 });
      const [worker] = await extension.workers();
      if (!worker) throw new Error('the extension has no service worker');
      await worker.evaluate(async (url, id) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab) throw new Error(`no tab at ${url}`);
        await globalThis.LucidMenu.click({ menuItemId: id }, tab);
      }, page.url(), menuItemId);
    },
  };
}

/**
 * Firefox installs the zip itself as a temporary add-on. The toolbar button and its context menu
 * are clicked through the browser's own chrome code (system access), as a user's click would be.
 */
async function launchFirefox(engine, scratch, downloads) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: engine.executable,
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: GECKO_UUID }) },
  });
  const bidi = browser.connection;
  await bidi.send('webExtension.install', { extensionData: { type: 'archivePath', path: packageFile(engine.zip) } });
  await bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloads } });
  /** Run `source` (a function body) in the browser window's chrome scope, with `id` the add-on's id. */
  async function inChrome(source) {
    const { result: { contexts } } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const { result } = await bidi.send('script.evaluate', {
      target: { context: contexts[0].context },
      awaitPromise: true,
      expression: `(async (id) => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(id);
        ${source}
      })(${JSON.stringify(GECKO_ID)})`,
    });
    if (result.type === 'exception') throw new Error(`in Firefox's chrome: ${result.exceptionDetails.text}`);
  }
  return {
    browser,
    origin: `moz-extension://${GECKO_UUID}`,
    // Puppeteer's goto waits for navigation events that extension and about: pages never send
    // through BiDi (it times out); BiDi's own navigate says when they are loaded.
    showPrivilegedPage: (page, url) => bidi.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'complete' }),
    async clickAction() {
      // The call Firefox's own button and _execute_action shortcut make, on the selected tab.
      await inChrome('ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);');
    },
    async stopBackground() {
      // What Firefox does to an idle event page.
      await inChrome('await extension.terminateBackground();');
    },
    async clickMenu(page, menuItemId) {
      // Right-click the button (pinned to the toolbar, where a user pins it) and pick the item;
      // Firefox builds the extension's items as the menu shows and grants activeTab on the pick.
      await page.bringToFront();
      await inChrome(`
        const { ExtensionCommon } = ChromeUtils.importESModule('resource://gre/modules/ExtensionCommon.sys.mjs');
        const widgetId = ExtensionCommon.makeWidgetId(id) + '-browser-action';
        CustomizableUI.addWidgetToArea(widgetId, CustomizableUI.AREA_NAVBAR);
        const button = document.getElementById(widgetId);
        const menu = document.getElementById('toolbar-context-menu');
        const shown = new Promise((resolve) => menu.addEventListener('popupshown', resolve, { once: true }));
        const { x, y } = button.getBoundingClientRect();
        button.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2, clientX: x + 4, clientY: y + 4, view: window }));
        await shown;
        const item = [...menu.querySelectorAll('menuitem')].find((el) => el.id.endsWith('-menuitem-_' + ${JSON.stringify(menuItemId)}));
        if (!item) { menu.hidePopup(); throw new Error('no item ' + ${JSON.stringify(menuItemId)} + ' in the context menu'); }
        item.doCommand();
        menu.hidePopup();`);
    },
  };
}

/**
 * Start `name` with the packed extension. The handle it resolves to opens tabs (`open`), clicks
 * the toolbar button (`clickAction`) and its context menu items (`clickMenu`), stops the
 * background (`stopBackground`), runs code in an extension page with the extension's APIs
 * (`inExtension`) and collects downloads (`download`).
 * Requests that leave 127.0.0.1 are answered with an empty 204, so saved pages' trackers and
 * ads neither reach the network nor leave error pages in frames (which Firefox's navigation
 * reports as a failed load).
 */
export async function launch(name) {
  const engine = ENGINES[name];
  const scratch = await mkdtemp(path.join(tmpdir(), `lucid-e2e-${name}-`));
  const downloads = path.join(scratch, 'downloads');
  const driver = await engine.launchBrowser(engine, scratch, downloads);
  const { browser } = driver;
  const extensionPage = await browser.newPage();
  await driver.showPrivilegedPage(extensionPage, `${driver.origin}/options/options.html`);

  /** Each file in the downloads folder and its modification time. */
  async function downloadTimes() {
    const files = await readdir(downloads).catch(() => []);
    return new Map(await Promise.all(files.map(async (file) => [file, (await stat(path.join(downloads, file)).catch(() => null))?.mtimeMs])));
  }

  let serial = 0;
  const handle = {
    name,
    browser,
    origin: driver.origin,
    restrictedPage: engine.restrictedPage,
    /** "Chromium 156.0.8078.114", "Firefox ESR 153.8.0". */
    version: `${engine.label} ${(await browser.version()).split('/').pop()}`,
    /**
     * A new tab at `url`; a unique query keeps tabs with the same page apart. Every http(s)
     * request the tab makes is pushed onto `requests` when given.
     */
    async open(url, { waitUntil = 'load', requests } = {}) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const target = request.url();
        if (/^https?:/.test(target)) requests?.push(target);
        // A request still pending when its tab closes can no longer be answered: that is fine.
        const answer = isLocal(target) || !/^https?:/.test(target) ? request.continue() : request.respond({ status: 204, body: '' });
        answer.catch(() => {});
      });
      if (!/^https?:/.test(url)) {
        await driver.showPrivilegedPage(page, url);
        return page;
      }
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}lucid-e2e=${++serial}`, { waitUntil });
      return page;
    },
    /** Click the extension's toolbar button for `page`'s tab, as a user would. */
    async clickAction(page) {
      await page.bringToFront(); // the user clicks the button of the tab they are looking at
      await driver.clickAction(page);
    },
    /** Pick `menuItemId` from the toolbar button's context menu for `page`'s tab. */
    clickMenu: (page, menuItemId) => driver.clickMenu(page, menuItemId),
    /**
     * Stop the extension's background (Chromium's service worker, Firefox's event page) as the
     * browser may between any two events; the next event starts it again, its globals gone.
     */
    stopBackground: () => driver.stopBackground(extensionPage),
    /** `fn(...args)` in an extension page, where the extension's APIs are (`chrome.*`). */
    inExtension: (fn, ...args) => extensionPage.evaluate(fn, ...args),
    /** Wait until the reading view shows its article in `page`; a timeout says what the worker recorded. */
    async waitForReader(page, timeout = 10_000) {
      try {
        await waitForView(page, (root) => !!root.querySelector('.lucid-article'), null, { timeout });
      } catch (error) {
        const tabs = await handle.inExtension(() => chrome.storage.session.get(null)).catch((e) => e.message);
        throw new Error(`no reading view in ${page.url()} [${name}]; the extension's tab records: ${JSON.stringify(tabs)}`, { cause: error });
      }
    },
    /** The tab (or window) whose address `match(href)` accepts, once it has loaded. */
    async waitForPage(match, timeout = 10_000) {
      for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
          if (href && match(href)) return page;
        }
      }
      throw new Error(`no such page within ${timeout} ms [${name}]`);
    },
    /** The downloads folder's files, each with its modification time: [[name, ms]]. */
    downloads: async () => [...await downloadTimes()].sort(),
    /**
     * Run `trigger` and resolve to the one file it downloads: { name, file, text }. A download is
     * new when its name is or its modification time changed (a browser may overwrite a file of
     * the same name), and complete when no partial file is left.
     */
    async download(trigger, timeout = 15_000) {
      const before = await downloadTimes();
      await trigger();
      for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(50)) {
        const now = await downloadTimes();
        if ([...now.keys()].some((file) => PARTIAL_DOWNLOAD.test(file))) continue;
        const files = [...now].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
        if (!files.length) continue;
        if (files.length > 1) throw new Error(`more than one download: ${files.join(', ')}`);
        const file = path.join(downloads, files[0]);
        const text = await readFile(file, 'utf8');
        if (text) return { name: files[0], file, text };
      }
      throw new Error(`no download within ${timeout} ms [${name}]`);
    },
    /** Close every tab but the extension's page, so that one test's leftovers cannot disturb the next. */
    async closePages() {
      const pages = await browser.pages();
      await Promise.all(pages.filter((page) => page !== extensionPage).map((page) => page.close().catch(() => {})));
    },
    async close() {
      await browser.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
  return handle;
}

/**
 * The suite `body(ctx)` once per browser: `ctx.browser` (see launch) and `ctx.server` are
 * ready in its tests, `ctx.test` names each test with its browser (`… [firefox]`) and
 * `ctx.url(path)` is a fixture server URL. Tabs are closed after each test unless `keepPages`
 * (for a suite whose tests go on in one page).
 */
export function eachBrowser(body, { keepPages = false } = {}) {
  for (const name of BROWSERS) {
    describe(`[${name}]`, () => {
      const ctx = {
        name,
        browser: null,
        server: null,
        url: (p) => `${ctx.server.origin}/${p}`,
        test: (title, ...rest) => test(`${title} [${name}]`, ...rest),
      };
      before(async () => {
        ctx.server = await startServer();
        ctx.browser = await launch(name);
      });
      if (!keepPages) afterEach(() => ctx.browser.closePages());
      after(async () => {
        await ctx.browser?.close();
        await ctx.server?.close();
      });
      body(ctx);
    });
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lucid's own elements on the page (the reading view, its messages) live in closed shadow roots,
 * out of the page's reach and so out of ordinary test selectors' too. Tests see inside the way a
 * browser's devtools do, through the driver: Chromium's DOM.describeNode pierces closed roots and
 * WebDriver BiDi serializes them (includeShadowTree: 'all'); the function then runs in the page
 * with that root. Nothing in the extension opens a door for this.
 */
export const VIEW_HOST = 'lucid-reader';

/**
 * The page expression for the first `host` element, through Document.prototype: a hostile page's
 * `<img name="querySelector">` replaces document.querySelector (named access) for its own script.
 */
const findHost = (host) => `Document.prototype.querySelector.call(document, ${JSON.stringify(host)})`;

/** Runs a function source on the closed root of the first `host` element; JSON in, JSON out. */
const ROOT_CALLERS = {
  /** Chromium: the host element, its closed root's backend node, that node as a page object. */
  cdp: async (page, host, source, argJson) => {
    const session = await cdpSession(page);
    const group = 'lucid-view';
    const fail = (details) => { throw new Error(`in the page: ${details.exception?.description ?? details.text}`); };
    try {
      const { result: hostObject } = await session.send('Runtime.evaluate', { expression: findHost(host), objectGroup: group });
      let rootId = null;
      if (hostObject.objectId) {
        const { node } = await session.send('DOM.describeNode', { objectId: hostObject.objectId, pierce: true, depth: 1 });
        const shadow = node.shadowRoots?.[0];
        if (shadow) rootId = (await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup: group })).object.objectId;
      }
      const body = `(async (root, argJson) => JSON.stringify((await (${source})(root, JSON.parse(argJson))) ?? null))`;
      const reply = rootId
        ? await session.send('Runtime.callFunctionOn', { objectId: rootId, functionDeclaration: `function (argJson) { return ${body}(this, argJson); }`, arguments: [{ value: argJson }], awaitPromise: true, returnByValue: true })
        : await session.send('Runtime.evaluate', { expression: `${body}(null, ${JSON.stringify(argJson)})`, awaitPromise: true, returnByValue: true });
      if (reply.exceptionDetails) fail(reply.exceptionDetails);
      return JSON.parse(reply.result.value);
    } finally {
      await session.send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
    }
  },
  /** Firefox: the host element serialized with its closed root, which goes back in by sharedId. */
  webDriverBiDi: async (page, host, source, argJson) => {
    const bidi = page.browser().connection;
    const target = { context: page.mainFrame()._id };
    const check = ({ result }) => {
      if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
      return result.result;
    };
    const found = check(await bidi.send('script.evaluate', {
      expression: findHost(host), target, awaitPromise: false,
      resultOwnership: 'none', serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    }));
    const shadow = found.type === 'node' ? found.value?.shadowRoot : null;
    const value = check(await bidi.send('script.callFunction', {
      functionDeclaration: `async (root, argJson) => JSON.stringify((await (${source})(root, JSON.parse(argJson))) ?? null)`,
      arguments: [shadow?.sharedId ? { sharedId: shadow.sharedId } : { type: 'null' }, { type: 'string', value: argJson }],
      target, awaitPromise: true, resultOwnership: 'none',
    }));
    return JSON.parse(value.value);
  },
};

const cdpSessions = new WeakMap();
function cdpSession(page) {
  if (!cdpSessions.has(page)) cdpSessions.set(page, page.createCDPSession());
  return cdpSessions.get(page);
}

/** `fn(root, arg)` in the page with the closed root of the first `host` element (null when none). */
export function rootEvaluate(page, host, fn, arg = null) {
  return ROOT_CALLERS[page.browser().protocol](page, host, String(fn), JSON.stringify(arg));
}

/**
 * `fn(root, arg)` evaluated in the page with the reading view's root (null when no view is open).
 * `arg` and the result travel as JSON (undefined comes back as null).
 */
export function viewEvaluate(page, fn, arg = null) {
  return rootEvaluate(page, VIEW_HOST, fn, arg);
}

/**
 * Wait until `fn(root, arg)` is truthy in the reading view (or in the root of `options.host`);
 * resolves to its value. `options.timeout`: ms, 30 s unless given.
 */
export async function waitForView(page, fn, arg = null, { timeout = 30_000, host = VIEW_HOST } = {}) {
  const source = `(root, arg) => !!root && (${fn})(root, arg)`;
  for (const deadline = Date.now() + timeout; ; await sleep(50)) {
    const value = await rootEvaluate(page, host, source, arg).catch((error) => {
      // A navigation or a closing tab between two polls: poll again.
      if (/context|destroyed|navigat|Target closed|No node/i.test(error.message)) return false;
      throw error;
    });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitForView timed out after ${timeout} ms: ${fn}`);
  }
}

/** Wait until `selector` matches in the reading view. */
export const waitInView = (page, selector, options) => waitForView(page, (root, s) => !!root.querySelector(s), selector, options);

/** Whether the `nth` match of `selector` in the reading view is rendered and visible. */
export const viewVisible = (page, selector, nth = 0) => viewEvaluate(page, (root, [s, n]) => {
  const el = root?.querySelectorAll(s)[n];
  return !!el && el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
}, [selector, nth]);

/** The innerText of every match of `selector` in the reading view. */
export const viewTexts = (page, selector) => viewEvaluate(page, (root, s) => [...(root?.querySelectorAll(s) ?? [])].map((el) => el.innerText), selector);

/** How many elements `selector` matches in the reading view. */
export const viewCount = (page, selector) => viewEvaluate(page, (root, s) => root?.querySelectorAll(s).length ?? 0, selector);

/**
 * A real mouse click (the browser's input, trusted) on the `nth` match of `selector` in the
 * reading view (or in the root of `host`), once it is visible and enabled; it is first scrolled into view, and the click
 * fails when something else covers its centre.
 */
export async function viewClick(page, selector, { nth = 0, timeout = 10_000, host = VIEW_HOST } = {}) {
  const point = await waitForView(page, (root, [s, n]) => {
    const el = root.querySelectorAll(s)[n];
    if (!el || el.disabled || !el.checkVisibility({ visibilityProperty: true })) return false;
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    const box = [...el.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    if (!box) return false;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const hit = root.elementFromPoint(x, y);
    return { x, y, covered: !(hit && (hit === el || el.contains(hit))) && (hit?.outerHTML.slice(0, 120) ?? 'nothing') };
  }, [selector, nth], { timeout, host });
  if (point.covered) throw new Error(`${selector} (#${nth}) is covered by ${point.covered}`);
  await page.mouse.click(point.x, point.y);
}

/** Choose `value` in the reading view's <select> `selector`, with the events a user's choice fires. */
export async function viewSelect(page, selector, value) {
  await waitInView(page, selector);
  await viewEvaluate(page, (root, [s, v]) => {
    const select = root.querySelector(s);
    select.value = v;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, value]);
}

/** The text of the message Lucid shows on the page (its toast), once it shows. */
export const waitForToast = (page, options) => waitForView(page, (root) => root.querySelector('[role="status"]')?.textContent, null, { ...options, host: 'lucid-toast' });

/** Whether `selector` matches a visible element. */
export async function isVisible(page, selector) {
  const element = await page.$(selector);
  return element ? element.isVisible() : false;
}

/** The innerText of every element `selector` matches. */
export const innerTexts = (page, selector) => page.$$eval(selector, (elements) => elements.map((el) => el.innerText));

/** Wait until no reading view is in `page`. */
export function waitForNoReader(page, timeout = 10_000) {
  return page.waitForFunction(() => !document.querySelector('lucid-reader'), { timeout });
}

/** What the reading view shows: title, rendered text (innerText: visible text only) and more. */
export function readerState(page) {
  return viewEvaluate(page, (root) => {
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

// The background: on a toolbar click (or Alt+Shift+R, the `_execute_action` command) it
// captures the page, has the WASM core read it in a worker at the extension's origin, where no
// page CSP can block it and where a reading that takes too long can be stopped (lib/reading.js),
// and injects the reading view; a second click takes it away, or cancels a reading under way.
// The button's context menu saves the article (HTML or Markdown) without opening the view.
// The same module runs as Chromium's service worker and as Firefox's event page (which has a
// DOM): it uses only what both have, and keeps its state in storage, since either may be stopped
// between clicks.

import init, { readerStylesheet, splitSegments, TranslationMerger, saveHtml, saveMarkdown, saveFileName, saveImageUrls, __wbg_reset_state as resetWasm } from './pkg/lucid.js';
import { SETTINGS, mergeSettings } from './lib/settings.js';
import { createDispatcher, listener } from './lib/messages.js';
import { isRestrictedUrl } from './lib/pages.js';
import { actionLook, tabKey, tabRecord } from './lib/tabstate.js';
import { imageFetch, savedFile } from './lib/save.js';
import { missingOrigins, permissionQuery } from './lib/image-permissions.js';
import { guardCore } from './lib/core-guard.js';
import { BUDGET_KEY, SLOW_MS, backgroundReadHost, budgetFrom, readResult } from './lib/reading.js';
import { translateService } from './translate/service.js';

/** Injected in this order: shell.js defines what the others share. */
const CONTENT_SCRIPTS = ['content/shell.js', 'content/page-state.js', 'content/save.js', 'content/sentences.js', 'content/read-aloud.js', 'content/contents.js', 'content/reader.js', 'translate/reader-translate.js'];
const SETTINGS_KEY = 'settings';
const GRANT_RETRY_MS = 100;
const NO_ARTICLE = "Lucid didn't find an article on this page.";
/** The toolbar button's context menu: save the article without opening the reading view. */
const SAVE_MENU = Object.freeze({
  'save-html': { title: 'Save article as HTML', format: 'html' },
  'save-markdown': { title: 'Save article as Markdown', format: 'markdown' },
});
/** storage.session key of each menu item's creation outcome (the menus API has no getter). */
const MENU_STATUS_KEY = 'menus';
/** storage.session key of the save that waits for the user's answer on permissions/images.html. */
const pendingSaveKey = (tabId) => `save-pending:${tabId}`;
const PERMISSION_PAGE = 'permissions/images.html';

let coreReady = null;
let uiCssText = null;

/** The core, instantiated once per background life (and again after a trap). */
function core() {
  coreReady ??= init({ module_or_path: chrome.runtime.getURL('pkg/lucid_bg.wasm') }).catch((error) => {
    coreReady = null;
    throw error;
  });
  return coreReady;
}

/** The reading view's frame stylesheet (toolbar, panel), read once per background life. */
async function uiCss() {
  uiCssText ??= await (await fetch(chrome.runtime.getURL('content/reader-ui.css'))).text();
  return uiCssText;
}

async function loadSettings() {
  const stored = await chrome.storage.sync.get(SETTINGS_KEY);
  return mergeSettings(stored[SETTINGS_KEY]);
}

async function updateSettings(patch) {
  const settings = mergeSettings(await loadSettings(), patch);
  await chrome.storage.sync.set({ [SETTINGS_KEY]: settings });
  return settings;
}

async function setTabState(tabId, record) {
  const look = actionLook(record);
  await Promise.all([
    chrome.storage.session.set({ [tabKey(tabId)]: record }),
    chrome.action.setTitle({ tabId, title: look.title }),
    chrome.action.setBadgeText({ tabId, text: look.badge }),
  ]);
}

// Runs in the page (serialized by executeScript): with `closeOpenView`, close the view if it is
// showing; else hand back the page as it is now, scripts' changes included.
function capturePage(closeOpenView) {
  // Own property only: a page element id="LucidReader" shows on window too (see content/shell.js).
  if (closeOpenView && Object.hasOwn(globalThis, 'LucidReader') && globalThis.LucidReader.isOpen()) {
    globalThis.LucidReader.close();
    return { closed: true };
  }
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
  return { html: doctype + document.documentElement.outerHTML, url: location.href };
}

// Runs in the page: a short message that fades away, in its own shadow root.
function showToast(message) {
  const host = document.createElement('lucid-toast');
  host.setAttribute('style', 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; left: 50% !important; bottom: 32px !important; transform: translateX(-50%) !important;');
  const root = host.attachShadow({ mode: 'closed' }); // the page can neither read nor reword it
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = message;
  const style = document.createElement('style');
  style.textContent = `div { font: 14px/1.45 system-ui, "Noto Sans", "PingFang SC", "Noto Sans CJK SC", sans-serif;
    color: #f4f4f2; background: #26282c; padding: 10px 18px; border-radius: 10px; max-width: 70vw;
    box-shadow: 0 8px 24px rgb(0 0 0 / .25); animation: in 150ms ease-out; }
    @keyframes in { from { opacity: 0; transform: translateY(6px); } }`;
  root.append(style, box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 3500);
}

async function inPage(tabId, func, args = []) {
  const [result] = await chrome.scripting.executeScript({ target: { tabId }, func, args });
  return result?.result;
}

/**
 * The page in `tab` (see capturePage), or null when the browser keeps it closed to extensions:
 * then the toolbar button says so.
 */
async function capture(tab, closeOpenView) {
  if (tab.url && isRestrictedUrl(tab.url)) {
    await setTabState(tab.id, tabRecord('restricted', tab.url));
    return null;
  }
  const run = () => inPage(tab.id, capturePage, [closeOpenView]);
  try {
    return await run();
  } catch {
    // On a tab that has only just loaded, the click's activeTab grant can reach the scripting
    // API a few milliseconds late (seen in Chromium with fresh tabs): one more try, shortly.
    await new Promise((resolve) => setTimeout(resolve, GRANT_RETRY_MS));
    try {
      return await run();
    } catch (error) {
      // The browser refuses us the page (a settings page, a store, an error page).
      await setTabState(tab.id, tabRecord('restricted', tab.url, error.message));
      return null;
    }
  }
}

/**
 * Run `call` into the core; a trap (a Rust panic: RuntimeError "unreachable") re-instantiates it
 * for the next call, and the translation mergers that lived in the old module's memory go too.
 */
const guarded = (call) => guardCore(call, () => {
  translation.forget();
  resetWasm();
});

/** The readings under way, by tab: the id their host knows them by. */
const readings = new Map();
const readHost = backgroundReadHost();

/**
 * Run `work(id)`, a reading of tab `tabId` from capture to view, as the tab's reading under way
 * (a second click or the page's Cancel stops it: cancelReading). Past SLOW_MS the page says it
 * is still reading, with a Cancel button, until `work` is done.
 */
async function underWay(tabId, work) {
  const id = crypto.randomUUID();
  readings.set(tabId, id);
  let progress = null;
  const slow = setTimeout(() => {
    progress = chrome.scripting.executeScript({ target: { tabId }, files: ['content/progress.js'] })
      .then(() => inPage(tabId, () => globalThis.LucidProgress.show()));
  }, SLOW_MS);
  try {
    return await work(id);
  } finally {
    clearTimeout(slow);
    readingOver(tabId, id);
    await progress?.then(() => inPage(tabId, () => globalThis.LucidProgress.hide())).catch(() => {});
  }
}

/**
 * Reading `id` of `tabId` has nothing left to cancel: from here a click on the button is a toggle
 * again (a click right after the view shows closes it, one right after a close opens it).
 */
function readingOver(tabId, id) {
  if (readings.get(tabId) === id) readings.delete(tabId);
}

/** Stop the reading under way in `tabId`, if any; answers whether there was one. */
function cancelReading(tabId) {
  const id = readings.get(tabId);
  if (!id) return false;
  readings.delete(tabId);
  readHost.stop(id);
  return true;
}

/**
 * Read a page captured from tab `tabId` in a worker, as reading `id` (see underWay): `{ view }`
 * (null: no article) or `{ cancelled: true }`; throws the message for the user when the reading
 * fails or runs past its budget.
 */
async function extractView(tabId, id, html, url) {
  const budgetMs = budgetFrom((await chrome.storage.local.get(BUDGET_KEY))[BUDGET_KEY]);
  if (readings.get(tabId) !== id) return { cancelled: true }; // cancelled while the page was captured
  const result = await readHost.read({ id, html, url, budgetMs });
  readingOver(tabId, id);
  return readResult(result, budgetMs);
}

async function openReader(tab, page, id) {
  const [reading, css, frameCss, settings] = await Promise.all([
    extractView(tab.id, id, page.html, page.url),
    core().then(() => readerStylesheet()),
    uiCss(),
    loadSettings(),
  ]);
  if (reading.cancelled) {
    await setTabState(tab.id, tabRecord('idle', page.url));
    return;
  }
  const { view } = reading;
  if (!view) {
    await inPage(tab.id, showToast, [NO_ARTICLE]);
    await setTabState(tab.id, tabRecord('idle', page.url));
    return;
  }
  await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: CONTENT_SCRIPTS });
  // The article rides along so that Save can hand it back: the background may be gone by then.
  const payload = { html: view.html, article: view.article, css, uiCss: frameCss, settings, schema: Object.entries(SETTINGS) };
  await inPage(tab.id, (p) => globalThis.LucidReader.open(p), [payload]);
  await setTabState(tab.id, tabRecord('open', page.url));
}

async function toggle(tab) {
  if (cancelReading(tab.id)) return;
  await underWay(tab.id, async (id) => {
    const page = await capture(tab, true);
    if (!page) return;
    if (page.closed) {
      readingOver(tab.id, id);
      await viewClosed(tab);
      return;
    }
    try {
      await openReader(tab, page, id);
    } catch (error) {
      console.error('Lucid:', error);
      await setTabState(tab.id, tabRecord('failed', page.url, error.message));
      await inPage(tab.id, showToast, [error.message]).catch(() => {});
    }
  });
}

/** `LucidSave[method](arg)` in the page in `tabId` (content/save.js, injected unless it is there). */
async function inSaveScript(tabId, method, arg) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ['content/shell.js', 'content/save.js'] });
  return inPage(tabId, (m, a) => globalThis.LucidSave[m](a), [method, arg]);
}

/**
 * The saved copy of `article` in `format` ('html' | 'markdown') from the page at `sourceUrl` in
 * tab `tabId`: { fileName, mime, text }. Images from sites Lucid has no permission for stay
 * links; with `ask`, an HTML copy that has such images is not built and the answer is
 * { needsPermission: [origins], imageUrls }. The page's own images are fetched by the page
 * (imageFetch). `imageUrls`: the copy's images, when a save that asked first goes on (the list
 * is made once per save).
 */
async function buildSave(article, format, { tabId, sourceUrl }, { ask = false, imageUrls } = {}) {
  await core();
  const settings = await loadSettings();
  const images = format === 'html' ? imageUrls ?? saveImageUrls(article) : [];
  const refused = await missingOrigins(images, sourceUrl, (query) => chrome.permissions.contains(query));
  if (ask && refused.length) return { needsPermission: refused, imageUrls: images };
  const fetchImpl = imageFetch(sourceUrl, (url) => inSaveScript(tabId, 'fetchImage', url));
  return savedFile({ saveHtml, saveMarkdown, saveFileName }, { article, format, settings, sourceUrl, imageUrls: images, refused, fetchImpl });
}

/**
 * Keep the save `{ article, format, imageUrls }` of `tab` and open the page that asks for
 * `origins`: the request needs a user gesture in an extension page, which a content script cannot
 * give.
 */
async function askImagePermission(tab, save, origins) {
  if (!tab) throw new Error('no tab to save from');
  await chrome.storage.session.set({ [pendingSaveKey(tab.id)]: { ...save, sourceUrl: tab.url } });
  const url = chrome.runtime.getURL(PERMISSION_PAGE + permissionQuery(tab.id, origins));
  await chrome.windows.create({ type: 'popup', url, width: 420, height: 260 });
}

/**
 * The permission page's answer for `tabId`: build the kept save and download it in its tab. The
 * permissions are checked afresh, so `granted` is only informative: whatever the user allowed is
 * embedded, the rest stays links.
 */
async function finishSave({ tabId }, sender) {
  if (sender.url?.split('?')[0] !== chrome.runtime.getURL(PERMISSION_PAGE)) throw new Error('not from the permission page');
  const key = pendingSaveKey(tabId);
  const { [key]: pending } = await chrome.storage.session.get(key);
  if (!pending) throw new Error('no save is waiting for this tab');
  await chrome.storage.session.remove(key);
  try {
    const file = await buildSave(pending.article, pending.format, { tabId, sourceUrl: pending.sourceUrl }, { imageUrls: pending.imageUrls });
    return await inSaveScript(tabId, 'download', file);
  } catch (error) {
    await inPage(tabId, showToast, [`Not saved: ${error.message}`]).catch(() => {});
    throw error;
  }
}

/** Create the SAVE_MENU items, recording each one's outcome: 'created' or the browser's error. */
async function createMenus() {
  await chrome.contextMenus.removeAll();
  const outcomes = await Promise.all(Object.entries(SAVE_MENU).map(([id, { title }]) => new Promise((resolve) => {
    chrome.contextMenus.create({ id, title, contexts: ['action'] }, () => resolve([id, chrome.runtime.lastError?.message ?? 'created']));
  })));
  await chrome.storage.session.set({ [MENU_STATUS_KEY]: Object.fromEntries(outcomes) });
}

/**
 * A click on a SAVE_MENU item, which grants activeTab as the toolbar click does: capture and
 * extract as the toolbar does, build the file as the reading view's Save does, and download it
 * from the page through content/save.js.
 */
async function saveFromMenu(info, tab) {
  const item = Object.hasOwn(SAVE_MENU, info.menuItemId) ? SAVE_MENU[info.menuItemId] : null;
  if (!item || !tab) return;
  if (cancelReading(tab.id)) return;
  await underWay(tab.id, async (id) => {
    const page = await capture(tab, false);
    if (!page) return;
    try {
      const { view, cancelled } = await extractView(tab.id, id, page.html, page.url);
      if (cancelled) return;
      if (!view) {
        await inPage(tab.id, showToast, [NO_ARTICLE]);
        return;
      }
      await inSaveScript(tab.id, 'download', await buildSave(view.article, item.format, { tabId: tab.id, sourceUrl: page.url }));
    } catch (error) {
      console.error('Lucid:', error);
      await inPage(tab.id, showToast, [error.message]).catch(() => {});
    }
  });
}

const translation = translateService({ core, guard: guarded, splitSegments, TranslationMerger });

/** The reading view in `tab` has closed: its translation merger goes. */
async function viewClosed(tab) {
  translation.release(tab.id);
  await setTabState(tab.id, tabRecord('idle', tab.url));
}

const dispatch = createDispatcher({
  ...translation.handlers,
  'settings/update': ({ patch }) => updateSettings(patch),
  'save': ({ article, format, ask, imageUrls }, sender) => buildSave(article, format, { tabId: sender.tab?.id, sourceUrl: sender.tab?.url }, { ask: ask !== false, imageUrls }),
  'save/ask-permission': ({ article, format, origins, imageUrls }, sender) => askImagePermission(sender.tab, { article, format, imageUrls }, origins),
  'imagePermission': (message, sender) => finishSave(message, sender),
  'reader/closed': (_message, sender) => sender.tab && viewClosed(sender.tab),
  'read/cancel': (_message, sender) => sender.tab && cancelReading(sender.tab.id),
  'options/open': () => chrome.runtime.openOptionsPage(),
});

chrome.action.onClicked.addListener(toggle);
chrome.runtime.onInstalled.addListener(() => createMenus().catch((error) => console.error('Lucid: the menu failed:', error)));
chrome.contextMenus.onClicked.addListener(saveFromMenu);
// For the Chromium tests, which cannot click a context menu (CDP has no way to; Firefox's tests
// click the real one): the same handler.
globalThis.LucidMenu = Object.freeze({ click: saveFromMenu });
// Compile the module and start the spare reading worker as soon as the background starts, not
// on the first click that needs them.
core().catch((error) => console.error('Lucid: the core failed to load:', error));
readHost.prepare();
chrome.runtime.onMessage.addListener(listener(dispatch));
chrome.tabs.onRemoved.addListener((tabId) => {
  translation.release(tabId);
  chrome.storage.session.remove([tabKey(tabId), pendingSaveKey(tabId)]);
});

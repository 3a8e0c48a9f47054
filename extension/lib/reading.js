// Reading a page without ever hanging: the core runs in a worker that can be stopped (see
// lib/read-host.js), a reading that takes a while says so on the page with a Cancel button,
// and one that runs past its budget ends with a message, leaving nothing behind for the next click.

import { TRAP_MESSAGE } from './core-guard.js';
import { readHost } from './read-host.js';

/** How long a reading goes before the page shows "still reading…": past a second, a click with no answer looks broken. */
export const SLOW_MS = 1000;
/**
 * The hard budget of one reading. The core bounds its own work (about 2 s natively on any input,
 * several times that in WebAssembly on a slow machine); 20 s is far past any real page and still
 * short of when a user gives up, or of the 30 s after which a browser may stop an idle background.
 */
export const DEFAULT_BUDGET_MS = 20_000;
/** storage.local key that overrides the budget (ms), for users on slow machines, and for the tests. */
export const BUDGET_KEY = 'readBudgetMs';
const BUDGET_RANGE = [50, 300_000];
/** The `target` of the service worker's messages to Chromium's offscreen reading host. */
export const READ_HOST_TARGET = 'read-host';
const OFFSCREEN_PAGE = 'core/offscreen.html';

/** The budget from storage.local's `readBudgetMs`, or the default for anything out of range. */
export function budgetFrom(stored) {
  return Number.isFinite(stored) && stored >= BUDGET_RANGE[0] && stored <= BUDGET_RANGE[1] ? stored : DEFAULT_BUDGET_MS;
}

export const budgetMessage = (budgetMs) =>
  `Lucid stopped reading this page: it took longer than ${Number((budgetMs / 1000).toFixed(1))} s.`;

/**
 * A host's answer (lib/read-host.js) as the caller wants it: `{ view }` (null: no article),
 * `{ cancelled: true }`, or a thrown Error with a message for the user.
 */
export function readResult(outcome, budgetMs) {
  if (outcome?.stopped === 'cancelled') return { cancelled: true };
  if (outcome?.stopped === 'budget') throw new Error(budgetMessage(budgetMs));
  if (outcome?.error?.trap) throw new Error(TRAP_MESSAGE);
  if (outcome?.error) throw new Error(`Lucid can't read this page: ${outcome.error.message}.`);
  if (!outcome || !('view' in outcome)) throw new Error('Lucid lost its reading of this page. Please try again.');
  return { view: outcome.view };
}

/**
 * The reading host for this background: its own workers where it may start them (Firefox's
 * event page), else (Chromium's service worker) the offscreen document's, reached by message.
 */
export function backgroundReadHost() {
  const urls = { workerUrl: chrome.runtime.getURL('core/read-worker.js'), wasmUrl: chrome.runtime.getURL('pkg/lucid_bg.wasm') };
  if (typeof Worker === 'function') return readHost(urls);
  let creating = null;
  async function ensureDocument() {
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (open.length) return;
    creating ??= chrome.offscreen.createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['WORKERS'],
      justification: 'Reads pages in workers that can be stopped, so that a slow page blocks nothing.',
    }).finally(() => { creating = null; });
    await creating;
  }
  const send = (message) => chrome.runtime.sendMessage({ target: READ_HOST_TARGET, ...message });
  return {
    async read(request) {
      await ensureDocument();
      return send({ type: 'read', ...request });
    },
    stop: (id) => send({ type: 'stop', id }).catch(() => false),
    prepare: () => ensureDocument().then(() => true, () => false),
  };
}

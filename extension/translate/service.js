// The service worker's side of translation: split and merge run in the core here, and a batch
// of segments goes to the chosen provider from here (extension origin, host permission for the
// service's origin). The reading view drives: it asks for one batch at a time, so progress,
// cancel and retry live with the view.
//
// What this side keeps between messages is one merger per tab (the core's TranslationMerger,
// for the open view, its mode and its language), so that a batch costs its own segments and the
// view sends only the new batch, not the whole segmented article again. The worker may be stopped
// between any two messages (Chromium's service worker, Firefox's event page) and lose it: the
// view keeps the segmented article and its translations, and sends them when asked.
//
//   { type: 'translate/split', content, title, view, mode, lang } -> {segments, template, title}
//       `title`: the title's segment or null. Starts the tab's merger for view, mode and lang.
//   { type: 'translate/merge', view, mode, lang, batch, segmented? } -> content HTML, or null
//       when the tab has no merger for that view, mode and lang (the worker was stopped, or
//       the mode or language changed) and `segmented` ({segments, template}) is not given:
//       then ask again with it and every translation so far, which starts a new merger.
//   { type: 'translate/batch', segments, from, to }            -> {results, failed}
//   { type: 'translate/settings', patch?, from?, to? }         -> {target, mode, ready}
//       `target` is '' until the user picks one; `ready`: a service can translate from → to
//       (to: the stored target when not given).

import { TRANSLATE_KEY, pickProvider, translateSettings } from './registry.js';
import { titleSegment } from './segments.js';

async function loadSettings() {
  return translateSettings((await chrome.storage.sync.get(TRANSLATE_KEY))[TRANSLATE_KEY]);
}

/**
 * The translation side of the background: `handlers` for its dispatcher; `release(tabId)` frees
 * the tab's merger (its view closed, the tab went); `forget()` drops every merger unfreed, for
 * when the core is re-instantiated and they belong to the old module's memory. `core` resolves
 * once the WASM is ready; `guard(call)` runs a call into it (lib/core-guard.js).
 */
export function translateService({ core, guard, splitSegments, TranslationMerger }) {
  /** Tab id → { view, mode, lang, merger }. */
  const mergers = new Map();

  function release(tabId) {
    mergers.get(tabId)?.merger.free();
    mergers.delete(tabId);
  }

  /** A new merger for the tab's `view` in `mode` and `lang`, in place of the tab's last one. */
  function start(tabId, { view, mode, lang }, segmented) {
    release(tabId);
    const merger = guard(() => new TranslationMerger(segmented, { mode, lang }));
    mergers.set(tabId, { view, mode, lang, merger });
    return merger;
  }

  /** The tab a message came from: mergers belong to a tab's reading view. */
  function tabOf(sender) {
    if (sender.tab?.id === undefined) throw new Error('translation runs in a tab\'s reading view');
    return sender.tab.id;
  }

  function find(tabId, { view, mode, lang }) {
    const entry = mergers.get(tabId);
    return entry?.view === view && entry.mode === mode && entry.lang === lang ? entry.merger : null;
  }

  const handlers = {
    'translate/split': async ({ content, title, view, mode, lang }, sender) => {
      await core();
      const segmented = guard(() => splitSegments(String(content)));
      start(tabOf(sender), { view, mode, lang }, segmented);
      return { ...segmented, title: titleSegment(title) };
    },
    'translate/merge': async ({ view, mode, lang, batch, segmented }, sender) => {
      await core();
      const key = { view, mode, lang };
      const merger = segmented ? start(tabOf(sender), key, segmented) : find(tabOf(sender), key);
      return merger && guard(() => merger.add(batch));
    },
    'translate/batch': async ({ segments, from, to }) => {
      const provider = await pickProvider(await loadSettings(), { from, to });
      if (!provider) throw new Error('No translation service is set: choose one in Lucid\'s options.');
      return provider.translate(segments, { from, to });
    },
    'translate/settings': async ({ patch, from, to }) => {
      let settings = await loadSettings();
      if (patch && typeof patch === 'object') {
        settings = translateSettings({ ...settings, ...patch, endpoint: settings.endpoint, apiKey: settings.apiKey });
        await chrome.storage.sync.set({ [TRANSLATE_KEY]: settings });
      }
      const ready = (await pickProvider(settings, { from: from || null, to: to || settings.target || 'en' })) !== null;
      return { target: settings.target, mode: settings.mode, ready };
    },
  };
  return { handlers, release, forget: () => mergers.clear() };
}

// The service worker's side of translation: split and merge run in the core here, and a batch
// of segments goes to the chosen provider from here (extension origin, host permission for the
// service's origin). The reading view drives: it asks for one batch at a time, so progress,
// cancel and retry live with the view, and this side keeps no state between messages.
//
//   { type: 'translate/split', html }                          -> {segments, template}
//   { type: 'translate/merge', segmented, translations, mode, lang } -> HTML
//   { type: 'translate/batch', segments, from, to }            -> {provider, results, failed}
//   { type: 'translate/settings', patch? }                     -> {target, mode, configured}

import { TRANSLATE_KEY, pickProvider, translateSettings } from './registry.js';

async function loadSettings() {
  return translateSettings((await chrome.storage.sync.get(TRANSLATE_KEY))[TRANSLATE_KEY]);
}

/** Handlers for the dispatcher in background.js; `core` resolves once the WASM is ready. */
export function translateHandlers({ core, splitSegments, mergeSegments }) {
  return {
    'translate/split': async ({ html }) => {
      await core();
      return splitSegments(String(html));
    },
    'translate/merge': async ({ segmented, translations, mode, lang }) => {
      await core();
      return mergeSegments(segmented, translations, { mode, lang });
    },
    'translate/batch': async ({ segments, from, to }) => {
      const provider = await pickProvider(await loadSettings(), { from, to });
      if (!provider) throw new Error('No translation service is set: choose one in Lucid\'s options.');
      const { results, failed } = await provider.translate(segments, { from, to });
      return { provider: provider.label, results, failed };
    },
    'translate/settings': async ({ patch }) => {
      let settings = await loadSettings();
      if (patch && typeof patch === 'object') {
        settings = translateSettings({ ...settings, ...patch, endpoint: settings.endpoint, apiKey: settings.apiKey });
        await chrome.storage.sync.set({ [TRANSLATE_KEY]: settings });
      }
      return { target: settings.target, mode: settings.mode, configured: Boolean(settings.endpoint) };
    },
  };
}

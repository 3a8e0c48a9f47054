// The translation providers, in order of preference. Adding a provider is one module and one line
// here.
//
// A provider: { available({from, to}): Promise<boolean>,
//   translate(segments: [{id, html, text}], {from, to}) -> Promise<{results: [{id, html}], failed: [{ids, error}]}> }.
// The reading view sends a few segments at a time and shows progress and cancels between them,
// so a provider needs neither a progress callback nor a signal.

import { builtinTranslator } from './builtin.js';
import { libreTranslate } from './libretranslate.js';

export const TRANSLATE_KEY = 'translate';

/**
 * The stored translation settings, completed: off (no endpoint) until the user sets one; no
 * target ('') until the user picks one, so the view offers the browser's language.
 */
export function translateSettings(stored) {
  const s = stored && typeof stored === 'object' ? stored : {};
  return {
    endpoint: typeof s.endpoint === 'string' ? s.endpoint : '',
    apiKey: typeof s.apiKey === 'string' ? s.apiKey : '',
    target: typeof s.target === 'string' ? s.target : '',
    mode: s.mode === 'bilingual' ? 'bilingual' : 'replace',
  };
}

/** Every provider for these settings, in order of preference. */
export function providers(settings) {
  return [builtinTranslator(), libreTranslate({ endpoint: settings.endpoint, apiKey: settings.apiKey })];
}

/** The first available provider, or null. */
export async function pickProvider(settings, languages) {
  for (const provider of providers(settings)) {
    if (await provider.available(languages)) return provider;
  }
  return null;
}

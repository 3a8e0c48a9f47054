// The browser's on-device Translator API (Chrome 138+): nothing leaves the machine. Feature
// detected: where `Translator` is absent (Firefox, older Chromium) or has no model on the device
// for the pair, the provider says it is unavailable. It translates each segment's plain text, so inline markup (links,
// emphasis) is not carried over; the result is escaped for the core's merge.

import { escapeHtml } from './segments.js';

/** The primary subtag of a BCP 47 tag (`zh-Hans-CN` → `zh`), or null. */
export function primaryLanguage(tag) {
  const primary = typeof tag === 'string' ? tag.trim().split(/[-_]/)[0].toLowerCase() : '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * A provider over `api` (the global `Translator` by default; tests pass a stand-in of the same
 * shape). `translate` resolves to `{results, failed}` like the other providers.
 */
export function builtinTranslator(api = globalThis.Translator) {
  return {
    async available({ from, to } = {}) {
      if (!api || typeof api.availability !== 'function' || typeof api.create !== 'function') return false;
      const sourceLanguage = primaryLanguage(from);
      const targetLanguage = primaryLanguage(to);
      if (!sourceLanguage || !targetLanguage) return false;
      try {
        // Only a model already on the device: downloading one needs a user gesture in a page,
        // and in the service worker, where this runs, `create` then never settles (seen in
        // Chromium with 'downloadable').
        return (await api.availability({ sourceLanguage, targetLanguage })) === 'available';
      } catch {
        return false;
      }
    },
    async translate(segments, { from, to } = {}) {
      const sourceLanguage = primaryLanguage(from);
      const targetLanguage = primaryLanguage(to);
      if (!api) throw new Error('this browser has no built-in translator');
      if (!sourceLanguage) throw new Error("the article's language is unknown");
      const translator = await api.create({ sourceLanguage, targetLanguage });
      const results = [];
      const failed = [];
      try {
        for (const segment of segments) {
          try {
            const text = await translator.translate(segment.text);
            results.push({ id: segment.id, html: escapeHtml(String(text)) });
          } catch (error) {
            failed.push({ ids: [segment.id], error: error.message });
          }
        }
      } finally {
        translator.destroy?.();
      }
      return { results, failed };
    },
  };
}

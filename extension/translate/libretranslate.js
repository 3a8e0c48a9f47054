// A LibreTranslate-compatible HTTP endpoint (also the "HTTP hook" for self-hosted services; the
// request and response format is in README.md beside this file). Segments go as HTML, in
// batches, each with its own timeout; a failed batch is reported and the others carry on.

import { primaryLanguage } from './builtin.js';

export const BATCH_SIZE = 20;
export const TIMEOUT_MS = 20_000;

/** Why one batch failed, in words the reading view can show. */
export class BatchError extends Error {}

/** Split `list` into arrays of at most `size` items, in order. */
export function batches(list, size = BATCH_SIZE) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * One request for one batch; resolves to `[{id, html}]` for the segments the service answered
 * (a short answer gives a partial result), throws a BatchError when nothing usable came back.
 */
async function translateBatch(batch, { endpoint, apiKey, from, to, timeoutMs, fetchImpl }) {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const body = { q: batch.map((s) => s.html), source: primaryLanguage(from) ?? 'auto', target: to, format: 'html' };
  if (apiKey) body.api_key = apiKey;
  let response;
  try {
    response = await fetchImpl(`${endpoint.replace(/\/+$/, '')}/translate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: timeout.signal,
    });
    if (!response.ok) {
      const detail = await response.json().then((j) => j?.error, () => null).catch(() => null);
      throw new BatchError(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    let data;
    try {
      data = await response.json();
    } catch {
      throw new BatchError('the service answered with malformed JSON');
    }
    const texts = Array.isArray(data?.translatedText) ? data.translatedText : null;
    if (!texts) throw new BatchError('the answer has no translatedText list');
    const results = [];
    batch.forEach((segment, i) => {
      if (typeof texts[i] === 'string') results.push({ id: segment.id, html: texts[i] });
    });
    if (!results.length) throw new BatchError('the answer holds no translations');
    return results;
  } catch (error) {
    if (error instanceof BatchError) throw error;
    if (timeout.signal.aborted) throw new BatchError(`no answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new BatchError(`the service is unreachable (${error.message})`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A provider for `config` ({endpoint, apiKey}). Its `translate` resolves to
 * `{results, failed: [{ids, error}]}` once every batch has answered or failed. `fetchImpl` and
 * `timeoutMs` are for tests.
 */
export function libreTranslate(config, { fetchImpl = globalThis.fetch, timeoutMs = TIMEOUT_MS } = {}) {
  return {
    async available() {
      return typeof config?.endpoint === 'string' && /^https?:\/\//.test(config.endpoint);
    },
    async translate(segments, { from, to } = {}) {
      const results = [];
      const failed = [];
      for (const batch of batches(segments)) {
        let got = [];
        let error = 'the answer is missing some segments';
        try {
          got = await translateBatch(batch, { endpoint: config.endpoint, apiKey: config.apiKey, from, to, timeoutMs, fetchImpl });
        } catch (e) {
          error = e.message;
        }
        results.push(...got);
        const answered = new Set(got.map((r) => r.id));
        const missing = batch.filter((s) => !answered.has(s.id)).map((s) => s.id);
        if (missing.length) failed.push({ ids: missing, error });
      }
      return { results, failed };
    },
  };
}

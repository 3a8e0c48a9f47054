// The LibreTranslate provider against a fake fetch: batching, timeouts, malformed and partial answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batches, libreTranslate } from '../../extension/translate/libretranslate.js';

const segments = (n) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, html: `<a href="/${i}">p${i}</a>`, text: `p${i}` }));

/** A fake fetch: `answer(body, callIndex)` gives {status, body} or 'hang' (until aborted). */
function fakeFetch(answer) {
  const calls = [];
  const fetchImpl = (url, init) => {
    const body = JSON.parse(init.body);
    calls.push({ url, body });
    const reply = answer(body, calls.length - 1);
    if (reply === 'hang') {
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return Promise.resolve(new Response(text, { status: reply.status ?? 200 }));
  };
  return { calls, fetchImpl };
}

const tagged = (body) => ({ body: { translatedText: body.q.map((q) => `[${body.source}→${body.target}] ${q}`) } });
const provider = (fetchImpl) => libreTranslate({ endpoint: 'http://127.0.0.1:9/', apiKey: 'k' }, { fetchImpl, timeoutMs: 200 });

test('batches of 20, in order, with the documented request body', async () => {
  const { calls, fetchImpl } = fakeFetch(tagged);
  const { results, failed } = await provider(fetchImpl).translate(segments(45), { from: 'zh', to: 'en' });
  assert.deepEqual(calls.map((c) => c.body.q.length), [20, 20, 5]);
  assert.equal(calls[0].url, 'http://127.0.0.1:9/translate');
  assert.deepEqual(Object.keys(calls[0].body).sort(), ['api_key', 'format', 'q', 'source', 'target']);
  assert.equal(calls[0].body.format, 'html');
  assert.deepEqual(results.map((r) => r.id), segments(45).map((s) => s.id));
  assert.equal(results[3].html, '[zh→en] <a href="/3">p3</a>');
  assert.deepEqual(failed, []);
  assert.deepEqual(batches([1, 2, 3], 2), [[1, 2], [3]]);
});

test('no API key: none sent; no endpoint: unavailable', async () => {
  const { calls, fetchImpl } = fakeFetch(tagged);
  await libreTranslate({ endpoint: 'http://h' }, { fetchImpl }).translate(segments(1), { from: 'zh', to: 'en' });
  assert.equal('api_key' in calls[0].body, false);
  assert.equal(await libreTranslate({ endpoint: '' }).available(), false);
  assert.equal(await libreTranslate({ endpoint: 'https://lt.example' }).available(), true);
});

test('a 500, a malformed answer and a timeout fail their batch only', async () => {
  const modes = [{ status: 500, body: { error: 'boom' } }, { body: '{not json' }, 'hang'];
  const { fetchImpl } = fakeFetch((body, i) => (i < 3 ? modes[i] : tagged(body)));
  const { results, failed } = await provider(fetchImpl).translate(segments(70), { from: 'zh', to: 'en' });
  assert.deepEqual(results.map((r) => r.id), segments(70).slice(60).map((s) => s.id));
  assert.equal(failed.length, 3);
  assert.match(failed[0].error, /HTTP 500: boom/);
  assert.match(failed[1].error, /malformed JSON/);
  assert.match(failed[2].error, /no answer within/);
  assert.deepEqual(failed[0].ids, segments(20).map((s) => s.id));
});

test('a partial answer keeps what arrived and reports the rest', async () => {
  const { fetchImpl } = fakeFetch((body) => ({ body: { translatedText: body.q.slice(0, 2) } }));
  const { results, failed } = await provider(fetchImpl).translate(segments(4), { from: 'zh', to: 'en' });
  assert.deepEqual(results.map((r) => r.id), ['s0', 's1']);
  assert.deepEqual(failed, [{ ids: ['s2', 's3'], error: 'the answer is missing some segments' }]);
});

test('the source language goes as its primary subtag, or auto when unknown', async () => {
  const { calls, fetchImpl } = fakeFetch(tagged);
  await provider(fetchImpl).translate(segments(1), { from: 'zh-Hans-CN', to: 'en' });
  await provider(fetchImpl).translate(segments(1), { from: null, to: 'en' });
  assert.deepEqual(calls.map((c) => c.body.source), ['zh', 'auto']);
});

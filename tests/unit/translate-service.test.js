// The worker's translation handlers with the real WebAssembly core (extension/pkg, loaded into
// Node): one merger per tab, batches merged as they come, and a worker that forgot its mergers
// (stopped between messages) rebuilt from what the reading view still has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import init, { TranslationMerger, mergeSegments, splitSegments } from '../../extension/pkg/lucid.js';
import { translateService } from '../../extension/translate/service.js';

await init({ module_or_path: await readFile(new URL('../../extension/pkg/lucid_bg.wasm', import.meta.url)) });

const CONTENT = '<h2>Trees</h2><p>Shade <a href="https://t.example/">cools</a> streets.</p><ul><li>Water</li><li>Room</li></ul><p>Keep a <em>register</em>.</p>';
const TAB = { tab: { id: 7 } };
const translated = (segments) => segments.map((s) => ({ id: s.id, html: `[en] ${s.html}` }));

/** A worker's translation side; `log` counts the mergers it built and freed. */
function worker() {
  const log = { built: 0, freed: 0 };
  class Merger extends TranslationMerger {
    constructor(...args) {
      super(...args);
      log.built += 1;
    }
    free() {
      log.freed += 1;
      super.free();
    }
  }
  const service = translateService({ core: async () => {}, guard: (call) => call(), splitSegments, TranslationMerger: Merger });
  const send = (message, sender = TAB) => service.handlers[message.type](message, sender);
  return { log, service, send };
}

const key = { view: 'v1', mode: 'replace', lang: 'en' };

test('split starts the tab\'s merger; each batch is merged alone and the content has every batch so far', async () => {
  const { log, send } = worker();
  const segmented = await send({ type: 'translate/split', content: CONTENT, title: 'Why & how', ...key });
  assert.equal(segmented.segments.length, 5);
  assert.deepEqual(segmented.title, { id: 'title', html: 'Why &amp; how', text: 'Why & how' });
  const all = translated(segmented.segments);
  const first = await send({ type: 'translate/merge', ...key, batch: all.slice(0, 2) });
  assert.equal(first, mergeSegments(segmented, all.slice(0, 2), { mode: 'replace', lang: 'en' }));
  const whole = await send({ type: 'translate/merge', ...key, batch: all.slice(2) });
  assert.equal(whole, mergeSegments(segmented, all, { mode: 'replace', lang: 'en' }));
  assert.equal(await send({ type: 'translate/merge', ...key, batch: all.slice(0, 1) }), whole, 'a batch sent twice changes nothing');
  assert.deepEqual(log, { built: 1, freed: 0 });
});

test('another view, mode or language has no merger until it brings the article; the one it replaces is freed', async () => {
  const { log, send } = worker();
  const segmented = await send({ type: 'translate/split', content: CONTENT, title: '', ...key });
  assert.equal(segmented.title, null);
  const all = translated(segmented.segments);
  await send({ type: 'translate/merge', ...key, batch: all.slice(0, 3) });
  for (const other of [{ view: 'v2' }, { mode: 'bilingual' }, { lang: 'fr' }]) {
    assert.equal(await send({ type: 'translate/merge', ...key, ...other, batch: all.slice(3) }), null, JSON.stringify(other));
  }
  const { segments, template } = segmented;
  const bilingual = await send({ type: 'translate/merge', ...key, mode: 'bilingual', batch: all.slice(0, 3), segmented: { segments, template } });
  assert.equal(bilingual, mergeSegments(segmented, all.slice(0, 3), { mode: 'bilingual', lang: 'en' }));
  assert.deepEqual(log, { built: 2, freed: 1 });
  assert.equal(await send({ type: 'translate/merge', ...key, batch: [] }), null, 'the replace merger is gone');
});

test('a worker stopped mid-way answers null; the view\'s article and translations rebuild the same content', async () => {
  const before = worker();
  const segmented = await before.send({ type: 'translate/split', content: CONTENT, title: 'T', ...key });
  const all = translated(segmented.segments);
  await before.send({ type: 'translate/merge', ...key, batch: all.slice(0, 2) });

  const after = worker(); // a new background life: no mergers
  assert.equal(await after.send({ type: 'translate/merge', ...key, batch: all.slice(2, 4) }), null);
  const { segments, template } = segmented;
  await after.send({ type: 'translate/merge', ...key, batch: all.slice(0, 4), segmented: { segments, template } });
  const whole = await after.send({ type: 'translate/merge', ...key, batch: all.slice(4) });
  assert.equal(whole, mergeSegments(segmented, all, { mode: 'replace', lang: 'en' }));
});

test('release frees the tab\'s merger, forget drops them all unfreed, and only tabs translate', async () => {
  const { log, service, send } = worker();
  await send({ type: 'translate/split', content: CONTENT, title: 'T', ...key });
  await send({ type: 'translate/split', content: CONTENT, title: 'T', ...key }, { tab: { id: 8 } });
  service.release(7);
  service.release(7);
  assert.deepEqual(log, { built: 2, freed: 1 });
  assert.equal(await send({ type: 'translate/merge', ...key, batch: [] }), null);
  service.forget();
  assert.equal(await send({ type: 'translate/merge', ...key, batch: [] }, { tab: { id: 8 } }), null);
  service.release(8);
  assert.deepEqual(log, { built: 2, freed: 1 }, 'a forgotten merger is not freed: its memory went with the old module');
  await assert.rejects(send({ type: 'translate/split', content: CONTENT, title: 'T', ...key }, {}), /tab's reading view/);
});

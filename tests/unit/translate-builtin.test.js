// The built-in Translator provider against a stand-in with the browser API's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinTranslator, primaryLanguage } from '../../extension/translate/builtin.js';

const SEGMENTS = [
  { id: 's0', html: '<a href="https://x.example/">苹果</a>公司', text: '苹果公司' },
  { id: 's1', html: '<em>a</em> &lt; b', text: 'a < b' },
];

/** A stand-in Translator: records calls, answers `[from→to] text`, fails on text `FAIL`. */
function standIn({ availability = 'available' } = {}) {
  const calls = { availability: [], create: [], translate: [], destroyed: 0 };
  return {
    calls,
    async availability(options) {
      calls.availability.push(options);
      return availability;
    },
    async create(options) {
      calls.create.push(options);
      return {
        async translate(text) {
          calls.translate.push(text);
          if (text === 'FAIL') throw new Error('model error');
          return `[${options.sourceLanguage}→${options.targetLanguage}] ${text}`;
        },
        destroy() { calls.destroyed += 1; },
      };
    },
  };
}

test('absent API: the provider is unavailable', async () => {
  assert.equal(await builtinTranslator(undefined).available({ from: 'zh', to: 'en' }), false);
  assert.equal(await builtinTranslator({}).available(), false);
});

test('available only with a model on the device and a known language pair', async () => {
  const api = standIn();
  assert.equal(await builtinTranslator(api).available({ from: 'zh-Hans-CN', to: 'en-GB' }), true);
  assert.deepEqual(api.calls.availability, [{ sourceLanguage: 'zh', targetLanguage: 'en' }]);
  assert.equal(await builtinTranslator(standIn({ availability: 'unavailable' })).available({ from: 'zh', to: 'en' }), false);
  assert.equal(await builtinTranslator(standIn({ availability: 'downloadable' })).available({ from: 'zh', to: 'en' }), false);
  assert.equal(await builtinTranslator(standIn({ availability: 'downloading' })).available({ from: 'zh', to: 'en' }), false);
  assert.equal(await builtinTranslator(standIn()).available({ from: null, to: 'en' }), false);
});

test('translates each segment\'s text, escaped, in order, and releases the translator', async () => {
  const api = standIn();
  const { results, failed } = await builtinTranslator(api).translate(SEGMENTS, { from: 'zh-CN', to: 'en' });
  assert.deepEqual(api.calls.create.map((c) => [c.sourceLanguage, c.targetLanguage]), [['zh', 'en']]);
  assert.deepEqual(api.calls.translate, ['苹果公司', 'a < b']);
  assert.deepEqual(results, [
    { id: 's0', html: '[zh→en] 苹果公司' },
    { id: 's1', html: '[zh→en] a &lt; b' },
  ]);
  assert.deepEqual(failed, []);
  assert.equal(api.calls.destroyed, 1);
});

test('a failing segment is reported and the others still translate', async () => {
  const segments = [{ id: 's0', html: 'FAIL', text: 'FAIL' }, SEGMENTS[1]];
  const { results, failed } = await builtinTranslator(standIn()).translate(segments, { from: 'en', to: 'zh' });
  assert.deepEqual(results.map((r) => r.id), ['s1']);
  assert.deepEqual(failed, [{ ids: ['s0'], error: 'model error' }]);
});

test('unknown source language is refused; helpers', async () => {
  await assert.rejects(builtinTranslator(standIn()).translate(SEGMENTS, { from: null, to: 'en' }), /language is unknown/);
  assert.equal(primaryLanguage('ZH_cn'), 'zh');
  assert.equal(primaryLanguage(''), null);
});

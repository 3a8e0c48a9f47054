import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, SETTINGS, mergeSettings, validValue } from '../../extension/lib/settings.js';

test('defaults come from the one settings table and are themselves valid', () => {
  assert.deepEqual(Object.keys(DEFAULTS), Object.keys(SETTINGS));
  for (const [key, value] of Object.entries(DEFAULTS)) assert.equal(validValue(key, value), value, key);
});

test('no layers gives the defaults; later layers win key by key', () => {
  assert.deepEqual(mergeSettings(), DEFAULTS);
  const merged = mergeSettings({ theme: 'dark', fontSize: 18 }, { fontSize: 24 });
  assert.deepEqual(merged, { ...DEFAULTS, theme: 'dark', fontSize: 24 });
});

test('invalid, unknown and hostile values are ignored', () => {
  const merged = mergeSettings({
    theme: 'neon', font: 42, fontSize: '22', width: NaN, lineHeight: Infinity,
    extra: 'x', __proto__: { theme: 'dark' }, constructor: 'y',
  });
  assert.deepEqual(merged, DEFAULTS);
  assert.equal(Object.hasOwn(merged, 'extra'), false);
  assert.deepEqual(mergeSettings(null, 'dark', 7, [1, 2]), DEFAULTS);
});

test('numbers are clamped to their range and snapped to their step', () => {
  assert.equal(validValue('fontSize', 1000), SETTINGS.fontSize.max);
  assert.equal(validValue('fontSize', -3), SETTINGS.fontSize.min);
  assert.equal(validValue('fontSize', 19.4), 19);
  assert.equal(validValue('width', 39), 40); // steps of 2 from 24
  // 1.3 + 0.1 * 4 in floating point is 1.7000000000000002: stored values must stay clean.
  assert.equal(validValue('lineHeight', 1.3 + 0.1 * 4), 1.7);
  assert.equal(validValue('lineHeight', DEFAULTS.lineHeight + SETTINGS.lineHeight.step), 1.8);
});

test('a setting name that is not in the table is never valid', () => {
  assert.equal(validValue('toString', 'x'), undefined);
  assert.equal(validValue('__proto__', {}), undefined);
});

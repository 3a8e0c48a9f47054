import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { vectors } from '../hostile/vectors.mjs';

test('vectors.json is what vectors.mjs generates (run `node tests/hostile/vectors.mjs` after a change)', async () => {
  const stored = JSON.parse(await readFile(new URL('../hostile/vectors.json', import.meta.url), 'utf8'));
  assert.deepEqual(stored, vectors());
});

test('at least 500 vectors, names unique, every family well represented', () => {
  const table = vectors();
  assert.ok(table.length >= 500, `${table.length}`);
  assert.equal(new Set(table.map((v) => v.name)).size, table.length);
  const families = new Map();
  for (const { family } of table) families.set(family, (families.get(family) ?? 0) + 1);
  assert.deepEqual([...families.keys()].sort(), ['clobbering', 'css overlays', 'dangling markup', 'encodings', 'mutation xss', 'svg and mathml', 'url schemes']);
  for (const [family, n] of families) assert.ok(n >= 20, `${family}: ${n}`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKS, actionLook, tabKey, tabRecord } from '../../extension/lib/tabstate.js';

test('each tab has its own storage key', () => {
  assert.equal(tabKey(12), 'tab:12');
  assert.notEqual(tabKey(1), tabKey(11));
});

test('records name a known state and survive JSON (storage.session stores JSON)', () => {
  const record = tabRecord('open', 'https://example.org/');
  assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
  assert.equal(record.state, 'open');
  assert.throws(() => tabRecord('opened', 'x'), /unknown tab state/);
});

test('the button looks idle without a record and says why it failed', () => {
  assert.deepEqual(actionLook(undefined), LOOKS.idle);
  assert.equal(actionLook(tabRecord('restricted', 'chrome://settings')).badge, '!');
  const failed = actionLook(tabRecord('failed', 'https://e.example/', 'the page is empty'));
  assert.match(failed.title, /could not read this page: the page is empty$/);
  assert.equal(actionLook(tabRecord('open', 'https://e.example/')).badge, '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TITLE_ID, escapeHtml, titleSegment } from '../../extension/translate/segments.js';

test('escapeHtml makes plain text safe as HTML text', () => {
  assert.equal(escapeHtml('a & <b> "c"'), 'a &amp; &lt;b&gt; "c"');
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});

test('the title is one segment, its text escaped as HTML; no text, no segment', () => {
  assert.deepEqual(titleSegment('Fish & <chips>'), { id: TITLE_ID, html: 'Fish &amp; &lt;chips&gt;', text: 'Fish & <chips>' });
  assert.notEqual(TITLE_ID, 's0', 'never one of the core\'s ids');
  for (const empty of ['', '  \n', null, undefined]) assert.equal(titleSegment(empty), null, JSON.stringify(empty));
});

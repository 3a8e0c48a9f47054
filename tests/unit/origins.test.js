import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originOf, originPattern } from '../../extension/lib/origins.js';

test('originOf: the origin of http(s) URLs, null for everything else', () => {
  assert.equal(originOf('https://news.example/a/story.html?x#y'), 'https://news.example');
  assert.equal(originOf('http://localhost:8080/translate'), 'http://localhost:8080');
  assert.equal(originOf('HTTPS://CDN.Example:443/x.png'), 'https://cdn.example');
  for (const other of ['file:///tmp/page.html', 'data:image/png;base64,AA', 'javascript:alert(1)', 'chrome://version/', 'not a url', '', undefined, null]) {
    assert.equal(originOf(other), null, String(other));
  }
});

test('originPattern: the host permission pattern for an origin', () => {
  assert.equal(originPattern('http://localhost:8080'), 'http://localhost:8080/*');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRestrictedUrl } from '../../extension/lib/pages.js';

test('browser pages and add-on stores are restricted', () => {
  for (const url of [
    'chrome://settings/', 'chrome-extension://abc/options.html', 'about:blank', 'edge://flags',
    'view-source:https://example.org/', 'devtools://devtools/bundled/inspector.html',
    'https://chromewebstore.google.com/detail/x', 'https://chrome.google.com/webstore/category/extensions',
    'https://addons.mozilla.org/en-US/firefox/', 'https://microsoftedge.microsoft.com/addons/detail/x',
    'data:text/html,<p>x', 'moz-extension://uuid/page.html',
  ]) assert.equal(isRestrictedUrl(url), true, url);
});

test('ordinary pages are open, including look-alike hosts and paths', () => {
  for (const url of [
    'https://www.163.com/dy/article/J8F2KQ7R00097U7R.html', 'http://127.0.0.1:8080/page.html',
    'file:///home/me/saved.html', 'https://chrome.google.com/search?q=webstore',
    'https://addons.mozilla.org.example.com/', 'https://example.org/webstore',
  ]) assert.equal(isRestrictedUrl(url), false, url);
});

test('an unparseable address is not declared restricted (the browser decides)', () => {
  assert.equal(isRestrictedUrl(''), false);
  assert.equal(isRestrictedUrl('not a url'), false);
});

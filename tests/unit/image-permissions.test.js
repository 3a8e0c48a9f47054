import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingOrigins, otherOrigins, parsePermissionQuery, permissionQuery } from '../../extension/lib/image-permissions.js';

const PAGE = 'https://news.example/a/story.html';

test('other origins: each once, sorted, never the page\'s own, only http(s)', () => {
  const urls = [
    'https://news.example/img/1.png', 'https://cdn.example/2.png', 'http://cdn.example/3.png',
    'https://cdn.example/4.png', 'https://a.example:8443/5.png', 'data:image/png;base64,AA', 'not a url',
  ];
  assert.deepEqual(otherOrigins(urls, PAGE), ['http://cdn.example', 'https://a.example:8443', 'https://cdn.example']);
  assert.deepEqual(otherOrigins(['https://news.example/x.png'], PAGE), []);
  assert.deepEqual(otherOrigins(['https://news.example/x.png'], undefined), ['https://news.example']);
});

test('missing origins are the ones permissions.contains refuses, asked with a /* pattern', async () => {
  const asked = [];
  const contains = async ({ origins }) => {
    asked.push(...origins);
    if (origins[0].startsWith('https://bad')) throw new Error('invalid pattern');
    return origins[0] === 'https://granted.example/*';
  };
  const urls = ['https://granted.example/1.png', 'https://denied.example/2.png', 'https://bad.example/3.png', `${PAGE}.png`];
  assert.deepEqual(await missingOrigins(urls, PAGE, contains), ['https://bad.example', 'https://denied.example']);
  assert.deepEqual(asked.sort(), ['https://bad.example/*', 'https://denied.example/*', 'https://granted.example/*']);
});

test('the permission page query round-trips, and drops what is not an origin', () => {
  const origins = ['http://localhost:8080', 'https://cdn.example'];
  assert.deepEqual(parsePermissionQuery(permissionQuery(12, origins)), { tabId: 12, origins });
  assert.deepEqual(parsePermissionQuery('?tabId=x&origin=https://a.example/path&origin=javascript:alert(1)&origin=https://b.example'),
    { tabId: null, origins: ['https://b.example'] });
});

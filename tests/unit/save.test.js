import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_IMAGE_BYTES, embedImage, embedImages, embedPermitted, imageFetch, pageOptions, savedFile } from '../../extension/lib/save.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const respond = (body, headers = {}, status = 200) => async () => new Response(body, { status, headers });

test('an image is embedded as a base64 data: URL of its own type', async () => {
  const result = await embedImage('https://x/a.png', respond(png, { 'content-type': 'image/png; charset=binary' }));
  assert.deepEqual(result, { kind: 'embedded', dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` });
});

test('failures become skipped images with a reason, never errors', async () => {
  const cases = [
    [respond('nope', { 'content-type': 'image/png' }, 404), /404/],
    [respond('<html>', { 'content-type': 'text/html' }), /not an image/],
    [respond(new Uint8Array(MAX_IMAGE_BYTES + 1), { 'content-type': 'image/jpeg' }), /2 MB/],
    [async () => { throw new TypeError('Failed to fetch'); }, /could not be downloaded/],
  ];
  for (const [fetchImpl, reason] of cases) {
    const result = await embedImage('https://x/a.png', fetchImpl);
    assert.equal(result.kind, 'skipped');
    assert.match(result.reason, reason);
  }
});

test('every URL gets a result', async () => {
  const urls = Array.from({ length: 9 }, (_, i) => `https://x/${i}.png`);
  const images = await embedImages(urls, respond(png, { 'content-type': 'image/png' }));
  assert.deepEqual(Object.keys(images).sort(), [...urls].sort());
});

test('reader settings map onto the core page options', () => {
  const settings = { theme: 'sepia', font: 'sans', fontSize: 18, width: 40, lineHeight: 1.9 };
  assert.deepEqual(pageOptions(settings, {}, { savedAt: 't' }), {
    theme: 'sepia', font: 'sans', fontSizePx: 18, widthEm: 40, lineHeight: 1.9, images: {}, info: { savedAt: 't' },
  });
});

test('savedFile asks the core for the format and stamps the save time without milliseconds', async () => {
  const calls = [];
  const core = {
    saveHtml: (_a, options) => { calls.push(['html', options.info]); return '<html>'; },
    saveMarkdown: (_a, info) => { calls.push(['md', info]); return '# t'; },
    saveFileName: (_a, ext) => `t.${ext}`,
  };
  const now = new Date('2025-01-31T09:30:00.123Z');
  const md = await savedFile(core, { article: {}, format: 'markdown', settings: {}, sourceUrl: 'https://s/', now });
  assert.deepEqual(md, { fileName: 't.md', mime: 'text/markdown;charset=utf-8', text: '# t' });
  assert.deepEqual(calls[0], ['md', { sourceUrl: 'https://s/', savedAt: '2025-01-31T09:30:00Z' }]);
  await assert.rejects(savedFile(core, { article: {}, format: 'pdf', settings: {} }), /unknown save format/);
});

test('savedFile embeds the image list it is given, and fetches nothing for Markdown', async () => {
  const fetched = [];
  const fetchImpl = async (url) => { fetched.push(url); return new Response(png, { headers: { 'content-type': 'image/png' } }); };
  let images = null;
  const core = {
    saveHtml: (_a, options) => { images = options.images; return '<html>'; },
    saveMarkdown: () => '# t',
    saveFileName: (_a, ext) => `t.${ext}`,
  };
  const imageUrls = ['https://own.example/a.png', 'https://cdn.example/b.png'];
  await savedFile(core, { article: {}, format: 'markdown', settings: {}, imageUrls, fetchImpl });
  assert.deepEqual(fetched, []);
  await savedFile(core, { article: {}, format: 'html', settings: {}, imageUrls, refused: ['https://cdn.example'], fetchImpl });
  assert.deepEqual(fetched, ['https://own.example/a.png']);
  assert.deepEqual(Object.keys(images).sort(), imageUrls.sort());
  assert.equal(images['https://cdn.example/b.png'].kind, 'skipped');
});

test('images on a refused origin stay links with the reason, unfetched; the others are fetched', async () => {
  const fetched = [];
  const fetchImpl = async (url) => { fetched.push(url); return new Response(png, { headers: { 'content-type': 'image/png' } }); };
  const images = await embedPermitted(['https://own.example/a.png', 'https://cdn.example/b.png'], ['https://cdn.example'], fetchImpl);
  assert.deepEqual(fetched, ['https://own.example/a.png']);
  assert.equal(images['https://own.example/a.png'].kind, 'embedded');
  assert.deepEqual(images['https://cdn.example/b.png'], { kind: 'skipped', reason: 'no permission for https://cdn.example' });
});

test("imageFetch sends the page's own images through the page and the rest to fetch", async () => {
  const inPage = [];
  const elsewhere = [];
  const fetchInPage = async (url) => {
    inPage.push(url);
    return url.endsWith('gone.png') ? { status: 404, dataUrl: null } : { status: 200, dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` };
  };
  const fetchImpl = async (url) => {
    elsewhere.push(url);
    return new Response(png, { headers: { 'content-type': 'image/png' } });
  };
  const images = await embedImages(['https://a.test/1.png', 'https://a.test/gone.png', 'https://b.test/2.png'],
    imageFetch('https://a.test/news/1', fetchInPage, fetchImpl));
  assert.deepEqual(inPage.sort(), ['https://a.test/1.png', 'https://a.test/gone.png']);
  assert.deepEqual(elsewhere, ['https://b.test/2.png']);
  const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  assert.deepEqual(images['https://a.test/1.png'], { kind: 'embedded', dataUrl });
  assert.deepEqual(images['https://b.test/2.png'], { kind: 'embedded', dataUrl });
  assert.match(images['https://a.test/gone.png'].reason, /404/);
});

test('imageFetch gives up on a page that does not answer when the save times out', async () => {
  const never = () => new Promise(() => {});
  const controller = new AbortController();
  const pending = imageFetch('https://a.test/', never)('https://a.test/1.png', { signal: controller.signal });
  controller.abort(new DOMException('timed out', 'TimeoutError'));
  await assert.rejects(pending, { name: 'TimeoutError' });
});

// Saving a clean copy of the article the reading view shows: the service worker's half. The
// core writes the file (HTML or Markdown); this module fetches the images an HTML copy embeds
// and hands back { fileName, mime, text } for the page to download.

import { originOf } from './origins.js';

/** Largest image embedded in a saved copy; bigger ones stay links (a copy should stay mailable). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Images fetched at once. */
const FETCH_CONCURRENCY = 4;
/** An image that has not arrived by then is skipped rather than holding up the save. */
const FETCH_TIMEOUT_MS = 15_000;

export const FORMATS = Object.freeze({
  html: { ext: 'html', mime: 'text/html;charset=utf-8' },
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
});

function base64(bytes) {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * One image as `{ kind: 'embedded', dataUrl }` or `{ kind: 'skipped', reason }`: never throws,
 * since a missing image must not stop the save.
 */
export async function embedImage(url, fetchImpl = fetch) {
  try {
    const response = await fetchImpl(url, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return { kind: 'skipped', reason: `the server answered ${response.status}` };
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!type.startsWith('image/')) return { kind: 'skipped', reason: `not an image (${type || 'no type'})` };
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_IMAGE_BYTES) return { kind: 'skipped', reason: 'larger than 2 MB' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_IMAGE_BYTES) return { kind: 'skipped', reason: 'larger than 2 MB' };
    return { kind: 'embedded', dataUrl: `data:${type};base64,${base64(bytes)}` };
  } catch (error) {
    return { kind: 'skipped', reason: `could not be downloaded (${error?.name === 'TimeoutError' ? 'timed out' : 'blocked or offline'})` };
  }
}

/** Every URL's result, at most FETCH_CONCURRENCY fetches at a time. */
export async function embedImages(urls, fetchImpl = fetch) {
  const images = {};
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      images[url] = await embedImage(url, fetchImpl);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, queue.length) }, worker));
  return images;
}

/**
 * `embedImages` for the URLs whose origin is not in `refused`; the others stay links, unfetched,
 * because the user did not let Lucid reach their site.
 */
export async function embedPermitted(urls, refused, fetchImpl = fetch) {
  const blocked = new Set(refused);
  const denied = urls.filter((url) => blocked.has(originOf(url)));
  const images = await embedImages(urls.filter((url) => !blocked.has(originOf(url))), fetchImpl);
  for (const url of denied) images[url] = { kind: 'skipped', reason: `no permission for ${originOf(url)}` };
  return images;
}

/**
 * A fetch for the images of the page at `pageUrl`: those from the page's own origin through
 * `fetchInPage(url)`, which resolves to { status, dataUrl } (null unless the answer was ok); the
 * others through `fetchImpl`. Chromium's activeTab lets the extension fetch from the tab's
 * origin, Firefox's does not; the page itself may, in both. An abort of `signal` ends the wait.
 */
export function imageFetch(pageUrl, fetchInPage, fetchImpl = fetch) {
  const own = originOf(pageUrl);
  return async (url, init = {}) => {
    if (!own || originOf(url) !== own) return fetchImpl(url, init);
    const { signal } = init;
    signal?.throwIfAborted();
    const aborted = new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    const { status, dataUrl } = await Promise.race([fetchInPage(url), aborted]);
    const body = dataUrl ? await (await fetch(dataUrl)).blob() : null;
    return new Response(body, { status, headers: body ? { 'content-type': body.type } : {} });
  };
}

/** The reader settings (lib/settings.js) as the core's page options. */
export function pageOptions(settings, images, info) {
  return {
    theme: settings.theme,
    font: settings.font,
    fontSizePx: settings.fontSize,
    widthEm: settings.width,
    lineHeight: settings.lineHeight,
    images,
    info,
  };
}

/**
 * The file for `article` in `format` ('html' | 'markdown'). `core`: the WASM bindings
 * { saveHtml, saveMarkdown, saveFileName }; `imageUrls`: the images an HTML copy embeds (the
 * core's saveImageUrls, made once per save by the caller, which needs them first to ask for
 * permissions); `refused`: origins whose images are not fetched (see embedPermitted); `now`: a
 * Date.
 */
export async function savedFile(core, { article, format, settings, sourceUrl, imageUrls = [], refused = [], now = new Date(), fetchImpl = fetch }) {
  const spec = Object.hasOwn(FORMATS, format) ? FORMATS[format] : null;
  if (!spec) throw new Error(`unknown save format: ${String(format)}`);
  const info = { sourceUrl: sourceUrl ?? null, savedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const text = format === 'html'
    ? core.saveHtml(article, pageOptions(settings, await embedPermitted(imageUrls, refused, fetchImpl), info))
    : core.saveMarkdown(article, info);
  return { fileName: core.saveFileName(article, spec.ext), mime: spec.mime, text };
}

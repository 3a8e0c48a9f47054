// Pages an extension may not touch. Browsers refuse script injection into their own pages and
// their add-on stores; knowing that up front lets us say so instead of failing silently.

const OPEN_SCHEMES = new Set(['http:', 'https:', 'file:']);

const STORE_PAGES = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** True when the browser will not let an extension run in a page at `url`. */
export function isRestrictedUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false; // Unknown: try, and report the browser's refusal if it comes.
  }
  if (!OPEN_SCHEMES.has(parsed.protocol)) return true;
  return STORE_PAGES.some(([host, path]) => parsed.hostname === host && parsed.pathname.startsWith(path));
}

// Images an HTML copy embeds may live on other sites, which the worker can fetch only with the
// user's permission for them (activeTab covers the tab's own origin alone). These helpers find
// the origins still to ask for and carry them to and from the page that asks
// (permissions/images.html).

import { originOf, originPattern } from './origins.js';

/** The http(s) origins of `urls` other than `pageUrl`'s, each once, sorted. */
export function otherOrigins(urls, pageUrl) {
  const own = originOf(pageUrl);
  const origins = new Set();
  for (const url of urls) {
    const origin = originOf(url);
    if (origin && origin !== own) origins.add(origin);
  }
  return [...origins].sort();
}

/**
 * The origins among `otherOrigins(urls, pageUrl)` the extension may not fetch from yet.
 * `contains`: `chrome.permissions.contains`; an origin it refuses to judge counts as missing.
 */
export async function missingOrigins(urls, pageUrl, contains) {
  const origins = otherOrigins(urls, pageUrl);
  const granted = await Promise.all(origins.map((origin) => contains({ origins: [originPattern(origin)] }).catch(() => false)));
  return origins.filter((_, i) => !granted[i]);
}

/** The permission page's query for a save in tab `tabId` that needs `origins`. */
export function permissionQuery(tabId, origins) {
  const query = new URLSearchParams({ tabId: String(tabId) });
  for (const origin of origins) query.append('origin', origin);
  return `?${query}`;
}

/** `permissionQuery`'s inverse: { tabId, origins }, keeping only well-formed http(s) origins. */
export function parsePermissionQuery(search) {
  const query = new URLSearchParams(search);
  const tabId = Number(query.get('tabId'));
  const origins = query.getAll('origin').filter((origin) => originOf(origin) === origin);
  return { tabId: Number.isInteger(tabId) ? tabId : null, origins };
}

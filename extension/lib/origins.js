// Origins, as the permissions API and the image fetches name sites: only http(s) ones, since
// host permissions exist for nothing else.

/** The origin of an http(s) URL (`https://a.example`), or null for any other URL or none. */
export function originOf(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The host permission pattern for `origin`, as permissions.contains/request take it. */
export const originPattern = (origin) => `${origin}/*`;

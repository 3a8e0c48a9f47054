// Per-tab reader state, kept in storage.session because the service worker may be stopped
// between clicks. The page itself is the authority on whether the reading view is showing (the
// click handler asks it); this record drives the toolbar button's title and badge.

/** The storage.session key for a tab. */
export const tabKey = (tabId) => `tab:${tabId}`;

/** What the toolbar button says in each state. */
export const LOOKS = Object.freeze({
  idle: { title: 'Lucid: read this page (Alt+Shift+R)', badge: '' },
  open: { title: 'Lucid: leave the reading view (Alt+Shift+R)', badge: '' },
  restricted: { title: "Lucid can't run here: the browser keeps its own pages and stores closed to extensions", badge: '!' },
  failed: { title: 'Lucid could not read this page', badge: '!' },
});

/** The record stored for a tab in `state`, one of the LOOKS keys. */
export function tabRecord(state, url, message) {
  if (!Object.hasOwn(LOOKS, state)) throw new Error(`unknown tab state: ${state}`);
  return { state, url: url ?? null, message: message ?? null, at: Date.now() };
}

/** Title and badge for a stored record (or none). */
export function actionLook(record) {
  const look = LOOKS[record?.state] ?? LOOKS.idle;
  return record?.message ? { ...look, title: `${look.title}: ${record.message}` } : look;
}

// The messages the reading view sends the service worker, dispatched through one table.
//
//   { type: 'settings/update', patch }  -> the complete, validated settings
//   { type: 'reader/closed' }           -> null (the view was closed from inside the page)
//   { type: 'read/cancel' }             -> whether a reading was under way in the sender's tab
//                                         (the Cancel of content/progress.js)
//   { type: 'save', article, format, ask?, imageUrls? } -> { fileName, mime, text } (lib/save.js),
//                                         or { needsPermission: [origins], imageUrls } unless
//                                         ask === false; a save that goes on after that answer
//                                         passes its imageUrls back
//   { type: 'save/ask-permission', article, format, origins, imageUrls } -> null (opens
//                                         permissions/images.html)
//   { type: 'imagePermission', granted, tabId } -> file name (from permissions/images.html)
//   { type: 'translate/...' }           -> see translate/service.js

/**
 * A function that routes a message to `handlers[message.type]` and resolves to
 * `{ ok: true, value }` or `{ ok: false, error }`: replies are plain data, because an Error
 * does not survive the trip between contexts.
 */
export function createDispatcher(handlers) {
  return async (message, sender) => {
    const type = message && typeof message === 'object' ? message.type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      return { ok: false, error: `unknown message type: ${String(type)}` };
    }
    try {
      return { ok: true, value: (await handlers[type](message, sender)) ?? null };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Adapt a dispatcher to `runtime.onMessage`, which wants `true` to keep the reply channel open. */
export function listener(dispatch) {
  return (message, sender, sendResponse) => {
    dispatch(message, sender).then(sendResponse);
    return true;
  };
}

// The reading view's Save: asks the service worker for the file (the core writes it there) and
// downloads it from the page with an `<a download>` on a blob URL, which needs no permission.
// (`downloads.download` would need the `downloads` permission, and an optional permission
// cannot be requested from a content script; the worker has no URL.createObjectURL either.)
//
// Defines `LucidSave` once per page: `LucidSave.save(article, format)` resolves to the file name.

globalThis.LucidSave ??= (() => {
  /** A blob URL must outlive the click that starts its download; then it is released. */
  const REVOKE_AFTER_MS = 60_000;

  async function save(article, format) {
    const reply = await chrome.runtime.sendMessage({ type: 'save', article, format });
    if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
    const { fileName, mime, text } = reply.value;
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    // Never attached to the page: a detached link downloads all the same and the page sees nothing.
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    return fileName;
  }

  return Object.freeze({ save });
})();

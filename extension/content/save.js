// Saving from the page: `LucidSave.save` asks the service worker for the file (the core writes it
// there) and `LucidSave.download` hands a file to the browser with an `<a download>` on a blob
// URL, which needs no permission. (`downloads.download` would need the `downloads` permission,
// and an optional permission cannot be requested from a content script; the worker has no
// URL.createObjectURL either.) The worker also injects this script to download what the toolbar
// button's context menu saved.
//
// Defines `LucidSave` once per page (after shell.js): `save(article, format, { ask, imageUrls })`
// resolves to the file name, or, for an HTML copy with images from sites Lucid may not fetch yet
// (unless `ask` is false), to { needsPermission: [origins], imageUrls } without saving, where
// `imageUrls` is the copy's image list, for the same save to go on without making it again;
// `download({ fileName, mime, text })` returns it; `fetchImage(url)` fetches one of the page's own
// images for the worker (see lib/save.js imageFetch) and resolves to { status, dataUrl }.

if (!Object.hasOwn(globalThis, 'LucidSave')) globalThis.LucidSave = (() => {
  const { send } = globalThis.LucidShell;

  /** A blob URL must outlive the click that starts its download; then it is released. */
  const REVOKE_AFTER_MS = 60_000;

  function download({ fileName, mime, text }) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    // Never attached to the page: a detached link downloads all the same and the page sees nothing.
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    return fileName;
  }

  async function fetchImage(url) {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) return { status: response.status, dataUrl: null };
    const blob = await response.blob();
    const dataUrl = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { status: response.status, dataUrl };
  }

  async function save(article, format, { ask = true, imageUrls } = {}) {
    const answer = await send({ type: 'save', article, format, ask, imageUrls });
    return answer.needsPermission ? answer : download(answer);
  }

  return Object.freeze({ save, download, fetchImage });
})();

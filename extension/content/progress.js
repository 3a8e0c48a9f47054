// "Still reading…": shown by the background when a reading takes more than a second, with a
// Cancel button that stops it (the worker reading the page is terminated). In a closed shadow
// root, like the reading view: the page can neither read it nor press Cancel for the user.
//
// Defines `LucidProgress` once per page: `show()`, `hide()`.

if (!Object.hasOwn(globalThis, 'LucidProgress')) globalThis.LucidProgress = (() => {
  const STYLE = `
    .box { font: 14px/1.45 system-ui, "Noto Sans", "PingFang SC", "Noto Sans CJK SC", sans-serif;
      display: flex; align-items: center; gap: 14px; color: #f4f4f2; background: #26282c;
      padding: 8px 8px 8px 18px; border-radius: 10px; max-width: 70vw;
      box-shadow: 0 8px 24px rgb(0 0 0 / .25); animation: in 150ms ease-out; }
    button { font: inherit; color: inherit; background: rgb(255 255 255 / .12); border: 0;
      border-radius: 7px; padding: 5px 12px; cursor: pointer; }
    button:hover { background: rgb(255 255 255 / .2); }
    button:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 1px; }
    @keyframes in { from { opacity: 0; transform: translateY(6px); } }
    @media (prefers-reduced-motion: reduce) { .box { animation: none; } }`;
  const HOST_STYLE = 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; left: 50% !important; bottom: 32px !important; transform: translateX(-50%) !important;';

  let host = null;

  function show() {
    if (host?.isConnected) return;
    host = document.createElement('lucid-progress');
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const box = document.createElement('div');
    box.className = 'box';
    const text = document.createElement('span');
    text.setAttribute('role', 'status');
    text.textContent = 'Lucid is still reading this page…';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      cancel.disabled = true;
      chrome.runtime.sendMessage({ type: 'read/cancel' }).catch(() => {});
    });
    box.append(text, cancel);
    root.append(style, box);
    document.documentElement.append(host);
  }

  function hide() {
    host?.remove();
    host = null;
  }

  return Object.freeze({ show, hide });
})();

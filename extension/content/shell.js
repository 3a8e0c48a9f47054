// What every content script shares, injected first (content scripts are classic scripts, so they
// share through one global): the message to the worker, and taking in HTML the core made.
//
// Defines `LucidShell` once per page: `send(message)` resolves to the worker's answer or throws
// its error; `element(tag, props, children)` builds an element; `htmlNodes(html)` parses HTML
// inert and adopts its nodes.

// Each content script defines its global once, as an own property of the content script's
// global: a page element with id="LucidShell" also shows as globalThis.LucidShell (named access
// on window reaches isolated worlds), and must not pass for it.
if (!Object.hasOwn(globalThis, 'LucidShell')) globalThis.LucidShell = (() => {
  /** The worker's dispatcher answers `{ ok, value }` or `{ ok: false, error }` (lib/messages.js). */
  async function send(message) {
    const reply = await chrome.runtime.sendMessage(message);
    if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
    return reply.value;
  }

  /** `props`: `dataset` is merged, element properties are set, anything else is an attribute. */
  function element(tag, props = {}, children = []) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key in el && !key.includes('-')) el[key] = value;
      else el.setAttribute(key, value);
    }
    el.append(...children);
    return el;
  }

  /**
   * The nodes of `html`, parsed in an inert document (no script runs, nothing loads) and adopted
   * into this one. For HTML the core sanitized: no scripts, handlers or script URLs.
   */
  function htmlNodes(html) {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    return [...parsed.body.childNodes].map((node) => document.adoptNode(node));
  }

  /** A toolbar icon: one stroked path `d` on a 24-unit grid, hidden from assistive technology. */
  function icon(d) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
  }

  return Object.freeze({ send, element, htmlNodes, icon });
})();

// Bookkeeping that lets the reading view give the page back exactly as it was: the inline
// overflow styles it changes to stop the page scrolling underneath, the scroll position and the
// focused element. Injected before reader.js; plain functions on `LucidPageState`, unit-tested
// in Node with stand-in elements.

if (!Object.hasOwn(globalThis, 'LucidPageState')) globalThis.LucidPageState = (() => {
  const LONGHANDS = ['overflow-x', 'overflow-y'];

  /** Stop `el` scrolling; returns what `release` needs to undo it. */
  function lockElement(el) {
    const style = el.style;
    const before = {
      attribute: el.getAttribute('style'),
      longhands: LONGHANDS.map((name) => [name, style.getPropertyValue(name), style.getPropertyPriority(name)]),
    };
    style.setProperty('overflow', 'hidden', 'important');
    return { el, before, ours: el.getAttribute('style') };
  }

  /**
   * Undo `lockElement`. When nothing else touched the style attribute meanwhile, its exact text
   * comes back (or its absence); when the page changed it, only our property is undone, so the
   * page's own change survives.
   */
  function releaseElement({ el, before, ours }) {
    if (el.getAttribute('style') === ours) {
      if (before.attribute === null) el.removeAttribute('style');
      else el.setAttribute('style', before.attribute);
      return;
    }
    for (const [name, value, priority] of before.longhands) {
      if (value) el.style.setProperty(name, value, priority);
      else el.style.removeProperty(name);
    }
  }

  /** Freeze the page under an overlay: no scrolling. Returns the record `unlock` takes. */
  function lock(doc, win) {
    const record = {
      scrollX: win.scrollX,
      scrollY: win.scrollY,
      focused: doc.activeElement,
      elements: [],
    };
    for (const el of [doc.documentElement, doc.body]) {
      if (el) record.elements.push(lockElement(el));
    }
    return record;
  }

  /** Give the page back: styles, scroll position and focus as `lock` found them. */
  function unlock(doc, win, record) {
    for (const entry of record.elements.reverse()) releaseElement(entry);
    if (win.scrollX !== record.scrollX || win.scrollY !== record.scrollY) {
      win.scrollTo({ left: record.scrollX, top: record.scrollY, behavior: 'instant' });
    }
    const focused = record.focused;
    if (focused && focused !== doc.body && focused !== doc.documentElement && focused.isConnected) {
      focused.focus({ preventScroll: true });
    }
  }

  return Object.freeze({ lock, unlock });
})();

// Bookkeeping that lets the reading view give the page back exactly as it was: the inline
// overflow styles it changes to stop the page scrolling underneath, the scroll position and the
// focused element. Injected before reader.js; plain functions on `LucidPageState`, unit-tested
// in Node with stand-in elements.

if (!Object.hasOwn(globalThis, 'LucidPageState')) globalThis.LucidPageState = (() => {
  /** The longhands each property we set stands for. */
  const LONGHANDS = { overflow: ['overflow-x', 'overflow-y'], display: ['display'] };

  /** Set `property: value !important` on `el` (stop it scrolling, by default); returns what `releaseElement` needs to undo it. */
  function lockElement(el, property = 'overflow', value = 'hidden') {
    const style = el.style;
    const before = {
      attribute: el.getAttribute('style'),
      longhands: LONGHANDS[property].map((name) => [name, style.getPropertyValue(name), style.getPropertyPriority(name)]),
    };
    style.setProperty(property, value, 'important');
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

  /**
   * Take the page's body out of a print, so that only the reading view (a child of the root
   * element, beside the body) is printed. Returns the record `showBody` takes.
   */
  const hideBody = (doc) => (doc.body ? lockElement(doc.body, 'display', 'none') : null);
  const showBody = (record) => record && releaseElement(record);

  return Object.freeze({ lock, unlock, hideBody, showBody });
})();

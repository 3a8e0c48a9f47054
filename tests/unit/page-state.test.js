// page-state.js runs in pages; here it runs against stand-in elements with the same small API
// (style attribute text, style properties with priorities, focus, scroll).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/content/page-state.js';

const { lock, unlock, hideBody, showBody } = globalThis.LucidPageState;

/** A stand-in element whose style attribute and style properties stay in step, as in a DOM. */
function fakeElement(styleAttribute = null) {
  const props = new Map();
  const el = {
    attribute: null,
    focusCalls: 0,
    isConnected: true,
    getAttribute: (name) => (name === 'style' ? el.attribute : null),
    setAttribute(name, value) { el.attribute = value; parse(value); },
    removeAttribute() { el.attribute = null; props.clear(); },
    focus() { el.focusCalls += 1; },
    style: {
      getPropertyValue: (name) => props.get(name)?.[0] ?? '',
      getPropertyPriority: (name) => props.get(name)?.[1] ?? '',
      setProperty(name, value, priority = '') {
        const names = name === 'overflow' ? ['overflow-x', 'overflow-y'] : [name];
        for (const n of names) props.set(n, [value, priority]);
        serialize();
      },
      removeProperty(name) { props.delete(name); serialize(); },
    },
  };
  function parse(text) {
    props.clear();
    for (const decl of (text ?? '').split(';')) {
      const [name, value] = decl.split(':').map((s) => s?.trim());
      if (name && value) props.set(name, [value.replace(/\s*!important$/, ''), value.endsWith('!important') ? 'important' : '']);
    }
  }
  // Like a browser, re-serializes the attribute from the properties after any property change.
  function serialize() {
    el.attribute = [...props].map(([n, [v, p]]) => `${n}: ${v}${p ? ' !important' : ''};`).join(' ');
  }
  if (styleAttribute !== null) el.setAttribute('style', styleAttribute);
  return el;
}

function fakePage({ html = null, body = null, scroll = [0, 1234] } = {}) {
  const doc = { documentElement: fakeElement(html), body: fakeElement(body), activeElement: null };
  doc.activeElement = doc.body;
  const win = {
    scrollX: scroll[0], scrollY: scroll[1], scrolls: [],
    scrollTo({ left, top }) { win.scrollX = left; win.scrollY = top; win.scrolls.push([left, top]); },
  };
  return { doc, win };
}

test('locking hides overflow; unlocking restores the exact attribute text, or its absence', () => {
  const { doc, win } = fakePage({ html: null, body: 'color:red;  margin : 0' });
  const record = lock(doc, win);
  assert.equal(doc.documentElement.style.getPropertyValue('overflow-y'), 'hidden');
  assert.equal(doc.body.style.getPropertyPriority('overflow-x'), 'important');
  unlock(doc, win, record);
  assert.equal(doc.documentElement.getAttribute('style'), null);
  assert.equal(doc.body.getAttribute('style'), 'color:red;  margin : 0');
});

test("a page's own style change while the reader is open survives; only our overflow goes", () => {
  const { doc, win } = fakePage({ body: 'overflow-y: scroll' });
  const record = lock(doc, win);
  doc.body.style.setProperty('color', 'blue'); // the page's script, meanwhile
  unlock(doc, win, record);
  assert.equal(doc.body.style.getPropertyValue('color'), 'blue');
  assert.equal(doc.body.style.getPropertyValue('overflow-y'), 'scroll');
  assert.equal(doc.body.style.getPropertyValue('overflow-x'), '');
});

test('printing hides the body over the lock; after it and the unlock the body is as it was', () => {
  const { doc, win } = fakePage({ body: 'display: flex; color: red' });
  const record = lock(doc, win);
  const printed = hideBody(doc);
  assert.equal(doc.body.style.getPropertyValue('display'), 'none');
  assert.equal(doc.body.style.getPropertyValue('overflow-y'), 'hidden', 'still locked while printing');
  showBody(printed);
  assert.equal(doc.body.style.getPropertyValue('display'), 'flex');
  assert.equal(doc.body.style.getPropertyValue('overflow-y'), 'hidden');
  unlock(doc, win, record);
  assert.equal(doc.body.getAttribute('style'), 'display: flex; color: red');
});

test('scroll position comes back exactly, and only when it moved', () => {
  const { doc, win } = fakePage({ scroll: [5, 4321] });
  const record = lock(doc, win);
  unlock(doc, win, record);
  assert.deepEqual(win.scrolls, []);
  const second = lock(doc, win);
  win.scrollX = 0; win.scrollY = 0;
  unlock(doc, win, second);
  assert.deepEqual(win.scrolls, [[5, 4321]]);
});

test('focus returns to the element that had it, unless it left the page', () => {
  const { doc, win } = fakePage();
  const input = fakeElement();
  doc.activeElement = input;
  unlock(doc, win, lock(doc, win));
  assert.equal(input.focusCalls, 1);
  const record = lock(doc, win);
  input.isConnected = false;
  unlock(doc, win, record);
  assert.equal(input.focusCalls, 1);
  doc.activeElement = doc.body;
  unlock(doc, win, lock(doc, win));
  assert.equal(doc.body.focusCalls, 0);
});

test('twenty lock/unlock rounds leave no trace', () => {
  const { doc, win } = fakePage({ html: 'scroll-behavior: smooth', body: null });
  for (let i = 0; i < 20; i++) unlock(doc, win, lock(doc, win));
  assert.equal(doc.documentElement.getAttribute('style'), 'scroll-behavior: smooth');
  assert.equal(doc.body.getAttribute('style'), null);
});

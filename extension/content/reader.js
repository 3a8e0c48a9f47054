// The reading view, injected into the page on click (after shell.js and page-state.js). It shows
// the article the service worker rendered in a shadow root over the page, with a small toolbar,
// and gives the page back exactly as it was when closed (toolbar click, close button, Escape).
//
// Defines `LucidReader` once per page; the service worker calls `LucidReader.open(payload)` and
// `LucidReader.close()`. Nothing here reads or changes the page beyond the overflow styles,
// scroll and focus that page-state.js records and restores.

if (!Object.hasOwn(globalThis, 'LucidReader')) globalThis.LucidReader = (() => {
  const { lock, unlock, hideBody, showBody } = globalThis.LucidPageState;
  const { send, element, htmlNodes, icon: pathIcon } = globalThis.LucidShell;

  const HOST_STYLE = [
    'all: initial', 'position: fixed', 'inset: 0', 'z-index: 2147483647', 'display: block',
    'width: 100vw', 'height: 100vh', 'margin: 0', 'border: 0', 'padding: 0',
  ].map((rule) => `${rule} !important`).join('; ');
  /** While printing: the view in the flow, as long as the article, on paper's white. */
  const PRINT_HOST_STYLE = ['all: initial', 'display: block', 'position: static', 'margin: 0', 'border: 0', 'padding: 0']
    .map((rule) => `${rule} !important`).join('; ');

  // Events from inside the view stop at its host, so the page's own listeners (shortcuts,
  // analytics, a hostile page's click counter) see nothing of what the reader does.
  const CONTAINED_EVENTS = [
    'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
    'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'input', 'change', 'wheel', 'focusin',
    'focusout', 'copy', 'selectstart',
  ];

  const LABELS = {
    theme: 'Theme', font: 'Font', fontSize: 'Text size', width: 'Width', lineHeight: 'Line spacing',
    light: 'Light', sepia: 'Sepia', dark: 'Dark', system: 'Auto', serif: 'Serif', sans: 'Sans',
  };

  /** Toolbar icons: one stroked path each, on a 24-unit grid. */
  const ICONS = {
    appearance: 'M3 19 8.5 5h1L15 19M5 14h8M15.5 19l3-8 3 8M16.4 16.6h4.2',
    close: 'M6 6l12 12M18 6 6 18',
    save: 'M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19h14',
    print: 'M7 9V4h10v5M7 17H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M7 14h10v6H7z',
  };

  /** The width setting in words: its value (em) is no measure a reader knows. */
  const WIDTHS = [[30, 'Narrow'], [44, 'Medium'], [Infinity, 'Wide']];

  /**
   * The view's own words in the article's language (the header's are the core's, in
   * src/output/render.rs): the offer to continue where the reader left off.
   */
  const WORDS = {
    'zh-Hant': { resume: '從上次讀到的地方繼續', dismiss: '關閉' },
    'zh-Hans': { resume: '从上次读到的地方继续', dismiss: '关闭' },
    ja: { resume: '前回の続きから読む', dismiss: '閉じる' },
    ko: { resume: '읽던 곳부터 계속', dismiss: '닫기' },
    en: { resume: 'Continue where you left off', dismiss: 'Dismiss' },
  };

  /** The WORDS for a language tag; Chinese is Traditional by script or region, as in the core. */
  function wordsFor(lang) {
    const tag = (lang || '').toLowerCase();
    const primary = tag.split(/[-_]/)[0];
    if (primary === 'zh') return /hant|[-_](tw|hk|mo)\b/.test(tag) ? WORDS['zh-Hant'] : WORDS['zh-Hans'];
    return WORDS[primary] ?? WORDS.en;
  }

  /** Reading positions kept in storage.local, one per article URL, the most recent this many. */
  const POSITIONS_KEY = 'positions';
  const POSITIONS_KEPT = 200;
  /** A position this far into the article (fraction) or less is no place to offer to continue from. */
  const RESUME_FROM = 0.03;

  /** An image at least this share of the column wide on its own is shown as wide as the column. */
  const WIDE_IMAGE = 0.6;

  /** What can take focus inside the view, for the Tab order the view keeps. */
  const FOCUSABLE = 'button, a[href], select, input, textarea, [tabindex]:not([tabindex="-1"])';

  /** The view on screen, or null. */
  let view = null;

  function style(text) {
    return element('style', { textContent: text });
  }

  const icon = (name) => pathIcon(ICONS[name]);

  /** Apply settings to the container: attributes for choices, custom properties for sizes. */
  function applySettings(v, settings) {
    v.settings = settings;
    v.container.dataset.theme = settings.theme;
    v.container.dataset.font = settings.font;
    for (const [key, spec] of v.schema) {
      if (spec.choices) continue;
      const name = `--lucid-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      v.container.style.setProperty(name, `${settings[key]}${spec.unit}`);
    }
    for (const button of v.panel.querySelectorAll('button[data-key]')) {
      const { key, value, step } = button.dataset;
      if (value !== undefined) {
        button.setAttribute('aria-pressed', String(settings[key] === value));
      } else {
        const spec = v.schema.get(key);
        button.disabled = step === '1' ? settings[key] >= spec.max : settings[key] <= spec.min;
      }
    }
    for (const output of v.panel.querySelectorAll('output[data-key]')) {
      const key = output.dataset.key;
      const value = settings[key];
      output.textContent = key === 'width' ? WIDTHS.find(([most]) => value <= most)[1] : String(value);
      output.title = `${value}${v.schema.get(key).unit}`;
    }
  }

  async function changeSetting(v, patch) {
    try {
      applySettings(v, await send({ type: 'settings/update', patch }));
    } catch (error) {
      console.warn('Lucid: settings not saved:', error);
    }
  }

  /** The appearance panel, built from the settings table the service worker sends. */
  function buildPanel(schema) {
    const rows = [...schema].map(([key, spec]) => {
      const label = element('span', { className: 'lucid-label', textContent: LABELS[key] ?? key });
      if (spec.choices) {
        const buttons = spec.choices.map((value) =>
          element('button', {
            type: 'button', className: `lucid-choice lucid-choice-${value}`,
            dataset: { key, value }, textContent: LABELS[value] ?? value,
          }),
        );
        return element('div', { className: 'lucid-row', role: 'group', 'aria-label': LABELS[key] ?? key }, [
          label, element('div', { className: 'lucid-segmented' }, buttons),
        ]);
      }
      return element('div', { className: 'lucid-row', role: 'group', 'aria-label': LABELS[key] ?? key }, [
        label,
        element('div', { className: 'lucid-stepper' }, [
          element('button', { type: 'button', dataset: { key, step: '-1' }, textContent: '−', 'aria-label': `Smaller ${LABELS[key]}` }),
          element('output', { dataset: { key } }),
          element('button', { type: 'button', dataset: { key, step: '1' }, textContent: '+', 'aria-label': `Larger ${LABELS[key]}` }),
        ]),
      ]);
    });
    return element('div', { className: 'lucid-panel', role: 'dialog', 'aria-label': 'Appearance', hidden: true }, rows);
  }

  function togglePanel(v, show = v.panel.hidden) {
    v.panel.hidden = !show;
    v.toolbar.querySelector('[data-action="appearance"]').setAttribute('aria-expanded', String(show));
  }

  function onClick(v, event) {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest('button');
    if (button) {
      const { action, key, value, step } = button.dataset;
      if (action === 'appearance' || action === 'save-menu') for (const extra of v.extras) extra.close();
      if (action === 'close') close({ fromPage: true });
      else if (action === 'save-menu') toggleSaveMenu(v);
      else if (action === 'save') saveAs(v, button);
      else if (action === 'save-without') saveAs(v, button, { ask: false, imageUrls: v.question.imageUrls });
      else if (action === 'save-allow') askPermission(v, button);
      else if (action === 'appearance') togglePanel(v);
      else if (action === 'print') window.print();
      else if (action === 'resume') resume(v, true);
      else if (action === 'resume-dismiss') resume(v, false);
      else if (value !== undefined) changeSetting(v, { [key]: value });
      else if (step !== undefined) changeSetting(v, { [key]: v.settings[key] + Number(step) * v.schema.get(key).step });
      return;
    }
    if (!v.panel.hidden && !target?.closest('.lucid-panel')) togglePanel(v, false);
    if (!v.saveMenu.hidden && !target?.closest('.lucid-save-menu')) toggleSaveMenu(v, false);
    // In-article anchors (#footnote) point into the view, not the hidden page underneath.
    const link = target?.closest('a[href^="#"]');
    if (link) {
      event.preventDefault();
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      const destination = id && v.root.getElementById(id);
      if (destination) destination.scrollIntoView({ block: 'start' });
      else if (!id) v.scroller.scrollTo({ top: 0 });
    }
  }

  /** Save as HTML or Markdown; the files come from the core, through content/save.js. */
  function buildSaveMenu() {
    const choices = [['html', 'Save as HTML'], ['markdown', 'Save as Markdown']].map(([format, label]) =>
      element('button', { type: 'button', className: 'lucid-save-choice', dataset: { action: 'save', format }, textContent: label }),
    );
    const status = element('p', { className: 'lucid-save-status', role: 'status' });
    return element('div', { className: 'lucid-save-menu', role: 'dialog', 'aria-label': 'Save a copy', hidden: true }, [...choices, status]);
  }

  function toggleSaveMenu(v, show = v.saveMenu.hidden) {
    v.saveMenu.hidden = !show;
    v.toolbar.querySelector('[data-action="save-menu"]').setAttribute('aria-expanded', String(show));
  }

  /**
   * The question an HTML save asks when its images come from sites Lucid may not fetch yet
   * (`question`: the worker's answer, { needsPermission: [origins], imageUrls }): allow (on an
   * extension page, which can ask the browser) or save with those images as links. Either way
   * the save goes on with the image list the worker already made.
   */
  function permissionPrompt(format, question) {
    const origins = question.needsPermission;
    const sites = origins.length === 1 ? '1 other site' : `${origins.length} other sites`;
    return element('div', { className: 'lucid-save-permission' }, [
      element('p', { className: 'lucid-save-status', textContent: `Images from ${sites} need your permission to be saved in the file.` }),
      element('ul', { className: 'lucid-save-status' }, origins.map((origin) => element('li', { textContent: origin }))),
      element('button', { type: 'button', className: 'lucid-save-choice', dataset: { action: 'save-allow', format }, textContent: 'Allow and save' }),
      element('button', { type: 'button', className: 'lucid-save-choice', dataset: { action: 'save-without', format }, textContent: 'Save without them' }),
    ]);
  }

  async function askPermission(v, button) {
    const { needsPermission: origins, imageUrls } = v.question;
    button.closest('.lucid-save-permission').remove();
    const status = v.saveMenu.querySelector('.lucid-save-status');
    status.textContent = 'Waiting for your answer in Lucid\'s window…';
    try {
      await send({ type: 'save/ask-permission', article: v.article, format: button.dataset.format, origins, imageUrls });
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  }

  /** `options`: { ask, imageUrls } as LucidSave.save takes them. */
  async function saveAs(v, button, options) {
    const status = v.saveMenu.querySelector('.lucid-save-status');
    v.saveMenu.querySelector('.lucid-save-permission')?.remove();
    status.textContent = 'Saving…';
    button.disabled = true;
    try {
      const saved = await globalThis.LucidSave.save(v.article, button.dataset.format, options);
      if (saved.needsPermission) {
        status.textContent = '';
        v.question = saved;
        v.saveMenu.append(permissionPrompt(button.dataset.format, saved));
      } else {
        status.textContent = `Saved ${saved}`;
      }
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  }

  /** The view's panels, each with the toolbar button that opens it. */
  function panels(v) {
    const button = (action) => v.toolbar.querySelector(`[data-action="${action}"]`);
    return [
      { panel: v.panel, button: button('appearance'), close: () => togglePanel(v, false) },
      { panel: v.saveMenu, button: button('save-menu'), close: () => toggleSaveMenu(v, false) },
      ...v.extras.map((extra) => ({ panel: extra.panel, button: extra.button, close: () => extra.close() })),
    ];
  }

  const shown = (el) => !el.disabled && el.getClientRects().length > 0;

  /**
   * The view's Tab order: the toolbar first, each open panel right after the button that opened
   * it, the offer to continue, then the article. Tab walks it round, never out to the page.
   */
  function tabOrder(v) {
    const open = new Map(panels(v).filter((p) => !p.panel.hidden).map((p) => [p.button, p.panel]));
    const order = [];
    for (const button of v.toolbar.querySelectorAll('button')) {
      order.push(button);
      if (open.has(button)) order.push(...open.get(button).querySelectorAll(FOCUSABLE));
    }
    order.push(...v.resumeBar.querySelectorAll(FOCUSABLE), ...v.scroller.querySelectorAll(FOCUSABLE));
    return order.filter(shown);
  }

  function onTab(v, event) {
    const order = tabOrder(v);
    if (!order.length) return;
    const at = order.indexOf(v.root.activeElement);
    const next = event.shiftKey ? (at <= 0 ? order.length - 1 : at - 1) : (at + 1) % order.length;
    event.preventDefault();
    order[next].focus();
  }

  /** Escape closes the open panel and gives focus back to its button; with none open, the view. */
  function onEscape(v) {
    const open = panels(v).find((p) => !p.panel.hidden);
    if (open) {
      open.close();
      open.button.focus();
    } else close({ fromPage: true });
  }

  /** Reading keys: Space / Shift+Space a page, j/k or the arrows a few lines, +/- text size, t contents. */
  function onReadingKey(v, event, field) {
    const { scroller } = v;
    const onControl = field instanceof Element && !!field.closest('button, a, summary');
    const line = parseFloat(getComputedStyle(scroller).fontSize) * 3;
    const page = Math.max(scroller.clientHeight - 2 * line, line);
    const scrollBy = (top) => scroller.scrollBy({ top, behavior: 'instant' });
    const step = (sign) => changeSetting(v, { fontSize: v.settings.fontSize + sign * v.schema.get('fontSize').step });
    const keys = {
      ' ': () => !onControl && scrollBy(event.shiftKey ? -page : page),
      j: () => scrollBy(line), ArrowDown: () => scrollBy(line),
      k: () => scrollBy(-line), ArrowUp: () => scrollBy(-line),
      '+': () => step(1), '=': () => step(1), '-': () => step(-1),
      t: () => v.contents.toggle(),
    };
    const action = keys[event.key];
    if (!action || action() === false) return;
    event.preventDefault();
  }

  function onKeyDown(event) {
    if (!view || event.isComposing) return;
    const v = view;
    const field = event.composedPath()[0];
    if (event.key === 'Tab') return onTab(v, event);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopImmediatePropagation();
      return onEscape(v);
    }
    // Keys typed into a field, or with a modifier (Ctrl + is the browser's zoom), are not ours.
    const typing = field instanceof Element && (field.matches('input, select, textarea') || field.isContentEditable);
    if (event.ctrlKey || event.metaKey || event.altKey || typing) return;
    onReadingKey(v, event, field);
  }

  /** Close the appearance and save panels and every extra panel but `keep`, which is opening. */
  function closePanels(v, keep) {
    togglePanel(v, false);
    toggleSaveMenu(v, false);
    for (const extra of v.extras) if (extra !== keep) extra.close();
  }

  /**
   * Lazily loaded and slideshow images keep the small width and height the page gave their
   * placeholder: one that is large on its own (once loaded) is marked to fill the column. A table
   * wider than the column takes focus, so the keyboard can scroll it too.
   */
  function fitMedia(scroller) {
    const content = scroller.querySelector('.lucid-content');
    for (const table of content?.querySelectorAll('table') ?? []) {
      if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
    }
    for (const img of content?.querySelectorAll('img[width]') ?? []) {
      const fit = () => img.classList.toggle('lucid-wide', img.naturalWidth >= WIDE_IMAGE * content.clientWidth);
      if (img.complete) fit();
      else img.addEventListener('load', fit, { once: true });
    }
  }

  /** The stored reading positions: URL → { at (fraction of the scroll), time }. */
  async function positions() {
    return (await chrome.storage.local.get(POSITIONS_KEY))[POSITIONS_KEY] ?? {};
  }

  /**
   * Remember how far into the article the reader is, keeping only the most recent entries; not
   * from a private window, whose reading leaves nothing behind.
   */
  async function remember(url, at) {
    if (chrome.extension?.inIncognitoContext) return;
    const all = await positions();
    if (at < RESUME_FROM) delete all[url];
    else all[url] = { at, time: Date.now() };
    const kept = Object.entries(all).sort(([, a], [, b]) => b.time - a.time).slice(0, POSITIONS_KEPT);
    await chrome.storage.local.set({ [POSITIONS_KEY]: Object.fromEntries(kept) });
  }

  const scrolled = (scroller) => {
    const room = scroller.scrollHeight - scroller.clientHeight;
    return room > 0 ? scroller.scrollTop / room : 0;
  };

  /** Offer to continue from the place stored for this article, if it is far enough in. */
  async function offerResume(v) {
    const saved = (await positions().catch(() => ({})))[v.url];
    if (view !== v || !saved || saved.at < RESUME_FROM || scrolled(v.scroller) >= RESUME_FROM) return;
    v.resumeAt = saved.at;
    v.resumeBar.hidden = false;
  }

  /** The reader's answer to the offer: `go` scrolls to the stored place. */
  function resume(v, go) {
    v.resumeBar.hidden = true;
    if (go) {
      const room = v.scroller.scrollHeight - v.scroller.clientHeight;
      v.scroller.scrollTo({ top: v.resumeAt * room, behavior: 'instant' });
    }
    v.scroller.focus({ preventScroll: true });
  }

  /** The progress line follows the scroll; the position is stored a moment after scrolling stops. */
  function onScroll(v) {
    v.progressFrame ||= requestAnimationFrame(() => {
      v.progressFrame = 0;
      v.progressLine.style.transform = `scaleX(${scrolled(v.scroller)})`;
    });
    if (!v.resumeBar.hidden && scrolled(v.scroller) >= RESUME_FROM) v.resumeBar.hidden = true;
    clearTimeout(v.rememberTimer);
    v.rememberTimer = setTimeout(() => {
      v.rememberTimer = 0;
      remember(v.url, scrolled(v.scroller)).catch(() => {});
    }, 400);
  }

  /** Print the article alone: the page's body is out of the print, the view laid out as paper. */
  function onBeforePrint() {
    if (!view || view.printRecord) return;
    view.printRecord = hideBody(document);
    view.host.setAttribute('style', PRINT_HOST_STYLE);
  }

  function onAfterPrint() {
    if (!view?.printRecord) return;
    showBody(view.printRecord);
    view.printRecord = null;
    view.host.setAttribute('style', HOST_STYLE);
  }

  /**
   * Show the reading view. `payload`: { html (rendered by the core, already sanitized), article
   * (the core's, which Save and Translate hand back), css (the reader stylesheet), uiCss,
   * settings, schema ([key, spec] pairs of the settings table) }.
   */
  function open(payload) {
    if (view) close();
    const pageRecord = lock(document, window);
    const host = element('lucid-reader', { style: HOST_STYLE });
    // Closed: the page's script gets no handle on the view (host.shadowRoot is null), so it can
    // neither read the article nor rewrite the toolbar or the save prompt. What the view acts on
    // (article, settings, the prompt's origins) lives in `view`, in this script's isolated world.
    const root = host.attachShadow({ mode: 'closed' });

    const scroller = element('div', { className: 'lucid-scroll', tabIndex: -1 }, htmlNodes(payload.html));
    const words = wordsFor(payload.article.lang);
    const toolbar = element('div', { className: 'lucid-toolbar', role: 'toolbar', 'aria-label': 'Reading view' }, [
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'appearance' }, title: 'Appearance', 'aria-expanded': 'false' }, [icon('appearance')]),
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'save-menu' }, title: 'Save a copy', 'aria-expanded': 'false' }, [icon('save')]),
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'print' }, title: 'Print' }, [icon('print')]),
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'close' }, title: 'Close reading view (Esc)' }, [icon('close')]),
    ]);
    const progressLine = element('div', { className: 'lucid-progress-line', 'aria-hidden': 'true' });
    const resumeBar = element('div', { className: 'lucid-resume', hidden: true, lang: payload.article.lang || '' }, [
      element('button', { type: 'button', className: 'lucid-resume-go', dataset: { action: 'resume' }, textContent: words.resume }),
      element('button', { type: 'button', className: 'lucid-resume-dismiss', dataset: { action: 'resume-dismiss' }, title: words.dismiss, 'aria-label': words.dismiss }, [icon('close')]),
    ]);
    // The table arrives as [key, spec] pairs: the trip through executeScript sorts object keys.
    const schema = new Map(payload.schema);
    const panel = buildPanel(schema);
    const saveMenu = buildSaveMenu();
    // The toolbar comes first, so that it comes first in the Tab order too.
    const container = element('div', { className: 'lucid-reader' }, [toolbar, progressLine, resumeBar, scroller, panel, saveMenu]);
    root.append(style(payload.css), style(payload.uiCss), container);

    view = { host, root, container, scroller, toolbar, panel, saveMenu, progressLine, resumeBar, url: location.href.split('#')[0], article: payload.article, pageRecord, schema, settings: null, question: null, printRecord: null };
    applySettings(view, payload.settings);
    const v = view;
    // Contents, Listen and Translate: their own buttons and panels (content/contents.js,
    // content/read-aloud.js, translate/reader-translate.js).
    const contents = globalThis.LucidContents.attach({ container, scroller, onOpen: () => closePanels(v, contents) });
    const listen = globalThis.LucidReadAloud.attach({ container, scroller, article: payload.article, onOpen: () => closePanels(v, listen) });
    const translation = globalThis.LucidTranslate.attach({ container, scroller, article: payload.article, onOpen: () => closePanels(v, translation) });
    const extras = [contents, listen, translation].filter(Boolean);
    Object.assign(view, { contents, extras });
    toolbar.prepend(...extras.map((extra) => extra.button));
    container.append(...extras.map((extra) => extra.panel));
    container.addEventListener('click', (event) => onClick(v, event));
    scroller.addEventListener('scroll', () => onScroll(v), { passive: true });
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);

    document.documentElement.append(host);
    fitMedia(scroller);
    scroller.focus({ preventScroll: true });
    offerResume(v);
    return true;
  }

  /** Remove the view and give the page back. `fromPage`: closed from inside, tell the worker. */
  function close({ fromPage = false } = {}) {
    if (!view) return false;
    onAfterPrint();
    const { host, pageRecord, extras, scroller, url, rememberTimer, progressFrame } = view;
    cancelAnimationFrame(progressFrame);
    // A position not yet stored is stored now; a view closed unscrolled keeps the stored one.
    if (rememberTimer) {
      clearTimeout(rememberTimer);
      remember(url, scrolled(scroller)).catch(() => {});
    }
    view = null;
    for (const extra of extras) extra.detach();
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('beforeprint', onBeforePrint);
    window.removeEventListener('afterprint', onAfterPrint);
    host.remove();
    unlock(document, window, pageRecord);
    if (fromPage) send({ type: 'reader/closed' }).catch(() => {});
    return true;
  }

  return Object.freeze({ open, close, isOpen: () => view !== null });
})();

// The reading view, injected into the page on click (after shell.js and page-state.js). It shows
// the article the service worker rendered in a shadow root over the page, with a small toolbar,
// and gives the page back exactly as it was when closed (toolbar click, close button, Escape).
//
// Defines `LucidReader` once per page; the service worker calls `LucidReader.open(payload)` and
// `LucidReader.close()`. Nothing here reads or changes the page beyond the overflow styles,
// scroll and focus that page-state.js records and restores.

if (!Object.hasOwn(globalThis, 'LucidReader')) globalThis.LucidReader = (() => {
  const { lock, unlock } = globalThis.LucidPageState;
  const { send, element, htmlNodes, icon: pathIcon } = globalThis.LucidShell;

  const HOST_STYLE = [
    'all: initial', 'position: fixed', 'inset: 0', 'z-index: 2147483647', 'display: block',
    'width: 100vw', 'height: 100vh', 'margin: 0', 'border: 0', 'padding: 0',
  ].map((rule) => `${rule} !important`).join('; ');

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
  };

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
      output.textContent = String(settings[key]);
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

  function onKeyDown(event) {
    if (event.key === 't') return onContentsKey(event);
    if (event.key !== 'Escape' || event.isComposing || !view) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!view.panel.hidden) togglePanel(view, false);
    else if (!view.saveMenu.hidden) toggleSaveMenu(view, false);
    else if (!view.extras.some((extra) => extra.close())) close({ fromPage: true });
  }

  /** `t` toggles the contents, unless the key is typed into a field. */
  function onContentsKey(event) {
    const field = event.composedPath()[0];
    const typing = field instanceof Element && (field.matches('input, select, textarea') || field.isContentEditable);
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || typing || !view) return;
    event.preventDefault();
    view.contents.toggle();
  }

  /** Close the appearance and save panels and every extra panel but `keep`, which is opening. */
  function closePanels(v, keep) {
    togglePanel(v, false);
    toggleSaveMenu(v, false);
    for (const extra of v.extras) if (extra !== keep) extra.close();
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
    const toolbar = element('div', { className: 'lucid-toolbar', role: 'toolbar', 'aria-label': 'Reading view' }, [
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'appearance' }, title: 'Appearance', 'aria-expanded': 'false' }, [icon('appearance')]),
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'save-menu' }, title: 'Save a copy', 'aria-expanded': 'false' }, [icon('save')]),
      element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'close' }, title: 'Close reading view (Esc)' }, [icon('close')]),
    ]);
    // The table arrives as [key, spec] pairs: the trip through executeScript sorts object keys.
    const schema = new Map(payload.schema);
    const panel = buildPanel(schema);
    const saveMenu = buildSaveMenu();
    const container = element('div', { className: 'lucid-reader' }, [scroller, toolbar, panel, saveMenu]);
    root.append(style(payload.css), style(payload.uiCss), container);

    view = { host, root, container, scroller, toolbar, panel, saveMenu, article: payload.article, pageRecord, schema, settings: null, question: null, translation: null };
    applySettings(view, payload.settings);
    const v = view;
    // Contents and Listen: their own buttons and panels (content/contents.js, content/read-aloud.js).
    const contents = globalThis.LucidContents.attach({ container, scroller, onOpen: () => closePanels(v, contents) });
    const listen = globalThis.LucidReadAloud.attach({ container, scroller, article: payload.article, onOpen: () => closePanels(v, listen) });
    Object.assign(view, { contents, extras: [contents, listen] });
    toolbar.prepend(contents.button, listen.button);
    container.append(contents.panel, listen.panel);
    container.addEventListener('click', (event) => onClick(v, event));
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    window.addEventListener('keydown', onKeyDown, true);

    document.documentElement.append(host);
    view.translation = globalThis.LucidTranslate.attach({ container, scroller, article: payload.article });
    scroller.focus({ preventScroll: true });
    return true;
  }

  /** Remove the view and give the page back. `fromPage`: closed from inside, tell the worker. */
  function close({ fromPage = false } = {}) {
    if (!view) return false;
    const { host, pageRecord, translation, extras } = view;
    view = null;
    translation?.detach();
    for (const extra of extras) extra.detach();
    window.removeEventListener('keydown', onKeyDown, true);
    host.remove();
    unlock(document, window, pageRecord);
    if (fromPage) send({ type: 'reader/closed' }).catch(() => {});
    return true;
  }

  return Object.freeze({ open, close, isOpen: () => view !== null });
})();

// The reading view's Translate button and panel (content script, injected after reader.js), a
// panel like Appearance: with no translation service set up it says so and links to the options;
// with one it offers the target language (the browser's by default, never the article's own),
// replace or bilingual, progress and cancel. Nothing is sent until the user clicks Translate. The view drives the worker one batch at a time: each answer is
// cached for the tab, handed to the worker's merger (which keeps what arrived so far) and the
// content it returns is rendered; cancel drops the batch in flight and shows the original; failed
// segments can be retried alone.
//
// The worker may be stopped between messages and forget its merger: this side keeps the
// segmented article and the translations, and rebuilds the merger from them when the worker
// answers that it has none (see translate/service.js).

if (!Object.hasOwn(globalThis, 'LucidTranslate')) globalThis.LucidTranslate = (() => {
  const { send, element, htmlNodes, icon } = globalThis.LucidShell;
  const ICON = 'M4 5h9M8.5 3v2M6 5c.6 3.3 2.7 5.8 6 7M11 5c-.6 3.3-2.7 5.8-6 7M13 21l4-9 4 9M14.3 18h5.4';
  /** Segments per message to the worker: small enough that progress moves on a short article. */
  const BATCH = 6;
  const TARGETS = { en: 'English', zh: '中文', ja: '日本語', ko: '한국어', fr: 'Français', de: 'Deutsch', es: 'Español', ru: 'Русский' };

  /** The text of untrusted HTML (a translated title), parsed inert: only text reaches the page. */
  function textOf(html) {
    return new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body.textContent.trim();
  }

  /** A name for one reading view, unique in the tab: the worker's merger belongs to one view. */
  function viewId() {
    return [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join('-');
  }

  /**
   * Translations by target language and source HTML, for as long as this page lives in the tab:
   * the reading view is rebuilt on every toggle, this object is not.
   */
  const cache = new Map();
  const cacheKey = (to, segment) => `${to}\u0000${segment.html}`;

  /** The primary subtag of a language tag (`zh-Hant-TW` → `zh`), or ''. */
  const primary = (tag) => (tag || '').split(/[-_]/)[0].toLowerCase();

  /**
   * The language to translate into when the user has chosen none: the first of the browser's
   * languages Lucid offers that is not the article's own, else the first offered that is not.
   */
  function defaultTarget(from) {
    const offered = Object.keys(TARGETS);
    const wanted = [...(navigator.languages ?? []), navigator.language].map(primary);
    return [...wanted, ...offered].find((lang) => offered.includes(lang) && lang !== primary(from));
  }

  /**
   * Add the Translate button and panel to a freshly opened view: `{container, scroller, article,
   * onOpen}`, the article being the core's (its content, title and language); `onOpen` closes the
   * view's other panels. Returns `{button, panel, toggle, close, detach}` (detach stops a
   * translation under way when the view closes), or null when the view has no content to translate.
   */
  function attach({ container, scroller, article, onOpen }) {
    const content = scroller.querySelector('.lucid-content');
    if (!content) return null;
    const titleEl = scroller.querySelector('.lucid-title');
    const from = article.lang || null;
    const view = viewId();
    const failed = new Map();
    /** `{segments, template, title}` from the worker, once Translate is first clicked. */
    let segmented = null;
    /** What the worker's merger holds: its mode, language and translated ids; null before split. */
    let merged = null;
    let rendering = Promise.resolve();
    let run = 0;

    const button = element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'translate' }, title: 'Translate', 'aria-expanded': 'false' }, [icon(ICON)]);
    const target = element('select', { className: 'lucid-t-target', 'aria-label': 'Translate into' },
      Object.entries(TARGETS).filter(([value]) => value !== primary(from)).map(([value, label]) => element('option', { value, textContent: label })));
    const mode = element('select', { className: 'lucid-t-mode', 'aria-label': 'How to show the translation' }, [
      element('option', { value: 'replace', textContent: 'Replace the text' }),
      element('option', { value: 'bilingual', textContent: 'Both languages' }),
    ]);
    const go = element('button', { type: 'button', className: 'lucid-save-choice lucid-t-go', textContent: 'Translate' });
    const cancel = element('button', { type: 'button', className: 'lucid-save-choice lucid-t-cancel', textContent: 'Cancel', hidden: true });
    const showOriginal = element('button', { type: 'button', className: 'lucid-save-choice lucid-t-original', textContent: 'Show original', hidden: true });
    const retry = element('button', { type: 'button', className: 'lucid-save-choice lucid-t-retry', textContent: 'Retry', hidden: true });
    const status = element('p', { className: 'lucid-save-status lucid-t-status', role: 'status' });
    const progress = element('progress', { className: 'lucid-t-progress', max: 1, value: 0, hidden: true });
    const controls = element('div', { className: 'lucid-t-controls', hidden: true }, [
      element('label', { className: 'lucid-row' }, [element('span', { className: 'lucid-label', textContent: 'Into' }), target]),
      element('label', { className: 'lucid-row' }, [element('span', { className: 'lucid-label', textContent: 'Show' }), mode]),
      go, cancel, showOriginal, retry, progress, status,
    ]);
    const options = element('button', { type: 'button', className: 'lucid-link-button lucid-t-options', textContent: 'Open Lucid\'s options' });
    const missing = element('p', { className: 'lucid-t-missing', hidden: true }, [
      'Translation needs a service, which you can choose in ', options, '.',
    ]);
    const panel = element('div', { className: 'lucid-panel lucid-translate', role: 'dialog', 'aria-label': 'Translate', hidden: true }, [
      element('p', { className: 'lucid-label', textContent: 'Translate' }), missing, controls,
    ]);

    /** Ask the worker for the settings and whether a service can translate; show what fits. */
    async function refresh() {
      const s = await send({ type: 'translate/settings', from, to: target.value || null }).catch(() => null);
      if (s && !segmented) {
        target.value = s.target && s.target !== primary(from) ? s.target : defaultTarget(from);
        mode.value = s.mode;
      }
      const ready = s?.ready === true;
      missing.hidden = ready;
      controls.hidden = !ready;
      return ready;
    }

    function toggle(show = panel.hidden) {
      if (show) onOpen();
      panel.hidden = !show;
      button.setAttribute('aria-expanded', String(show));
      return show ? refresh() : Promise.resolve();
    }

    function close() {
      if (panel.hidden) return false;
      toggle(false);
      return true;
    }
    button.addEventListener('click', () => toggle());
    container.addEventListener('click', (event) => {
      if (!panel.hidden && !event.composedPath().some((el) => el === panel || el === button)) toggle(false);
    });
    options.addEventListener('click', () => send({ type: 'options/open' }).catch(() => {}));

    /** Every segment: the title, then the content's. */
    const everything = () => [...(segmented.title ? [segmented.title] : []), ...segmented.segments];

    /** The cached translations of this article's content segments into the chosen language. */
    function translations() {
      return segmented.segments.flatMap((s) => {
        const html = cache.get(cacheKey(target.value, s));
        return html === undefined ? [] : [{ id: s.id, html }];
      });
    }

    /**
     * The content with the translations `done`, from the worker's merger: only what it does not
     * hold yet is sent; a worker that has no merger for this view, mode and language gets the
     * segmented article and every translation, and starts one.
     */
    async function mergedContent(done) {
      const key = { view, mode: mode.value, lang: target.value };
      const current = merged?.mode === key.mode && merged.lang === key.lang;
      let html = current ? await send({ type: 'translate/merge', ...key, batch: done.filter((t) => !merged.ids.has(t.id)) }) : null;
      if (html === null) {
        merged = null;
        const { segments, template } = segmented;
        html = await send({ type: 'translate/merge', ...key, batch: done, segmented: { segments, template } });
      }
      merged = { mode: key.mode, lang: key.lang, ids: new Set([...(merged?.ids ?? []), ...done.map((t) => t.id)]) };
      return html;
    }

    /**
     * Show the cached translations. A cancel, another language or a closed view while the worker
     * merges (the run changed) leaves what they showed in place.
     */
    async function renderNow() {
      const at = run;
      const done = translations();
      const html = await mergedContent(done);
      if (run !== at) return;
      content.replaceChildren(...htmlNodes(html));
      const titleSegment = segmented.title;
      const title = titleSegment ? cache.get(cacheKey(target.value, titleSegment)) : undefined;
      if (titleSegment) {
        // A replaced title carries its language, as the core's translated content does (fonts, voices).
        titleEl.removeAttribute('lang');
        if (title === undefined) titleEl.textContent = article.title;
        else if (mode.value === 'replace') Object.assign(titleEl, { textContent: textOf(title), lang: target.value });
        else titleEl.replaceChildren(article.title, element('span', { className: 'lucid-translation', lang: target.value, textContent: textOf(title) }));
      }
      showOriginal.hidden = done.length === 0 && title === undefined;
    }

    /** Renders run one after another, so each sends what the one before it left out. */
    function render() {
      rendering = rendering.catch(() => {}).then(renderNow);
      return rendering;
    }

    function report() {
      const problems = [...new Set(failed.values())];
      const done = everything().filter((seg) => cache.has(cacheKey(target.value, seg))).length;
      status.textContent = `${done}/${everything().length}` + (problems.length ? ` · ${failed.size} failed: ${problems.join('; ')}` : '');
      progress.value = done / everything().length;
      retry.hidden = failed.size === 0;
    }

    async function translate(only) {
      const mine = ++run;
      go.disabled = retry.disabled = true;
      cancel.hidden = progress.hidden = false;
      try {
        if (!segmented) {
          const key = { view, mode: mode.value, lang: target.value };
          segmented = await send({ type: 'translate/split', content: article.content, title: article.title, ...key });
          merged = { mode: key.mode, lang: key.lang, ids: new Set() };
        }
        const to = target.value;
        const todo = everything().filter((s) => !cache.has(cacheKey(to, s)) && (!only || only.has(s.id)));
        for (const s of todo) failed.delete(s.id);
        report();
        if (todo.length < everything().length) await render();
        for (let i = 0; i < todo.length && mine === run; i += BATCH) {
          const batch = todo.slice(i, i + BATCH);
          let answer;
          try {
            answer = await send({ type: 'translate/batch', segments: batch, from, to });
          } catch (error) {
            answer = { results: [], failed: [{ ids: batch.map((s) => s.id), error: error.message }] };
          }
          if (mine !== run) return; // cancelled while this batch was out: drop it
          const byId = new Map(batch.map((s) => [s.id, s]));
          for (const r of answer.results) if (byId.has(r.id)) cache.set(cacheKey(to, byId.get(r.id)), r.html);
          for (const f of answer.failed) for (const id of f.ids) failed.set(id, f.error);
          report();
          if (answer.results.length) await render();
        }
      } catch (error) {
        status.textContent = error.message;
      } finally {
        if (mine === run) {
          go.disabled = retry.disabled = false;
          cancel.hidden = progress.hidden = true;
        }
      }
    }

    function restore() {
      content.replaceChildren(...htmlNodes(article.content));
      if (titleEl) {
        titleEl.textContent = article.title;
        titleEl.removeAttribute('lang');
      }
      showOriginal.hidden = true;
    }

    go.addEventListener('click', () => translate(null));
    retry.addEventListener('click', () => translate(new Set(failed.keys())));
    cancel.addEventListener('click', () => {
      run += 1;
      go.disabled = retry.disabled = false;
      cancel.hidden = progress.hidden = true;
      status.textContent = 'Cancelled';
      restore();
    });
    showOriginal.addEventListener('click', restore);
    for (const select of [target, mode]) {
      select.addEventListener('change', () => {
        send({ type: 'translate/settings', patch: { target: target.value, mode: mode.value } }).catch(() => {});
        if (select === target) {
          run += 1; // another language: start again from the original
          failed.clear();
          restore();
          status.textContent = '';
          retry.hidden = true;
        } else if (segmented) render().catch(() => {});
      });
    }

    return { button, panel, toggle, close, detach: () => { run += 1; } };
  }

  return Object.freeze({ attach });
})();

// The reading view's translation bar (content script, injected after reader.js). Nothing is sent
// until the user clicks Translate. The view drives the worker one batch at a time: each answer is
// cached for the tab, merged by the core with what arrived so far and rendered; cancel drops the
// batch in flight and shows the original; failed segments can be retried alone.

globalThis.LucidTranslate ??= (() => {
  /** Segments per message to the worker: small enough that progress moves on a short article. */
  const BATCH = 6;
  const TARGETS = { en: 'English', zh: '中文', ja: '日本語', ko: '한국어', fr: 'Français', de: 'Deutsch', es: 'Español', ru: 'Русский' };

  async function send(message) {
    const reply = await chrome.runtime.sendMessage(message);
    if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
    return reply.value;
  }

  function el(tag, props = {}, children = []) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  /** The text of untrusted HTML (a translated title), parsed inert: only text reaches the page. */
  function textOf(html) {
    return new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body.textContent.trim();
  }

  const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  /** Sanitized HTML from the core, parsed inert and adopted. */
  function nodes(html) {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    return [...parsed.body.childNodes].map((n) => document.adoptNode(n));
  }

  /**
   * Translations by target language and source HTML, for as long as this page lives in the tab:
   * the reading view is rebuilt on every toggle, this object is not.
   */
  const cache = new Map();
  const cacheKey = (to, segment) => `${to}\u0000${segment.html}`;

  /** Add the bar to a freshly opened view: `{container, scroller}`. */
  function attach({ container, scroller }) {
    const content = scroller.querySelector('.lucid-content');
    if (!content) return;
    const from = scroller.querySelector('.lucid-article')?.lang || null;
    const original = content.innerHTML;
    // The title sits in the view's header, outside the content: it travels as one more segment.
    const titleEl = scroller.querySelector('.lucid-title');
    const originalTitle = titleEl?.textContent ?? '';
    const titleSegment = originalTitle.trim() ? { id: 'title', html: escapeHtml(originalTitle), text: originalTitle } : null;
    const failed = new Map();
    let segmented = null;
    let run = 0;

    const target = el('select', { className: 'lucid-t-target', title: 'Translate into' },
      Object.entries(TARGETS).map(([value, label]) => el('option', { value, textContent: label })));
    const mode = el('select', { className: 'lucid-t-mode', title: 'How to show the translation' }, [
      el('option', { value: 'replace', textContent: 'Replace' }),
      el('option', { value: 'bilingual', textContent: 'Bilingual' }),
    ]);
    const go = el('button', { type: 'button', className: 'lucid-t-go', textContent: 'Translate' });
    const cancel = el('button', { type: 'button', className: 'lucid-t-cancel', textContent: 'Cancel', hidden: true });
    const showOriginal = el('button', { type: 'button', className: 'lucid-t-original', textContent: 'Show original', hidden: true });
    const retry = el('button', { type: 'button', className: 'lucid-t-retry', textContent: 'Retry', hidden: true });
    const status = el('span', { className: 'lucid-t-status', role: 'status' });
    const bar = el('div', { className: 'lucid-translate', role: 'group', ariaLabel: 'Translation' }, [target, mode, go, cancel, showOriginal, retry, status]);
    container.append(bar);

    send({ type: 'translate/settings' }).then((s) => {
      target.value = s.target;
      mode.value = s.mode;
    }, () => {});

    /** Every segment: the title, then the content's. */
    const everything = () => [...(titleSegment ? [titleSegment] : []), ...segmented.segments];

    /** The cached translations of this article's segments into the chosen language. */
    function translations() {
      return segmented.segments.flatMap((s) => {
        const html = cache.get(cacheKey(target.value, s));
        return html === undefined ? [] : [{ id: s.id, html }];
      });
    }

    async function render() {
      const done = translations();
      const html = await send({ type: 'translate/merge', segmented, translations: done, mode: mode.value, lang: target.value });
      content.replaceChildren(...nodes(html));
      const title = titleSegment ? cache.get(cacheKey(target.value, titleSegment)) : undefined;
      if (titleSegment) {
        if (title === undefined) titleEl.textContent = originalTitle;
        else if (mode.value === 'replace') titleEl.textContent = textOf(title);
        else titleEl.replaceChildren(originalTitle, el('span', { className: 'lucid-translation', lang: target.value, textContent: textOf(title) }));
      }
      showOriginal.hidden = done.length === 0 && title === undefined;
    }

    function report() {
      const problems = [...new Set(failed.values())];
      const done = everything().filter((seg) => cache.has(cacheKey(target.value, seg))).length;
      status.textContent = `${done}/${everything().length}` + (problems.length ? ` · ${failed.size} failed: ${problems.join('; ')}` : '');
      retry.hidden = failed.size === 0;
    }

    async function translate(only) {
      const mine = ++run;
      go.disabled = retry.disabled = true;
      cancel.hidden = false;
      try {
        segmented ??= await send({ type: 'translate/split', html: original });
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
          cancel.hidden = true;
        }
      }
    }

    function restore() {
      content.replaceChildren(...nodes(original));
      if (titleEl) titleEl.textContent = originalTitle;
      showOriginal.hidden = true;
    }

    go.addEventListener('click', () => translate(null));
    retry.addEventListener('click', () => translate(new Set(failed.keys())));
    cancel.addEventListener('click', () => {
      run += 1;
      go.disabled = retry.disabled = false;
      cancel.hidden = true;
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
  }

  return Object.freeze({ attach });
})();

// The reading view's translation bar (content script, injected after reader.js). Nothing is sent
// until the user clicks Translate. The view drives the worker one batch at a time: each answer is
// cached for the tab, merged by the core with what arrived so far and rendered; cancel stops
// after the batch in flight and shows the original; failed segments can be retried alone.

globalThis.LucidTranslate ??= (() => {
  const BATCH = 20;
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

  /** Sanitized HTML from the core, parsed inert and adopted. */
  function nodes(html) {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    return [...parsed.body.childNodes].map((n) => document.adoptNode(n));
  }

  /** Add the bar to a freshly opened view: `{container, scroller}`. */
  function attach({ container, scroller }) {
    const content = scroller.querySelector('.lucid-content');
    if (!content) return;
    const from = scroller.querySelector('.lucid-article')?.lang || null;
    const original = content.innerHTML;
    const cache = new Map();
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

    async function render() {
      const html = await send({ type: 'translate/merge', segmented, translations: [...cache].map(([id, h]) => ({ id, html: h })), mode: mode.value, lang: target.value });
      content.replaceChildren(...nodes(html));
      showOriginal.hidden = cache.size === 0;
    }

    function report() {
      const total = segmented.segments.length;
      const problems = [...new Set(failed.values())];
      status.textContent = `${cache.size}/${total}` + (problems.length ? ` · ${failed.size} failed: ${problems.join('; ')}` : '');
      retry.hidden = failed.size === 0;
    }

    async function translate(only) {
      const mine = ++run;
      go.disabled = retry.disabled = true;
      cancel.hidden = false;
      try {
        segmented ??= await send({ type: 'translate/split', html: original });
        const todo = segmented.segments.filter((s) => !cache.has(s.id) && (!only || only.has(s.id)));
        for (const s of todo) failed.delete(s.id);
        report();
        if (cache.size) await render();
        for (let i = 0; i < todo.length && mine === run; i += BATCH) {
          const batch = todo.slice(i, i + BATCH);
          let answer;
          try {
            answer = await send({ type: 'translate/batch', segments: batch, from, to: target.value });
          } catch (error) {
            answer = { results: [], failed: [{ ids: batch.map((s) => s.id), error: error.message }] };
          }
          if (mine !== run) return; // cancelled while this batch was out: drop it
          for (const r of answer.results) cache.set(r.id, r.html);
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
          run += 1; // another language: what is cached no longer applies
          cache.clear();
          failed.clear();
          restore();
          status.textContent = '';
          retry.hidden = true;
        } else if (cache.size) render().catch(() => {});
      });
    }
  }

  return Object.freeze({ attach });
})();

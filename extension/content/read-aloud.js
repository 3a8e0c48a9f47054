// Read aloud (content script, injected after sentences.js, before reader.js): the Listen button
// and its panel. It reads the title, then the article's prose, one sentence per utterance of the
// browser's speechSynthesis, highlighting the sentence (and the word, where the voice reports
// word boundaries) with the CSS Custom Highlight API, so the article's DOM is never touched.
// What is on screen is what is read: a translated article is read in its translation, each
// paragraph in the voice of its own `lang`.
//
// The speech API is looked up on this script's global each time it is needed: content scripts
// run in the extension's isolated world (Chromium) or sandbox (Firefox), which pages cannot
// reach, so only the extension itself could stand something else in for it (the tests do,
// through scripting.executeScript, since headless browsers have no voices).
//
// Defines `LucidReadAloud` once per page: `attach({container, scroller, article, onOpen})`.

if (!Object.hasOwn(globalThis, 'LucidReadAloud')) globalThis.LucidReadAloud = (() => {
  const { element, icon: pathIcon } = globalThis.LucidShell;
  const { split, pieces } = globalThis.LucidSentences;

  /** chrome.storage.local: voices are installed per device, so the choice stays on the device. */
  const STORE_KEY = 'readAloud';
  const RATE = Object.freeze({ min: 0.5, max: 2, step: 0.1, initial: 1 });
  /** How long to wait for the browser to list its voices (Chromium fills the list asynchronously). */
  const VOICES_WAIT_MS = 1500;
  /**
   * The most one utterance says, in Latin letters (a CJK character counts three): about twelve
   * seconds at normal speed. Chromium's network voices stop an utterance after about fifteen, so
   * a longer sentence is read, and highlighted, clause by clause.
   */
  const UTTERANCE_LIMIT = 200;
  const SENTENCE = 'lucid-sentence';
  const WORD = 'lucid-word';
  /** Elements whose text is never read: captions, formulas, what the view adds. */
  const SILENT = 'figcaption, math, script, style, noscript, button, select';
  /** What the paragraphs of speech are: each run of text belongs to the nearest of these. */
  const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, td, th, caption, pre, div, section, article, header, footer, aside, summary, figure, address';
  /** Said instead of a code block, in the languages whose readers Lucid speaks to; elsewhere code is skipped. */
  const CODE_ANNOUNCEMENT = { en: 'Code block, skipped.', zh: '（此处为代码，略过。）', ja: '（コードは省略します。）', ko: '(코드는 건너뜁니다.)' };
  const SPEAKABLE = /[\p{L}\p{N}]/u;
  const ICONS = {
    listen: 'M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v6H5a1 1 0 0 1-1-1zM20 14h-3v6h2a1 1 0 0 0 1-1z',
    previous: 'M7 6v12M18 6l-8 6 8 6z',
    play: 'M8 5.5v13l10.5-6.5z',
    pause: 'M8.5 5.5v13M15.5 5.5v13',
    next: 'M17 6v12M6 6l8 6-8 6z',
    stop: 'M7 7h10v10H7z',
  };

  const synthesis = () => globalThis.speechSynthesis ?? null;
  const primary = (lang) => (lang || '').toLowerCase().replace(/_/g, '-').split('-')[0];
  const languageName = (lang) => {
    try {
      return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
    } catch {
      return lang;
    }
  };

  const icon = (name) => pathIcon(ICONS[name]);

  /** The browser's voices, once it has listed them (or after VOICES_WAIT_MS: then it has none). */
  function loadVoices() {
    const synth = synthesis();
    if (!synth) return Promise.resolve([]);
    const now = synth.getVoices();
    if (now.length) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        synth.removeEventListener?.('voiceschanged', done);
        resolve(synth.getVoices());
      };
      const timer = setTimeout(done, VOICES_WAIT_MS);
      synth.addEventListener?.('voiceschanged', done);
    });
  }

  /** Voices for `lang`: same language, the same region first, then the browser's default, then local ones. */
  function voicesFor(voices, lang) {
    const want = (lang || '').toLowerCase().replace(/_/g, '-');
    const rank = (v) => {
      const have = v.lang.toLowerCase().replace(/_/g, '-');
      return (have === want ? 0 : 4) + (v.default ? 0 : 2) + (v.localService ? 0 : 1);
    };
    return voices.filter((v) => !lang || primary(v.lang) === primary(lang)).sort((a, b) => rank(a) - rank(b));
  }

  /**
   * The paragraphs of speech under `roots`, in reading order: `{block, lang, text, nodes, sentences}`
   * where `nodes` are the text nodes and where each starts in `text`. A code block is one
   * paragraph of its announcement (`announce`), or none. In a bilingual view only the
   * translations are read: an element followed or ended by its `.lucid-translation` is skipped.
   */
  function paragraphsOf(roots, fallbackLang) {
    const out = [];
    let current = null;
    const translated = (block) => !block.closest('.lucid-translation')
      && (block.nextElementSibling?.classList.contains('lucid-translation') || block.querySelector(':scope > .lucid-translation'));
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(SILENT)) continue;
        const block = parent.closest(BLOCKS) ?? root;
        const lang = parent.closest('[lang]')?.getAttribute('lang') || fallbackLang;
        if (!parent.closest('.lucid-translation') && translated(block)) continue;
        const code = parent.closest('pre');
        if (code) {
          if (current?.block === code) continue;
          const said = CODE_ANNOUNCEMENT[primary(lang)];
          current = { block: code, lang, text: said ?? '', nodes: [], announce: true };
          if (said) out.push(current);
          continue;
        }
        if (current?.block !== block || current.lang !== lang || current.announce) {
          current = { block, lang, text: '', nodes: [] };
          out.push(current);
        }
        current.nodes.push({ node, start: current.text.length });
        current.text += node.data;
      }
    }
    for (const p of out) {
      p.sentences = split(p.text).flatMap((s) => pieces(p.text, s, UTTERANCE_LIMIT)).filter((s) => SPEAKABLE.test(p.text.slice(s.start, s.end)));
    }
    return out.filter((p) => p.sentences.length);
  }

  /** A DOM range over `paragraph.text.slice(start, end)`; the block itself for an announcement. */
  function rangeOf(paragraph, start, end) {
    const range = document.createRange();
    if (paragraph.announce) {
      range.selectNodeContents(paragraph.block);
      return range;
    }
    const at = (offset, isEnd) => {
      const { nodes } = paragraph;
      let i = nodes.length - 1;
      while (i > 0 && (isEnd ? nodes[i].start >= offset : nodes[i].start > offset)) i -= 1;
      return [nodes[i].node, Math.min(offset - nodes[i].start, nodes[i].node.length)];
    };
    range.setStart(...at(start, false));
    range.setEnd(...at(end, true));
    return range;
  }

  /** Show `range` as the highlight `name` (none when null). Without the Highlight API, nothing is marked. */
  function highlight(name, range) {
    const registry = globalThis.CSS?.highlights;
    if (!registry || typeof globalThis.Highlight !== 'function') return;
    if (range) registry.set(name, new globalThis.Highlight(range));
    else registry.delete(name);
  }

  /** Scroll `scroller` so `range` is comfortably in view: a third from the top when it is out of the middle band. */
  function keepInView(scroller, range) {
    const box = range.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (!box.height) return;
    if (box.top >= view.top + 70 && box.bottom <= view.bottom - view.height * 0.2) return;
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    scroller.scrollTo({ top: scroller.scrollTop + box.top - view.top - view.height / 3, behavior: reduce ? 'instant' : 'smooth' });
  }

  /**
   * Add the Listen button and panel to a freshly opened view: `{container, scroller, article,
   * onOpen}` (`onOpen` closes the view's other panels). Returns `{button, panel, close, detach}`:
   * `close()` hides the panel (true when it was open), `detach()` stops speaking.
   */
  function attach({ container, scroller, article, onOpen }) {
    const content = scroller.querySelector('.lucid-content');
    const title = scroller.querySelector('.lucid-title');
    const articleLang = article.lang || scroller.querySelector('.lucid-article')?.getAttribute('lang') || '';

    const button = element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'listen' }, title: 'Listen', 'aria-expanded': 'false' }, [icon('listen')]);
    const voiceSelect = element('select', { className: 'lucid-ra-voice' });
    const voiceLabel = element('span', { className: 'lucid-label', textContent: 'Voice' });
    const rateOut = element('output', { className: 'lucid-ra-rate' });
    const control = (name, label) => element('button', { type: 'button', className: `lucid-ra-${name}`, title: label, 'aria-label': label }, [icon(name)]);
    const previous = control('previous', 'Previous paragraph');
    const play = control('play', 'Play');
    const next = control('next', 'Next paragraph');
    const stop = control('stop', 'Stop');
    const slower = element('button', { type: 'button', className: 'lucid-ra-slower', textContent: '−', 'aria-label': 'Slower' });
    const faster = element('button', { type: 'button', className: 'lucid-ra-faster', textContent: '+', 'aria-label': 'Faster' });
    const status = element('p', { className: 'lucid-ra-status', role: 'status' });
    const voiceRow = element('label', { className: 'lucid-row' }, [voiceLabel, voiceSelect]);
    const panel = element('div', { className: 'lucid-panel lucid-listen', role: 'dialog', 'aria-label': 'Listen', hidden: true }, [
      element('div', { className: 'lucid-ra-controls', role: 'group', 'aria-label': 'Playback' }, [previous, play, next, stop]),
      voiceRow,
      element('div', { className: 'lucid-row', role: 'group', 'aria-label': 'Speed' }, [
        element('span', { className: 'lucid-label', textContent: 'Speed' }),
        element('div', { className: 'lucid-stepper' }, [slower, rateOut, faster]),
      ]),
      status,
    ]);

    /** `{rate, voices: {primary language: voiceURI}}` from storage. */
    let prefs = { rate: RATE.initial, voices: {} };
    let voices = [];
    /** The paragraphs being read; rebuilt when the article's content changes (translation). */
    let paragraphs = null;
    /** Where reading is: paragraph, sentence, and the offset into the sentence to resume from. */
    let at = { paragraph: 0, sentence: 0, offset: 0 };
    /** 'stopped' | 'playing' | 'paused' */
    let state = 'stopped';
    /** Bumped whenever speech is cancelled, so that a cancelled utterance's late events are ignored. */
    let generation = 0;
    /** The utterance being spoken: held so that Chromium does not collect it and lose its events. */
    let speaking = null;
    let ready = null;

    const save = () => chrome.storage.local.set({ [STORE_KEY]: prefs }).catch(() => {});

    /** The language most of what is on screen is in: the translation's once the article is translated. */
    function readingLang() {
      const length = new Map();
      for (const p of paragraphs ?? []) length.set(primary(p.lang), (length.get(primary(p.lang)) ?? 0) + p.text.length);
      let best = primary(articleLang);
      for (const [lang, n] of length) if (n > (length.get(best) ?? 0)) best = lang;
      return paragraphs?.find((p) => primary(p.lang) === best)?.lang ?? articleLang;
    }

    /** The voice for `lang`: the one chosen for its language, else the best match; null when the browser has none. */
    function voiceFor(lang) {
      const fitting = voicesFor(voices, lang);
      return fitting.find((v) => v.voiceURI === prefs.voices[primary(lang)]) ?? fitting[0] ?? null;
    }

    function refresh() {
      paragraphs = paragraphsOf([title, content].filter(Boolean), articleLang);
      const lang = readingLang();
      const fitting = voicesFor(voices, lang);
      const chosen = voiceFor(lang);
      // Voices are matched by language, not region or script: the message names the language.
      const name = lang ? languageName(primary(lang)) : 'this article';
      voiceLabel.textContent = lang ? `Voice (${name})` : 'Voice';
      voiceSelect.replaceChildren(...fitting.map((v) => element('option', { value: v.voiceURI, textContent: v.name, selected: v === chosen })));
      const missing = fitting.length === 0;
      voiceRow.hidden = missing;
      button.dataset.noVoice = String(missing);
      button.title = missing ? `Listen: this browser has no voice for ${name}` : 'Listen';
      rateOut.textContent = `${prefs.rate.toFixed(1)}×`;
      slower.disabled = prefs.rate <= RATE.min + 1e-9;
      faster.disabled = prefs.rate >= RATE.max - 1e-9;
      if (missing) {
        status.textContent = `This browser has no voice for ${name}: install one in your system's speech settings to listen.`;
      } else if (state === 'stopped' && status.dataset.kind !== 'finished') status.textContent = '';
      showState();
    }

    function showState() {
      const missing = button.dataset.noVoice === 'true';
      play.replaceChildren(icon(state === 'playing' ? 'pause' : 'play'));
      play.title = state === 'playing' ? 'Pause' : state === 'paused' ? 'Resume' : 'Play';
      play.setAttribute('aria-label', play.title);
      play.disabled = missing;
      for (const b of [previous, next, stop]) b.disabled = missing || state === 'stopped';
      button.dataset.state = state;
    }

    function mark() {
      const p = paragraphs[at.paragraph];
      const s = p.sentences[at.sentence];
      const range = rangeOf(p, s.start, s.end);
      highlight(SENTENCE, range);
      highlight(WORD, null);
      keepInView(scroller, range);
      status.dataset.kind = '';
      status.textContent = `Paragraph ${at.paragraph + 1} of ${paragraphs.length}`;
    }

    function cancel() {
      generation += 1;
      speaking = null;
      synthesis()?.cancel();
    }

    /** Speak the sentence `at` points to, from its resume offset; the next follows on its end. */
    function speak() {
      const p = paragraphs[at.paragraph];
      const s = p.sentences[at.sentence];
      const voice = voiceFor(p.lang);
      if (!voice) {
        // A paragraph in a language the browser has no voice for is skipped, not misread.
        advance();
        return;
      }
      mark();
      const from = s.start + at.offset;
      const utterance = new globalThis.SpeechSynthesisUtterance(p.text.slice(from, s.end));
      utterance.lang = p.lang || voice.lang;
      utterance.voice = voice;
      utterance.rate = prefs.rate;
      const mine = ++generation;
      utterance.addEventListener('boundary', (event) => {
        if (mine !== generation || event.name !== 'word') return;
        const start = from + event.charIndex;
        const rest = p.text.slice(start, s.end);
        const length = event.charLength || (/^\S+/u.exec(rest)?.[0].length ?? 0);
        at.offset = start - s.start;
        if (length) highlight(WORD, rangeOf(p, start, Math.min(start + length, s.end)));
      });
      utterance.addEventListener('end', () => {
        if (mine === generation) advance();
      });
      utterance.addEventListener('error', (event) => {
        // Lucid's own cancels come with a new generation; one that does not was someone else's
        // (the page shares the speech queue): reading stops rather than waiting for an end.
        if (mine !== generation) return;
        const cancelled = event.error === 'interrupted' || event.error === 'canceled';
        finish(cancelled ? 'Stopped: something else used the speech voice.' : `Speech stopped: ${event.error}`);
      });
      speaking = utterance;
      synthesis().speak(utterance);
    }

    function advance() {
      const p = paragraphs[at.paragraph];
      at = at.sentence + 1 < p.sentences.length
        ? { paragraph: at.paragraph, sentence: at.sentence + 1, offset: 0 }
        : { paragraph: at.paragraph + 1, sentence: 0, offset: 0 };
      if (at.paragraph >= paragraphs.length) finish('Finished');
      else speak();
    }

    function finish(message) {
      cancel();
      state = 'stopped';
      at = { paragraph: 0, sentence: 0, offset: 0 };
      highlight(SENTENCE, null);
      highlight(WORD, null);
      status.dataset.kind = 'finished';
      status.textContent = message;
      showState();
    }

    async function playPause() {
      await ready;
      if (state === 'playing') {
        // Pausing cancels and resumes at the last word heard: speechSynthesis.pause() is not
        // honoured by every engine and voice (Chromium's on Linux among them).
        cancel();
        state = 'paused';
        status.textContent = 'Paused';
      } else {
        if (!paragraphs?.length || !voiceFor(readingLang())) return;
        state = 'playing';
        speak();
      }
      showState();
    }

    /** Move by `delta` paragraphs (previous: -1, next: 1), speaking on if playing. */
    function skip(delta) {
      if (state === 'stopped') return;
      cancel();
      at = { paragraph: Math.max(0, Math.min(paragraphs.length - 1, at.paragraph + delta)), sentence: 0, offset: 0 };
      if (state === 'playing') speak();
      else mark();
    }

    function toggle(show = panel.hidden) {
      if (show) onOpen?.();
      panel.hidden = !show;
      button.setAttribute('aria-expanded', String(show));
      // The list is read again each time: a voice may have been installed, or (in the tests) a stand-in.
      if (show) ready = ready.then(loadVoices).then((list) => { voices = list; }).then(refresh);
    }

    function changeRate(delta) {
      prefs.rate = Math.round(Math.min(RATE.max, Math.max(RATE.min, prefs.rate + delta)) * 10) / 10;
      save();
      refresh();
      if (state === 'playing') {
        // The new speed applies from the word being spoken.
        cancel();
        speak();
      }
    }

    button.addEventListener('click', () => toggle());
    play.addEventListener('click', playPause);
    previous.addEventListener('click', () => skip(-1));
    next.addEventListener('click', () => skip(1));
    stop.addEventListener('click', () => finish(''));
    slower.addEventListener('click', () => changeRate(-RATE.step));
    faster.addEventListener('click', () => changeRate(RATE.step));
    voiceSelect.addEventListener('change', () => {
      prefs.voices = { ...prefs.voices, [primary(readingLang())]: voiceSelect.value };
      save();
      if (state === 'playing') {
        cancel();
        speak();
      }
    });
    // Clicking outside the panel closes it, as the view's other panels.
    container.addEventListener('click', (event) => {
      if (!panel.hidden && !event.composedPath().some((el) => el === panel || el === button)) toggle(false);
    });
    // A translation (or "show original") replaces the content: what was being read is gone, so
    // reading stops; the next Play reads what is there now, in its language.
    // Voices can arrive late (Chromium lists them asynchronously) or be installed meanwhile.
    const synth = synthesis();
    const voicesChanged = () => { ready = ready.then(() => { voices = synth.getVoices(); }).then(refresh); };
    synth?.addEventListener?.('voiceschanged', voicesChanged);
    const observer = new MutationObserver(() => {
      if (state !== 'stopped') finish('The article changed: press Play to listen to it as it is now.');
      ready.then(refresh);
    });
    if (content) observer.observe(content, { childList: true });
    if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });

    ready = Promise.all([
      chrome.storage.local.get(STORE_KEY).then((stored) => {
        const s = stored[STORE_KEY] ?? {};
        prefs = { rate: Number.isFinite(s.rate) ? Math.min(RATE.max, Math.max(RATE.min, s.rate)) : RATE.initial, voices: { ...s.voices } };
      }, () => {}),
      loadVoices().then((list) => { voices = list; }),
    ]).then(refresh);

    return {
      button,
      panel,
      close() {
        if (panel.hidden) return false;
        toggle(false);
        return true;
      },
      detach() {
        observer.disconnect();
        synth?.removeEventListener?.('voiceschanged', voicesChanged);
        if (state !== 'stopped') finish('');
      },
    };
  }

  return Object.freeze({ attach });
})();

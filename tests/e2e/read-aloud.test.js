// Read aloud and the table of contents in the reading view.
//
// Headless browsers have no voices, so the tests stand in for speechSynthesis: a stand-in with
// the same interface (getVoices, speak, cancel, utterances with boundary/end/error events) is
// installed in the extension's own content-script world (Chromium's isolated world, Firefox's
// sandbox) through scripting.executeScript from an extension page, where read-aloud.js looks
// the API up. A page cannot reach that world, so the product needs no hook for it. The stand-in
// speaks nothing by itself: each test says when a word is reached and when an utterance ends.

import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, eachBrowser, sleep, viewClick, viewEvaluate, viewSelect, viewVisible, waitForView, waitInView } from './harness.js';
import { fakeLibreTranslate } from './fake-libretranslate.js';

const PAGE = 'pages/read-aloud.html';
const SEED = 'fixtures/seed/netease-apple-tpu/source.html';
const VOICES = [
  { voiceURI: 'test:fr', name: 'Test French', lang: 'fr-FR', localService: true, default: true },
  { voiceURI: 'test:en-gb', name: 'Test English (UK)', lang: 'en-GB', localService: true, default: false },
  { voiceURI: 'test:en-us', name: 'Test English (US)', lang: 'en-US', localService: false, default: false },
];
const ZH_VOICE = { voiceURI: 'test:zh', name: 'Test Chinese', lang: 'zh-CN', localService: true, default: false };

/** What the English page says, in order: the title, then each sentence; the caption is skipped, the code announced. */
const SPOKEN = [
  'How the River Town Rebuilt Its Bridge',
  'The old bridge closed in March.',
  'Engineers found cracks in two of its piers after the spring flood.',
  'Dr. Lena Ortiz led the inspection for the county.',
  'She said the cracks were 3.5 centimetres deep and growing every winter.',
  'The plan',
  'The council chose a steel design over concrete.',
  'It can be built in pieces on the bank and lifted into place in one weekend.',
  'Paying for it',
  'Half of the money came from the state.',
  'The rest was raised by a small fee on every ticket sold at the summer fair.',
  'Code block, skipped.',
  'The lift',
  'Crews worked through the night.',
  'By Sunday morning the span was resting on its new bearings, and the first cyclists crossed at noon.',
  'What comes next',
  'The town will paint the railings in the autumn.',
  'A plaque will name everyone who worked on the lift.',
  // Sentences too long for one utterance, read clause by clause.
  'The plaque will hang on the west pier, where the old stone was cut away, and it will carry the names of the welders, the crane drivers, the divers who checked the footings in the cold water,',
  'and the cooks who kept the crews fed through the longest night of the lift.',
  'Shops on both banks say trade came back within a week of the opening,',
  'and the ferry that carried people across during the closure will keep running on summer weekends for visitors who want to see the new span from the river.',
  'The county has asked the same engineers to look at the two smaller bridges upstream, which were built in the same decade from the same stone,',
  'and a report on them is expected before the end of the year.',
  'For now the town is simply glad to have its crossing back, and on most evenings there are people standing at the middle of the span,',
  'watching the water run fast and brown under the new steel where the old piers used to be.',
];

let translator;
before(async () => {
  translator = await fakeLibreTranslate();
  await mkdir(ARTIFACTS, { recursive: true });
});
afterEach(() => translator.reset());
after(() => translator.close());

eachBrowser((ctx) => {
  const { test } = ctx;

  /**
   * `name(arg)` of the stand-in, run in the content scripts' world of `page`'s tab; `install`
   * (arg: the voices) puts the stand-in in place of the browser's speech API.
   */
  function speech(page, name, arg = null) {
    return ctx.browser.inExtension(async (url, name, arg) => {
      // Firefox shows an extension page the addresses of tabs only with the tabs permission: there
      // the tab is the one in front (the test brought it there), which the injected code checks.
      const [tab] = [...await chrome.tabs.query({ url }), ...await chrome.tabs.query({ active: true, lastFocusedWindow: true })];
      if (!tab) throw new Error(`no tab at ${url}`);
      function inContentWorld(url, name, arg) {
        if (location.href !== url) throw new Error(`the tab in front is ${location.href}, not ${url}`);
        if (name !== 'install') return globalThis.LucidSpeechStandIn[name](arg);
        const events = (target) => {
          const listeners = {};
          target.addEventListener = (type, fn) => (listeners[type] ??= []).push(fn);
          target.removeEventListener = (type, fn) => { listeners[type] = (listeners[type] ?? []).filter((f) => f !== fn); };
          target.fire = (type, detail = {}) => { for (const fn of listeners[type] ?? []) fn({ type, ...detail }); };
          return target;
        };
        class Utterance {
          constructor(text) {
            Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
            events(this);
          }
        }
        const state = { voices: arg.map((v) => ({ ...v })), queue: [], current: null, spoken: [] };
        const start = () => {
          state.current = state.queue.shift() ?? null;
          const u = state.current;
          if (u) state.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.voiceURI ?? null, rate: u.rate });
        };
        const synth = events({
          getVoices: () => state.voices,
          speak(u) { state.queue.push(u); if (!state.current) start(); },
          cancel() {
            const u = state.current;
            state.queue = [];
            state.current = null;
            u?.fire('error', { error: 'interrupted' });
          },
          pause() {}, resume() {},
        });
        Object.defineProperty(globalThis, 'speechSynthesis', { value: synth, configurable: true });
        Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
        globalThis.LucidSpeechStandIn = {
          current: () => state.current?.text ?? null,
          spoken: () => state.spoken,
          /** The voice reaches `word` in the current utterance; `[word, 0]`: a boundary without a length, as some voices report. */
          word(arg) {
            const [word, length = word.length] = Array.isArray(arg) ? arg : [arg];
            const u = state.current;
            const at = u.text.indexOf(word);
            if (at < 0) throw new Error(`"${word}" is not in "${u.text}"`);
            u.fire('boundary', { name: 'word', charIndex: at, charLength: length });
          },
          end() {
            const u = state.current;
            state.current = null;
            u.fire('end');
            if (!state.current) start();
            return state.current?.text ?? null;
          },
        };
        return true;
      }
      const [{ result }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: inContentWorld, args: [url, name, arg] });
      return result;
    }, page.url(), name, arg);
  }

  /** The reading view of `pagePath` with the stand-in speaking `voices`; `keep`: keep the remembered voices and speed. */
  async function openReader(pagePath, voices = VOICES, { keep = false } = {}) {
    if (!keep) await ctx.browser.inExtension(() => chrome.storage.local.remove('readAloud'));
    const page = await ctx.browser.open(ctx.url(pagePath));
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await speech(page, 'install', voices);
    return page;
  }

  const click = (page, selector, options) => viewClick(page, selector, options);
  /**
   * The text under the view's highlights (the sentence being read, its word). Read from the page's
   * world: Firefox's content scripts cannot iterate a Highlight (its Xray has no iterators).
   */
  const highlights = (page) => viewEvaluate(page, () => {
    const text = (name) => [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString()).join('');
    return { sentence: text('lucid-sentence'), word: text('lucid-word') };
  });
  const current = (page) => speech(page, 'current');

  /** Open the Listen panel and wait until it has looked at the voices (`voices`: until it lists some). */
  async function openListen(page, { voices = true } = {}) {
    await click(page, '[data-action="listen"]');
    await waitInView(page, voices ? '.lucid-listen:not([hidden]) .lucid-ra-voice option' : '.lucid-listen:not([hidden]) .lucid-ra-status:not(:empty)');
  }

  /** Wait until the stand-in speaks `text` (reading goes on from events, not at once). */
  async function waitSpeaking(page, text) {
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(50)) {
      if (await current(page) === text) return;
    }
    throw new Error(`not speaking "${text}" but "${await current(page)}" [${ctx.name}]`);
  }

  const panel = (page) => viewEvaluate(page, (root) => {
    const p = root.querySelector('.lucid-listen');
    return {
      voices: [...p.querySelectorAll('.lucid-ra-voice option')].map((o) => o.value),
      voice: p.querySelector('.lucid-ra-voice').value,
      label: p.querySelector('.lucid-label').textContent,
      play: p.querySelector('.lucid-ra-play').getAttribute('aria-label'),
      playDisabled: p.querySelector('.lucid-ra-play').disabled,
      status: p.querySelector('.lucid-ra-status').textContent,
      button: root.querySelector('[data-action="listen"]').title,
    };
  });

  test('Listen reads the title, then each sentence in order, captions left out and code announced, the sentence and word highlighted', async () => {
    const page = await openReader(PAGE);
    await openListen(page);
    const before = await panel(page);
    assert.deepEqual(before.voices, ['test:en-gb', 'test:en-us'], 'only English voices, the local one first');
    assert.equal(before.label, 'Voice (English)');
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, SPOKEN[0]);
    assert.equal((await highlights(page)).sentence, SPOKEN[0], 'the title is highlighted');

    await speech(page, 'end');
    await waitSpeaking(page, SPOKEN[1]);
    await speech(page, 'word', ['closed', 0]);
    assert.deepEqual(await highlights(page), { sentence: SPOKEN[1], word: 'closed' }, 'a word without a length runs to the next space');
    await speech(page, 'word', 'bridge');
    assert.deepEqual(await highlights(page), { sentence: SPOKEN[1], word: 'bridge' });
    await page.screenshot({ path: path.join(ARTIFACTS, `read-aloud-${ctx.name}.png`) });

    const heard = [SPOKEN[0], SPOKEN[1]];
    for (let text = await speech(page, 'end'); text; text = await speech(page, 'end')) {
      heard.push(text);
      if (text !== SPOKEN.at(-1)) continue;
      // The last sentence, far below the first screen, has been scrolled into view.
      await waitForView(page, (root) => {
        const box = CSS.highlights.get('lucid-sentence')?.values().next().value?.getBoundingClientRect();
        const view = root.querySelector('.lucid-scroll').getBoundingClientRect();
        return !!box && box.top >= view.top && box.bottom <= view.bottom;
      });
    }
    assert.deepEqual(heard, SPOKEN);
    const spoken = await speech(page, 'spoken');
    assert.ok(spoken.every((u) => u.voice === 'test:en-gb' && /^en/.test(u.lang) && u.rate === 1), JSON.stringify(spoken[0]));
    await waitForView(page, (root) => root.querySelector('.lucid-ra-status').textContent === 'Finished');
    assert.deepEqual(await highlights(page), { sentence: '', word: '' }, 'nothing stays highlighted');
    assert.equal((await panel(page)).play, 'Play');
  });

  test('pause resumes at the last word; previous and next move by paragraph; stop; the speed applies to what follows', async () => {
    const page = await openReader(PAGE);
    await openListen(page);
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, SPOKEN[0]);
    await click(page, '.lucid-ra-next');
    await waitSpeaking(page, SPOKEN[1]);
    await speech(page, 'word', 'closed');
    await click(page, '.lucid-ra-play'); // pause
    await waitForView(page, (root) => root.querySelector('.lucid-ra-play').getAttribute('aria-label') === 'Resume');
    assert.equal(await current(page), null, 'paused: nothing is spoken');
    assert.equal((await highlights(page)).sentence, SPOKEN[1], 'the sentence stays marked while paused');
    await click(page, '.lucid-ra-play'); // resume
    await waitSpeaking(page, 'closed in March.');
    await speech(page, 'end');
    await waitSpeaking(page, SPOKEN[2]);
    await click(page, '.lucid-ra-next');
    await waitSpeaking(page, SPOKEN[3]);
    await click(page, '.lucid-ra-previous');
    await waitSpeaking(page, SPOKEN[1]);
    await click(page, '.lucid-ra-faster');
    await click(page, '.lucid-ra-faster');
    await waitForView(page, (root) => root.querySelector('.lucid-ra-rate').textContent === '1.2×');
    assert.equal((await speech(page, 'spoken')).at(-1).rate, 1.2, 'the sentence being read goes on at the new speed');
    await click(page, '.lucid-ra-stop');
    await waitForView(page, (root) => root.querySelector('.lucid-ra-play').getAttribute('aria-label') === 'Play');
    assert.equal(await current(page), null);
    assert.deepEqual(await highlights(page), { sentence: '', word: '' });
    // Closing the view while reading stops the voice.
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, SPOKEN[0]);
    await page.keyboard.press('Escape'); // the panel
    await page.keyboard.press('Escape'); // the view
    await page.waitForFunction(() => !document.querySelector('lucid-reader'));
    assert.equal(await current(page), null, 'no voice goes on over the page');
  });

  test('the voice chosen for a language is remembered; each paragraph is read in its language', async () => {
    let page = await openReader(PAGE);
    await openListen(page);
    await viewSelect(page, '.lucid-ra-voice', 'test:en-us');
    await click(page, '.lucid-ra-faster');
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, SPOKEN[0]);
    assert.equal((await speech(page, 'spoken')).at(-1).voice, 'test:en-us');
    await ctx.browser.clickAction(page); // leave, and come back in a new tab
    page = await openReader(PAGE, VOICES, { keep: true });
    await openListen(page);
    const after = await panel(page);
    assert.equal(after.voice, 'test:en-us');
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, SPOKEN[0]);
    assert.deepEqual((await speech(page, 'spoken')).at(-1), { text: SPOKEN[0], lang: 'en', voice: 'test:en-us', rate: 1.1 });
    await click(page, '.lucid-ra-stop');
  });

  test('a page cannot stand in for the speech API: its fake voices are not offered and it hears nothing', async () => {
    const page = await ctx.browser.open(ctx.url(PAGE));
    // The page's own script replaces the API, as a hostile page would, before the view opens.
    await page.evaluate(() => {
      globalThis.pageHeard = [];
      const voice = { voiceURI: 'page:fake', name: 'Page voice', lang: 'en-US', localService: true, default: true };
      const fake = { getVoices: () => [voice], speak: (u) => globalThis.pageHeard.push(u.text), cancel() {}, pause() {}, resume() {}, addEventListener() {}, removeEventListener() {} };
      Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } addEventListener() {} };
    });
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await click(page, '[data-action="listen"]');
    await waitInView(page, '.lucid-listen:not([hidden])');
    await sleep(1800); // longer than the view waits for the browser to list its voices
    const offered = await viewEvaluate(page, (root) => [...root.querySelectorAll('.lucid-ra-voice option')].map((o) => o.value));
    assert.ok(!offered.includes('page:fake'), JSON.stringify(offered));
    if (offered.length) await click(page, '.lucid-ra-play');
    await sleep(300);
    assert.deepEqual(await page.evaluate(() => globalThis.pageHeard), []);
  });

  test('with no voice for the article\'s language the button says so and nothing is read in another voice', async () => {
    const page = await openReader(SEED);
    await openListen(page, { voices: false });
    const shown = await panel(page);
    assert.equal(shown.button, 'Listen: this browser has no voice for Chinese');
    assert.match(shown.status, /no voice for Chinese/);
    assert.ok(shown.playDisabled);
    await page.screenshot({ path: path.join(ARTIFACTS, `read-aloud-no-voice-${ctx.name}.png`) });
    assert.deepEqual(await speech(page, 'spoken'), []);
  });

  test('Chinese is read sentence by sentence in a Chinese voice, and a translation in the target language\'s voice', async () => {
    await ctx.browser.inExtension((s) => chrome.storage.sync.set({ translate: s }), { endpoint: translator.endpoint, target: 'en', mode: 'replace' });
    const page = await openReader(SEED, [...VOICES, ZH_VOICE]);
    await openListen(page);
    assert.deepEqual((await panel(page)).voices, ['test:zh']);
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, '苹果承认:AI模型使用谷歌定制芯片训练');
    assert.equal(await speech(page, 'end'), '7月30日消息,美国时间周一,苹果公司表示,其人工智能系统的核心模型在谷歌设计的处理器上完成预训练。');
    assert.equal(await speech(page, 'end'), '这一迹象表明,在训练尖端人工智能方面,大型科技公司正在探索除英伟达GPU以外的其他替代方案。');
    assert.equal((await speech(page, 'spoken')).at(-1).voice, 'test:zh');

    // Translating replaces what was read: reading stops, and the next Play reads the translation.
    await click(page, '[data-action="translate"]'); // its panel
    await click(page, '.lucid-t-go');
    await waitForView(page, (root) => /^(\d+)\/\1$/.test(root.querySelector('.lucid-t-status').textContent));
    await waitForView(page, (root) => root.querySelector('.lucid-listen .lucid-label').textContent === 'Voice (English)');
    assert.equal(await current(page), null);
    await openListen(page); // the click on Translate closed it
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, '[zh→en] 苹果承认:AI模型使用谷歌定制芯片训练');
    assert.deepEqual((await speech(page, 'spoken')).at(-1), { text: '[zh→en] 苹果承认:AI模型使用谷歌定制芯片训练', lang: 'en', voice: 'test:en-gb', rate: 1 });
    const next = await speech(page, 'end');
    assert.ok(next.startsWith('[zh→en] 7月30日消息'), next);
    assert.equal((await speech(page, 'spoken')).at(-1).lang, 'en');
    await click(page, '.lucid-ra-stop');
  });

  test('a bilingual view is read in its translations only, in their language', async () => {
    await ctx.browser.inExtension((s) => chrome.storage.sync.set({ translate: s }), { endpoint: translator.endpoint, target: 'en', mode: 'bilingual' });
    const page = await openReader(SEED, [...VOICES, ZH_VOICE]);
    await click(page, '[data-action="translate"]'); // its panel
    await click(page, '.lucid-t-go');
    await waitForView(page, (root) => /^(\d+)\/\1$/.test(root.querySelector('.lucid-t-status').textContent));
    await openListen(page);
    assert.equal((await panel(page)).label, 'Voice (English)');
    await click(page, '.lucid-ra-play');
    await waitSpeaking(page, '[zh→en] 苹果承认:AI模型使用谷歌定制芯片训练');
    const next = await speech(page, 'end');
    assert.ok(next.startsWith('[zh→en] 7月30日消息'), `the original paragraph is skipped: ${next}`);
    assert.deepEqual(await highlights(page), { sentence: next, word: '' });
    const spoken = await speech(page, 'spoken');
    assert.ok(spoken.every((u) => u.lang === 'en' && u.voice === 'test:en-gb'), JSON.stringify(spoken));
    await click(page, '.lucid-ra-stop');
  });

  const toc = (page) => viewEvaluate(page, (root) => {
    const nav = root.querySelector('.lucid-toc-list');
    const outline = (list) => [...list.children].map((li) => {
      const sub = li.querySelector(':scope > ol');
      return sub ? [li.querySelector('a').textContent, outline(sub)] : li.querySelector('a').textContent;
    });
    return {
      open: !root.querySelector('.lucid-contents').hidden,
      outline: nav.querySelector('ol') ? outline(nav.querySelector('ol')) : [],
      current: [...nav.querySelectorAll('a[aria-current]')].map((a) => a.textContent),
    };
  });

  test('Contents lists the headings nested by level, jumps to them, marks the section in view, and `t` toggles it', async () => {
    await ctx.browser.inExtension(() => chrome.storage.sync.remove('translate'));
    const page = await openReader(PAGE);
    assert.ok(await viewVisible(page, '[data-action="contents"]'));
    await page.keyboard.press('t');
    await waitForView(page, (root) => !root.querySelector('.lucid-contents').hidden);
    const shown = await toc(page);
    assert.deepEqual(shown.outline, [['The plan', ['Paying for it']], ['The lift', ['What comes next']]]);
    assert.deepEqual(shown.current, [], 'above the first heading no section is current');
    await page.screenshot({ path: path.join(ARTIFACTS, `contents-${ctx.name}.png`) });

    const lift = await viewEvaluate(page, (root) => [...root.querySelectorAll('.lucid-toc-list a')].findIndex((a) => a.textContent === 'The lift'));
    await click(page, '.lucid-toc-list a', { nth: lift });
    await waitForView(page, (root) => {
      const heading = [...root.querySelectorAll('.lucid-content h2')].find((h) => h.textContent === 'The lift');
      const top = heading.getBoundingClientRect().top - root.querySelector('.lucid-scroll').getBoundingClientRect().top;
      return top >= 0 && top < 120;
    });
    await waitForView(page, (root) => root.querySelector('.lucid-toc-list a[aria-current]')?.textContent === 'The lift');
    // Scrolling marks the section being read.
    await viewEvaluate(page, (root) => {
      const heading = [...root.querySelectorAll('.lucid-content h3')].find((h) => h.textContent === 'Paying for it');
      const scroller = root.querySelector('.lucid-scroll');
      scroller.scrollTop += heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 20;
    });
    await waitForView(page, (root) => root.querySelector('.lucid-toc-list a[aria-current]')?.textContent === 'Paying for it');
    await page.screenshot({ path: path.join(ARTIFACTS, `contents-current-${ctx.name}.png`) });
    assert.ok((await toc(page)).open, 'beside the column (the window is 1280 px wide) the panel stays open after a jump');
    await page.keyboard.press('t');
    await waitForView(page, (root) => root.querySelector('.lucid-contents').hidden);
    await page.keyboard.press('t');
    await waitForView(page, (root) => !root.querySelector('.lucid-contents').hidden);
    await page.keyboard.press('Escape');
    await waitForView(page, (root) => root.querySelector('.lucid-contents').hidden);
    assert.ok(await page.$('lucid-reader'), 'Escape closed the panel, not the view');
  });

  test('Contents: none for an article with too few headings; translated headings show translated', async () => {
    await ctx.browser.inExtension((s) => chrome.storage.sync.set({ translate: s }), { endpoint: translator.endpoint, target: 'zh', mode: 'bilingual' });
    const seed = await openReader(SEED);
    assert.equal(await viewVisible(seed, '[data-action="contents"]'), false, 'the seed article has no headings');
    await seed.keyboard.press('t');
    assert.equal((await toc(seed)).open, false);

    const page = await openReader(PAGE);
    await click(page, '[data-action="translate"]'); // its panel
    await click(page, '.lucid-t-go');
    await waitForView(page, (root) => /^(\d+)\/\1$/.test(root.querySelector('.lucid-t-status').textContent));
    await click(page, '[data-action="contents"]');
    await waitForView(page, (root) => root.querySelector('.lucid-toc-list a')?.textContent === '[en→zh] The plan');
    assert.deepEqual((await toc(page)).outline, [['[en→zh] The plan', ['[en→zh] Paying for it']], ['[en→zh] The lift', ['[en→zh] What comes next']]]);
  });

  test('the saved HTML copy opens with the contents as plain links to its headings', async () => {
    await ctx.browser.inExtension(() => chrome.storage.sync.remove('translate'));
    const page = await openReader(PAGE);
    await click(page, '[data-action="save-menu"]');
    const { text } = await ctx.browser.download(() => click(page, '[data-action="save"][data-format="html"]'));
    const nav = /<nav class="lucid-contents">([\s\S]*?)<\/nav>/.exec(text)?.[1];
    assert.ok(nav, 'the copy has contents');
    const links = [...nav.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links.map(([, label]) => label), ['The plan', 'Paying for it', 'The lift', 'What comes next']);
    for (const [id] of links) assert.equal(text.split(`id="${id}"`).length - 1, 1, `one target for #${id}`);
    assert.ok(!/<script/i.test(text), 'no script');
  });
});

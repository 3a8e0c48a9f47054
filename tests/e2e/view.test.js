// The reading view as a reader uses it (issue 16): printing, the keyboard, the Translate panel,
// the meta line, the reading position, Traditional Chinese words; with screenshots to look at.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, GENERATED, eachBrowser, sleep, viewClick, viewEvaluate, viewTexts, viewVisible, waitForView, waitInView } from './harness.js';
import { fakeLibreTranslate } from './fake-libretranslate.js';

/** Sentences to build articles of any length from; each paragraph numbered, so each is unique. */
const SENTENCE = 'The committee met again on Thursday to weigh the evidence gathered over the summer, and its members agreed that the survey of the northern district should be finished before the first snow.';

/** An article of `paragraphs` paragraphs of `sentences` sentences each, its last one marked. */
function longArticle(paragraphs, sentences = 3) {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i + 1}. ${Array(sentences).fill(SENTENCE).join(' ')}</p>`);
  body.push('<p>The final paragraph says the archive closes at noon on Fridays (see <a href="https://archive.example/hours">the hours</a>).</p>');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A report of ${paragraphs} paragraphs</title>
<meta property="og:site_name" content="Report Archive"></head><body><main><article><h1>A report of ${paragraphs} paragraphs</h1>
${body.join('\n')}</article></main></body></html>`;
}

let translator;
before(async () => {
  await mkdir(path.join(GENERATED, 'view'), { recursive: true });
  for (const n of [20, 80]) await writeFile(path.join(GENERATED, 'view', `report-${n}.html`), longArticle(n));
  // About 15 000 words: a reading time past an hour.
  await writeFile(path.join(GENERATED, 'view', 'very-long.html'), longArticle(400, 1));
  await mkdir(ARTIFACTS, { recursive: true });
  translator = await fakeLibreTranslate();
});
after(() => translator.close());

/** Pages and text of a PDF, through poppler's pdfinfo and pdftotext. */
function readPdf(file) {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { pages, text };
}

/** What has focus: in the view (its action, class and text) or, outside it, the page's element. */
const focused = (page) => page.evaluate(() => document.activeElement?.localName).then(async (outer) => {
  if (outer !== 'lucid-reader') return { outside: outer };
  return viewEvaluate(page, (root) => {
    const el = root.activeElement;
    return el && { action: el.dataset.action ?? null, className: el.className, text: el.textContent.trim().slice(0, 40), tag: el.localName, inPanel: !!el.closest('.lucid-panel, .lucid-save-menu') };
  });
});
const scrollTop = (page) => viewEvaluate(page, (root) => root.querySelector('.lucid-scroll').scrollTop);

eachBrowser((ctx) => {
  const { test } = ctx;

  async function openView(url, { width = 1000, height = 800, waitUntil } = {}) {
    const page = await ctx.browser.open(url, { waitUntil });
    await page.setViewport({ width, height });
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await sleep(200); // past the view's fade-in, for the screenshots
    return page;
  }

  test('print: the article alone, pages in proportion to its length, to its last paragraph', async () => {
    const printed = {};
    for (const n of [20, 80]) {
      const page = await openView(ctx.url(`generated/view/report-${n}.html`));
      const file = path.join(ARTIFACTS, `print-${n}-${ctx.name}.pdf`);
      await page.pdf({ path: file, format: 'A4' });
      printed[n] = readPdf(file);
      // Back on screen after the print: the view fills the window again.
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).display !== 'none'), true);
      assert.equal(await viewVisible(page, '.lucid-toolbar'), true);
      await page.close();
    }
    for (const [n, { pages, text }] of Object.entries(printed)) {
      assert.match(text, /archive closes at noon on Fridays/, `the last paragraph of ${n} printed`);
      assert.match(text, new RegExp(`Paragraph ${n}\\.`), `paragraph ${n} printed`);
      assert.doesNotMatch(text, /Save a copy|Appearance/, 'no toolbar or panel on paper');
      // The view printed, not the page underneath: its meta line, and the article once.
      assert.match(text, /\d+ min read/);
      assert.equal(text.split('Paragraph 1.').length - 1, 1, 'the first paragraph printed once');
      assert.match(text.replace(/\s+/g, ''), /thehours\(https:\/\/archive\.example\/hours\)/, "a link's address after it");
    }
    const ratio = printed[80].pages / printed[20].pages;
    assert.ok(printed[20].pages >= 2 && printed[20].pages <= 8, `20 paragraphs on ${printed[20].pages} pages`);
    assert.ok(ratio > 2.5 && ratio < 5.5, `4× the text on ${ratio.toFixed(2)}× the pages (${printed[20].pages} → ${printed[80].pages})`);
  });

  // Headless Firefox answers window.print() with a dialog that takes the page from the driver.
  test('print: the Print button prints the page with the view laid out for paper', { skip: ctx.name === 'firefox' && 'a print dialog headless' }, async () => {
    const page = await openView(ctx.url('pages/byline-date.html'));
    // What the page looks like when the browser prints it, seen from the page's beforeprint.
    await page.evaluate(() => {
      window.printedLayout = [];
      // The view's own listener came first: by now the page is laid out for paper.
      window.addEventListener('beforeprint', () => window.printedLayout.push({
        body: getComputedStyle(document.body).display,
        view: getComputedStyle(document.querySelector('lucid-reader')).position,
      }));
    });
    await viewClick(page, '[data-action="print"]');
    // Polled by time: frames stop while a print is under way (and headless, it never ends).
    await page.waitForFunction(() => window.printedLayout.length > 0, { timeout: 10_000, polling: 100 });
    assert.deepEqual(await page.evaluate(() => window.printedLayout[0]), { body: 'none', view: 'static' });
  });

  test('keyboard: the toolbar first, focus kept inside, Escape gives focus back to the opener', async () => {
    const page = await openView(ctx.url('pages/byline-date.html'));
    const toolbar = await viewEvaluate(page, (root) => [...root.querySelectorAll('.lucid-toolbar button')].filter((b) => b.getClientRects().length).map((b) => b.dataset.action));
    const walked = [];
    for (let i = 0; i < toolbar.length; i += 1) {
      await page.keyboard.press('Tab');
      walked.push((await focused(page)).action);
    }
    assert.ok(await viewEvaluate(page, (root) => root.querySelectorAll('.lucid-content a[href]').length >= 2), 'the article has links to walk past');
    assert.deepEqual(walked, toolbar, 'Tab walks the toolbar first');
    // On through the article's links and round: never out to the page underneath.
    const seen = new Set();
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      assert.equal(now.outside, undefined, `focus left the view for <${now.outside}> after ${i + 1} more Tabs`);
      seen.add(now.action ?? now.text);
    }
    assert.ok(seen.has(toolbar[0]), 'Tab came round to the toolbar again');
    // Shift+Tab from the first toolbar button goes to the last control, still in the view.
    await viewEvaluate(page, (root) => root.querySelector('.lucid-toolbar button:not([hidden])').focus());
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    assert.equal((await focused(page)).outside, undefined);

    // Appearance by keyboard: Enter opens it, Tab goes into it, Escape closes it and focus goes back.
    await viewEvaluate(page, (root) => root.querySelector('[data-action="appearance"]').focus());
    await page.keyboard.press('Enter');
    await waitForView(page, (root) => !root.querySelector('.lucid-panel:not(.lucid-contents):not(.lucid-translate)').hidden);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).inPanel, true, 'Tab from Appearance goes into its panel');
    await page.keyboard.press('Escape');
    assert.deepEqual(await focused(page).then((f) => f.action), 'appearance', 'Escape gives focus back to Appearance');
    assert.equal(await viewEvaluate(page, (root) => !!root.querySelector('.lucid-article')), true, 'the view is still open');

    // Focus and selection look different: a ring outside, a ring inside with a tick.
    await viewClick(page, '[data-action="appearance"]');
    const looks = await viewEvaluate(page, (root) => {
      const [selected, other] = [root.querySelector('.lucid-choice[aria-pressed="true"]'), root.querySelector('.lucid-choice[aria-pressed="false"]')];
      other.focus({ focusVisible: true });
      const style = (el) => { const s = getComputedStyle(el); return { outline: s.outlineStyle, offset: s.outlineOffset, shadow: s.boxShadow, tick: getComputedStyle(el, '::after').content }; };
      return { selected: style(selected), focused: style(other) };
    });
    assert.notDeepEqual(looks.selected, looks.focused, JSON.stringify(looks));
    assert.match(looks.selected.tick, /✓/);
    assert.equal(looks.selected.outline, 'none', 'selection draws no focus-like outline');
  });

  test('keyboard: Space pages, j/k and arrows scroll, + and - change the text size', async () => {
    const page = await openView(ctx.url('generated/view/report-20.html'));
    await viewEvaluate(page, (root) => root.querySelector('.lucid-scroll').focus());
    const height = await viewEvaluate(page, (root) => root.querySelector('.lucid-scroll').clientHeight);
    await page.keyboard.press(' ');
    const paged = await scrollTop(page);
    assert.ok(paged > height / 2 && paged <= height, `Space scrolled ${paged} of ${height}`);
    await page.keyboard.press('j');
    const down = await scrollTop(page);
    assert.ok(down > paged, 'j scrolls down');
    await page.keyboard.press('ArrowDown');
    assert.ok(await scrollTop(page) > down, 'ArrowDown scrolls down');
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    assert.equal(await scrollTop(page), paged, 'k and ArrowUp scroll back');
    await page.keyboard.down('Shift');
    await page.keyboard.press(' ');
    await page.keyboard.up('Shift');
    assert.equal(await scrollTop(page), 0, 'Shift+Space pages up');
    const size = () => viewEvaluate(page, (root) => root.querySelector('.lucid-reader').style.getPropertyValue('--lucid-font-size'));
    const before = await size();
    await page.keyboard.press('+');
    await waitForView(page, (root, b) => root.querySelector('.lucid-reader').style.getPropertyValue('--lucid-font-size') !== b, before);
    assert.equal(parseFloat(await size()), parseFloat(before) + 1);
    await page.keyboard.press('-');
    await waitForView(page, (root, b) => root.querySelector('.lucid-reader').style.getPropertyValue('--lucid-font-size') === b, before);
  });

  test('translate: one toolbar button; with no service the panel says so and links to the options', async () => {
    await ctx.browser.inExtension(() => chrome.storage.sync.remove('translate'));
    const page = await openView(ctx.url('fixtures/seed/netease-apple-tpu/source.html'));
    assert.equal(await viewVisible(page, '.lucid-t-go'), false, 'no translation controls on screen at rest');
    await viewClick(page, '[data-action="translate"]');
    await waitForView(page, (root) => !root.querySelector('.lucid-t-missing').hidden);
    const [sentence] = await viewTexts(page, '.lucid-t-missing');
    assert.match(sentence, /needs a service/);
    assert.equal(await viewVisible(page, '.lucid-t-go'), false, 'nothing to press that would fail');
    await page.screenshot({ path: path.join(ARTIFACTS, `view-translate-none-${ctx.name}.png`) });
    await viewClick(page, '.lucid-t-options');
    await ctx.browser.waitForPage((href) => href.startsWith(`${ctx.browser.origin}/options/options.html`) && !href.endsWith('options.html#harness'));
  });

  test('translate: with a service, the target is the browser\'s language, never the article\'s own', async () => {
    await ctx.browser.inExtension((s) => chrome.storage.sync.set({ translate: s }), { endpoint: translator.endpoint });
    const browserLang = await ctx.browser.inExtension(() => navigator.language.split('-')[0]);
    for (const [url, own] of [['fixtures/seed/netease-apple-tpu/source.html', 'zh'], ['pages/byline-date.html', 'en']]) {
      const page = await openView(ctx.url(url));
      await viewClick(page, '[data-action="translate"]');
      await waitForView(page, (root) => !root.querySelector('.lucid-t-controls').hidden);
      const { value, options } = await viewEvaluate(page, (root) => {
        const select = root.querySelector('.lucid-t-target');
        return { value: select.value, options: [...select.options].map((o) => o.value) };
      });
      assert.notEqual(value, own, `${url}: not into its own language`);
      assert.ok(!options.includes(own), `${url}: its own language is not offered`);
      if (browserLang !== own) assert.equal(value, browserLang, `${url}: the browser's language`);
      if (own === 'zh') {
        await viewClick(page, '.lucid-t-go');
        await waitForView(page, (root) => /^(\d+)\/\1$/.test(root.querySelector('.lucid-t-status').innerText) && !root.querySelector('.lucid-t-go').disabled);
        assert.match((await viewTexts(page, '.lucid-content p'))[0], /\[zh→/);
        await page.screenshot({ path: path.join(ARTIFACTS, `view-translate-done-${ctx.name}.png`) });
      }
      await page.close();
    }
    await ctx.browser.inExtension(() => chrome.storage.sync.remove('translate'));
  });

  test('meta line: no date repeated in the byline (Breitbart\'s "Lucas Nolan22 Dec")', async () => {
    const page = await openView(ctx.url('fixtures/readability/breitbart/source.html'), { waitUntil: 'domcontentloaded' });
    const [byline] = await viewTexts(page, '.lucid-byline');
    const [date] = await viewTexts(page, '.lucid-date');
    assert.equal(byline, 'Lucas Nolan');
    assert.equal(date, 'December 22, 2016');
  });

  test('meta line: the site name on the source link, no lone separator at 420 px', async () => {
    const page = await openView(ctx.url('pages/byline-date.html'), { width: 420, height: 800 });
    const meta = await viewEvaluate(page, (root) => {
      const header = root.querySelector('.lucid-header').getBoundingClientRect();
      const items = [...root.querySelectorAll('.lucid-meta > *')].map((el) => ({ cls: el.className, text: el.textContent, top: Math.round(el.getBoundingClientRect().top), left: el.getBoundingClientRect().left }));
      return { header: header.left, items };
    });
    const byClass = Object.fromEntries(meta.items.map((i) => [i.cls, i.text]));
    assert.equal(byClass['lucid-byline'], 'Jane Marlow');
    assert.equal(byClass['lucid-source'], 'The Valley Courier');
    const lines = new Set(meta.items.map((i) => i.top));
    assert.ok(lines.size >= 2, `the meta line wraps at 420 px: ${JSON.stringify(meta.items)}`);
    for (const item of meta.items) {
      const startsLine = meta.items.filter((i) => i.top === item.top)[0] === item;
      // Each item's box holds its separator: a line's first one lies left of the header, clipped.
      if (startsLine) assert.ok(item.left < meta.header - 4, `${item.cls} starts a line with its separator showing: ${item.left} vs ${meta.header}`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, `view-420-${ctx.name}.png`) });
  });

  test('meta line: hours for a long read; the width said in words', async () => {
    const page = await openView(ctx.url('generated/view/very-long.html'));
    const [time] = await viewTexts(page, '.lucid-reading-time');
    assert.match(time, /^\d+ h( \d+ min)? read$/, time);
    await viewClick(page, '[data-action="appearance"]');
    const width = await viewEvaluate(page, (root) => root.querySelector('output[data-key="width"]').textContent);
    assert.equal(width, 'Medium');
    assert.equal(await viewEvaluate(page, (root) => getComputedStyle(root.querySelector('.lucid-toolbar')).opacity), '1', 'the toolbar is opaque at rest');
  });

  test('Traditional Chinese: its own words, a title not balanced apart, the place remembered', async () => {
    const page = await openView(ctx.url('pages/zh-hant.html'));
    const [time] = await viewTexts(page, '.lucid-reading-time');
    assert.match(time, /約 \d+ 分鐘/);
    assert.doesNotMatch(time, /[约钟]/);
    assert.notEqual(await viewEvaluate(page, (root) => getComputedStyle(root.querySelector('.lucid-title')).textWrapStyle ?? getComputedStyle(root.querySelector('.lucid-title')).textWrap), 'balance');
    await page.screenshot({ path: path.join(ARTIFACTS, `view-cjk-${ctx.name}.png`) });
    await page.setViewport({ width: 700, height: 400 });
    await viewEvaluate(page, (root) => { const s = root.querySelector('.lucid-scroll'); s.scrollTo({ top: (s.scrollHeight - s.clientHeight) / 2, behavior: 'instant' }); });
    const progress = await waitForView(page, (root) => { const t = root.querySelector('.lucid-progress-line').style.transform; return t !== 'scaleX(0)' && t; });
    assert.match(progress, /scaleX\(0\.[45]/);
    await sleep(600); // the position is stored once scrolling stops
    await viewClick(page, '[data-action="close"]');
    await ctx.browser.clickAction(page);
    await ctx.browser.waitForReader(page);
    await waitForView(page, (root) => !root.querySelector('.lucid-resume').hidden);
    assert.deepEqual(await viewTexts(page, '.lucid-resume-go'), ['從上次讀到的地方繼續']);
    assert.equal(await scrollTop(page), 0);
    await viewClick(page, '.lucid-resume-go');
    const at = await viewEvaluate(page, (root) => { const s = root.querySelector('.lucid-scroll'); return s.scrollTop / (s.scrollHeight - s.clientHeight); });
    assert.ok(Math.abs(at - 0.5) < 0.02, `back at ${at}`);
  });

  test('reading positions: a bounded number kept', async () => {
    await ctx.browser.inExtension(() => chrome.storage.local.set({ positions: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`http://example.com/${i}`, { at: 0.5, time: i }])) }));
    const page = await openView(ctx.url('generated/view/report-20.html'));
    await viewEvaluate(page, (root) => { const s = root.querySelector('.lucid-scroll'); s.scrollTo({ top: s.scrollHeight / 3, behavior: 'instant' }); });
    await sleep(600);
    const kept = await ctx.browser.inExtension(() => chrome.storage.local.get('positions').then((r) => Object.keys(r.positions)));
    assert.equal(kept.length, 200);
    assert.ok(kept.some((url) => url.includes('report-20.html')), 'the newest is kept');
    assert.ok(!kept.includes('http://example.com/0'), 'the oldest went');
    await ctx.browser.inExtension(() => chrome.storage.local.remove('positions'));
  });

  test('images, tables, figures: a large image in a small box fills the column; a wide table shows it scrolls; no empty figure', async () => {
    const page = await openView(ctx.url('pages/byline-date.html'));
    await waitForView(page, (root) => [...root.querySelectorAll('.lucid-content img')].every((img) => img.complete));
    const seen = await viewEvaluate(page, (root) => {
      const column = root.querySelector('.lucid-content').clientWidth;
      const [large, small] = [...root.querySelectorAll('.lucid-content figure img')].map((img) => img.getBoundingClientRect().width);
      const table = root.querySelector('.lucid-content table');
      return {
        column, large, small,
        tableScrolls: table.scrollWidth > table.clientWidth,
        tableShadow: getComputedStyle(table).backgroundImage,
        tableFocusable: table.tabIndex === 0,
        emptyFigures: [...root.querySelectorAll('.lucid-content figure')].filter((f) => !f.querySelector('img') && f.getClientRects().length).length,
      };
    });
    assert.equal(seen.large, seen.column, 'the 1200 px image in its 160 px box fills the column');
    assert.equal(seen.small, 40, 'a small image keeps its size');
    assert.ok(seen.tableScrolls, 'the table is wider than the column');
    assert.match(seen.tableShadow, /radial-gradient.*radial-gradient/);
    assert.ok(seen.tableFocusable, 'the keyboard can reach the wide table to scroll it');
    assert.equal(seen.emptyFigures, 0);
  });

  test('screenshots: light and dark', async () => {
    const page = await openView(ctx.url('pages/byline-date.html'));
    for (const theme of ['light', 'dark']) {
      await viewClick(page, '[data-action="appearance"]');
      await viewClick(page, `.lucid-choice-${theme}`);
      await waitForView(page, (root, t) => root.querySelector('.lucid-reader').dataset.theme === t, theme);
      await page.screenshot({ path: path.join(ARTIFACTS, `view-${theme}-panel-${ctx.name}.png`) });
      await page.keyboard.press('Escape');
      await page.screenshot({ path: path.join(ARTIFACTS, `view-${theme}-${ctx.name}.png`) });
    }
    await viewClick(page, '[data-action="appearance"]');
    await viewClick(page, '.lucid-choice-system');
  });
});



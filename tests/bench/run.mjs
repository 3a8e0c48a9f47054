// Lucid's WASM core against Mozilla's Readability.js, side by side in the same headless Chromium,
// on every page of tests/fixtures. `./build.sh bench` builds first and then runs this.
//
//   node tests/bench/run.mjs [--runs N] [--only CORPUS] [--out FILE]
//
// Each page is loaded from 127.0.0.1 as a real page (requests leaving 127.0.0.1 are refused; the
// page's own scripts are kept from running by a CSP, so they cannot rewrite the DOM under the
// measurement). In the page, inpage.js times both tools alternately, median of N runs each.
// Text F1 against the corpus gold uses score.py's definition (4-token shingles, CJK split per
// character), implemented below. Native times come from `lucid eval --timing`.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, startServer } from '../../www/serve.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 7));
// Untimed rounds first, so both engines' optimizing tiers have compiled the hot code.
const WARMUP = Number(option('--warmup', 15));
const ONLY = option('--only', null);
const OUT = path.resolve(ROOT, option('--out', 'tests/bench/results.md'));
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const CORPORA = ['readability', 'netease', 'seed', 'wcxb'].filter((c) => !ONLY || c === ONLY);
const CHROMIUM = process.env.LUCID_CHROMIUM || '/usr/lib/chromium/chromium';

// ---- scoring: shared/tools/score.py's definition -------------------------------------------

const WORD = /[\p{L}\p{N}_]+/gu;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/** score.py's tokens: `\w+` runs, every CJK character a token of its own. */
export function tokens(text) {
  const out = [];
  for (const word of text.match(WORD) ?? []) {
    if (!CJK.test(word)) {
      out.push(word);
      continue;
    }
    let run = '';
    for (const ch of word) {
      if (CJK.test(ch)) {
        if (run) out.push(run);
        run = '';
        out.push(ch);
      } else {
        run += ch;
      }
    }
    if (run) out.push(run);
  }
  return out;
}

function shingles(text, n = 4) {
  const t = tokens(text);
  const counts = new Map();
  const width = Math.max(1, Math.min(n, t.length));
  for (let i = 0; i + width <= t.length; i += 1) {
    const key = t.slice(i, i + width).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page's shingle overlap: { tp, fp, fn }. */
export function overlap(gold, predicted) {
  const a = shingles(gold);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, g] of a) {
    const p = b.get(k) ?? 0;
    tp += Math.min(g, p);
    fn += Math.max(0, g - p);
  }
  for (const [k, p] of b) fp += Math.max(0, p - (a.get(k) ?? 0));
  return { tp, fp, fn };
}

const precision = ({ tp, fp, fn }) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recall = ({ tp, fp, fn }) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const harmonic = (p, r) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** score.py's corpus F1: precision and recall averaged over pages, then their harmonic mean. */
export function corpusF1(counts) {
  const p = mean(counts.filter((c) => c.tp + c.fp > 0).map(precision));
  const r = mean(counts.filter((c) => c.tp + c.fn > 0).map(recall));
  return harmonic(p, r);
}

// ---- statistics ---------------------------------------------------------------------------

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? sorted[0];
}
const median = (values) => quantile(values, 0.5);
const p95 = (values) => quantile(values, 0.95);
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

// ---- the run ------------------------------------------------------------------------------

function pagesOf(corpus) {
  const dir = path.join(FIXTURES, corpus);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => {
      const folder = path.join(dir, d.name);
      const json = path.join(folder, 'expected.json');
      const gold = existsSync(json)
        ? { text: JSON.parse(readFileSync(json, 'utf8')).paragraphs.join('\n\n') }
        : { html: readFileSync(path.join(folder, 'expected.html'), 'utf8') };
      return { corpus, id: d.name, url: `/tests/fixtures/${corpus}/${d.name}/source.html`, gold };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

function nativeTimes() {
  const lucid = path.join(ROOT, 'target/release/lucid');
  if (!existsSync(lucid)) return null;
  const out = execFileSync(lucid, ['eval', FIXTURES, '--timing', '--json'], { maxBuffer: 64 << 20 }).toString();
  const report = JSON.parse(out);
  return Object.fromEntries(report.corpora.map((c) => [c.name, {
    median: c.summary.timing.medianMs,
    p95: c.summary.timing.p95Ms,
    total: c.summary.timing.totalMs,
    f1: c.summary.aggregateF1,
  }]));
}

function wasmSize() {
  const file = path.join(ROOT, 'www/pkg/lucid_bg.wasm');
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

async function main() {
  if (!existsSync(path.join(ROOT, 'www/pkg/lucid_bg.wasm'))) throw new Error('www/pkg is missing: run ./build.sh first');
  // The fixture pages keep their markup but not their scripts; the harness's own modules are 'self'.
  const server = await startServer({
    headers: (pathname) => (pathname.startsWith('/tests/fixtures/')
      ? { 'Content-Security-Policy': "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'" }
      : {}),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  // A page whose own CSP refuses WebAssembly is measured again with CSP bypassed (its inline
  // scripts then run; remote ones are still refused) and listed in the report.
  const contexts = await Promise.all([false, true].map(async (bypassCSP) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP });
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|about:)/, (route) => route.abort());
    return context;
  }));
  const harness = `${server.origin}/tests/bench/inpage.js`;
  const readabilityJs = `${server.origin}/tests/node_modules/@mozilla/readability/Readability.js`;

  const rows = [];
  const pages = CORPORA.flatMap(pagesOf);
  let done = 0;
  const measure = async (entry, context) => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}${entry.url}`, { waitUntil: 'load', timeout: 30_000 });
      await page.addScriptTag({ url: readabilityJs });
      const result = await page.evaluate(async ({ harness, runs, warmup, goldHtml }) => {
        const m = await import(harness);
        const measured = await m.bench({ runs, warmup });
        return { ...measured, goldText: goldHtml === null ? null : m.blockText(goldHtml) };
      }, { harness, runs: RUNS, warmup: WARMUP, goldHtml: entry.gold.html ?? null });
      const goldText = entry.gold.text ?? result.goldText;
      return {
        ...entry,
        ...result.ms,
        htmlBytes: result.htmlBytes,
        elements: result.elements,
        lucidError: result.lucidError,
        readabilityCounts: overlap(goldText, result.readabilityText),
        lucidCounts: overlap(goldText, result.lucidText),
        cspBypassed: context === contexts[1],
      };
    } catch (error) {
      return { ...entry, failed: error.message.split('\n')[0] };
    } finally {
      await page.close();
    }
  };
  for (const entry of pages) {
    let row = await measure(entry, contexts[0]);
    if (row.failed?.includes('Content Security')) row = await measure(entry, contexts[1]);
    if (row.failed) console.error(`  ${entry.corpus}/${entry.id}: ${row.failed}`);
    rows.push(row);
    done += 1;
    if (done % 20 === 0) process.stderr.write(`  ${done}/${pages.length} pages\n`);
  }
  const chromiumVersion = browser.version();
  await browser.close();
  await server.close();

  const native = nativeTimes();
  const size = wasmSize();
  const report = summarize(rows, native, size, chromiumVersion);
  writeFileSync(OUT, report);
  process.stdout.write(report);
}

function summarize(rows, native, size, chromiumVersion) {
  const ok = rows.filter((r) => !r.failed);
  const lines = [];
  lines.push('# Lucid (WASM) vs Readability.js, same page, same browser', '');
  lines.push(`Headless Chromium ${chromiumVersion}, ${new Date().toISOString().slice(0, 10)}, median of ${RUNS} alternating runs per page after ${WARMUP} untimed warm-up rounds (steady state); the cold column is each tool's first call in a fresh page.`);
  lines.push('Readability.js 0.6.0 (npm `@mozilla/readability`) times `new Readability(document.cloneNode(true)).parse()`;');
  lines.push("Lucid times `extract(document.documentElement.outerHTML, url)` — serializing the page included.");
  lines.push('Ratio = Lucid / Readability.js per page (below 1: Lucid is faster). F1: text F1 against the corpus gold,');
  lines.push("score.py's definition (4-token shingles, CJK per character), both outputs read the same way.", '');
  lines.push('| corpus | pages | Readability.js median / p95 ms | Lucid median / p95 ms | Lucid: outerHTML / extract median ms | ratio median / p95 | worst ratio (page) | pages slower | cold first call, median ms (Readability.js / Lucid) | F1 Readability.js | F1 Lucid | native median / p95 ms |');
  lines.push('|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
  const groups = [...CORPORA.map((c) => [c, ok.filter((r) => r.corpus === c)]), ['all', ok]];
  for (const [corpus, group] of groups) {
    if (!group.length) continue;
    const ratios = group.map((r) => ({ ratio: r.lucid / r.readability, id: r.id }));
    const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const slower = ratios.filter((r) => r.ratio > 1).length;
    const nat = corpus === 'all' ? null : native?.[corpus];
    lines.push(`| ${corpus} | ${group.length} | ${fmt(median(group.map((r) => r.readability)))} / ${fmt(p95(group.map((r) => r.readability)))} `
      + `| ${fmt(median(group.map((r) => r.lucid)))} / ${fmt(p95(group.map((r) => r.lucid)))} `
      + `| ${fmt(median(group.map((r) => r.outerHtml)))} / ${fmt(median(group.map((r) => r.extract)))} `
      + `| ${median(ratios.map((r) => r.ratio)).toFixed(2)} / ${p95(ratios.map((r) => r.ratio)).toFixed(2)} `
      + `| ${worst.ratio.toFixed(2)} (${corpus === 'all' ? `${group.find((r) => r.id === worst.id).corpus}/` : ''}${worst.id}) | ${slower} `
      + `| ${fmt(median(group.map((r) => r.readabilityCold)))} / ${fmt(median(group.map((r) => r.lucidCold)))} `
      + `| ${corpusF1(group.map((r) => r.readabilityCounts)).toFixed(3)} | ${corpusF1(group.map((r) => r.lucidCounts)).toFixed(3)} `
      + `| ${nat ? `${fmt(nat.median)} / ${fmt(nat.p95)}` : '–'} |`);
  }
  lines.push('');
  lines.push(`WASM module (www/pkg/lucid_bg.wasm): ${(size.raw / 1024).toFixed(0)} KB raw, ${(size.gzip / 1024).toFixed(0)} KB gzipped.`);
  if (!native) lines.push('Native times missing: build target/release/lucid (`cargo build --release`).');
  const failed = rows.filter((r) => r.failed);
  if (failed.length) lines.push('', `Pages that could not be measured: ${failed.map((r) => `${r.corpus}/${r.id} (${r.failed})`).join('; ')}`);
  const bypassed = ok.filter((r) => r.cspBypassed);
  if (bypassed.length) lines.push('', `Measured with the page's own CSP bypassed (it refuses WebAssembly; its inline scripts ran): ${bypassed.map((r) => `${r.corpus}/${r.id}`).join(', ')}.`);
  const errors = ok.filter((r) => r.lucidError);
  if (errors.length) lines.push('', `Lucid errors: ${errors.map((r) => `${r.corpus}/${r.id}: ${r.lucidError}`).join('; ')}`);
  const slowest = [...ok].sort((a, b) => b.lucid / b.readability - a.lucid / a.readability).slice(0, 8);
  lines.push('', '## The pages where Lucid is slowest relative to Readability.js', '');
  lines.push('| page | HTML KB | elements | Readability.js ms | Lucid ms | of which outerHTML ms | extract ms | ratio |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of slowest) {
    lines.push(`| ${r.corpus}/${r.id} | ${(r.htmlBytes / 1024).toFixed(0)} | ${r.elements} | ${fmt(r.readability)} | ${fmt(r.lucid)} | ${fmt(r.outerHtml)} | ${fmt(r.extract)} | ${(r.lucid / r.readability).toFixed(2)} |`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

await main();

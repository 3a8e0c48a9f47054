// The hostile pages of examples/hostile.rs read by the WASM core the extension ships (in Node's
// V8, as in Chromium), side by side with the native core in the same run: each page in a child
// process of its own, timed around `extract` alone, with its peak memory.
//
//   ./build.sh wasm && cargo build --release --example hostile
//   node tests/bench/hostile-wasm.mjs [--out FILE] [--timeout SECONDS]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'extension/pkg');
const HOSTILE = path.join(ROOT, 'target/release/examples/hostile');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === '--child') {
  // One page: load the module, read the page, time extract, print one JSON line.
  const lucid = await import(path.join(PKG, 'lucid.js'));
  lucid.initSync({ module: readFileSync(path.join(PKG, 'lucid_bg.wasm')) });
  const page = readFileSync(args[1], 'utf8');
  const started = performance.now();
  let outcome;
  try {
    const article = lucid.extract(page, undefined, undefined);
    outcome = article ? `article, ${article.length} characters` : 'no article';
  } catch (error) {
    outcome = `refused: ${error.message}`;
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, peakKb: process.resourceUsage().maxRSS, outcome }));
  process.exit(0);
}

const timeoutS = Number(option('--timeout', 120));
const out = option('--out', null);
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const dir = mkdtempSync(path.join(os.tmpdir(), 'lucid-hostile-'));
try {
  execFileSync(HOSTILE, ['--pages', dir]);
  const names = readFileSync(path.join(dir, 'names.txt'), 'utf8').trim().split('\n');
  let table = '| case | input | native | WASM | WASM ÷ native | WASM peak memory | outcome (WASM) |\n|---|---|---|---|---|---|---|\n';
  for (const [index, name] of names.entries()) {
    const file = path.join(dir, `${String(index).padStart(2, '0')}.html`);
    const [bytes, nativeMs] = execFileSync(HOSTILE, ['--case', String(index), '--scale', '1'], { encoding: 'utf8' }).trim().split('\t');
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', timeout: timeoutS * 1000 });
    let wasm = { ms: NaN, peakKb: 0, outcome: child.error ? `timed out after ${timeoutS} s` : `crashed: ${child.stderr.trim().split('\n').pop()}` };
    try {
      wasm = JSON.parse(child.stdout.trim().split('\n').pop());
    } catch {}
    const native = Number(nativeMs);
    const ratio = Number.isFinite(wasm.ms) ? `${(wasm.ms / Math.max(native, 0.1)).toFixed(1)}×` : '—';
    table += `| ${name} | ${(Number(bytes) / 1e6).toFixed(1)} MB | ${ms(native)} | ${Number.isFinite(wasm.ms) ? ms(wasm.ms) : '—'} | ${ratio} | ${(wasm.peakKb / 1024).toFixed(0)} MB | ${wasm.outcome.replaceAll('|', '\\|')} |\n`;
    process.stdout.write(`${name}: native ${ms(native)}, WASM ${Number.isFinite(wasm.ms) ? ms(wasm.ms) : wasm.outcome}\n`);
  }
  console.log(`\n${table}`);
  if (out) {
    writeFileSync(out, `# Hostile pages in the WASM core (\`node tests/bench/hostile-wasm.mjs\`)\n\nNode ${process.version}; native times from examples/hostile in the same run. Peak memory is the whole Node process's.\n\n${table}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TRAP_MESSAGE } from '../../extension/lib/core-guard.js';
import { DEFAULT_BUDGET_MS, budgetFrom, readResult } from '../../extension/lib/reading.js';
import { readHost } from '../../extension/lib/read-host.js';

test('the budget comes from storage when it is a sane number of milliseconds', () => {
  assert.equal(budgetFrom(undefined), DEFAULT_BUDGET_MS);
  assert.equal(budgetFrom(400), 400);
  assert.equal(budgetFrom('400'), DEFAULT_BUDGET_MS);
  assert.equal(budgetFrom(0), DEFAULT_BUDGET_MS);
  assert.equal(budgetFrom(Number.NaN), DEFAULT_BUDGET_MS);
  assert.equal(budgetFrom(10 * 60_000), DEFAULT_BUDGET_MS);
});

test("a host's answers become a view, a cancellation or the user's message", () => {
  assert.deepEqual(readResult({ view: null }, 1000), { view: null });
  assert.deepEqual(readResult({ view: { html: '<p>x</p>' } }, 1000), { view: { html: '<p>x</p>' } });
  assert.deepEqual(readResult({ stopped: 'cancelled' }, 1000), { cancelled: true });
  assert.throws(() => readResult({ stopped: 'budget' }, 20_000), { message: 'Lucid stopped reading this page: it took longer than 20 s.' });
  assert.throws(() => readResult({ stopped: 'budget' }, 400), { message: 'Lucid stopped reading this page: it took longer than 0.4 s.' });
  assert.throws(() => readResult({ error: { trap: true } }, 1000), { message: TRAP_MESSAGE });
  assert.throws(() => readResult({ error: { message: 'input too large' } }, 1000), { message: "Lucid can't read this page: input too large." });
  assert.throws(() => readResult(undefined, 1000), /lost its reading/);
});

/** A stand-in worker that answers `reply` after `delayMs`, or never (null); records terminations. */
function fakeWorkers(reply, delayMs) {
  const made = [];
  const spawn = () => {
    const worker = {
      terminated: false,
      terminate() { this.terminated = true; },
      received: [],
      postMessage(message) {
        worker.received.push(message);
        if (message.module) return; // the core, ahead of the page
        if (reply !== null) setTimeout(() => !worker.terminated && worker.onmessage({ data: reply }), delayMs);
      },
    };
    made.push(worker);
    return worker;
  };
  return { made, spawn };
}

// The host compiles the real core once: a module any WebAssembly would take stands in for it.
const wasm = await readFile(new URL('../../extension/pkg/lucid_bg.wasm', import.meta.url)).catch(() => null);
globalThis.fetch = async () => new Response(wasm ?? new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), { headers: { 'Content-Type': 'application/wasm' } });

test('a worker is started ahead with the compiled core; readings at once get one each; a good one is kept for the next', async () => {
  const { made, spawn } = fakeWorkers({ view: null }, 5);
  const host = readHost({ workerUrl: 'w.js', wasmUrl: 'core.wasm', spawn });
  assert.equal(await host.prepare(), true);
  assert.equal(made.length, 1, 'one waits for the first reading');
  const answers = await Promise.all([host.read({ id: 'a', html: '<p>a', url: 'https://a.example/', budgetMs: 1000 }), host.read({ id: 'b', html: '<p>b', url: null, budgetMs: 1000 })]);
  assert.deepEqual(answers, [{ view: null }, { view: null }]);
  assert.equal(made.length, 2, 'two readings at once, two workers');
  assert.deepEqual(made.map((w) => w.received[1].html), ['<p>a', '<p>b']);
  assert.ok(made.every((w) => w.received[0].module instanceof WebAssembly.Module));
  assert.equal(made[0].received[0].module, made[1].received[0].module, 'compiled once');
  assert.deepEqual(made.map((w) => w.terminated), [false, true], 'one kept warm, the other ended');
  await host.read({ id: 'c', html: '<p>c', url: null, budgetMs: 1000 });
  assert.equal(made.length, 2, 'the next reading takes the warm worker');
  assert.equal(made[0].received.at(-1).html, '<p>c');
});

test('a worker that trapped is never used again', async () => {
  const { made, spawn } = fakeWorkers({ error: { trap: true } }, 1);
  const host = readHost({ workerUrl: 'w.js', wasmUrl: 'core.wasm', spawn });
  assert.deepEqual(await host.read({ id: 'a', html: '', url: null, budgetMs: 1000 }), { error: { trap: true } });
  assert.ok(made[0].terminated);
  await host.read({ id: 'b', html: '', url: null, budgetMs: 1000 });
  assert.equal(made.length, 2, 'a fresh worker for the next reading');
});

test('a reading past its budget is terminated; one cancelled stops at once; the next reading gets a fresh worker', async () => {
  const hung = fakeWorkers(null, 0);
  const host = readHost({ workerUrl: 'w.js', wasmUrl: 'core.wasm', spawn: hung.spawn });
  const started = Date.now();
  assert.deepEqual(await host.read({ id: 'slow', html: '', url: null, budgetMs: 60 }), { stopped: 'budget' });
  assert.ok(Date.now() - started >= 55);
  assert.ok(hung.made[0].terminated);

  const pending = host.read({ id: 'c', html: '', url: null, budgetMs: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(host.stop('c'), true);
  assert.deepEqual(await pending, { stopped: 'cancelled' });
  assert.equal(hung.made.length, 2);
  assert.ok(hung.made[1].terminated);
  assert.equal(host.stop('c'), false, 'nothing left to stop');
});

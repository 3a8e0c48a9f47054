import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardCore, TRAP_MESSAGE } from '../../extension/lib/core-guard.js';

// A real WebAssembly module whose one function traps: (func (export "boom") unreachable).
const trapping = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type: () -> ()
  0x03, 0x02, 0x01, 0x00, // one function of type 0
  0x07, 0x08, 0x01, 0x04, 0x62, 0x6f, 0x6f, 0x6d, 0x00, 0x00, // export "boom"
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b, // body: unreachable, end
]))).exports;

test('a trap resets the core once and becomes a message for the user', () => {
  let resets = 0;
  assert.throws(() => guardCore(() => trapping.boom(), () => { resets += 1; }), (error) => {
    assert.equal(error.message, TRAP_MESSAGE);
    assert.ok(error.cause instanceof WebAssembly.RuntimeError);
    return true;
  });
  assert.equal(resets, 1);
});

test("the core's own errors keep their message and reset nothing", () => {
  let resets = 0;
  assert.throws(
    () => guardCore(() => { throw new Error('the page is empty'); }, () => { resets += 1; }),
    /Lucid can't read this page: the page is empty\./,
  );
  assert.equal(resets, 0);
});

test('results pass through untouched', () => {
  const view = { article: { title: 't' } };
  assert.equal(guardCore(() => view, () => assert.fail('no reset')), view);
  assert.equal(guardCore(() => null, () => assert.fail('no reset')), null);
});

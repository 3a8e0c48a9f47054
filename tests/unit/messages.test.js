import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDispatcher, listener } from '../../extension/lib/messages.js';

const dispatch = createDispatcher({
  echo: (message) => message.value,
  sender: (_message, sender) => sender.tab.id,
  nothing: () => undefined,
  broken: () => { throw new Error('handler failed'); },
  slow: async () => { await new Promise((r) => setTimeout(r, 5)); return 'late'; },
});

test('routes by type to one handler and wraps the result', async () => {
  assert.deepEqual(await dispatch({ type: 'echo', value: [1, 2] }), { ok: true, value: [1, 2] });
  assert.deepEqual(await dispatch({ type: 'sender' }, { tab: { id: 7 } }), { ok: true, value: 7 });
  assert.deepEqual(await dispatch({ type: 'slow' }), { ok: true, value: 'late' });
  assert.deepEqual(await dispatch({ type: 'nothing' }), { ok: true, value: null });
});

test('unknown, missing and inherited types are refused, not thrown', async () => {
  for (const message of [{ type: 'nope' }, {}, null, 'echo', { type: 'toString' }, { type: '__proto__' }]) {
    const reply = await dispatch(message);
    assert.equal(reply.ok, false, JSON.stringify(message));
    assert.match(reply.error, /unknown message type/);
  }
});

test('a failing handler becomes an error reply with its message', async () => {
  assert.deepEqual(await dispatch({ type: 'broken' }), { ok: false, error: 'handler failed' });
});

test('the runtime.onMessage adapter keeps the channel open and replies once', async () => {
  const replies = [];
  const done = new Promise((resolve) => {
    const keepOpen = listener(dispatch)({ type: 'echo', value: 'x' }, {}, (reply) => { replies.push(reply); resolve(); });
    assert.equal(keepOpen, true);
  });
  await done;
  assert.deepEqual(replies, [{ ok: true, value: 'x' }]);
});

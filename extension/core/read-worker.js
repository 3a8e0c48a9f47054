// Readings of pages in a dedicated worker: the host (lib/read-host.js) posts the compiled core
// as soon as it starts the worker, so that the module is instantiated before a page arrives,
// then one page at a time, each answered once. The host terminates the worker when a reading
// runs past its budget, is cancelled or traps: a page that keeps the core busy blocks nothing
// else, and a damaged module never reads again.
//
// In:  { module: WebAssembly.Module }, then { html, url } per reading
// Out: { view } (readerView's answer, null when no article) or { error: { trap } | { message } }

import init, { readerView } from '../pkg/lucid.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    return;
  }
  try {
    await ready;
    self.postMessage({ view: readerView(data.html, data.url, undefined) });
  } catch (error) {
    // A Rust panic surfaces as a RuntimeError ("unreachable"); anything else carries the core's message.
    self.postMessage({ error: error instanceof WebAssembly.RuntimeError ? { trap: true } : { message: String(error?.message ?? error) } });
  }
};

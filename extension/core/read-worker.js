// One reading of one page, in a dedicated worker of its own: the host (lib/read-host.js) posts
// the compiled core and the page, this instantiates a fresh module, answers once, and is
// terminated, whether it finished, ran over its budget or the user cancelled. A page that keeps
// the core busy therefore blocks nothing else, and a trap leaves no damaged module behind.
//
// In:  { module: WebAssembly.Module, html, url }
// Out: { view } (readerView's answer, null when no article) or { error: { trap } | { message } }

import init, { readerView } from '../pkg/lucid.js';

self.onmessage = async ({ data: { module, html, url } }) => {
  try {
    await init({ module_or_path: module });
    self.postMessage({ view: readerView(html, url, undefined) });
  } catch (error) {
    // A Rust panic surfaces as a RuntimeError ("unreachable"); anything else carries the core's message.
    self.postMessage({ error: error instanceof WebAssembly.RuntimeError ? { trap: true } : { message: String(error?.message ?? error) } });
  }
};

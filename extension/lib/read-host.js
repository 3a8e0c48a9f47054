// Where readings run: each in its own dedicated worker (core/read-worker.js), which the host
// terminates when it answers, when its budget is spent or when the user cancels. The host lives
// where the browser allows workers: Firefox's event page (lib/reading.js uses it directly) and,
// since Chromium's service worker cannot start workers, Chromium's offscreen document
// (core/offscreen.js). The core is compiled once per host life and instantiated per reading,
// which costs a few milliseconds against a worker that could not be stopped.

/**
 * A host for `workerUrl` readings of the core at `wasmUrl`. `read({ id, html, url, budgetMs })`
 * resolves (never rejects) to the worker's answer, `{ view }` or `{ error }`, or to
 * `{ stopped: 'budget' | 'cancelled' }`; `stop(id)` cancels reading `id`, answering whether it
 * was running.
 */
export function readHost({ workerUrl, wasmUrl, spawn = (url) => new Worker(url, { type: 'module' }) }) {
  let compiled = null;
  const running = new Map();

  const compile = () => {
    compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch((error) => {
      compiled = null;
      throw error;
    });
    return compiled;
  };

  async function read({ id, html, url, budgetMs }) {
    let module;
    try {
      module = await compile();
    } catch (error) {
      return { error: { message: `the core failed to load (${error.message})` } };
    }
    return new Promise((resolve) => {
      const worker = spawn(workerUrl);
      const finish = (outcome) => {
        clearTimeout(timer);
        worker.terminate();
        running.delete(id);
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ stopped: 'budget' }), budgetMs);
      running.set(id, finish);
      worker.onmessage = ({ data }) => finish(data);
      worker.onerror = (event) => {
        event.preventDefault?.();
        finish({ error: { message: event.message || 'the reading worker failed to start' } });
      };
      worker.postMessage({ module, html, url });
    });
  }

  function stop(id) {
    const finish = running.get(id);
    finish?.({ stopped: 'cancelled' });
    return !!finish;
  }

  return { read, stop };
}

// Where readings run: in dedicated workers (core/read-worker.js) that the host terminates when a
// reading runs past its budget, when the user cancels, or when the core traps. The host lives
// where the browser allows workers: Firefox's event page (lib/reading.js uses it directly) and,
// since Chromium's service worker cannot start workers, Chromium's offscreen document
// (core/offscreen.js). The core is compiled once per host life. A worker whose reading went well
// goes back to the pool for the next one: a warm instance reads the seed page in about a third
// of a fresh one's time (measured: a fresh worker per click added 60 to 130 ms); readings started
// together each get their own worker.

/** Idle workers kept for the next readings: one serves every click but concurrent ones. */
const IDLE_WORKERS = 1;

/**
 * A host for `workerUrl` readings of the core at `wasmUrl`. `read({ id, html, url, budgetMs })`
 * resolves (never rejects) to the worker's answer, `{ view }` or `{ error }`, or to
 * `{ stopped: 'budget' | 'cancelled' }`; `stop(id)` cancels reading `id`, answering whether it
 * was running; `prepare()` starts a worker ahead of the first reading.
 */
export function readHost({ workerUrl, wasmUrl, spawn = (url) => new Worker(url, { type: 'module' }) }) {
  let compiled = null;
  const running = new Map();
  const idle = [];

  const compile = () => {
    compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch((error) => {
      compiled = null;
      throw error;
    });
    return compiled;
  };

  /** A worker given the compiled core, instantiating it while it waits for a page. */
  async function started() {
    const module = await compile();
    const worker = spawn(workerUrl);
    worker.postMessage({ module });
    return worker;
  }

  async function prepare() {
    if (idle.length) return true;
    try {
      idle.push(await started());
      return true;
    } catch {
      return false;
    }
  }

  async function read({ id, html, url, budgetMs }) {
    let worker = idle.pop();
    try {
      worker ??= await started();
    } catch (error) {
      return { error: { message: `the core failed to load (${error.message})` } };
    }
    return new Promise((resolve) => {
      const finish = (outcome, reusable = false) => {
        clearTimeout(timer);
        running.delete(id);
        worker.onmessage = worker.onerror = null;
        if (reusable && idle.length < IDLE_WORKERS) idle.push(worker);
        else worker.terminate();
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ stopped: 'budget' }), budgetMs);
      running.set(id, finish);
      // After a trap the module's memory is in an unknown state: that worker goes.
      worker.onmessage = ({ data }) => finish(data, !data.error?.trap);
      worker.onerror = (event) => {
        event.preventDefault?.();
        finish({ error: { message: event.message || 'the reading worker failed to start' } });
      };
      worker.postMessage({ html, url });
    });
  }

  function stop(id) {
    const finish = running.get(id);
    finish?.({ stopped: 'cancelled' });
    return !!finish;
  }

  return { read, stop, prepare };
}

// A stand-in LibreTranslate server on 127.0.0.1, for the translation tests and the translation
// benchmark. It answers with CORS headers (as LibreTranslate does), so the worker's fetch needs
// no host permission; neither headless browser can accept the options page's permission prompt.
// Each translation is the original HTML with every text run tagged `[source→target] `.

import { createServer } from 'node:http';

/** Tag the text inside the HTML, keep the tags: `<a>x</a>` → `<a>[zh→en] x</a>`. */
export const tag = (html, prefix) => html.replace(/>([^<]+)</g, (_, t) => `>${prefix}${t}<`).replace(/^([^<]+)/, (t) => prefix + t);

/**
 * Start the server; resolves to { endpoint, state, reset, close }. `state.fault`: null, '500',
 * 'malformed', 'half' (answers the first half of each batch) or 'hang-after-1' (answers the
 * first request, then never answers); `state.sent`: the segments of every request, in order;
 * `state.answered`: the segments it translated. `reset` answers the requests left hanging and
 * clears the state.
 */
export async function fakeLibreTranslate() {
  const state = { fault: null, sent: [], answered: [], hanging: [] };
  const server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const { q, source, target } = JSON.parse(body);
      const first = state.sent.length === 0;
      state.sent.push(q);
      const headers = { ...cors, 'Content-Type': 'application/json' };
      if (state.fault === 'hang-after-1' && !first) return state.hanging.push(res);
      if (state.fault === '500') return res.writeHead(500, headers).end('{"error":"boom"}');
      if (state.fault === 'malformed') return res.writeHead(200, headers).end('{"translatedText": [');
      const answered = state.fault === 'half' ? q.slice(0, Math.ceil(q.length / 2)) : q;
      state.answered.push(...answered);
      res.writeHead(200, headers).end(JSON.stringify({ translatedText: answered.map((h) => tag(h, `[${source}→${target}] `)) }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    state,
    reset() {
      for (const res of state.hanging) res.destroy();
      Object.assign(state, { fault: null, sent: [], answered: [], hanging: [] });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

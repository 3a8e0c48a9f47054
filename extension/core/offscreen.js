// Chromium's offscreen document: the one extension context there that may start workers, so
// the service worker's readings run here (lib/read-host.js). It answers only the service
// worker's `{ target: 'read-host' }` messages; every other message is the service worker's to
// answer.

import { readHost } from '../lib/read-host.js';
import { READ_HOST_TARGET } from '../lib/reading.js';

const host = readHost({
  workerUrl: chrome.runtime.getURL('core/read-worker.js'),
  wasmUrl: chrome.runtime.getURL('pkg/lucid_bg.wasm'),
});
host.prepare();

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.target !== READ_HOST_TARGET || sender.id !== chrome.runtime.id || sender.tab) return false;
  if (message.type === 'read') host.read(message).then(sendResponse);
  else if (message.type === 'stop') sendResponse(host.stop(message.id));
  else return false;
  return true;
});

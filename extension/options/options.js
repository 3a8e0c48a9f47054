// The translation settings: the service's URL and API key, in storage.sync. Saving a URL asks
// for host permission for that origin only (it needs the click's user gesture, so it is asked here).

import { TRANSLATE_KEY, translateSettings } from '../translate/registry.js';
import { originOf, originPattern } from '../lib/origins.js';

const form = document.getElementById('form');
const status = document.getElementById('status');

async function load() {
  const settings = translateSettings((await chrome.storage.sync.get(TRANSLATE_KEY))[TRANSLATE_KEY]);
  form.endpoint.value = settings.endpoint;
  form.apiKey.value = settings.apiKey;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const endpoint = form.endpoint.value.trim();
  const origin = endpoint ? originOf(endpoint) : null;
  if (endpoint && !origin) {
    status.textContent = 'The URL must start with http:// or https://.';
    return;
  }
  // Asked first, while the click's gesture lasts.
  if (origin && !(await chrome.permissions.request({ origins: [originPattern(origin)] }))) {
    status.textContent = `Not saved: Lucid needs permission to reach ${origin}.`;
    return;
  }
  const stored = (await chrome.storage.sync.get(TRANSLATE_KEY))[TRANSLATE_KEY];
  const settings = { ...translateSettings(stored), endpoint, apiKey: form.apiKey.value };
  await chrome.storage.sync.set({ [TRANSLATE_KEY]: settings });
  status.textContent = endpoint ? `Saved. Translations go to ${origin}.` : 'Saved. No translation service set.';
});

load();

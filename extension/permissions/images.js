// The page that asks for the sites a saved copy's images come from: permissions.request needs a
// user gesture in an extension page. Whatever the answer, it tells the worker, which then saves
// the file (with the images it may fetch embedded, the others as links), and closes.

import { parsePermissionQuery } from '../lib/image-permissions.js';
import { originPattern } from '../lib/origins.js';

const { tabId, origins } = parsePermissionQuery(location.search);
document.getElementById('origins').append(...origins.map((origin) => Object.assign(document.createElement('li'), { textContent: origin })));

async function answer(granted) {
  for (const button of document.querySelectorAll('button')) button.disabled = true;
  try {
    await chrome.runtime.sendMessage({ type: 'imagePermission', granted, tabId });
  } finally {
    window.close();
  }
}

document.getElementById('allow').addEventListener('click', () => {
  // Called straight from the click, so that the browser sees the user's gesture.
  chrome.permissions.request({ origins: origins.map(originPattern) }).catch(() => false).then(answer);
});
document.getElementById('not-now').addEventListener('click', () => answer(false));

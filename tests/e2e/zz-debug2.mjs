import { launch } from './harness.js';
const browser = await launch();
const sw = browser.worker();
console.log(await sw.evaluate(async () => {
  if (typeof Translator === 'undefined') return 'no Translator';
  const a = await Translator.availability({ sourceLanguage: 'zh', targetLanguage: 'en' });
  const b = await Translator.availability({ sourceLanguage: 'zz', targetLanguage: 'en' }).catch(e => 'err ' + e.message);
  const c = await Promise.race([Translator.create({ sourceLanguage: 'zh', targetLanguage: 'en' }).then(() => 'created', e => 'create err ' + e.name + ' ' + e.message), new Promise(r => setTimeout(() => r('create hangs'), 3000))]);
  return [a, b, c];
}));
await browser.close();

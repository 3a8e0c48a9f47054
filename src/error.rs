//! Bad input and exceeded limits. "No article on this page" is not an error: it is `Ok(None)`.

/// Why Lucid could not read a page. Messages are written for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds nothing but white space.
    #[error("the page is empty")]
    Empty,
    /// The input looks like binary data (NUL bytes or mostly control characters), not a web page.
    #[error("this is not a web page: the input looks like binary data")]
    Binary,
    /// The input has no markup at all.
    #[error("this is not a web page: the input has no HTML markup")]
    NotHtml,
    /// The input is bigger than [`crate::Options::max_bytes`].
    #[error("the page is too large to read: {size} bytes, the limit is {limit}")]
    TooLarge { size: usize, limit: usize },
    /// The page has more elements than [`crate::Options::max_elements`].
    #[error("the page has too many elements to read: more than {limit}")]
    TooManyElements { limit: usize },
    /// Parsing the markup would cost more than the parser's budget ([`crate::input::parser`]):
    /// elements nested thousands deep, misnested tags re-opened thousands of times, tags with
    /// thousands of attributes, which no real page has and which take html5ever time growing
    /// with the square of their size.
    #[error("the page's markup is too deeply nested or too complex to read safely")]
    TooComplex,
    /// The page is written in an encoding the Encoding Standard retires ("replacement":
    /// iso-2022-kr, iso-2022-cn, hz-gb-2312), which no browser decodes because its escape
    /// sequences can hide markup. Only for a page that declares one and whose bytes are in it;
    /// a page that merely carries such a label is read as if undeclared.
    #[error(
        "the page is written in {label}, an encoding browsers no longer read (it can hide markup); convert it to UTF-8 first, e.g. with iconv"
    )]
    RetiredEncoding { label: String },
    /// `Options::url` is not an absolute URL.
    #[error("the page address is not a valid absolute URL: {0}")]
    InvalidUrl(String),
}

//! Bad input and exceeded limits. "No article on this page" is not an error: it is `Ok(None)`.

use crate::Options;

/// Why Lucid could not read a page. Messages are written for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    /// The input is bigger than [`Options::max_bytes`].
    #[error("the page is too large to read: {size} bytes, the limit is {limit}")]
    TooLarge { size: usize, limit: usize },
    /// The page has more elements than [`Options::max_elements`].
    #[error("the page has too many elements to read: more than {limit}")]
    TooManyElements { limit: usize },
    /// `Options::url` is not an absolute URL.
    #[error("the page address is not a valid absolute URL: {0}")]
    InvalidUrl(String),
}

/// Reject input that cannot be a page before spending time parsing it.
pub(crate) fn check_input(html: &str, options: &Options) -> Result<(), Error> {
    if html.len() > options.max_bytes {
        return Err(Error::TooLarge { size: html.len(), limit: options.max_bytes });
    }
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    if looks_binary(html.as_bytes()) {
        return Err(Error::Binary);
    }
    if !html.contains('<') {
        return Err(Error::NotHtml);
    }
    Ok(())
}

/// True when the first bytes hold a NUL or are mostly control characters, as images, archives and
/// executables do. Text pages never contain NUL; browsers sniff the same way.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

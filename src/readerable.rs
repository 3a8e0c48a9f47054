//! Is this page probably an article?
#[derive(Clone, Debug, Default)]
pub struct ReaderableOptions {}
pub fn check(_html: &str, _o: &ReaderableOptions) -> bool { true }

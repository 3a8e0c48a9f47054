//! The retry ladder: score and clean with each policy in turn until the article is long enough;
//! otherwise keep the attempt with the most prose (Readability keeps the longest text; counting
//! link text too would let a relaxed attempt win by adding a list of related links).

use scraper::Html;

use super::attempt::{Attempt, Policy};
use super::hints::is_listing;
use super::{clean, score};
use crate::dom;
use crate::options::Options;
use crate::trace::{Stage, Timer};
use crate::tunables::{LADDER_MIN_GAIN, SIGN_IN_MAX_PAGE_PROSE, SIGN_IN_MAX_PROSE};

/// The article of the first attempt long enough, else of the one with the most prose; `None`
/// when no attempt found any text. Scoring and cleaning time is counted on `timer`.
pub fn best_attempt(doc: &Html, options: &Options, title: Option<&str>, timer: &mut Timer) -> Option<Attempt> {
    // Ranked by prose first, then by all text (for pages whose text is all in links).
    let mut best: Option<((usize, usize), Attempt)> = None;
    for policy in Policy::LADDER {
        let attempt = score::grab_article(doc, policy, options, title);
        timer.lap(Stage::Score);
        let Some(mut attempt) = attempt else { continue };
        clean::article(&mut attempt);
        timer.lap(Stage::Clean);
        let measured = dom::measure(attempt.root());
        if measured.len >= options.char_threshold {
            return Some(attempt);
        }
        let (prose, len) = (measured.prose(), measured.len);
        let better = match &best {
            None => true,
            Some(((best_prose, best_len), _)) => {
                prose as f32 > *best_prose as f32 * LADDER_MIN_GAIN || (prose == *best_prose && len > *best_len)
            }
        };
        if better {
            best = Some(((prose, len), attempt));
        }
    }
    best.filter(|((_, len), _)| *len > 0).map(|(_, attempt)| attempt)
}

/// The attempt, unless what it found is not an article: a list of other pages (search results,
/// a category, a forum's index), or the few lines around a sign-in form.
/// `sign_in_page` is [`is_sign_in_page`] of the page as parsed.
pub fn article_or_none(attempt: Attempt, sign_in_page: bool) -> Option<Attempt> {
    let root = attempt.root();
    let sign_in = sign_in_page && dom::measure(root).prose() < SIGN_IN_MAX_PROSE;
    (!is_listing(&root) && !sign_in).then_some(attempt)
}

/// The page is a sign-in page: it has a password field and, all told, little prose (asked
/// before preparing the page removes form controls). A news page with a sign-in box in its
/// header has menus and teasers around its article that hold far more.
pub fn is_sign_in_page(page: &Html) -> bool {
    page.tree.nodes().any(|n| dom::is(&n, "input") && dom::attr(&n, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("password")))
        && dom::measure(page.tree.root()).prose() < SIGN_IN_MAX_PAGE_PROSE
}

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
use crate::tunables::{LADDER_MAX_NODE_VISITS, LADDER_MIN_GAIN, SIGN_IN_MAX_PAGE_PROSE, SIGN_IN_MAX_PROSE};

/// The article of the first attempt long enough, else of the one with the most prose; `None`
/// when no attempt found any text. Huge pages get fewer attempts ([`LADDER_MAX_NODE_VISITS`]).
/// Scoring and cleaning time is counted on `timer`.
pub fn best_attempt(doc: &Html, options: &Options, title: Option<&str>, timer: &mut Timer) -> Option<Attempt> {
    // Ranked by prose first, then by all text (for pages whose text is all in links).
    let mut best: Option<((usize, usize), Attempt)> = None;
    let nodes = doc.tree.nodes().count();
    for (rung, policy) in Policy::LADDER.into_iter().enumerate() {
        if rung > 0 && (rung + 1).saturating_mul(nodes) > LADDER_MAX_NODE_VISITS {
            break;
        }
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

#[cfg(test)]
mod tests {
    use crate::Options;

    /// An article only a relaxed rung finds (inside an element that looks like a sidebar) beside
    /// a short paragraph, on a page of `filler` more empty elements, each with a space after it.
    fn page(filler: usize) -> String {
        let prose = "A sentence of the article, long enough to be read as prose, with a comma. ".repeat(12);
        format!("<body><p>{}</p><div class=\"sidebar\"><p>{prose}</p><p>{prose}</p></div>{}</body>", &prose[..120], "<i></i> ".repeat(filler))
    }

    #[test]
    fn relaxed_rungs_run_within_the_node_budget() {
        let read = |filler| crate::extract(&page(filler), &Options::default()).unwrap().unwrap().text_content.len();
        assert!(read(10) > 1_000, "a relaxed rung finds the article");
        assert!(read(140_000) > 1_000, "a page of 280 000 nodes gets two rungs");
        assert!(read(160_000) < 200, "a page of 320 000 nodes gets one");
    }
}

//! The retry ladder: score and clean with each policy in turn until the article is long enough;
//! otherwise keep the attempt with the most prose (Readability keeps the longest text; counting
//! link text too would let a relaxed attempt win by adding a list of related links).

use scraper::Html;

use super::attempt::{Attempt, Policy};
use super::{clean, score};
use crate::dom;
use crate::options::Options;
use crate::trace::{Stage, Timer};
use crate::tunables::LADDER_MIN_GAIN;

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

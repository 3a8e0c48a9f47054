//! Finding the article in a parsed page, in the order [`crate::extract`] runs it: a page hidden in
//! `<noscript>` for readers without script is shown ([`noscript`]), [`prepare`] the document
//! (what never holds article text goes), then the retry [`ladder`] — [`score`]
//! paragraphs and choose a container, [`clean`] it, relax the rules ([`attempt`]'s policies) if
//! too little was found, and a forum thread read as one ([`thread`]) — then [`resolve`] its images and URLs. [`hints`] reads what class and
//! id names say, [`tally`] keeps the counts conditional cleaning judges by; [`readerable`] is the cheap check that runs without extracting.

pub mod attempt;
mod clean;
mod hints;
pub mod ladder;
pub mod noscript;
pub mod prepare;
pub mod readerable;
pub mod resolve;
mod score;
mod tally;
pub mod thread;

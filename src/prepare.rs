//! Preparing the document before scoring.
use scraper::Html;
use crate::serialize::Trace;

pub fn document(_doc: &mut Html, _trace: &mut Trace) {}

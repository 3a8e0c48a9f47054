//! Cleaning the assembled article.
use crate::{metadata::Metadata, score::Found, serialize::Trace};

pub fn article(_found: &mut Found, _meta: &Metadata, _trace: &mut Trace) {}

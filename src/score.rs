//! Scoring candidates and assembling the article.
use ego_tree::NodeId;
use scraper::Html;
use crate::{metadata::Metadata, serialize::Trace, Options};

/// The assembled article: a container node in its own copy of the document.
pub struct Found {
    pub doc: Html,
    pub root: NodeId,
    pub byline: Option<String>,
}

pub fn grab_article(doc: &Html, _options: &Options, _meta: &Metadata, _trace: &mut Trace) -> Option<Found> {
    let doc = doc.clone();
    let root = doc.root_element().id();
    Some(Found { doc, root, byline: None })
}

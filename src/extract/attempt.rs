//! One extraction attempt: the retry ladder's policies (what each rung relaxes) and what an
//! attempt produces, the assembled article in its own copy of the document.

use ego_tree::NodeId;
use scraper::Html;

use crate::dom::NodeRefH;
use crate::trace::Trace;

/// The retry ladder: each rung relaxes one more rule when too little text was found, as
/// Readability's flags do. The best attempt is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Every rule on.
    Strict,
    /// Keep elements whose class/id looks like clutter.
    KeepUnlikely,
    /// Also ignore class/id weights.
    IgnoreClassWeights,
    /// Also keep what conditional cleaning would remove.
    KeepConditional,
}

/// What a policy switches on.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Policy {
    pub const LADDER: [Policy; 4] =
        [Policy::Strict, Policy::KeepUnlikely, Policy::IgnoreClassWeights, Policy::KeepConditional];

    pub fn rules(self) -> Rules {
        let rung = Policy::LADDER.iter().position(|p| *p == self).unwrap_or(0);
        Rules { strip_unlikely: rung < 1, weight_classes: rung < 2, clean_conditionally: rung < 3 }
    }
}

/// The assembled article of one attempt: a detached `<div>` in the attempt's own copy of the
/// document, with the byline found in the text and the removals made on the way.
pub struct Attempt {
    pub doc: Html,
    pub root: NodeId,
    pub byline: Option<String>,
    pub rules: Rules,
    pub trace: Trace,
}

impl Attempt {
    pub fn root(&self) -> NodeRefH<'_> {
        self.doc.tree.get(self.root).expect("the article root lives in its document")
    }
}

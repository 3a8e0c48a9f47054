//! What the pipeline did, for people debugging a page: the stages by one name each ([`Stage`]),
//! the elements each stage removed and why ([`Trace`]), and the time each stage took ([`Timer`]).
//! Both records cost nothing unless asked for.

use serde::{Deserialize, Serialize};

use crate::dom::{self, NodeRefH};
use crate::text::char_len;

/// A step of the pipeline, as the timings and the removal trace both name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Checking the input and parsing it.
    Parse,
    /// Reading title, byline, date, language… before scripts go.
    Metadata,
    /// Removing what never holds article text (scripts, styles, hidden nodes).
    Prepare,
    /// Scoring paragraphs and choosing the article's container (every rung of the retry ladder).
    Score,
    /// Cleaning the chosen container (every rung of the retry ladder).
    Clean,
    /// Making lazy images real and URLs absolute.
    Resolve,
    /// The allow-list every article passes through.
    Sanitize,
    /// Building the article: plain text, measures, excerpt.
    Serialize,
}

/// The time one pipeline stage took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StageTime {
    pub stage: Stage,
    pub ms: f64,
}

/// One decision the extractor made, for people debugging a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceEntry {
    /// The stage that removed the element: `prepare`, `score` or `clean`.
    pub stage: Stage,
    /// A short description of the element, like `div#comments.tie-area`.
    pub element: String,
    pub reason: String,
    /// Characters of text the element held.
    pub chars: usize,
}

/// Removals recorded by one extraction attempt (the winning attempt's reach the article); a
/// no-op unless switched on.
pub struct Trace {
    entries: Option<Vec<TraceEntry>>,
}

impl Trace {
    pub fn new(on: bool) -> Self {
        Trace { entries: on.then(Vec::new) }
    }

    /// Record that `node` is removed at `stage` for `reason`.
    pub fn removed(&mut self, stage: Stage, node: &NodeRefH<'_>, reason: &str) {
        if let Some(entries) = self.entries.as_mut() {
            entries.push(TraceEntry {
                stage,
                element: dom::describe(node),
                reason: reason.to_string(),
                chars: char_len(&dom::text(*node)),
            });
        }
    }

    /// This trace, then `later`'s entries.
    pub fn then(mut self, later: Trace) -> Trace {
        if let (Some(a), Some(b)) = (self.entries.as_mut(), later.entries) {
            a.extend(b);
        }
        self
    }

    pub fn into_entries(self) -> Vec<TraceEntry> {
        self.entries.unwrap_or_default()
    }
}

/// Stage times from the caller's clock; a no-op without one. A stage met again (a rung of the
/// retry ladder) adds to its first entry, so each stage appears once, in pipeline order.
pub struct Timer {
    clock: Option<fn() -> f64>,
    since: f64,
    timings: Vec<StageTime>,
}

impl Timer {
    pub fn new(clock: Option<fn() -> f64>) -> Self {
        Timer { clock, since: clock.map_or(0.0, |now| now()), timings: Vec::new() }
    }

    /// Count the time since the last lap as `stage`'s.
    pub fn lap(&mut self, stage: Stage) {
        let Some(now) = self.clock else { return };
        let t = now();
        let ms = t - self.since;
        self.since = t;
        match self.timings.iter_mut().find(|s| s.stage == stage) {
            Some(entry) => entry.ms += ms,
            None => self.timings.push(StageTime { stage, ms }),
        }
    }

    pub fn into_timings(self) -> Vec<StageTime> {
        self.timings
    }
}

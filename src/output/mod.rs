//! What an article becomes: the reading view's markup ([`render`]), a saved HTML copy
//! ([`html_copy`]) or Markdown copy ([`markdown`]) and what both saved formats share ([`save`]),
//! and segments for translation ([`segments`]).

pub mod html_copy;
pub mod markdown;
pub mod render;
pub mod save;
pub mod segments;

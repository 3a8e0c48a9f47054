// Segments the shell makes itself, beside the core's (splitSegments): the article's title is not
// in its content, so it travels as one more segment, and plain-text translations become HTML for
// the core's merge.

/** The id of the title's segment; the core's ids are `s0`, `s1`, … */
export const TITLE_ID = 'title';

/** Escape plain text for use as HTML (text content: `&`, `<` and `>` are all that matter). */
export function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The title as a segment `{id, html, text}`, or null when it has no text. */
export function titleSegment(title) {
  const text = typeof title === 'string' ? title : '';
  return text.trim() ? { id: TITLE_ID, html: escapeHtml(text), text } : null;
}

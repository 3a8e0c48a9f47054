//! The tokenizer's one slow shape, bounded before parsing: html5ever checks each attribute of a
//! tag against the tag's earlier ones, so a tag with `a` attributes costs `a²/2` comparisons
//! (100 000 attributes: seconds). The tree builder's slow shapes are metered while parsing
//! ([`super::parser`]); this one happens inside the tokenizer, which cannot be watched.

/// The tokenizer states a tag passes through, as the HTML standard names them.
#[derive(Clone, Copy, PartialEq)]
enum State {
    TagOpen,
    EndTagOpen,
    TagName,
    BeforeAttributeName,
    AttributeName,
    AfterAttributeName,
    BeforeAttributeValue,
    DoubleQuotedValue,
    SingleQuotedValue,
    UnquotedValue,
    AfterQuotedValue,
    SelfClosing,
}

/// What a byte does to a tag being read in `state`.
enum Step {
    To(State),
    /// An attribute starts: it is counted.
    Attribute,
    /// The tag is emitted: its attributes' comparisons are charged.
    Emit,
    /// Not a tag after all (`<` in text, `<!`, `<?`).
    Gone,
}

fn step(state: State, byte: u8) -> Step {
    use State::*;
    let space = matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
    match state {
        TagOpen if byte.is_ascii_alphabetic() => Step::To(TagName),
        TagOpen if byte == b'/' => Step::To(EndTagOpen),
        EndTagOpen if byte.is_ascii_alphabetic() => Step::To(TagName),
        TagOpen | EndTagOpen => Step::Gone,
        _ if byte == b'>' && !matches!(state, DoubleQuotedValue | SingleQuotedValue) => Step::Emit,
        TagName if space => Step::To(BeforeAttributeName),
        TagName | AttributeName | AfterAttributeName | AfterQuotedValue if byte == b'/' => Step::To(SelfClosing),
        TagName => Step::To(TagName),
        BeforeAttributeName | AfterAttributeName if space => Step::To(state),
        BeforeAttributeName if byte == b'/' => Step::To(SelfClosing),
        BeforeAttributeName => Step::Attribute,
        AttributeName if space => Step::To(AfterAttributeName),
        AttributeName | AfterAttributeName if byte == b'=' => Step::To(BeforeAttributeValue),
        AttributeName => Step::To(AttributeName),
        AfterAttributeName => Step::Attribute,
        BeforeAttributeValue if space => Step::To(BeforeAttributeValue),
        BeforeAttributeValue if byte == b'"' => Step::To(DoubleQuotedValue),
        BeforeAttributeValue if byte == b'\'' => Step::To(SingleQuotedValue),
        BeforeAttributeValue => Step::To(UnquotedValue),
        DoubleQuotedValue if byte == b'"' => Step::To(AfterQuotedValue),
        SingleQuotedValue if byte == b'\'' => Step::To(AfterQuotedValue),
        DoubleQuotedValue | SingleQuotedValue => Step::To(state),
        UnquotedValue if space => Step::To(BeforeAttributeName),
        UnquotedValue => Step::To(UnquotedValue),
        // A quoted value or a `/` followed by anything else: a new attribute (a parse error).
        AfterQuotedValue if space => Step::To(BeforeAttributeName),
        AfterQuotedValue | SelfClosing => step(BeforeAttributeName, byte),
    }
}

/// At most how many attribute comparisons the tokenizer makes reading `html`, in one pass.
/// Which `<` opens a tag depends on state this pass does not keep (a comment, a `<style>` in
/// `<svg>`, script), so a tag is read from every `<`; readings that reach the same state go on
/// as one, keeping the larger count, so the pass stays linear and never counts less than the
/// tokenizer does.
pub fn attribute_work(html: &str) -> u64 {
    // Each reading: its state and the attributes counted so far; at most one per state.
    let mut readings: Vec<(State, u64)> = Vec::new();
    let mut next: Vec<(State, u64)> = Vec::new();
    let mut work: u64 = 0;
    for &byte in html.as_bytes() {
        if readings.is_empty() && byte != b'<' {
            continue;
        }
        next.clear();
        for &(state, count) in &readings {
            match step(state, byte) {
                Step::To(state) => merge(&mut next, state, count),
                Step::Attribute => merge(&mut next, State::AttributeName, count + 1),
                Step::Emit => work = work.saturating_add(count * count.saturating_sub(1) / 2),
                Step::Gone => {}
            }
        }
        if byte == b'<' {
            merge(&mut next, State::TagOpen, 0);
        }
        std::mem::swap(&mut readings, &mut next);
    }
    // A tag cut off by the end of the page has already been compared.
    let unfinished = readings.iter().map(|&(_, count)| count).max().unwrap_or(0);
    work.saturating_add(unfinished * unfinished.saturating_sub(1) / 2)
}

/// Add a reading, or keep the larger count of two in the same state: from there on they read
/// alike.
fn merge(readings: &mut Vec<(State, u64)>, state: State, count: u64) {
    match readings.iter_mut().find(|(s, _)| *s == state) {
        Some((_, kept)) => *kept = (*kept).max(count),
        None => readings.push((state, count)),
    }
}

#[cfg(test)]
mod tests {
    use super::attribute_work;
    use crate::tunables::MAX_ATTRIBUTE_WORK;

    fn attributes(count: usize) -> String {
        (0..count).map(|i| format!(" a{i}=\"x>\"")).collect()
    }

    #[test]
    fn counts_comparisons_of_each_tags_attributes() {
        assert_eq!(attribute_work("<p>text</p>"), 0);
        assert_eq!(attribute_work("<p a b c>"), 3);
        assert_eq!(attribute_work("<p a='1'b=\"2\"/c=3 d>"), 6);
        assert_eq!(attribute_work("<p a b><i c d>"), 2);
        assert_eq!(attribute_work("a < b c d"), 0, "`<` then a space is text");
        assert_eq!(attribute_work("<p a b c"), 3, "a tag cut off by the end still costs");
        assert_eq!(attribute_work(&format!("<p{}>", attributes(1000))), 1000 * 999 / 2);
    }

    #[test]
    fn markup_that_hides_a_tag_from_a_text_scan_still_counts() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}")).collect();
        for hider in ["<!-->", "<!--->", "<!-- --!>", "<svg><style>", "<math><script>", "<script>", "<textarea>"] {
            assert!(attribute_work(&format!("{hider}<p{attrs}>")) >= 1000 * 999 / 2, "{hider}");
        }
        // A `>` inside a quoted value does not end the tag.
        assert!(attribute_work(&format!("<p{}>", attributes(2000))) >= 2000 * 1999 / 2);
    }

    #[test]
    fn real_pages_stay_far_below_the_limit() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut worst = 0;
        for corpus in ["readability", "seed", "wcxb", "wcxb-forum", "netease", "zh-portals"] {
            for entry in std::fs::read_dir(format!("{fixtures}/{corpus}")).unwrap().flatten() {
                if let Ok(page) = std::fs::read(entry.path().join("source.html")) {
                    worst = worst.max(attribute_work(&String::from_utf8_lossy(&page)));
                }
            }
        }
        assert!(worst < MAX_ATTRIBUTE_WORK / 20, "a corpus page costs {worst}");
        assert!(attribute_work(&format!("<p{}>", attributes(30_000))) > MAX_ATTRIBUTE_WORK);
    }
}

// The table of contents (content script, injected before reader.js): a Contents button and a
// panel listing the article's h2–h4 headings, nested by level, each a jump to its heading; the
// section being read is marked as the article scrolls. Built from what the view shows, so a
// translated article lists its translated headings. The saved HTML copy writes the same list
// (src/output/html_copy.rs, with the same rule: h2–h4 with text, at least three).
//
// Defines `LucidContents` once per page: `attach({container, scroller, onOpen})`.

if (!Object.hasOwn(globalThis, 'LucidContents')) globalThis.LucidContents = (() => {
  const { element } = globalThis.LucidShell;
  /** Fewer headings than this make no useful contents (tunables::CONTENTS_MIN_HEADINGS in the core). */
  const MIN_HEADINGS = 3;
  const LEVELS = { H2: 2, H3: 3, H4: 4 };
  /** A heading is current once its top is this far (px) into the scroller or above it. */
  const CURRENT_LINE = 96;
  const ICON = 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01';

  /** What a heading shows in the list: its translation, in a bilingual view; else itself. */
  function shown(heading) {
    const copy = heading.nextElementSibling;
    return copy?.classList.contains('lucid-translation') && copy.tagName === heading.tagName ? copy : heading;
  }
  const label = (heading) => shown(heading).textContent.replace(/\s+/g, ' ').trim();

  /** The headings listed: h2–h4 of the content that have text (bilingual copies stand with their original). */
  function headingsOf(content) {
    return [...content.querySelectorAll('h2, h3, h4')].filter((h) => !h.classList.contains('lucid-translation') && label(h));
  }

  /** Nested lists: a heading deeper than the one before it goes in a list inside that one's item. */
  function outline(headings) {
    const top = element('ol');
    /** The items a deeper heading may nest under, outermost first. */
    const open = [];
    const links = [];
    for (const heading of headings) {
      const level = LEVELS[heading.tagName];
      while (open.length && open.at(-1).level >= level) open.pop();
      const parent = open.at(-1)?.item;
      let list = top;
      if (parent) {
        list = parent.querySelector(':scope > ol') ?? element('ol');
        parent.append(list);
      }
      const link = element('a', { href: '#', textContent: label(heading), lang: shown(heading).closest('[lang]')?.getAttribute('lang') ?? '' });
      const item = element('li', {}, [link]);
      list.append(item);
      open.push({ level, item });
      links.push({ heading, link });
    }
    return { list: top, links };
  }

  /**
   * Add the Contents button and panel to a freshly opened view: `{container, scroller, onOpen}`
   * (`onOpen` closes the view's other panels). Returns `{button, panel, toggle, close, detach}`;
   * the button is hidden while the article has too few headings.
   */
  function attach({ container, scroller, onOpen }) {
    const content = scroller.querySelector('.lucid-content');
    const button = element('button', { type: 'button', className: 'lucid-tool', dataset: { action: 'contents' }, title: 'Contents (T)', 'aria-expanded': 'false', hidden: true });
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', ICON);
    svg.append(path);
    button.append(svg);
    const nav = element('nav', { className: 'lucid-toc-list', 'aria-label': 'Contents' });
    const panel = element('div', { className: 'lucid-panel lucid-contents', role: 'dialog', 'aria-label': 'Contents', hidden: true }, [
      element('p', { className: 'lucid-label', textContent: 'Contents' }), nav,
    ]);
    let links = [];
    let frame = 0;

    function build() {
      const headings = content ? headingsOf(content) : [];
      const enough = headings.length >= MIN_HEADINGS;
      button.hidden = !enough;
      if (!enough && !panel.hidden) toggle(false);
      const built = outline(enough ? headings : []);
      links = built.links;
      nav.replaceChildren(built.list);
      markCurrent();
    }

    /** Mark the last heading that has scrolled up to the current line: the section being read. */
    function markCurrent() {
      frame = 0;
      const line = scroller.getBoundingClientRect().top + CURRENT_LINE;
      let current = null;
      for (const entry of links) {
        if (entry.heading.getBoundingClientRect().top <= line) current = entry;
        else break;
      }
      for (const entry of links) {
        if (entry === current) entry.link.setAttribute('aria-current', 'location');
        else entry.link.removeAttribute('aria-current');
      }
      // A long list follows along (scrolled by hand: scrollIntoView would scroll the view too).
      if (current && !panel.hidden) {
        const link = current.link.getBoundingClientRect();
        const box = panel.getBoundingClientRect();
        if (link.top < box.top || link.bottom > box.bottom) panel.scrollTop += link.top - box.top - box.height / 3;
      }
    }

    function toggle(show = panel.hidden) {
      if (show && button.hidden) return;
      if (show) onOpen?.();
      panel.hidden = !show;
      button.setAttribute('aria-expanded', String(show));
      if (show) markCurrent();
    }

    /** Whether the open panel leaves the column free (a wide window): then it stays open after a jump. */
    function besideColumn() {
      const column = scroller.querySelector('.lucid-content')?.getBoundingClientRect();
      const box = panel.getBoundingClientRect();
      return !!column && (box.right <= column.left || box.left >= column.right);
    }

    button.addEventListener('click', () => toggle());
    nav.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      const entry = link && links.find((e) => e.link === link);
      if (!entry) return;
      event.preventDefault();
      // The view's own handler would take href="#" for "to the top".
      event.stopPropagation();
      const top = scroller.scrollTop + entry.heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top - CURRENT_LINE / 2;
      scroller.scrollTo({ top, behavior: 'instant' });
      if (!besideColumn()) toggle(false);
      markCurrent();
    });
    container.addEventListener('click', (event) => {
      if (!panel.hidden && !event.composedPath().some((el) => el === panel || el === button)) toggle(false);
    });
    scroller.addEventListener('scroll', () => {
      frame ||= requestAnimationFrame(markCurrent);
    }, { passive: true });
    // A translation replaces the content: the list follows, in the language now shown.
    const observer = new MutationObserver(build);
    if (content) observer.observe(content, { childList: true });
    build();

    return {
      button,
      panel,
      toggle,
      close() {
        if (panel.hidden) return false;
        toggle(false);
        return true;
      },
      detach() {
        observer.disconnect();
        cancelAnimationFrame(frame);
      },
    };
  }

  return Object.freeze({ attach });
})();

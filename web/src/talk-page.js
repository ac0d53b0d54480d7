// A talk as a page of its own, for a feed of one talk or data-view="talk": the talk's
// card (the core's render with "page": its title as a heading, its day beside its
// times, abstract and bios open), without the toolbar, the count or section headings.
import { holdsTalk } from './feed-queries.js';

// Whether a widget shows a talk page rather than a list.
export function showsTalkPage(options, meta) {
  return options.view === 'talk' || meta.talkCount === 1;
}

// The id of the talk the page shows: the permalink's (#talk=<id>) when the feed holds
// it; otherwise, among the talks the page's filters (data-series, data-kind, data-tag)
// allow, the next to start (or the one live now), else the latest; '' for none. A break
// is not a talk to give a page to, unless the filters leave nothing else.
export function chosenTalk(widget, linkedId) {
  if (linkedId && holdsTalk(widget, linkedId)) return linkedId;
  const filters = { ...widget.currentQuery(), text: '', order: 'series', onlyStarred: false, starred: [], limit: BREAKS_TO_PASS + 1 };
  for (const show of ['upcoming', 'past']) {
    const id = firstTalkId(widget.core.render(widget.handle, { ...filters, show }).html);
    if (id) return id;
  }
  return '';
}

// A programme's breaks come one between talks, so a few rendered suffice to pass them.
const BREAKS_TO_PASS = 8;

function firstTalkId(html) {
  const markup = document.createElement('template');  // inert: nothing in it loads
  markup.innerHTML = html;
  const talk = markup.content.querySelector('.tt-talk:not([data-kind="break"])') || markup.content.querySelector('.tt-talk');
  return talk ? talk.getAttribute('data-talk-id') : '';
}

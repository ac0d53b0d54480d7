// The list of talks the core rendered, with what happens inside it: star buttons,
// .ics downloads, "Add to calendar" menus and permalinks; then the "no talks match" box.
// Every matching talk is in the document once the widget is idle (find-in-page,
// printing, permalinks): the first part at once, the rest in parts (list-parts.js).
import { addLinksWhenOpened, downloadCalendar } from './calendar.js';
import { button, element } from './dom.js';
import { handleListKeys } from './keyboard.js';
import { ListParts } from './list-parts.js';
import { toggleStar } from './stars.js';

// Returns {nodes, items, nextChange, render(request, onComplete), complete(), markStars(stars),
// item(id), highlight(item), disconnect()}.
export function createTalkList(widget) {
  const list = element('div', 'tt-list');
  const empty = emptyBox(widget);
  const byId = new Map();
  const added = (items) => {
    for (const item of items) byId.set(item.getAttribute('data-talk-id'), item);
    talks.items.push(...items);
    if (widget.shared) talks.markStars(widget.stars, items);
  };
  const parts = new ListParts(list, (request) => widget.core.render(widget.handle, request), added);
  const talks = {
    nodes: [list, empty],
    items: [],
    // The earliest instant at which the markup rendered so far would change (the ticker's cue).
    get nextChange() { return parts.nextChange; },
    // Renders the talks `request` matches: the first part now (its view returned), the
    // others in idle slices; onComplete() once every one is in the document. The core's
    // markup escapes every feed string and links only http(s) and mailto URLs.
    render(request, onComplete) {
      talks.items = [];
      byId.clear();
      const view = parts.start(request, onComplete);
      empty.hidden = view.matched > 0;
      return view;
    },
    // Renders what is still pending at once: before printing, or to reach a permalink.
    complete: () => parts.finish(),
    // Sets the star buttons of `items` (all shown talks by default) from `stars` (a Set of ids).
    markStars(stars, items = talks.items) {
      for (const item of items) {
        const star = item.querySelector('.tt-star');
        if (star) star.setAttribute('aria-pressed', String(stars.has(item.getAttribute('data-talk-id'))));
      }
    },
    item: (id) => byId.get(id),
    highlight(item) {
      const previous = list.querySelector('.tt-target');
      if (previous) previous.classList.remove('tt-target');
      item.classList.add('tt-target');
      const details = item.querySelector('details');
      if (details) details.open = true;
    },
    disconnect: () => parts.cancel()
  };
  list.addEventListener('click', (event) => clicked(widget, talks, event));
  addLinksWhenOpened(list, (id) => widget.core.calendarLinks(widget.handle, id), widget.t);
  handleListKeys(list);
  return talks;
}

function emptyBox(widget) {
  const box = element('div', 'tt-empty');
  box.hidden = true;
  box.appendChild(element('p', '', widget.t('list.noMatch')));
  const clear = button('tt-button', widget.t('list.showAll'));
  clear.addEventListener('click', () => widget.showEverything());
  box.appendChild(clear);
  return box;
}

function clicked(widget, talks, event) {
  const target = event.target;
  if (!target.closest) return;
  const star = target.closest('.tt-star');
  if (star) return starClicked(widget, talks, star);
  const ics = target.closest('.tt-ics');
  if (ics) {
    const id = ics.closest('.tt-talk').getAttribute('data-talk-id');
    return downloadCalendar(widget.root, id, widget.core.ics(widget.handle, { ids: [id], now: widget.now() }));
  }
  const link = target.closest('a.tt-permalink');
  if (link) {
    event.preventDefault();
    const item = link.closest('.tt-talk');
    widget.setFragment({ talk: item.getAttribute('data-talk-id') }, '');
    talks.highlight(item);
  }
}

function starClicked(widget, talks, star) {
  const talk = star.closest('.tt-talk');
  const id = talk.getAttribute('data-talk-id');
  const starred = toggleStar(widget.storage, widget.feedId, widget.stars, id);
  if (widget.onlyStarred) {
    // The talk leaves (or joins) the starred view: render it again.
    widget.render();
    const again = talks.item(id);
    if (again && again.querySelector('.tt-star')) again.querySelector('.tt-star').focus();
    return;
  }
  // Only this button changes (the renderer's CSS shows the look aria-pressed names);
  // open menus and the scroll position stay as they are.
  star.setAttribute('aria-pressed', String(starred));
  widget.toolbar.syncShare();
}

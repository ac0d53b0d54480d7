// The list of talks the core rendered, a page at a time, with what happens inside it:
// star buttons, .ics downloads, "Add to calendar" menus and permalinks; then the
// "no talks match" box and the "Show more" button (also pressed by scrolling to it).
import { addLinksWhenOpened, downloadCalendar } from './calendar.js';
import { button, element } from './dom.js';
import { handleListKeys } from './keyboard.js';
import { toggleStar } from './stars.js';

// Returns {nodes, items, show(view), markStars(stars), item(id), highlight(item), disconnect()}.
export function createTalkList(widget) {
  const list = element('div', 'tt-list');
  const more = button('tt-button tt-more');
  more.hidden = true;
  more.addEventListener('click', () => widget.showMore());
  const observer = loadOnScroll(more);
  const talks = {
    nodes: [list, emptyBox(widget), more],
    items: [],
    // view: the core's render reply. Its markup escapes every feed string and links
    // only http(s) and mailto URLs.
    show(view) {
      list.innerHTML = view.html;
      talks.items = list.querySelectorAll('.tt-talk');
      talks.nodes[1].hidden = view.matched > 0;
      more.hidden = view.shown >= view.matched;
      more.textContent = widget.t('list.showMore', { count: view.matched - view.shown });
    },
    // Sets each shown star button from `stars` (a Set of ids).
    markStars(stars) {
      for (const item of talks.items) {
        const star = item.querySelector('.tt-star');
        if (star) star.setAttribute('aria-pressed', String(stars.has(item.getAttribute('data-talk-id'))));
      }
    },
    item: (id) => Array.prototype.find.call(talks.items, (item) => item.getAttribute('data-talk-id') === id),
    highlight(item) {
      const previous = list.querySelector('.tt-target');
      if (previous) previous.classList.remove('tt-target');
      item.classList.add('tt-target');
      const details = item.querySelector('details');
      if (details) details.open = true;
    },
    disconnect: () => observer.disconnect()
  };
  list.addEventListener('click', (event) => clicked(widget, talks, event));
  addLinksWhenOpened(list, (id) => widget.core.calendarLinks(widget.handle, id));
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

// Scrolling to the end of the list shows the next page without a click.
function loadOnScroll(more) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting) && !more.hidden) more.click();
  }, { rootMargin: '400px' });
  observer.observe(more);
  return observer;
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

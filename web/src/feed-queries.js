// Questions the widget asks of the feed the core holds, answered by render requests
// that draw nothing (limit 0) or draw only the talks named.

// The ids among `ids` the feed holds: one render of those talks (at most
// MAX_SHARED_IDS, once per link), read back from its markup.
export function heldTalks(widget, ids) {
  if (!ids.length) return [];
  const request = { zone: widget.zone, now: widget.now(), onlyStarred: true, starred: ids, limit: ids.length };
  const markup = document.createElement('template');  // inert: nothing in it loads
  markup.innerHTML = widget.core.render(widget.handle, request).html;
  return Array.from(markup.content.querySelectorAll('.tt-talk'), (item) => item.getAttribute('data-talk-id'));
}

// Whether the feed has a talk with this id, shown or not (a query for that id alone).
export function holdsTalk(widget, id) {
  const request = { zone: widget.zone, now: widget.now(), onlyStarred: true, starred: [id], limit: 0 };
  return widget.core.render(widget.handle, request).matched > 0;
}

// Whether Upcoming/Past/All is a choice: the feed has talks on both sides of now (or
// the view already picks a side, which the visitor must be able to leave).
export function offersPhaseChoice(widget) {
  const count = (show) => widget.core.render(widget.handle, { zone: widget.zone, now: widget.now(), show, limit: 0 }).matched;
  return widget.query.show !== 'all' || (count('upcoming') > 0 && count('past') > 0);
}

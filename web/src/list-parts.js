// A long list rendered in parts, so that every matching talk ends up in the document
// (find-in-page, printing, permalinks) while a keystroke still costs one screenful:
// the first part is rendered at once, the others in slices of a few milliseconds when
// the page is idle and typing has paused. A new render (a keystroke, a zone switch)
// cancels the pending parts and starts again. The view a render replaces is removed at
// once: a hidden view left in the page made every later key slower (1,000 talks: 224 ms
// a key against 32). Only a very long one is hidden and taken apart in idle slices, as
// removing 10,000 talks at once held a key for 1.3 s. While parts are pending or old
// talks are being removed, the list is aria-busy.

// Talks rendered at once: two or three screens (a card is 150 to 250 px high).
export const FIRST_PART = 12;
// Talks a later part holds (about 25 KB of markup); a slice renders parts until its
// time is used. A key pressed meanwhile waits for one part at most.
const PART_SIZE = 10;
// The later parts start once this long has passed without a new render: while a visitor
// types, each key costs the first part alone.
const QUIET_MS = 250;
const SLICE_MS = 8;
// An idle callback waits at most this long, so the list completes on a busy page too.
const IDLE_TIMEOUT_MS = 200;
// An old view with at most this many talks is removed at once.
const REMOVE_AT_ONCE = 2000;

const whenIdle = typeof requestIdleCallback === 'function'
  ? (run) => requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
  : (run) => setTimeout(run, 1);
const cancelIdle = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout;

// A list's talks, rendered in parts. render(request) is the core's render call;
// added(items) is told of each part's talks. nextChange: the earliest instant at which
// the markup rendered so far would change.
export class ListParts {
  constructor(list, render, added) {
    this.list = list;
    this.render = render;
    this.added = added;
    this.pending = null;  // {request, offset, matched, onComplete}
    this.job = 0;
    this.quiet = 0;
    this.current = null;  // the view's container in the list
    this.talkCount = 0;
    this.retired = [];  // hidden old views, removed a day at a time
    this.nextChange = null;
  }

  // Renders the first part of `request`'s talks now and schedules the others; returns
  // the first part's view. onComplete() once every talk is in the document.
  start(request, onComplete) {
    this.cancel();
    this.replaceView();
    const view = this.render({ ...request, offset: 0, limit: FIRST_PART });
    this.current.innerHTML = view.html;
    const items = Array.from(this.current.querySelectorAll('.tt-talk'));
    this.talkCount = items.length;
    this.added(items);
    this.nextChange = view.nextChange;
    this.pending = { request, offset: view.shown, matched: view.matched, onComplete };
    if (view.shown >= view.matched) this.done();
    if (this.pending || this.retired.length) {
      this.list.setAttribute('aria-busy', 'true');
      this.unschedule();
      this.quiet = setTimeout(() => { this.job = whenIdle((deadline) => this.slice(deadline)); }, QUIET_MS);
    }
    return view;
  }

  // Renders every pending part now (before printing, to reach a permalink).
  finish() {
    while (this.pending) this.renderPart();
  }

  // Stops rendering parts; old views still go, in idle slices.
  cancel() {
    this.pending = null;
    if (this.retired.length) return;
    this.unschedule();
    this.list.removeAttribute('aria-busy');
  }

  unschedule() {
    if (this.job) cancelIdle(this.job);
    clearTimeout(this.quiet);
    this.job = 0;
  }

  renderPart() {
    const pending = this.pending;
    const view = this.render({ ...pending.request, offset: pending.offset, limit: PART_SIZE });
    const items = appendPart(this.current, view.html);
    this.talkCount += items.length;
    this.added(items);
    this.nextChange = earlier(this.nextChange, view.nextChange);
    const progressed = view.shown > pending.offset;
    pending.offset = view.shown;
    if (view.shown >= pending.matched || !progressed) this.done();
  }

  done() {
    const { onComplete } = this.pending;
    this.pending = null;
    if (!this.retired.length) this.list.removeAttribute('aria-busy');
    if (onComplete) onComplete();
  }

  removeSome() {
    const old = this.retired[0];
    if (old.lastChild) old.lastChild.remove();
    else this.retired.shift().remove();
    if (!this.retired.length && !this.pending) this.list.removeAttribute('aria-busy');
  }

  slice(deadline) {
    this.job = 0;
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS;
    const until = performance.now() + Math.min(SLICE_MS, idle);
    while ((this.pending || this.retired.length) && performance.now() < until) {
      if (this.pending) this.renderPart();
      else this.removeSome();
    }
    if (this.pending || this.retired.length) this.job = whenIdle((next) => this.slice(next));
  }

  // Puts a new, empty view in the list; the old one goes at once unless it is very long.
  replaceView() {
    if (this.current && this.talkCount > REMOVE_AT_ONCE) {
      // Not display: none, which takes down every box of the old view before the next frame.
      this.current.classList.add('tt-view-retired');
      this.current.setAttribute('aria-hidden', 'true');
      this.retired.push(this.current);
    } else if (this.current) this.current.remove();
    this.current = document.createElement('div');
    this.current.className = 'tt-view';
    this.list.appendChild(this.current);
    this.talkCount = 0;
  }
}

function earlier(a, b) {
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  return Math.min(a, b);
}

// Appends a part's markup to the list; returns its talks. A part starts with its own
// section and day: where the list's last ones are the same, their contents join them.
function appendPart(list, html) {
  const part = document.createElement('template');  // inert: nothing in it loads yet
  part.innerHTML = html;
  const content = part.content;
  const items = Array.from(content.querySelectorAll('.tt-talk'));
  const first = content.firstElementChild;
  const last = list.lastElementChild;
  if (sameGroup(last, first, 'tt-section', 'section')) {
    first.querySelector('.tt-section-title').remove();
    joinDays(last, first);
    last.append(...first.childNodes);
    first.remove();
  } else {
    joinDays(list, content);
  }
  list.append(content);
  return items;
}

// Moves the talks of `from`'s first day into `into`'s last day when they are the same day.
function joinDays(into, from) {
  const lastDay = into.lastElementChild;
  const firstDay = from.firstElementChild;
  if (!sameGroup(lastDay, firstDay, 'tt-day', 'day')) return;
  lastDay.querySelector('.tt-talks').append(...firstDay.querySelector('.tt-talks').childNodes);
  firstDay.remove();
}

function sameGroup(a, b, className, key) {
  return !!a && !!b && a.classList.contains(className) && b.classList.contains(className) && a.dataset[key] === b.dataset[key];
}

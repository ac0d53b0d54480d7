// A long list rendered in parts, so that every matching talk ends up in the document
// (find-in-page, printing, permalinks) while a keystroke still costs one screenful:
// the first part is rendered at once, the others in slices of a few milliseconds when
// the page is idle and typing has paused. A new render (a keystroke, a zone switch)
// cancels the pending parts and starts again. While parts are pending, or a replaced
// view is still being taken apart, the list is aria-busy.
//
// The core keeps the list a render starts ({parts: true}) and renders each later part
// from where the last one ended ({more: true}): a part costs its own talks, not a new
// query and a walk over every talk before it (that was quadratic: 48 s to fill a list
// of 10,000 talks on a loaded machine).
//
// The view a render replaces is not removed in the keystroke: taking 10,000 cards out
// of the document held the key for 1.26 s. It is retired: `content-visibility: hidden`
// on its container (talktime.css, .tt-retired) hides it with one style change, its
// contents neither shown, found, focused nor printed, and it is taken apart a day at a
// time in idle slices once the new view is complete. An earlier version hid the old
// view with `hidden` (display: none, which tears its layout down at once) before taking
// it apart, and later keys got slower (1,000 talks: 224 ms a key against 32).
// Retiring pays only for long views: at 1,000 talks it made keys slower (56 ms a key
// against 40 with the old view removed at once) and filling the list slower (3.7-4.4 s
// against 1.6 s), so a view of up to RETIRE_FROM talks is still removed at once.
// Figures: tests/bench/keystroke_bench.mjs (keys and zone switches, 1,000 and 10,000 talks).

// Talks rendered at once: two or three screens (a card is 150 to 250 px high).
export const FIRST_PART = 12;
// Views of more talks than this are retired rather than removed in the keystroke.
const RETIRE_FROM = 2000;
// Talks a later part holds (about 25 KB of markup); a slice renders parts until its
// time is used. A key pressed meanwhile waits for one part at most.
const PART_SIZE = 10;
// The later parts start once this long has passed without a new render: while a visitor
// types, each key costs the first part alone.
const QUIET_MS = 250;
const SLICE_MS = 8;
// An idle callback waits at most this long, so the list completes on a busy page too.
const IDLE_TIMEOUT_MS = 200;

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
    this.pending = null;  // {shown, matched, onComplete}
    this.retired = [];    // views replaced by a newer one, still to be taken apart
    this.job = 0;
    this.quiet = 0;
    this.current = null;  // the view's container in the list
    this.talksInView = 0;
    this.nextChange = null;
  }

  // Renders the first part of `request`'s talks now and schedules the others; returns
  // the first part's view. onComplete() once every talk is in the document.
  start(request, onComplete) {
    this.cancel();
    this.replaceView();
    const view = this.render({ ...request, parts: true, limit: FIRST_PART });
    this.current.innerHTML = view.html;
    this.talksInView = view.shown;
    this.added(Array.from(this.current.querySelectorAll('.tt-talk')));
    this.nextChange = view.nextChange;
    this.pending = { shown: view.shown, matched: view.matched, onComplete };
    if (view.shown >= view.matched) this.done();
    if (this.pending || this.retired.length) {
      this.list.setAttribute('aria-busy', 'true');
      this.quiet = setTimeout(() => { this.job = whenIdle((deadline) => this.slice(deadline)); }, QUIET_MS);
    }
    return view;
  }

  // Renders every pending part now and drops the retired views (before printing, to
  // reach a permalink).
  finish() {
    while (this.pending) this.renderPart();
    for (const view of this.retired) view.remove();
    this.retired = [];
    this.idleNow();
  }

  // Stops rendering parts.
  cancel() {
    this.pending = null;
    if (this.job) cancelIdle(this.job);
    clearTimeout(this.quiet);
    this.job = 0;
    this.list.removeAttribute('aria-busy');
  }

  renderPart() {
    const pending = this.pending;
    const view = this.render({ more: true, limit: PART_SIZE });
    this.added(appendPart(this.current, view.html));
    this.nextChange = earlier(this.nextChange, view.nextChange);
    const progressed = view.shown > pending.shown;
    this.talksInView = view.shown;
    pending.shown = view.shown;
    if (view.shown >= pending.matched || !progressed) this.done();
  }

  done() {
    const { onComplete } = this.pending;
    this.pending = null;
    if (onComplete) onComplete();
  }

  // Pending parts first (find-in-page and print need them), then retired views.
  slice(deadline) {
    this.job = 0;
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS;
    const until = performance.now() + Math.min(SLICE_MS, idle);
    while (this.pending && performance.now() < until) this.renderPart();
    while (!this.pending && this.retired.length && performance.now() < until) {
      if (!takeApart(this.retired[0])) this.retired.shift();
    }
    if (this.pending || this.retired.length) this.job = whenIdle((next) => this.slice(next));
    else this.idleNow();
  }

  idleNow() {
    if (!this.pending && !this.retired.length) this.list.removeAttribute('aria-busy');
  }

  // Puts a new, empty view first in the list; a long old one is retired (hidden at once,
  // taken apart later), a shorter one removed.
  replaceView() {
    if (this.current) {
      if (this.talksInView > RETIRE_FROM) {
        this.current.className = 'tt-view tt-retired';
        this.current.setAttribute('aria-hidden', 'true');
        this.retired.push(this.current);
      } else {
        this.current.remove();  // small: at once
      }
    }
    this.current = document.createElement('div');
    this.current.className = 'tt-view';
    this.list.prepend(this.current);
  }
}

// Removes about a day of talks from a retired view; false once nothing is left of it.
function takeApart(view) {
  const last = view.lastElementChild;
  if (!last) {
    view.remove();
    return false;
  }
  (last.classList.contains('tt-section') && last.childElementCount > 1 ? last.lastElementChild : last).remove();
  return true;
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

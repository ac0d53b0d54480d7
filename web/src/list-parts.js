// A long list rendered in parts, so that every matching talk ends up in the document
// (find-in-page, printing, permalinks) while a keystroke still costs one screenful:
// the first part is rendered at once, the others in slices of a few milliseconds when
// the page is idle and typing has paused. A new render (a keystroke, a zone switch)
// cancels the pending parts and starts again. While parts are pending the list is
// aria-busy. The view a render replaces is removed at once: 10,000 talks hold that key
// for about a second, once (the keys after it replace a screenful). Hiding the old view
// and taking it apart in idle slices was measured and is worse: a hidden view left in
// the page made every later key slower (1,000 talks: 224 ms a key against 32; 10,000:
// 672 ms against 72).

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
    this.nextChange = null;
  }

  // Renders the first part of `request`'s talks now and schedules the others; returns
  // the first part's view. onComplete() once every talk is in the document.
  start(request, onComplete) {
    this.cancel();
    this.replaceView();
    const view = this.render({ ...request, offset: 0, limit: FIRST_PART });
    this.current.innerHTML = view.html;
    this.added(Array.from(this.current.querySelectorAll('.tt-talk')));
    this.nextChange = view.nextChange;
    this.pending = { request, offset: view.shown, matched: view.matched, onComplete };
    if (view.shown >= view.matched) this.done();
    else {
      this.list.setAttribute('aria-busy', 'true');
      this.quiet = setTimeout(() => { this.job = whenIdle((deadline) => this.slice(deadline)); }, QUIET_MS);
    }
    return view;
  }

  // Renders every pending part now (before printing, to reach a permalink).
  finish() {
    while (this.pending) this.renderPart();
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
    const view = this.render({ ...pending.request, offset: pending.offset, limit: PART_SIZE });
    this.added(appendPart(this.current, view.html));
    this.nextChange = earlier(this.nextChange, view.nextChange);
    const progressed = view.shown > pending.offset;
    pending.offset = view.shown;
    if (view.shown >= pending.matched || !progressed) this.done();
  }

  done() {
    const { onComplete } = this.pending;
    this.pending = null;
    this.list.removeAttribute('aria-busy');
    if (onComplete) onComplete();
  }

  slice(deadline) {
    this.job = 0;
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS;
    const until = performance.now() + Math.min(SLICE_MS, idle);
    while (this.pending && performance.now() < until) this.renderPart();
    if (this.pending) this.job = whenIdle((next) => this.slice(next));
  }

  // Puts a new, empty view in the list in place of the old one.
  replaceView() {
    if (this.current) this.current.remove();
    this.current = document.createElement('div');
    this.current.className = 'tt-view';
    this.list.appendChild(this.current);
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

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

// render(request) is the core's render call; added(items) is told of each part's talks.
// Returns {start(request, onComplete) -> first view, finish(), cancel(), nextChange}.
export function createListParts(list, render, added) {
  let pending = null;  // {request, offset, matched, onComplete}
  let job = 0;
  let quiet = 0;
  let current = null;  // the view's container in the list
  let talkCount = 0;
  const retired = [];  // hidden old views, removed a day at a time
  const state = { nextChange: null };
  const renderPart = () => {
    const view = render({ ...pending.request, offset: pending.offset, limit: PART_SIZE });
    const items = appendPart(current, view.html);
    talkCount += items.length;
    added(items);
    state.nextChange = earlier(state.nextChange, view.nextChange);
    const progressed = view.shown > pending.offset;
    pending.offset = view.shown;
    if (view.shown >= pending.matched || !progressed) done();
  };
  const done = () => {
    const { onComplete } = pending;
    pending = null;
    if (!retired.length) list.removeAttribute('aria-busy');
    if (onComplete) onComplete();
  };
  const removeSome = () => {
    const old = retired[0];
    if (old.lastChild) old.lastChild.remove();
    else retired.shift().remove();
    if (!retired.length && !pending) list.removeAttribute('aria-busy');
  };
  const slice = (deadline) => {
    job = 0;
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_MS;
    const until = performance.now() + Math.min(SLICE_MS, idle);
    while ((pending || retired.length) && performance.now() < until) pending ? renderPart() : removeSome();
    if (pending || retired.length) job = whenIdle(slice);
  };
  // Puts a new, empty view in the list; the old one goes at once if it is short.
  const replaceView = () => {
    if (current && talkCount > REMOVE_AT_ONCE) {
      // Not display: none, which takes down every box of the old view before the next frame.
      current.classList.add('tt-view-retired');
      current.setAttribute('aria-hidden', 'true');
      retired.push(current);
    } else if (current) current.remove();
    current = document.createElement('div');
    current.className = 'tt-view';
    list.appendChild(current);
    talkCount = 0;
  };
  return {
    get nextChange() { return state.nextChange; },
    start(request, onComplete) {
      cancel();
      replaceView();
      const view = render({ ...request, offset: 0, limit: FIRST_PART });
      current.innerHTML = view.html;
      const items = Array.from(current.querySelectorAll('.tt-talk'));
      talkCount = items.length;
      added(items);
      state.nextChange = view.nextChange;
      pending = { request, offset: view.shown, matched: view.matched, onComplete };
      if (view.shown >= view.matched) done();
      if (pending || retired.length) {
        list.setAttribute('aria-busy', 'true');
        if (job) cancelIdle(job);
        job = 0;
        clearTimeout(quiet);
        quiet = setTimeout(() => { job = whenIdle(slice); }, QUIET_MS);
      }
      return view;
    },
    finish() {
      while (pending) renderPart();
    },
    cancel
  };
  // Stops rendering parts; old views still go, in idle slices.
  function cancel() {
    pending = null;
    if (retired.length) return;
    if (job) cancelIdle(job);
    clearTimeout(quiet);
    job = 0;
    list.removeAttribute('aria-busy');
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

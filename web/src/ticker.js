// The live ticker: relative hints ("starts in 2 hr", "ends in 20 min") for live talks
// and those starting within a day, kept current every 30 s; a talk that changes phase
// (upcoming -> live -> past) makes the widget render again.

const TICK_MS = 30000;
const DAY_S = 86400;
// The renderer keeps livestream links prominent for 15 minutes after a talk ends: the
// tick inside that window's edge renders again, so they leave on time.
const STREAM_GRACE_EDGE_S = [14 * 60, 16 * 60];

let relativeFormat;
// "in 5 min", "2 hr ago", "tomorrow", in the browser's language; '' without Intl support.
export function relativeText(seconds) {
  if (relativeFormat === undefined) {
    try {
      relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
    } catch {
      relativeFormat = null;
    }
  }
  if (!relativeFormat) return '';
  const abs = Math.abs(seconds);
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < DAY_S * 2) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  return relativeFormat.format(Math.round(seconds / DAY_S), 'day');
}

function times(item) {
  return { start: Number(item.getAttribute('data-start')), end: Number(item.getAttribute('data-end')) };
}

// Writes the hints of the rendered talks (`items`) for the instant `now` (seconds).
export function updateRelative(items, now) {
  let nextSeen = false;
  for (const item of items) {
    const { start, end } = times(item);
    const hint = item.querySelector('.tt-relative');
    let text = '';
    if (item.getAttribute('data-status') === 'scheduled' && item.getAttribute('data-kind') !== 'break') {
      if (now >= start && now < end) text = 'ends ' + relativeText(end - now);
      else if (start > now && (start - now < DAY_S || !nextSeen)) text = 'starts ' + relativeText(start - now);
      if (start > now) nextSeen = true;
    }
    if (hint) hint.textContent = text ? ' ' + text : '';
  }
}

// Whether a rendered talk shows a phase other than the one it has at `now`.
function phaseChanged(item, now) {
  const { start, end } = times(item);
  const phase = now < start ? 'upcoming' : now < end ? 'live' : 'past';
  const sinceEnd = now - end;
  return phase !== item.getAttribute('data-phase') ||
    (phase === 'past' && sinceEnd < STREAM_GRACE_EDGE_S[1] && sinceEnd > STREAM_GRACE_EDGE_S[0]);
}

// Every 30 s: renders again when a talk changed phase, else updates the hints.
// items() gives the rendered talks, now() the instant in seconds; render() redraws the view.
// Returns the interval's id, for clearInterval.
export function startTicker(items, now, render) {
  return setInterval(() => {
    const at = now();
    const shown = items();
    if (!Array.prototype.some.call(shown, (item) => phaseChanged(item, at))) return updateRelative(shown, at);
    const scroll = window.scrollY;
    render();
    window.scrollTo(window.scrollX, scroll);
  }, TICK_MS);
}

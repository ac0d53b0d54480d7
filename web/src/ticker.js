// The live ticker: relative hints ("starts in 2 hr", "ends in 20 min") for live talks
// and those starting within a day, kept current every 30 s; when the view the core
// rendered changes (a talk starts or ends, a livestream link stops being prominent:
// the render's nextChange), the widget renders again.

const TICK_MS = 30000;
const DAY_S = 86400;

const relativeFormats = new Map();
// "in 5 min", "2 hr ago", "tomorrow", in `locale` (the widget's language); '' without Intl support.
export function relativeText(seconds, locale) {
  if (!relativeFormats.has(locale)) {
    try {
      relativeFormats.set(locale, new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
    } catch {
      relativeFormats.set(locale, null);
    }
  }
  const relativeFormat = relativeFormats.get(locale);
  if (!relativeFormat) return '';
  const abs = Math.abs(seconds);
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < DAY_S * 2) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  return relativeFormat.format(Math.round(seconds / DAY_S), 'day');
}

function times(item) {
  return { start: Number(item.getAttribute('data-start')), end: Number(item.getAttribute('data-end')) };
}

// Writes the hints of the rendered talks (`items`) for the instant `now` (seconds), in the
// widget's `language` (i18n/index.js: its locale, and t for "starts {time}").
export function updateRelative(items, now, language = { locale: undefined, t: null }) {
  const t = language.t || ((key, { time }) => (key === 'list.endsIn' ? 'ends ' : 'starts ') + time);
  let nextSeen = false;
  for (const item of items) {
    const { start, end } = times(item);
    const hint = item.querySelector('.tt-relative');
    let text = '';
    if (item.getAttribute('data-status') === 'scheduled' && item.getAttribute('data-kind') !== 'break') {
      if (now >= start && now < end) text = t('list.endsIn', { time: relativeText(end - now, language.locale) });
      else if (start > now && (start - now < DAY_S || !nextSeen)) text = t('list.startsIn', { time: relativeText(start - now, language.locale) });
      if (start > now) nextSeen = true;
    }
    if (hint) hint.textContent = text ? ' ' + text : '';
  }
}

// Every 30 s: renders again once the instant `nextChange()` (seconds, or null when
// nothing shown will change) has come, else updates the hints. items() gives the
// rendered talks, now() the instant in seconds; render() redraws the view.
// Returns the interval's id, for clearInterval.
export function startTicker({ items, now, nextChange, render, language }) {
  return setInterval(() => {
    const at = now();
    const next = nextChange();
    if (next === null || at < next) return updateRelative(items(), at, language);
    const scroll = window.scrollY;
    render();
    window.scrollTo(window.scrollX, scroll);
  }, TICK_MS);
}

// What visitors read when a feed cannot be shown: plain words chosen by the error's
// stable code, never the code itself. The organiser's detail (the code, the line and
// column, the diagnostics) goes to the console and to a collapsed disclosure
// (problems.js). No DOM here: tests/web/error-text.test.mjs runs it in Node.
import { translator } from './i18n/index.js';

// Every function takes the widget's translator `t` (i18n/index.js); English without one.
const english = translator({ catalogue: 'en', locale: 'en' });
export const HEADLINE = english('error.headline');
export const DETAILS_LABEL = english('error.details');

// The kinds of failure; each has short words for a list (error.short.*: "not found") and
// the sentence under the headline (error.reason.*), except 'file' (see fromDisk()).
const KINDS = ['not_found', 'denied', 'server', 'refused', 'timeout', 'network', 'file', 'no_element', 'no_feed',
  'engine', 'web_page', 'too_large', 'too_deep', 'newer', 'invalid', 'other'];

const FETCH_KINDS = { 'fetch.timeout': 'timeout', 'fetch.network': 'network', 'fetch.file': 'file',
  'fetch.no_element': 'no_element', 'options.no_feed': 'no_feed', 'engine.start': 'engine' };

// The kind of failure an error is: from its code ("fetch.http" with its `status`, a feed's
// own code such as "feed.syntax"), and `html` (a web page was served where the feed was).
function kindOf({ code, status, html } = {}) {
  const name = typeof code === 'string' ? code : '';
  if (name === 'fetch.http') {
    if (status === 404 || status === 410) return 'not_found';
    if (status === 401 || status === 403 || status === 407) return 'denied';
    return status >= 500 ? 'server' : 'refused';
  }
  if (FETCH_KINDS[name]) return FETCH_KINDS[name];
  if (!/^(feed|frab|ics)\./.test(name)) return 'other';
  if (html) return 'web_page';
  if (/\.too_large$/.test(name)) return 'too_large';
  if (/\.too_deep$/.test(name)) return 'too_deep';
  return name === 'feed.unsupported_version' ? 'newer' : 'invalid';
}

// A few plain words for a list of feeds that were not shown: "not found", "too large".
export function shortReason(error, t = english) {
  return t('error.short.' + kindOf(error));
}

// The sentence shown under the headline: "The schedule file was not found on the server."
// `error.feed` names the feed a page opened from disk tried to read.
export function plainReason(error, t = english) {
  return reasonParts(error, t).map((part) => typeof part === 'string' ? part : part.code).join('');
}

// The same sentence in parts: strings, and {code} for what an organiser types (shown as code).
export function reasonParts(error, t = english) {
  const kind = kindOf(error);
  return kind === 'file' ? fromDisk(error.feed) : [t('error.reason.' + kind)];
}

// Said to the organiser, who is the one opening a page from disk: why, and both fixes.
function fromDisk(feed) {
  return ['This page was opened from disk (a file:// address), and browsers do not let such a page read other files' +
    (feed ? ', such as ' + feed : '') + '. To try it without a server, put the feed in the page: ',
  { code: '<script type="application/json" id="feed">…</script>' }, ' and ', { code: 'data-feed="#feed"' },
  '. Or serve the folder, for example with ', { code: 'python3 -m http.server' }, ', and open ', { code: 'http://localhost:8000/' }, '.'];
}

// The visible sentence for feeds left out of a schedule that shows the others:
// "Not shown: b.json (not found); c.json (not a schedule file)." '' when none was.
export function failedFeedsNoticeText(failed, t = english) {
  if (!failed.length) return '';
  return t('error.notShown', { list: failed.map((f) => f.name + ' (' + summaryIn(f, t) + ')').join('; ') });
}

// A failed feed's summary (English, made by feeds.js) in the words of `t`.
function summaryIn(failed, t) {
  const kind = KINDS.find((k) => english('error.short.' + k) === failed.summary);
  return kind ? t('error.short.' + kind) : failed.summary || shortReason(failed, t);
}

// What visitors read when a feed cannot be shown: plain words chosen by the error's
// stable code, never the code itself. The organiser's detail (the code, the line and
// column, the diagnostics) goes to the console and to a collapsed disclosure
// (problems.js). No DOM here: tests/web/error-text.test.mjs runs it in Node.

export const HEADLINE = 'The schedule could not be loaded.';
export const DETAILS_LABEL = 'Details for the site owner';

// Each kind of failure: [short words for a list ("not found"), the sentence under the headline].
const REASONS = {
  not_found: ['not found', 'The schedule file was not found on the server.'],
  denied: ['access denied', 'The server did not allow the schedule file to be read.'],
  server: ['server error', 'The server had a problem and did not send the schedule file. Please try again later.'],
  refused: ['refused by the server', 'The server refused to send the schedule file.'],
  timeout: ['network timeout', 'The server took too long to answer. Check your connection and try again.'],
  network: ['network error', 'The schedule file could not be reached. Check your connection and try again.'],
  file: ['the page was opened from disk', ''],  // the sentence names the feed: see fromDisk()
  no_element: ['missing from the page', 'The schedule is missing from this page.'],
  no_feed: ['no schedule named', 'This page does not say which schedule to show.'],
  engine: ['the viewer could not start', 'The schedule viewer could not start in this browser.'],
  web_page: ['a web page, not a schedule file', 'The server sent a web page instead of the schedule file.'],
  too_large: ['too large', 'The schedule file is too large to show.'],
  too_deep: ['too complex', 'The schedule file is too complex to read.'],
  newer: ['a newer format', 'The schedule file is in a newer format than this page can read.'],
  invalid: ['not a schedule file', 'The file is not a schedule this page can read.'],
  other: ['an unexpected error', 'Something went wrong while loading it. Please try again later.']
};

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
export function shortReason(error) {
  return REASONS[kindOf(error)][0];
}

// The sentence shown under the headline: "The schedule file was not found on the server."
// `error.feed` names the feed a page opened from disk tried to read.
export function plainReason(error) {
  return reasonParts(error).map((part) => typeof part === 'string' ? part : part.code).join('');
}

// The same sentence in parts: strings, and {code} for what an organiser types (shown as code).
export function reasonParts(error) {
  const kind = kindOf(error);
  return kind === 'file' ? fromDisk(error.feed) : [REASONS[kind][1]];
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
export function failedFeedsNoticeText(failed) {
  if (!failed.length) return '';
  return 'Not shown: ' + failed.map((f) => f.name + ' (' + (f.summary || shortReason(f)) + ')').join('; ') + '.';
}

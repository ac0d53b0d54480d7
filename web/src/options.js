// The widget's options: data-* attributes (on the script tag or on the host element),
// merged with those given to TalkTime.mount, and the defaults the browser supplies.
// README.md's "Options" table lists them.

const TEXT_OPTIONS = ['feed', 'timezone', 'show', 'order', 'series', 'kind', 'tag', 'now', 'view', 'format', 'locale', 'theme', 'controls', 'subscribe'];

// An element's dataset as options; an empty attribute counts as absent.
export function optionsFromDataset(dataset) {
  const options = {};
  for (const key of TEXT_OPTIONS) {
    if (dataset[key] !== undefined && dataset[key] !== '') options[key] = dataset[key];
  }
  if (dataset.hour12 === 'true' || dataset.hour12 === 'false') options.hour12 = dataset.hour12 === 'true';
  if (dataset.maxBytes) options.maxBytes = Number(dataset.maxBytes);
  if (dataset.maxDepth) options.maxDepth = Number(dataset.maxDepth);
  if (dataset.timeout) options.timeout = Number(dataset.timeout);
  if (dataset.jsonld === 'false') options.jsonld = false;
  return options;
}

// Options passed to mount() win over the element's attributes; an undefined one does not.
export function mergeOptions(fromAttributes, given) {
  const merged = { ...fromAttributes };
  for (const key in given || {}) {
    if (given[key] !== undefined) merged[key] = given[key];
  }
  return merged;
}

// data-now (an ISO date-time, or seconds since 1970 from mount()) as milliseconds;
// null when the clock is to be used.
export function parseNow(value) {
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'number' ? value * 1000 : Date.parse(value);
  if (isNaN(ms)) throw new Error('data-now "' + value + '" is not an ISO date-time');
  return ms;
}

// The browser's own zone: the default when neither the visitor nor the page chose one.
export function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// Whether `locale` (the widget's language: i18n/index.js) writes 8:30 PM rather than 20:30
// (data-hour12's default).
export function defaultHour12(locale) {
  try {
    return !!new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12;
  } catch {
    return false;
  }
}

// data-subscribe (the address of the site's talks.ics, resolved against the page like
// data-feed) as the addresses the "Subscribe" menu offers: {https, webcal, google,
// outlook, office}, or null when there is none. Only http(s) calendars: a javascript:
// or data: value would otherwise become a link in the menu, so it is refused with a warning.
// name: the calendar's name for Outlook's "add from web" page.
export function subscriptionLinks(value, base, name) {
  if (value === undefined || value === null || value === '') return null;
  let url;
  try {
    url = new URL(String(value), base);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    console.warn('talktime: data-subscribe "' + String(value).slice(0, 80) + '" is not an http(s) address of an .ics file; no Subscribe menu is shown');
    return null;
  }
  const https = url.href;
  const webcal = 'webcal:' + https.slice(url.protocol.length);
  // Google adds a calendar from a webcal: address given as cid; Outlook.com and
  // Microsoft 365 take the http(s) address and a name ("add from web").
  const addFromWeb = (host) => 'https://' + host + '/calendar/0/addfromweb?url=' + encodeURIComponent(https) +
    (name ? '&name=' + encodeURIComponent(name) : '');
  return {
    https,
    webcal,
    google: 'https://calendar.google.com/calendar/render?cid=' + encodeURIComponent(webcal),
    outlook: addFromWeb('outlook.live.com'),
    office: addFromWeb('outlook.office.com')
  };
}

// web/src/options.js: data-* attributes to options, mount() options over them, data-now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOptions, optionsFromDataset, parseNow, subscriptionLinks } from '../../web/src/options.js';

test('every data-* attribute becomes its option, numbers and booleans converted', () => {
  const dataset = {
    feed: 'a.json b.ics', timezone: 'Asia/Tokyo', show: 'past', series: 'fm-2023', kind: 'panel', tag: 'gpu',
    now: '2025-06-02T08:30:00Z', view: 'compact', format: 'ics', hour12: 'true', maxBytes: '1000', maxDepth: '8',
    timeout: '5', jsonld: 'false', theme: 'dark', talktime: '', target: '#talks', subscribe: 'talks.ics'
  };
  assert.deepEqual(optionsFromDataset(dataset), {
    feed: 'a.json b.ics', timezone: 'Asia/Tokyo', show: 'past', series: 'fm-2023', kind: 'panel', tag: 'gpu',
    now: '2025-06-02T08:30:00Z', view: 'compact', format: 'ics', hour12: true, maxBytes: 1000, maxDepth: 8,
    timeout: 5, jsonld: false, theme: 'dark', subscribe: 'talks.ics'
  });
});

test('empty attributes and unrecognised values are left out', () => {
  assert.deepEqual(optionsFromDataset({ feed: '', timezone: '', hour12: 'yes', maxBytes: '', jsonld: 'true' }), {});
  assert.deepEqual(optionsFromDataset({ hour12: 'false' }), { hour12: false });
  assert.deepEqual(optionsFromDataset({}), {});
});

test('options given to mount() win over attributes, except undefined ones', () => {
  const fromAttributes = { feed: 'a.json', show: 'past', hour12: true };
  assert.deepEqual(mergeOptions(fromAttributes, { show: 'upcoming', hour12: undefined, tag: 'gpu' }),
    { feed: 'a.json', show: 'upcoming', hour12: true, tag: 'gpu' });
  assert.deepEqual(mergeOptions(fromAttributes, undefined), { feed: 'a.json', show: 'past', hour12: true });
  assert.deepEqual(fromAttributes, { feed: 'a.json', show: 'past', hour12: true }, 'the attributes stay as they were');
});

test('data-now: an ISO instant or seconds since 1970, as milliseconds', () => {
  // 1748853000 = 2025-06-02T08:30:00Z (Python: datetime(2025, 6, 2, 8, 30, tzinfo=utc).timestamp())
  assert.equal(parseNow('2025-06-02T08:30:00Z'), 1748853000000);
  assert.equal(parseNow('2025-06-02T10:30:00+02:00'), 1748853000000);
  assert.equal(parseNow(1748853000), 1748853000000);
  assert.equal(parseNow(-14182980), -14182980000);  // 1969-07-20T20:17:00Z
  assert.equal(parseNow(''), null);
  assert.equal(parseNow(undefined), null);
  assert.equal(parseNow(null), null);
});

test('data-now that is not a date-time is an error naming the value', () => {
  assert.throws(() => parseNow('next tuesday'), { message: 'data-now "next tuesday" is not an ISO date-time' });
});

// Console warnings during fn(), as a list.
function warningsOf(fn) {
  const warnings = [];
  const original = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    return { result: fn(), warnings };
  } finally {
    console.warn = original;
  }
}

test('data-subscribe: resolved against the page, as webcal:, Google, Outlook.com and Microsoft 365 addresses', () => {
  const { result, warnings } = warningsOf(() =>
    subscriptionLinks('../talks.ics?v=2', 'https://seminar.example.org/talks/index.html', 'Zahlen & Beweise'));
  assert.deepEqual(result, {
    https: 'https://seminar.example.org/talks.ics?v=2',
    webcal: 'webcal://seminar.example.org/talks.ics?v=2',
    google: 'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fseminar.example.org%2Ftalks.ics%3Fv%3D2',
    outlook: 'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fseminar.example.org%2Ftalks.ics%3Fv%3D2' +
      '&name=Zahlen%20%26%20Beweise',
    office: 'https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fseminar.example.org%2Ftalks.ics%3Fv%3D2' +
      '&name=Zahlen%20%26%20Beweise'
  });
  assert.deepEqual(warnings, []);
});

test('data-subscribe: http becomes webcal too; no name, no &name', () => {
  const links = subscriptionLinks('http://talks.example.net/a.ics', 'https://seminar.example.org/', '');
  assert.equal(links.webcal, 'webcal://talks.example.net/a.ics');
  assert.equal(links.outlook, 'https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2Ftalks.example.net%2Fa.ics');
});

test('data-subscribe: absent gives nothing; javascript:, data:, webcal: and nonsense are refused with a warning', () => {
  for (const value of [undefined, null, '']) assert.deepEqual(warningsOf(() => subscriptionLinks(value, 'https://a.example/')), { result: null, warnings: [] });
  for (const value of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/calendar,BEGIN', 'webcal://a.example/x.ics', 'http://[bad']) {
    const { result, warnings } = warningsOf(() => subscriptionLinks(value, 'https://a.example/'));
    assert.equal(result, null, value);
    assert.deepEqual(warnings, [`talktime: data-subscribe "${value}" is not an http(s) address of an .ics file; no Subscribe menu is shown`]);
  }
});

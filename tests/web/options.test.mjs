// web/src/options.js: data-* attributes to options, mount() options over them, data-now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOptions, optionsFromDataset, parseNow } from '../../web/src/options.js';

test('every data-* attribute becomes its option, numbers and booleans converted', () => {
  const dataset = {
    feed: 'a.json b.ics', timezone: 'Asia/Tokyo', show: 'past', series: 'fm-2023', kind: 'panel', tag: 'gpu',
    now: '2025-06-02T08:30:00Z', view: 'compact', format: 'ics', hour12: 'true', maxBytes: '1000', maxDepth: '8',
    timeout: '5', jsonld: 'false', theme: 'dark', talktime: '', target: '#talks'
  };
  assert.deepEqual(optionsFromDataset(dataset), {
    feed: 'a.json b.ics', timezone: 'Asia/Tokyo', show: 'past', series: 'fm-2023', kind: 'panel', tag: 'gpu',
    now: '2025-06-02T08:30:00Z', view: 'compact', format: 'ics', hour12: true, maxBytes: 1000, maxDepth: 8,
    timeout: 5, jsonld: false, theme: 'dark'
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

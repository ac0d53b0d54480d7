// web/src/stars.js: stars kept per feed in localStorage (a fake one here, which records
// every write), and the caps on a shared link's ids and on the stored set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ID_LENGTH, MAX_SHARED_IDS, MAX_STARS, addStars, loadStars, saveStars, sharedPicks, toggleStar }
  from '../../web/src/stars.js';

function fakeStorage(entries = {}, { refuse = false } = {}) {
  const items = new Map(Object.entries(entries));
  return {
    items,
    writes: [],
    getItem(key) {
      if (refuse) throw new Error('SecurityError');
      return items.has(key) ? items.get(key) : null;
    },
    setItem(key, value) {
      if (refuse) throw new Error('QuotaExceededError');
      this.writes.push(key);
      items.set(key, String(value));
    }
  };
}

const FEED = 'https://example.org/talks.json';

test("a feed's stars are read from talktime.stars:<feed>", () => {
  const storage = fakeStorage({ ['talktime.stars:' + FEED]: '["t1","t2"]', 'talktime.stars:other.json': '["x"]' });
  assert.deepEqual([...loadStars(storage, FEED)], ['t1', 't2']);
  assert.deepEqual([...loadStars(storage, 'other.json')], ['x']);
  assert.deepEqual([...loadStars(storage, 'new.json')], []);
});

test('unreadable stars count as none', () => {
  assert.deepEqual([...loadStars(fakeStorage({ ['talktime.stars:' + FEED]: '{not json' }), FEED)], []);
  assert.deepEqual([...loadStars(fakeStorage({ ['talktime.stars:' + FEED]: '7' }), FEED)], []);
  assert.deepEqual([...loadStars(fakeStorage({ ['talktime.stars:' + FEED]: '"abc"' }), FEED)], []);
  assert.deepEqual([...loadStars(fakeStorage({ ['talktime.stars:' + FEED]: '["t1",7,null,"t2"]' }), FEED)], ['t1', 't2']);
  assert.deepEqual([...loadStars(fakeStorage({}, { refuse: true }), FEED)], []);
  assert.deepEqual([...loadStars(null, FEED)], []);
});

test('toggling stars and unstars a talk and saves the set each time', () => {
  const storage = fakeStorage({ ['talktime.stars:' + FEED]: '["t1"]' });
  const stars = loadStars(storage, FEED);
  assert.equal(toggleStar(storage, FEED, stars, 't2'), true);
  assert.equal(storage.items.get('talktime.stars:' + FEED), '["t1","t2"]');
  assert.equal(toggleStar(storage, FEED, stars, 't1'), false);
  assert.equal(storage.items.get('talktime.stars:' + FEED), '["t2"]');
  assert.deepEqual([...stars], ['t2']);
});

test('without storage, stars still change for this page', () => {
  const stars = new Set(['t1']);
  assert.doesNotThrow(() => saveStars(fakeStorage({}, { refuse: true }), FEED, stars));
  assert.equal(toggleStar(null, FEED, stars, 't2'), true);
  assert.deepEqual([...stars], ['t1', 't2']);
});

const ids = (n, from = 0) => Array.from({ length: n }, (_, i) => 't' + (from + i));

test('the caps are 1000 ids from a link, 200 characters an id, 1000 stored stars', () => {
  assert.deepEqual([MAX_SHARED_IDS, MAX_ID_LENGTH, MAX_STARS], [1000, 200, 1000]);
});

test('loading stars never writes, not even an over-long set (trimmed to its newest 1000 in memory)', () => {
  const storage = fakeStorage({ ['talktime.stars:' + FEED]: JSON.stringify(ids(1500)) });
  const stars = loadStars(storage, FEED);
  assert.equal(stars.size, 1000);
  assert.deepEqual([[...stars][0], [...stars][999]], ['t500', 't1499']);
  assert.deepEqual(storage.writes, []);
});

test("a link's ids: the first 1000 distinct ids of at most 200 characters, in the link's order", () => {
  assert.deepEqual(sharedPicks(['t2', '', 't1', 't2', 't3']), ['t2', 't1', 't3']);
  const at200 = 'a'.repeat(200);
  assert.deepEqual(sharedPicks(['b'.repeat(201), at200, 'x']), [at200, 'x']);
  const picks = sharedPicks(ids(100000));
  assert.equal(picks.length, 1000);
  assert.deepEqual([picks[0], picks[999]], ['t0', 't999']);
  // Ignored ids do not count towards the 1000.
  const mixed = sharedPicks(['c'.repeat(201), 't0', 't0', ...ids(1000, 1)]);
  assert.deepEqual([mixed.length, mixed[0], mixed[999]], [1000, 't0', 't999']);
  assert.deepEqual(sharedPicks([]), []);
});

test('adding shared picks merges them into the stars and saves once', () => {
  const storage = fakeStorage({ ['talktime.stars:' + FEED]: '["t1","t2"]' });
  const stars = loadStars(storage, FEED);
  addStars(storage, FEED, stars, ['t2', 't3']);
  assert.deepEqual([...stars], ['t1', 't2', 't3']);
  assert.deepEqual(storage.writes, ['talktime.stars:' + FEED]);
  assert.equal(storage.items.get('talktime.stars:' + FEED), '["t1","t2","t3"]');
});

test('the stored set keeps the newest 1000 stars', () => {
  const storage = fakeStorage();
  const stars = new Set(ids(1000));
  assert.equal(toggleStar(storage, FEED, stars, 'new'), true);
  const saved = JSON.parse(storage.items.get('talktime.stars:' + FEED));
  assert.equal(saved.length, 1000);
  assert.deepEqual([saved[0], saved[998], saved[999]], ['t1', 't999', 'new']);
  assert.equal(stars.has('t0'), false);
  assert.equal(stars.size, 1000);
  addStars(storage, FEED, stars, ids(5, 2000));
  const after = JSON.parse(storage.items.get('talktime.stars:' + FEED));
  assert.deepEqual([after.length, after[0], after[994], after[995], after[999]], [1000, 't6', 'new', 't2000', 't2004']);
});

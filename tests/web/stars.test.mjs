// web/src/stars.js: stars kept per feed in localStorage (a fake one here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStars, saveStars, toggleStar } from '../../web/src/stars.js';

function fakeStorage(entries = {}, { refuse = false } = {}) {
  const items = new Map(Object.entries(entries));
  return {
    items,
    getItem(key) {
      if (refuse) throw new Error('SecurityError');
      return items.has(key) ? items.get(key) : null;
    },
    setItem(key, value) {
      if (refuse) throw new Error('QuotaExceededError');
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
  assert.deepEqual([...loadStars(fakeStorage({}, { refuse: true }), FEED)], []);
  assert.deepEqual([...loadStars(null, FEED)], []);
});

test("a shared link's stars join the visitor's own and are saved, even when there are none", () => {
  const storage = fakeStorage({ ['talktime.stars:' + FEED]: '["t1","t2"]' });
  assert.deepEqual([...loadStars(storage, FEED, ['t2', 't3'])], ['t1', 't2', 't3']);
  assert.equal(storage.items.get('talktime.stars:' + FEED), '["t1","t2","t3"]');
  const fresh = fakeStorage();
  assert.deepEqual([...loadStars(fresh, FEED, [])], []);
  assert.equal(fresh.items.get('talktime.stars:' + FEED), '[]');
  assert.deepEqual([...loadStars(fresh, 'other.json', null)], []);
  assert.equal(fresh.items.has('talktime.stars:other.json'), false);
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

// web/src/storage.js: the visitor's chosen time zone (site-wide) and "Event time" (per feed) in localStorage (a fake one here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventTimeChosen, rememberEventTime, rememberZone, rememberedZone } from '../../web/src/storage.js';

function fakeStorage() {
  const items = new Map();
  return {
    items,
    getItem: (key) => items.has(key) ? items.get(key) : null,
    setItem: (key, value) => items.set(key, value),
    removeItem: (key) => items.delete(key)
  };
}

test('a chosen zone is kept under talktime.zone and forgotten with an empty name', () => {
  const storage = fakeStorage();
  assert.equal(rememberedZone(storage), null);
  rememberZone(storage, 'Asia/Kolkata');
  assert.deepEqual([...storage.items], [['talktime.zone', 'Asia/Kolkata']]);
  assert.equal(rememberedZone(storage), 'Asia/Kolkata');
  rememberZone(storage, null);
  assert.deepEqual([...storage.items], []);
  assert.equal(rememberedZone(storage), null);
});

test('refused storage remembers nothing and throws nothing', () => {
  const refusing = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('SecurityError'); } };
  assert.equal(rememberedZone(refusing), null);
  assert.equal(rememberedZone(null), null);
  assert.doesNotThrow(() => rememberZone(refusing, 'UTC'));
  assert.doesNotThrow(() => rememberZone(null, 'UTC'));
});

test('"Event time" is kept per feed and leaves the site-wide zone alone', () => {
  const storage = fakeStorage();
  rememberZone(storage, 'Asia/Kolkata');
  rememberEventTime(storage, 'https://a.example/seminar.json', true);
  assert.equal(eventTimeChosen(storage, 'https://a.example/seminar.json'), true);
  assert.equal(eventTimeChosen(storage, 'https://a.example/workshop.json'), false);
  assert.equal(rememberedZone(storage), 'Asia/Kolkata');
  assert.deepEqual([...storage.items], [['talktime.zone', 'Asia/Kolkata'], ['talktime.eventTime:https://a.example/seminar.json', '1']]);
  rememberEventTime(storage, 'https://a.example/seminar.json', false);
  assert.deepEqual([...storage.items], [['talktime.zone', 'Asia/Kolkata']]);
  const refusing = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('SecurityError'); } };
  assert.equal(eventTimeChosen(refusing, 'x'), false);
  assert.equal(eventTimeChosen(null, 'x'), false);
  assert.doesNotThrow(() => rememberEventTime(refusing, 'x', true));
  assert.doesNotThrow(() => rememberEventTime(null, 'x', false));
});

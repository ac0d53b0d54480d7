// web/src/url-state.js: the widget's state read from and written to the URL fragment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fragmentParams, initialQuery, queryFragment, sharedStars, writeFragment } from '../../web/src/url-state.js';

const at = (hash) => ({ hash, pathname: '/talks/', search: '?lang=en' });

// history.replaceState recorded; `refuse` makes it throw as sandboxed frames do.
function fakeHistory(refuse = false) {
  return {
    state: { scroll: 1 },
    calls: [],
    replaceState(state, title, url) {
      if (refuse) throw new Error('SecurityError');
      this.calls.push([state, title, url]);
    }
  };
}

test("a widget's query comes from its own keys in the fragment, else from the options", () => {
  const params = fragmentParams(at('#w.q=kernel%20bugs&w.series=fm-2023&w.show=past&other.q=x&other.tag=gpu'));
  assert.deepEqual(initialQuery(params, 'w', { kind: 'keynote', tag: 'ml', show: 'upcoming' }),
    { text: 'kernel bugs', series: 'fm-2023', kind: 'keynote', tag: 'ml', show: 'past' });
  assert.deepEqual(initialQuery(params, 'other', {}), { text: 'x', series: '', kind: '', tag: 'gpu', show: 'all' });
});

test('an unknown show value becomes "all"', () => {
  assert.equal(initialQuery(fragmentParams(at('#w.show=soon')), 'w', {}).show, 'all');
  assert.equal(initialQuery(fragmentParams(at('')), 'w', { show: 'later' }).show, 'all');
  assert.equal(initialQuery(fragmentParams(at('#w.show=upcoming')), 'w', { show: 'past' }).show, 'upcoming');
});

test('shared stars: the ids of #<key>.starred, or null without one', () => {
  assert.deepEqual(sharedStars(fragmentParams(at('#w.starred=t1,,t%2C2,t3')), 'w'), ['t1', 't', '2', 't3']);
  assert.equal(sharedStars(fragmentParams(at('#w.starred=')), 'w'), null);
  assert.equal(sharedStars(fragmentParams(at('#other.starred=t1')), 'w'), null);
});

test('writing a query keeps other keys and drops empty values and show=all', () => {
  const history = fakeHistory();
  const query = { text: 'a b&c', series: '', kind: 'panel', tag: '', show: 'all' };
  assert.deepEqual(queryFragment(query), { q: 'a b&c', series: '', kind: 'panel', tag: '', show: '' });
  writeFragment(at('#other.q=x&w.q=old&w.tag=gpu'), history, queryFragment(query), 'w');
  assert.deepEqual(history.calls, [[{ scroll: 1 }, '', '#other.q=x&w.q=a+b%26c&w.kind=panel']]);
});

test('a fragment left empty leaves the URL without "#"', () => {
  const history = fakeHistory();
  writeFragment(at('#w.q=old&w.show=past'), history, queryFragment({ text: '', series: '', kind: '', tag: '', show: 'all' }), 'w');
  assert.deepEqual(history.calls, [[{ scroll: 1 }, '', '/talks/?lang=en']]);
});

test('page-wide keys (a permalink) carry no prefix', () => {
  const history = fakeHistory();
  writeFragment(at('#w.q=gpu'), history, { talk: '2021-03-28-klimovic' }, '');
  assert.deepEqual(history.calls, [[{ scroll: 1 }, '', '#w.q=gpu&talk=2021-03-28-klimovic']]);
  assert.equal(fragmentParams(at('#w.q=gpu&talk=2021-03-28-klimovic')).get('talk'), '2021-03-28-klimovic');
});

test('a history that refuses replaceState is not an error', () => {
  assert.doesNotThrow(() => writeFragment(at(''), fakeHistory(true), { q: 'x' }, 'w'));
});

test('a search from a link is cut at the engine\'s limit', () => {
  const words = Array.from({ length: 1000 }, (_, i) => 'w' + i).join(' ');
  const params = fragmentParams({ hash: '#w.q=' + encodeURIComponent(words) });
  assert.equal(initialQuery(params, 'w', {}, 256).text, words.slice(0, 256));
  assert.equal(initialQuery(params, 'w', {}).text, words);
});

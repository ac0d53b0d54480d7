// web/src/core.js: the wasm boundary, against a fake core module (the real one is
// tested in tests/wasm and through the widget in tests/browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreError, coreCalls, coreLoader, readZoneCatalog, routedCalls, unwrap } from '../../web/src/core.js';

// A stand-in for the Emscripten module: each binding returns the canned reply and
// records its arguments.
function fakeModule(replies) {
  const module = { calls: [], HEAP8: { buffer: { byteLength: 8 * 1024 * 1024 } } };
  for (const [name, reply] of Object.entries(replies)) {
    module[name] = (...args) => {
      module.calls.push([name, ...args]);
      return reply;
    };
  }
  return module;
}

const diagnostic = (level, code, text) => ({ level, code, text, message: text, pointer: '', line: 1, column: 2 });

const ok = (value) => ({ ok: true, value });
const failed = (code, message, diagnostics = []) => ({ ok: false, error: { code, message, diagnostics } });

test('unwrap returns the value of an ok reply and throws a CoreError for a failed one', () => {
  assert.deepEqual(unwrap(ok({ handle: 1 })), { handle: 1 });
  assert.equal(unwrap(ok(null)), null);
  const diagnostics = [diagnostic('error', 'feed.syntax', 'x')];
  assert.throws(() => unwrap(failed('feed.syntax', 'x', diagnostics)), (error) => {
    assert.ok(error instanceof CoreError);
    assert.equal(error.name, 'CoreError');
    assert.equal(error.message, 'x');
    assert.equal(error.code, 'feed.syntax');
    assert.deepEqual(error.diagnostics, diagnostics);
    return true;
  });
  // Anything else (an old core, a crash that returned nothing) is an error, never a value.
  for (const reply of [undefined, null, '', { html: '<ol></ol>' }, { ok: 'yes', value: 1 }]) {
    assert.throws(() => unwrap(reply), { name: 'CoreError', code: 'core.no_reply', message: 'The core gave no reply.' });
  }
});

test('openFeeds sends the limits as JSON and returns the reply\'s value', () => {
  const opened = { diagnostics: [diagnostic('warning', 'talk.unknown_field', 'w')], handle: 3, meta: { title: 'FastPath' } };
  const module = fakeModule({ openFeeds: ok(opened) });
  const sources = [{ name: 'a.json', bytes: new Uint8Array([123, 125]), format: '' }];
  assert.deepEqual(coreCalls(module).openFeeds(sources, { maxBytes: 100, maxDepth: undefined }), opened);
  assert.deepEqual(module.calls, [['openFeeds', sources, '{"maxBytes":100}']]);
});

test('openFeeds without a schedule throws a CoreError with the first error and every diagnostic', () => {
  const diagnostics = [diagnostic('warning', 'feed.bom', 'a.json: w'), diagnostic('error', 'feed.syntax', 'a.json: x'),
    diagnostic('error', 'talk.bad_start', 'a.json: y')];
  const core = coreCalls(fakeModule({ openFeeds: failed('feed.syntax', 'a.json: x', diagnostics) }));
  assert.throws(() => core.openFeeds([], {}), (error) => {
    assert.ok(error instanceof CoreError);
    assert.equal(error.message, 'a.json: x');
    assert.equal(error.code, 'feed.syntax');
    assert.deepEqual(error.diagnostics, diagnostics);
    return true;
  });
});

test('render sends the request as JSON; a failed reply becomes a CoreError with its code', () => {
  const view = { html: '<ol></ol>', zone: 'UTC', zoneLabel: 'UTC', count: 0, matched: 0, shown: 0, nextChange: null };
  const module = fakeModule({ render: ok(view) });
  assert.equal(coreCalls(module).render(4, { zone: 'UTC', now: 1 }), view);
  assert.deepEqual(module.calls, [['render', 4, '{"zone":"UTC","now":1}']]);
  const failing = coreCalls(fakeModule({ render: failed('request.unknown_zone', 'unknown time zone "Mars/Base"') }));
  assert.throws(() => failing.render(4, { zone: 'Mars/Base' }),
    { name: 'CoreError', code: 'request.unknown_zone', message: 'unknown time zone "Mars/Base"' });
});

test('ics and jsonLd return their text; a failure is an Error, never an empty file', () => {
  const module = fakeModule({ ics: ok('BEGIN:VCALENDAR\r\n'), jsonLd: ok('{"@graph":[]}') });
  const core = coreCalls(module);
  assert.equal(core.ics(2, { ids: ['t1'], now: 5 }), 'BEGIN:VCALENDAR\r\n');
  assert.equal(core.jsonLd(2, { zone: 'UTC' }), '{"@graph":[]}');
  assert.deepEqual(module.calls, [['ics', 2, '{"ids":["t1"],"now":5}'], ['jsonLd', 2, '{"zone":"UTC"}']]);
  const gone = coreCalls(fakeModule({ ics: failed('request.no_such_feed', 'no open feed has handle 9'),
    jsonLd: failed('request.no_such_feed', 'no open feed has handle 9') }));
  assert.throws(() => gone.ics(9, {}), { name: 'CoreError', code: 'request.no_such_feed', message: 'no open feed has handle 9' });
  assert.throws(() => gone.jsonLd(9, {}), { name: 'CoreError', code: 'request.no_such_feed' });
});

test('zones and calendar links pass the reply\'s value through; an unknown zone is null', () => {
  const tokyo = { name: 'Asia/Tokyo', label: 'GMT+9', offset: 32400 };
  const catalog = 'Asia/Tokyo\tJST 32400\tJP\nEtc/UTC\tUTC 0\t\nJapan\tAsia/Tokyo\n';
  const module = fakeModule({ describeZone: ok(tokyo), zoneCatalog: ok(catalog), calendarLinks: ok({}) });
  const core = coreCalls(module);
  assert.deepEqual(core.describeZone('Asia/Tokyo', 1748853000), tokyo);
  assert.deepEqual(core.zoneCatalog(1748853000), [
    { name: 'Asia/Tokyo', offsets: [{ abbreviation: 'JST', offset: 32400 }], countries: [{ code: 'JP', first: true }], links: ['Japan'] },
    { name: 'Etc/UTC', offsets: [{ abbreviation: 'UTC', offset: 0 }], countries: [], links: [] }
  ]);
  assert.deepEqual(core.calendarLinks(2, 'cancelled-talk'), {});
  assert.deepEqual(module.calls, [['describeZone', 'Asia/Tokyo', 1748853000], ['zoneCatalog', 1748853000], ['calendarLinks', 2, 'cancelled-talk']]);
  assert.equal(coreCalls(fakeModule({ describeZone: ok(null) })).describeZone('Mars/Base', 0), null);
  const unknown = coreCalls(fakeModule({ calendarLinks: failed('request.no_such_talk', 'the feed has no talk with id "x"') }));
  assert.throws(() => unknown.calendarLinks(2, 'x'), { name: 'CoreError', code: 'request.no_such_talk' });
});

test('closeFeed passes the handle; memoryBytes reads the wasm heap', () => {
  const module = fakeModule({ closeFeed: ok(true) });
  const core = coreCalls(module);
  assert.equal(core.closeFeed(7), true);
  assert.deepEqual(module.calls, [['closeFeed', 7]]);
  assert.equal(core.memoryBytes(), 8388608);
});

test('the loader starts the module once, with talktime.wasm next to the script', async () => {
  const started = [];
  const factory = async (moduleArg) => {
    started.push(moduleArg);
    return fakeModule({});
  };
  const engine = coreLoader('https://example.org/lib/talktime.js?v=2', factory);
  assert.equal(engine.memoryBytes(), 0);
  const [first, second] = await Promise.all([engine.load(), engine.load()]);
  assert.equal(first, second);
  assert.equal(started.length, 1);
  assert.equal(started[0].locateFile('talktime_core.wasm', ''), 'https://example.org/lib/talktime.wasm');
  assert.equal(started[0].locateFile('other.data', ''), 'https://example.org/lib/other.data');
  assert.equal('wasmBinary' in started[0], false);
  assert.equal(engine.memoryBytes(), 8388608);
});

test('a failed start is reported, and the next load tries again', async () => {
  let attempts = 0;
  const engine = coreLoader('https://example.org/talktime.js', async () => {
    attempts += 1;
    if (attempts === 1) throw new Error('WebAssembly.instantiate(): expected magic word');
    return fakeModule({});
  });
  await assert.rejects(engine.load(), { message: 'The schedule engine could not start: WebAssembly.instantiate(): expected magic word' });
  assert.equal(engine.memoryBytes(), 0);
  await engine.load();
  assert.equal(attempts, 2);
  assert.equal(engine.memoryBytes(), 8388608);
});

test('the zone catalog: two offsets a year, countries in zone.tab\'s case code, links gathered to their zone', () => {
  const text = ['Asia/Calcutta\tAsia/Kolkata', 'Asia/Kolkata\tIST 19800\tIN',
    'Europe/Zurich\tCET 3600 CEST 7200\tCHde', 'US/Nowhere\tMars/Base', ''].join('\n');
  assert.deepEqual(readZoneCatalog(text), [
    { name: 'Asia/Kolkata', offsets: [{ abbreviation: 'IST', offset: 19800 }], countries: [{ code: 'IN', first: true }], links: ['Asia/Calcutta'] },
    { name: 'Europe/Zurich', offsets: [{ abbreviation: 'CET', offset: 3600 }, { abbreviation: 'CEST', offset: 7200 }],
      countries: [{ code: 'CH', first: true }, { code: 'DE', first: false }], links: [] }
  ]);
});

// Two fake modules behind routedCalls: the first-render one answers request.needs_full_module
// for an .ics source and for JSON-LD; the full one reads everything.
function twoModules() {
  const needsFull = failed('request.needs_full_module', 'iCalendar and frab feeds are read by the full module');
  const leanModule = fakeModule({ closeFeed: ok(true), render: ok({ html: 'lean' }), jsonLd: failed('request.needs_full_module', 'JSON-LD') });
  leanModule.openFeeds = (sources) => {
    leanModule.calls.push(['openFeeds', sources[0].name]);
    return sources[0].name.endsWith('.ics') ? needsFull : ok({ handle: 5, diagnostics: [], meta: {}, failedSources: [] });
  };
  const fullModule = fakeModule({ openFeeds: ok({ handle: 9, diagnostics: [], meta: {}, failedSources: [] }), closeFeed: ok(true),
    render: ok({ html: 'full' }), jsonLd: ok('{"@graph":[]}') });
  let starts = 0;
  const core = routedCalls(coreCalls(leanModule), async () => {
    starts += 1;
    return coreCalls(fullModule);
  });
  return { core, leanModule, fullModule, starts: () => starts };
}
const sourcesNamed = (name) => [{ name, format: '', bytes: new Uint8Array([123, 125]) }];

test('a talktime feed is opened in the first-render module only; handles are the router\'s', async () => {
  const { core, leanModule, fullModule, starts } = twoModules();
  const sources = sourcesNamed('talks.json');
  await core.prepare(sources, {});
  const opened = core.openFeeds(sources, {});
  assert.equal(opened.handle, 1);
  assert.equal(core.render(1, { zone: 'UTC' }).html, 'lean');
  assert.deepEqual(leanModule.calls.map((c) => c.slice(0, 2)), [['openFeeds', 'talks.json'], ['render', 5]]);
  assert.equal(starts(), 0);
  assert.deepEqual(fullModule.calls, []);
  assert.throws(() => core.render(2, {}), { name: 'CoreError', code: 'request.no_such_feed', message: 'no open feed has handle 2' });
  // JSON-LD: the full module starts, opens the same sources once and answers.
  assert.equal(await core.jsonLd(1, { zone: 'UTC' }), '{"@graph":[]}');
  assert.equal(await core.jsonLd(1, { zone: 'UTC' }), '{"@graph":[]}');
  assert.equal(starts(), 1);
  assert.deepEqual(fullModule.calls.map((c) => c[0]), ['openFeeds', 'jsonLd', 'jsonLd']);
  assert.equal(core.closeFeed(1), true);
  assert.deepEqual(fullModule.calls.at(-1), ['closeFeed', 9]);
  assert.deepEqual(leanModule.calls.at(-1), ['closeFeed', 5]);
  assert.equal(core.memoryBytes(), 2 * 8388608);
});

test('an .ics source starts the full module before the widget opens it; a second one reuses it', async () => {
  const { core, fullModule, starts } = twoModules();
  for (const name of ['a.ics', 'b.ics']) {
    const sources = sourcesNamed(name);
    await core.prepare(sources, {});
    const opened = core.openFeeds(sources, {});
    assert.equal(core.render(opened.handle, { zone: 'UTC' }).html, 'full');
  }
  assert.equal(starts(), 1);
  assert.deepEqual(fullModule.calls.map((c) => c[0]), ['openFeeds', 'render', 'openFeeds', 'render']);
  // Without prepare, before the full module started, the answer is the stable code.
  const fresh = twoModules();
  assert.throws(() => fresh.core.openFeeds(sourcesNamed('c.ics'), {}), { name: 'CoreError', code: 'request.needs_full_module' });
});

test('a full module that cannot start is the widget\'s engine error, and the next try starts it again', async () => {
  let attempts = 0;
  const lean = coreCalls(fakeModule({ openFeeds: failed('request.needs_full_module', 'frab') }));
  const core = routedCalls(lean, async () => {
    attempts += 1;
    throw new Error('talktime-full.js was not found next to talktime.js');
  });
  const sources = sourcesNamed('x.json');
  await core.prepare(sources, {});
  assert.throws(() => core.openFeeds(sources, {}),
    { code: 'engine.start', message: 'The full schedule engine could not start: talktime-full.js was not found next to talktime.js' });
  await core.prepare(sources, {});
  assert.equal(attempts, 2);
});

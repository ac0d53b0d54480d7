#!/usr/bin/env node
// Validates talktime feeds (format v1) against data/talktime-feed.schema.json,
// then runs the checks JSON Schema cannot express: unique talk and series ids,
// declared series, end not before start, ISO durations up to 366 days, local
// times in a DST gap or overlap, repeated JSON keys, unpaired surrogate
// escapes, "talktime": 1 written as an integer, size and nesting limits.
//
// Usage:
//   node tests/schema/validate-feeds.mjs [FILE...] [--expect-invalid FILE...]
//        [--expect-unparseable FILE...] [--expect-valid FILE...]
//
// Every data/*.json feed (the schema file itself excluded) is always checked
// and must be valid. Extra FILE arguments are checked too; files listed after
// --expect-valid must pass. Files after --expect-invalid must be JSON that the
// schema itself rejects (at least one Ajv error): a file that is not JSON at all
// never reaches the schema, so it would prove nothing about it. Files after
// --expect-unparseable must fail before the schema is read (unreadable, too
// large, not UTF-8, not JSON, nested too deep).
// Prints one line per file (diagnostics indented below it) and ends with
// "N passed, M failed". Exit status: 0 when everything passed, 1 otherwise,
// 2 for bad usage.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_DIR = path.join(ROOT, 'data');
const SCHEMA_FILE = path.join(DATA_DIR, 'talktime-feed.schema.json');
const MAX_BYTES = 16 * 1024 * 1024; // default loader limit: 16 MiB
const MAX_DEPTH = 64; // default loader limit; the top-level object is level 1

// ---------------------------------------------------------------- arguments

function usage() {
  return 'usage: node tests/schema/validate-feeds.mjs [FILE...] [--expect-invalid FILE...] [--expect-unparseable FILE...] [--expect-valid FILE...]';
}

// What a file must turn out to be.
const EXPECT = { valid: 'valid', invalid: 'invalid', unparseable: 'unparseable' };

function parseArgs(argv) {
  const jobs = [];
  let expect = EXPECT.valid;
  for (const arg of argv) {
    if (arg === '--expect-invalid') expect = EXPECT.invalid;
    else if (arg === '--expect-unparseable') expect = EXPECT.unparseable;
    else if (arg === '--expect-valid') expect = EXPECT.valid;
    else if (arg === '-h' || arg === '--help') {
      console.log(usage());
      process.exit(0);
    } else if (arg.startsWith('--')) {
      console.error(`unknown option ${arg}\n${usage()}`);
      process.exit(2);
    } else jobs.push({ file: arg, expect });
  }
  return jobs;
}

function dataFeeds() {
  let names;
  try {
    names = readdirSync(DATA_DIR);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))
    .sort()
    .map((n) => ({ file: path.join(DATA_DIR, n), expect: EXPECT.valid }));
}

// ---------------------------------------------------------------- diagnostics

const show = (v) => {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
};
const diag = (code, pointer, message) => ({ code, pointer, message });
const fmt = (d) => `[${d.code}] ${d.pointer ? d.pointer + ': ' : ''}${d.message}`;
const ptr = (...parts) =>
  parts.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

// ---------------------------------------------------------------- JSON syntax scan

// A small validating scanner run before JSON.parse: it reports the first syntax
// error with line and column, stops at the nesting limit and finds duplicate
// keys (JSON.parse silently keeps the last one).
function scanJson(text) {
  let i = 0;
  const duplicates = [];
  const surrogates = [];
  const raw = new Map(); // pointer -> source text of a number or literal
  const fail = (msg, code = 'feed.syntax') => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const column = i - before.lastIndexOf('\n');
    const err = new Error(`line ${line}, column ${column}: ${msg}`);
    err.code = code;
    throw err;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const what = () => (i >= text.length ? 'unexpected end of input' : `unexpected character ${show(text[i])}`);
  const str = () => {
    const start = i++;
    while (true) {
      if (i >= text.length) fail('unexpected end of input inside a string');
      const c = text[i];
      if (c === '"') break;
      if (c < ' ') fail('control character inside a string (use \\n or \\t)');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          const unit = parseInt(text.slice(i + 2, i + 6), 16);
          if (unit >= 0xd800 && unit <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(text.slice(i + 6, i + 12))) {
            i += 12; // a proper surrogate pair
            continue;
          }
          if (unit >= 0xd800 && unit <= 0xdfff) surrogates.push({ at: i, escape: text.slice(i, i + 6) });
          i += 6;
          continue;
        }
        if (!e || !'"\\/bfnrt'.includes(e)) fail('bad escape sequence');
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (depth, pointer) => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`, 'feed.too_deep');
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      const seen = new Set();
      for (let n = 0; ; n++) {
        let key = n;
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail(i >= text.length ? 'unexpected end of input' : 'expected a double-quoted property name');
          key = str();
          if (seen.has(key)) duplicates.push(pointer + ptr(key));
          seen.add(key);
          ws();
          if (text[i] !== ':') fail(i >= text.length ? 'unexpected end of input' : "expected ':' after a property name");
          i++;
        }
        value(depth + 1, pointer + ptr(key));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail(i >= text.length ? 'unexpected end of input' : `expected ',' or '${close}'`);
      }
    }
    if (c === '"') return void str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail(what());
    raw.set(pointer, m[0]);
    i += m[0].length;
  };
  value(1, '');
  ws();
  if (i < text.length) fail('unexpected data after the top-level value');
  return { duplicates, surrogates, raw };
}

// ---------------------------------------------------------------- schema

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false });
const validateSchema = ajv.compile(schema);

// Schema parts whose errors get a specific message. Ajv (verbose) hands back the
// schema object that holds the failing keyword, so they are matched by identity.
const defs = schema.$defs;
const PART = new Map([
  [defs.zone, 'zone'],
  [defs.when, 'when'],
  [defs.duration, 'duration'],
  [defs.linkUrl, 'url'],
  [defs.webUrl, 'url'],
  [defs.absoluteLinkUrl, 'url'],
  [defs.absoluteWebUrl, 'url'],
  [defs.talk.dependentSchemas.end, 'endAndDuration'],
  [defs.talkNeedsOwnZone.then.properties.start, 'needsZone'],
  [defs.talkNeedsOwnZone.then.properties.end, 'needsZone'],
  [defs.dateOnly, 'dateOnlyEnd'],
  [defs.wholeDays, 'wholeDays'],
  [defs.talk.else.properties.end, 'timedEnd'],
  [schema.properties.talktime, 'talktime'],
]);

// Messages for parts where the rule matters more than the failing keyword.
const PART_MESSAGE = {
  endAndDuration: () => 'both end and duration given; give only one of them',
  needsZone: (v) => `local date-time ${v} needs a zone: set timezone on the talk or on the feed`,
  dateOnlyEnd: (v) => `start is a date alone, so end must be a date alone too (YYYY-MM-DD), got ${v}`,
  wholeDays: (v) => `start is a date alone, so duration must be whole days (P1D, P2D, or a multiple of 1440 minutes), got ${v}`,
  timedEnd: (v) => `start has a time, so end needs a time too, got ${v}`,
  talktime: (v) => `talktime must be the number 1, got ${v}`,
};

// Turns an Ajv error into a talktime-style diagnostic with a readable message.
function schemaDiag(e) {
  const at = e.instancePath || '/';
  const part = PART.get(e.parentSchema);
  const v = show(e.data);
  if (part in PART_MESSAGE) return diag(`schema.${e.keyword}`, at, PART_MESSAGE[part](v));
  let msg;
  switch (e.keyword) {
    case 'required':
      msg = `missing required property "${e.params.missingProperty}"`;
      break;
    case 'const':
      msg = `must be ${show(e.params.allowedValue)}, got ${v}`;
      break;
    case 'type':
      msg = `must be of type ${[].concat(e.params.type).join(' or ')}, got ${v}`;
      break;
    case 'enum':
      msg = part === 'zone'
        ? `unknown time zone ${v} (use an IANA name such as Europe/Berlin)`
        : `unknown value ${v}; expected one of ${e.params.allowedValues.join(', ')}`;
      break;
    case 'pattern':
      if (part === 'when') msg = `invalid date or time ${v} (YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], optionally with Z or ±HH:MM)`;
      else if (part === 'duration') msg = `invalid duration ${v} (minutes, or ISO 8601 such as PT50M, PT1H30M, P1D)`;
      else if (part === 'url') msg = `URL not allowed ${v} (http:, https: or mailto:; relative only when the feed has a url)`;
      else if (e.params.pattern === '\\S') msg = `must not be empty, got ${v}`;
      else msg = `${e.message}, got ${v}`;
      break;
    case 'minimum':
    case 'maximum':
      if (part === 'when') msg = `epoch seconds ${v} outside the years 1600 to 9999`;
      else if (part === 'duration') msg = `duration ${v} should be from 0 to 527040 minutes (366 days)`;
      else msg = `${e.message}, got ${v}`;
      break;
    case 'propertyNames':
      msg = 'link names must not be empty';
      break;
    default:
      msg = `${e.message}, got ${v}`;
  }
  return diag(`schema.${e.keyword}`, at, msg);
}

// ---------------------------------------------------------------- time arithmetic

const formatters = new Map();
function zoneFormatter(zone) {
  if (!formatters.has(zone)) {
    let f = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric',
        day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null; // zone unknown to this Node's ICU data: skip the time checks
    }
    formatters.set(zone, f);
  }
  return formatters.get(zone);
}

function utcMs(y, mo, d, h = 0, mi = 0, s = 0) {
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  t.setUTCFullYear(y);
  return t.getTime();
}

// Offset (ms) of `zone` from UTC at instant `ms`.
function offsetAt(zone, ms) {
  const parts = {};
  for (const p of zoneFormatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let y = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') y = 1 - y;
  const local = utcMs(y, +parts.month, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return local - Math.floor(ms / 1000) * 1000;
}

// Resolves a local wall-clock time (given as if it were UTC) in `zone`.
// Returns { ms, kind: 'exact' | 'gap' | 'ambiguous' }.
function resolveLocal(zone, localMs) {
  const DAY = 86400000;
  const offsets = new Set([-2, -1, 0, 1, 2].map((k) => offsetAt(zone, localMs + k * DAY)));
  const hits = [...offsets].filter((o) => offsetAt(zone, localMs - o) === o).map((o) => localMs - o);
  hits.sort((a, b) => a - b);
  if (hits.length === 1) return { ms: hits[0], kind: 'exact' };
  if (hits.length > 1) return { ms: hits[0], kind: 'ambiguous' }; // first occurrence
  return { ms: localMs - offsetAt(zone, localMs - DAY), kind: 'gap' }; // offset before the gap
}

const WHEN_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

// Reads a start/end value. Returns null when it cannot be interpreted (the
// schema reports that), otherwise { ms } for an instant or { date } for a
// date-only value, plus `local` for wall-clock readings.
function readWhen(value, zone) {
  if (typeof value === 'number') return Number.isInteger(value) ? { ms: value * 1000 } : null;
  if (typeof value !== 'string') return null;
  const m = WHEN_RE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, off] = m;
  if (h === undefined) return { date: `${y}-${mo}-${d}` };
  const local = utcMs(+y, +mo, +d, +h, +mi, +(s ?? 0));
  if (off === 'Z') return { ms: local };
  if (off) {
    const sign = off[0] === '-' ? -1 : 1;
    return { ms: local - sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6))) * 60000 };
  }
  if (!zone || !zoneFormatter(zone)) return null;
  return { ...resolveLocal(zone, local), local: true };
}

function dateIn(ms, zone) {
  const o = zone && zoneFormatter(zone) ? offsetAt(zone, ms) : 0;
  return new Date(ms + o).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- semantic checks

function semanticChecks(feed) {
  const out = [];
  if (!feed || typeof feed !== 'object' || Array.isArray(feed) || !Array.isArray(feed.talks)) return out;
  const feedZone = typeof feed.timezone === 'string' ? feed.timezone : undefined;
  const seriesIds = new Map();
  (Array.isArray(feed.series) ? feed.series : []).forEach((s, n) => {
    if (!s || typeof s !== 'object' || typeof s.id !== 'string') return;
    const id = s.id.trim();
    if (seriesIds.has(id)) {
      out.push(diag('check.duplicate_series', ptr('series', n, 'id'), `series ${show(id)} is already declared at ${ptr('series', seriesIds.get(id))}`));
    } else seriesIds.set(id, n);
  });
  const ids = new Map();
  feed.talks.forEach((talk, n) => {
    if (!talk || typeof talk !== 'object' || Array.isArray(talk)) return;
    if (typeof talk.id === 'string') {
      const id = talk.id.trim();
      if (ids.has(id)) {
        out.push(diag('check.duplicate_id', ptr('talks', n, 'id'), `duplicate id ${show(id)} (first used by ${ptr('talks', ids.get(id))})`));
      } else ids.set(id, n);
    }
    if (typeof talk.duration === 'string') {
      const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(talk.duration);
      const seconds = m ? (+(m[1] ?? 0) * 24 * 60 + +(m[2] ?? 0) * 60 + +(m[3] ?? 0)) * 60 + +(m[4] ?? 0) : 0;
      if (seconds > 366 * 86400) {
        out.push(diag('check.duration_too_long', ptr('talks', n, 'duration'), `duration ${show(talk.duration)} is longer than 366 days`));
      }
    }
    if (typeof talk.series === 'string' && !seriesIds.has(talk.series.trim())) {
      out.push(diag('check.unknown_series', ptr('talks', n, 'series'), `series ${show(talk.series)} is not declared in /series`));
    }
    const zone = typeof talk.timezone === 'string' ? talk.timezone : feedZone;
    const start = readWhen(talk.start, zone);
    const end = readWhen(talk.end, zone);
    for (const [field, w] of [['start', start], ['end', end]]) {
      if (!w || !w.local) continue;
      if (w.kind === 'gap') {
        out.push(diag('check.local_gap', ptr('talks', n, field), `${show(talk[field])} does not exist in ${zone} (clocks skip it); it would be read as ${new Date(w.ms).toISOString()}`));
      } else if (w.kind === 'ambiguous') {
        out.push(diag('check.local_ambiguous', ptr('talks', n, field), `${show(talk[field])} happens twice in ${zone} (clocks fall back); the first one would be used`));
      }
    }
    if (start && end) {
      let before = false;
      if (start.ms !== undefined && end.ms !== undefined) before = end.ms < start.ms;
      else {
        const sd = start.date ?? dateIn(start.ms, zone);
        const ed = end.date ?? dateIn(end.ms, zone);
        before = ed < sd;
      }
      if (before) out.push(diag('check.end_before_start', ptr('talks', n, 'end'), `end ${show(talk.end)} is before start ${show(talk.start)}`));
    }
  });
  return out;
}

// ---------------------------------------------------------------- one file

// { diags, talks, parsed }: `parsed` is false when the file failed before the
// schema could be applied (it is not a JSON text within the limits).
function checkFile(file) {
  const result = readFeed(file);
  if (!result.parsed) return result;
  return { ...checkFeed(result.text, result.scan), parsed: true };
}

function readFeed(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return unparsed(diag('feed.read', '', `cannot read file: ${err.code ?? err.message}`));
  }
  if (bytes.length > MAX_BYTES) {
    return unparsed(diag('feed.too_large', '', `${bytes.length} bytes, limit is ${MAX_BYTES} (16 MiB)`));
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return unparsed(diag('feed.encoding', '', 'file is not valid UTF-8'));
  }
  if (text.startsWith('\uFEFF')) return unparsed(diag('feed.syntax', '', 'line 1, column 1: byte order mark before the JSON value'));
  try {
    return { parsed: true, text, scan: scanJson(text) };
  } catch (err) {
    if (!err.code?.startsWith('feed.')) throw err;
    return unparsed(diag(err.code, '', err.message));
  }
}

const unparsed = (d) => ({ diags: [d], parsed: false });

// The schema and the extra checks, on a text that scanned as JSON.
function checkFeed(text, scan) {
  const diags = [];
  for (const p of scan.duplicates) diags.push(diag('feed.duplicate_key', p, 'property given twice; only one value can be used'));
  for (const { at, escape } of scan.surrogates) {
    const before = text.slice(0, at);
    const where = `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
    diags.push(diag('feed.lone_surrogate', '', `${where}: unpaired surrogate escape ${escape}`));
  }
  const version = scan.raw.get('/talktime');
  if (version !== undefined && version !== '1' && Number(version) === 1) {
    diags.push(diag('check.version_form', '/talktime', `write the format version as 1, not ${version}`));
  }
  const feed = JSON.parse(text);
  const schemaRejected = !validateSchema(feed);
  if (schemaRejected) {
    const seen = new Set();
    for (const e of validateSchema.errors) {
      if (e.keyword === 'if') continue; // the failing "then" branch is reported on its own
      if (e.propertyName !== undefined) continue; // detail of a propertyNames error
      const d = schemaDiag(e);
      const key = `${d.pointer} ${d.message}`;
      if (!seen.has(key)) diags.push(d); // overlapping subschemas can repeat an error
      seen.add(key);
    }
  }
  diags.push(...semanticChecks(feed));
  const talks = feed && Array.isArray(feed.talks) ? feed.talks.length : 0;
  return { diags, talks, schemaRejected };
}

// ---------------------------------------------------------------- main

// The verdict on one file: [passed, headline]. Diagnostics are printed below it.
function verdict(expect, { diags, talks, parsed, schemaRejected }) {
  const count = `${diags.length} problem${diags.length === 1 ? '' : 's'}`;
  const bySchema = diags.filter((d) => d.code.startsWith('schema.')).length;
  if (expect === EXPECT.valid) {
    if (diags.length === 0) return [true, `(${talks} talk${talks === 1 ? '' : 's'})`];
    return [false, `: ${count}`];
  }
  if (expect === EXPECT.unparseable) {
    if (!parsed) return [true, 'is not JSON, as expected'];
    return [false, `: expected to fail before the schema is read, but it is JSON (${count})`];
  }
  if (!parsed) return [false, ': expected the schema to reject it, but it is not JSON (list it after --expect-unparseable)'];
  if (schemaRejected) return [true, `rejected by the schema as expected (${bySchema} schema error${bySchema === 1 ? '' : 's'})`];
  if (diags.length > 0) return [false, `: expected the schema to reject it, but only the extra checks do (${count})`];
  return [false, ': expected to be rejected, but it is a valid feed'];
}

const extra = parseArgs(process.argv.slice(2));
const jobs = [...dataFeeds(), ...extra];
let passed = 0;
let failed = 0;
for (const { file, expect } of jobs) {
  const rel = path.relative(process.cwd(), path.resolve(file));
  const shown = rel && !rel.startsWith('..') ? rel : path.resolve(file);
  const result = checkFile(file);
  const [ok, headline] = verdict(expect, result);
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${shown}${headline.startsWith(':') ? '' : ' '}${headline}`);
  for (const d of result.diags) console.log('     ' + fmt(d));
}
if (jobs.length === 0) console.log(`no feeds found in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || jobs.length === 0 ? 1 : 0);

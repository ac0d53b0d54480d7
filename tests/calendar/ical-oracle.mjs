// The iCalendar oracle of the import tests: Mozilla's ical.js (npm, what Thunderbird
// uses) reads a source calendar and lists its occurrences; talktime imports the same
// file and exports it with `talktime ics`, which ical.js reads back. The two lists are
// compared occurrence by occurrence: same instants, same count, same cancellations.
// ical.js is never asked about talktime's code, only about the files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const talktimeCli = process.env.TALKTIME_CLI || `${root}build/native/talktime`;

// An occurrence as both sides describe it. Timed starts and ends are UTC ISO strings,
// date-only ones are YYYY-MM-DD; a missing end is null.
function occurrence(start, end, status, summary) {
  return { start: timeText(start), end: end ? timeText(end) : null,
           status: (status || 'CONFIRMED').toUpperCase(), summary: summary || '' };
}

// ical.js knows a zone only from a VTIMEZONE in the file. A TZID without one (an IANA
// name, as Google writes) or a floating time (read in the calendar's X-WR-TIMEZONE, as
// Google and Apple do) stays wall-clock time in ical.js; Intl's zone data, independent of
// talktime's, turns it into an instant.
let calendarZone = null;

function timeText(time) {
  if (time.isDate) return time.toString();
  const zone = time.zone && time.zone.tzid;
  const wallZone = time.timezone || (zone === 'floating' ? calendarZone : null);
  const ms = wallZone ? wallClockToUtc(time, wallZone) : time.toJSDate().getTime();
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function offsetAt(ms, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms))
    .map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

// RFC 5545 3.3.5: a wall time inside a gap means the offset from before the gap; in an
// overlap, the first (earlier) instant.
export function wallClockToUtc(time, zone) {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const before = offsetAt(wall - 86400000, zone);
  const after = offsetAt(wall + 86400000, zone);
  const candidates = [wall - before, wall - after].filter((ms) => offsetAt(ms, zone) === wall - ms);
  if (candidates.length) return Math.min(...candidates);
  return wall - before;
}

// Each calendar's VTIMEZONEs alone: ical.js keeps registered zones for the whole process,
// so without the reset one file's VTIMEZONE would decide another file's TZID of that name.
function registerZones(calendar) {
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
}

// Groups VEVENTs by UID: the master (no RECURRENCE-ID) with its overrides related to it.
// An override without a master is an occurrence of its own.
function eventsOf(calendar) {
  const byUid = new Map();
  const orphans = [];
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const entry = byUid.get(event.uid) || { master: null, overrides: [] };
    if (event.isRecurrenceException()) entry.overrides.push(event); else entry.master = event;
    byUid.set(event.uid, entry);
  }
  const events = [];
  for (const { master, overrides } of byUid.values()) {
    if (!master) { orphans.push(...overrides); continue; }
    for (const override of overrides) master.relateException(override);
    events.push(master);
  }
  return { events, orphans };
}

// ical.js's occurrences are copies that forget a TZID it has no VTIMEZONE for: the
// event's own DTSTART/DTEND TZID names the zone they are wall-clock times in.
function namedZone(time, component, name) {
  const tzid = component.getFirstProperty(name)?.getParameter('tzid');
  if (time && tzid && !time.timezone && time.zone?.tzid !== 'UTC' && !ICAL.TimezoneService.has(tzid)) time.timezone = tzid;
  return time;
}

function detailsOccurrence(details) {
  const item = details.item;
  const end = item.component.hasProperty('dtend') || item.component.hasProperty('duration') ? details.endDate : null;
  return occurrence(namedZone(details.startDate, item.component, 'dtstart'),
                    namedZone(end, item.component, item.component.hasProperty('dtend') ? 'dtend' : 'dtstart'),
                    item.component.getFirstPropertyValue('status'), item.summary);
}

function singleOccurrence(event) {
  const component = event.component;
  const hasEnd = component.hasProperty('dtend') || component.hasProperty('duration');
  return occurrence(event.startDate, hasEnd ? event.endDate : null,
                    component.getFirstPropertyValue('status'), event.summary);
}

function inWindow(time, from, to) {
  const ms = time.toJSDate().getTime();
  return (!from || ms >= from.getTime()) && (!to || ms < to.getTime());
}

/// The occurrences ical.js finds in `text` whose start lies in [from, to), sorted.
/// `limit` bounds an unbounded rule; reaching it throws, so a test never compares a cut list.
export function icalOccurrences(text, { from = null, to = null, limit = 5000 } = {}) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  registerZones(calendar);
  calendarZone = calendar.getFirstPropertyValue('x-wr-timezone');
  const { events, orphans } = eventsOf(calendar);
  const found = [];
  for (const event of events) {
    if (!event.isRecurring()) {
      if (inWindow(event.startDate, from, to)) found.push(singleOccurrence(event));
      continue;
    }
    const iterator = event.iterator();
    let count = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (to && next.toJSDate().getTime() >= to.getTime() && !event.exceptions[next.toString()]) break;
      if (++count > limit) throw new Error(`ical-oracle: more than ${limit} occurrences of ${event.uid}`);
      const details = event.getOccurrenceDetails(next);
      if (inWindow(details.startDate, from, to)) found.push(detailsOccurrence(details));
    }
  }
  for (const orphan of orphans) {
    if (inWindow(orphan.startDate, from, to)) found.push(singleOccurrence(orphan));
  }
  return sortOccurrences(found);
}

/// The occurrences of talktime's import of `file`: `talktime ics FILE args…`, read by ical.js.
/// Each exported VEVENT is one occurrence (talktime writes expanded occurrences).
export function talktimeOccurrences(file, args = []) {
  const ics = execFileSync(talktimeCli, ['ics', '--now', '2026-01-01T00:00:00Z', ...args, file],
                           { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  registerZones(calendar);
  calendarZone = null;
  return sortOccurrences(calendar.getAllSubcomponents('vevent').map((c) => singleOccurrence(new ICAL.Event(c))));
}

export function sortOccurrences(list) {
  const key = (o) => `${o.start}\u0000${o.summary}\u0000${o.end}`;
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const readText = (file) => readFileSync(file, 'utf8');

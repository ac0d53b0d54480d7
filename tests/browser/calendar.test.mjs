// Calendars and other formats in the widget: stars, .ics downloads, Google and
// Outlook links, JSON-LD, merged feeds, frab and iCalendar input. Expected instants
// are facts about the events (FastPath: 11:00 EDT = 15:00 UTC) or from the fixtures'
// own offsets; downloaded .ics files are read back with Python's icalendar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launchBrowser, openPage, serveRepo } from './browser.mjs';

let browser, server, base;
const page_ = (path) => `${base}/tests/browser/pages/${path}`;
const FASTPATH = '../../../data/fastpath-2021.json';

before(async () => {
  browser = await launchBrowser();
  ({ server, url: base } = await serveRepo());
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function mount(page, options) {
  await page.evaluate((o) => TalkTime.mount('#w', o), options);
}

// DTSTART/DTEND of every VEVENT as UTC ISO strings, read by Debian's python3-icalendar.
function icsInstants(path) {
  const script = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    def iso(p):
        v = e.get(p)
        if v is None: return None
        d = v.dt
        if isinstance(d, datetime.datetime): return d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
        return d.isoformat()
    out.append({'uid': str(e.get('UID')), 'start': iso('DTSTART'), 'end': iso('DTEND'), 'summary': str(e.get('SUMMARY'))})
print(json.dumps(out))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' }));
}

test('stars persist, filter the list and travel in a shared link', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await mount(page, { feed: FASTPATH });
  const star = page.locator('[data-talk-id="2021-03-28-klimovic"] .tt-star');
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.getByRole('button', { name: 'Share starred' }).isVisible(), false);
  // Starring changes only the button: an open calendar menu stays open.
  const menu = page.locator('[data-talk-id="2021-03-28-klimovic"] details.tt-calendar');
  await menu.locator('summary').click();
  await star.click();
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  assert.equal(await star.innerText(), '\u2605 Starred');
  assert.equal(await star.getAttribute('aria-label'), 'Star Ingesting and Processing Data Efficiently for Machine Learning');
  assert.equal(await menu.evaluate((d) => d.open), true);
  assert.equal(await page.getByRole('button', { name: 'Share starred' }).isVisible(), true);
  await page.reload();
  await mount(page, { feed: FASTPATH });
  assert.equal(await page.locator('[data-talk-id="2021-03-28-klimovic"] .tt-star').getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: '★ Starred' }).click();
  assert.deepEqual(await page.locator('#w .tt-talk').evaluateAll((els) => els.map((e) => e.dataset.talkId)), ['2021-03-28-klimovic']);
  await page.getByRole('button', { name: 'Share starred' }).click();
  const shared = await page.evaluate(() => location.href);
  assert.match(shared, /#.*w\.starred=2021-03-28-klimovic/);
  await context.close();

  // Someone else opens the link: a fresh browser profile, the shared view, nothing stored.
  const other = await openPage(browser, { timezoneId: 'Asia/Tokyo' });
  await other.page.goto(shared);
  await mount(other.page, { feed: FASTPATH });
  assert.deepEqual(await other.page.locator('#w .tt-talk').evaluateAll((els) => els.map((e) => e.dataset.talkId)), ['2021-03-28-klimovic']);
  assert.equal(await other.page.locator('#w .tt-shared p').innerText(), 'Showing 1 talk someone shared with you.');
  assert.equal(await other.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('talktime.stars')).length), 0);
  assert.deepEqual(errors, []);
  await other.context.close();
});

test('a talk and the filtered view download as .ics that a real parser reads', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'Asia/Kolkata' });
  await page.goto(page_('mount.html'));
  await mount(page, { feed: FASTPATH });
  const talk = page.locator('[data-talk-id="2021-03-28-klimovic"]');
  await talk.getByText('Add to calendar').click();
  const [one] = await Promise.all([page.waitForEvent('download'), talk.getByRole('button', { name: 'Download .ics' }).click()]);
  const onePath = await one.path();
  const text = readFileSync(onePath, 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(text.split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'every line ends with CRLF');
  assert.deepEqual(icsInstants(onePath).map(({ start, end }) => [start, end]), [['2021-03-28T15:00:00Z', '2021-03-28T15:35:00Z']]);

  // Google and Outlook links carry the same instants.
  const google = await talk.getByRole('link', { name: 'Google Calendar' }).getAttribute('href');
  assert.match(google, /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&/);
  assert.match(google, /dates=20210328T150000Z%2F20210328T153500Z|dates=20210328T150000Z\/20210328T153500Z/);
  // Outlook.com (personal accounts) and Microsoft 365 (work or school): the same compose form on two hosts.
  assert.deepEqual(await talk.locator('.tt-calendar a').allTextContents(), ['Google Calendar', 'Outlook.com', 'Outlook (work or school)']);
  const compose = '/calendar/0/action/compose?path=/calendar/action/compose&rru=addevent' +
    '&subject=Ingesting%20and%20Processing%20Data%20Efficiently%20for%20Machine%20Learning&startdt=2021-03-28T15:00:00Z&enddt=2021-03-28T15:35:00Z&body=';
  const outlook = await talk.getByRole('link', { name: 'Outlook.com' }).getAttribute('href');
  assert.ok(outlook.startsWith('https://outlook.live.com' + compose), outlook);
  const office = await talk.getByRole('link', { name: 'Outlook (work or school)' }).getAttribute('href');
  assert.equal(office, outlook.replace('https://outlook.live.com/', 'https://outlook.office.com/'));

  // Export the filtered view: search, then one file with just those talks.
  await page.locator('#w input[type="search"]').fill('remarks');
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .ics' }).click()]);
  const events = icsInstants(await all.path());
  assert.deepEqual(events.map((e) => [e.summary, e.start]).sort(), [['Closing Remarks', '2021-03-28T20:25:00Z'], ['Opening Remarks', '2021-03-28T14:50:00Z']]);
  await context.close();
});

test('JSON-LD describes every talk, whatever the search, and data-jsonld="false" turns it off', async () => {
  const { page, context } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await mount(page, { feed: FASTPATH });
  const ld = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
  assert.equal(ld['@context'], 'https://schema.org');
  const events = ld['@graph'];
  assert.equal(events.length, 9);  // 11 entries, two of them breaks
  for (const e of events) {
    assert.equal(e['@type'], 'Event');
    for (const key of ['name', 'startDate', 'eventStatus', 'eventAttendanceMode', 'location']) assert.ok(e[key], `${e.name}: ${key}`);
  }
  const klimovic = events.find((e) => e.name.startsWith('Ingesting'));
  assert.equal(klimovic.startDate, '2021-03-28T11:00:00-04:00');
  assert.equal(klimovic.endDate, '2021-03-28T11:35:00-04:00');
  assert.equal(klimovic.eventStatus, 'https://schema.org/EventScheduled');
  assert.deepEqual(klimovic.performer, [{ '@type': 'Person', name: 'Ana Klimovic', affiliation: { '@type': 'Organization', name: 'ETH-Zurich' }, url: 'https://tinyurl.com/fastpath2021/Klimovic' }]);
  // Search engines are told about every talk, not only those a visitor's search shows.
  await page.locator('#w input[type="search"]').fill('remarks');
  await page.waitForTimeout(500);
  assert.equal(JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent())['@graph'].length, 9);
  await mount(page, { feed: FASTPATH, jsonld: false });
  assert.equal(await page.locator('head script[type="application/ld+json"]').count(), 0);
  await context.close();
});

test('several feeds merge into one widget, each keeping its series', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await mount(page, { feed: `${FASTPATH} ../../../data/cds-faculty-candidate-2025.json` });
  const ids = await page.locator('#w .tt-talk').evaluateAll((els) => els.map((e) => e.dataset.talkId));
  assert.ok(ids.includes('2021-03-28-klimovic'));
  assert.equal(ids.length, 12);
  const series = await page.locator('#w select[aria-label="Series"] option').allTextContents();
  assert.equal(series.length, 3);  // "All series" and one per feed
  assert.deepEqual(errors, []);
  await context.close();
});

test('frab schedule.json and iCalendar feeds load, detected or named with data-format', async () => {
  const { page, context, errors } = await openPage(browser, { timezoneId: 'UTC' });
  await page.goto(page_('mount.html'));
  await mount(page, { feed: '../../fixtures/frab-schedule.json' });
  assert.equal(await page.getAttribute('#w', 'data-talktime-state'), 'ready');
  const opening = page.locator('#w .tt-talk', { hasText: 'Opening' }).first().locator('time').first();
  assert.equal(await opening.getAttribute('datetime'), '2024-10-26T09:00:00+00:00');  // 11:00+02:00
  const owls = page.locator('#w .tt-talk', { hasText: 'Night Owls' }).first().locator('time').first();
  assert.equal(await owls.getAttribute('datetime'), '2024-10-27T01:30:00+00:00');  // 02:30+01:00, after the clocks went back
  await mount(page, { feed: '../../fixtures/seminar.ics', format: 'ics' });
  const talk = page.locator('#w .tt-talk', { hasText: /Nakamura/ }).first();
  assert.equal(await talk.locator('time').first().getAttribute('datetime'), '2024-09-12T20:00:00+00:00');  // 16:00 EDT
  assert.deepEqual(errors, []);
  await context.close();
});

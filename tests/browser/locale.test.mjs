// The visitor's language in Chromium (issue 13, point 4): with the browser in de-DE or ja-JP,
// every word of the widget is German or Japanese (day headings, toolbar, buttons, badges,
// relative times, the zone line), data-locale overrides the browser, and a right-to-left
// language lays the widget out right to left.
//
// feeds/live.json (Europe/Berlin): "done" 09:00-10:00, "running" 10:00-11:00 (a livestream),
// "later" 14:00 on Monday 2 June 2025, and "no-time" on Tuesday 3 June (date only). At
// data-now 08:40 UTC = 10:40 CEST the running talk ends in 20 min and "later" starts in 3 h 20.
// Expected dates and relative times were written from Node 20's Intl (ICU 78), not the widget:
//   new Intl.DateTimeFormat('de-DE', {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'})
//     -> "Montag, 2. Juni 2025", "Dienstag, 3. Juni 2025"; 'ja-JP' -> "2025年6月2日月曜日", "2025年6月3日火曜日"
//   new Intl.RelativeTimeFormat('de-DE', {numeric: 'auto', style: 'short'}).format(20, 'minute') -> "in 20 Min.",
//     (3, 'hour') -> "in 3 Std."; 'ja-JP' -> "20 分後", "3 時間後"
//   Intl.DateTimeFormat's longGeneric name of Europe/Berlin: de "Mitteleuropäische Zeit", ja "中央ヨーロッパ時間"
// The words are the catalogues' (web/src/i18n/de.js, ja.js), written here again by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { browserSession, openPage, ready, repoRoot } from './browser.mjs';

const session = browserSession();
const shots = `${repoRoot}test-results/locale`;
const NOW = '2025-06-02T08:40:00Z';

async function liveFeed({ locale, options = {}, viewport }) {
  const opened = await openPage(session.browser, { timezoneId: 'Europe/Berlin', locale, viewport });
  await opened.page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await opened.page.evaluate((o) => TalkTime.mount('#w', o), { feed: 'feeds/live.json', now: NOW, ...options });
  await ready(opened.page, '#w');
  return opened;
}

// What a visitor reads, gathered from the widget's shadow root.
function readWidget(page) {
  return page.$eval('#w', (host) => {
    const root = host.shadowRoot;
    const text = (s) => root.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
    const all = (s) => [...root.querySelectorAll(s)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    const talk = (id, s) => text(`[data-talk-id="${id}"] ${s}`);
    return {
      lang: root.querySelector('.tt').lang,
      dir: root.querySelector('.tt').dir,
      days: all('.tt-day-title'),
      now: text('.tt-now-label'),
      search: root.querySelector('.tt-toolbar input').placeholder,
      show: all('.tt-show .tt-button'),
      buttons: all('.tt-filters > .tt-button:not([hidden])'),
      filters: text('.tt-filters-toggle'),
      status: text('.tt-status'),
      zoneLine: text('.tt-zone-text'),
      zoneButtons: all('.tt-zone-line > .tt-button:not([hidden])'),
      live: talk('running', '.tt-badge-live'),
      running: talk('running', '.tt-relative'),
      later: talk('later', '.tt-relative'),
      links: all('[data-talk-id="done"] .tt-link, [data-talk-id="running"] .tt-link'),
      calendar: talk('later', '.tt-calendar summary'),
      star: talk('later', '.tt-star-off'),
      tba: talk('no-time', '.tt-tba'),
      kind: talk('later', '.tt-kind'),
    };
  });
}

test('de-DE: the whole widget speaks German', async () => {
  const { page, context, errors } = await liveFeed({ locale: 'de-DE' });
  assert.deepEqual(await readWidget(page), {
    lang: 'de-DE', dir: 'ltr',
    days: ['Montag, 2. Juni 2025', 'Dienstag, 3. Juni 2025'],
    now: 'Jetzt',
    search: 'Vorträge, Vortragende, Themen suchen',
    show: ['Demnächst', 'Vergangen', 'Alle'],
    buttons: ['\u2605 Gemerkt', '.ics exportieren'],
    filters: 'Filter',
    status: '4 Vorträge',
    zoneLine: 'Zeiten in Mitteleuropäische Zeit (Europe/Berlin).',
    zoneButtons: ['Zeitzone ändern'],
    live: 'Läuft gerade',
    running: 'endet in 20 Min.',
    later: 'beginnt in 3 Std.',
    links: ['Video', 'Livestream', 'Live ansehen'],
    calendar: 'In den Kalender',
    star: '\u2606 Merken',
    tba: 'Uhrzeit folgt',
    kind: 'Vortrag',
  });
  // The calendar menu: product names as they are, Microsoft 365 named for its accounts in German.
  const later = page.locator('#w [data-talk-id="later"]');
  await later.locator('.tt-calendar summary').click();
  await later.locator('.tt-calendar a').first().waitFor();
  assert.deepEqual(await later.locator('.tt-calendar li').allTextContents(),
    ['.ics herunterladen', 'Google Calendar', 'Outlook.com', 'Outlook (Geschäfts- oder Schulkonto)']);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/de-DE-desktop.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('ja-JP on a 390 px phone: the whole widget speaks Japanese', async () => {
  const { page, context, errors } = await liveFeed({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
  assert.deepEqual(await readWidget(page), {
    lang: 'ja-JP', dir: 'ltr',
    days: ['2025年6月2日月曜日', '2025年6月3日火曜日'],
    now: '現在',
    search: '講演・講演者・トピックを検索',
    show: ['これから', '終了', 'すべて'],
    buttons: ['\u2605 お気に入り', '.ics を書き出す'],
    filters: '絞り込み',
    status: '4 件の講演',
    zoneLine: '時刻は中央ヨーロッパ時間（Europe/Berlin）で表示しています。',
    zoneButtons: ['タイムゾーンを変更'],
    live: 'ライブ中',
    running: '20 分後に終了',
    later: '3 時間後に開始',
    links: ['動画', 'ライブ配信', 'ライブを見る'],
    calendar: 'カレンダーに追加',
    star: '\u2606 お気に入り',
    tba: '時間未定',
    kind: '講演',
  });
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/ja-JP-phone.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('ja-JP with data-hour12: the clock reads 午後2:00', async () => {
  const { page, context, errors } = await liveFeed({ locale: 'ja-JP', options: { hour12: true } });
  const start = await page.$eval('#w', (h) => h.shadowRoot.querySelector('[data-talk-id="later"] time').textContent);
  assert.equal(start, '午後2:00');
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-locale overrides the browser\'s language, and unknown words fall back per catalogue', async () => {
  const { page, context, errors } = await liveFeed({ locale: 'de-DE', options: { locale: 'fr' } });
  const seen = await readWidget(page);
  assert.equal(seen.lang, 'fr');
  assert.deepEqual(seen.days, ['lundi 2 juin 2025', 'mardi 3 juin 2025']);  // Intl 'fr', as above
  assert.deepEqual(seen.show, ['À venir', 'Passés', 'Tous']);
  assert.equal(seen.running, 'se termine dans 20 min');  // RelativeTimeFormat('fr', short): "dans 20 min"
  assert.equal(seen.status, '4 exposés');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English browser keeps today\'s English, whatever its region', async () => {
  const { page, context, errors } = await liveFeed({ locale: 'en-US' });
  const seen = await readWidget(page);
  assert.deepEqual([seen.lang, seen.dir, seen.days, seen.now, seen.running, seen.status, seen.calendar],
    ['en-US', 'ltr', ['Monday, 2 June 2025', 'Tuesday, 3 June 2025'], 'Now', 'ends in 20 min.', '4 talks', 'Add to calendar']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('ar: right to left, in Arabic', async () => {
  const { page, context, errors } = await liveFeed({ locale: 'ar' });
  const seen = await readWidget(page);
  assert.deepEqual([seen.lang, seen.dir, seen.days, seen.status, seen.live],
    ['ar', 'rtl', ['الاثنين، 2 يونيو 2025', 'الثلاثاء، 3 يونيو 2025'], '4 محاضرات', 'مباشر الآن']);
  // Laid out from the right: the search box starts at the toolbar's right edge, and the first
  // show button ("القادمة") is right of the last.
  const layout = await page.$eval('#w', (h) => {
    const box = (s) => h.shadowRoot.querySelector(s).getBoundingClientRect();
    const show = [...h.shadowRoot.querySelectorAll('.tt-show .tt-button')].map((b) => b.getBoundingClientRect().left);
    return { searchRight: Math.round(box('.tt-toolbar input').right), toolbarRight: Math.round(box('.tt-toolbar').right),
      firstShowRightOfLast: show[0] > show[2], direction: getComputedStyle(h.shadowRoot.querySelector('.tt-title')).direction };
  });
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/ar-rtl.png`, fullPage: true });
  assert.equal(layout.searchRight, layout.toolbarRight);
  assert.equal(layout.firstShowRightOfLast, true);
  assert.equal(layout.direction, 'rtl');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/ar-rtl.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

// FastPath 2021 (New York, 28 March 2021, 10:50-16:30 EDT) for a German visitor in Kolkata on a
// dark phone: 20:20 IST on Sunday to 02:00 on Monday, as Intl 'de-DE' writes those days.
test('de-DE, dark 390 px phone in Asia/Kolkata: FastPath across midnight, in German', async () => {
  const { page, context, errors } = await openPage(session.browser,
    { timezoneId: 'Asia/Kolkata', locale: 'de-DE', colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await page.goto(`${session.base}/tests/browser/pages/skeleton.html`);
  await ready(page, '#talks');
  const days = await page.$eval('#talks', (h) => [...h.shadowRoot.querySelectorAll('.tt-day-title')].map((e) => e.textContent));
  assert.deepEqual(days, ['Sonntag, 28. März 2021', 'Montag, 29. März 2021']);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/de-DE-phone-dark-kolkata.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

// A feed that is not on the server (HTTP 404): the error box speaks German too.
test('de-DE: the error box and its button are German', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/Berlin', locale: 'de-DE' });
  await page.goto(`${session.base}/tests/browser/pages/mount.html`);
  await page.evaluate(() => TalkTime.mount('#w', { feed: 'feeds/no-such-feed.json' }).catch(() => undefined));
  await page.waitForFunction(() => document.querySelector('#w').dataset.talktimeState === 'error');
  const box = await page.$eval('#w', (h) => {
    const root = h.shadowRoot;
    return { lang: root.querySelector('.tt-error-box').lang, alert: root.querySelector('[role="alert"]').textContent,
      retry: root.querySelector('.tt-error-box > .tt-button').textContent, details: root.querySelector('.tt-error-details summary').textContent };
  });
  assert.deepEqual(box, { lang: 'de-DE', alert: 'Das Programm konnte nicht geladen werden. Die Programmdatei wurde auf dem Server nicht gefunden.',
    retry: 'Erneut versuchen', details: 'Details für die Betreiber der Website' });
  assert.deepEqual(errors, []);
  await context.close();
});

// The zone panel and a shared-stars link, in German: the words around the talks as well.
test('de-DE: the zone panel and the shared-stars notice are German', async () => {
  const { page, context, errors } = await openPage(session.browser, { timezoneId: 'Europe/Berlin', locale: 'de-DE' });
  await page.goto(`${session.base}/tests/browser/pages/mount.html#w.starred=running,later`);
  await page.evaluate((now) => TalkTime.mount('#w', { feed: 'feeds/live.json', now }), NOW);
  await ready(page, '#w');
  await page.locator('#w .tt-zone-line > .tt-button', { hasText: 'Zeitzone ändern' }).click();
  const seen = await page.$eval('#w', (h) => {
    const root = h.shadowRoot;
    const text = (s) => root.querySelector(s).textContent.replace(/\s+/g, ' ').trim();
    return { placeholder: root.querySelector('.tt-zone-input').placeholder, message: text('.tt-zone-message'),
      hint: text('.tt-zone-option .tt-zone-detail'), shared: text('.tt-shared-text'),
      sharedButtons: [...root.querySelectorAll('.tt-shared .tt-button:not([hidden])')].map((b) => b.textContent) };
  });
  assert.deepEqual(seen, {
    placeholder: 'Stadt, Land, CET oder UTC+5:30',
    message: 'Geben Sie eine Stadt, ein Land, eine Abkürzung wie CET oder einen Versatz wie UTC+5:30 ein.',
    hint: 'Europe/Berlin · CEST (UTC+2) · Ihre Zeitzone',
    shared: '2 Vorträge, die jemand mit Ihnen geteilt hat.',
    sharedButtons: ['Zu meinen gemerkten hinzufügen', 'Alle Vorträge zeigen'],
  });
  await page.locator('#w .tt-zone-input').fill('Berlin');
  assert.equal(await page.locator('#w .tt-zone-message').textContent(), '1 Zeitzone');
  assert.deepEqual(errors, []);
  await context.close();
});

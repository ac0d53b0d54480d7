// web/src/i18n/: every catalogue says everything English says (the same keys, no others, the
// same placeholders, plural forms its language has), the language is chosen from data-locale
// and navigator.languages, and a word a catalogue lacks is English, never its key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUES, chooseLocale, dateText, renderText, translator } from '../../web/src/i18n/index.js';
import { optionsFromDataset } from '../../web/src/options.js';
import { failedFeedsNoticeText, plainReason, shortReason } from '../../web/src/error-text.js';

const english = CATALOGUES.en;
const placeholders = (text) => [...new Set(text.match(/\{\w+\}/g) || [])].sort();
// The render text's words, as the core reads them (src/view/render_text.cpp, render_text_words()).
const CORE_WORDS = ['upcoming', 'past', 'now', 'liveNow', 'cancelled', 'postponed', 'tentative', 'timeTba', 'watchLive',
  'shiftDay', 'shiftDays', 'endsNextDay', 'endsDaysLater', 'otherDay', 'eventZone', 'aboutSpeakers',
  'abstractAndSpeakers', 'abstract', 'starTalk', 'star', 'starred', 'addToCalendar', 'downloadIcs',
  'allDay', 'was', 'newDateTba', 'inPlace', 'atTheEvent', 'eventTimeSentence', 'parallelSessions'];

test('the catalogues: en, de, fr, es, pt, zh-CN, ja and a right-to-left one', () => {
  assert.deepEqual(Object.keys(CATALOGUES).sort(), ['ar', 'de', 'en', 'es', 'fr', 'ja', 'pt', 'zh-CN']);
});

for (const [tag, words] of Object.entries(CATALOGUES)) {
  test(`${tag}: every English key, no other, placeholders and plural forms that fit`, () => {
    assert.deepEqual(Object.keys(words).sort(), Object.keys(english).sort());
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    for (const [key, text] of Object.entries(words)) {
      const model = english[key];
      assert.equal(typeof text, typeof model, `${tag} ${key}`);
      if (typeof model === 'string') {
        assert.ok(text.trim(), `${tag} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(model), `${tag} ${key}`);
        continue;
      }
      // One form per category the language has; "other" always; a form names no placeholder English lacks.
      assert.ok(text.other, `${tag} ${key} has no "other" form`);
      assert.deepEqual(placeholders(text.other), placeholders(model.other), `${tag} ${key}.other`);
      for (const [form, value] of Object.entries(text)) {
        assert.ok(categories.includes(form), `${tag} ${key}: "${form}" is not a plural category of ${tag}`);
        for (const name of placeholders(value)) assert.ok(placeholders(model.other).includes(name), `${tag} ${key}.${form}: ${name}`);
      }
    }
  });
}

test('the core words English names are the ones the core reads', () => {
  const named = Object.keys(english).filter((k) => k.startsWith('render.')).map((k) => k.slice('render.'.length));
  assert.deepEqual(named.sort(), [...CORE_WORDS].sort());
});

test('data-locale is an option', () => {
  assert.deepEqual(optionsFromDataset({ locale: 'zh-CN' }), { locale: 'zh-CN' });
  assert.deepEqual(optionsFromDataset({ locale: '' }), {});
});

test('the language: data-locale first, then navigator.languages, exact tag before language', () => {
  assert.deepEqual(chooseLocale('fr', ['de-DE', 'de']), { catalogue: 'fr', locale: 'fr', dir: 'ltr' });
  assert.deepEqual(chooseLocale(undefined, ['de-DE', 'de']), { catalogue: 'de', locale: 'de-DE', dir: 'ltr' });
  assert.deepEqual(chooseLocale(undefined, ['zh-CN']), { catalogue: 'zh-CN', locale: 'zh-CN', dir: 'ltr' });
  assert.deepEqual(chooseLocale(undefined, ['zh-TW']), { catalogue: 'zh-CN', locale: 'zh-TW', dir: 'ltr' });
  assert.deepEqual(chooseLocale(undefined, ['pt-PT']), { catalogue: 'pt', locale: 'pt-PT', dir: 'ltr' });
  assert.deepEqual(chooseLocale(undefined, ['ko-KR', 'ja']), { catalogue: 'ja', locale: 'ja', dir: 'ltr' });
  assert.deepEqual(chooseLocale('ar-EG', []), { catalogue: 'ar', locale: 'ar-EG', dir: 'rtl' });
  assert.deepEqual(chooseLocale('de_AT', []), { catalogue: 'de', locale: 'de-AT', dir: 'ltr' });
  // An unknown or malformed data-locale gives way to the browser; nothing known gives English.
  assert.deepEqual(chooseLocale('xx', ['es-MX']), { catalogue: 'es', locale: 'es-MX', dir: 'ltr' });
  assert.deepEqual(chooseLocale('no such tag!', ['ko-KR']), { catalogue: 'en', locale: 'en', dir: 'ltr' });
});

test('a word a catalogue lacks is English; plurals follow Intl.PluralRules; numbers the locale\'s', () => {
  const original = CATALOGUES.de['list.noMatch'];
  delete CATALOGUES.de['list.noMatch'];
  try {
    const t = translator({ catalogue: 'de', locale: 'de-DE' });
    assert.equal(t('list.noMatch'), 'No talks match these filters.');
    assert.equal(t('list.showAll'), 'Alle Vorträge zeigen');
    assert.equal(t('list.talkCount', { count: 1 }), '1 Vortrag');
    assert.equal(t('list.talkCount', { count: 1200 }), '1.200 Vorträge');
    assert.equal(t('no.such.key'), '');
  } finally {
    CATALOGUES.de['list.noMatch'] = original;
  }
  const ar = translator({ catalogue: 'ar', locale: 'ar' });
  assert.deepEqual([0, 1, 2, 3, 11, 100].map((count) => ar('list.talkCount', { count })),
    ['لا محاضرات', 'محاضرة واحدة', 'محاضرتان', '3 محاضرات', '11 محاضرة', '100 محاضرة']);
  const ja = translator({ catalogue: 'ja', locale: 'ja-JP' });
  assert.equal(ja('list.talkCount', { count: 1 }), '1 件の講演');
  assert.equal(translator({ catalogue: 'en', locale: 'en-GB' })('list.breakCount', { count: 7 }), '7 breaks');
});

// Expected values written from ICU's CLDR data as Node 20's Intl gives it:
// new Intl.DateTimeFormat('de-DE', {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'})
//   .format(Date.UTC(2021, 2, 28)) -> "Sonntag, 28. März 2021"; 'ja-JP' -> "2021年3月28日日曜日";
// {hour: 'numeric', minute: '2-digit', hourCycle: 'h12'} at 20:30: ja-JP "午後8:30", es-ES "8:30 p. m.".
test('the core\'s date text comes from Intl: names, pattern, markers and their place', () => {
  const de = dateText('de-DE');
  assert.equal(de.dayHeading, '{weekday}, {day}. {month} {year}');
  assert.equal(de.months[2], 'März');
  assert.equal(de.weekdays[0], 'Sonntag');
  assert.equal(de.clockSeparator, ':');
  const ja = dateText('ja-JP');
  assert.equal(ja.dayHeading, '{year}年{month}月{day}日{weekday}');
  assert.deepEqual([ja.months[2], ja.weekdays[0], ja.am, ja.pm, ja.dayPeriodFirst, ja.dayPeriodGap], ['3', '日曜日', '午前', '午後', true, '']);
  const es = dateText('es-ES');
  // The marker keeps CLDR's narrow no-break space inside (ICU versions differ on which space).
  assert.deepEqual([es.pm.replace(/\s/g, ' '), es.dayPeriodFirst, es.dayPeriodGap], ['p. m.', false, ' ']);
  assert.deepEqual(dateText('ar-EG').digits, ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩']);
  assert.deepEqual(dateText('de-DE').digits, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
});

test('the render text sends each core word, link and kind; English sends none (the core\'s own)', () => {
  const language = { catalogue: 'de', locale: 'de-DE' };
  const text = renderText(language, translator(language));
  for (const word of CORE_WORDS) assert.equal(text[word], CATALOGUES.de['render.' + word], word);
  assert.equal(text.links.slides, 'Folien');
  assert.equal(text.kinds.break, 'Pause');
  assert.equal(text.dayHeading, '{weekday}, {day}. {month} {year}');
  assert.deepEqual(renderText({ catalogue: 'en', locale: 'en-US' }, translator({ catalogue: 'en', locale: 'en-US' })), {});
});

test('what goes wrong is said in the widget\'s language; English without a translator', () => {
  const de = translator({ catalogue: 'de', locale: 'de-DE' });
  assert.equal(plainReason({ code: 'fetch.http', status: 404 }, de), 'Die Programmdatei wurde auf dem Server nicht gefunden.');
  assert.equal(plainReason({ code: 'fetch.http', status: 404 }), 'The schedule file was not found on the server.');
  assert.equal(shortReason({ code: 'feed.too_large' }, de), 'zu groß');
  // feeds.js names a failed feed in English (talktime:ready's failedSources); the notice translates it.
  const failed = [{ name: 'b.json', code: 'feed.syntax', summary: 'a web page, not a schedule file' },
    { name: 'c.json', code: 'fetch.http', summary: 'not found' }];
  assert.equal(failedFeedsNoticeText(failed, de), 'Nicht gezeigt: b.json (eine Webseite, keine Programmdatei); c.json (nicht gefunden).');
  assert.equal(failedFeedsNoticeText(failed), 'Not shown: b.json (a web page, not a schedule file); c.json (not found).');
  // A page opened from disk is explained to its organiser, in English, whatever the language.
  assert.match(plainReason({ code: 'fetch.file', feed: 'talks.json' }, de), /^This page was opened from disk/);
});

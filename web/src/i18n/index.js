// The visitor's language: which catalogue the widget speaks (data-locale, else the first of
// navigator.languages talktime has), its words with English for any it lacks, and the
// core's render text (month and weekday names, the day-heading pattern, AM/PM, digits)
// taken from the browser's Intl, so the core carries no locale data.
import ar from './ar.js';
import de from './de.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';
import ja from './ja.js';
import pt from './pt.js';
import zhCN from './zh-CN.js';

export const CATALOGUES = { en, de, fr, es, pt, 'zh-CN': zhCN, ja, ar };
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);

// A tag as Intl spells it ("zh-cn" -> "zh-CN", "de_DE" -> "de-DE"); '' for one Intl rejects.
function normalTag(tag) {
  try {
    return Intl.getCanonicalLocales(String(tag).replace(/_/g, '-'))[0] || '';
  } catch {
    return '';
  }
}

// The catalogue for one tag: the exact one, else its language's (de-AT -> de, zh-TW -> zh-CN).
function catalogueFor(tag) {
  if (CATALOGUES[tag]) return tag;
  const language = tag.split('-')[0];
  if (CATALOGUES[language]) return language;
  return Object.keys(CATALOGUES).find((name) => name.split('-')[0] === language) || '';
}

// {catalogue, locale}: `requested` (data-locale) first, then each browser language in
// order; `locale` is the tag Intl formats with (the visitor's own, so de-AT keeps its
// region), English when nothing matches.
export function chooseLocale(requested, languages = []) {
  for (const tag of [requested, ...languages].filter(Boolean).map(normalTag).filter(Boolean)) {
    const catalogue = catalogueFor(tag);
    if (catalogue) return { catalogue, locale: tag, dir: RIGHT_TO_LEFT.has(tag.split('-')[0]) ? 'rtl' : 'ltr' };
  }
  return { catalogue: 'en', locale: 'en', dir: 'ltr' };
}

// t(key, values): the catalogue's words with {name} replaced; English when the catalogue
// lacks the key. A plural entry picks its form by Intl.PluralRules from values.count.
// Numbers in values are written in the locale's digits.
export function translator({ catalogue, locale }) {
  const words = CATALOGUES[catalogue] || en;
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return (key, values = {}) => {
    let text = key in words ? words[key] : en[key];
    if (text === undefined) return '';
    if (typeof text === 'object') text = text[plural.select(values.count)] || text.other;
    return text.replace(/\{(\w+)\}/g, (whole, name) => {
      if (!(name in values)) return whole;
      return typeof values[name] === 'number' ? number.format(values[name]) : String(values[name]);
    });
  };
}

// The core's render text for the chosen language ({} for English: the core's own words and
// formats, those of the CLI and of the fallback it prints). See render_text_json.hpp.
export function renderText({ catalogue, locale }, t) {
  if (catalogue === 'en') return {};
  const text = { ...dateText(locale), links: {}, kinds: {} };
  for (const key of Object.keys(en)) {
    const [group, name] = key.split('.');
    if (group === 'render') text[name] = t(key);
    else if (group === 'link') text.links[name] = t(key);
    else if (group === 'kind') text.kinds[name] = t(key);
  }
  return text;
}

// Month and weekday names as they stand in a full date, the pattern around them, the
// day-period markers and the digits, read from Intl.DateTimeFormat's formatToParts
// (Gregorian: the core counts days in it).
export function dateText(locale) {
  const full = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory' });
  const part = (date, type) => (full.formatToParts(date).find((p) => p.type === type) || {}).value || '';
  const months = [];
  for (let m = 0; m < 12; m++) months.push(part(Date.UTC(2021, m, 1), 'month'));
  const weekdays = [];
  for (let d = 0; d < 7; d++) weekdays.push(part(Date.UTC(2021, 2, 28 + d), 'weekday'));  // 28 March 2021: a Sunday
  const placeholders = { weekday: '{weekday}', day: '{day}', month: '{month}', year: '{year}' };
  const dayHeading = full.formatToParts(Date.UTC(2021, 2, 28)).map((p) => placeholders[p.type] || p.value).join('');
  return { months, weekdays, dayHeading, digits: digitsOf(full.resolvedOptions().numberingSystem), ...clockText(locale) };
}

function digitsOf(numberingSystem) {
  const format = new Intl.NumberFormat('en-u-nu-' + (numberingSystem || 'latn'), { useGrouping: false });
  return Array.from({ length: 10 }, (_, i) => format.format(i));
}

// "午後8:30": the markers, whether they come first, the gap beside them and the separator
// between hours and minutes. Narrow and non-breaking spaces count as a plain space (ICU
// versions differ there; the English default has a plain one).
function clockText(locale) {
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'UTC' });
  const parts = (hour) => clock.formatToParts(Date.UTC(2021, 2, 28, hour, 30));
  const marker = (hour) => (parts(hour).find((p) => p.type === 'dayPeriod') || {}).value || (hour < 12 ? 'AM' : 'PM');
  const pm = parts(20);
  const types = pm.map((p) => p.type);
  const first = types.indexOf('dayPeriod') >= 0 && types.indexOf('dayPeriod') < types.indexOf('hour');
  const gapAt = first ? types.indexOf('dayPeriod') + 1 : types.indexOf('dayPeriod') - 1;
  const gap = pm[gapAt] && pm[gapAt].type === 'literal' ? pm[gapAt].value.replace(/[\u00a0\u202f]/g, ' ') : '';
  const separator = (pm[types.indexOf('hour') + 1] || {}).value || ':';
  return { am: marker(8), pm: marker(20), dayPeriodFirst: first, dayPeriodGap: gap, clockSeparator: separator };
}

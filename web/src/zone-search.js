// Finding a time zone the way visitors name it: a city ("Berlin", "new york",
// "São Paulo"), a country ("India", "Deutschland"), an abbreviation ("PST", or
// "IST": every zone it may mean), an offset ("UTC+05:30", "GMT-8", "+9") or an
// IANA name, legacy ones included ("Asia/Calcutta" finds Asia/Kolkata). Pure
// functions over the core's zone catalog (core.js readZoneCatalog), so Node tests
// them; zone-picker.js shows the results.

// Cities people often type that name no zone, by the zone they are in (a few: each costs download).
const CITIES = {
  'America/Los_Angeles': 'San Francisco|Seattle',
  'America/New_York': 'Washington|Boston',
  'America/Chicago': 'Houston|Dallas',
  'America/Sao_Paulo': 'Rio de Janeiro',
  'Asia/Kolkata': 'Mumbai|Delhi|New Delhi|Bangalore|Bengaluru',
  'Asia/Shanghai': 'Beijing|Shenzhen',
  'Asia/Tokyo': 'Osaka',
  'Asia/Dubai': 'Abu Dhabi',
  'Europe/Berlin': 'Munich|Frankfurt',
  'Europe/Zurich': 'Geneva',
  'Pacific/Auckland': 'Wellington'
};

// Country names people type that Intl does not give, as ISO 3166 codes.
const COUNTRIES = {
  usa: 'US', us: 'US', america: 'US', uk: 'GB', england: 'GB', britain: 'GB', 'great britain': 'GB',
  scotland: 'GB', wales: 'GB', uae: 'AE', holland: 'NL', korea: 'KR', turkey: 'TR', 'czech republic': 'CZ'
};

// Ranks, best first. Partial matches are looked for only when nothing matches exactly.
const RANK = { name: 0, city: 1, countryFirst: 2, country: 3, link: 4, abbreviation: 5, abbreviationLater: 6, offset: 7 };
const PARTIAL_RANK = { cityPrefix: 8, countryPrefix: 9, wordPrefix: 10, substring: 11 };

// Lower case, no accents, and "_", "-" or runs of spaces as one space: "São_Paulo" -> "sao paulo".
export function normalize(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[_\s-]+/g, ' ').trim();
}

// "UTC+05:30", "GMT-8", "+9", "utc +0530" as seconds east of UTC; null for anything else.
export function parseOffset(text) {
  const m = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?:[:.h]?(\d{2}))?$/i.exec(String(text).trim());
  if (!m || Number(m[2]) > 14 || Number(m[3] || 0) > 59) return null;
  return (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 3600 + Number(m[3] || 0) * 60);
}

// 19800 -> "UTC+5:30", -28800 -> "UTC-8", 0 -> "UTC+0".
export function offsetLabel(seconds) {
  const size = Math.abs(seconds);
  const minutes = Math.floor(size / 60) % 60;
  return 'UTC' + (seconds < 0 ? '-' : '+') + Math.floor(size / 3600) + (minutes ? ':' + String(minutes).padStart(2, '0') : '');
}

// A city as a zone name writes it: "America/Argentina/Buenos_Aires" -> "Buenos Aires".
const cityOf = (name) => name.slice(name.lastIndexOf('/') + 1).replace(/_/g, ' ');

// Zones found only by their exact name: Etc/GMT+5 (whose sign reads backwards), the
// POSIX-style EST5EDT, CET or Factory. Etc/UTC is listed, as "UTC".
const isHidden = (name) => name !== 'Etc/UTC' && (name.startsWith('Etc/') || !name.includes('/'));

// regionNames(code) -> the country's names to search, the first shown ("India").
// Made from Intl.DisplayNames in English and the given locales.
export function regionNamer(locales = ['en']) {
  const namers = [];
  for (const locale of locales) {
    try {
      namers.push(new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      // a browser without Intl.DisplayNames, or an unknown locale: codes only
    }
  }
  return (code) => {
    const names = [];
    for (const namer of namers) {
      try {
        const name = namer.of(code);
        if (name && name !== code && !names.includes(name)) names.push(name);
      } catch {
        // a code Intl does not know
      }
    }
    return names;
  };
}

// The searchable form of the catalog: {entries, byName, countries: Map(code -> names)}.
export function zoneIndex(zones, regionNames = regionNamer()) {
  const countries = new Map();
  for (const [alias, code] of Object.entries(COUNTRIES)) countries.set(alias, code);
  const countryNames = new Map();
  const entries = zones.map((zone, order) => {
    for (const { code } of zone.countries) {
      if (countryNames.has(code)) continue;
      const names = regionNames(code);
      countryNames.set(code, names[0] || code);
      // "Myanmar (Burma)" is also found as "Myanmar" and as "Burma".
      for (const name of names) for (const part of [name, ...name.split(/\s*[()]\s*/)]) if (part) countries.set(normalize(part), code);
    }
    return entryOf(zone, order, countryNames);
  });
  return { entries, byName: new Map(entries.map((e) => [e.name, e])), countries, countryNames };
}

function entryOf(zone, order, countryNames) {
  const names = [zone.name, ...zone.links];
  const cities = [cityOf(zone.name), ...zone.links.filter((l) => l.includes('/')).map(cityOf)];
  if (CITIES[zone.name]) cities.push(...CITIES[zone.name].split('|'));
  const now = zone.offsets[0];
  const first = zone.countries[0];
  return {
    name: zone.name,
    order,
    label: zone.name === 'Etc/UTC' ? 'UTC' : zone.name,
    place: zone.name === 'Etc/UTC' ? 'Coordinated Universal Time'
      : cityOf(zone.name) + (first ? ', ' + countryNames.get(first.code) : ''),
    hidden: isHidden(zone.name),
    offset: now.offset,
    abbreviation: /^[A-Za-z]+$/.test(now.abbreviation) ? now.abbreviation : '',
    abbreviations: zone.offsets.map((o) => o.abbreviation.toUpperCase()),
    countries: zone.countries,
    names: names.map((n) => [n, normalize(n)]),
    cities: cities.map((c) => [c, normalize(c)])
  };
}

// The zones a query finds, best first: [{entry, hint}], hint saying why when the row
// would not show it ("Asia/Calcutta", "Mumbai", "Germany", "IST part of the year").
export function searchZones(index, query) {
  const q = normalize(query);
  if (!q) return [];
  const found = new Map();
  const add = (entry, rank, hint = '') => {
    const seen = found.get(entry.name);
    if (!seen || rank < seen.rank) found.set(entry.name, { entry, rank, hint });
  };
  const offset = parseOffset(query);
  const country = index.countries.get(q);
  for (const entry of index.entries) {
    if (entry.hidden) {
      if (/[\d/]/.test(q) && entry.names.some(([, key]) => key === q)) add(entry, RANK.name);
      continue;
    }
    exactMatches(entry, q, add);
    if (country) {
      const row = entry.countries.find((c) => c.code === country);
      if (row) add(entry, row.first ? RANK.countryFirst : RANK.country, index.countryNames.get(country));
    }
    if (offset !== null && entry.offset === offset) add(entry, RANK.offset);
  }
  abbreviationMatches(index, query.trim().toUpperCase(), add);
  let results = [...found.values()];
  if (!results.length && offset === null) {
    for (const entry of index.entries) if (!entry.hidden) partialMatches(entry, q, index, add);
    results = [...found.values()];
  }
  return results.sort((a, b) => a.rank - b.rank || a.entry.order - b.entry.order).map(({ entry, hint }) => ({ entry, hint }));
}

function exactMatches(entry, q, add) {
  entry.names.forEach(([name, key], i) => {
    if (key !== q) return;
    // A legacy name without a region ("Japan", "Iceland") ranks below a country of that name.
    add(entry, i && !name.includes('/') ? RANK.link : RANK.name, i && name !== entry.label ? name : '');
  });
  entry.cities.forEach(([city, key], i) => {
    if (key === q) add(entry, RANK.city, i ? city : '');
  });
}

// "IST": the zones that use it now, then those that use it part of the year. "PT",
// "ET", "AET", which name no zone's abbreviation, stand for the pair PST and PDT.
function abbreviationMatches(index, text, add) {
  if (!/^[A-Z]{2,5}$/.test(text)) return;
  let any = false;
  for (const entry of index.entries) {
    if (entry.hidden || !entry.abbreviations.includes(text)) continue;
    any = true;
    const now = entry.abbreviations[0] === text;
    add(entry, now ? RANK.abbreviation : RANK.abbreviationLater, now ? '' : text + ' part of the year');
  }
  if (any || !text.endsWith('T')) return;
  const [standard, daylight] = [text.slice(0, -1) + 'ST', text.slice(0, -1) + 'DT'];
  for (const entry of index.entries) {
    if (!entry.hidden && entry.abbreviations.includes(standard) && entry.abbreviations.includes(daylight)) {
      add(entry, RANK.abbreviation, standard + '/' + daylight);
    }
  }
}

// While a name is being typed: the start of a city or country, of any word of a
// zone's names, then any part of them (three letters or more).
function partialMatches(entry, q, index, add) {
  for (const [city, key] of entry.cities) {
    if (key.startsWith(q)) add(entry, PARTIAL_RANK.cityPrefix, normalize(cityOf(entry.name)) === key ? '' : city);
  }
  for (const { code } of entry.countries) {
    const name = index.countryNames.get(code);
    if (normalize(name).startsWith(q)) add(entry, PARTIAL_RANK.countryPrefix, name);
  }
  for (const [name, key] of entry.names) {
    const hint = name === entry.name ? '' : name;
    if (key.split(/[ /]/).some((word) => word.startsWith(q))) add(entry, PARTIAL_RANK.wordPrefix, hint);
    else if (q.length >= 3 && key.includes(q)) add(entry, PARTIAL_RANK.substring, hint);
  }
}

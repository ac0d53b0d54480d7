// The example feeds in data/ against the public pages they were made from
// (../shared/seeds): every talk a page lists is in its feed, on the page's date,
// with the page's title, series and links. The pages are read here with their own
// small patterns, not with scripts/feeds/stanford_from_seed.py that wrote the feed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const seedDir = new URL('../shared/seeds/', root);
const feed = (name) => JSON.parse(readFileSync(new URL('data/' + name, root), 'utf8'));
const seed = (prefix) => readFileSync(new URL(readdirSync(seedDir).find((f) => f.startsWith(prefix)), seedDir), 'utf8');

// "M 10/20/25", then the speakers, then "[Title](url)": one talk of the Stanford page.
const STANFORD_TALK = /^(?:[MTWRF] )?(\d+)\/(\d+)\/(\d\d)\n+(.+)\n+\[(.+)\]\((\S+)\)$/gm;
const SECTION_SERIES = [['2025 “Hidden Layer” Series', 'hidden-layer-2025'],
  ['Systems for Machine Learning Limited Series', 'systems-ml-2023'],
  ['Foundation Models Limited Series', 'fm-2023'], ['Previous Talks', 'weekly']];

function stanfordPageTalks(text) {
  const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => ({ at: m.index, title: m[1] }));
  return [...text.matchAll(STANFORD_TALK)].map((m) => {
    const section = sections.filter((s) => s.at < m.index).pop().title;
    const pad = (n) => String(n).padStart(2, '0');
    const rest = text.slice(m.index + m[0].length).split(/^(?:[MTWRF] )?\d+\/\d+\/\d\d$|^## /m)[0];
    return {
      date: `20${m[3]}-${pad(m[1])}-${pad(m[2])}`, title: m[5],
      series: SECTION_SERIES.find(([title]) => title === section)[1],
      link: (rest.match(/\*\*\[(?:Livestream|Video) Link\]\((\S+)\)\*\*/) || [])[1]
    };
  });
}

test('the Stanford feed carries every talk of the seminar page', () => {
  const page = stanfordPageTalks(seed('001_'));
  const talks = feed('stanford-mlsys-seminar.json').talks;
  assert.equal(page.length, 87);
  assert.equal(talks.length, 87);
  for (const listed of page) {
    const talk = talks.find((t) => t.start.slice(0, 10) === listed.date);
    assert.ok(talk, `no talk on ${listed.date} (${listed.title})`);
    assert.equal(talk.title, listed.title);
    assert.equal(talk.series, listed.series, talk.id);
    assert.ok(Object.values(talk.links).includes(listed.link), `${talk.id}: ${listed.link}`);
  }
});

test('the Stanford feed says which times it assumed', () => {
  const { description, timezone } = feed('stanford-mlsys-seminar.json');
  assert.equal(timezone, 'America/Los_Angeles');
  assert.match(description, /Pacific time \(America\/Los_Angeles\)/);
  assert.match(description, /3:30-4:30 pm PT/);
});

test('the CDS feed has the announcement\'s time, room and zone note', () => {
  const text = seed('004_');
  const cds = feed('cds-faculty-candidate-2025.json');
  assert.match(text, /Starts: 10:00 am on Tuesday, January 21, 2025/);
  assert.match(text, /Ends: 11:00 am on Tuesday, January 21, 2025/);
  assert.deepEqual([cds.talks[0].start, cds.talks[0].end], ['2025-01-21T10:00', '2025-01-21T11:00']);
  assert.match(text, /- Location:\n- CDS 1646/);
  assert.equal(cds.location, 'CDS 1646');
  assert.match(cds.description, /US Central time \(America\/Chicago\)/);
});

// Deterministic talk feeds for the benchmark: N talks over two years, local start
// times in several IANA zones, varied durations, series, speakers and abstracts.
// Writes talktime feeds and, for the Intl floor, the same talks with epoch starts
// (computed with luxon, independently of talktime).
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DateTime } = require('luxon');

function random(seed) {  // mulberry32
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zones = ['America/Los_Angeles', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo'];
const words = ('model training inference memory bandwidth accelerator compiler kernel scheduling sparsity quantization ' +
  'distributed systems data pipeline latency throughput benchmark hardware software graph attention transformer ' +
  'efficient scalable robust evaluation serving cluster storage network optimisation gradient parameter cache').split(' ');
const first = ['Ana', 'Tri', 'Chris', 'Mark', 'Yejin', 'Tim', 'Ce', 'Susan', 'Jared', 'Beidi', 'Kaoutar', 'Martin', 'Zhang', 'Priya', 'Olu', 'Søren', 'Ingrid', 'José'];
const last = ['Klimovic', 'Dao', 'Lattner', 'Zhao', 'Choi', 'Dettmers', 'Zhang', 'Kaplan', 'Chen', 'El Maghraoui', 'Maas', 'Wang', 'Kästner', 'Okafor', 'Nakamura', 'Ruiz'];
const places = ['ETH Zürich', 'Stanford University', 'Google DeepMind', 'IBM Research', 'Carnegie Mellon University', 'NVIDIA', 'University of Tokyo', 'Meta'];

export function makeFeed(n, seed = 42) {
  const rnd = random(seed + n);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const sentence = (k) => Array.from({ length: k }, () => pick(words)).join(' ');
  const series = Array.from({ length: 6 }, (_, i) => ({ id: `series-${i}`, title: `Series ${i}: ${sentence(3)}` }));
  const talks = [];
  const epochTalks = [];
  const base = DateTime.fromISO('2026-01-05T00:00', { zone: 'UTC' });
  for (let i = 0; i < n; i++) {
    const zone = pick(zones);
    const day = Math.floor(rnd() * 730);
    const local = base.plus({ days: day }).set({ hour: 8 + Math.floor(rnd() * 11), minute: pick([0, 15, 30, 45]) });
    const start = local.toFormat("yyyy-LL-dd'T'HH:mm");
    const duration = pick([20, 30, 45, 50, 60, 90, 120]);
    const speakers = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ name: `${pick(first)} ${pick(last)}`, affiliation: pick(places) }));
    const talk = {
      id: `talk-${i}`, title: `${sentence(4 + Math.floor(rnd() * 6))} ${i}`, start, duration, timezone: zone,
      series: pick(series).id, speakers, abstract: `${sentence(20 + Math.floor(rnd() * 25))}.\n\n${sentence(10 + Math.floor(rnd() * 20))}.`,
      tags: [pick(words), pick(words)], kind: rnd() < 0.08 ? 'break' : 'talk',
      links: { video: `https://example.org/video/${i}` },
    };
    talks.push(talk);
    const epoch = DateTime.fromISO(start, { zone }).toSeconds();
    epochTalks.push({ id: talk.id, title: talk.title, start: epoch, end: epoch + duration * 60, speakers: speakers.map((s) => s.name).join(', ') });
  }
  return {
    feed: { talktime: 1, title: `Benchmark feed of ${n} talks`, timezone: 'UTC', series, talks },
    epoch: { talks: epochTalks },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  mkdirSync(out, { recursive: true });
  for (const n of process.argv.slice(3).map(Number)) {
    const { feed, epoch } = makeFeed(n);
    writeFileSync(`${out}/feed-${n}.json`, JSON.stringify(feed));
    writeFileSync(`${out}/epoch-${n}.json`, JSON.stringify(epoch));
  }
}

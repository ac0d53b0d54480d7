#!/usr/bin/env python3
"""Brings data/stanford-mlsys-seminar.json in line with the seminar's public page.

The page (a copy is ../shared/seeds/001_*.txt) lists every talk as: a date line
("M 10/20/25" or "5/19/22"), the speakers ("Name (Affiliation)"), "[Title](video)",
"Abstract" and its paragraphs, "**Bio:** ...", and "**[Livestream Link](url)**".
Talks already in the feed keep their curated fields (tags, affiliations, bios); the
others are added from the page. Run it again after the page changes:

    python3 scripts/feeds/stanford_from_seed.py ../shared/seeds/001_ac77f99de8485605.txt
"""
import json
import re
import sys
from datetime import date
from pathlib import Path

FEED = Path(__file__).resolve().parents[2] / 'data' / 'stanford-mlsys-seminar.json'
DATE_LINE = re.compile(r'^(?:[MTWRF] )?(\d{1,2})/(\d{1,2})/(\d{2})\s*$')
LINK = re.compile(r'^\[(.+)\]\((https?://[^)\s]+)\)\s*$')
BOLD_LINK = re.compile(r'^\*\*\[(Livestream|Video) Link\]\((https?://[^)\s]+)\)\*\*\s*$')
# The page's sections, in the order they appear, and the series each one is.
SECTIONS = [('## 2025', 'hidden-layer-2025'), ('## Systems for Machine Learning', 'systems-ml-2023'),
            ('## Foundation Models', 'fm-2023'), ('## Previous Talks', 'weekly')]
# Start (Pacific time) and length per series: the page gives them for the two 2023
# series; the others are the feed's stated assumption (see its description).
SLOTS = {'hidden-layer-2025': ('15:30', 60), 'systems-ml-2023': ('10:30', 60),
         'fm-2023': ('15:30', 50), 'weekly': ('15:30', 60)}
# Tags for talks the feed did not have yet, from words in their titles (abstracts
# mention too much in passing); mostly the vocabulary the curated talks already use.
TAG_WORDS = [('LLMs', r'\blanguage models?\b|\bLLMs?\b|GPT|foundations?'), ('transformers', r'\btransformers?\b'),
             ('distributed training', r'\bdistributed\b|horovod'), ('federated learning', r'\bfederated\b'),
             ('data-centric AI', r'data-centric|training data|data quality|datasets?\b'),
             ('MLOps', r'\bMLOps\b|in production|monitoring|feature stores?'),
             ('ML platforms', r'\bplatforms?\b|framework|toolbox|infrastructure|H2O|JAX'),
             ('compilers', r'\bcompil'), ('on-device', r'\bdevices?\b|\bon-device\b|tiny ?ML'),
             ('robustness', r'\brobust'), ('security', r'\bsecur|\bbinary analysis'),
             ('databases', r'database|data systems|query|dataframe'),
             ('recommender systems', r'recommend'), ('hardware', r'hardware|chip|datacenters?'),
             ('efficiency', r'\befficien|carbon|sustainab'), ('scaling', r'\bscal(e|able|ing)\b|large-scale'),
             ('testing', r'\btesting\b|debugging|reliability'), ('NLP', r'\bNLP\b|translation|chatbots?|language')]


def slug(text):
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')


def speakers_of(line):
    match = re.match(r'^(.*?)\s*\(([^()]*)\)\s*$', line)
    names, affiliation = (match.group(1), match.group(2)) if match else (line, None)
    people = [n.strip() for n in re.split(r',\s*|\s+and\s+|\s*&\s*', names) if n.strip()]
    return [dict(name=n, **({'affiliation': affiliation} if affiliation else {})) for n in people]


def entries(lines):
    """Yields (series, [lines of one talk]) in page order."""
    series, current = None, None
    for line in lines:
        heading = next((s for prefix, s in SECTIONS if line.startswith(prefix)), None)
        if heading or line.startswith('## '):
            if current: yield series, current
            series, current = heading, None
            continue
        if series and DATE_LINE.match(line):
            if current: yield series, current
            current = [line]
        elif current is not None:
            current.append(line)
    if current: yield series, current


def talk_from(series, block):
    month, day, year = (int(x) for x in DATE_LINE.match(block[0]).groups())
    when = date(2000 + year, month, day)
    text = [l.strip() for l in block[1:] if l.strip()]
    title, video = LINK.match(text[1]).groups()
    abstract, bio, link = [], None, None
    for line in text[2:]:
        if BOLD_LINK.match(line): link = BOLD_LINK.match(line).groups()
        elif line.startswith('**Bio:**'): bio = line[len('**Bio:**'):].strip()
        elif line != 'Abstract' and bio is None: abstract.append(line)
    speakers = speakers_of(text[0])
    if bio: speakers[0]['bio'] = bio
    start, minutes = SLOTS[series]
    kind = 'livestream' if link and link[0] == 'Livestream' else 'video'
    names = '-'.join(slug(s['name']) for s in speakers)
    talk = {'id': f'{when.isoformat()}-{names}', 'title': title,
            'start': f'{when.isoformat()}T{start}', 'duration': minutes, 'series': series,
            'speakers': speakers, 'abstract': '\n\n'.join(abstract),
            'links': {kind: link[1] if link else video}}
    talk['tags'] = [tag for tag, words in TAG_WORDS if re.search(words, title, re.I)][:4]
    return talk


def main(seed_path):
    feed = json.loads(FEED.read_text(encoding='utf-8'))
    known = {t['start'][:10]: t for t in feed['talks']}
    lines = Path(seed_path).read_text(encoding='utf-8').splitlines()
    talks = []
    for series, block in entries(lines):
        talk = talk_from(series, block)
        talks.append(known.get(talk['start'][:10], talk))
    feed['talks'] = sorted(talks, key=lambda t: t['start'])
    FEED.write_text(json.dumps(feed, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    print(f'{FEED.name}: {len(talks)} talks ({len(talks) - len(known)} added from the page)')


if __name__ == '__main__':
    main(sys.argv[1])

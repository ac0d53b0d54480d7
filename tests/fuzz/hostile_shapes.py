#!/usr/bin/env python3
"""Writes the hostile input shapes of issue 15 (SECURITY.md), about 1 MB each, one
folder per fuzz target: OUT/<target>/<shape>. ctest's replay tests and
scripts/fuzz.sh run each target on them, so the linear-time property
(tests/fuzz/fuzz_support.hpp) is checked where work used to grow with the square of
the input.

    python3 tests/fuzz/hostile_shapes.py OUT [--scale S]   (S divides the sizes)
"""
import argparse
import os

START = '"start":"2024-05-02T10:00Z"'


def talk(i, extra=''):
    return '{"id":"t%d","title":"T",%s%s}' % (i, START, extra)


def feed(talks, head=''):
    return '{"talktime":1,%s"talks":[%s]}' % (head, ','.join(talks))


def feed_shapes(n):
    keys = ','.join('"k%d":0' % i for i in range(n))
    tags = ','.join('"tag%d"' % i for i in range(n // 2))
    series = ','.join('{"id":"%s%08d"}' % ('s' * 40, i) for i in range(n // 10))
    return {
        # 100,000 members in one object took 20.8 s: each searched among the earlier ones
        'object-members': feed([], '"x":{%s},' % keys),
        'talk-members': feed(['{"id":"t",%s,"title":"T",%s}' % (keys, START)]),
        # a talk's tags, each searched among the earlier ones
        'tags': feed([talk(0, ',"tags":[%s]' % tags)]),
        # each talk naming its own undeclared series; then each in a declared one
        'undeclared-series': feed([talk(i, ',"series":"s%d"' % i) for i in range(n // 10)]),
        'declared-series': feed([talk(i, ',"series":"%s%08d"' % ('s' * 40, i)) for i in range(n // 10)],
                                '"series":[%s],' % series),
        # problems after a long stretch of text, each located by a walk from byte 0
        'late-problems': feed([talk(i, ',"kind":"zzz"') for i in range(150)], '"pad":"%s",' % ('a' * (10 * n))),
        # every talk bad: counted past the hundredth
        'bad-talks': feed(['1'] * (n // 2)),
        # the same derived id, numbered
        'same-derived-ids': feed(['{"title":"Same","start":"2024-05-02"}'] * (n // 40)),
    }


def calendar(inside_event, after_event=''):
    return ('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240502T100000Z\r\n' + inside_event +
            'END:VEVENT\r\n' + after_event + 'END:VCALENDAR\r\n')


def calendar_shapes(n):
    return {
        # 16 MiB of these grew memory to 427 MB: every line was kept
        'blank-properties': calendar('SUMMARY:A\r\n', 'X:\r\n' * (n * 2)),
        # 16 MiB of control bytes in one SUMMARY: 490 MB and 12.5 s
        'control-bytes': calendar('SUMMARY:' + '\x01' * (n * 10) + '\r\n'),
        # one CATEGORIES line of 100,000 values took 14.4 s
        'categories': calendar('SUMMARY:A\r\nCATEGORIES:%s\r\n' % ','.join('t%d' % i for i in range(n))),
    }


def frab_shapes(n):
    events = ','.join(
        '{"id":%d,"guid":"g%d","date":"2024-05-10T10:00:00+02:00","start":"10:00","duration":"00:30",'
        '"room":"Hall","title":"T%d","type":"talk","persons":[],"links":[]}' % (i, i, i) for i in range(n // 10))
    return {
        'many-events': '{"schedule":{"version":"1","conference":{"acronym":"a","title":"A","start":"2024-05-10",'
                       '"end":"2024-05-10","days":[{"index":1,"date":"2024-05-10","rooms":{"Hall":[%s]}}]}}}' % events,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('out')
    parser.add_argument('--scale', type=int, default=1)
    args = parser.parse_args()
    n = 100000 // args.scale
    feeds = feed_shapes(n)
    targets = {'fuzz_feed_parser': feeds, 'fuzz_json_tape': feeds, 'fuzz_render': {k: feeds[k] for k in ('undeclared-series', 'declared-series')},
               'fuzz_import_ical': calendar_shapes(n), 'fuzz_import_frab': frab_shapes(n)}
    for target, shapes in targets.items():
        folder = os.path.join(args.out, target)
        os.makedirs(folder, exist_ok=True)
        for name, text in shapes.items():
            with open(os.path.join(folder, name), 'w', encoding='utf-8', newline='') as f:
                f.write(text)


if __name__ == '__main__':
    main()

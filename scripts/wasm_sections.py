#!/usr/bin/env python3
"""Prints the size of each large section of WebAssembly files, raw and gzip -9
(docs/module-sizes.md). usage: python3 scripts/wasm_sections.py FILE.wasm..."""
import gzip
import sys

NAMES = {0: "custom", 1: "type", 2: "import", 3: "func", 4: "table", 5: "memory", 6: "global", 7: "export",
         8: "start", 9: "elem", 10: "code", 11: "data", 12: "datacount"}


def leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


for path in sys.argv[1:]:
    data = open(path, "rb").read()
    i, sections = 8, []
    while i < len(data):
        section_id = data[i]
        size, i = leb128(data, i + 1)
        sections.append((NAMES.get(section_id, str(section_id)), size, len(gzip.compress(data[i:i + size], 9))))
        i += size
    print(path + ": " + ", ".join(f"{name} {size} ({packed} gzip)" for name, size, packed in sections if size > 1000))

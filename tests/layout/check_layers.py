#!/usr/bin/env python3
"""Checks that each folder of src/ includes only the layers beneath it
(common < time < feed < view < formats < wasm, cli) and that the command-line
tool includes only public headers (and its own, cli/). Exits 1 and names each upward include."""
import pathlib
import re
import sys

LAYERS = ["common", "time", "feed", "view", "formats", "wasm", "cli"]
# Each public header belongs to the layer of the source file that implements it.
PUBLIC = {"diagnostic": "common", "version": "common", "time_zone": "time", "time_text": "time", "feed": "feed",
          "schedule": "view", "html_renderer": "view", "render_text": "view"}

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])
include = re.compile(r'#include "([^"]+)"')


def rank(layer):
    return LAYERS.index(layer) if layer in ("common", "time", "feed", "view", "formats") else len(LAYERS)


def layer_of(target):
    first, _, rest = target.partition("/")
    if first == "talktime":
        return PUBLIC.get(pathlib.Path(rest).stem, "formats")
    return first


problems = []
for path in sorted((root / "src").rglob("*")):
    if path.suffix not in (".cpp", ".hpp"):
        continue
    layer = path.relative_to(root / "src").parts[0]
    for line_number, line in enumerate(path.read_text().splitlines(), 1):
        found = include.match(line.strip())
        if not found:
            continue
        target = found.group(1)
        where = f"{path.relative_to(root)}:{line_number}"
        if layer == "cli" and not target.startswith(("talktime/", "cli/")):
            problems.append(f"{where}: the CLI includes the private header {target}")
        elif "/" in target and layer_of(target) not in LAYERS:
            problems.append(f"{where}: {target} is in no layer")
        elif "/" in target and rank(layer_of(target)) > rank(layer):
            problems.append(f"{where}: {layer} includes {target} from the higher layer {layer_of(target)}")
for header in sorted((root / "include" / "talktime").glob("*.hpp")):
    layer = layer_of("talktime/" + header.name)
    for line_number, line in enumerate(header.read_text().splitlines(), 1):
        found = include.match(line.strip())
        if found and header.name != "talktime.hpp" and rank(layer_of(found.group(1))) > rank(layer):
            problems.append(f"{header.relative_to(root)}:{line_number}: {layer} includes {found.group(1)}")
print("\n".join(problems) if problems else "layers: every include points down")
sys.exit(1 if problems else 0)

// Sections of a Markdown file that one benchmark script owns inside a file another
// one writes: docs/benchmarks.md is rewritten by run_bench.mjs, and its hostile-shapes
// section (between <!-- begin hostile-shapes --> and <!-- end hostile-shapes -->) by
// hostile_shapes.mjs; each keeps the other's part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const markers = (name) => [`<!-- begin ${name} -->`, `<!-- end ${name} -->`];

// The section's text in `text` (markers included), or '' when it has none.
export function sectionOf(text, name) {
  const [begin, end] = markers(name);
  const from = text.indexOf(begin), to = text.indexOf(end);
  return from >= 0 && to > from ? text.slice(from, to + end.length) : '';
}

// `text` with the section replaced by `body` (added at the end when it is not there).
export function withSection(text, name, body) {
  const [begin, end] = markers(name);
  const section = `${begin}\n${body.trimEnd()}\n${end}`;
  const old = sectionOf(text, name);
  return old ? text.replace(old, () => section) : `${text.trimEnd()}\n\n${section}\n`;
}

// Writes `body` as the section of the file (created when missing).
export function writeSection(file, name, body) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, withSection(text, name, body));
}

// User Timing marks (talktime:engine-ready, talktime:feed-opened, talktime:ready) for
// the benchmarks and for site owners' own measurements.
export function mark(name) {
  try {
    performance.mark('talktime:' + name);
  } catch {
    // very old browsers have no User Timing
  }
}

// Shared by the benchmark pages: every long main-thread task (Long Tasks API) and the
// scripts of the longest animation frame (Long Animation Frames API, for naming what a
// long task ran), "next painted frame", and the defaults a page without an idle phase uses.
window.__longTasks = [];
window.__longestFrame = null;
var longTaskObserver = null;
function keepLongTasks(entries) {
  entries.forEach(function (e) { window.__longTasks.push({ start: e.startTime, duration: e.duration }); });
}
try {
  longTaskObserver = new PerformanceObserver(function (list) { keepLongTasks(list.getEntries()); });
  longTaskObserver.observe({ type: 'longtask', buffered: true });
} catch (e) { /* no Long Tasks API */ }
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (window.__longestFrame && window.__longestFrame.duration >= e.duration) return;
      window.__longestFrame = { start: e.startTime, duration: e.duration, scripts: (e.scripts || []).map(function (s) {
        return { duration: s.duration, invoker: s.invoker, source: (s.sourceURL || '').replace(/^.*\//, ''), fn: s.sourceFunctionName };
      }) };
    });
  }).observe({ type: 'long-animation-frame', buffered: true });
} catch (e) { /* no Long Animation Frames API */ }
window.__params = new URLSearchParams(location.search);
window.__nextFrame = function () {
  return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
};
// The longest task that started at or after `from` (ms on the page's clock).
window.__longestSince = function (from) {
  if (longTaskObserver) keepLongTasks(longTaskObserver.takeRecords());  // entries not yet delivered
  return window.__longTasks.filter(function (t) { return t.start >= from; })
    .reduce(function (a, t) { return t.duration > a.duration ? t : a; }, { start: NaN, duration: 0 });
};
// Time from the action to the next frame, and the longest task in between.
window.__time = async function (action) {
  var t0 = performance.now();
  await action();
  await window.__nextFrame();
  var ms = performance.now() - t0;
  return { ms: ms, longest: window.__longestSince(t0).duration };
};
// Pages that put everything in the document at once are idle when ready.
window.__idle = function () { return Promise.resolve(); };
window.__marks = function () {
  return performance.getEntriesByType('mark').map(function (m) { return { name: m.name, at: m.startTime }; });
};

// Shared by the benchmark pages: the longest main-thread task, and "next painted frame".
window.__longest = 0;
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__longest = Math.max(window.__longest, e.duration); });
  }).observe({ type: 'longtask', buffered: true });
} catch (e) { /* no Long Tasks API */ }
window.__params = new URLSearchParams(location.search);
window.__nextFrame = function () {
  return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
};
window.__time = async function (action) {
  var t0 = performance.now();
  await action();
  await window.__nextFrame();
  return performance.now() - t0;
};

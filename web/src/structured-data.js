// schema.org Events for every talk the page offers (widget.js structuredDataScope), in the
// host document's <head> where search engines look: written at once the first time
// (crawlers may not wait), and again, after a pause, when a reloaded feed changes them.

const WRITE_DELAY_MS = 300;

// describe(request) returns the JSON-LD text of the talks a request selects, or '' when there is none to
// write, or a Promise of either (the full module writes it: web/src/core.js). Returns {schedule(request), remove()}.
export function structuredData(key, describe) {
  let script = null;
  let timer = 0;
  let removed = false;
  let latest = 0;
  const write = (described) => {
    const ticket = ++latest;
    if (!described || typeof described.then !== 'function') return show(described);
    described.then((text) => {
      if (ticket === latest && !removed) show(text);
    }, (error) => console.warn('talktime: no structured data: ' + (error && error.message || error)));
  };
  const show = (text) => {
    if (!text) return;
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.setAttribute('data-talktime', key);
      document.head.appendChild(script);
    }
    script.textContent = text;  // a data block: never executed, and text cannot end the element
  };
  return {
    schedule(request) {
      clearTimeout(timer);
      if (!script) write(describe(request));
      else timer = setTimeout(() => write(describe(request)), WRITE_DELAY_MS);
    },
    remove() {
      removed = true;
      clearTimeout(timer);
      if (script) script.remove();
    }
  };
}

// The browser loader: finds where to mount, fetches the feed, hands it to the
// C++ core (createTalkTimeCore, bundled in the same closure), and puts the
// escaped markup the core renders into a shadow root with the controls around
// it. It adds exactly one global, TalkTime. See README.md for the embedding contract.

var scriptElement = document.currentScript;
var corePromise = null;
var loadedCore = null;
var sharedSheet = null;
var widgetCount = 0;
var FEED_TIMEOUT_MS = 20000;  // data-timeout (seconds) overrides
var TICK_MS = 30000;
var ZONE_KEY = 'talktime.zone';
var PAGE_SIZE = 12;  // talks rendered at once (two or three screens); "Show more" and scrolling add another page
var JSONLD_DELAY_MS = 300;  // structured data is rewritten once the view stops changing

// User Timing marks for benchmarks and for site owners' own measurements.
function mark(name) {
  try { performance.mark('talktime:' + name); } catch (e) { /* very old browsers */ }
}

// talktime.wasm sits next to talktime.js; pages opened from file:// may not fetch
// it, so there the same bytes come from talktime.wasm.js, loaded as a script.
var scriptURL = scriptElement && scriptElement.src ? scriptElement.src : document.baseURI;

function inlineWasm() {
  return new Promise(function (resolve, reject) {
    var script = document.createElement('script');
    var received = function (event) {
      document.removeEventListener('talktime:wasm', received);
      var text = atob(event.detail);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      script.remove();
      resolve(bytes);
    };
    document.addEventListener('talktime:wasm', received);
    script.onerror = function () {
      document.removeEventListener('talktime:wasm', received);
      reject(new Error('talktime.wasm.js was not found next to talktime.js'));
    };
    script.src = new URL('talktime.wasm.js', scriptURL).href;
    document.head.appendChild(script);
  });
}

function loadCore() {
  if (!corePromise) {
    var moduleArg = {
      locateFile: function (path) { return new URL(/\.wasm$/.test(path) ? 'talktime.wasm' : path, scriptURL).href; }
    };
    var bytes = /^file:/.test(scriptURL) ? inlineWasm() : Promise.resolve(null);
    corePromise = bytes.then(function (wasmBinary) {
      if (wasmBinary) moduleArg.wasmBinary = wasmBinary;
      return createTalkTimeCore(moduleArg);
    }).then(function (core) {
      loadedCore = core;
      mark('engine-ready');
      return core;
    }, function (error) {
      corePromise = null;  // a later mount may try again
      throw new Error('The schedule engine could not start: ' + (error && error.message || error));
    });
  }
  return corePromise;
}

function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch (e) {
    return 'UTC';
  }
}

function defaultHour12() {
  try {
    return !!new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hour12;
  } catch (e) {
    return false;
  }
}

function rememberedZone() {
  try { return window.localStorage.getItem(ZONE_KEY); } catch (e) { return null; }
}

function rememberZone(name) {
  try {
    if (name) window.localStorage.setItem(ZONE_KEY, name);
    else window.localStorage.removeItem(ZONE_KEY);
  } catch (e) { /* storage may be disabled: the choice lasts for this page only */ }
}

// Options from data-* attributes: data-feed, data-timezone, data-show, data-series,
// data-kind, data-tag, data-now, data-hour12, data-view, data-max-bytes, data-max-depth.
function optionsFromAttributes(element) {
  var d = element.dataset;
  var options = {};
  ['feed', 'timezone', 'show', 'series', 'kind', 'tag', 'now', 'view', 'format'].forEach(function (key) {
    if (d[key] !== undefined && d[key] !== '') options[key] = d[key];
  });
  if (d.hour12 === 'true' || d.hour12 === 'false') options.hour12 = d.hour12 === 'true';
  if (d.maxBytes) options.maxBytes = Number(d.maxBytes);
  if (d.maxDepth) options.maxDepth = Number(d.maxDepth);
  if (d.timeout) options.timeout = Number(d.timeout);
  if (d.jsonld === 'false') options.jsonld = false;
  return options;
}

function parseNow(value) {
  if (value === undefined || value === null || value === '') return null;
  var ms = typeof value === 'number' ? value * 1000 : Date.parse(value);
  if (isNaN(ms)) throw new Error('data-now "' + value + '" is not an ISO date-time');
  return ms;
}

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function styleRoot(shadow) {
  if (shadow.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(TALKTIME_CSS);
    }
    shadow.adoptedStyleSheets = [sharedSheet];
  } else {
    shadow.appendChild(element('style', '', TALKTIME_CSS));  // older browsers
  }
}

// Reads the fragment (#a=1&b=2) as a URLSearchParams; the widget's keys carry its prefix.
function fragmentParams() {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

// "Pacific Time" for America/Los_Angeles, from the browser's own names; '' when it has none.
var zoneTitles = {};
function zoneTitle(name) {
  if (zoneTitles[name] !== undefined) return zoneTitles[name];
  var styles = ['longGeneric', 'long'];
  var title = '';
  for (var s = 0; s < styles.length && !title; s++) {
    try {
      var parts = new Intl.DateTimeFormat('en', { timeZone: name, timeZoneName: styles[s] }).formatToParts(new Date());
      for (var i = 0; i < parts.length; i++) if (parts[i].type === 'timeZoneName' && !/^GMT[+-]/.test(parts[i].value)) title = parts[i].value;
    } catch (e) { /* an older browser or a name it does not know */ }
  }
  return (zoneTitles[name] = title);
}

function loadStars(key) {
  try { return new Set(JSON.parse(window.localStorage.getItem(key) || '[]')); } catch (e) { return new Set(); }
}

function saveStars(key, stars) {
  try { window.localStorage.setItem(key, JSON.stringify(Array.from(stars))); } catch (e) { /* stars last for this page only */ }
}

// Offers `text` as a file download (a Blob URL: allowed under a strict CSP).
function download(root, filename, text, type) {
  var url = URL.createObjectURL(new Blob([text], { type: type }));
  var link = element('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
}

// A web page served where a feed was expected (an error page, a login wall)?
function looksLikeHtml(bytes) {
  for (var i = 0; i < bytes.length && i < 1024; i++) {
    var c = bytes[i];
    if (c === 0x3C) return true;  // '<' before any other non-space character
    if (c !== 0x20 && c !== 0x09 && c !== 0x0A && c !== 0x0D && c !== 0xEF && c !== 0xBB && c !== 0xBF) return false;
  }
  return false;
}

function fileName(title) {
  return (String(title || 'talks').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'talks') + '.ics';
}

var relativeFormat;
function relativeText(seconds) {
  if (relativeFormat === undefined) {
    try { relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' }); } catch (e) { relativeFormat = null; }
  }
  if (!relativeFormat) return '';
  var abs = Math.abs(seconds);
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400 * 2) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  return relativeFormat.format(Math.round(seconds / 86400), 'day');
}

function Widget(host, options) {
  this.host = host;
  this.options = options;
  this.key = host.id || 'tt' + (++widgetCount);
  this.handle = 0;
  this.core = null;
  this.abort = null;
  this.timer = null;
  this.destroyed = false;
  this.query = { text: '', series: '', kind: '', tag: '', show: 'all' };
  this.limit = PAGE_SIZE;
  this.fixedNow = parseNow(options.now);
  this.hour12 = options.hour12;  // from the browser's locale when not given: see start()
}

Widget.prototype.now = function () {
  return (this.fixedNow !== null ? this.fixedNow : Date.now()) / 1000;
};

Widget.prototype.setState = function (state) {
  this.host.setAttribute('data-talktime-state', state);
};

Widget.prototype.shadow = function () {
  if (!this.root) {
    var host = this.host;
    try {
      this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    } catch (e) {
      // Elements such as <ul> or <table> cannot host a shadow root: use a child.
      this.inner = element('div', 'talktime-host');
      host.appendChild(this.inner);
      this.root = this.inner.attachShadow({ mode: 'open' });
    }
    styleRoot(this.root);
  }
  return this.root;
};

// While loading, the host's own content (a plain list, "Loading…") stays visible.
Widget.prototype.showFallback = function () {
  var root = this.shadow();
  root.replaceChildren(element('slot'));
};

// Every feed named in data-feed (several are separated by spaces and merged), as
// [{name, bytes, format}]: the bytes as served, so the core sees (and reports) the
// encoding itself and no JavaScript string is made of a large feed. "#id" reads an
// inline <script type="application/json">.
Widget.prototype.fetchFeeds = function () {
  var names = String(this.options.feed || '').split(/\s+/).filter(Boolean);
  if (!names.length) return Promise.reject(new Error('No feed given: add data-feed="talks.json" (or "#id" of an inline JSON script).'));
  var self = this;
  var controller = typeof AbortController === 'function' ? new AbortController() : null;
  this.abort = controller;
  var limit = this.options.timeout > 0 ? this.options.timeout * 1000 : FEED_TIMEOUT_MS;
  var timedOut = false;
  var timer = setTimeout(function () { timedOut = true; if (controller) controller.abort(); }, limit);
  var format = this.options.format || '';
  return Promise.all(names.map(function (source) {
    if (source.charAt(0) === '#') {
      var inline = document.getElementById(source.slice(1));
      if (!inline) return Promise.reject(new Error('No element with id "' + source.slice(1) + '" holds the feed.'));
      return { name: source, bytes: new TextEncoder().encode(inline.textContent), format: format };
    }
    var url = new URL(source, document.baseURI).href;
    return fetch(url, { signal: controller ? controller.signal : undefined, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('The feed ' + source + ' could not be loaded: HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : '') + '.');
        return response.arrayBuffer();
      })
      .then(function (buffer) { return { name: source, bytes: new Uint8Array(buffer), format: format }; })
      .catch(function (error) {
        if (self.destroyed) throw error;
        if (timedOut) throw new Error('The feed ' + source + ' took longer than ' + limit / 1000 + ' s to load.');
        if (error && /could not be loaded/.test(error.message)) throw error;
        throw new Error('The feed ' + source + ' could not be loaded (' + (error && error.message || 'network error') + ').');
      });
  })).finally(function () { clearTimeout(timer); });
};

Widget.prototype.start = function () {
  var self = this;
  this.setState('loading');
  this.showFallback();
  var loading = Promise.all([loadCore(), this.fetchFeeds()]);
  // The page's first Intl call loads the locale data (about 40 ms here): made while
  // the feed and the engine download, not after they arrive.
  if (this.hour12 === undefined) this.hour12 = defaultHour12();
  browserZone();
  return loading.then(function (results) {
    if (self.destroyed) return self;
    self.core = results[0];
    var sources = results[1];
    var opened = JSON.parse(self.core.openFeeds(sources, JSON.stringify({
      maxBytes: self.options.maxBytes, maxDepth: self.options.maxDepth })));
    mark('feed-opened');
    self.diagnostics = opened.diagnostics;
    if (!opened.handle) {
      var first = opened.diagnostics.filter(function (d) { return d.level === 'error'; })[0];
      var text = first ? first.text : 'The feed could not be read.';
      if (first && first.code === 'feed.syntax' && sources.some(function (f) { return looksLikeHtml(f.bytes); })) text += ' (the server sent a web page, not JSON)';
      throw new Error('The feed ' + (self.options.feed || '') + ' is not a valid talk feed: ' + text);
    }
    if (self.handle) self.core.closeFeed(self.handle);
    self.handle = opened.handle;
    self.meta = opened.meta;
    self.diagnostics.forEach(function (d) {
      if (window.console) console[d.level === 'error' ? 'error' : 'warn']('talktime: ' + d.text);
    });
    self.build();
    self.setState('ready');
    mark('ready');
    self.host.dispatchEvent(new CustomEvent('talktime:ready', { bubbles: true, detail: { diagnostics: self.diagnostics } }));
    return self;
  }).catch(function (error) {
    if (self.destroyed) return self;
    self.showError(error);
    throw error;
  });
};

Widget.prototype.showError = function (error) {
  var self = this;
  var root = this.shadow();
  var box = element('div', 'tt tt-error-box');
  var alert = element('div', 'tt-error');
  alert.setAttribute('role', 'alert');
  alert.appendChild(element('strong', '', 'The schedule could not be shown. '));
  alert.appendChild(element('span', '', error && error.message ? error.message : String(error)));
  var retry = element('button', 'tt-button', 'Try again');
  retry.type = 'button';
  retry.addEventListener('click', function () {
    self.start().catch(function () {});
  });
  box.appendChild(alert);
  box.appendChild(retry);
  root.replaceChildren(box, element('slot'));
  this.setState('error');
  this.host.dispatchEvent(new CustomEvent('talktime:error', { bubbles: true, detail: { message: error && error.message } }));
};

// The display zone: a visitor's remembered choice, the page's data-timezone, the browser's.
Widget.prototype.initialZone = function () {
  var candidates = [rememberedZone(), this.options.timezone, browserZone(), 'UTC'];
  for (var i = 0; i < candidates.length; i++) {
    var name = candidates[i];
    if (name && this.describeZone(name).name) return name;
  }
  return 'UTC';
};

Widget.prototype.describeZone = function (name) {
  return JSON.parse(this.core.describeZone(name, this.now()));
};

Widget.prototype.build = function () {
  var self = this;
  var meta = this.meta;
  var params = fragmentParams();
  var p = function (name) { return params.get(self.key + '.' + name); };
  this.query = {
    text: p('q') || '',
    series: p('series') || this.options.series || '',
    kind: p('kind') || this.options.kind || '',
    tag: p('tag') || this.options.tag || '',
    show: p('show') || this.options.show || 'all'
  };
  if (['upcoming', 'past', 'all'].indexOf(this.query.show) < 0) this.query.show = 'all';
  this.zone = this.initialZone();
  // Stars live in this browser, per feed; a shared link (#<key>.starred=a,b) adds its stars.
  this.starKey = 'talktime.stars:' + (meta.url || this.options.feed);
  this.stars = loadStars(this.starKey);
  var shared = p('starred');
  this.onlyStarred = false;
  if (shared) {
    shared.split(',').filter(Boolean).forEach(function (id) { self.stars.add(id); });
    saveStars(this.starKey, this.stars);
    this.onlyStarred = true;
  }

  var root = this.shadow();
  var wrapper = element('div', 'tt' + (this.options.view === 'compact' ? ' tt-compact' : ''));
  wrapper.setAttribute('part', 'root');

  if (meta.title) wrapper.appendChild(element('p', 'tt-feed-title', meta.title));

  var toolbar = element('div', 'tt-toolbar');
  toolbar.setAttribute('role', 'search');
  toolbar.setAttribute('aria-label', 'Find talks');
  var search = element('input', 'tt-input');
  search.type = 'search';
  search.placeholder = 'Search talks, speakers, topics';
  search.setAttribute('aria-label', 'Search talks');
  search.value = this.query.text;
  search.addEventListener('input', function () { self.update({ text: search.value }); });
  toolbar.appendChild(search);
  this.search = search;

  this.selects = {};
  var addSelect = function (name, label, anyLabel, values) {
    if (values.length < 2 && !self.query[name]) return;
    var select = element('select', 'tt-select');
    select.setAttribute('aria-label', label);
    select.appendChild(new Option(anyLabel, ''));
    values.forEach(function (v) { select.appendChild(new Option(v.label, v.value)); });
    select.value = self.query[name];
    select.addEventListener('change', function () { var q = {}; q[name] = select.value; self.update(q); });
    toolbar.appendChild(select);
    self.selects[name] = select;
  };
  addSelect('series', 'Series', 'All series', meta.series.map(function (s) { return { value: s.id, label: s.title }; }));
  var kindLabels = { talk: 'Talks', keynote: 'Keynotes', invited: 'Invited talks', contributed: 'Contributed talks', panel: 'Panels', poster: 'Posters', tutorial: 'Tutorials', 'break': 'Breaks', social: 'Social', opening: 'Opening', closing: 'Closing', other: 'Other' };
  addSelect('kind', 'Kind of session', 'All kinds', meta.kinds.map(function (k) { return { value: k, label: kindLabels[k] || k }; }));
  addSelect('tag', 'Topic', 'All topics', meta.tags.map(function (t) { return { value: t, label: t }; }));

  var show = element('div', 'tt-show');
  show.setAttribute('role', 'group');
  show.setAttribute('aria-label', 'Which talks to show');
  this.showButtons = {};
  [['upcoming', 'Upcoming'], ['past', 'Past'], ['all', 'All']].forEach(function (pair) {
    var b = element('button', 'tt-button tt-toggle', pair[1]);
    b.type = 'button';
    b.addEventListener('click', function () { self.update({ show: pair[0] }); });
    show.appendChild(b);
    self.showButtons[pair[0]] = b;
  });
  toolbar.appendChild(show);

  var starredButton = element('button', 'tt-button tt-toggle', '\u2605 Starred');
  starredButton.type = 'button';
  starredButton.title = 'Show only the talks you starred';
  starredButton.addEventListener('click', function () { self.onlyStarred = !self.onlyStarred; self.update({}); });
  toolbar.appendChild(starredButton);
  this.starredButton = starredButton;

  var exportButton = element('button', 'tt-button', 'Export .ics');
  exportButton.type = 'button';
  exportButton.title = 'Download the talks shown here as a calendar file';
  exportButton.addEventListener('click', function () {
    var q = self.currentQuery();
    download(self.root, fileName(self.meta.title), self.core.ics(self.handle, JSON.stringify(q)), 'text/calendar');
  });
  toolbar.appendChild(exportButton);

  var shareButton = element('button', 'tt-button tt-link-button', 'Share starred');
  shareButton.type = 'button';
  shareButton.addEventListener('click', function () {
    self.setFragment({ starred: Array.from(self.stars).join(',') }, false);
    self.status.textContent = 'The address bar now links to your ' + self.stars.size + ' starred talks.';
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(window.location.href).catch(function () {});
  });
  toolbar.appendChild(shareButton);
  this.shareButton = shareButton;
  wrapper.appendChild(toolbar);

  wrapper.appendChild(this.buildZoneLine());

  this.status = element('p', 'tt-status');
  this.status.setAttribute('role', 'status');
  this.status.setAttribute('aria-live', 'polite');
  wrapper.appendChild(this.status);

  this.list = element('div', 'tt-list');
  this.list.addEventListener('click', function (event) {
    var star = event.target.closest && event.target.closest('.tt-star');
    if (star) {
      var id = star.closest('.tt-talk').getAttribute('data-talk-id');
      var starred = !self.stars.has(id);
      if (starred) self.stars.add(id);
      else self.stars.delete(id);
      saveStars(self.starKey, self.stars);
      if (self.onlyStarred) {
        // The talk leaves (or joins) the starred view: render it again.
        self.render();
        var again = self.list.querySelector('[data-talk-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"] .tt-star');
        if (again) again.focus();
      } else {
        // Only this button changes; open menus and the scroll position stay as they are.
        var title = star.closest('.tt-talk').querySelector('.tt-title').textContent;
        star.setAttribute('aria-pressed', String(starred));
        star.setAttribute('aria-label', (starred ? 'Unstar ' : 'Star ') + title);
        star.replaceChildren(element('span', '', starred ? '\u2605' : '\u2606'), document.createTextNode(starred ? ' Starred' : ' Star'));
        star.firstChild.setAttribute('aria-hidden', 'true');
        self.shareButton.hidden = self.stars.size === 0;
      }
      return;
    }
    var ics = event.target.closest && event.target.closest('.tt-ics');
    if (ics) {
      var talk = ics.closest('.tt-talk');
      download(self.root, fileName(talk.getAttribute('data-talk-id')),
        self.core.ics(self.handle, JSON.stringify({ ids: [talk.getAttribute('data-talk-id')], now: self.now() })), 'text/calendar');
      return;
    }
    var link = event.target.closest && event.target.closest('a.tt-permalink');
    if (link) {
      event.preventDefault();
      var item = link.closest('.tt-talk');
      self.setFragment({ talk: item.getAttribute('data-talk-id') }, true);
      self.highlight(item);
    }
  });
  // "Add to calendar" menus get their Google Calendar and Outlook links when first opened.
  this.list.addEventListener('toggle', function (event) {
    var menu = event.target;
    if (!menu.open || !menu.classList || !menu.classList.contains('tt-calendar') || menu.getAttribute('data-links')) return;
    menu.setAttribute('data-links', 'added');
    var links = JSON.parse(self.core.calendarLinks(self.handle, menu.closest('.tt-talk').getAttribute('data-talk-id')));
    var list = menu.querySelector('ul');
    [['google', 'Google Calendar'], ['outlook', 'Outlook']].forEach(function (pair) {
      if (!links[pair[0]]) return;
      var link = element('a', '', pair[1]);
      link.href = links[pair[0]];  // built by the core: https://calendar.google.com/… or https://outlook.live.com/…
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      var item = element('li');
      item.appendChild(link);
      list.appendChild(item);
    });
  }, true);  // toggle does not bubble
  wrapper.appendChild(this.list);

  this.empty = element('div', 'tt-empty');
  this.empty.hidden = true;
  this.empty.appendChild(element('p', '', 'No talks match these filters.'));
  var clear = element('button', 'tt-button', 'Show all talks');
  clear.type = 'button';
  clear.addEventListener('click', function () {
    search.value = '';
    self.onlyStarred = false;
    self.update({ text: '', series: '', kind: '', tag: '', show: 'all' });
  });
  this.empty.appendChild(clear);
  wrapper.appendChild(this.empty);

  this.more = element('button', 'tt-button tt-more');
  this.more.type = 'button';
  this.more.hidden = true;
  this.more.addEventListener('click', function () {
    self.limit += PAGE_SIZE;
    self.render();
  });
  wrapper.appendChild(this.more);
  // Scrolling to the end of the list shows the next page without a click.
  if (typeof IntersectionObserver === 'function') {
    if (this.observer) this.observer.disconnect();
    this.observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && !self.more.hidden) self.more.click();
    }, { rootMargin: '400px' });
    this.observer.observe(this.more);
  }

  var warnings = this.diagnostics.filter(function (d) { return d.level === 'error'; });
  if (warnings.length) {
    var note = element('details', 'tt-problems');
    note.appendChild(element('summary', '', warnings.length + (warnings.length === 1 ? ' talk' : ' talks') + ' in the feed could not be shown'));
    var list = element('ul');
    warnings.forEach(function (d) { list.appendChild(element('li', '', d.text)); });
    note.appendChild(list);
    wrapper.appendChild(note);
  }

  root.replaceChildren(wrapper);
  this.wrapper = wrapper;
  this.render();
  this.focusPermalink();
  clearInterval(this.timer);
  if (this.fixedNow === null) this.timer = setInterval(function () { self.tick(); }, TICK_MS);
};

Widget.prototype.buildZoneLine = function () {
  var self = this;
  var line = element('div', 'tt-zone-line');
  this.zoneText = element('p', 'tt-zone-text');
  line.appendChild(this.zoneText);

  var change = element('button', 'tt-button tt-link-button', 'Change time zone');
  change.type = 'button';
  change.setAttribute('aria-expanded', 'false');
  var panel = element('div', 'tt-zone-panel');
  panel.hidden = true;
  change.addEventListener('click', function () {
    fillZoneList();
    panel.hidden = !panel.hidden;
    change.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) input.focus();
  });
  line.appendChild(change);

  var eventZone = this.meta.zone || this.meta.eventZones[0];
  if (eventZone) {
    var eventButton = element('button', 'tt-button tt-link-button', 'Event time');
    eventButton.type = 'button';
    eventButton.title = 'Show times in ' + eventZone + ', where the event takes place';
    eventButton.addEventListener('click', function () { self.chooseZone(eventZone); });
    line.appendChild(eventButton);
  }

  var listId = 'tt-zones-' + this.key;
  var label = element('label', 'tt-zone-label', 'Time zone ');
  var input = element('input', 'tt-input');
  input.setAttribute('list', listId);
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'e.g. Europe/Berlin';
  var datalist = element('datalist');
  datalist.id = listId;
  // About 450 options: made when the panel first opens, not on every page load.
  var fillZoneList = function () {
    if (datalist.firstChild) return;
    JSON.parse(self.core.zoneNames()).forEach(function (name) {
      if (name.indexOf('/') > 0 || name === 'UTC') datalist.appendChild(new Option(name));
    });
  };
  input.addEventListener('focus', fillZoneList);
  label.appendChild(input);
  panel.appendChild(label);
  panel.appendChild(datalist);
  var apply = element('button', 'tt-button', 'Apply');
  apply.type = 'button';
  var message = element('span', 'tt-zone-message');
  message.setAttribute('role', 'alert');
  var applyZone = function () {
    message.textContent = '';
    if (!self.chooseZone(input.value.trim())) message.textContent = 'Unknown time zone "' + input.value.trim() + '". Pick a name from the list, such as Asia/Tokyo.';
  };
  apply.addEventListener('click', applyZone);
  input.addEventListener('keydown', function (e) { if (e.key === 'Enter') applyZone(); });
  input.addEventListener('change', function () { if (self.describeZone(input.value.trim()).name) applyZone(); });
  panel.appendChild(apply);
  var mine = element('button', 'tt-button tt-link-button', 'Use my time zone');
  mine.type = 'button';
  mine.addEventListener('click', function () { rememberZone(null); self.chooseZone(browserZone(), true); });
  panel.appendChild(mine);
  panel.appendChild(message);
  line.appendChild(panel);
  this.zoneInput = input;
  return line;
};

Widget.prototype.chooseZone = function (name, forget) {
  var zone = this.describeZone(name);
  if (!zone.name) return false;
  if (!forget) rememberZone(name);
  this.zone = name;
  this.render();
  return true;
};

// Renders the talks that match the query, a page at a time: the DOM stays small
// however long the feed is, so typing and zone switches stay within a frame.
Widget.prototype.render = function () {
  if (!this.handle) return;
  var request = this.currentQuery();
  request.hour12 = this.hour12;
  request.limit = this.limit;
  var view = this.core.render(this.handle, JSON.stringify(request));
  if (view.error) throw new Error(view.error);
  // The core escapes every feed string and emits only http(s)/mailto links.
  this.list.innerHTML = view.html;
  this.items = this.list.querySelectorAll('.tt-talk');
  this.matched = view.matched;
  var title = zoneTitle(this.zone);
  this.zoneText.textContent = 'Times are shown in ' + (title || view.zoneLabel) + ' (' + view.zone + ').';
  this.zoneInput.value = this.zone;
  this.status.textContent = view.count === 1 ? '1 talk' : view.count + ' talks';
  this.empty.hidden = view.matched > 0;
  this.more.hidden = view.shown >= view.matched;
  this.more.textContent = 'Show more (' + (view.matched - view.shown) + ' left)';
  for (var name in this.showButtons) this.showButtons[name].setAttribute('aria-pressed', String(name === this.query.show));
  for (var key in this.selects) this.selects[key].value = this.query[key];
  this.starredButton.setAttribute('aria-pressed', String(this.onlyStarred));
  this.shareButton.hidden = this.stars.size === 0;
  this.scheduleJsonLd(request);
  this.updateRelative();
};

// The query as the core takes it: filters, starred talks, zone and clock.
Widget.prototype.currentQuery = function () {
  var q = this.query;
  return { text: q.text, series: q.series, kind: q.kind, tag: q.tag, show: q.show, zone: this.zone, now: this.now(),
    starred: Array.from(this.stars || []), onlyStarred: !!this.onlyStarred };
};

// schema.org Events for the talks shown, in the host document where search engines
// look: written once the view has stopped changing, not on every keystroke.
Widget.prototype.scheduleJsonLd = function (request) {
  if (this.options.jsonld === false) return;
  var self = this;
  clearTimeout(this.jsonLdTimer);
  var write = function () {
    if (self.destroyed || !self.handle) return;
    self.updateJsonLd(self.core.jsonLd(self.handle, JSON.stringify(request)));
  };
  if (!this.jsonLd) write();  // the first view: at once, for crawlers that do not wait
  else this.jsonLdTimer = setTimeout(write, JSONLD_DELAY_MS);
};

Widget.prototype.updateJsonLd = function (text) {
  if (!text) return;
  if (!this.jsonLd) {
    this.jsonLd = document.createElement('script');
    this.jsonLd.type = 'application/ld+json';
    this.jsonLd.setAttribute('data-talktime', this.key);
    document.head.appendChild(this.jsonLd);
  }
  this.jsonLd.textContent = text;  // a data block: never executed, and text cannot end the element
};

Widget.prototype.update = function (changes) {
  for (var k in changes) this.query[k] = changes[k];
  if (this.search && changes.text !== undefined && this.search.value !== changes.text) this.search.value = changes.text;
  this.limit = PAGE_SIZE;
  this.render();
  var f = {};
  f.q = this.query.text; f.series = this.query.series; f.kind = this.query.kind; f.tag = this.query.tag;
  f.show = this.query.show === 'all' ? '' : this.query.show;
  // history.replaceState costs about 20 ms in Chromium: write the URL once typing pauses.
  var self = this;
  clearTimeout(this.fragmentTimer);
  this.fragmentTimer = setTimeout(function () { self.setFragment(f, false); }, 300);
};

// Writes this widget's state into the URL fragment, leaving other widgets' keys alone.
Widget.prototype.setFragment = function (values, global) {
  var params = fragmentParams();
  for (var name in values) {
    var key = global ? name : this.key + '.' + name;
    if (values[name]) params.set(key, values[name]);
    else params.delete(key);
  }
  var hash = params.toString();
  try {
    history.replaceState(history.state, '', hash ? '#' + hash : window.location.pathname + window.location.search);
  } catch (e) { /* sandboxed frames may refuse: the view still updates */ }
};

Widget.prototype.focusPermalink = function () {
  var id = fragmentParams().get('talk');
  if (!id) return;
  if (!this.list.querySelector('[data-talk-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]')) {
    // Not on the first page, or filtered out: show everything so the link lands.
    this.query = { text: '', series: '', kind: '', tag: '', show: 'all' };
    if (this.search) this.search.value = '';
    this.limit = Infinity;
    this.render();
    this.limit = PAGE_SIZE;
  }
  for (var i = 0; i < this.items.length; i++) {
    if (this.items[i].getAttribute('data-talk-id') === id) {
      var item = this.items[i];
      this.highlight(item);
      item.scrollIntoView({ block: 'center' });
      return;
    }
  }
};

Widget.prototype.highlight = function (item) {
  var previous = this.list.querySelector('.tt-target');
  if (previous) previous.classList.remove('tt-target');
  item.classList.add('tt-target');
  var details = item.querySelector('details');
  if (details) details.open = true;
};

// Relative hints for live talks and those starting within a day; a phase change re-renders.
Widget.prototype.updateRelative = function () {
  var now = this.now();
  var next = null;
  for (var i = 0; i < this.items.length; i++) {
    var item = this.items[i];
    var start = Number(item.getAttribute('data-start')), end = Number(item.getAttribute('data-end'));
    var hint = item.querySelector('.tt-relative');
    var text = '';
    if (item.getAttribute('data-status') === 'scheduled' && item.getAttribute('data-kind') !== 'break') {
      if (now >= start && now < end) text = 'ends ' + relativeText(end - now);
      else if (start > now && (start - now < 86400 || next === null)) text = 'starts ' + relativeText(start - now);
      if (start > now && next === null) next = item;
    }
    if (hint) hint.textContent = text ? ' ' + text : '';
  }
};

Widget.prototype.tick = function () {
  var now = this.now();
  for (var i = 0; i < this.items.length; i++) {
    var item = this.items[i];
    var start = Number(item.getAttribute('data-start')), end = Number(item.getAttribute('data-end'));
    var phase = now < start ? 'upcoming' : now < end ? 'live' : 'past';
    var shown = item.getAttribute('data-phase');
    // Livestream links stay prominent for a grace period after the end: re-render then too.
    if (phase !== shown || (phase === 'past' && now - end < 16 * 60 && now - end > 14 * 60)) {
      var scroll = window.scrollY;
      this.render();
      window.scrollTo(window.scrollX, scroll);
      return;
    }
  }
  this.updateRelative();
};

Widget.prototype.handle_ = function () {
  var self = this;
  return {
    element: this.host,
    setTimeZone: function (name) {
      if (!self.chooseZone(name, true)) throw new RangeError('Unknown time zone "' + name + '"');
    },
    setQuery: function (query) {
      var changes = {};
      ['text', 'series', 'kind', 'tag', 'show'].forEach(function (k) { if (query && query[k] !== undefined) changes[k] = query[k] || (k === 'show' ? 'all' : ''); });
      self.update(changes);
    },
    refresh: function () { return self.start().then(function () { return undefined; }); },
    destroy: function () { self.destroy(); },
    diagnostics: function () { return (self.diagnostics || []).slice(); }
  };
};

Widget.prototype.destroy = function () {
  this.destroyed = true;
  clearInterval(this.timer);
  clearTimeout(this.fragmentTimer);
  clearTimeout(this.jsonLdTimer);
  if (this.observer) this.observer.disconnect();
  if (this.abort) this.abort.abort();
  if (this.core && this.handle) this.core.closeFeed(this.handle);
  this.handle = 0;
  if (this.root) this.root.replaceChildren(element('slot'));
  if (this.jsonLd) this.jsonLd.remove();
  if (this.inner) this.inner.remove();
  this.host.removeAttribute('data-talktime-state');
  mounted.delete(this.host);
};

var mounted = new Map();

function mount(target, options) {
  var host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!host || host.nodeType !== 1) return Promise.reject(new Error('TalkTime.mount: no element matches ' + String(target)));
  var merged = optionsFromAttributes(host);
  for (var k in options || {}) if (options[k] !== undefined) merged[k] = options[k];
  if (mounted.has(host)) mounted.get(host).destroy();
  var widget;
  try {
    widget = new Widget(host, merged);
  } catch (error) {
    return Promise.reject(error);
  }
  mounted.set(host, widget);
  return widget.start().then(function () { return widget.handle_(); });
}

function autoMount() {
  var report = function (error) { if (window.console) console.error('talktime: ' + (error && error.message || error)); };
  if (scriptElement && scriptElement.dataset.feed) {
    var targetSelector = scriptElement.dataset.target;
    var target = targetSelector ? document.querySelector(targetSelector) : null;
    if (!target) {
      target = element('div');
      scriptElement.parentNode.insertBefore(target, scriptElement.nextSibling);
    }
    if (!mounted.has(target)) mount(target, optionsFromAttributes(scriptElement)).catch(report);
  }
  var hosts = document.querySelectorAll('[data-talktime][data-feed]');
  for (var i = 0; i < hosts.length; i++) if (!mounted.has(hosts[i])) mount(hosts[i]).catch(report);
}

window.TalkTime = {
  mount: mount,
  version: '0.1.0',
  // Bytes of WebAssembly memory in use by the engine (0 before it has started); for benchmarks.
  memory: function () { return loadedCore ? loadedCore.HEAP8.buffer.byteLength : 0; }
};
// Start the engine while the page is still parsing when this script tag will mount a widget.
if (scriptElement && scriptElement.dataset.feed) loadCore().catch(function () {});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
else autoMount();

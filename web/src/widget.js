// One mounted schedule: its lifecycle (load, build, error, destroy) and its render
// loop. The views around the talks live in their own modules; this one holds the state
// they show: the query, the zone, the stars (and a link's shared picks), and the
// core's handle to the schedule.
import { CoreError } from './core.js';
import { attachRoot, element } from './dom.js';
import { countText, createFeedAbout } from './feed-about.js';
import { heldTalks, holdsTalk } from './feed-queries.js';
import { failedFeeds, failedFeedsText, fetchFeeds, unreadableFeed } from './feeds.js';
import { browserZone, defaultHour12, parseNow } from './options.js';
import { plainReason } from './error-text.js';
import { chooseLocale, renderText, translator } from './i18n/index.js';
import { errorBox, failedFeedsNotice, logDiagnostics, logError, problemsNote } from './problems.js';
import { createSharedNotice } from './shared-notice.js';
import { subscribeMenu } from './subscribe.js';
import { addStars, loadStars, sharedPicks } from './stars.js';
import { browserStorage, eventTimeChosen, rememberEventTime, rememberZone, rememberedZone } from './storage.js';
import { structuredData } from './structured-data.js';
import { createTalkList } from './talk-list.js';
import { chosenTalk, showsTalkPage } from './talk-page.js';
import { startTicker, updateRelative } from './ticker.js';
import { mark } from './timing.js';
import { createToolbar } from './toolbar.js';
import { fragmentParams, initialQuery, queryFragment, sharedStars, writeFragment } from './url-state.js';
import { createZonePicker } from './zone-picker.js';
import { skipLink } from './keyboard.js';

// history.replaceState costs about 20 ms in Chromium: the URL is written once typing pauses.
const FRAGMENT_DELAY_MS = 300;
const EVERYTHING = { text: '', series: '', kind: '', tag: '', show: 'all' };
let widgetCount = 0;

// A value from the address bar as a message quotes it: links are untrusted and may be long.
function shortened(text, limit = 80) {
  return text.length > limit ? text.slice(0, limit) + '\u2026' : text;
}

export class Widget {
  // engine: the page's coreLoader (core.js); onDestroy(widget) is called once the widget is gone.
  constructor(host, options, engine, onDestroy) {
    this.host = host;
    this.options = options;
    this.engine = engine;
    this.onDestroy = onDestroy;
    this.key = host.id || 'tt' + (++widgetCount);
    this.fixedNow = parseNow(options.now);
    this.hour12 = options.hour12;  // from the visitor's language when not given: see start()
    // The visitor's language (data-locale, else the browser's): its words (t) and the core's
    // render text, made in start() with the other first Intl calls.
    this.language = chooseLocale(options.locale, typeof navigator === 'object' ? navigator.languages : []);
    this.t = this.language.t = translator(this.language);
    this.handle = 0;
    this.query = { ...EVERYTHING };
    this.storage = browserStorage();
    this.jsonLd = options.jsonld === false ? null
      : structuredData(this.key, (request) => this.destroyed || !this.handle ? '' : this.core.jsonLd(this.handle, request));
  }

  now() {
    return (this.fixedNow !== null ? this.fixedNow : Date.now()) / 1000;
  }

  setState(state) {
    this.host.setAttribute('data-talktime-state', state);
  }

  shadow() {
    if (!this.root) ({ root: this.root, inner: this.inner } = attachRoot(this.host));
    return this.root;
  }

  // Loads the engine and the feeds, then shows the schedule (or the error, with a retry button).
  start() {
    this.setState('loading');
    this.shadow().replaceChildren(element('slot'));  // the host's own content (its fallback) shows meanwhile
    // data-theme="light" or "dark": the host's one theme, whatever the visitor's setting (talktime.css).
    if (this.options.theme) this.root.host.setAttribute('data-theme', this.options.theme);
    this.showFallback(true);
    this.abort = new AbortController();
    const loading = Promise.all([this.engine.load(), fetchFeeds(this.options, this.abort, () => this.destroyed)]);
    // The page's first Intl call loads the locale data (about 40 ms here): made while
    // the feed and the engine download, not after they arrive.
    if (this.hour12 === undefined) this.hour12 = defaultHour12(this.language.locale);
    if (!this.renderText) this.renderText = renderText(this.language, this.t);
    browserZone();
    // The core opens the sources in the module that reads them, fetched first if need be (core.js).
    const prepared = loading.then(([core, fetched]) => core.prepare(fetched.sources, this.openLimits()).then(() => [core, fetched]));
    return prepared.then(([core, { sources, failed }]) => {
      if (this.destroyed) return this;
      this.core = core;
      this.open(sources, failed);
      this.build();
      this.setState('ready');
      mark('ready');
      const detail = { diagnostics: this.diagnostics, failedSources: this.failedSources };
      this.host.dispatchEvent(new CustomEvent('talktime:ready', { bubbles: true, detail }));
      return this;
    }).catch((error) => {
      if (this.destroyed) return this;
      this.showError(error);
      throw error;
    });
  }

  // Opens the feeds that were fetched (`fetchFailures`: those that were not); a feed that
  // fails is named in this.failedSources and the others are shown, unless none is left.
  open(sources, fetchFailures) {
    let opened;
    try {
      opened = this.core.openFeeds(sources, this.openLimits());
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      this.diagnostics = error.diagnostics;
      const unreadable = unreadableFeed(error, sources, this.options.feed);
      if (fetchFailures.length) unreadable.message += '. ' + failedFeedsText(fetchFailures);
      throw unreadable;
    } finally {
      mark('feed-opened');
    }
    this.diagnostics = opened.diagnostics;
    if (this.handle) this.core.closeFeed(this.handle);
    this.handle = opened.handle;
    this.meta = opened.meta;
    this.failedSources = failedFeeds(fetchFailures, opened.failedSources, sources, this.options.feed);
    logDiagnostics(this.diagnostics);
    if (this.failedSources.length) console.warn('talktime: ' + failedFeedsText(this.failedSources));
  }

  // now: the window recurring calendar events are expanded in (a year back, two ahead).
  openLimits() {
    return { maxBytes: this.options.maxBytes, maxDepth: this.options.maxDepth, now: Math.floor(this.now()) };
  }

  build() {
    const params = fragmentParams(window.location);
    this.query = initialQuery(params, this.key, this.options, this.meta.searchLimit);
    // Stars and "Event time" live in this browser, per feed; a shared link's ids only on this page (openShared).
    this.feedId = this.meta.url || this.options.feed;
    this.zone = this.initialZone();
    this.stars = loadStars(this.storage, this.feedId);
    this.onlyStarred = false;
    this.talkPage = showsTalkPage(this.options, this.meta);
    const view = this.talkPage ? ' tt-page-view' : this.options.view === 'compact' ? ' tt-compact' : '';
    const wrapper = element('div', 'tt' + view);
    wrapper.setAttribute('part', 'root');
    wrapper.lang = this.language.locale;
    wrapper.dir = this.language.dir;
    const skip = skipLink(this.t);
    wrapper.appendChild(skip.link);
    if (this.meta.title) wrapper.appendChild(element('h2', 'tt-feed-title', this.meta.title));
    this.about = createFeedAbout(this.meta, this.t);
    wrapper.append(...this.about.nodes, ...subscribeMenu(this));
    const failedNotice = failedFeedsNotice(this.failedSources, this.t);
    if (failedNotice) wrapper.appendChild(failedNotice);
    if (this.talks) this.talks.disconnect();
    this.toolbar = createToolbar(this);
    this.zonePicker = createZonePicker(this);
    this.notice = element('p', 'tt-notice');
    this.notice.hidden = true;
    this.notice.setAttribute('role', 'status');
    this.sharedNotice = createSharedNotice({ t: this.t, onAdd: () => this.addShared(), onLeave: () => this.leaveSharedView() });
    // A talk page has no filters to search with, and data-controls="none" asks for none.
    this.toolbar.node.hidden = this.talkPage || this.options.controls === 'none';
    this.status = element('p', 'tt-status');
    this.status.hidden = this.talkPage;
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.talks = createTalkList(this);
    wrapper.append(this.toolbar.node, this.zonePicker.node, this.sharedNotice.node, this.notice, this.about.current, this.status, ...this.talks.nodes);
    // The talks a shown feed skipped: a feed that was not shown has the notice above.
    const failedNames = new Set(this.failedSources.map((f) => f.name));
    const note = problemsNote(this.diagnostics.filter((d) => !failedNames.has(d.source)), this.t);
    if (note) wrapper.appendChild(note);
    wrapper.appendChild(skip.end);
    this.shadow().replaceChildren(wrapper);
    this.showFallback(false);
    this.openShared(sharedStars(params, this.key));
    if (this.talkPage) this.pageTalk = chosenTalk(this, params.get('talk'));
    this.render();
    if (!this.talkPage) this.focusPermalink();
    clearInterval(this.ticker);
    if (this.fixedNow === null) {
      this.ticker = startTicker({ items: () => this.talks.items, now: () => this.now(),
        nextChange: () => this.talks.nextChange, render: () => this.render(), language: this.language });
    }
    // The printed programme holds every talk, also when some are still to be rendered.
    removeEventListener('beforeprint', this.printing);
    this.printing = () => this.talks.complete();
    addEventListener('beforeprint', this.printing);
  }

  // The error box above the host's fallback; the detail goes to the console too.
  // talktime:error's detail: the message (the organiser's), the code, and what visitors read.
  showError(error) {
    const box = errorBox(error, () => this.start().catch(() => {}), this.t);
    Object.assign(box, { lang: this.language.locale, dir: this.language.dir });
    this.shadow().replaceChildren(box, element('slot'));
    this.showFallback(true);
    this.setState('error');
    logError(error);
    const detail = { message: error && error.message, code: error && error.code || '', text: this.t('error.headline') + ' ' + plainReason(error || {}, this.t) };
    this.host.dispatchEvent(new CustomEvent('talktime:error', { bubbles: true, detail }));
  }

  // The host's own children are its fallback: with a shadow root they are simply not
  // rendered while the schedule shows. A host that cannot have one (a <ul>, a <table>)
  // holds the widget in a child <div>, so its other children are hidden meanwhile.
  showFallback(visible) {
    if (!this.inner) return;
    if (visible) {
      for (const child of this.hiddenFallback || []) child.hidden = false;
      this.hiddenFallback = [];
      return;
    }
    if (this.hiddenFallback && this.hiddenFallback.length) return;
    this.hiddenFallback = Array.from(this.host.children).filter((child) => child !== this.inner && !child.hidden);
    for (const child of this.hiddenFallback) child.hidden = true;
  }

  // The display zone: "Event time" if the visitor chose it for this feed, the zone they
  // picked on this site, the page's data-timezone, the browser's.
  initialZone() {
    const event = eventTimeChosen(this.storage, this.feedId) ? this.eventZone() : '';
    const candidates = [event, rememberedZone(this.storage), this.options.timezone, browserZone()];
    return candidates.find((name) => name && this.knowsZone(name)) || 'UTC';
  }

  // Where the event takes place: the feed's zone, or its talks' first; '' when it names none.
  eventZone() {
    return this.meta.zone || this.meta.eventZones[0] || '';
  }

  knowsZone(name) {
    return this.core.describeZone(name, this.now()) !== null;
  }

  // Shows times in `name` (false for an unknown zone). `choice` says what the visitor
  // chose, and so what is remembered: 'zone' (a zone picked: for the whole site),
  // 'event' ("Event time": for this feed alone), 'browser' ("Use my time zone": forgets
  // both); none (the API's setTimeZone) remembers nothing.
  chooseZone(name, choice) {
    if (!this.knowsZone(name)) return false;
    if (choice) {
      if (choice !== 'event') rememberZone(this.storage, choice === 'zone' ? name : null);
      rememberEventTime(this.storage, this.feedId, choice === 'event');
    }
    this.zone = name;
    this.render();
    return true;
  }

  // The query as the core takes it: filters, starred talks (in the shared view, the
  // shared picks, which the core then shows alone), zone and clock.
  currentQuery() {
    const q = this.query;
    return { text: q.text, series: q.series, kind: q.kind, tag: q.tag, show: q.show, order: this.options.order,
      zone: this.zone, now: this.now(), starred: this.shared || Array.from(this.stars || []), onlyStarred: !!(this.shared || this.onlyStarred) };
  }

  // Renders the talks that match the query (on a talk page, its talk): a screenful at
  // once, so typing and zone switches stay within a frame, and the others in idle
  // slices (talk-list.js). In the shared view the core stars the link's ids: the talk
  // list puts the visitor's own stars back on the buttons.
  render() {
    if (!this.handle) return;
    const query = this.talkPage ? { zone: this.zone, now: this.now(), onlyStarred: true, starred: [this.pageTalk], page: true }
      : this.currentQuery();
    const request = { ...query, hour12: this.hour12, renderText: this.renderText };
    const view = this.talks.render(request, () => this.listComplete());
    this.zonePicker.show(this.zone, view);
    this.status.textContent = countText(view, this.t);
    this.about.show(this.query.series);
    this.toolbar.sync();
    updateRelative(this.talks.items, this.now(), this.language);
  }

  // Every talk of the view is in the document: their hints; and, once a feed is open,
  // the structured data.
  listComplete() {
    updateRelative(this.talks.items, this.now(), this.language);
    if (this.jsonLd && this.describedHandle !== this.handle) {
      this.describedHandle = this.handle;
      this.jsonLd.schedule(this.structuredDataScope());
    }
  }

  // What search engines are told about: every talk the page offers, that is those the
  // host's data-series, data-kind and data-tag allow, past and upcoming, whatever the
  // visitor searches, filters or has yet to scroll to (breaks are left out by the core).
  structuredDataScope() {
    const o = this.options;
    return { zone: this.zone, now: this.now(), series: o.series || '', kind: o.kind || '', tag: o.tag || '', show: 'all' };
  }

  update(changes) {
    Object.assign(this.query, changes);
    this.toolbar.showText(changes.text);
    this.notice.hidden = true;
    this.render();
    const values = queryFragment(this.query);
    clearTimeout(this.fragmentTimer);
    this.fragmentTimer = setTimeout(() => this.setFragment(values, this.key), FRAGMENT_DELAY_MS);
  }

  // Writes values into the URL fragment under `prefix` (this widget's key, or '' for page-wide keys).
  setFragment(values, prefix) {
    writeFragment(window.location, window.history, values, prefix);
  }

  showEverything() {
    this.leaveShared();
    this.onlyStarred = false;
    this.update({ ...EVERYTHING });
  }

  // "★ Starred" switches to (or from) the visitor's own stars, leaving a shared view.
  toggleStarred() {
    this.leaveShared();
    this.onlyStarred = !this.onlyStarred;
    this.update({});
  }

  // A link's starred ids (#<key>.starred=a,b; null: none) open as a view of their own,
  // the "shared picks", kept on this page only: nothing is stored until the visitor
  // adds them. Ids the feed does not hold are left out, and counted out.
  openShared(linked) {
    this.shared = null;
    if (!linked) return;
    const held = heldTalks(this, sharedPicks(linked));
    if (!held.length) {
      this.notice.textContent = this.t('shared.missing');
      this.notice.hidden = false;
      return;
    }
    this.shared = held;
    this.sharedNotice.show(held.length, held.every((id) => this.stars.has(id)) ? 'already' : '');
  }

  // "Add them to my stars": the visitor's action, the only way a link's ids are stored.
  addShared() {
    addStars(this.storage, this.feedId, this.stars, this.shared);
    this.sharedNotice.show(this.shared.length, 'added');
    this.render();
  }

  // Leaves the shared view; its key leaves the fragment, so a reload shows the normal view.
  leaveShared() {
    if (!this.shared) return;
    this.shared = null;
    this.sharedNotice.hide();
    this.setFragment({ starred: '' }, this.key);
  }

  // "Show all talks" in the shared notice; focus goes to the search box, as the notice hides.
  leaveSharedView() {
    this.showEverything();
    this.toolbar.focusSearch();
  }

  // A permalink (#talk=<id>) lands on its talk (rendering the rest of the list now if
  // it is still pending), showing every talk if a filter hid it; a link to a talk the feed does not hold gets a notice and the normal view.
  focusPermalink() {
    const id = fragmentParams(window.location).get('talk');
    if (!id) return;
    if (!this.talks.item(id)) this.talks.complete();
    if (!this.talks.item(id) && holdsTalk(this, id)) {
      this.leaveShared();
      this.query = { ...EVERYTHING };
      this.toolbar.showText('');
      this.render();
      this.talks.complete();
    }
    const item = this.talks.item(id);
    if (!item) {
      this.notice.textContent = this.t('list.linkedMissing', { id: shortened(id) });
      this.notice.hidden = false;
      return;
    }
    this.talks.highlight(item);
    item.scrollIntoView({ block: 'center' });
  }

  destroy() {
    this.destroyed = true;
    clearInterval(this.ticker);
    clearTimeout(this.fragmentTimer);
    removeEventListener('beforeprint', this.printing);
    if (this.jsonLd) this.jsonLd.remove();
    if (this.talks) this.talks.disconnect();
    if (this.abort) this.abort.abort();
    if (this.core && this.handle) this.core.closeFeed(this.handle);
    this.handle = 0;
    if (this.root) this.root.replaceChildren(element('slot'));
    this.showFallback(true);
    if (this.inner) this.inner.remove();
    this.host.removeAttribute('data-talktime-state');
    this.onDestroy(this);
  }
}

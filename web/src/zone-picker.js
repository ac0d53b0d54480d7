// The line that says which zone the times are in, with "Change time zone" (a panel
// to find a zone by city, country, abbreviation, offset or IANA name: zone-search.js),
// "Use my time zone" (whenever the times are not in the browser's zone) and "Event
// time". A zone picked in the panel is remembered for the whole site; "Event time"
// for this feed alone (Widget.chooseZone).
import { button, element } from './dom.js';
import { browserZone } from './options.js';
import { offsetLabel, regionNamer, searchZones, zoneIndex } from './zone-search.js';

const MAX_ROWS = 100;  // a query that finds more ("a") lists the first ones and asks for more letters

const zoneTitles = {};
// "Pacific Time" for America/Los_Angeles, from the browser's own names in `locale` (the
// widget's language; English when not given); '' when it has none.
export function zoneTitle(name, locale = 'en') {
  const key = locale + ' ' + name;
  if (zoneTitles[key] !== undefined) return zoneTitles[key];
  let title = '';
  for (const style of ['longGeneric', 'long']) {
    if (title) break;
    try {
      const parts = new Intl.DateTimeFormat(locale, { timeZone: name, timeZoneName: style }).formatToParts(new Date());
      for (const part of parts) if (part.type === 'timeZoneName' && !/^GMT[+-]/.test(part.value)) title = part.value;
    } catch {
      // an older browser, or a name it does not know
    }
  }
  return (zoneTitles[key] = title);
}

// Returns {node, show(zone, view)}: view is the core's render reply (its zone and offset label).
export function createZonePicker(widget) {
  const t = widget.t;
  const node = element('div', 'tt-zone-line');
  const text = element('p', 'tt-zone-text');
  const change = button('tt-button tt-link-button', t('zone.change'));
  change.setAttribute('aria-expanded', 'false');
  const canonical = (name) => (name && widget.core.describeZone(name, widget.now()) || {}).name || '';
  const mineZone = canonical(browserZone());
  const mine = button('tt-button tt-link-button', t('zone.mine'));
  mine.title = t('zone.mineTitle', { zone: mineZone });
  const eventZone = canonical(widget.eventZone());
  const eventTime = button('tt-button tt-link-button', t('zone.event'));
  eventTime.title = t('zone.eventTitle', { zone: eventZone });
  const panel = zonePanel(widget, { mineZone, eventZone }, () => close());
  panel.node.id = 'tt-zone-panel-' + widget.key;
  change.setAttribute('aria-controls', panel.node.id);
  const close = () => {
    panel.node.hidden = true;
    change.setAttribute('aria-expanded', 'false');
    change.focus();
  };
  change.addEventListener('click', () => {
    if (!panel.node.hidden) return close();
    panel.node.hidden = false;
    change.setAttribute('aria-expanded', 'true');
    panel.open();
  });
  // A button that hides itself once used hands the focus to "Change time zone".
  const choose = (target, zone, choice) => {
    widget.chooseZone(zone, choice);
    if (target.hidden) change.focus();
  };
  mine.addEventListener('click', () => choose(mine, browserZone(), 'browser'));
  eventTime.addEventListener('click', () => choose(eventTime, widget.eventZone(), 'event'));
  node.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || panel.node.hidden) return;
    e.preventDefault();
    e.stopPropagation();
    close();
  });
  node.append(text, change, mine, eventTime, panel.node);
  return {
    node,
    show(zone, view) {
      text.textContent = t('zone.shownIn', { zone: zoneTitle(zone, widget.language.catalogue === 'en' ? 'en' : widget.language.locale) || view.zoneLabel, id: view.zone });
      mine.hidden = !mineZone || view.zone === mineZone;
      eventTime.hidden = !eventZone || view.zone === eventZone;
    }
  };
}

// The hidden panel: a combobox ("Time zone") over a list of the zones the text finds.
// Arrow keys move through the list, Enter or a click picks a zone, Escape closes.
function zonePanel(widget, suggested, done) {
  const node = element('div', 'tt-zone-panel');
  node.hidden = true;
  const t = widget.t;
  const label = element('label', 'tt-zone-label', t('zone.label'));
  const input = element('input', 'tt-input tt-zone-input');
  Object.assign(input, { type: 'text', autocomplete: 'off', spellcheck: false, placeholder: t('zone.placeholder') });
  const list = element('ul', 'tt-zone-list');
  list.id = 'tt-zone-list-' + widget.key;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', t('zone.listLabel'));
  for (const [name, value] of [['role', 'combobox'], ['aria-autocomplete', 'list'], ['aria-expanded', 'false'], ['aria-controls', list.id]]) {
    input.setAttribute(name, value);
  }
  const message = element('p', 'tt-zone-message');
  message.setAttribute('role', 'status');
  label.appendChild(input);
  node.append(label, list, message);
  const state = { index: null, at: null, rows: [], active: -1 };
  const pick = (name) => {
    if (widget.chooseZone(name, 'zone')) done();
  };
  const refresh = () => {
    const found = input.value.trim() ? searchZones(state.index, input.value) : suggestions(state.index, widget, suggested);
    state.rows = found.slice(0, MAX_ROWS);
    state.active = -1;
    showRows(list, state.rows, state.at, widget);
    input.setAttribute('aria-expanded', String(state.rows.length > 0));
    input.removeAttribute('aria-activedescendant');
    message.textContent = countText(t, input.value.trim(), found.length, state.rows.length);
  };
  input.addEventListener('input', refresh);
  input.addEventListener('keydown', (e) => listKeys(e, state, list, input, pick));
  list.addEventListener('click', (e) => {
    const option = e.target.closest('[role="option"]');
    if (option) pick(option.dataset.zone);
  });
  return {
    node,
    // Opens on an empty box: the zones the visitor most likely wants, the clock's offsets.
    open() {
      const at = widget.now();
      if (!state.index || Math.abs(at - state.at) > 600) {
        state.index = zoneIndex(widget.core.zoneCatalog(at), regionNamer(['en', ...(navigator.languages || []).slice(0, 1)]));
        state.at = at;
      }
      input.value = '';
      refresh();
      input.focus();
    }
  };
}

// With nothing typed: this device's zone, the event's, the one shown, and UTC.
function suggestions(index, widget, { mineZone, eventZone }) {
  const rows = [];
  const t = widget.t;
  for (const [name, hint] of [[mineZone, t('zone.hintMine')], [eventZone, t('zone.hintEvent')], [widget.zone, t('zone.hintShown')], ['Etc/UTC', '']]) {
    const entry = index.byName.get(widget.core.describeZone(name, widget.now())?.name);
    if (entry && !rows.some((row) => row.entry === entry)) rows.push({ entry, hint });
  }
  return rows;
}

function countText(t, query, found, shown) {
  if (!query) return t('zone.type');
  if (!found) return t('zone.none', { query });
  if (shown < found) return t('zone.some', { shown, found });
  return t('zone.count', { count: found });
}

// One option a zone: "Kolkata, India", its local time, and "Asia/Kolkata · IST (UTC+5:30)".
function showRows(list, rows, at, widget) {
  const clock = new Intl.DateTimeFormat(widget.language.catalogue === 'en' ? 'en-GB' : widget.language.locale, { timeZone: 'UTC', weekday: 'short', hour: 'numeric', minute: '2-digit', hour12: !!widget.hour12 });
  list.replaceChildren(...rows.map(({ entry, hint }, i) => {
    const option = element('li', 'tt-zone-option');
    option.id = list.id + '-' + i;
    option.dataset.zone = entry.name;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    const offset = offsetLabel(entry.offset);
    const abbreviation = entry.abbreviation ? entry.abbreviation + ' (' + offset + ')' : offset;
    const detail = entry.label + (entry.abbreviation === entry.label ? '' : ' \u00b7 ' + abbreviation);
    // Spaces between the parts (a grid ignores them) keep the option's accessible name readable.
    option.append(element('span', 'tt-zone-place', entry.place), ' ', element('span', 'tt-zone-clock', clock.format(new Date((at + entry.offset) * 1000))),
      ' ', element('span', 'tt-zone-detail', detail + (hint ? ' \u00b7 ' + hint : '')));
    return option;
  }));
}

// Arrow keys move the highlighted option; Enter picks it, or the first one.
function listKeys(e, state, list, input, pick) {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    move(state, list, input, e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Enter') {
    e.preventDefault();
    const row = state.rows[Math.max(state.active, 0)];
    if (row) pick(row.entry.name);
  }
}

// Moves the highlighted option by `step`, wrapping around; the input keeps the focus.
function move(state, list, input, step) {
  if (!state.rows.length) return;
  const options = list.children;
  if (state.active >= 0) options[state.active].setAttribute('aria-selected', 'false');
  state.active = (state.active + step + state.rows.length + (state.active < 0 && step < 0 ? 1 : 0)) % state.rows.length;
  const option = options[state.active];
  option.setAttribute('aria-selected', 'true');
  input.setAttribute('aria-activedescendant', option.id);
  option.scrollIntoView({ block: 'nearest' });
}

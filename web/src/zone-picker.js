// The line that says which zone the times are in, with "Change time zone" (a panel to
// search any IANA zone), "Event time" and "Use my time zone".
import { button, element } from './dom.js';
import { browserZone } from './options.js';
import { rememberZone } from './storage.js';

const zoneTitles = {};
// "Pacific Time" for America/Los_Angeles, from the browser's own names; '' when it has none.
export function zoneTitle(name) {
  if (zoneTitles[name] !== undefined) return zoneTitles[name];
  let title = '';
  for (const style of ['longGeneric', 'long']) {
    if (title) break;
    try {
      const parts = new Intl.DateTimeFormat('en', { timeZone: name, timeZoneName: style }).formatToParts(new Date());
      for (const part of parts) if (part.type === 'timeZoneName' && !/^GMT[+-]/.test(part.value)) title = part.value;
    } catch {
      // an older browser, or a name it does not know
    }
  }
  return (zoneTitles[name] = title);
}

// Returns {node, show(zone, view)}: view is the core's render reply (its zone and offset label).
export function createZonePicker(widget) {
  const node = element('div', 'tt-zone-line');
  const text = element('p', 'tt-zone-text');
  node.appendChild(text);
  const { panel, input, open } = zonePanel(widget);
  const change = button('tt-button tt-link-button', 'Change time zone');
  change.setAttribute('aria-expanded', 'false');
  change.addEventListener('click', () => {
    open();
    panel.hidden = !panel.hidden;
    change.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) input.focus();
  });
  node.appendChild(change);
  const eventZone = widget.meta.zone || widget.meta.eventZones[0];
  if (eventZone) {
    const eventTime = button('tt-button tt-link-button', 'Event time');
    eventTime.title = 'Show times in ' + eventZone + ', where the event takes place';
    eventTime.addEventListener('click', () => widget.chooseZone(eventZone));
    node.appendChild(eventTime);
  }
  node.appendChild(panel);
  return {
    node,
    show(zone, view) {
      text.textContent = 'Times are shown in ' + (zoneTitle(zone) || view.zoneLabel) + ' (' + view.zone + ').';
      input.value = zone;
    }
  };
}

// The hidden panel: a zone name input with a list of every zone, "Apply" and "Use my time zone".
function zonePanel(widget) {
  const panel = element('div', 'tt-zone-panel');
  panel.hidden = true;
  const input = element('input', 'tt-input');
  const datalist = element('datalist');
  datalist.id = 'tt-zones-' + widget.key;
  input.setAttribute('list', datalist.id);
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'e.g. Europe/Berlin';
  // About 450 options: made when the panel first opens, not on every page load.
  const open = () => {
    if (datalist.firstChild) return;
    for (const name of widget.core.zoneNames()) {
      if (name.indexOf('/') > 0 || name === 'UTC') datalist.appendChild(new Option(name));
    }
  };
  const message = element('span', 'tt-zone-message');
  message.setAttribute('role', 'alert');
  const apply = () => {
    const name = input.value.trim();
    message.textContent = '';
    if (!widget.chooseZone(name)) message.textContent = 'Unknown time zone "' + name + '". Pick a name from the list, such as Asia/Tokyo.';
  };
  input.addEventListener('focus', open);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
  input.addEventListener('change', () => { if (widget.knowsZone(input.value.trim())) apply(); });
  const label = element('label', 'tt-zone-label', 'Time zone ');
  label.appendChild(input);
  const applyButton = button('tt-button', 'Apply');
  applyButton.addEventListener('click', apply);
  const mine = button('tt-button tt-link-button', 'Use my time zone');
  mine.addEventListener('click', () => {
    rememberZone(widget.storage, null);
    widget.chooseZone(browserZone(), true);
  });
  panel.append(label, datalist, applyButton, mine, message);
  return { panel, input, open };
}

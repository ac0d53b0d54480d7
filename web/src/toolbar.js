// The toolbar above the talks: search box, series/kind/topic filters, the
// upcoming/past/all switch, "★ Starred", "Export .ics" and "Share starred". On a
// narrow widget (a phone) everything but the search box folds behind "Filters (n)".
import { downloadCalendar } from './calendar.js';
import { button, element } from './dom.js';
import { offersPhaseChoice } from './feed-queries.js';
import { closeOnEscape } from './keyboard.js';

const SHOW_VALUES = ['upcoming', 'past', 'all'];

// The toolbar of `widget`: {node, sync(), syncShare(), showText(text), focusSearch()}.
export function createToolbar(widget) {
  const t = widget.t;
  const node = element('div', 'tt-toolbar');
  node.setAttribute('role', 'search');
  node.setAttribute('aria-label', t('toolbar.label'));
  const search = searchBox(widget);
  const filters = filtersPanel(widget, node);
  node.append(search, filters.toggle, filters.panel);
  const add = (control, title, onClick) => {
    if (title) control.title = title;
    control.addEventListener('click', onClick);
    filters.panel.appendChild(control);
    return control;
  };
  const selects = addFilters(widget, filters.panel);
  const showButtons = addShowSwitch(widget, filters.panel);
  const starred = add(button('tt-button tt-toggle', t('toolbar.starred')), t('toolbar.starredTitle'), () => widget.toggleStarred());
  add(button('tt-button', t('toolbar.export')), t('toolbar.exportTitle'), () => {
    downloadCalendar(widget.root, widget.meta.title, widget.core.ics(widget.handle, widget.currentQuery()));
  });
  const share = add(button('tt-button tt-link-button', t('toolbar.share')), '', () => shareStars(widget));
  const syncShare = () => { share.hidden = widget.stars.size === 0; };
  return {
    node,
    syncShare,
    // Shows the widget's query, its starred-only switch and whether there are stars to share.
    sync() {
      for (const name in showButtons) showButtons[name].setAttribute('aria-pressed', String(name === widget.query.show));
      for (const key in selects) selects[key].value = widget.query[key];
      starred.setAttribute('aria-pressed', String(widget.onlyStarred));
      filters.count(Object.keys(selects).filter((key) => widget.query[key]).length +
        Number(widget.query.show !== (widget.options.show || 'all')) + Number(widget.onlyStarred));
      syncShare();
    },
    // Puts text into the search box unless it is there already (the caret stays put).
    showText(text) {
      if (text !== undefined && search.value !== text) search.value = text;
    },
    focusSearch: () => search.focus()
  };
}

// The "Filters" button and the panel it opens and closes (shown open, without the
// button, where the widget is wide: talktime.css). Escape closes it and returns to the button.
function filtersPanel(widget, toolbar) {
  const panel = element('div', 'tt-filters');
  panel.id = 'tt-filters-' + widget.key;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', widget.t('a11y.filters'));
  const toggle = button('tt-button tt-filters-toggle', widget.t('a11y.filters'));
  toggle.setAttribute('aria-controls', panel.id);
  toggle.setAttribute('aria-expanded', 'false');
  const isOpen = () => toggle.getAttribute('aria-expanded') === 'true';
  const setOpen = (open) => toggle.setAttribute('aria-expanded', String(open));
  toggle.addEventListener('click', () => setOpen(!isOpen()));
  closeOnEscape(toolbar, () => isOpen() && toggle.getClientRects().length > 0, () => {
    setOpen(false);
    toggle.focus();
  });
  return { toggle, panel, count: (active) => { toggle.textContent = active ? widget.t('a11y.filtersInUse', { count: active }) : widget.t('a11y.filters'); } };
}

function searchBox(widget) {
  const search = element('input', 'tt-input');
  search.type = 'search';
  search.placeholder = widget.t('toolbar.searchPlaceholder');
  search.setAttribute('aria-label', widget.t('toolbar.searchLabel'));
  search.maxLength = widget.meta.searchLimit;
  search.value = widget.query.text;
  search.addEventListener('input', () => widget.update({ text: search.value }));
  return search;
}

// The series, kind and topic filters, each left out when the feed has only one value
// for it and none is chosen; returns them by query key.
function addFilters(widget, node) {
  const selects = {};
  const addSelect = (name, label, anyLabel, values) => {
    if (values.length < 2 && !widget.query[name]) return;
    const select = element('select', 'tt-select');
    select.setAttribute('aria-label', label);
    select.appendChild(new Option(anyLabel, ''));
    for (const v of values) select.appendChild(new Option(v.label, v.value));
    select.value = widget.query[name];
    select.addEventListener('change', () => widget.update({ [name]: select.value }));
    node.appendChild(select);
    selects[name] = select;
  };
  const meta = widget.meta;
  const t = widget.t;
  addSelect('series', t('toolbar.series'), t('toolbar.allSeries'), meta.series.map((s) => ({ value: s.id, label: s.title })));
  // A kind's filter label in the widget's language; the core's English for a kind the catalogue lacks.
  addSelect('kind', t('toolbar.kind'), t('toolbar.allKinds'), meta.kinds.map((k) => ({ value: k.id, label: t('kinds.' + k.id) || k.label })));
  addSelect('tag', t('toolbar.topic'), t('toolbar.allTopics'), meta.tags.map((tag) => ({ value: tag, label: tag })));
  return selects;
}

function addShowSwitch(widget, node) {
  const group = element('div', 'tt-show');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', widget.t('toolbar.show'));
  const buttons = {};
  for (const value of SHOW_VALUES) {
    const toggle = button('tt-button tt-toggle', widget.t('toolbar.' + value));
    toggle.addEventListener('click', () => widget.update({ show: value }));
    group.appendChild(toggle);
    buttons[value] = toggle;
  }
  group.hidden = !offersPhaseChoice(widget);  // a switch with one useful position is noise
  node.appendChild(group);
  return buttons;
}

function shareStars(widget) {
  widget.setFragment({ starred: Array.from(widget.stars).join(',') }, widget.key);
  widget.status.textContent = widget.t('toolbar.shared', { count: widget.stars.size });
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(window.location.href).catch(() => {});
}

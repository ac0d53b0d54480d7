// Keyboard aids: the skip link past the schedule, the arrow keys inside a talk's
// toolbar (its links, star and calendar menu are one tab stop: the renderer puts the
// first in the tab order and the others at tabindex="-1"), and Escape for menus
// and panels, which hands the focus back to the control that opened them.
import { element } from './dom.js';

const TOOLBAR_ITEMS = ':scope > .tt-links > li > a, :scope > .tt-star, :scope > .tt-calendar > summary';

// {link, end}: a link first in the widget and a focus target after everything else.
// A shadow root's ids are not the document's, so the link moves the focus itself.
// t: the widget's translator (web/src/i18n/).
export function skipLink(t) {
  const link = element('a', 'tt-skip', t('a11y.skip'));
  link.href = '#';
  const end = element('p', 'tt-end', t('a11y.end'));
  end.tabIndex = -1;
  // In the tab order only while it has the focus: from a tabindex="-1" element in a
  // shadow root Chromium tabs back to the root's first control, not past the widget.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    end.tabIndex = 0;
    end.focus();
  });
  end.addEventListener('blur', () => { end.tabIndex = -1; });
  return { link, end };
}

// The items of a talk's toolbar that are visible, in order.
function toolbarItems(toolbar) {
  return Array.from(toolbar.querySelectorAll(TOOLBAR_ITEMS)).filter((item) => item.getClientRects().length > 0);
}

// Makes `item` its toolbar's one tab stop.
function makeTabStop(toolbar, item) {
  for (const other of toolbar.querySelectorAll(TOOLBAR_ITEMS)) other.tabIndex = other === item ? 0 : -1;
}

const STEPS = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };

// Arrow keys, Home and End in talk toolbars under `list`; Escape closes a calendar menu.
// An item focused any other way (a click, a re-render) becomes its toolbar's tab stop.
export function handleListKeys(list) {
  list.addEventListener('focusin', (event) => {
    const toolbar = event.target.closest && event.target.closest('[role="toolbar"]');
    if (toolbar && Array.prototype.includes.call(toolbar.querySelectorAll(TOOLBAR_ITEMS), event.target)) makeTabStop(toolbar, event.target);
  });
  list.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') return closeCalendarMenu(event);
    let step = STEPS[event.key];
    const toolbar = step !== undefined && event.target.closest && event.target.closest('[role="toolbar"]');
    if (!toolbar || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = toolbarItems(toolbar);
    const at = items.indexOf(event.target);
    if (at < 0) return;  // inside an open menu: its own keys
    event.preventDefault();
    // Right-to-left text: the arrow keys follow the row's visual order.
    if (Math.abs(step) === 1 && getComputedStyle(toolbar).direction === 'rtl') step = -step;
    moveTo(toolbar, items[Math.min(items.length - 1, Math.max(0, at + step))]);
  });
}

function moveTo(toolbar, item) {
  makeTabStop(toolbar, item);
  item.focus();
}

function closeCalendarMenu(event) {
  const menu = event.target.closest && event.target.closest('details.tt-calendar[open]');
  if (!menu) return;
  event.preventDefault();
  event.stopPropagation();
  menu.open = false;
  const summary = menu.querySelector('summary');
  makeTabStop(menu.closest('[role="toolbar"]'), summary);
  summary.focus();
}

// Escape anywhere in `area` while isOpen() calls close() (which returns the focus).
export function closeOnEscape(area, isOpen, close) {
  area.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  });
}

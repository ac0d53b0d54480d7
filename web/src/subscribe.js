// The "Subscribe" menu under the feed's title (data-subscribe): the site's talks.ics as
// a subscription in the visitor's calendar app, Google Calendar, Outlook.com or
// Microsoft 365, or its address copied. A subscribed calendar follows the site's
// changes, where a downloaded .ics goes stale. A disclosure: a button with
// aria-expanded and the list it shows; Escape closes it and returns to the button.
import { button, element } from './dom.js';
import { closeOnEscape } from './keyboard.js';
import { subscriptionLinks } from './options.js';

// The menu for `widget` (data-subscribe), as a list of nodes: none without the option.
export function subscribeMenu(widget) {
  const links = subscriptionLinks(widget.options.subscribe, document.baseURI, widget.meta.title);
  return links ? [createSubscribe(links, widget.t, widget.key).node] : [];
}

// links: options.js subscriptionLinks(); t: the widget's translator; key: the widget's id.
export function createSubscribe(links, t, key) {
  const node = element('div', 'tt-subscribe');
  const panel = element('div', 'tt-subscribe-panel');
  panel.id = 'tt-subscribe-' + key;
  panel.hidden = true;
  const toggle = button('tt-button tt-subscribe-toggle', t('subscribe.button'));
  toggle.title = t('subscribe.title');
  toggle.setAttribute('aria-controls', panel.id);
  toggle.setAttribute('aria-expanded', 'false');
  const setOpen = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  closeOnEscape(node, () => !panel.hidden, () => {
    setOpen(false);
    toggle.focus();
  });
  // Tabbing on past the menu closes it, as clicking elsewhere does.
  node.addEventListener('focusout', (event) => {
    if (event.relatedTarget && !node.contains(event.relatedTarget)) setOpen(false);
  });
  const status = element('p', 'tt-subscribe-status');
  status.setAttribute('role', 'status');
  panel.append(element('p', 'tt-subscribe-note', t('subscribe.note')), menu(links, t, status), status);
  node.append(toggle, panel);
  return { node };
}

function menu(links, t, status) {
  const list = element('ul', 'tt-subscribe-menu');
  const item = (control) => list.appendChild(element('li')).appendChild(control);
  const link = (href, label, service) => {
    const a = element('a', '', label);
    a.href = href;
    a.setAttribute('data-service', service);
    if (service !== 'webcal') {  // the web calendars open beside the schedule
      a.target = '_blank';
      a.rel = 'noopener';
    }
    return item(a);
  };
  link(links.webcal, t('subscribe.webcal'), 'webcal');
  link(links.google, t('subscribe.google'), 'google');
  link(links.outlook, t('subscribe.outlook'), 'outlook');
  link(links.office, t('subscribe.office'), 'office');
  const copy = item(button('tt-link-button', t('subscribe.copy')));
  copy.setAttribute('data-service', 'copy');
  copy.addEventListener('click', () => {
    const failed = () => { status.textContent = t('subscribe.copyFailed', { url: links.https }); };
    if (!navigator.clipboard || !navigator.clipboard.writeText) return failed();
    navigator.clipboard.writeText(links.https).then(() => { status.textContent = t('subscribe.copied'); }, failed);
  });
  return list;
}

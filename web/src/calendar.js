// "Add to calendar": .ics downloads (one talk, or every talk the view shows) and the
// Google Calendar, Outlook.com and Microsoft 365 links a talk's menu gets when it is
// first opened (three long URLs a talk would more than double the markup of every render).
import { download, element } from './dom.js';

// The core's link keys and their labels: product names stay as they are; Microsoft 365
// is named for the accounts it serves, in the visitor's words (t).
const LINKS = [['google', () => 'Google Calendar'], ['outlook', () => 'Outlook.com'], ['office365', (t) => t('calendar.outlookWork')]];

// "FastPath 2021" -> "fastpath-2021.ics".
export function calendarFileName(title) {
  return (String(title || 'talks').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'talks') + '.ics';
}

export function downloadCalendar(root, title, text) {
  download(root, calendarFileName(title), text, 'text/calendar');
}

// Fills each .tt-calendar menu in `list` when it first opens; linksFor(talkId) returns
// {google, outlook, office365} (any may be missing); t gives the visitor's words.
export function addLinksWhenOpened(list, linksFor, t) {
  list.addEventListener('toggle', (event) => {
    const menu = event.target;
    if (!menu.open || !menu.classList || !menu.classList.contains('tt-calendar') || menu.getAttribute('data-links')) return;
    menu.setAttribute('data-links', 'added');
    const links = linksFor(menu.closest('.tt-talk').getAttribute('data-talk-id'));
    const items = menu.querySelector('ul');
    for (const [key, label] of LINKS) {
      if (!links[key]) continue;
      const link = element('a', '', label(t));
      link.href = links[key];  // built by the core: https://calendar.google.com/…, https://outlook.live.com/… or https://outlook.office.com/…
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const item = element('li');
      item.appendChild(link);
      items.appendChild(item);
    }
  }, true);  // toggle does not bubble
}

// "Add to calendar": .ics downloads (one talk, or every talk the view shows) and the
// Google Calendar and Outlook links a talk's menu gets when it is first opened (two
// long URLs a talk would double the markup of every render).
import { download, element } from './dom.js';

const LINKS = [['google', 'Google Calendar'], ['outlook', 'Outlook']];

// "FastPath 2021" -> "fastpath-2021.ics".
export function calendarFileName(title) {
  return (String(title || 'talks').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'talks') + '.ics';
}

export function downloadCalendar(root, title, text) {
  download(root, calendarFileName(title), text, 'text/calendar');
}

// Fills each .tt-calendar menu in `list` when it first opens; linksFor(talkId) returns
// {google, outlook} (either may be missing).
export function addLinksWhenOpened(list, linksFor) {
  list.addEventListener('toggle', (event) => {
    const menu = event.target;
    if (!menu.open || !menu.classList || !menu.classList.contains('tt-calendar') || menu.getAttribute('data-links')) return;
    menu.setAttribute('data-links', 'added');
    const links = linksFor(menu.closest('.tt-talk').getAttribute('data-talk-id'));
    const items = menu.querySelector('ul');
    for (const [key, label] of LINKS) {
      if (!links[key]) continue;
      const link = element('a', '', label);
      link.href = links[key];  // built by the core: https://calendar.google.com/… or https://outlook.live.com/…
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const item = element('li');
      item.appendChild(link);
      items.appendChild(item);
    }
  }, true);  // toggle does not bubble
}

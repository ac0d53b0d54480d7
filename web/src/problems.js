// What the widget says when things go wrong: the error box with its retry button, the
// note listing talks the feed could not show, and the console lines for each problem.
import { button, element } from './dom.js';
import { failedFeedsText } from './feeds.js';

// The box shown instead of the schedule (the host's own content stays visible below it).
export function errorBox(error, retry) {
  const box = element('div', 'tt tt-error-box');
  const alert = element('div', 'tt-error');
  alert.setAttribute('role', 'alert');
  alert.appendChild(element('strong', '', 'The schedule could not be shown. '));
  alert.appendChild(element('span', '', error && error.message ? error.message : String(error)));
  const again = button('tt-button', 'Try again');
  again.addEventListener('click', retry);
  box.appendChild(alert);
  box.appendChild(again);
  return box;
}

// "3 talks in the feed could not be shown", with each problem; null when there are none.
export function problemsNote(diagnostics) {
  const errors = diagnostics.filter((d) => d.level === 'error');
  if (!errors.length) return null;
  const note = element('details', 'tt-problems');
  note.appendChild(element('summary', '', errors.length + (errors.length === 1 ? ' talk' : ' talks') + ' in the feed could not be shown'));
  const list = element('ul');
  for (const d of errors) list.appendChild(element('li', '', d.text));
  note.appendChild(list);
  return note;
}

// The notice above the talks naming each feed that was not shown; null when there is none.
export function failedFeedsNotice(failed) {
  const text = failedFeedsText(failed);
  if (!text) return null;
  const notice = element('p', 'tt-failed-feeds', text);
  notice.setAttribute('role', 'status');
  return notice;
}

export function logDiagnostics(diagnostics) {
  for (const d of diagnostics) console[d.level === 'error' ? 'error' : 'warn']('talktime: ' + d.text);
}

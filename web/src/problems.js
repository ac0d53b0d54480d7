// What the widget says when things go wrong: the error box with its retry button, the
// note listing talks the feed could not show, and the console lines for each problem.
// Visitors read plain sentences (error-text.js); codes, lines and columns are for the
// site owner, in the console and in a collapsed disclosure.
import { button, element } from './dom.js';
import { DETAILS_LABEL, HEADLINE, failedFeedsNoticeText, reasonParts } from './error-text.js';

// The box shown instead of the schedule (the host's own content, its fallback, stays
// visible below it): the headline and a plain reason (role="alert"), "Try again", and
// the organiser's detail, collapsed; in the words of `t` (the widget's translator).
export function errorBox(error, retry, t) {
  const box = element('div', 'tt tt-error-box');
  const alert = element('div', 'tt-error');
  alert.setAttribute('role', 'alert');
  alert.appendChild(element('strong', '', t ? t('error.headline') : HEADLINE));
  alert.appendChild(document.createTextNode(' '));
  const reason = element('span', 'tt-error-reason');
  for (const part of reasonParts(error || {}, t)) reason.append(typeof part === 'string' ? part : element('code', '', part.code));
  alert.appendChild(reason);
  const again = button('tt-button', t ? t('error.tryAgain') : 'Try again');
  again.addEventListener('click', retry);
  box.append(alert, again, errorDetails(error, t));
  return box;
}

// "Details for the site owner": the code, the whole message (with line and column) and
// every diagnostic of the feed.
function errorDetails(error, t) {
  const details = element('details', 'tt-error-details');
  details.appendChild(element('summary', '', t ? t('error.details') : DETAILS_LABEL));
  const line = element('p');
  if (error && error.code) line.append(element('code', '', error.code), ' ');
  line.append(errorMessage(error));
  details.appendChild(line);
  const diagnostics = otherDiagnostics(error);
  if (diagnostics.length) {
    const list = element('ul');
    for (const d of diagnostics) list.appendChild(element('li', '', d.text));
    details.appendChild(list);
  }
  return details;
}

// The feed's diagnostics, less those the message already quotes.
function otherDiagnostics(error) {
  const message = errorMessage(error);
  return ((error && error.diagnostics) || []).filter((d) => !message.includes(d.text));
}

export function errorMessage(error) {
  return error && error.message ? error.message : String(error);
}

// The console lines for a schedule that could not be shown: the message, then the
// feed's diagnostics.
export function logError(error) {
  const message = errorMessage(error);
  const code = error && error.code && !message.includes('[' + error.code + ']') ? ' [' + error.code + ']' : '';
  console.error('talktime: ' + message + code);
  logDiagnostics(otherDiagnostics(error));
}

// "3 talks in the feed could not be shown", with each problem; null when there are none.
export function problemsNote(diagnostics, t) {
  const errors = diagnostics.filter((d) => d.level === 'error');
  if (!errors.length) return null;
  const note = element('details', 'tt-problems');
  const summary = t ? t('error.problems', { count: errors.length })
    : errors.length + (errors.length === 1 ? ' talk' : ' talks') + ' in the feed could not be shown';
  note.appendChild(element('summary', '', summary));
  const list = element('ul');
  for (const d of errors) list.appendChild(element('li', '', d.text));
  note.appendChild(list);
  return note;
}

// The notice above the talks naming each feed that was not shown; null when there is none.
export function failedFeedsNotice(failed, t) {
  const text = failedFeedsNoticeText(failed, t);
  if (!text) return null;
  const notice = element('p', 'tt-failed-feeds', text);
  notice.setAttribute('role', 'status');
  return notice;
}

export function logDiagnostics(diagnostics) {
  for (const d of diagnostics) console[d.level === 'error' ? 'error' : 'warn']('talktime: ' + d.text);
}

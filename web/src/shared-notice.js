// The notice above a shared link's talks (#<key>.starred=a,b): says whose talks these
// are and offers the visitor's two choices. A link is untrusted, so its ids stay
// on this page until the visitor presses "Add them to my stars".
import { button, element } from './dom.js';

// "Showing 3 talks someone shared with you.", in the words of `t` (the widget's translator).
export function sharedText(count, t) {
  return t('shared.showing', { count });
}

// {node, show(count, starred), hide()}: `starred` is '' (none added yet), 'already'
// (all were starred before) or 'added' (the visitor just added them). onAdd and
// onLeave run when their buttons are pressed; t gives the words.
export function createSharedNotice({ t, onAdd, onLeave }) {
  const node = element('div', 'tt-shared');
  node.setAttribute('role', 'status');
  node.hidden = true;
  const text = element('p', 'tt-shared-text');
  const add = button('tt-button', t('shared.add'));
  const leave = button('tt-button', t('list.showAll'));
  add.addEventListener('click', () => {
    onAdd();
    leave.focus();  // the pressed button hides: focus stays in the notice
  });
  leave.addEventListener('click', onLeave);
  const actions = element('div', 'tt-shared-actions');
  actions.append(add, leave);
  node.append(text, actions);
  const notes = { '': '', already: ' ' + t('shared.already'), added: ' ' + t('shared.added') };
  return {
    node,
    show(count, starred = '') {
      text.textContent = sharedText(count, t) + notes[starred];
      add.hidden = starred !== '';
      node.hidden = false;
    },
    hide() {
      node.hidden = true;
    }
  };
}

// The notice above a shared link's talks (#<key>.starred=a,b): says whose talks these
// are and offers the visitor's two choices. A link is untrusted, so its ids stay
// on this page until the visitor presses "Add them to my stars".
import { button, element } from './dom.js';

// "Showing 3 talks someone shared with you."
export function sharedText(count) {
  return 'Showing ' + (count === 1 ? '1 talk' : count + ' talks') + ' someone shared with you.';
}

// {node, show(count, starred), hide()}: `starred` is '' (none added yet), 'already'
// (all were starred before) or 'added' (the visitor just added them). onAdd and
// onLeave run when their buttons are pressed.
export function createSharedNotice({ onAdd, onLeave }) {
  const node = element('div', 'tt-shared');
  node.setAttribute('role', 'status');
  node.hidden = true;
  const text = element('p', 'tt-shared-text');
  const add = button('tt-button', 'Add them to my stars');
  const leave = button('tt-button', 'Show all talks');
  add.addEventListener('click', () => {
    onAdd();
    leave.focus();  // the pressed button hides: focus stays in the notice
  });
  leave.addEventListener('click', onLeave);
  const actions = element('div', 'tt-shared-actions');
  actions.append(add, leave);
  node.append(text, actions);
  const notes = { '': '', already: ' They are all in your stars.', added: ' They are now in your stars.' };
  return {
    node,
    show(count, starred = '') {
      text.textContent = sharedText(count) + notes[starred];
      add.hidden = starred !== '';
      node.hidden = false;
    },
    hide() {
      node.hidden = true;
    }
  };
}

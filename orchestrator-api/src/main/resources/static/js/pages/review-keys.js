// The review queue's keyboard: j / k move, a approve, r reject, e edit, Enter confirm, Esc cancel.
import { h } from '../ui.js';

const KEYS = [['j', 'next'], ['k', 'previous'], ['a', 'approve'], ['r', 'reject'], ['e', 'edit'], ['Enter', 'confirm'], ['Esc', 'cancel']];

export function legend() {
  return h('p', { class: 'shortcuts', id: 'shortcuts', 'aria-label': 'Keyboard shortcuts' },
    KEYS.map(([key, what]) => h('span', {}, h('kbd', {}, key), ' ', what)));
}

// mode(): the page's mode now; actions: { move(step), ask(mode), confirm(), cancel() }.
export function keyHandler(mode, actions) {
  return (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest('input, textarea, select');
    if (event.key === 'Escape') {
      if (mode() !== 'idle') {
        event.preventDefault();
        actions.cancel();
      }
      return;
    }
    if (event.key === 'Enter') {
      if (mode() === 'edit' && event.shiftKey) return;
      if (mode() !== 'idle') {
        event.preventDefault();
        actions.confirm();
      }
      return;
    }
    if (typing || mode() === 'edit' || event.shiftKey) return;
    const action = { j: () => actions.move(1), k: () => actions.move(-1), ArrowDown: () => actions.move(1), ArrowUp: () => actions.move(-1),
      a: () => actions.ask('approve'), r: () => actions.ask('reject'), e: () => actions.ask('edit') }[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
}

// The HITL review queue: oldest first, live, decided from the keyboard.
//   j / k  move   a approve   r reject   e edit   Enter confirm   Esc cancel
// The list (review-queue.js), the detail pane (review-detail.js) and the keys (review-keys.js) are modules of
// their own; this one holds the page's state and the decisions.
import { api } from '../api.js';
import { h, clear, toast, empty, showErrors } from '../ui.js';
import * as live from '../live.js';
import { queueItem } from './review-queue.js';
import { renderDetail as detailPane } from './review-detail.js';
import { legend as shortcuts, keyHandler } from './review-keys.js';

export function mount(root) {
  let items = [];
  let selected = null; // review_id
  let mode = 'idle'; // idle | approve | reject | edit
  let busy = false;

  const total = h('span', { class: 'muted', id: 'queue-total' });
  const liveBadge = h('span', { class: 'live-dot', id: 'live-status' }, 'connecting');
  const list = h('ul', { class: 'queue', id: 'queue', role: 'listbox', 'aria-label': 'Pending reviews, oldest first' });
  const detail = h('section', { class: 'card review-detail', id: 'review-detail', 'aria-live': 'polite' });
  const legend = shortcuts();

  root.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Review queue ', total), h('p', { class: 'muted' }, 'What the judge was not sure about, oldest first.')),
      liveBadge),
    legend,
    h('div', { class: 'review-layout' }, list, detail));

  const current = () => items.find((i) => i.review_id === selected) || null;

  function select(id) {
    selected = id;
    mode = 'idle';
    render();
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    if (!items.length) return;
    const index = Math.max(0, items.findIndex((i) => i.review_id === selected));
    select(items[Math.min(items.length - 1, Math.max(0, index + step))].review_id);
  }

  function renderList() {
    clear(list, items.length ? items.map((item) => queueItem(item, selected, select))
      : h('li', { class: 'queue-empty' }, empty('Nothing to review. New items appear here as they arrive.')));
  }

  function renderDetail() {
    detailPane(detail, current(), items.length, mode, { ask, confirm, cancel });
  }

  function render() {
    total.textContent = `(${items.length})`;
    renderList();
    renderDetail();
  }

  function ask(next) {
    const item = current();
    if (!item || busy) return;
    if (next === 'edit' && item.task_type === 'execute_transaction') {
      toast('A payment can be approved or rejected, not edited', 'error');
      return;
    }
    mode = next;
    renderDetail();
  }

  function cancel() {
    mode = 'idle';
    renderDetail();
    detail.querySelector('#approve')?.focus();
  }

  async function confirm() {
    const item = current();
    if (!item || busy || mode === 'idle') return;
    const body = mode === 'approve' ? { decision: 'approved' }
      : mode === 'reject' ? { decision: 'rejected' }
      : { decision: 'edited', edited_content: { text: detail.querySelector('#edit-text').value } };
    busy = true;
    try {
      const done = await api.decide(item.review_id, body);
      const index = items.indexOf(item);
      items = items.filter((i) => i !== item);
      selected = items[Math.min(index, items.length - 1)]?.review_id ?? null;
      mode = 'idle';
      render();
      toast(done.decision === 'rejected' ? `Rejected (${item.agent_name})` : `Approved (${item.agent_name}): ${done.publication === 'queued' ? 'publishing' : 'done'}`);
    } catch (e) {
      if (mode === 'edit' && e.status === 422) {
        showErrors(detail.querySelector('#edit-form'), e);
      } else {
        toast(e.message, 'error');
        if (e.status === 409 || e.status === 404) refresh();
      }
    } finally {
      busy = false;
    }
  }

  const onKey = keyHandler(() => mode, { move, ask, confirm, cancel });

  let loading = null;
  async function refresh() {
    // One fetch at a time; a change that arrives meanwhile triggers one more.
    if (loading) {
      loading.again = true;
      return;
    }
    loading = { again: false };
    try {
      const queue = await api.queue();
      items = queue.items;
      if (!items.some((i) => i.review_id === selected)) {
        selected = items[0]?.review_id ?? null;
        if (mode !== 'idle') mode = 'idle';
      }
      // Keep an open confirmation or editor as it is; refresh the list around it.
      total.textContent = `(${items.length})`;
      renderList();
      if (mode === 'idle') renderDetail();
    } catch (e) {
      if (e.status !== 401) toast(`Could not load the queue: ${e.message}`, 'error');
    } finally {
      const again = loading.again;
      loading = null;
      if (again) refresh();
    }
  }

  document.addEventListener('keydown', onKey);
  const unsubscribe = live.onQueue(() => {
    liveBadge.textContent = live.status.mode;
    liveBadge.dataset.mode = live.status.mode;
    refresh();
  });
  refresh();
  return () => {
    document.removeEventListener('keydown', onKey);
    unsubscribe();
  };
}


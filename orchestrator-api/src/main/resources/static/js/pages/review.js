// The HITL review queue: oldest first, live, decided from the keyboard.
//   j / k  move   a approve   r reject   e edit   Enter confirm   Esc cancel
import { api } from '../api.js';
import { h, clear, fmt, toast, empty, offlineBadge, showErrors, clearErrors } from '../ui.js';
import * as live from '../live.js';
import { highlighted, findingList } from '../findings.js';

const KEYS = [['j', 'next'], ['k', 'previous'], ['a', 'approve'], ['r', 'reject'], ['e', 'edit'], ['Enter', 'confirm'], ['Esc', 'cancel']];

export function mount(root) {
  let items = [];
  let selected = null; // review_id
  let mode = 'idle'; // idle | approve | reject | edit
  let busy = false;

  const total = h('span', { class: 'muted', id: 'queue-total' });
  const liveBadge = h('span', { class: 'live-dot', id: 'live-status' }, 'connecting');
  const list = h('ul', { class: 'queue', id: 'queue', role: 'listbox', 'aria-label': 'Pending reviews, oldest first' });
  const detail = h('section', { class: 'card review-detail', id: 'review-detail', 'aria-live': 'polite' });
  const legend = h('p', { class: 'shortcuts', id: 'shortcuts', 'aria-label': 'Keyboard shortcuts' },
    KEYS.map(([key, what]) => h('span', {}, h('kbd', {}, key), ' ', what)));

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
    clear(list, items.length ? items.map((item) => {
      const li = h('li', {
        role: 'option', class: 'queue-item', tabindex: '-1', 'aria-selected': String(item.review_id === selected),
        dataset: { reviewId: item.review_id },
      },
      h('div', { class: 'queue-item-top' },
        h('strong', {}, item.agent_name),
        h('span', { class: `confidence ${confidenceClass(item.confidence_score)}` }, fmt.pct(item.confidence_score))),
      h('p', { class: 'snippet' }, item.content?.text || describe(item)),
      h('p', { class: 'muted small' }, `${item.campaign_name} · ${fmt.ago(item.created_at)}`, item.overdue ? h('span', { class: 'badge badge-warn' }, 'overdue') : null));
      li.addEventListener('click', () => select(item.review_id));
      return li;
    }) : h('li', { class: 'queue-empty' }, empty('Nothing to review. New items appear here as they arrive.')));
  }

  function renderDetail() {
    const item = current();
    if (!item) {
      clear(detail, h('p', { class: 'muted' }, items.length ? 'Select an item.' : 'The queue is empty.'));
      return;
    }
    const content = item.content || {};
    const payment = content.payment;
    const approve = h('button', { class: 'btn btn-ok', type: 'button', id: 'approve' }, h('kbd', {}, 'a'), ' Approve');
    const reject = h('button', { class: 'btn btn-danger', type: 'button', id: 'reject' }, h('kbd', {}, 'r'), ' Reject');
    const edit = h('button', { class: 'btn', type: 'button', id: 'edit', disabled: item.task_type === 'execute_transaction' }, h('kbd', {}, 'e'), ' Edit');
    approve.addEventListener('click', () => ask('approve'));
    reject.addEventListener('click', () => ask('reject'));
    edit.addEventListener('click', () => ask('edit'));

    let action;
    if (mode === 'approve' || mode === 'reject') {
      const yes = h('button', { class: `btn ${mode === 'approve' ? 'btn-ok' : 'btn-danger'}`, type: 'button', id: 'confirm' }, h('kbd', {}, 'Enter'), ` ${mode === 'approve' ? 'Approve' : 'Reject'}`);
      const no = h('button', { class: 'btn btn-ghost', type: 'button', id: 'cancel' }, h('kbd', {}, 'Esc'), ' Cancel');
      yes.addEventListener('click', confirm);
      no.addEventListener('click', cancel);
      action = h('div', { class: `confirm confirm-${mode}`, role: 'alertdialog', 'aria-label': 'Confirm the decision' },
        h('p', {}, mode === 'approve' ? (payment ? 'Approve this payment? It will be sent.' : 'Approve? It will be published.') : 'Reject? It will not be published.'),
        h('div', { class: 'actions' }, no, yes));
    } else if (mode === 'edit') {
      const text = h('textarea', { id: 'edit-text', rows: 5, 'data-field': 'edited_content.text', 'aria-describedby': 'edit-error', 'aria-label': 'Edited text' }, content.text || '');
      const save = h('button', { class: 'btn btn-ok', type: 'submit', id: 'confirm' }, h('kbd', {}, 'Enter'), ' Approve edited');
      const no = h('button', { class: 'btn btn-ghost', type: 'button', id: 'cancel' }, h('kbd', {}, 'Esc'), ' Cancel');
      no.addEventListener('click', cancel);
      action = h('form', { class: 'editor', id: 'edit-form', novalidate: true },
        text,
        h('p', { class: 'field-error', id: 'edit-error', 'data-for': 'edited_content.text', hidden: true, role: 'alert' }),
        h('p', { class: 'form-error', role: 'alert', hidden: true }),
        h('p', { class: 'muted small' }, h('kbd', {}, 'Shift'), '+', h('kbd', {}, 'Enter'), ' new line'),
        h('div', { class: 'actions' }, no, save));
      action.addEventListener('submit', (event) => {
        event.preventDefault();
        confirm();
      });
    } else {
      action = h('div', { class: 'actions decision-bar' }, reject, edit, approve);
    }

    clear(detail,
      h('header', { class: 'detail-head' },
        h('div', {},
          h('h2', {}, item.agent_name),
          h('p', { class: 'muted small' }, `${item.campaign_name} · ${item.task_type.replace('_', ' ')}${content.platform ? ` · ${content.platform}` : ''} · queued ${fmt.ago(item.created_at)}`)),
        h('div', { class: 'badges' },
          item.offline ? offlineBadge() : null,
          item.reason_code ? h('span', { class: 'badge badge-warn', title: 'Why it was escalated' }, item.reason_code) : null,
          item.overdue ? h('span', { class: 'badge badge-warn' }, 'overdue') : null)),
      h('div', { class: 'confidence-meter' },
        h('span', { class: 'stat-label' }, 'Judge confidence'),
        h('div', { class: 'meter', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': item.confidence_score, 'aria-label': 'Judge confidence' },
          h('div', { class: `meter-fill ${confidenceClass(item.confidence_score)}`, style: `width:${Number(item.confidence_score) * 100}%` })),
        h('strong', { id: 'confidence' }, fmt.pct(item.confidence_score))),
      content.text ? highlighted(content.text, item.findings, { class: 'review-text', id: 'review-text' }) : null,
      content.image_url ? h('img', { class: 'review-image', src: content.image_url, alt: 'Image proposed with the post' }) : null,
      payment ? h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, 'Pay'), h('dd', {}, `${payment.amount_usdc} USDC${payment.network ? ` on ${payment.network}` : ""}`)),
        h('div', {}, h('dt', {}, 'To'), h('dd', { class: 'mono' }, payment.to_address || '—')),
        h('div', {}, h('dt', {}, 'Why'), h('dd', {}, payment.purpose || '—'))) : null,
      content.in_reply_to ? h('p', { class: 'muted small' }, 'In reply to: ', h('q', {}, content.in_reply_to.text || '')) : null,
      h('h3', {}, 'Why it is here'),
      findingList(item.findings, { id: 'review-findings' }),
      h('h3', {}, 'Judge\u2019s reasoning'),
      h('p', { class: 'reasoning', id: 'reasoning' }, item.reasoning || '—'),
      action);
    if (mode === 'edit') {
      const area = detail.querySelector('#edit-text');
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    } else if (mode !== 'idle') {
      detail.querySelector('#confirm')?.focus();
    }
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

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest('input, textarea, select');
    if (event.key === 'Escape') {
      if (mode !== 'idle') {
        event.preventDefault();
        cancel();
      }
      return;
    }
    if (event.key === 'Enter') {
      if (mode === 'edit' && event.shiftKey) return;
      if (mode !== 'idle') {
        event.preventDefault();
        confirm();
      }
      return;
    }
    if (typing || mode === 'edit' || event.shiftKey) return;
    const action = { j: () => move(1), k: () => move(-1), ArrowDown: () => move(1), ArrowUp: () => move(-1),
      a: () => ask('approve'), r: () => ask('reject'), e: () => ask('edit') }[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

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

function confidenceClass(score) {
  const v = Number(score);
  return v >= 0.9 ? 'high' : v >= 0.7 ? 'mid' : 'low';
}

function describe(item) {
  const payment = item.content?.payment;
  return payment ? `Payment of ${payment.amount_usdc ?? ''} USDC` : item.task_type;
}

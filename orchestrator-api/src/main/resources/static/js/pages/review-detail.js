// The review queue's detail pane: the selected item in full, why it is here, and the decision bar (or the
// confirmation, or the editor) for the mode the page is in.
import { h, clear, fmt, offlineBadge } from '../ui.js';
import { highlighted, findingList } from '../findings.js';
import { confidenceClass } from './review-queue.js';

// mode: idle | approve | reject | edit; actions: { ask(mode), confirm(), cancel() } of the page.
export function renderDetail(detail, item, queued, mode, actions) {
  if (!item) {
    clear(detail, h('p', { class: 'muted' }, queued ? 'Select an item.' : 'The queue is empty.'));
    return;
  }
  const content = item.content || {};
  const payment = content.payment;
  const approve = h('button', { class: 'btn btn-ok', type: 'button', id: 'approve' }, h('kbd', {}, 'a'), ' Approve');
  const reject = h('button', { class: 'btn btn-danger', type: 'button', id: 'reject' }, h('kbd', {}, 'r'), ' Reject');
  const edit = h('button', { class: 'btn', type: 'button', id: 'edit', disabled: item.task_type === 'execute_transaction' }, h('kbd', {}, 'e'), ' Edit');
  approve.addEventListener('click', () => actions.ask('approve'));
  reject.addEventListener('click', () => actions.ask('reject'));
  edit.addEventListener('click', () => actions.ask('edit'));

  let action;
  if (mode === 'approve' || mode === 'reject') {
    const yes = h('button', { class: `btn ${mode === 'approve' ? 'btn-ok' : 'btn-danger'}`, type: 'button', id: 'confirm' }, h('kbd', {}, 'Enter'), ` ${mode === 'approve' ? 'Approve' : 'Reject'}`);
    const no = h('button', { class: 'btn btn-ghost', type: 'button', id: 'cancel' }, h('kbd', {}, 'Esc'), ' Cancel');
    yes.addEventListener('click', actions.confirm);
    no.addEventListener('click', actions.cancel);
    action = h('div', { class: `confirm confirm-${mode}`, role: 'alertdialog', 'aria-label': 'Confirm the decision' },
      h('p', {}, mode === 'approve' ? (payment ? 'Approve this payment? It will be sent.' : 'Approve? It will be published.') : 'Reject? It will not be published.'),
      h('div', { class: 'actions' }, no, yes));
  } else if (mode === 'edit') {
    const text = h('textarea', { id: 'edit-text', rows: 5, 'data-field': 'edited_content.text', 'aria-describedby': 'edit-error', 'aria-label': 'Edited text' }, content.text || '');
    const save = h('button', { class: 'btn btn-ok', type: 'submit', id: 'confirm' }, h('kbd', {}, 'Enter'), ' Approve edited');
    const no = h('button', { class: 'btn btn-ghost', type: 'button', id: 'cancel' }, h('kbd', {}, 'Esc'), ' Cancel');
    no.addEventListener('click', actions.cancel);
    action = h('form', { class: 'editor', id: 'edit-form', novalidate: true },
      text,
      h('p', { class: 'field-error', id: 'edit-error', 'data-for': 'edited_content.text', hidden: true, role: 'alert' }),
      h('p', { class: 'form-error', role: 'alert', hidden: true }),
      h('p', { class: 'muted small' }, h('kbd', {}, 'Shift'), '+', h('kbd', {}, 'Enter'), ' new line'),
      h('div', { class: 'actions' }, no, save));
    action.addEventListener('submit', (event) => {
      event.preventDefault();
      actions.confirm();
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

// The review queue's list: one entry per pending review, with its confidence coloured.
import { h, fmt } from '../ui.js';

export function queueItem(item, selected, onSelect) {
  const li = h('li', {
    role: 'option', class: 'queue-item', tabindex: '-1', 'aria-selected': String(item.review_id === selected),
    dataset: { reviewId: item.review_id },
  },
  h('div', { class: 'queue-item-top' },
    h('strong', {}, item.agent_name),
    h('span', { class: `confidence ${confidenceClass(item.confidence_score)}` }, fmt.pct(item.confidence_score))),
  h('p', { class: 'snippet' }, item.content?.text || describe(item)),
  h('p', { class: 'muted small' }, `${item.campaign_name} · ${fmt.ago(item.created_at)}`, item.overdue ? h('span', { class: 'badge badge-warn' }, 'overdue') : null));
  li.addEventListener('click', () => onSelect(item.review_id));
  return li;
}

export function confidenceClass(score) {
  const v = Number(score);
  return v >= 0.9 ? 'high' : v >= 0.7 ? 'mid' : 'low';
}

function describe(item) {
  const payment = item.content?.payment;
  return payment ? `Payment of ${payment.amount_usdc ?? ''} USDC` : item.task_type;
}

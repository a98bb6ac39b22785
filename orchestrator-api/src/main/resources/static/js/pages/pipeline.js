// Pipeline: queue depths per priority, tasks per status, errors by code, workers, recent incidents.
import { api } from '../api.js';
import { h, clear, fmt, empty } from '../ui.js';
import { sparkline } from '../chart.js';
import { stat } from './fleet.js';

const REFRESH_MS = 2000;
const HISTORY = 60;

// docs/architecture.md §11: the codes and what they mean (the API counts them; these are the labels).
const CODES = {
  E1001: 'Budget exceeded',
  E1002: 'MCP server unavailable',
  E1003: 'Prompt injection detected',
  E1004: 'State version conflict (OCC)',
  E1005: 'Wallet insufficient funds',
  E1006: 'Content safety violation',
  E2001: 'Worker timeout (>60s)',
  E2002: 'Database connection lost',
};
const STATUSES = ['pending', 'in_progress', 'review', 'complete', 'failed'];

export function mount(root) {
  const headline = h('div', { class: 'stats', id: 'pipeline-stats' });
  const queues = h('div', { class: 'card', id: 'queues' });
  const statuses = h('div', { class: 'card', id: 'statuses' });
  const errors = h('div', { class: 'card', id: 'errors' });
  const incidents = h('div', { class: 'card', id: 'incidents' });
  const updated = h('span', { class: 'muted small', id: 'pipeline-updated' });
  const history = { complete: [], queued: [] };

  root.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Pipeline'), h('p', { class: 'muted' }, 'Planner → queues → workers → judge → review → published. Live every 2 s.')),
      updated),
    headline,
    h('div', { class: 'pipeline-grid' }, queues, statuses, errors, incidents));

  function bars(title, id, entries, max) {
    return [h('h2', {}, title), h('ul', { class: 'bars', id },
      entries.map(([label, value, cls]) => h('li', { dataset: { key: label } },
        h('span', { class: 'bar-label' }, label.replace('_', ' ')),
        h('span', { class: 'bar-track' }, h('span', { class: `bar-fill ${cls || ''}`, style: `width:${max ? (value / max) * 100 : 0}%` })),
        h('span', { class: 'bar-value' }, fmt.num(value)))))];
  }

  async function refresh() {
    try {
      const [p, recent] = await Promise.all([api.pipeline(), api.incidents(12)]);
      const queued = Object.values(p.queues).reduce((a, b) => a + b, 0);
      history.complete = [...history.complete, p.tasks_by_status.complete].slice(-HISTORY);
      history.queued = [...history.queued, queued].slice(-HISTORY);
      clear(headline,
        stat('Workers', fmt.num(p.workers)),
        withSpark(stat('Queued', fmt.num(queued)), history.queued, 'var(--c1)'),
        withSpark(stat('Completed', fmt.num(p.tasks_by_status.complete)), history.complete, 'var(--c4)'),
        stat('Awaiting review', fmt.num(p.hitl_pending), '#/review'),
        stat('Agents with results', fmt.num(p.review_ready_agents)),
        stuckStat('Past deadline', p.stuck?.past_deadline, 'Open tasks past their deadline (not waiting for a human); the sweeper fails them after a grace'),
        stuckStat('Swept, 24 h', p.stuck?.swept_last_24h, 'Tasks failed with E2001 because nothing finished them by their deadline plus grace'));
      const qmax = Math.max(1, ...Object.values(p.queues));
      clear(queues, bars('Queue depth by priority', 'queue-depths', ['high', 'medium', 'low'].map((k) => [k, p.queues[k] ?? 0, `prio-${k}`]), qmax));
      const smax = Math.max(1, ...STATUSES.map((s) => p.tasks_by_status[s] ?? 0));
      clear(statuses, bars('Tasks by status', 'task-statuses', STATUSES.map((s) => [s, p.tasks_by_status[s] ?? 0, `st-${s}`]), smax));
      clear(errors, h('h2', {}, 'Errors, last 24 h'), h('table', { class: 'codes', id: 'error-codes' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Meaning'), h('th', { scope: 'col', class: 'num' }, 'Count'))),
        h('tbody', {}, Object.entries(CODES).map(([code, meaning]) => {
          const n = p.errors_last_24h[code] ?? 0;
          return h('tr', { class: n ? 'has' : '' }, h('td', { class: 'mono' }, code), h('td', {}, meaning), h('td', { class: 'num' }, fmt.num(n)));
        }))));
      clear(incidents, h('h2', {}, 'Recent incidents'), recent.items.length
        ? h('ul', { class: 'incidents', id: 'incident-list' }, recent.items.map((i) => h('li', {},
          h('div', { class: 'incident-top' },
            h('span', { class: 'badge badge-code', title: i.title }, i.code || i.title),
            h('strong', {}, i.agent_name || 'fleet'),
            h('time', { datetime: i.created_at, title: fmt.time(i.created_at), class: 'muted small' }, fmt.ago(i.created_at))),
          h('p', { class: 'small' }, i.message))))
        : empty('No incidents. Injection attempts, budget stops and failed payments show up here.'));
      updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
    } catch (e) {
      if (e.status !== 401) updated.textContent = `Could not refresh: ${e.message}`;
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function stuckStat(label, value, title) {
  const card = stat(label, fmt.num(value ?? 0));
  card.title = title;
  card.dataset.stuck = label;
  if (value) card.classList.add('warn');
  return card;
}

function withSpark(card, values, color) {
  if (values.length > 1) card.append(sparkline(values, color));
  return card;
}

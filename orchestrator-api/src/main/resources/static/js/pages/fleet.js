// Fleet: every agent with status, today's spend against its budget, autonomy, pending reviews.
import { api } from '../api.js';
import { h, clear, fmt, pill, toast, empty } from '../ui.js';
import { agentForm, campaignForm } from './forms.js';

const REFRESH_MS = 4000;

export function mount(root) {
  let agents = [];
  const grid = h('div', { class: 'agent-grid', id: 'agents', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading agents…'));
  const totals = h('div', { class: 'stats' });
  const newAgent = h('button', { class: 'btn btn-primary', type: 'button', id: 'new-agent' }, '+ New agent');
  const newCampaign = h('button', { class: 'btn', type: 'button', id: 'new-campaign' }, '+ New campaign');
  const agentSheet = agentForm(() => refresh());
  let campaignSheet = null;

  newAgent.addEventListener('click', () => agentSheet.showModal());
  newCampaign.addEventListener('click', () => {
    campaignSheet?.remove();
    campaignSheet = campaignForm(agents, (created) => refresh());
    root.append(campaignSheet);
    campaignSheet.showModal();
  });

  root.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Fleet'), h('p', { class: 'muted' }, 'Your agents, what they spend today and how often they need you.')),
      h('div', { class: 'actions' }, newCampaign, newAgent)),
    totals, grid, agentSheet);

  async function toggle(agent, button) {
    button.disabled = true;
    try {
      const updated = agent.status === 'active' ? await api.pauseAgent(agent.agent_id) : await api.resumeAgent(agent.agent_id);
      toast(`${updated.name} is ${updated.status}`);
      await refresh();
    } catch (e) {
      toast(e.message, 'error');
      button.disabled = false;
    }
  }

  function card(agent) {
    const budget = Number(agent.budget_daily_usd ?? 0);
    const spent = Number(agent.spent_today_usd ?? 0);
    const used = budget > 0 ? Math.min(1, spent / budget) : 0;
    const button = h('button', { class: 'btn btn-small', type: 'button', dataset: { action: agent.status === 'active' ? 'pause' : 'resume' } },
      agent.status === 'active' ? 'Pause' : 'Resume');
    button.addEventListener('click', () => toggle(agent, button));
    return h('article', { class: 'card agent-card', dataset: { agentId: agent.agent_id, agentName: agent.name } },
      h('header', { class: 'agent-card-head' },
        h('a', { class: 'agent-name', href: `#/agents/${agent.agent_id}` }, agent.name),
        pill(agent.status),
        agent.financial_paused ? h('span', { class: 'badge badge-warn', title: 'E1005: payments paused until funds arrive' }, 'payments paused') : null),
      h('p', { class: 'agent-persona muted' }, (agent.persona?.topics || []).slice(0, 3).join(' · ') || '—'),
      h('div', { class: 'meter', role: 'meter', 'aria-label': 'Spend today against the daily budget', 'aria-valuemin': 0, 'aria-valuemax': budget, 'aria-valuenow': spent },
        h('div', { class: `meter-fill ${used > 0.9 ? 'hot' : ''}`, style: `width:${(used * 100).toFixed(1)}%` })),
      h('p', { class: 'meter-label' }, h('strong', { class: 'spent' }, fmt.usdFine(spent)), ` of ${fmt.usd(budget)} today`),
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, 'Autonomy'), h('dd', { class: 'autonomy' }, fmt.pct(agent.autonomy_rate))),
        h('div', {}, h('dt', {}, 'Reviews'), h('dd', { class: 'pending' },
          agent.pending_reviews > 0 ? h('a', { href: '#/review' }, String(agent.pending_reviews)) : '0')),
        h('div', {}, h('dt', {}, 'Wallet'), h('dd', { class: 'mono' }, agent.wallet_address ? `${agent.wallet_address.slice(0, 6)}…${agent.wallet_address.slice(-4)}` : '—'))),
      h('footer', { class: 'agent-card-foot' },
        h('a', { class: 'btn btn-small btn-ghost', href: `#/agents/${agent.agent_id}` }, 'Open'),
        button));
  }

  async function refresh() {
    try {
      const body = await api.agents();
      agents = body.items;
      const spent = agents.reduce((sum, a) => sum + Number(a.spent_today_usd || 0), 0);
      const pending = agents.reduce((sum, a) => sum + Number(a.pending_reviews || 0), 0);
      clear(totals,
        stat('Agents', fmt.num(agents.length)),
        stat('Active', fmt.num(agents.filter((a) => a.status === 'active').length)),
        stat('Spent today', fmt.usdFine(spent)),
        stat('Pending reviews', fmt.num(pending), pending ? '#/review' : null));
      clear(grid, agents.length ? agents.map(card) : empty('No agents yet. Create one from a SOUL.md file.'));
    } catch (e) {
      if (e.status !== 401) clear(grid, h('p', { class: 'form-error' }, `Could not load agents: ${e.message}`));
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

export function stat(label, value, href) {
  const v = h('span', { class: 'stat-value' }, value);
  return h('div', { class: 'stat card' }, h('span', { class: 'stat-label' }, label), href ? h('a', { href }, v) : v);
}

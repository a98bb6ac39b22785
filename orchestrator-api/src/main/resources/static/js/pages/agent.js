// One agent: persona, wallet, campaigns, metrics per day as charts, and its sandbox timeline.
import { api } from '../api.js';
import { tryAPost } from '../findings.js';
import { h, clear, fmt, pill, toast, empty, offlineBadge } from '../ui.js';
import { chart, icon } from '../chart.js';
import { stat } from './fleet.js';
import { personaCard } from './agent-persona.js';

const REFRESH_MS = 4000;
const COLORS = { posts: 'var(--c1)', engagement: 'var(--c2)', spend: 'var(--c3)', revenue: 'var(--c4)', autonomy: 'var(--c5)' };

export function mount(root, agentId) {
  const head = h('div', { class: 'page-head' }, h('p', { class: 'muted' }, 'Loading…'));
  const persona = h('section', { class: 'card', 'aria-labelledby': 'persona-h' });
  const wallet = h('section', { class: 'card wallet', id: 'wallet', 'aria-labelledby': 'wallet-h' });
  const totals = h('div', { class: 'stats', id: 'agent-stats' });
  const charts = h('div', { class: 'charts', id: 'charts' });
  const campaigns = h('div', { class: 'campaigns', id: 'campaigns' });
  const timeline = h('ol', { class: 'timeline', id: 'timeline', 'aria-live': 'polite' });
  const timelineCount = h('span', { class: 'muted' });

  root.append(head,
    h('div', { class: 'agent-top' }, persona, wallet),
    totals,
    h('section', { 'aria-labelledby': 'charts-h' }, h('h2', { id: 'charts-h' }, 'Last 14 days'), charts),
    h('section', { 'aria-labelledby': 'campaigns-h' }, h('h2', { id: 'campaigns-h' }, 'Campaigns'), campaigns),
    tryAPost(agentId),
    h('section', { 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'Timeline ', timelineCount), timeline));

  let agent = null;

  async function toggleAgent(button) {
    button.disabled = true;
    try {
      agent = agent.status === 'active' ? await api.pauseAgent(agentId) : await api.resumeAgent(agentId);
      toast(`${agent.name} is ${agent.status}`);
      seen.agent = JSON.stringify(agent);
      renderHead();
    } catch (e) {
      toast(e.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  function renderHead() {
    const button = h('button', { class: 'btn', type: 'button', id: 'agent-toggle' }, agent.status === 'active' ? 'Pause agent' : 'Resume agent');
    button.addEventListener('click', () => toggleAgent(button));
    clear(head,
      h('div', {},
        h('a', { class: 'back', href: '#/fleet' }, '← Fleet'),
        h('h1', {}, agent.name, ' ', pill(agent.status)),
        agent.status_reason ? h('p', { class: 'muted' }, agent.status_reason) : null),
      h('div', { class: 'actions' }, button));
    clear(persona, ...personaCard(agent));
  }

  async function renderWallet() {
    try {
      const w = await api.wallet(agentId);
      clear(wallet,
        h('h2', { id: 'wallet-h' }, 'Wallet'),
        w.address
          ? h('p', { class: 'mono address', title: w.address }, w.address)
          : h('p', { class: 'muted' }, 'No wallet: no wallet component is configured.'),
        h('div', { class: 'balances' },
          h('div', {}, h('span', { class: 'stat-label' }, 'USDC'), h('span', { class: 'stat-value', id: 'usdc' }, fmt.token(w.usdc, ''))),
          h('div', {}, h('span', { class: 'stat-label' }, 'ETH (gas)'), h('span', { class: 'stat-value' }, fmt.token(w.eth, '')))),
        h('p', { class: 'muted small' },
          w.network ? `on ${w.network}` : (w.address ? 'Balances unknown: no chain is connected.' : ''),
          w.balance_error ? ` ${w.balance_error}` : ''));
    } catch (e) {
      clear(wallet, h('h2', { id: 'wallet-h' }, 'Wallet'), h('p', { class: 'form-error' }, e.message));
    }
  }

  function renderSeries(body) {
    const s = body.series;
    const labels = s.map((d) => d.day);
    const sum = (key) => s.reduce((t, d) => t + Number(d[key] || 0), 0);
    clear(totals,
      stat('Posts (14 d)', fmt.num(sum('posts'))),
      stat('Engagement (14 d)', fmt.num(sum('engagement'))),
      stat('Spend (14 d)', fmt.usdFine(sum('spend_usd'))),
      stat('Revenue (14 d)', fmt.usd(sum('revenue_usd'))),
      stat('Autonomy today', fmt.pct(s.at(-1)?.autonomy_rate)));
    totals.querySelector('.stat:first-child .stat-value').id = 'posts-total';
    const num = (key) => s.map((d) => (d[key] === null ? null : Number(d[key])));
    clear(charts,
      chart({ title: 'Posts per day', labels, series: [{ name: 'posts', values: num('posts'), kind: 'bar', color: COLORS.posts }], format: (v) => fmt.num(Math.round(v ?? 0)), integer: true }),
      chart({ title: 'Engagement', labels, series: [{ name: 'likes+reposts+replies', values: num('engagement'), color: COLORS.engagement }], format: (v) => fmt.num(Math.round(v ?? 0)), integer: true }),
      chart({ title: 'Spend vs revenue (USD)', labels, series: [
        { name: 'spend', values: num('spend_usd'), kind: 'bar', color: COLORS.spend },
        { name: 'revenue', values: num('revenue_usd'), color: COLORS.revenue }], format: (v) => (v === null || v === undefined ? '—' : `$${Number(v).toFixed(v < 1 && v > 0 ? 3 : 2)}`) }),
      chart({ title: 'Autonomy rate', labels, max: 1, series: [{ name: 'judge alone', values: num('autonomy_rate'), color: COLORS.autonomy }], format: fmt.pct }));
  }

  function renderCampaigns(items) {
    clear(campaigns, items.length ? items.map((c) => {
      const done = c.tasks_by_status || {};
      const button = c.status === 'active' || c.status === 'paused'
        ? h('button', { class: 'btn btn-small', type: 'button' }, c.status === 'active' ? 'Pause' : 'Resume') : null;
      button?.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const updated = c.status === 'active' ? await api.pauseCampaign(c.campaign_id) : await api.resumeCampaign(c.campaign_id);
          toast(`${updated.name} is ${updated.status}`);
          refresh();
        } catch (e) {
          toast(e.message, 'error');
          button.disabled = false;
        }
      });
      return h('article', { class: 'card campaign' },
        h('header', { class: 'agent-card-head' }, h('strong', {}, c.name), pill(c.status), h('span', { class: 'spacer' }), button),
        h('p', { class: 'goals' }, c.goals),
        h('p', { class: 'muted small' },
          `${c.planned_posts} of ${c.estimated_posts} posts planned · ${c.posts_per_day}/day for ${c.duration_days} days · spent ${fmt.usdFine(c.spent_usd)}`,
          c.budget_daily_usd !== null ? ` of ${fmt.usd(c.budget_daily_usd)}/day` : ''),
        Object.keys(done).length ? h('p', { class: 'chips' }, Object.entries(done).map(([k, v]) => h('span', { class: `chip chip-${k}` }, `${k.replace('_', ' ')} ${v}`))) : null);
    }) : empty('No campaigns yet. Start one from the Fleet page.'));
  }

  function renderTimeline(body) {
    timelineCount.textContent = `(${fmt.plural(body.total, 'post')})`;
    clear(timeline, body.items.length ? body.items.map((p) => h('li', { class: 'card post', dataset: { postId: p.post_id } },
      h('header', { class: 'post-head' },
        h('span', { class: 'platform' }, p.platform),
        h('span', { class: 'account' }, `@${p.account}`),
        h('time', { datetime: p.posted_at, title: fmt.time(p.posted_at) }, fmt.ago(p.posted_at)),
        p.offline ? offlineBadge() : null,
        p.approved_by ? h('span', { class: `badge badge-${p.approved_by}` }, p.approved_by === 'human' ? 'approved by a human' : 'approved by the judge') : null),
      h('p', { class: 'post-text' }, p.text),
      p.media_urls.length ? h('div', { class: 'media' }, p.media_urls.map((url) => h('img', { src: url, alt: 'Image posted with this text' }))) : null,
      h('footer', { class: 'engagement' },
        metric('likes', p.engagement.likes),
        metric('reposts', p.engagement.reposts),
        metric('replies', p.engagement.replies),
        metric('impressions', p.engagement.impressions))))
      : h('li', {}, empty('Nothing published yet. Approved posts appear here.')));
  }

  const seen = {};
  function changed(key, value) {
    const json = JSON.stringify(value);
    if (seen[key] === json) return false;
    seen[key] = json;
    return true;
  }

  async function refresh() {
    try {
      const [a, series, cs, tl] = await Promise.all([api.agent(agentId), api.series(agentId), api.campaigns(agentId), api.timeline(agentId)]);
      agent = a;
      // Re-render only what changed, so images and focus stay put between refreshes.
      changed('agent', a) && renderHead();
      changed('series', series) && renderSeries(series);
      changed('campaigns', cs.items) && renderCampaigns(cs.items);
      changed('timeline', tl) && renderTimeline(tl);
    } catch (e) {
      if (e.status === 404) clear(head, h('div', {}, h('a', { class: 'back', href: '#/fleet' }, '← Fleet'), h('h1', {}, 'No such agent')));
      else if (e.status !== 401) toast(`Could not load the agent: ${e.message}`, 'error');
    }
  }

  refresh();
  renderWallet();
  const timer = setInterval(refresh, REFRESH_MS);
  const walletTimer = setInterval(renderWallet, REFRESH_MS * 5);
  return () => {
    clearInterval(timer);
    clearInterval(walletTimer);
  };
}

function metric(name, value) {
  return h('span', { class: 'metric', title: name }, icon(name), h('span', { class: 'sr-only' }, `${name} `), fmt.num(value));
}

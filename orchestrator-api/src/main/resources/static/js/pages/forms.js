// The create-agent and create-campaign forms: the API validates, the form shows its answer per field.
import { api } from '../api.js';
import { h, field, showErrors, clearErrors, toast } from '../ui.js';

async function base64(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** '' stays out of the request; anything else goes as a number (or as typed, for the API to refuse). */
function amount(input) {
  const raw = input.value.trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isNaN(n) ? raw : n;
}

function dialog(title, form) {
  const close = h('button', { class: 'btn btn-ghost icon', type: 'button', 'aria-label': 'Close' }, '✕');
  const el = h('dialog', { class: 'sheet', 'aria-label': title },
    h('header', { class: 'sheet-head' }, h('h2', {}, title), close),
    form);
  close.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    form.reset();
    clearErrors(form);
  });
  return el;
}

export function agentForm(onCreated) {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', placeholder: 'Selam Style' });
  const soul = h('input', { type: 'file', name: 'persona_file', accept: '.md,.txt,.json,.yaml,.yml,text/markdown,text/plain,application/json' });
  const twitter = h('input', { type: 'text', name: 'twitter', autocomplete: 'off', placeholder: 'selam_style' });
  const instagram = h('input', { type: 'text', name: 'instagram', autocomplete: 'off' });
  const daily = h('input', { type: 'number', name: 'daily_usd', step: '0.01', inputmode: 'decimal', placeholder: '100.00' });
  const total = h('input', { type: 'number', name: 'total_usd', step: '0.01', inputmode: 'decimal' });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Create agent');
  const form = h('form', { id: 'agent-form', novalidate: true },
    field('Name', 'name', name),
    field('Persona (SOUL.md, character JSON or text)', 'persona_file', soul, 'Any markdown persona: who she is, how she talks, what she posts about, what she stays away from, brands, disclosure, languages.'),
    h('div', { class: 'row2' },
      field('Twitter handle', 'social_accounts[twitter].username', twitter),
      field('Instagram handle', 'social_accounts[instagram].username', instagram)),
    h('div', { class: 'row2' },
      field('Daily budget (USD)', 'budget.daily_usd', daily, 'Empty: the default.'),
      field('Total budget (USD)', 'budget.total_usd', total)),
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' }, submit));
  const sheet = dialog('New agent', form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try {
      const social = {};
      if (twitter.value.trim()) social.twitter = { username: twitter.value.trim().replace(/^@/, '') };
      if (instagram.value.trim()) social.instagram = { username: instagram.value.trim().replace(/^@/, '') };
      const budget = { daily_usd: amount(daily), total_usd: amount(total) };
      const body = {
        name: name.value,
        persona_file: soul.files[0] ? await base64(soul.files[0]) : '',
        social_accounts: social,
        budget: budget.daily_usd === undefined && budget.total_usd === undefined ? undefined : budget,
      };
      const created = await api.createAgent(body);
      sheet.close();
      toast(created.warnings?.length ? `Agent ${created.name} created; ${created.warnings.length} persona warning(s) on its page` : `Agent ${created.name} created`);
      onCreated(created);
    } catch (e) {
      showErrors(form, e);
    } finally {
      submit.disabled = false;
    }
  });
  return sheet;
}

export function campaignForm(agents, onCreated) {
  const agent = h('select', { name: 'agent_id' },
    h('option', { value: '' }, 'Choose an agent…'),
    agents.filter((a) => a.status === 'active').map((a) => h('option', { value: a.agent_id }, a.name)));
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', placeholder: 'Summer Collection 2026' });
  const goals = h('textarea', { name: 'goals', rows: 3, placeholder: 'Promote Ethiopian designers, 3 posts a day' });
  const days = h('input', { type: 'number', name: 'duration_days', step: '1', inputmode: 'numeric', value: '14' });
  const daily = h('input', { type: 'number', name: 'budget_daily_usd', step: '0.01', inputmode: 'decimal' });
  const total = h('input', { type: 'number', name: 'budget_total_usd', step: '0.01', inputmode: 'decimal' });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Start campaign');
  const form = h('form', { id: 'campaign-form', novalidate: true },
    field('Agent', 'agent_id', agent),
    field('Name', 'name', name),
    field('Goals', 'goals', goals, 'Plain language; "N posts a day" sets the pace (3 a day otherwise).'),
    h('div', { class: 'row3' },
      field('Days', 'duration_days', days),
      field('Daily budget (USD)', 'budget_daily_usd', daily),
      field('Total budget (USD)', 'budget_total_usd', total)),
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'actions' }, submit));
  const sheet = dialog('New campaign', form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try {
      const created = await api.createCampaign({
        agent_id: agent.value || null,
        name: name.value,
        goals: goals.value,
        duration_days: amount(days) ?? null,
        budget_daily_usd: amount(daily),
        budget_total_usd: amount(total),
      });
      sheet.close();
      toast(`Campaign started: ${created.estimated_posts} posts over ${amount(days)} days`);
      onCreated(created);
    } catch (e) {
      showErrors(form, e);
    } finally {
      submit.disabled = false;
    }
  });
  return sheet;
}

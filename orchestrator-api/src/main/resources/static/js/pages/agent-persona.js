// The persona card of the agent page: what the persona file says, with the warnings its parse gave.
import { h } from '../ui.js';

export function personaCard(agent) {
  const p = agent.persona || {};
  const list = (label, items, cls) => items?.length
    ? h('div', { class: 'persona-row' }, h('dt', {}, label), h('dd', {}, items.map((i) => h('span', { class: `chip ${cls || ''}` }, i))))
    : null;
  return [
    h('h2', { id: 'persona-h' }, 'Persona'),
    p.identity ? h('p', { class: 'identity' }, p.identity) : null,
    p.warnings?.length
      ? h('ul', { class: 'persona-warnings', 'aria-label': 'Persona warnings' }, p.warnings.map((w) => h('li', {}, w)))
      : null,
    h('dl', { class: 'persona' },
      list('Voice', p.voice),
      list('Topics', p.topics),
      list('Never', p.forbidden_topics, 'chip-no'),
      list('Brands', p.approved_brands),
      list('Disclosure', [p.disclosure]),
      list('Languages', p.languages),
      list('Accounts', Object.entries(agent.social_accounts || {}).map(([platform, a]) => `${platform} @${a.username}`)))];
}

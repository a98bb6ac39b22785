// The judge's findings, readable: the text with the offending words marked, and the list of reasons.
import { h, clear, fmt, toast } from './ui.js';
import { api } from './api.js';

const SEVERITY = { reject: 'Reject', escalate: 'Needs a human', penalty: 'Lowers confidence', note: 'Note' };

/** The text with every finding's span in a <mark> (severity as its class, the reason as its title). */
export function highlighted(text, findings = [], attrs = {}) {
  const spans = findings
    .filter((f) => f.span && Number.isInteger(f.span.start) && f.span.end > f.span.start && f.span.end <= text.length)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const parts = [];
  let at = 0;
  for (const f of spans) {
    if (f.span.start < at) continue; // overlaps one already marked
    if (f.span.start > at) parts.push(text.slice(at, f.span.start));
    parts.push(h('mark', { class: `finding-mark sev-${f.severity}`, title: f.detail, dataset: { code: f.code } }, text.slice(f.span.start, f.span.end)));
    at = f.span.end;
  }
  parts.push(text.slice(at));
  return h('blockquote', attrs, parts);
}

/** Why the judge decided as it did: one line per finding, most severe first. */
export function findingList(findings = [], attrs = {}) {
  const order = ['reject', 'escalate', 'penalty', 'note'];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  if (!sorted.length) return h('p', { class: 'muted small', ...attrs }, 'No findings.');
  return h('ul', { class: 'findings', ...attrs }, sorted.map((f) => h('li', { class: `finding sev-${f.severity}`, dataset: { code: f.code } },
    h('span', { class: `badge sev-${f.severity}` }, SEVERITY[f.severity] || f.severity),
    ' ', h('code', {}, f.code), ' ', f.detail,
    f.span ? h('span', { class: 'muted small' }, ' — “', f.span.text, '”') : null)));
}

/** The agent page's "try a post" box: what the judge would decide, through the preview endpoint. */
export function tryAPost(agentId) {
  const text = h('textarea', { id: 'try-text', rows: 3, 'aria-label': 'A post to try', placeholder: 'Write a post as this agent…' });
  const sponsored = h('input', { type: 'checkbox', id: 'try-sponsored' });
  const button = h('button', { class: 'btn', type: 'submit', id: 'try-submit' }, 'Ask the judge');
  const result = h('div', { id: 'try-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card try-post', id: 'try-post', 'aria-labelledby': 'try-h', novalidate: true },
    h('h2', { id: 'try-h' }, 'Try a post'),
    h('p', { class: 'muted small' }, 'What the judge would decide. Nothing is stored, published or spent.'),
    text,
    h('label', { class: 'small' }, sponsored, ' sponsored post'),
    h('div', { class: 'actions' }, button),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      clear(result, h('p', { class: 'field-error', role: 'alert' }, 'Write a post first.'));
      return;
    }
    button.disabled = true;
    try {
      // as a worker sends it: the platform's AI label travels in disclosure_level
      const body = { result: { content_type: 'text', text: text.value, disclosure_level: 'automated' }, confidence_score: 1, tool_calls: [] };
      if (sponsored.checked) body.context = { goal_description: 'Create a sponsored post' };
      const answer = await api.previewJudge(agentId, body);
      clear(result,
        h('p', {}, h('span', { class: `badge decision-${answer.decision}`, id: 'try-decision' }, answer.decision), ' confidence ', fmt.pct(answer.confidence)),
        highlighted(text.value, answer.findings, { class: 'review-text', id: 'try-text-marked' }),
        findingList(answer.findings, { id: 'try-findings' }));
    } catch (e) {
      clear(result, h('p', { class: 'form-error', role: 'alert' }, e.message));
      if (e.status !== 422 && e.status !== 400) toast(e.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// Small DOM helpers: element builder, formatting, toasts and the API's field errors next to fields.
import { now } from './clock.js';

/** h('div', {class: 'x', onclick: fn}, child, 'text', [more]) → an element. Text is always escaped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fine = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const count = new Intl.NumberFormat('en-US');

export const fmt = {
  usd: (v) => (v === null || v === undefined ? '—' : usd.format(Number(v))),
  usdFine: (v) => (v === null || v === undefined ? '—' : fine.format(Number(v))),
  num: (v) => (v === null || v === undefined ? '—' : count.format(Number(v))),
  pct: (v) => (v === null || v === undefined ? '—' : `${Math.round(Number(v) * 100)}%`),
  token: (v, unit) => (v === null || v === undefined ? '—' : `${Number(v).toLocaleString('en-US', { maximumFractionDigits: 6 })} ${unit}`),
  time: (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '—'),
  ago(iso) {
    if (!iso) return '—';
    const seconds = Math.round((now() - new Date(iso).getTime()) / 1000);
    if (Math.abs(seconds) < 60) return 'just now';
    const units = [['d', 86400], ['h', 3600], ['m', 60]];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) {
        const n = Math.round(Math.abs(seconds) / size);
        return seconds >= 0 ? `${n}${unit} ago` : 'just now';
      }
    }
    return '';
  },
  plural: (n, word) => `${count.format(n)} ${word}${Number(n) === 1 ? '' : 's'}`,
  short: (id) => (id ? String(id).slice(0, 8) : '—'),
};

export function pill(status) {
  return h('span', { class: `pill pill-${status}` }, status.replace('_', ' '));
}

export function offlineBadge() {
  return h('span', { class: 'badge badge-offline', title: 'Written by the offline model, not a hosted LLM' }, 'offline model');
}

let toastRegion;

/** A short message in the corner, read out by screen readers. */
export function toast(message, kind = 'ok') {
  toastRegion ??= document.getElementById('toasts');
  const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  toastRegion.append(el);
  setTimeout(() => el.classList.add('leaving'), 3600);
  setTimeout(() => el.remove(), 4000);
}

/** Removes every error a previous submit showed on the form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => {
    e.textContent = '';
    e.hidden = true;
  });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.form-error');
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}

/**
 * Shows an API refusal on a form: each errors[] entry next to the input whose data-field names it
 * (the API's JSON path, e.g. budget.daily_usd), the rest (or the detail) at the form's foot.
 */
export function showErrors(form, error) {
  clearErrors(form);
  const unplaced = [];
  for (const problem of error.errors || []) {
    const slot = form.querySelector(`.field-error[data-for="${CSS.escape(problem.field)}"]`);
    if (slot) {
      slot.textContent = problem.message;
      slot.hidden = false;
      const input = form.querySelector(`[data-field="${CSS.escape(problem.field)}"]`);
      input?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${problem.field}: ${problem.message}`);
    }
  }
  const summary = form.querySelector('.form-error');
  if (summary && (unplaced.length || !(error.errors || []).length)) {
    summary.textContent = unplaced.length ? unplaced.join('; ') : error.message;
    summary.hidden = false;
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/** A labelled input with the slot for its API error. */
export function field(label, field, input, hint) {
  const id = `f-${field.replace(/[^a-z0-9]/gi, '-')}-${Math.random().toString(36).slice(2, 7)}`;
  input.id = id;
  input.dataset.field = field;
  const errorId = `${id}-error`;
  input.setAttribute('aria-describedby', errorId);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { class: 'hint' }, hint) : null,
    h('p', { class: 'field-error', id: errorId, 'data-for': field, hidden: true, role: 'alert' }));
}

export function empty(message) {
  return h('p', { class: 'empty' }, message);
}

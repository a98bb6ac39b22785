// The sign-in form, shown when GET /v1/auth/me answers 401.
import { api } from '../api.js';
import { h, field, showErrors, clearErrors } from '../ui.js';

export function mount(root, signedIn) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card login', id: 'login-form', novalidate: true },
    h('div', { class: 'login-brand' },
      h('span', { class: 'logo', 'aria-hidden': 'true' }),
      h('h1', {}, 'Chimera'),
      h('p', { class: 'muted' }, 'Sign in to run your agents.')),
    field('Email', 'email', email),
    field('Password', 'password', password),
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try {
      const body = await api.login(email.value.trim(), password.value);
      signedIn(body.user || body);
    } catch (e) {
      showErrors(form, e.status === 401 ? { message: 'Wrong email or password.', errors: [] } : e);
    } finally {
      submit.disabled = false;
    }
  });
  root.append(h('section', { class: 'login-wrap' }, form));
  email.focus();
}

// The dashboard's shell: who is signed in, the hash router, and the page in view.
import { api, onUnauthorized } from './api.js';
import { h, clear, toast } from './ui.js';
import * as fleet from './pages/fleet.js';
import * as agent from './pages/agent.js';
import * as review from './pages/review.js';
import * as pipeline from './pages/pipeline.js';
import * as login from './pages/login.js';
import * as live from './live.js';
import * as clock from './clock.js';

const view = document.getElementById('view');
const topbar = document.getElementById('topbar');
let leave = null;
let user = undefined; // undefined: not known yet; null: no authentication configured

const routes = [
  [/^#\/fleet$/, fleet, 'fleet'],
  [/^#\/agents\/([0-9a-f-]{36})$/, agent, 'fleet'],
  [/^#\/review$/, review, 'review'],
  [/^#\/pipeline$/, pipeline, 'pipeline'],
];

function route() {
  if (user === undefined) return;
  const hash = location.hash || '#/fleet';
  const match = routes.map(([pattern, page, nav]) => [hash.match(pattern), page, nav]).find(([m]) => m);
  if (!match) {
    location.replace('#/fleet');
    return;
  }
  const [m, page, nav] = match;
  leave?.();
  document.querySelectorAll('[data-nav]').forEach((a) => a.toggleAttribute('aria-current', a.dataset.nav === nav));
  clear(view);
  leave = page.mount(view, ...m.slice(1)) || null;
  view.focus({ preventScroll: true });
}

function showUser() {
  const slot = document.getElementById('user');
  if (!user) {
    clear(slot);
    return;
  }
  clear(slot,
    h('span', { class: 'who', title: user.email },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, (user.display_name || user.email || '?').slice(0, 1).toUpperCase()),
      h('span', { class: 'who-name' }, user.display_name || user.email),
      h('span', { class: 'who-role' }, user.role)),
    h('button', { class: 'btn btn-ghost', type: 'button', id: 'logout', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  try {
    await api.logout();
  } catch (e) {
    toast(e.message, 'error');
  }
  askToSignIn();
}

function askToSignIn() {
  leave?.();
  leave = null;
  user = undefined;
  live.stop();
  topbar.hidden = true;
  clear(view);
  login.mount(view, (signedIn) => {
    user = signedIn;
    enter();
  });
}

async function enter() {
  await clock.sync();
  topbar.hidden = false;
  showUser();
  live.start();
  route();
}

const navCount = document.getElementById('nav-review-count');
live.onQueue(({ total }) => {
  navCount.textContent = String(total);
  navCount.hidden = !total;
  navCount.setAttribute('aria-label', `${total} pending`);
});

/** 200: signed in; 401: show the form; 404: the API has no authentication configured, go straight in. */
async function start() {
  try {
    user = await api.me();
  } catch (e) {
    if (e.status === 401) {
      askToSignIn();
      return;
    }
    if (e.status !== 404) toast(`Could not ask who is signed in: ${e.message}`, 'error');
    user = null;
  }
  enter();
}

onUnauthorized(() => {
  if (user !== undefined) askToSignIn();
});
window.addEventListener('hashchange', route);
setInterval(() => user !== undefined && clock.sync(), 60000);
start();

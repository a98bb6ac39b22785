// The /v1 API, and nothing else: every call the dashboard makes goes through here.

/** A refusal of the API: its RFC 9457 problem detail (detail, code, per-field errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

const listeners = new Set();

/** Called with no argument whenever the API answers 401 (the session ended). */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // Cookie-authenticated changes must echo the XSRF cookie; read it each time, it may rotate.
    const token = cookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/v1/auth/')) listeners.forEach((l) => l());
    throw new ApiError(response.status, data);
  }
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);

export const api = {
  me: () => get('/v1/auth/me'),
  login: (email, password) => post('/v1/auth/login', { email, password }),
  logout: () => post('/v1/auth/logout'),
  agents: () => get('/v1/agents?limit=500'),
  agent: (id) => get(`/v1/agents/${id}`),
  createAgent: (body) => post('/v1/agents', body),
  pauseAgent: (id) => post(`/v1/agents/${id}/pause`),
  resumeAgent: (id) => post(`/v1/agents/${id}/resume`),
  wallet: (id) => get(`/v1/agents/${id}/wallet`),
  timeline: (id, limit = 30) => get(`/v1/agents/${id}/timeline?limit=${limit}`),
  series: (id, days = 14) => get(`/v1/agents/${id}/metrics/series?days=${days}`),
  metrics: (id, period = 'last_7_days') => get(`/v1/agents/${id}/metrics?period=${period}`),
  campaigns: (agentId) => get(`/v1/campaigns?limit=100${agentId ? `&agent_id=${agentId}` : ''}`),
  createCampaign: (body) => post('/v1/campaigns', body),
  pauseCampaign: (id) => post(`/v1/campaigns/${id}/pause`),
  resumeCampaign: (id) => post(`/v1/campaigns/${id}/resume`),
  queue: () => get('/v1/hitl/queue?limit=200'),
  decide: (reviewId, body) => post(`/v1/hitl/${reviewId}/decision`, body),
  previewJudge: (agentId, body) => post(`/v1/agents/${agentId}/judge/preview`, body),
  pipeline: () => get('/v1/pipeline'),
  incidents: (limit = 15) => get(`/v1/incidents?limit=${limit}`),
};

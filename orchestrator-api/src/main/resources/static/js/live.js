// The review queue's live state: one EventSource on GET /v1/hitl/stream for the whole dashboard,
// falling back to polling GET /v1/hitl/queue every 3 s when the stream cannot be held open.
import { api } from './api.js';

const listeners = new Set();
let source = null;
let pollTimer = null;
let failures = 0;
let last = null;
export const status = { mode: 'connecting' };

function publish(state) {
  last = state;
  listeners.forEach((listener) => listener(state));
}

function poll() {
  if (pollTimer) return;
  status.mode = 'polling';
  const tick = async () => {
    try {
      const queue = await api.queue();
      publish({ total: queue.total, polled: true });
    } catch {
      // the next tick tries again
    }
  };
  tick();
  pollTimer = setInterval(tick, 3000);
}

export function start() {
  if (source || pollTimer) return;
  if (!('EventSource' in window)) {
    poll();
    return;
  }
  source = new EventSource('/v1/hitl/stream', { withCredentials: true });
  source.addEventListener('queue', (event) => {
    failures = 0;
    status.mode = 'live';
    publish(JSON.parse(event.data));
  });
  source.addEventListener('error', () => {
    // EventSource reconnects by itself after a stream ends; give up on it after repeated failures.
    if (++failures >= 3 || source.readyState === EventSource.CLOSED) {
      source.close();
      source = null;
      poll();
    }
  });
}

export function stop() {
  source?.close();
  source = null;
  clearInterval(pollTimer);
  pollTimer = null;
  status.mode = 'connecting';
}

/** Calls the listener with {total, ...} on every change (and at once with the last state known). */
export function onQueue(listener) {
  listeners.add(listener);
  if (last) listener(last);
  return () => listeners.delete(listener);
}

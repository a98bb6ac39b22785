// The services' clock. The launcher can run campaign time faster than real time (CHIMERA_TIME_SCALE),
// so "how long ago" is measured against GET /v1/clock, extrapolated between syncs, not Date.now().
import { get } from './api.js';

let base = { server: Date.now(), local: Date.now(), scale: 1 };

export async function sync() {
  try {
    const sent = Date.now();
    const body = await get('/v1/clock');
    const local = (sent + Date.now()) / 2;
    base = { server: new Date(body.now).getTime(), local, scale: Number(body.time_scale) || 1 };
  } catch {
    // keep the last estimate (the browser's clock at first)
  }
}

/** Milliseconds since the epoch on the services' clock, now. */
export function now() {
  return base.server + (Date.now() - base.local) * base.scale;
}

export function scale() {
  return base.scale;
}

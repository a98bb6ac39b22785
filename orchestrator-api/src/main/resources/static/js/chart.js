// A small hand-written SVG chart: lines or bars over days, with a y-axis maximum, first/last day
// labels and a legend. Scales to its container through the viewBox.

const NS = 'http://www.w3.org/2000/svg';
const W = 320;
const H = 150;
const PAD = { top: 12, right: 10, bottom: 22, left: 40 };

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * chart({ title, labels: ['2026-01-01', ...], series: [{ name, values: [n|null], kind: 'line'|'bar', color }],
 *         format: (v) => string, max, integer })
 */
export function chart({ title, labels, series, format = String, max, integer = false }) {
  const values = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined && !Number.isNaN(v));
  let top = max ?? niceMax(Math.max(0, ...values));
  // Counts: an even maximum of at least 2, so the middle grid line is a whole number too.
  if (integer) top = Math.max(2, Math.ceil(top / 2) * 2);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = Math.max(labels.length, 1);
  const step = plotW / n;
  const x = (i) => PAD.left + step * i + step / 2;
  const y = (v) => PAD.top + plotH - (top === 0 ? 0 : (v / top) * plotH);

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' });
  const latest = series.map((s) => `${s.name}: ${format(s.values.at(-1))}`).join(', ');
  root.setAttribute('aria-label', `${title}. Latest day ${latest}.`);
  root.append(svg('title', {}, title));

  for (const fraction of [0, 0.5, 1]) {
    const gy = PAD.top + plotH - fraction * plotH;
    root.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: gy, y2: gy, class: fraction === 0 ? 'axis' : 'grid' }));
    root.append(svg('text', { x: PAD.left - 6, y: gy + 3, class: 'tick', 'text-anchor': 'end' }, format(top * fraction)));
  }
  if (labels.length) {
    root.append(svg('text', { x: x(0), y: H - 6, class: 'tick', 'text-anchor': 'start' }, dayLabel(labels[0])));
    root.append(svg('text', { x: x(labels.length - 1), y: H - 6, class: 'tick', 'text-anchor': 'end' }, dayLabel(labels.at(-1))));
  }

  const bars = series.filter((s) => s.kind === 'bar');
  const barW = Math.max(2, (step * 0.7) / Math.max(bars.length, 1));
  bars.forEach((s, b) => {
    s.values.forEach((v, i) => {
      if (!v) return;
      const bx = x(i) - (barW * bars.length) / 2 + b * barW;
      const rect = svg('rect', { x: bx, y: y(v), width: barW - 1, height: Math.max(0, y(0) - y(v)), rx: 1.5, fill: s.color });
      rect.append(svg('title', {}, `${labels[i]} · ${s.name}: ${format(v)}`));
      root.append(rect);
    });
  });
  for (const s of series.filter((s) => s.kind !== 'bar')) {
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    if (path) root.append(svg('path', { d: path, fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const dot = svg('circle', { cx: x(i), cy: y(v), r: 2.4, fill: s.color });
      dot.append(svg('title', {}, `${labels[i]} · ${s.name}: ${format(v)}`));
      root.append(dot);
    });
  }

  const figure = document.createElement('figure');
  figure.className = 'chart-card';
  const caption = document.createElement('figcaption');
  const heading = document.createElement('span');
  heading.className = 'chart-title';
  heading.textContent = title;
  caption.append(heading);
  for (const s of series) {
    const key = document.createElement('span');
    key.className = 'legend';
    key.style.setProperty('--swatch', s.color);
    key.textContent = `${s.name} ${format(s.values.at(-1))}`;
    caption.append(key);
  }
  figure.append(caption, root);
  return figure;
}

/** A tiny line without axes, for live figures. */
export function sparkline(values, color = 'var(--accent)') {
  const w = 120;
  const h = 28;
  const top = Math.max(1, ...values);
  const bottom = Math.min(...values, top);
  const span = Math.max(1, top - bottom);
  const d = values.map((v, i) => `${i ? 'L' : 'M'}${((i / Math.max(values.length - 1, 1)) * w).toFixed(1)},${(h - 2 - ((v - bottom) / span) * (h - 4)).toFixed(1)}`).join('');
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'sparkline', 'aria-hidden': 'true' });
  root.append(svg('path', { d: d || 'M0,0', fill: 'none', stroke: color, 'stroke-width': 1.8 }));
  return root;
}

function niceMax(v) {
  if (v <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= v) return m * magnitude;
  return 10 * magnitude;
}

function dayLabel(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

const ICONS = {
  likes: 'M8 14s-5.5-3.3-5.5-7A3 3 0 0 1 8 5a3 3 0 0 1 5.5 2c0 3.7-5.5 7-5.5 7z',
  reposts: 'M3 6h8l-2-2M13 10H5l2 2',
  replies: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z',
  impressions: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
};

/** A 16 px line icon (likes, reposts, replies, impressions): fonts differ, paths do not. */
export function icon(name) {
  const root = svg('svg', { viewBox: '0 0 16 16', width: 14, height: 14, class: 'icon', 'aria-hidden': 'true' });
  root.append(svg('path', { d: ICONS[name], fill: 'none', stroke: 'currentColor', 'stroke-width': 1.4, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  return root;
}

// The UNESCAP time/cost-distance chart of the route cards (docs/CHARTS.md), drawn here from the route JSON so it needs no extra request: distance on x,
// cumulative hours or USD on y; legs are sloped lines in the map's mode colours, crossings and transshipments
// are jumps. Each line has a <title>, so hovering shows the leg. Same rules as org.caravan.chart.DistanceChart.
import { el, svgEl } from './dom.mjs';
import { fmt, usd } from './format.mjs';
import { MODE_STYLE } from './palette.mjs';

const CHART_DASHES = ['', '8 4', '2 3', '10 3 2 3', '1 5'];
const JUMP_COLOUR = { crossing: '#6a1b9a', transshipment: '#c62828', dwell: '#8d6e63' };

/** Legs and jumps of one route in travel order; a transshipment at X comes before the leg leaving X. */
export function chartSeries(r, kind) {
  const value = (x) => (kind === 'time' ? x.hours : x.usd);
  const segments = [], jumps = [];
  const ts = r.transshipments;
  let ti = 0, km = 0, v = 0;
  const transship = (t) => {
    jumps.push({ km0: km, v0: v, km1: km, v1: v + value(t), type: 'transshipment', name: `${t.at_name} (${t.reason})`, hours: t.hours, usd: t.usd });
    v += value(t);
  };
  // terminal dwell (train formation, wagon supply, release) is in the timeline only, by the legs travelled before it
  const dwells = {};
  let before = 0;
  for (const t of (r.timeline || [])) {
    if (typeof t.leg === 'number') before = t.leg + 1;
    if (t.kind === 'dwell') (dwells[before] = dwells[before] || []).push(t);
  }
  const dwell = (i) => {
    for (const d of (dwells[i] || [])) {
      const dv = kind === 'time' ? d.hours : 0;
      jumps.push({ km0: km, v0: v, km1: km, v1: v + dv, type: 'dwell', name: d.name, hours: d.hours, usd: 0 });
      v += dv;
    }
  };
  let li = 0;
  for (const leg of r.legs) {
    dwell(li++);
    while (ti < ts.length && ts[ti].at === leg.from) transship(ts[ti++]);
    if (leg.mode === 'crossing') {
      const c = r.crossings.find((x) => x.id === leg.link);
      jumps.push({ km0: km, v0: v, km1: km + leg.km, v1: v + value(leg), type: 'crossing', name: c ? c.name || c.id : `${leg.from_name} / ${leg.to_name}`, hours: leg.hours, usd: leg.usd });
    } else {
      segments.push({ km0: km, v0: v, km1: km + leg.km, v1: v + value(leg), leg });
    }
    km += leg.km;
    v += value(leg);
  }
  dwell(li);
  while (ti < ts.length) transship(ts[ti++]);
  return { segments, jumps, km, v };
}

export function niceStep(max) {
  const raw = max / 5, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** An inline SVG chart of routes ([{route, name}]); kind 'time' (axis in days) or 'cost' (USD). */
export function distanceChart(items, kind) {
  const W = 460, H = 230, L = 46, R = 12, T = 10, B = 30;
  const pw = W - L - R, ph = H - T - B;
  const series = items.map((it) => ({ ...it, s: chartSeries(it.route, kind) }));
  const kmMax0 = Math.max(1, ...series.map((x) => x.s.km));
  const xStep = niceStep(kmMax0), xMax = Math.ceil(kmMax0 / xStep) * xStep;
  const unit = kind === 'time' ? 24 : 1; // y values stay in hours or USD; ticks are in days or USD
  const yMax0 = Math.max(kind === 'time' ? 6 : 1, ...series.map((x) => x.s.v)) / unit;
  const yStep = niceStep(yMax0), yMax = Math.ceil(yMax0 / yStep) * yStep * unit;
  const X = (km) => L + (km / xMax) * pw, Y = (v) => T + ph - (v / yMax) * ph;
  const n = (v) => v.toFixed(1);
  const svg = svgEl('svg', { class: 'distance-chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `${kind === 'time' ? 'Time' : 'Cost'}-distance chart` });
  svg.dataset.kind = kind;
  const axes = svgEl('g', { class: 'axes' });
  for (let x = 0; x <= xMax + 1e-9; x += xStep) {
    axes.append(svgEl('line', { x1: n(X(x)), y1: T, x2: n(X(x)), y2: T + ph, class: 'grid' }));
    const t = svgEl('text', { x: n(X(x)), y: T + ph + 12, 'text-anchor': 'middle' }); t.textContent = fmt(x, 0); axes.append(t);
  }
  for (let y = 0; y <= yMax + 1e-9; y += yStep * unit) {
    axes.append(svgEl('line', { x1: L, y1: n(Y(y)), x2: L + pw, y2: n(Y(y)), class: 'grid' }));
    const t = svgEl('text', { x: L - 4, y: n(Y(y) + 3), 'text-anchor': 'end' }); t.textContent = fmt(y / unit, yStep * unit < unit ? 1 : 0); axes.append(t);
  }
  const xt = svgEl('text', { x: L + pw / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis-title' }); xt.textContent = 'km along the route';
  const yt = svgEl('text', { x: 10, y: T + ph / 2, transform: `rotate(-90 10 ${T + ph / 2})`, 'text-anchor': 'middle', class: 'axis-title' });
  yt.textContent = kind === 'time' ? 'days' : 'USD';
  axes.append(svgEl('line', { x1: L, y1: T + ph, x2: L + pw, y2: T + ph, class: 'axis' }), svgEl('line', { x1: L, y1: T, x2: L, y2: T + ph, class: 'axis' }), xt, yt);
  svg.append(axes);
  const jumpText = (j) => `${j.name}: ${kind === 'time' ? fmt(j.hours, 1) + ' h' : usd(j.usd)}`;
  const labels = [];
  series.forEach(({ s, name }, i) => {
    const dash = CHART_DASHES[i % CHART_DASHES.length];
    const g = svgEl('g', { class: 'series', 'data-name': name });
    for (const seg of s.segments) {
      const l = seg.leg;
      g.append(svgEl('line', { class: 'leg', 'data-mode': l.mode, x1: n(X(seg.km0)), y1: n(Y(seg.v0)), x2: n(X(seg.km1)), y2: n(Y(seg.v1)),
        stroke: (MODE_STYLE[l.mode] || MODE_STYLE.road).color, 'stroke-dasharray': dash },
        `${name}: ${l.from_name} → ${l.to_name} · ${l.mode} · ${fmt(l.km, 0)} km · ${fmt(l.hours, 1)} h · ${usd(l.usd)}`));
    }
    for (const j of s.jumps) {
      g.append(svgEl('line', { class: 'jump', 'data-type': j.type, x1: n(X(j.km0)), y1: n(Y(j.v0)), x2: n(X(j.km1)), y2: n(Y(j.v1)),
        stroke: JUMP_COLOUR[j.type], 'stroke-dasharray': dash }, `${name}: ${jumpText(j)}`));
      // Label jumps tall enough to see, once per text and place, skipping any that would overlap.
      const yTop = Y(j.v1), yBot = Y(j.v0);
      if (yBot - yTop < 10) continue;
      const text = jumpText(j), w = text.length * 4.6, x = X(j.km1), right = x + 3 + w > L + pw;
      const box = [right ? x - 3 - w : x + 3, (yTop + yBot) / 2 - 7, right ? x - 3 : x + 3 + w, (yTop + yBot) / 2 + 2];
      if (labels.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      labels.push(box);
      const t = svgEl('text', { class: 'jump-label', x: n(right ? x - 3 : x + 3), y: n((yTop + yBot) / 2 + 1), 'text-anchor': right ? 'end' : 'start', fill: JUMP_COLOUR[j.type] });
      t.textContent = text;
      svg.append(t);
    }
    g.append(svgEl('circle', { class: 'end', cx: n(X(s.km)), cy: n(Y(s.v)), r: 3, 'data-km': s.km.toFixed(1), 'data-value': s.v.toFixed(2) },
      `${name}: ${fmt(s.km, 0)} km, ${kind === 'time' ? fmt(s.v / 24, 1) + ' days' : usd(s.v)}`));
    svg.insertBefore(g, svg.querySelector('.jump-label'));
  });
  return svg;
}

/**
 * Chart boxes with a time/cost switch shared by every box of the page: box(items, id) makes one (`items` as for
 * distanceChart, with a legend when there are several); the switch redraws them all.
 */
export function chartBoxes(initialKind = 'time') {
  let kind = initialKind;
  const boxes = new Set();
  // Boxes of replaced results are dropped here rather than tracked by their owners.
  const redrawAll = () => {
    for (const x of [...boxes]) {
      if (x.isConnected) x.redraw(); else boxes.delete(x);
    }
  };
  function box(items, id) {
    const b = el('div', { class: 'chart-box', id });
    const draw = () => {
      const kids = [el('div', { class: 'chart-kind' }, ['time', 'cost'].map((k) => el('button', {
        type: 'button', class: k === kind ? 'on' : '', 'aria-pressed': String(k === kind),
        text: k === 'time' ? 'Time–distance' : 'Cost–distance',
        onclick: () => { kind = k; redrawAll(); } }))),
      distanceChart(items, kind)];
      if (items.length > 1) {
        kids.push(el('div', { class: 'chart-legend' }, items.map((it, i) => {
          const sw = svgEl('svg', { width: 26, height: 8, 'aria-hidden': 'true' });
          sw.append(svgEl('line', { x1: 1, y1: 4, x2: 25, y2: 4, stroke: '#333', 'stroke-width': 2,
            'stroke-dasharray': CHART_DASHES[i % CHART_DASHES.length] }));
          return el('span', {}, sw, ' ' + it.name);
        })));
      }
      b.replaceChildren(...kids);
    };
    b.redraw = draw;
    boxes.add(b);
    draw();
    return b;
  }
  return { box, kind: () => kind };
}

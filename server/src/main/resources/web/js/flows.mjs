// The freight-flow layer: the main OD pairs (illustrative tonnes) assigned with queues at crossings and ports
// (/api/assign): links by width (tonnes) and colour (volume/capacity), saturated ones in red.
import { api } from './api.mjs';
import { MapOverlay } from './overlay.mjs';
import { esc } from './dom.mjs';
import { fmt } from './format.mjs';
import { FLOW_NO_CAPACITY, VC_CLASSES, drawOrder, flowWidth, latLngs, vcClass } from './flowstyle.mjs';

const L = globalThis.L;

function tooltip(p) {
  const lines = [`<strong>${esc(p.name || p.id)}</strong> <span class="muted">${esc(p.id)} · ${esc(p.kind)}</span>`,
    `${fmt(p.tonnes, 0)} t a year`
      + (p.tonnes_forward !== null && p.tonnes_reverse !== null
        ? ` (${fmt(p.tonnes_forward, 0)} forward, ${fmt(p.tonnes_reverse, 0)} reverse)` : '')];
  if (p.volume_capacity !== null) {
    lines.push(`${fmt(p.vehicles_per_day, 0)} of ${fmt(p.capacity_per_day, 0)} ${esc(p.unit)} a day `
      + `(v/c ${fmt(p.volume_capacity, 2)}, capacity ${esc(p.capacity_confidence)}); queue ${fmt(p.queue_days, 1)} days`);
  }
  return lines.join('<br>');
}

export class FlowLayer extends MapOverlay {
  constructor(mapView) {
    super(mapView);
    this.answer = null;
  }

  /** Shows the layer (the assignment is fetched once); false when it was hidden again meanwhile. */
  async show(stillWanted) {
    if (!this.answer) this.answer = await api('/api/assign');
    if (!stillWanted() || this.layer) return false;
    const group = L.featureGroup();
    const { list, max } = drawOrder(this.answer.layer.features);
    for (const f of list) {
      const p = f.properties;
      const c = vcClass(p.volume_capacity);
      const opts = { pane: 'flows', color: c.color, opacity: 0.85, className: `flow ${c.cls}` };
      let shape;
      if (f.geometry.type === 'Point') {
        const [lon, lat] = f.geometry.coordinates;
        shape = L.circleMarker([lat, lon], { ...opts, radius: flowWidth(p.tonnes, max) / 1.5 + 3, fillOpacity: 0.6,
          weight: 2 });
      } else {
        shape = L.polyline(latLngs(f.geometry.coordinates), { ...opts, weight: flowWidth(p.tonnes, max),
          lineCap: 'round' });
      }
      shape.bindTooltip(tooltip(p), { sticky: true, className: 'info' }).addTo(group);
    }
    return this.place(group);
  }

  addLegend() {
    const legend = L.control({ position: 'bottomleft' });
    const a = this.answer;
    const saturated = a.elements.filter((e) => e.volume_capacity > 1).length;
    legend.onAdd = () => {
      const d = L.DomUtil.create('div', 'legend');
      d.id = 'flow-legend';
      d.innerHTML = '<strong>Freight flows (width: tonnes a year)</strong>'
        + [...VC_CLASSES, FLOW_NO_CAPACITY].map((c) => `<div><span class="sw ${c.cls}"></span>${c.label}</div>`).join('')
        + `<div class="muted">${fmt(a.assigned_tonnes / 1e6, 1)} Mt of the main OD pairs (illustrative tonnes, not trade `
        + `statistics); ${saturated} saturated element${saturated === 1 ? '' : 's'}; `
        + `${esc(a.settings.method)} gap ${a.relative_gap === null ? '–' : a.relative_gap.toExponential(1)} after `
        + `${a.iterations} iteration${a.iterations === 1 ? '' : 's'}. docs/ASSIGNMENT.md</div>`;
      return d;
    };
    legend.addTo(this.view.map);
    this.legend = legend;
  }
}

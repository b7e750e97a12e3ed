// The criticality layer: links coloured by how much closing each costs the main OD demand (/api/critical).
import { api } from './api.mjs';
import { MapOverlay } from './overlay.mjs';
import { esc } from './dom.mjs';
import { fmt, usd } from './format.mjs';

const L = globalThis.L;

export const CRIT_CLASSES = [
  { max: 10, cls: 'crit-top10', color: '#b71c1c', weight: 6, label: 'Top 10' },
  { max: 30, cls: 'crit-top30', color: '#ef6c00', weight: 4.5, label: 'Top 11–30' },
  { max: Infinity, cls: 'crit-other', color: '#fbc02d', weight: 3, label: 'Other links on a main OD route' },
];

export const critClass = (rank) => CRIT_CLASSES.find((c) => rank <= c.max);

function tooltip(x) {
  const where = x.from_country === x.to_country ? x.from_country : `${x.from_country}–${x.to_country}`;
  return `<strong>#${x.rank} ${esc(x.name || x.link)}</strong> <span class="muted">${esc(x.link)} · ${esc(x.mode)} · ${esc(where)}</span><br>`
    + `Closing it adds ${usd(x.cost_increase_usd)} a year to the main OD demand (${x.rerouted_pairs} pair${x.rerouted_pairs === 1 ? '' : 's'} re-routed)`
    + (x.lost_pairs.length ? `<br>Leaves without any route: ${x.lost_pairs.map((p) => esc(p.from) + ' → ' + esc(p.to)).join('; ')} (${fmt(x.lost_tonnes, 0)} t)` : '');
}

/** The layer on a MapView; the ranking is fetched once, on the first show. */
export class CriticalityLayer extends MapOverlay {
  constructor(mapView) {
    super(mapView);
    this.ranking = null;
  }

  /** Shows the layer (fetching the ranking first if needed); false when it was hidden again meanwhile. */
  async show(stillWanted) {
    if (!this.ranking) this.ranking = await api('/api/critical');
    if (!stillWanted() || this.layer) return false;
    const group = L.featureGroup();
    // Least critical first, so the top links are drawn on top.
    for (const x of this.ranking.ranked.slice().reverse()) {
      const link = this.view.index && this.view.index.links.get(x.link);
      if (!link || link.latlngs.length < 2) continue;
      const c = critClass(x.rank);
      L.polyline(link.latlngs, { pane: 'critical', color: c.color, weight: c.weight, opacity: 0.9, lineCap: 'round',
        className: `critical-link ${c.cls}` })
        .bindTooltip(tooltip(x), { sticky: true, className: 'info' })
        .addTo(group);
    }
    return this.place(group);
  }

  addLegend() {
    const legend = L.control({ position: 'bottomleft' });
    const r = this.ranking;
    legend.onAdd = () => {
      const d = L.DomUtil.create('div', 'legend');
      d.id = 'critical-legend';
      d.innerHTML = '<strong>Criticality rank</strong>'
        + CRIT_CLASSES.map((c) => `<div><span class="sw ${c.cls}" style="border-top-width:${Math.round(c.weight)}px"></span>${c.label}</div>`).join('')
        + `<div class="muted">${fmt(r.candidate_links)} of ${fmt(r.links_in_network)} links lie on a route of the ${fmt(r.od_pairs)} main OD pairs</div>`;
      return d;
    };
    legend.addTo(this.view.map);
    this.legend = legend;
  }
}

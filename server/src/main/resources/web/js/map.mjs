// The Leaflet map: country shapes, the network with its crossings and ports (details on hover, a popup to close
// them), the planned routes and the criticality layer's pane. Leaflet is the global `L` of its WebJar script.
import { el, esc } from './dom.mjs';
import { fmt, usd } from './format.mjs';
import { MODE_LABEL, MODE_STYLE, routeColour, ROUTE_COLOURS } from './palette.mjs';
import { crossingGroup, groupModes, groupName, nodeName, withDetails } from './network.mjs';

const L = globalThis.L;

function linkStyle(p) {
  const base = MODE_STYLE[p.mode] || { color: '#555', weight: 1.5 };
  const s = { color: base.color, weight: base.weight, opacity: base.opacity ?? 0.85, className: 'net-link net-' + p.mode };
  if (p.status === 'planned' || p.status === 'under_construction') { s.dashArray = '6 5'; s.opacity = 0.75; }
  if (p.status === 'closed') { s.dashArray = '2 5'; s.color = '#9e9e9e'; }
  return s;
}

// The map layer has no sources (attrs=map): until a feature's details are in, its source line says so.
const sourceLine = (p) => (p.source === undefined && p.confidence === undefined
  ? '<div class="muted detail-pending">Source: loading…</div>'
  : `<div class="muted detail-source">Source: ${esc(p.source || '–')} · confidence: ${esc(p.confidence || '–')}</div>`);
const detailError = (err) => `<div class="muted detail-error">Details could not be loaded: ${esc(err.message || String(err))}</div>`;

function midpoint(latlngs) {
  if (latlngs.length === 1) return L.latLng(latlngs[0]);
  const a = latlngs[0], b = latlngs[latlngs.length - 1];
  return L.latLng((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
}

/**
 * The map of the page. `onClose(tokens, label)` and `onReopen(tokens, label)` are called by the popups' buttons;
 * `isClosed(id)` tells whether a link or place is closed now; `onSelect(i)` when a route line is clicked.
 */
export class MapView {
  constructor(elementId, { onClose, onReopen, isClosed, onSelect, details }) {
    this.callbacks = { onClose, onReopen, isClosed, onSelect };
    this.details = details || null;
    this.index = null;
    this.crossingMarkers = new Map();
    this.routeLayer = null;
    const map = L.map(elementId, { zoomControl: true, attributionControl: false, minZoom: 3, maxZoom: 12 });
    map.setView([40, 60], 4);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>' })
      .addAttribution('Country shapes: Natural Earth (public domain). Network: Caravan embedded data — see docs/DATA.md')
      .addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    map.createPane('countries').style.zIndex = 250;
    map.createPane('critical').style.zIndex = 420;
    map.createPane('flows').style.zIndex = 430; // the freight-flow layer (flows.mjs)
    map.createPane('routes').style.zIndex = 450;
    this.map = map;
    this.addLegend();
  }

  addLegend() {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const d = L.DomUtil.create('div', 'legend');
      d.id = 'legend';
      const line = (mode) => `<div><span class="sw" style="border-color:${MODE_STYLE[mode].color};border-top-width:${Math.max(2, MODE_STYLE[mode].weight)}px"></span>${MODE_LABEL[mode]}</div>`;
      d.innerHTML = '<strong>Network</strong>' + ['rail', 'road', 'ferry', 'sea'].map(line).join('')
        + '<div><span class="sw" style="border-color:#4e342e;border-top-style:dashed"></span>Planned / under construction</div>'
        + '<div><span class="dot crossing-icon" style="width:10px;height:10px;border-radius:2px"></span>Border crossing</div>'
        + '<div><span class="dot port-icon"></span>Seaport</div>'
        + `<strong>Routes</strong><div><span class="sw" style="border-color:${ROUTE_COLOURS[0]};border-top-width:5px"></span>Selected route</div>`
        + `<div><span class="sw" style="border-color:${ROUTE_COLOURS[1]};opacity:.7"></span>Alternatives</div>`;
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    legend.addTo(this.map);
  }

  drawShapes(geo) {
    L.geoJSON(geo, { pane: 'countries', interactive: false,
      style: { color: '#9b978b', weight: 0.8, fillColor: '#f5f3ec', fillOpacity: 1 } }).addTo(this.map);
  }

  /** Draws the network of an index (network.mjs indexNetwork) and fits the map to it. */
  drawNetwork(index) {
    this.index = index;
    const order = { sea: 0, road: 1, ferry: 2, rail: 3, crossing: 4 };
    const links = [...index.links.values()].sort((a, b) => (order[a.props.mode] ?? 5) - (order[b.props.mode] ?? 5));
    const group = L.layerGroup().addTo(this.map);
    this.linkLines = new Map();
    for (const { props: p, latlngs } of links) {
      const line = L.polyline(latlngs, linkStyle(p)).addTo(group);
      this.linkLines.set(p.id, line);
      line.bindTooltip(() => this.linkTooltip(this.full('link', p)), { sticky: true, className: 'info' });
      line.on('tooltipopen', () => this.refreshTooltip(line, 'link', [p.id]));
      line.on('click', async (e) => {
        const group = p.mode === 'crossing' ? crossingGroup(index, p.id) : [p];
        const err = await this.loadDetails('link', group.map((l) => l.id));
        const entry = p.mode === 'crossing' ? this.crossingItem(group) : { tokens: [p.id], label: p.name || p.id,
          html: this.linkTooltip(this.full('link', p)), what: 'link' };
        if (err) entry.html += detailError(err);
        this.openClosePopup(e.latlng, entry);
      });
    }
    this.addCrossingMarkers(links.filter((l) => l.props.mode === 'crossing'));
    for (const n of index.nodes.values()) if (n.kind === 'seaport') this.addPortMarker(n);
    if (links.length) this.map.fitBounds(L.latLngBounds(links.flatMap((l) => l.latlngs)), { padding: [10, 10] });
  }

  /**
   * Redraws the network's lines with another zoom band's geometry (network.mjs linkLines: id -> latlngs); the index
   * follows, so layers drawn later (criticality, route fallbacks) use the same band. Markers stay: every band keeps
   * each line's end points. Returns how many lines changed.
   */
  setLinkGeometry(lines) {
    let changed = 0;
    for (const [id, latlngs] of lines) {
      const line = this.linkLines && this.linkLines.get(id);
      const link = this.index && this.index.links.get(id);
      if (!line || !link || latlngs.length < 2) continue;
      line.setLatLngs(latlngs);
      link.latlngs = latlngs;
      changed++;
    }
    return changed;
  }

  /** A feature's map-layer attributes with its fetched details over them, once they are in. */
  full(kind, p) {
    return withDetails(p, this.details ? this.details.peek(kind, p.id) : undefined);
  }

  /** Fetches the details a hovered feature's tooltip lacks, then redraws the tooltip if it is still open. */
  refreshTooltip(layer, kind, ids) {
    if (!this.details) return;
    const missing = ids.filter((id) => !this.details.peek(kind, id));
    if (!missing.length) return;
    Promise.all(missing.map((id) => this.details.get(kind, id))).then(() => {
      const t = layer.getTooltip();
      if (t && layer.isTooltipOpen()) t.update();
    }, () => {}); // a hover that fails says "loading…"; a click then shows the error
  }

  /** Fetches the details of features before a popup shows them; the error if one fails, else null. */
  async loadDetails(kind, ids) {
    if (!this.details) return null;
    try {
      await Promise.all(ids.map((id) => this.details.get(kind, id)));
      return null;
    } catch (e) {
      return e;
    }
  }

  crossingTooltip(p) {
    const idx = this.index;
    const country = (id) => idx.nodes.get(id)?.country || '';
    const dir = (mean, p90, fee) => `${fmt(mean, 1)} h (p90 ${fmt(p90, 1)} h), fee ${usd(fee)}`;
    return `<strong>${esc(p.name || p.id)}</strong> <span class="muted">${esc(p.id)}</span><br>`
      + `${esc(country(p.from))} → ${esc(country(p.to))} (${esc(nodeName(idx, p.from))} → ${esc(nodeName(idx, p.to))})`
      + (p.hours_mean === undefined ? '<br>' : `: ${dir(p.hours_mean, p.hours_p90, p.fee_usd)}<br>`)
      + (p.oneway || p.hours_mean_rev === undefined ? '' : `${esc(country(p.to))} → ${esc(country(p.from))}: ${dir(p.hours_mean_rev, p.hours_p90_rev, p.fee_usd_rev)}<br>`)
      + `Carries: ${esc((p.carries || '').replace(/;/g, ', '))} · status: ${esc(p.status)}`
      + sourceLine(p);
  }

  linkTooltip(p) {
    if (p.mode === 'crossing') return this.crossingTooltip(p);
    const idx = this.index;
    return `<strong>${esc(p.name || p.id)}</strong> <span class="muted">${esc(p.id)}</span><br>`
      + `${esc(MODE_LABEL[p.mode] || p.mode)}${p.gauge ? ' · gauge ' + esc(p.gauge) + ' mm' : ''} · ${fmt(p.km, 0)} km`
      + (p.hours !== undefined ? ` · ${fmt(p.hours, 1)} h` : '') + (p.wait_hours ? ` (+${fmt(p.wait_hours, 1)} h wait)` : '')
      + `<br>${esc(nodeName(idx, p.from))} – ${esc(nodeName(idx, p.to))} · status: ${esc(p.status)}`
      + sourceLine(p);
  }

  /** One popup entry that closes every link of a crossing (all its modes) at once. */
  crossingItem(links) {
    const name = groupName(links);
    const modes = links.length > 1 ? ` (${groupModes(links)})` : '';
    return { tokens: links.map((l) => l.id), label: name, html: links.map((l) => this.crossingTooltip(this.full('link', l))).join('<hr>'),
      what: `${name}${modes}` };
  }

  // Crossings of different modes between the same posts share a place: one marker lists and closes them all.
  addCrossingMarkers(crossings) {
    const groups = new Map();
    for (const { props: p, latlngs } of crossings) {
      const at = midpoint(latlngs);
      const key = at.lat.toFixed(3) + ',' + at.lng.toFixed(3);
      if (!groups.has(key)) groups.set(key, { at, items: [] });
      groups.get(key).items.push(p);
    }
    for (const { at, items } of groups.values()) {
      const allPlanned = items.every((p) => p.status !== 'operational');
      const icon = L.divIcon({ className: 'crossing-icon' + (allPlanned ? ' non-operational' : ''), iconSize: [11, 11] });
      const names = items.map((p) => p.name || p.id).join(' / ');
      const m = L.marker(at, { icon, title: 'Border crossing ' + names, alt: names, riseOnHover: true, zIndexOffset: 500 });
      m.bindTooltip(() => items.map((p) => this.crossingTooltip(this.full('link', p))).join('<hr>'),
        { className: 'info', direction: 'auto', offset: [6, 0] });
      m.on('tooltipopen', () => this.refreshTooltip(m, 'link', items.map((p) => p.id)));
      m.on('click', async () => {
        const err = await this.loadDetails('link', items.map((p) => p.id));
        // Links between other posts that happen to share the marker's place stay separate entries.
        const seen = new Set();
        const entries = [];
        for (const p of items) {
          if (seen.has(p.id)) continue;
          const group = crossingGroup(this.index, p.id).filter((g) => items.some((x) => x.id === g.id));
          group.forEach((g) => seen.add(g.id));
          entries.push(this.crossingItem(group));
        }
        if (err && entries.length) entries[0].html += detailError(err);
        this.openClosePopup(m.getLatLng(), ...entries);
      });
      m.addTo(this.map);
      const e = m.getElement();
      e.dataset.id = items[0].id;
      e.dataset.ids = items.map((p) => p.id).join(' ');
      e.classList.add('crossing-marker');
      for (const p of items) this.crossingMarkers.set(p.id, m);
    }
  }

  portTooltip(n) {
    const idx = this.index;
    const lanes = [];
    for (const { props } of idx.links.values()) {
      if ((props.mode === 'sea' || props.mode === 'ferry') && (props.from === n.id || props.to === n.id)) lanes.push(props);
    }
    const lines = lanes.slice(0, 5).map((l) => {
      const other = l.from === n.id ? l.to : l.from;
      return `${esc(MODE_LABEL[l.mode])} to ${esc(nodeName(idx, other))}: ${fmt(l.km, 0)} km`
        + (l.hours !== undefined ? `, ${fmt(l.hours, 1)} h` : '') + (l.wait_hours ? ` + ${fmt(l.wait_hours, 1)} h wait` : '');
    });
    return `<strong>${esc(n.name)}</strong> <span class="muted">${esc(n.id)} · ${esc(n.country)} · seaport</span><br>`
      + `Handles: ${esc((n.handles || '').replace(/;/g, ', ') || '–')}${n.transship ? ' · transshipment' : ''}${n.gauge_change ? ' · gauge change' : ''}`
      + (lines.length ? '<br>' + lines.join('<br>') + (lanes.length > 5 ? `<br>… ${lanes.length - 5} more` : '') : '')
      + sourceLine(n);
  }

  addPortMarker(n) {
    const icon = L.divIcon({ className: 'port-icon', iconSize: [11, 11] });
    const m = L.marker(n.latlng, { icon, title: 'Seaport ' + n.name, alt: n.name, riseOnHover: true, zIndexOffset: 400 });
    m.bindTooltip(() => this.portTooltip(this.full('node', n)), { className: 'info', direction: 'auto', offset: [6, 0] });
    m.on('tooltipopen', () => this.refreshTooltip(m, 'node', [n.id]));
    m.on('click', async () => {
      const err = await this.loadDetails('node', [n.id]);
      const html = this.portTooltip(this.full('node', n)) + (err ? detailError(err) : '');
      this.openClosePopup(m.getLatLng(), { tokens: [n.id], label: n.name, html, what: 'port' });
    });
    m.addTo(this.map);
    m.getElement().dataset.id = n.id;
    m.getElement().classList.add('port-marker');
  }

  /** A popup with each entry's details and a button that closes it (or re-opens it) and re-plans at once. */
  openClosePopup(latlng, ...entries) {
    const { isClosed, onClose, onReopen } = this.callbacks;
    const box = el('div', { class: 'close-popup' });
    entries.forEach((it, i) => {
      if (i > 0) box.append(el('hr'));
      const info = el('div');
      info.innerHTML = it.html; // built from escaped text only (esc)
      const closed = it.tokens.every((t) => isClosed(t));
      const btn = el('button', { type: 'button', class: 'close-replan', dataset: { id: it.tokens[0], ids: it.tokens.join(' ') },
        text: closed ? `Re-open ${it.label} and re-plan` : `Close ${it.what} and re-plan` });
      btn.addEventListener('click', () => {
        this.map.closePopup();
        if (closed) onReopen(it.tokens, it.label); else onClose(it.tokens, it.label);
      });
      box.append(info, el('div', {}, btn));
    });
    L.popup({ maxWidth: 360, maxHeight: 420 }).setLatLng(latlng).setContent(box).openOn(this.map);
  }

  /** Marks the crossing markers of closed links. */
  markClosed(isClosed) {
    for (const m of new Set(this.crossingMarkers.values())) {
      const e = m.getElement();
      if (!e) continue;
      e.classList.toggle('closed', (e.dataset.ids || '').split(' ').some((id) => isClosed(id)));
    }
  }

  legLatLngs(leg) {
    const link = this.index && this.index.links.get(leg.link);
    if (link && link.latlngs.length >= 2) {
      const p = link.props;
      const reversed = p.from === leg.to && p.to === leg.from && p.from !== p.to;
      return reversed ? link.latlngs.slice().reverse() : link.latlngs;
    }
    const a = this.index && this.index.nodes.get(leg.from), b = this.index && this.index.nodes.get(leg.to);
    return a && b ? [a.latlng, b.latlng] : [];
  }

  /** Draws routes (the selected one on top, with its transshipments); fit = zoom to them. */
  showRoutes(routes, selected, fit) {
    this.clearRoutes();
    const group = L.featureGroup();
    const order = routes.map((_, i) => i).filter((i) => i !== selected).concat(routes.length ? [selected] : []);
    for (const i of order) {
      const r = routes[i];
      const parts = r.legs.map((leg) => this.legLatLngs(leg)).filter((p) => p.length >= 2);
      const colour = routeColour(i);
      const sel = i === selected;
      if (sel) L.polyline(parts, { pane: 'routes', color: '#fff', weight: 10, opacity: 0.9, interactive: false, className: 'route-casing' }).addTo(group);
      const line = L.polyline(parts, { pane: 'routes', color: colour, weight: sel ? 6 : 3.5, opacity: sel ? 0.95 : 0.7,
        className: `route-line route-line-${i}${sel ? ' route-selected' : ''}`, lineCap: 'round', lineJoin: 'round' });
      line.bindTooltip(`${esc(r.label || `Route ${i + 1}`)}: ${fmt(r.totals.km, 0)} km · ${fmt(r.totals.days, 1)} days · ${usd(r.totals.usd)}`, { sticky: true });
      line.on('click', () => this.callbacks.onSelect(i));
      line.addTo(group);
      if (sel) {
        for (const t of r.transshipments) {
          const n = this.index && this.index.nodes.get(t.at);
          if (!n) continue;
          L.circleMarker(n.latlng, { pane: 'routes', radius: 5, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1, className: 'route-transship' })
            .bindTooltip(`<strong>${esc(t.at_name)}</strong>: ${esc(t.from_mode)}${t.from_gauge ? ' ' + esc(t.from_gauge) : ''} → ${esc(t.to_mode)}${t.to_gauge ? ' ' + esc(t.to_gauge) : ''}<br>${esc(t.reason)} · ${fmt(t.hours, 1)} h · ${usd(t.usd)}`, { className: 'info' })
            .addTo(group);
        }
      }
    }
    group.addTo(this.map);
    this.routeLayer = group;
    if (fit) {
      const b = group.getBounds();
      if (b.isValid()) this.map.fitBounds(b, { padding: [30, 30], maxZoom: 7 });
    }
  }

  clearRoutes() {
    if (this.routeLayer) { this.routeLayer.remove(); this.routeLayer = null; }
  }
}

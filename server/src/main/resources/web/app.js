/* Caravan web app: a Leaflet map of the network and a route planner over the HTTP API (/openapi.json).
 * Plain modern JavaScript, no build step, no network access beyond this server. */
'use strict';

(function () {
  const ROUTE_COLOURS = ['#d81b60', '#1e88e5', '#2e7d32', '#8e24aa', '#ef6c00'];
  const MODE_STYLE = {
    rail: { color: '#4e342e', weight: 2.6 },
    road: { color: '#f57c00', weight: 1.8 },
    sea: { color: '#0277bd', weight: 1.4, opacity: 0.7 },
    ferry: { color: '#00897b', weight: 2.2 },
    crossing: { color: '#6a1b9a', weight: 2 },
  };
  const MODE_LABEL = { rail: 'Rail', road: 'Road', sea: 'Sea lane', ferry: 'Ferry', crossing: 'Border crossing' };
  const FIELD_INPUT = { from: 'from', to: 'to', via: 'from', cargo: 'cargo', tonnes: 'tonnes', objective: 'objective',
    alternatives: 'alternatives', pareto: 'pareto', include_planned: 'include-planned', depart: 'depart' };

  const $ = (sel, root = document) => root.querySelector(sel);
  const el = window.CaravanDom.el;
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const fmt = (v, digits = 0) => (v === null || v === undefined || Number.isNaN(v)) ? '–'
    : Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const usd = (v) => '$' + fmt(v, 0);
  const signed = (v, digits, unit, pre = '') => {
    const s = v > 0 ? '+' : v < 0 ? '−' : '±';
    return `${s}${pre}${fmt(Math.abs(v), digits)}${unit}`;
  };

  const state = {
    map: null,
    nodes: new Map(),        // id -> properties + latlng
    links: new Map(),        // id -> { props, latlngs }
    crossingMarkers: new Map(),
    countries: [],
    closed: [],              // [{id, label}]
    plan: null,              // last successful /api/route answer
    params: null,            // URLSearchParams of that answer
    selected: 0,
    routeLayer: null,
    baseline: null,          // {label, totals, crossings} of the best route before a what-if change
    reason: null,
    seq: 0,
    abort: null,
    csvUrl: null,
    scenarios: [],           // /api/scenarios entries
    scenarioRun: null,       // last /api/scenarios/{id}/run answer
    critical: null,          // /api/critical answer (fetched once)
    criticalLayer: null,
    criticalLegend: null,
    chartKind: 'time',       // what the route charts show: 'time' or 'cost'
  };
  const CRIT_CLASSES = [
    { max: 10, cls: 'crit-top10', color: '#b71c1c', weight: 6, label: 'Top 10' },
    { max: 30, cls: 'crit-top30', color: '#ef6c00', weight: 4.5, label: 'Top 11–30' },
    { max: Infinity, cls: 'crit-other', color: '#fbc02d', weight: 3, label: 'Other links on a main OD route' },
  ];

  // ------------------------------------------------------------------ map

  function initMap() {
    const map = L.map('map', { zoomControl: true, attributionControl: false, preferCanvas: false, minZoom: 3, maxZoom: 12,
      worldCopyJump: false });
    map.setView([40, 60], 4);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>' })
      .addAttribution('Country shapes: Natural Earth (public domain). Network: Caravan embedded data — see docs/DATA.md')
      .addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    map.createPane('countries').style.zIndex = 250;
    map.createPane('critical').style.zIndex = 420;
    map.createPane('routes').style.zIndex = 450;
    state.map = map;
    addLegend(map);
  }

  function addLegend(map) {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const d = L.DomUtil.create('div', 'legend');
      d.id = 'legend';
      const line = (mode) => `<div><span class="sw" style="border-color:${MODE_STYLE[mode].color};border-top-width:${Math.max(2, MODE_STYLE[mode].weight)}px"></span>${MODE_LABEL[mode]}</div>`;
      d.innerHTML = '<strong>Network</strong>' + ['rail', 'road', 'ferry', 'sea'].map(line).join('')
        + '<div><span class="sw" style="border-color:#4e342e;border-top-style:dashed"></span>Planned / under construction</div>'
        + '<div><span class="dot crossing-icon" style="width:10px;height:10px;border-radius:2px"></span>Border crossing</div>'
        + '<div><span class="dot port-icon"></span>Seaport</div>'
        + '<strong>Routes</strong><div><span class="sw" style="border-color:' + ROUTE_COLOURS[0] + ';border-top-width:5px"></span>Selected route</div>'
        + '<div><span class="sw" style="border-color:' + ROUTE_COLOURS[1] + ';opacity:.7"></span>Alternatives</div>';
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    legend.addTo(map);
  }

  function drawShapes(geo) {
    L.geoJSON(geo, {
      pane: 'countries', interactive: false,
      style: { color: '#9b978b', weight: 0.8, fillColor: '#f5f3ec', fillOpacity: 1 },
    }).addTo(state.map);
  }

  function linkStyle(p) {
    const base = MODE_STYLE[p.mode] || { color: '#555', weight: 1.5 };
    const s = { color: base.color, weight: base.weight, opacity: base.opacity ?? 0.85, className: 'net-link net-' + p.mode };
    if (p.status === 'planned' || p.status === 'under_construction') { s.dashArray = '6 5'; s.opacity = 0.75; }
    if (p.status === 'closed') { s.dashArray = '2 5'; s.color = '#9e9e9e'; }
    return s;
  }

  function drawNetwork(geo) {
    const links = [];
    for (const f of geo.features) {
      const p = f.properties;
      if (f.geometry.type === 'Point') {
        const [lon, lat] = f.geometry.coordinates;
        state.nodes.set(p.id, Object.assign({}, p, { latlng: L.latLng(lat, lon) }));
      } else {
        const latlngs = f.geometry.coordinates.map(([lon, lat]) => L.latLng(lat, lon));
        state.links.set(p.id, { props: p, latlngs });
        links.push({ p, latlngs });
      }
    }
    const order = { sea: 0, road: 1, ferry: 2, rail: 3, crossing: 4 };
    links.sort((a, b) => (order[a.p.mode] ?? 5) - (order[b.p.mode] ?? 5));
    const group = L.layerGroup().addTo(state.map);
    for (const { p, latlngs } of links) {
      const line = L.polyline(latlngs, linkStyle(p)).addTo(group);
      line.bindTooltip(() => linkTooltip(p), { sticky: true, className: 'info' });
      line.on('click', (e) => openClosePopup(e.latlng, [{ id: p.id, label: p.name || p.id, html: linkTooltip(p) }]));
    }
    addCrossingMarkers(links.filter((l) => l.p.mode === 'crossing'));
    for (const n of state.nodes.values()) {
      if (n.kind === 'seaport') addPortMarker(n);
    }
    if (links.length) state.map.fitBounds(L.latLngBounds(links.flatMap((l) => l.latlngs)), { padding: [10, 10] });
  }

  function midpoint(latlngs) {
    if (latlngs.length === 1) return latlngs[0];
    const a = latlngs[0], b = latlngs[latlngs.length - 1];
    return L.latLng((a.lat + b.lat) / 2, (a.lng + b.lng) / 2);
  }

  function nodeName(id) { return state.nodes.get(id)?.name || id; }
  function nodeCountry(id) { return state.nodes.get(id)?.country || ''; }

  function sourceLine(p) {
    return `<div class="muted">Source: ${esc(p.source || '–')} · confidence: ${esc(p.confidence || '–')}</div>`;
  }

  function crossingTooltip(p) {
    const a = nodeName(p.from), b = nodeName(p.to);
    const dir = (mean, p90, fee) => `${fmt(mean, 1)} h (p90 ${fmt(p90, 1)} h), fee ${usd(fee)}`;
    return `<strong>${esc(p.name || p.id)}</strong> <span class="muted">${esc(p.id)}</span><br>`
      + `${esc(nodeCountry(p.from))} → ${esc(nodeCountry(p.to))} (${esc(a)} → ${esc(b)}): ${dir(p.hours_mean, p.hours_p90, p.fee_usd)}<br>`
      + (p.oneway ? '' : `${esc(nodeCountry(p.to))} → ${esc(nodeCountry(p.from))}: ${dir(p.hours_mean_rev, p.hours_p90_rev, p.fee_usd_rev)}<br>`)
      + `Carries: ${esc((p.carries || '').replace(/;/g, ', '))} · status: ${esc(p.status)}`
      + sourceLine(p);
  }

  function linkTooltip(p) {
    if (p.mode === 'crossing') return crossingTooltip(p);
    return `<strong>${esc(p.name || p.id)}</strong> <span class="muted">${esc(p.id)}</span><br>`
      + `${esc(MODE_LABEL[p.mode] || p.mode)}${p.gauge ? ' · gauge ' + esc(p.gauge) + ' mm' : ''} · ${fmt(p.km, 0)} km`
      + (p.hours !== undefined ? ` · ${fmt(p.hours, 1)} h` : '') + (p.wait_hours ? ` (+${fmt(p.wait_hours, 1)} h wait)` : '')
      + `<br>${esc(nodeName(p.from))} – ${esc(nodeName(p.to))} · status: ${esc(p.status)}`
      + sourceLine(p);
  }

  // Crossings of different modes between the same posts share a place: one marker lists them all.
  function addCrossingMarkers(crossings) {
    const groups = new Map();
    for (const { p, latlngs } of crossings) {
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
      const html = () => items.map(crossingTooltip).join('<hr>');
      m.bindTooltip(html, { className: 'info', direction: 'auto', offset: [6, 0] });
      m.on('click', () => openClosePopup(m.getLatLng(), items.map((p) => ({ id: p.id, label: p.name || p.id, html: crossingTooltip(p) }))));
      m.addTo(state.map);
      const e = m.getElement();
      e.dataset.id = items[0].id;
      e.dataset.ids = items.map((p) => p.id).join(' ');
      e.classList.add('crossing-marker');
      for (const p of items) state.crossingMarkers.set(p.id, m);
    }
  }

  function portTooltip(n) {
    const lanes = [];
    for (const { props } of state.links.values()) {
      if ((props.mode === 'sea' || props.mode === 'ferry') && (props.from === n.id || props.to === n.id)) lanes.push(props);
    }
    const lines = lanes.slice(0, 5).map((l) => {
      const other = l.from === n.id ? l.to : l.from;
      return `${esc(MODE_LABEL[l.mode])} to ${esc(nodeName(other))}: ${fmt(l.km, 0)} km`
        + (l.hours !== undefined ? `, ${fmt(l.hours, 1)} h` : '') + (l.wait_hours ? ` + ${fmt(l.wait_hours, 1)} h wait` : '');
    });
    return `<strong>${esc(n.name)}</strong> <span class="muted">${esc(n.id)} · ${esc(n.country)} · seaport</span><br>`
      + `Handles: ${esc((n.handles || '').replace(/;/g, ', ') || '–')}${n.transship ? ' · transshipment' : ''}${n.gauge_change ? ' · gauge change' : ''}`
      + (lines.length ? '<br>' + lines.join('<br>') + (lanes.length > 5 ? `<br>… ${lanes.length - 5} more` : '') : '')
      + sourceLine(n);
  }

  function addPortMarker(n) {
    const icon = L.divIcon({ className: 'port-icon', iconSize: [11, 11] });
    const m = L.marker(n.latlng, { icon, title: 'Seaport ' + n.name, alt: n.name, riseOnHover: true, zIndexOffset: 400 });
    m.bindTooltip(() => portTooltip(n), { className: 'info', direction: 'auto', offset: [6, 0] });
    m.on('click', () => openClosePopup(n.latlng, [{ id: n.id, label: n.name, html: portTooltip(n), what: 'port' }]));
    m.addTo(state.map);
    m.getElement().dataset.id = n.id;
    m.getElement().classList.add('port-marker');
  }

  // A popup with each item's details and a button that closes it (or re-opens it) and re-plans at once.
  function openClosePopup(latlng, items) {
    const box = el('div', { class: 'close-popup' });
    items.forEach((it, i) => {
      if (i > 0) box.append(el('hr'));
      const info = el('div');
      info.innerHTML = it.html;
      const closed = state.closed.some((c) => c.id === it.id);
      const btn = el('button', { type: 'button', class: 'close-replan', dataset: { id: it.id },
        text: closed ? 'Re-open and re-plan' : `Close ${it.what || ''} and re-plan`.replace('  ', ' ') });
      btn.addEventListener('click', () => {
        state.map.closePopup();
        if (closed) reopen(it.id); else closeAndReplan(it.id, it.label);
      });
      box.append(info, el('div', {}, btn));
    });
    L.popup({ maxWidth: 360, maxHeight: 420 }).setLatLng(latlng).setContent(box).openOn(state.map);
  }

  // ------------------------------------------------------------------ form

  function setupAutocomplete(input) {
    const list = document.getElementById(input.getAttribute('aria-controls'));
    let timer = null, items = [], active = -1, lastQuery = '';
    const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; input.removeAttribute('aria-activedescendant'); };
    const choose = (place) => {
      input.value = place.name;
      input.dataset.id = place.id;
      input.title = `${place.name} (${place.id}, ${place.country})`;
      close();
    };
    const render = () => {
      list.replaceChildren(...items.map((p, i) => el('li', {
        id: `${input.id}-opt-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false',
        onmousedown: (e) => { e.preventDefault(); choose(p); },
      }, p.name, ' ', el('small', { text: `${p.id} · ${p.country} · ${p.kind.replace(/_/g, ' ')}` }))));
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(!list.hidden));
      if (active >= 0) input.setAttribute('aria-activedescendant', `${input.id}-opt-${active}`);
    };
    input.addEventListener('input', () => {
      delete input.dataset.id;
      input.removeAttribute('aria-invalid');
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) { items = []; close(); return; }
      timer = setTimeout(async () => {
        lastQuery = q;
        try {
          const res = await fetch('/api/places?' + new URLSearchParams({ q, limit: '8' }));
          if (!res.ok || lastQuery !== q) return;
          const data = await res.json();
          if (input.value.trim() !== q || document.activeElement !== input) return;
          items = data.places || []; active = -1; render();
        } catch (e) { /* suggestions are optional; planning reports errors */ }
      }, 150);
    });
    input.addEventListener('keydown', (e) => {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { active = (active + 1) % items.length; render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { active = (active - 1 + items.length) % items.length; render(); e.preventDefault(); }
      else if (e.key === 'Enter' && active >= 0) { choose(items[active]); e.preventDefault(); }
      else if (e.key === 'Escape') { close(); e.preventDefault(); }
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
  }

  function renderAvoidList() {
    const box = $('#avoid-list');
    box.replaceChildren(...state.countries.filter((c) => c.code !== 'XX').map((c) => el('label', { for: `avoid-${c.code}`, title: `${c.name}: combined risk ${c.risk}` },
      el('input', { type: 'checkbox', id: `avoid-${c.code}`, class: 'avoid-cb', value: c.code }),
      `${c.name} (${c.code})`, el('span', { class: `risk risk-${c.risk_class || 'unrated'}`, text: c.risk_class || 'n/a' }))));
  }

  function renderClosed() {
    const ul = $('#closed-list');
    ul.replaceChildren(...state.closed.map((c) => el('li', { class: 'chip', dataset: { id: c.id } },
      el('span', { text: c.label === c.id ? c.id : `${c.label} (${c.id})` }),
      el('button', { type: 'button', class: 'chip-remove', 'aria-label': `Re-open ${c.label}`, title: 'Re-open and re-plan', text: '×',
        onclick: () => reopen(c.id) }))));
    const closedIds = new Set(state.closed.map((c) => c.id));
    for (const m of new Set(state.crossingMarkers.values())) {
      const ids = (m.getElement()?.dataset.ids || '').split(' ');
      m.getElement()?.classList.toggle('closed', ids.some((id) => closedIds.has(id)));
    }
  }

  function closeAndReplan(id, label) {
    if (!state.closed.some((c) => c.id === id)) state.closed.push({ id, label: label || id });
    renderClosed();
    replan(`Closed ${label || id}`);
  }

  function reopen(id) {
    const c = state.closed.find((x) => x.id === id);
    state.closed = state.closed.filter((x) => x.id !== id);
    renderClosed();
    replan(`Re-opened ${c ? c.label : id}`);
  }

  function replan(reason) {
    if (!$('#from').value.trim() || !$('#to').value.trim()) {
      setStatus('Enter From and To, then Plan.');
      return;
    }
    plan(reason);
  }

  function placeParam(input) { return input.dataset.id || input.value.trim(); }

  function buildParams() {
    const p = new URLSearchParams();
    p.set('from', placeParam($('#from')));
    p.set('to', placeParam($('#to')));
    p.set('cargo', $('#cargo').value);
    const tonnes = $('#tonnes').value.trim();
    if (tonnes) p.set('tonnes', tonnes);
    p.set('objective', $('#objective').value);
    const avoid = [...document.querySelectorAll('.avoid-cb:checked')].map((c) => c.value);
    if (avoid.length) p.set('avoid', avoid.join(','));
    if (state.closed.length) p.set('close', state.closed.map((c) => c.id).join(','));
    if ($('#include-planned').checked) p.set('include_planned', 'true');
    const depart = $('#depart') ? $('#depart').value.trim() : '';
    if (depart) p.set('depart', depart.length === 16 ? depart : depart.slice(0, 16));
    if ($('#pareto').checked) {
      p.set('pareto', 'true');
    } else {
      const n = Math.max(1, Math.min(5, parseInt($('#alternatives').value, 10) || 1));
      if (n > 1) p.set('alternatives', String(n));
    }
    return p;
  }

  // ------------------------------------------------------------------ planning

  function setStatus(text) { $('#status').textContent = text; }

  /**
   * The JSON body of a planning answer, or null after showing the API's error (message and field, with the field's
   * input marked invalid) when the request failed.
   */
  async function planBody(res) {
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (res.ok) return body;
    const msg = body && body.error ? body.error : `HTTP ${res.status}`;
    const field = body && body.field;
    showError(field ? `${msg} (field: ${field})` : msg);
    const input = field && FIELD_INPUT[field] && document.getElementById(FIELD_INPUT[field]);
    if (input) input.setAttribute('aria-invalid', 'true');
    clearResults();
    setStatus('');
    return null;
  }

  function showError(message) {
    const box = $('#error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function plan(reason) {
    if ($('#scenario').value) return planScenario(reason);
    $('#scenario-result').hidden = true;
    state.scenarioRun = null;
    showError('');
    document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const params = buildParams();
    if (!params.get('from') || !params.get('to')) {
      showError(`Enter a place in ${!params.get('from') ? 'From' : 'To'} (field: ${!params.get('from') ? 'from' : 'to'})`);
      return;
    }
    // A what-if compares against the best route of the previous plan between the same places.
    const prev = state.plan && state.plan.routes && state.plan.routes[0];
    const samePlaces = state.params && state.params.get('from') === params.get('from') && state.params.get('to') === params.get('to');
    state.baseline = reason && prev && samePlaces
      ? { reason, totals: prev.totals, crossings: prev.crossings.map((c) => c.name || c.id), reliability: prev.reliability }
      : (reason && state.baseline && samePlaces ? state.baseline : null);
    if (state.abort) state.abort.abort();
    const abort = new AbortController();
    state.abort = abort;
    const button = $('#plan');
    button.disabled = true;
    setStatus('Planning…');
    const t0 = performance.now();
    try {
      const res = await fetch('/api/route?' + params, { signal: abort.signal, headers: { Accept: 'application/json' } });
      const body = await planBody(res);
      if (body === null) return;
      state.plan = body;
      state.params = params;
      state.selected = 0;
      renderPlan(reason);
      const n = body.routes.length;
      setStatus(n ? `${n} route${n > 1 ? 's' : ''} in ${fmt(performance.now() - t0, 0)} ms` : 'No route');
    } catch (e) {
      if (e.name === 'AbortError') return;
      showError('Could not reach the Caravan server: ' + e.message);
      setStatus('');
    } finally {
      if (state.abort === abort) { button.disabled = false; state.abort = null; }
    }
  }

  function clearResults() {
    state.plan = null;
    $('#scenario-result').hidden = true;
    $('#results').replaceChildren();
    $('#comparison').hidden = true;
    $('#downloads').hidden = true;
    $('#whatif').hidden = true;
    if (state.routeLayer) { state.routeLayer.remove(); state.routeLayer = null; }
    $('#results').dataset.seq = String(++state.seq);
  }

  function legLatLngs(leg) {
    const link = state.links.get(leg.link);
    if (link && link.latlngs.length >= 2) {
      const p = link.props;
      const reversed = p.from === leg.to && p.to === leg.from && p.from !== p.to;
      return reversed ? link.latlngs.slice().reverse() : link.latlngs;
    }
    const a = state.nodes.get(leg.from), b = state.nodes.get(leg.to);
    return a && b ? [a.latlng, b.latlng] : [];
  }

  function drawRoutes() {
    if (state.routeLayer) state.routeLayer.remove();
    const group = L.featureGroup();
    const routes = state.plan.routes;
    // Unselected first so the selected route is drawn on top.
    const order = routes.map((_, i) => i).filter((i) => i !== state.selected).concat([state.selected]);
    for (const i of order) {
      const r = routes[i];
      const parts = r.legs.map(legLatLngs).filter((p) => p.length >= 2);
      const colour = ROUTE_COLOURS[i % ROUTE_COLOURS.length];
      const sel = i === state.selected;
      if (sel) L.polyline(parts, { pane: 'routes', color: '#fff', weight: 10, opacity: 0.9, interactive: false, className: 'route-casing' }).addTo(group);
      const line = L.polyline(parts, { pane: 'routes', color: colour, weight: sel ? 6 : 3.5, opacity: sel ? 0.95 : 0.7,
        className: `route-line route-line-${i}${sel ? ' route-selected' : ''}`, lineCap: 'round', lineJoin: 'round' });
      line.bindTooltip(`Route ${i + 1}: ${fmt(r.totals.km, 0)} km · ${fmt(r.totals.days, 1)} days · ${usd(r.totals.usd)}`, { sticky: true });
      line.on('click', () => select(i));
      line.addTo(group);
      if (sel) {
        for (const t of r.transshipments) {
          const n = state.nodes.get(t.at);
          if (!n) continue;
          L.circleMarker(n.latlng, { pane: 'routes', radius: 5, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1, className: 'route-transship' })
            .bindTooltip(`<strong>${esc(t.at_name)}</strong>: ${esc(t.from_mode)}${t.from_gauge ? ' ' + t.from_gauge : ''} → ${esc(t.to_mode)}${t.to_gauge ? ' ' + t.to_gauge : ''}<br>${esc(t.reason)} · ${fmt(t.hours, 1)} h · ${usd(t.usd)}`, { className: 'info' })
            .addTo(group);
        }
      }
    }
    group.addTo(state.map);
    state.routeLayer = group;
    return group;
  }

  function select(i) {
    state.selected = i;
    document.querySelectorAll('#results .route-card').forEach((c) => {
      const on = Number(c.dataset.index) === i;
      c.classList.toggle('selected', on);
      c.setAttribute('aria-pressed', String(on));
    });
    drawRoutes();
    updateCsv();
  }

  function renderPlan(reason) {
    const plan = state.plan;
    const results = $('#results');
    results.replaceChildren();
    if (state.routeLayer) { state.routeLayer.remove(); state.routeLayer = null; }
    if (plan.note) results.append(el('p', { class: 'note', text: plan.note }));
    if (plan.truncated) results.append(el('p', { class: 'note', text: 'The search stopped at its limit: more routes may exist.' }));
    if (!plan.routes.length) {
      const nr = plan.no_route || { message: 'No route found.', blocking_constraints: [] };
      results.append(el('div', { class: 'no-route', id: 'no-route', role: 'status' },
        el('strong', { text: 'No route. ' }), nr.message,
        nr.blocking_constraints && nr.blocking_constraints.length
          ? el('div', {}, 'Blocking constraints:', el('ul', {}, nr.blocking_constraints.map((b) => el('li', { text: b })))) : null));
      $('#comparison').hidden = true;
      $('#downloads').hidden = true;
    } else {
      plan.routes.forEach((r, i) => results.append(routeCard(r, i)));
      renderComparison();
      $('#downloads').hidden = false;
      $('#download-geojson').href = '/api/route.geojson?' + state.params;
      $('#download-brief-html').href = '/api/brief.html?' + state.params;
      $('#download-brief-pdf').href = '/api/brief.pdf?' + state.params;
      updateCsv();
      const layer = drawRoutes();
      const b = layer.getBounds();
      if (b.isValid()) state.map.fitBounds(b, { padding: [30, 30], maxZoom: 7 });
    }
    renderWhatIf(reason);
    results.dataset.seq = String(++state.seq);
    $('#results-section').scrollIntoView({ block: 'start' });
  }

  function renderWhatIf(reason) {
    const box = $('#whatif');
    const base = state.baseline;
    if (!reason || !base) { box.hidden = true; return; }
    const now = state.plan.routes[0];
    box.replaceChildren();
    box.append(el('strong', { text: reason + '. ' }));
    if (!now) {
      box.append('No route remains (before: ', `${fmt(base.totals.km, 0)} km, ${fmt(base.totals.days, 1)} days, ${usd(base.totals.usd)}).`);
    } else {
      const d = (a, b) => b - a;
      box.append(`Best route now ${fmt(now.totals.km, 0)} km, ${fmt(now.totals.days, 1)} days, ${usd(now.totals.usd)}`,
        ` — was ${fmt(base.totals.km, 0)} km, ${fmt(base.totals.days, 1)} days, ${usd(base.totals.usd)}`,
        ` (${signed(d(base.totals.usd, now.totals.usd), 0, '', '$')}, ${signed(d(base.totals.days, now.totals.days), 1, ' days')}).`);
      const nowX = now.crossings.map((c) => c.name || c.id);
      if (nowX.join('|') !== base.crossings.join('|')) {
        box.append(el('br'), `Crossings: ${base.crossings.join(', ') || 'none'} → ${nowX.join(', ') || 'none'}.`);
      }
    }
    box.hidden = false;
  }

  function deltaLine(r) {
    const base = state.baseline;
    if (!base) return '';
    const cls = (v) => (v > 0 ? 'up' : v < 0 ? 'down' : '');
    const du = r.totals.usd - base.totals.usd, dd = r.totals.days - base.totals.days, dk = r.totals.km - base.totals.km;
    return el('div', { class: 'delta' }, (base.label || 'vs. before') + ': ',
      el('span', { class: cls(du), text: signed(du, 0, '', '$') }), ' · ',
      el('span', { class: cls(dd), text: signed(dd, 1, ' days') }), ' · ',
      el('span', { class: cls(dk), text: signed(dk, 0, ' km') }));
  }

  function riskClassOf(r) { return (r.risk_detail && r.risk_detail.max_class) || '–'; }

  function routeCard(r, i) {
    const colour = ROUTE_COLOURS[i % ROUTE_COLOURS.length];
    const t = r.totals, rel = r.reliability;
    const via = r.countries.join(' → ');
    const card = el('article', { class: 'route-card' + (i === state.selected ? ' selected' : ''), id: `route-${i}`, tabindex: '0',
      role: 'button', 'aria-pressed': String(i === state.selected), 'aria-label': `Route ${i + 1}, show on map`,
      dataset: { index: String(i) }, style: `--c:${colour}` });
    card.addEventListener('click', (e) => { if (!e.target.closest('button, a, summary, details')) select(i); });
    card.addEventListener('keydown', (e) => { if ((e.key === 'Enter' || e.key === ' ') && e.target === card) { e.preventDefault(); select(i); } });
    const total = (cls, value, label) => el('div', { class: cls }, el('b', { text: value }), el('span', { text: label }));
    card.append(
      el('h2', {}, r.label || `Route ${i + 1}`, i === 0 && state.plan.routes.length > 1 && !r.label ? el('span', { class: 'badge', text: 'best' }) : null,
        r.uses_non_operational ? el('span', { class: 'badge warn', text: 'uses planned links' }) : null,
        el('span', { class: 'via', text: via })),
      el('div', { class: 'totals' },
        total('total-km', fmt(t.km, 0), 'km'),
        total('total-days', fmt(t.days, 1), 'days'),
        total('total-usd', usd(t.usd), 'USD'),
        total('total-co2', fmt(t.co2_kg / 1000, 2), 't CO₂'),
        total('total-p50', rel ? fmt(rel.p50_hours / 24, 1) : '–', 'p50 days'),
        total('total-p90', rel ? fmt(rel.p90_hours / 24, 1) : '–', 'p90 days'),
        total('total-risk', fmt(r.risk, 2), 'risk score'),
        el('div', { class: 'total-class' }, el('b', {}, el('span', { class: `risk risk-${riskClassOf(r)}`, text: riskClassOf(r) })), el('span', { text: 'worst class' }))),
      r.isBaseline ? '' : deltaLine(r),
      r.corridorChange ? el('div', { class: 'corridor-change' }, el('strong', { text: 'Corridor: ' }), r.corridorChange) : '',
      el('div', { class: 'note', text: (r.unit === 'tonne' ? `${fmt(r.tonnes, 0)} t of ${r.cargo}`
        : `${fmt(r.units, r.units % 1 ? 1 : 0)} × ${r.unit} of ${r.cargo}, ${fmt(r.tonnes, 0)} t`) + (t.penalty_usd ? ` · penalties ${usd(t.penalty_usd)}` : '')
        + (t.co2_ttw_kg !== undefined ? ` · CO₂e well-to-wheel ${fmt(t.co2_kg / 1000, 2)} t (tank-to-wheel ${fmt(t.co2_ttw_kg / 1000, 2)} t)` : '')
        + (r.depart ? ` · departs ${r.depart}, arrives ${r.arrive} (local times)` : '') }));

    if (r.crossings.length) {
      card.append(el('h3', { text: 'Border crossings' }), el('table', { class: 'crossings' },
        el('thead', {}, el('tr', {}, el('th', { text: 'Crossing' }), el('th', { class: 'num', text: 'hours' }), el('th', { class: 'num', text: 'p90 h' }), el('th', { class: 'num', text: 'USD' }), el('th', {}))),
        el('tbody', {}, r.crossings.map((c) => el('tr', { dataset: { id: c.id }, title: `Source: ${c.source || '–'}` },
          el('td', {}, c.name || c.id, el('small', { class: 'muted', text: ` ${c.from_country}→${c.to_country}` })),
          el('td', { class: 'num', text: fmt(c.hours, 1) }), el('td', { class: 'num', text: fmt(c.p90_hours, 1) }),
          el('td', { class: 'num', text: fmt(c.usd, 0) }),
          el('td', {}, el('button', { type: 'button', class: 'close-btn', dataset: { id: c.id }, 'aria-label': `Close ${c.name || c.id} and re-plan`,
            title: 'Close this crossing and re-plan', text: 'Close', onclick: () => closeAndReplan(c.id, c.name || c.id) })))))));
    }
    if (r.transshipments.length) {
      card.append(el('h3', { text: 'Transshipments' }), el('table', { class: 'transshipments' },
        el('tbody', {}, r.transshipments.map((x) => el('tr', {},
          el('td', { text: x.at_name }),
          el('td', { text: `${x.from_mode}${x.from_gauge ? ' ' + x.from_gauge : ''} → ${x.to_mode}${x.to_gauge ? ' ' + x.to_gauge : ''}` }),
          el('td', { class: 'muted', text: x.reason }),
          el('td', { class: 'num', text: fmt(x.hours, 1) + ' h' }), el('td', { class: 'num', text: usd(x.usd) }))))));
    }
    if (r.exposure && r.exposure.length) {
      card.append(el('h3', { text: 'Exposure by country' }), el('table', { class: 'exposure' },
        el('thead', {}, el('tr', {}, el('th', { text: 'Country' }), el('th', { class: 'num', text: 'km' }), el('th', { class: 'num', text: 'hours' }), el('th', { class: 'num', text: 'USD' }), el('th', { text: 'risk' }))),
        el('tbody', {}, r.exposure.map((x) => el('tr', {},
          el('td', { text: x.name || x.country }), el('td', { class: 'num', text: fmt(x.km, 0) }), el('td', { class: 'num', text: fmt(x.hours, 1) }),
          el('td', { class: 'num', text: fmt(x.usd, 0) }), el('td', {}, el('span', { class: `risk risk-${x.risk_class}`, text: x.risk_class })))))));
    }
    card.append(chartBox([{ route: r, name: r.label || `Route ${i + 1}` }], `chart-${i}`));
    card.append(el('details', {}, el('summary', { text: `${r.legs.length} legs` }), el('table', { class: 'legs' },
      el('tbody', {}, r.legs.map((l) => el('tr', { title: `${l.link} · ${l.status} · ${l.confidence || ''}` },
        el('td', { text: `${l.from_name} → ${l.to_name}` }), el('td', { text: l.mode + (l.gauge ? ' ' + l.gauge : '') }),
        el('td', { class: 'num', text: fmt(l.km, 0) + ' km' }), el('td', { class: 'num', text: fmt(l.hours, 1) + ' h' }),
        el('td', { class: 'num', text: usd(l.usd) })))))));
    return card;
  }

  // ------------------------------------------------------------------ time/cost-distance charts
  // The UNESCAP chart (docs/CHARTS.md), drawn here from the route JSON so it needs no extra request: distance on x,
  // cumulative hours or USD on y; legs are sloped lines in the map's mode colours, crossings and transshipments
  // are jumps. Each line has a <title>, so hovering shows the leg. Same rules as org.caravan.chart.DistanceChart.
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const CHART_DASHES = ['', '8 4', '2 3', '10 3 2 3', '1 5'];
  const JUMP_COLOUR = { crossing: '#6a1b9a', transshipment: '#c62828', dwell: '#8d6e63' };

  function svgEl(tag, attrs = {}, title) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== '') e.setAttribute(k, v);
    if (title) { const t = document.createElementNS(SVG_NS, 'title'); t.textContent = title; e.append(t); }
    return e;
  }

  /** Legs and jumps of one route in travel order; a transshipment at X comes before the leg leaving X. */
  function chartSeries(r, kind) {
    const value = (x) => (kind === 'time' ? x.hours : x.usd);
    const segments = [], jumps = [];
    const ts = r.transshipments;
    let ti = 0, km = 0, v = 0;
    const transship = (t) => {
      jumps.push({ km0: km, v0: v, km1: km, v1: v + value(t), type: 'transshipment', name: `${t.at_name} (${t.reason})`, hours: t.hours, usd: t.usd });
      v += value(t);
    };
    // terminal dwell (train formation, wagon supply, release) is in the timeline only, by legs travelled before it
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

  function niceStep(max) {
    const raw = max / 5, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  }

  /** An inline SVG chart of routes ([{route, name}]); kind 'time' (axis in days) or 'cost' (USD). */
  function distanceChart(items, kind) {
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

  /** A chart box with a time/cost switch; `items` as for distanceChart, with a legend when there are several. */
  function chartBox(items, id) {
    const box = el('div', { class: 'chart-box', id });
    const draw = () => {
      const kids = [el('div', { class: 'chart-kind' }, ['time', 'cost'].map((k) => el('button', { type: 'button', class: k === state.chartKind ? 'on' : '',
        'aria-pressed': String(k === state.chartKind), text: k === 'time' ? 'Time–distance' : 'Cost–distance',
        onclick: () => { state.chartKind = k; document.querySelectorAll('.chart-box').forEach((b) => b.redraw()); } }))),
      distanceChart(items, state.chartKind)];
      if (items.length > 1) {
        kids.push(el('div', { class: 'chart-legend' }, items.map((it, i) => {
          const sw = svgEl('svg', { width: 26, height: 8, 'aria-hidden': 'true' });
          sw.append(svgEl('line', { x1: 1, y1: 4, x2: 25, y2: 4, stroke: '#333', 'stroke-width': 2, 'stroke-dasharray': CHART_DASHES[i % CHART_DASHES.length] }));
          return el('span', {}, sw, ' ' + it.name);
        })));
      }
      box.replaceChildren(...kids);
    };
    box.redraw = draw;
    draw();
    return box;
  }

  function renderComparison() {
    const box = $('#comparison');
    const routes = state.plan.routes;
    if (routes.length < 2) { box.hidden = true; box.replaceChildren(); return; }
    const rows = [
      ['Distance (km)', (r) => r.totals.km, 0],
      ['Time (days)', (r) => r.totals.days, 1],
      ['p50 (days)', (r) => r.reliability ? r.reliability.p50_hours / 24 : null, 1],
      ['p90 (days)', (r) => r.reliability ? r.reliability.p90_hours / 24 : null, 1],
      ['Cost (USD)', (r) => r.totals.usd, 0],
      ['CO₂ (t)', (r) => r.totals.co2_kg / 1000, 2],
      ['Risk score', (r) => r.risk, 2],
      ['Crossings', (r) => r.crossings.length, 0],
      ['Transshipments', (r) => r.transshipments.length, 0],
    ];
    const best = rows.map(([, f]) => {
      const valid = routes.map(f).filter((v) => v !== null && v !== undefined);
      return valid.length > 1 ? Math.min(...valid) : null;
    });
    const cell = (r, k) => {
      const [, f, digits] = rows[k];
      const v = f(r);
      return el('td', { class: v !== null && v === best[k] ? 'best' : '', text: fmt(v, digits) });
    };
    const swatch = (i) => el('span', { style: `color:${ROUTE_COLOURS[i % ROUTE_COLOURS.length]}`, text: '■ ' });
    let table;
    if (routes.length <= 5) {
      // Routes side by side, one column each.
      table = el('table', { id: 'comparison-table' },
        el('caption', { text: 'Comparison (best value in bold)' }),
        el('thead', {}, el('tr', {}, el('th', { text: '' }), routes.map((r, i) => el('th', { class: 'num', scope: 'col' }, swatch(i), r.label || `Route ${i + 1}`)))),
        el('tbody', {},
          rows.map(([label], k) => el('tr', {}, el('th', { scope: 'row', text: label }), routes.map((r) => cell(r, k)))),
          el('tr', {}, el('th', { scope: 'row', text: 'Worst risk class' }), routes.map((r) => el('td', {}, el('span', { class: `risk risk-${riskClassOf(r)}`, text: riskClassOf(r) })))),
          el('tr', {}, el('th', { scope: 'row', text: 'Countries' }), routes.map((r) => el('td', { text: r.countries.join(' ') })))));
    } else {
      // Many routes (a Pareto set): one row each, so the table stays readable in the panel.
      const short = ['km', 'days', 'p50 d', 'p90 d', 'USD', 't CO₂', 'risk', 'X', 'T'];
      table = el('table', { id: 'comparison-table', class: 'by-row' },
        el('caption', { text: 'Comparison (best value in bold; X crossings, T transshipments)' }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Route' }), short.map((h) => el('th', { class: 'num', scope: 'col', text: h })))),
        el('tbody', {}, routes.map((r, i) => el('tr', { onclick: () => select(i) }, el('th', { scope: 'row' }, swatch(i), String(i + 1)),
          rows.map((_, k) => cell(r, k))))));
    }
    box.replaceChildren(table, chartBox(routes.map((r, i) => ({ route: r, name: r.label || `Route ${i + 1}` })), 'comparison-chart'));
    box.hidden = false;
  }

  // ------------------------------------------------------------------ scenarios

  function scenarioEntry(id) { return state.scenarios.find((s) => s.id === id); }

  function renderScenarioSelect(selected) {
    const select = $('#scenario');
    const group = (label, items) => items.length ? el('optgroup', { label }, items.map((s) =>
      el('option', { value: s.id, title: s.rationale || '', text: `${s.title || s.id} (${s.id})` }))) : null;
    select.replaceChildren(...[el('option', { value: '', text: 'None: the base network' }),
      group('Examples', state.scenarios.filter((s) => s.origin === 'example')),
      group('Saved', state.scenarios.filter((s) => s.origin === 'user'))].filter(Boolean));
    select.value = selected && scenarioEntry(selected) ? selected : '';
    scenarioChanged(false);
  }

  async function loadScenarios(selected) {
    try {
      state.scenarios = (await getJson('/api/scenarios')).scenarios || [];
    } catch (e) {
      showError('Could not load scenarios: ' + e.message);
    }
    renderScenarioSelect(selected);
  }

  function scenarioChanged(replanNow) {
    const s = scenarioEntry($('#scenario').value);
    $('#scenario-info').textContent = s ? (s.rationale || s.title) + (s.sources && s.sources.length ? ` (${s.sources.length} source${s.sources.length > 1 ? 's' : ''})` : '')
      : 'Pick a scenario to plan on it and on the base network side by side.';
    $('#delete-scenario').disabled = !s || s.origin !== 'user';
    $('#alternatives').disabled = !!s || $('#pareto').checked;
    $('#pareto').disabled = !!s;
    if (replanNow && $('#from').value.trim() && $('#to').value.trim()) { state.baseline = null; plan(null); }
  }

  function scenarioParams() {
    const p = buildParams();
    p.delete('alternatives');
    p.delete('pareto');
    return p;
  }

  async function planScenario(reason) {
    showError('');
    document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const id = $('#scenario').value;
    const params = scenarioParams();
    if (!params.get('from') || !params.get('to')) {
      showError(`Enter a place in ${!params.get('from') ? 'From' : 'To'} (field: ${!params.get('from') ? 'from' : 'to'})`);
      return;
    }
    if (state.abort) state.abort.abort();
    const abort = new AbortController();
    state.abort = abort;
    const button = $('#plan');
    button.disabled = true;
    setStatus('Planning on the base network and the scenario…');
    const t0 = performance.now();
    try {
      const res = await fetch(`/api/scenarios/${encodeURIComponent(id)}/run?` + params, { signal: abort.signal, headers: { Accept: 'application/json' } });
      const body = await planBody(res);
      if (body === null) return;
      state.scenarioRun = body;
      const title = body.scenario.title || body.scenario.id;
      const pair = body.pairs[0];
      const base = body.plans.baseline.routes[0];
      const scen = body.plans.scenario.routes[0];
      const routes = [];
      if (scen) {
        routes.push(Object.assign({}, scen, { label: `Scenario: ${title}`,
          corridorChange: pair.corridor_changed ? `${pair.baseline.corridor || '–'} → ${pair.scenario.corridor || '–'}` : null }));
      }
      if (base) routes.push(Object.assign({}, base, { label: 'Baseline', isBaseline: true }));
      state.plan = Object.assign({}, body.plans.scenario, { routes, note: null,
        no_route: scen ? null : (body.plans.scenario.no_route || { message: pair.scenario.message || 'No route under the scenario.' }) });
      state.params = params;
      state.selected = 0;
      state.baseline = base ? { label: 'vs. baseline', totals: base.totals, crossings: base.crossings.map((c) => c.name || c.id) } : null;
      renderScenarioResult(body); // first, so the panel scrolls to it with the cards
      renderPlan(null);
      setStatus(`Scenario and baseline in ${fmt(performance.now() - t0, 0)} ms`);
    } catch (e) {
      if (e.name === 'AbortError') return;
      showError('Could not reach the Caravan server: ' + e.message);
      setStatus('');
    } finally {
      if (state.abort === abort) { button.disabled = false; state.abort = null; }
    }
  }

  function renderScenarioResult(body) {
    const box = $('#scenario-result');
    const pair = body.pairs[0];
    const b = pair.baseline, s = pair.scenario, d = pair.delta;
    const cls = (v) => (v > 0 ? 'up' : v < 0 ? 'down' : '');
    const CHANGE = { same: 'No change', 'changed corridor': 'Changes corridor', costlier: 'Costlier, same corridor', cheaper: 'Cheaper, same corridor',
      slower: 'Slower, same corridor', faster: 'Faster, same corridor', lost: 'No route any more', gained: 'A route where there was none', none: 'No route either way' };
    const row = (label, base, scen, delta) => el('tr', {}, el('th', { scope: 'row', text: label }), el('td', {}, base), el('td', {}, scen), delta === undefined ? el('td') : delta);
    box.replaceChildren(
      el('strong', { class: 'scenario-change', dataset: { change: pair.change }, text: `${body.scenario.title || body.scenario.id}: ${CHANGE[pair.change] || pair.change}.` }),
      s.found ? '' : el('div', { class: 'muted', text: s.message }),
      el('table', {},
        el('thead', {}, el('tr', {}, el('th'), el('th', { text: 'Baseline' }), el('th', { text: 'Scenario' }), el('th', { class: 'num', text: 'Change' }))),
        el('tbody', {},
          row('Corridor', el('span', { class: 'baseline-corridor', text: b.corridor || (b.found ? '' : 'no route') }),
            el('span', { class: 'scenario-corridor', text: s.corridor || (s.found ? '' : 'no route') }),
            el('td', { class: 'num', text: pair.corridor_changed ? 'changed' : '' })),
          row('Cost (USD)', usd(b.usd), usd(s.usd), el('td', { class: 'num ' + cls(d.usd), text: d.usd === null ? '–' : signed(d.usd, 0, '', '$') })),
          row('Time (days)', fmt(b.hours / 24, 1), fmt(s.hours / 24, 1), el('td', { class: 'num ' + cls(d.hours), text: d.hours === null ? '–' : signed(d.hours / 24, 1, ' days') })),
          row('CO₂ (kg)', fmt(b.co2_kg, 0), fmt(s.co2_kg, 0), el('td', { class: 'num ' + cls(d.co2_kg), text: d.co2_kg === null ? '–' : signed(d.co2_kg, 0, ' kg') })))),
      el('div', { class: 'note', text: `Per ${pair.unit} of ${pair.cargo}; the selected options hold on both sides.` }));
    box.hidden = false;
  }

  async function saveScenario() {
    const text = $('#scenario-text').value;
    const status = $('#save-status');
    status.textContent = '';
    showError('');
    if (!text.trim()) { showError('Paste a scenario (YAML or JSON) first (field: body)'); return; }
    const res = await fetch('/api/scenarios', { method: 'POST', body: text, headers: { 'Content-Type': 'application/yaml', Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && body.error ? body.error : `HTTP ${res.status}`;
      showError(`Scenario not saved: ${msg}` + (body && body.field ? ` (field: ${body.field})` : ''));
      return;
    }
    await loadScenarios(body.id);
    status.textContent = `Saved “${body.title || body.id}” (${body.id}).`;
    scenarioChanged(true);
  }

  async function copyScenario() {
    const id = $('#scenario').value;
    if (!id) { $('#save-status').textContent = 'Pick a scenario first.'; return; }
    try {
      $('#scenario-text').value = (await getJson(`/api/scenarios/${encodeURIComponent(id)}`)).text;
    } catch (e) { showError(e.message); }
  }

  async function deleteScenario() {
    const id = $('#scenario').value;
    const s = scenarioEntry(id);
    if (!s || s.origin !== 'user') return;
    const res = await fetch(`/api/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!res.ok) { showError(`Could not delete ${id}: HTTP ${res.status}`); return; }
    await loadScenarios('');
    $('#save-status').textContent = `Deleted ${id}.`;
  }

  // ------------------------------------------------------------------ criticality

  function critClass(rank) { return CRIT_CLASSES.find((c) => rank <= c.max); }

  async function toggleCriticality() {
    const on = $('#criticality-toggle').checked;
    if (!on) {
      if (state.criticalLayer) { state.criticalLayer.remove(); state.criticalLayer = null; }
      if (state.criticalLegend) { state.criticalLegend.remove(); state.criticalLegend = null; }
      return;
    }
    if (!state.critical) {
      setStatus('Ranking links by criticality…');
      try {
        state.critical = await getJson('/api/critical');
      } catch (e) {
        showError('Could not rank links: ' + e.message);
        $('#criticality-toggle').checked = false;
        setStatus('');
        return;
      }
      setStatus('');
    }
    if (!$('#criticality-toggle').checked || state.criticalLayer) return;
    const group = L.featureGroup();
    // Least critical first, so the top links are drawn on top.
    for (const x of state.critical.ranked.slice().reverse()) {
      const link = state.links.get(x.link);
      if (!link || link.latlngs.length < 2) continue;
      const c = critClass(x.rank);
      L.polyline(link.latlngs, { pane: 'critical', color: c.color, weight: c.weight, opacity: 0.9, lineCap: 'round',
        className: `critical-link ${c.cls}` })
        .bindTooltip(criticalTooltip(x), { sticky: true, className: 'info' })
        .addTo(group);
    }
    group.addTo(state.map);
    state.criticalLayer = group;
    addCriticalLegend();
    const bounds = group.getBounds();
    if (bounds.isValid()) state.map.fitBounds(bounds, { padding: [20, 20] });
  }

  function criticalTooltip(x) {
    const where = x.from_country === x.to_country ? x.from_country : `${x.from_country}–${x.to_country}`;
    return `<strong>#${x.rank} ${esc(x.name || x.link)}</strong> <span class="muted">${esc(x.link)} · ${esc(x.mode)} · ${esc(where)}</span><br>`
      + `Closing it adds ${usd(x.cost_increase_usd)} a year to the main OD demand (${x.rerouted_pairs} pair${x.rerouted_pairs === 1 ? '' : 's'} re-routed)`
      + (x.lost_pairs.length ? `<br>Leaves without any route: ${x.lost_pairs.map((p) => esc(p.from) + ' → ' + esc(p.to)).join('; ')} (${fmt(x.lost_tonnes, 0)} t)` : '');
  }

  function addCriticalLegend() {
    const legend = L.control({ position: 'bottomleft' });
    legend.onAdd = () => {
      const d = L.DomUtil.create('div', 'legend');
      d.id = 'critical-legend';
      d.innerHTML = '<strong>Criticality rank</strong>'
        + CRIT_CLASSES.map((c) => `<div><span class="sw ${c.cls}" style="border-top-width:${Math.round(c.weight)}px"></span>${c.label}</div>`).join('')
        + `<div class="muted">${state.critical.candidate_links} of ${state.critical.links_in_network} links lie on a route of the ${state.critical.od_pairs} main OD pairs</div>`;
      return d;
    };
    legend.addTo(state.map);
    state.criticalLegend = legend;
  }

  // ------------------------------------------------------------------ CSV

  function csvCell(v) {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function routeCsv(r) {
    const header = ['seq', 'from', 'to', 'mode', 'gauge', 'km', 'hours', 'usd', 'co2_kg', 'country', 'link', 'from_id', 'to_id', 'status'];
    const lines = [header.join(',')];
    r.legs.forEach((l, i) => lines.push([i + 1, l.from_name, l.to_name, l.mode, l.gauge, l.km, l.hours, l.usd, l.co2_kg, l.country,
      l.link, l.from, l.to, l.status].map(csvCell).join(',')));
    return lines.join('\r\n') + '\r\n';
  }

  function updateCsv() {
    const a = $('#download-csv');
    if (state.csvUrl) URL.revokeObjectURL(state.csvUrl);
    const r = state.plan && state.plan.routes[state.selected];
    if (!r) { a.removeAttribute('href'); return; }
    state.csvUrl = URL.createObjectURL(new Blob([routeCsv(r)], { type: 'text/csv;charset=utf-8' }));
    a.href = state.csvUrl;
    a.download = `route-${state.selected + 1}.csv`;
    a.textContent = `Download CSV (route ${state.selected + 1})`;
  }

  // ------------------------------------------------------------------ start

  async function getJson(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.json();
  }

  async function start() {
    initMap();
    setupAutocomplete($('#from'));
    setupAutocomplete($('#to'));
    $('#planner').addEventListener('submit', (e) => { e.preventDefault(); state.baseline = null; plan(null); });
    $('#pareto').addEventListener('change', () => { $('#alternatives').disabled = $('#pareto').checked; });
    $('#scenario').addEventListener('change', () => scenarioChanged(true));
    $('#save-scenario').addEventListener('click', () => saveScenario().catch((e) => showError('Could not reach the Caravan server: ' + e.message)));
    $('#copy-scenario').addEventListener('click', copyScenario);
    $('#delete-scenario').addEventListener('click', () => deleteScenario().catch((e) => showError(e.message)));
    $('#criticality-toggle').addEventListener('change', toggleCriticality);
    renderClosed();
    const scenariosLoaded = loadScenarios('');
    const [shapes, network, countries] = await Promise.allSettled([
      getJson('/api/countries/shapes'), getJson('/api/network'), getJson('/api/countries')]);
    const problems = [];
    if (shapes.status === 'fulfilled') drawShapes(shapes.value); else problems.push(shapes.reason.message);
    if (network.status === 'fulfilled') drawNetwork(network.value); else problems.push(network.reason.message);
    if (countries.status === 'fulfilled') { state.countries = countries.value.countries; renderAvoidList(); } else problems.push(countries.reason.message);
    if (problems.length) showError('Could not load map data: ' + problems.join('; '));
    await scenariosLoaded;
    document.body.dataset.ready = 'true';
  }

  window.caravan = { state, routeCsv };
  start();
})();

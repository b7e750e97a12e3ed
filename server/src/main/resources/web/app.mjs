// Caravan web app: a Leaflet map of the network and a route planner over the HTTP API (/openapi.json). ES modules
// in js/, no build step, no network access beyond this server. The page's state lives in its URL (js/urlstate.mjs):
// every plan is a history entry, back/forward and a reload show (and re-plan) it again.
import { $ } from './js/dom.mjs';
import { api, errorText, isAbort } from './js/api.mjs';
import { fmt, plural, routeCsv } from './js/format.mjs';
import { decode, encode, isPlannable, routeParams, scenarioParams, sameQuestion } from './js/urlstate.mjs';
import { bboxUrl, boxHolds, closureChips, crossingGroup, debounce, detailsCache, detailUrl, groupName, indexNetwork, latestOnly, layerCache, linkLines, networkUrl, viewBox, zoomBand } from './js/network.mjs';
import { MapView } from './js/map.mjs';
import { CriticalityLayer } from './js/criticality.mjs';
import { FlowLayer } from './js/flows.mjs';
import { markInvalid, readForm, renderAvoidList, renderClosedChips, setupAutocomplete, updateEnabled, writeForm } from './js/planner.mjs';
import { ResultsView } from './js/results.mjs';
import { ScenarioPanel } from './js/scenarios.mjs';
import { Downloads } from './js/downloads.mjs';

const page = {
  index: indexNetwork(null),
  countries: [],
  closed: [],        // close tokens as /api/route takes them (link ids, place ids or names)
  extra: {},         // what the URL gave that the form has no input for (samples, seed, limits, other avoid codes)
  plan: null,        // the answer shown
  planState: null,   // the page state it answers
  selected: 0,
  baseline: null,    // what a what-if compares with
  abort: null,
  networkBand: null, // the zoom band whose network lines the map shows (network.mjs zoomBand)
  wantedBand: null,  // the band last asked for
  linesBox: null,    // the box whose lines of networkBand are drawn ([minLon, minLat, maxLon, maxLat]; null: all)
};

const showError = (message) => {
  const box = $('#error');
  box.textContent = message || '';
  box.hidden = !message;
};
const setStatus = (text) => { $('#status').textContent = text; };

const names = {
  country: (code) => page.countries.find((c) => c.code === code)?.name || null,
  place: (id) => page.index.nodes.get(id)?.name || page.index.links.get(id)?.props.name || null,
};

const isClosed = (id) => page.closed.includes(id);

// One place's or link's sources, times and notes, fetched when the user points at or clicks it (the map layer
// has none of them: attrs=map).
const details = detailsCache((kind, id) => api(detailUrl(kind, id)));

const mapView = new MapView('map', {
  details,
  onClose: (tokens, label) => closeAndReplan(tokens, label),
  onReopen: (tokens, label) => reopen(tokens, label),
  isClosed,
  onSelect: (i) => select(i),
});
const criticality = new CriticalityLayer(mapView);
const flows = new FlowLayer(mapView);
const results = new ResultsView({
  onSelect: (i) => select(i),
  onCloseCrossing: (c) => {
    const group = crossingGroup(page.index, c.id);
    closeAndReplan(group.length ? group.map((l) => l.id) : [c.id], group.length ? groupName(group) : c.name || c.id);
  },
});
const downloads = new Downloads();
const scenarios = new ScenarioPanel({
  showError,
  onPicked: () => {
    updateEnabled(!!scenarios.value);
    const state = currentForm();
    if (isPlannable(state)) { page.baseline = null; plan(state, { history: 'push' }); }
  },
});

const currentForm = () => readForm({ closed: page.closed, extra: page.extra });

function renderClosed() {
  renderClosedChips(closureChips(page.index, page.closed), (tokens, label) => reopen(tokens, label));
  mapView.markClosed(isClosed);
}

function closeAndReplan(tokens, label) {
  for (const t of tokens) if (!page.closed.includes(t)) page.closed.push(t);
  renderClosed();
  replan(`Closed ${label}`);
}

function reopen(tokens, label) {
  page.closed = page.closed.filter((t) => !tokens.includes(t));
  renderClosed();
  replan(`Re-opened ${label}`);
}

function replan(reason) {
  const state = currentForm();
  if (!isPlannable(state)) { setStatus('Enter From and To, then Plan.'); return; }
  plan(state, { reason, history: 'push' });
}

/** Shows a page state in the form (not planning it). */
function applyState(state) {
  page.closed = state.close.slice();
  const known = new Set(page.countries.map((c) => c.code));
  page.extra = { samples: state.samples, seed: state.seed, pareto_tolerance: state.pareto_tolerance,
    max_labels: state.max_labels, budget_ms: state.budget_ms, avoid: state.avoid.filter((c) => !known.has(c)) };
  writeForm(state, names.place);
  scenarios.value = state.scenario;
  updateEnabled(!!state.scenario);
  renderClosed();
}

function writeHistory(state, how) {
  if (how === 'none') return;
  const query = encode(state);
  const url = query ? `?${query}` : location.pathname;
  if (location.search === (query ? `?${query}` : '')) return;
  if (how === 'replace') history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

function clearResults() {
  page.plan = null;
  results.clear();
  downloads.hide();
  mapView.clearRoutes();
}

/**
 * Plans a page state: /api/route, or the scenario run with its baseline. `reason` ("Closed Torkham") makes the
 * result a what-if against the previous plan of the same places; `history` is 'push', 'replace' or 'none'.
 */
async function plan(state, { reason = null, history: how = 'push' } = {}) {
  showError('');
  markInvalid(null);
  writeHistory(state, how);
  if (!isPlannable(state)) {
    const missing = state.from ? 'to' : 'from';
    showError(`Enter a place in ${missing === 'from' ? 'From' : 'To'} (field: ${missing})`);
    markInvalid(missing);
    return;
  }
  const prev = page.plan && page.plan.routes && page.plan.routes[0];
  const samePlaces = page.planState && page.planState.from === state.from && page.planState.to === state.to;
  page.baseline = reason && prev && samePlaces && !state.scenario
    ? { reason, totals: prev.totals, crossings: prev.crossings.map((c) => c.name || c.id) }
    : (reason && page.baseline && samePlaces ? page.baseline : null);
  if (page.abort) page.abort.abort();
  const abort = new AbortController();
  page.abort = abort;
  const button = $('#plan');
  button.disabled = true;
  setStatus(state.scenario ? 'Planning on the base network and the scenario…' : 'Planning…');
  const t0 = performance.now();
  try {
    let answer;
    if (state.scenario) {
      const run = await scenarios.run(state.scenario, scenarioParams(state), abort.signal);
      answer = run.plan;
      page.baseline = run.baseline;
      reason = null;
      results.renderScenario(run.body); // first, so the panel scrolls to it with the cards
    } else {
      answer = await api('/api/route?' + routeParams(state), { signal: abort.signal });
      $('#scenario-result').hidden = true;
    }
    page.plan = answer;
    page.planState = state;
    page.selected = Math.min(state.route, Math.max(0, answer.routes.length - 1));
    results.render({ plan: answer, selected: page.selected, baseline: page.baseline, reason, names });
    mapView.showRoutes(answer.routes, page.selected, true);
    downloads.show(answer, page.selected, routeParams(state), state.scenario);
    const n = answer.routes.length;
    setStatus(state.scenario ? `Scenario and baseline in ${fmt(performance.now() - t0, 0)} ms`
      : n ? `${plural(n, 'route')} in ${fmt(performance.now() - t0, 0)} ms` : 'No route');
    $('#results-section').scrollIntoView({ block: 'start' });
  } catch (e) {
    if (isAbort(e)) return;
    clearResults();
    showError(errorText(e));
    markInvalid(e.field);
    setStatus('');
  } finally {
    if (page.abort === abort) { button.disabled = false; page.abort = null; }
  }
}

function select(i) {
  if (!page.plan || i === page.selected && $('#route-' + i)?.classList.contains('selected')) return;
  page.selected = i;
  results.select(i);
  mapView.showRoutes(page.plan.routes, i, false);
  downloads.setCsv(page.plan.routes[i], i);
  if (page.planState) {
    page.planState = { ...page.planState, route: i };
    writeHistory(page.planState, 'replace');
  }
}

/** Back/forward: the state of the URL, re-planned unless the answer shown already is its answer. */
function restore() {
  const state = decode(location.search);
  applyState(state);
  if (!isPlannable(state)) { clearResults(); showError(''); setStatus(''); return; }
  if (page.plan && page.planState && sameQuestion(state, page.planState)) { select(state.route); return; }
  page.baseline = null;
  return plan(state, { history: 'none' });
}

async function toggleCriticality() {
  const toggle = $('#criticality-toggle');
  if (!toggle.checked) { criticality.hide(); return; }
  setStatus('Ranking links by criticality…');
  try {
    await criticality.show(() => toggle.checked);
  } catch (e) {
    showError(errorText(e, 'Could not rank links'));
    toggle.checked = false;
  } finally {
    setStatus('');
  }
}

async function toggleFlows() {
  const toggle = $('#flows-toggle');
  if (!toggle.checked) { flows.hide(); return; }
  setStatus('Assigning the main OD demand…');
  try {
    await flows.show(() => toggle.checked);
  } catch (e) {
    showError(errorText(e, 'Could not assign the demand'));
    toggle.checked = false;
  } finally {
    setStatus('');
  }
}

// The network lines of the map's zoom band (/api/network?zoom=N: lines simplified for the band). The first band's
// layer comes whole, with the attributes the map needs (attrs=map), and is kept. For another band the page asks only
// for the lines around the view (lines=only&bbox=..., the view padded and snapped: network.mjs viewBox) once the map
// has stopped moving for a moment (moveend, debounced), and only the newest request's answer is drawn (an older one
// is aborted or dropped). A pan that stays inside the box already drawn asks for nothing.
let firstLayerBand = null;
const networkLayers = layerCache((band) => api(networkUrl(band)));
const viewRequests = latestOnly();
const bboxRequested = [];
const VIEW_DEBOUNCE_MS = 250;

function shownBand(band, box) {
  page.networkBand = band;
  page.linesBox = box;
  document.body.dataset.networkBand = String(band);
  document.body.dataset.linesBox = box ? box.join(',') : '';
}

/** After the map moved or zoomed: draws the lines of its zoom band for what it shows, fetching them if needed. */
async function showView() {
  const map = mapView.map;
  const band = zoomBand(map.getZoom());
  page.wantedBand = band;
  if (band === firstLayerBand) {
    viewRequests.invalidate(); // a request for another band still under way is of no use now
    if (page.networkBand === band) return;
    try {
      const geo = await networkLayers.get(band); // the first layer, kept
      if (page.wantedBand !== band) return;
      mapView.setLinkGeometry(linkLines(geo));
      shownBand(band, null);
    } catch (e) {
      showError('Could not load the map layer for this zoom: ' + e.message);
    }
    return;
  }
  const b = map.getBounds();
  const view = { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
  if (page.networkBand === band && boxHolds(page.linesBox, view)) return; // its lines are drawn already
  const box = viewBox(view, band);
  if (!box) return;
  const ticket = viewRequests.begin();
  const url = bboxUrl(band, box);
  bboxRequested.push(url);
  try {
    const geo = await api(url, { signal: ticket.signal });
    if (!viewRequests.current(ticket)) { viewRequests.drop(); return; } // overtaken by a newer view
    mapView.setLinkGeometry(linkLines(geo));
    shownBand(band, box);
  } catch (e) {
    if (isAbort(e) || !viewRequests.current(ticket)) { viewRequests.drop(); return; }
    // The lines drawn stay; the next move tries again.
    showError('Could not load the map layer for this view: ' + e.message);
  }
}

const onMoveEnd = debounce(() => { showView(); }, VIEW_DEBOUNCE_MS);

async function start() {
  setupAutocomplete($('#from'));
  setupAutocomplete($('#to'));
  $('#planner').addEventListener('submit', (e) => {
    e.preventDefault();
    page.baseline = null;
    plan(currentForm(), { history: 'push' });
  });
  $('#pareto').addEventListener('change', () => updateEnabled(!!scenarios.value));
  $('#criticality-toggle').addEventListener('change', toggleCriticality);
  $('#flows-toggle').addEventListener('change', toggleFlows);
  window.addEventListener('popstate', () => { restore(); });
  const scenariosLoaded = scenarios.load('');
  const firstBand = zoomBand(mapView.map.getZoom());
  firstLayerBand = firstBand;
  const [shapes, network, countries] = await Promise.allSettled([
    api('/api/countries/shapes'), networkLayers.get(firstBand), api('/api/countries')]);
  const problems = [];
  if (shapes.status === 'fulfilled') mapView.drawShapes(shapes.value); else problems.push(shapes.reason.message);
  if (network.status === 'fulfilled') {
    page.index = indexNetwork(network.value);
    shownBand(firstBand, null);
    mapView.drawNetwork(page.index); // fits the map to the network: usually another zoom band
    document.body.dataset.networkDrawnMs = String(Math.round(performance.now())); // time to first draw (tests)
    mapView.map.on('moveend', onMoveEnd);
    onMoveEnd.cancel(); // the fit's own moveend: shown just below
    await showView();
  } else problems.push(network.reason.message);
  if (countries.status === 'fulfilled') page.countries = countries.value.countries;
  else problems.push(countries.reason.message);
  renderAvoidList(page.countries);
  if (!page.countries.length && countries.status !== 'fulfilled') $('#avoid-list').textContent = 'Countries could not be loaded.';
  await scenariosLoaded;
  const initial = decode(location.search);
  applyState(initial);
  if (problems.length) showError('Could not load map data: ' + problems.join('; '));
  else if (isPlannable(initial)) await plan(initial, { history: 'none' });
  document.body.dataset.ready = 'true';
}

// For the browser tests and the console: the answer shown, the map, the CSV of a route.
window.caravan = {
  state: {
    get plan() { return page.plan; },
    get selected() { return page.selected; },
    get closed() { return page.closed.slice(); },
    get networkBand() { return page.networkBand; },
    get networkBandsRequested() { return networkLayers.requested.slice(); },
    get bboxRequested() { return bboxRequested.slice(); },
    get staleDropped() { return viewRequests.dropped; },
    get linesBox() { return page.linesBox; },
    get detailsRequested() { return details.requested.slice(); },
    linkLine: (id) => mapView.linkLines && mapView.linkLines.get(id),
    map: mapView.map,
    crossingMarkers: mapView.crossingMarkers,
  },
  routeCsv,
};
start();

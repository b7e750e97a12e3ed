// The map page's state in its URL, so a plan can be shared, bookmarked and reloaded, and back/forward work.
// The query string uses the names and notation of /api/route (openapi.json): `?from=KZALA&to=Karachi&avoid=AF,IR
// &close=Torkham&alternatives=3`; `scenario` picks a scenario and `route` the selected card (1-based). Values the
// user typed stay text here: the server checks them and the page shows its refusal naming the field.
// Pure: no DOM, testable in Node.

/** The page's state when the URL says nothing. */
export const DEFAULTS = Object.freeze({
  from: '', to: '', via: [], cargo: 'container', rail_service: 'regular', tonnes: '', objective: 'cost',
  avoid: [], close: [], modes: [], include_planned: false, max_risk: '', penalty: [], depart: '',
  alternatives: '3', pareto: false, scenario: '', samples: '', seed: '',
  pareto_tolerance: '', max_labels: '', budget_ms: '', route: 0,
});

/** Search limits the form has no input for: kept from the URL and passed on to /api/route. */
export const SEARCH_LIMITS = ['pareto_tolerance', 'max_labels', 'budget_ms'];

const TEXT = ['from', 'to', 'cargo', 'rail_service', 'tonnes', 'objective', 'max_risk', 'depart', 'alternatives', 'scenario', 'samples',
  'seed', ...SEARCH_LIMITS];
const LISTS = ['via', 'avoid', 'close', 'modes', 'penalty'];
const FLAGS = ['include_planned', 'pareto'];
/** The order of the parameters in a URL, so one state always gives one URL. */
const ORDER = ['from', 'to', 'via', 'cargo', 'rail_service', 'tonnes', 'objective', 'avoid', 'close', 'modes', 'include_planned',
  'max_risk', 'penalty', 'depart', 'samples', 'seed', 'alternatives', 'pareto', ...SEARCH_LIMITS, 'scenario', 'route'];

const splitList = (values) => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
const TRUE = new Set(['true', '1', 'yes', 'on']);

/** The page state a query string ("?a=b&...", "a=b&...") or URLSearchParams describes; absent fields are defaults. */
export function decode(search) {
  const p = search instanceof URLSearchParams ? search : new URLSearchParams(String(search ?? '').replace(/^[?#]/, ''));
  const state = { ...DEFAULTS };
  for (const k of TEXT) if (p.has(k)) state[k] = p.get(k).trim();
  for (const k of LISTS) state[k] = splitList(p.getAll(k));
  for (const k of FLAGS) if (p.has(k)) state[k] = TRUE.has(p.get(k).trim().toLowerCase());
  const route = Number.parseInt(p.get('route') ?? '', 10);
  state.route = Number.isInteger(route) && route >= 1 ? route - 1 : 0;
  return state;
}

/** The query string (without "?") of a page state: defaults and empty fields left out, lists comma-joined. */
export function encode(state) {
  const s = { ...DEFAULTS, ...state };
  const p = new URLSearchParams();
  for (const k of ORDER) {
    if (k === 'route') {
      if (s.route > 0) p.set('route', String(s.route + 1));
    } else if (LISTS.includes(k)) {
      if (s[k].length) p.set(k, s[k].join(','));
    } else if ((k === 'alternatives' && (s.pareto || s.scenario)) || (k === 'pareto' && s.scenario)
        || (SEARCH_LIMITS.includes(k) && s.scenario)) {
      // ignored by a Pareto set and by a scenario run (the best route on each side), so not written
    } else if (FLAGS.includes(k)) {
      if (s[k]) p.set(k, 'true');
    } else {
      const v = String(s[k] ?? '').trim();
      if (v !== '' && v !== DEFAULTS[k]) p.set(k, v);
    }
  }
  return p.toString();
}

/** Whether the state asks a question (both places given). */
export const isPlannable = (state) => !!(state.from && state.to);

/** The /api/route (and route.geojson, brief) query of a state; alternatives and pareto as the page means them. */
export function routeParams(state) {
  const p = scenarioParams(state);
  for (const k of SEARCH_LIMITS) if (state[k]) p.set(k, state[k]);
  if (state.pareto) {
    p.set('pareto', 'true');
  } else {
    const n = String(state.alternatives ?? '').trim();
    if (n && n !== '1') p.set('alternatives', n);
  }
  return p;
}

/** The /api/scenarios/{id}/run query of a state: the route question without alternatives, Pareto set or limits. */
export function scenarioParams(state) {
  const s = { ...DEFAULTS, ...state };
  const p = new URLSearchParams();
  p.set('from', s.from);
  p.set('to', s.to);
  if (s.via.length) p.set('via', s.via.join(','));
  p.set('cargo', s.cargo);
  if (s.rail_service && s.rail_service !== 'regular') p.set('rail_service', s.rail_service);
  if (s.tonnes) p.set('tonnes', s.tonnes);
  p.set('objective', s.objective);
  for (const k of ['avoid', 'close', 'modes', 'penalty']) if (s[k].length) p.set(k, s[k].join(','));
  if (s.include_planned) p.set('include_planned', 'true');
  for (const k of ['max_risk', 'depart', 'samples', 'seed']) if (s[k]) p.set(k, s[k]);
  return p;
}

/** Whether two states ask the same question (everything but the selected route). */
export const sameQuestion = (a, b) => encode({ ...a, route: 0 }) === encode({ ...b, route: 0 });

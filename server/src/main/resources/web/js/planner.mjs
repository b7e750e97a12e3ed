// The planner form: places with suggestions, the route options, countries to avoid, closed links as chips; read
// into and written from the page state of urlstate.mjs.
import { $, el } from './dom.mjs';
import { api } from './api.mjs';
import { DEFAULTS } from './urlstate.mjs';

/** The input that shows a refused request field (the API's `field`). */
const FIELD_INPUT = { from: 'from', to: 'to', via: 'via', cargo: 'cargo', rail_service: 'rail-service', tonnes: 'tonnes', objective: 'objective',
  alternatives: 'alternatives', pareto: 'pareto', include_planned: 'include-planned', max_risk: 'max-risk', depart: 'depart',
  penalty: 'penalty', modes: 'modes-rail', avoid: 'avoid-list' };

export function markInvalid(field) {
  document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const input = field && FIELD_INPUT[field] && document.getElementById(FIELD_INPUT[field]);
  if (input) input.setAttribute('aria-invalid', 'true');
}

const splitList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A place input with suggestions from /api/places; the chosen place's id goes in data-id. */
export function setupAutocomplete(input) {
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
    input.removeAttribute('title');
    input.removeAttribute('aria-invalid');
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { items = []; close(); return; }
    timer = setTimeout(async () => {
      lastQuery = q;
      try {
        const data = await api('/api/places?' + new URLSearchParams({ q, limit: '8' }));
        if (lastQuery !== q || input.value.trim() !== q || document.activeElement !== input) return;
        items = data.places || []; active = -1; render();
      } catch (e) { /* suggestions are optional; planning reports errors */ }
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    // Escape also drops suggestions still to come (typed just before): they must not open the list afterwards.
    if (e.key === 'Escape') { clearTimeout(timer); lastQuery = null; }
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { active = (active + 1) % items.length; render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = (active - 1 + items.length) % items.length; render(); e.preventDefault(); }
    else if (e.key === 'Enter' && active >= 0) { choose(items[active]); e.preventDefault(); }
    else if (e.key === 'Escape') { close(); e.preventDefault(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

/** The avoid checkboxes of /api/countries; `checked` codes ticked. */
export function renderAvoidList(countries, checked = []) {
  const on = new Set(checked);
  $('#avoid-list').replaceChildren(...countries.filter((c) => c.code !== 'XX').map((c) => el('label', { for: `avoid-${c.code}`, title: `${c.name}: combined risk ${c.risk}` },
    el('input', { type: 'checkbox', id: `avoid-${c.code}`, class: 'avoid-cb', value: c.code, checked: on.has(c.code) }),
    `${c.name} (${c.code})`, el('span', { class: `risk risk-${c.risk_class || 'unrated'}`, text: c.risk_class || 'n/a' }))));
}

const placeValue = (input) => input.dataset.id || input.value.trim();

/**
 * The page state the form shows. `closed` (the close tokens) and `extra` (what the form has no input for: samples,
 * seed, search limits, avoided codes without a checkbox) come from the app.
 */
export function readForm({ closed, extra }) {
  const avoidBoxes = [...document.querySelectorAll('.avoid-cb')];
  const known = new Set(avoidBoxes.map((c) => c.value));
  const avoid = [...(extra.avoid || []).filter((c) => !known.has(c)), ...avoidBoxes.filter((c) => c.checked).map((c) => c.value)];
  return {
    ...DEFAULTS,
    from: placeValue($('#from')),
    to: placeValue($('#to')),
    via: splitList($('#via').value),
    cargo: $('#cargo').value,
    rail_service: $('#rail-service').value,
    tonnes: $('#tonnes').value.trim(),
    objective: $('#objective').value,
    avoid,
    close: closed.slice(),
    modes: [...document.querySelectorAll('.mode-cb:checked')].map((c) => c.value),
    include_planned: $('#include-planned').checked,
    max_risk: $('#max-risk').value.trim(),
    penalty: splitList($('#penalty').value),
    // datetime-local gives 2027-03-01T08:00 (seconds only when typed): the API's notation
    depart: $('#depart') ? $('#depart').value.trim() : '',
    alternatives: $('#alternatives').value.trim(),
    pareto: $('#pareto').checked,
    scenario: $('#scenario').value,
    samples: extra.samples || '',
    seed: extra.seed || '',
    pareto_tolerance: extra.pareto_tolerance || '',
    max_labels: extra.max_labels || '',
    budget_ms: extra.budget_ms || '',
  };
}

/** Sets a select to a value, adding the value as an option when the page does not list it (the server judges it). */
function selectValue(select, value) {
  if (![...select.options].some((o) => o.value === value)) select.append(el('option', { value, text: value }));
  select.value = value;
}

function setPlace(input, token, placeName) {
  const name = placeName(token);
  input.value = name || token;
  if (name) { input.dataset.id = token; input.title = `${name} (${token})`; } else { delete input.dataset.id; input.removeAttribute('title'); }
}

/** Shows a page state in the form; `placeName(id)` gives a place id's name (null for no such id). */
export function writeForm(state, placeName) {
  setPlace($('#from'), state.from, placeName);
  setPlace($('#to'), state.to, placeName);
  $('#via').value = state.via.join(', ');
  selectValue($('#cargo'), state.cargo);
  selectValue($('#rail-service'), state.rail_service);
  $('#tonnes').value = state.tonnes;
  selectValue($('#objective'), state.objective);
  const avoid = new Set(state.avoid);
  document.querySelectorAll('.avoid-cb').forEach((c) => { c.checked = avoid.has(c.value); });
  const modes = new Set(state.modes);
  document.querySelectorAll('.mode-cb').forEach((c) => { c.checked = modes.has(c.value); });
  $('#include-planned').checked = state.include_planned;
  $('#max-risk').value = state.max_risk;
  $('#penalty').value = state.penalty.join(', ');
  if ($('#depart')) $('#depart').value = state.depart || '';
  $('#alternatives').value = state.alternatives;
  $('#pareto').checked = state.pareto;
  if (state.via.length || state.modes.length || state.max_risk || state.penalty.length) $('#more-options').open = true;
}

/** Enables what a scenario run or a Pareto set ignores. */
export function updateEnabled(hasScenario) {
  $('#alternatives').disabled = hasScenario || $('#pareto').checked;
  $('#pareto').disabled = hasScenario;
}

/** The closed chips; `onReopen(tokens, label)` when one's × is pressed. */
export function renderClosedChips(chips, onReopen) {
  $('#closed-list').replaceChildren(...chips.map((c) => el('li', { class: 'chip', dataset: { id: c.tokens[0], ids: c.tokens.join(' ') }, title: c.title },
    el('span', { text: c.label }),
    el('button', { type: 'button', class: 'chip-remove', 'aria-label': `Re-open ${c.label}`, title: 'Re-open and re-plan', text: '×',
      onclick: () => onReopen(c.tokens, c.label) }))));
}

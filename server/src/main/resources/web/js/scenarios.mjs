// Scenarios in the page: the picker (examples and saved ones), a run against the baseline, and the save box.
import { $, el } from './dom.mjs';
import { api, errorText } from './api.mjs';

export class ScenarioPanel {
  /** `showError(text)` shows a message in the page's error box; `onPicked()` after the picker changed by hand. */
  constructor({ showError, onPicked }) {
    this.showError = showError;
    this.onPicked = onPicked;
    this.list = [];
    $('#scenario').addEventListener('change', () => { this.describe(); this.onPicked(); });
    $('#save-scenario').addEventListener('click', () => this.save());
    $('#copy-scenario').addEventListener('click', () => this.copy());
    $('#delete-scenario').addEventListener('click', () => this.remove());
  }

  entry(id) { return this.list.find((s) => s.id === id); }

  get value() { return $('#scenario').value; }

  /** Picks a scenario (or none); one the server does not list is added, so that a run names it in its error. */
  set value(id) {
    const select = $('#scenario');
    if (id && !this.entry(id) && ![...select.options].some((o) => o.value === id)) {
      select.append(el('option', { value: id, text: id }));
    }
    select.value = id || '';
    this.describe();
  }

  async load(selected) {
    try {
      this.list = (await api('/api/scenarios')).scenarios || [];
    } catch (e) {
      this.showError(errorText(e, 'Could not load scenarios'));
    }
    const select = $('#scenario');
    const keep = selected === undefined ? select.value : selected;
    // Titles are the user's text: option labels take them as text, never as markup.
    const group = (label, items) => (items.length ? el('optgroup', { label }, items.map((s) =>
      el('option', { value: s.id, title: s.rationale || '', text: `${s.title || s.id} (${s.id})` }))) : null);
    select.replaceChildren(...[el('option', { value: '', text: 'None: the base network' }),
      group('Examples', this.list.filter((s) => s.origin === 'example')),
      group('Saved', this.list.filter((s) => s.origin === 'user'))].filter(Boolean));
    this.value = keep;
  }

  describe() {
    const s = this.entry(this.value);
    const n = s && s.sources ? s.sources.length : 0;
    $('#scenario-info').textContent = s ? (s.rationale || s.title) + (n ? ` (${n} source${n > 1 ? 's' : ''})` : '')
      : 'Pick a scenario to plan on it and on the base network side by side.';
    $('#delete-scenario').disabled = !s || s.origin !== 'user';
  }

  /**
   * Runs scenario `id` for one pair (URLSearchParams from urlstate scenarioParams); the answer reshaped for the
   * results: {body, plan} where plan.routes = [scenario route, baseline route] with labels.
   */
  async run(id, params, signal) {
    const body = await api(`/api/scenarios/${encodeURIComponent(id)}/run?` + params, { signal });
    const title = body.scenario.title || body.scenario.id;
    const pair = body.pairs[0];
    const base = body.plans.baseline.routes[0];
    const scen = body.plans.scenario.routes[0];
    const routes = [];
    if (scen) {
      routes.push({ ...scen, label: `Scenario: ${title}`,
        corridorChange: pair.corridor_changed ? `${pair.baseline.corridor || '–'} → ${pair.scenario.corridor || '–'}` : null });
    }
    if (base) routes.push({ ...base, label: 'Baseline', isBaseline: true });
    const plan = { ...body.plans.scenario, routes, note: null, echoNote: `scenario “${title}” on top of the options`,
      no_route: scen ? null : (body.plans.scenario.no_route || { message: pair.scenario.message || 'No route under the scenario.' }) };
    const baseline = base ? { label: 'vs. baseline', totals: base.totals, crossings: base.crossings.map((c) => c.name || c.id) } : null;
    return { body, plan, baseline };
  }

  async save() {
    const text = $('#scenario-text').value;
    const status = $('#save-status');
    status.textContent = '';
    this.showError('');
    if (!text.trim()) { this.showError('Paste a scenario (YAML or JSON) first (field: body)'); return; }
    let body;
    try {
      body = await api('/api/scenarios', { method: 'POST', body: text, headers: { 'Content-Type': 'application/yaml' } });
    } catch (e) {
      this.showError(errorText(e, 'Scenario not saved'));
      return;
    }
    await this.load(body.id);
    status.textContent = `Saved “${body.title || body.id}” (${body.id}).`;
    this.onPicked();
  }

  async copy() {
    const id = this.value;
    if (!id) { $('#save-status').textContent = 'Pick a scenario first.'; return; }
    try {
      $('#scenario-text').value = (await api(`/api/scenarios/${encodeURIComponent(id)}`)).text;
    } catch (e) { this.showError(errorText(e, 'Could not copy the scenario')); }
  }

  async remove() {
    const id = this.value;
    const s = this.entry(id);
    if (!s || s.origin !== 'user') return;
    try {
      await api(`/api/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });
    } catch (e) {
      this.showError(errorText(e, `Could not delete ${id}`));
      return;
    }
    await this.load('');
    $('#save-status').textContent = `Deleted ${id}.`;
    this.onPicked();
  }
}

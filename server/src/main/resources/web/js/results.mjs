// The answer in the panel: what was restricted (the echo), a card per route, the comparison table, the what-if
// line after a closure and the scenario's comparison with the baseline.
import { $, el } from './dom.mjs';
import { fmt, passagesText, signed, usd } from './format.mjs';
import { routeColour } from './palette.mjs';
import { restrictionEcho } from './restrictions.mjs';
import { chartBoxes } from './chart.mjs';

const cls = (v) => (v > 0 ? 'up' : v < 0 ? 'down' : '');
const riskClassOf = (r) => (r.risk_detail && r.risk_detail.max_class) || '–';
const routeName = (r, i) => r.label || `Route ${i + 1}`;

/**
 * Renders into #results, #comparison, #whatif, #echo and #scenario-result. `onSelect(i)` when a card or row is
 * picked; `onCloseCrossing(crossing)` when a card's "Close" is pressed on one of its crossings.
 */
export class ResultsView {
  constructor({ onSelect, onCloseCrossing }) {
    this.onSelect = onSelect;
    this.onCloseCrossing = onCloseCrossing;
    this.charts = chartBoxes('time');
    this.seq = 0;
  }

  /** Marks that new results are in (browser tests wait for data-seq to change). */
  bump() { $('#results').dataset.seq = String(++this.seq); }

  clear() {
    $('#scenario-result').hidden = true;
    $('#results').replaceChildren();
    $('#comparison').hidden = true;
    $('#whatif').hidden = true;
    $('#echo').hidden = true;
    this.bump();
  }

  /**
   * One answer: `plan` is /api/route's (or a scenario run's, reshaped), `selected` the card shown on the map,
   * `baseline` what the what-if compares with ({reason?, label?, totals, crossings}), `names` the echo's lookups.
   */
  render({ plan, selected, baseline, reason, names }) {
    this.plan = plan;
    this.selected = selected;
    this.baseline = baseline;
    const results = $('#results');
    results.replaceChildren();
    this.renderEcho(plan.request, names, plan.echoNote);
    if (plan.note) results.append(el('p', { class: 'note', text: plan.note }));
    if (plan.truncated) results.append(el('p', { class: 'note', text: 'The search stopped at its limit: more routes may exist.' }));
    if (!plan.routes.length) {
      const nr = plan.no_route || { message: 'No route found.', blocking_constraints: [] };
      results.append(el('div', { class: 'no-route', id: 'no-route', role: 'status' },
        el('strong', { text: 'No route. ' }), nr.message,
        nr.blocking_constraints && nr.blocking_constraints.length
          ? el('div', {}, 'Blocking constraints:', el('ul', {}, nr.blocking_constraints.map((b) => el('li', { text: b })))) : null));
      $('#comparison').hidden = true;
    } else {
      plan.routes.forEach((r, i) => results.append(this.card(r, i)));
      this.renderComparison();
    }
    this.renderWhatIf(reason);
    this.bump();
  }

  select(i) {
    this.selected = i;
    document.querySelectorAll('#results .route-card').forEach((c) => {
      const on = Number(c.dataset.index) === i;
      c.classList.toggle('selected', on);
      c.setAttribute('aria-pressed', String(on));
    });
  }

  /** The restrictions in force as the answer states them, and what was closed, by name and id. */
  renderEcho(request, names, note) {
    const box = $('#echo');
    const items = restrictionEcho(request, names);
    if (!request) { box.hidden = true; return; }
    const rows = items.map((r) => el('li', { class: `echo-${r.key}${r.unused ? ' unused' : ''}` },
      r.label ? el('b', { text: r.label + ': ' }) : null,
      r.items ? el('ul', { class: 'closed-echo' }, r.items.map((c) => el('li', { dataset: { id: c.id } },
        c.name && c.name !== c.id ? c.name : c.id,
        el('small', { class: 'muted', text: ` ${c.id}${c.kind ? ' · ' + c.kind : ''}` })))) : r.text));
    box.replaceChildren(el('div', {}, el('strong', { text: 'Restrictions in force' }),
      note ? el('span', { class: 'muted', text: ` (${note})` }) : null),
    rows.length ? el('ul', { class: 'echo-list' }, rows) : el('div', { class: 'muted', text: 'None: every operational link and country.' }));
    box.hidden = false;
  }

  renderWhatIf(reason) {
    const box = $('#whatif');
    const base = this.baseline;
    if (!reason || !base) { box.hidden = true; return; }
    const now = this.plan.routes[0];
    box.replaceChildren(el('strong', { text: reason + '. ' }));
    if (!now) {
      box.append('No route remains (before: ', `${fmt(base.totals.km, 0)} km, ${fmt(base.totals.days, 1)} days, ${usd(base.totals.usd)}).`);
    } else {
      box.append(`Best route now ${fmt(now.totals.km, 0)} km, ${fmt(now.totals.days, 1)} days, ${usd(now.totals.usd)}`,
        ` — was ${fmt(base.totals.km, 0)} km, ${fmt(base.totals.days, 1)} days, ${usd(base.totals.usd)}`,
        ` (${signed(now.totals.usd - base.totals.usd, 0, '', '$')}, ${signed(now.totals.days - base.totals.days, 1, ' days')}).`);
      const nowX = now.crossings.map((c) => c.name || c.id);
      if (nowX.join('|') !== base.crossings.join('|')) {
        box.append(el('br'), `Crossings: ${base.crossings.join(', ') || 'none'} → ${nowX.join(', ') || 'none'}.`);
      }
    }
    box.hidden = false;
  }

  deltaLine(r) {
    const base = this.baseline;
    if (!base) return '';
    const du = r.totals.usd - base.totals.usd, dd = r.totals.days - base.totals.days, dk = r.totals.km - base.totals.km;
    return el('div', { class: 'delta' }, (base.label || 'vs. before') + ': ',
      el('span', { class: cls(du), text: signed(du, 0, '', '$') }), ' · ',
      el('span', { class: cls(dd), text: signed(dd, 1, ' days') }), ' · ',
      el('span', { class: cls(dk), text: signed(dk, 0, ' km') }));
  }

  card(r, i) {
    const t = r.totals, rel = r.reliability;
    const card = el('article', { class: 'route-card' + (i === this.selected ? ' selected' : ''), id: `route-${i}`, tabindex: '0',
      role: 'button', 'aria-pressed': String(i === this.selected), 'aria-label': `${routeName(r, i)}, show on map`,
      dataset: { index: String(i) }, style: `--c:${routeColour(i)}` });
    card.addEventListener('click', (e) => { if (!e.target.closest('button, a, summary, details')) this.onSelect(i); });
    card.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target === card) { e.preventDefault(); this.onSelect(i); }
    });
    const total = (c, value, label) => el('div', { class: c }, el('b', { text: value }), el('span', { text: label }));
    card.append(
      el('h2', {}, routeName(r, i), i === 0 && this.plan.routes.length > 1 && !r.label ? el('span', { class: 'badge', text: 'best' }) : null,
        r.uses_non_operational ? el('span', { class: 'badge warn', text: 'uses planned links' }) : null,
        el('span', { class: 'via', text: r.countries.join(' → ') })),
      el('div', { class: 'totals' },
        total('total-km', fmt(t.km, 0), 'km'),
        total('total-days', fmt(t.days, 1), 'days'),
        total('total-usd', usd(t.usd), 'USD'),
        total('total-co2', fmt(t.co2_kg / 1000, 2), 't CO₂'),
        total('total-p50', rel ? fmt(rel.p50_hours / 24, 1) : '–', 'p50 days'),
        total('total-p90', rel ? fmt(rel.p90_hours / 24, 1) : '–', 'p90 days'),
        total('total-risk', fmt(r.risk, 2), 'risk score'),
        el('div', { class: 'total-class' }, el('b', {}, el('span', { class: `risk risk-${riskClassOf(r)}`, text: riskClassOf(r) })), el('span', { text: 'worst class' }))),
      r.isBaseline ? '' : this.deltaLine(r),
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
            title: 'Close this crossing (all its modes) and re-plan', text: 'Close', onclick: () => this.onCloseCrossing(c) })))))));
    }
    card.append(el('p', { class: 'passages', text: passagesText(r) }));
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
          el('td', { text: x.name ? `${x.name} (${x.country})` : x.country }), el('td', { class: 'num', text: fmt(x.km, 0) }), el('td', { class: 'num', text: fmt(x.hours, 1) }),
          el('td', { class: 'num', text: fmt(x.usd, 0) }), el('td', {}, el('span', { class: `risk risk-${x.risk_class}`, text: x.risk_class })))))));
    }
    card.append(this.charts.box([{ route: r, name: routeName(r, i) }], `chart-${i}`));
    card.append(el('details', {}, el('summary', { text: `${r.legs.length} legs` }), el('table', { class: 'legs' },
      el('tbody', {}, r.legs.map((l) => el('tr', { title: `${l.link} · ${l.status} · ${l.confidence || ''}` },
        el('td', { text: `${l.from_name} → ${l.to_name}` }), el('td', { text: l.mode + (l.gauge ? ' ' + l.gauge : '') }),
        el('td', { class: 'num', text: fmt(l.km, 0) + ' km' }), el('td', { class: 'num', text: fmt(l.hours, 1) + ' h' }),
        el('td', { class: 'num', text: usd(l.usd) })))))));
    return card;
  }

  renderComparison() {
    const box = $('#comparison');
    const routes = this.plan.routes;
    if (routes.length < 2) { box.hidden = true; box.replaceChildren(); return; }
    const rows = [
      ['Distance (km)', (r) => r.totals.km, 0],
      ['Time (days)', (r) => r.totals.days, 1],
      ['p50 (days)', (r) => (r.reliability ? r.reliability.p50_hours / 24 : null), 1],
      ['p90 (days)', (r) => (r.reliability ? r.reliability.p90_hours / 24 : null), 1],
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
    const swatch = (i) => el('span', { style: `color:${routeColour(i)}`, text: '■ ' });
    let table;
    if (routes.length <= 5) {
      // Routes side by side, one column each.
      table = el('table', { id: 'comparison-table' },
        el('caption', { text: 'Comparison (best value in bold)' }),
        el('thead', {}, el('tr', {}, el('th', { text: '' }), routes.map((r, i) => el('th', { class: 'num', scope: 'col' }, swatch(i), routeName(r, i))))),
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
        el('tbody', {}, routes.map((r, i) => el('tr', { onclick: () => this.onSelect(i) }, el('th', { scope: 'row' }, swatch(i), String(i + 1)),
          rows.map((_, k) => cell(r, k))))));
    }
    box.replaceChildren(table, this.charts.box(routes.map((r, i) => ({ route: r, name: routeName(r, i) })), 'comparison-chart'));
    box.hidden = false;
  }

  /** The scenario's comparison with the baseline (a scenario run of one pair). */
  renderScenario(body) {
    const box = $('#scenario-result');
    const pair = body.pairs[0];
    const b = pair.baseline, s = pair.scenario, d = pair.delta;
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
}

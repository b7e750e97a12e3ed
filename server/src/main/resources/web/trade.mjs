// Caravan trade dashboard: UN Comtrade records from the server's trade store (/api/trade/...) drawn with Chart.js
// (the global `Chart` of its WebJar script), next to the published headline figures with their sources. An ES module
// sharing js/ (fetch helper, DOM helpers, formatting) with the map page; no build step, no network beyond this server.
import { $, el } from './js/dom.mjs';
import { api, errorText } from './js/api.mjs';
import { fmt, millions, pct, usdM } from './js/format.mjs';
import { byYear, entryTitle, WORLD } from './js/byyear.mjs';

const COLORS = { exports: '#1e88e5', imports: '#ef6c00', turnover: '#37474f', published: '#c2185b' };
const PALETTE = ['#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#e53935', '#00897b', '#6d4c41', '#3949ab', '#b0bec5'];
const MEASURE = { turnover: 'Turnover', exports: 'Exports', imports: 'Imports', export_quantity: 'Export quantity' };
const MARKER = { turnover: 'rectRot', exports: 'triangle', imports: 'rect' };
const TOP_PARTNERS = 8;

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const FORMAT = { PLUS: 'Comtrade API/bulk', CLASSIC: 'Comtrade legacy (classic)' };
const signed = (text, v) => (isNum(v) && v > 0 ? '+' : '') + text;

const state = {
  countries: null,   // /api/trade/countries
  imports: null,     // /api/trade/imports
  series: null,      // /api/trade/series
  top: null,
  partners: null,
  transit: null,     // /api/trade/transit: {demand, transit}
  mirror: null,
  level: 2,
  scope: 'partner',
  byYearMeasure: 'turnover',
  reporterFacts: null, // {reporter, facts}: every published figure about the reporter (/api/trade/facts?a=)
  noStore: false,
  charts: {},
  seq: 0,
};

function showError(message) {
  const box = $('#error');
  box.textContent = message || '';
  box.hidden = !message;
}

/** The store's answers say when they rest on the shipped synthetic example: a label over the whole dashboard. */
function showSynthetic(answer) {
  const box = $('#synthetic');
  const on = Boolean(answer && answer.synthetic);
  box.textContent = on ? (answer.synthetic_note || 'Synthetic example data: invented numbers, not trade statistics.') : '';
  box.hidden = !on;
}

function setStatus(text) { $('#status').textContent = text; }

function countryName(iso3) {
  const all = state.countries ? [...state.countries.reporters, ...state.countries.partners, ...state.countries.published] : [];
  const c = all.find((x) => x.iso3 === iso3);
  return c ? c.name : iso3;
}

// ------------------------------------------------------------------ pickers

function fillSelect(select, groups, preferred) {
  const previous = select.value;
  select.replaceChildren();
  const seen = new Set();
  for (const [label, list] of groups) {
    const fresh = list.filter((c) => !seen.has(c.iso3));
    if (!fresh.length) continue;
    const group = el('optgroup', { label });
    for (const c of fresh) {
      seen.add(c.iso3);
      group.append(el('option', { value: c.iso3, text: `${c.name} (${c.iso3})` }));
    }
    select.append(group);
  }
  const want = [previous, ...preferred].find((v) => v && seen.has(v));
  if (want) select.value = want;
}

function renderPickers() {
  const c = state.countries || { reporters: [], partners: [], published: [] };
  fillSelect($('#reporter'), [['In the store', c.reporters], ['In the published figures', c.published]], ['KAZ']);
  fillSelect($('#partner'), [['In the store', c.partners], ['Reporters', c.reporters],
    ['In the published figures', c.published]], ['AFG']);
  if ($('#partner').value === $('#reporter').value) {
    const other = [...$('#partner').options].find((o) => o.value !== $('#reporter').value);
    if (other) $('#partner').value = other.value;
  }
}

/** Years of the pair's series; the default is the latest full year (a part year makes a poor default). */
function renderYears(points, published) {
  const select = $('#year');
  const previous = select.value;
  // the store's years, and the years the published figures for the pair are about
  const publishedYears = (published || []).map((f) => Number(f.period.slice(0, 4)));
  const years = [...new Set([...points.map((p) => p.year), ...publishedYears])].sort((a, b) => b - a);
  select.replaceChildren(el('option', { value: '', text: 'Latest' }),
    ...years.map((y) => {
      const p = points.find((x) => x.year === y);
      const text = !p ? `${y} (published figures only)` : p.months < 12 ? `${y} (${p.covers})` : String(y);
      return el('option', { value: String(y), text });
    }));
  const full = points.filter((p) => p.months === 12).map((p) => p.year).sort((a, b) => b - a)[0];
  if (previous && years.includes(Number(previous))) select.value = previous;
  else if (!state.yearChosen && full) select.value = String(full);
  else select.value = '';
}

function params(extra) {
  const p = new URLSearchParams(extra);
  for (const [k, v] of [...p.entries()]) if (v === '' || v === null || v === undefined) p.delete(k);
  return p.toString();
}

// ------------------------------------------------------------------ series and published figures

/** A short name for a chart label: a file's base name, else the last comma-separated part of the source. */
function shortSource(source) {
  const s = String(source || '').replace(/\([^)]*\)/g, '').trim();
  const parts = s.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((x) => x.trim()).filter(Boolean);
  const file = parts.find((x) => x.includes('/'));
  if (file) return file.split('/').pop();
  // the publication: the last part that is not a quoted title ('A. Author, "Title", The Diplomat' -> The Diplomat)
  const named = parts.filter((x) => !x.startsWith('"'));
  const last = named.length ? named[named.length - 1] : parts.length ? parts[0] : s;
  return last.length > 28 ? last.slice(0, 27) + '…' : last;
}

function valueFacts(facts) {
  return facts.filter((f) => isNum(f.value_usd) && MARKER[f.measure]);
}

/** Draws each published point's short source beside it, nudged apart where points of a year are close. */
const sourceLabels = {
  id: 'sourceLabels',
  afterDatasetsDraw(chart) {
    const index = chart.data.datasets.findIndex((d) => d.id === 'published');
    if (index < 0 || !chart.isDatasetVisible(index)) return;
    const meta = chart.getDatasetMeta(index);
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#5b1236';
    ctx.textBaseline = 'middle';
    const byX = new Map();
    meta.data.forEach((pt, i) => {
      const raw = chart.data.datasets[index].data[i];
      if (!raw || !isNum(pt.x) || !isNum(pt.y)) return;
      const key = Math.round(pt.x);
      if (!byX.has(key)) byX.set(key, []);
      byX.get(key).push({ x: pt.x, y: pt.y, text: raw.label });
    });
    for (const items of byX.values()) {
      items.sort((a, b) => a.y - b.y);
      let last = -Infinity;
      for (const it of items) {
        const y = Math.max(it.y, last + 12);
        last = y;
        ctx.fillText(it.text, it.x + 9, y);
      }
    }
    ctx.restore();
  },
};

/** Bars of a part year are drawn lighter: they are not comparable with full years. */
function shade(color, point) { return point && point.months < 12 ? color + '66' : color; }

function renderSeries() {
  const s = state.series;
  const points = s ? s.points : [];
  const facts = s ? s.published : state.facts || [];
  const charted = valueFacts(facts);
  const years = [...new Set([...points.map((p) => p.year), ...charted.map((f) => Number(f.period.slice(0, 4)))])]
    .sort((a, b) => a - b);
  const labels = years.map(String);
  const at = (y) => points.find((p) => p.year === y);
  const m = (v) => (isNum(v) ? v / 1e6 : null);
  const a = $('#reporter').value;
  const b = $('#partner').value;
  const data = {
    labels,
    datasets: [
      { id: 'exports', type: 'bar', label: `Exports ${a} → ${b}`, order: 3,
        backgroundColor: years.map((y) => shade(COLORS.exports, at(y))),
        data: years.map((y) => m(at(y)?.exports_usd)) },
      { id: 'imports', type: 'bar', label: `Imports ${a} ← ${b}`, order: 3,
        backgroundColor: years.map((y) => shade(COLORS.imports, at(y))),
        data: years.map((y) => m(at(y)?.imports_usd)) },
      { id: 'turnover', type: 'line', label: 'Turnover', borderColor: COLORS.turnover, backgroundColor: COLORS.turnover,
        borderWidth: 2, pointRadius: 3, spanGaps: false, order: 2, data: years.map((y) => (at(y) ? m(at(y).turnover_usd) : null)) },
      { id: 'published', type: 'line', label: 'Published figures (labelled with their source)', showLine: false,
        borderColor: COLORS.published, backgroundColor: COLORS.published, pointBorderColor: COLORS.published,
        pointBackgroundColor: charted.map((f) => (f.period.length === 4 ? COLORS.published : '#fff')),
        pointStyle: charted.map((f) => MARKER[f.measure]), pointRadius: 7, pointHoverRadius: 9, pointBorderWidth: 2, order: 1,
        data: charted.map((f) => ({ x: f.period.slice(0, 4), y: f.value_usd / 1e6, label: shortSource(f.source), fact: f })) },
    ],
  };
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { right: 120 } },
    interaction: { mode: 'nearest', intersect: true },
    scales: {
      x: { title: { display: true, text: 'Year' } },
      y: { beginAtZero: true, title: { display: true, text: 'USD M' },
        ticks: { callback: (v) => fmt(v, 0) } },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label(item) {
            const raw = item.raw;
            if (item.dataset.id === 'published' && raw && raw.fact) {
              const f = raw.fact;
              return `${MEASURE[f.measure] || f.measure} ${f.covers === 'full year' ? f.period : f.covers + ' ' + f.period.slice(0, 4)}: `
                + `${usdM(f.value_usd)} — ${f.source}${f.source_date ? ' (' + f.source_date + ')' : ''}; ${f.confidence}`;
            }
            const p = at(Number(item.label));
            const part = p && p.months < 12 ? ` (${p.covers})` : '';
            return `${item.dataset.label}: $${fmt(item.parsed.y, 1)} M${part}`;
          },
        },
      },
    },
  };
  chart('series', '#series-chart', 'bar', data, options, [sourceLabels]);

  $('#series-title').textContent = `${countryName(a)} – ${countryName(b)}, as ${countryName(a)} reports it`;
  const partial = points.filter((p) => p.months < 12).map((p) => `${p.year}: ${p.covers} only`);
  const notes = [];
  if (!points.length) {
    notes.push(state.imports && state.imports.records > 0
      ? `The store has no records of ${countryName(a)}'s trade with ${countryName(b)}.`
      : 'No Comtrade records yet: only the published figures are drawn.');
  }
  if (partial.length) notes.push(`Part years: ${partial.join('; ')}.`);
  if (s && s.basis) notes.push(`Basis: ${s.basis}.`);
  notes.push('Lighter bars: part of a year. Published figures: filled marker = full year, hollow = part of a year; '
    + '◆ turnover, ▲ exports, ■ imports.');
  $('#series-note').textContent = notes.join(' ');
  renderComparison(s ? s.comparison || [] : []);
  renderFacts(facts);
}

/** Each published full-year figure next to what the store records for the same side, year and measure. */
function renderComparison(rows) {
  $('#comparison').hidden = !rows.length;
  $('#comparison-table tbody').replaceChildren(...rows.map((c) => el('tr', { dataset: { id: c.fact_id } },
    el('td', { text: c.year }),
    el('td', { text: `${MEASURE[c.measure] || c.measure} (${c.reporter}–${c.partner})` }),
    el('td', { class: 'num', text: usdM(c.published_usd) }),
    el('td', { class: 'num', text: usdM(c.recorded_usd) }),
    el('td', { class: 'num', text: usdM(c.gap_usd) }),
    el('td', { class: 'num', text: isNum(c.gap_pct) ? pct(c.gap_pct) : '–' }),
    el('td', { class: 'source', text: c.source }))));
}

function renderFacts(facts) {
  const tbody = $('#facts-table tbody');
  tbody.replaceChildren();
  if (!facts.length) {
    tbody.append(el('tr', {}, el('td', { colspan: 8, class: 'muted', text: 'No published figures for this pair.' })));
    return;
  }
  // Figures for the same measure and period from several sources: kept apart, flagged when they differ.
  const groups = new Map();
  for (const f of facts) {
    const key = `${f.period}|${f.measure}|${f.product}|${f.reporter}|${f.partner}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  for (const list of groups.values()) {
    const values = new Set(list.map((f) => (isNum(f.value_usd) ? f.value_usd : isNum(f.quantity) ? f.quantity : null))
      .filter((v) => v !== null));
    const differ = list.length > 1 && values.size > 1;
    list.forEach((f, i) => {
      const value = isNum(f.value_usd) ? usdM(f.value_usd)
        : isNum(f.quantity) ? `${fmt(f.quantity, 0)} ${f.unit || ''}`.trim() : 'no exact value';
        const figure = `${MEASURE[f.measure] || f.measure}${f.product ? ' — ' + f.product : ''} (${f.reporter}–${f.partner}`
          + `${f.reported_by && f.reported_by !== f.reporter ? ', reported by ' + f.reported_by : ''})`;
      const tr = el('tr', { class: [differ ? 'differ' : '', i === 0 ? 'group-start' : ''].join(' ').trim() || null,
        dataset: { id: f.id } },
        el('td', { text: f.period }),
        el('td', { text: f.covers }),
        el('td', {}, figure, differ && i === 0 ? el('span', { class: 'badge warn', text: 'sources differ' }) : null),
        el('td', { class: 'num', text: value }),
        el('td', { class: 'source' }, f.url ? el('a', { href: f.url, rel: 'noopener', text: f.source }) : f.source),
        el('td', { text: f.source_date || '–' }),
        el('td', {}, el('span', { class: `badge conf-${f.confidence}`, text: f.confidence })),
        el('td', { class: 'fact-note', text: f.note }));
      tbody.append(tr);
    });
  }
}

// ------------------------------------------------------------------ published figures by partner and year

/** Every published figure about the reporter, fetched once per reporter (the table needs all its partners). */
async function loadReporterFacts(reporter) {
  if (state.reporterFacts && state.reporterFacts.reporter === reporter) return;
  const answer = await api('/api/trade/facts?' + params({ a: reporter }));
  state.reporterFacts = { reporter, facts: answer.facts };
}

function renderByYear() {
  const a = $('#reporter').value;
  const b = $('#partner').value;
  const measure = state.byYearMeasure;
  const facts = state.reporterFacts && state.reporterFacts.reporter === a ? state.reporterFacts.facts : [];
  const t = byYear(facts, a, measure);
  $('#byyear-title').textContent = `${MEASURE[measure]} of ${countryName(a)} with each partner`;
  $('#byyear-table thead').replaceChildren(el('tr', {}, el('th', { text: 'Partner' }),
    ...t.years.map((y) => el('th', { class: 'num', text: String(y) }))));
  const tbody = $('#byyear-table tbody');
  if (!t.rows.length) {
    tbody.replaceChildren(el('tr', {}, el('td', { class: 'muted',
      text: `No published full-year ${measure} figures for ${countryName(a)}.` })));
    return;
  }
  tbody.replaceChildren(...t.rows.map((r) => el('tr', { class: r.partner === b ? 'selected' : null,
    dataset: { partner: r.partner } },
    el('th', { scope: 'row', text: r.partner === WORLD ? 'World (all partners)' : `${countryName(r.partner)} (${r.partner})` }),
    ...t.years.map((y) => {
      const list = r.cells[y] || [];
      if (!list.length) return el('td', { class: 'num muted', text: '–' });
      const values = list.map((e) => {
        const attrs = { class: 'published-value' + (e.mirrored ? ' mirrored' : ''), title: entryTitle(e, a),
          dataset: { id: e.id }, text: usdM(e.value_usd) };
        return e.url ? el('a', { ...attrs, href: e.url, rel: 'noopener', target: '_blank' }) : el('span', attrs);
      });
      return el('td', { class: 'num' + (new Set(list.map((e) => e.value_usd)).size > 1 ? ' differ' : '') },
        ...values.flatMap((v, i) => (i ? [el('br'), v] : [v])));
    }))));
}

// ------------------------------------------------------------------ top products

function renderTop(message) {
  const t = state.top;
  const box = $('#top-message');
  box.hidden = !message;
  box.textContent = message || '';
  const products = t ? t.products : [];
  const flow = $('#flow').value === 'M' ? 'imports' : 'exports';
  $('#scope-partner').textContent = `With ${$('#partner').value || 'partner'}`;
  const towards = !t ? '' : !t.partner ? 'with the World' : `${flow === 'exports' ? 'to' : 'from'} ${t.partner.name}`;
  $('#top-title').textContent = t ? `${countryName(t.reporter.iso3)} ${flow} ${towards}, ${t.year}${t.covers !== 'full year' ? ' (' + t.covers + ')' : ''}` : '';
  chart('top', '#top-chart', 'bar', {
    labels: products.map((p) => `${p.code} ${p.description.length > 34 ? p.description.slice(0, 33) + '…' : p.description}`),
    datasets: [{ label: 'USD M', data: products.map((p) => p.value_usd / 1e6),
      backgroundColor: products.map((p) => (p.cargo === 'bulk' ? '#6d4c41' : '#1e88e5')) }],
  }, {
    indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
    scales: { x: { beginAtZero: true, title: { display: true, text: 'USD M' }, ticks: { callback: (v) => fmt(v, 0) } },
      y: { ticks: { autoSkip: false, font: { size: 11 } } } },
    plugins: { legend: { display: false },
      tooltip: { callbacks: { label: (item) => {
        const p = products[item.dataIndex];
        return `${usdM(p.value_usd)} · ${pct(p.share_pct)} · ${p.cargo}`;
      } } } },
  });
  const tbody = $('#top-table tbody');
  tbody.replaceChildren(...products.map((p, i) => el('tr', { dataset: { code: p.code } },
    el('td', { class: 'num', text: i + 1 }),
    el('td', { text: p.code }),
    el('td', { text: p.description }),
    el('td', { class: 'num', text: millions(p.value_usd) }),
    el('td', { class: 'num', text: pct(p.share_pct) }),
    el('td', { class: 'num', text: isNum(p.tonnes) ? fmt(p.tonnes, 0) : '–' }),
    el('td', {}, el('span', { class: `badge cargo-${p.cargo}`, text: p.cargo })))));
    $('#top-note').textContent = !t ? ''
      : products.length ? `Total ${usdM(t.total_usd)}; others (not listed) ${usdM(t.others_usd)}. Shares of the total; `
        + `tonnes are net weight; cargo is how Caravan routes the chapter. Basis: ${t.basis}.`
      : `Basis: ${t.basis}.`;
    // the published product figures of the same reporter, flow and year: beside the records, never merged
    const published = t ? t.published || [] : [];
    $('#top-published').hidden = !published.length;
    $('#top-published-table tbody').replaceChildren(...published.map((f) => el('tr', { dataset: { id: f.id } },
      el('td', { text: f.partner }),
      el('td', { text: f.covers }),
      el('td', { text: f.product + (f.hs ? ` (HS ${f.hs})` : '') }),
      el('td', { class: 'num', text: isNum(f.quantity) ? fmt(f.quantity, 0) : '–' }),
      el('td', { class: 'num', text: isNum(f.value_usd) ? millions(f.value_usd) : '–' }),
      el('td', { class: 'source' }, f.url ? el('a', { href: f.url, rel: 'noopener', text: f.source }) : f.source))));
}

// ------------------------------------------------------------------ partners

function renderPartners(message) {
  const p = state.partners;
  const box = $('#partners-message');
  box.hidden = !message;
  box.textContent = message || '';
  const list = p ? p.partners : [];
  const shown = list.slice(0, TOP_PARTNERS);
  const rest = list.slice(TOP_PARTNERS);
  const labels = shown.map((s) => s.partner.name);
  const values = shown.map((s) => s.value_usd / 1e6);
  if (rest.length) {
    labels.push(`Others (${rest.length})`);
    values.push(rest.reduce((sum, s) => sum + s.value_usd, 0) / 1e6);
  }
  chart('partners', '#partners-chart', 'doughnut', {
    labels, datasets: [{ data: values, backgroundColor: labels.map((_, i) => PALETTE[i % PALETTE.length]) }],
  }, {
    responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'right' },
      tooltip: { callbacks: { label: (item) => {
        const total = p ? p.total_usd / 1e6 : 0;
        return `${item.label}: $${fmt(item.parsed, 1)} M (${pct(total ? 100 * item.parsed / total : null)})`;
      } } } },
  });
  const flow = $('#flow').value === 'M' ? 'imports' : 'exports';
  $('#partners-title').textContent = p
    ? `${countryName(p.reporter.iso3)} ${flow}, ${p.year}${p.covers !== 'full year' ? ' (' + p.covers + ')' : ''}` : '';
  const summary = $('#partners-summary');
  summary.replaceChildren();
  if (p) {
    const top = list[0];
    summary.append(
      el('div', { class: 'hhi' }, el('span', { class: 'label', text: 'HHI' }), el('b', { id: 'hhi-value', text: fmt(p.hhi, 0) }),
        el('span', { class: 'muted', text: ` of 10,000 · normalised ${fmt(p.hhi_normalised, 2)} (0 = even, 1 = one partner)` })),
      el('div', { class: 'concentration', text: p.concentration.charAt(0).toUpperCase() + p.concentration.slice(1) }),
      el('div', {}, 'Top partner: ', el('b', { text: `${top.partner.name} ${pct(p.top_share_pct)}` }),
        ` · top 3: ${pct(p.top3_share_pct)} · ${list.length} partner${list.length === 1 ? '' : 's'}`),
      el('div', { class: 'muted', text: `Sum over partners ${usdM(p.total_usd)}`
        + (isNum(p.world_usd) ? `; reported total with the World ${usdM(p.world_usd)}` : '') }));
  }
  $('#partners-note').textContent = p ? `Basis: ${p.basis}.` : '';
}

// ------------------------------------------------------------------ transit dependence

/** A transit country's name from the answer's shares (the pairs give codes only). */
function transitName(code) {
  const t = state.transit && state.transit.transit;
  const c = t ? t.transit.find((x) => x.country === code) : null;
  return c && c.name ? c.name : code;
}

function renderTransit(message) {
  const answer = state.transit;
  const d = answer ? answer.demand : null;
  const t = answer ? answer.transit : null;
  const box = $('#transit-message');
  box.hidden = !message;
  box.textContent = message || '';
  const shares = t ? t.transit : [];
  const flow = $('#flow').value === 'M' ? 'imports' : 'exports';
    $('#transit-title').textContent = d ? `${countryName(d.reporter.iso3)} ${flow}, ${d.year}, in tonnes`
      + (d.from_published ? ' — from the published figures' : '') : '';
    $('#transit-published-badge').hidden = !(d && d.from_published);
  // One bar per third country; the chart grows with their number so bars keep their size.
  $('#transit-chart-wrap').style.height = `${Math.max(110, 46 + 30 * shares.length)}px`;
  chart('transit', '#transit-chart', 'bar', {
    labels: shares.map((c) => `${c.name || c.country} (${c.country})`),
    datasets: [{ label: '% of routed tonnes', data: shares.map((c) => c.share_pct),
      backgroundColor: shares.map((c) => (c.share_pct >= 50 ? '#c62828' : '#fb8c00')), maxBarThickness: 22 }],
  }, {
    indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
    scales: { x: { beginAtZero: true, max: 100, title: { display: true, text: '% of routed tonnes crossing the country' },
      ticks: { callback: (v) => `${v} %` } }, y: { ticks: { autoSkip: false } } },
    plugins: { legend: { display: false },
      tooltip: { callbacks: { label: (item) => {
        const c = shares[item.dataIndex];
        return `${pct(c.share_pct)} of routed tonnes · ${fmt(c.tonnes, 0)} t`;
      } } } },
  });

  const summary = $('#transit-summary');
  summary.replaceChildren();
  if (t) {
    const top = shares[0];
    summary.append(
      el('div', {}, el('b', { text: `${fmt(t.routed_tonnes, 0)} t` }), ' routed',
        t.unrouted_tonnes > 0 ? ` · ${fmt(t.unrouted_tonnes, 0)} t with no route on the network` : '',
        t.no_hub_tonnes > 0 ? ` · ${fmt(t.no_hub_tonnes, 0)} t of partners without a hub (not routed)` : '',
        ` · ${d.pairs.length} OD pair${d.pairs.length === 1 ? '' : 's'}`),
      el('div', {}, top ? ['Most exposed: ', el('b', { text: `${top.name || top.country} ${pct(top.share_pct)}` }),
        ' of the routed tonnes cross it']
        : t.routed_tonnes > 0 ? 'No routed pair crosses a third country.' : 'Nothing routed.'));
  }

  const tbody = $('#transit-table tbody');
  const pairs = t ? t.pairs : [];
  tbody.replaceChildren(...pairs.map((p) => el('tr', { dataset: { from: p.od.from, to: p.od.to, cargo: p.od.cargo } },
    el('td', { text: p.od.from }),
    el('td', { text: p.od.to }),
    el('td', {}, el('span', { class: `badge cargo-${p.od.cargo}`, text: p.od.cargo })),
    el('td', { class: 'num', text: fmt(p.od.tonnes, 0) }),
    el('td', { class: p.routed ? null : 'muted', text: !p.routed ? `no route: ${p.reason}`
      : p.transit.length ? p.transit.map((c) => `${transitName(c)} (${c})`).join(' → ') : 'direct (no third country)' }),
    el('td', { class: 'num', text: isNum(p.usd_per_tonne) ? fmt(p.usd_per_tonne, 0) : '–' }))));
  if (answer && !pairs.length) {
    tbody.append(el('tr', {}, el('td', { colspan: 6, class: 'muted', text: 'No OD pairs: no partner with a weight '
      + 'and a hub in the network.' })));
  }

  const unplaced = d ? d.unplaced : [];
  $('#unplaced-table tbody').replaceChildren(...unplaced.map((u) => el('tr', { dataset: { partner: u.partner.iso3 } },
    el('td', { text: `${u.partner.name} (${u.partner.iso3})` }),
    el('td', { class: 'num', text: fmt(u.tonnes, 0) }),
    el('td', { text: u.reason }))));
  if (d && !unplaced.length) {
    $('#unplaced-table tbody').append(el('tr', {}, el('td', { colspan: 3, class: 'muted',
      text: 'None: every partner with tonnes has a hub in the network.' })));
  }

  const link = $('#od-link');
    link.href = d ? '/api/trade/od?' + params({ reporter: d.reporter.iso3, year: d.year, flow: d.flow,
      from_published: d.from_published ? 'true' : '', format: 'csv' }) : '#';
  $('#od-download').hidden = !d || !d.pairs.length;
  const notes = [];
  if (d && d.value_without_weight_usd > 0) {
    notes.push(`Records without a net weight (in no pair): ${usdM(d.value_without_weight_usd)}.`);
  }
  if (t) notes.push(`Basis: ${t.basis}; tonnes: ${d.basis}.`);
  $('#transit-note').textContent = notes.join(' ');
}

// ------------------------------------------------------------------ mirror

function renderMirror() {
  const m = state.mirror;
  const rows = m ? m.rows : [];
  const tbody = $('#mirror-table tbody');
  tbody.replaceChildren();
  if (!rows.length) {
    tbody.append(el('tr', {}, el('td', { colspan: 8, class: 'muted',
      text: 'Neither side of the pair reports this trade in the store.' })));
  }
  for (const r of rows) {
    tbody.append(el('tr', { dataset: { year: r.year, exporter: r.exporter.iso3 } },
      el('td', { text: r.year }),
      el('td', { text: `${r.exporter.name} → ${r.importer.name}` }),
      el('td', { class: 'num', text: usdM(r.exporter_usd) }),
      el('td', { class: 'muted', text: r.exporter_covers || '' }),
      el('td', { class: 'num', text: usdM(r.importer_usd) }),
      el('td', { class: 'muted', text: r.importer_covers || '' }),
      el('td', { class: 'num', text: isNum(r.gap_usd) ? signed(usdM(r.gap_usd), r.gap_usd) : '–' }),
      el('td', { class: 'num', text: isNum(r.gap_pct) ? signed(pct(r.gap_pct), r.gap_pct) : '–' })));
  }
  $('#mirror-title').textContent = m ? `${m.a.name} and ${m.b.name}, as each reports it` : '';
  $('#mirror-note').textContent = m ? `Gap = importer's figure − exporter's, in % of the exporter's. Basis: ${m.basis}.` : '';
}

// ------------------------------------------------------------------ imports and upload

function renderImports() {
  const list = state.imports ? state.imports.imports : [];
  const tbody = $('#imports-table tbody');
  tbody.replaceChildren(...list.map((i) => el('tr', {},
    el('td', { class: 'num', text: i.id }),
    el('td', { text: i.file }),
    el('td', { text: FORMAT[i.format] || i.format }),
    el('td', { text: i.imported_at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') }),
    el('td', { class: 'num', text: fmt(i.rows_read) }),
    el('td', { class: 'num', text: fmt(i.rows_loaded) }),
    el('td', { class: 'num', text: fmt(i.rows_replaced) }),
    el('td', { class: 'num', text: fmt(i.rows_already_stored) }),
    el('td', { class: 'num', text: fmt(i.rows_skipped) }))));
  if (!list.length) {
    tbody.append(el('tr', {}, el('td', { colspan: 9, class: 'muted', text: state.noStore
      ? 'This server has no trade store.' : 'Nothing imported yet.' })));
  }
  $('#imports-note').textContent = state.imports
    ? `${fmt(state.imports.records)} trade records in the store. Re-importing a file changes nothing.` : '';
  $('#empty-store').hidden = !state.imports || state.imports.records > 0;
}

function renderReport(r) {
  const box = $('#upload-report');
  box.hidden = false;
  box.className = 'upload-report';
  box.replaceChildren(
    el('div', {}, el('b', { text: `${r.file}` }), ` (${r.format}): `,
      el('span', { class: 'rows-read', text: `${fmt(r.rows_read)} rows read` }), ', ',
      el('span', { class: 'rows-loaded', text: `${fmt(r.rows_loaded)} loaded` }), ', ',
      r.rows_replaced ? `${fmt(r.rows_replaced)} replaced, ` : '',
      el('span', { class: 'rows-already', text: `${fmt(r.rows_already_stored)} already stored` }), ', ',
      el('span', { class: 'rows-skipped', text: `${fmt(r.rows_skipped)} skipped` }),
      ` in ${fmt(r.seconds, 2)} s.`),
    r.import_id === null ? el('div', { class: 'muted', text: 'Nothing new: the store is unchanged.' }) : null,
    r.problems.length ? el('div', {}, `First skipped rows${r.problems.length < r.rows_skipped ? ` (${r.problems.length} of ${fmt(r.rows_skipped)})` : ''}:`,
      el('ul', { class: 'problems' }, r.problems.slice(0, 10).map((p) =>
        el('li', {}, el('b', { text: `line ${p.line}` }), `, ${p.field}: ${p.reason}`)))) : null);
}

async function upload(e) {
  e.preventDefault();
  const input = $('#upload-file');
  const box = $('#upload-report');
  if (!input.files.length) {
    box.hidden = false;
    box.className = 'upload-report error';
    box.textContent = 'Choose a UN Comtrade CSV file first (field: file)';
    return;
  }
  const form = new FormData();
  form.append('file', input.files[0]);
  const button = $('#upload-button');
  button.disabled = true;
  box.hidden = false;
  box.className = 'upload-report';
  box.textContent = `Importing ${input.files[0].name}…`;
  try {
    const q = $('#upload-replace').checked ? '?replace=true' : '';
    const report = await api('/api/trade/imports' + q, { method: 'POST', body: form });
    renderReport(report);
    await loadStore();
    await refresh();
  } catch (err) {
    box.className = 'upload-report error';
    box.textContent = errorText(err, 'Not imported');
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ charts and loading

function chart(key, canvas, type, data, options, plugins) {
  const old = state.charts[key];
  if (old) old.destroy();
  state.charts[key] = new Chart($(canvas), { type, data, options, plugins: plugins || [] });
  return state.charts[key];
}

async function loadStore() {
  try {
    const [countries, imports] = await Promise.all([api('/api/trade/countries'), api('/api/trade/imports')]);
    state.countries = countries;
    state.imports = imports;
    state.noStore = false;
  } catch (err) {
    if (err.status !== 503) throw err;
    // No trade store: the published figures (embedded) still show.
    state.noStore = true;
    const facts = await api('/api/trade/facts');
    // The answer names the figures' countries; a code without a name (e.g. the world total) stays a code.
    const iso = new Map((facts.countries || []).map((c) => [c.iso3, c]));
    for (const f of facts.facts) for (const c of [f.reporter, f.partner]) if (!iso.has(c)) iso.set(c, { iso3: c, name: c });
    state.countries = { reporters: [], partners: [], published: [...iso.values()] };
    state.imports = null;
    // Not an error: a server without a store is a supported setup; a neutral notice says how to load one.
    showError('');
  }
  $('#no-store').hidden = !state.noStore;
  $('#upload-button').disabled = state.noStore;
  renderPickers();
  renderImports();
}

/**
 * Runs one panel's question; a 404 (no records for it) is a message in the panel, so is what inPanel
 * accepts; anything else is an error.
 */
async function panel(path, key, render, inPanel) {
  try {
    state[key] = await api(path);
    render(null);
  } catch (err) {
    state[key] = null;
    if (err.status === 404 || err.status === 503 || (inPanel && inPanel(err))) render(err.message);
    else throw err;
  }
}

async function refresh() {
  const seq = ++state.seq;
  const a = $('#reporter').value;
  const b = $('#partner').value;
  if (!a || !b) return;
  setStatus('Loading…');
  if (!state.noStore) showError('');
  try {
    if (state.noStore) {
      const facts = await api('/api/trade/facts?' + params({ a, b }));
      state.series = { points: [], published: facts.facts, basis: '' };
    } else {
      state.series = await api('/api/trade/series?' + params({ a, b }));
    }
    showSynthetic(state.noStore ? null : state.series);
    if (seq !== state.seq) return;
      renderYears(state.series.points, state.series.published);
    renderSeries();
    await loadReporterFacts(a);
    if (seq !== state.seq) return;
    renderByYear();
    const year = $('#year').value;
    const flow = $('#flow').value;
      const fromPublished = $('#transit-published').checked;
      // the store's tonnes, or the published ones (asked for, or when the store has none for the question)
      const transit = async () => {
        const path = (published) => '/api/trade/transit?' + params({ reporter: a, year, flow,
          from_published: published ? 'true' : '' });
        if (!fromPublished && !state.noStore) {
          try {
            state.transit = await api(path(false));
            return renderTransit(null);
          } catch (err) {
            if (err.status !== 404) {
              state.transit = null;
              if (err.status === 400 && err.field === 'reporter') return renderTransit(err.message);
              throw err;
            }
          }
        }
        await panel(path(true), 'transit', renderTransit, (err) => err.status === 400 && err.field === 'reporter');
        if (state.transit && !fromPublished) {
          $('#transit-message').hidden = false;
          $('#transit-message').textContent = 'No product records in the store for this question: the demand below '
            + 'is made from the published tonnages shipped with Caravan.';
        }
      };
    if (state.noStore) {
        state.top = state.partners = state.mirror = null;
      renderTop('No trade store on this server.');
      renderPartners('No trade store on this server.');
        await transit();
      renderMirror();
    } else {
      await Promise.all([
        panel('/api/trade/top?' + params({ reporter: a, partner: state.scope === 'partner' ? b : '', year, flow,
          level: state.level, limit: 10 }), 'top', renderTop),
        panel('/api/trade/partners?' + params({ reporter: a, year, flow }), 'partners', renderPartners),
        // a reporter without a hub in the network cannot be placed: said in the panel, the rest still answers
          transit(),
        panel('/api/trade/mirror?' + params({ a, b }), 'mirror', renderMirror),
      ]);
    }
    if (seq !== state.seq) return;
    setStatus('');
  } catch (err) {
    setStatus('');
    showError(errorText(err));
  } finally {
    if (seq === state.seq) document.body.dataset.seq = String(seq);
  }
}

function toggle(group, attr, value) {
  for (const b of group.querySelectorAll('button')) b.classList.toggle('on', b.dataset[attr] === String(value));
}

async function start() {
  $('#reporter').addEventListener('change', () => { state.yearChosen = false; refresh(); });
  $('#partner').addEventListener('change', () => { state.yearChosen = false; refresh(); });
  $('#year').addEventListener('change', () => { state.yearChosen = true; refresh(); });
  $('#flow').addEventListener('change', refresh);
  $('#level-toggle').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    state.level = Number(b.dataset.level);
    toggle($('#level-toggle'), 'level', state.level);
    refresh();
  });
  $('#scope-toggle').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    state.scope = b.dataset.scope;
    toggle($('#scope-toggle'), 'scope', state.scope);
    refresh();
  });
  $('#byyear-toggle').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    state.byYearMeasure = b.dataset.measure;
    toggle($('#byyear-toggle'), 'measure', state.byYearMeasure);
    renderByYear();
  });
  $('#upload-form').addEventListener('submit', upload);
    $('#transit-published').addEventListener('change', refresh);
  try {
    await loadStore();
    await refresh();
  } catch (err) {
    showError(errorText(err, 'Could not load the trade data'));
  }
  document.body.dataset.ready = 'true';
}

window.caravanTrade = { state, shortSource, refresh, renderByYear };
start();

// The trade dashboard's "By year" table: the published full-year all-goods figures of one reporter, one row per
// partner and one column per year, each value kept with its source (disagreeing sources side by side, never merged).
// Pure: facts in (as /api/trade/facts answers them), rows out; trade.mjs draws them.

/** The partners of the seed question first, in this order; then the others by code; the World total last. */
export const FIRST_PARTNERS = ['AFG', 'PAK', 'IRN', 'IND', 'CHN', 'RUS', 'TUR'];
export const WORLD = 'W00';

const MIRROR = { exports: 'imports', imports: 'exports', turnover: 'turnover' };

/**
 * The figure as the reporter sees it: its own figures as they are, a partner's about it mirrored (the partner's
 * exports to it are its imports); null for figures that are not about the reporter or not full-year all-goods values.
 */
export function asSeenBy(fact, reporter) {
  if (!fact || fact.period.length !== 4 || fact.product || typeof fact.value_usd !== 'number') return null;
  if (fact.reporter === reporter) return { partner: fact.partner, measure: fact.measure, mirrored: false };
  if (fact.partner === reporter && MIRROR[fact.measure]) {
    return { partner: fact.reporter, measure: MIRROR[fact.measure], mirrored: true };
  }
  return null;
}

function partnerOrder(a, b) {
  const rank = (p) => (p === WORLD ? 1000 : FIRST_PARTNERS.includes(p) ? FIRST_PARTNERS.indexOf(p) : 100);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * {years: [2015, ...], rows: [{partner, cells: {year: [entry]}}]} for one reporter and measure (turnover, exports,
 * imports). An entry is {id, value_usd, source, source_date, url, reported_by, mirrored}; entries of a cell are
 * ordered by value then id. Years run from the earliest to the latest year with a figure (never before firstYear).
 */
export function byYear(facts, reporter, measure, firstYear = 2015) {
  const rows = new Map();
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of facts || []) {
    const seen = asSeenBy(f, reporter);
    if (!seen || seen.measure !== measure) continue;
    const year = Number(f.period);
    if (year < firstYear) continue;
    lo = Math.min(lo, year);
    hi = Math.max(hi, year);
    if (!rows.has(seen.partner)) rows.set(seen.partner, {});
    const cells = rows.get(seen.partner);
    (cells[year] ||= []).push({ id: f.id, value_usd: f.value_usd, source: f.source, source_date: f.source_date || '',
      url: f.url || '', reported_by: f.reported_by || '', mirrored: seen.mirrored });
  }
  const years = [];
  for (let y = lo; y <= hi; y++) years.push(y);
  const out = [...rows.entries()].sort(([a], [b]) => partnerOrder(a, b)).map(([partner, cells]) => {
    for (const list of Object.values(cells)) list.sort((x, y) => x.value_usd - y.value_usd || x.id.localeCompare(y.id));
    return { partner, cells };
  });
  return { years, rows: out };
}

/** The hover text of one entry: the publication, its date, whose statistics, and (mirrored) whose figure it is. */
export function entryTitle(entry, reporter) {
  const who = entry.reported_by && entry.reported_by !== 'unstated' ? `statistics of ${entry.reported_by}`
    : 'whose statistics is not stated';
  const side = entry.mirrored ? `; published as the partner's figure, shown as ${reporter} sees it` : '';
  return `Published figure: ${entry.source}${entry.source_date ? ' (' + entry.source_date + ')' : ''}; ${who}${side} [${entry.id}]`;
}

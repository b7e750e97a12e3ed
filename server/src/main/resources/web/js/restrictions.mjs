// What the answer says was done: the restrictions in force, read from the `request` echo of /api/route (and of
// each side of a scenario run), worded for the page. Pure: no DOM, testable in Node.

const CARRIER_MODES = ['rail', 'road', 'sea', 'ferry'];
const list = (v) => (Array.isArray(v) ? v : []);

/** "Afghanistan (AF)" when the name is known, else the code. */
const country = (names, code) => {
  const name = names && names.country ? names.country(code) : null;
  return name && name !== code ? `${name} (${code})` : code;
};

/** A closed link or place of the echo: {id, name, kind} from `request.closed`, or from the ids and a name lookup. */
function closedItems(request, names) {
  if (Array.isArray(request.closed)) {
    return request.closed.map((c) => (typeof c === 'string' ? { id: c, name: lookup(names, c), kind: '' }
      : { id: c.id, name: c.name || c.id, kind: c.kind || '' }));
  }
  return [...list(request.closed_links).map((id) => ({ id, name: lookup(names, id), kind: 'link' })),
    ...list(request.closed_nodes).map((id) => ({ id, name: lookup(names, id), kind: 'place' }))];
}

const lookup = (names, id) => (names && names.place ? names.place(id) : null) || id;

/**
 * The restrictions of a route answer's `request` as [{key, label, text, items?}], in a fixed order; empty when the
 * request restricts nothing. `names` = {country(code), place(id)} looks names up (either may be missing).
 * Server-worded echo lines (`request.restrictions`, strings or {text}) come first when the answer has them.
 */
export function restrictionEcho(request, names) {
  if (!request) return [];
  const out = [];
  for (const r of list(request.restrictions)) {
    const text = typeof r === 'string' ? r : r && (r.text || r.message);
    if (text) out.push({ key: 'server', label: '', text, unused: !!(r && r.changed === false) });
  }
  const via = list(request.via).map((v) => (typeof v === 'string' ? v : v.name || v.id));
  if (via.length) out.push({ key: 'via', label: 'Via', text: via.join(', ') });
  const avoid = list(request.avoid);
  if (avoid.length) out.push({ key: 'avoid', label: 'Avoided countries', text: avoid.map((c) => country(names, c)).join(', ') });
  const closed = closedItems(request, names);
  if (closed.length) {
    out.push({ key: 'closed', label: 'Closed', items: closed,
      text: closed.map((c) => (c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id)).join(', ') });
  }
  const modes = list(request.modes);
  // The answer lists every mode when none was excluded.
  if (modes.length && !CARRIER_MODES.every((m) => modes.includes(m))) out.push({ key: 'modes', label: 'Modes', text: modes.join(', ') });
  if (request.include_planned) out.push({ key: 'include_planned', label: 'Planned links', text: 'included' });
  if (request.rail_service && request.rail_service !== 'regular') {
    out.push({ key: 'rail_service', label: 'Rail service', text: request.rail_service });
  }
  if (request.max_risk !== null && request.max_risk !== undefined) {
    out.push({ key: 'max_risk', label: 'Maximum risk', text: String(request.max_risk) });
  }
  const penalties = Object.entries(request.penalties_usd || {});
  if (penalties.length) {
    out.push({ key: 'penalty', label: 'Penalties (USD)', text: penalties.map(([cc, v]) => `${cc}=${v}`).join(', ') });
  }
  return out;
}

/** The echo as one line of text ("Avoided countries: Iran (IR) · Closed: Torkham (x_...)"), or "" for none. */
export function restrictionText(request, names) {
  return restrictionEcho(request, names).filter((r) => r.key !== 'server')
    .map((r) => (r.label ? `${r.label}: ${r.text}` : r.text)).join(' · ');
}

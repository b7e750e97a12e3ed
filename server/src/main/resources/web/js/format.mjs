// Number and text formatting of the web pages, and the route CSV download. Pure: no DOM, testable in Node.

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** 1234.5 -> "1,235" (digits 0) or "1,234.50" (digits 2); null, undefined, NaN -> "–". */
export function fmt(v, digits = 0) {
  if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) return '–';
  return Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Whole US dollars: "$1,235". */
export const usd = (v) => (fmt(v, 0) === '–' ? '–' : '$' + fmt(v, 0));

/** A change with its sign: signed(-3.21, 1, ' days') -> "−3.2 days"; signed(5, 0, '', '$') -> "+$5"; 0 -> "±0". */
export function signed(v, digits, unit = '', pre = '') {
  const s = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${s}${pre}${fmt(Math.abs(v), digits)}${unit}`;
}

/** USD millions with thousands separators: 1,030.0 (one decimal; two below 1 M so small flows still show). */
export const millions = (v) => (!isNum(v) ? '–' : fmt(v / 1e6, Math.abs(v) < 1e6 && v !== 0 ? 2 : 1));
export const usdM = (v) => (!isNum(v) ? '–' : `${v < 0 ? '−' : ''}$${millions(Math.abs(v))} M`);
export const pct = (v, digits = 1) => (!isNum(v) ? '–' : `${v < 0 ? '−' : ''}${fmt(Math.abs(v), digits)} %`);

/** "1 route" / "3 routes". */
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One CSV field (RFC 4180): quoted when it holds a quote, comma, line break or edge blank. */
export function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export const ROUTE_CSV_HEADER = ['seq', 'from', 'to', 'mode', 'gauge', 'km', 'hours', 'usd', 'co2_kg', 'country', 'link',
  'from_id', 'to_id', 'status'];

/** The legs of one route of the /api/route answer as CSV (CRLF line ends), as the "Download CSV" link gives it. */
export function routeCsv(route) {
  const lines = [ROUTE_CSV_HEADER.join(',')];
  route.legs.forEach((l, i) => lines.push([i + 1, l.from_name, l.to_name, l.mode, l.gauge, l.km, l.hours, l.usd,
    l.co2_kg, l.country, l.link, l.from, l.to, l.status].map(csvCell).join(',')));
  return lines.join('\r\n') + '\r\n';
}

/** The route card's passage line: "Sea passages: Strait of Hormuz, Bosphorus" or "Sea passages: none". */
export function passagesText(route) {
  const p = (route && Array.isArray(route.passages)) ? route.passages : [];
  return `Sea passages: ${p.length ? p.join(', ') : 'none'}`;
}

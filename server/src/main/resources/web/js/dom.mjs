// Small DOM helpers shared by the map page (app.mjs) and the trade dashboard (trade.mjs).

export const $ = (sel, root = document) => root.querySelector(sel);

/**
 * el('a', {class: 'x', href: '#', onclick: f, text: 'label'}, child, ...): attributes, 'on*' listeners, dataset,
 * text; null/undefined/false attributes and children are left out. Strings become text nodes, never markup.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attributes that are null, undefined or '' are left out; a title shows on hover. */
export function svgEl(tag, attrs = {}, title) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== '') e.setAttribute(k, v);
  if (title) {
    const t = document.createElementNS(SVG_NS, 'title');
    t.textContent = title;
    e.append(t);
  }
  return e;
}

/** Text made safe for the few places that take HTML (Leaflet tooltips and legends). */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// Small DOM helpers shared by the map page (app.js) and the trade dashboard (trade.js).
window.CaravanDom = (function () {
  'use strict';
  // el('a', {class: 'x', href: '#', onclick: f, text: 'label'}, child, ...): attributes, 'on*' listeners,
  // dataset, text; null/undefined/false attributes and children are left out.
  const el = (tag, attrs = {}, ...children) => {
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
  };
  return { el };
})();

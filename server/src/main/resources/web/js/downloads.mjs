// The download links under the results: the routes as GeoJSON, the selected route as CSV (made in the page from
// the answer), the corridor brief as HTML or PDF (for a scenario: the scenario against the baseline).
import { $ } from './dom.mjs';
import { routeCsv } from './format.mjs';

export class Downloads {
  constructor() { this.csvUrl = null; }

  hide() {
    $('#downloads').hidden = true;
    this.setCsv(null, 0);
  }

  /** `routeQuery`: the /api/route query of the plan; `scenario`: its id when the plan is a scenario run. */
  show(plan, selected, routeQuery, scenario) {
    if (!plan.routes.length) { this.hide(); return; }
    $('#downloads').hidden = false;
    const q = new URLSearchParams(routeQuery);
    $('#download-geojson').href = '/api/route.geojson?' + q;
    const brief = new URLSearchParams(q);
    if (scenario) brief.set('scenario', scenario);
    $('#download-brief-html').href = '/api/brief.html?' + brief;
    $('#download-brief-pdf').href = '/api/brief.pdf?' + brief;
    this.setCsv(plan.routes[selected], selected);
  }

  setCsv(route, i) {
    const a = $('#download-csv');
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = null;
    if (!route) { a.removeAttribute('href'); return; }
    this.csvUrl = URL.createObjectURL(new Blob([routeCsv(route)], { type: 'text/csv;charset=utf-8' }));
    a.href = this.csvUrl;
    a.download = `route-${i + 1}.csv`;
    a.textContent = `Download CSV (route ${i + 1})`;
  }
}

// The page's network index: crossings between the same posts close together, and the closed chips.
import test from 'node:test';
import assert from 'node:assert/strict';
import { closureChips, crossingGroup, groupModes, groupName, indexNetwork, nodeName } from '../../main/resources/web/js/network.mjs';

const point = (id, name, lon, lat) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, name, kind: 'border_post' } });
const line = (id, name, from, to, mode, carries) => ({ type: 'Feature',
  geometry: { type: 'LineString', coordinates: [[61, 36.5], [61.2, 36.5]] }, properties: { id, name, from, to, mode, carries } });

const index = indexNetwork({ type: 'FeatureCollection', features: [
  point('TMSRK', 'Sarakhs (TM)', 61.1, 36.5), point('IRCKT', 'Sarakhs (IR)', 61.2, 36.5), point('AFKBL', 'Kabul', 69.2, 34.5),
  line('x_tmsrk_irckt_road', 'Sarakhs', 'TMSRK', 'IRCKT', 'crossing', 'road'),
  line('x_tmsrk_irckt_rail', 'Sarakhs rail', 'TMSRK', 'IRCKT', 'crossing', 'rail'),
  // the same posts the other way round: still the same crossing
  line('x_irckt_tmsrk_extra', 'Sarakhs (second gate)', 'IRCKT', 'TMSRK', 'crossing', 'road'),
  line('rail_tm_1', 'Mary-Sarakhs railway', 'TMSRK', 'AFKBL', 'rail', null),
] });

test('the index holds places and links with [lat, lon] coordinates', () => {
  assert.deepEqual(index.nodes.get('AFKBL').latlng, [34.5, 69.2]);
  assert.deepEqual(index.links.get('rail_tm_1').latlngs[0], [36.5, 61]);
  assert.equal(nodeName(index, 'AFKBL'), 'Kabul');
  assert.equal(nodeName(index, 'nowhere'), 'nowhere');
  assert.equal(indexNetwork(null).links.size, 0);
});

test('a crossing is every crossing link between its two posts, whichever way they are drawn', () => {
  const ids = crossingGroup(index, 'x_tmsrk_irckt_rail').map((l) => l.id);
  assert.deepEqual(ids, ['x_irckt_tmsrk_extra', 'x_tmsrk_irckt_rail', 'x_tmsrk_irckt_road']);
  assert.deepEqual(crossingGroup(index, 'x_tmsrk_irckt_road').map((l) => l.id), ids);
  assert.deepEqual(crossingGroup(index, 'rail_tm_1').map((l) => l.id), ['rail_tm_1']);
  assert.deepEqual(crossingGroup(index, 'unknown'), []);
  const group = crossingGroup(index, 'x_tmsrk_irckt_rail');
  assert.equal(groupName(group), 'Sarakhs');
  assert.equal(groupModes(group), 'road and rail');
});

test('closed tokens become chips: one per crossing, one per other token', () => {
  const chips = closureChips(index, ['x_tmsrk_irckt_rail', 'Torkham', 'x_tmsrk_irckt_road', 'AFKBL', 'rail_tm_1',
    'x_tmsrk_irckt_rail']);
  assert.deepEqual(chips.map((c) => [c.label, c.tokens, c.partial]), [
    ['Sarakhs', ['x_tmsrk_irckt_rail', 'x_tmsrk_irckt_road'], true],
    ['Torkham', ['Torkham'], false],
    ['Kabul', ['AFKBL'], false],
    ['Mary-Sarakhs railway', ['rail_tm_1'], false],
  ]);
  assert.match(chips[0].title, /Sarakhs rail \(x_tmsrk_irckt_rail\)/);
  assert.deepEqual(closureChips(index, []), []);
});

test('zoom bands match the server (NetworkGeoJson.zoomBand) and each band is one URL', async () => {
  const { zoomBand, BAND_ZOOM, networkUrl } = await import('../../main/resources/web/js/network.mjs');
  assert.deepEqual([0, 3, 4, 5, 6, 7, 8, 9, 12, 22].map(zoomBand), [0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
  BAND_ZOOM.forEach((z, band) => assert.equal(zoomBand(z), band));
  assert.equal(networkUrl(0), '/api/network?zoom=0&attrs=map');
  assert.equal(networkUrl(3), '/api/network?zoom=9&attrs=map');
  assert.equal(networkUrl(1, true), '/api/network?zoom=5&lines=only');
});

test('the layer cache fetches each band once and forgets a failed fetch', async () => {
  const { layerCache } = await import('../../main/resources/web/js/network.mjs');
  let calls = 0;
  let fail = true;
  const cache = layerCache(async (band) => {
    calls++;
    if (band === 2 && fail) throw new Error('offline');
    return { band };
  });
  assert.deepEqual(await cache.get(0), { band: 0 });
  assert.deepEqual(await cache.get(0), { band: 0 });
  assert.equal(calls, 1);
  await assert.rejects(cache.get(2), /offline/);
  fail = false;
  assert.deepEqual(await cache.get(2), { band: 2 });
  assert.equal(calls, 3);
  assert.deepEqual(cache.requested, [0, 2, 2]);
});

test('linkLines gives each line of a layer as [lat, lon] vertices', async () => {
  const { linkLines } = await import('../../main/resources/web/js/network.mjs');
  const lines = linkLines({ features: [point('A', 'A', 1, 2),
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4], [5, 6]] }, properties: { id: 'l1' } }] });
  assert.deepEqual([...lines.keys()], ['l1']);
  assert.deepEqual(lines.get('l1'), [[2, 1], [4, 3], [6, 5]]);
  assert.equal(linkLines(null).size, 0);
});

test('detail URLs name the kind and escape the id', async () => {
  const { detailUrl } = await import('../../main/resources/web/js/network.mjs');
  assert.equal(detailUrl('link', 'rail_kz_taraz_kzzaa'), '/api/network/link/rail_kz_taraz_kzzaa');
  assert.equal(detailUrl('node', 'KZALA'), '/api/network/node/KZALA');
  assert.equal(detailUrl('link', '../x?y=1#z'), '/api/network/link/..%2Fx%3Fy%3D1%23z');
  assert.throws(() => detailUrl('place', 'KZALA'), /node or link/);
});

test('the details cache fetches a feature once on demand, shares a pending fetch and forgets a failure', async () => {
  const { detailsCache, withDetails } = await import('../../main/resources/web/js/network.mjs');
  const calls = [];
  let fail = true;
  const cache = detailsCache(async (kind, id) => {
    calls.push(kind + '/' + id);
    if (id === 'bad' && fail) throw new Error('HTTP 503');
    return { id, source: 'src of ' + id };
  });
  assert.equal(cache.peek('link', 'a'), undefined, 'nothing before the first hover or click');
  const [x, y] = await Promise.all([cache.get('link', 'a'), cache.get('link', 'a')]);
  assert.equal(x.source, 'src of a');
  assert.equal(x, y);
  assert.deepEqual(calls, ['link/a'], 'two callers, one fetch');
  assert.equal(cache.peek('link', 'a').source, 'src of a');
  await cache.get('link', 'a');
  assert.deepEqual(calls, ['link/a'], 'cached');
  assert.equal(cache.peek('node', 'a'), undefined, 'nodes and links apart');
  await assert.rejects(cache.get('link', 'bad'), /HTTP 503/);
  assert.equal(cache.peek('link', 'bad'), undefined);
  fail = false;
  assert.equal((await cache.get('link', 'bad')).source, 'src of bad', 'a failed fetch is tried again');
  assert.deepEqual(cache.requested, ['link/a', 'link/bad', 'link/bad']);
  const lean = { id: 'a', mode: 'rail', km: 5 };
  assert.equal(withDetails(lean, undefined), lean);
  assert.deepEqual(withDetails(lean, cache.peek('link', 'a')), { id: 'a', mode: 'rail', km: 5, source: 'src of a' });
});

test('a view box is the view padded, snapped outward to the band grid and clamped to the globe', async () => {
  const { viewBox, boxHolds, bboxUrl } = await import('../../main/resources/web/js/network.mjs');
  // Band 2 (zoom 7-8): 0.5 degree grid; view 69.1-70.3 x 41.0-41.6, padded by half: 68.5-70.9 x 40.7-41.9.
  const view = { west: 69.1, south: 41.0, east: 70.3, north: 41.6 };
  assert.deepEqual(viewBox(view, 2), [68.5, 40.5, 71, 42]);
  assert.deepEqual(viewBox(view, 2, 0), [69, 41, 70.5, 42]);
  assert.deepEqual(viewBox(view, 3, 0), [69.1, 41, 70.3, 41.6]);
  assert.equal(boxHolds(viewBox(view, 2), view), true);
  assert.equal(boxHolds(viewBox(view, 2), { ...view, east: 71.2 }), false);
  assert.equal(boxHolds(null, view), false);
  // Beyond the globe: clamped (Leaflet's bounds can pass 180 and 90).
  assert.deepEqual(viewBox({ west: 170, south: 80, east: 200, north: 95 }, 1), [155, 72, 180, 90]);
  assert.equal(boxHolds([155, 72, 180, 90], { west: 170, south: 80, east: 200, north: 95 }), true);
  assert.equal(viewBox({ west: 185, south: 0, east: 190, north: 1 }, 1, 0), null, 'nothing of it on the globe');
  assert.equal(bboxUrl(2, [68.5, 40.5, 71, 42]), '/api/network?zoom=7&lines=only&bbox=68.5,40.5,71,42');
  // No float noise in the URL.
  assert.deepEqual(viewBox({ west: 0.31, south: 0.71, east: 0.52, north: 0.93 }, 3, 0), [0.3, 0.7, 0.6, 1]);
});

test('debounce calls once after a burst, with the last arguments; flush and cancel', async () => {
  const { debounce } = await import('../../main/resources/web/js/network.mjs');
  const pending = new Map();
  let next = 1;
  const timers = {
    setTimeout: (f, ms) => { const id = next++; pending.set(id, { f, ms }); return id; },
    clearTimeout: (id) => pending.delete(id),
  };
  const fire = () => { const list = [...pending.values()]; pending.clear(); list.forEach((t) => t.f()); };
  const calls = [];
  const d = debounce((x) => calls.push(x), 250, timers);
  d(1); d(2); d(3);
  assert.equal(pending.size, 1, 'one timer for the burst');
  assert.equal([...pending.values()][0].ms, 250);
  assert.deepEqual(calls, []);
  fire();
  assert.deepEqual(calls, [3]);
  d(4);
  d.flush();
  assert.deepEqual(calls, [3, 4]);
  assert.equal(pending.size, 0);
  d(5);
  d.cancel();
  fire();
  assert.deepEqual(calls, [3, 4]);
  assert.equal(d.flush(), undefined, 'nothing pending');
});

test('only the newest request counts: older ones are aborted and their answers dropped', async () => {
  const { latestOnly } = await import('../../main/resources/web/js/network.mjs');
  const requests = latestOnly();
  const a = requests.begin();
  const b = requests.begin();
  assert.equal(a.signal.aborted, true, 'the older request is aborted');
  assert.equal(b.signal.aborted, false);
  assert.equal(requests.current(a), false);
  assert.equal(requests.current(b), true);
  // A slow answer to a arriving after b started is dropped by the caller.
  const shown = [];
  const answer = (ticket, value) => { if (requests.current(ticket)) shown.push(value); else requests.drop(); };
  answer(b, 'b');
  answer(a, 'a');
  assert.deepEqual(shown, ['b']);
  assert.equal(requests.dropped, 1);
  requests.invalidate();
  assert.equal(b.signal.aborted, true);
  assert.equal(requests.current(b), false);
});

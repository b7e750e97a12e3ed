// How the freight-flow layer draws a link or terminal (pure; unit-tested in src/test/js/flowstyle.test.mjs):
// width by tonnes (square root, so area-like), colour by volume/capacity where the element has a capacity.

export const VC_CLASSES = [
  { max: 0.8, cls: 'flow-free', color: '#2e7d32', label: 'Below 80 % of capacity' },
  { max: 1, cls: 'flow-near', color: '#f9a825', label: '80–100 % of capacity' },
  { max: Infinity, cls: 'flow-saturated', color: '#c62828', label: 'Saturated: over capacity, queues build up' },
];
export const FLOW_NO_CAPACITY = { cls: 'flow-link', color: '#1565c0', label: 'Link (no capacity limit modelled)' };

export const MIN_WIDTH = 1.5;
export const MAX_WIDTH = 14;

/** Line width in pixels for `tonnes` when the most loaded feature carries `maxTonnes`. */
export function flowWidth(tonnes, maxTonnes) {
  if (!(tonnes > 0) || !(maxTonnes > 0)) return MIN_WIDTH;
  const share = Math.min(1, Math.sqrt(tonnes / maxTonnes));
  return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * share;
}

/** The colour class of a volume/capacity ratio; null or undefined (no capacity) gives the plain link class. */
export function vcClass(vc) {
  if (vc === null || vc === undefined || !Number.isFinite(vc)) return FLOW_NO_CAPACITY;
  return VC_CLASSES.find((c) => vc < c.max || c.max === Infinity);
}

/** Features of a layer, least loaded first (so heavy flows are drawn on top), and the largest tonnage. */
export function drawOrder(features) {
  const list = features.filter((f) => f.properties && f.properties.tonnes > 0)
    .sort((a, b) => a.properties.tonnes - b.properties.tonnes || String(a.properties.id).localeCompare(String(b.properties.id)));
  const max = list.length ? list[list.length - 1].properties.tonnes : 0;
  return { list, max };
}

/** GeoJSON [lon, lat] positions to Leaflet [lat, lon]. */
export const latLngs = (coords) => coords.map(([lon, lat]) => [lat, lon]);

// The network the map draws (/api/network GeoJSON), indexed for the page: places and links by id, and the
// crossings between the same two border posts (one crossing of several modes). Pure: no DOM, no Leaflet.

/** An index of the network GeoJSON: nodes (id -> properties + latlng [lat, lon]) and links (id -> {props, latlngs}). */
export function indexNetwork(geo) {
  const nodes = new Map();
  const links = new Map();
  for (const f of (geo && geo.features) || []) {
    const p = f.properties;
    if (f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      nodes.set(p.id, { ...p, latlng: [lat, lon] });
    } else {
      links.set(p.id, { props: p, latlngs: f.geometry.coordinates.map(([lon, lat]) => [lat, lon]) });
    }
  }
  const crossingsByPosts = new Map();
  for (const { props } of links.values()) {
    if (props.mode !== 'crossing') continue;
    const key = postsKey(props);
    if (!crossingsByPosts.has(key)) crossingsByPosts.set(key, []);
    crossingsByPosts.get(key).push(props);
  }
  for (const list of crossingsByPosts.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  return { nodes, links, crossingsByPosts };
}

const postsKey = (p) => [p.from, p.to].sort().join('|');

export const nodeName = (index, id) => index.nodes.get(id)?.name || id;

/**
 * Every crossing link between the same two border posts as the link `id` (road and rail of one crossing), in id
 * order; just that link when it is no crossing; empty when the id is unknown.
 */
export function crossingGroup(index, id) {
  const link = index.links.get(id);
  if (!link) return [];
  if (link.props.mode !== 'crossing') return [link.props];
  return index.crossingsByPosts.get(postsKey(link.props)) || [link.props];
}

/** A crossing group's name: the shortest of its links' names ("Sarakhs" for "Sarakhs" and "Sarakhs rail"). */
export function groupName(links) {
  const names = links.map((l) => l.name || l.id);
  return names.slice().sort((a, b) => a.length - b.length || a.localeCompare(b))[0] || '';
}

/** "road and rail" for a crossing group's links (what each carries; the mode of a plain link). */
export function groupModes(links) {
  const carried = (l) => (l.carries ? l.carries.split(';') : [l.gauge ? 'rail' : 'road']);
  const modes = links.flatMap((l) => (l.mode === 'crossing' ? carried(l) : [l.mode]));
  const unique = [...new Set(modes)];
  return unique.length > 1 ? unique.slice(0, -1).join(', ') + ' and ' + unique[unique.length - 1] : unique[0] || '';
}

/**
 * The closed tokens of the page (link ids, place ids or names, as /api/route's `close` takes them) as chips: the
 * links of one crossing together, each other token alone; [{label, tokens}] in the order first closed.
 */
export function closureChips(index, tokens) {
  const chips = [];
  const byToken = new Map();
  for (const t of tokens) {
    if (byToken.has(t)) continue;
    const link = index.links.get(t);
    if (link && link.props.mode === 'crossing') {
      const group = crossingGroup(index, t);
      const existing = chips.find((c) => c.group && c.group.some((g) => g.id === t));
      if (existing) {
        existing.tokens.push(t);
        byToken.set(t, existing);
        continue;
      }
      const chip = { label: groupName(group), tokens: [t], group };
      chips.push(chip);
      byToken.set(t, chip);
    } else {
      const label = link ? link.props.name || t : index.nodes.get(t)?.name || t;
      const chip = { label, tokens: [t] };
      chips.push(chip);
      byToken.set(t, chip);
    }
  }
  return chips.map(({ label, tokens: ts, group }) => ({
    label, tokens: ts, partial: !!group && ts.length < group.length,
    title: group ? group.map((g) => `${g.name || g.id} (${g.id})`).join(', ') : ts.join(', '),
  }));
}

/**
 * The web-map zoom bands of the simplified network layers, as the server's `/api/network?zoom=N` has them (core
 * `NetworkGeoJson.zoomBand`, tolerances `ZOOM_TOLERANCE_DEG`): 0 below zoom 5, 1 at 5-6, 2 at 7-8, 3 from zoom 9
 * (full geometry).
 */
export const zoomBand = (zoom) => (zoom < 5 ? 0 : zoom < 7 ? 1 : zoom < 9 ? 2 : 3);

/** The lowest zoom of each band: the page asks for that zoom, so each band is one URL (one cached answer). */
export const BAND_ZOOM = [0, 5, 7, 9];

/**
 * The URL of a band's network layer: the map layer (`attrs=map`: places and links with what drawing, styling and
 * closing need, no sources or notes) for the first band the page draws, only the lines (`lines=only`) for the bands
 * it switches to. The rest of one feature's attributes come on demand (detailUrl, detailsCache).
 */
export const networkUrl = (band, linesOnly = false) => '/api/network?zoom=' + BAND_ZOOM[band] + (linesOnly ? '&lines=only' : '&attrs=map');

/**
 * A per-band cache of network layers over `fetchLayer(band)` (a promise): each band is fetched once; a failed fetch
 * is forgotten so a later zoom tries again. `requested` lists the bands fetched, in order.
 */
export function layerCache(fetchLayer) {
  const layers = new Map();
  const requested = [];
  return {
    requested,
    get(band) {
      if (!layers.has(band)) {
        requested.push(band);
        const p = Promise.resolve().then(() => fetchLayer(band));
        layers.set(band, p);
        p.catch(() => layers.delete(band));
      }
      return layers.get(band);
    },
  };
}

/** Grid step (degrees) a band's bbox requests are snapped to, outward: nearby views ask the same URL. */
export const BAND_BBOX_STEP = [5, 1, 0.5, 0.1];

/**
 * The box to ask a band's lines for when the map shows `view` ({west, south, east, north}, degrees, as Leaflet's
 * bounds): the view padded by `pad` of its width and height on each side (lines just off screen are ready for a
 * short pan), snapped outward to the band's grid and clamped to -180..180 / -90..90, as [minLon, minLat, maxLon,
 * maxLat]; null when nothing of it is on the globe (min not below max after clamping).
 */
export function viewBox(view, band, pad = 0.5) {
  const step = BAND_BBOX_STEP[band] ?? 1;
  const w = view.east - view.west, h = view.north - view.south;
  const snap = (v, up) => {
    const q = Number((v / step).toFixed(9)); // 69.1 / 0.1 is 690.999...: a grid line stays a grid line
    return Number(((up ? Math.ceil(q) : Math.floor(q)) * step).toFixed(6));
  };
  const box = [
    Math.max(-180, snap(view.west - pad * w, false)), Math.max(-90, snap(view.south - pad * h, false)),
    Math.min(180, snap(view.east + pad * w, true)), Math.min(90, snap(view.north + pad * h, true)),
  ];
  return box[0] < box[2] && box[1] < box[3] ? box : null;
}

/** Whether a [minLon, minLat, maxLon, maxLat] box holds the whole view (clamped to the globe like viewBox). */
export function boxHolds(box, view) {
  if (!box) return false;
  return box[0] <= Math.max(-180, view.west) && box[1] <= Math.max(-90, view.south)
    && box[2] >= Math.min(180, view.east) && box[3] >= Math.min(90, view.north);
}

/** The URL of a band's lines inside a box: `/api/network?zoom=N&lines=only&bbox=minLon,minLat,maxLon,maxLat`. */
export const bboxUrl = (band, box) => networkUrl(band, true) + '&bbox=' + box.join(',');

/**
 * `fn` called once `ms` after the last of a burst of calls (the map's `moveend` while a user drags or zooms on);
 * `timers` ({setTimeout, clearTimeout}) is for tests. `.flush()` runs a pending call now, `.cancel()` drops it.
 */
export function debounce(fn, ms, timers = globalThis) {
  let timer = null;
  let args = null;
  const run = () => { timer = null; const a = args; args = null; return fn(...a); };
  const d = (...a) => {
    args = a;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(run, ms);
  };
  d.flush = () => { if (timer === null) return undefined; timers.clearTimeout(timer); return run(); };
  d.cancel = () => { if (timer !== null) timers.clearTimeout(timer); timer = null; args = null; };
  return d;
}

/**
 * Requests of which only the newest one's answer counts: `begin()` starts one (aborting the one before, through
 * its AbortController's signal, given to fetch) and returns a ticket; `current(ticket)` tells whether it is still the
 * newest; an answer that is not is dropped by the caller and counted in `dropped` (tests, console).
 */
export function latestOnly() {
  let ticket = 0;
  let controller = null;
  const state = {
    dropped: 0,
    begin() {
      if (controller) controller.abort();
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      ticket++;
      return { id: ticket, signal: controller ? controller.signal : undefined };
    },
    current: (t) => t.id === ticket,
    drop() { state.dropped++; },
    /** Makes every request under way stale (e.g. the map went back to a band it has whole). */
    invalidate() { if (controller) controller.abort(); controller = null; ticket++; },
  };
  return state;
}

/** Link id -> [lat, lon] vertices of a network layer's LineString features (the geometry a band draws). */
export function linkLines(geo) {
  const lines = new Map();
  for (const f of (geo && geo.features) || []) {
    if (f.geometry && f.geometry.type === 'LineString') {
      lines.set(f.properties.id, f.geometry.coordinates.map(([lon, lat]) => [lat, lon]));
    }
  }
  return lines;
}

/** The URL of one place's or link's attributes: kind 'node' or 'link' (/api/network/node/{id}, /link/{id}). */
export function detailUrl(kind, id) {
  if (kind !== 'node' && kind !== 'link') throw new Error('detail kind must be node or link, got ' + kind);
  return '/api/network/' + kind + '/' + encodeURIComponent(String(id));
}

/**
 * The attributes of single places and links over `fetchDetail(kind, id)` (a promise of the server's JSON), each
 * fetched once, when the user points at or clicks the feature; a failed fetch is forgotten so the next try asks
 * again. `peek` answers the attributes already in, `requested` lists the 'kind/id' fetched, in order.
 */
export function detailsCache(fetchDetail) {
  const done = new Map();
  const pending = new Map();
  const requested = [];
  const key = (kind, id) => kind + '/' + id;
  return {
    requested,
    peek: (kind, id) => done.get(key(kind, id)),
    get(kind, id) {
      const k = key(kind, id);
      if (done.has(k)) return Promise.resolve(done.get(k));
      if (!pending.has(k)) {
        requested.push(k);
        const p = Promise.resolve().then(() => fetchDetail(kind, id)).then((d) => {
          done.set(k, d);
          return d;
        }).finally(() => pending.delete(k));
        pending.set(k, p);
      }
      return pending.get(k);
    },
  };
}

/** A feature's map-layer attributes with its fetched ones over them (just the map layer's when none are in). */
export const withDetails = (props, details) => (details ? { ...props, ...details } : props);

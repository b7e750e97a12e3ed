// The restriction echo: what the answer's `request` says was done, worded for the page.
import test from 'node:test';
import assert from 'node:assert/strict';
import { restrictionEcho, restrictionText } from '../../main/resources/web/js/restrictions.mjs';

const names = {
  country: (c) => ({ AF: 'Afghanistan', IR: 'Iran' })[c] || null,
  place: (id) => ({ x_pktor_afrkh_road: 'Torkham', AFKBL: 'Kabul' })[id] || null,
};

const base = { from: { id: 'KZALA' }, to: { id: 'PKKHI' }, via: [], cargo: 'container', tonnes: null, objective: 'cost',
  avoid: [], closed_nodes: [], closed_links: [], modes: [], include_planned: false, max_risk: null, penalties_usd: {} };

test('an unrestricted request echoes nothing', () => {
  assert.deepEqual(restrictionEcho(base, names), []);
  assert.equal(restrictionText(base, names), '');
  assert.deepEqual(restrictionEcho(null, names), []);
});

test('every restriction in force, in a fixed order, with names and codes', () => {
  const request = { ...base, via: [{ id: 'AFKBL', name: 'Kabul' }], avoid: ['AF', 'CN'], modes: ['rail', 'sea'],
    include_planned: true, max_risk: 0.6, penalties_usd: { IR: 800, PK: 1000.5 }, closed_links: ['x_pktor_afrkh_road'],
    closed_nodes: ['AFKBL'] };
  const echo = restrictionEcho(request, names);
  assert.deepEqual(echo.map((r) => r.key), ['via', 'avoid', 'closed', 'modes', 'include_planned', 'max_risk', 'penalty']);
  assert.equal(restrictionText(request, names), 'Via: Kabul · Avoided countries: Afghanistan (AF), CN · '
    + 'Closed: Torkham (x_pktor_afrkh_road), Kabul (AFKBL) · Modes: rail, sea · Planned links: included · '
    + 'Maximum risk: 0.6 · Penalties (USD): IR=800, PK=1000.5');
  assert.deepEqual(echo[2].items, [{ id: 'x_pktor_afrkh_road', name: 'Torkham', kind: 'link' },
    { id: 'AFKBL', name: 'Kabul', kind: 'place' }]);
});

test('the answer\'s own list of what was closed wins over the ids', () => {
  const request = { ...base, closed_links: ['x_tmsrk_irckt_rail', 'x_tmsrk_irckt_road'],
    closed: [{ id: 'x_tmsrk_irckt_rail', name: 'Sarakhs rail', kind: 'crossing' },
      { id: 'x_tmsrk_irckt_road', name: 'Sarakhs', kind: 'crossing' }] };
  const closed = restrictionEcho(request, names).find((r) => r.key === 'closed');
  assert.equal(closed.text, 'Sarakhs rail (x_tmsrk_irckt_rail), Sarakhs (x_tmsrk_irckt_road)');
  assert.deepEqual(closed.items.map((c) => c.kind), ['crossing', 'crossing']);
});

test('all four modes is no restriction', () => {
  assert.deepEqual(restrictionEcho({ ...base, modes: ['ferry', 'rail', 'road', 'sea'] }, names), []);
  assert.equal(restrictionText({ ...base, modes: ['road'] }, names), 'Modes: road');
});

test('without name lookups the ids are shown', () => {
  const request = { ...base, avoid: ['IR'], closed_links: ['x_pktor_afrkh_road'] };
  assert.equal(restrictionText(request), 'Avoided countries: IR · Closed: x_pktor_afrkh_road');
});

test('server-worded echo lines come first and are kept apart from the derived text', () => {
  const request = { ...base, avoid: ['IR'], restrictions: ['Avoided: Iran (IR)', { text: 'Closed: Torkham', changed: false }] };
  const echo = restrictionEcho(request, names);
  assert.deepEqual(echo.slice(0, 2).map((r) => [r.key, r.text, r.unused]),
    [['server', 'Avoided: Iran (IR)', false], ['server', 'Closed: Torkham', true]]);
  assert.equal(restrictionText(request, names), 'Avoided countries: Iran (IR)');
});

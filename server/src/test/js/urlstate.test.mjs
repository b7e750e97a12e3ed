// The map page's state in its URL: encode and decode round-trip, defaults stay out of the URL, and the API query.
import test from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, decode, encode, isPlannable, routeParams, sameQuestion, scenarioParams } from '../../main/resources/web/js/urlstate.mjs';

const full = {
  ...DEFAULTS, from: 'KZALA', to: 'Karachi', via: ['Herat', 'AFKBL'], cargo: 'bulk', tonnes: '5000', objective: 'time',
  avoid: ['AF', 'IR'], close: ['x_tmsrk_irckt_rail', 'x_tmsrk_irckt_road', 'Torkham'], modes: ['rail', 'sea'],
  include_planned: true, max_risk: '0.6', penalty: ['IR=800', 'PK=1e3'], alternatives: '4', samples: '500', seed: '7',
  max_labels: '50000', budget_ms: '1500', route: 2,
};

test('a state survives encode then decode', () => {
  assert.deepEqual(decode(encode(full)), full);
  assert.deepEqual(decode('?' + encode(full)), full);
  assert.deepEqual(decode(new URLSearchParams(encode(full))), full);
});

test('a Pareto state and a scenario state survive the round trip', () => {
  const pareto = { ...full, pareto: true, alternatives: DEFAULTS.alternatives, pareto_tolerance: '0.05' };
  assert.deepEqual(decode(encode(pareto)), pareto);
  const scenario = { ...DEFAULTS, from: 'Kabul', to: 'Peshawar', scenario: 'torkham-closed' };
  assert.deepEqual(decode(encode(scenario)), scenario);
});

test('names with spaces, commas in none, and non-ASCII text survive', () => {
  const s = { ...DEFAULTS, from: 'Bandar Abbas', to: 'Mazār-e Sharīf', close: ['Termez-Hairatan (Friendship Bridge)'] };
  assert.deepEqual(decode(encode(s)), s);
  assert.match(encode(s), /^from=Bandar\+Abbas&to=Maz%C4%81r/);
});

test('defaults and empty fields stay out of the URL, in a fixed order', () => {
  assert.equal(encode(DEFAULTS), '');
  assert.equal(encode({ ...DEFAULTS, to: 'PKKHI', from: 'KZALA' }), 'from=KZALA&to=PKKHI');
  assert.equal(encode({ ...DEFAULTS, from: 'A', to: 'B', avoid: ['AF', 'IR'], pareto: true }),
    'from=A&to=B&avoid=AF%2CIR&pareto=true');
  // the selected route is 1-based in the URL, and left out for the first
  assert.equal(encode({ ...DEFAULTS, from: 'A', to: 'B', route: 0 }), 'from=A&to=B');
  assert.equal(encode({ ...DEFAULTS, from: 'A', to: 'B', route: 1 }), 'from=A&to=B&route=2');
});

test('what a scenario run or a Pareto set ignores is not written', () => {
  assert.equal(encode({ ...DEFAULTS, from: 'A', to: 'B', max_labels: '9', scenario: 's' }), 'from=A&to=B&scenario=s');
  assert.equal(encode({ ...DEFAULTS, from: 'A', to: 'B', alternatives: '5', pareto: true }), 'from=A&to=B&pareto=true');
  assert.equal(encode({ ...DEFAULTS, from: 'A', to: 'B', alternatives: '5', pareto: true, scenario: 's' }),
    'from=A&to=B&scenario=s');
});

test('decode reads repeated and comma-separated lists, flags and a bad route number', () => {
  const s = decode('from=A&to=B&avoid=AF,%20IR&avoid=CN&close=&include_planned=1&pareto=false&route=0');
  assert.deepEqual(s.avoid, ['AF', 'IR', 'CN']);
  assert.deepEqual(s.close, []);
  assert.equal(s.include_planned, true);
  assert.equal(s.pareto, false);
  assert.equal(s.route, 0);
  assert.equal(decode('route=abc').route, 0);
  assert.equal(decode('route=3').route, 2);
  assert.deepEqual(decode(''), { ...DEFAULTS });
  assert.deepEqual(decode('?unknown=1'), { ...DEFAULTS });
});

test('what the user typed is kept as typed, for the server to judge', () => {
  const s = decode('from=A&to=B&tonnes=-5&alternatives=99&cargo=reefer');
  assert.equal(s.tonnes, '-5');
  assert.equal(s.alternatives, '99');
  assert.equal(s.cargo, 'reefer');
  assert.equal(routeParams(s).get('alternatives'), '99');
});

test('the /api/route query uses the API names and the page defaults', () => {
  const q = routeParams(full);
  assert.equal(q.get('from'), 'KZALA');
  assert.equal(q.get('via'), 'Herat,AFKBL');
  assert.equal(q.get('close'), 'x_tmsrk_irckt_rail,x_tmsrk_irckt_road,Torkham');
  assert.equal(q.get('penalty'), 'IR=800,PK=1e3');
  assert.equal(q.get('include_planned'), 'true');
  assert.equal(q.get('alternatives'), '4');
  assert.equal(q.get('pareto'), null);
  assert.equal(q.get('max_labels'), '50000');
  assert.equal(q.get('budget_ms'), '1500');
  assert.equal(q.get('route'), null, 'the selected card is the page\'s, not a route parameter');
  assert.equal(routeParams({ ...DEFAULTS, from: 'A', to: 'B' }).toString(), 'from=A&to=B&cargo=container&objective=cost&alternatives=3');
  assert.equal(routeParams({ ...DEFAULTS, from: 'A', to: 'B', alternatives: '1' }).get('alternatives'), null);
  assert.equal(routeParams({ ...full, pareto: true }).get('alternatives'), null);
  assert.equal(routeParams({ ...full, pareto: true }).get('pareto'), 'true');
  const sq = scenarioParams({ ...full, pareto: true });
  assert.equal(sq.get('pareto'), null);
  assert.equal(sq.get('alternatives'), null);
  assert.equal(sq.get('avoid'), 'AF,IR');
  assert.equal(sq.get('max_labels'), null, 'a scenario run has its own search limits');
  assert.equal(sq.get('samples'), '500');
});

test('plannable and same-question checks', () => {
  assert.equal(isPlannable(DEFAULTS), false);
  assert.equal(isPlannable({ ...DEFAULTS, from: 'A' }), false);
  assert.equal(isPlannable({ ...DEFAULTS, from: 'A', to: 'B' }), true);
  assert.equal(sameQuestion({ ...full, route: 0 }, { ...full, route: 3 }), true);
  assert.equal(sameQuestion(full, { ...full, close: [] }), false);
});

test('rail_service=express round-trips through the URL and reaches /api/route; regular is left out', async () => {
  const { decode, encode, routeParams } = await import('../../main/resources/web/js/urlstate.mjs');
  const s = decode('?from=Xian&to=Tashkent&rail_service=express');
  assert.equal(s.rail_service, 'express');
  assert.equal(encode(s), 'from=Xian&to=Tashkent&rail_service=express');
  assert.equal(routeParams(s).get('rail_service'), 'express');
  assert.equal(routeParams(decode('?from=A&to=B')).has('rail_service'), false);
});

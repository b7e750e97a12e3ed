// The time/cost-distance chart's series: legs as slopes, crossings and transshipments as jumps, in travel order.
import test from 'node:test';
import assert from 'node:assert/strict';
import { chartSeries, niceStep } from '../../main/resources/web/js/chart.mjs';

const route = {
  legs: [
    { from: 'A', to: 'B', mode: 'rail', km: 100, hours: 5, usd: 50, link: 'r1', from_name: 'A', to_name: 'B' },
    { from: 'B', to: 'C', mode: 'crossing', km: 1, hours: 10, usd: 200, link: 'x1', from_name: 'B', to_name: 'C' },
    { from: 'C', to: 'D', mode: 'road', km: 50, hours: 2, usd: 80, link: 'd1', from_name: 'C', to_name: 'D' },
  ],
  crossings: [{ id: 'x1', name: 'Border X' }],
  transshipments: [{ at: 'C', at_name: 'C', reason: 'rail to road', hours: 3, usd: 40 }],
};

test('time series: a jump per crossing and transshipment, ending at the totals', () => {
  const s = chartSeries(route, 'time');
  assert.equal(s.segments.length, 2);
  assert.deepEqual(s.jumps.map((j) => [j.type, j.name, j.v0, j.v1]),
    [['crossing', 'Border X', 5, 15], ['transshipment', 'C (rail to road)', 15, 18]]);
  assert.equal(s.km, 151);
  assert.equal(s.v, 20);
  assert.deepEqual([s.segments[1].km0, s.segments[1].v0], [101, 18]);
});

test('cost series sums USD', () => {
  assert.equal(chartSeries(route, 'cost').v, 370);
});

test('axis steps are 1, 2 or 5 times a power of ten', () => {
  assert.equal(niceStep(1000), 200);
  assert.equal(niceStep(37), 10);
  assert.equal(niceStep(4.2), 1);
});

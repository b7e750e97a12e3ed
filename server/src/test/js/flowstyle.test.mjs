// The freight-flow layer's styling: width by tonnes, colour by volume/capacity, draw order.
import test from 'node:test';
import assert from 'node:assert/strict';
import { FLOW_NO_CAPACITY, MAX_WIDTH, MIN_WIDTH, drawOrder, flowWidth, latLngs, vcClass }
  from '../../main/resources/web/js/flowstyle.mjs';

test('width grows with tonnes, from the minimum to the maximum at the largest flow', () => {
  assert.equal(flowWidth(0, 100), MIN_WIDTH);
  assert.equal(flowWidth(100, 100), MAX_WIDTH);
  assert.equal(flowWidth(null, 100), MIN_WIDTH);
  assert.equal(flowWidth(50, 0), MIN_WIDTH);
  const quarter = flowWidth(25, 100);
  assert.ok(quarter > MIN_WIDTH && quarter < MAX_WIDTH);
  assert.equal(quarter, MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * 0.5); // square root: a quarter of the tonnes, half the width
  assert.ok(flowWidth(10, 100) < flowWidth(20, 100));
});

test('colour by volume/capacity; saturated above 1; no capacity is the plain link class', () => {
  assert.equal(vcClass(0.2).cls, 'flow-free');
  assert.equal(vcClass(0.8).cls, 'flow-near');
  assert.equal(vcClass(0.99).cls, 'flow-near');
  assert.equal(vcClass(1).cls, 'flow-saturated');
  assert.equal(vcClass(3.5).cls, 'flow-saturated');
  assert.equal(vcClass(null), FLOW_NO_CAPACITY);
  assert.equal(vcClass(undefined), FLOW_NO_CAPACITY);
});

test('features are drawn least loaded first; empty ones are left out', () => {
  const f = (id, tonnes) => ({ properties: { id, tonnes } });
  const { list, max } = drawOrder([f('b', 30), f('a', 0), f('c', 10), f('d', 30)]);
  assert.deepEqual(list.map((x) => x.properties.id), ['c', 'b', 'd']);
  assert.equal(max, 30);
  assert.deepEqual(drawOrder([]), { list: [], max: 0 });
  assert.deepEqual(latLngs([[69.1, 34.5], [67.0, 24.9]]), [[34.5, 69.1], [24.9, 67.0]]);
});

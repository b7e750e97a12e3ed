// The "By year" table of the trade dashboard: published full-year figures per partner and year.
import test from 'node:test';
import assert from 'node:assert/strict';
import { asSeenBy, byYear, entryTitle } from '../../main/resources/web/js/byyear.mjs';

const fact = (over) => ({ id: 'x', reporter: 'KAZ', partner: 'AFG', measure: 'turnover', period: '2022',
  covers: 'full year', value_usd: 1e9, product: '', source: 'Kazinform', source_date: '2023-08-02',
  url: 'https://example.org/a', reported_by: 'KAZ', ...over });

test('only full-year all-goods values, seen from the reporter (a partner\'s exports are its imports)', () => {
  assert.deepEqual(asSeenBy(fact({}), 'KAZ'), { partner: 'AFG', measure: 'turnover', mirrored: false });
  assert.deepEqual(asSeenBy(fact({ reporter: 'CHN', partner: 'KAZ', measure: 'exports' }), 'KAZ'),
    { partner: 'CHN', measure: 'imports', mirrored: true });
  assert.equal(asSeenBy(fact({ period: '2022-01/2022-06' }), 'KAZ'), null, 'part of a year');
  assert.equal(asSeenBy(fact({ period: '2019-07/2020-06' }), 'KAZ'), null, 'a marketing year is not a calendar year');
  assert.equal(asSeenBy(fact({ product: 'wheat' }), 'KAZ'), null, 'a product');
  assert.equal(asSeenBy(fact({ value_usd: null, quantity: 5 }), 'KAZ'), null, 'tonnes only');
  assert.equal(asSeenBy(fact({ reporter: 'UZB', partner: 'TJK' }), 'KAZ'), null, 'not about the reporter');
});

test('one row per partner (seed partners first, World last), one column per year, sources kept apart', () => {
  const facts = [
    fact({ id: 'b', value_usd: 987.9e6 }), fact({ id: 'a', value_usd: 987.9e6, source: 'The Asia Today' }),
    fact({ id: 'c', period: '2023', value_usd: 545e6 }), fact({ id: 'c2', period: '2023', value_usd: 567.5e6 }),
    fact({ id: 'w', partner: 'W00', period: '2020', value_usd: 85e9 }),
    fact({ id: 'u', partner: 'UZB', period: '2021', value_usd: 3.9e9 }),
    fact({ id: 'r', reporter: 'RUS', partner: 'KAZ', period: '2017', value_usd: 16e9, reported_by: 'RUS' }),
    fact({ id: 'e', measure: 'exports', value_usd: 1e6 }),
    fact({ id: 'old', period: '2012', value_usd: 1 }),
  ];
  const t = byYear(facts, 'KAZ', 'turnover');
  assert.deepEqual(t.years, [2017, 2018, 2019, 2020, 2021, 2022, 2023]);
  assert.deepEqual(t.rows.map((r) => r.partner), ['AFG', 'RUS', 'UZB', 'W00']);
  assert.deepEqual(t.rows[0].cells[2022].map((e) => e.id), ['a', 'b'], 'both sources, never merged');
  assert.deepEqual(t.rows[0].cells[2023].map((e) => e.value_usd), [545e6, 567.5e6]);
  assert.equal(t.rows[1].cells[2017][0].mirrored, true);
  assert.deepEqual(byYear(facts, 'KAZ', 'exports').rows.map((r) => r.partner), ['AFG']);
  assert.deepEqual(byYear([], 'KAZ', 'turnover'), { years: [], rows: [] });
});

test('the hover text names the publication, its date and whose statistics', () => {
  const [entry] = byYear([fact({ id: 'k' })], 'KAZ', 'turnover').rows[0].cells[2022];
  assert.equal(entryTitle(entry, 'KAZ'), 'Published figure: Kazinform (2023-08-02); statistics of KAZ [k]');
  const [m] = byYear([fact({ id: 'm', reporter: 'CHN', partner: 'KAZ', reported_by: 'unstated' })], 'KAZ', 'turnover')
    .rows[0].cells[2022];
  assert.match(entryTitle(m, 'KAZ'), /whose statistics is not stated; published as the partner's figure, shown as KAZ sees it/);
});

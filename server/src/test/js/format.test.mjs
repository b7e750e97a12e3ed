// Formatting of numbers and the route CSV download.
import test from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, fmt, pct, plural, routeCsv, signed, usd, usdM } from '../../main/resources/web/js/format.mjs';

test('numbers get thousands separators and fixed digits; missing values a dash', () => {
  assert.equal(fmt(1234.5), '1,235');
  assert.equal(fmt(1234.5, 2), '1,234.50');
  assert.equal(fmt(0.04, 1), '0.0');
  assert.equal(fmt(null), '–');
  assert.equal(fmt(undefined, 1), '–');
  assert.equal(fmt(Number.NaN), '–');
  assert.equal(usd(9876.4), '$9,876');
  assert.equal(usd(null), '–');
  assert.equal(plural(1, 'route'), '1 route');
  assert.equal(plural(3, 'route'), '3 routes');
});

test('changes carry their sign; zero is ±', () => {
  assert.equal(signed(-3.21, 1, ' days'), '−3.2 days');
  assert.equal(signed(1500, 0, '', '$'), '+$1,500');
  assert.equal(signed(0, 0, ' km'), '±0 km');
});

test('trade figures in USD millions and percentages', () => {
  assert.equal(usdM(1_030_000_000), '$1,030.0 M');
  assert.equal(usdM(-2_500_000), '−$2.5 M');
  assert.equal(usdM(450_000), '$0.45 M');
  assert.equal(usdM(null), '–');
  assert.equal(pct(12.345), '12.3 %');
  assert.equal(pct(-4, 0), '−4 %');
});

test('CSV fields are quoted only when they must be', () => {
  assert.equal(csvCell('Almaty'), 'Almaty');
  assert.equal(csvCell('Termez, Uzbekistan'), '"Termez, Uzbekistan"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(' padded'), '" padded"');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(0), '0');
});

test('the route CSV has a header and one CRLF line per leg', () => {
  const route = { legs: [
    { from_name: 'Almaty', to_name: 'Shu, KZ', mode: 'rail', gauge: 1520, km: 270.5, hours: 9.1, usd: 310.2, co2_kg: 1.5,
      country: 'KZ', link: 'rail_a', from: 'KZALA', to: 'kz_shu', status: 'operational' },
    { from_name: 'Shu, KZ', to_name: 'Bishkek', mode: 'road', gauge: null, km: 80, hours: 2, usd: 90, co2_kg: 3,
      country: null, link: 'road_b', from: 'kz_shu', to: 'KGFRU', status: 'operational' },
  ] };
  const lines = routeCsv(route).split('\r\n');
  assert.equal(lines[0], 'seq,from,to,mode,gauge,km,hours,usd,co2_kg,country,link,from_id,to_id,status');
  assert.equal(lines[1], '1,Almaty,"Shu, KZ",rail,1520,270.5,9.1,310.2,1.5,KZ,rail_a,KZALA,kz_shu,operational');
  assert.equal(lines[2], '2,"Shu, KZ",Bishkek,road,,80,2,90,3,,road_b,kz_shu,KGFRU,operational');
  assert.equal(lines[3], '');
  assert.equal(lines.length, 4);
});

test('the route card names the sea passages a route uses, or says none', async () => {
  const { passagesText } = await import('../../main/resources/web/js/format.mjs');
  assert.equal(passagesText({ passages: ['Strait of Hormuz', 'Bosphorus'] }), 'Sea passages: Strait of Hormuz, Bosphorus');
  assert.equal(passagesText({ passages: [] }), 'Sea passages: none');
  assert.equal(passagesText({}), 'Sea passages: none');
});

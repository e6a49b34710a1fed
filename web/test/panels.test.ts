// The editor's panels (src/panels.ts, src/map_tools.ts, src/propose.ts): findings, indicators,
// the unit panel and the proposals escape what the server sends; operations read as text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Evaluation, Indicators, ResultUnit } from '../src/api';
import { describeOp, findingsList, indicatorTable } from '../src/panels';
import { mapLegend, unitPanel } from '../src/map_tools';
import { wishesLine } from '../src/propose';

const ind = (count: number): Indicators => ({
  count, population: { mean: 20000, median: 19000 }, area_km2: { mean: 60, median: 55 }, population_vs_national: 0.5,
  area_vs_national: 0.3, under_population_floor: 2, over_area_cap: 0, town_street_share: 0.75, by_kind: { '镇': count - 1, '<乡>': 1 },
} as unknown as Indicators);

test('findings escape message, units and citation; none says so', () => {
  const ev = { findings: [{ severity: 'warning', rule: 'name_kind', units: ['<b>北台镇</b>'], message: { zh: '名称<script>', en: 'name' }, citation: '《地名管理条例》"第九条"' }] } as unknown as Evaluation;
  const h = findingsList(ev).text;
  assert.match(h, /class="sev-warning"/);
  assert.match(h, /名称&lt;script&gt;/);
  assert.match(h, /&lt;b&gt;北台镇&lt;\/b&gt;/);
  assert.match(h, /《地名管理条例》&quot;第九条&quot;/);
  assert.doesNotMatch(h, /<script>|<b>/);
  assert.match(findingsList({ findings: [] } as unknown as Evaluation).text, /class="muted"/);
});

test('the indicator table: before, after and the change, kinds escaped', () => {
  const h = indicatorTable(ind(18), ind(13)).text;
  assert.match(h, /data-testid="ind-count-before">18</);
  assert.match(h, /data-testid="ind-count-after">13</);
  assert.match(h, /<td class="neg">-5<\/td>/);
  assert.match(h, /data-testid="ind-town-share-after">75%</);
  assert.match(h, /<th>&lt;乡&gt;<\/th>/);
});

test('the unit panel and the wishes escape names; the legend is markup', () => {
  const u = { code: null, proposed_code: '130634<1>', kind: '镇', status: 'new', population: 1234, area_km2: 5.5, villages: 3, seat: '西<坡>村',
    predecessors: ['130634100'], flags: ['县城驻地镇'] } as unknown as ResultUnit;
  const h = unitPanel(u, (r) => (r === '130634100' ? '恒州<镇>' : r)).text;
  assert.match(h, /130634&lt;1&gt;/);
  assert.match(h, /西&lt;坡&gt;村/);
  assert.match(h, /恒州&lt;镇&gt;/);
  assert.match(wishesLine({ lock: ['a'], seed_units: [], together: [], apart: [] }, () => '<i>x</i>').text, /&lt;i&gt;x&lt;\/i&gt;/);
  assert.match(mapLegend().text, /^<span class="legend" data-testid="map-legend">/);
});

test('operations read as text (escaped where they are shown)', () => {
  assert.match(describeOp({ op: 'lock', units: ['a', 'b'] }), / a、b$/);
  assert.match(describeOp({ op: 'merge', units: ['甲', '乙'], new: { name: '丙镇', kind: '镇' } } as never), /丙镇（甲、乙）$/);
  assert.match(describeOp({ op: 'convert', unit: '130634100', to: '街道' } as never, () => '恒州镇'), /恒州镇 → 街道$/);
  assert.match(describeOp({ op: 'merge', units: ['x'], into: 'y' } as never, (r) => `<${r}>`), /<x> → <y>$/);
});

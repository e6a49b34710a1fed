// The village section of the editor (src/village_view.ts): indicators before and after, the
// changed villages with the code the registry will assign, names escaped; the choices of a
// township are its villages not merged away plus the new ones; the controls are there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { villageChoices, villageControls, villagePanel } from '../src/village_view';

const stats = (mean: number, n = 3) => ({ n, total: mean * n, mean, median: mean, min: mean, max: mean });
const ind = (count: number) => ({ count, by_kind: { 村委会: count - 1, 居委会: 1 }, population: stats(800), households: stats(260),
  per_township: stats(count / 2), under_population_floor: null, under_households_floor: null });
const villages = {
  indicators: { before: ind(5), after: ind(3), reduction: 2 },
  changed: [
    { name: '西旺<村>', kind: '村委会', code: null, proposed_code: '130634100227', status: '新设', township: '恒州镇', predecessors: ['大西旺村民委员会', '阮西旺村民委员会'],
      predecessor_codes: ['130634100218', '130634100220'], population: 1600, households: 520, area_km2: 3 },
    { name: '东关社区居民委员会', kind: '居委会', code: null, proposed_code: null, status: '建制变更', township: '恒州镇', predecessors: ['东关村民委员会'],
      predecessor_codes: ['130634100206'], population: 900, households: 300, area_km2: 1 },
  ],
  abolished: [
    { name: '大西旺村民委员会', code: '130634100218', township: '恒州镇', into: '西旺<村>' },
    { name: '阮西旺村民委员会', code: '130634100220', township: '恒州镇', into: '西旺<村>' },
  ],
};

test('nothing changed: a hint instead of tables', () => {
  const empty = { ...villages, changed: [], abolished: [] };
  assert.match(villagePanel(empty as never).text, /data-testid="villages-none"/);
});

test('the panel: before and after, codes proposed or pending, names escaped', () => {
  const h = villagePanel(villages as never).text;
  assert.match(h, /<td>5<\/td><td>3<\/td>/);
  assert.ok(h.includes('西旺&lt;村&gt;') && !h.includes('西旺<村>'));
  assert.match(h, /130634100227（拟）/);
  assert.match(h, /随乡镇新代码编制/);
  assert.match(h, /data-testid="villages-abolished"/);
});

test('choices: base villages not merged away, renamed ones by their new name, new ones by name', () => {
  const base = [
    { code: '130634100218', name: '大西旺村民委员会' },
    { code: '130634100219', name: '大赵邱村民委员会' },
    { code: '130634100220', name: '阮西旺村民委员会' },
    { code: '130634100206', name: '东关村民委员会' },
  ];
  const renamed = { ...villages, changed: [...villages.changed, { ...villages.changed[1], name: '赵邱村', code: '130634100219', status: '更名' }] };
  const c = villageChoices(base, '恒州镇', renamed as never);
  assert.deepEqual(c.map((x) => x.ref), ['130634100219', '130634100206', '西旺<村>']);
  assert.equal(c[0]?.name, '赵邱村');
  assert.equal(c[1]?.name, '东关社区居民委员会', 'a converted village under its new name, by its base code');
  const controls = villageControls(c).text;
  assert.match(controls, /data-testid="vl-merge-new"/);
  assert.match(controls, /<option value="西旺&lt;村&gt;">西旺&lt;村&gt;<\/option>/);
});

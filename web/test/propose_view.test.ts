// 方案推荐's wishes (src/propose_view.ts): the request sends only what differs from the policy
// and the defaults, groups are added once with at least two townships, and the lists and the
// honoured line read right in Chinese and in English, names escaped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Honoured, PolicyChoices, ServicePoints } from '../src/api';
import { setLang } from '../src/i18n';
import { addGroup, groupsList, honouredLine, limitsNote, policyLimits, proposeRequest, type ProposeForm, type Wishes, wishesLine } from '../src/propose_view';

// i18n keeps the language in localStorage and on <html>: give node both.
const g = globalThis as unknown as Record<string, unknown>;
g['localStorage'] = { getItem: () => null, setItem: () => undefined };
g['document'] = { documentElement: {} };

const choices: PolicyChoices = {
  county: '130634', default: 'hebei', own_province: true,
  policies: [
    { id: 'hebei', name: '河北省', name_en: 'Hebei', province_code: '13', own_province: true, national: false, note: { zh: '', en: '' }, population_floor: 20000, area_cap_km2: null },
    { id: 'zhejiang', name: '浙江省', name_en: 'Zhejiang', province_code: '33', own_province: false, national: false, note: { zh: '', en: '' }, population_floor: 30000, area_cap_km2: 150 },
  ],
};
const names: Record<string, string> = { a: '党城镇', b: '范家庄乡', c: '晓林镇', d: '邸村镇', x: '<镇>' };
const nameOf = (r: string) => names[r] ?? r;
const form = (o: Partial<ProposeForm> = {}): ProposeForm => ({
  schemes: '4', minPop: '20000', maxArea: '', wss: '1', compactness: '0', service: '0', villages: false, prefer: 'floor', exact: '2', ...o,
});
const wishes = (o: Partial<Wishes> = {}): Wishes => ({ lock: [], seed_units: [], together: [], apart: [], policy: 'hebei', ...o });

test('limits: the policy in force, its floor and cap, named in the language', () => {
  setLang('zh');
  const l = policyLimits(choices, 'hebei');
  assert.deepEqual(l, { policy: 'hebei', name: '河北省', floor: 20000, cap: null });
  assert.equal(limitsNote(l), '按河北省预填：下限 20,000 人，上限 无');
  setLang('en');
  assert.equal(limitsNote(policyLimits(choices, 'zhejiang')), 'Pre-filled from Zhejiang: floor 30,000, cap 150 km²');
  assert.deepEqual(policyLimits(choices, 'nowhere'), { policy: 'nowhere', name: 'nowhere', floor: null, cap: null });
  setLang('zh');
});

test('request: only what differs from the policy and the defaults is sent', () => {
  const l = policyLimits(choices, 'hebei');
  const plain = proposeRequest(form(), wishes(), l);
  assert.deepEqual(plain, { villages: false, prefer: 'floor', exact_time_limit: 2, lock: [], seed_units: [], schemes: 4, policy: 'hebei' });
  const r = proposeRequest(form({ schemes: '6', minPop: '22000', maxArea: '120', service: '2', exact: '' }),
    wishes({ together: [['a', 'b']], apart: [['c', 'd']], lock: ['x'] }), l);
  assert.equal(r.schemes, 6);
  assert.equal(r.min_pop, 22000);
  assert.equal(r.max_area, 120);
  assert.equal(r.exact_time_limit, 2);
  assert.deepEqual(r.weights, { wss: 1, compactness: 0, service: 2 });
  assert.deepEqual(r.together, [['a', 'b']]);
  assert.deepEqual(r.apart, [['c', 'd']]);
  assert.deepEqual(r.lock, ['x']);
  // a blank weight is its default; blank floor or cap: the policy's
  const blank = proposeRequest(form({ minPop: '', wss: '', compactness: '0.5' }), wishes(), l);
  assert.equal(blank.min_pop, undefined);
  assert.equal(blank.max_area, undefined);
  assert.deepEqual(blank.weights, { wss: 1, compactness: 0.5, service: 0 });
});

test('groups: at least two different townships, each group once', () => {
  assert.deepEqual(addGroup([], ['a']), { groups: [], added: false });
  assert.deepEqual(addGroup([], ['a', 'a']), { groups: [], added: false });
  const one = addGroup([], ['a', 'b', 'a']);
  assert.deepEqual(one, { groups: [['a', 'b']], added: true });
  assert.equal(addGroup(one.groups, ['b', 'a']).added, false);
  assert.deepEqual(addGroup(one.groups, ['c', 'd']).groups, [['a', 'b'], ['c', 'd']]);
});

test('lists: groups by name with remove buttons, names escaped, both languages', () => {
  setLang('zh');
  const w = wishes({ together: [['a', 'x']], apart: [] , lock: ['c'], seed_units: ['d'] });
  const zh = groupsList(w, nameOf).text;
  assert.match(zh, /须同组：/);
  assert.match(zh, /党城镇、&lt;镇&gt;/);
  assert.match(zh, /data-testid="remove-together-0"/);
  assert.match(zh, /不得同组：<\/strong>\s*无/);
  const line = wishesLine(w, nameOf).text;
  assert.match(line, /保持不变（锁定）：晓林镇/);
  assert.match(line, /须同组：（党城镇、&lt;镇&gt;）/);
  setLang('en');
  const en = groupsList(wishes({ apart: [['c', 'd']] }), nameOf).text;
  assert.match(en, /Keep apart: <\/strong>/);
  assert.match(en, /晓林镇, 邸村镇/);
  assert.match(en, /title="Remove"/);
  assert.doesNotMatch(en, /须同组|不得同组|删除/);
  setLang('zh');
});

test('honoured: floor and cap used beside the policy values, groups, seats, schemes found', () => {
  const h: Honoured = {
    schemes: 6, min_pop: 22000, max_area: null, policy_min_pop: 20000, policy_max_area: null,
    weights: { wss: 1, compactness: 0.5, service: 2 }, prefer: 'floor', lock: [], seed_units: [],
    together: [[{ code: '130634112', name: '党城镇' }, { code: '130634212', name: '范家庄乡' }]],
    apart: [[{ code: '130634105', name: '晓林镇' }, { code: '130634106', name: '邸村镇' }]],
  };
  const sp: ServicePoints = { basis: 'seats', seats: 18, centroids: 0 };
  setLang('zh');
  const zh = honouredLine(h, sp, 3).text;
  assert.match(zh, /本次推荐依据：/);
  assert.match(zh, /人口下限 <span data-testid="honoured-floor">22,000 人<\/span>（政策值 20,000 人）/);
  assert.match(zh, /面积上限 <span data-testid="honoured-cap">无<\/span>\s+·/);
  assert.match(zh, /紧凑度 0.5 \/ 服务距离 2/);
  assert.match(zh, /（党城镇、范家庄乡）/);
  assert.match(zh, /（晓林镇、邸村镇）/);
  assert.match(zh, /服务距离按乡镇驻地计算/);
  assert.match(zh, /3 \/ 6.*要求 6 个/);
  setLang('en');
  const en = honouredLine({ ...h, min_pop: 20000 }, { basis: 'mixed', seats: 16, centroids: 2 }, 6).text;
  assert.match(en, /Proposed under: /);
  assert.match(en, /population floor <span data-testid="honoured-floor">20,000<\/span>\s+·/);
  assert.match(en, /\(党城镇, 范家庄乡\)/);
  assert.match(en, /2 townships without a seat point/);
  assert.doesNotMatch(en, /fewer-schemes|政策|依据/);
  setLang('zh');
});

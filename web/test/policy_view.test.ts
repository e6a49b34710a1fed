// The policy selector (src/policy_view.ts): the county's own province's policy first and
// marked, names escaped, the note in the chosen language, the national reference saying so
// where the province has no policy on file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyChoices } from '../src/api';
import { policyNote, policyOptions } from '../src/policy_view';

const option = (id: string, province: string | null, own: boolean, en = `note ${id}`) => ({
  id, name: `${id}<省>`, name_en: `${id} & co`, province_code: province, own_province: own, national: province === null,
  note: { zh: `说明${id}`, en },
});

const hebei: PolicyChoices = {
  county: '130634', default: 'hebei', own_province: true,
  policies: [option('hebei', '13', true), option('default', null, false), option('zhejiang', '33', false, '')],
};
const xinjiang: PolicyChoices = {
  county: '650102', default: 'default', own_province: false,
  policies: [option('default', null, false), option('hebei', '13', false)],
};

test('options: the selected one selected, the own province marked, names escaped', () => {
  const zh = policyOptions(hebei, 'zhejiang', true).text;
  assert.equal((zh.match(/<option/g) ?? []).length, 3);
  assert.match(zh, /<option value="zhejiang" selected>/);
  assert.doesNotMatch(zh, /value="hebei" selected/);
  assert.match(zh, /hebei&lt;省&gt;（本省）<\/option>/);
  assert.doesNotMatch(zh, /default&lt;省&gt;（本省）/);
  const en = policyOptions(hebei, 'hebei', false).text;
  assert.match(en, /hebei &amp; co \(own province\)<\/option>/);
  assert.match(en, /<option value="hebei" selected>/);
  assert.doesNotMatch(en, /省|本省/);
  assert.doesNotMatch(policyOptions(xinjiang, 'default', true).text, /本省/);
});

test('notes: in the chosen language, English falling back to Chinese, the missing province said first', () => {
  assert.equal(policyNote(hebei, 'hebei', true), '说明hebei');
  assert.equal(policyNote(hebei, 'hebei', false), 'note hebei');
  assert.equal(policyNote(hebei, 'zhejiang', false), '说明zhejiang');
  // The national reference chosen where the province has its own: no apology needed.
  assert.equal(policyNote(hebei, 'default', true), '说明default');
  // Where it has none: said first, in each language.
  assert.match(policyNote(xinjiang, 'default', true), /^本省政策未收录.*说明default$/);
  assert.match(policyNote(xinjiang, 'default', false), /^No policy of this province is on file.* note default$/);
  assert.equal(policyNote(xinjiang, 'hebei', true), '说明hebei');
  assert.equal(policyNote(hebei, 'nowhere', true), '');
});

// The procedure board (src/plans_view.ts): what the server sends is escaped wherever it
// appears (plan, step, material and opinion names), blocked steps list what they lack, and
// the permissions decide which action forms appear.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlanBoard, PlanStep, PlanSummary } from '../src/api';
import { assemblyCard, planBoard, planList } from '../src/plans_view';

const step = (over: Partial<PlanStep>): PlanStep => ({
  id: 'draft', zh: '拟制方案', en: 'draft the scheme', actor: '县级人民政府', actor_en: 'county government',
  basis: '《条例》第四条', basis_en: 'art. 4', role: 'county', state: 'ready', ready: true, done: null,
  missing_steps: [], missing_materials: [], missing_steps_en: [], missing_materials_en: [], missing_opinions: [],
  opinions_from: [], is_approval: false, is_apply: false, can_complete: false, ...over,
} as PlanStep);

const board = (over: Partial<PlanBoard> = {}): PlanBoard => ({
  plan: { id: 7, name: '<script>x</script>方案', county: '130634', template: 'national', template_name: '通用程序', template_name_en: 'general procedure',
    version: 3, stage: 'county', approval: null, applied: null },
  today: '2026-12-04',
  steps: [
    step({ state: 'done', done: { step: 'draft', at: '2026-03-01', by: '民政局<b>', note: null, document: { name: 'a"b.pdf', sha256: 'ab12', size: 1 } } as never }),
    step({ id: 'legality_review', state: 'blocked', ready: false, missing_steps: ['征求<意见>'], missing_materials: ['部门意见'], missing_opinions: ['finance'] }),
  ],
  clocks: null,
  consultation: { meetings: 1, participants: 20, questionnaires_issued: 10, questionnaires_returned: 9, suggestions: 2, adopted: 1, pending: 1 },
  consultation_register: [], consultation_summary: '', materials: [{ name: '<img src=x>.pdf', sha256: 'ff00', kind: 'map_before', added_by: 'u', added_at: '2026-03-05', size: 1 }],
  opinions: [{ department: 'finance', text: '同意<br>', agrees: true, by: '财政局', at: '2026-03-05' }],
  returns: [], extensions: [], activity: [{ at: '2026-03-05', by: 'u', zh: '附件<x>', en: 'attached <x>' }],
  scheme: null, documents: [], village_assent: [], approve_with: [],
  permissions: { edit: false, return_plan: false, revise: false, approve: false, opinion: null, apply: false, record_assembly: false },
  ...over,
} as unknown as PlanBoard);

test('the board escapes every value the server sends', () => {
  const h = planBoard(board()).text;
  assert.doesNotMatch(h, /<script>|<img src=x>|<br>|<b>|<x>/);
  assert.match(h, /&lt;script&gt;x&lt;\/script&gt;方案/);
  assert.match(h, /&lt;img src=x&gt;\.pdf/);
  assert.match(h, /download>a&quot;b\.pdf<\/a>/);
  assert.match(h, /征求&lt;意见&gt;<\/li>/);
  assert.match(h, /data-testid="no-actions"/);
  assert.doesNotMatch(h, /data-action=/);
});

test('permissions decide the forms', () => {
  const h = planBoard(board({ permissions: { edit: true, return_plan: true, revise: false, approve: true, opinion: 'finance', apply: false } as never })).text;
  for (const a of ['materials', 'meeting', 'questionnaire', 'suggestion', 'return', 'approve', 'opinion']) assert.match(h, new RegExp(`data-action="${a}"`), a);
  assert.doesNotMatch(h, /data-action="apply"|data-action="revise"/);
  assert.match(h, /<option value="乡镇">/);
});

test('the plan list escapes names and marks the current plan', () => {
  const plans = [{ id: 1, name: '<i>甲</i>', county: '130634', steps_done: 1, steps_total: 15, stage: 'county', implementation: null },
    { id: 2, name: '乙', county: '130634', steps_done: 15, steps_total: 15, stage: 'applied', implementation: 'done' }] as unknown as PlanSummary[];
  const h = planList(plans, 2).text;
  assert.match(h, /&lt;i&gt;甲&lt;\/i&gt;/);
  assert.match(h, /<li class="sel">\s*<a href="#\/plans\/2"/);
  assert.match(h, /clock-green/);
  assert.match(planList([], null).text, /no-plans/);
});

test("the villages' assemblies: each village with its result, names escaped, the form only for the county", () => {
  const rec = { village: '130634106201', village_name: '西邸村<i>', kind: 'representatives_meeting', date: '2026-03-20', entitled: 30, present: 25,
    votes_for: 12, votes_against: 13, abstentions: 0, minutes: null, recorded_by: 'quyang' };
  const assent = [
    { village: '130634106200', record: { ...rec, village: '130634106200', village_name: '东邸村', votes_for: 20, votes_against: 5 }, agreed: true, why_not: null },
    { village: '130634106201', record: rec, agreed: false, why_not: { zh: '村民代表会议未通过（赞成 12，到会 25，须过半数）', en: 'did not agree' } },
    { village: '130634100218', record: null, agreed: false, why_not: { zh: '尚无村民会议记录', en: 'no record' } },
  ];
  const read = assemblyCard(board({ village_assent: assent as never })) as { text: string };
  assert.match(read.text, /1\/3/);
  assert.ok(read.text.includes('西邸村&lt;i&gt;') && !read.text.includes('西邸村<i>'));
  assert.match(read.text, /data-testid="assent-130634106201" data-agreed="no"/);
  assert.match(read.text, /未通过/);
  assert.ok(!read.text.includes('assembly-form'), 'no form without the permission');
  const perms = { ...board().permissions, record_assembly: true };
  const withForm = assemblyCard(board({ village_assent: assent as never, permissions: perms })) as { text: string };
  assert.match(withForm.text, /data-testid="assembly-form"/);
  assert.match(withForm.text, /<option value="130634100218">130634100218<\/option>/);
  assert.equal(assemblyCard(board()), '', 'nothing for a township plan');
});

test('the approval form offers the other plans awaiting the same decision, names escaped', () => {
  const perms = { ...board().permissions, approve: true };
  const h = planBoard(board({ permissions: perms, approve_with: [{ id: 9, name: '邸村<b>' }] as never })).text;
  assert.match(h, /data-testid="approve-with"/);
  assert.match(h, /<input type="checkbox" name="also" value="9" data-testid="also-9"> 邸村&lt;b&gt; #9/);
  assert.ok(!planBoard(board({ permissions: perms })).text.includes('approve-with'));
});

test('a village adjustment has no township handover to open', () => {
  const approved = { ...board().plan, stage: 'approved' };
  assert.match(planBoard(board({ plan: approved as never })).text, /data-testid="handover-link"/);
  assert.ok(!planBoard(board({ plan: { ...approved, template: 'village' } as never })).text.includes('handover-link'));
});

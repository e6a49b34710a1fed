// 实施交接 (src/handover.ts, src/handover_section.ts): names, notes, file names and ids from
// the server are escaped wherever they appear (text and attributes); the structure the pages
// and the e2e tests select on (data-testid, data-action, data-state) is there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HandoverView, ImportOutcome, SectionDetail, UserInfo } from '../src/api';
import { handoverOverview, importResult, notGenerated, syntheticBanner, unitLabel, yuan } from '../src/handover';
import { closeDialog, sectionPage } from '../src/handover_section';

/** A value from the server with markup in it, and how it must appear in the HTML. */
const X = (n: string) => `${n}<i>"&`;
const XE = (n: string) => `${n}&lt;i&gt;&quot;&amp;`;
/** No value's `<i>` or `"&` got through unescaped. */
const clean = (h: string) => assert.doesNotMatch(h, /<i>|"&(?!lt;|gt;|quot;|amp;|#39;)/);

const T = (zh: string) => ({ zh, en: zh });
const unit = (code: string, name: string, provisional = false) => ({ code, name, provisional });
const county = { role: 'county_editor', department: null } as unknown as UserInfo;
const finance = { role: 'department', department: 'finance' } as unknown as UserInfo;

const section = (over: Record<string, unknown> = {}) => ({
  id: 's1', kind: 'records', title: T(X('档案移交')), department: 'archives', department_name: T(X('档案馆')), also: [], due: '2026-09-30',
  from: unit('130634100', X('甲镇')), to: unit('130634101', '乙镇', true), may_act: true, overdue: false, closed: null,
  citations: [X('条例第十条')], open_work: [T(X('未完成事项'))],
  checklist: [
    { item: 'i1', unit: '130634100', zh: X('档案清单'), en: 'list', done: { by: X('完成人'), date: '2026-05-05', note: X('档案移交清单 第1号') } },
    { item: 'i2', unit: '130634100', zh: '清单2', en: 'list2', done: null },
  ],
  ...over,
});

const ledger = { items: 10, book_value: 123456789, conserved: true, transferred: { items: 5, value: 100 }, disposed: { items: 1, value: 0 },
  written_off: { items: 0, value: 0 }, unassigned: { items: 4, value: 7 } };

const view = (over: Record<string, unknown> = {}): HandoverView => ({
  plan: 7, name: X('方案'), county: '130634', approved_on: '2026-01-01', version: 3, updated_by: X('更新人'), synthetic: true, may_generate: true,
  sees_personal: true, template: T('通用程序'),
  documents: [{ id: 'summary.xlsx', name: X('汇总') + '.xlsx', zh: X('交接汇总表'), en: 'summary' }],
  pairs: [{ from: unit('130634100', X('甲镇')), to: unit('130634101', '乙镇', true), kind: 'abolish_merge', kind_zh: X('撤并') }],
  sections: [section(), section({ id: 's2', department: 'finance', closed: { by: X('销号人'), date: '2026-06-06' } }), section({ id: 's3', overdue: true, department: 'staffing' })],
  quotas: {
    policy: X('编制政策'), synthetic: true, total_before: 100, total_after: 90, returned_to_pool: 10, average_after: 45, max_after: 50, min_after: 40,
    average_before: 0, budget: 0, units_after: 2, units_before: 3,
    lines: [{ code: '130634101', name: X('乙镇'), predecessors: [X('甲镇')], before: 60, basic: 30, increase: 5, priority: 2, after: 50, bounded: true,
      merged: true, priority_reasons: [X('驻地')] }],
  },
  routes: { debt: [{ id: 'repay', zh: X('清偿'), en: 'repay' }], placement: [{ id: 'transfer', zh: X('转任'), en: 'transfer' }], township: [], village: [] },
  status: {
    sections_closed: 1, sections_total: 3, assets: ledger, debts: { ...ledger, conserved: false },
    cadres: { placed: 3, roster: 5, talk_coverage: 0.6, talked: 3, overstaffed: 0, overstaff_outstanding: 0, by_route: {}, overstaff_overdue: [], talks: 3, unplaced: 2 },
    quotas: { computed: true, within_total: true, before: 100, after: 90, returned_to_pool: 10, average: 45, max: 50, min: 40, units: 2 },
    services: { holds: true, points_before: 8, points_after: 8, pending: 1, kept: 2, renamed: 1, upgraded: 1, merged: 1, closed: 0, added: 0, errors: 0, warnings: 0 },
  },
  ...over,
} as unknown as HandoverView);

const detail = (kind: string, over: Record<string, unknown> = {}): SectionDetail => ({
  section: section({ kind }), version: 1, posts: 12, routes: [{ id: 'sell', zh: X('拍卖'), en: 'sell' }],
  assets: { offset: 0, total: 150, rows: [
    { id: X('A1'), name: X('办公楼'), category: X('房屋'), owner: X('甲镇政府'), original_value: 10000, net_value: 5000, disposition: { as: 'unassigned' } },
    { id: 'A2', name: 'n', category: 'c', owner: 'o', original_value: 1, net_value: 1, disposition: { as: 'disposed', route: 'sell', note: X('处置说明') } },
    { id: 'A3', name: 'n', category: 'c', owner: 'o', original_value: 1, net_value: 1, disposition: { as: 'written_off', approval: X('核销批文') } }] },
  debts: { offset: 0, total: 1, rows: [{ id: 'D1', kind: X('借款'), counterparty: X('信用社'), owner: 'o', amount: -12345, disposition: { as: 'transferred', to: X('乙镇') } }] },
  cadres: [{ cadre: { id: X('C1'), unit: X('甲镇'), post: X('党委书记'), leader: true, name: X('张三') }, talks: 2,
    placement: { route: 'transfer', destination: X('县民政局'), post: X('副局长'), leader: true, date: '2026-02-02' } }],
  services: [
    { point: { id: X('P1'), kind: 'health_centre', name: X('卫生院'), at_seat: true, township: '130634100', village: null, location: null }, outcome: { outcome: 'renamed', name: X('新卫生院') } },
    { point: { id: 'P2', kind: 'post', name: 'n', at_seat: false, township: '130634100', village: null, location: null }, outcome: { outcome: 'closed', reason: X('撤销理由'), approval: null } }],
  access: [{ village: '130634100201', kind: 'post', name: X('西河流村'), kind_name: T('邮政网点'), before_km: 1.2, after_km: 3.4 }],
  rules: [{ unit: '130634100', title: X('村规民约'), action: 'revised', reason: X('修订理由'), date: '2026-01-01' }],
  ...over,
} as unknown as SectionDetail);

const st = { assetOffset: 0, debtOffset: 0, onlyUndecided: false };

test('the overview escapes the plan, units, sections, closings and documents', () => {
  const h = handoverOverview(view(), county, false).text;
  clean(h);
  for (const v of ['方案', '更新人', '甲镇', '撤并', '档案移交', '档案馆', '销号人', '交接汇总表']) assert.ok(h.includes(XE(v)), v);
  assert.ok(h.includes(`download="${XE('汇总')}.xlsx"`), 'the file name in its attribute');
  for (const id of ['progress', 'progress-closed', 'progress-total', 'card-assets', 'card-debts', 'card-cadres', 'card-quotas', 'card-services',
    'sections', 'pair-130634100', 'filter-mine', 'import-panel', 'import-form', 'hv-documents', 'hv-doc-summary.xlsx', 'regenerate', 'synthetic']) {
    assert.match(h, new RegExp(`data-testid="${id.replace('.', '\\.')}"`), id);
  }
  assert.match(h, /data-testid="section-row-s1" data-state="open"/);
  assert.match(h, /data-testid="section-row-s2" data-state="closed"/);
  assert.match(h, /data-testid="section-row-s3" data-state="overdue"/);
  assert.match(h, /data-testid="section-checklist-s1">1\/2</);
  assert.match(h, /data-testid="assets-conserved"[^>]*>[^<]+</);
  assert.match(h, /<td data-testid="assets-value">1,234,567\.89<\/td>/);
  assert.match(h, /<span data-testid="progress-closed">1<\/span>/);
});

test('the department filter shows only its own sections, or says there are none', () => {
  const mine = handoverOverview(view(), finance, true).text;
  assert.match(mine, /section-row-s2/);
  assert.doesNotMatch(mine, /section-row-s1|section-row-s3/);
  assert.match(mine, /id="only-mine" data-testid="filter-mine" checked>/);
  assert.doesNotMatch(mine, /data-testid="no-sections"/);
  const none = handoverOverview(view(), { role: 'department', department: 'justice' } as unknown as UserInfo, true).text;
  assert.match(none, /data-testid="no-sections"/);
  assert.doesNotMatch(none, /section-row-|data-testid="pair-/);
  assert.doesNotMatch(none, /import-panel/, 'justice imports nothing');
});

test('an import outcome escapes the file, warnings, columns and cells', () => {
  const o = { file: X('资产') + '.xlsx', rows: 4, sha256: 'abcdef0123456789', stored: false, kind: 'assets', sections: [], version: null,
    report: { items: 4, added: 1, removed: 2, changed: 0, unchanged: 1 }, warnings: [X('第3行')], columns: [X('编号')], preview: [[X('A1'), 'x']] } as unknown as ImportOutcome;
  const h = importResult(o).text;
  clean(h);
  assert.ok(h.includes(XE('资产')));
  assert.ok(h.includes(`<li>${XE('第3行')}</li>`));
  assert.ok(h.includes(`<th>${XE('编号')}</th>`));
  assert.ok(h.includes(`<td>${XE('A1')}</td><td>x</td>`));
  assert.match(h, /<code title="SHA-256">abcdef012345…<\/code>/);
  assert.match(h, /data-testid="import-rows">4</);
  assert.match(h, /<strong class="error">2<\/strong>/);
  assert.match(h, /data-testid="import-preview-table"/);
  const stored = importResult({ ...o, stored: true, report: null, warnings: [] } as unknown as ImportOutcome).text;
  assert.doesNotMatch(stored, /import-report|import-warnings/);
});

test('the page without a handover, the labels and the banner', () => {
  assert.match(notGenerated(7, true).text, /data-testid="not-generated"[\s\S]*data-testid="generate"/);
  assert.doesNotMatch(notGenerated(7, false).text, /data-testid="generate"/);
  assert.equal(unitLabel(unit('1"3', X('甲镇'), true)).text, `${XE('甲镇')}<span class="muted">（1&quot;3 · 拟用代码）</span>`);
  assert.match(syntheticBanner(true).toString(), /data-testid="synthetic"/);
  assert.equal(syntheticBanner(false).toString(), '');
  assert.equal(yuan(-12345), '−123.45');
});

test('a section page escapes its header, citations, checklist and open work', () => {
  const h = sectionPage(view(), detail('records'), st, county).text;
  clean(h);
  for (const v of ['档案移交', '甲镇', '档案馆', '条例第十条', '档案清单', '完成人', '档案移交清单 第1号', '未完成事项', '村规民约', '修订理由']) assert.ok(h.includes(XE(v)), v);
  for (const id of ['section-title', 'section-state', 'section-header', 'back-overview', 'act-msg', 'checklist', 'check-i1-130634100',
    'check-by-i1-130634100', 'check-note-i2-130634100', 'check-done-i2-130634100', 'open-work', 'close-section', 'rules', 'rule-form']) {
    assert.match(h, new RegExp(`data-testid="${id}"`), id);
  }
  assert.match(h, /data-testid="check-i1-130634100" data-done="true"/);
  assert.match(h, /data-testid="check-i2-130634100" data-done="false"/);
  assert.match(h, /data-testid="close-section" disabled>/, 'open work keeps it from being closed');
  assert.match(h, /<option value="130634100">/);

  const closed = sectionPage(view(), detail('records', { section: section({ may_act: false, closed: { by: X('销号人'), date: '2026-06-06' }, open_work: [] }) }), st, finance).text;
  assert.ok(closed.includes(`data-testid="closed-by">`) && closed.includes(XE('销号人')));
  assert.match(closed, /data-testid="read-only"/);
  assert.match(closed, /data-state="closed"/);
  assert.doesNotMatch(closed, /data-action=|close-section/);
});

test('the ledger part escapes items and dispositions and pages them', () => {
  const h = sectionPage(view(), detail('state_assets'), st, county).text;
  clean(h);
  for (const v of ['A1', '办公楼', '房屋', '甲镇政府', '拍卖', '处置说明', '核销批文', '借款', '信用社', '乙镇']) assert.ok(h.includes(XE(v)), v);
  assert.ok(h.includes(`data-testid="asset-${XE('A1')}"`) && h.includes(`data-testid="assign-${XE('A1')}"`));
  assert.match(h, /data-testid="assets-range">1–100 \/ 150/);
  assert.match(h, /data-page="assets" data-offset="0" disabled>/);
  assert.match(h, /data-page="assets" data-offset="100" >/);
  assert.match(h, /data-testid="transfer-rest"/);
  assert.match(h, /data-testid="disp-D1">[^<]* → 乙镇&lt;i&gt;/);
  assert.equal((h.match(/<th><\/th>/g) ?? []).length, 2, 'a column for the forms in both tables');
  const ro = sectionPage(view(), detail('state_assets', { section: section({ kind: 'state_assets', may_act: false }) }), st, finance).text;
  assert.doesNotMatch(ro, /<th><\/th>|data-action="assign"/);
});

test('the roster escapes cadres and placements, and hides names from those who may not see them', () => {
  const h = sectionPage(view(), detail('cadres'), st, county).text;
  clean(h);
  for (const v of ['C1', '甲镇', '党委书记', '张三', '转任', '县民政局', '副局长']) assert.ok(h.includes(XE(v)), v);
  assert.ok(h.includes(`data-testid="place-${XE('C1')}"`) && h.includes(`data-testid="talk-${XE('C1')}"`));
  assert.match(h, /data-testid="roster"/);
  assert.match(h, /data-testid="posts">12</);
  assert.match(h, /data-testid="absorb"/);
  const hidden = sectionPage(view({ sees_personal: false }), detail('cadres'), st, county).text;
  assert.doesNotMatch(hidden, /张三/);
  assert.match(hidden, new RegExp(`data-testid="cadre-name-${XE('C1')}"><span class="muted">`));
});

test('service points and access escape names, outcomes and villages', () => {
  const h = sectionPage(view(), detail('services'), st, county).text;
  clean(h);
  for (const v of ['P1', '卫生院', '新卫生院', '撤销理由', '西河流村']) assert.ok(h.includes(XE(v)), v);
  assert.ok(h.includes(`data-testid="outcome-${XE('P1')}"`) && h.includes(`data-testid="point-outcome-${XE('P1')}"`));
  for (const id of ['points', 'add-point', 'access', 'access-130634100201-post']) assert.match(h, new RegExp(`data-testid="${id}"`), id);
  assert.match(h, /<tr class="worse" data-testid="access-130634100201-post">/);
  assert.match(h, /<td class="num">3\.4 km<\/td>/);
});

test('the quota table escapes units, predecessors and reasons', () => {
  const h = sectionPage(view(), detail('quotas'), st, county).text;
  clean(h);
  for (const v of ['编制政策', '乙镇', '甲镇', '驻地']) assert.ok(h.includes(XE(v)), v);
  assert.match(h, /data-testid="quota-table"/);
  assert.match(h, /data-testid="quota-130634101"/);
  assert.match(h, /data-testid="compute-quotas"/);
  assert.match(sectionPage(view({ quotas: null }), detail('quotas'), st, county).text, /<p class="muted" data-testid="quota-table">/);
});

test('the confirmation before 销号', () => {
  const h = closeDialog().text;
  for (const id of ['confirm-dialog', 'confirm-close', 'cancel-close']) assert.match(h, new RegExp(`data-testid="${id}"`), id);
});

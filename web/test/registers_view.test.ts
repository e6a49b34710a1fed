// 风险清单 and 群众诉求 (src/registers_view.ts): what the server sends — citizens' feedback text,
// names, notes, ids — is escaped wherever it appears (text and attributes), and the structure
// the pages and the e2e tests select on (data-testid, data-action) is there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedbackImport, FeedbackRow, FeedbackView, RiskRow, RisksView } from '../src/api';
import {
  bars, feedbackItem, feedbackList, feedbackStats, importForm, importResult, LEVELS, levelBadge, newFeedbackForm, newRiskForm, options,
  riskDetail, riskSummary, riskTable, syntheticTag, weekColumns,
} from '../src/registers_view';

/** A value from the server with markup in it, and how it must appear in the HTML. */
const X = (n: string) => `${n}<i>"&`;
const XE = (n: string) => `${n}&lt;i&gt;&quot;&amp;`;
/** No value's `<i>` or `"&` got through unescaped. */
const clean = (h: string) => assert.doesNotMatch(h, /<i>|"&(?!lt;|gt;|quot;|amp;|#39;)/);

const label = (id: string, zh: string) => ({ id, zh, en: zh });

const risk = (over: Partial<RiskRow> = {}): RiskRow => ({
  id: X('R1'), title: X('债务主体不明'), description: X('说明'), category: label('assets_debts', X('资产')), level: label('major', X('重大')),
  status: label('open', X('未化解')), owner: X('财政局'), owner_code: X('130634-finance'), deadline: '2026-12-31', overdue: true,
  identified: '2026-01-01', supervisor: X('督办'), units: [X('甲')], divisions: [], tasks: [], synthetic: false, can_report: true, can_verify: true,
  measures: [{ text: X('措施'), owner: X('责任'), due: '2026-06-30' }],
  history: [{ at: '2026-02-02', org: X('单位'), account: X('账号'), zh: X('已完成清产核资'), en: 'x' }],
  ...over,
} as unknown as RiskRow);

const risks = (over: Partial<RisksView> = {}): RisksView => ({
  date: '2026-12-04', scope: '130634', synthetic: false,
  risks: [risk(), risk({ id: 'R2', title: '乙', status: label('closed', '已销号'), overdue: false, can_report: false, can_verify: false })],
  table: [{ unit: X('曲阳县财政局'), level: label('major', '重大'), total: 3, open: 1, reported: 0, closed: 2, overdue: 1 }],
  ...over,
} as unknown as RisksView);

const row = (over: Partial<FeedbackRow> = {}): FeedbackRow => ({
  id: X('F1'), received: '2026-03-01 10:00', channel: label('hotline12345', '12345'), topic: label('services', '服务'),
  content: '社保卡<script>alert(1)</script>在哪"办"&', assigned: X('民政局'), assigned_code: X('130634-civil'), deadline: '2026-03-08',
  division: X('130634101'), unit: X('单位'), reference: X('REF'), synthetic: false, reply: X('答复'), replied_at: '2026-03-02',
  satisfaction: label('satisfied', '满意'), overdue: false, can_reply: true,
  versions: [{ version: 1, at: '2026-03-01', account: X('acc'), org: X('org'), action: X('create'), reason: X('更正理由') }],
  ...over,
} as unknown as FeedbackRow);

const view = (over: Partial<FeedbackView> = {}): FeedbackView => ({
  at: '2026-12-04', scope: '130634', synthetic: false, can_manage: true,
  items: [row(), row({ id: 'F2', reply: null, replied_at: null, satisfaction: null, overdue: true, can_reply: false })],
  stats: {
    total: 12, replied: 5, mean_response_hours: 3.14, median_response_hours: null, max_response_hours: 9, overdue_open: ['F2'], replied_late: [],
    by_topic: [{ key: 'services', name: 'x', count: 3 }], by_unit: [{ key: X('130634-u'), name: X('单位'), count: 4 }],
    by_week: [{ key: '2026-W10', name: X('2026-W10'), count: 2 }], satisfaction: [],
  },
  ...over,
} as unknown as FeedbackView);

test('the risk list escapes ids, titles, owners and the summary its units', () => {
  const h = riskTable(risks(), X('R1')).text;
  clean(h);
  assert.match(h, /data-testid="risk-list"/);
  assert.ok(h.includes(`data-testid="risk-row-${XE('R1')}"`), 'the id is escaped in attributes');
  assert.ok(h.includes(`<td class="tk-title">${XE('债务主体不明')}</td>`));
  assert.ok(h.includes(`<td>${XE('财政局')}</td>`));
  assert.match(h, /class="tk-row rk-row sel mine"/, 'the selected row, the user\'s own');
  assert.match(h, /data-testid="overdue"/);
  assert.match(h, /data-testid="risk-status-R2">已销号</);
  assert.match(riskTable(risks({ risks: [] }), '').text, /data-testid="risks-empty"/);

  const s = riskSummary(risks()).text;
  clean(s);
  assert.ok(s.includes(`data-unit="${XE('曲阳县财政局')}"`) && s.includes(`<td>${XE('曲阳县财政局')}</td>`));
  assert.match(s, /data-testid="risk-table"/);
  assert.match(s, /<td class="num" data-col="closed">2<\/td>/);
  assert.equal(riskSummary(risks({ table: [] })).text, '');
});

test('the risk detail escapes every field and offers the forms the permissions allow', () => {
  const h = riskDetail(risk(), true).text;
  clean(h);
  for (const v of ['债务主体不明', '说明', '资产', '财政局', '督办', '甲', '措施', '责任', '单位', '账号', '已完成清产核资', '未化解', '重大']) {
    assert.ok(h.includes(XE(v)), v);
  }
  assert.ok(h.includes(`value="${XE('130634-finance')}"`), 'the owner code in the measure form');
  assert.match(h, /data-testid="risk-detail"/);
  assert.match(h, /data-testid="risk-history"/);
  assert.match(h, /data-testid="risk-measures"/);
  for (const a of ['update', 'resolved', 'close', 'return', 'measure', 'relevel']) assert.match(h, new RegExp(`data-testid="form-${a}"`), a);
  assert.match(h, /<option value="major" selected>/);

  const ro = riskDetail(risk({ status: label('reported', '待核验'), can_report: false, can_verify: false }), false).text;
  assert.match(ro, /data-testid="risk-readonly"/);
  assert.match(ro, /data-testid="risk-awaiting"/);
  assert.doesNotMatch(ro, /data-action=/);
  assert.doesNotMatch(riskDetail(undefined, true).text, /risk-detail/);
});

test('badges, options and the new-risk form', () => {
  const b = levelBadge({ level: label('x"y', X('重大')) }).text;
  assert.equal(b, `<span class="rk-level rk-x&quot;y" data-level="x&quot;y">${XE('重大')}</span>`);
  const o = options(LEVELS, 'general', '<请选择>').text;
  assert.match(o, /^<option value="">&lt;请选择&gt;<\/option>/);
  assert.match(o, /<option value="general" selected>/);
  assert.equal((o.match(/<option /g) ?? []).length, 4);
  assert.match(syntheticTag(true, 'rkSyntheticNote').toString(), /data-testid="synthetic"/);
  assert.equal(syntheticTag(false, 'rkSyntheticNote').toString(), '');
  const f = newRiskForm().text;
  assert.match(f, /data-testid="form-new-risk"/);
  assert.match(f, /data-testid="new-risk-submit"/);
});

test("a citizen's feedback is escaped wherever it appears", () => {
  const h = feedbackItem(row(), true, true).text;
  clean(h);
  assert.doesNotMatch(h, /<script>/);
  assert.equal(h.split('社保卡&lt;script&gt;alert(1)&lt;/script&gt;在哪&quot;办&quot;&amp;').length - 1, 2, 'in the summary and in the detail');
  for (const v of ['民政局', '130634101', '单位', 'REF', '答复', 'acc', 'org', 'create', '更正理由']) assert.ok(h.includes(XE(v)), v);
  assert.ok(h.includes(`data-testid="fb-item-${XE('F1')}"`) && h.includes(`data-id="${XE('F1')}"`));
  assert.ok(h.includes(`value="${XE('130634-civil')}"`), 'the assigned code in the assign form');
  assert.ok(h.includes(`placeholder="${XE('130634101')}"`), 'the division in the correction form');
  assert.match(h, /data-status="replied" open>/);
  assert.ok(h.includes(`data-testid="fb-versions-${XE('F1')}"`));
  for (const a of ['reply', 'assign', 'follow_up', 'correct']) assert.match(h, new RegExp(`data-testid="form-${a}"`), a);

  const plain = feedbackItem(row({ id: 'F2', reply: null, overdue: true, can_reply: false }), false, false).text;
  assert.match(plain, /data-status="overdue" >/);
  assert.match(plain, /data-testid="fb-status-F2"/);
  assert.doesNotMatch(plain, /data-action=/);
});

test('the feedback list, its units and the statistics', () => {
  const h = feedbackList(view(), new Set(['F2'])).text;
  clean(h);
  assert.match(h, /data-testid="fb-list"/);
  assert.ok(h.includes(`<option value="${XE('130634-u')}">${XE('单位')}</option>`), 'the datalist of units');
  assert.equal((h.match(/class="fb-item /g) ?? []).length, 2);
  assert.match(h, /data-testid="fb-item-F2" data-id="F2" data-status="overdue" open>/);
  assert.match(feedbackList(view({ items: [] }), new Set()).text, /data-testid="fb-empty"/);

  const s = feedbackStats(view().stats).text;
  clean(s);
  for (const id of ['fb-total', 'fb-replied', 'fb-mean', 'fb-median', 'fb-overdue', 'fb-late', 'fb-by-topic', 'fb-by-week', 'fb-by-unit']) {
    assert.match(s, new RegExp(`data-testid="${id}"`), id);
  }
  assert.match(s, /<b data-testid="fb-total">12<\/b>/);
  assert.match(s, /fb-fig warn/);
  assert.ok(s.includes(`title="${XE('单位')}">${XE('单位')}</span>`), 'bar labels');
  assert.ok(s.includes(`class="wk">${XE('W10')}</text>`), 'week labels without the year');
  assert.doesNotMatch(s, /fb-satisfaction/);

  assert.match(bars([], 'x').text, /–/);
  assert.match(weekColumns([]).text, /–/);
  const w = weekColumns(Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, name: `2026-W${i}`, count: i }))).text;
  assert.equal((w.match(/class="wk"/g) ?? []).length, 10, 'every other week labelled when crowded');
});

test('the new-feedback form, the import form and the import result', () => {
  const f = newFeedbackForm('13"0634').text;
  assert.match(f, /data-testid="form-new-feedback"/);
  assert.match(f, /placeholder="13&quot;0634101"/);
  assert.match(f, /pattern="\\d\{4\}-\\d\{2\}-\\d\{2\} \\d\{2\}:\\d\{2\}"/);
  const i = importForm().text;
  for (const id of ['form-import', 'import-file', 'import-check', 'import-commit', 'import-result']) assert.match(i, new RegExp(`data-testid="${id}"`), id);

  const r = importResult({ file: X('hotline.csv'), rows: 3, new_items: 2, already: 1, topics_inferred: 1, committed: false, warnings: [X('第2行')] } as unknown as FeedbackImport).text;
  clean(r);
  assert.match(r, /data-testid="import-summary" data-new="2" data-committed="false"/);
  assert.ok(r.includes(XE('hotline.csv')));
  assert.ok(r.includes(`<li>${XE('第2行')}</li>`));
  const c = importResult({ file: 'f.csv', rows: 3, new_items: 0, already: 3, topics_inferred: 0, committed: true, warnings: [] } as unknown as FeedbackImport).text;
  assert.match(c, /data-new="0" data-committed="true"/);
  assert.doesNotMatch(c, /import-warnings/);
});

// 看板工具 rendering (src/tasks_tools_view.ts): the tool row and its panels — changes, the
// escalation run, the plan import, the summary — escape what the server sends (task titles,
// lead units, changed values, import problems, file names) and keep the test ids the browser
// tests select on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChangeView, Escalated, ImportProblem, OverviewView, SummaryView, TaskImport } from '../src/api';
import {
  changesBody, changesTable, escalateBody, escalateConfirm, escalateResult, fieldValue, importBody, importProblems,
  importSummary, overviewView, sortRows, summaryBody, toolBar, toolSection, type Sort, type SummaryTable,
} from '../src/tasks_tools_view';

/** Markup a value from the server could smuggle in. */
const EVIL = /<script|<img|<em>|<u>|<x>|&(?!amp;|lt;|gt;|quot;|#39;)/;

test('the tool row presses the open tool; a section is hidden unless open', () => {
  const bar = toolBar('changes').text;
  assert.match(bar, /data-testid="tk-tools"/);
  assert.match(bar, /class="tk-tool on" data-tool="changes" aria-expanded="true" aria-controls="tk-tool-changes" data-testid="tool-changes"/);
  assert.match(bar, /data-tool="summary" aria-expanded="false"/);
  assert.doesNotMatch(toolBar('').text, /aria-expanded="true"|tk-tool on/);
  const open = toolSection('changes', true, changesBody('2026-02-22', '2026-03-01')).text;
  assert.match(open, /<section class="card tk-panel" id="tk-tool-changes" data-testid="panel-changes" >/);
  assert.match(open, /data-close="changes"/);
  assert.match(open, /data-testid="changes-since"/);
  assert.match(open, /value="2026-02-22" max="2026-03-01"/);
  assert.match(open, /<div id="changes-out" data-testid="changes-out" role="status"><\/div><\/section>$/, 'the body is markup, not text');
  assert.match(toolSection('summary', false, summaryBody()).text, /data-testid="panel-summary" hidden>/);
});

test('the changes table escapes titles and values and groups rows by task', () => {
  const cs = [
    { id: '1.2', title: '任务<script>', field: 'light', before: 'red', after: '' },
    { id: '1.2', title: '任务<script>', field: 'status', before: '推进中', after: '已<x>销号' },
    { id: '2"a', title: '乙<u>', field: 'target.k1', before: '3 km<em> @ 2026-05-01', after: '' },
    { id: '2"a', title: '乙<u>', field: 'lead', before: '民政局&<em>', after: '财政局' },
  ] as unknown as ChangeView[];
  const h = changesTable(cs, new Map([['1.2', '标题<img src=x>']]), '2026-01-01', '2026-03-01', '2026-03-01').text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="changes-count" data-n="4" data-tasks="2"/);
  assert.match(h, /data-testid="changes-table"/);
  assert.equal((h.match(/<tbody /g) ?? []).length, 2, 'one tbody per task');
  assert.equal((h.match(/data-testid="change-row"/g) ?? []).length, 4);
  assert.match(h, /<tbody data-testid="change-task-2&quot;a">/);
  assert.match(h, /<td class="tk-title" rowspan="2">标题&lt;img src=x&gt;<\/td>/, 'the title in the UI language where known');
  assert.match(h, /<td class="tk-title" rowspan="2">乙&lt;u&gt;<\/td>/);
  assert.match(h, /data-testid="change-link-1\.2">1\.2<\/a>/);
  assert.match(h, /<td data-testid="change-before"><span class="tk-badge tk-red" data-light="red">/);
  assert.match(h, /<span class="tk-status">已&lt;x&gt;销号<\/span>/);
  assert.match(h, /3 km&lt;em&gt;/);
  assert.match(h, /<td data-testid="change-before">民政局&amp;&lt;em&gt;<\/td>/);
  assert.match(changesTable([], new Map(), '2026-01-01', '2026-03-01', '').text, /data-testid="changes-empty"/);
});

test('a field value is markup for lights and statuses, escaped text otherwise', () => {
  assert.equal(fieldValue('light', 'r"d').text.startsWith('<span class="tk-badge tk-r&quot;d" data-light="r&quot;d">'), true);
  assert.match(fieldValue('light', '').text, /^<span class="muted">/);
  assert.match(fieldValue('due', '').text, /^<span class="muted">/);
  assert.equal(fieldValue('lead', '<script>&').text, '&lt;script&gt;&amp;');
});

test('the escalation run escapes the scope and titles and groups steps by deadline', () => {
  const body = escalateBody('51<x>', '2026-03-01').text;
  assert.doesNotMatch(body, EVIL);
  assert.match(body, /data-testid="escalate-run"/);
  assert.match(body, /<div id="escalate-out" data-testid="escalate-out" role="status"><\/div><div id="tk-dialog"><\/div>/);
  assert.match(body, /class="tk-note"/);
  assert.doesNotMatch(escalateBody('51', '').text, /tk-note/);
  const c = escalateConfirm('51"<x>').text;
  assert.doesNotMatch(c, EVIL);
  assert.match(c, /data-testid="escalate-confirm"/);
  assert.match(c, /data-testid="escalate-confirm-do"/);
  assert.match(c, /data-testid="escalate-confirm-cancel"/);
  const r = [{ task: '1.2', steps: [
    { step: { id: 'remind', zh: '催办<x>', en: 'remind' }, concerns: { id: 'task', zh: '任务', en: 'task' }, deadline: '2026-02-01' },
    { step: { id: 'circular', zh: '通报', en: 'circular' }, concerns: { id: 'task', zh: '任务', en: 'task' }, deadline: '2026-02-01' },
    { step: { id: 'remind', zh: '催办', en: 'remind' }, concerns: { id: 'k"1', zh: '指标<u>', en: 'target' }, deadline: '2026-03-01' },
  ] }] as unknown as Escalated[];
  const h = escalateResult(r, new Map([['1.2', '任务<script>']]), '10:00', '').text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="escalate-done" data-n="1"/);
  assert.match(h, /data-testid="escalate-list"/);
  assert.match(h, /<li data-testid="escalated-1\.2">/);
  assert.match(h, /<a href="#\/tasks\/1\.2" data-testid="escalated-link-1\.2"><b>1\.2<\/b> 任务&lt;script&gt;<\/a>/);
  assert.equal((h.match(/class="tk-step-group"/g) ?? []).length, 2, 'two deadlines');
  assert.match(h, /<span class="tk-step" data-step="remind">催办&lt;x&gt;<\/span><span class="tk-step" data-step="circular">通报<\/span>/);
  assert.match(h, /data-concerns="k&quot;1" data-deadline="2026-03-01"/);
  assert.match(h, /指标&lt;u&gt; 2026-03-01/);
  assert.match(escalateResult([], new Map(), '10:00', '').text, /data-testid="escalate-nothing"/);
});

test('the import form, its summary and its problems escape file names and messages', () => {
  const body = importBody().text;
  for (const id of ['timp-template', 'tasks-import', 'timp-file', 'timp-scope', 'timp-prefix', 'timp-check', 'timp-commit', 'timp-out']) assert.match(body, new RegExp(`data-testid="${id}"`), id);
  assert.match(body, /pattern="\\d\*"/);
  const r = { committed: true, file: '计划<script>.toml', ids: ['a<x>', 'b'], organisations: 2, scope: '5108', source: '来源&<em>', tasks: 2, title: '方案"<u>' } as unknown as TaskImport;
  const filed = importSummary(r, '2026-03-01').text;
  assert.doesNotMatch(filed, EVIL);
  assert.match(filed, /data-testid="timp-summary" data-committed="true" data-tasks="2"/);
  assert.match(filed, /计划&lt;script&gt;\.toml/);
  assert.match(filed, /<dd>方案&quot;&lt;u&gt;<\/dd>/);
  assert.match(filed, /<dd>来源&amp;&lt;em&gt;<\/dd>/);
  assert.match(filed, /<dd data-testid="timp-ids"><a href="#\/tasks\/a%3Cx%3E\?date=2026-03-01" data-testid="timp-link-a&lt;x&gt;">a&lt;x&gt;<\/a>、<a href="#\/tasks\/b\?date=2026-03-01" data-testid="timp-link-b">b<\/a><\/dd>/);
  const checked = importSummary({ ...r, committed: false, source: '', ids: Array.from({ length: 41 }, (_, i) => `t${i}`) }, '').text;
  assert.match(checked, /data-committed="false"/);
  assert.doesNotMatch(checked, /timp-link-|<dt>[^<]*<\/dt><dd><\/dd>/);
  assert.match(checked, /<dd data-testid="timp-ids">t0、t1、[^<]*t39 …<\/dd>/);
  const ps = [{ file: 'f<script>.toml', line: 3, item: '条目<x>', field: 'due"', zh: '日期&错误<em>', en: 'bad' },
    { file: 'g', line: null, item: null, field: null, zh: '缺少', en: 'missing' }] as ImportProblem[];
  const e = importProblems(ps).text;
  assert.doesNotMatch(e, EVIL);
  assert.match(e, /data-testid="timp-error"/);
  assert.match(e, /data-testid="timp-errors"/);
  assert.match(e, /<tr data-testid="timp-problem" data-line="3" data-field="due&quot;">/);
  assert.match(e, /<tr data-testid="timp-problem" data-line="" data-field="">/);
  assert.match(e, /<td>f&lt;script&gt;\.toml<\/td>/);
  assert.match(e, /<code>due&quot;<\/code>/);
  assert.match(e, /<td>日期&amp;错误&lt;em&gt;<\/td>/);
  assert.match(e, /data-testid="timp-line">–</);
});

const sum = (key: string, name: string, red: number, total: number): SummaryView =>
  ({ key, name, red, yellow: 0, blue: 0, green: 0, done: total - red, total, mean_progress: 0.5 }) as unknown as SummaryView;

test('the summary escapes county and unit names; the chips and sorts are there', () => {
  const ov = {
    scope: '51<x>', date: '2026-03-01', total: 9, synthetic: true,
    lights: [{ light: { id: 'red', zh: '红', en: 'red' }, count: 3 }],
    by_county: [sum('510802', '利州区<script>', 1, 4), sum('510000', '', 2, 5)],
    by_unit: [sum('u"1', '民政局<em>', 3, 9), sum('u2', '', 0, 1)], by_group: [],
  } as unknown as OverviewView;
  const sorts: Record<SummaryTable, Sort> = { county: { by: 'red', desc: true }, unit: { by: '', desc: false } };
  const links = { county: (c: string) => `#/tasks?scope=${c}&date=2026-03-01`, light: (l: string) => `#/tasks?light=${l}` };
  const h = overviewView(ov, sorts, links, 5).text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="summary-total" data-total="9" data-scope="51&lt;x&gt;" data-date="2026-03-01"/);
  assert.match(h, /data-testid="summary-big"/);
  assert.match(h, /data-testid="synthetic"/);
  assert.match(h, /data-testid="sum-light-chips"/);
  assert.match(h, /data-testid="sum-light-red" data-count="3"/);
  assert.match(h, /data-testid="sum-by-county"/);
  assert.match(h, /data-testid="sum-by-unit"/);
  assert.match(h, /<a href="#\/tasks\?scope=510802&amp;date=2026-03-01" data-testid="sum-county-link-510802"><b>510802<\/b> 利州区&lt;script&gt;<\/a>/);
  assert.match(h, /data-testid="sum-county-link-510000"><b>510000<\/b><\/a> <span class="muted">/, 'a province’s own tasks say so');
  assert.match(h, /<tr data-testid="sum-unit-u&quot;1" data-key="u&quot;1" data-total="9" data-red="3"><td class="tk-sum-name">民政局&lt;em&gt;<\/td>/);
  assert.match(h, /<td class="tk-sum-name">u2<\/td>/);
  assert.ok(h.indexOf('sum-county-510000') < h.indexOf('sum-county-510802'), 'most red first');
  assert.match(h, /<th class="num" aria-sort="descending"><button type="button" class="tk-sort on" data-table="county" data-sort="red"/);
  assert.match(h, /data-sort="red"[^>]*><span class="tk-dot tk-red"/, 'a light head shows the dot as markup');
  assert.match(overviewView({ ...ov, total: 0 }, sorts, links, 5).text, /data-testid="summary-empty"/);
  assert.deepEqual(sortRows(ov.by_county, 'county', { by: 'name', desc: false }).map((s) => s.key), ['510000', '510802']);
});

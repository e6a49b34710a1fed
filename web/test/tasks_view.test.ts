// 挂图作战 rendering (src/tasks_view.ts): what the server sends — task titles, lead units,
// checkpoint labels and units, progress reports, evidence names, notes — is escaped wherever it
// appears, in text and in attributes; the test ids the browser tests select on are present.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BoardView, CheckpointView, DivisionLight, EventView, InboxView, TaskRow, TaskView } from '../src/api';
import {
  actionForms, checkpointTable, divisionGrid, dot, filterForm, historyList, inboxView, legend, lightChips,
  summaryTable, syntheticTag, taskBars, taskHeader, taskTable, timeline,
} from '../src/tasks_view';

/** Markup a value from the server could smuggle in. */
const EVIL = /<script|<img|<em>|<u>|<x>|&(?!amp;|lt;|gt;|quot;|#39;)/;

const row = (over: Partial<TaskRow> = {}): TaskRow => ({
  id: '1.2', level: 'subtask', parent: '1', title: '<script>x</script>任务', title_en: 'Task <em>A</em>', lead: '民政局<em>&</em>',
  lead_codes: [], group: 'G', due: '2026-06-30', start: '2026-01-01', light: 'red', subtree_light: 'yellow', mine: true,
  progress: 0.3, schedule: 0.5, status: 'reported', status_zh: '待核验', status_en: 'reported', synthetic: true, divisions: ['510802'],
  ...over,
} as unknown as TaskRow);

const board = (over: Partial<BoardView> = {}): BoardView => ({
  scope: '5108', date: '2026-03-01', total: 2, synthetic: true, org: null,
  rows: [row(), row({ id: '2', level: 'task', parent: null, title: '乙', light: 'green', subtree_light: 'green', mine: false })],
  lights: [{ light: { id: 'red', zh: '红', en: 'red' }, count: 1 }, { light: { id: 'green', zh: '绿', en: 'green' }, count: 1 }],
  groups: ['组<u>一</u>'], units: [['u1', '单位"><img src=x>']],
  by_unit: [{ key: 'u1"x', name: '单位<u>', red: 1, yellow: 0, blue: 0, green: 1, done: 0, total: 2, mean_progress: 0.4 }],
  by_group: [], divisions: [],
  ...over,
} as unknown as BoardView);

const cp = (over: Partial<CheckpointView>): CheckpointView => ({
  id: 'k1', kind: 'target', label: '道路<x>', unit: 'km"&<em>', value: 10, reached: 4, baseline: 3, deadline: '2026-05-01',
  expected: 0.5, fraction: 0.2, met: null, ...over,
} as unknown as CheckpointView);

const event: EventView = {
  seq: 3, kind: 'progress', at: '2026-02-01', org: '镇<em>政府</em>', account: 'a"b', zh: '已完成<img src=x onerror=alert(1)>', en: 'done <x>',
  files: [['报告"><script>.pdf', 'ab"12']],
} as unknown as EventView;

const task = (over: Partial<TaskView> = {}): TaskView => ({
  row: row(), description: '说明<script>', basis: '依据<em>', participants: '参与<u>', supervisor: '督办"&', version: 1,
  children: ['1.2.1', '1.2.<2>'], reported_by: '上报人<em>', pending_extension: 5,
  escalations_due: [{ step: { id: 'remind', zh: '催办<x>', en: 'remind' }, concerns: { id: 'task', zh: '任务', en: 'task' }, deadline: '2026-02-01' }],
  checkpoints: [cp({}), cp({ id: 'm1', kind: 'milestone', label: '节点<u>一', met: null, value: null, reached: null, baseline: null })],
  history: [event],
  can: { report: true, verify: true, decide_extension: true, escalate: true },
  ...over,
} as unknown as TaskView);

test('small pieces: the dot, the 示意 tag, the legend', () => {
  assert.equal(dot('re"d', 'task-light').text, '<span class="tk-dot tk-re&quot;d" title="re&quot;d" data-testid="task-light" data-light="re&quot;d"></span>');
  assert.doesNotMatch(dot('red').text, /data-testid/);
  const tag = syntheticTag(true);
  assert.match(tag === '' ? '' : tag.text, /data-testid="synthetic"/);
  assert.equal(syntheticTag(false), '');
  assert.equal((legend().text.match(/class="tk-dot /g) ?? []).length, 5);
});

test('the task table escapes titles and lead units and keeps its test ids', () => {
  const h = taskTable(board(), '2026-03-01').text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /&lt;script&gt;x&lt;\/script&gt;任务/);
  assert.match(h, /<td>民政局&lt;em&gt;&amp;&lt;\/em&gt;<\/td>/);
  assert.match(h, /data-testid="task-table"/);
  assert.match(h, /<tr class="tk-row lv-subtask mine" data-testid="task-row-1\.2" data-id="1\.2" data-light="red" data-mine="true" data-divisions="510802">/);
  assert.match(h, /data-testid="task-row-2"[^>]*data-mine="false"/);
  assert.match(h, /data-testid="mine-1\.2"/);
  assert.match(h, /data-testid="row-status-1\.2">待核验</);
  assert.match(h, /<a href="#\/tasks\/1\.2\?date=2026-03-01">1\.2<\/a>/);
  assert.match(h, /<span class="tk-sub" title="[^"]+"><span class="tk-dot tk-yellow"/);
  assert.match(taskTable(board({ rows: [] }), '').text, /data-testid="tk-empty"/);
});

test('the filter form and the chips escape groups and units', () => {
  const f = filterForm(board(), { date: '', group: '组<u>一</u>', unit: '', light: 'red' }, '#/tasks?scope=5108').text;
  assert.doesNotMatch(f, EVIL);
  assert.match(f, /<option value="组&lt;u&gt;一&lt;\/u&gt;" selected>组&lt;u&gt;一&lt;\/u&gt;<\/option>/);
  assert.match(f, />单位&quot;&gt;&lt;img src=x&gt;<\/option>/);
  assert.match(f, /<option value="red" selected>/);
  for (const id of ['tk-filters', 'tk-date', 'tk-group', 'tk-unit', 'tk-light', 'tk-apply', 'tk-clear']) assert.match(f, new RegExp(`data-testid="${id}"`), id);
  assert.match(f, /name="date" value="2026-03-01"/);
  const c = lightChips(board(), (l) => `#/tasks?scope=5108&light=${l}`, 'red', 'sum-').text;
  assert.match(c, /data-testid="sum-light-chips"/);
  assert.match(c, /class="tk-chip tk-red on" href="#\/tasks\?scope=5108&amp;light="/);
  assert.match(c, /data-testid="sum-light-green" data-count="1"/);
  assert.match(c, /data-testid="sum-light-blue" data-count="0"/);
});

test('summaries and the division grid escape names', () => {
  const s = summaryTable(board().by_unit, '单位<em>', 'by-unit').text;
  assert.doesNotMatch(s, EVIL);
  assert.match(s, /data-testid="by-unit"/);
  assert.match(s, /<th>单位&lt;em&gt;<\/th>/);
  assert.match(s, /<tr data-key="u1&quot;x"><td>单位&lt;u&gt;<\/td>/);
  assert.match(s, /<td class="num">40%<\/td>/);
  const divs = [{ code: '510802', light: 'red', name: '镇<script>', tasks: 2 }, { code: '5108"03', light: 'green', name: '', tasks: 1 }] as unknown as DivisionLight[];
  const g = divisionGrid(divs).text;
  assert.doesNotMatch(g, EVIL);
  assert.match(g, /data-testid="no-geometry"/);
  assert.match(g, /data-testid="division-grid"/);
  assert.match(g, /data-testid="division-510802" data-light="red"/);
  assert.match(g, /<strong>镇&lt;script&gt;<\/strong><span>510802<\/span>/);
  assert.match(g, /data-testid="division-5108&quot;03"/);
});

test('the timeline escapes labels in SVG text and titles', () => {
  const svg = timeline(taskBars(task()), '2026-03-01', '2026-03-01');
  assert.notEqual(svg, '');
  const h = svg === '' ? '' : svg.text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="timeline"/);
  assert.match(h, /data-testid="timeline-today"/);
  assert.match(h, /data-testid="tl-1\.2"/);
  assert.match(h, /clip-path="url\(#tl-clip\)">1\.2 &lt;script&gt;x&lt;\/script&gt;任务<\/text>/);
  assert.match(h, /<title>道路&lt;x&gt; 2026-05-01<\/title>/);
  assert.equal((h.match(/<path /g) ?? []).length, 2, 'one diamond per target and milestone');
  assert.equal(timeline([], '2026-03-01'), '');
});

test('the task header escapes the description, basis, notes and children', () => {
  const h = taskHeader(task(), '2026-03-01').text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="task-light" data-light="red"/);
  assert.match(h, /data-testid="task-light-label"/);
  assert.match(h, /data-testid="task-status" data-status="reported">待核验</);
  assert.match(h, /<dd>说明&lt;script&gt;<\/dd>/);
  assert.match(h, /<dd>依据&lt;em&gt;<\/dd>/);
  assert.match(h, /<dd>督办&quot;&amp;<\/dd>/);
  assert.match(h, /data-testid="task-parent">1<\/a>/);
  assert.match(h, /<a href="#\/tasks\/1\.2\.1\?date=2026-03-01">1\.2\.1<\/a>、<a href="#\/tasks\/1\.2\.%3C2%3E\?date=2026-03-01">1\.2\.&lt;2&gt;<\/a>/);
  assert.match(h, /data-testid="task-reported">[^<]*上报人&lt;em&gt;/);
  assert.match(h, /data-testid="task-pending-ext"/);
  assert.match(h, /data-testid="task-esc-due">[^<]*催办&lt;x&gt;/);
  const bare = taskHeader(task({ basis: '', participants: '', children: [], reported_by: null, pending_extension: null, escalations_due: [], row: row({ parent: null, status: 'in_progress' }) }), '').text;
  assert.doesNotMatch(bare, /task-parent|task-reported|task-pending-ext|task-esc-due|<dt>[^<]*<\/dt><dd>依据/);
});

test('the checkpoints escape labels and units', () => {
  const h = checkpointTable([cp({}), cp({ id: 'm1', kind: 'milestone', label: '节点', met: '2026-02-"01', value: null, reached: null, baseline: null })]).text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="checkpoints"/);
  assert.match(h, /data-testid="cp-target-k1"/);
  assert.match(h, /data-testid="cp-milestone-m1"/);
  assert.match(h, /<td>道路&lt;x&gt;<\/td>/);
  assert.match(h, /10 km&quot;&amp;&lt;em&gt;<br><span class="muted">/);
  assert.match(h, /<td class="num">4 km&quot;&amp;&lt;em&gt;<\/td>/);
  assert.match(h, /<span class="ok">[^<]*2026-02-&quot;01[^<]*<\/span>/);
});

test('the history escapes progress reports and evidence names', () => {
  const h = historyList('1.2', [event]).text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /data-testid="history"/);
  assert.match(h, /<li class="ev-progress" data-testid="event-3" data-kind="progress">/);
  assert.match(h, /<div class="what">已完成&lt;img src=x onerror=alert\(1\)&gt;<\/div>/);
  assert.match(h, /<span class="who">镇&lt;em&gt;政府&lt;\/em&gt; · a&quot;b<\/span>/);
  assert.match(h, /<a href="\/api\/tasks\/1\.2\/evidence\/ab%2212" download="报告&quot;&gt;&lt;script&gt;\.pdf" data-testid="evidence-link" data-sha="ab&quot;12">报告&quot;&gt;&lt;script&gt;\.pdf<\/a>/);
  assert.doesNotMatch(historyList('1.2', []).text, /data-testid="history"/);
});

test('the action forms follow the permissions and escape labels', () => {
  const h = actionForms(task()).text;
  assert.doesNotMatch(h, EVIL);
  for (const f of ['progress', 'done', 'extend', 'close', 'return', 'decide', 'escalate']) assert.match(h, new RegExp(`data-testid="form-${f}"`), f);
  assert.match(h, /name="value:k1" value="4" data-testid="progress-value-k1"/);
  assert.match(h, /<label>[^<]*道路&lt;x&gt;[^<]*km&quot;&amp;&lt;em&gt;/);
  assert.match(h, /<input type="checkbox" name="milestone" value="m1" > 节点&lt;u&gt;一<\/label>/);
  assert.match(h, /<option value="k1">道路&lt;x&gt;<\/option>/);
  assert.match(h, /<p>催办&lt;x&gt;（任务 2026-02-01）<\/p>/);
  const none = actionForms(task({ can: { report: false, verify: false, decide_extension: false, escalate: false } as TaskView['can'] })).text;
  assert.match(none, /data-testid="task-readonly"/);
  assert.doesNotMatch(none, /<form/);
});

test('the inbox escapes titles and organisation names', () => {
  const ib = {
    date: '2026-03-01', org: 'o', org_name: '民政局<em>',
    items: [{ kind: 'overdue', task: '1.2', title: '任务<script>', due: '2026-03-05', since: '2026-02-01', zh: '已逾期<x>', en: 'overdue' },
      { kind: 'due_soon', task: '3', title: '丙', due: '2026-03-06', since: '2026-02-02', zh: '临期', en: 'due soon' }],
  } as unknown as InboxView;
  const h = inboxView(ib, '2026-03-02').text;
  assert.doesNotMatch(h, EVIL);
  assert.match(h, /民政局&lt;em&gt;/);
  assert.match(h, /data-testid="inbox-date"/);
  assert.match(h, /data-testid="inbox-overdue"/);
  assert.match(h, /data-testid="inbox-due_soon"/);
  assert.match(h, /data-testid="inbox-item-1\.2"/);
  assert.match(h, /<a href="#\/tasks\/1\.2\?date=2026-03-02" data-testid="inbox-link-overdue-1\.2"><b>1\.2<\/b> 任务&lt;script&gt;<\/a>/);
  assert.match(h, /已逾期&lt;x&gt;/);
  assert.ok(h.indexOf('inbox-overdue') < h.indexOf('inbox-due_soon'), 'overdue first');
  assert.match(inboxView({ ...ib, items: [] }, '').text, /data-testid="inbox-empty"/);
});

// The 评估 page's markup (src/stats_view.ts): what the server sends is escaped wherever it
// appears (county and plan names, sentences, citations, indicators, file names, preview cells),
// and the containers and forms keep the data-testid and data-* the e2e tests select on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvaluationView, ObservationOutcome, ObservationsView, PlanBoard } from '../src/api';
import { chartBoxes, crosswalkCard, dateForm, docLinks, evalHeader, keyFigures, observationsCard, outcomeHtml, sentence } from '../src/stats_view';

const stats = (mean: number) => ({ mean, median: mean, min: mean - 1, max: mean + 1, n: 3, total: mean * 3 });
const side = (date: string, count: number) => ({
  date, villages: 40, units: [], seat_distance_km: stats(3),
  indicators: { count, by_kind: { 镇: count - 1, '<乡>': 1 }, town_street_share: 0.5, population: stats(20000), area_km2: stats(50) },
});
const ev = (over: Partial<EvaluationView> = {}): EvaluationView => ({
  county: '130634', county_name: '曲阳<县>', applied: false, synthetic: true, plan: 7,
  before: side('2024-01-01', 10), after: side('2026-01-01"', 8),
  sentence_zh: '乡镇由10个<调减>为8个', sentence_en: 'from 10 to 8 <units>',
  national_population: 30000, national_area_km2: 100, national_citation: '《统计年鉴》&表"1"',
  handover: {
    quotas: { computed: true, before: 100, after: 90, returned_to_pool: 10 },
    services: { holds: false, pending: 2, points_before: 5, points_after: 5, kept: 3, renamed: 1, upgraded: 0, merged: 1, closed: 0, added: 0 },
  },
  series: [{ indicator: '地区生产总值<"GDP">', unit: '万元', nature_zh: '总量', points: [] }],
  series_note: null, reduction: 2, reduction_share: 0.2,
  ...over,
} as unknown as EvaluationView);
const board = { plan: { id: 7, name: '<b>合并</b>方案' }, documents: [{ id: 'evaluation.docx' }, { id: 'map-after.svg' }] } as unknown as PlanBoard;

test('the header, sentence and date form escape what the server sends', () => {
  const h = evalHeader(ev(), board).text;
  assert.doesNotMatch(h, /<县>|<b>/);
  assert.match(h, /<h2 data-testid="eval-head">调整前后对比：曲阳&lt;县&gt; <span class="muted">130634<\/span>/);
  assert.match(h, /data-testid="eval-dates">2024-01-01 → 2026-01-01&quot;<\/span>/);
  assert.match(h, /<a href="#\/plans\/7" data-testid="plan-board-link">&lt;b&gt;合并&lt;\/b&gt;方案<\/a>/);
  assert.match(h, /class="badge-c warn" data-testid="eval-mode">未实施，按方案模拟</);
  assert.match(h, /data-testid="synthetic-tag"/);
  const plain = evalHeader(ev({ synthetic: false, applied: true }), null).text;
  assert.doesNotMatch(plain, /synthetic-tag|plan-board-link/);

  assert.equal(sentence(ev()).text, '<blockquote class="st-sentence" data-testid="eval-sentence">乡镇由10个&lt;调减&gt;为8个</blockquote>');
  const d = dateForm('2024-01-01', '"><x').text;
  assert.match(d, /data-testid="date-form"/);
  assert.match(d, /name="to" value="&quot;&gt;&lt;x"/);
  assert.doesNotMatch(d, /<x/);
});

test('the key figures escape kinds, dates and the citation', () => {
  const h = keyFigures(ev()).text;
  assert.doesNotMatch(h, /<乡>|<span class="muted">2026-01-01"/);
  assert.match(h, /data-testid="key-figures"/);
  assert.match(h, /<tr class="sub"><th>其中：&lt;乡&gt;<\/th><td>1<\/td><td>1<\/td><td class="nat"><\/td><\/tr>/);
  assert.match(h, /<tr class=""><th>乡级单位数<\/th><td>10<\/td><td>8<\/td>/);
  assert.match(h, /<th>镇\+街道占比<\/th><td>50\.0%<\/td>/);
  assert.match(h, /<th>人口 · 平均<\/th><td>20,000<\/td><td>20,000<\/td><td class="nat">30,000<\/td>/);
  assert.match(h, /2026-01-01&quot;<\/span>/);
  assert.match(h, /data-testid="national-citation">全国平均：《统计年鉴》&amp;表&quot;1&quot;<\/p>/);
});

test('the chart boxes keep their test ids and say whether 只增不减 holds', () => {
  const h = chartBoxes(ev()).text;
  for (const id of ['chart-kinds', 'chart-means', 'chart-pop', 'chart-handover', 'quota-note', 'services-holds']) assert.match(h, new RegExp(`data-testid="${id}"`), id);
  assert.match(h, /data-testid="chart-series" data-indicator="地区生产总值&lt;&quot;GDP&quot;&gt;" data-i="0"/);
  assert.match(h, /data-testid="services-holds" data-holds="false" class="error">基层服务只增不减：尚未满足（待定 2 个）/);
  assert.match(h, /编制：调整前 100，调整后 90，退回县编制池 10/);
  const holds = chartBoxes(ev({ handover: { ...ev().handover!, services: { ...ev().handover!.services, holds: true } } })).text;
  assert.match(holds, /data-holds="true" class="ok"/);
  const none = chartBoxes(ev({ handover: null, series: [], series_note: '无<数据>' })).text;
  assert.match(none, /data-testid="chart-handover-none"/);
  assert.match(none, /<p class="muted" data-testid="series-note">无&lt;数据&gt;<\/p>/);
  assert.doesNotMatch(none, /st-notes|chart-series/);
  assert.doesNotMatch(chartBoxes(ev({ plan: null })).text, /chart-handover/);
});

test('the documents are the plan\'s own', () => {
  const h = docLinks(board).text;
  assert.match(h, /<a href="\/api\/plans\/7\/documents\/evaluation\.docx" download data-testid="doc-evaluation\.docx">评估报告（Word）<\/a>/);
  assert.match(h, /data-testid="doc-map-after\.svg"/);
  assert.doesNotMatch(h, /doc-evaluation\.pdf|doc-map-before/);
  assert.match(docLinks({ ...board, documents: [] } as unknown as PlanBoard).text, /<p class="muted">/);
});

test('the stored statistics escape indicators and sources; the form follows the permission', () => {
  const obs = {
    county: '130634', figures: 12, may_import: true, sources: ['<统计局>', 'A&B'],
    indicators: [{ name: '地区生产总值"<x>', unit: '万<元>', nature_zh: '总量', nature_en: 'total', periods: [2020, 2021, 2022], units: 4, figures: 12 }],
  } as unknown as ObservationsView;
  const h = observationsCard(obs).text;
  assert.doesNotMatch(h, /<x>|<元>|<统计局>/);
  assert.match(h, /<tr data-indicator="地区生产总值&quot;&lt;x&gt;"><th>地区生产总值&quot;&lt;x&gt;<\/th><td>万&lt;元&gt;<\/td><td>总量<\/td>/);
  assert.match(h, /<td>2020–2022（3）<\/td><td>4<\/td><td>12<\/td>/);
  assert.match(h, /&lt;统计局&gt;、A&amp;B<\/p>/);
  for (const id of ['obs-table', 'obs-form', 'obs-file', 'obs-check', 'obs-import']) assert.match(h, new RegExp(`data-testid="${id}"`), id);
  assert.match(h, /<div id="obs-result" role="status"><\/div>/);
  const ro = observationsCard({ ...obs, may_import: false, indicators: [] } as unknown as ObservationsView).text;
  assert.match(ro, /<p class="muted" data-testid="obs-table">/);
  assert.match(ro, /data-testid="obs-readonly"/);
  assert.doesNotMatch(ro, /obs-form/);
});

test('an outcome escapes the file, indicators and preview cells and says whether it is stored', () => {
  const o = {
    stored: false, figures: 3, replaced: 0, file: '<b>表</b>.csv', sha256: '0123456789abcdef',
    indicators: [{ name: '人口<常住>', unit: '人&户', nature_zh: '总量', nature_en: 'total', periods: [2024], units: 1, figures: 3 }],
    preview: [['130634100', '人口', '2024', '<1>', '"人"']],
  } as unknown as ObservationOutcome;
  const h = outcomeHtml(o).text;
  assert.doesNotMatch(h, /<b>|<常住>|<1>/);
  assert.match(h, /data-testid="obs-outcome" data-stored="false"/);
  assert.match(h, /检查通过：3 条数据，尚未入库。 <span class="muted">&lt;b&gt;表&lt;\/b&gt;\.csv · SHA-256 0123456789ab…<\/span>/);
  assert.match(h, /<li><strong>人口&lt;常住&gt;<\/strong>（人&amp;户，总量） 2024 · /);
  assert.match(h, /<tr><td>130634100<\/td><td>人口<\/td><td>2024<\/td><td>&lt;1&gt;<\/td><td>&quot;人&quot;<\/td><\/tr>/);
  assert.match(h, /data-testid="obs-preview-indicators"/);
  const stored = outcomeHtml({ ...o, stored: true, preview: [] } as unknown as ObservationOutcome).text;
  assert.match(stored, /data-stored="true"/);
  assert.doesNotMatch(stored, /<details/);
});

test('the crosswalk card escapes its dates and shows the recast link only with data', () => {
  const h = crosswalkCard('2024-01-01', '"><i>', true).text;
  assert.doesNotMatch(h, /<i>/);
  assert.equal((h.match(/name="to" value="&quot;&gt;&lt;i&gt;"/g) ?? []).length, 3);
  for (const id of ['crosswalk-form', 'crosswalk-link', 'recast-stored-form', 'recast-link', 'recast-form']) assert.match(h, new RegExp(`data-testid="${id}"`), id);
  assert.equal((h.match(/<select name="format">/g) ?? []).length, 3);
  assert.match(h, /<div id="recast-result" role="status"><\/div>/);
  assert.doesNotMatch(crosswalkCard('a', 'b', false).text, /recast-link/);
});

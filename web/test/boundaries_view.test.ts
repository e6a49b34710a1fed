// The data-import reports (src/boundaries_view.ts): problems listed by feature, names escaped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BoundaryImport } from '../src/api';
import { oneLanguage, reportHtml } from '../src/boundaries_view';

const report = (over: Partial<BoundaryImport>): BoundaryImport => ({
  county: '130634', file: '<b>村界</b>.geojson', level: 'village', code_field: 'code', features: 3, matched: 2, units: 3,
  area_km2: 12.345, problems: [], warnings: [], stored: false, replaced: 0, ...over,
});

test('problems are listed by feature and nothing is said to be stored', () => {
  const m = reportHtml(report({
    problems: [
      { feature: 2, code: null, kind: 'geometry', zh: '边界自相交', en: 'boundary crosses itself' },
      { feature: 0, code: '130634100200', kind: 'missing', zh: '西河流村（130634100200）在文件中没有边界', en: 'no feature' },
    ],
  }), true).text;
  assert.match(m, /data-feature="2" data-kind="geometry"/);
  assert.match(m, /data-feature="0" data-kind="missing"/);
  assert.match(m, /data-testid="bd-refused"/);
  assert.doesNotMatch(m, /bd-stored|bd-clean/);
  assert.ok(!m.includes('<b>村界</b>'), 'the file name is escaped');
  assert.ok(m.includes('&lt;b&gt;村界&lt;/b&gt;.geojson'));
});

test('a clean check says it can be imported; notes are in one language', () => {
  const m = reportHtml(report({ warnings: ['要素 3：小重叠 / feature 3: a small overlap'] }), false).text;
  assert.match(m, /data-testid="bd-clean"/);
  assert.match(m, /feature 3: a small overlap/);
  assert.doesNotMatch(m, /小重叠/);
  assert.equal(oneLanguage('中 / en', true), '中');
  assert.equal(oneLanguage('no split', false), 'no split');
});

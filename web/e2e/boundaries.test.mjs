// End-to-end test of 边界导入 in the browser: the county editor opens the boundary page from the
// county list, checks a village file with a bad feature (a ring crossing itself) and a code of
// no unit — both named by feature, import stays disabled, nothing stored — then checks and
// imports the corrected file; the map opens on the stored (no longer schematic) boundaries.
// A viewer reads the page without the form. Screenshots in both languages.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/boundaries.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, openView, ready, startDemoServer } from './harness.mjs';

let server;
let base;

before(async () => {
  server = await startDemoServer('boundaries', { allowRunning: true });
  base = server.base;
});

after(() => server?.stop());

const apiJson = (page, path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
const counties = async (page) => (await apiJson(page, '/api/counties')).counties;

test('边界导入: a bad file is refused by feature, the corrected one is stored and mapped', { timeout: 240_000 }, async () => {
  const files = mkdtempSync(join(tmpdir(), 'quhua-bd-'));
  const { page, close } = await loginAs(base, 'quyang');
  try {
    const before = (await counties(page)).find((c) => c.code === '130634');
    assert.ok(before.geometry && before.geometry_synthetic, 'the demo county starts on schematic boundaries');
    await page.click('[data-testid=county-boundaries-130634]');
    await ready(page, 'boundaries');
    assert.match(await page.textContent('#bd-county'), /曲阳县/);
    assert.match(await page.textContent('[data-testid=bd-has]'), /示意/);

    // The village polygons as served, written as a user's file (codes in `code`).
    const villages = await apiJson(page, '/api/counties/130634/geojson?level=village');
    const good = { type: 'FeatureCollection', features: villages.features.map((f) => ({
      type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code, 名称: f.properties.name } })) };
    const bad = structuredClone(good);
    bad.features[4].geometry = { type: 'Polygon', coordinates: [[[114.5, 38.6], [114.6, 38.7], [114.6, 38.6], [114.5, 38.7], [114.5, 38.6]]] };
    bad.features[9].properties.code = '130634999999';
    const badPath = join(files, '曲阳县村界-有误.geojson');
    const goodPath = join(files, '曲阳县村界.geojson');
    writeFileSync(badPath, JSON.stringify(bad));
    writeFileSync(goodPath, JSON.stringify(good));

    await page.setInputFiles('[data-testid=bd-file]', badPath);
    assert.ok(await page.isDisabled('[data-testid=bd-commit]'), 'import waits for a check');
    await page.click('[data-testid=bd-check]');
    await page.waitForSelector('[data-testid=bd-refused]');
    const problems = await page.$$eval('[data-testid=bd-problem]', (rows) => rows.map((r) => ({ feature: r.dataset.feature, kind: r.dataset.kind, text: r.textContent })));
    assert.ok(problems.some((p) => p.feature === '5' && p.kind === 'geometry'), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.feature === '10' && p.kind === 'unknown_code' && /130634999999/.test(p.text)), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.kind === 'missing'), 'the unit whose code was replaced has no boundary');
    assert.ok(await page.isDisabled('[data-testid=bd-commit]'), 'no import while a problem remains');
    await page.screenshot({ path: join(ARTIFACTS, 'boundaries-refused-zh.png'), fullPage: true });
    assert.ok((await counties(page)).find((c) => c.code === '130634').geometry_synthetic, 'nothing stored');

    // The corrected file: checked clean, then imported.
    await page.setInputFiles('[data-testid=bd-file]', goodPath);
    await page.click('[data-testid=bd-check]');
    await page.waitForSelector('[data-testid=bd-clean]');
    assert.match(await page.textContent('[data-testid=bd-summary]'), new RegExp(`已关联 ${good.features.length} / ${good.features.length}`));
    assert.ok(!(await page.isDisabled('[data-testid=bd-commit]')));
    await page.click('[data-testid=bd-commit]');
    await page.waitForSelector('[data-testid=bd-stored]');
    await page.waitForSelector('[data-testid=bd-has]');
    assert.doesNotMatch(await page.textContent('[data-testid=bd-has]'), /示意/);
    const after = (await counties(page)).find((c) => c.code === '130634');
    assert.ok(after.geometry && !after.geometry_synthetic, 'stored, no longer schematic');
    await page.screenshot({ path: join(ARTIFACTS, 'boundaries-stored-zh.png'), fullPage: true });

    // The map opens on the stored boundaries, without the 示意 badge.
    await page.click('[data-testid=bd-open-map]');
    await ready(page, 'county');
    assert.ok(await page.isHidden('.schematic-badge'), 'no 示意 badge over surveyed boundaries');
    assert.equal(await page.$('[data-testid=no-map]'), null);
    const served = await apiJson(page, '/api/counties/130634/geojson?level=village');
    assert.equal(served['示意'], false);
    assert.equal(served.features.length, good.features.length);
    await page.screenshot({ path: join(ARTIFACTS, 'boundaries-map-zh.png') });

    // English.
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await openView(base, page, '#/county/130634/boundaries', 'boundaries');
    const en = await page.textContent('#bd');
    assert.match(en, /Data import/);
    assert.match(en, /Boundary import/);
    assert.match(en, /Check/);
    assert.doesNotMatch(en.replace(/曲阳县/g, ''), /[\u4e00-\u9fff]/u, 'no Chinese left in English mode');
    await page.setInputFiles('[data-testid=bd-file]', badPath);
    await page.click('[data-testid=bd-check]');
    await page.waitForSelector('[data-testid=bd-refused]');
    assert.match(await page.textContent('[data-testid=bd-refused]'), /problems found; nothing stored/);
    await page.screenshot({ path: join(ARTIFACTS, 'boundaries-refused-en.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('摸底表更新: a bad row is named, the changes are listed before anything is stored', { timeout: 180_000 }, async () => {
  const files = mkdtempSync(join(tmpdir(), 'quhua-sv-'));
  const { page, close } = await loginAs(base, 'quyang');
  try {
    await openView(base, page, '#/county/130634/boundaries', 'boundaries');
    const baseData = await apiJson(page, '/api/counties/130634/base');
    const town = baseData.townships.find((x) => x.code.startsWith('130634100'));
    const before = Math.round(town.figures.pop_hukou ?? 0);
    // A bad row (a negative population): refused naming the file and the row.
    const bad = join(files, '摸底表-有误.csv');
    writeFileSync(bad, `代码,名称,户籍人口\r\n130634100,恒州镇,${before + 500}\r\n130634101,燕赵镇,-3\r\n`);
    await page.setInputFiles('[data-testid=sv-file]', bad);
    await page.fill('[data-testid=sv-date]', '2026-06-30');
    await page.click('[data-testid=sv-check]');
    await page.waitForSelector('[data-testid=sv-error]');
    const err = await page.textContent('[data-testid=sv-error]');
    assert.match(err, /摸底表-有误\.csv/);
    assert.match(err, /第 3 行/);
    assert.ok(await page.isDisabled('[data-testid=sv-commit]'));
    // The corrected table: one change listed, before → after, then stored.
    const good = join(files, '摸底表-2026.csv');
    writeFileSync(good, `代码,名称,户籍人口\r\n130634100,恒州镇,${before + 500}\r\n`);
    await page.setInputFiles('[data-testid=sv-file]', good);
    await page.click('[data-testid=sv-check]');
    await page.waitForSelector('[data-testid=sv-changes]');
    const rows = await page.$$eval('[data-testid=sv-change]', (r) => r.map((x) => x.textContent));
    assert.equal(rows.length, 1, rows.join('\n'));
    assert.match(rows[0], /户籍人口/);
    assert.match(rows[0], /\+500/);
    await page.screenshot({ path: join(ARTIFACTS, 'survey-preview-zh.png'), fullPage: true });
    await page.click('[data-testid=sv-commit]');
    await page.waitForSelector('[data-testid=sv-stored]');
    // Checked again, the same table changes nothing.
    await page.click('[data-testid=sv-check]');
    await page.waitForSelector('[data-testid=sv-nothing]');
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await openView(base, page, '#/county/130634/boundaries', 'boundaries');
    await page.setInputFiles('[data-testid=sv-file]', bad);
    await page.click('[data-testid=sv-check]');
    await page.waitForSelector('[data-testid=sv-error]');
    assert.match(await page.textContent('[data-testid=sv-error]'), /row 3/);
    await page.screenshot({ path: join(ARTIFACTS, 'survey-refused-en.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('边界导入: a viewer reads the page without the upload form', { timeout: 120_000 }, async () => {
  const { page, close } = await loginAs(base, 'guest');
  try {
    await openView(base, page, '#/county/130634/boundaries', 'boundaries');
    assert.equal(await page.$('[data-testid=bd-form]'), null);
    assert.equal(await page.$('[data-testid=sv-form]'), null);
    assert.match(await page.textContent('[data-testid=bd-readonly]'), /县级编辑/);
    // And the API refuses the upload.
    const status = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch('/api/counties/130634/boundaries?file_name=x.geojson&commit=true', {
        method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': me.csrf_token },
        body: '{"type":"FeatureCollection","features":[]}' });
      return r.status;
    });
    assert.equal(status, 403);
  } finally {
    await close();
  }
});

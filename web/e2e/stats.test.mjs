// End-to-end test of the 评估 pages in the browser: the demo's approved plan 2 reduces 18
// township units to 12 — the figures sentence says so, the charts draw, the stored indicator
// 地区生产总值 has its series chart and the evaluation report and maps download; on the county
// page the county editor checks and imports a statistics table (a bad one is refused naming
// the row), downloads the crosswalk and the recast statistics, and recasts an uploaded table;
// the read-only guest sees no import form.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/stats.test.mjs
// (or QUHUA_BASE=http://127.0.0.1:5173 against a running server; the test tolerates earlier runs:
// its indicator's name is unique to the run).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, openView, ready, startDemoServer } from './harness.mjs';

const PLAN = 2;
const COUNTY = '130634';
const RUN = Date.now().toString(36);
const INDICATOR = `测试指标${RUN}`;

let server;
let base;
let files;

before(async () => {
  files = mkdtempSync(join(tmpdir(), 'quhua-e2e-stats-files-'));
  server = await startDemoServer('stats', { allowRunning: true });
  base = server.base;
});

after(() => {
  server?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** A fresh browser profile, logged in as `user` (Chinese UI). */
const as = (user, width = 1280) => loginAs(base, user, { width });

const open = (page, hash, view) => openView(base, page, hash, view);

/** The size of the canvas ECharts drew into a container (0×0 when none). */
const canvasSize = (page, selector) => page.$eval(selector, (el) => {
  const c = el.querySelector('canvas');
  return c ? { w: c.width, h: c.height, cw: c.getBoundingClientRect().width } : { w: 0, h: 0, cw: 0 };
});

/** Clicks a download link or button; returns the downloaded bytes and the suggested name. */
async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const path = await dl.path();
  return { bytes: readFileSync(path), name: dl.suggestedFilename() };
}

test('plan 2: the evaluation says 18 → 12, draws its charts and offers the report and maps', { timeout: 300_000 }, async () => {
  const { page, close } = await as('quyang');
  try {
    // Reached from the procedure board.
    await open(page, `#/plans/${PLAN}`, 'plans');
    await page.click('[data-testid=evaluation-link]');
    await ready(page, 'plan-evaluation');
    assert.match(page.url(), new RegExp(`#/plans/${PLAN}/evaluation$`));

    const sentence = await page.textContent('[data-testid=eval-sentence]');
    assert.match(sentence, /18个/, sentence);
    assert.match(sentence, /调减为12个/, sentence);
    assert.match(await page.textContent('[data-testid=eval-mode]'), /按方案模拟|已实施/);
    assert.ok(await page.isVisible('[data-testid=synthetic-tag]'), 'the demo is synthetic (示意)');
    const keyText = await page.textContent('[data-testid=key-figures]');
    assert.match(keyText, /36,600/, 'the national population average is in the table');

    for (const id of ['chart-kinds', 'chart-means', 'chart-pop', 'chart-handover']) {
      const s = await canvasSize(page, `[data-testid=${id}]`);
      assert.ok(s.w > 0 && s.h > 0, `${id} has a drawn canvas (${JSON.stringify(s)})`);
    }
    const gdp = '[data-testid=chart-series][data-indicator=地区生产总值]';
    assert.ok(await page.$(gdp), 'a series chart for 地区生产总值');
    const g = await canvasSize(page, gdp);
    assert.ok(g.w > 0 && g.h > 0, 'the 地区生产总值 chart drew');
    assert.ok(await page.isVisible('[data-testid=services-holds]'), '只增不减 is stated');

    // The evaluation report (docx) and the map after (SVG).
    const report = await page.getAttribute('[data-testid="doc-evaluation.docx"]', 'href');
    const r = await page.request.get(base + report);
    assert.equal(r.status(), 200);
    assert.equal((await r.body()).subarray(0, 2).toString('latin1'), 'PK', 'evaluation.docx is a zip');
    const map = await page.request.get(base + await page.getAttribute('[data-testid="doc-map-after.svg"]', 'href'));
    assert.equal(map.status(), 200);
    assert.match((await map.text()).slice(0, 400), /<svg/);
    await page.screenshot({ path: join(ARTIFACTS, 'stats-plan-zh.png'), fullPage: true });

    // English: the sentence comes from the server in English, the page in English.
    await page.click('#lang');
    await ready(page, 'plan-evaluation');
    const en = await page.textContent('[data-testid=eval-sentence]');
    assert.match(en, /from 18 to 12/, en);
    assert.match(await page.textContent('[data-testid=eval-head]'), /Before and after/);
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(300);
    const narrow = await canvasSize(page, '[data-testid=chart-pop]');
    assert.ok(narrow.cw > 0 && narrow.cw <= 768, `the charts resize with the window (${narrow.cw})`);
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `nothing overflows at 768 px (${sw} > ${cw})`);
    await page.screenshot({ path: join(ARTIFACTS, 'stats-plan-en-768.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('county statistics: check and import a table; a bad code is refused naming the row', { timeout: 300_000 }, async () => {
  const good = join(files, `统计-${RUN}.csv`);
  writeFileSync(good, `代码,指标,年份,数值,单位\n${COUNTY}100,${INDICATOR},2024,123456,万元\n${COUNTY}101,${INDICATOR},2024,65432,万元\n`);
  const bad = join(files, `错误-${RUN}.csv`);
  writeFileSync(bad, `代码,指标,年份,数值,单位\n${COUNTY}100,${INDICATOR},2024,1,万元\n${COUNTY}999,${INDICATOR},2024,2,万元\n`);
  const { page, close } = await as('quyang');
  try {
    await open(page, `#/county/${COUNTY}/stats`, 'stats');
    assert.ok(await page.$('[data-testid=obs-form]'), 'the county editor may import');
    assert.ok(await page.$('[data-testid=obs-table] tr[data-indicator=地区生产总值]'), 'the demo statistics are listed');
    assert.equal(await page.isDisabled('[data-testid=obs-import]'), true, 'import is disabled before a check');

    // A bad code: refused, naming the code and the row; import stays disabled.
    await page.setInputFiles('[data-testid=obs-file]', bad);
    await page.click('[data-testid=obs-check]');
    await page.waitForSelector('#obs-result [data-testid=obs-error]');
    const err = await page.textContent('[data-testid=obs-error]');
    assert.match(err, /130634999/, err);
    assert.match(err, /第\s*3\s*行|row\s*3/i, `the error names the row: ${err}`);
    assert.equal(await page.isDisabled('[data-testid=obs-import]'), true);

    // The good table: check → preview lists the indicator → import → listed.
    await page.setInputFiles('[data-testid=obs-file]', good);
    assert.equal(await page.isDisabled('[data-testid=obs-import]'), true, 'a new file must be checked first');
    await page.click('[data-testid=obs-check]');
    await page.waitForSelector('#obs-result [data-testid=obs-outcome], #obs-result [data-testid=obs-error]');
    const checkErr = await page.$('#obs-result [data-testid=obs-error]');
    assert.equal(checkErr, null, `the check failed: ${checkErr ? await checkErr.textContent() : ''}`);
    assert.equal(await page.getAttribute('[data-testid=obs-outcome]', 'data-stored'), 'false');
    assert.match(await page.textContent('[data-testid=obs-preview-indicators]'), new RegExp(INDICATOR));
    assert.equal(await page.$(`[data-testid=obs-table] tr[data-indicator="${INDICATOR}"]`), null, 'not stored by the check');
    assert.equal(await page.isDisabled('[data-testid=obs-import]'), false, 'import is enabled after a good check');
    await page.click('[data-testid=obs-import]');
    await page.waitForSelector('[data-testid=obs-outcome][data-stored=true]', { timeout: 60_000 });
    await ready(page, 'stats');
    assert.ok(await page.$(`[data-testid=obs-table] tr[data-indicator="${INDICATOR}"]`), 'the table lists the imported indicator');
    assert.ok(await page.$(`[data-testid=chart-series][data-indicator="${INDICATOR}"]`), 'and its series is drawn');
    await page.screenshot({ path: join(ARTIFACTS, 'stats-county-imported.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('county statistics: the dates stay in the URL; crosswalk and recast download', { timeout: 300_000 }, async () => {
  const { page, close } = await as('quyang');
  try {
    await open(page, `#/county/${COUNTY}/stats`, 'stats');
    const to = await page.inputValue('[data-testid=date-form] input[name=to]');
    await page.fill('[data-testid=date-form] input[name=from]', '2024-01-01');
    await page.click('[data-testid=date-form] button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('from=2024-01-01'));
    await ready(page, 'stats');
    await page.reload();
    await ready(page, 'stats');
    assert.equal(await page.inputValue('[data-testid=date-form] input[name=from]'), '2024-01-01', 'a reload keeps the dates');
    assert.match(await page.textContent('[data-testid=eval-dates]'), /2024-01-01/);
    assert.equal(await page.inputValue('[data-testid=date-form] input[name=to]'), to);

    // The crosswalk as XLSX (the default), then the link follows the format chosen.
    const cw = await download(page, () => page.click('[data-testid=crosswalk-link]'));
    assert.equal(cw.bytes.subarray(0, 2).toString('latin1'), 'PK', `the crosswalk is an xlsx (${cw.name})`);
    await page.selectOption('[data-testid=crosswalk-form] select[name=format]', 'csv');
    await page.selectOption('[data-testid=crosswalk-form] select[name=direction]', 'backward');
    const href = await page.getAttribute('[data-testid=crosswalk-link]', 'href');
    assert.match(href, /format=csv/);
    assert.match(href, /direction=backward/);
    const csv = await download(page, () => page.click('[data-testid=crosswalk-link]'));
    assert.notEqual(csv.bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(csv.bytes.length > 0 && /\.csv$/.test(csv.name), csv.name);

    // The stored statistics recast onto the latest boundaries.
    const rc = await download(page, () => page.click('[data-testid=recast-link]'));
    assert.equal(rc.bytes.subarray(0, 2).toString('latin1'), 'PK', `the recast statistics are an xlsx (${rc.name})`);

    // An uploaded table recast (nothing stored), saved from the POST's answer.
    const table = join(files, `换算-${RUN}.csv`);
    writeFileSync(table, `代码,指标,年份,数值,单位\n${COUNTY}100,换算${RUN},2024,100,万元\n${COUNTY}101,换算${RUN},2024,50,万元\n`);
    await page.setInputFiles('[data-testid=recast-form] input[type=file]', table);
    await page.selectOption('[data-testid=recast-form] select[name=format]', 'csv');
    const up = await Promise.race([
      download(page, () => page.click('[data-testid=recast-form] button[type=submit]')),
      page.waitForSelector('[data-testid=recast-error]', { timeout: 30_000 }).then(async (e) => ({ error: await e.textContent() })),
    ]);
    assert.ok(!('error' in up), `the recast of an upload failed: ${up.error}`);
    assert.ok(up.bytes.length > 0 && /\.csv$/.test(up.name), up.name);
  } finally {
    await close();
  }
});

test('the read-only guest sees the evaluation and the statistics but no import form', { timeout: 120_000 }, async () => {
  const { page, close } = await as('guest');
  try {
    await open(page, `#/county/${COUNTY}/stats`, 'stats');
    assert.equal(await page.$('[data-testid=obs-form]'), null, 'no import form');
    assert.ok(await page.isVisible('[data-testid=obs-readonly]'));
    assert.ok(await page.$('[data-testid=obs-table] tr[data-indicator=地区生产总值]'));
    assert.ok(await page.isVisible('[data-testid=eval-sentence]'));
    await open(page, `#/plans/${PLAN}/evaluation`, 'plan-evaluation');
    assert.equal(await page.$('[data-testid=obs-form]'), null);
    assert.match(await page.textContent('[data-testid=eval-sentence]'), /调减为12个/);
  } finally {
    await close();
  }
});

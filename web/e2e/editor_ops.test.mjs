// End-to-end test of the editor's controls beyond merging: 撤乡设镇 disabled on a 镇 with its
// reason; rename (更名) and 村划归 (a village moved to another township, the counts follow);
// 方案推荐 honours the editor's locks and seeds — the request carries them, the schemes keep
// the locked township whole, and adopting a scheme keeps the lock operation.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/editor_ops.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;
let base;

before(async () => {
  server = await startDemoServer('editor-ops', { allowRunning: true });
  base = server.base;
});

after(() => server?.stop());

/** Selects exactly the resulting unit named `name` through the township list. */
async function selectOnly(page, name) {
  await page.click('#clear-sel');
  const i = await page.evaluate((n) => window.__quhua.result.evaluation.units.findIndex((u) => u.name === n), name);
  assert.ok(i >= 0, `unit ${name}`);
  await page.check(`#units input[data-i="${i}"]`);
  await page.waitForFunction((n) => document.querySelector('[data-testid=selection]')?.textContent === n, name);
}

const unit = (page, name) => page.evaluate((n) => window.__quhua.result.evaluation.units.find((u) => u.name === n), name);
const opsNow = (page) => page.evaluate(() => window.__quhua.ops);
const settled = (page, n) => page.waitForFunction((k) => window.__quhua.ops.length === k && document.getElementById('status')?.textContent === '', n);

test('rename, 村划归, disabled reasons, and 方案推荐 with locks and seeds', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang', { width: 1500 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');

    // 撤乡设镇 on a 镇 is disabled, saying why; on a 乡 it is enabled.
    await selectOnly(page, '恒州镇');
    assert.ok(await page.isDisabled('[data-testid=to-town]'));
    assert.match(await page.getAttribute('[data-testid=to-town]', 'title'), /只有乡/);
    await selectOnly(page, '路庄子乡');
    assert.ok(!(await page.isDisabled('[data-testid=to-town]')));

    // Rename.
    await page.fill('[data-testid=rename-to]', '路庄乡');
    await page.click('[data-testid=rename]');
    await settled(page, 1);
    assert.deepEqual((await opsNow(page))[0], { op: 'rename', unit: '130634200', name: '路庄乡' });
    assert.ok(await unit(page, '路庄乡'), 'renamed in the result');

    // 村划归: the first village of 路庄乡 to 党城镇.
    await selectOnly(page, '路庄乡');
    const from = await unit(page, '路庄乡');
    const to = await unit(page, '党城镇');
    const options = await page.$$eval('[data-testid=tr-villages] option', (o) => o.map((x) => x.value));
    assert.equal(options.length, from.villages);
    await page.selectOption('[data-testid=tr-villages]', [options[0]]);
    const target = await page.evaluate(() => window.__quhua.result.evaluation.units.findIndex((u) => u.name === '党城镇'));
    await page.selectOption('[data-testid=tr-to]', String(target));
    await page.click('[data-testid=transfer]');
    await settled(page, 2);
    const tr = (await opsNow(page))[1];
    assert.equal(tr.op, 'transfer');
    assert.deepEqual(tr.villages, [options[0]]);
    assert.equal((await unit(page, '路庄乡')).villages, from.villages - 1);
    assert.equal((await unit(page, '党城镇')).villages, to.villages + 1);
    // The exclave it makes is named by the contiguity rule and outlined on the map.
    const findings = await page.evaluate(() => window.__quhua.result.evaluation.findings.filter((f) => f.rule === 'contiguity').flatMap((f) => f.units));
    const flagged = await page.evaluate(() => window.__quhua.map.map.getFilter('townships-flagged')[2][1]);
    const dangcheng = await page.evaluate(() => window.__quhua.result.evaluation.units.findIndex((u) => u.name === '党城镇'));
    if (findings.length) assert.ok(flagged.includes(dangcheng), `flagged ${flagged} / findings ${findings}`);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-ops-zh.png') });

    // Start over (the page asks first), lock 恒州镇, seed 灵山镇 and 文德镇, propose.
    page.once('dialog', (d) => d.accept());
    await page.click('#reset');
    await settled(page, 0);
    await selectOnly(page, '恒州镇');
    await page.click('#lock');
    await settled(page, 1);
    await selectOnly(page, '灵山镇');
    await page.click('[data-testid=seed]');
    await selectOnly(page, '文德镇');
    await page.click('[data-testid=seed]');
    assert.match(await page.textContent('[data-testid=propose-wishes]'), /恒州镇.*灵山镇、文德镇/);
    const requests = [];
    page.on('request', (r) => { if (r.url().endsWith('/propose')) requests.push(JSON.parse(r.postData() ?? '{}')); });
    await page.click('[data-testid=propose]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=proposal-]').length >= 1, null, { timeout: 90_000 });
    const req = requests.at(-1);
    const baseData = await page.evaluate(async () => (await fetch('/api/counties/130634/base')).json());
    const codeOf = (n) => baseData.townships.find((x) => x.name === n).code;
    assert.deepEqual(req.lock, [codeOf('恒州镇')]);
    assert.deepEqual(req.seed_units, [codeOf('灵山镇'), codeOf('文德镇')]);
    // Adopting keeps the lock, and the locked township stays whole.
    const before = await unit(page, '恒州镇');
    page.once('dialog', (d) => d.accept());
    await page.click('[data-testid=adopt-0]');
    await page.waitForFunction(() => window.__quhua.ops.some((o) => o.op === 'lock') && window.__quhua.ops.some((o) => o.op === 'merge'), null, { timeout: 30_000 });
    const ops = await opsNow(page);
    assert.equal(ops[0].op, 'lock');
    const locked = codeOf('恒州镇');
    assert.ok(!ops.some((o) => o.op === 'merge' && (o.units.includes(locked) || o.into === locked)), JSON.stringify(ops));
    const kept = await unit(page, '恒州镇');
    assert.equal(kept.villages, before.villages);
    // The two seeds head different units: no merge puts them together.
    const [ls, wd] = [codeOf('灵山镇'), codeOf('文德镇')];
    assert.ok(!ops.some((o) => o.op === 'merge' && [...o.units, o.into].includes(ls) && [...o.units, o.into].includes(wd)), JSON.stringify(ops));
    assert.ok((await page.evaluate(() => window.__quhua.result.evaluation.units.length)) < 18);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

const swatch = (page, name) => page.evaluate((n) => {
  const label = [...document.querySelectorAll('#units label.unit')].find((l) => l.textContent.includes(n));
  return label?.querySelector('.sw')?.style.background ?? null;
}, name);

test('the map: stable colours, the unit panel, exports, 768 px', { timeout: 180_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang', { width: 1500 });
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    const hengzhou = await swatch(page, '恒州镇');
    const lingshan = await swatch(page, '灵山镇');
    // A merge elsewhere does not recolour 恒州镇; the merged unit keeps 灵山镇's colour.
    await selectOnly(page, '灵山镇');
    const i = await page.evaluate(() => window.__quhua.result.evaluation.units.findIndex((u) => u.name === '党城镇'));
    await page.check(`#units input[data-i="${i}"]`);
    await page.click('[data-testid=merge]');
    await settled(page, 1);
    assert.equal(await swatch(page, '恒州镇'), hengzhou);
    assert.equal(await swatch(page, '灵山镇'), lingshan);
    // Markers: ★ on the county-seat town's label, one seat dot per unit, the legend.
    const labels = await page.$$eval('.tlabel', (els) => els.map((e) => e.textContent));
    assert.ok(labels.some((l) => l.startsWith('★') && l.includes('恒州镇')), labels.join(' '));
    const dots = await page.$$eval('.seat-dot', (els) => els.length);
    assert.equal(dots, await page.evaluate(() => window.__quhua.result.evaluation.units.filter((u) => u.seat).length));
    assert.match(await page.textContent('[data-testid=map-legend]'), /县城驻地镇/);
    // The unit panel of the merged unit: population, villages, predecessors.
    await selectOnly(page, '灵山镇');
    const panel = await page.textContent('[data-testid=unit-panel]');
    const merged = await unit(page, '灵山镇');
    assert.match(panel, /由哪些单位组成/);
    assert.match(panel, /党城镇/);
    assert.ok(panel.includes(String(merged.villages)));
    // Exports: GeoJSON of the resulting townships (labelled 示意图 on the demo), and PNG.
    const [gj] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-geojson]')]);
    assert.match(gj.suggestedFilename(), /^130634-.*示意图\.geojson$/);
    const text = await (await import('node:fs/promises')).readFile(await gj.path(), 'utf8');
    const fc = JSON.parse(text);
    assert.equal(fc.features.length, 17);
    assert.equal(fc['示意'], true);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    assert.match(png.suggestedFilename(), /\.png$/);
    const bytes = await (await import('node:fs/promises')).readFile(await png.path());
    assert.ok(bytes.length > 10_000 && bytes.subarray(1, 4).toString() === 'PNG');
    // 768 px: nothing overflows sideways, the charts and indicators are reachable.
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 770, `scroll width ${width}`);
    const charts = await page.evaluate(() => document.getElementById('charts').getBoundingClientRect().width);
    assert.ok(charts <= 768 && charts > 300, `charts ${charts}`);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-768.png'), fullPage: true });
    // English: kinds, the unit panel, the default scheme name.
    await page.setViewportSize({ width: 1500, height: 1000 });
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await page.reload();
    await ready(page, 'county');
    await selectOnly(page, '恒州镇');
    const panelEn = await page.textContent('[data-testid=unit-panel]');
    assert.match(panelEn, /Made of/);
    assert.match(panelEn, /town · /);
    assert.match(panelEn, /county-seat town/);
    const units = await page.textContent('#units');
    assert.doesNotMatch(units.replace(/[\u4e00-\u9fff]+(镇|乡|街道)/gu, ''), /[乡镇] ·/u);
    const scheme = await page.inputValue('[data-testid=scenario-name]');
    assert.ok(!/曲阳县New/.test(scheme), scheme);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-en.png') });
  } finally {
    await close();
  }
});

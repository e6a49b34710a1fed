// End-to-end test of the editor's village layer (村级建制调整): with a township selected its
// villages can be merged into a new village, merged into another, turned into a 居委会
// (撤村设居) and renamed; the village section shows before/after, the code the registry will
// assign and the villages merged away; a merger across townships is refused with the reason.
// Screenshots in Chinese and English.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/village_editor.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;

before(async () => { server = await startDemoServer('village-editor', { allowRunning: true }); });
after(() => server?.stop());

async function selectOnly(page, name) {
  await page.click('#clear-sel');
  const i = await page.evaluate((n) => window.__quhua.result.evaluation.units.findIndex((u) => u.name === n), name);
  assert.ok(i >= 0, `unit ${name}`);
  await page.check(`#units input[data-i="${i}"]`);
  await page.waitForFunction((n) => document.querySelector('[data-testid=selection]')?.textContent === n, name);
}

const opsNow = (page) => page.evaluate(() => window.__quhua.ops);
const settled = (page, n) => page.waitForFunction((k) => window.__quhua.ops.length === k && document.getElementById('status')?.textContent === '', n);
const villages = (page) => page.evaluate(() => window.__quhua.result.evaluation.villages);

test('merge villages, 撤村设居 and rename in the editor; the village section follows', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(server.base, 'quyang', { width: 1500 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    assert.match(await page.textContent('[data-testid=villages-panel]'), /未调整村级建制/);
    const before = (await villages(page)).indicators.before.count;

    await selectOnly(page, '恒州镇');
    // 大西旺、阮西旺 → a new 西旺村民委员会.
    await page.selectOption('[data-testid=vl-villages]', ['130634100218', '130634100220']);
    await page.fill('[data-testid=vl-new-name]', '西旺村民委员会');
    await page.click('[data-testid=vl-merge-new]');
    await settled(page, 1);
    assert.deepEqual((await opsNow(page))[0], { op: 'merge_villages', villages: ['130634100218', '130634100220'], new: { name: '西旺村民委员会' } });
    let v = await villages(page);
    assert.equal(v.indicators.after.count, before - 1);
    const xiwang = v.changed.find((c) => c.name === '西旺村民委员会');
    assert.ok(xiwang?.proposed_code?.startsWith('130634100'), JSON.stringify(xiwang));

    // 东关村 becomes 东关社区居民委员会 with a code in the 居委会 range.
    await selectOnly(page, '恒州镇');
    await page.selectOption('[data-testid=vl-villages]', ['130634100206']);
    await page.click('[data-testid=vl-residents]');
    await settled(page, 2);
    v = await villages(page);
    const dongguan = v.changed.find((c) => c.name === '东关社区居民委员会');
    assert.ok(dongguan, JSON.stringify(v.changed));
    assert.ok(Number(dongguan.proposed_code.slice(-3)) < 200, `居委会 range: ${dongguan.proposed_code}`);

    // 李赵邱 merges into 大赵邱 (the first selected keeps its code).
    await selectOnly(page, '恒州镇');
    await page.selectOption('[data-testid=vl-villages]', ['130634100219', '130634100223']);
    await page.click('[data-testid=vl-merge-into]');
    await settled(page, 3);
    v = await villages(page);
    assert.equal(v.indicators.after.count, before - 2);
    assert.ok(v.abolished.some((a) => a.code === '130634100223' && a.into === '大赵邱村民委员会'));

    // Rename the new village (it is offered under its name).
    await selectOnly(page, '恒州镇');
    const offered = await page.$$eval('[data-testid=vl-villages] option', (o) => o.map((x) => x.value));
    assert.ok(offered.includes('西旺村民委员会') && !offered.includes('130634100218'), offered.join(','));
    await page.selectOption('[data-testid=vl-villages]', ['西旺村民委员会']);
    await page.fill('[data-testid=vl-rename-to]', '西旺新村村民委员会');
    await page.click('[data-testid=vl-rename]');
    await settled(page, 4);
    assert.ok((await villages(page)).changed.some((c) => c.name === '西旺新村村民委员会'));
    const panel = await page.textContent('[data-testid=villages-panel]');
    assert.match(panel, /西旺新村村民委员会/);
    assert.match(panel, /撤销的村/);
    await page.screenshot({ path: join(ARTIFACTS, 'village-editor-zh.png'), fullPage: true });

    // 村级撤并推荐: the optimizer's mergers for every township, adopted onto the scheme.
    await page.fill('[data-testid=vl-floor]', '1500');
    await page.click('[data-testid=vl-propose]');
    await page.waitForSelector('[data-testid=vl-proposal-summary]', { timeout: 60_000 });
    const summary = await page.textContent('[data-testid=vl-proposal-summary]');
    assert.match(summary, /示意/);
    const adopt = await page.textContent('[data-testid=vl-adopt]');
    const proposed = Number(/\((\d+)\)/.exec(adopt)?.[1] ?? 0);
    assert.ok(proposed > 0, adopt);
    await page.screenshot({ path: join(ARTIFACTS, 'village-propose-zh.png'), fullPage: true });
    // The proposal is made on the county as it is, so it is adopted into a fresh scheme.
    await page.evaluate(() => { window.confirm = () => true; });
    await page.click('#reset');
    await settled(page, 0);
    await page.click('[data-testid=vl-adopt]');
    await settled(page, proposed);
    v = await villages(page);
    assert.ok(v.indicators.after.count < before, `${v.indicators.after.count} < ${before}`);

    // A merger across townships is refused with the reason (through the same API).
    const refused = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch('/api/counties/130634/evaluate', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
        body: JSON.stringify({ ops: [{ op: 'merge_villages', villages: ['130634100218'], into: '130634106200' }] }) });
      return { status: r.status, text: await r.text() };
    });
    assert.equal(refused.status, 422, refused.text);
    assert.match(refused.text, /须先办理村划归/);

    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await page.reload();
    await page.waitForFunction(() => window.__quhua?.ready);
    await page.screenshot({ path: join(ARTIFACTS, 'village-editor-en.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

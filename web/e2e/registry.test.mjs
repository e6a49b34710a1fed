// End-to-end test of 区划名录 and 审计日志 in the browser: the county editor opens the registry
// from the county list, lists the 18 township-level units in force on 2023-06-30, the changes
// since 1949 with their approval numbers, and follows a code to its lineage (撤乡设镇, with the
// villages carried); the provincial approver reads the audit log, verified, and pages back;
// a county account is refused the audit log. Screenshots in both languages.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/registry.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, openView, ready, startDemoServer } from './harness.mjs';

let server;
let base;

before(async () => {
  server = await startDemoServer('registry', { allowRunning: true });
  base = server.base;
});

after(() => server?.stop());

const english = async (page, view) => {
  await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
  await page.reload();
  await ready(page, view);
};

test('区划名录: as of a date, the changes, a unit\'s lineage — in both languages', { timeout: 180_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang');
  try {
    await page.click('[data-testid=county-registry-130634]');
    await ready(page, 'registry');
    assert.match(await page.textContent('#rg-county'), /曲阳县/);
    // the changes since 1949, each with its approval number
    const changes = await page.$$eval('[data-testid=rg-changes] tbody tr', (rows) => rows.map((r) => r.textContent));
    assert.ok(changes.length >= 1, 'the demo county has recorded changes');
    assert.ok(changes.some((c) => /撤乡设镇/.test(c)), changes.join('\n'));

    // as of 2023-06-30: 18 township-level units
    await page.fill('[data-testid=rg-date]', '2023-06-30');
    await page.click('[data-testid=rg-asof-go]');
    await ready(page, 'registry');
    assert.match(page.url(), /date=2023-06-30/);
    assert.match(await page.textContent('[data-testid=rg-count]'), /共 18 个/);
    assert.equal((await page.$$('[data-testid=rg-units] tbody tr')).length, 18);

    // a code in the list opens its lineage
    await page.click('[data-testid=rg-units] a[data-unit="130634210"]');
    await ready(page, 'registry');
    const forward = await page.textContent('[data-testid=rg-forward]');
    assert.match(forward, /撤乡设镇/);
    assert.match(await page.textContent('[data-testid=rg-forward] summary'), /所带村（14 个）/);
    assert.ok((await page.textContent('[data-testid=rg-lineage] .rg-codes')).includes('130634210'));

    // villages as of the same date name their township
    await page.selectOption('[data-testid=rg-level]', 'village');
    await page.click('[data-testid=rg-asof-go]');
    await ready(page, 'registry');
    assert.match(await page.textContent('[data-testid=rg-count]'), /村级/);
    assert.ok((await page.$$('[data-testid=rg-units] tbody tr')).length > 100);
    await page.selectOption('[data-testid=rg-level]', 'township');
    await page.click('[data-testid=rg-asof-go]');
    await ready(page, 'registry');
    await page.screenshot({ path: join(ARTIFACTS, 'registry.png'), fullPage: true });

    // a unit of another county is not found through this one, and the page says so
    await page.fill('[data-testid=rg-unit]', '130627100');
    await page.click('[data-testid=rg-lineage-go]');
    await ready(page, 'registry');
    assert.match(await page.textContent('[data-testid=rg-error]'), /130627100/);

    await page.fill('[data-testid=rg-unit]', '130634210');
    await page.click('[data-testid=rg-lineage-go]');
    await ready(page, 'registry');
    await english(page, 'registry');
    assert.match(await page.textContent('[data-testid=rg-count]'), /18 Township level units in force on 2023-06-30/);
    const en = await page.textContent('#rg');
    assert.match(en, /Where it went/);
    assert.doesNotMatch(en.replace(/（[^）]*）|[\u4e00-\u9fff]+[乡镇村街道县]/gu, ''), /变更类型|某日名录|去向/);
    await page.screenshot({ path: join(ARTIFACTS, 'registry-en.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('区划名录 for the city reviewer: reached from the county list, read-only like every reader', { timeout: 120_000 }, async () => {
  const { page, close } = await loginAs(base, 'baoding');
  try {
    await page.click('[data-testid=county-registry-130634]');
    await ready(page, 'registry');
    assert.ok((await page.$$('[data-testid=rg-changes] tbody tr')).length >= 1);
    assert.equal(await page.$('[data-testid=nav-audit]'), null, 'the audit log is the province\'s');
  } finally {
    await close();
  }
});

test('审计日志: the provincial approver reads it verified and pages back; a county account is refused', { timeout: 180_000 }, async () => {
  const { page, close } = await loginAs(base, 'hebei');
  try {
    await page.click('[data-testid=nav-audit]');
    await ready(page, 'audit');
    assert.match(await page.textContent('[data-testid=au-verified]'), /校验通过/);
    const seqs = await page.$$eval('[data-testid=au-rows] tbody tr td:first-child', (c) => c.map((x) => Number(x.textContent)));
    assert.ok(seqs.length > 0 && seqs.every((s, i) => i === 0 || s < seqs[i - 1]), `newest first: ${seqs}`);
    await page.screenshot({ path: join(ARTIFACTS, 'audit.png'), fullPage: true });
    if (seqs.length === 50) {
      await page.click('[data-testid=au-older]');
      await ready(page, 'audit');
      // (ready can still be the newest page's: wait for the older rows to be drawn.)
      await page.waitForFunction((last) => {
        const c = document.querySelector('[data-testid=au-rows] tbody tr td:first-child');
        return c !== null && Number(c.textContent) < last;
      }, seqs[seqs.length - 1], { timeout: 60_000 });
      const older = await page.$$eval('[data-testid=au-rows] tbody tr td:first-child', (c) => c.map((x) => Number(x.textContent)));
      assert.ok(older[0] < seqs[seqs.length - 1], `${older[0]} after ${seqs[seqs.length - 1]}`);
      await page.click('[data-testid=au-newest]');
      await ready(page, 'audit');
    }
    await english(page, 'audit');
    assert.match(await page.textContent('[data-testid=au-verified]'), /Verified: the hash chain is intact/);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-en.png'), fullPage: true });
  } finally {
    await close();
  }
  const county = await loginAs(base, 'quyang');
  try {
    assert.equal(await county.page.$('[data-testid=nav-audit]'), null, 'no audit link for a county account');
    await openView(base, county.page, '#/audit', 'audit');
    assert.match(await county.page.textContent('[data-testid=au-error]'), /省级审批/);
  } finally {
    await county.close();
  }
});

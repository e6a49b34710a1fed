// End-to-end test of the procedure board in English: the template's name, every step's actor
// and legal basis, and what a blocked step still lacks are English (the plan's own names, the
// people and the files stay as they were written); punctuation is English.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/board_en.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;

before(async () => { server = await startDemoServer('board-en', { allowRunning: true }); });
after(() => server?.stop());

const CJK = /[\u4e00-\u9fff：，（）]/u;

test('the board in English: actors, bases, missing items and the template', { timeout: 120_000 }, async () => {
  const { page, close } = await loginAs(server.base, 'hebei', { width: 1400 });
  try {
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    const plans = await page.evaluate(async () => (await (await fetch('/api/plans')).json()).plans.map((p) => p.id));
    assert.ok(plans.length > 0);
    let missingSeen = 0;
    for (const id of plans) {
      await page.goto(`${server.base}/#/plans/${id}`);
      await page.reload();
      await ready(page, 'plans');
      const texts = await page.$$eval('[data-testid=steps] > li', (items) => items.map((li) => ({
        actor: li.querySelector(':scope > div > .muted')?.textContent ?? '',
        basis: li.querySelector('.basis')?.textContent ?? '',
        missing: [...li.querySelectorAll('.missing li')].map((x) => x.textContent ?? ''),
      })));
      assert.ok(texts.length >= 9, `steps of plan ${id}`);
      for (const s of texts) {
        assert.ok(s.actor && !CJK.test(s.actor), `actor ${s.actor}`);
        assert.ok(s.basis && !CJK.test(s.basis), `basis ${s.basis}`);
        for (const m of s.missing) assert.ok(!CJK.test(m), `missing ${m}`);
      }
      missingSeen += texts.reduce((n, s) => n + s.missing.length, 0);
      const head = await page.textContent('#board h2 .muted');
      assert.match(head, /Regulations on the Administration of Administrative Divisions/);
      assert.ok(!CJK.test(head), head);
      const consultation = await page.textContent('[data-testid=consultation]');
      assert.ok(!CJK.test(consultation), consultation);
      await page.screenshot({ path: join(ARTIFACTS, `board-${id}-en.png`), fullPage: true });
    }
    assert.ok(missingSeen > 0, 'a blocked step was checked');
  } finally {
    await close();
  }
});

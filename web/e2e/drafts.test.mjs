// End-to-end test of drafts that never lose work: with unsaved operations on screen, loading
// another draft asks first (declined: the work stays); after the approved demo plan is applied,
// the sample draft drafted before it no longer fits the registry — the dialog names the change
// since (with its 文号) and the operations that no longer apply, and offers to rebase; the
// rebased draft saves with the registry date it now stands on, and is fresh afterwards.
// Screenshots of the dialog in both languages.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/drafts.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;
let base;

before(async () => {
  server = await startDemoServer('drafts');
  base = server.base;
});

after(() => server?.stop());

/** A JSON API call from the page, with the session's CSRF token. */
const call = (page, method, path) => page.evaluate(async ([m, p]) => {
  const me = await (await fetch('/api/me')).json();
  const r = await fetch(p, { method: m, headers: { 'x-csrf-token': me.csrf_token } });
  return { status: r.status, body: await r.json() };
}, [method, path]);

const opsOnScreen = (page) => page.evaluate(() => window.__quhua.ops ?? []);

test('a stale draft is named and rebased, never mixed; unsaved work is not replaced without asking', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang');
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    // unsaved work: merge the first two townships of the list
    await page.check('#units input[data-i="0"]');
    await page.check('#units input[data-i="1"]');
    await page.click('[data-testid=merge]');
    await page.waitForFunction(() => (window.__quhua.ops ?? []).length === 1);
    const mine = await opsOnScreen(page);
    // undo and redo, by button and by keyboard
    assert.equal(await page.isDisabled('[data-testid=redo]'), true);
    await page.click('#map');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window.__quhua.ops ?? []).length === 0);
    assert.equal(await page.isDisabled('[data-testid=undo]'), true);
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction(() => (window.__quhua.ops ?? []).length === 1);
    assert.deepEqual(await opsOnScreen(page), mine);
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => (window.__quhua.ops ?? []).length === 0);
    await page.click('[data-testid=redo]');
    await page.waitForFunction(() => (window.__quhua.ops ?? []).length === 1);
    assert.equal(await page.isDisabled('[data-testid=redo]'), true);

    // loading the sample draft asks first; declining keeps the work on screen
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.dismiss(); });
    await page.click('[data-testid=scenario-1] button.load');
    await page.waitForTimeout(500);
    assert.match(asked, /未保存/);
    assert.deepEqual(await opsOnScreen(page), mine);

    // the approved plan (the same scheme) is carried out: the registry moves on
    const applied = await call(page, 'POST', '/api/plans/2/apply');
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const fresh = await call(page, 'GET', '/api/scenarios/1/freshness');
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.stale, true);

    page.once('dialog', (d) => void d.accept());
    await page.click('[data-testid=scenario-1] button.load');
    await page.waitForSelector('[data-testid=stale]');
    const dialog = await page.textContent('[data-testid=stale]');
    assert.match(dialog, /方案与现行名录不一致/);
    // the sample draft records the registry date it was drafted on: the plan's change is named
    assert.equal(fresh.body.recorded, true);
    assert.ok(fresh.body.changes_since.length > 0, JSON.stringify(fresh.body.changes_since));
    const since = await page.textContent('[data-testid=stale-changes]');
    for (const c of fresh.body.changes_since) assert.ok(since.includes(c.date), since);
    assert.ok(fresh.body.ops.some((o) => !o.applies), 'some operations no longer apply');
    for (const o of fresh.body.ops.filter((x) => !x.applies)) {
      assert.match(await page.textContent(`[data-testid=stale-op-${o.index}]`), /✗/);
    }
    // nothing was mixed in while the dialog is open
    assert.deepEqual(await opsOnScreen(page), mine);
    await page.screenshot({ path: join(ARTIFACTS, 'draft-stale.png') });

    // rebase: the operations that still apply, then save on the registry in force
    await page.click('[data-testid=stale-rebase]');
    await page.waitForFunction(() => (document.querySelector('[data-testid=status]')?.textContent ?? '').includes('已按现行名录重排'));
    assert.deepEqual(await opsOnScreen(page), fresh.body.rebased);
    await page.click('[data-testid=save]');
    await page.waitForFunction(() => (document.querySelector('[data-testid=status]')?.textContent ?? '').includes('#1'));
    const after = await call(page, 'GET', '/api/scenarios/1/freshness');
    assert.equal(after.body.stale, false, JSON.stringify(after.body));
    assert.equal(after.body.recorded, true);
    assert.equal(after.body.drafted_on, fresh.body.registry_date);

  } finally {
    await close();
  }
});

test('the stale dialog in English: a draft recorded on an older registry date', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang');
  try {
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await page.reload();
    await ready(page, 'counties');
    // a draft whose recorded registry date is older than the registry's changes
    const made = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch('/api/scenarios', {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrf_token, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Old draft', county: '130634', ops: [{ op: 'lock', units: ['130634100'] }], base_date: '2023-06-30' }),
      });
      return { status: r.status, body: await r.json() };
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    await page.click(`[data-testid=scenario-${made.body.id}] button.load`);
    await page.waitForSelector('[data-testid=stale]');
    const dialog = await page.textContent('[data-testid=stale]');
    assert.match(dialog, /The draft no longer matches the registry/);
    assert.match(dialog, /Every operation still applies/);
    assert.doesNotMatch(dialog.replace(/[\u4e00-\u9fff（）〔〕]+/gu, ''), /方案|名录/);
    await page.screenshot({ path: join(ARTIFACTS, 'draft-stale-en.png') });
    await page.click('[data-testid=stale-cancel]');
    assert.equal(await page.$('[data-testid=stale]'), null);
  } finally {
    await close();
  }
});

test('a save conflict merges both versions operation by operation; nothing of theirs is lost', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang');
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    const mergeFirstTwo = async (n) => {
      await page.check('#units input[data-i="0"]');
      await page.check('#units input[data-i="1"]');
      await page.click('[data-testid=merge]');
      await page.waitForFunction((k) => (window.__quhua.ops ?? []).length === k, n);
    };
    await mergeFirstTwo(1);
    await page.fill('[data-testid=scenario-name]', '冲突合并测试');
    await page.click('[data-testid=save-new]');
    await page.waitForFunction(() => /#(\d+)/.test(document.querySelector('[data-testid=status]')?.textContent ?? ''));
    const id = Number(/#(\d+)/.exec(await page.textContent('[data-testid=status]'))[1]);
    const mine = await opsOnScreen(page);

    // a colleague replaces the operations behind our back (own session)
    const r = await fetch(base + '/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quyang2', password: 'quyang2-demo-2026' }) });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const { csrf_token } = await r.json();
    const theirs = [{ op: 'lock', units: ['130634103'] }];
    const put = await fetch(`${base}/api/scenarios/${id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf_token },
      body: JSON.stringify({ expected_version: 1, name: '冲突合并测试', ops: theirs }),
    });
    assert.equal(put.status, 200, await put.text());

    // we add an operation and save: the conflict shows both sides, ticked
    await mergeFirstTwo(2);
    const ours = await opsOnScreen(page);
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=conflict]');
    assert.equal(await page.isChecked('[data-testid=c-theirs-0]'), true);
    assert.equal(await page.isChecked('[data-testid=c-mine-0]'), true);
    assert.equal(await page.isChecked('[data-testid=c-mine-1]'), true);
    await page.screenshot({ path: join(ARTIFACTS, 'conflict-merge.png') });
    await page.click('[data-testid=c-merge]');
    await page.waitForFunction(() => (document.querySelector('[data-testid=status]')?.textContent ?? '').includes('3'));
    const stored = await call(page, 'GET', `/api/scenarios/${id}`);
    assert.equal(stored.body.version, 3);
    assert.deepEqual(stored.body.ops, [...theirs, ...ours], 'theirs first, then mine');
    assert.deepEqual(stored.body.ops.slice(1, 2), mine);
  } finally {
    await close();
  }
});

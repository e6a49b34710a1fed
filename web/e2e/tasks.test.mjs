// End-to-end test of 挂图作战 (the task board) in the browser, on the demo's Guangyuan plan:
// the lead unit 市交通运输局 (gy-jiaotong) sees the board with its own tasks first and the light
// counts the API gives (today and on a past day), filters by light, opens its red task 6.4, is
// refused an extension (the error shows, the typed text stays), reports it done with an evidence
// file (the history lists the file, which downloads) and sees no verification forms; the
// supervising office (gy-ducha) finds 6.4 in its inbox under 待核验 and returns it (已退办; the
// light is the API's: 6.4 is overdue, and 逾期 red outranks 退办 yellow); the lead unit reports
// again; the office closes it (销号) — the board then shows one red fewer and one done more.
// The guest sees the 曲阳县 board with its township map and no forms.
// Screenshots (zh, en, 768 px) go to e2e/artifacts/.
//
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/tasks.test.mjs
// The UI under test is the one the binary embeds (QUHUA_UI=source: this source tree, served with
// Vite and proxying /api to the demo server it starts; QUHUA_BASE=URL: an already running
// server, fresh demo database expected — 6.4 must still be red).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, openView, ready, startDemoServer, uiBase } from './harness.mjs';

const TASK = '6.4';
const LIGHTS = ['red', 'yellow', 'blue', 'green', 'done'];

let server;
let ui;
let base;
let files;

before(async () => {
  files = mkdtempSync(join(tmpdir(), 'quhua-e2e-tasks-files-'));
  server = await startDemoServer('tasks', { allowRunning: true });
  ui = await uiBase(server);
  base = ui.base;
});

after(async () => {
  await ui?.close();
  server?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** A fresh browser profile, logged in as `user` (Chinese UI). */
const as = (user, width = 1280) => loginAs(base, user, { width });

const open = (page, hash, view) => openView(base, page, hash, view);

/** The counts the board's chips show, by light. */
const chips = (page) => page.$$eval('[data-testid^=light-]', (els) => Object.fromEntries(els
  .filter((e) => /^light-(red|yellow|blue|green|done)$/.test(e.getAttribute('data-testid')))
  .map((e) => [e.getAttribute('data-testid').slice(6), Number(e.querySelector('.n').textContent)])));

/** The board's counts as the API gives them (the page's session). */
async function apiCounts(page) {
  const r = await page.request.get(`${base}/api/tasks?mine_first=true`);
  assert.equal(r.status(), 200);
  return Object.fromEntries((await r.json()).lights.map((l) => [l.light.id, l.count]));
}

/** Submits a task form and waits for the page to settle; returns the message shown. */
async function act(page, button) {
  await page.click(button);
  await page.waitForFunction(() => window.__quhua.ready && !/正在|Sending|Uploading/.test(document.querySelector('[data-testid=task-msg]')?.textContent ?? ''), null, { timeout: 30_000 });
  return page.textContent('[data-testid=task-msg]');
}

const lightOf = (page) => page.getAttribute('[data-testid=task-light]', 'data-light');
const statusOf = async (page) => (await page.textContent('[data-testid=task-status]')).trim();

test('挂图作战: report done with evidence, return (退办), report again, close (销号)', { timeout: 600_000 }, async () => {
  const pdf = join(files, '三大工程完成情况.pdf');
  writeFileSync(pdf, '%PDF-1.4\n% quhua e2e evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const lead = await as('gy-jiaotong');
  const office = await as('gy-ducha');
  const j = lead.page;
  const d = office.page;
  try {
    // 1. The lead unit's board, reached from the header: its counts are the API's.
    await j.click('[data-testid=nav-tasks]');
    await ready(j, 'tasks');
    const before = await chips(j);
    assert.deepEqual(before, await apiCounts(j), 'the chips show the API board counts');
    assert.ok(before.red >= 1, JSON.stringify(before));
    assert.ok(await j.isVisible('[data-testid=synthetic]'), 'the synthetic (示意) label');
    const first = await j.getAttribute('[data-testid^=task-row-]', 'data-mine');
    assert.equal(first, 'true', 'the account\'s own tasks come first');
    assert.equal(await j.getAttribute(`[data-testid="task-row-${TASK}"]`, 'data-light'), 'red');
    assert.ok(await j.isVisible(`[data-testid="mine-${TASK}"]`), 'its own task is marked');
    assert.ok(await j.$('[data-testid=timeline] [data-testid=timeline-today]'), 'the timeline has the date line');
    assert.ok(await j.isVisible('[data-testid=division-grid]'), 'Guangyuan has no boundaries: the division grid');
    assert.ok(await j.isVisible('[data-testid=by-unit]') && await j.isVisible('[data-testid=by-group]'));
    await j.screenshot({ path: join(ARTIFACTS, 'tasks-board-zh.png'), fullPage: true });

    // The light filter narrows the rows to red ones.
    await j.click('[data-testid=light-red]');
    await j.waitForFunction(() => location.hash.includes('light=red'));
    await ready(j, 'tasks');
    const lights = await j.$$eval('[data-testid^=task-row-]', (rows) => rows.map((r) => r.getAttribute('data-light')));
    assert.ok(lights.length === before.red && lights.every((l) => l === 'red'), JSON.stringify(lights));

    // A past day (看板日期): the board as it was, still the API's counts.
    await open(j, '#/tasks', 'tasks');
    await j.fill('[data-testid=tk-date]', '2025-06-30');
    await j.click('[data-testid=tk-apply]');
    await j.waitForFunction(() => location.hash.includes('date=2025-06-30'));
    await ready(j, 'tasks');
    assert.equal(await j.textContent('[data-testid=tk-asof]'), '2025-06-30');
    const past = await (await j.request.get(`${base}/api/tasks?mine_first=true&date=2025-06-30`)).json();
    assert.deepEqual(await chips(j), Object.fromEntries(past.lights.map((l) => [l.light.id, l.count])));
    await open(j, '#/tasks?light=red', 'tasks');

    // 2. Opens 6.4 by clicking its row: report forms, no verification forms.
    await j.click(`[data-testid="task-row-${TASK}"] td.tk-title`);
    await ready(j, 'task');
    assert.match(j.url(), /#\/tasks\/6\.4/);
    assert.equal(await lightOf(j), 'red');
    for (const f of ['form-progress', 'form-done', 'form-extend']) assert.ok(await j.$(`[data-testid=${f}]`), `${f} for the lead unit`);
    for (const f of ['form-close', 'form-return', 'form-decide']) assert.equal(await j.$(`[data-testid=${f}]`), null, `no ${f} for the lead unit`);

    await j.screenshot({ path: join(ARTIFACTS, 'tasks-detail-forms-zh.png'), fullPage: true });
    // An action the server refuses (an extension after the deadline): the error shows, the
    // typed reason stays.
    await j.fill('[data-testid=extend-date]', '2027-06-30');
    await j.fill('[data-testid=extend-reason]', '受汛期影响，部分路段需延后施工');
    await act(j, '[data-testid=extend-submit]');
    assert.equal(await j.getAttribute('[data-testid=task-msg]', 'class'), 'status error');
    assert.match(await j.textContent('[data-testid=task-msg]'), /延期申请须在期限/);
    assert.equal(await j.inputValue('[data-testid=extend-reason]'), '受汛期影响，部分路段需延后施工', 'what was typed is kept');
    assert.equal(await j.inputValue('[data-testid=extend-date]'), '2027-06-30');
    assert.equal(await j.isDisabled('[data-testid=extend-submit]'), false);

    // … reports done with the evidence file: the history lists it and it downloads.
    await j.fill('[data-testid=done-text]', '三大工程已全部完工，附完成情况报告。');
    await j.setInputFiles('[data-testid=done-file]', pdf);
    const msg = await act(j, '[data-testid=done-submit]');
    assert.equal(await j.getAttribute('[data-testid=task-msg]', 'class'), 'status ok', msg);
    assert.ok(await j.isVisible('[data-testid=task-reported]'), 'awaiting verification');
    const link = j.locator('[data-testid=history] [data-testid=evidence-link]', { hasText: '三大工程完成情况.pdf' });
    assert.equal(await link.count(), 1, 'the history shows the evidence file');
    const file = await j.request.get(base + await link.getAttribute('href'));
    assert.equal(file.status(), 200);
    assert.equal((await file.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    const reportedStatus = await statusOf(j);
    await j.screenshot({ path: join(ARTIFACTS, 'tasks-detail-zh.png'), fullPage: true });

    // 3. The office: 6.4 is in its inbox under 待核验; it returns it with a reason.
    await d.click('[data-testid=nav-inbox]');
    await ready(d, 'inbox');
    assert.match(await d.textContent('[data-testid=inbox-to_verify] h3'), /待核验/);
    assert.ok(await d.$(`[data-testid=inbox-to_verify] [data-testid="inbox-item-${TASK}"]`), '6.4 waits for verification');
    await d.screenshot({ path: join(ARTIFACTS, 'tasks-inbox-zh.png'), fullPage: true });
    await d.click(`[data-testid="inbox-link-to_verify-${TASK}"]`);
    await ready(d, 'task');
    assert.equal(await statusOf(d), reportedStatus);
    assert.ok(await d.$('[data-testid=form-close]') && await d.$('[data-testid=form-return]'), 'the office may verify');
    assert.equal(await d.$('[data-testid=form-done]'), null, 'the office does not report');
    await d.click('[data-testid=return-submit]'); // no reason: refused in the page, nothing sent
    assert.match(await d.textContent('[data-testid=task-msg]'), /理由/);
    await d.fill('[data-testid=return-reasons]', '佐证材料未附验收文件\n请补充县区完成情况');
    await act(d, '[data-testid=return-submit]');
    assert.equal(await statusOf(d), '已退办');
    // 退办 lights yellow; but 6.4 is past its deadline (2025-12-31) and the server ranks 逾期
    // (red) above 退办 (yellow): the page shows the light the API gives.
    const returned = await (await d.request.get(`${base}/api/tasks/${TASK}`)).json();
    assert.equal(returned.row.status, 'returned');
    assert.equal(await lightOf(d), returned.row.light);
    assert.ok(['yellow', 'red'].includes(returned.row.light), returned.row.light);
    assert.equal(await d.getAttribute(`[data-testid=task-light]`, 'data-light'), returned.row.light);
    assert.match(await d.textContent('[data-testid=history]'), /佐证材料未附验收文件/);

    // 4. The lead unit sees it returned and reports done again.
    await open(j, `#/tasks/${TASK}`, 'task');
    assert.equal(await statusOf(j), '已退办');
    assert.equal(await lightOf(j), returned.row.light);
    await j.fill('[data-testid=done-text]', '已补充验收文件。');
    await j.setInputFiles('[data-testid=done-file]', pdf);
    await act(j, '[data-testid=done-submit]');
    assert.equal(await statusOf(j), reportedStatus);

    // 5. The office closes it (销号).
    await open(d, `#/tasks/${TASK}`, 'task');
    await d.click('#lang');
    await ready(d, 'task');
    assert.ok(await d.$('[data-testid=form-close]'));
    assert.match(await d.textContent('[data-testid=form-close] h4'), /Verify/);
    await d.screenshot({ path: join(ARTIFACTS, 'tasks-detail-verify-en.png'), fullPage: true });
    await d.click('#lang');
    await ready(d, 'task');
    await d.fill('[data-testid=close-note]', '经核验，同意销号。');
    await act(d, '[data-testid=close-submit]');
    assert.equal(await statusOf(d), '已销号');
    assert.equal(await lightOf(d), 'done');
    assert.equal(await d.$('[data-testid=form-close]'), null, 'nothing left to verify');
    await d.screenshot({ path: join(ARTIFACTS, 'tasks-detail-closed-zh.png'), fullPage: true });

    // 6. The board: one red fewer, one done more.
    await open(j, '#/tasks', 'tasks');
    const afterCounts = await chips(j);
    assert.equal(afterCounts.red, before.red - 1, JSON.stringify({ before, afterCounts }));
    assert.equal(afterCounts.done, before.done + 1, JSON.stringify({ before, afterCounts }));
    assert.deepEqual(afterCounts, await apiCounts(j));
    assert.equal(await j.getAttribute(`[data-testid="task-row-${TASK}"]`, 'data-light'), 'done');

    // English: the board and the task.
    await j.click('#lang');
    await ready(j, 'tasks');
    assert.match(await j.textContent('[data-testid=light-red]'), /Red/);
    await j.screenshot({ path: join(ARTIFACTS, 'tasks-board-en.png'), fullPage: true });
    await open(j, `#/tasks/${TASK}`, 'task');
    assert.equal(await statusOf(j), 'closed');
    await j.screenshot({ path: join(ARTIFACTS, 'tasks-detail-en.png'), fullPage: true });
    await j.setViewportSize({ width: 768, height: 1000 });
    await open(j, '#/tasks', 'tasks');
    const [sw, cw] = await j.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `nothing overflows at 768 px (${sw} > ${cw})`);
    await j.screenshot({ path: join(ARTIFACTS, 'tasks-board-en-768.png'), fullPage: true });
  } finally {
    await lead.close();
    await office.close();
  }
});

test('the county board (曲阳县) colours the township map; the guest has no forms', { timeout: 300_000 }, async () => {
  const { page, close } = await as('guest');
  try {
    await open(page, '#/tasks', 'tasks');
    assert.deepEqual(await chips(page), await apiCounts(page));
    await page.waitForSelector('[data-testid=task-map] canvas');
    assert.ok(Number(await page.getAttribute('[data-testid=task-map]', 'data-features')) > 0, 'township outlines');
    assert.equal(await page.$('[data-testid=division-grid]'), null);
    const id = (await page.getAttribute('[data-testid^=task-row-]', 'data-testid')).replace('task-row-', '');
    await page.click(`[data-testid="task-row-${id}"] td.tk-title`);
    await ready(page, 'task');
    assert.equal(await page.$('.tk-forms'), null, 'no action form for the guest');
    assert.ok(await page.isVisible('[data-testid=task-readonly]'));
    await open(page, '#/tasks', 'tasks');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'tasks-board-130634-zh.png'), fullPage: true });
  } finally {
    await close();
  }
});

// End-to-end test of the task board's tools (看板工具) in the browser, on the demo's Guangyuan
// plan: 变化对比 (the changes since a baseline: the default baseline is a week before the board's
// date; a baseline in 2021 lists the API's changes grouped by task, with light and status
// changes, in Chinese and in English; a task link opens the task), 导入任务计划 (the invalid
// fixture's error table names the line and the field `lead` and keeps 导入 disabled; the valid one
// checks, another option disables 导入 again, the checked choice imports and the board shows the
// new task) and 督办运行 (after a confirmation the office's run lists the tasks escalated or says
// there is nothing; a second run the same day has nothing; a lead unit is refused), 督办汇总 (the
// API's light counts and tables by county and lead unit, sortable by red; a county's link opens
// the board scoped to that county, and back; a board of more than 2000 tasks opens the summary by
// itself), the plan template (the downloaded XLSX checks and imports under a prefix; the same
// workbook with an unknown lead unit names sheet, row and field).
// Screenshots (zh, en, 768 px) go to SHOTS (default /tmp/tools-shots/).
//
// Run: QUHUA_BIN=/path/to/quhua [QUHUA_UI=source] node --test e2e/tasks_tools.test.mjs
// (QUHUA_BASE=URL: an already running server with a fresh demo database.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loginAs, openView, ready, startDemoServer, uiBase } from './harness.mjs';
import { sharedStrings, sheetPart, unzip, zip } from './zip.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const GOOD = join(FIXTURES, 'plan-ok.toml');
const BAD = join(FIXTURES, 'plan-bad.toml');
const SHOTS = process.env.SHOTS ?? '/tmp/tools-shots';
const PREFIX = 'E2E';
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

let server;
let ui;
let base;
let files;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  files = mkdtempSync(join(tmpdir(), 'quhua-e2e-tools-files-'));
  server = await startDemoServer('tasks-tools', { allowRunning: true });
  ui = await uiBase(server);
  base = ui.base;
});

after(async () => {
  await ui?.close();
  server?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const as = (user, width = 1280) => loginAs(base, user, { width });
const open = (page, hash, view) => openView(base, page, hash, view);
/** Screenshots: the whole page, its top (the tools above the board) and the open panel alone. */
async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const { width } = page.viewportSize();
  await page.screenshot({ path: join(SHOTS, `${name}-top.png`), fullPage: true, clip: { x: 0, y: 0, width, height: 1100 } });
  const panel = page.locator('.tk-panel:not([hidden])');
  if (await panel.count()) await panel.first().screenshot({ path: join(SHOTS, `${name}-panel.png`) });
}

/** Nothing wider than the window. */
async function noOverflow(page, what) {
  const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(sw <= cw, `${what}: nothing overflows (${sw} > ${cw})`);
}

/** Switches the UI language and waits for the board again. */
async function toggleLang(page) {
  const before = await page.textContent('#lang');
  await page.click('#lang');
  await page.waitForFunction((b) => document.querySelector('#lang')?.textContent !== b, before);
  await ready(page, 'tasks');
}

/** Opens a tool's panel (unless open) and returns it. */
async function openTool(page, tool) {
  if (!(await page.isVisible(`[data-testid=panel-${tool}]`))) await page.click(`[data-testid=tool-${tool}]`);
  await page.waitForSelector(`[data-testid=panel-${tool}]`, { state: 'visible' });
  assert.equal(await page.getAttribute(`[data-testid=tool-${tool}]`, 'aria-expanded'), 'true');
}

const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('变化对比: the changes since a baseline, grouped by task, in Chinese and English', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-ducha');
  try {
    await open(page, '#/tasks', 'tasks');
    const date = (await page.textContent('[data-testid=tk-asof]')).trim();
    const scope = (await (await page.request.get(`${base}/api/tasks`)).json()).scope;
    assert.equal(await page.isVisible('[data-testid=panel-changes]'), false, 'the panels start closed');
    await openTool(page, 'changes');
    assert.equal(await page.inputValue('[data-testid=changes-since]'), addDays(date, -7), 'the default baseline: a week before the board\'s date');
    await page.waitForSelector('[data-testid=changes-table], [data-testid=changes-empty]');
    const week = await (await page.request.get(`${base}/api/tasks/changes?since=${addDays(date, -7)}&date=${date}&scope=${scope}`)).json();
    if (week.length === 0) assert.ok(await page.isVisible('[data-testid=changes-empty]'));
    else assert.equal(Number(await page.getAttribute('[data-testid=changes-count]', 'data-n')), week.length);

    // The same day: nothing changed (the empty state).
    await page.fill('[data-testid=changes-since]', date);
    await page.click('[data-testid=changes-apply]');
    await page.waitForSelector('[data-testid=changes-empty]');
    assert.match(await page.textContent('[data-testid=changes-empty]'), /无变化/);

    // A baseline in 2021: the API's changes, task by task.
    const since = '2021-06-01';
    await page.fill('[data-testid=changes-since]', since);
    await page.click('[data-testid=changes-apply]');
    await page.waitForSelector('[data-testid=changes-table]');
    const api = await (await page.request.get(`${base}/api/tasks/changes?since=${since}&date=${date}&scope=${scope}`)).json();
    assert.ok(api.length > 0, 'the demo plan changed since 2021');
    assert.equal(Number(await page.getAttribute('[data-testid=changes-count]', 'data-n')), api.length);
    const tasks = new Set(api.map((c) => c.id));
    assert.equal(Number(await page.getAttribute('[data-testid=changes-count]', 'data-tasks')), tasks.size);
    assert.match(await page.textContent('[data-testid=changes-count]'), new RegExp(`${api.length} 项变化，涉及 ${tasks.size} 项任务`));
    const rows = await page.$$eval('[data-testid=changes-table] [data-testid=change-row]', (rs) => rs.map((r) => ({
      id: r.getAttribute('data-id'), field: r.getAttribute('data-field'), cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
      before: r.querySelector('[data-testid=change-before]').innerHTML, after: r.querySelector('[data-testid=change-after]').innerHTML,
    })));
    assert.deepEqual(rows.map((r) => [r.id, r.field]), api.map((c) => [c.id, c.field]), 'one row per change, in the API\'s order');
    assert.ok(rows.some((r) => r.field === 'light') && rows.some((r) => r.field === 'status'), 'light and status changes');
    // One group (tbody) per task, its id linking to the task.
    assert.equal(await page.$$eval('[data-testid=changes-table] tbody', (b) => b.length), tasks.size);
    const light = api.find((c) => c.field === 'light');
    const lightRow = page.locator(`[data-testid="change-task-${light.id}"] [data-field=light]`);
    assert.equal(await lightRow.locator('[data-testid=change-before] .tk-badge').getAttribute('data-light'), light.before, 'the light as the board\'s badge');
    assert.equal(await lightRow.locator('[data-testid=change-after] .tk-badge').getAttribute('data-light'), light.after);
    assert.match(await lightRow.textContent(), /灯色/);
    const status = api.find((c) => c.field === 'status');
    const statusRow = page.locator(`[data-testid="change-task-${status.id}"] [data-field=status]`);
    assert.match(await statusRow.textContent(), /状态/);
    assert.ok((await statusRow.textContent()).includes(status.after), 'the status in Chinese');
    await shot(page, 'changes-zh');

    // English: every label and value is English (titles and unit names are data).
    await toggleLang(page);
    await openTool(page, 'changes');
    assert.equal(await page.inputValue('[data-testid=changes-since]'), since, 'the baseline is kept');
    await page.waitForSelector('[data-testid=changes-table]');
    assert.match(await page.textContent('[data-testid=changes-count]'), new RegExp(`${api.length} changes in ${tasks.size} tasks`));
    const heads = await page.$$eval('[data-testid=changes-table] thead th', (th) => th.map((x) => x.textContent));
    assert.ok(heads.every((h) => !CJK.test(h)), JSON.stringify(heads));
    const en = await page.$$eval('[data-testid=changes-table] [data-testid=change-row]', (rs) => rs.map((r) => {
      const cells = [...r.querySelectorAll('td:not([rowspan])')].map((td) => td.textContent.trim());
      return { field: r.getAttribute('data-field'), cells };
    }));
    const EN_STATUS = { 推进中: 'in progress', 待核验: 'waiting for verification', 已退办: 'returned', 已销号: 'closed' };
    for (const r of en) {
      if (!['lead', 'participants'].includes(r.field)) assert.ok(r.cells.every((c) => !CJK.test(c)), `no Chinese in ${JSON.stringify(r)}`);
    }
    const enStatus = page.locator(`[data-testid="change-task-${status.id}"] [data-field=status]`);
    assert.ok((await enStatus.textContent()).includes(EN_STATUS[status.after]), 'the status in English');
    assert.match(await enStatus.textContent(), /Status/);
    assert.match(await page.locator(`[data-testid="change-task-${light.id}"] [data-field=light]`).textContent(), /Light/);
    const panelText = await page.textContent('[data-testid=panel-changes] > h3');
    assert.ok(!CJK.test(panelText), panelText);
    await shot(page, 'changes-en');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'changes at 768 px');
    await shot(page, 'changes-en-768');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await toggleLang(page);

    // A task link opens the task.
    await openTool(page, 'changes');
    await page.waitForSelector('[data-testid=changes-table]');
    await page.click(`[data-testid="change-link-${status.id}"]`);
    await page.waitForFunction((id) => location.hash.startsWith(`#/tasks/${encodeURIComponent(id)}`), status.id);
    await ready(page, 'task');
    assert.equal((await page.textContent('.tk-hid')).trim(), status.id);
  } finally {
    await close();
  }
});

/** The line of the `[[task]]` whose id is `id`, and of its `lead`, in a fixture. */
function linesOf(file, id) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const idLine = lines.findIndex((l) => l.trim() === `id = "${id}"`);
  let header = idLine;
  while (header > 0 && lines[header].trim() !== '[[task]]') header--;
  let lead = idLine;
  while (lead < lines.length && !lines[lead].startsWith('lead')) lead++;
  return { header: header + 1, lead: lead + 1 };
}

test('导入任务计划: errors name line and field; check, then import the checked choice', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-ducha');
  try {
    await open(page, '#/tasks', 'tasks');
    await openTool(page, 'import');
    assert.equal(await page.getAttribute('[data-testid=timp-file]', 'accept').then((a) => a.includes('.toml') && a.includes('.xlsx')), true);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true, 'nothing checked: 导入 disabled');
    await page.click('[data-testid=timp-check]');
    assert.match(await page.textContent('[data-testid=timp-error]'), /请先选择/);

    // The invalid plan: its unknown lead unit, with line and field; 导入 stays disabled.
    await page.setInputFiles('[data-testid=timp-file]', BAD);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-errors]');
    const problems = await page.$$eval('[data-testid=timp-problem]', (rs) => rs.map((r) => ({
      line: r.querySelector('[data-testid=timp-line]').textContent.trim(), field: r.querySelector('[data-testid=timp-field]').textContent.trim(),
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
    })));
    const where = linesOf(BAD, '31');
    const lead = problems.find((p) => p.field === 'lead');
    assert.ok(lead, JSON.stringify(problems));
    assert.ok([String(where.header), String(where.lead)].includes(lead.line), `the line of task 31 (${where.header}) or of its lead (${where.lead}): ${lead.line}`);
    assert.equal(lead.cells[0], 'plan-bad.toml');
    assert.equal(lead.cells[2], '31');
    assert.match(lead.cells[4], /gy-nobody.*未在/);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true, 'an invalid file cannot be imported');
    await shot(page, 'import-errors-zh');

    // The same in English (the panel stays open; the file is chosen again).
    await toggleLang(page);
    await openTool(page, 'import');
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true);
    await page.setInputFiles('[data-testid=timp-file]', BAD);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-errors]');
    const enRow = await page.$$eval('[data-testid=timp-problem]', (rs) => [...rs[0].querySelectorAll('td')].map((td) => td.textContent.trim()));
    assert.match(enRow[4], /gy-nobody" is not defined/);
    const enText = await page.textContent('[data-testid=panel-import]');
    assert.ok(!CJK.test(enText), `no Chinese in the English import panel: ${enText.match(new RegExp(`.{0,20}${CJK.source}.{0,20}`))?.[0]}`);
    await shot(page, 'import-errors-en');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'import errors at 768 px');
    await shot(page, 'import-errors-en-768');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await toggleLang(page);
    await openTool(page, 'import');

    // A broken Excel file is sent as it is; whatever the server answers shows, 导入 stays disabled.
    const xlsx = join(files, '任务计划.xlsx');
    writeFileSync(xlsx, Buffer.from('PK\x03\x04 not really a workbook', 'latin1'));
    await page.setInputFiles('[data-testid=timp-file]', xlsx);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-errors], [data-testid=timp-error]:not(:empty)');
    assert.match(await page.textContent('[data-testid=timp-out]'), /任务计划\.xlsx/);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true);

    // The valid plan: checked, then a changed option disables 导入 until checked again.
    await page.setInputFiles('[data-testid=timp-file]', GOOD);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-summary]');
    assert.equal(await page.getAttribute('[data-testid=timp-summary]', 'data-committed'), 'false');
    assert.equal(await page.getAttribute('[data-testid=timp-summary]', 'data-tasks'), '2');
    assert.match(await page.textContent('[data-testid=timp-summary]'), /检查通过.*2 项任务、3 个单位/);
    await page.waitForFunction(() => !document.querySelector('[data-testid=timp-commit]').disabled);
    await page.fill('[data-testid=timp-prefix]', PREFIX);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true, 'another prefix: check again');
    await page.click('[data-testid=timp-check]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=timp-commit]').disabled);
    assert.match(await page.textContent('[data-testid=timp-ids]'), new RegExp(`${PREFIX}\\.31`));
    await shot(page, 'import-checked-zh');
    // Another file disables it too; the checked one again, checked again, enables it.
    await page.setInputFiles('[data-testid=timp-file]', BAD);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true, 'another file: check again');
    await page.setInputFiles('[data-testid=timp-file]', GOOD);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true);
    await page.click('[data-testid=timp-check]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=timp-commit]').disabled);

    const id = `${PREFIX}.31`;
    assert.equal(await page.$(`[data-testid="task-row-${id}"]`), null, 'not on the board before');
    await page.click('[data-testid=timp-commit]');
    await page.waitForSelector('[data-testid=timp-summary][data-committed=true]');
    assert.match(await page.textContent('[data-testid=timp-summary]'), /已导入 2 项任务/);
    await page.waitForSelector(`[data-testid="task-row-${id}"]`);
    assert.ok(await page.$(`[data-testid="task-row-${id}.1"]`), 'the subtask too');
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true, 'filed: not twice');
    const board = await (await page.request.get(`${base}/api/tasks`)).json();
    assert.ok(board.rows.some((r) => r.id === id));
    await shot(page, 'import-done-zh');
    await toggleLang(page);
    await openTool(page, 'import');
    assert.match(await page.textContent(`[data-testid="task-row-${id}"]`), /Better township service centres/);
    await page.setInputFiles('[data-testid=timp-file]', GOOD);
    await page.fill('[data-testid=timp-prefix]', `${PREFIX}2`);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-summary]');
    assert.match(await page.textContent('[data-testid=timp-summary]'), /Check passed/);
    await shot(page, 'import-checked-en');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'import at 768 px');
    await shot(page, 'import-checked-en-768');
  } finally {
    await close();
  }
});

test('督办运行: after a confirmation, the office\'s run lists what it escalated; a second run has nothing', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-ducha');
  try {
    await open(page, '#/tasks', 'tasks');
    await openTool(page, 'escalate');
    // Cancelled: nothing is sent.
    await page.click('[data-testid=escalate-run]');
    await page.waitForSelector('[data-testid=escalate-confirm]');
    assert.match(await page.textContent('[data-testid=escalate-confirm]'), /不能撤销/);
    await shot(page, 'escalate-confirm-zh');
    await page.click('[data-testid=escalate-confirm-cancel]');
    assert.equal(await page.$('[data-testid=escalate-confirm]'), null);
    assert.equal((await page.textContent('[data-testid=escalate-out]')).trim(), '', 'nothing ran');

    await page.click('[data-testid=escalate-run]');
    await page.click('[data-testid=escalate-confirm-do]');
    await page.waitForSelector('[data-testid=escalate-done], [data-testid=escalate-nothing]');
    await ready(page, 'tasks');
    const list = await page.$$eval('[data-testid=escalate-list] > li', (ls) => ls.map((l) => ({
      id: l.getAttribute('data-testid').replace('escalated-', ''), href: l.querySelector('a').getAttribute('href'),
      steps: [...l.querySelectorAll('.tk-step')].map((s) => s.getAttribute('data-step')),
    })));
    if (list.length === 0) {
      assert.match(await page.textContent('[data-testid=escalate-nothing]'), /今日无需催办/);
    } else {
      assert.match(await page.textContent('[data-testid=escalate-done]'), new RegExp(`已为 ${list.length} 项任务记录督办`));
      for (const e of list) {
        assert.ok(e.steps.length > 0 && e.steps.every((s) => ['urge', 'notice', 'circular'].includes(s)), JSON.stringify(e));
        assert.equal(e.href, `#/tasks/${encodeURIComponent(e.id)}`);
        const v = await (await page.request.get(`${base}/api/tasks/${encodeURIComponent(e.id)}`)).json();
        assert.ok(v.history.some((h) => h.kind === 'escalated'), `${e.id}: the step is in its history`);
        assert.deepEqual(v.escalations_due, [], `${e.id}: nothing left due`);
      }
    }
    // The imported plan's subtask (due 2026-10-31) is overdue from then on: it is escalated.
    const imported = await page.request.get(`${base}/api/tasks/${PREFIX}.31.1`);
    if (imported.ok() && (await page.textContent('[data-testid=tk-asof]')) > '2026-11-01') {
      assert.ok(list.some((e) => e.id === `${PREFIX}.31.1`), JSON.stringify(list));
    }
    await shot(page, 'escalate-result-zh');
    await toggleLang(page);
    await openTool(page, 'escalate');
    await page.waitForSelector('[data-testid=escalate-done], [data-testid=escalate-nothing]');
    const enText = await page.textContent('[data-testid=panel-escalate]');
    assert.match(enText, list.length ? /Escalation recorded on/ : /Nothing to escalate today/);
    const noTitles = await page.$$eval('[data-testid=panel-escalate] :is(h3, p, button, .tk-step, .muted)', (els) => els.map((e) => e.textContent));
    assert.ok(noTitles.every((x) => !/[\u3400-\u9fff]/.test(x)), JSON.stringify(noTitles));
    await shot(page, 'escalate-result-en');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'escalation at 768 px');
    await shot(page, 'escalate-result-en-768');
    await page.setViewportSize({ width: 1280, height: 1000 });

    // Again the same day: nothing left.
    await page.click('[data-testid=escalate-run]');
    await page.click('[data-testid=escalate-confirm-do]');
    await page.waitForSelector('[data-testid=escalate-nothing]');
    assert.match(await page.textContent('[data-testid=escalate-nothing]'), /Nothing to escalate today/);
    await toggleLang(page);
  } finally {
    await close();
  }
});

test('导入任务计划: a lead unit (gy-jiaotong) is refused, in the UI language', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-jiaotong');
  try {
    await open(page, '#/tasks', 'tasks');
    await openTool(page, 'import');
    await page.setInputFiles('[data-testid=timp-file]', GOOD);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-error]');
    assert.match(await page.textContent('[data-testid=timp-error]'), /无权访问.*督办任务由督查督办单位/);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true);
    await shot(page, 'import-refused-zh');
    await toggleLang(page);
    await openTool(page, 'import');
    await page.setInputFiles('[data-testid=timp-file]', GOOD);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-error]');
    const en = await page.textContent('[data-testid=timp-error]');
    assert.match(en, /^Forbidden: tasks are filed by their supervising office/);
    assert.ok(!CJK.test(en), en);
  } finally {
    await close();
  }
});

test('督办运行: a lead unit (gy-jiaotong) is refused, in the UI language', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-jiaotong');
  try {
    await open(page, '#/tasks', 'tasks');
    await openTool(page, 'escalate');
    await page.click('[data-testid=escalate-run]');
    await page.click('[data-testid=escalate-confirm-do]');
    await page.waitForSelector('[data-testid=escalate-error], [data-testid=escalate-done], [data-testid=escalate-nothing]');
    await shot(page, 'escalate-refused-zh');
    const zh = await page.textContent('[data-testid=escalate-out]');
    assert.ok(await page.$('[data-testid=escalate-error]'), `the lead unit is refused (the server answered: ${zh.trim()})`);
    assert.match(zh, /无权访问/);
    await toggleLang(page);
    await openTool(page, 'escalate');
    await page.click('[data-testid=escalate-run]');
    await page.click('[data-testid=escalate-confirm-do]');
    await page.waitForSelector('[data-testid=escalate-error]');
    const en = await page.textContent('[data-testid=escalate-error]');
    assert.match(en, /^Forbidden/);
    assert.ok(!CJK.test(en), en);
    await shot(page, 'escalate-refused-en');
  } finally {
    await close();
  }
});

/** The rows of a summary table as shown: key, total, red, the name cell's text and link. */
const summaryRows = (page, table) => page.$$eval(`[data-testid=sum-by-${table}] tbody tr`, (rs) => rs.map((r) => ({
  key: r.getAttribute('data-key'), total: Number(r.getAttribute('data-total')), red: Number(r.getAttribute('data-red')),
  name: r.querySelector('td').textContent.trim(), href: r.querySelector('a')?.getAttribute('href') ?? null,
})));

/** The board's rows as shown: id and the division codes they concern. */
const boardRows = (page) => page.$$eval('[data-testid=task-table] tbody tr', (rs) => rs.map((r) => ({
  id: r.getAttribute('data-id'), divisions: (r.getAttribute('data-divisions') ?? '').split(' ').filter(Boolean),
})));

test('督办汇总: lights and tables by county and lead unit; a county opens its own board', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-ducha');
  try {
    await open(page, '#/tasks', 'tasks');
    const board = await (await page.request.get(`${base}/api/tasks`)).json();
    const r = await page.request.get(`${base}/api/tasks/summary?scope=${board.scope}&date=${board.date}`);
    assert.equal(r.status(), 200);
    const sum = await r.json();
    assert.equal(sum.total, board.total, 'the summary counts the board\'s tasks');
    assert.ok(board.total <= 2000);
    assert.equal(await page.isVisible('[data-testid=panel-summary]'), false, `a board of ${board.total} tasks does not open the summary by itself`);
    await openTool(page, 'summary');
    await page.waitForSelector('[data-testid=sum-by-county]');
    await ready(page, 'tasks');

    // The chips: the API's counts per light.
    for (const l of sum.lights) {
      assert.equal(Number(await page.getAttribute(`[data-testid=sum-light-${l.light.id}]`, 'data-count')), l.count, l.light.id);
    }
    assert.equal(Number(await page.getAttribute('[data-testid=summary-total]', 'data-total')), sum.total);
    assert.match(await page.textContent('[data-testid=summary-total]'), new RegExp(`共 ${sum.total} 项任务`));
    assert.equal(await page.isVisible('[data-testid=panel-summary] [data-testid=synthetic]'), sum.synthetic, '示意 as the board');

    // By county: the API's rows; their totals cover every county item of the board, and every county it concerns.
    const counties = await summaryRows(page, 'county');
    assert.deepEqual(counties.map((c) => [c.key, c.total]), sum.by_county.map((c) => [c.key, c.total]));
    const items = board.rows.filter((x) => x.level === 'item');
    assert.ok(items.length > 0, 'the demo plan has county items');
    const covered = counties.reduce((n, c) => n + c.total, 0);
    assert.ok(covered >= items.length, `the county totals (${covered}) cover the ${items.length} county items`);
    const keys = new Set(counties.map((c) => c.key));
    for (const x of board.rows) for (const d of x.divisions) assert.ok(keys.has(d.slice(0, 6)), `${x.id}: county ${d.slice(0, 6)} listed`);
    for (const c of sum.by_county) {
      const row = counties.find((x) => x.key === c.key);
      assert.ok(row.name.startsWith(c.key), `${c.key}: the code shown`);
      if (c.name) assert.ok(row.name.includes(c.name), `${c.key}: its name shown`);
      assert.ok(row.href.includes(`scope=${c.key}`), `${c.key}: links to its board (${row.href})`);
    }
    // By lead unit: the API's rows, by name.
    const units = await summaryRows(page, 'unit');
    assert.deepEqual(units.map((u) => [u.key, u.total, u.name]), sum.by_unit.map((u) => [u.key, u.total, u.name || u.key]));

    // Sorted by red: most red first; again: fewest first.
    await page.click('[data-testid=sum-by-county] button[data-sort=red]');
    let reds = (await summaryRows(page, 'county')).map((c) => c.red);
    assert.deepEqual(reds, [...reds].sort((a, b) => b - a), 'most red first');
    assert.equal(await page.getAttribute('[data-testid=sum-by-county] th:has(button[data-sort=red])', 'aria-sort'), 'descending');
    await page.click('[data-testid=sum-by-county] button[data-sort=red]');
    reds = (await summaryRows(page, 'county')).map((c) => c.red);
    assert.deepEqual(reds, [...reds].sort((a, b) => a - b), 'fewest red first');
    await page.click('[data-testid=sum-by-county] button[data-sort=red]');
    await shot(page, 'summary-zh');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'summary at 768 px');
    await shot(page, 'summary-zh-768');
    await page.setViewportSize({ width: 1280, height: 1000 });

    // English: the same, labels in English (unit names are data).
    await toggleLang(page);
    await page.waitForSelector('[data-testid=sum-by-county]');
    assert.match(await page.textContent('[data-testid=summary-total]'), new RegExp(`${sum.total} tasks in all`));
    const heads = await page.$$eval('[data-testid=panel-summary] :is(h3, h4, th, .tk-chip, p)', (els) => els.map((e) => e.textContent));
    assert.ok(heads.every((h) => !CJK.test(h.replace(/示意/g, ''))), JSON.stringify(heads.filter((h) => CJK.test(h.replace(/示意/g, '')))));
    assert.ok(!CJK.test(await page.textContent('[data-testid=sum-by-county]')), 'no Chinese in the English county table');
    await shot(page, 'summary-en');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'summary at 768 px');
    await shot(page, 'summary-en-768');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await toggleLang(page);
    await page.waitForSelector('[data-testid=sum-by-county]');

    // A county's link: the board of that county only, every row concerning it.
    const pick = [...sum.by_county].filter((c) => !c.key.endsWith('00')).sort((a, b) => b.total - a.total)[0] ?? sum.by_county[0];
    await page.click(`[data-testid=sum-county-link-${pick.key}]`);
    await page.waitForFunction((k) => new URLSearchParams(location.hash.split('?')[1] ?? '').get('scope') === k, pick.key);
    await ready(page, 'tasks');
    const scoped = await (await page.request.get(`${base}/api/tasks?scope=${pick.key}`)).json();
    assert.equal(scoped.scope, pick.key);
    assert.equal(scoped.total, pick.total, 'the county\'s board has the summary\'s count');
    assert.equal(await page.getAttribute('[data-testid=tk-scoped]', 'data-scope'), pick.key);
    assert.match(await page.textContent('[data-testid=tk-scoped]'), new RegExp(`仅显示辖区 ${pick.key}`));
    const shown = await boardRows(page);
    assert.deepEqual(shown.map((x) => x.id).sort(), scoped.rows.map((x) => x.id).sort(), 'the rows of the scoped API board');
    assert.ok(shown.length > 0);
    for (const x of shown) assert.ok(x.divisions.length > 0 && x.divisions.every((d) => d.startsWith(pick.key)), `${x.id} concerns ${pick.key}: ${x.divisions}`);
    assert.match(await page.textContent('[data-testid=tk-count]'), new RegExp(`共 ${scoped.total} 项`));
    await shot(page, 'summary-scoped-zh');

    // A filter keeps the scope; a task's way back returns to the scoped board.
    await page.selectOption('[data-testid=tk-light]', scoped.rows[0].light);
    await page.waitForFunction(() => /light=/.test(location.hash));
    await ready(page, 'tasks');
    assert.match(await page.evaluate(() => location.hash), new RegExp(`scope=${pick.key}`));
    await page.click(`[data-testid="task-row-${scoped.rows[0].id}"] .tk-id a`);
    await ready(page, 'task');
    assert.match(await page.getAttribute('[data-testid=task-back]', 'href'), new RegExp(`scope=${pick.key}`));
    await page.click('[data-testid=task-back]');
    await ready(page, 'tasks');
    assert.equal(await page.getAttribute('[data-testid=tk-scoped]', 'data-scope'), pick.key);

    // Back to the whole jurisdiction.
    await page.click('[data-testid=tk-whole]');
    await page.waitForFunction(() => !/scope=/.test(location.hash));
    await ready(page, 'tasks');
    // (ready can still be the scoped board's: wait for the whole board's rows to be drawn.)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=task-table] tbody tr').length === n
      && !document.querySelector('[data-testid=tk-scoped]'), board.rows.length, { timeout: 60_000 });
    assert.equal(await page.$('[data-testid=tk-scoped]'), null);
    assert.equal((await boardRows(page)).length, board.rows.length);

    // A scope outside the account's: the server's error, and the way back.
    await page.evaluate(() => { location.hash = '#/tasks?scope=130634'; });
    await page.waitForSelector('[data-testid=tk-error]');
    assert.ok(await page.isVisible('[data-testid=tk-whole]'));
  } finally {
    await close();
  }
});

test('督办汇总: a board of more than 2000 tasks opens the summary by itself, the board still below', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-ducha');
  const BIG = 2345;
  try {
    // The demo has 41 tasks: the board's and the summary's totals are made big on the way.
    await page.route((u) => u.pathname === '/api/tasks' || u.pathname === '/api/tasks/summary', async (route) => {
      const resp = await route.fetch();
      const json = await resp.json();
      await route.fulfill({ response: resp, json: { ...json, total: BIG } });
    });
    await open(page, '#/tasks', 'tasks');
    await page.waitForSelector('[data-testid=panel-summary]', { state: 'visible' });
    assert.equal(await page.getAttribute('[data-testid=tool-summary]', 'aria-expanded'), 'true');
    await page.waitForSelector('[data-testid=summary-big]');
    assert.match(await page.textContent('[data-testid=summary-big]'), /任务超过 2000 项/);
    assert.match(await page.textContent('[data-testid=summary-total]'), new RegExp(`共 ${BIG} 项任务`));
    const board = await (await page.request.get(`${base}/api/tasks`)).json();
    assert.equal((await boardRows(page)).length, board.rows.length, 'the board is there below');
    await shot(page, 'summary-big-zh');
    // Closed, it stays closed on this jurisdiction's boards.
    await page.click('[data-testid=panel-summary] [data-close]');
    assert.equal(await page.isVisible('[data-testid=panel-summary]'), false);
    await page.click('[data-testid=light-red]');
    await page.waitForFunction(() => /light=red/.test(location.hash));
    await ready(page, 'tasks');
    assert.equal(await page.isVisible('[data-testid=panel-summary]'), false, 'not again once closed');
  } finally {
    await close();
  }
});

/** The text of cell `ref` (A1 style) of a sheet part, with the workbook's shared strings. */
function cellText(xml, ref, strings) {
  const m = new RegExp(`<c r="${ref}"([^>]*)>([\\s\\S]*?)</c>`).exec(xml);
  if (!m) return '';
  const v = /<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1] ?? /<t[^>]*>([\s\S]*?)<\/t>/.exec(m[2])?.[1] ?? '';
  return /t="s"/.test(m[1]) ? strings[Number(v)] : v;
}

test('任务计划模板: the template downloads as XLSX, checks and imports; an unknown unit in it names sheet, row and field', { timeout: 300_000 }, async () => {
  const { page, close } = await as('gy-ducha');
  const prefix = 'XLSXT';
  try {
    await open(page, '#/tasks', 'tasks');
    await openTool(page, 'import');
    assert.match(await page.textContent('[data-testid=timp-template-hint]'), /填写后.*导入/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=timp-template]')]);
    const name = download.suggestedFilename();
    assert.match(name, /\.xlsx$/, name);
    const tpl = join(files, name);
    await download.saveAs(tpl);
    const bytes = readFileSync(tpl);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP (XLSX) file');
    const parts = unzip(bytes);
    const wb = parts.get('xl/workbook.xml').toString('utf8');
    for (const sheet of ['计划', '单位', '任务', '指标', '节点']) assert.ok(wb.includes(`name="${sheet}"`), `sheet ${sheet}`);

    // The very file, checked under a prefix: the count the check answers.
    await page.setInputFiles('[data-testid=timp-file]', tpl);
    await page.fill('[data-testid=timp-prefix]', prefix);
    // The check's answer, read on its way (Chromium does not keep the body of an uploading fetch).
    const answers = [];
    const isImport = (u) => u.pathname === '/api/tasks/imports';
    await page.route(isImport, async (route) => {
      const r = await route.fetch();
      answers.push({ status: r.status(), body: await r.text() });
      await route.fulfill({ response: r });
    });
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-summary], [data-testid=timp-error]');
    await page.unroute(isImport);
    assert.equal(answers.length, 1);
    assert.equal(answers[0].status, 200, answers[0].body);
    const checked = JSON.parse(answers[0].body);
    assert.equal(checked.committed, false);
    assert.ok(checked.tasks > 0 && checked.ids.every((id) => id.startsWith(`${prefix}.`)), JSON.stringify(checked.ids.slice(0, 5)));
    await page.waitForSelector('[data-testid=timp-summary]');
    assert.equal(Number(await page.getAttribute('[data-testid=timp-summary]', 'data-tasks')), checked.tasks);
    assert.match(await page.textContent('[data-testid=timp-summary]'), new RegExp(`检查通过.*${checked.tasks} 项任务`));
    await page.waitForFunction(() => !document.querySelector('[data-testid=timp-commit]').disabled);
    await shot(page, 'template-checked-zh');
    await page.click('[data-testid=timp-commit]');
    await page.waitForSelector('[data-testid=timp-summary][data-committed=true]');
    await page.waitForSelector(`[data-testid^="task-row-${prefix}."]`);
    const ids = (await boardRows(page)).map((x) => x.id).filter((id) => id.startsWith(`${prefix}.`));
    assert.deepEqual(ids.sort(), [...checked.ids].sort(), 'the board shows the imported tasks');
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true);

    // The same workbook with an unknown lead unit on the first task's row.
    const sheet = sheetPart(parts, '任务');
    const strings = sharedStrings(parts);
    const xml = parts.get(sheet).toString('utf8');
    const headRow = /<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(xml)[1];
    const columns = [...headRow.matchAll(/<c r="([A-Z]+)1"/g)].map((m) => m[1]);
    const col = (title) => columns.find((c) => cellText(xml, `${c}1`, strings) === title);
    const leadCol = col('牵头单位');
    const idCol = col('编号');
    assert.ok(leadCol && idCol, `the columns 编号 and 牵头单位 in ${columns}`);
    const item = cellText(xml, `${idCol}2`, strings);
    const lead = `<c r="${leadCol}2" t="inlineStr"><is><t>gy-nobody</t></is></c>`;
    const cell = new RegExp(`<c r="${leadCol}2"[^>]*(/>|>[\\s\\S]*?</c>)`);
    assert.ok(cell.test(xml));
    parts.set(sheet, Buffer.from(xml.replace(cell, lead), 'utf8'));
    const bad = join(files, 'bad.xlsx');
    writeFileSync(bad, zip(parts));
    await page.setInputFiles('[data-testid=timp-file]', bad);
    await page.fill('[data-testid=timp-prefix]', `${prefix}2`);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-errors]');
    const problems = await page.$$eval('[data-testid=timp-problem]', (rs) => rs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
    const p = problems.find((x) => x[3] === 'lead');
    assert.ok(p, JSON.stringify(problems));
    assert.deepEqual(p.slice(0, 4), ['bad.xlsx[任务]', '2', item, 'lead'], 'file and sheet, row, task, field');
    assert.match(p[4], /gy-nobody/);
    assert.equal(await page.isDisabled('[data-testid=timp-commit]'), true, 'an invalid workbook cannot be imported');
    await shot(page, 'template-errors-zh');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'template errors at 768 px');
    await shot(page, 'template-errors-zh-768');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await toggleLang(page);
    await openTool(page, 'import');
    assert.ok(!CJK.test(await page.textContent('[data-testid=timp-template-hint]')));
    assert.ok(!CJK.test(await page.textContent('[data-testid=timp-template]')));
    await page.setInputFiles('[data-testid=timp-file]', bad);
    await page.click('[data-testid=timp-check]');
    await page.waitForSelector('[data-testid=timp-errors]');
    const en = await page.$$eval('[data-testid=timp-problem]', (rs) => rs.map((r) => r.querySelectorAll('td')[4].textContent));
    assert.ok(en.some((x) => /gy-nobody" is not defined/.test(x)), JSON.stringify(en));
    await shot(page, 'template-errors-en');
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.waitForTimeout(200);
    await noOverflow(page, 'template errors at 768 px');
    await shot(page, 'template-errors-en-768');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await toggleLang(page);
  } finally {
    await close();
  }
});

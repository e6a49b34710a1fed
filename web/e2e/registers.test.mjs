// End-to-end test of the two registers (风险清单, 群众诉求) and the 督办报告 links, on 曲阳县 (130634):
// the owner 曲阳县财政局 (caizheng) reports R-130634-3 (乡镇债务清偿主体不明) resolved and sees no
// close/return form; the office (quyang) sees it 待核验 and returns it with a reason; the owner
// reports again; the office closes it (已化解销号) and the table's closed count goes up by one.
// Feedback: the page's total is the API's; 行政审批局 (zhengwu) replies to an open item assigned
// to it; the office follows it up and corrects its topic with a reason (one more version, every
// earlier version still listed); a bad hotline CSV is refused naming the file and row, nothing
// stored; a good CSV of 2 tickets is checked, then imported (+2), and importing it again adds 0.
// No delete or hide control anywhere. The board's report links download a DOCX and a PDF.
// Screenshots (zh, en, 768 px) go to e2e/artifacts/.
//
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/registers.test.mjs
// The UI under test is the one the binary embeds (QUHUA_UI=source: this source tree, served with
// Vite and proxying /api to the demo server it starts; QUHUA_BASE=URL: an already running
// server, fresh demo database expected — R-130634-3 must still be open).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, openView, ready, startDemoServer, uiBase } from './harness.mjs';

const RISK = 'R-130634-3';

let server;
let ui;
let base;
let files;

before(async () => {
  files = mkdtempSync(join(tmpdir(), 'quhua-e2e-registers-files-'));
  server = await startDemoServer('registers', { allowRunning: true });
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

/** Submits a register form and waits for the page to settle; returns the message and its class. */
async function act(page, button) {
  await page.click(button);
  await page.waitForFunction(() => window.__quhua.ready && !/正在|Sending/.test(document.querySelector('[data-testid=reg-msg]')?.textContent ?? ''), null, { timeout: 30_000 });
  return { text: await page.textContent('[data-testid=reg-msg]'), cls: await page.getAttribute('[data-testid=reg-msg]', 'class') };
}

const riskStatus = async (page) => (await page.textContent('[data-testid=risk-status]')).trim();
/** The table's closed count of the owner's line (曲阳县财政局, 重大). */
const closedCount = async (page) => Number(await page.textContent('[data-testid=risk-table] tr[data-unit="曲阳县财政局"][data-level=major] td[data-col=closed]'));
const apiJson = async (page, path) => { const r = await page.request.get(base + path); assert.equal(r.status(), 200, path); return r.json(); };

/** No control anywhere that deletes or hides a record. */
async function noDelete(page) {
  const labels = await page.$$eval('button, a, input[type=submit]', (els) => els.map((e) => `${e.textContent ?? ''} ${e.getAttribute('value') ?? ''} ${e.getAttribute('data-testid') ?? ''}`));
  const bad = labels.filter((l) => /删除|隐藏|作废|delete|remove|hide/i.test(l));
  assert.deepEqual(bad, [], 'no delete or hide control');
}

async function selectRisk(page, id) {
  await page.click(`[data-testid="risk-row-${id}"] td.tk-title`);
  await page.waitForSelector(`[data-testid=risk-detail][data-id="${id}"]`);
}

test('风险清单: report resolved, return with a reason, report again, close (已化解销号)', { timeout: 600_000 }, async () => {
  const owner = await as('caizheng');
  const office = await as('quyang');
  const c = owner.page;
  const q = office.page;
  try {
    // The owner, from the header: R-130634-3 is its own, with report forms and no verification.
    await c.click('[data-testid=nav-risks]');
    await ready(c, 'risks');
    assert.ok(await c.isVisible('[data-testid=synthetic]'), 'the 示意 label');
    const api0 = await apiJson(c, '/api/risks');
    assert.equal(await c.$$eval('[data-testid^=risk-row-]', (r) => r.length), api0.risks.length);
    await selectRisk(c, RISK);
    assert.match(await c.textContent('[data-testid=risk-detail] h3'), /乡镇债务清偿主体不明/);
    assert.equal(await c.getAttribute(`[data-testid="risk-row-${RISK}"] .rk-level`, 'data-level'), 'major');
    for (const f of ['form-update', 'form-resolved']) assert.ok(await c.$(`[data-testid=${f}]`), `${f} for the owner`);
    for (const f of ['form-close', 'form-return', 'form-new-risk']) assert.equal(await c.$(`[data-testid=${f}]`), null, `no ${f} for the owner`);
    await noDelete(c);
    await c.screenshot({ path: join(ARTIFACTS, 'risks-owner-zh.png'), fullPage: true });

    await c.fill('[data-testid=update-text]', '已完成清产核资，正在逐笔确认承接主体。');
    let m = await act(c, '[data-testid=update-submit]');
    assert.equal(m.cls, 'status ok', m.text);
    assert.match(await c.textContent('[data-testid=risk-history]'), /已完成清产核资/);
    await c.fill('[data-testid=resolved-text]', '债务已逐笔明确由新镇承接并公示。');
    m = await act(c, '[data-testid=resolved-submit]');
    assert.equal(m.cls, 'status ok', m.text);
    assert.equal(await riskStatus(c), '待核验');
    assert.equal(await c.$('[data-testid=form-close]'), null, 'the owner never verifies');

    // The office: 待核验; it returns the risk once, with a reason (none: refused in the page).
    await q.click('[data-testid=nav-risks]');
    await ready(q, 'risks');
    const closedBefore = await closedCount(q);
    assert.equal(await q.textContent(`[data-testid="risk-status-${RISK}"]`), '待核验');
    await selectRisk(q, RISK);
    assert.ok(await q.isVisible('[data-testid=risk-awaiting]'));
    assert.ok(await q.$('[data-testid=form-close]') && await q.$('[data-testid=form-return]'), 'the office may verify');
    assert.ok(await q.$('[data-testid=form-new-risk]') && await q.$('[data-testid=form-measure]'), 'the office registers and adds measures');
    await noDelete(q);
    await q.screenshot({ path: join(ARTIFACTS, 'risks-office-zh.png'), fullPage: true });
    await q.click('[data-testid=return-submit]');
    assert.match(await q.textContent('[data-testid=reg-msg]'), /理由/);
    await q.fill('[data-testid=return-reason]', '公示材料未附，请补充承接主体确认书');
    m = await act(q, '[data-testid=return-submit]');
    assert.equal(m.cls, 'status ok', m.text);
    assert.notEqual(await riskStatus(q), '待核验');
    assert.match(await q.textContent('[data-testid=risk-history]'), /公示材料未附/);

    // The owner reports again.
    await open(c, `#/risks?id=${RISK}`, 'risks');
    assert.match(await c.textContent('[data-testid=risk-history]'), /公示材料未附/);
    await c.fill('[data-testid=resolved-text]', '已补充承接主体确认书及公示照片。');
    m = await act(c, '[data-testid=resolved-submit]');
    assert.equal(await riskStatus(c), '待核验', m.text);

    // The office closes it: 已化解销号, the table counts one closed more.
    await open(q, `#/risks?id=${RISK}`, 'risks');
    await q.fill('[data-testid=close-note]', '经核验，同意销号。');
    m = await act(q, '[data-testid=close-submit]');
    assert.equal(m.cls, 'status ok', m.text);
    assert.equal(await riskStatus(q), '已化解销号');
    assert.equal(await q.textContent(`[data-testid="risk-status-${RISK}"]`), '已化解销号');
    assert.equal(await q.$('[data-testid=form-close]'), null, 'nothing left to verify');
    assert.equal(await closedCount(q), closedBefore + 1, 'the table counts one closed more');
    const api1 = await apiJson(q, '/api/risks');
    assert.equal(api1.risks.find((r) => r.id === RISK).status.id, 'closed');
    const line = api1.table.find((l) => l.unit === '曲阳县财政局' && l.level.id === 'major');
    assert.equal(line.closed, closedBefore + 1, 'as the API counts it');
    await q.screenshot({ path: join(ARTIFACTS, 'risks-closed-zh.png'), fullPage: true });

    await open(c, `#/risks?id=${RISK}`, 'risks');
    for (const f of ['form-close', 'form-return']) assert.equal(await c.$(`[data-testid=${f}]`), null, `no ${f} for the owner`);

    // English and 768 px.
    await q.click('#lang');
    await ready(q, 'risks');
    assert.match(await q.textContent('h2'), /Risk register/);
    assert.match(await q.textContent('[data-testid=risk-status]'), /closed/);
    await q.screenshot({ path: join(ARTIFACTS, 'risks-en.png'), fullPage: true });
    await q.setViewportSize({ width: 768, height: 1000 });
    await open(q, `#/risks?id=${RISK}`, 'risks');
    const [sw, cw] = await q.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `nothing overflows at 768 px (${sw} > ${cw})`);
    await q.screenshot({ path: join(ARTIFACTS, 'risks-en-768.png'), fullPage: true });
    await q.click('#lang');
  } finally {
    await owner.close();
    await office.close();
  }
});

test('群众诉求: reply, follow-up, correction (a new version), hotline import checked then imported', { timeout: 600_000 }, async () => {
  const dept = await as('zhengwu');
  const office = await as('quyang');
  const z = dept.page;
  const q = office.page;
  const total = async (page) => Number(await page.textContent('[data-testid=fb-total]'));
  try {
    await q.click('[data-testid=nav-feedback]');
    await ready(q, 'feedback');
    const fb0 = await apiJson(q, '/api/feedback');
    assert.equal(await total(q), fb0.stats.total, 'the page\'s total is the API\'s');
    assert.equal(await q.$$eval('[data-testid^=fb-item-]', (r) => r.length), fb0.items.length);
    assert.ok(await q.isVisible('[data-testid=synthetic]'), 'the 示意 label');
    assert.ok(await q.$('[data-testid=fb-by-topic]') && await q.$('[data-testid=fb-by-week]'));
    await noDelete(q);
    await q.screenshot({ path: join(ARTIFACTS, 'feedback-office-zh.png'), fullPage: true });

    // An open item assigned to 行政审批局, found through the API.
    const item = fb0.items.find((i) => i.assigned_code === '130634-government_services' && i.reply === null);
    assert.ok(item, 'an open item of 130634-government_services');
    const sel = `[data-testid="fb-item-${item.id}"]`;

    // 行政审批局 replies (it sees the reply form, not the office's).
    await z.click('[data-testid=nav-feedback]');
    await ready(z, 'feedback');
    await z.click(`${sel} > summary`);
    assert.ok(await z.isVisible(`${sel} [data-testid=form-reply]`));
    for (const f of ['form-assign', 'form-follow_up', 'form-correct']) assert.equal(await z.$(`${sel} [data-testid=${f}]`), null, `no ${f} for the department`);
    assert.equal(await z.$('[data-testid=form-import]'), null);
    await z.fill(`${sel} [data-testid=reply-text]`, '营业执照地址随区划调整统一变更，无需群众另行申请。');
    let m = await act(z, `${sel} [data-testid=reply-submit]`);
    assert.equal(m.cls, 'status ok', m.text);
    assert.equal(await z.getAttribute(sel, 'data-status'), 'replied');
    assert.equal(await z.textContent(`[data-testid="fb-status-${item.id}"]`), '已答复');
    await z.screenshot({ path: join(ARTIFACTS, 'feedback-dept-zh.png'), fullPage: true });

    // The office follows it up, then corrects its topic with a reason.
    await open(q, '#/feedback', 'feedback');
    await q.click(`${sel} > summary`);
    await q.selectOption(`${sel} [data-testid=follow-satisfaction]`, 'satisfied');
    await q.fill(`${sel} [data-testid=follow-note]`, '电话回访，群众表示满意。');
    m = await act(q, `${sel} [data-testid=follow_up-submit]`);
    assert.equal(m.cls, 'status ok', m.text);
    const versionsBefore = await q.$$eval(`[data-testid="fb-versions-${item.id}"] tbody tr`, (r) => r.map((x) => x.textContent));
    assert.ok(await q.isVisible(`${sel} [data-testid=correct-note]`), 'the correction says it adds a version');
    const topic = item.topic.id === 'division' ? 'services' : 'division';
    await q.selectOption(`${sel} [data-testid=correct-topic]`, topic);
    await q.fill(`${sel} [data-testid=correct-reason]`, '诉求实为区划调整后证照变更，类别更正');
    m = await act(q, `${sel} [data-testid=correct-submit]`);
    assert.equal(m.cls, 'status ok', m.text);
    const versionsAfter = await q.$$eval(`[data-testid="fb-versions-${item.id}"] tbody tr`, (r) => r.map((x) => x.textContent));
    assert.equal(versionsAfter.length, versionsBefore.length + 1, 'one version more');
    assert.deepEqual(versionsAfter.slice(0, versionsBefore.length), versionsBefore, 'the earlier versions still listed');
    assert.match(versionsAfter.at(-1), /诉求实为区划调整后证照变更/);
    const after = (await apiJson(q, '/api/feedback')).items.find((i) => i.id === item.id);
    assert.equal(after.topic.id, topic);
    assert.equal(after.versions.length, versionsAfter.length, 'every version shown');
    await q.screenshot({ path: join(ARTIFACTS, 'feedback-item-zh.png'), fullPage: true });

    // A bad hotline CSV: refused, naming the file and the row; nothing stored.
    const t0 = await total(q);
    const bad = join(files, '12345导出-有误.csv');
    writeFileSync(bad, '工单编号,受理时间,诉求内容\nE2E-BAD-1,2026-11-20 09:00,路灯不亮\nE2E-BAD-2,昨天,村委会搬迁后怎么办事\n');
    await q.setInputFiles('[data-testid=import-file]', bad);
    await q.click('[data-testid=import-check]');
    await q.waitForSelector('[data-testid=import-error]');
    const err = await q.textContent('[data-testid=import-error]');
    assert.match(err, /12345导出-有误\.csv/);
    assert.match(err, /第 3 行/);
    assert.ok(await q.isDisabled('[data-testid=import-commit]'), 'no import after a failed check');
    await open(q, '#/feedback', 'feedback');
    assert.equal(await total(q), t0, 'nothing stored');

    // A good CSV of 2 tickets: checked (nothing stored yet), then imported (+2); again: +0.
    const good = join(files, '12345导出-11月.csv');
    writeFileSync(good, '工单编号,受理时间,诉求内容,区划代码,承办单位\n'
      + 'E2E-OK-1,2026-11-20 09:00,合并后社保卡在哪里办理,130634101,曲阳县行政审批局\n'
      + 'E2E-OK-2,2026-11-21 10:30,新镇政府驻地公交线路何时开通,130634101,曲阳县行政审批局\n');
    await q.setInputFiles('[data-testid=import-file]', good);
    assert.ok(await q.isDisabled('[data-testid=import-commit]'), 'import waits for a check');
    await q.click('[data-testid=import-check]');
    await q.waitForSelector('[data-testid=import-summary]');
    assert.equal(await q.getAttribute('[data-testid=import-summary]', 'data-new'), '2');
    assert.equal(await q.getAttribute('[data-testid=import-summary]', 'data-committed'), 'false');
    assert.equal(await total(q), t0, 'a check stores nothing');
    await q.screenshot({ path: join(ARTIFACTS, 'feedback-import-checked-zh.png'), fullPage: false });
    await q.click('[data-testid=import-commit]');
    await q.waitForSelector('[data-testid=import-summary][data-committed=true]');
    await ready(q, 'feedback');
    assert.equal(await total(q), t0 + 2);
    assert.equal((await apiJson(q, '/api/feedback')).stats.total, t0 + 2);
    assert.equal(await q.$$eval('.fb-item', (els) => els.filter((e) => /合并后社保卡在哪里办理|新镇政府驻地公交线路/.test(e.textContent)).length), 2);

    await q.setInputFiles('[data-testid=import-file]', good);
    await q.click('[data-testid=import-check]');
    await q.waitForSelector('[data-testid=import-summary]');
    assert.equal(await q.getAttribute('[data-testid=import-summary]', 'data-new'), '0');
    await q.click('[data-testid=import-commit]');
    await q.waitForSelector('[data-testid=import-summary][data-committed=true]');
    await ready(q, 'feedback');
    assert.equal(await q.getAttribute('[data-testid=import-summary]', 'data-new'), '0');
    assert.equal(await total(q), t0 + 2, 'the same file again adds nothing');
    await noDelete(q);

    // English and 768 px.
    await q.click('#lang');
    await ready(q, 'feedback');
    assert.match(await q.textContent('h2'), /feedback/i);
    await q.click(`${sel} > summary`);
    await q.screenshot({ path: join(ARTIFACTS, 'feedback-en.png'), fullPage: true });
    await q.setViewportSize({ width: 768, height: 1000 });
    await open(q, '#/feedback', 'feedback');
    const [sw, cw] = await q.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `nothing overflows at 768 px (${sw} > ${cw})`);
    await q.click(`${sel} > summary`);
    await q.screenshot({ path: join(ARTIFACTS, 'feedback-en-768.png'), fullPage: true });
    await q.click('#lang');
  } finally {
    await dept.close();
    await office.close();
  }
});

test('督办报告: the board\'s links download the weekly report as DOCX and PDF', { timeout: 300_000 }, async () => {
  const { page, close } = await as('quyang');
  try {
    await page.click('[data-testid=nav-tasks]');
    await ready(page, 'tasks');
    const asOf = await page.textContent('[data-testid=tk-asof]');
    for (const [f, magic] of [['docx', 'PK'], ['pdf', '%PDF']]) {
      const link = `[data-testid=report-week-${f}]`;
      assert.match(await page.getAttribute(link, 'href'), new RegExp(`/api/tasks/reports/week\\?.*date=${asOf}`));
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(link)]);
      const bytes = readFileSync(await dl.path());
      assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic, `${f} starts with ${magic}`);
    }
    await page.selectOption('[data-testid=report-period]', 'month');
    assert.ok(await page.$('[data-testid=report-month-xlsx]'));
    const r = await page.request.get(base + await page.getAttribute('[data-testid=report-month-xlsx]', 'href'));
    assert.equal(r.status(), 200);
    assert.equal((await r.body()).subarray(0, 2).toString('latin1'), 'PK');
    await page.locator('[data-testid=report-box]').screenshot({ path: join(ARTIFACTS, 'tasks-reports-zh.png') });
  } finally {
    await close();
  }
});

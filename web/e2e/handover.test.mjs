// End-to-end test of the handover (实施交接) in the browser, on the demo's approved plan 2:
// the archives officer sees only its own sections, completes a section's checklist and closes
// it (销号); the finance officer sees the same section read-only and is refused (403) when it
// posts to it anyway; cadre names show to the organisation department only; the county office
// sees every section and the overall progress and downloads the summary table.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/handover.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserContext, startDemoServer } from './harness.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
const PLAN = 2;
const SECTION = '130634105-archives';
const CADRES = '130634105-cadres';

let server;
let base;

before(async () => {
  server = await startDemoServer('handover', { allowRunning: true });
  base = server.base;
});

after(() => {
  server?.stop();
});

/** A fresh browser profile, logged in as `user` (Chinese UI); returns the page and a closer. */
async function as(user) {
  const { ctx, close } = await browserContext({ width: 1400, downloads: true });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(base + '/');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', `${user}-demo-2026`);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => window.__quhua?.view === 'counties' && window.__quhua.ready);
  return { page, close };
}

const ready = (page, view) => page.waitForFunction((v) => window.__quhua?.view === v && window.__quhua.ready, view, { timeout: 60_000 });

async function open(page, hash, view) {
  await page.goto(`${base}/${hash}`);
  await page.reload(); // load the view afresh
  await ready(page, view);
}

const rowIds = (page) => page.$$eval('[data-testid^=section-row-]', (rows) => rows.map((r) => r.getAttribute('data-testid').replace('section-row-', '')));

test('departments work their own handover sections; the office sees all and downloads the summary', { timeout: 600_000 }, async () => {
  // 1. The archives officer: only its own sections with the filter on.
  const archives = await as('dangan');
  const a = archives.page;
  await open(a, `#/plans/${PLAN}/handover`, 'handover');
  assert.equal(await a.isChecked('[data-testid=filter-mine]'), true);
  assert.ok(await a.isVisible('[data-testid=synthetic]'), 'the synthetic (示意) label');
  const mine = await rowIds(a);
  assert.equal(mine.length, 8, JSON.stringify(mine));
  assert.ok(mine.every((id) => id.endsWith('-archives')), JSON.stringify(mine));
  const closedBefore = Number(await a.textContent('[data-testid=progress-closed]'));
  await a.screenshot({ path: join(ARTIFACTS, 'handover-overview-zh.png'), fullPage: true });

  // … completes each checklist line of one section with a note, then closes it (销号).
  await a.click(`[data-testid=section-link-${SECTION}]`);
  await ready(a, 'handover-section');
  assert.equal(await a.isDisabled('[data-testid=close-section]'), true, '销号 is disabled while work is open');
  let n = 0;
  for (;;) {
    const note = await a.$('[data-testid^=check-note-]');
    if (!note) break;
    const key = (await note.getAttribute('data-testid')).replace('check-note-', '');
    n += 1;
    await note.fill(`档案移交清单 第${n}号`);
    await a.click(`[data-testid=check-done-${key}]`);
    await a.waitForFunction((k) => document.querySelector(`[data-testid=check-${k}]`)?.getAttribute('data-done') === 'true' && window.__quhua.ready, key);
    assert.match(await a.textContent(`[data-testid=check-${key}]`), new RegExp(`档案移交清单 第${n}号`));
    assert.match(await a.textContent(`[data-testid=check-by-${key}]`), new RegExp(TODAY));
  }
  assert.ok(n >= 1, 'the section had open lines');
  assert.equal(await a.isDisabled('[data-testid=close-section]'), false, '销号 is enabled once nothing is open');
  await a.click('[data-testid=close-section]');
  await a.waitForSelector('[data-testid=confirm-dialog]');
  await a.click('[data-testid=confirm-close]');
  await a.waitForSelector('[data-testid=closed-by]');
  await ready(a, 'handover-section');
  const closedBy = await a.textContent('[data-testid=closed-by]');
  const lineBy = await a.textContent('[data-testid^=check-by-]');
  assert.match(closedBy, new RegExp(TODAY));
  assert.match(closedBy, /dangan/);
  assert.ok(closedBy.includes(lineBy.split(' · ')[0]), `closed by the archives officer: ${closedBy} / ${lineBy}`);
  assert.equal(await a.getAttribute('[data-testid=section-state]', 'data-state'), 'closed');
  assert.equal(await a.$('[data-testid=close-section]'), null, 'a closed section offers no actions');
  assert.equal(await a.$('[data-testid^=check-done-]'), null);
  await a.screenshot({ path: join(ARTIFACTS, 'handover-section.png'), fullPage: true });
  // … and the overview shows it closed.
  await a.click('[data-testid=back-overview]');
  await ready(a, 'handover');
  assert.equal(await a.getAttribute(`[data-testid=section-row-${SECTION}]`, 'data-state'), 'closed');
  assert.match(await a.textContent(`[data-testid=section-closed-${SECTION}]`), new RegExp(TODAY));
  assert.equal(Number(await a.textContent('[data-testid=progress-closed]')), closedBefore + 1);
  // The English overview.
  await a.click('#lang');
  await ready(a, 'handover');
  assert.match(await a.textContent('[data-testid=progress]'), /sections closed/);
  await a.screenshot({ path: join(ARTIFACTS, 'handover-overview-en.png'), fullPage: true });
  await a.click('#lang');
  await archives.close();

  // 2. The finance officer: the same section without controls, and refused when posting anyway.
  const finance = await as('caizheng');
  const f = finance.page;
  await open(f, `#/plans/${PLAN}/handover/${SECTION}`, 'handover-section');
  assert.ok(await f.isVisible('[data-testid=read-only]'));
  assert.equal(await f.$('[data-testid^=check-done-]'), null);
  assert.equal(await f.$('[data-testid=close-section]'), null);
  const refused = await f.evaluate(async (section) => {
    const me = await (await fetch('/api/me')).json();
    const r = await fetch('/api/plans/2/handover/actions', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ op: 'check', section, item: 'archives', unit: section.split('-')[0], note: '越权' }),
    });
    return { status: r.status, json: await r.json() };
  }, SECTION);
  assert.equal(refused.status, 403, JSON.stringify(refused.json));
  assert.match(refused.json.error.zh, /[\u4e00-\u9fff]/);
  assert.match(refused.json.error.en, /[a-z]/i);
  await f.screenshot({ path: join(ARTIFACTS, 'handover-refused.png'), fullPage: true });

  // 3. Cadre names: the organisation department sees them, finance does not.
  await open(f, `#/plans/${PLAN}/handover/${CADRES}`, 'handover-section');
  const hidden = await f.$$eval('[data-testid^=cadre-name-]', (cs) => cs.map((c) => c.textContent.trim()));
  assert.ok(hidden.length > 0);
  assert.ok(hidden.every((x) => x === '（不显示）'), JSON.stringify(hidden.slice(0, 3)));
  await finance.close();
  const organisation = await as('zuzhibu');
  const o = organisation.page;
  await open(o, `#/plans/${PLAN}/handover/${CADRES}`, 'handover-section');
  const names = await o.$$eval('[data-testid^=cadre-name-]', (cs) => cs.map((c) => c.textContent.trim()));
  assert.ok(names.length > 0);
  assert.ok(names.every((x) => x && x !== '（不显示）' && !x.includes('＊')), JSON.stringify(names.slice(0, 3)));
  await organisation.close();

  // 4. The county office: every section, the overall progress, the summary table.
  const office = await as('quyang');
  const q = office.page;
  await open(q, `#/plans/${PLAN}`, 'plans'); // the plan board links to the handover
  await q.click('[data-testid=handover-link]');
  await ready(q, 'handover');
  assert.equal(await q.isChecked('[data-testid=filter-mine]'), false);
  const all = await rowIds(q);
  const total = Number(await q.textContent('[data-testid=progress-total]'));
  assert.equal(total, 72);
  assert.equal(all.length, total);
  assert.equal(Number(await q.textContent('[data-testid=progress-closed]')), closedBefore + 1);
  const href = await q.getAttribute('[data-testid="hv-doc-summary.xlsx"]', 'href');
  const [download] = await Promise.all([q.waitForEvent('download'), q.click('[data-testid="hv-doc-summary.xlsx"]')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const got = await q.evaluate(async (h) => {
    const r = await fetch(h);
    const b = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, size: b.length, head: String.fromCharCode(b[0], b[1]) };
  }, href);
  assert.equal(got.status, 200);
  assert.ok(got.size > 0);
  assert.equal(got.head, 'PK');
  await office.close();
});

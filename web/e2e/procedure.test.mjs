// End-to-end test of the statutory procedure in the browser, across the accounts of every
// level: the county editor submits a saved scenario and prepares the plan, the departments
// record their opinions, the city returns the plan once with comments, the county resubmits,
// the city passes it up, the province approves with 文号 and effective date, the county applies
// it — and the new townships and codes then show without a server restart, and the
// generated documents download. Another department's officer is refused on a step that is
// not theirs. Run: QUHUA_BIN=/path/to/quhua npm run e2e

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, browserContext, startDemoServer } from './harness.mjs';

const TODAY = new Date().toISOString().slice(0, 10);

let server;
let base;

before(async () => {
  server = await startDemoServer('proc');
  base = server.base;
});

after(() => {
  server?.stop();
});

/** A fresh browser profile, logged in as `user`; returns the page and a closer. */
async function as(user, password) {
  const { ctx, close } = await browserContext({ width: 1400, downloads: true });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(base + '/');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => window.__quhua?.view === 'counties' && window.__quhua.ready);
  return { page, close };
}

const ready = (page, view) => page.waitForFunction((v) => window.__quhua?.view === v && window.__quhua.ready, view, { timeout: 60_000 });

async function openBoard(page, id) {
  await page.goto(`${base}/#/plans/${id}`);
  await page.reload(); // the same address again: load the board afresh
  await ready(page, 'plans');
  await page.waitForSelector('[data-testid=steps]');
}

/** Waits for the board to re-render after an action and returns the message shown. */
async function actionMessage(page) {
  await page.waitForFunction(() => (document.querySelector('[data-testid=act-msg]')?.textContent ?? '') !== '');
  return page.textContent('[data-testid=act-msg]');
}

/** A plan action through the same API the board uses, from inside the logged-in page. */
async function call(page, path, { body, file, query } = {}) {
  return page.evaluate(async ({ path, body, file, query }) => {
    const me = await (await fetch('/api/me')).json();
    const q = query ? `?${new URLSearchParams(query)}` : '';
    const headers = { 'X-CSRF-Token': me.csrf_token };
    let payload;
    if (file) { headers['Content-Type'] = 'application/octet-stream'; payload = new TextEncoder().encode(file); }
    else if (body) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
    const r = await fetch(path + q, { method: 'POST', headers, body: payload });
    return { status: r.status, json: await r.json() };
  }, { path, body, file, query });
}

test('a plan goes from submission to apply across the county, the departments, the city and the province', { timeout: 600_000 }, async () => {
  // 1. The county editor submits the saved demo scenario from the editor.
  const county = await as('quyang', 'quyang-demo-2026');
  const p = county.page;
  await p.goto(`${base}/#/county/130634`);
  await ready(p, 'county');
  await p.waitForSelector('[data-testid=scenario-1] button.load');
  await p.click('[data-testid=scenario-1] button.load');
  await p.waitForFunction(() => window.__quhua?.ready);
  await p.click('[data-testid=submit-plan]');
  await p.waitForFunction(() => /#\/plans\/\d+/.test(location.hash));
  const id = Number(/#\/plans\/(\d+)/.exec(await p.evaluate(() => location.hash))[1]);
  await ready(p, 'plans');
  assert.equal(await p.getAttribute('[data-testid=step-legality_review]', 'data-state'), 'blocked');

  // 2. Consultation through the board's form; the preparatory materials and steps through the same API.
  await p.fill('[data-testid=meeting-form] input[name=place]', '北台乡政府');
  await p.fill('[data-testid=meeting-form] input[name=participants]', '人大代表,群众');
  await p.fill('[data-testid=meeting-form] input[name=count]', '46');
  await p.click('[data-testid=meeting-form] button[type=submit]');
  assert.match(await actionMessage(p), /已办理/);
  const pdf = (name) => `%PDF-1.7\n${name}\n`;
  for (const [kind, name] of [['application', '申请书.pdf'], ['basic_facts', '基本情况.pdf'], ['map_before', '变更前行政区划图.pdf'], ['map_scheme', '变更方案示意图.pdf']]) {
    const r = await call(p, `/api/plans/${id}/materials`, { file: pdf(name), query: { kind, file_name: name, date: TODAY } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
  for (const [step, name] of [['consultation', '征求意见情况.pdf'], ['expert_review', '专家论证报告.pdf'], ['risk_assessment', '风险评估报告.pdf'], ['maps', null]]) {
    const q = { date: TODAY };
    const r = await call(p, `/api/plans/${id}/steps/${step}`, name ? { file: pdf(name), query: { ...q, file_name: name } } : { query: q });
    assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.json)}`);
  }
  // The department-opinion step is refused while opinions are missing, naming the departments.
  const refused = await call(p, `/api/plans/${id}/steps/department_opinions`, { query: { date: TODAY } });
  assert.equal(refused.status, 422);
  assert.match(refused.json.error.zh, /编办/);

  // 3. Each department officer records its own opinion on the board; another department is refused.
  for (const [user, pw] of [['bianban', 'bianban-demo-2026'], ['fagai', 'fagai-demo-2026'], ['caizheng', 'caizheng-demo-2026'], ['ziran', 'ziran-demo-2026'], ['zhujian', 'zhujian-demo-2026']]) {
    const d = await as(user, pw);
    await openBoard(d.page, id);
    await d.page.fill('[data-testid=opinion-form] textarea[name=text]', '原则同意');
    await d.page.click('[data-testid=opinion-form] button[type=submit]');
    assert.match(await actionMessage(d.page), /已办理/);
    if (user === 'bianban') {
      // Not the department's step: completing the expert review is refused.
      const r = await call(d.page, `/api/plans/${id}/steps/legality_review`, { query: { date: TODAY } });
      assert.equal(r.status, 403, JSON.stringify(r.json));
      await d.page.screenshot({ path: join(ARTIFACTS, 'board-department.png'), fullPage: true });
    }
    await d.close();
  }
  for (const [step, name] of [['department_opinions', null], ['legality_review', '合法性审查意见.pdf'], ['collective_decision', '集体讨论决定纪要.pdf'], ['submit', null]]) {
    const q = { date: TODAY };
    const r = await call(p, `/api/plans/${id}/steps/${step}`, name ? { file: pdf(name), query: { ...q, file_name: name } } : { query: q });
    assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.json)}`);
  }

  // 4. The city returns it with comments.
  const city = await as('baoding', 'baoding-demo-2026');
  await openBoard(city.page, id);
  assert.match(await city.page.textContent('[data-testid=stage]'), /待市级审核/);
  await city.page.fill('[data-testid=return-form] textarea[name=comments]', '请补充北台乡群众意见');
  await city.page.click('[data-testid=return-form] button[type=submit]');
  assert.match(await actionMessage(city.page), /已办理/);
  assert.match(await city.page.textContent('[data-testid=stage]'), /已退回修改/);

  // 5. The county sees the comments and resubmits (the submission step is open again).
  await openBoard(p, id);
  assert.match(await p.textContent('[data-testid=open-return]'), /请补充北台乡群众意见/);
  await p.screenshot({ path: join(ARTIFACTS, 'board-returned.png'), fullPage: true });
  await p.click('[data-testid=complete-submit] button[type=submit]');
  assert.match(await actionMessage(p), /已办理/);
  assert.match(await p.textContent('[data-testid=activity]'), /重新逐级上报/);

  // 6. The city passes it up; the province approves, effective today.
  await openBoard(city.page, id);
  await city.page.click('[data-testid=complete-city_review] button[type=submit]');
  assert.match(await actionMessage(city.page), /已办理/);
  await city.close();
  const province = await as('hebei', 'hebei-demo-2026');
  await openBoard(province.page, id);
  await province.page.fill('[data-testid=approve-form] input[name=document_no]', '冀政字〔2026〕88号');
  await province.page.click('[data-testid=approve-form] button[type=submit]');
  assert.match(await actionMessage(province.page), /已办理/);
  assert.match(await province.page.textContent('[data-testid=approval]'), /冀政字〔2026〕88号/);
  await province.page.screenshot({ path: join(ARTIFACTS, 'board-approved.png'), fullPage: true });
  await province.close();

  // 7. The county applies it; the new townships and codes show at once (no restart).
  const before = await p.evaluate(async () => (await (await fetch('/api/counties/130634/base')).json()).townships.length);
  await openBoard(p, id);
  await p.click('[data-testid=apply]');
  assert.match(await actionMessage(p), /已办理/);
  assert.match(await p.textContent('[data-testid=stage]'), /已实施/);
  const after = await p.evaluate(async () => (await (await fetch('/api/counties/130634/base')).json()).townships);
  assert.ok(after.length < before, `townships ${before} → ${after.length}`);
  assert.ok(after.some((t) => t.code === '130634114' && t.name === '灵山镇'), 'the new code of 灵山镇');

  // 8. Every generated document linked on the board downloads and is what it claims to be.
  // (the composed documents — 方案, 情况汇报, 评估报告 — are typeset on request: the PDF and
  // one DOCX of them are fetched here, the rest by the CLI's document tests)
  const all = await p.$$eval('[data-testid=documents] a', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(all.length, 16, JSON.stringify(all));
  const links = all.filter((h) => !/(scheme|summary|evaluation|mca-table)\./.test(h) || /scheme\.pdf|summary\.docx/.test(h));
  assert.equal(links.length, 11, JSON.stringify(links)); // with the four maps
  const fetched = await p.evaluate(async (hrefs) => Promise.all(hrefs.map(async (h) => {
    const r = await fetch(h);
    const b = new Uint8Array(await r.arrayBuffer());
    return { h, status: r.status, head: String.fromCharCode(b[0], b[1]), text: new TextDecoder().decode(b), disposition: r.headers.get('content-disposition') };
  })), links);
  for (const f of fetched) {
    assert.equal(f.status, 200, f.h);
    assert.match(f.disposition ?? '', /attachment/, f.h);
    if (/\.(docx|xlsx)$/.test(f.h)) assert.equal(f.head, 'PK', f.h);
    if (f.h.endsWith('.csv')) assert.match(f.text, /冀政字〔2026〕88号/);
    if (f.h.endsWith('.md')) assert.match(f.text, /公告/);
    if (f.h.endsWith('.svg')) assert.match(f.text, /<svg[^>]*>[\s\S]*示意/, f.h);
    if (f.h.endsWith('.png')) assert.equal(f.head, '\u0089P', f.h);
    if (f.h.endsWith('.pdf')) assert.equal(f.head, '%P', f.h);
  }
  // A stored material downloads with its content.
  const material = await p.$eval('[data-testid=material-link]', (a) => a.getAttribute('href'));
  const body = await p.evaluate(async (h) => (await fetch(h)).text(), material);
  assert.match(body, /^%PDF-1\.7/);
  await p.screenshot({ path: join(ARTIFACTS, 'board-applied.png'), fullPage: true });
  writeFileSync(join(ARTIFACTS, 'procedure-plan-id.txt'), String(id));
  await county.close();
});

// End-to-end test in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
// `quhua serve --demo` in a temp dir, log in, merge two townships on the map, see the
// indicators change, save two scenarios, resolve an edit conflict, compare; ask for proposed
// schemes (方案推荐) and adopt one; read the procedure board (报批程序) of the demo plans; and
// check that another county's editor is refused. Run: QUHUA_BIN=/path/to/quhua npm run e2e

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, browserContext, startDemoServer } from './harness.mjs';


let server;
let base;

before(async () => {
  server = await startDemoServer('app');
  base = server.base;
  assert.match(server.out, /quyang\s+密码 \/ password: quyang-demo-2026/);
});

after(() => {
  server?.stop();
});

async function browser() {
  const { ctx, close } = await browserContext({ width: 1500 });
  return { ctx, close };
}

async function login(page, user, password) {
  await page.goto(base + '/');
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => window.__quhua?.view === 'counties' && window.__quhua.ready);
}

const ready = (page, view) => page.waitForFunction((v) => window.__quhua?.view === v && window.__quhua.ready, view, { timeout: 60_000 });
const text = (page, id) => page.textContent(`[data-testid="${id}"]`);

/** Clicks the map canvas at a resulting township's label point. */
async function clickTownship(page, name) {
  const p = await page.evaluate((n) => window.__quhua.labelScreenPoint(n), name);
  assert.ok(p, `label point of ${name}`);
  await page.mouse.click(p.x, p.y);
}

async function mergeOnMap(page, a, b) {
  await clickTownship(page, a);
  await clickTownship(page, b);
  await page.waitForFunction(([x, y]) => {
    const s = document.querySelector('[data-testid=selection]')?.textContent ?? '';
    return s.includes(x) && s.includes(y);
  }, [a, b]);
  await page.click('[data-testid=merge]');
}

async function saveAs(page, name, { asNew = false } = {}) {
  await page.fill('[data-testid=scenario-name]', name);
  await page.click(asNew ? '[data-testid=save-new]' : '[data-testid=save]');
  await page.waitForFunction((n) => (document.querySelector('[data-testid=status]')?.textContent ?? '').includes(n), name);
  const s = await text(page, 'status');
  return Number(/#(\d+)/.exec(s)[1]);
}

test('county editor merges on the map, saves, resolves a conflict and compares', { timeout: 300_000 }, async () => {
  const { ctx, close } = await browser();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await login(page, 'quyang', 'quyang-demo-2026');
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    assert.equal(await text(page, 'ind-count-after'), '18');

    await mergeOnMap(page, '北台乡', '恒州镇');
    await page.waitForFunction(() => document.querySelector('[data-testid=ind-count-after]')?.textContent === '17');
    assert.equal(await text(page, 'ind-count-before'), '18');
    const ops = await page.evaluate(() => window.__quhua.ops);
    // 北台乡 (130634213) was clicked first, so 恒州镇 (130634100) merges into it.
    assert.deepEqual(ops, [{ op: 'merge', units: ['130634100'], into: '130634213' }]);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'editor.png') });
    const first = await saveAs(page, 'E2E 方案一');

    // A second editor changes the same scenario behind our back (API, own session).
    const r = await fetch(base + '/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'quyang2', password: 'quyang2-demo-2026' }) });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const { csrf_token } = await r.json();
    const put = await fetch(`${base}/api/scenarios/${first}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf_token },
      body: JSON.stringify({ expected_version: 1, name: 'E2E 方案一（他人修改）', ops: [{ op: 'merge', units: ['晓林镇'], into: '产德镇' }] }),
    });
    assert.equal(put.status, 200);
    // Our save now conflicts: the dialog shows their version; reload it.
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=conflict]');
    assert.match(await text(page, 'conflict'), /quyang2/);
    await page.click('#c-reload');
    await page.waitForFunction(() => (window.__quhua.ops ?? []).some((o) => o.into === '产德镇'));

    // Second scenario: new, merge two other townships, save.
    await page.click('#new-sc');
    await page.waitForFunction(() => document.querySelector('[data-testid=ind-count-after]')?.textContent === '18');
    await mergeOnMap(page, '晓林镇', '邸村镇');
    await page.waitForFunction(() => document.querySelector('[data-testid=ind-count-after]')?.textContent === '17');
    const second = await saveAs(page, 'E2E 方案二');
    assert.notEqual(first, second);

    // Compare the two.
    await page.check(`[data-testid=scenario-${first}] input.cmp`);
    await page.check(`[data-testid=scenario-${second}] input.cmp`);
    await page.click('[data-testid=compare]');
    await ready(page, 'compare');
    const diff = await text(page, 'compare-diff');
    assert.match(diff, /乡级单位数/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png') });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('方案推荐: propose schemes, adopt one, the indicators follow', { timeout: 180_000 }, async () => {
  const { ctx, close } = await browser();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await login(page, 'quyang', 'quyang-demo-2026');
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    assert.equal(await text(page, 'ind-count-after'), '18');
    const requests = [];
    page.on('request', (r) => { if (r.url().endsWith('/propose')) requests.push(JSON.parse(r.postData() ?? '{}')); });
    await page.click('[data-testid=propose]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=proposal-]').length >= 3, null, { timeout: 90_000 });
    assert.equal(await page.isHidden('[data-testid=propose-spinner]'), true);
    assert.deepEqual(requests.at(-1), { villages: false, prefer: 'floor', exact_time_limit: 2, lock: [], seed_units: [], schemes: 4, policy: 'hebei' });
    // The demo county is small enough for the exact check: the best scheme comes back proven.
    assert.match(await text(page, 'optimal-0'), /已证明最优/);
    assert.match(await text(page, 'bound-0'), /p = (\d+) · 上界 \1/);
    const first = await text(page, 'proposal-0');
    const after = Number(/→ (\d+)/.exec(first)[1]);
    assert.ok(after < 18, first);
    await page.click('[data-testid=adopt-0]');
    await page.waitForFunction((n) => document.querySelector('[data-testid=ind-count-after]')?.textContent === String(n), after);
    const ops = await page.evaluate(() => window.__quhua.ops);
    assert.ok(ops.length > 0 && ops.every((o) => o.op === 'merge'));
    // again with village transfers allowed: the server answers, the list is rebuilt
    await page.check('[data-testid=propose-villages]');
    await page.click('[data-testid=propose-more] > summary');
    await page.selectOption('[data-testid=propose-prefer]', 'ceiling');
    await page.fill('[data-testid=propose-exact]', '0');
    await page.click('[data-testid=propose]');
    await page.waitForFunction(() => !document.getElementById('propose')?.disabled, null, { timeout: 90_000 });
    assert.equal(await page.isHidden('[data-testid=propose-spinner]'), true);
    assert.deepEqual(requests.at(-1), { villages: true, prefer: 'ceiling', exact_time_limit: 0, lock: [], seed_units: [], schemes: 4, policy: 'hebei' });
    // The answer is listed and no error was reported (errors go to the message line).
    assert.ok(await page.$$eval('[data-testid^=proposal-]', (l) => l.length) >= 3);
    assert.notEqual(await page.getAttribute('#propose-msg', 'class'), 'error');
    assert.match(await page.textContent('#propose-msg'), /个推荐方案/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'propose.png') });
    // A refused request (the server checks the range): the message says why, and no list
    // of the earlier request stays behind.
    await page.fill('[data-testid=propose-exact]', '100');
    await page.click('[data-testid=propose]');
    await page.waitForFunction(() => document.getElementById('propose-msg')?.className === 'error');
    assert.match(await page.textContent('#propose-msg'), /精确检验时限 100 秒超出范围/);
    assert.equal(await page.$$eval('[data-testid^=proposal-]', (l) => l.length), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('方案推荐 in English: names, kinds and the adopted draft are English', { timeout: 180_000 }, async () => {
  const { ctx, close } = await browser();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await login(page, 'quyang', 'quyang-demo-2026');
    await page.click('#lang');
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    // The kind rows of the indicator table are English.
    const kinds = await page.$$eval('table.ind tbody th', (ths) => ths.map((th) => th.textContent));
    assert.ok(kinds.includes('town') && kinds.includes('township'), kinds.join('|'));
    assert.ok(!kinds.some((k) => /[乡镇]/.test(k)), kinds.join('|'));
    await page.click('[data-testid=propose-more] > summary');
    await page.fill('[data-testid=propose-exact]', '0');
    await page.click('[data-testid=propose]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=proposal-]').length >= 3, null, { timeout: 90_000 });
    const names = await page.$$eval('[data-testid^=proposal-] strong', (l) => l.map((x) => x.textContent));
    names.forEach((n, i) => assert.match(n, new RegExp(`^Proposal ${i + 1} \\(optimizer, seed \\d+\\)$`)));
    await page.click('[data-testid=adopt-0]');
    assert.equal(await page.inputValue('#sc-name'), names[0]);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'propose-en.png') });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('报批程序: the board shows done, blocked (naming what is missing) and the clocks', { timeout: 120_000 }, async () => {
  const { ctx, close } = await browser();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await login(page, 'guest', 'guest-demo-2026');
    await page.click('[data-testid=nav-plans]');
    await ready(page, 'plans');
    await page.click('[data-testid=plan-1]');
    await page.waitForSelector('[data-testid=step-legality_review]');
    assert.equal(await page.getAttribute('[data-testid=step-draft]', 'data-state'), 'done');
    assert.equal(await page.getAttribute('[data-testid=step-expert_review]', 'data-state'), 'done');
    assert.match(await text(page, 'step-expert_review'), /✓.*专家论证/s);
    assert.equal(await page.getAttribute('[data-testid=step-legality_review]', 'data-state'), 'blocked');
    assert.match(await text(page, 'step-legality_review'), /前置步骤：征求意见/);
    assert.match(await text(page, 'clocks'), /尚未批准/);
    await page.screenshot({ path: join(ARTIFACTS, 'plan-board.png') });
    // The approved plan: codes were due a month after it took effect and are not done (red).
    await page.click('[data-testid=plan-2]');
    await page.waitForSelector('[data-testid=clock-codes]');
    assert.match(await page.getAttribute('[data-testid=clock-codes]', 'class'), /clock-red/);
    assert.match(await page.getAttribute('[data-testid=clock-implementation]', 'class'), /clock-(green|amber|red)/);
    assert.match(await text(page, 'clock-implementation'), /2027-01-15/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('another county editor cannot open 曲阳县', { timeout: 120_000 }, async () => {
  const { ctx, close } = await browser();
  const page = ctx.pages()[0] ?? await ctx.newPage();
  try {
    await login(page, 'tangxian', 'tangxian-demo-2026');
    await page.waitForSelector('[data-testid=no-counties]');
    const status = await page.evaluate(async () => (await fetch('/api/counties/130634/base')).status);
    assert.equal(status, 403);
    await page.goto(base + '/#/county/130634');
    await page.waitForSelector('[data-testid=county-error]');
    assert.match(await text(page, 'county-error'), /无权访问/);
    const list = await page.evaluate(async () => (await (await fetch('/api/scenarios')).json()).scenarios.length);
    assert.equal(list, 0);
    const plans = await page.evaluate(async () => (await (await fetch('/api/plans')).json()).plans.length);
    assert.equal(plans, 0);
    const board = await page.evaluate(async () => (await fetch('/api/plans/1')).status);
    assert.equal(board, 404);
  } finally {
    await close();
  }
});

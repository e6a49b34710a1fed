// End-to-end test of 方案推荐's wishes: a group kept together (须同组) and a group kept apart
// (不得同组) made from townships selected in the editor, a changed population floor (pre-filled
// from the policy in force, with a reset) and number of schemes; every scheme keeps the
// together townships in one unit and the apart ones in different units, the honoured wishes
// are shown, a contradiction is refused in words, and the adopted scheme keeps the groups.
// Screenshots in Chinese and English.
// Run: QUHUA_BIN=/path/to/quhua node --test --test-concurrency=1 e2e/propose_wishes.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;
let base;

before(async () => {
  server = await startDemoServer('propose-wishes', { allowRunning: true });
  base = server.base;
});

after(() => server?.stop());

/** Selects exactly the resulting units named `names` through the township list. */
async function select(page, names) {
  await page.click('#clear-sel');
  for (const name of names) {
    const i = await page.evaluate((n) => window.__quhua.result.evaluation.units.findIndex((u) => u.name === n), name);
    assert.ok(i >= 0, `unit ${name}`);
    await page.check(`#units input[data-i="${i}"]`);
  }
  const want = names.join('、');
  await page.waitForFunction((w) => {
    const s = document.querySelector('[data-testid=selection]')?.textContent ?? '';
    return s === w || s === w.replaceAll('、', ', ');
  }, want);
}

/** The new unit (its seat's code) of every township code a scheme's merges touch. */
function unitOf(scheme) {
  const m = new Map();
  for (const op of scheme.ops) {
    if (op.op !== 'merge') continue;
    for (const u of op.units) m.set(u, op.into);
    m.set(op.into, op.into);
  }
  return (code) => m.get(code) ?? code;
}

const settled = (page, n) => page.waitForFunction((k) => window.__quhua.ops.length === k && document.getElementById('status')?.textContent === '', n);
const proposed = (page) => page.waitForFunction(() => !document.getElementById('propose')?.disabled && document.getElementById('propose-spinner')?.hidden, null, { timeout: 120_000 });

test('方案推荐: together and apart groups, a changed floor and number of schemes, adopt', { timeout: 300_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang', { width: 1500 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const answers = [];
  const requests = [];
  page.on('request', (r) => { if (r.url().endsWith('/propose')) requests.push(JSON.parse(r.postData() ?? '{}')); });
  page.on('response', async (r) => { if (r.url().endsWith('/propose')) answers.push({ status: r.status(), body: await r.json().catch(() => null) }); });
  /** Clicks 方案推荐 and waits for the card and for the answer (read in the background). */
  const propose = async () => {
    const n = answers.length;
    await page.click('[data-testid=propose]');
    await proposed(page);
    for (let k = 0; answers.length === n && k < 200; k++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(answers.length, n + 1, 'one answer');
    return answers.at(-1);
  };
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    const baseData = await page.evaluate(async () => (await fetch('/api/counties/130634/base')).json());
    const codeOf = (n) => baseData.townships.find((x) => x.name === n).code;

    // 更多条件: the floor and cap pre-filled from the policy in force, said which; reset works.
    await page.click('[data-testid=propose-more] > summary');
    assert.equal(await page.inputValue('[data-testid=propose-min-pop]'), '20000');
    assert.match(await page.textContent('[data-testid=propose-limits-note]'), /河北省.*20,000 人/);
    await page.fill('[data-testid=propose-min-pop]', '30000');
    await page.click('[data-testid=propose-reset-limits]');
    assert.equal(await page.inputValue('[data-testid=propose-min-pop]'), '20000');

    // The group buttons need two townships selected.
    await select(page, ['党城镇']);
    assert.ok(await page.isDisabled('[data-testid=group-together]'));
    assert.match(await page.getAttribute('[data-testid=group-together]', 'title'), /至少两个/);
    await select(page, ['党城镇', '范家庄乡']);
    await page.click('[data-testid=group-together]');
    await select(page, ['晓林镇', '邸村镇']);
    await page.click('[data-testid=group-apart]');
    assert.match(await page.textContent('[data-testid=group-together-0]'), /党城镇、范家庄乡/);
    assert.match(await page.textContent('[data-testid=group-apart-0]'), /晓林镇、邸村镇/);
    assert.match(await page.textContent('[data-testid=propose-wishes]'), /须同组：（党城镇、范家庄乡）.*不得同组：（晓林镇、邸村镇）/);

    // A changed floor and number of schemes; propose.
    await page.fill('[data-testid=propose-min-pop]', '22000');
    await page.fill('[data-testid=propose-schemes]', '3');
    await page.fill('[data-testid=propose-exact]', '0');
    const answer = await propose();
    const req = requests.at(-1);
    assert.equal(req.schemes, 3);
    assert.equal(req.min_pop, 22000);
    assert.equal(req.max_area, undefined, 'the cap is the policy\'s: not sent');
    assert.deepEqual(req.together, [[codeOf('党城镇'), codeOf('范家庄乡')]]);
    assert.deepEqual(req.apart, [[codeOf('晓林镇'), codeOf('邸村镇')]]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const schemes = answer.body.schemes;
    assert.ok(schemes.length >= 1 && schemes.length <= 3, `${schemes.length}`);
    assert.equal(await page.$$eval('[data-testid^=proposal-]', (l) => l.length), schemes.length);
    for (const s of schemes) {
      const of = unitOf(s);
      assert.equal(of(codeOf('党城镇')), of(codeOf('范家庄乡')), JSON.stringify(s.ops));
      assert.notEqual(of(codeOf('晓林镇')), of(codeOf('邸村镇')), JSON.stringify(s.ops));
      assert.ok(s.objectives.min_region_pop >= 22000, `${s.objectives.min_region_pop}`);
      assert.equal(await page.textContent(`[data-testid=groups-${s.index}]`), '分组条件均满足');
    }
    // What was honoured is shown.
    assert.equal(await page.textContent('[data-testid=honoured-floor]'), '22,000 人');
    assert.match(await page.textContent('[data-testid=propose-honoured]'), /政策值 20,000 人/);
    assert.equal(await page.textContent('[data-testid=honoured-together]'), '（党城镇、范家庄乡）');
    assert.equal(await page.textContent('[data-testid=honoured-apart]'), '（晓林镇、邸村镇）');
    assert.equal(await page.textContent('[data-testid=service-points]'), '服务距离按乡镇驻地计算');
    await page.locator('.card:has([data-testid=propose])').screenshot({ path: join(ARTIFACTS, 'propose-wishes-zh.png') });

    // 晓林镇 and 邸村镇 also kept together: refused in words; removing the group clears it.
    await page.click('[data-testid=group-together]');
    assert.match(await page.textContent('[data-testid=group-together-1]'), /晓林镇、邸村镇/);
    assert.equal((await propose()).status, 400);
    assert.equal(await page.getAttribute('#propose-msg', 'class'), 'error');
    assert.match(await page.textContent('#propose-msg'), /晓林镇和邸村镇既在“须同组”又在“不得同组”中/);
    assert.equal(await page.$$eval('[data-testid^=proposal-]', (l) => l.length), 0);
    await page.click('[data-testid=remove-together-1]');
    assert.equal(await page.$$eval('[data-testid^=group-together-]', (l) => l.length), 1);
    assert.equal((await propose()).status, 200);

    // Adopt: the draft keeps 党城镇 and 范家庄乡 in one merge, 晓林镇 and 邸村镇 apart.
    await page.click('[data-testid=adopt-0]');
    await page.waitForFunction(() => window.__quhua.ops.some((o) => o.op === 'merge'), null, { timeout: 30_000 });
    const ops = await page.evaluate(() => window.__quhua.ops);
    const of = unitOf({ ops });
    assert.equal(of(codeOf('党城镇')), of(codeOf('范家庄乡')), JSON.stringify(ops));
    assert.notEqual(of(codeOf('晓林镇')), of(codeOf('邸村镇')), JSON.stringify(ops));
    await page.waitForFunction(() => document.getElementById('status')?.textContent === '');
    await page.screenshot({ path: join(ARTIFACTS, 'propose-wishes-adopted-zh.png'), fullPage: true });

    // English: the groups stay, the card and the honoured line are English.
    await page.click('#lang');
    await ready(page, 'county');
    await page.click('[data-testid=propose-more] > summary');
    assert.match(await page.textContent('[data-testid=propose-limits-note]'), /Pre-filled from Hebei/);
    assert.match(await page.textContent('[data-testid=group-together-0]'), /党城镇, 范家庄乡/);
    await page.fill('[data-testid=propose-schemes]', '2');
    await page.fill('[data-testid=propose-w-service]', '1');
    await page.fill('[data-testid=propose-exact]', '0');
    const en = await propose();
    assert.equal(en.status, 200, JSON.stringify(en.body));
    assert.deepEqual(requests.at(-1).weights, { wss: 1, compactness: 0, service: 1 });
    const card = await page.textContent('.card:has([data-testid=propose])');
    assert.match(card, /Proposed under: population floor 20,000/);
    assert.match(card, /service distance from the township seats/);
    assert.doesNotMatch(card.replace(/[\u4e00-\u9fff]+(乡|镇)/g, ''), /[须得组依据权重方案]/);
    await page.locator('.card:has([data-testid=propose])').screenshot({ path: join(ARTIFACTS, 'propose-wishes-en.png') });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

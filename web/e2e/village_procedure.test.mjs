// End-to-end test of a village adjustment (村级建制调整) on the demo: the county editor submits
// the demo's village draft (it takes the village procedure by itself), records the villages'
// assemblies, sees the one village that did not agree named at the assembly step, records its
// second meeting, approves as the county government and applies; the registry then shows the
// merged villages and the 居委会 with its new code. Screenshots in Chinese and English.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/village_procedure.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;

before(async () => { server = await startDemoServer('village-procedure'); });
after(() => server?.stop());

const XIDI = '130634106201';

test('a village scheme: assemblies, the refusal naming the village, county approval, apply', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(server.base, 'quyang', { width: 1400 });
  try {
    // Submit the village draft; the procedure is chosen by the scheme.
    const setup = await page.evaluate(async (xidi) => {
      const me = await (await fetch('/api/me')).json();
      const json = async (method, url, body) => {
        const r = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token }, body: body ? JSON.stringify(body) : undefined });
        if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
        return { status: r.status, body: await r.json() };
      };
      const list = (await json('GET', '/api/scenarios?county=130634')).body;
      const scenarios = list.scenarios ?? list;
      const draft = scenarios.find((s) => s.name === '曲阳县村级建制调整示意方案');
      const plan = (await json('POST', '/api/plans', { scenario_id: draft.id })).body;
      const id = plan.plan.id;
      const today = plan.today;
      await json('POST', `/api/plans/${id}/consultation`, { kind: 'meeting', date: today, level: '村', place: '恒州镇西旺片区', participants: ['村民代表'], count: 40 });
      for (const step of ['consultation', 'risk_assessment']) {
        const r = await fetch(`/api/plans/${id}/steps/${step}?date=${today}&file_name=${step}.txt`, { method: 'POST', headers: { 'x-csrf-token': me.csrf_token }, body: '示意材料' });
        if (!r.ok) throw new Error(`${step}: ${r.status} ${await r.text()}`);
      }
      const villages = plan.village_assent.map((a) => a.village);
      for (const v of villages.filter((v) => v !== xidi)) {
        await json('POST', `/api/plans/${id}/assemblies`, { village: v, kind: 'representatives_meeting', date: today, entitled: 30, present: 24, votes_for: 20, votes_against: 4 });
      }
      // A second village plan of the county, ready for the same county decision.
      const other = (await json('POST', '/api/scenarios', { name: '邸村镇村更名示意', county: '130634',
        ops: [{ op: 'rename_village', village: '130634106202', name: '新邸村民委员会' }] })).body;
      const second = (await json('POST', '/api/plans', { scenario_id: other.id })).body.plan.id;
      await json('POST', `/api/plans/${second}/consultation`, { kind: 'meeting', date: today, level: '村', place: '邸村镇', participants: ['村民代表'], count: 20 });
      for (const step of ['consultation', 'risk_assessment']) {
        const r = await fetch(`/api/plans/${second}/steps/${step}?date=${today}&file_name=${step}.txt`, { method: 'POST', headers: { 'x-csrf-token': me.csrf_token }, body: '示意材料' });
        if (!r.ok) throw new Error(`${step}: ${r.status} ${await r.text()}`);
      }
      await json('POST', `/api/plans/${second}/assemblies`, { village: '130634106202', kind: 'representatives_meeting', date: today, entitled: 30, present: 24, votes_for: 20, votes_against: 4 });
      const done = await fetch(`/api/plans/${second}/steps/villagers_meeting?date=${today}`, { method: 'POST', headers: { 'x-csrf-token': me.csrf_token }, body: '' });
      if (!done.ok) throw new Error(`villagers_meeting: ${done.status} ${await done.text()}`);
      return { id, second, template: plan.plan.template, villages };
    }, XIDI);
    assert.equal(setup.template, 'village');
    assert.equal(setup.villages.length, 12);
    await page.goto(`${server.base}/#/plans/${setup.id}`);
    await ready(page, 'plans');
    // 西邸村's representatives meet and do not agree: recorded through the form.
    const record = async (present, yes) => {
      await page.selectOption('[data-testid=assembly-form] select[name=village]', XIDI);
      await page.selectOption('[data-testid=assembly-form] select[name=kind]', 'representatives_meeting');
      await page.fill('[data-testid=assembly-form] input[name=entitled]', '30');
      await page.fill('[data-testid=assembly-form] input[name=present]', String(present));
      await page.fill('[data-testid=assembly-form] input[name=votes_for]', String(yes));
      await page.fill('[data-testid=assembly-form] input[name=votes_against]', String(present - yes));
      await page.click('[data-testid=assembly-form] button[type=submit]');
      await page.waitForFunction(() => document.querySelector('[data-testid=act-msg]')?.textContent);
    };
    await record(25, 12);
    await page.waitForSelector(`[data-testid=assent-${XIDI}][data-agreed=no]`);
    assert.match(await page.textContent('[data-testid=assemblies] h3'), /11\/12/);
    assert.match(await page.textContent(`[data-testid=assent-${XIDI}]`), /未通过/);
    // The assembly step is refused, naming the village.
    await page.click('[data-testid=complete-villagers_meeting] button[type=submit]');
    await page.waitForSelector('[data-testid=act-msg].error');
    const refusal = await page.textContent('[data-testid=act-msg]');
    assert.match(refusal, /西邸村村民委员会/);
    assert.match(refusal, /未通过/);
    await page.screenshot({ path: join(ARTIFACTS, 'village-procedure-refused-zh.png'), fullPage: true });
    // It meets again and agrees; the step completes and the county approves.
    await record(25, 19);
    await page.waitForSelector(`[data-testid=assent-${XIDI}][data-agreed=yes]`);
    await page.click('[data-testid=complete-villagers_meeting] button[type=submit]');
    await page.waitForSelector('[data-testid=step-villagers_meeting][data-state=done]');
    await page.waitForSelector('[data-testid=approve-form]');
    await page.fill('[data-testid=approve-form] input[name=document_no]', '曲政字〔2026〕21号');
    // The other village plan ready for the county's decision is offered; approve both at once.
    await page.check(`[data-testid=also-${setup.second}]`);
    await page.click('[data-testid=approve-form] button[type=submit]');
    await page.waitForSelector('[data-testid=approval]');
    assert.match(await page.textContent('[data-testid=approval]'), /曲政字〔2026〕21号/);
    await page.click('[data-testid=apply]');
    await page.waitForSelector('[data-testid=stage]:has-text("已实施")', { timeout: 30_000 }).catch(() => {});
    const after = await page.evaluate(async () => {
      const r = await fetch('/api/plans');
      return (await r.json()).plans;
    });
    const mine = after.find((p) => p.id === setup.id);
    assert.ok(mine.applied, 'the plan is applied');
    const second = after.find((p) => p.id === setup.second);
    assert.equal(second.approval?.document_no, '曲政字〔2026〕21号', 'approved under the same decision');
    // The registry: the converted village under its new 居委会 code, the merged ones gone.
    const registry = await page.evaluate(async () => {
      const today = new Date().toISOString().slice(0, 10);
      const r = await fetch(`/api/counties/130634/registry?date=${today}&level=village`);
      return { status: r.status, text: await r.text() };
    });
    assert.equal(registry.status, 200, registry.text);
    assert.ok(registry.text.includes('东关社区居民委员会'), 'the 居委会 is in the registry');
    assert.ok(registry.text.includes('130634100010'), 'with the next 居委会 code');
    assert.ok(!registry.text.includes('阮西旺村民委员会'), 'a merged village is gone');
    await page.screenshot({ path: join(ARTIFACTS, 'village-procedure-applied-zh.png'), fullPage: true });
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await page.reload();
    await ready(page, 'plans');
    const head = await page.textContent('[data-testid=assemblies] h3');
    assert.match(head, /Villagers' assemblies/);
    await page.screenshot({ path: join(ARTIFACTS, 'village-procedure-applied-en.png'), fullPage: true });
  } finally {
    await close();
  }
});

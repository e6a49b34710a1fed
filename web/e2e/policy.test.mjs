// End-to-end test of the policy selector: the editor checks a Hebei county against Hebei's
// policy by default and says what that policy holds; choosing the national reference checks
// the same operations again (the 设街道 finding then says the province's standard is not on
// file), marks the work unsaved, and the saved draft comes back with its policy; in English
// the options and the note are English.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/policy.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

let server;
let base;

before(async () => {
  server = await startDemoServer('policy', { allowRunning: true });
  base = server.base;
});

after(() => server?.stop());

const policyName = (page) => page.evaluate(() => window.__quhua.result.evaluation.policy);
const streetFindings = (page) => page.evaluate(() => window.__quhua.result.evaluation.findings.filter((f) => f.rule === 'street_standard'));
const settled = (page) => page.waitForFunction(() => document.getElementById('status')?.textContent === '');

test('the county is checked against its own province; another policy re-checks and is saved with the draft', { timeout: 240_000 }, async () => {
  const { page, close } = await loginAs(base, 'quyang', { width: 1400 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    assert.equal(await page.inputValue('[data-testid=policy]'), 'hebei');
    assert.match(await page.textContent('[data-testid=policy] option[value=hebei]'), /河北省（本省）/);
    assert.match(await page.textContent('[data-testid=policy-note]'), /河北省民政厅/);
    assert.equal(await policyName(page), '河北省');

    // 撤镇设街道 of 恒州镇: checked against Hebei's 设街道 standard.
    const i = await page.evaluate(() => window.__quhua.result.evaluation.units.findIndex((u) => u.name === '恒州镇'));
    await page.check(`#units input[data-i="${i}"]`);
    await page.click('[data-testid=to-street]');
    await page.waitForFunction(() => window.__quhua.ops.length === 1);
    await settled(page);
    const hebei = await streetFindings(page);
    assert.ok(hebei.length > 0, 'a street-standard finding');
    assert.ok(hebei.every((f) => f.citation.includes('河北省')), JSON.stringify(hebei));

    // The national reference: same operations, checked again; the standard is not on file.
    await page.selectOption('[data-testid=policy]', 'default');
    await page.waitForFunction(() => window.__quhua.result.evaluation.policy.startsWith('全国参考'));
    await settled(page);
    assert.equal((await page.evaluate(() => window.__quhua.ops)).length, 1, 'the operations stay');
    const national = await streetFindings(page);
    assert.ok(national.length > 0 && national.every((f) => f.message.zh.includes('未收录')), JSON.stringify(national));
    assert.ok(national.every((f) => !f.citation.includes('河北') && !f.message.zh.includes('河北')), JSON.stringify(national));
    assert.match(await page.textContent('[data-testid=policy-note]'), /仅收录国家层面/);
    await page.screenshot({ path: join(ARTIFACTS, 'policy-national-zh.png') });

    // Saved with the draft: a new scheme is back on Hebei's; loading the draft restores the national reference.
    await page.fill('[data-testid=scenario-name]', '全国参考口径');
    await page.click('[data-testid=save-new]');
    await page.waitForFunction(() => /已保存/.test(document.getElementById('status')?.textContent ?? ''));
    const saved = await page.evaluate(async () => (await (await fetch('/api/scenarios?county=130634')).json()).scenarios.find((s) => s.name === '全国参考口径'));
    assert.equal(saved.policy, 'default');
    await page.click('#new-sc');
    await page.waitForFunction(() => window.__quhua.ops.length === 0 && window.__quhua.result.evaluation.policy === '河北省');
    assert.equal(await page.inputValue('[data-testid=policy]'), 'hebei');
    await page.click(`[data-testid=scenario-${saved.id}] button.load`);
    await page.waitForFunction(() => window.__quhua.ops.length === 1 && window.__quhua.result.evaluation.policy.startsWith('全国参考'));
    assert.equal(await page.inputValue('[data-testid=policy]'), 'default');

    // English: the options and the note.
    await page.click('#lang');
    await ready(page, 'county');
    assert.match(await page.textContent('[data-testid=policy] option[value=hebei]'), /Hebei \(own province\)/);
    const note = await page.textContent('[data-testid=policy-note]');
    assert.match(note, /National texts only/);
    assert.doesNotMatch(note, /[\u4e00-\u9fff]/u, 'no Chinese in the English note');
    await page.screenshot({ path: join(ARTIFACTS, 'policy-national-en.png') });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

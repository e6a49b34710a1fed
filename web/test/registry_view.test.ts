// The 区划名录 and audit views (src/registry_view.ts): what the server sends is escaped
// wherever it appears (names, kinds, approval numbers, labels, audit rows), codes in labels
// become lineage links, and the forms and tables keep the data-testid the e2e tests select on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditView, RegistryAsOf, RegistryChanges, RegistryLineage } from '../src/api';
import { asOfCard, auditHtml, changesCard, lineageCard } from '../src/registry_view';

test('the as-of card escapes units and parents and links their codes', () => {
  const r = {
    date: '2023-06-30', villages: true,
    units: [
      { code: '130634210200', name: '<b>东村</b>', kind: '村"委会', kind_en: 'village', parent: '130634210', parent_name: '甲&乙镇' },
      { code: 'x<1>', name: '乙', kind: '居委会', kind_en: 'community', parent: null, parent_name: null },
    ],
  } as unknown as RegistryAsOf;
  const h = asOfCard(r, '2023-06-30"><x', true).text;
  assert.doesNotMatch(h, /<b>|<x|<1>/);
  assert.match(h, /<td>&lt;b&gt;东村&lt;\/b&gt;<\/td>/);
  assert.match(h, /<td>村&quot;委会<\/td>/);
  assert.match(h, /<td>甲&amp;乙镇 <a href="#" class="link rg-unit" data-unit="130634210">130634210<\/a><\/td>/);
  assert.match(h, /<a href="#" class="link rg-unit" data-unit="130634210200">130634210200<\/a>/);
  assert.match(h, /<td>x&lt;1&gt;<\/td>/, 'a code that is not a unit code is plain text');
  assert.match(h, /value="2023-06-30&quot;&gt;&lt;x"/);
  assert.match(h, /<option value="village" selected>/);
  assert.match(h, /<option value="township">/);
  for (const id of ['rg-date', 'rg-level', 'rg-asof-go', 'rg-count', 'rg-units']) assert.match(h, new RegExp(`data-testid="${id}"`), id);
  assert.match(h, /<p data-testid="rg-count">2023-06-30 有效的村级单位共 2 个<\/p>/);
  assert.equal((h.match(/<tr>/g) ?? []).length, 3, 'a header row and two unit rows');

  const empty = asOfCard(null, '2024-01-01', false).text;
  assert.match(empty, /<option value="township" selected>/);
  assert.doesNotMatch(empty, /rg-count|rg-units/);
});

test('the changes card escapes every field and links codes inside escaped labels', () => {
  const r = {
    from: '1949-10-01', to: '2026-01-01',
    changes: [{
      date: '2024-05-01', type: '撤销<合并>', type_en: 'merger', approval_no: '冀政字"88"号', event: null,
      lineage: ['<i>甲镇</i>（130634100）→ 乙镇（130634101）'], renames: ['A&B村（130634100200）'], units_with_values: 3,
    }],
  } as unknown as RegistryChanges;
  const h = changesCard(r, '1949-10-01', '2026-01-01').text;
  assert.doesNotMatch(h, /<i>|<合并>/);
  assert.match(h, /<td>撤销&lt;合并&gt;<\/td><td>冀政字&quot;88&quot;号<\/td>/);
  assert.match(h, /<div>&lt;i&gt;甲镇&lt;\/i&gt;（<a href="#" class="link rg-unit" data-unit="130634100">130634100<\/a>）→ 乙镇（<a href="#" class="link rg-unit" data-unit="130634101">130634101<\/a>）<\/div>/);
  assert.match(h, /<div>A&amp;B村（<a href="#" class="link rg-unit" data-unit="130634100200">130634100200<\/a>）<\/div>/);
  assert.match(h, /<div>更新了 3 个单位的数据<\/div>/);
  for (const id of ['rg-from', 'rg-to', 'rg-changes-go', 'rg-changes']) assert.match(h, new RegExp(`data-testid="${id}"`), id);

  const none = changesCard({ from: 'a', to: 'b', changes: [] } as unknown as RegistryChanges, 'a', 'b').text;
  assert.match(none, /data-testid="rg-no-changes"/);
  assert.doesNotMatch(none, /data-testid="rg-changes"/);
  assert.match(changesCard(null, '<a', 'b').text, /value="&lt;a"/);
});

test('the lineage card escapes names, codes and steps', () => {
  const r = {
    code: '130634210', name: '<script>x</script>镇',
    codes: [{ code: '130634210', valid_from: '2001-01-01', valid_to: null }, { code: '1306<3>', valid_from: '1990-01-01', valid_to: '2000-12-31' }],
    backward: [],
    forward: [{ date: '2024-05-01', type: '合并', type_en: 'merger', approval_no: '冀<88>号', from: '甲镇（130634210）', to: '乙&镇（130634211）',
      villages: ['东<村>', '西村'] }],
  } as unknown as RegistryLineage;
  const h = lineageCard(r, '130634210').text;
  assert.doesNotMatch(h, /<script>|<3>|<88>|<村>/);
  assert.match(h, /<h4>&lt;script&gt;x&lt;\/script&gt;镇 130634210<\/h4>/);
  assert.match(h, /<td>130634210<\/td><td>2001-01-01<\/td><td>现行<\/td>/);
  assert.match(h, /<td>1306&lt;3&gt;<\/td>/);
  assert.match(h, /<span class="muted">冀&lt;88&gt;号<\/span>/);
  assert.match(h, /乙&amp;镇（<a href="#" class="link rg-unit" data-unit="130634211">130634211<\/a>）/);
  assert.match(h, /<summary>所带村（2 个）<\/summary><p class="small">东&lt;村&gt;、西村<\/p>/);
  assert.match(h, /<p class="muted" data-testid="rg-backward">/);
  assert.match(h, /<ol class="rg-steps" data-testid="rg-forward">/);
  assert.match(h, /data-testid="rg-lineage"/);
  assert.match(h, /pattern="\\d\{9\}\|\\d\{12\}"/, 'the pattern keeps its backslashes');

  const form = lineageCard(null, '"><img>').text;
  assert.match(form, /value="&quot;&gt;&lt;img&gt;"/);
  assert.doesNotMatch(form, /data-testid="rg-lineage"/);
  assert.match(form, /data-testid="rg-unit"/);
});

test('the audit page escapes rows and findings and joins its links', () => {
  const v = {
    verified: false, rows: 2, head_seq: 2, head_hash: 'ab<cd>', next_before: 1,
    findings: [{ zh: '第 2 条<哈希>不符', en: 'row 2 <hash> differs' }],
    entries: [{ seq: 2, at: '2026-01-01', actor: '张三<admin>', action: 'plan.approve', entity: 'plan/"7"', has_before: false, hash: '0123456789abcdef&' }],
  } as unknown as AuditView;
  const h = auditHtml(v, true).text;
  assert.doesNotMatch(h, /<admin>|<哈希>|<cd>/);
  assert.match(h, /data-testid="au-failed"/);
  assert.match(h, /<li>第 2 条&lt;哈希&gt;不符<\/li>/);
  assert.match(h, /<td>2<\/td><td>2026-01-01<\/td><td>张三&lt;admin&gt;<\/td><td>plan\.approve<\/td>/);
  assert.match(h, /<td>plan\/&quot;7&quot;<\/td><td class="mono" title="0123456789abcdef&amp;">0123456789ab…<\/td>/);
  assert.match(h, /哈希 ab&lt;cd&gt;/);
  assert.match(h, /<p><a href="#\/audit" class="link" data-testid="au-newest">[^<]+<\/a> · <a href="#\/audit\?before=1" class="link" data-testid="au-older">[^<]+<\/a><\/p>/);
  assert.match(h, /data-testid="au-rows"/);

  const ok = auditHtml({ ...v, verified: true, next_before: null, findings: [] } as unknown as AuditView, false).text;
  assert.match(ok, /data-testid="au-verified"/);
  assert.doesNotMatch(ok, /au-failed|au-older|au-newest/);
  assert.match(ok, /<p><\/p><\/section>$/);
});

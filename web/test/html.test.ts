// The tagged template escapes by default (src/html.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, raw } from '../src/html';

test('interpolations are escaped, markup and arrays are not double-escaped', () => {
  const name = '<img src=x onerror=alert(1)> & "东城"';
  assert.equal(html`<td title="${name}">${name}</td>`.text,
    '<td title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;东城&quot;">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;东城&quot;</td>');
  const rows = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
  assert.equal(html`<ul>${rows}</ul>`.text, '<ul><li>a&lt;b</li><li>c</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.text, '0');
  assert.equal(html`${raw('<b>x</b>')}`.text, '<b>x</b>');
});

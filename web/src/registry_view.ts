// Rendering of the 区划名录 pages (#/county/CODE/registry and #/audit): pure functions from
// the API's typed results to HTML, every text escaped. registry_page.ts loads and wires them.

import type { AuditView, RegistryAsOf, RegistryChanges, RegistryLineage } from './api';
import { getLang, t, tf, tx } from './i18n';
import { esc } from './panels';

const zh = (): boolean => getLang() === 'zh';

/** A code that opens its lineage (`data-unit`), or plain text for a county or a blank. */
function codeLink(code: string | null | undefined): string {
  if (!code) return '';
  return /^\d{9}(\d{3})?$/.test(code)
    ? `<a href="#" class="link rg-unit" data-unit="${esc(code)}">${esc(code)}</a>`
    : esc(code);
}

/** `name（code）` labels from the server, with their codes made into lineage links. */
function labelLinks(text: string): string {
  return esc(text).replace(/\d{12}|\d{9}/g, (c) => codeLink(c));
}

/** The as-of form and the list of units. */
export function asOfCard(r: RegistryAsOf | null, date: string, villages: boolean): string {
  const form = `<form class="rg-form row" id="rg-asof-form">
    <label>${t('rgDate')} <input type="date" name="date" value="${esc(date)}" required data-testid="rg-date"></label>
    <label>${t('rgLevel')} <select name="level" data-testid="rg-level">
      <option value="township"${villages ? '' : ' selected'}>${t('rgTownships')}</option>
      <option value="village"${villages ? ' selected' : ''}>${t('rgVillages')}</option></select></label>
    <button type="submit" data-testid="rg-asof-go">${t('rgShow')}</button></form>`;
  if (!r) return `<h3>${t('rgAsOf')}</h3>${form}`;
  const level = r.villages ? t('rgVillages') : t('rgTownships');
  const rows = r.units.map((u) => `<tr><td>${codeLink(u.code)}</td><td>${esc(u.name)}</td>
    <td>${esc(zh() ? u.kind : u.kind_en)}</td>
    ${r.villages ? `<td>${esc(u.parent_name ?? '')} ${codeLink(u.parent)}</td>` : ''}</tr>`).join('');
  return `<h3>${t('rgAsOf')}</h3>${form}
    <p data-testid="rg-count">${esc(tf('rgCount', { d: r.date, l: level, n: r.units.length }))}</p>
    <div class="table-wrap"><table class="rg-units" data-testid="rg-units"><thead><tr><th>${t('rgCode')}</th><th>${t('rgName')}</th><th>${t('rgKind')}</th>
    ${r.villages ? `<th>${t('rgParent')}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The changes form and the list of changes. */
export function changesCard(r: RegistryChanges | null, from: string, to: string): string {
  const form = `<form class="rg-form row" id="rg-changes-form">
    <label>${t('rgFrom')} <input type="date" name="from" value="${esc(from)}" required data-testid="rg-from"></label>
    <label>${t('rgTo')} <input type="date" name="to" value="${esc(to)}" required data-testid="rg-to"></label>
    <button type="submit" data-testid="rg-changes-go">${t('rgShow')}</button></form>`;
  if (!r) return `<h3>${t('rgChanges')}</h3>${form}`;
  if (r.changes.length === 0) return `<h3>${t('rgChanges')}</h3>${form}<p class="muted" data-testid="rg-no-changes">${t('rgNoChanges')}</p>`;
  const rows = r.changes.map((c) => {
    const what = [
      ...c.lineage.map(labelLinks),
      ...c.renames.map(labelLinks),
      ...(c.units_with_values > 0 ? [esc(tf('rgValues', { n: c.units_with_values }))] : []),
    ];
    return `<tr><td>${esc(c.date)}</td><td>${esc(zh() ? c.type : c.type_en)}</td><td>${esc(c.approval_no)}</td>
      <td>${what.map((w) => `<div>${w}</div>`).join('')}</td></tr>`;
  }).join('');
  return `<h3>${t('rgChanges')}</h3>${form}
    <div class="table-wrap"><table data-testid="rg-changes"><thead><tr><th>${t('rgChangeDate')}</th><th>${t('rgChangeType')}</th><th>${t('rgApproval')}</th><th>${t('rgWhat')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

function steps(list: RegistryLineage['forward'], testid: string): string {
  if (list.length === 0) return `<p class="muted" data-testid="${testid}">${t('rgNone')}</p>`;
  return `<ol class="rg-steps" data-testid="${testid}">${list.map((s) => `<li>
    <strong>${esc(s.date)}</strong> ${esc(zh() ? s.type : s.type_en)} ${s.approval_no ? `<span class="muted">${esc(s.approval_no)}</span>` : ''}
    <div>${labelLinks(s.from)} → ${labelLinks(s.to)}</div>
    ${s.villages.length ? `<details><summary>${esc(tf('rgVillagesCarried', { n: s.villages.length }))}</summary><p class="small">${s.villages.map(esc).join('、')}</p></details>` : ''}
    </li>`).join('')}</ol>`;
}

/** The lineage form and a unit's lineage. */
export function lineageCard(r: RegistryLineage | null, unit: string): string {
  const form = `<form class="rg-form row" id="rg-lineage-form">
    <label>${t('rgUnitCode')} <input name="unit" value="${esc(unit)}" pattern="\\d{9}|\\d{12}" required data-testid="rg-unit"></label>
    <button type="submit" data-testid="rg-lineage-go">${t('rgShow')}</button></form>`;
  if (!r) return `<h3>${t('rgLineage')}</h3>${form}<p class="muted">${t('rgLineageHint')}</p>`;
  const codes = r.codes.map((c) => `<tr><td>${esc(c.code)}</td><td>${esc(c.valid_from)}</td><td>${esc(c.valid_to ?? t('rgInForce'))}</td></tr>`).join('');
  return `<h3>${t('rgLineage')}</h3>${form}
    <div data-testid="rg-lineage"><h4>${esc(r.name)} ${esc(r.code)}</h4>
    <table class="rg-codes"><thead><tr><th>${t('rgCodes')}</th><th>${t('rgValidFrom')}</th><th>${t('rgValidTo')}</th></tr></thead><tbody>${codes}</tbody></table>
    <h4>${t('rgBackward')}</h4>${steps(r.backward, 'rg-backward')}
    <h4>${t('rgForward')}</h4>${steps(r.forward, 'rg-forward')}</div>`;
}

/** The audit page: the verification and one page of rows. */
export function auditHtml(v: AuditView, paged: boolean): string {
  const banner = v.verified
    ? `<p class="status ok" data-testid="au-verified">${esc(tf('auVerified', { n: v.rows }))}</p>`
    : `<div class="status error" data-testid="au-failed"><p>${esc(tf('auFailed', { n: v.findings.length }))}</p>
       <ul>${v.findings.map((f) => `<li>${esc(tx(f))}</li>`).join('')}</ul></div>`;
  const rows = v.entries.map((e) => `<tr><td>${e.seq}</td><td>${esc(e.at)}</td><td>${esc(e.actor)}</td><td>${esc(e.action)}</td>
    <td>${esc(e.entity)}</td><td class="mono" title="${esc(e.hash)}">${esc(e.hash.slice(0, 12))}…</td></tr>`).join('');
  const nav = [
    paged ? `<a href="#/audit" class="link" data-testid="au-newest">${t('auNewest')}</a>` : '',
    v.next_before !== null && v.next_before !== undefined
      ? `<a href="#/audit?before=${v.next_before}" class="link" data-testid="au-older">${t('auOlder')}</a>` : '',
  ].filter(Boolean).join(' · ');
  return `<section class="card">${banner}
    <p class="small">${esc(tf('auHead', { seq: v.head_seq, hash: v.head_hash }))}</p>
    <p class="small muted">${t('auAnchorHint')}</p></section>
    <section class="card"><p class="small muted">${t('auNoBodies')}</p>
    <div class="table-wrap"><table data-testid="au-rows"><thead><tr><th>${t('auSeq')}</th><th>${t('auAt')}</th><th>${t('auActor')}</th><th>${t('auAction')}</th><th>${t('auEntity')}</th><th>${t('auHash')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div><p>${nav}</p></section>`;
}

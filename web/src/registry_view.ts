// Rendering of the 区划名录 pages (#/county/CODE/registry and #/audit): pure functions from
// the API's typed results to markup, built with html`` (every value escaped unless it is
// markup). registry_page.ts loads and wires them; test/registry_view.test.ts tests them.

import type { AuditView, RegistryAsOf, RegistryChanges, RegistryLineage } from './api';
import { escapeText, html, type Markup, raw } from './html';
import { getLang, t, tf, tx } from './i18n';

const zh = (): boolean => getLang() === 'zh';

/** A code that opens its lineage (`data-unit`), or plain text for a county or a blank. */
function codeLink(code: string | null | undefined): Markup | string {
  if (!code) return '';
  return /^\d{9}(\d{3})?$/.test(code)
    ? html`<a href="#" class="link rg-unit" data-unit="${code}">${code}</a>`
    : code;
}

/** `name（code）` labels from the server, with their codes made into lineage links. */
function labelLinks(text: string): Markup {
  // Deliberately built with string operations: the label is escaped first (escapeText), then
  // the codes in the escaped text (digits only, which escaping leaves alone) are replaced by
  // their links, and the result is trusted with raw().
  return raw(escapeText(text).replace(/\d{12}|\d{9}/g, (c) => html`${codeLink(c)}`.text));
}

/** The as-of form and the list of units. */
export function asOfCard(r: RegistryAsOf | null, date: string, villages: boolean): Markup {
  const form = html`<form class="rg-form row" id="rg-asof-form">
    <label>${t('rgDate')} <input type="date" name="date" value="${date}" required data-testid="rg-date"></label>
    <label>${t('rgLevel')} <select name="level" data-testid="rg-level">
      <option value="township"${villages ? '' : html` selected`}>${t('rgTownships')}</option>
      <option value="village"${villages ? html` selected` : ''}>${t('rgVillages')}</option></select></label>
    <button type="submit" data-testid="rg-asof-go">${t('rgShow')}</button></form>`;
  if (!r) return html`<h3>${t('rgAsOf')}</h3>${form}`;
  const level = r.villages ? t('rgVillages') : t('rgTownships');
  const rows = r.units.map((u) => html`<tr><td>${codeLink(u.code)}</td><td>${u.name}</td>
    <td>${zh() ? u.kind : u.kind_en}</td>
    ${r.villages ? html`<td>${u.parent_name ?? ''} ${codeLink(u.parent)}</td>` : ''}</tr>`);
  return html`<h3>${t('rgAsOf')}</h3>${form}
    <p data-testid="rg-count">${tf('rgCount', { d: r.date, l: level, n: r.units.length })}</p>
    <div class="table-wrap"><table class="rg-units" data-testid="rg-units"><thead><tr><th>${t('rgCode')}</th><th>${t('rgName')}</th><th>${t('rgKind')}</th>
    ${r.villages ? html`<th>${t('rgParent')}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The changes form and the list of changes. */
export function changesCard(r: RegistryChanges | null, from: string, to: string): Markup {
  const form = html`<form class="rg-form row" id="rg-changes-form">
    <label>${t('rgFrom')} <input type="date" name="from" value="${from}" required data-testid="rg-from"></label>
    <label>${t('rgTo')} <input type="date" name="to" value="${to}" required data-testid="rg-to"></label>
    <button type="submit" data-testid="rg-changes-go">${t('rgShow')}</button></form>`;
  if (!r) return html`<h3>${t('rgChanges')}</h3>${form}`;
  if (r.changes.length === 0) return html`<h3>${t('rgChanges')}</h3>${form}<p class="muted" data-testid="rg-no-changes">${t('rgNoChanges')}</p>`;
  const rows = r.changes.map((c) => {
    const what: (Markup | string)[] = [
      ...c.lineage.map(labelLinks),
      ...c.renames.map(labelLinks),
      ...(c.units_with_values > 0 ? [tf('rgValues', { n: c.units_with_values })] : []),
    ];
    return html`<tr><td>${c.date}</td><td>${zh() ? c.type : c.type_en}</td><td>${c.approval_no}</td>
      <td>${what.map((w) => html`<div>${w}</div>`)}</td></tr>`;
  });
  return html`<h3>${t('rgChanges')}</h3>${form}
    <div class="table-wrap"><table data-testid="rg-changes"><thead><tr><th>${t('rgChangeDate')}</th><th>${t('rgChangeType')}</th><th>${t('rgApproval')}</th><th>${t('rgWhat')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

function steps(list: RegistryLineage['forward'], testid: string): Markup {
  if (list.length === 0) return html`<p class="muted" data-testid="${testid}">${t('rgNone')}</p>`;
  return html`<ol class="rg-steps" data-testid="${testid}">${list.map((s) => html`<li>
    <strong>${s.date}</strong> ${zh() ? s.type : s.type_en} ${s.approval_no ? html`<span class="muted">${s.approval_no}</span>` : ''}
    <div>${labelLinks(s.from)} → ${labelLinks(s.to)}</div>
    ${s.villages.length ? html`<details><summary>${tf('rgVillagesCarried', { n: s.villages.length })}</summary><p class="small">${s.villages.join('、')}</p></details>` : ''}
    </li>`)}</ol>`;
}

/** The lineage form and a unit's lineage. */
export function lineageCard(r: RegistryLineage | null, unit: string): Markup {
  const form = html`<form class="rg-form row" id="rg-lineage-form">
    <label>${t('rgUnitCode')} <input name="unit" value="${unit}" pattern="\\d{9}|\\d{12}" required data-testid="rg-unit"></label>
    <button type="submit" data-testid="rg-lineage-go">${t('rgShow')}</button></form>`;
  if (!r) return html`<h3>${t('rgLineage')}</h3>${form}<p class="muted">${t('rgLineageHint')}</p>`;
  const codes = r.codes.map((c) => html`<tr><td>${c.code}</td><td>${c.valid_from}</td><td>${c.valid_to ?? t('rgInForce')}</td></tr>`);
  return html`<h3>${t('rgLineage')}</h3>${form}
    <div data-testid="rg-lineage"><h4>${r.name} ${r.code}</h4>
    <table class="rg-codes"><thead><tr><th>${t('rgCodes')}</th><th>${t('rgValidFrom')}</th><th>${t('rgValidTo')}</th></tr></thead><tbody>${codes}</tbody></table>
    <h4>${t('rgBackward')}</h4>${steps(r.backward, 'rg-backward')}
    <h4>${t('rgForward')}</h4>${steps(r.forward, 'rg-forward')}</div>`;
}

/** The audit page: the verification and one page of rows. */
export function auditHtml(v: AuditView, paged: boolean): Markup {
  const banner = v.verified
    ? html`<p class="status ok" data-testid="au-verified">${tf('auVerified', { n: v.rows })}</p>`
    : html`<div class="status error" data-testid="au-failed"><p>${tf('auFailed', { n: v.findings.length })}</p>
       <ul>${v.findings.map((f) => html`<li>${tx(f)}</li>`)}</ul></div>`;
  const rows = v.entries.map((e) => html`<tr><td>${e.seq}</td><td>${e.at}</td><td>${e.actor}</td><td>${e.action}</td>
    <td>${e.entity}</td><td class="mono" title="${e.hash}">${e.hash.slice(0, 12)}…</td></tr>`);
  const links: Markup[] = [];
  if (paged) links.push(html`<a href="#/audit" class="link" data-testid="au-newest">${t('auNewest')}</a>`);
  if (v.next_before !== null && v.next_before !== undefined) {
    links.push(html`<a href="#/audit?before=${v.next_before}" class="link" data-testid="au-older">${t('auOlder')}</a>`);
  }
  const nav = links.map((l, i) => html`${i > 0 ? ' · ' : ''}${l}`);
  return html`<section class="card">${banner}
    <p class="small">${tf('auHead', { seq: v.head_seq, hash: v.head_hash })}</p>
    <p class="small muted">${t('auAnchorHint')}</p></section>
    <section class="card"><p class="small muted">${t('auNoBodies')}</p>
    <div class="table-wrap"><table data-testid="au-rows"><thead><tr><th>${t('auSeq')}</th><th>${t('auAt')}</th><th>${t('auActor')}</th><th>${t('auAction')}</th><th>${t('auEntity')}</th><th>${t('auHash')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div><p>${nav}</p></section>`;
}

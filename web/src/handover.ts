// 实施交接: the overview of a plan's handover — ledger conservation (资产、债权债务), cadres,
// quotas (编制), service points (只增不减), overall progress, the sections grouped by pair with
// their lights, the import panel and the documents. Rendering only, with html`` (every value
// escaped unless it is markup): the forms and buttons are wired in main.ts (delegated events,
// `data-action`). The section page is handover_section.ts.

import type { HandoverSection, HandoverView, ImportKind, ImportOutcome, LedgerStatus, UserInfo } from './api';
import { html, type Markup } from './html';
import { getLang, t, tx, type Key } from './i18n';

const zh = () => getLang() === 'zh';

/** Punctuation of the current language (full-width in Chinese). */
export const C = () => (zh() ? '：' : ': ');
export const LP = () => (zh() ? '（' : ' (');
export const RP = () => (zh() ? '）' : ')');
export const CM = () => (zh() ? '，' : ', ');
export const LIST = () => (zh() ? '、' : ', ');
const PAIR_KIND: Record<string, string> = { abolish_merge: 'abolished and merged', merge_establish: 'merged into a new township', convert: 'converted' };

/** 分 → 元 with two decimals and thousands separators, exactly (no floating point on the 分). */
export function yuan(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(Math.trunc(fen));
  const whole = Math.floor(a / 100).toLocaleString('zh-CN');
  return `${neg ? '−' : ''}${whole}.${String(a % 100).padStart(2, '0')}`;
}

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The light of a section: green closed, red overdue, amber open. */
export function light(s: { closed: unknown; overdue: boolean }): { cls: string; state: string; text: string } {
  if (s.closed) return { cls: 'clock-green', state: 'closed', text: t('hvClosed') };
  if (s.overdue) return { cls: 'clock-red', state: 'overdue', text: t('hvOverdue') };
  return { cls: 'clock-amber', state: 'open', text: t('hvOpen') };
}

export const unitLabel = (u: { name: string; code: string; provisional: boolean }): Markup =>
  html`${u.name}<span class="muted">${LP()}${u.code}${u.provisional ? ` · ${t('hvProvisional')}` : ''}${RP()}</span>`;

export const syntheticBanner = (synthetic: boolean): Markup | '' =>
  synthetic ? html`<p class="synthetic" data-testid="synthetic"><span class="tag">${t('hvSyntheticTag')}</span> ${t('hvSynthetic')}</p>` : '';

/** Whether a section is the user's department's (lead or participating). */
export function isMine(s: HandoverSection, user: UserInfo | undefined): boolean {
  const d = user?.department;
  if (!d) return s.may_act;
  return s.department === d || s.also.includes(d);
}

/** The import kinds a user may import (the server's `ImportKind::departments`, plus the county office). */
export function importKinds(user: UserInfo | undefined): ImportKind[] {
  if (!user) return [];
  if (user.role === 'county_editor') return ['assets', 'debts', 'cadres', 'services', 'quotas'];
  switch (user.department) {
    case 'finance': case 'state_assets': case 'agriculture': return ['assets', 'debts'];
    case 'organisation': return ['cadres'];
    case 'government_services': case 'health': case 'education': case 'postal': return ['services'];
    case 'staffing': return ['quotas'];
    default: return [];
  }
}

const KIND_KEY: Record<ImportKind, Key> = {
  assets: 'hvKindAssets', debts: 'hvKindDebts', cadres: 'hvKindCadres', services: 'hvKindServices', quotas: 'hvKindQuotas',
};

function ledgerCard(title: string, l: LedgerStatus, id: string): Markup {
  const row = (k: Key, x: { items: number; value: number }, tid: string) =>
    html`<tr><th>${t(k)}</th><td data-testid="${id}-${tid}-items">${x.items.toLocaleString()}</td><td>${yuan(x.value)}</td></tr>`;
  return html`<div class="card hv-card" data-testid="card-${id}"><h3>${title}
      <span class="badge-c ${l.conserved ? 'ok' : 'warn'}" data-testid="${id}-conserved" title="${t('hvConservedHint')}">${l.conserved ? t('hvConserved') : t('hvNotConserved')}</span></h3>
    <table class="ind"><thead><tr><th></th><th>${t('hvItems')}</th><th>${t('hvBookValue')}</th></tr></thead><tbody>
      <tr><th>${t('hvTotal')}</th><td data-testid="${id}-items">${l.items.toLocaleString()}</td><td data-testid="${id}-value">${yuan(l.book_value)}</td></tr>
      ${row('hvTransferred', l.transferred, 'transferred')}${row('hvDisposed', l.disposed, 'disposed')}
      ${row('hvWrittenOff', l.written_off, 'written-off')}${row('hvUnassigned', l.unassigned, 'unassigned')}</tbody></table></div>`;
}

function summaryCards(v: HandoverView): Markup {
  const s = v.status;
  const c = s.cadres;
  const q = s.quotas;
  const sv = s.services;
  const cadres = html`<div class="card hv-card" data-testid="card-cadres"><h3>${t('hvCadres')}</h3>
    <p class="big"><span data-testid="cadres-placed">${c.placed}</span> / ${c.roster} <span class="muted">${t('hvPlaced')}</span></p>
    <p>${t('hvTalkCoverage')}${C()}<strong data-testid="talk-coverage">${pct(c.talk_coverage)}</strong> <span class="muted">${LP()}${c.talked}/${c.roster}${RP()}</span></p>
    <div class="bar"><span style="width:${Math.min(100, c.talk_coverage * 100)}%"></span></div>
    ${c.overstaffed ? html`<p class="muted">${t('hvOverstaffed')}${C()}${c.overstaffed}${LP()}${c.overstaff_outstanding}${RP()}</p>` : ''}</div>`;
  const quotas = html`<div class="card hv-card" data-testid="card-quotas"><h3>${t('hvQuotas')}
      ${q.computed ? html`<span class="badge-c ${q.within_total ? 'ok' : 'warn'}">${q.within_total ? t('hvWithinTotal') : t('hvOverTotal')}</span>` : ''}</h3>
    ${q.computed ? html`<p class="big" data-testid="quotas-before-after">${q.before} → ${q.after}</p>
      <p>${t('hvReturnedPool')}${C()}<strong data-testid="quotas-pool">${q.returned_to_pool}</strong></p>
      <p>${t('hvAvgMaxMin')}${C()}${q.average.toFixed(1)} / ${q.max} / ${q.min}</p>` : html`<p class="muted" data-testid="quotas-before-after">${t('hvNotComputed')}</p>`}</div>`;
  const services = html`<div class="card hv-card" data-testid="card-services"><h3>${t('hvServices')}
      <span class="badge-c ${sv.holds ? 'ok' : 'warn'}" data-testid="services-holds">${sv.holds ? t('hvHolds') : t('hvNotHolds')}</span></h3>
    <p>${t('hvPointsBeforeAfter')}${C()}${sv.points_before} → ${sv.points_after}</p>
    <p>${t('hvPending')}${C()}<strong data-testid="services-pending">${sv.pending}</strong> · ${t('ocKept')} ${sv.kept} · ${t('ocRenamed')} ${sv.renamed} · ${t('ocUpgraded')} ${sv.upgraded} · ${t('ocMerged')} ${sv.merged} · ${t('ocClosed')} ${sv.closed}</p></div>`;
  return html`<div class="hv-cards">${ledgerCard(t('hvAssets'), s.assets, 'assets')}${ledgerCard(t('hvDebts'), s.debts, 'debts')}${cadres}${quotas}${services}</div>`;
}

function sectionsTable(v: HandoverView, user: UserInfo | undefined, onlyMine: boolean): Markup {
  const groups = v.pairs.map((p) => {
    const secs = v.sections.filter((s) => s.from.code === p.from.code && (!onlyMine || isMine(s, user)));
    if (secs.length === 0) return '';
    const rows = secs.map((s) => {
      const l = light(s);
      const done = s.checklist.filter((c) => c.done).length;
      return html`<tr data-testid="section-row-${s.id}" data-state="${l.state}">
        <td><a href="#/plans/${v.plan}/handover/${s.id}" data-testid="section-link-${s.id}">${tx(s.title)}</a></td>
        <td>${tx(s.department_name)}</td>
        <td data-testid="section-checklist-${s.id}">${done}/${s.checklist.length}</td>
        <td>${s.due}</td>
        <td><span class="clock ${l.cls}" data-testid="section-light-${s.id}">${l.text}</span>
          ${s.closed ? html`<span class="muted" data-testid="section-closed-${s.id}">${s.closed.by} · ${s.closed.date}</span>` : ''}</td></tr>`;
    });
    return html`<tbody data-testid="pair-${p.from.code}"><tr class="pair"><th colspan="5">${unitLabel(p.from)} → ${unitLabel(p.to)}
      <span class="muted">${zh() ? p.kind_zh : PAIR_KIND[p.kind] ?? p.kind}</span></th></tr>${rows}</tbody>`;
  });
  const body = groups.some(Boolean) ? groups : html`<tbody><tr><td colspan="5" class="muted" data-testid="no-sections">${t('hvNoSections')}</td></tr></tbody>`;
  return html`<table class="hv-sections" data-testid="sections"><thead><tr><th>${t('hvSection')}</th><th>${t('hvDepartment')}</th>
    <th>${t('hvChecklist')}</th><th>${t('hvDue')}</th><th>${t('hvState')}</th></tr></thead>${body}</table>`;
}

function importPanel(v: HandoverView, user: UserInfo | undefined): Markup | '' {
  const kinds = importKinds(user);
  if (kinds.length === 0) return '';
  return html`<div class="card" data-testid="import-panel"><h3>${t('hvImport')}</h3>
    <form class="act" data-action="import" data-testid="import-form">
      <div class="row"><label>${t('hvImportKind')} <select name="kind" data-testid="import-kind">${kinds.map((k) => html`<option value="${k}">${t(KIND_KEY[k])}</option>`)}</select></label>
      <input type="file" name="file" accept=".csv,.xlsx,.xls" data-testid="import-file" aria-label="${t('file')}">
      <button type="submit" name="mode" value="preview" data-testid="import-preview">${t('hvPreview')}</button>
      <button type="submit" name="mode" value="commit" class="primary" data-testid="import-commit" disabled>${t('hvCommit')}</button></div>
      <p class="muted">${t('hvImportHint')}</p></form>
    <div id="import-result" data-testid="import-result"></div><p class="muted">${v.synthetic ? t('hvSynthetic') : ''}</p></div>`;
}

/** The preview (or stored result) of an import. */
export function importResult(o: ImportOutcome): Markup {
  const r = o.report;
  return html`<p><strong>${o.stored ? t('hvStored') : t('hvNotStored')}</strong> ${o.file} · ${t('hvRowsRead')} <span data-testid="import-rows">${o.rows}</span>
      <code title="SHA-256">${o.sha256.slice(0, 12)}…</code></p>
    ${r ? html`<p data-testid="import-report">${t('hvItems')} ${r.items} · ${t('hvAdded')} <strong>${r.added}</strong> · ${t('hvRemoved')} <strong class="${r.removed ? 'error' : ''}">${r.removed}</strong> · ${t('hvChanged')} <strong>${r.changed}</strong> · ${t('hvUnchanged')} ${r.unchanged}</p>` : ''}
    ${o.warnings.length ? html`<div class="warnings" data-testid="import-warnings"><strong>${t('hvWarnings')}</strong><ul>${o.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>` : ''}
    <div class="scroll"><table class="ind preview" data-testid="import-preview-table"><thead><tr>${o.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
      <tbody>${o.preview.map((row) => html`<tr>${row.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table></div>`;
}

/** The handover overview of a plan. */
export function handoverOverview(v: HandoverView, user: UserInfo | undefined, onlyMine: boolean): Markup {
  const s = v.status;
  const share = s.sections_total ? s.sections_closed / s.sections_total : 0;
  const docs = v.documents.length
    ? html`<ul class="docs" data-testid="hv-documents">${v.documents.map((d) => html`<li><a href="/api/plans/${v.plan}/handover/documents/${encodeURIComponent(d.id)}" download="${d.name}" data-testid="hv-doc-${d.id}">${zh() ? d.zh : d.en}</a></li>`)}</ul>`
    : html`<p class="muted">${t('none')}</p>`;
  return html`<h2>${t('hvTitle')}${C()}${v.name} ${v.synthetic ? html`<span class="tag" data-testid="synthetic-tag">${t('hvSyntheticTag')}</span>` : ''}
      <a href="#/plans/${v.plan}" class="link small">${t('hvBackBoard')}</a></h2>
    <p class="muted" data-testid="hv-meta">#${v.plan} · ${t('hvTemplate')}${C()}${tx(v.template)} · ${t('hvApproved')}${C()}${v.approved_on} · ${t('version')} ${v.version} · ${v.updated_by}</p>
    ${syntheticBanner(v.synthetic)}
    <div class="card" data-testid="progress"><h3>${t('hvProgress')}</h3>
      <p class="big"><span data-testid="progress-closed">${s.sections_closed}</span> / <span data-testid="progress-total">${s.sections_total}</span> ${t('hvSectionsClosed')}${LP()}${pct(share)}${RP()}</p>
      <div class="bar"><span style="width:${share * 100}%"></span></div>
      ${v.may_generate ? html`<form class="act" data-action="generate"><button type="submit" data-testid="regenerate">${t('hvRegenerate')}</button></form>` : ''}</div>
    ${summaryCards(v)}
    <div class="card"><h3>${t('hvSections')}
      <label class="filter"><input type="checkbox" id="only-mine" data-testid="filter-mine" ${onlyMine ? 'checked' : ''}> ${t('hvOnlyMine')}</label></h3>
      ${sectionsTable(v, user, onlyMine)}</div>
    ${importPanel(v, user)}
    <div class="card"><h3>${t('hvDocuments')}</h3>${docs}</div>`;
}

/** The page when the plan has no handover yet. */
export function notGenerated(plan: number, mayGenerate: boolean): Markup {
  return html`<h2>${t('hvTitle')} <a href="#/plans/${plan}" class="link small">${t('hvBackBoard')}</a></h2>
    <div class="card" data-testid="not-generated"><p>${t('hvNotGenerated')}</p>
    ${mayGenerate ? html`<form class="act" data-action="generate"><button type="submit" class="primary" data-testid="generate">${t('hvGenerate')}</button></form>`
      : html`<p class="muted">${t('hvNoGenerate')}</p>`}</div>`;
}
